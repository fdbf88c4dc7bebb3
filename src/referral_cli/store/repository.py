"""Find a guideline repository and load every file in it into models.

`load_guidelines` never raises for bad data: it returns what it could load and
every finding, so `referral validate` can report all problems in one run.
Commands that need clean data load through `referral_cli.rules.loading`, which
raises `FindingsError` when anything is wrong.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from referral_cli.errors import RootNotFoundError
from referral_cli.i18n import LANGUAGES, Phrase, note_library_language, phrase

if TYPE_CHECKING:
    from pydantic import BaseModel

    from referral_cli.findings import Finding
    from referral_cli.models import ActorsFile, InventoryEntry, Library, Matrix
    from referral_cli.store.translations import LoadedTranslation
    from referral_cli.store.yamlio import Document, SourceMap

# pydantic, the models and yaml are imported where they are used, so that finding the
# repository (and `referral lookup` answered from its cache) imports none of them.

LIBRARY_FILE = "data/library.yaml"
ACTORS_FILE = "data/actors.yaml"
MATRIX_FILE = "data/matrix.yaml"
INVENTORY_DIR = "data/inventory"
ROOT_ENV = "REFERRAL_ROOT"
FREEZE_ABOVE = 5_000  # entries; see `_load_entries`

M = TypeVar("M", bound="BaseModel")


def _models() -> Any:
    from referral_cli import models

    return models


def find_root(explicit: Path | None = None, start: Path | None = None) -> Path:
    """Locate the guideline repository.

    `--root DIR`, else `$REFERRAL_ROOT`, else the nearest parent of the working
    directory that holds `data/matrix.yaml`.
    """
    chosen = explicit or (Path(os.environ[ROOT_ENV]) if os.environ.get(ROOT_ENV) else None)
    if chosen is not None:
        if not (chosen / MATRIX_FILE).is_file():
            raise RootNotFoundError(
                phrase("store.not-a-repository", path=str(chosen), matrix=MATRIX_FILE)
            )
        return chosen.resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MATRIX_FILE).is_file():
            return folder
    raise RootNotFoundError(
        phrase("store.no-repository", matrix=MATRIX_FILE, here=str(here), env=ROOT_ENV)
    )


@dataclass(slots=True)
class LoadedEntry:
    """One inventory entry with where it came from."""

    path: Path
    display: str
    entry: InventoryEntry
    source: SourceMap
    # True when the personal-data scan is known to find nothing in this entry (its
    # verdict was taken at load time, or cached with the entry), so checks skip it.
    privacy_clean: bool = False
    # Required fields the file's own values could not fill (an entry of
    # `Guidelines.partial`): stand-ins, on which no check runs.
    stand_ins: frozenset[str] = frozenset()
    # A hash of the bytes the entry was read from (`cache.content_digest`), so an edit
    # can tell whether someone changed the file since (None: not read from a file).
    digest: bytes | None = None


@dataclass
class Guidelines:
    """Everything in a guideline repository, as models.

    Parts whose file failed to load are left at empty defaults and their name
    is added to `broken`, so cross-file checks can skip what they cannot judge.
    What can still be read of them is kept for the checks, so one run reports every
    problem: `raw` holds the plain data of a library, actors or matrix file the
    model refused (by part name), `partial` the readable fields of inventory entries
    the model refused (with stand-ins for the required ones it could not fill).
    """

    root: Path
    library: Library = field(default_factory=lambda: _models().Library())
    actors: ActorsFile = field(default_factory=lambda: _models().ActorsFile(actors=[]))
    matrix: Matrix = field(default_factory=lambda: _models().Matrix(categories=[]))
    entries: list[LoadedEntry] = field(default_factory=list)
    sources: dict[str, SourceMap] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)
    raw: dict[str, Any] = field(default_factory=dict)
    partial: list[LoadedEntry] = field(default_factory=list)
    # Hidden and temporary files and folders in data/inventory/, never read: (display
    # path, "hidden" or "temporary"); `referral validate` reports them.
    strays: list[tuple[str, str]] = field(default_factory=list)
    # Translation files by language, when the command asked for them (`translations=`).
    translations: dict[str, LoadedTranslation] = field(default_factory=dict)


def display_path(root: Path, path: Path) -> str:
    """`path` relative to `root` in forward-slash form, or as given when outside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def load_model(
    model: type[M],
    path: Path,
    display: str,
    findings: list[Finding],
    *,
    positions: bool = True,
    raw: bytes | None = None,
    empty_ok: bool = False,
    limit: int | None = None,
) -> tuple[M | None, Document | None]:
    """Load one YAML file into `model`, appending findings instead of raising.

    `positions=False` defers collecting line/column positions until a finding
    needs one (see `yamlio.load_file`); the findings are the same. `raw` is the
    file's content when the caller has read it already. With `empty_ok`, a file
    holding nothing (or only comments) is the model with every key left out. `limit`
    is the most bytes the file may hold (default: `limits.YAML_FILE_BYTES`).
    """
    from referral_cli.rules.validation import validate_document
    from referral_cli.store.limits import YAML_FILE_BYTES
    from referral_cli.store.yamlio import YamlError, load_file

    try:
        document = load_file(
            path, display, positions=positions, raw=raw, limit=limit or YAML_FILE_BYTES
        )
    except YamlError as exc:
        if empty_ok and exc.finding.code == "empty-file":
            return model.model_validate({}), None
        findings.append(exc.finding)
        return None, None
    findings.extend(document.warnings)
    instance, problems = validate_document(model, document.data, display, document.source)
    findings.extend(problems)
    return (instance if isinstance(instance, model) else None), document


