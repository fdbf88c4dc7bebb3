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

A cache must never hide a finding, so it is authenticated: every frame of a cache
file carries a tag (HMAC-SHA256) over everything before it, checked before the frame
is unpacked. The key is 32 random bytes in a file of its own (`cache.key`, mode 0600)
in the user's data folder, never in the cache folder: a cache file copied from
elsewhere, restored from a shared CI cache or written by someone else does not
verify and is ignored, and a crafted record cannot mark personal data clean. Where
there is no usable key (it cannot be created, or others can read it), nothing is
cached. Folders referral creates for its cache and key are mode 0700.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import marshal
import os
import secrets
import struct
import sys
import tempfile
import time
from collections.abc import Iterator
from contextvars import ContextVar
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from referral_cli.store.limits import YAML_FILE_BYTES

if TYPE_CHECKING:
    from referral_cli.models import InventoryEntry

CACHE_FORMAT = 4
CHUNK = 5_000  # entries per frame of the cache file: it is written and read frame by frame
NO_CACHE_ENV = "REFERRAL_NO_CACHE"
CACHE_DIR_ENV = "REFERRAL_CACHE_DIR"
DATA_DIR_ENV = "REFERRAL_DATA_DIR"
KEY_FILE = "cache.key"
KEY_BYTES = 32
TAG_BYTES = 32
_MAGIC = b"referral-cache-4\n"
# A file changed this recently may change again without its timestamps moving.
RACY_NS = 2_000_000_000

# size, mtime_ns, ctime_ns, inode, packed: one small bytes object per file
_STAMP = struct.Struct("<QqqQ")
Stamp = bytes
# (stamp, content hash, whether the hash must be checked (the file was changed within
# RACY_NS of being read), fields set, date fields, validated values, and whether the
# personal-data scan found nothing in them)
Record = tuple[Stamp, bytes, bool, tuple[str, ...], tuple[str, ...], dict[str, Any], bool]

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


def data_dir() -> Path:
    """The folder for the cache key: `$REFERRAL_DATA_DIR`, else the user's data folder."""
    explicit = os.environ.get(DATA_DIR_ENV)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_DATA_HOME")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "referral"
    if sys.platform == "win32":  # pragma: no cover - platform specific
        roaming = os.environ.get("APPDATA")
        return (Path(roaming) if roaming else Path.home() / "AppData" / "Roaming") / "referral"
    if sys.platform == "darwin":  # pragma: no cover - platform specific
        return Path.home() / "Library" / "Application Support" / "referral"
    return Path.home() / ".local" / "share" / "referral"


def cache_key() -> bytes | None:
    """The key that authenticates cache files, created on first use; None if unusable.

    Unusable: it cannot be read or created, it is not 32 bytes, others may read it
    (POSIX), or it lies inside the cache folder, where whoever can write a crafted
    cache could write a matching key too.
    """
    folder = data_dir()
    path = folder / KEY_FILE
    try:
        key = _read_key(path)
        if key is None:
            key = _create_key(folder, path)
        cache_folder = os.path.realpath(cache_dir())
        if (os.path.realpath(path) + os.sep).startswith(cache_folder.rstrip(os.sep) + os.sep):
            return None
    except OSError:
        return None
    return key


def _read_key(path: Path) -> bytes | None:
    """The key in `path`; None when there is no such file. OSError when it is unusable."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    try:
        info = os.fstat(fd)
        if hasattr(os, "getuid") and (info.st_mode & 0o077 or info.st_uid != os.getuid()):
            raise PermissionError(f"{path} may be read by others")
        key = os.read(fd, KEY_BYTES + 1)
    finally:
        os.close(fd)
    if len(key) != KEY_BYTES:
        raise OSError(f"{path} is not a key")
    return key


def _create_key(folder: Path, path: Path) -> bytes:
    """A new random key in `path`, complete before its name appears (0600, folder 0700)."""
    make_private_folder(folder)
    temporary = folder / f".{KEY_FILE}.{secrets.token_hex(4)}.tmp"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        try:
            os.write(fd, secrets.token_bytes(KEY_BYTES))
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(temporary, path)  # never replaces a key another process just made
        except FileExistsError:
            pass
        except OSError:
            temporary.replace(path)  # no hard links here
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
    key = _read_key(path)
    if key is None:  # pragma: no cover - removed in the moment since
        raise FileNotFoundError(path)
    return key


def make_private_folder(folder: Path) -> None:
    """Create `folder` and any missing parent with mode 0700 (only the owner may enter)."""
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=0o700)


class _Tags:
    """A running HMAC-SHA256: the tag after each frame covers every frame so far.

    SHA-256 rather than keyed BLAKE2b: most processors compute it in hardware, which
    makes it twice as fast here (a 14 MB cache of 20,000 entries: 8 ms against 15 ms).
    """

    def __init__(self, key: bytes, person: bytes) -> None:
        self._mac = hmac.new(key, person, "sha256")

    def after(self, frame: bytes) -> bytes:
        """Add `frame` (with its length, so frames cannot be re-split); the tag so far."""
        self._mac.update(len(frame).to_bytes(4, "big"))
        self._mac.update(frame)
        return self._mac.copy().digest()


def _fingerprint() -> tuple[Any, ...]:
    """Everything the cached values depend on: a change in any of them empties the cache."""
    import pydantic

    from referral_cli import __version__

    files = []
    # The data depends on the models and the parser; the scan verdict on the scanner.
    for name in ("models.py", "yamlio.py", "privacy.py", "checks.py"):
        try:
            info = (_PACKAGE / name).stat()
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


def content_digest(raw: bytes) -> bytes:
    """A short hash of a file's bytes: the same bytes, the same hash."""
    return hashlib.blake2b(raw, digest_size=16).digest()


