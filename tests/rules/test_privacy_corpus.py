"""The privacy guard against its corpus: every personal-data form caught, no desk text blocked.

The corpus (tests/rules/data/privacy_corpus.yaml) holds how staff really write: personal data
in the many forms it reaches a description, and ordinary desk texts full of dates,
times, ISBNs, prices, case numbers and public numbers that must pass untouched.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from referral_cli.rules.privacy import KINDS, contact_keys, scan_text

CORPUS_FILE = Path(__file__).parent / "data" / "privacy_corpus.yaml"


def _load() -> dict[str, Any]:
    with CORPUS_FILE.open(encoding="utf-8") as stream:
        corpus: dict[str, Any] = yaml.safe_load(stream)
    return corpus


CORPUS = _load()
FORMS = [(kind, text) for kind, texts in CORPUS["forms"].items() for text in texts]
ORDINARY = [(group, text) for group, texts in CORPUS["ordinary"].items() for text in texts]


def _allowed() -> frozenset[str]:
    """The keys of the corpus's contact details, as `allowed_contacts` builds them."""
    contacts = [CORPUS["contacts"]["library"], *CORPUS["contacts"]["actors"]]
    return frozenset(
        key for contact in contacts for v in contact.values() for key in contact_keys(v)
    )


ALLOWED = _allowed()


def test_the_corpus_is_as_large_as_promised() -> None:
    assert len(FORMS) >= 150
    assert len(ORDINARY) >= 100
    assert set(CORPUS["forms"]) == set(KINDS)
    assert len({text for _, text in FORMS}) == len(FORMS)
    assert len({text for _, text in ORDINARY}) == len(ORDINARY)


@pytest.mark.parametrize(
    ("kind", "text"), FORMS, ids=[f"{k}-{i}" for i, (k, _) in enumerate(FORMS)]
)
def test_every_personal_data_form_is_caught(kind: str, text: str) -> None:
    found = scan_text(text)
    assert kind in {match.kind for match in found}, found


@pytest.mark.parametrize(
    ("group", "text"), ORDINARY, ids=[f"{g}-{i}" for i, (g, _) in enumerate(ORDINARY)]
)
def test_no_ordinary_desk_text_is_blocked(group: str, text: str) -> None:
    assert scan_text(text, ALLOWED) == []


def test_the_contact_numbers_pass_only_because_they_are_allowed() -> None:
    """The public numbers of the corpus's own library and actors need `allowed`."""
    needing = [text for _, text in ORDINARY if scan_text(text)]
    assert needing == [
        "Giftinformation 010-456 67 00",
        "Bibliotekets eget nummer 0123-456 50",
        "Medborgarkontoret 031-365 00 00",
        "Kommunens växel 0123-180 00",
        "Stockholms stad +46 8 508 00 500",
        "Skriv till biblioteket@minkommun.se eller medborgarkontoret@minkommun.se.",
    ]


def test_allowing_the_contacts_lets_no_personal_data_through() -> None:
    missed = [(kind, text) for kind, text in FORMS if not scan_text(text, ALLOWED)]
    assert missed == []
