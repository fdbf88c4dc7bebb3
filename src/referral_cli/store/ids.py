"""The repository's own ids, for shell completion, each with the label a person knows.

Actors, rows, categories, branches, reasons and periods.
Completion runs on every press of Tab, so this must answer at once and never fail.
The ids are kept in the user's cache folder the way `lookup` keeps its data
(`cache.load_snapshot`, keyed by the sizes, times and inodes of the three files);
when that is stale the files are only parsed (`yamlio`), never validated, so no
pydantic is imported and a file with errors still gives the ids it has.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

from referral_cli.store.repository import ACTORS_FILE, LIBRARY_FILE, MATRIX_FILE

KINDS: Final = ("actor", "row", "category", "branch", "reason", "period")
SNAPSHOT_KIND: Final = "ids"
# The modules whose code decides what is kept: a change in any makes the kept ids stale.
SNAPSHOT_MODULES: Final = ("store/ids.py", "store/yamlio.py", "reasons.py")
_FILES: Final = (LIBRARY_FILE, ACTORS_FILE, MATRIX_FILE)

Labelled = list[tuple[str, str]]  # (id, label)


def repository_ids(root: Path) -> dict[str, Labelled]:
    """Every kind in `KINDS` to its (id, label) pairs, in file order; never raises."""
    from referral_cli.store import cache

    try:
        kept: Any = cache.load_snapshot(SNAPSHOT_KIND, root, SNAPSHOT_MODULES)
        if _well_formed(kept):
            return {kind: [(str(i), str(label)) for i, label in kept[kind]] for kind in KINDS}
        contents, keys = cache.read_files(root, _FILES)
        found = ids_from_files(root, contents)
        cache.save_snapshot(SNAPSHOT_KIND, root, SNAPSHOT_MODULES, keys, found)
    except Exception:  # completion offers nothing rather than a traceback
        return {kind: [] for kind in KINDS}
    return found


def _well_formed(kept: Any) -> bool:
    return isinstance(kept, dict) and all(
        isinstance(kept.get(kind), list)
        and all(isinstance(pair, list | tuple) and len(pair) == 2 for pair in kept[kind])
        for kind in KINDS
    )


def ids_from_files(root: Path, contents: dict[str, bytes]) -> dict[str, Labelled]:
    """The ids in the three files (`contents` by display path; the rest read from `root`)."""
    library = _mapping(root, LIBRARY_FILE, contents)
    actors = _mapping(root, ACTORS_FILE, contents).get("actors")
    categories = _mapping(root, MATRIX_FILE, contents).get("categories")
    rows = [row for category in _items(categories) for row in _items(category.get("rows"))]
    reasons = library.get("reasons")
    if not isinstance(reasons, list):
        reasons = _default_reasons(library.get("language"))
    return {
        "actor": _labelled(actors, "name"),
        "row": _labelled(rows, "need"),
        "category": _labelled(categories, "title"),
        "branch": _labelled(library.get("branches"), "name"),
        "reason": _labelled(reasons, "label"),
        "period": _periods(library.get("periods")),
    }


def _mapping(root: Path, name: str, contents: dict[str, bytes]) -> dict[str, Any]:
    from referral_cli.store.yamlio import YamlError, load_file

    try:
        document = load_file(root / name, name, positions=False, raw=contents.get(name))
    except YamlError:
        return {}
    return document.data if isinstance(document.data, dict) else {}


def _items(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _labelled(items: Any, label_key: str) -> Labelled:
    pairs: Labelled = []
    for item in _items(items):
        item_id, label = item.get("id"), item.get(label_key)
        if isinstance(item_id, str) and item_id:
            pairs.append((item_id, label if isinstance(label, str) else ""))
    return pairs


def _periods(items: Any) -> Labelled:
    pairs: Labelled = []
    for item in _items(items):
        item_id, start, end = item.get("id"), item.get("start"), item.get("end")
        if isinstance(item_id, str) and item_id:
            span = f"{start}–{end}" if isinstance(start, str) and isinstance(end, str) else ""
            pairs.append((item_id, span))
    return pairs


def _default_reasons(language: Any) -> list[dict[str, str]]:
    from referral_cli.reasons import DEFAULT_REASONS_EN, DEFAULT_REASONS_SV

    pairs = DEFAULT_REASONS_EN if language == "en" else DEFAULT_REASONS_SV
    return [{"id": reason_id, "label": label} for reason_id, label in pairs]