_digest = content_digest


class EntryCache:
    """The cached entries of one repository, read once and written back when changed."""

    def __init__(self, root: Path, key: bytes) -> None:
        from referral_cli.models import InventoryEntry

        self._model = InventoryEntry
        self._key = key
        self.path = cache_file(root)
        self.root = str(root.resolve())
        self.version = _fingerprint()
        self.started_ns = time.time_ns()
        self._old: dict[str, Any] = {}
        self._new: dict[str, Record] = {}
        self._tuples: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._sets: dict[tuple[str, ...], set[str]] = {}
        self._changed = False

    @classmethod
    def open(cls, root: Path) -> EntryCache | None:
        """Read the cache of `root`; anything wrong with it gives an empty cache.

        None when there is no usable key (`cache_key`): then nothing is cached.
        """
        key = cache_key()
        if key is None:
            return None
        cache = cls(root, key)
        cache._old = cache._read()
        return cache

    def _read(self) -> dict[str, Any]:
        # Frame by frame, so the file is never in memory whole next to what it holds;
        # each frame's tag is checked before it is unpacked.
        entries: dict[str, Any] = {}
        try:
            with self.path.open("rb") as stream:
                frames = _read_frames(stream, self._key, _ENTRIES)
                content = marshal.loads(next(frames))
                if (
                    not isinstance(content, dict)
                    or content.get("version") != list(self.version)
                    or content.get("root") != self.root
                    or not isinstance(content.get("chunks"), int)
                ):
                    return {}
                chunks = 0
                for frame in frames:
                    chunk = marshal.loads(frame)
                    if not isinstance(chunk, dict):
                        return {}
                    entries.update(chunk)
                    chunks += 1
                if chunks != content["chunks"]:
                    return {}  # cut short (every tag so far was right, but frames are missing)
        except (OSError, EOFError, ValueError, TypeError, StopIteration):
            return {}
        return entries

    def lookup(
        self, display: str, path: Path | os.DirEntry[str], current: Stamp
    ) -> tuple[InventoryEntry, bool, bytes] | None:
        """The cached entry of `display` if its file is unchanged, else None.

        With the entry come the cached verdict of the personal-data scan (True when it
        found nothing in the entry's free text) and the hash of the file's content.
        """
        record = self._old.pop(display, None)
        if record is None:
            return None
        try:
            cached_stamp, digest, racy, fields_set, date_fields, values, clean = record
            if cached_stamp != current:
                return None
            if racy:
                try:
                    with open(path, "rb") as stream:  # noqa: PTH123 - also a DirEntry
                        if _digest(stream.read()) != digest:
                            return None
                except OSError:
                    return None
            for name in date_fields:
                values[name] = date.fromordinal(values[name])
            entry = self._model.__new__(self._model)
            # What unpickling a model does: the validated values, as they were.
            entry.__setstate__(
                {
                    "__dict__": values,
                    "__pydantic_fields_set__": self._fields_set(fields_set),
                    "__pydantic_extra__": None,
                    "__pydantic_private__": None,
                }
            )
        except (TypeError, ValueError, OverflowError, AttributeError, KeyError):
            return None
        # The record now shares its values with the entry; `save` encodes them again.
        self._new[display] = record
        if type(digest) is not bytes:
            return None
        return entry, clean is True, digest

    def store(
        self, display: str, current: Stamp, raw: bytes, entry: InventoryEntry, clean: bool
    ) -> None:
        """Remember a freshly loaded entry that had no findings.

        `clean` is the personal-data scan's verdict on it: True when it found nothing.
        """
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
        fields = self._shared(tuple(sorted(entry.__pydantic_fields_set__)))
        object.__setattr__(entry, "__pydantic_fields_set__", self._fields_set(fields))
        _, mtime_ns, ctime_ns, _ = _STAMP.unpack(current)
        racy = max(mtime_ns, ctime_ns) >= self.started_ns - RACY_NS
        self._new[display] = (
            current,
            _digest(raw),
            racy,
            fields,
            self._shared(tuple(date_fields)),
            values,
            clean,
        )

    def _fields_set(self, names: tuple[str, ...]) -> set[str]:
        # Entries that set the same keys share one fields-set (a set of nine names
        # costs 728 bytes, 70 MB over 100,000 entries). Nothing assigns to a loaded
        # entry, which is the only thing that would change it (pydantic's __setattr__).
        shared = self._sets.get(names)
        if shared is None:
            shared = self._sets[names] = set(names)
        return shared

    def _shared(self, names: tuple[str, ...]) -> tuple[str, ...]:
        # One tuple object per distinct combination: marshal then writes it once.
        return self._tuples.setdefault(names, names)

    def save(self) -> None:
        """Write the cache back if anything changed; failures are ignored."""
        if not self._changed and not self._old:
            return
        records = list(self._new.items())
        header: dict[str, Any] = {"version": list(self.version), "root": self.root}
        header["chunks"] = (len(records) + CHUNK - 1) // CHUNK

        def frames() -> Iterator[bytes]:
            # One frame at a time: the encoded cache is never in memory whole.
            yield marshal.dumps(header, 4)
            for start in range(0, len(records), CHUNK):
                yield self._encode(dict(records[start : start + CHUNK]))

        _write_frames(self.path, frames(), self._key, _ENTRIES)

    @staticmethod
    def _encode(chunk: dict[str, Record]) -> bytes:
        # Dates are encoded in place (and restored) rather than copying every entry.
        converted: list[tuple[tuple[str, ...], dict[str, Any]]] = []
        try:
            for _, _, _, _, date_fields, values, _ in chunk.values():
                if date_fields:
                    converted.append((date_fields, values))
                    for name in date_fields:
                        values[name] = values[name].toordinal()
            return marshal.dumps(chunk, 4)
        finally:
            for date_fields, values in converted:
                for name in date_fields:
                    value = values[name]
                    if type(value) is int:
                        values[name] = date.fromordinal(value)


