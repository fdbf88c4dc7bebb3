"""The match core: proposals, gap groups, the text, Markdown and JSON reports, applying."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from referral_cli.commands.match import (
    ApplySummary,
    Candidate,
    MatchReport,
    Proposal,
    _average_link,
    apply_above,
    apply_candidate,
    apply_interactively,
    format_json,
    format_markdown,
    format_text,
    group_gaps,
    run_match,
    summary_line,
    unattended_choice,
)
from referral_cli.commands.validate import validate_repository
from referral_cli.errors import FindingsError
from referral_cli.findings import Finding
from tests.test_search import SEARCH_TREE

MakeRepo = Callable[..., Path]

INVENTORY = "data/inventory/2026/"
SIM = INVENTORY + "2026-08-24-sim-kort-aaaaaa.yaml"
PARKING_1 = INVENTORY + "2026-08-25-parkering-bbbbbb.yaml"
PARKING_2 = INVENTORY + "2026-08-26-parkering-cccccc.yaml"
BIRDS = INVENTORY + "2026-08-27-fagel-dddddd.yaml"
PASS = INVENTORY + "2026-08-28-pass-eeeeee.yaml"

# CRLF line endings, comments, odd spacing and no final newline: all must survive.
SIM_TEXT = (
    "# yaml-language-server: $schema=../../../schemas/inventory-entry.schema.json\r\n"
    "date: 2026-08-24\r\n"
    "description: >-\r\n"
    "  En besökare ville återställa sitt låsta SIM-kort\r\n"
    "  och hade tappat bort PUK-koden. Hen hade ingen legitimation.   \r\n"
    "# skrivet i disken\r\n"
    "reasons: [time]    # tog tid\r\n"
    "outcome: helped"
)
ENTRIES = {
    SIM: SIM_TEXT,
    PARKING_1: (
        "date: 2026-08-25\n"
        "description: En besökare ville betala parkeringen med en parkeringsapp i mobilen.\n"
        "reflection: Vi vet inte vem som ansvarar för kommunens parkering.\n"
        "referred_to: [kommunen]\n"
    ),
    PARKING_2: (
        "date: 2026-08-26\ndescription: Hjälp att ladda ner parkeringsappen och betala parkering.\n"
    ),
    BIRDS: "date: 2026-08-27\ndescription: En besökare frågade efter en förening för fågelskådning.\n",
    PASS: (
        "date: 2026-08-28\n"
        "description: En besökare ville ha hjälp med sin passansökan.\n"
        "category: dokument   # vet inte vilken rad\n"
        "row:\n"
    ),
}


@pytest.fixture
def repo(make_repo: MakeRepo) -> Path:
    return make_repo({**SEARCH_TREE, **ENTRIES})


@pytest.fixture
def report(repo: Path) -> MatchReport:
    return run_match(repo)


def test_entries_without_a_row_get_ranked_proposals(report: MatchReport) -> None:
    assert [p.loaded.display for p in report.proposals] == [SIM, PARKING_1, PARKING_2, BIRDS, PASS]
    sim = report.proposals[0]
    assert sim.best is not None
    assert [c.item.row.id for c in sim.candidates] == [
        "sim-kort",
        "bank-e-legitimation",
        "passansokan",
    ]
    assert sim.best.score > 0.5 > sim.candidates[1].score
    assert set(sim.best.matched) >= {"SIM-kort", "PUK"}


def test_an_entry_with_a_category_only_gets_rows_from_it(report: MatchReport) -> None:
    proposal = report.proposals[-1]
    assert [c.item.row.id for c in proposal.candidates] == ["passansokan"]


def test_good_proposals_and_gaps(report: MatchReport) -> None:
    assert [p.loaded.display for p in report.good] == [SIM, PASS]
    assert [p.loaded.display for p in report.gaps] == [PARKING_1, PARKING_2, BIRDS]


def test_min_score_moves_the_line(repo: Path) -> None:
    assert [p.loaded.display for p in run_match(repo, min_score=0.9).good] == [PASS]
    assert len(run_match(repo, min_score=0.0).good) == 2  # gaps without any candidate stay gaps


def test_gaps_about_the_same_thing_are_grouped(report: MatchReport) -> None:
    groups = report.gap_groups()
    assert [[p.loaded.display for p in g.proposals] for g in groups] == [
        [PARKING_1, PARKING_2],
        [BIRDS],
    ]
    assert groups[0].words[:2] == ["parkeringen", "betala"]  # shared by both questions
    assert groups[1].words[:2] == ["fågelskådning", "förening"]


def test_grouping_threshold(report: MatchReport) -> None:
    gaps = report.gaps
    assert [len(g.proposals) for g in group_gaps(gaps, threshold=1.01)] == [1, 1, 1]
    assert [len(g.proposals) for g in group_gaps(gaps, threshold=0.01)] == [2, 1]


def test_words_every_question_uses_weigh_little(report: MatchReport) -> None:
    # Against a background where every question talks about parking, sharing the
    # parking words says little: the two parking questions no longer group.
    background = [f"parkering parkeringen parkeringsapp betala nummer {i}" for i in range(50)]
    groups = group_gaps(report.gaps, background)
    assert [len(g.proposals) for g in groups] == [1, 1, 1]


def test_average_link_does_not_chain() -> None:
    # a-b and b-c are similar, a and c are not: single-link would make one group.
    neighbours = {0: {1: 0.5}, 1: {0: 0.5, 2: 0.5}, 2: {1: 0.5}}
    assert _average_link(neighbours, 0.3) == [[0, 1], [2]]
    assert _average_link(neighbours, 0.2) == [[0, 1, 2]]
    assert _average_link(neighbours, 0.6) == [[0], [1], [2]]


def test_text_report(report: MatchReport) -> None:
    text = format_text(report)
    assert text.startswith("Förslag (2):\n\n1. " + SIM + " (2026-08-24)\n")
    assert "   [1] sim-kort " in text
    assert "(svag träff)" in text
    assert "Luckor: frågor som ingen rad i matrisen passar (3):\nGrupp 1: " in text
    assert (
        f"  - {BIRDS}: En besökare frågade efter en förening för fågelskådning. [ingen rad liknar]"
        in text
    )


def test_text_report_in_english(repo: Path) -> None:
    text = format_text(run_match(repo, language="en"))
    assert text.startswith("Proposals (2):")
    assert "Gaps: questions no matrix row fits (3):\nGroup 1: " in text
    assert "(2 questions)" in text and "(1 question)" in text


def test_nothing_to_match(make_repo: MakeRepo) -> None:
    report = run_match(make_repo(SEARCH_TREE))
    assert format_text(report) == "Alla frågor i inventeringen har en rad i matrisen."


def test_markdown_gap_document(report: MatchReport) -> None:
    document = format_markdown(report, today=date(2026, 9, 1))
    first_group = report.gap_groups()[0]
    assert document == (
        "# Frågor som matrisen saknar rader för\n"
        "\n"
        "Testbiblioteket. Sammanställt 2026-09-01.\n"
        "\n"
        "Frågor från frågeinventeringen som ingen rad i matrisen passar, grupperade efter "
        "likhet. Underlag till arbetsgruppen: behövs en ny rad, eller ska en befintlig rad "
        "utvidgas?\n"
        "\n"
        f"## Grupp 1: {', '.join(first_group.words)} (2 frågor)\n"
        "\n"
        f"Gemensamma ord: {', '.join(first_group.words)}.\n"
        "\n"
        f"### 2026-08-25 · `{PARKING_1}`\n"
        "\n"
        "En besökare ville betala parkeringen med en parkeringsapp i mobilen.\n"
        "\n"
        "*Reflektion:* Vi vet inte vem som ansvarar för kommunens parkering.\n"
        "\n"
        "- Hänvisad till: Kommunens kontaktcenter\n"
        "- Närmaste rad: ingen rad liknar\n"
        "\n"
        f"### 2026-08-26 · `{PARKING_2}`\n"
        "\n"
        "Hjälp att ladda ner parkeringsappen och betala parkering.\n"
        "\n"
        "- Närmaste rad: ingen rad liknar\n"
        "\n"
        "## Grupp 2: fågelskådning, förening (1 fråga)\n"
        "\n"
        f"### 2026-08-27 · `{BIRDS}`\n"
        "\n"
        "En besökare frågade efter en förening för fågelskådning.\n"
        "\n"
        "- Närmaste rad: ingen rad liknar\n"
    )


def test_markdown_without_gaps(repo: Path) -> None:
    document = format_markdown(run_match(repo, min_score=0.0, language="en"), date(2026, 9, 1))
    assert "## Group 1: " in document  # entries without any candidate are still gaps


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "sv",
            "# Frågor som matrisen saknar rader för\n\nTestbiblioteket. Sammanställt 2026-09-01.\n\n"
            "Frågor från frågeinventeringen som ingen rad i matrisen passar, grupperade efter "
            "likhet. Underlag till arbetsgruppen: behövs en ny rad, eller ska en befintlig rad "
            "utvidgas?\n\nInga luckor: varje fråga utan rad har minst ett förslag i matrisen.\n",
        ),
        (
            "en",
            "# Questions the matrix has no row for\n\nTestbiblioteket. Compiled 2026-09-01.\n\n"
            "Questions from the question inventory that no matrix row fits, grouped by "
            "similarity. For the working group: is a new row needed, or should an existing row "
            "be widened?\n\nNo gaps: every question without a row has at least one proposal in "
            "the matrix.\n",
        ),
    ],
)
def test_markdown_when_nothing_is_missing(make_repo: MakeRepo, lang: str, expected: str) -> None:
    report = run_match(make_repo(SEARCH_TREE), language=lang)
    assert format_markdown(report, today=date(2026, 9, 1)) == expected


def test_json_report(report: MatchReport) -> None:
    data = json.loads(format_json(report))
    assert data["min_score"] == 0.2
    assert [(e["file"], e["date"], e["good"]) for e in data["entries"]] == [
        (SIM, "2026-08-24", True),
        (PARKING_1, "2026-08-25", False),
        (PARKING_2, "2026-08-26", False),
        (BIRDS, "2026-08-27", False),
        (PASS, "2026-08-28", True),
    ]
    best = data["entries"][0]["candidates"][0]
    assert (best["row"], best["category"], best["refer_to"]) == (
        "sim-kort",
        "telefoner",
        ["operatoren"],
    )
    assert data["entries"][3]["candidates"] == []
    assert [e["unmatched"] for e in data["entries"]] == [
        ["tappat"],
        [
            "betala",
            "parkeringen",
            "parkeringsapp",
            "mobilen",
            "vet",
            "ansvarar",
            "kommunens",
            "parkering",
        ],
        ["ladda", "parkeringsappen", "betala", "parkering"],
        ["förening", "fågelskådning"],
        [],
    ]
    assert data["gaps"] == [
        {"words": report.gap_groups()[0].words, "files": [PARKING_1, PARKING_2]},
        {"words": report.gap_groups()[1].words, "files": [BIRDS]},
    ]


@pytest.mark.parametrize(
    ("lang", "failed", "expected"),
    [
        ("sv", 0, "1 skrivna, 2 överhoppade."),
        ("en", 0, "1 written, 2 skipped."),
        ("sv", 1, "1 skrivna, 2 överhoppade. 1 kunde inte skrivas, se ovan; rätta filen för hand."),
        ("en", 1, "1 written, 2 skipped. 1 could not be written, see above; fix the file by hand."),
    ],
)
def test_summary_line(report: MatchReport, lang: str, failed: int, expected: str) -> None:
    finding = Finding("x.yaml", 1, 1, "error", "cannot-edit", "no")
    summary = ApplySummary(
        applied=[(report.proposals[0], report.proposals[0].candidates[0])],
        skipped=report.proposals[1:3],
        failed=[finding] * failed,
    )
    assert summary_line(lang, summary) == expected


# --- applying ---------------------------------------------------------------------------


def test_apply_writes_row_and_category_and_keeps_every_other_byte(
    repo: Path, report: MatchReport
) -> None:
    proposal = report.proposals[0]
    assert proposal.best is not None
    apply_candidate(proposal, proposal.best)
    after = (repo / SIM).read_bytes()
    assert after == SIM_TEXT.encode("utf-8") + b"\r\ncategory: telefoner\r\nrow: sim-kort"
    assert validate_repository(repo).errors == []


def test_apply_fills_an_empty_row_in_place_and_keeps_the_category(
    repo: Path, report: MatchReport
) -> None:
    proposal = report.proposals[-1]
    assert proposal.best is not None
    apply_candidate(proposal, proposal.best)
    assert (repo / PASS).read_text(encoding="utf-8") == ENTRIES[PASS].replace(
        "row:\n", "row: passansokan\n"
    )
    assert validate_repository(repo).errors == []


def test_apply_above_accepts_only_proposals_at_the_threshold(
    repo: Path, report: MatchReport
) -> None:
    summary = apply_above(report, 0.2)
    assert [p.loaded.display for p, _ in summary.applied] == [SIM, PASS]
    for name in (PARKING_1, PARKING_2, BIRDS):
        assert (repo / name).read_text(encoding="utf-8") == ENTRIES[name]
    assert [p.loaded.display for p in run_match(repo).proposals] == [PARKING_1, PARKING_2, BIRDS]


def test_apply_above_counts_the_entries_it_leaves_for_a_person(report: MatchReport) -> None:
    # At the default, the SIM proposal (0.65) is weak for an unattended write: left, and
    # said so in the summary, never passed over in silence.
    summary = apply_above(report)
    written = {p.loaded.display for p, _ in summary.applied}
    assert SIM not in written and SIM in [p.loaded.display for p in summary.left]
    with_candidates = {p.loaded.display for p in report.proposals if p.candidates}
    assert {p.loaded.display for p in summary.left} == with_candidates - written
    assert summary_line("sv", summary) == (
        f"{len(written)} skrivna, {len(summary.left)} lämnade att välja för hand "
        "(svagt eller tvetydigt förslag)."
    )


@pytest.mark.parametrize(
    ("scores", "min_score", "written"),
    [
        ((0.9,), None, True),
        ((0.7,), None, True),  # AUTO_APPLY_SCORE
        ((0.69,), None, False),  # weak
        ((0.9, 0.8), None, False),  # ambiguous: the runner-up is nearly as good
        ((0.9, 0.75), None, True),  # AMBIGUITY_MARGIN apart
        ((0.6,), 0.5, True),  # an explicit --min-score
        ((0.6, 0.5), 0.5, False),  # ... never writes an ambiguous one either
    ],
)
def test_unattended_writes_only_clear_strong_proposals(
    report: MatchReport, scores: tuple[float, ...], min_score: float | None, written: bool
) -> None:
    items = [c.item for c in report.proposals[0].candidates]
    proposal = Proposal(
        report.proposals[0].loaded,
        [Candidate(item, score, ()) for item, score in zip(items, scores, strict=False)],
    )
    choice = (
        unattended_choice(proposal) if min_score is None else unattended_choice(proposal, min_score)
    )
    assert (choice is proposal.candidates[0]) is written
    assert (choice is None) is not written


def test_interactive_accept_choose_skip_and_retry(repo: Path, report: MatchReport) -> None:
    answers = iter(["x", "2", "a"])
    said: list[str] = []
    summary = apply_interactively(report, lambda _: next(answers), said.append)
    # SIM: 'x' is refused, then candidate 2; the parking entries and birds have no
    # candidates and are not asked about; PASS: accepted.
    assert [(p.loaded.display, c.item.row.id) for p, c in summary.applied] == [
        (SIM, "bank-e-legitimation"),
        (PASS, "passansokan"),
    ]
    assert "Svara a, s, q eller ett nummer 1–3." in said
    assert f"Skrev row: bank-e-legitimation → {SIM}" in said
    assert (repo / SIM).read_bytes().endswith(b"\r\ncategory: dokument\r\nrow: bank-e-legitimation")


def test_asking_shows_why_each_row_was_proposed_and_what_no_row_has(report: MatchReport) -> None:
    said: list[str] = []
    apply_interactively(report, lambda _: "q", said.append)
    assert said[0] == (
        f"1. {SIM} (2026-08-24)\n"
        "   En besökare ville återställa sitt låsta SIM-kort och hade tappat bort PUK-koden. "
        "Hen hade…\n"
        "   [1] sim-kort 0.65  Återställa ett låst SIM-kort\n"
        "       träffar i raden: SIM-kort, Återställa, låst, PUK, koden\n"
        "   [2] bank-e-legitimation 0.07  Bankärenden och inloggning med e-legitimation  "
        "(svag träff)\n"
        "       träffar i raden: legitimation\n"
        "   [3] passansokan 0.07  Hjälp med passansökan och visumansökan  (svag träff)\n"
        "       träffar i raden: legitimation\n"
        "   hittade inte i någon rad: tappat"
    )
    # The report printed without --apply stays as it was: the reasons are for choosing.
    assert "träffar i raden" not in format_text(report)


def test_words_no_row_has_are_named_once_each(make_repo: MakeRepo) -> None:
    entry = "date: 2026-08-29\ndescription: Zebran åt upp ZEBRAN, sa Zebran om PUK-koden.\n"
    report = run_match(make_repo({**SEARCH_TREE, INVENTORY + "2026-08-29-z-ffffff.yaml": entry}))
    [proposal] = report.proposals
    assert proposal.unmatched == ("Zebran",)
    said: list[str] = []
    apply_interactively(report, lambda _: "q", said.append)
    assert said[0].endswith("\n   hittade inte i någon rad: Zebran")


def test_interactive_quit_keeps_what_was_applied(repo: Path, report: MatchReport) -> None:
    answers = iter(["s", "q"])
    summary = apply_interactively(report, lambda _: next(answers), lambda _: None)
    assert summary.quit
    assert [p.loaded.display for p in summary.skipped] == [SIM]
    assert summary.applied == []
    assert (repo / SIM).read_bytes() == SIM_TEXT.encode("utf-8")


def test_interactive_in_english(repo: Path) -> None:
    answers = iter(["x", "s", "q"])
    asked: list[str] = []
    said: list[str] = []

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    summary = apply_interactively(run_match(repo, language="en"), ask, said.append)
    assert asked == ["[a] accept, 1–3 choose, [s] skip, [q] quit"] * 2 + [
        "[a] accept, 1–1 choose, [s] skip, [q] quit"
    ]
    assert said[1:3] == ["Answer a, s, q or a number 1–3.", f"Skipped {SIM}"]
    assert said[-1] == "Stopped; what was already written stays."
    assert "(weak match)" in said[0]
    assert "\n       matched in the row: SIM-kort, Återställa, låst, PUK, koden\n" in said[0]
    assert said[0].endswith("\n   found in no row: tappat")
    assert summary.quit and summary.applied == []


def test_an_entry_changed_into_invalid_yaml_is_not_written(repo: Path, report: MatchReport) -> None:
    # Someone edits the file between loading and applying: the edit must not guess.
    (repo / SIM).write_text("date: 2026-08-24\ndescription: x\nrow: >-\n  a\n", encoding="utf-8")
    proposal = report.proposals[0]
    assert proposal.best is not None
    with pytest.raises(FindingsError) as caught:
        apply_candidate(proposal, proposal.best)
    assert caught.value.findings[0].text() == (
        "the file was changed (or removed) after the proposal was shown; nothing was written to it"
    )
    assert (repo / SIM).read_text(encoding="utf-8").endswith("row: >-\n  a\n")
    proposal.loaded.digest = None  # as if read now: the edit itself still refuses to guess
    with pytest.raises(FindingsError) as caught:
        apply_candidate(proposal, proposal.best)
    assert caught.value.findings[0].text() == (
        "the value of 'row' spans several lines; cannot change it safely"
    )


@pytest.mark.parametrize("seen", ["row: kallkritik\n", "category: annat\n", "# en kommentar\n"])
def test_a_colleagues_edit_after_the_proposal_is_never_overwritten(
    repo: Path, report: MatchReport, seen: str
) -> None:
    # Issue 15, item 8: the file gained `row:` by hand after the proposal was shown, and
    # the apply replaced it. Any change since the proposal keeps the file as it is.
    proposal = report.proposals[0]
    assert proposal.best is not None
    edited = (repo / SIM).read_text(encoding="utf-8") + seen
    (repo / SIM).write_text(edited, encoding="utf-8")
    summary = apply_above(report, min_score=0.0)
    assert (repo / SIM).read_text(encoding="utf-8") == edited
    assert [f.format() for f in summary.failed if f.file == SIM] == [
        f"{SIM}:1:1: error: the file was changed (or removed) after the proposal was shown; "
        "nothing was written to it [file-changed]\n"
        "    hint: run 'referral match' again to see proposals for the file as it is now"
    ]


def test_a_file_that_cannot_be_edited_is_reported_and_the_session_goes_on(
    repo: Path, report: MatchReport
) -> None:
    (repo / SIM).write_text("date: 2026-08-24\ndescription: x\nrow: >-\n  a\n", encoding="utf-8")
    said: list[str] = []
    answers = iter(["a", "a"])
    summary = apply_interactively(report, lambda _: next(answers), said.append)
    assert [p.loaded.display for p, _ in summary.applied] == [PASS]
    assert [f.format().splitlines()[0] for f in summary.failed] == [
        f"{SIM}:1:1: error: the file was changed (or removed) after the proposal was shown; "
        "nothing was written to it [file-changed]"
    ]
    assert summary.failed[0].format("sv") in said  # in the library's language
    # Entries are numbered as they are asked about: those without candidates are left out.
    assert said[-2].startswith(f"2. {PASS} (2026-08-28)")


def test_default_reason_labels_follow_the_language(repo: Path) -> None:
    # The test library keeps the default reasons: --lang words them (issue 11 item 4).
    assert run_match(repo, language="en").reason_labels["privacy"] == "Privacy / personal data"
    assert run_match(repo).reason_labels["privacy"] == "Integritet / personuppgifter"
