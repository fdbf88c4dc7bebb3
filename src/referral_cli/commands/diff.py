"""`referral diff`: guideline changes between two git revisions, in words.

Files are read at a revision with `git show`/`git ls-tree`/`git cat-file`
(the working tree is read from disk), parsed with `yamlio.parse_text` and
validated with the models, then compared by id: rows and actors added,
removed, renamed (an id removed and another added with otherwise identical
content) and changed field by field; categories, checklist and closing
steps, the library's own settings; inventory entries added, counted by
reason. A file that does not exist at a revision counts as empty.
"""

from __future__ import annotations

import difflib
import subprocess
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from referral_cli.errors import FindingsError, UsageError
from referral_cli.findings import Finding
from referral_cli.models import ActorsFile, Library, Matrix
from referral_cli.rules.validation import validate_document
from referral_cli.store.gitio import is_work_tree, run_git
from referral_cli.store.repository import (
    ACTORS_FILE,
    INVENTORY_DIR,
    LIBRARY_FILE,
    MATRIX_FILE,
    iter_entry_files,
)
from referral_cli.store.yamlio import YamlError, parse_text

WORKTREE = None  # a "revision" of None means the working tree on disk


# --------------------------------------------------------------------------- git access


def _git(
    root: Path, args: Sequence[str], stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    result = run_git(root, *args, stdin=stdin)
    if result is None:
        raise UsageError("git is not installed; referral diff needs git")
    return result


def check_git_repository(root: Path) -> None:
    """UsageError unless `root` is inside a git work tree."""
    inside = is_work_tree(root)
    if inside is None:
        raise UsageError("git is not installed; referral diff needs git")
    if not inside:
        raise UsageError(
            f"{root} is not inside a git repository; referral diff compares git revisions "
            "(run 'git init' and commit first)"
        )


def resolve_revision(root: Path, revision: str) -> str:
    """The commit id of `revision`; UsageError with a clear message if it does not exist."""
    if revision.startswith("-"):
        raise UsageError(f"'{revision}' is not a git revision")
    result = _git(root, ["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"])
    if result.returncode != 0:
        raise UsageError(
            f"unknown git revision '{revision}': give a commit, branch or tag "
            "(see 'git log --oneline'), e.g. HEAD~1"
        )
    return result.stdout.decode().strip()


class Snapshot:
    """The guideline files as they are at one revision (or in the working tree)."""

    def __init__(self, root: Path, revision: str | None, label: str) -> None:
        """`revision` None reads the working tree."""
        self.root = root
        self.revision = revision
        self.label = label

    def display(self, path: str) -> str:
        """How a file at this revision is named in messages."""
        return f"{self.label}:{path}" if self.revision else path

    def read(self, path: str) -> bytes | None:
        """The file's bytes, or None when it does not exist at this revision."""
        if self.revision is None:
            full = self.root / path
            return full.read_bytes() if full.is_file() else None
        result = _git(self.root, ["cat-file", "blob", f"{self.revision}:./{path}"])
        return result.stdout if result.returncode == 0 else None

    def inventory_files(self) -> list[str]:
        """Every inventory entry file, relative to the root, sorted."""
        if self.revision is None:
            return [p.relative_to(self.root).as_posix() for p in iter_entry_files(self.root)]
        result = _git(
            self.root, ["ls-tree", "-r", "--name-only", "-z", self.revision, "--", INVENTORY_DIR]
        )
        if result.returncode != 0:
            return []
        names = [n.decode("utf-8", "replace") for n in result.stdout.split(b"\0") if n]
        prefix = INVENTORY_DIR + "/"
        return sorted(
            n
            for n in names
            if n.startswith(prefix)
            and n.endswith((".yaml", ".yml"))
            and not any(part.startswith(".") for part in n[len(prefix) :].split("/"))
        )

    def read_many(self, paths: Sequence[str]) -> dict[str, bytes]:
        """Several files at once (one `git cat-file --batch` for a revision)."""
        if not paths:
            return {}
        if self.revision is None:
            return {p: data for p in paths if (data := self.read(p)) is not None}
        request = "".join(f"{self.revision}:./{p}\n" for p in paths).encode()
        output = _git(self.root, ["cat-file", "--batch"], stdin=request).stdout
        contents: dict[str, bytes] = {}
        position = 0
        for path in paths:
            end = output.index(b"\n", position)
            header = output[position:end].split()
            position = end + 1
            if len(header) == 3 and header[1] == b"blob":
                size = int(header[2])
                contents[path] = output[position : position + size]
                position += size + 1
        return contents


# --------------------------------------------------------------------------- parsing


def _decode(raw: bytes, display: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise FindingsError(
            [Finding(display, 1, 1, "error", "encoding", "the file is not valid UTF-8 text")]
        ) from None


def _parse(snapshot: Snapshot, path: str) -> Any:
    raw = snapshot.read(path)
    if raw is None:
        return None
    display = snapshot.display(path)
    try:
        data, _source = parse_text(_decode(raw, display), display)
    except YamlError as exc:
        raise FindingsError([exc.finding]) from None
    return data, _source


def _load_model(snapshot: Snapshot, path: str, model: type[BaseModel], empty: Any) -> Any:
    parsed = _parse(snapshot, path)
    if parsed is None or parsed[0] is None:
        return empty
    data, source = parsed
    instance, problems = validate_document(model, data, snapshot.display(path), source)
    if instance is None or any(p.severity == "error" for p in problems):
        raise FindingsError([p for p in problems if p.severity == "error"] or problems)
    return instance


@dataclass
class State:
    """The guideline files of one snapshot, as models."""

    library: Library
    actors: ActorsFile
    matrix: Matrix
    inventory: list[str]


def load_state(snapshot: Snapshot) -> State:
    """Read and validate library, actors and matrix; list the inventory files."""
    return State(
        library=_load_model(snapshot, LIBRARY_FILE, Library, Library()),
        actors=_load_model(snapshot, ACTORS_FILE, ActorsFile, ActorsFile(actors=[])),
        matrix=_load_model(snapshot, MATRIX_FILE, Matrix, Matrix(categories=[])),
        inventory=snapshot.inventory_files(),
    )


# --------------------------------------------------------------------------- comparing


@dataclass(frozen=True)
class FieldChange:
    """One field whose text changed; `old`/`new` None when absent."""

    field: str
    old: str | None
    new: str | None


@dataclass
class ItemChange:
    """A row, actor or category that was added, removed, renamed or changed."""

    kind: str  # added | removed | renamed | changed
    id: str
    name: str
    new_id: str | None = None
    fields: list[FieldChange] = field(default_factory=list)
    context: str | None = None  # e.g. the category of a row


@dataclass(frozen=True)
class StepChange:
    """A checklist or closing step added, removed or changed (1-based positions)."""

    kind: str
    position: int
    old: str | None
    new: str | None


@dataclass
class DiffReport:
    """Everything that changed between two snapshots."""

    old_label: str
    new_label: str
    language: str
    library: list[FieldChange] = field(default_factory=list)
    categories: list[ItemChange] = field(default_factory=list)
    rows: list[ItemChange] = field(default_factory=list)
    actors: list[ItemChange] = field(default_factory=list)
    checklist: list[StepChange] = field(default_factory=list)
    closing: list[StepChange] = field(default_factory=list)
    inventory_added: int = 0
    inventory_removed: int = 0
    added_by_reason: list[tuple[str, str, int]] = field(default_factory=list)

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


def _text(value: Any) -> str | None:
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


def field_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[FieldChange]:
    """Field-by-field differences, nested mappings as dotted names, in key order."""
    a, b = _flatten(old), _flatten(new)
    names = list(a) + [k for k in b if k not in a]
    return [FieldChange(n, a.get(n), b.get(n)) for n in names if a.get(n) != b.get(n)]


def _compare_items(
    old: dict[str, dict[str, Any]],
    new: dict[str, dict[str, Any]],
    names: dict[str, str],
    contexts: dict[str, str] | None = None,
) -> list[ItemChange]:
    """Compare id → content mappings (content without the id)."""
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
    order = {"renamed": 0, "removed": 1, "added": 2, "changed": 3}
    return sorted(changes, key=lambda c: order[c.kind])


def _dump(model: BaseModel, exclude: set[str]) -> dict[str, Any]:
    return model.model_dump(mode="json", exclude=exclude)


def _rows(matrix: Matrix) -> dict[str, dict[str, Any]]:
    return {
        row.id: {"category": category.id, **_dump(row, {"id"})} for category, row in matrix.rows()
    }


def _steps(old: Sequence[Any], new: Sequence[Any]) -> list[StepChange]:
    def text(step: Any) -> str:
        return f"{step.step} – {step.guidance}" if step.guidance else str(step.step)

    a, b = [text(s) for s in old], [text(s) for s in new]
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


def _entry_reasons(raw: bytes, display: str) -> list[str]:
    try:
        data, _ = parse_text(_decode(raw, display), display)
    except YamlError as exc:  # a file that cannot be read is located, not counted
        raise FindingsError([exc.finding]) from None
    reasons = data.get("reasons") if isinstance(data, dict) else None
    if not isinstance(reasons, list):
        return []
    return [r for r in reasons if isinstance(r, str)]


def compare(old: Snapshot, new: Snapshot, language: str | None = None) -> DiffReport:
    """Every guideline change from `old` to `new`."""
    a, b = load_state(old), load_state(new)
    report = DiffReport(old.label, new.label, language or b.library.language)
    report.library = field_changes(_dump(a.library, set()), _dump(b.library, set()))
    report.categories = _compare_items(
        {c.id: {"title": c.title} for c in a.matrix.categories},
        {c.id: {"title": c.title} for c in b.matrix.categories},
        {c.id: c.title for c in (*a.matrix.categories, *b.matrix.categories)},
    )
    all_rows = [*a.matrix.rows(), *b.matrix.rows()]
    report.rows = _compare_items(
        _rows(a.matrix),
        _rows(b.matrix),
        {row.id: row.need for _, row in all_rows},
        {row.id: category.title for category, row in all_rows},
    )
    report.actors = _compare_items(
        {x.id: _dump(x, {"id"}) for x in a.actors.actors},
        {x.id: _dump(x, {"id"}) for x in b.actors.actors},
        {x.id: x.name for x in (*a.actors.actors, *b.actors.actors)},
    )
    report.checklist = _steps(a.matrix.checklist, b.matrix.checklist)
    report.closing = _steps(a.matrix.closing, b.matrix.closing)
    old_files = set(a.inventory)
    added = [p for p in b.inventory if p not in old_files]
    report.inventory_added = len(added)
    report.inventory_removed = len(old_files - set(b.inventory))
    counts: Counter[str] = Counter()
    for path, raw in new.read_many(added).items():
        reasons = _entry_reasons(raw, new.display(path))
        counts.update(reasons or [""])
    labels = {r.id: r.label for r in b.library.reason_vocabulary()}
    none_label = "(inget skäl angivet)" if report.language != "en" else "(no reason given)"
    report.added_by_reason = [
        (rid, labels.get(rid, rid) if rid else none_label, n)
        for rid, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] == "", kv[0]))
    ]
    return report


