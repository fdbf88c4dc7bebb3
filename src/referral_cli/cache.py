"""A cache of parsed and validated inventory entries, so unchanged files are not re-read.

It is only an accelerator: one file per guideline repository in the user's cache
folder (never inside the repository), keyed per entry file by its display path,
size, modification and change times (nanoseconds) and inode. An entry whose file
changed less than two seconds before it was read is stored with a hash of the
bytes that were parsed, and that hash is checked instead, so an edit within the
file system's timestamp resolution is never missed. Only entries that loaded and
validated without any finding are stored; everything else is parsed every time,
so findings and their positions are exactly those of a run without the cache.

A missing, stale, corrupt or unreadable cache is ignored and rebuilt; writing it
is atomic and its failure is ignored. `REFERRAL_NO_CACHE=1`, `--no-cache`
(`bypass()`), or `use_cache=False` turn it off; `REFERRAL_CACHE_DIR` or
`XDG_CACHE_HOME` move it.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import struct
import sys
import tempfile
import time
import zlib
from collections.abc import Iterator
from contextvars import ContextVar
from datetime import date
from pathlib import Path
from typing import Any

from referral_cli.models import InventoryEntry

CACHE_FORMAT = 1
NO_CACHE_ENV = "REFERRAL_NO_CACHE"
CACHE_DIR_ENV = "REFERRAL_CACHE_DIR"
_MAGIC = b"referral-cache\n"
# A file changed this recently may change again without its timestamps moving.
RACY_NS = 2_000_000_000

# size, mtime_ns, ctime_ns, inode, packed: one small bytes object per file
_STAMP = struct.Struct("<QqqQ")
Stamp = bytes
# (stamp, content hash or None, fields set, date fields, validated values)
Record = tuple[Stamp, bytes | None, tuple[str, ...], tuple[str, ...], dict[str, Any]]

_bypassed: ContextVar[bool] = ContextVar("referral_cache_bypassed", default=False)
_PLAIN_TYPES = (str, int, bool, float, type(None))


@contextlib.contextmanager
def bypass() -> Iterator[None]:
    """Within this block, loading neither reads nor writes the cache (`--no-cache`)."""
    token = _bypassed.set(True)
    try:
        yield
    finally:
        _bypassed.reset(token)


def enabled(use_cache: bool | None = None) -> bool:
    """Whether to use the cache: an explicit choice, else not bypassed and not disabled by env."""
    if use_cache is not None:
        return use_cache
    if _bypassed.get():
        return False
    return os.environ.get(NO_CACHE_ENV, "").strip().lower() in {"", "0", "false", "no"}


def cache_dir() -> Path:
    """The folder for cache files: `$REFERRAL_CACHE_DIR`, else the platform's user cache."""
    explicit = os.environ.get(CACHE_DIR_ENV)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "referral"
    if sys.platform == "win32":  # pragma: no cover - platform specific
        local = os.environ.get("LOCALAPPDATA")
        return (Path(local) if local else Path.home() / "AppData" / "Local") / "referral" / "Cache"
    if sys.platform == "darwin":  # pragma: no cover - platform specific
        return Path.home() / "Library" / "Caches" / "referral"
    return Path.home() / ".cache" / "referral"


def cache_file(root: Path) -> Path:
    """The cache file of the repository at `root` (one per repository)."""
    digest = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()
    return cache_dir() / f"entries-{digest[:24]}.marshal"


def _fingerprint() -> tuple[Any, ...]:
    """Everything the cached values depend on: a change in any of them empties the cache."""
    import pydantic

    from referral_cli import __version__, models, yamlio

    files = []
    for module in (models, yamlio):
        try:
            info = Path(module.__file__ or "").stat()
            files.append((info.st_size, info.st_mtime_ns))
        except OSError:
            files.append((0, 0))
    return (CACHE_FORMAT, __version__, pydantic.VERSION, sys.version_info[:2], tuple(files))


def stamp(path: Path | os.DirEntry[str]) -> Stamp | None:
    """Size, modification and change times, inode of a file; None if it cannot be read."""
    try:
        info = path.stat()
        return _STAMP.pack(info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
    except (OSError, struct.error):
        return None


def _digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16).digest()


