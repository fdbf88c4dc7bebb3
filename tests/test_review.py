from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from referral_cli.cli import app
from referral_cli.commands.review import build_review, format_review, run_review
from referral_cli.store.repository import load_guidelines
from tests.conftest import ACTORS, LIBRARY, MATRIX

runner = CliRunner()

# Matrix with a row reviewed long ago and no owner, and one fresh owned row.
MATRIX_REVIEW = (
    MATRIX
    + """\
      - id: skanna-pass
        need: Skanna pass
        solution: Vi skannar, användaren sparar.
        refer_to: [skatteverket]
        reviewed: 2025-01-10
        owner: Kajsa
"""
)
ACTORS_REVIEW = ACTORS.replace(
    "      owner: Kajsa\n", "      owner: Kajsa\n      informed: 2026-05-01\n"
)
OLD_ENTRY = """\
date: 2026-05-20
description: Fråga före senaste översynen.
"""
NEW_ENTRY = """\
date: 2026-09-10
description: Fråga om digital brevlåda.
category: dokument
reasons: [technical]
"""


@pytest.fixture
def repo(make_repo: Callable[..., Path]) -> Path:
    return make_repo(
        {
            "data/matrix.yaml": MATRIX_REVIEW,
            "data/actors.yaml": ACTORS_REVIEW,
            "data/inventory/old.yaml": OLD_ENTRY,
            "data/inventory/new.yaml": NEW_ENTRY,
        }
    )


def test_review_lists(repo: Path) -> None:
    report = run_review(repo, today=date(2026, 10, 1))
    assert report.due_before == date(2026, 4, 1)
    assert not report.library_overdue
    assert [(i.id, i.reviewed) for i in report.overdue_rows] == [("skanna-pass", date(2025, 1, 10))]
    assert report.overdue_actors == []
    assert [(a.id, a.status) for a in report.no_relationship] == [("bank", "unknown")]
    assert [a.id for a in report.never_informed] == ["bank"]
    # the entry with a row and the one before the last review (2026-06-01) are left out
    assert [(q.file, q.category) for q in report.unmatched_questions] == [
        ("data/inventory/new.yaml", "dokument")
    ]
    assert [r.id for r in report.unowned_rows] == ["bank-e-legitimation"]
    assert report.overdue
    assert (report.exit_code(strict=False), report.exit_code(strict=True)) == (0, 1)


def test_everything_overdue_later(repo: Path) -> None:
    report = run_review(repo, today=date(2027, 6, 1))
    assert report.library_overdue
    assert [i.id for i in report.overdue_rows] == ["bank-e-legitimation", "skanna-pass"]
    assert [i.id for i in report.overdue_actors] == ["skatteverket", "bank"]


def test_never_reviewed_and_no_library_review(make_repo: Callable[..., Path]) -> None:
    repo = make_repo(
        {
            "data/library.yaml": LIBRARY.replace("reviewed: 2026-06-01\n", ""),
            "data/matrix.yaml": MATRIX.replace("        reviewed: 2026-09-01\n", ""),
            "data/inventory/old.yaml": OLD_ENTRY,
        }
    )
    report = run_review(repo, today=date(2026, 10, 1))
    assert report.library_overdue
    assert [(i.id, i.reviewed) for i in report.overdue_rows] == [("bank-e-legitimation", None)]
    # without a last review, every question without a row counts
    assert [q.file for q in report.unmatched_questions] == ["data/inventory/old.yaml"]
    text = format_review(report)
    assert "bank-e-legitimation  aldrig granskad" in text
    assert "har aldrig markerats som översedda" in text


def test_clean_repository_has_nothing(make_repo: Callable[..., Path]) -> None:
    actors = ACTORS_REVIEW.replace(
        "    reviewed: 2026-09-01\n",
        "    relationship:\n      status: established\n      informed: 2026-05-01\n"
        "    reviewed: 2026-09-01\n",
    ).replace(
        "    relationship:\n      status: established\n      informed: 2026-05-01\n"
        "    reviewed: 2026-09-01\n  - id: bank",
        "    reviewed: 2026-09-01\n  - id: bank",
    )
    matrix = MATRIX.replace("reviewed: 2026-09-01\n", "reviewed: 2026-09-01\n        owner: Ali\n")
    guidelines, findings = load_guidelines(
        make_repo({"data/actors.yaml": actors, "data/matrix.yaml": matrix})
    )
    assert findings == []
    report = build_review(guidelines, today=date(2026, 10, 1))
    assert report.attention_count == 0
    assert format_review(report).endswith("Inget behöver åtgärdas just nu.")
    assert format_review(build_review(guidelines, date(2026, 10, 1), "en")).endswith(
        "Nothing needs attention right now."
    )


