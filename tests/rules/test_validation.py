from __future__ import annotations

import pytest

from referral_cli.models import ActorsFile, InventoryEntry, Library, Matrix
from referral_cli.rules.validation import model_at, validate_document
from referral_cli.store.yamlio import parse_text

ACTOR_HEAD = "actors:\n  - id: bank\n    name: Banken\n    kind: bank\n    scope: national\n"


def findings_for(model: type, text: str) -> list[tuple[int, int, str, str]]:
    data, source = parse_text(text, "f.yaml")
    instance, findings = validate_document(model, data, "f.yaml", source)
    assert (instance is None) == bool(findings)
    return [(f.line, f.column, f.code, f.text()) for f in findings]


@pytest.mark.parametrize(
    ("model", "text", "expected"),
    [
        (
            ActorsFile,
            ACTOR_HEAD + "    contakt: {}\n",
            (6, 5, "unknown-key", "unknown key 'contakt' (did you mean 'contact'?)"),
        ),
        (
            ActorsFile,
            ACTOR_HEAD.replace("kind: bank", "kind: bnk"),
            (4, 11, "invalid-choice", "kind: 'bnk' is not allowed (did you mean 'bank'?)"),
        ),
        (
            ActorsFile,
            ACTOR_HEAD.replace("kind: bank", "kind: myndighet"),
            (
                4,
                11,
                "invalid-choice",
                "kind: 'myndighet' is not allowed (did you mean 'authority'?)",
            ),
        ),
        (
            ActorsFile,
            ACTOR_HEAD.replace("id: bank", "id: Försäkringskassan"),
            (2, 9, "invalid-id", "id: 'Försäkringskassan' is not a valid id"),
        ),
        (
            ActorsFile,
            "actors:\n  - id: bank\n    kind: bank\n    scope: national\n",
            (2, 5, "missing-key", "missing required key 'name'"),
        ),
        (
            ActorsFile,
            ACTOR_HEAD + "    contact:\n      website: javascript:alert(1)\n",
            (
                7,
                16,
                "invalid-value",
                "website: 'javascript:alert(1)' is not a web address: it must start with https:// "
                "(or http://)",
            ),
        ),
        (
            ActorsFile,
            ACTOR_HEAD + "    languages: [sv, svenska]\n",
            (6, 21, "invalid-language", "languages: 'svenska' is not a language code"),
        ),
        (
            ActorsFile,
            ACTOR_HEAD + "    reviewed: 2026-02-30\n",
            (6, 15, "invalid-date", "reviewed: '2026-02-30' is not a valid date"),
        ),
        (
            ActorsFile,
            ACTOR_HEAD + "    helps_with: Bankärenden\n",
            (6, 17, "wrong-type", "helps_with: expected a list, found 'Bankärenden'"),
        ),
        (
            ActorsFile,
            ACTOR_HEAD + "    relationship:\n      status: yes\n",
            (7, 15, "invalid-choice", "status: 'yes' is not allowed"),
        ),
        (
            InventoryEntry,
            "date: 22/8\ndescription: SIM-kort\n",
            (
                1,
                7,
                "invalid-value",
                "date: '22/8' is not a date written as YYYY-MM-DD (e.g. 2026-08-22)",
            ),
        ),
        (
            InventoryEntry,
            "date: 2026-08-22\ndescription: ''\n",
            (2, 14, "empty-text", "description: the text is empty"),
        ),
        (
            InventoryEntry,
            "date: 2026-08-22\ndescription: x\nread_level: 9\n",
            (3, 13, "out-of-range", "read_level: '9' is out of range; it must be at most 6"),
        ),
        (
            InventoryEntry,
            "date: 2026-08-22\ndescription: x\nminutes: en kvart\n",
            (3, 10, "invalid-number", "minutes: 'en kvart' is not a whole number"),
        ),
        (
            InventoryEntry,
            "date: 2026-08-22\ndescription: x\nminutes: true\n",
            (3, 10, "invalid-number", "minutes: true/false is not a whole number"),
        ),
        (
            Library,
            "review_interval_months: false\n",
            (1, 25, "invalid-number", "review_interval_months: true/false is not a whole number"),
        ),
        (
            InventoryEntry,
            "date: 2026-08-22\ndescription: x\noutcome: help\n",
            (3, 10, "invalid-choice", "outcome: 'help' is not allowed (did you mean 'helped'?)"),
        ),
        (  # the label a coordinator sees on screen proposes its id
            InventoryEntry,
            "date: 2026-08-22\ndescription: x\noutcome: Hänvisad\n",
            (
                3,
                10,
                "invalid-choice",
                "outcome: 'Hänvisad' is not allowed (did you mean 'referred'?)",
            ),
        ),
        (
            Matrix,
            "categories:\n  - id: a\n    title: A\n    rows:\n      - id: r\n        need: x\n"
            "        solution: y\n        requires: [lånekort]\n",
            (
                8,
                20,
                "invalid-choice",
                "requires: 'lånekort' is not allowed (did you mean 'library_card'?)",
            ),
        ),
        (
            InventoryEntry,
            "date: 2026-08-22\ndescription: [a, b]\n",
            (2, 14, "wrong-type", "description: expected text, found a list"),
        ),
        (
            Matrix,
            "categories:\n  - id: a\n    title: A\n    rows:\n      - id: r\n        need: x\n",
            (5, 9, "missing-key", "missing required key 'solution'"),
        ),
        (
            Matrix,
            "categories:\n  - id: a\n    title: A\n    rows:\n      - id: r\n        need: x\n"
            "        solution: y\n        requires: [id_card]\n",
            (
                8,
                20,
                "invalid-choice",
                "requires: 'id_card' is not allowed (did you mean 'library_card'?)",
            ),
        ),
        (Library, "language: se\n", (1, 11, "invalid-choice", "language: 'se' is not allowed")),
        (
            Library,
            "review_interval_months: 0\n",
            (
                1,
                25,
                "out-of-range",
                "review_interval_months: '0' is out of range; it must be at least 1",
            ),
        ),
    ],
)
def test_bad_values_are_located_with_plain_messages(
    model: type, text: str, expected: tuple[int, int, str, str]
) -> None:
    assert findings_for(model, text) == [expected]


