"""The privacy guard inside a repository: which fields it reads, which contacts may stay.

Issue 15, items 15 and 16: `recorded_by` reaches the CSV export and was never scanned;
the library's own number and the actors' public numbers were errors that `--yes` could
not override.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from referral_cli.cli import app
from referral_cli.commands.validate import validate_repository
from referral_cli.rules.privacy import allowed_contacts
from referral_cli.store.repository import load_guidelines
from tests.conftest import ACTORS, ENTRY, LIBRARY

TODAY = date(2026, 11, 28)
ENTRY_FILE = "data/inventory/2026/2026-08-22-test-000001.yaml"

LIBRARY_WITH_CONTACT = LIBRARY.replace(
    "branches:\n",
    "contact:\n  phone: 0123-456 50\n  email: Biblioteket@Testkommun.se\nbranches:\n",
)
ACTORS_WITH_LOCAL_OFFICE = ACTORS.replace(
    "  - id: bank\n",
    "  - id: medborgarkontoret\n"
    "    name: Medborgarkontoret\n"
    "    kind: municipality\n"
    "    scope: local\n"
    "    contact:\n"
    "      phone: 031-365 00 00 (växel), +46 31 365 00 01 (direkt)\n"
    "      address: Storgatan 1, 411 38 Göteborg\n"
    "    reviewed: 2026-09-01\n"
    "  - id: bank\n",
)


def _entry(description: str, recorded_by: str = "JB") -> str:
    return ENTRY.replace(
        "description: Ärende på Migrationsverkets webbplats; språkbarriär.\n",
        f"description: {description}\nrecorded_by: {recorded_by}\n",
    )


def _findings(root: Path) -> list[tuple[str, int, int, str, str]]:
    return [
        (f.file, f.line, f.column, f.code, f.text())
        for f in validate_repository(root, today=TODAY).findings
        if f.code != "unused-actor"
    ]


@pytest.fixture
def contact_repo(make_repo: Callable[..., Path]) -> Callable[[str], Path]:
    def build(entry: str) -> Path:
        return make_repo(
            {
                "data/library.yaml": LIBRARY_WITH_CONTACT,
                "data/actors.yaml": ACTORS_WITH_LOCAL_OFFICE,
                ENTRY_FILE: entry,
            }
        )

    return build


def test_allowed_contacts_hold_the_library_and_actor_contact_details(
    contact_repo: Callable[[str], Path],
) -> None:
    guidelines, _ = load_guidelines(contact_repo(ENTRY))
    assert allowed_contacts(guidelines) == {
        "012345650",
        "biblioteket@testkommun.se",
        "0313650000",
        "0313650001",
    }


@pytest.mark.parametrize(
    "description",
    [
        "Hänvisade till Skatteverket, 0771-567 567.",
        "Gav ut bibliotekets nummer 0123-456 50 och biblioteket@testkommun.se.",
        "Medborgarkontoret 031-365 00 00 eller direkt 031-365 00 01.",
        "Ring medborgarkontoret på 0313650000.",
    ],
)
def test_public_contact_numbers_may_stay_in_an_entry(
    contact_repo: Callable[[str], Path], description: str
) -> None:
    assert _findings(contact_repo(_entry(description))) == []


def test_other_numbers_still_stop_beside_an_allowed_one(
    contact_repo: Callable[[str], Path],
) -> None:
    root = contact_repo(_entry("Bibliotekets 0123-456 50; besökarens 0123-456 51."))
    assert _findings(root) == [
        (
            ENTRY_FILE,
            2,
            51,
            "personal-data",
            "description: looks like a phone number (0123-*** **); the inventory must not "
            "hold a visitor's personal data",
        )
    ]


def test_recorded_by_is_checked_by_validate(make_repo: Callable[..., Path]) -> None:
    root = make_repo({ENTRY_FILE: _entry("Ärende.", "Anna Andersson 850709-9805")})
    assert _findings(root) == [
        (
            ENTRY_FILE,
            3,
            29,
            "personal-data",
            "recorded_by: looks like a personnummer (850709-****); the inventory must not "
            "hold a visitor's personal data",
        )
    ]


def test_recorded_by_is_refused_by_add_question(
    make_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repo()
    monkeypatch.chdir(root)
    monkeypatch.delenv("REFERRAL_ROOT", raising=False)
    before = sorted((root / "data" / "inventory").rglob("*"))
    result = CliRunner().invoke(
        app,
        [
            "add-question",
            "--no-input",
            "--yes",
            "--date",
            "2026-08-22",
            "--description",
            "Hjälp med deklarationen",
            "--recorded-by",
            "Anna Andersson 850709-9805 anna@exempel.se",
        ],
    )
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (  # in the library's language, Swedish
        "--recorded-by: error: ser ut som ett personnummer (850709-****); inventeringen får "
        "inte innehålla en besökares personuppgifter [personal-data]"
    )
    assert "(a***@exempel.se)" in result.stderr
    assert sorted((root / "data" / "inventory").rglob("*")) == before


def test_a_bank_account_typed_at_a_prompt_is_refused_and_asked_again(
    make_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, at_terminal: None
) -> None:
    """The interview words every kind the guard knows (a new kind was a KeyError)."""
    root = make_repo()
    monkeypatch.chdir(root)
    monkeypatch.delenv("REFERRAL_ROOT", raising=False)
    flags = ["--date", "2026-08-22", "--branch", "centrum", "--reason", "language"]
    flags += ["--category", "dokument", "--row", "bank-e-legitimation", "--outcome", "referred"]
    flags += [
        "--referred-to",
        "skatteverket",
        "--sent-by",
        "bank",
        "--minutes",
        "5",
        "--read-level",
        "2",
    ]
    flags += ["--recorded-by", "JB", "--lang", "sv"]
    session = "IBAN SE45 5000 0000 0583 9825 7466\n\nBesökaren ville föra över pengar.\n\n\n"
    result = CliRunner().invoke(app, ["add-question", *flags], input=session)
    assert result.exit_code == 0, result.output
    assert (
        "Texten ser ut att innehålla en besökares bankkontonummer "
        "(SE45 **** **** **** **** ****). Skriv om texten utan den." in result.stdout
    )