def test_review_text_sv(repo: Path) -> None:
    text = format_review(run_review(repo, today=date(2026, 10, 1)))
    assert text.splitlines() == [
        "Översyn av riktlinjerna – Testbiblioteket (2026-10-01)",
        "Översynsintervall: 6 månader (granskat före 2026-04-01 räknas som försenat).",
        "Senaste översyn av helheten: 2026-06-01.",
        "",
        "Rader som inte granskats inom 6 månader (1)",
        "  skanna-pass  senast granskad 2025-01-10, ansvarig: Kajsa",
        "",
        "Aktörer utan etablerad kontakt (1)",
        "  bank  Banken (okänt)",
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


def test_cli_strict_and_language(repo: Path) -> None:
    args = ["review", "--root", str(repo), "--today", "2026-10-01"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, [*args, "--strict", "--lang", "en"])
    assert result.exit_code == 1
    assert "Rows not reviewed within 6 months (1)" in result.output
    assert result.output.rstrip().endswith("5 items to look at; the review is overdue.")


def test_cli_strict_passes_when_nothing_overdue(repo: Path) -> None:
    matrix = MATRIX_REVIEW.replace("reviewed: 2025-01-10", "reviewed: 2026-09-01")
    (repo / "data/matrix.yaml").write_text(matrix, encoding="utf-8")
    result = runner.invoke(
        app, ["review", "--root", str(repo), "--today", "2026-10-01", "--strict"]
    )
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "fi"], "error: --lang: unknown language 'fi'; choose sv or en"),
        (["--today", "idag"], "error: --today: 'idag' is not a date written as YYYY-MM-DD"),
    ],
)
def test_cli_usage_errors(repo: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["review", "--root", str(repo), *args])
    assert result.exit_code == 2
    assert message in result.output


def test_cli_unreadable_file_exits_1(make_repo: Callable[..., Path]) -> None:
    repo = make_repo({"data/actors.yaml": "actors:\n  - id: x\n\tname: y\n"})
    result = runner.invoke(app, ["review", "--root", str(repo)])
    assert result.exit_code == 1
    assert "data/actors.yaml:3:1: error:" in result.output


GOLDEN = Path(__file__).parent / "golden" / "review"
AGENDA_ENTRY = """\
date: 2026-09-12
branch: centrum
description: Fråga om att <b>logga in</b> på *Mina sidor* med e-legitimation.
reflection: Svårt att veta var gränsen går.
reasons: [privacy, legal]
row: bank-e-legitimation
category: dokument
"""


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("output", ["md", "html"])
def test_agenda_golden(repo: Path, language: str, output: str) -> None:
    (repo / "data/inventory/agenda.yaml").write_text(AGENDA_ENTRY, encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "review",
            "--root",
            str(repo),
            "--agenda",
            "--format",
            output,
            "--lang",
            language,
            "--today",
            "2026-10-01",
        ],
    )
    assert result.exit_code == 0, result.output
    golden = GOLDEN / f"agenda.{language}.{output}"
    if not golden.exists():
        golden.write_text(result.output, encoding="utf-8")
        pytest.fail(f"{golden} was missing and has been written: review it and run again")
    assert result.output == golden.read_text(encoding="utf-8")


def test_agenda_since_filters_questions(repo: Path) -> None:
    args = ["review", "--root", str(repo), "--agenda", "--today", "2026-10-01"]
    result = runner.invoke(app, [*args, "--since", "2026-01-01"])
    assert "Frågor som skavt sedan 2026-01-01" in result.output
    assert "Fråga före senaste översynen." in result.output
    result = runner.invoke(app, args)
    assert "Fråga före senaste översynen." not in result.output
    result = runner.invoke(app, [*args, "--since", "2027-01-01"])
    assert "Inga frågor har registrerats under perioden." in result.output


def test_agenda_bad_format(repo: Path) -> None:
    result = runner.invoke(app, ["review", "--root", str(repo), "--agenda", "--format", "pdf"])
    assert result.exit_code == 2
    assert "error: --format: 'pdf' is not md or html (the agenda's formats)" in result.output
