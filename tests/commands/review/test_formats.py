from __future__ import annotations

import re
import string
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from referral_cli.commands.review.formats import (
    agenda_context,
    agenda_labels,
    check_agenda_format,
    format_review,
    render_agenda,
)
from referral_cli.commands.review.report import (
    ActorItem,
    ContactItem,
    DueItem,
    QuestionItem,
    ReviewReport,
    run_review,
)
from referral_cli.errors import UsageError
from referral_cli.i18n import catalogue
from referral_cli.rendering import default_template_dir
from referral_cli.rules.loading import load_readable
from referral_cli.store.repository import Guidelines
from tests.review_data import AGENDA_ENTRY, make_review_repo

TODAY = date(2026, 10, 1)


@pytest.fixture
def repo(make_repo: Callable[..., Path]) -> Path:
    return make_review_repo(make_repo)


def test_review_text_sv(repo: Path) -> None:
    text = format_review(run_review(repo, today=TODAY))
    assert text.splitlines() == [
        "Översyn av riktlinjerna – Testbiblioteket (2026-10-01)",
        "Översynsintervall: 6 månader (granskat före 2026-04-01 räknas som försenat).",
        "Senaste översyn av helheten: 2026-06-01.",
        "",
        "Rader som inte granskats inom 6 månader (1)",
        "  skanna-pass  senast granskad 2025-01-10, ansvarig: Kajsa",
        "",
        "Aktörer utan etablerad kontakt (1)",
        "  bank  Banken (okänd)",
        "",
        "Aktörer som aldrig informerats om riktlinjerna (1)",
        "  bank  Banken",
        "",
        "Frågor sedan senaste översynen (2026-06-01) utan rad i matrisen (1)",
        "  2026-09-10  data/inventory/new.yaml  kategori dokument  skäl: technical",
        "",
        "Rader utan ansvarig (1)",
        "  bank-e-legitimation  Bankärenden och inloggning med e-legitimation",
        "",
        "5 punkter att titta på; översynen är försenad.",
    ]


def overdue_report(language: str) -> ReviewReport:
    """Everything overdue, never reviewed, with ids of different lengths to align."""
    return ReviewReport(
        library="Lilla biblioteket",
        language=language,
        today=TODAY,
        interval_months=12,
        due_before=date(2025, 10, 1),
        last_review=None,
        library_overdue=True,
        overdue_rows=[DueItem("a", "A", None), DueItem("long-id", "L", date(2024, 1, 2), "Bo")],
        overdue_actors=[DueItem("bank", "Banken", None, "Kim")],
        no_relationship=[ActorItem("bank", "Banken", "none"), ActorItem("x", "X", "unknown")],
        quiet_contacts=[
            ContactItem("soc", "Socialtjänsten", date(2025, 3, 4), "Mo"),
            ContactItem("abf", "ABF", None),
        ],
        unmatched_questions=[QuestionItem("q.yaml", date(2026, 1, 5), None, (), "Q")],
    )


def test_review_text_en_everything_overdue() -> None:
    assert format_review(overdue_report("en")).splitlines() == [
        "Guideline review – Lilla biblioteket (2026-10-01)",
        "Review interval: 12 months (reviewed before 2025-10-01 counts as overdue).",
        "The guidelines as a whole have never been marked as reviewed (reviewed in library.yaml).",
        "",
        "Rows not reviewed within 12 months (2)",
        "  a        never reviewed",
        "  long-id  last reviewed 2024-01-02, owner: Bo",
        "",
        "Actors not reviewed within 12 months (1)",
        "  bank  never reviewed, owner: Kim",
        "",
        "Actors without an established contact (2)",
        "  bank  Banken (no contact)",
        "  x     X (unknown)",
        "",
        "Actors with an established contact but no contact within 12 months (2)",
        "  soc  Socialtjänsten (last contact 2025-03-04, owner: Mo)",
        "  abf  ABF (no date of the last contact)",
        "",
        "Questions with no matrix row (1)",
        "  2026-01-05  q.yaml",
        "",
        "9 items to look at; the review is overdue.",
    ]


