from __future__ import annotations

from typing import Any

import pytest

from referral_cli.commands.diff.changes import (
    NO_REASON,
    DiffReport,
    FieldChange,
    ReasonCount,
    compare_items,
    compare_states,
    count_reasons,
    field_changes,
    step_changes,
)
from referral_cli.commands.diff.loading import State
from referral_cli.models import ActorsFile, Library, Matrix, Step


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ({"a": "x"}, {"a": "x"}, []),
        ({"a": "x"}, {"a": "y"}, [FieldChange("a", "x", "y")]),
        ({}, {"a": ["x", "y"]}, [FieldChange("a", None, "x; y")]),
        ({"a": []}, {"a": None}, []),  # empty and absent read the same
        ({"a": True}, {"a": False}, [FieldChange("a", "true", "false")]),
        ({"a": 6}, {"a": 12}, [FieldChange("a", "6", "12")]),
        (
            {"contact": {"phone": "1", "web": "w"}},
            {"contact": {"phone": "2", "web": "w"}},
            [FieldChange("contact.phone", "1", "2")],
        ),
        (
            {"b": None, "a": "x"},
            {"a": "y", "c": [{"id": "k", "name": "K"}]},
            [FieldChange("a", "x", "y"), FieldChange("c", None, "id: k, name: K")],
        ),
    ],
)
def test_field_changes(
    old: dict[str, Any], new: dict[str, Any], expected: list[FieldChange]
) -> None:
    assert field_changes(old, new) == expected


def test_compare_items_orders_renames_removals_additions_changes() -> None:
    old = {"a": {"v": 1}, "b": {"v": 2}, "c": {"v": 3}, "d": {"v": 4}}
    new = {"e": {"v": 5}, "a": {"v": 9}, "b2": {"v": 2}, "d": {"v": 4}}
    names = {"a": "A", "b": "B", "b2": "B2", "c": "C", "d": "D", "e": "E"}
    changes = compare_items(old, new, names, {"c": "cat"})
    assert [(c.kind, c.id, c.new_id, c.name, c.context) for c in changes] == [
        ("renamed", "b", "b2", "B2", None),
        ("removed", "c", None, "C", "cat"),
        ("added", "e", None, "E", None),
        ("changed", "a", None, "A", None),
    ]
    assert changes[-1].fields == [FieldChange("v", "1", "9")]


def test_a_rename_needs_identical_content() -> None:
    changes = compare_items({"a": {"v": 1}}, {"b": {"v": 2}}, {"a": "A", "b": "B"})
    assert [(c.kind, c.id) for c in changes] == [("removed", "a"), ("added", "b")]


def steps(*texts: str) -> list[Step]:
    return [Step(step=text) for text in texts]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (["a", "b"], ["a", "b"], []),
        (["a"], ["a", "b"], [("added", 2, None, "b")]),
        (["a", "b"], ["b"], [("removed", 1, "a", None)]),
        (["a", "b"], ["a", "c"], [("changed", 2, "b", "c")]),
        (
            ["a", "b", "c"],
            ["x"],
            [("changed", 1, "a", "x"), ("removed", 2, "b", None), ("removed", 3, "c", None)],
        ),
        (["a"], ["x", "y"], [("changed", 1, "a", "x"), ("added", 2, None, "y")]),
    ],
)
def test_step_changes(
    old: list[str], new: list[str], expected: list[tuple[str, int, str | None, str | None]]
) -> None:
    changes = step_changes(steps(*old), steps(*new))
    assert [(c.kind, c.position, c.old, c.new) for c in changes] == expected


def test_a_step_with_guidance_reads_as_one_text() -> None:
    [change] = step_changes(steps("Sammanfatta."), [Step(step="Sammanfatta.", guidance="Kort.")])
    assert (change.kind, change.old, change.new) == (
        "changed",
        "Sammanfatta.",
        "Sammanfatta. – Kort.",
    )


def test_count_reasons_most_first_no_reason_last_among_equals() -> None:
    counts = count_reasons(
        [["privacy", "language"], ["privacy"], [], ["zzz"]],
        {"privacy": "Integritet", "language": "Språk"},
    )
    assert counts == [
        ReasonCount("privacy", "Integritet", 2),
        ReasonCount("language", "Språk", 1),
        ReasonCount("zzz", "zzz", 1),  # an unknown reason keeps its id as label
        ReasonCount(NO_REASON, None, 1),
    ]


def state(library: Library | None = None, inventory: list[str] | None = None) -> State:
    return State(
        library or Library(), ActorsFile(actors=[]), Matrix(categories=[]), inventory or []
    )


def test_compare_states_of_equal_states_is_empty() -> None:
    report = compare_states(state(), state(), [], old_label="HEAD", new_label=None)
    assert report == DiffReport("HEAD", None, "sv")
    assert report.empty


def test_compare_states_counts_inventory_and_takes_the_new_language() -> None:
    old = state(inventory=["data/inventory/a.yaml", "data/inventory/b.yaml"])
    new = state(Library(language="en"), ["data/inventory/b.yaml", "data/inventory/c.yaml"])
    report = compare_states(old, new, [["privacy"]], old_label="v1", new_label="v2")
    assert (report.inventory_added, report.inventory_removed) == (1, 1)
    assert report.added_by_reason == [ReasonCount("privacy", "Privacy / personal data", 1)]
    assert report.language == "en"
    assert [c.field for c in report.library] == ["language"]
    assert not report.empty
    forced = compare_states(old, new, [["privacy"]], old_label="v1", new_label="v2", language="sv")
    assert forced.language == "sv"
    # the default reasons are worded in the report's language
    assert forced.added_by_reason == [ReasonCount("privacy", "Integritet / personuppgifter", 1)]