def iter_entry_files(root: Path) -> Iterator[Path]:
    """Every inventory entry file, in a stable order (links as `store.links` allows)."""
    for path, _, _ in _entry_dir_entries(root):
        yield path


def entry_files(root: Path) -> Iterator[tuple[Path, str]]:
    """Every inventory entry file with its display path, in a stable order.

    The display path is the path below the repository as walked (through a link
    that was followed, not where it leads), in `/` form, control characters shown.
    """
    for path, display, _ in _entry_dir_entries(root):
        yield path, display


def _entry_dir_entries(
    root: Path,
    problems: list[tuple[Path, Phrase]] | None = None,
    strays: list[tuple[Path, str]] | None = None,
) -> Iterator[tuple[Path, str, os.DirEntry[str]]]:
    from referral_cli.store.links import LinkRule
    from referral_cli.store.yamlio import walk_yaml_entries
    from referral_cli.text import printable

    folder = root / INVENTORY_DIR
    if not folder.is_dir():
        return
    rule = LinkRule.for_repository(root)
    refused = rule.check_path(folder)
    if refused is not None:  # data/ or data/inventory/ is a link that leaves the repository
        if problems is not None:
            problems.append((folder, refused))
        return
    prefix = INVENTORY_DIR + "/"
    for path, relative, entry in walk_yaml_entries(folder, problems, rule=rule, strays=strays):
        # A file name may hold anything but '/' and NUL: shown, never acted on.
        # (`isprintable` is the quick answer for nearly every name.)
        display = prefix + relative
        yield path, display if display.isprintable() else printable(display), entry


