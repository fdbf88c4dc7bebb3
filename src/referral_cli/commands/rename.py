"""`referral rename KIND OLD NEW`: give a row, actor, category, branch or reason a new id.

The id is changed where it is defined and wherever it is referred to:

- row: its `id` in matrix.yaml, and `row` of the inventory entries;
- actor: its `id` in actors.yaml, `refer_to` of the matrix rows, and `referred_to` and
  `sent_by` of the entries;
- category: its `id` in matrix.yaml, and `category` of the entries;
- branch: its `id` under `branches` in library.yaml, and `branch` of the entries;
- reason: its `id` under `reasons` in library.yaml (the default reasons are not written
  anywhere, so they cannot be renamed), and `reasons` of the entries.

A row, category or actor id is also a key in the translation files
(`data/translations/<language>.yaml`, under `rows:`, `categories:`, `actors:`): the key
is renamed there too, its translations kept.

When OLD is no longer defined but NEW is (the id was changed by hand, as `referral diff`
then reports), only the references are changed. Every edit is surgical
(`store.entry_edit.rename_values`): only the id's own characters change. All files are
edited in memory and checked first; then all are written, or none (a file that cannot
be written puts back those already written).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from referral_cli.errors import UsageError
from referral_cli.findings import suggestion
from referral_cli.i18n import counted, os_reason, phrase, t
from referral_cli.store.repository import (
    ACTORS_FILE,
    LIBRARY_FILE,
    MATRIX_FILE,
    Guidelines,
    LoadedEntry,
)
from referral_cli.store.yamlio import PathKey

KINDS: Final = ("row", "actor", "category", "branch", "reason")
# Each kind as a Swedish coordinator types it (`referral rename aktör …`).
KIND_WORDS: Final = {
    "row": ("rad", "matrisrad"),
    "actor": ("aktör",),
    "category": ("kategori",),
    "branch": ("bibliotek", "filial"),
    "reason": ("skäl",),
}
# The section of a translation file that is keyed by ids of each kind.
TRANSLATED_AS: Final = {"row": "rows", "category": "categories", "actor": "actors"}
# The file that defines each kind.
DEFINED_IN: Final = {
    "row": MATRIX_FILE,
    "actor": ACTORS_FILE,
    "category": MATRIX_FILE,
    "branch": LIBRARY_FILE,
    "reason": LIBRARY_FILE,
}


@dataclass(frozen=True)
class Change:
    """One id changed: the file as shown, the position of the value, and its key."""

    file: str
    line: int
    column: int
    key: str


@dataclass
class RenameResult:
    """What `rename` changed (or, with `dry_run`, would change)."""

    kind: str
    old: str
    new: str
    language: str = "sv"  # the library's: what the lines are worded in unless --lang says
    changes: list[Change] = field(default_factory=list)
    dry_run: bool = False

    @property
    def files(self) -> int:
        """How many files were changed."""
        return len({change.file for change in self.changes})

    def lines(self, lang: str) -> list[str]:
        """One line a change (`file:line:column: key: old → new`), then the summary."""
        shown = [
            t(
                "rename.change",
                lang,
                where=f"{c.file}:{c.line}:{c.column}",
                key=c.key,
                old=self.old,
                new=self.new,
            )
            for c in self.changes
        ]
        summary = "rename.dry_run" if self.dry_run else "rename.done"
        shown.append(
            t(
                summary,
                lang,
                the=phrase(f"rename.the.{self.kind}"),
                old=self.old,
                new=self.new,
                changes=counted("rename.count.change", len(self.changes)),
                files=counted("common.count.file", self.files),
            )
        )
        return shown


@dataclass(frozen=True)
class _Edit:
    """The paths of one file whose value is the old id."""

    path: Path
    display: str
    paths: tuple[PathKey, ...]
    keys: tuple[PathKey, ...] = ()


def rename(root: Path, kind: str, old: str, new: str, *, dry_run: bool = False) -> RenameResult:
    """Change the id `old` of `kind` to `new` everywhere in the repository at `root`.

    Raises `UsageError` for an unknown kind, an unknown or taken id, an invalid new id or
    a file that cannot be written, and `FindingsError` when a file cannot be read or an
    id cannot be changed safely; in every case nothing is written.
    """
    from referral_cli.rules.loading import load_readable
    from referral_cli.store.entry_edit import rename_values

    kind = resolve_kind(kind)
    check_request(kind, old, new)
    guidelines = load_readable(root, translations=kind in TRANSLATED_AS)
    if kind == "reason" and guidelines.library.reasons is None:
        raise UsageError(phrase("error.rename.default_reasons"))
    defined = defined_ids(guidelines, kind)
    edits = [
        *_definition_edits(guidelines, kind, old),
        *_reference_edits(guidelines, kind, old),
        *_translation_edits(guidelines, kind, old),
    ]
    if old in defined and new in defined:
        raise UsageError(phrase(f"error.rename.exists.{kind}", new=new))
    if old not in defined and new not in defined:
        raise UsageError(
            phrase(
                f"error.rename.unknown.{kind}",
                old=old,
                suggestion=suggestion(old, sorted(defined)),
                known=", ".join(sorted(defined)) or "—",
            )
        )
    if not edits:  # renamed by hand already, and nothing refers to the old id
        raise UsageError(phrase("error.rename.nothing", old=old, new=new))
    result = RenameResult(kind, old, new, guidelines.library.language, dry_run=dry_run)
    written: list[tuple[Path, bytes, bytes]] = []
    for edit in edits:
        raw, text = _read(edit)
        edited, places = rename_values(text, edit.paths, old, new, edit.display, keys=edit.keys)
        written.append((edit.path, raw, edited.encode("utf-8")))
        result.changes += [
            Change(edit.display, line, column, _key(path)) for path, line, column in places
        ]
    if not dry_run:
        _write_all(root, written)
    return result


def resolve_kind(typed: str) -> str:
    """The kind `typed` names, in English or Swedish, any case (`Aktör`, `skal`); else as typed."""
    from referral_cli.choices import Choices

    return Choices.of(KIND_WORDS.items()).resolve(typed) or typed


def check_request(kind: str, old: str, new: str) -> None:
    """UsageError for an unknown kind, a new id that is no id, or the same id twice."""
    import re

    from referral_cli.models import SLUG_PATTERN

    if kind not in KINDS:
        raise UsageError(
            phrase("error.rename.unknown_kind", kind=kind, suggestion=suggestion(kind, KINDS))
        )
    if not re.match(SLUG_PATTERN, new):
        raise UsageError(phrase("error.rename.invalid_id", new=new))
    if old == new:
        raise UsageError(phrase("error.rename.same", old=old))


def defined_ids(guidelines: Guidelines, kind: str) -> set[str]:
    """The ids of `kind` the repository defines (the reasons in force for `reason`)."""
    library, matrix = guidelines.library, guidelines.matrix
    if kind == "row":
        return {row.id for _, row in matrix.rows()}
    if kind == "actor":
        return {actor.id for actor in guidelines.actors.actors}
    if kind == "category":
        return {category.id for category in matrix.categories}
    if kind == "branch":
        return {branch.id for branch in library.branches}
    return {reason.id for reason in library.reason_vocabulary()}


def _definition_edits(guidelines: Guidelines, kind: str, old: str) -> Iterator[_Edit]:
    """Where `old` is defined, and (for an actor) the matrix rows that refer to it."""
    library, matrix = guidelines.library, guidelines.matrix
    paths: list[PathKey] = []
    if kind == "row":
        paths = [
            ("categories", ci, "rows", ri, "id")
            for ci, category in enumerate(matrix.categories)
            for ri, row in enumerate(category.rows)
            if row.id == old
        ]
    elif kind == "category":
        paths = [("categories", i, "id") for i, c in enumerate(matrix.categories) if c.id == old]
    elif kind == "branch":
        paths = [("branches", i, "id") for i, b in enumerate(library.branches) if b.id == old]
    elif kind == "reason":
        paths = [("reasons", i, "id") for i, r in enumerate(library.reasons or []) if r.id == old]
    elif kind == "actor":
        paths = [("actors", i, "id") for i, a in enumerate(guidelines.actors.actors) if a.id == old]
    if paths:
        yield _Edit(guidelines.root / DEFINED_IN[kind], DEFINED_IN[kind], tuple(paths))
    if kind == "actor":
        refers = [
            ("categories", ci, "rows", ri, "refer_to", k)
            for ci, category in enumerate(matrix.categories)
            for ri, row in enumerate(category.rows)
            for k, actor in enumerate(row.refer_to)
            if actor == old
        ]
        if refers:
            yield _Edit(guidelines.root / MATRIX_FILE, MATRIX_FILE, tuple(refers))


def _reference_edits(guidelines: Guidelines, kind: str, old: str) -> Iterator[_Edit]:
    """Every inventory entry that refers to `old`, with the paths of its references."""
    for loaded in sorted(guidelines.entries, key=lambda e: e.display):
        paths = tuple(entry_references(loaded, kind, old))
        if paths:
            yield _Edit(loaded.path, loaded.display, paths)


def _translation_edits(guidelines: Guidelines, kind: str, old: str) -> Iterator[_Edit]:
    """Every translation file with a key `old` in the section of `kind`."""
    section = TRANSLATED_AS.get(kind)
    if section is None:
        return
    for loaded in guidelines.translations.values():
        if old in getattr(loaded.file, section):
            path = guidelines.root / loaded.display
            yield _Edit(path, loaded.display, (), keys=((section, old),))


def entry_references(loaded: LoadedEntry, kind: str, old: str) -> Iterator[PathKey]:
    """The paths in one entry whose value is the id `old` of `kind`."""
    from referral_cli.models import ENTRY_ID_KEYS

    for key in ENTRY_ID_KEYS[kind]:
        value: Any = getattr(loaded.entry, key)
        if isinstance(value, list):
            yield from ((key, k) for k, item in enumerate(value) if item == old)
        elif value == old:
            yield (key,)


def _key(path: PathKey) -> str:
    return next(str(part) for part in reversed(path) if isinstance(part, str))


def _read(edit: _Edit) -> tuple[bytes, str]:
    """The file's bytes and text; a file that is not UTF-8 cannot be edited safely."""
    from referral_cli.store.entry_edit import EditError

    raw = edit.path.read_bytes()
    try:
        return raw, raw.decode("utf-8")
    except UnicodeDecodeError:
        raise EditError(edit.display, 1, phrase("store.edit.not-utf8")) from None


def _write_all(root: Path, files: Sequence[tuple[Path, bytes, bytes]]) -> None:
    """Write every file; if one cannot be written, put back those written before it."""
    from referral_cli.store.atomic import replace_file
    from referral_cli.store.repository import display_path

    done: list[tuple[Path, bytes]] = []
    for path, before, after in files:
        try:
            replace_file(path, after)
        except OSError as exc:
            for written, original in reversed(done):
                replace_file(written, original)
            reason = os_reason(exc)
            raise UsageError(
                phrase("error.rename.unwritable", file=display_path(root, path), reason=reason)
            ) from None
        done.append((path, before))