def test_every_error_is_reported_not_just_the_first() -> None:
    text = ACTOR_HEAD.replace("kind: bank", "kind: x") + "    colour: red\n    notes: ''\n"
    codes = sorted(code for _, _, code, _ in findings_for(ActorsFile, text))
    assert codes == ["empty-text", "invalid-choice", "unknown-key"]


def test_unknown_key_hint_lists_allowed_keys() -> None:
    data, source = parse_text(ACTOR_HEAD + "    scop: x\n", "f.yaml")
    _, [finding] = validate_document(ActorsFile, data, "f.yaml", source)
    assert "helps_with" in (finding.hint_text() or "")


def test_model_at_follows_lists_and_optionals() -> None:
    from referral_cli.models import Contact, Row

    assert model_at(ActorsFile, ("actors", 3, "contact")) is Contact
    assert model_at(Matrix, ("categories", 0, "rows", 2)) is Row
    assert model_at(ActorsFile, ("actors", 0, "name")) is None


def test_misspelt_top_level_key_reports_both_sides() -> None:
    assert findings_for(ActorsFile, "actor:\n  - id: bank\n") == [
        (1, 1, "missing-key", "missing required key 'actors'"),
        (1, 1, "unknown-key", "unknown key 'actor' (did you mean 'actors'?)"),
    ]


def test_a_refusal_without_words_of_its_own_never_shows_pydantic_s_text() -> None:
    from pydantic import BaseModel, ValidationError

    from referral_cli.rules.validation import findings_from_validation_error
    from referral_cli.store.yamlio import SourceMap

    class Flag(BaseModel):
        ready: bool

    with pytest.raises(ValidationError) as caught:
        Flag.model_validate({"ready": "kanske"})
    [finding] = findings_from_validation_error(caught.value, Flag, "f.yaml", SourceMap())
    assert finding.text("en") == "ready: 'kanske' is not a valid value here"
    assert finding.text("sv") == "ready: 'kanske' är inget giltigt värde här"


def test_what_can_be_read_of_a_refused_entry() -> None:
    from datetime import date

    from referral_cli.rules.validation import readable_entry

    data = {"date": "22/8", "description": "Ring 070-123 45 67", "minutes": "tjugo"}
    entry, stand_ins = readable_entry(data, date(2026, 11, 28))
    assert entry is not None
    assert (entry.description, entry.minutes, stand_ins) == ("Ring 070-123 45 67", None, {"date"})
    assert readable_entry(["not", "a", "mapping"], date(2026, 11, 28)) == (None, frozenset())
