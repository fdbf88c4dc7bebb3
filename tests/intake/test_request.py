"""The request and its candidates: options as values, an origin per value, derived values."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from referral_cli.errors import UsageError
from referral_cli.intake.request import (
    AddRequest,
    Candidate,
    Derived,
    InFile,
    Option,
    Prompt,
    derive,
)
from referral_cli.rules.loading import load_readable
from referral_cli.store.yamlio import SourceMap


@pytest.mark.parametrize(
    ("options", "given"),
    [
        ({"reasons": ["language", "privacy,legal"]}, {"reasons": ["language", "privacy", "legal"]}),
        ({"referred_to": "bank; skatteverket ,"}, {"referred_to": ["bank", "skatteverket"]}),
        (
            {"description": "Rad ett\r\nrad två\rrad tre"},
            {"description": "Rad ett\nrad två\nrad tre"},
        ),
        ({"branch": "centrum", "row": None}, {"branch": "centrum"}),  # None: not given
        ({"minutes": 20}, {"minutes": 20}),  # from Python, not text: left to the model
    ],
)
def test_options_as_the_model_expects_them(options: dict[str, Any], given: dict[str, Any]) -> None:
    assert AddRequest(Path(), options).given() == given


def test_an_unknown_field_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="^unknown field 'name'$"):
        AddRequest(Path(), {"name": "Anna"}).given()


def test_each_option_value_knows_its_option() -> None:
    candidate = Candidate.from_options({"reasons": ["time"], "referred_to": ["bank"]})
    assert candidate.origins == {
        "reasons": Option("--reason"),
        "referred_to": Option("--referred-to"),
    }


def test_options_only_fill_what_a_file_entry_leaves_out() -> None:
    from_file = Candidate({"branch": "norrby"}, in_file=InFile("log.csv", SourceMap()))
    from_file.fill_options({"branch": "centrum", "recorded_by": "MS"})
    assert from_file.values == {"branch": "norrby", "recorded_by": "MS"}
    assert from_file.origins == {"recorded_by": Option("--recorded-by")}  # branch: in the file


def test_only_a_prompt_confirms_possible_personal_data() -> None:
    candidate = Candidate.from_options({"reflection": "Order 8112189876"})
    candidate.fill("description", "Order 8112189876", Prompt(confirmed=True))
    assert candidate.confirmed("description")
    assert not candidate.confirmed("reflection")  # an option: only --yes confirms it
    assert not candidate.confirmed("date")  # no value at all


def test_missing_required_fields_are_named_by_their_option() -> None:
    assert Candidate.from_options({"branch": "centrum"}).missing() == ["--description"]
    assert Candidate.from_options({"description": "x"}).missing() == []


@pytest.mark.parametrize(
    ("values", "derived"),
    [
        ({"date": "2026-08-20"}, {"period": "ht-2026"}),  # the period containing the date
        ({"date": "2026-09-02"}, {}),  # no period contains it
        ({"date": "2026-08-20", "period": "vt-2027"}, {}),  # given: kept, even if unknown
        ({"date": "20/8"}, {}),  # not a date: the model says so
        ({"row": "bank-e-legitimation"}, {"category": "dokument"}),  # the row's category
        ({"row": "no-such-row"}, {}),
        ({"row": "bank-e-legitimation", "category": "annat"}, {}),
    ],
)
def test_derived_values(repo: Path, values: dict[str, Any], derived: dict[str, Any]) -> None:
    candidate = Candidate.from_options(values)
    derive(candidate, load_readable(repo, inventory=False))
    assert candidate.values == {**values, **derived}
    assert {name: candidate.origins[name] for name in derived} == dict.fromkeys(derived, Derived())