def load_guidelines(
    root: Path,
    *,
    inventory: bool = True,
    use_cache: bool | None = None,
    contents: dict[str, bytes] | None = None,
    translations: bool | Collection[str] = False,
) -> tuple[Guidelines, list[Finding]]:
    """Load every file of the repository at `root`; return the data and all load findings.

    `translations` also reads `data/translations/`: every file (True) or only these
    languages. Only the commands that show translations ask for them, so a broken
    translation file never stops anyone logging a question.

    Inventory entries come from the parse cache when their file is unchanged
    (see `referral_cli.store.cache`); `use_cache=False` forces reading every file,
    None means "unless `--no-cache` or `REFERRAL_NO_CACHE` says otherwise".
    The result is the same either way. `contents` holds the bytes of library,
    actors or matrix file (by display path) when the caller has read them already.
    """
    from referral_cli.findings import Finding
    from referral_cli.models import ActorsFile, Library, Matrix

    guidelines = Guidelines(root=root)
    findings: list[Finding] = []
    contents = contents or {}
    refused = _refused_links(root, findings)
    guidelines.broken |= refused

    library_path = root / LIBRARY_FILE
    if "library" in refused:
        pass
    elif library_path.exists():
        library, doc = load_model(
            Library,
            library_path,
            LIBRARY_FILE,
            findings,
            raw=contents.get(LIBRARY_FILE),
            empty_ok=True,  # every key of library.yaml is optional
        )
        _keep(guidelines, "library", library, doc, LIBRARY_FILE)
        # The library's language is the reader's unless --lang says otherwise; a
        # library.yaml with an error elsewhere still says which language it speaks.
        note_library_language(
            library.language if library is not None else _language_in(doc.data if doc else None)
        )
    else:
        note_library_language(guidelines.library.language)

    actors_path = root / ACTORS_FILE
    if "actors" in refused:
        pass
    elif actors_path.exists():
        actors, doc = load_model(
            ActorsFile, actors_path, ACTORS_FILE, findings, raw=contents.get(ACTORS_FILE)
        )
        _keep(guidelines, "actors", actors, doc, ACTORS_FILE)
    else:
        guidelines.broken.add("actors")
        findings.append(
            Finding(
                ACTORS_FILE,
                1,
                1,
                "error",
                "missing-file",
                phrase("store.missing-file", file=ACTORS_FILE),
                phrase("store.missing-actors.hint"),
            )
        )

    if "matrix" not in refused:
        matrix, doc = load_model(
            Matrix, root / MATRIX_FILE, MATRIX_FILE, findings, raw=contents.get(MATRIX_FILE)
        )
        _keep(guidelines, "matrix", matrix, doc, MATRIX_FILE)

    if translations:
        from referral_cli.store.translations import load_translations

        languages = None if translations is True else translations
        guidelines.translations = load_translations(root, findings, load_model, languages)
        for loaded in guidelines.translations.values():
            guidelines.sources[loaded.display] = loaded.source

    if inventory:
        from referral_cli.store import cache

        _load_entries(guidelines, findings, cache.enabled(use_cache))
    return guidelines, findings


def library_language(root: Path) -> str | None:
    """The `language` that `library.yaml` at `root` gives, or None (no file, unreadable).

    Read on its own, for a message that must be worded before the repository was loaded.
    """
    from referral_cli.store.yamlio import YamlError, load_file

    try:
        document = load_file(root / LIBRARY_FILE, LIBRARY_FILE)
    except (YamlError, OSError):
        return None
    return _language_in(document.data)


def _language_in(data: object) -> str | None:
    value = data.get("language") if isinstance(data, dict) else None
    return value if value in LANGUAGES else None


def _refused_links(root: Path, findings: list[Finding]) -> set[str]:
    """The parts (library, actors, matrix) whose file a link leads where none may be read.

    Such a file is never read (`store.links`): a link to `/etc/passwd` or to a file of
    another repository would otherwise put its content into findings, CI logs or
    handouts.
    """
    from referral_cli.store.links import LinkRule

    rule = LinkRule.for_repository(root)
    refused = set()
    for part, name in (("library", LIBRARY_FILE), ("actors", ACTORS_FILE), ("matrix", MATRIX_FILE)):
        path = root / name
        if not os.path.lexists(path):
            continue
        reason = rule.check_path(path)
        if reason is not None:
            refused.add(part)
            findings.append(
                _inventory_problem(name, reason, phrase("store.link.hint"), code="refused-link")
            )
    return refused


def _inventory_problem(
    display: str, message: Phrase, hint: Phrase | None = None, *, code: str = "unreadable"
) -> Finding:
    from referral_cli.findings import Finding

    return Finding(display, 1, 1, "error", code, message, hint)