def test_quiet_contacts_in_swedish_on_screen_and_in_the_agenda(repo: Path) -> None:
    report = overdue_report("sv")
    assert format_review(report).splitlines()[15:18] == [
        "Aktörer med etablerad kontakt men ingen kontakt på 12 månader (2)",
        "  soc  Socialtjänsten (senaste kontakt 2025-03-04, ansvarig: Mo)",
        "  abf  ABF (inget datum för senaste kontakt)",
    ]
    sections = agenda_context(load_readable(repo), report)["due_sections"]
    assert {
        "heading": "Aktörer med etablerad kontakt men ingen kontakt på 12 månader",
        "lines": [
            "soc – Socialtjänsten (senaste kontakt 2025-03-04, ansvarig: Mo)",
            "abf – ABF (inget datum för senaste kontakt)",
        ],
    } in sections


@pytest.mark.parametrize(
    ("language", "overdue", "expected"),
    [
        ("sv", False, "Senaste översyn av helheten: 2026-06-01."),
        ("sv", True, "Senaste översyn av helheten: 2026-06-01 – dags för en ny översyn."),
        ("en", True, "Last review of the whole guidelines: 2026-06-01 – a new review is due."),
    ],
)
def test_the_last_review_line(language: str, overdue: bool, expected: str) -> None:
    report = ReviewReport("B", language, TODAY, 6, TODAY, date(2026, 6, 1), overdue)
    assert format_review(report).splitlines()[2] == expected


@pytest.mark.parametrize(
    ("language", "overdue", "ending"),
    [
        ("sv", False, "Inget behöver åtgärdas just nu."),
        ("en", False, "Nothing needs attention right now."),
        ("sv", True, "1 punkter att titta på; översynen är försenad."),
    ],
)
def test_the_last_line(language: str, overdue: bool, ending: str) -> None:
    report = ReviewReport("B", language, TODAY, 6, TODAY, date(2026, 6, 1), overdue)
    assert format_review(report).splitlines()[-2:] == ["", ending]


def guidelines_with_agenda(repo: Path, *entries: tuple[str, str]) -> Guidelines:
    (repo / "data/inventory/agenda.yaml").write_text(AGENDA_ENTRY, encoding="utf-8")
    for name, text in entries:
        (repo / "data/inventory" / name).write_text(text, encoding="utf-8")
    return load_readable(repo)


def test_agenda_groups_questions_by_reason(repo: Path) -> None:
    guidelines = guidelines_with_agenda(
        repo,
        ("odd.yaml", "date: 2026-09-20\ndescription: Udda.\nreasons: [zz-odd, aa-odd]\n"),
        ("none.yaml", "date: 2026-09-21\ndescription: Inget skäl.\n"),
    )
    report = run_review(repo, today=TODAY)
    context = agenda_context(guidelines, report)
    groups = [(g["label"], g["count"], len(g["questions"])) for g in context["groups"]]
    # the library's reasons in their order, then unknown ids sorted, then no reason
    # (the base repository's entry of 2026-08-22 gives language and privacy)
    assert groups == [
        ("Integritet / personuppgifter", "2 frågor", 2),
        ("Juridik", "1 fråga", 1),
        ("För tekniskt", "1 fråga", 1),
        ("Språkbarriär", "1 fråga", 1),
        ("aa-odd", "1 fråga", 1),
        ("zz-odd", "1 fråga", 1),
        ("Inget skäl angivet", "1 fråga", 1),
    ]
    assert context["groups"][0]["questions"][1] == {
        "date": "2026-09-12",
        "branch": "Centrumbiblioteket",
        "description": "Fråga om att <b>logga in</b> på *Mina sidor* med e-legitimation.",
        "reflection": "Svårt att veta var gränsen går.",
        "row": "Bankärenden och inloggning med e-legitimation",
    }
    assert context["questions_heading"] == "Frågor som skavt sedan 2026-06-01"


