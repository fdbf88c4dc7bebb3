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
from referral_cli.i18n import Phrase, phrase

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


@dataclass
class Guidelines:
    """Everything in a guideline repository, as models.

    Parts whose file failed to load are left at empty defaults and their name
    is added to `broken`, so cross-file checks can skip what they cannot judge.
    """

    root: Path
    library: Library = field(default_factory=lambda: _models().Library())
    actors: ActorsFile = field(default_factory=lambda: _models().ActorsFile(actors=[]))
    matrix: Matrix = field(default_factory=lambda: _models().Matrix(categories=[]))
    entries: list[LoadedEntry] = field(default_factory=list)
    sources: dict[str, SourceMap] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)
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
) -> tuple[M | None, Document | None]:
    """Load one YAML file into `model`, appending findings instead of raising.

    `positions=False` defers collecting line/column positions until a finding
    needs one (see `yamlio.load_file`); the findings are the same. `raw` is the
    file's content when the caller has read it already. With `empty_ok`, a file
    holding nothing (or only comments) is the model with every key left out.
    """
    from referral_cli.rules.validation import validate_document
    from referral_cli.store.yamlio import YamlError, load_file

    try:
        document = load_file(path, display, positions=positions, raw=raw)
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
    """Every inventory entry file, in a stable order."""
    from referral_cli.store.yamlio import iter_yaml_files

    return iter_yaml_files(root / INVENTORY_DIR)


def entry_files(root: Path) -> Iterator[tuple[Path, str]]:
    """Every inventory entry file with its display path, in a stable order.

    The same display paths as `display_path`, without resolving each file.
    """
    for path, display, _ in _entry_dir_entries(root):
        yield path, display


def _entry_dir_entries(
    root: Path, problems: list[tuple[Path, Phrase]] | None = None
) -> Iterator[tuple[Path, str, os.DirEntry[str]]]:
    from referral_cli.store.yamlio import walk_yaml_entries

    folder = root / INVENTORY_DIR
    if not folder.is_dir():
        return
    try:
        prefix: str | None = folder.resolve().relative_to(root.resolve()).as_posix() + "/"
    except ValueError:
        prefix = None
    for path, relative, entry in walk_yaml_entries(folder, problems):
        if prefix is None or entry.is_symlink():
            yield path, display_path(root, path), entry
        else:
            yield path, prefix + relative, entry


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

    library_path = root / LIBRARY_FILE
    if library_path.exists():
        library, doc = load_model(
            Library,
            library_path,
            LIBRARY_FILE,
            findings,
            raw=contents.get(LIBRARY_FILE),
            empty_ok=True,  # every key of library.yaml is optional
        )
        _keep(guidelines, "library", library, doc, LIBRARY_FILE)

    actors_path = root / ACTORS_FILE
    if actors_path.exists():
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


def _inventory_problem(display: str, message: Phrase, hint: Phrase | None = None) -> Finding:
    from referral_cli.findings import Finding

    return Finding(display, 1, 1, "error", "unreadable", message, hint)


def _load_entries(guidelines: Guidelines, findings: list[Finding], use_cache: bool) -> None:
    from referral_cli.models import InventoryEntry
    from referral_cli.rules.privacy import has_personal_data
    from referral_cli.store.cache import EntryCache, stamp
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
    collecting = gc.isenabled()
    gc.disable()
    try:
        cache = EntryCache.open(guidelines.root) if use_cache else None
        for path, display, dir_entry in _entry_dir_entries(guidelines.root, problems):
            current = stamp(dir_entry) if cache is not None else None
            if cache is not None and current is not None:
                cached = cache.lookup(display, dir_entry, current)
                if cached is not None:
                    source = LazySourceMap(path, display)
                    guidelines.entries.append(
                        LoadedEntry(path, display, cached[0], source, cached[1])
                    )
                    continue
            try:
                # Read through the scan's own path string: the Path stays light.
                with open(dir_entry.path, "rb") as stream:  # noqa: PTH123 - see above
                    raw: bytes | None = stream.read()
            except OSError:
                raw = None  # load_model reports it
            before = len(findings)
            entry, doc = load_model(
                InventoryEntry, path, display, findings, positions=False, raw=raw
            )
            if entry is None or doc is None:
                guidelines.broken.add("inventory")
                continue
            if cache is not None and current is not None and raw is not None:
                if len(findings) == before:
                    # The scan's verdict is kept with the entry: a later validate of the
                    # unchanged file need not scan it again.
                    clean = not has_personal_data(entry)
                    guidelines.entries.append(LoadedEntry(path, display, entry, doc.source, clean))
                    cache.store(display, current, raw, entry, clean)
                    continue
            guidelines.entries.append(LoadedEntry(path, display, entry, doc.source))
        if cache is not None:
            cache.save()
        for path, reason in problems:
            guidelines.broken.add("inventory")
            # Lexically relative: resolving would follow a broken link to its target.
            shown = Path(os.path.relpath(path, guidelines.root)).as_posix()
            findings.append(
                _inventory_problem(
                    shown,
                    phrase("store.questions-not-read", problem=reason),
                    phrase("store.questions-not-read.hint"),
                )
            )
    finally:
        if len(guidelines.entries) >= FREEZE_ABOVE:
            # The entries live as long as the command: keep the collector from
            # walking them again (a 100,000-entry run would spend seconds on it).
            gc.freeze()
        if collecting:
            gc.enable()


def _keep(
    guidelines: Guidelines, part: str, value: Any, doc: Document | None, display: str
) -> None:
    if doc is not None:
        guidelines.sources[display] = doc.source
    if value is None:
        guidelines.broken.add(part)
    else:
        setattr(guidelines, part, value)