def diff_revisions(
    root: Path, rev1: str | None = None, rev2: str | None = None, language: str | None = None
) -> DiffReport:
    """Compare `rev1` (default HEAD) with `rev2` (default the working tree)."""
    check_git_repository(root)
    old_rev = rev1 or "HEAD"
    old_commit = resolve_revision(root, old_rev)
    worktree = "arbetskopian" if language != "en" else "the working tree"
    if rev2 is None:
        new = Snapshot(root, WORKTREE, worktree)
    else:
        new = Snapshot(root, resolve_revision(root, rev2), rev2)
    report = compare(Snapshot(root, old_commit, old_rev), new, language)
    if rev2 is None and report.language == "en":
        report.new_label = "the working tree"
    elif rev2 is None:
        report.new_label = "arbetskopian"
    return report


# --------------------------------------------------------------------------- output

_WORDS: dict[str, dict[str, str]] = {
    "sv": {
        "title": "Ändringar i riktlinjerna: {old} → {new}",
        "nothing": "Inga ändringar i riktlinjerna.",
        "library": "Biblioteket (library.yaml)",
        "categories": "Matrisens kategorier",
        "rows": "Matrisens rader",
        "actors": "Aktörer",
        "checklist": "Checklistan",
        "closing": "Avslut",
        "inventory": "Frågeinventeringen",
        "added_row": "Ny rad",
        "removed_row": "Borttagen rad",
        "changed_row": "Ändrad rad",
        "renamed_row": "Rad med nytt id",
        "added_actor": "Ny aktör",
        "removed_actor": "Borttagen aktör",
        "changed_actor": "Ändrad aktör",
        "renamed_actor": "Aktör med nytt id",
        "added_category": "Ny kategori",
        "removed_category": "Borttagen kategori",
        "changed_category": "Ändrad kategori",
        "renamed_category": "Kategori med nytt id",
        "renamed_to": "heter nu {new} (innehållet oförändrat)",
        "in": "i {context}",
        "old": "före",
        "new": "efter",
        "empty": "(tomt)",
        "added_step": "Nytt steg {n}",
        "removed_step": "Borttaget steg {n}",
        "changed_step": "Ändrat steg {n}",
        "entries_added": "{n} nya frågor",
        "entry_added": "1 ny fråga",
        "entries_removed": "{n} borttagna frågor",
        "entry_removed": "1 borttagen fråga",
        "by_reason": "per skäl",
    },
    "en": {
        "title": "Guideline changes: {old} → {new}",
        "nothing": "No changes to the guidelines.",
        "library": "The library (library.yaml)",
        "categories": "Matrix categories",
        "rows": "Matrix rows",
        "actors": "Actors",
        "checklist": "Checklist",
        "closing": "Closing steps",
        "inventory": "Question inventory",
        "added_row": "New row",
        "removed_row": "Removed row",
        "changed_row": "Changed row",
        "renamed_row": "Row with a new id",
        "added_actor": "New actor",
        "removed_actor": "Removed actor",
        "changed_actor": "Changed actor",
        "renamed_actor": "Actor with a new id",
        "added_category": "New category",
        "removed_category": "Removed category",
        "changed_category": "Changed category",
        "renamed_category": "Category with a new id",
        "renamed_to": "is now {new} (content unchanged)",
        "in": "in {context}",
        "old": "before",
        "new": "after",
        "empty": "(empty)",
        "added_step": "New step {n}",
        "removed_step": "Removed step {n}",
        "changed_step": "Changed step {n}",
        "entries_added": "{n} new questions",
        "entry_added": "1 new question",
        "entries_removed": "{n} questions removed",
        "entry_removed": "1 question removed",
        "by_reason": "by reason",
    },
}