class EntryCache:
    """The cached entries of one repository, read once and written back when changed."""

    def __init__(self, root: Path) -> None:
        self.path = cache_file(root)
        self.root = str(root.resolve())
        self.version = _fingerprint()
        self.started_ns = time.time_ns()
        self._old: dict[str, Any] = {}
        self._new: dict[str, Record] = {}
        self._tuples: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._changed = False

    @classmethod
    def open(cls, root: Path) -> EntryCache:
        """Read the cache of `root`; anything wrong with it gives an empty cache."""
        cache = cls(root)
        cache._old = cache._read()
        return cache

    def _read(self) -> dict[str, Any]:
        try:
            blob = memoryview(self.path.read_bytes())
            start = len(_MAGIC) + 4
            if blob[: len(_MAGIC)] != _MAGIC:
                return {}
            body = blob[start:]
            if zlib.crc32(body) != int.from_bytes(blob[len(_MAGIC) : start], "big"):
                return {}
            content = marshal.loads(body)
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        if (
            not isinstance(content, dict)
            or content.get("version") != list(self.version)
            or content.get("root") != self.root
            or not isinstance(content.get("entries"), dict)
        ):
            return {}
        entries: dict[str, Any] = content["entries"]
        return entries

    def lookup(
        self, display: str, path: Path | os.DirEntry[str], current: Stamp
    ) -> InventoryEntry | None:
        """The cached entry of `display` if its file is unchanged, else None."""
        record = self._old.pop(display, None)
        if record is None:
            return None
        try:
            cached_stamp, digest, fields_set, date_fields, values = record
            if cached_stamp != current:
                return None
            if digest is not None:
                try:
                    with open(path, "rb") as stream:  # noqa: PTH123 - also a DirEntry
                        if _digest(stream.read()) != digest:
                            return None
                except OSError:
                    return None
            for name in date_fields:
                values[name] = date.fromordinal(values[name])
            entry = InventoryEntry.__new__(InventoryEntry)
            # What unpickling a model does: the validated values, as they were.
            entry.__setstate__(
                {
                    "__dict__": values,
                    "__pydantic_fields_set__": set(fields_set),
                    "__pydantic_extra__": None,
                    "__pydantic_private__": None,
                }
            )
        except (TypeError, ValueError, OverflowError, AttributeError, KeyError):
            return None
        # The record now shares its values with the entry; `save` encodes them again.
        self._new[display] = record
        return entry

    def store(self, display: str, current: Stamp, raw: bytes, entry: InventoryEntry) -> None:
        """Remember a freshly loaded entry that had no findings."""
        self._changed = True
        if entry.__pydantic_extra__ or entry.__pydantic_private__:
            return
        values = entry.__dict__
        date_fields = []
        for name, value in values.items():
            if type(value) is date:
                date_fields.append(name)
            elif not (
                isinstance(value, _PLAIN_TYPES)
                or (type(value) is list and all(isinstance(item, _PLAIN_TYPES) for item in value))
            ):
                return  # not plain data: this entry is simply not cached
        _, mtime_ns, ctime_ns, _ = _STAMP.unpack(current)
        racy = max(mtime_ns, ctime_ns) >= self.started_ns - RACY_NS
        self._new[display] = (
            current,
            _digest(raw) if racy else None,
            self._shared(tuple(sorted(entry.__pydantic_fields_set__))),
            self._shared(tuple(date_fields)),
            values,
        )

    def _shared(self, names: tuple[str, ...]) -> tuple[str, ...]:
        # One tuple object per distinct combination: marshal then writes it once.
        return self._tuples.setdefault(names, names)

    def save(self) -> None:
        """Write the cache back if anything changed; failures are ignored."""
        if not self._changed and not self._old:
            return
        content = {"version": list(self.version), "root": self.root, "entries": self._new}
        # Dates are encoded in place (and restored) rather than copying every entry.
        converted: list[tuple[tuple[str, ...], dict[str, Any]]] = []
        try:
            for _, _, _, date_fields, values in self._new.values():
                if date_fields:
                    converted.append((date_fields, values))
                    for name in date_fields:
                        values[name] = values[name].toordinal()
            body = marshal.dumps(content, 4)
        except (ValueError, AttributeError):  # pragma: no cover - only plain values are kept
            return
        finally:
            for date_fields, values in converted:
                for name in date_fields:
                    value = values[name]
                    if type(value) is int:
                        values[name] = date.fromordinal(value)
        self._write(body)

    def _write(self, body: bytes) -> None:
        folder = self.path.parent
        temporary = None
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".marshal")
            with os.fdopen(handle, "wb") as stream:
                stream.write(_MAGIC)
                stream.write(zlib.crc32(body).to_bytes(4, "big"))
                stream.write(body)
            Path(temporary).replace(self.path)
            temporary = None
        except OSError:
            pass
        finally:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    Path(temporary).unlink()
