from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from referral_cli.commands.review.report import build_review, run_review
from referral_cli.errors import FindingsError
from referral_cli.store.repository import load_guidelines
from tests.conftest import LIBRARY, MATRIX
from tests.review_data import ACTORS_REVIEW, OLD_ENTRY, make_review_repo


@pytest.fixture
def repo(make_repo: Callable[..., Path]) -> Path:
    return make_review_repo(make_repo)


def test_review_lists(repo: Path) -> None:
    report = run_review(repo, today=date(2026, 10, 1))
    assert (report.library, report.language, report.interval_months) == (
        "Testbiblioteket",
        "sv",
        6,
    )
    assert report.due_before == date(2026, 4, 1)
    assert not report.library_overdue
    assert [(i.id, i.reviewed, i.owner) for i in report.overdue_rows] == [
        ("skanna-pass", date(2025, 1, 10), "Kajsa")
    ]
    assert report.overdue_actors == []
    assert [(a.id, a.status) for a in report.no_relationship] == [("bank", "unknown")]
    assert [a.id for a in report.never_informed] == ["bank"]
    # the entry with a row and the one before the last review (2026-06-01) are left out
    assert [(q.file, q.category, q.reasons) for q in report.unmatched_questions] == [
        ("data/inventory/new.yaml", "dokument", ("technical",))
    ]
    assert [r.id for r in report.unowned_rows] == ["bank-e-legitimation"]
    assert report.attention_count == 5
    assert report.overdue
    assert (report.exit_code(strict=False), report.exit_code(strict=True)) == (0, 1)


def test_everything_overdue_later(repo: Path) -> None:
    report = run_review(repo, today=date(2027, 6, 1))
    assert report.library_overdue
    assert [i.id for i in report.overdue_rows] == ["bank-e-legitimation", "skanna-pass"]
    assert [(i.id, i.owner) for i in report.overdue_actors] == [
        ("skatteverket", "Kajsa"),
        ("bank", None),
    ]


@pytest.mark.parametrize(
    ("relationship", "listed"),
    [
        ("status: established\n      last_contact: 2026-04-01", []),  # on the due date: in time
        ("status: established\n      last_contact: 2026-03-31", [("x", date(2026, 3, 31))]),
        ("status: established", [("x", None)]),  # no date at all
        ("status: none", []),  # listed under "without an established contact" instead
        ("status: unknown\n      last_contact: 2025-01-01", []),
    ],
)
def test_established_contacts_gone_quiet(
    make_repo: Callable[..., Path], relationship: str, listed: list[tuple[str, date | None]]
) -> None:
    actors = ACTORS_REVIEW + (
        "  - id: x\n    name: X\n    kind: other\n    scope: local\n"
        f"    relationship:\n      {relationship}\n      owner: Mo\n"
    )
    report = run_review(make_repo({"data/actors.yaml": actors}), today=date(2026, 10, 1))
    assert [(c.id, c.last_contact) for c in report.quiet_contacts] == listed
    assert all(c.owner == "Mo" for c in report.quiet_contacts)


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
    assert report.last_review is None
    assert [(i.id, i.reviewed) for i in report.overdue_rows] == [("bank-e-legitimation", None)]
    # without a last review, every question without a row counts
    assert [q.file for q in report.unmatched_questions] == ["data/inventory/old.yaml"]


def test_clean_repository_has_nothing(make_repo: Callable[..., Path]) -> None:
    # the bank gets an established, informed relationship (skatteverket has one already)
    actors = ACTORS_REVIEW.replace(
        "    scope: national\n    reviewed: 2026-09-01\n",
        "    scope: national\n    relationship:\n      status: established\n"
        "      last_contact: 2026-08-01\n      informed: 2026-05-01\n    reviewed: 2026-09-01\n",
    )
    matrix = MATRIX.replace("reviewed: 2026-09-01\n", "reviewed: 2026-09-01\n        owner: Ali\n")
    guidelines, findings = load_guidelines(
        make_repo({"data/actors.yaml": actors, "data/matrix.yaml": matrix})
    )
    assert findings == []
    report = build_review(guidelines, today=date(2026, 10, 1))
    assert report.attention_count == 0
    assert not report.overdue
    assert report.exit_code(strict=True) == 0
    assert build_review(guidelines, date(2026, 10, 1), "en").language == "en"


def test_an_unreadable_file_is_refused(make_repo: Callable[..., Path]) -> None:
    repo = make_repo({"data/actors.yaml": "actors:\n  - id: x\n\tname: y\n"})
    with pytest.raises(FindingsError) as caught:
        run_review(repo)
    assert caught.value.findings[0].format().startswith("data/actors.yaml:3:1: error:")