_ENTRIES = b"entries"  # what a tag is for: a frame of one file kind never verifies as another
_SNAPSHOT = b"snapshot"


def _read_frames(stream: Any, key: bytes, person: bytes) -> Iterator[bytes]:
    """Every frame of a cache file after the magic, each only once its tag is right.

    Raises ValueError for a wrong magic, a length beyond the end of the file or a tag
    that does not verify: nothing after it is read, let alone unpacked.
    """
    if stream.read(len(_MAGIC)) != _MAGIC:
        raise ValueError("not a cache file")
    remaining = os.fstat(stream.fileno()).st_size - len(_MAGIC)
    tags = _Tags(key, person)
    while remaining:
        size = int.from_bytes(stream.read(4), "big")
        remaining -= 4 + size + TAG_BYTES
        if remaining < 0:
            raise ValueError("a frame runs past the end of the file")
        frame: bytes = stream.read(size)
        tag = stream.read(TAG_BYTES)
        if len(frame) != size or not hmac.compare_digest(tag, tags.after(frame)):
            raise ValueError("the cache file was not written with this key")
        yield frame


def _write_frames(target: Path, frames: Iterator[bytes], key: bytes, person: bytes) -> None:
    """Write the magic, then each frame with its length and tag, atomically.

    Failures are ignored: the cache is only an accelerator. The file is private
    (mkstemp: 0600) in a folder made private when referral creates it.
    """
    folder = target.parent
    temporary = None
    tags = _Tags(key, person)
    try:
        make_private_folder(folder)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".marshal")
        with os.fdopen(handle, "wb") as stream:
            stream.write(_MAGIC)
            for frame in frames:
                stream.write(len(frame).to_bytes(4, "big"))
                stream.write(frame)
                stream.write(tags.after(frame))
        Path(temporary).replace(target)
        temporary = None
    except (OSError, ValueError, AttributeError):
        pass  # ValueError/AttributeError: a value marshal cannot write (never kept)
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()


# --- snapshots: derived data of a few small files (`referral lookup`) ------------------

SNAPSHOT_FORMAT = 1
_PACKAGE = Path(__file__).resolve().parents[1]  # referral_cli/
# Installed libraries whose behaviour the cached results depend on, found without
# importing them (importing pydantic and yaml is what a snapshot saves).
_LIBRARIES = ("pydantic", "pydantic_core", "yaml")

# (display path, stamp or None when missing, content hash or None)
FileKey = tuple[str, bytes | None, bytes | None]


