"""Lookup at a terminal: the answer's panel, the one-liners, the closest rows when no row is
a sure answer, the words found nowhere, the actors, and what is said when nothing is found.
The panel uses the desk guide's labels."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from referral_cli.answers import ANSWER_SCORE, TIE_MARGIN
from referral_cli.cli.plain_text import Screen
from referral_cli.cli.show_lookup import render_lookup
from referral_cli.commands.lookup import LookupResult, as_data, run_lookup
from tests.test_search import SEARCH_TREE

MakeRepo = Callable[..., Path]


@pytest.fixture
def repo(make_repo: MakeRepo) -> Path:
    return make_repo(SEARCH_TREE)


def rendered(result: LookupResult, *, show_all: bool = False, width: int = 80) -> str:
    buffer = io.StringIO()
    render_lookup(result, Screen(buffer, width=width, styled=False), show_all=show_all)
    return buffer.getvalue()


BANKID_PANEL = """\
╭─ Dokument och e-tjänster ────────────────────────────────────────────────────╮
│ Bankärenden och inloggning med e-legitimation                                │
│                                                                              │
│ Biblioteket kan                                                              │
│ Visa bankens webbplats och kundtjänst.                                       │
│                                                                              │
│ Säg till exempel                                                             │
│ ”Jag visar dig var bankens kundtjänst finns.”                                │
│                                                                              │
│ Lösning och/eller motivering                                                 │
│ Banken som utfärdat e-legitimationen ger support.                            │
│                                                                              │
│ Hänvisa till                                                                 │
│ Din bank                                                                     │
│   Webb: https://www.bankid.com                                               │
│   Öppettider: Varierar mellan bankerna.                                      │
│ Skatteverket                                                                 │
│   Telefon: 0771-567 567                                                      │
│   Webb: https://www.skatteverket.se                                          │
│   Öppettider: Vardagar 8–16.                                                 │
│                                                                              │
│ Användaren behöver ha med                                                    │
│ E-legitimation, Lånekort                                                     │
╰─────────────────────────────────────── rad bank-e-legitimation · träff 1.00 ─╯
"""


def test_best_row_is_shown_as_a_full_panel(repo: Path) -> None:
    assert rendered(run_lookup(repo, ["bankid"])) == BANKID_PANEL


def test_english_uses_the_desk_guide_labels(repo: Path) -> None:
    lines = [line.strip("│ ") for line in rendered(run_lookup(repo, ["bankid"], "en")).splitlines()]
    for label in (
        "The library can",
        "You can say",
        "Solution and/or reason",
        "Refer to",
        "The user needs to bring",
    ):
        assert label in lines, label
    assert "“Jag visar dig var bankens kundtjänst finns.”" in lines
    assert "E-ID, Library card" in lines
    assert "Phone: 0771-567 567" in lines
    assert lines[-1].endswith("row bank-e-legitimation · score 1.00 ─╯")


def test_more_hits_are_one_liners(repo: Path) -> None:
    text = rendered(run_lookup(repo, ["kort"]))
    assert text.startswith("╭─ Telefoner och enheter ─")
    assert "│ Återställa ett låst SIM-kort " in text
    assert text.endswith(
        "Fler träffar:\n"
        "  2. Bankärenden och inloggning med e-legitimation → Din bank, Skatteverket\n"
        "  3. Hjälp med passansökan och visumansökan → Skatteverket\n"
        "Aktörer:\n"
        "  Skatteverket (Telefon: 0771-567 567; Webb: https://www.skatteverket.se)\n"
    )


def test_one_liners_in_english(repo: Path) -> None:
    text = rendered(run_lookup(repo, ["kort"], "en"))
    assert "\nMore hits:\n  2. Bankärenden" in text
    assert text.endswith(
        "Actors:\n  Skatteverket (Phone: 0771-567 567; Web: https://www.skatteverket.se)\n"
    )


def test_one_liners_are_cut_to_the_width_not_wrapped(repo: Path) -> None:
    lines = rendered(run_lookup(repo, ["kort"]), width=40).splitlines()
    assert lines[-4:-2] == [
        "  2. Bankärenden och inloggning med e-l…",
        "  3. Hjälp med passansökan och visumans…",
    ]


def test_all_shows_every_hit_in_full(repo: Path) -> None:
    result = run_lookup(repo, ["kort"])
    assert len(result.hits) == 3
    text = rendered(result, show_all=True)
    assert text.count("╭─") == 3
    assert "Fler träffar" not in text


def test_row_without_referral_says_the_library_helps(repo: Path) -> None:
    lines = rendered(run_lookup(repo, ["fake", "news"])).splitlines()
    assert lines[lines.index(f"│ Hänvisa till{' ' * 65}│") + 1] == (
        f"│ Ingen hänvisning: biblioteket hjälper till.{' ' * 34}│"
    )


def test_actors_matching_the_query_are_listed_unless_already_shown(repo: Path) -> None:
    # Din bank helps with BankID: it is in the answer's panel, so not listed again.
    text = rendered(run_lookup(repo, ["bankid"]))
    assert "│ Din bank" in text
    assert "Aktörer:" not in text
    text = rendered(run_lookup(repo, ["kontaktcenter"]))
    assert "Inget i matrisen matchar ”kontaktcenter”." in text
    assert "Aktörer:\n  Kommunens kontaktcenter\n" in text


# --- no sure answer ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            None,
            "Inget säkert svar på ”bankid zebra”. Närmaste rader (träff 0–1):\n"
            "  0.34  Bankärenden och inloggning med e-legitimation → Din bank, Skatteverket\n"
            "Hittade inte: zebra\n"
            "Visa raderna i sin helhet med --all.\n",
        ),
        (
            "en",
            "No sure answer for ”bankid zebra”. Closest rows (score 0–1):\n"
            "  0.34  Bankärenden och inloggning med e-legitimation → Din bank, Skatteverket\n"
            "Not found: zebra\n"
            "Show the rows in full with --all.\n",
        ),
    ],
)
def test_a_weak_best_row_is_not_shown_as_the_answer(
    repo: Path, lang: str | None, expected: str
) -> None:
    # "zebra" is found nowhere: the bank row matches half the question, no more.
    result = run_lookup(repo, ["bankid", "zebra"], lang)
    assert result.hits[0].score < ANSWER_SCORE
    assert rendered(result) == expected


@pytest.mark.parametrize(("score", "panel"), [(ANSWER_SCORE, True), (ANSWER_SCORE - 0.01, False)])
def test_the_answer_needs_the_answer_score(repo: Path, score: float, panel: bool) -> None:
    result = run_lookup(repo, ["bankid"])
    result.hits = [replace(result.hits[0], score=score)]
    text = rendered(result)
    assert text.startswith("╭─ Dokument och e-tjänster") is panel
    assert text.startswith("Inget säkert svar på ”bankid”.") is not panel


@pytest.mark.parametrize(
    ("best", "second", "panel"),
    [
        (0.9, 0.9, False),  # one synonym leading to two rows: which is first is chance
        (1.0, 0.96, False),
        (0.95, 0.9, True),  # exactly TIE_MARGIN ahead (not 0.04999… in floating point)
        (1.0, 0.5, True),
    ],
)
def test_two_rows_nearly_equal_are_no_sure_answer(
    repo: Path, best: float, second: float, panel: bool
) -> None:
    assert TIE_MARGIN == 0.05  # the table's edge case is written for it
    result = run_lookup(repo, ["bankid"])
    other = run_lookup(repo, ["passansökan"]).hits[0]
    result.hits = [replace(result.hits[0], score=best), replace(other, score=second)]
    text = rendered(result)
    assert text.startswith("╭─ Dokument och e-tjänster") is panel
    assert text.startswith("Inget säkert svar på ”bankid”.") is not panel
    assert (result.answer is not None) is panel


def test_closest_rows_show_their_scores_and_the_actors_not_shown_in_full(repo: Path) -> None:
    assert rendered(run_lookup(repo, ["deklaration"])) == (
        "Inget säkert svar på ”deklaration”. Närmaste rader (träff 0–1):\n"
        "  0.35  Bankärenden och inloggning med e-legitimation → Din bank, Skatteverket\n"
        "  0.35  Hjälp med passansökan och visumansökan → Skatteverket\n"
        "Visa raderna i sin helhet med --all.\n"
        "Aktörer:\n"
        "  Skatteverket (Telefon: 0771-567 567; Webb: https://www.skatteverket.se)\n"
    )


def test_closest_rows_are_cut_to_the_width_and_at_most_five(repo: Path) -> None:
    result = run_lookup(repo, ["deklaration"])
    result.hits = result.hits[:1] * 7
    assert rendered(result, width=40).splitlines() == [
        "Inget säkert svar på ”deklaration”. ",  # wrapped, not cut
        "Närmaste rader (träff 0–1):",
        *["  0.35  Bankärenden och inloggning med …"] * 5,
        "Visa raderna i sin helhet med --all.",
        "Aktörer:",
        "  Skatteverket (Telefon: 0771-567 567; …",
    ]


def test_all_shows_weak_rows_in_full_under_the_warning(repo: Path) -> None:
    text = rendered(run_lookup(repo, ["deklaration"]), show_all=True)
    assert text.startswith("Inget säkert svar på ”deklaration”. Närmaste rader (träff 0–1):\n╭─ ")
    assert text.count("╭─ Dokument och e-tjänster") == 2
    assert "rad passansokan · träff 0.35" in text
    assert "--all" not in text and "Aktörer:" not in text


def test_an_answer_names_the_words_found_nowhere_under_its_panel(repo: Path) -> None:
    result = run_lookup(repo, ["bankid"])
    result.unmatched = ["zebra", "giraff", "Zebra", "GIRAFF"]  # each word named once
    assert rendered(result) == BANKID_PANEL + "Hittade inte: zebra, giraff\n"
    result.language = "en"
    assert rendered(result).endswith("─╯\nNot found: zebra, giraff\n")


@pytest.mark.parametrize(
    ("terms", "lang", "expected"),
    [
        (
            ["visumet", "zebrafink"],
            None,
            "Inget i matrisen matchar ”visumet zebrafink”.\n"
            "Närmaste ord i matrisen: visumansökan, Visa, visar\n",
        ),
        (
            ["xyzzy"],
            None,
            "Inget i matrisen matchar ”xyzzy”.\n"
            "Inga liknande ord i matrisen. Pröva ett kortare eller annat ord.\n",
        ),
        (
            ["visumet"],
            "en",
            "Nothing in the matrix matches ”visumet”.\n"
            "Closest words in the matrix: visumansökan, Visa, visar\n",
        ),
        (
            ["xyzzy"],
            "en",
            "Nothing in the matrix matches ”xyzzy”.\n"
            "No similar words in the matrix. Try a shorter or different word.\n",
        ),
        # Only words that never count: another spelling would not help, naming the errand will
        (
            ["hur", "gör", "jag"],
            None,
            "Inget i matrisen matchar ”hur gör jag”.\n"
            "Orden är för vanliga eller för korta för att söka på. Skriv vad ärendet gäller,\n"
            "till exempel tjänsten, blanketten eller myndigheten.\n",
        ),
        (
            ["x"],
            "en",
            "Nothing in the matrix matches ”x”.\n"
            "The words are too common or too short to search for. Write what the errand is\n"
            "about, for example the service, the form or the authority.\n",
        ),
    ],
)
def test_nothing_found(repo: Path, terms: list[str], lang: str | None, expected: str) -> None:
    text = rendered(run_lookup(repo, terms, lang))
    assert [line.rstrip() for line in text.splitlines()] == expected.splitlines()


@pytest.mark.parametrize(
    ("terms", "common"), [(["hur", "gör", "jag"], True), (["x"], True), (["xyzzy"], False)]
)
def test_json_says_when_only_common_words_were_typed(
    repo: Path, terms: list[str], common: bool
) -> None:
    data = as_data(run_lookup(repo, terms))
    assert (data["hits"], data["common_words_only"]) == ([], common)


def test_square_brackets_in_a_category_title_are_text(make_repo: MakeRepo) -> None:
    # A str panel title would be read as rich markup: '[/x]' would crash the lookup.
    matrix = SEARCH_TREE["data/matrix.yaml"].replace(
        "title: Telefoner och enheter", "title: Telefoner [/x] [b]"
    )
    repo = make_repo({**SEARCH_TREE, "data/matrix.yaml": matrix})
    assert rendered(run_lookup(repo, ["sim"])).startswith("╭─ Telefoner [/x] [b] ─")


def test_the_visitors_language_at_the_desk(make_repo: MakeRepo) -> None:
    from tests.commands.test_lookup import VISITOR_TREE

    repo = make_repo(VISITOR_TREE)
    panel = rendered(run_lookup(repo, ["bankid"], visitor_language="fa"))
    assert (
        "│ Hänvisa till                                                                 │\n"
        "│ På persiska (فارسی): Skatteverket                                            │\n"
        "│ Din bank                                                                     │\n"
        "│   språk inte angivna                                                         │\n"
        "│   Webb: https://www.bankid.com                                               │\n"
        "│   Öppettider: Varierar mellan bankerna.                                      │\n"
        "│ Skatteverket                                                                 │\n"
        "│   hjälper på persiska (فارسی)                                                │\n"
    ) in panel
    none = rendered(run_lookup(repo, ["bankid"], "en", visitor_language="ti"))
    assert "│ No actor on this row helps in Tigrinya (ትግርኛ), as far as actors.yaml says" in none
    assert "│   not in Tigrinya (ትግርኛ)" in none
    # Without a visitor language the panel is as it always was.
    assert "persiska" not in rendered(run_lookup(repo, ["bankid"]))


def test_one_liners_mark_the_actors_that_help_in_the_visitors_language(
    make_repo: MakeRepo,
) -> None:
    from referral_cli.cli.show_lookup import one_liner
    from tests.commands.test_lookup import VISITOR_TREE

    result = run_lookup(make_repo(VISITOR_TREE), ["bankid"], visitor_language="fa")
    assert one_liner(2, result.hits[0], result) == (
        "2. Bankärenden och inloggning med e-legitimation → Din bank, Skatteverket [fa]"
    )
    assert one_liner(2, result.hits[0]) == (
        "2. Bankärenden och inloggning med e-legitimation → Din bank, Skatteverket"
    )