def _load_entries(guidelines: Guidelines, findings: list[Finding], use_cache: bool) -> None:
    from referral_cli.models import InventoryEntry
    from referral_cli.rules.privacy import has_personal_data
    from referral_cli.store.cache import EntryCache, content_digest, stamp
    from referral_cli.store.limits import ENTRY_FILE_BYTES
    from referral_cli.store.yamlio import LazySourceMap

    # Bulk loading makes many small objects and frees none: the cyclic garbage
    # collector would only rescan them, which costs more than the parsing.
    folder = guidelines.root / INVENTORY_DIR
    if folder.exists() and not folder.is_dir():
        guidelines.broken.add("inventory")
        findings.append(
            _inventory_problem(
                INVENTORY_DIR,
                phrase("store.inventory-not-folder", folder=INVENTORY_DIR),
                phrase("store.inventory-not-folder.hint", folder=INVENTORY_DIR),
            )
        )
        return
    problems: list[tuple[Path, Phrase]] = []
    strays: list[tuple[Path, str]] = []
    collecting = gc.isenabled()
    gc.disable()
    try:
        cache = EntryCache.open(guidelines.root) if use_cache else None
        for path, display, dir_entry in _entry_dir_entries(guidelines.root, problems, strays):
            current = stamp(dir_entry) if cache is not None else None
            if cache is not None and current is not None:
                cached = cache.lookup(display, dir_entry, current)
                if cached is not None:
                    source = LazySourceMap(path, display)
                    cached_entry, clean, digest = cached
                    guidelines.entries.append(
                        LoadedEntry(path, display, cached_entry, source, clean, digest=digest)
                    )
                    continue
            try:
                # Read through the scan's own path string: the Path stays light.
                with open(dir_entry.path, "rb") as stream:  # noqa: PTH123 - see above
                    # One byte over the limit is enough for load_model to refuse the file.
                    raw: bytes | None = stream.read(ENTRY_FILE_BYTES + 1)
            except OSError:
                raw = None  # load_model reports it
            before = len(findings)
            entry, doc = load_model(
                InventoryEntry,
                path,
                display,
                findings,
                positions=False,
                raw=raw,
                limit=ENTRY_FILE_BYTES,
            )
            if entry is None or doc is None or raw is None:
                guidelines.broken.add("inventory")
                if doc is not None:
                    _keep_readable_part(guidelines, path, display, doc)
                continue
            digest = content_digest(raw)
            if cache is not None and current is not None and len(findings) == before:
                # The scan's verdict is kept with the entry: a later validate of the
                # unchanged file need not scan it again.
                clean = not has_personal_data(entry)
                guidelines.entries.append(
                    LoadedEntry(path, display, entry, doc.source, clean, digest=digest)
                )
                cache.store(display, current, raw, entry, clean)
                continue
            guidelines.entries.append(LoadedEntry(path, display, entry, doc.source, digest=digest))
        if cache is not None:
            cache.save()
        for path, reason in problems:
            guidelines.broken.add("inventory")
            if reason.key.startswith("store.link-"):
                problem = _inventory_problem(
                    _shown(guidelines.root, path),
                    reason,
                    phrase("store.link.hint"),
                    code="refused-link",
                )
            else:
                problem = _inventory_problem(
                    _shown(guidelines.root, path),
                    phrase("store.questions-not-read", problem=reason),
                    phrase("store.questions-not-read.hint"),
                )
            findings.append(problem)
        guidelines.strays = [(_shown(guidelines.root, path), kind) for path, kind in strays]
    finally:
        if len(guidelines.entries) >= FREEZE_ABOVE:
            # The entries live as long as the command: keep the collector from
            # walking them again (a 100,000-entry run would spend seconds on it).
            gc.freeze()
        if collecting:
            gc.enable()


def _keep_readable_part(guidelines: Guidelines, path: Path, display: str, doc: Document) -> None:
    """Keep the fields of an entry the model refused that can be read, for the checks."""
    from datetime import date

    from referral_cli.rules.validation import readable_entry

    entry, stand_ins = readable_entry(doc.data, date.today())
    if entry is not None:
        loaded = LoadedEntry(path, display, entry, doc.source, stand_ins=stand_ins)
        guidelines.partial.append(loaded)


def _shown(root: Path, path: Path) -> str:
    """`path` below `root` as shown in a finding, `/`-separated, control characters visible.

    Lexically relative: resolving would follow a link to its target.
    """
    from referral_cli.text import printable

    return printable(Path(os.path.relpath(path, root)).as_posix())


def _keep(
    guidelines: Guidelines, part: str, value: Any, doc: Document | None, display: str
) -> None:
    if doc is not None:
        guidelines.sources[display] = doc.source
    if value is None:
        guidelines.broken.add(part)
        if doc is not None:
            guidelines.raw[part] = doc.data  # for the checks that can still judge it
    else:
        setattr(guidelines, part, value)