def _code_fingerprint(modules: tuple[str, ...]) -> list[Any]:
    """What a snapshot's data depends on, found without importing pydantic or yaml.

    The version, Python, the size and mtime of `modules` (files of this package,
    relative to it) and of the libraries the package validates with.
    """
    import importlib.util

    from referral_cli import __version__

    found: list[Any] = [SNAPSHOT_FORMAT, __version__, list(sys.version_info[:2])]
    for name in modules:
        try:
            info = os.stat(_PACKAGE / name)  # noqa: PTH116 - the same, without a Path
            found.append([name, info.st_size, info.st_mtime_ns])
        except OSError:
            found.append([name])
    for name in _LIBRARIES:
        try:
            spec = importlib.util.find_spec(name)
            origin = spec.origin if spec is not None else None
            if origin:
                library = os.stat(origin)  # noqa: PTH116 - a str path
                found.append([name, library.st_size, library.st_mtime_ns])
            else:
                found.append([name])
        except (ImportError, ValueError, OSError):
            found.append([name])
    return found


def snapshot_file(kind: str, root: Path) -> Path:
    """The snapshot file of one kind (e.g. "lookup") for the repository at `root`."""
    digest = hashlib.sha256(str(root).encode("utf-8", "surrogateescape")).hexdigest()
    return cache_dir() / f"{kind}-{digest[:24]}.marshal"


def read_files(root: Path, names: tuple[str, ...]) -> tuple[dict[str, bytes], list[FileKey] | None]:
    """Read the files `names` (display paths under `root`) for loading and for the key.

    Returns their contents (missing files left out) and their keys, or None for the
    keys when a file changed while it was read (then nothing may be stored). A file
    changed less than two seconds ago is keyed by a hash of exactly the bytes read.
    """
    started_ns = time.time_ns()
    contents: dict[str, bytes] = {}
    keys: list[FileKey] | None = []
    for name in names:
        path = root / name
        before = stamp(path)
        if before is None:
            if path.exists():
                keys = None  # there but unreadable: loading reports it
            elif keys is not None:
                keys.append((name, None, None))
            continue
        try:
            with path.open("rb") as stream:
                raw = stream.read(YAML_FILE_BYTES + 1)  # more is refused when loading
        except OSError:
            keys = None
            continue
        contents[name] = raw
        if len(raw) > YAML_FILE_BYTES:
            keys = None
        if keys is None:
            continue
        if stamp(path) != before:
            keys = None
            continue
        _, mtime_ns, ctime_ns, _ = _STAMP.unpack(before)
        racy = max(mtime_ns, ctime_ns) >= started_ns - RACY_NS
        keys.append((name, before, _digest(raw) if racy else None))
    return contents, keys


def _unchanged(root: Path, keys: Any) -> bool:
    for name, cached_stamp, digest in keys:
        path = root / name
        current = stamp(path)
        if current != cached_stamp:
            return False
        if digest is not None:
            try:
                if _digest(path.read_bytes()) != digest:
                    return False
            except OSError:
                return False
    return True


def load_snapshot(kind: str, root: Path, modules: tuple[str, ...]) -> Any | None:
    """The data stored by `save_snapshot` for `root`, if every keyed file is unchanged.

    `modules` are the package's source files (e.g. "models.py") the data was made
    by. None when disabled, missing, stale, corrupt, made by other code (a module,
    pydantic, PyYAML or Python changed), or stored on a later day than today (a
    check may depend on the date).
    """
    if not enabled():
        return None
    key = cache_key()
    if key is None:
        return None
    try:
        with snapshot_file(kind, root).open("rb") as stream:
            body = next(_read_frames(stream, key, _SNAPSHOT))
        content = marshal.loads(body)
        if (
            not isinstance(content, dict)
            or content.get("root") != str(root)
            or content.get("version") != _code_fingerprint(modules)
            or not isinstance(content.get("day"), int)
            or content["day"] > date.today().toordinal()
            or not _unchanged(root, content["files"])
        ):
            return None
        return content["data"]
    except (OSError, EOFError, ValueError, TypeError, KeyError, struct.error, StopIteration):
        return None


def save_snapshot(
    kind: str, root: Path, modules: tuple[str, ...], keys: list[FileKey] | None, data: Any
) -> None:
    """Store plain (marshal-able) `data` derived from the files `keys` describes.

    Nothing is stored when the keys are None (a file changed while it was read)
    or the cache is disabled; failures are ignored.
    """
    key = cache_key() if keys is not None and enabled() else None
    if key is None:
        return
    content = {
        "root": str(root),
        "version": _code_fingerprint(modules),
        "day": date.today().toordinal(),
        "files": keys,
        "data": data,
    }
    try:
        body = marshal.dumps(content, 4)
    except ValueError:
        return
    _write_frames(snapshot_file(kind, root), iter([body]), key, _SNAPSHOT)
