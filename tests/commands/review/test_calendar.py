"""`referral review --format ics`: every review and contact that falls due, in a calendar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import icalendar
import pytest

from referral_cli.commands.review.calendar import review_calendar
from referral_cli.store.repository import load_guidelines
from tests.review_data import ACTORS_REVIEW, make_review_repo

TODAY = date(2026, 10, 1)


@pytest.fixture
def repo(make_repo: Callable[..., Path]) -> Path:
    return make_review_repo(make_repo)


def events(
    repo: Path, today: date = TODAY, lang: str | None = None
) -> dict[str, dict[str, object]]:
    guidelines, _ = load_guidelines(repo)
    parsed = icalendar.Calendar.from_ical(review_calendar(guidelines, today, lang))
    return {
        str(event["SUMMARY"]): {
            "uid": str(event["UID"]),
            "day": event.decoded("DTSTART"),
            "description": str(event["DESCRIPTION"]),
            "sequence": int(event["SEQUENCE"]),
        }
        for event in parsed.walk("VEVENT")
    }


def test_one_event_per_review_and_contact(repo: Path) -> None:
    found = events(repo, lang="en")
    assert sorted(found) == [  # a contact event for the one actor with a last_contact
        "Get in touch with Skatteverket",
        "Review the actor: Banken",
        "Review the actor: Skatteverket",
        "Review the guidelines",
        "Review the matrix row: Bankärenden och inloggning med e-legitimation",
        "Review the matrix row: Skanna pass",
    ]


def test_due_dates_follow_the_interval_and_overdue_falls_due_today(repo: Path) -> None:
    found = events(repo, lang="en")
    whole = found["Review the guidelines"]  # reviewed 2026-06-01, every 6 months
    assert whole["day"] == date(2026, 12, 1)
    assert whole["description"] == "Last reviewed 2026-06-01.\nDue 2026-12-01 (every 6 months)."
    old = found["Review the matrix row: Skanna pass"]  # reviewed 2025-01-10: overdue
    assert old["day"] == TODAY
    assert old["description"] == (
        "Last reviewed 2025-01-10.\nDue 2025-07-10 (every 6 months).\nOverdue: do it now.\n"
        "Owner: Kajsa.\nRow skanna-pass in data/matrix.yaml."
    )


def test_a_contact_falls_due_an_interval_after_the_last_one(repo: Path) -> None:
    contact = events(repo, lang="en")["Get in touch with Skatteverket"]  # last 2026-09-15
    assert contact["day"] == date(2027, 3, 15)
    assert contact["description"].startswith("Last in touch 2026-09-15.\n")


def test_contact_events_need_a_last_contact(make_repo: Callable[..., Path]) -> None:
    actors = ACTORS_REVIEW.replace("      last_contact: 2026-09-15\n", "")
    assert actors != ACTORS_REVIEW  # the fixture did have the date
    found = events(make_review_repo_with(make_repo, actors), lang="en")
    # The actor is still reviewed; only the contact event goes (an empty calendar would not do).
    assert "Review the actor: Skatteverket" in found
    assert "Get in touch with Skatteverket" not in found


def make_review_repo_with(make_repo: Callable[..., Path], actors: str) -> Path:
    repo = make_review_repo(make_repo)
    (repo / "data/actors.yaml").write_text(actors, encoding="utf-8")
    return repo


def test_uids_are_stable_and_a_new_review_raises_the_sequence(
    repo: Path, make_repo: Callable[..., Path]
) -> None:
    before = events(repo, lang="en")
    again = events(repo, today=date(2026, 11, 1), lang="en")
    assert {k: v["uid"] for k, v in before.items()} == {k: v["uid"] for k, v in again.items()}
    matrix = (repo / "data/matrix.yaml").read_text(encoding="utf-8")
    (repo / "data/matrix.yaml").write_text(
        matrix.replace("reviewed: 2025-01-10", "reviewed: 2026-09-30"), encoding="utf-8"
    )
    after = events(repo, lang="en")["Review the matrix row: Skanna pass"]
    old = before["Review the matrix row: Skanna pass"]
    assert after["uid"] == old["uid"] and after["sequence"] > old["sequence"]
    assert after["day"] == date(2027, 3, 30)


def test_uids_differ_between_libraries(repo: Path) -> None:
    first = events(repo)
    library = (repo / "data/library.yaml").read_text(encoding="utf-8")
    (repo / "data/library.yaml").write_text(
        library.replace("Testbiblioteket", "Annat bibliotek"), encoding="utf-8"
    )
    second = events(repo)
    assert not {v["uid"] for v in first.values()} & {v["uid"] for v in second.values()}


def test_swedish_by_default(repo: Path) -> None:
    assert "Se över riktlinjerna" in events(repo)
