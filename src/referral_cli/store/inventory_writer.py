"""Write new inventory entries: all or nothing, collision-free, never overwriting.

Each entry becomes one new file,
`data/inventory/YYYY/YYYY-MM-DD-<slug>-<random hex>.yaml`. The random part
makes names unique across processes and across clones, so colleagues adding
questions at the same time never conflict, neither on disk nor in git.

Writing is staged, then published. Every file is first written in full, flushed and
fsynced into one hidden staging folder, `data/inventory/.referral-staging-<hex>/`,
which no reader reads (and `.gitignore` keeps out of git). Only then does each file
get its final name, with `os.link`, which fails instead of replacing an existing
file; the link is the whole publish step, so it takes milliseconds even for
thousands of entries, and SIGINT, SIGTERM and SIGHUP are held back while it runs.
A failure or an interruption at any point removes what was published and the
staging folder: nothing is visible and no file holding a question's text is left.

What the filesystem cannot promise: a reader that lists the folders during the
publish (a few milliseconds) may see part of the set, and a process killed without
warning (SIGKILL, power loss) may leave the staging folder, or part of the set if
it dies during the publish. `referral validate` reports such a leftover
(`temporary-file`), so it never goes unnoticed. Without hard links (some network and
FAT drives) or across file systems, each file is published the old way: written to a
hidden temporary file in its own folder, then given its name without replacing one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import signal
import tempfile
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from referral_cli.models import InventoryEntry
from referral_cli.store.repository import INVENTORY_DIR
from referral_cli.store.yamlio import dump_entry

SCHEMA_FILE = "schemas/inventory-entry.schema.json"
TOKEN_BYTES = 4  # 8 hex digits: about 4 billion names per date and slug
_MAX_ATTEMPTS = 20
STAGING_PREFIX = ".referral-staging-"  # see `yamlio.stray_kind`: validate reports leftovers
# What os.link answers where hard links cannot be made (some network or FAT drives, or
# another file system).
_NO_LINK = frozenset({errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV})
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
    """Write `entry` to a new file under `root`; return its path (see `write_entries`)."""
    return write_entries(root, [entry])[0]


@dataclass(frozen=True)
class _Planned:
    """One entry to write: where, under which date and words, and its full text."""

    folder: Path
    day: date
    slug: str
    text: str


def write_entries(root: Path, entries: Sequence[InventoryEntry]) -> list[Path]:
    """Write every entry to a new file, or none; return the paths in the entries' order.

    Raises `UsageError` when a folder to write to is a link that readers would refuse
    (`store.links`), `OSError` when writing fails; in both cases nothing is left.
    """
    if not entries:
        return []
    planned = []
    for entry in entries:
        folder = entry_folder(root, entry.date)
        text = render_entry(entry, folder / "entry.yaml", root)  # the name never matters
        planned.append(_Planned(folder, entry.date, slugify(entry.description), text))
    _refuse_links(root, {plan.folder for plan in planned})
    inventory = root / INVENTORY_DIR
    inventory.mkdir(parents=True, exist_ok=True)
    staging: Path | None = None
    published: list[Path] = []
    try:
        with signals_held():  # a signal now would leave the folder without its cleanup
            staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=inventory))  # 0700
        staged = [_stage(staging, n, plan.text) for n, plan in enumerate(planned)]
        _fsync_folder(staging)
        try:
            with signals_held():
                for plan, staged_file in zip(planned, staged, strict=True):
                    published.append(_publish_staged(plan, staged_file))
                for folder in {plan.folder for plan in planned}:
                    _fsync_folder(folder)
            # A signal held back during the publish is raised here, and undone below.
        except BaseException:
            with signals_held():
                for path in published:
                    with contextlib.suppress(OSError):
                        path.unlink()
            raise
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return published


def _refuse_links(root: Path, folders: set[Path]) -> None:
    """UsageError when a folder to write to is reached through a link readers refuse.

    An entry written there would be one no reader ever sees (or, through a link that
    leaves the repository, written somewhere else entirely).
    """
    from referral_cli.errors import UsageError
    from referral_cli.i18n import Phrase, phrase
    from referral_cli.store.links import LinkRule

    rule = LinkRule.for_repository(root)
    inventory = root / INVENTORY_DIR
    refused: dict[Path, Phrase | None] = {}
    if os.path.lexists(inventory):
        reason = rule.check_path(inventory)
        if reason is not None:
            refused = dict.fromkeys(folders, reason)
        else:
            # The readers judge the year folders' links in this order: a link may only
            # be refused because an earlier one already leads to the same place.
            for entry in sorted(inventory.iterdir()):
                name = entry.name
                if not entry.is_symlink() or name.startswith(".") or name.endswith(".tmp"):
                    continue
                if entry.is_dir() or name.endswith((".yaml", ".yml")):
                    refused[entry] = rule.judge(entry)
    for folder in sorted(folders):
        reason = refused.get(folder)
        if reason is not None:
            shown = Path(os.path.relpath(folder, root)).as_posix()
            raise UsageError(phrase("error.cannot-write-entry", folder=shown, reason=reason))


def _stage(staging: Path, number: int, text: str) -> Path:
    """`text` written, flushed and fsynced to a new file in the staging folder."""
    path = staging / f"{number:06d}.yaml"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        view = memoryview(text.encode("utf-8"))
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
    return path


def _publish_staged(plan: _Planned, staged: Path) -> Path:
    """Give the staged file its final name in its folder; never replace a file."""
    plan.folder.mkdir(parents=True, exist_ok=True)
    for _ in range(_MAX_ATTEMPTS):
        target = plan.folder / entry_file_name(plan.day, plan.slug, _name_token())
        try:
            os.link(staged, target)
            return target
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno not in _NO_LINK:
                raise
        # No hard link possible here (or across file systems): publish it the old way.
        if _publish(plan.folder, target, plan.text.encode("utf-8")):
            return target
    raise FileExistsError(  # pragma: no cover - needs 20 clashes of 32 random bits
        errno.EEXIST, "could not find a free file name", str(plan.folder)
    )


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold back SIGINT, SIGTERM and SIGHUP inside the block; deliver them after it.

    The publish (and its undoing) must not stop half-way: a signal that arrives
    meanwhile raises its KeyboardInterrupt when the block ends. Where a process cannot
    block signals (Windows), the block simply runs.
    """
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        yield
        return
    names = ("SIGINT", "SIGTERM", "SIGHUP")
    held = {getattr(signal, name) for name in names if hasattr(signal, name)}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


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
            if exc.errno not in _NO_LINK:
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