def test_agenda_since_and_counts_in_english(repo: Path) -> None:
    guidelines = guidelines_with_agenda(repo)
    report = run_review(repo, today=TODAY, language="en")
    context = agenda_context(guidelines, report, since=date(2026, 1, 1))
    assert context["questions_heading"] == "Questions that chafed since 2026-01-01"
    # The library keeps the default reasons: their labels follow the agenda's language.
    assert [(g["label"], g["count"]) for g in context["groups"]] == [
        ("Privacy / personal data", "2 questions"),
        ("Legal", "1 question"),
        ("Too technical", "1 question"),
        ("Language barrier", "1 question"),
        ("No reason given", "1 question"),  # the entry of 2026-05-20, before the last review
    ]
    assert context["L"]["title"] == "Agenda: review of the guidelines"


def test_agenda_keeps_the_librarys_own_reason_labels_as_written(repo: Path) -> None:
    library = repo / "data/library.yaml"
    own = "reasons:\n  - id: privacy\n    label: Integritet\n  - id: legal\n    label: Juridik\n"
    library.write_text(library.read_text(encoding="utf-8") + own, encoding="utf-8")
    (repo / "data/inventory/new.yaml").unlink()  # its reason 'technical' is not in the list
    guidelines = guidelines_with_agenda(repo)
    report = run_review(repo, today=TODAY, language="en")
    groups = agenda_context(guidelines, report)["groups"]
    # 'language' is not in the library's own list: shown as written
    assert [g["label"] for g in groups] == ["Integritet", "Juridik", "language"]


def test_agenda_due_sections(repo: Path) -> None:
    guidelines = guidelines_with_agenda(repo)
    context = agenda_context(guidelines, run_review(repo, today=date(2027, 6, 1)))
    headings = [(s["heading"], s["lines"]) for s in context["due_sections"]]
    assert headings[0] == (
        "Senaste översyn av helheten: 2026-06-01 – dags för en ny översyn.",
        [],
    )
    assert headings[1] == (
        "Rader som inte granskats inom 6 månader",
        [
            "bank-e-legitimation – Bankärenden och inloggning med e-legitimation "
            "(senast granskad 2026-09-01)",
            "skanna-pass – Skanna pass (senast granskad 2025-01-10)",
        ],
    )
    assert ("Aktörer utan etablerad kontakt", ["bank – Banken (okänd)"]) in headings


def test_agenda_labels_are_what_the_templates_print(repo: Path) -> None:
    used = set()
    for name in ("agenda.md.j2", "agenda.html.j2"):
        text = (default_template_dir() / name).read_text(encoding="utf-8")
        used |= set(re.findall(r"\bL\.(\w+)", text))
    assert set(agenda_labels("sv")) == used
    assert set(agenda_labels("en")) == used


@pytest.mark.parametrize("output", ["pdf", "text", "", "HTML"])
def test_agenda_formats(repo: Path, output: str) -> None:
    with pytest.raises(UsageError) as caught:
        check_agenda_format(output)
    assert str(caught.value) == f"--format: '{output}' is not md or html (the agenda's formats)"
    report = run_review(repo, today=TODAY)
    with pytest.raises(UsageError):
        render_agenda(load_readable(repo), report, output=output)
    assert check_agenda_format("html") == "html"


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_review_phrases_have_the_same_keys_and_placeholders_in_both_languages() -> None:
    sv = {k: v for k, v in catalogue("sv").items() if k.startswith("review.")}
    en = {k: v for k, v in catalogue("en").items() if k.startswith("review.")}
    assert sv, "no review phrases found"
    assert set(sv) == set(en)
    for key, text in sv.items():
        assert text.strip() and en[key].strip(), key
        assert placeholders(text) == placeholders(en[key]), key