FIELD_LABELS: dict[str, dict[str, str]] = {
    "sv": {
        "need": "Användaren behöver hjälp med",
        "solution": "Lösning och/eller motivering",
        "library_can": "Biblioteket kan",
        "refer_to": "Hänvisa till",
        "phrasing": "Formulering",
        "requires": "Användaren behöver ha med",
        "keywords": "Sökord",
        "reviewed": "Granskad",
        "owner": "Ansvarig",
        "category": "Kategori",
        "name": "Namn",
        "kind": "Typ",
        "scope": "Räckvidd",
        "description": "Beskrivning",
        "helps_with": "Hjälper till med",
        "languages": "Språk",
        "notes": "Anteckningar",
        "title": "Rubrik",
        "municipality": "Kommun",
        "language": "Språk",
        "review_interval_months": "Översynsintervall (månader)",
        "purpose": "Syfte",
        "branches": "Bibliotek",
        "reasons": "Skäl",
        "periods": "Perioder",
    },
    "en": {
        "need": "The user needs help with",
        "solution": "Solution and/or reason",
        "library_can": "The library can",
        "refer_to": "Refer to",
        "phrasing": "Phrasing",
        "requires": "What to bring",
        "keywords": "Keywords",
        "reviewed": "Reviewed",
        "owner": "Owner",
        "category": "Category",
        "name": "Name",
        "kind": "Kind",
        "scope": "Scope",
        "description": "Description",
        "helps_with": "Helps with",
        "languages": "Languages",
        "notes": "Notes",
        "title": "Title",
        "municipality": "Municipality",
        "language": "Language",
        "review_interval_months": "Review interval (months)",
        "purpose": "Purpose",
        "branches": "Branches",
        "reasons": "Reasons",
        "periods": "Periods",
    },
}


