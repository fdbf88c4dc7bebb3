"""Write new inventory entries: atomic, collision-free, never overwriting.

Each entry becomes one new file,
`data/inventory/YYYY/YYYY-MM-DD-<slug>-<random hex>.yaml`. The random part
makes names unique across processes and across clones, so colleagues adding
questions at the same time never conflict, neither on disk nor in git.

A file is first written in full to a hidden temporary file in the same folder,
flushed and fsynced, then linked to its final name with `os.link`, which fails
instead of replacing an existing file. A reader therefore sees either no file
or the complete file, and nothing that exists is ever rewritten.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import unicodedata
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from referral_cli.models import InventoryEntry
from referral_cli.store.repository import INVENTORY_DIR
from referral_cli.store.yamlio import dump_entry

SCHEMA_FILE = "schemas/inventory-entry.schema.json"
TOKEN_BYTES = 4  # 8 hex digits: about 4 billion names per date and slug
_MAX_ATTEMPTS = 20
_SLUG_WORDS = 4
_SLUG_LENGTH = 40
# Words that say nothing about the case; left out of file names.
_STOP_WORDS = frozenset(
    """
    en ett och att som med till for fran pa av i om den det de var har hade ville ha
    behovde hjalp hjalpa besokare besokaren vi jag han hon hen man sin sitt sina kan
    inte ocksa men eller nar da sa ut upp
    a an and the to of for from on in at with was were had has have wanted needed help
    visitor he she they we i it his her their be is
    """.split()
)
# Key order of a written entry: the order of the model's fields.
FIELD_ORDER: tuple[str, ...] = tuple(InventoryEntry.model_fields)


def slugify(text: str) -> str:
    """A short, readable, ASCII file-name part from an entry's description.

    Words with digits (or an `@`) are skipped, so a number never reaches a
    file name; so are small words that say nothing about the case.
    """
    folded = unicodedata.normalize("NFKD", text.lower())
    ascii_text = "".join(ch for ch in folded if not unicodedata.combining(ch))
    words = []
    for raw in re.split(r"\s+", ascii_text):
        if any(ch.isdigit() for ch in raw) or "@" in raw:
            continue
        word = re.sub(r"[^a-z]+", "-", raw).strip("-")
        if not word or word in _STOP_WORDS:
            continue
        words.append(word)
        if len(words) == _SLUG_WORDS:
            break
    slug = "-".join(words)[:_SLUG_LENGTH].strip("-")
    return slug or "fraga"


def entry_data(entry: InventoryEntry) -> dict[str, Any]:
    """The entry as plain data in file order, leaving out empty keys."""
    data: dict[str, Any] = {}
    for name in FIELD_ORDER:
        value = getattr(entry, name)
        if value is None or value == []:
            continue
        data[name] = list(value) if isinstance(value, list) else value
    return data


def schema_modeline(entry_path: Path, root: Path) -> str:
    """The first line that lets editors complete and check the file."""
    target = root / SCHEMA_FILE
    relative = Path(os.path.relpath(target, entry_path.parent)).as_posix()
    return f"# yaml-language-server: $schema={relative}\n"


def render_entry(entry: InventoryEntry, entry_path: Path, root: Path) -> str:
    """The full text of the entry file, modeline first."""
    return dump_entry(entry_data(entry), header=schema_modeline(entry_path, root))


def entry_folder(root: Path, day: date) -> Path:
    """The folder new entries of `day` go to: one folder a year."""
    return root / INVENTORY_DIR / f"{day.year:04d}"


def entry_file_name(day: date, slug: str, token: str) -> str:
    """`YYYY-MM-DD-<slug>-<token>.yaml`."""
    return f"{day.isoformat()}-{slug}-{token}.yaml"


def write_entry(root: Path, entry: InventoryEntry) -> Path:
    """Write `entry` to a new file under `root`; return its path.

    The file is complete before its name appears, and an existing file is
    never replaced: on the (astronomically unlikely) clash of names a new
    random part is drawn.
    """
    folder = entry_folder(root, entry.date)
    folder.mkdir(parents=True, exist_ok=True)
    slug = slugify(entry.description)
    for _ in range(_MAX_ATTEMPTS):
        target = folder / entry_file_name(entry.date, slug, _name_token())
        if _publish(folder, target, render_entry(entry, target, root).encode("utf-8")):
            _fsync_folder(folder)
            return target
    raise FileExistsError(  # pragma: no cover - needs 20 clashes of 32 random bits
        errno.EEXIST, "could not find a free file name", str(folder)
    )


def write_entries(root: Path, entries: Sequence[InventoryEntry]) -> list[Path]:
    """Write every entry, or none: on a failure the files already written are removed."""
    written: list[Path] = []
    try:
        for entry in entries:
            written.append(write_entry(root, entry))
    except BaseException:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return written


def _name_token() -> str:
    """The random part of a file name."""
    return secrets.token_hex(TOKEN_BYTES)


def _publish(folder: Path, target: Path, content: bytes) -> bool:
    """Create `target` with `content` atomically; False if the name is taken."""
    temporary = folder / f".{target.name}.{secrets.token_hex(4)}.tmp"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        try:
            view = memoryview(content)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(temporary, target)
        except FileExistsError:
            return False
        except OSError as exc:
            if exc.errno not in {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV}:
                raise
            # No hard links here (some network or FAT drives): reserve the name
            # exclusively, then move the complete file over our own reservation.
            try:
                os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
            except FileExistsError:
                return False
            temporary.replace(target)
        return True
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def _fsync_folder(folder: Path) -> None:
    """Make the new name durable; not every platform can open a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
