"""What changed between two states of the guidelines: plain data, no wording.

Compared by id: rows, actors and categories added, removed, renamed (an id
removed and another added with otherwise identical content) and changed field
by field; checklist and closing steps by position; the library's own settings
field by field; inventory entries added (counted by reason) and removed; and the
entries that still refer to an id that disappeared (`StaleReference`), which
`validate` would report as unknown and `stats` would show raw.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from pydantic import BaseModel

    from referral_cli.commands.diff.loading import State
    from referral_cli.models import Matrix

ChangeKind = Literal["added", "removed", "renamed", "changed"]
StepKind = Literal["added", "removed", "changed"]
NO_REASON = ""  # the reason id an entry without reasons is counted under

# renames first: they explain an id that would otherwise look removed and added
_KIND_ORDER: dict[str, int] = {"renamed": 0, "removed": 1, "added": 2, "changed": 3}


@dataclass(frozen=True)
class FieldChange:
    """One field whose text changed; `old`/`new` None when absent."""

    field: str
    old: str | None
    new: str | None


@dataclass
class ItemChange:
    """A row, actor or category that was added, removed, renamed or changed."""

    kind: ChangeKind
    id: str
    name: str
    new_id: str | None = None
    fields: list[FieldChange] = field(default_factory=list)
    context: str | None = None  # e.g. the category of a row


@dataclass(frozen=True)
class StepChange:
    """A checklist or closing step added, removed or changed (1-based positions)."""

    kind: StepKind
    position: int
    old: str | None
    new: str | None


@dataclass(frozen=True)
class ReasonCount:
    """How many added inventory entries give one reason (`id` NO_REASON: none given).

    `label` is the library's label for the reason, or the id when it has none;
    None for NO_REASON (the formatter words it).
    """

    id: str
    label: str | None
    count: int


@dataclass(frozen=True)
class StaleReference:
    """An inventory entry that refers to an id the new state no longer has.

    `new_id` is the id it was renamed to, None when it was removed.
    """

    file: str
    key: str
    kind: str
    id: str
    new_id: str | None


@dataclass
class DiffReport:
    """Everything that changed between two snapshots.

    `new_label` None means the working tree (the formatter words it).
    """

    old_label: str
    new_label: str | None
    language: str
    library: list[FieldChange] = field(default_factory=list)
    categories: list[ItemChange] = field(default_factory=list)
    rows: list[ItemChange] = field(default_factory=list)
    actors: list[ItemChange] = field(default_factory=list)
    checklist: list[StepChange] = field(default_factory=list)
    closing: list[StepChange] = field(default_factory=list)
    inventory_added: int = 0
    inventory_removed: int = 0
    added_by_reason: list[ReasonCount] = field(default_factory=list)
    stale_references: list[StaleReference] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """True when nothing changed."""
        return not (
            self.library
            or self.categories
            or self.rows
            or self.actors
            or self.checklist
            or self.closing
            or self.inventory_added
            or self.inventory_removed
        )


def compare_states(
    old: State,
    new: State,
    added_reasons: Sequence[Sequence[str]],
    *,
    old_label: str,
    new_label: str | None,
    language: str | None = None,
) -> DiffReport:
    """Every change from `old` to `new`, to be worded in `language` (default: `new`'s).

    `added_reasons` holds the reasons of each inventory entry in `new` but not in
    `old` (see `added_entries`); the caller reads them.
    """
    report = DiffReport(old_label, new_label, language or new.library.language)
    lang = report.language
    report.library = field_changes(_dump(old.library), _dump(new.library))
    report.categories = compare_items(
        {c.id: {"title": c.title} for c in old.matrix.categories},
        {c.id: {"title": c.title} for c in new.matrix.categories},
        {c.id: c.title for c in (*old.matrix.categories, *new.matrix.categories)},
    )
    all_rows = [*old.matrix.rows(), *new.matrix.rows()]
    report.rows = compare_items(
        _rows(old.matrix),
        _rows(new.matrix),
        {row.id: row.need for _, row in all_rows},
        {row.id: category.title for category, row in all_rows},
    )
    report.actors = compare_items(
        {x.id: _dump(x, {"id"}) for x in old.actors.actors},
        {x.id: _dump(x, {"id"}) for x in new.actors.actors},
        {x.id: x.name for x in (*old.actors.actors, *new.actors.actors)},
    )
    report.checklist = step_changes(old.matrix.checklist, new.matrix.checklist)
    report.closing = step_changes(old.matrix.closing, new.matrix.closing)
    report.inventory_added = len(added_entries(old, new))
    report.inventory_removed = len(set(old.inventory) - set(new.inventory))
    labels = {r.id: r.label for r in new.library.reason_vocabulary(lang)}
    report.added_by_reason = count_reasons(added_reasons, labels)
    return report


def disappeared_ids(old: State, new: State, report: DiffReport) -> dict[str, dict[str, str | None]]:
    """The ids each kind had in `old` and has no more in `new`, with their new ids.

    Rows, actors and categories come from the report (a rename names the new id);
    branches and reasons are compared as sets (a removed id has no new one).
    """
    lost: dict[str, dict[str, str | None]] = {}
    for kind, changes in (("row", report.rows), ("actor", report.actors)):
        lost[kind] = {c.id: c.new_id for c in changes if c.kind in ("removed", "renamed")}
    lost["category"] = {
        c.id: c.new_id for c in report.categories if c.kind in ("removed", "renamed")
    }
    for kind, before, after in (
        ("branch", old.library.branches, new.library.branches),
        ("reason", old.library.reason_vocabulary(), new.library.reason_vocabulary()),
    ):
        kept = {item.id for item in after}
        lost[kind] = {item.id: None for item in before if item.id not in kept}
    return {kind: ids for kind, ids in lost.items() if ids}


def stale_references(
    entries: Mapping[str, Mapping[str, Any]], lost: Mapping[str, Mapping[str, str | None]]
) -> list[StaleReference]:
    """The references in `entries` (file -> entry data) to an id in `lost`, file by file."""
    from referral_cli.models import ENTRY_ID_KEYS

    found: list[StaleReference] = []
    for file, data in entries.items():
        for kind, ids in lost.items():
            for key in ENTRY_ID_KEYS[kind]:
                value = data.get(key)
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, str) and item in ids:
                        found.append(StaleReference(file, key, kind, item, ids[item]))
    return found


def added_entries(old: State, new: State) -> list[str]:
    """The inventory entry files in `new` that are not in `old`, in `new`'s order."""
    known = set(old.inventory)
    return [path for path in new.inventory if path not in known]


def count_reasons(entries: Sequence[Sequence[str]], labels: Mapping[str, str]) -> list[ReasonCount]:
    """How many entries give each reason, most first.

    An entry with two reasons counts under both; one without reasons counts under
    NO_REASON, which comes last among equal counts.
    """
    counts: Counter[str] = Counter()
    for reasons in entries:
        counts.update(reasons or [NO_REASON])
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] == NO_REASON, kv[0]))
    return [
        ReasonCount(rid, labels.get(rid, rid) if rid != NO_REASON else None, n) for rid, n in ranked
    ]


