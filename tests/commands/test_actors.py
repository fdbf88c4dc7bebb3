"""The actors core: filters, what is counted, usage errors in both languages, and the JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from referral_cli.commands.actors import (
    format_json,
    list_actors,
    run_list,
    run_show,
    show_actor,
)
from referral_cli.errors import UsageError
from referral_cli.rules.loading import load_valid_guidelines
from referral_cli.store.repository import Guidelines
from tests.conftest import ENTRY
from tests.test_search import SEARCH_TREE

MakeRepo = Callable[..., Path]

# Two more questions: one referred to the bank, one to Skatteverket and the bank.
MORE_ENTRIES = {
    "data/inventory/2026/2026-08-24-kort-000002.yaml": (
        "date: 2026-08-24\ndescription: Spärra kortet.\nreferred_to: [bank]\nperiod: ht-2026\n"
    ),
    "data/inventory/2026/2026-08-25-id-000003.yaml": (
        "date: 2026-08-25\ndescription: ID-kort.\nreferred_to: [skatteverket, bank]\n"
    ),
}


@pytest.fixture
def repo(make_repo: MakeRepo) -> Path:
    return make_repo({**SEARCH_TREE, **MORE_ENTRIES})


@pytest.fixture
def guidelines(repo: Path) -> Guidelines:
    return load_valid_guidelines(repo)


def ids(summaries: list) -> list[str]:  # type: ignore[type-arg]
    return [s.actor.id for s in summaries]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["bank", "skatteverket", "operatoren", "kommunen"]),
        ({"statuses": ["none"]}, ["bank", "kommunen"]),
        ({"statuses": ["unknown"]}, ["operatoren"]),  # no relationship block: unknown
        ({"statuses": ["established", "unknown"]}, ["skatteverket", "operatoren"]),
        ({"kinds": ["authority", "bank"]}, ["bank", "skatteverket"]),
        ({"scopes": ["local"]}, ["kommunen"]),
        ({"scopes": ["national"], "statuses": ["none"]}, ["bank"]),
        ({"kinds": ["school"]}, []),
        # Swedish and English labels, as people type them
        ({"kinds": ["myndighet", "Bank"]}, ["bank", "skatteverket"]),
        ({"scopes": ["lokal"]}, ["kommunen"]),
        ({"statuses": ["ingen kontakt"]}, ["bank", "kommunen"]),
        ({"statuses": ["No contact", "okänt"]}, ["bank", "operatoren", "kommunen"]),
    ],
)
def test_filters(
    guidelines: Guidelines, filters: dict[str, list[str]], expected: list[str]
) -> None:
    assert ids(list_actors(guidelines, **filters)) == expected


@pytest.mark.parametrize(
    ("filters", "english", "swedish"),
    [
        (
            {"statuses": ["nne"]},
            "--status 'nne' is not allowed (did you mean 'none'?); "
            "choose one of: established, none, unknown",
            "--status 'nne' är inte tillåtet (menade du 'none'?); "
            "välj bland: established, none, unknown",
        ),
        (
            {"kinds": ["myndigheter"]},
            "--kind 'myndigheter' is not allowed (did you mean 'Myndighet'?); choose one of: "
            "bank, authority, municipality, association, study_association, school, company, "
            "other",
            "--kind 'myndigheter' är inte tillåtet (menade du 'Myndighet'?); välj bland: bank, "
            "authority, municipality, association, study_association, school, company, other",
        ),
        (
            {"scopes": ["lokl"]},
            "--scope 'lokl' is not allowed (did you mean 'Lokal'?); "
            "choose one of: local, regional, national",
            "--scope 'lokl' är inte tillåtet (menade du 'Lokal'?); "
            "välj bland: local, regional, national",
        ),
    ],
)
def test_bad_filters_are_usage_errors(
    guidelines: Guidelines, filters: dict[str, list[str]], english: str, swedish: str
) -> None:
    with pytest.raises(UsageError) as caught:
        list_actors(guidelines, **filters)
    assert str(caught.value) == english
    assert caught.value.text("sv") == swedish


def test_rows_and_questions_are_counted(guidelines: Guidelines) -> None:
    summaries = {s.actor.id: s for s in list_actors(guidelines)}
    assert [item.row.id for item in summaries["skatteverket"].rows] == [
        "bank-e-legitimation",
        "passansokan",
    ]
    # conftest's ENTRY refers to skatteverket; MORE_ENTRIES add one more.
    assert "referred_to: [skatteverket]" in ENTRY
    assert summaries["skatteverket"].questions == 2
    assert summaries["skatteverket"].questions_by_period == (("-", 1), ("ht-2026", 1))
    assert summaries["bank"].questions == 2
    assert summaries["kommunen"].rows == ()
    assert summaries["kommunen"].questions == 0


def test_show_unknown_id_suggests_the_closest(guidelines: Guidelines) -> None:
    with pytest.raises(UsageError) as caught:
        show_actor(guidelines, "skateverket")
    assert str(caught.value) == (
        "no actor with id 'skateverket' (did you mean 'skatteverket'?); "
        "list them with 'referral actors'"
    )
    assert caught.value.text("sv") == (
        "det finns ingen aktör med id 'skateverket' (menade du 'skatteverket'?); "
        "se alla med 'referral actors'"
    )


def test_show_unknown_id_without_anything_close(guidelines: Guidelines) -> None:
    with pytest.raises(UsageError) as caught:
        show_actor(guidelines, "zzz")
    assert str(caught.value) == "no actor with id 'zzz'; list them with 'referral actors'"


def test_run_list_and_run_show_pick_the_language(repo: Path) -> None:
    view = run_list(repo, statuses=["none"])
    assert (view.language, view.total, ids(view.summaries)) == ("sv", 4, ["bank", "kommunen"])
    view = run_show(repo, "bank", language="en")
    assert (view.language, ids(view.summaries)) == ("en", ["bank"])


def test_json_list_and_one_actor(repo: Path) -> None:
    [actor] = json.loads(format_json(run_list(repo, kinds=["bank"])))
    assert actor["id"] == "bank"
    assert actor["status"] == "none"
    assert actor["questions"] == 2
    assert actor["questions_by_period"] == {"-": 1, "ht-2026": 1}
    assert [r["row"] for r in actor["rows"]] == ["bank-e-legitimation"]
    assert actor["contact"]["website"] == "https://www.bankid.com"
    single = json.loads(format_json(run_show(repo, "operatoren"), single=True))
    assert single["id"] == "operatoren"
    assert single["status"] == "unknown"
    assert "relationship" not in single