def _field_name(name: str, lang: str) -> str:
    label = FIELD_LABELS[lang].get(name)
    return f"{label} ({name})" if label else name


def format_diff(report: DiffReport, output_format: str = "text") -> str:
    """The report as plain text or Markdown (for a merge request)."""
    if output_format not in ("text", "md"):
        raise UsageError(f"--format: '{output_format}' is not text or md")
    md = output_format == "md"
    lang = "en" if report.language == "en" else "sv"
    w = _WORDS[lang]
    lines: list[str] = []
    title = w["title"].format(old=report.old_label, new=report.new_label)
    lines.append(f"# {title}" if md else title)
    if report.empty:
        return "\n".join([*lines, "", w["nothing"]])

    def heading(text: str) -> None:
        lines.extend(["", f"## {text}" if md else text])

    def code(text: str) -> str:
        return f"`{text}`" if md else text

    def value(text: str | None) -> str:
        return text if text is not None else w["empty"]

    def field_lines(changes: list[FieldChange]) -> None:
        for change in changes:
            name = _field_name(change.field, lang)
            if md:
                lines.append(f"  - **{name}**")
                lines.append(f"    - {w['old']}: {value(change.old)}")
                lines.append(f"    - {w['new']}: {value(change.new)}")
            else:
                lines.append(f"    {name}")
                lines.append(f"      {w['old']}: {value(change.old)}")
                lines.append(f"      {w['new']}: {value(change.new)}")

    def items(section: str, kind_word: str, changes: list[ItemChange]) -> None:
        if not changes:
            return
        heading(w[section])
        for change in changes:
            label = w[f"{change.kind}_{kind_word}"]
            where = f" ({w['in'].format(context=change.context)})" if change.context else ""
            if change.kind == "renamed":
                rest = w["renamed_to"].format(new=code(change.new_id or ""))
                text = f"{label}: {code(change.id)} {rest}"
            else:
                text = f"{label} {code(change.id)}{where}: {change.name}"
            lines.append(f"- {text}" if md else f"  {text}")
            field_lines(change.fields)

    if report.library:
        heading(w["library"])
        field_lines(report.library)
    items("categories", "category", report.categories)
    items("rows", "row", report.rows)
    items("actors", "actor", report.actors)
    for section, steps in (("checklist", report.checklist), ("closing", report.closing)):
        if not steps:
            continue
        heading(w[section])
        for step in steps:
            label = w[f"{step.kind}_step"].format(n=step.position)
            bullet = "- " if md else "  "
            if step.kind == "changed":
                lines.append(f"{bullet}{label}")
                indent = "  - " if md else "    "
                lines.append(f"{indent}{w['old']}: {step.old}")
                lines.append(f"{indent}{w['new']}: {step.new}")
            else:
                lines.append(f"{bullet}{label}: {step.new if step.kind == 'added' else step.old}")
    if report.inventory_added or report.inventory_removed:
        heading(w["inventory"])
        bullet = "- " if md else "  "
        if report.inventory_added:
            key = "entry_added" if report.inventory_added == 1 else "entries_added"
            lines.append(f"{bullet}{w[key].format(n=report.inventory_added)}, {w['by_reason']}:")
            for _rid, label, count in report.added_by_reason:
                lines.append(f"{'  - ' if md else '    '}{label}: {count}")
        if report.inventory_removed:
            key = "entry_removed" if report.inventory_removed == 1 else "entries_removed"
            lines.append(f"{bullet}{w[key].format(n=report.inventory_removed)}")
    return "\n".join(lines)