def field_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[FieldChange]:
    """Field-by-field differences, nested mappings as dotted names, in key order."""
    a, b = _flatten(old), _flatten(new)
    names = list(a) + [k for k in b if k not in a]
    return [FieldChange(n, a.get(n), b.get(n)) for n in names if a.get(n) != b.get(n)]


def compare_items(
    old: dict[str, dict[str, Any]],
    new: dict[str, dict[str, Any]],
    names: dict[str, str],
    contexts: dict[str, str] | None = None,
) -> list[ItemChange]:
    """Compare id → content mappings (content without the id).

    The changes come as renames, removals, additions, then changed items.
    """
    contexts = contexts or {}
    removed = [i for i in old if i not in new]
    added = [i for i in new if i not in old]
    changes: list[ItemChange] = []
    for old_id in list(removed):
        match = next((a for a in added if new[a] == old[old_id]), None)
        if match is not None:
            removed.remove(old_id)
            added.remove(match)
            changes.append(
                ItemChange(
                    "renamed", old_id, names[match], new_id=match, context=contexts.get(match)
                )
            )
    for item_id in removed:
        changes.append(
            ItemChange("removed", item_id, names[item_id], context=contexts.get(item_id))
        )
    for item_id in added:
        changes.append(ItemChange("added", item_id, names[item_id], context=contexts.get(item_id)))
    for item_id in new:
        if item_id in old and old[item_id] != new[item_id]:
            changes.append(
                ItemChange(
                    "changed",
                    item_id,
                    names[item_id],
                    fields=field_changes(old[item_id], new[item_id]),
                    context=contexts.get(item_id),
                )
            )
    return sorted(changes, key=lambda c: _KIND_ORDER[c.kind])


def step_changes(old: Sequence[Any], new: Sequence[Any]) -> list[StepChange]:
    """Checklist or closing steps added, removed or changed, by position in the new list."""
    a, b = [_step_text(s) for s in old], [_step_text(s) for s in new]
    changes: list[StepChange] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace":
            pairs = min(i2 - i1, j2 - j1)
            for k in range(pairs):
                changes.append(StepChange("changed", j1 + k + 1, a[i1 + k], b[j1 + k]))
            for k in range(i1 + pairs, i2):
                changes.append(StepChange("removed", k + 1, a[k], None))
            for k in range(j1 + pairs, j2):
                changes.append(StepChange("added", k + 1, None, b[k]))
        elif tag == "delete":
            changes += [StepChange("removed", k + 1, a[k], None) for k in range(i1, i2)]
        else:
            changes += [StepChange("added", k + 1, None, b[k]) for k in range(j1, j2)]
    return changes


def _step_text(step: Any) -> str:
    return f"{step.step} – {step.guidance}" if step.guidance else str(step.step)


def _dump(model: BaseModel, exclude: set[str] | None = None) -> dict[str, Any]:
    return model.model_dump(mode="json", exclude=exclude or set())


def _rows(matrix: Matrix) -> dict[str, dict[str, Any]]:
    return {
        row.id: {"category": category.id, **_dump(row, {"id"})} for category, row in matrix.rows()
    }


def _text(value: Any) -> str | None:
    """A field's value as one line of text; None when absent or empty."""
    if value is None or value == [] or value == {}:
        return None
    if isinstance(value, list):
        return "; ".join(t for t in (_text(v) for v in value) if t)
    if isinstance(value, dict):
        parts = [f"{k}: {t}" for k, v in value.items() if (t := _text(v)) is not None]
        return ", ".join(parts) or None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, str | None]:
    flat: dict[str, str | None] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = _text(value)
    return flat
