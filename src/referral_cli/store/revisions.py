"""The guideline files as they are at a git revision, or in the working tree.

`Snapshot` reads one file, several files at once, or the list of inventory
entry files, at one revision (through `git cat-file` and `git ls-tree`) or on
disk. A file that does not exist at the revision reads as None. Git is run
only through `store.gitio`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from referral_cli.errors import UsageError
from referral_cli.i18n import phrase
from referral_cli.store.gitio import output_text, require_work_tree, run_git
from referral_cli.store.links import LinkRule
from referral_cli.store.repository import INVENTORY_DIR, iter_entry_files
from referral_cli.text import printable

if TYPE_CHECKING:
    import subprocess

WORKTREE = None  # a "revision" of None means the working tree on disk


def _git(
    root: Path, args: Sequence[str], stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    result = run_git(root, *args, stdin=stdin)
    if result is None:
        raise UsageError(phrase("diff.error.no_git"))
    return result


def check_git_repository(root: Path) -> None:
    """UsageError unless `root` is inside a git work tree."""
    require_work_tree(
        root,
        no_git=phrase("diff.error.no_git"),
        outside=phrase("diff.error.not_a_repository", root=str(root)),
    )


def resolve_revision(root: Path, revision: str) -> str:
    """The commit id of `revision`; UsageError with a clear message if it does not exist."""
    if revision.startswith("-"):  # git would read it as an option
        raise UsageError(phrase("diff.error.not_a_revision", revision=revision))
    result = _git(root, ["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"])
    if result.returncode != 0:
        raise UsageError(phrase("diff.error.unknown_revision", revision=revision))
    return output_text(result)


class Snapshot:
    """The guideline files as they are at one revision (or in the working tree)."""

    def __init__(self, root: Path, revision: str | None, label: str) -> None:
        """`revision` None reads the working tree; `label` names the revision in messages."""
        self.root = root
        self.revision = revision
        self.label = label
        self._objects: dict[str, str] = {}  # path -> blob id, as listed by `ls-tree`

    def display(self, path: str) -> str:
        """How a file at this revision is named in messages (`HEAD~1:data/actors.yaml`).

        A committed name may hold anything but NUL (a newline, an escape sequence, bytes
        that are not UTF-8): it is shown, never acted on.
        """
        shown = printable(path.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
        return f"{self.label}:{shown}" if self.revision else shown

    def read(self, path: str) -> bytes | None:
        """The file's bytes, or None when it does not exist at this revision."""
        if self.revision is None:
            full = self.root / path
            return full.read_bytes() if full.is_file() else None
        return self.read_many([path]).get(path)

    def inventory_files(self) -> list[str]:
        """Every inventory entry file, relative to the root, sorted; hidden ones skipped.

        Links follow `store.links` at both kinds of snapshot: a committed link whose path
        stays inside the repository reads as the file (or folder) it leads to, at this
        revision; any other link is not a question (the working tree's readers report it).
        """
        if self.revision is None:
            return sorted(
                Path(os.path.relpath(path, self.root)).as_posix()
                for path in iter_entry_files(self.root)
            )
        files: dict[str, str] = {}
        rule = LinkRule("")
        for mode, oid, path in self._list_tree(INVENTORY_DIR):
            self._add(files, rule, mode, oid, path, path, depth=0)
        self._objects.update(files)
        return sorted(files)

    def _add(
        self,
        files: dict[str, str],
        rule: LinkRule,
        mode: str,
        oid: str,
        path: str,
        shown: str,
        depth: int,
    ) -> None:
        """Add the entry file `shown` (its object at `path`), following a link by the rule."""
        relative = shown[len(INVENTORY_DIR) + 1 :]
        if any(part.startswith(".") for part in relative.split("/")):
            return
        if mode == _LINK and depth < _MAX_LINKS:
            target_text = self._blobs([oid]).get(oid)
            if target_text is None:
                return
            target, reason = rule.judge_committed(path, os.fsdecode(target_text))
            if reason is not None or target is None:
                return
            for inner_mode, inner_oid, inner_path in self._list_tree(target, whole=True):
                inner_shown = shown + inner_path[len(target) :]
                self._add(files, rule, inner_mode, inner_oid, inner_path, inner_shown, depth + 1)
        elif mode in _REGULAR and shown.endswith((".yaml", ".yml")):
            files[shown] = oid

    def _list_tree(self, path: str, *, whole: bool = False) -> list[tuple[str, str, str]]:
        """(mode, object id, path) of every file under `path` at this revision.

        NUL-separated, so a name holding a newline cannot shift one entry onto another;
        the path is given literally (a name may hold `*` or `?`). With `whole`, `path`
        may also be a single file.
        """
        assert self.revision is not None
        result = _git(
            self.root,
            ["--literal-pathspecs", "ls-tree", "-r", "-z", self.revision, "--", path],
        )
        if result.returncode != 0:
            return []
        return [
            listed
            for listed in _blobs_listed(result.stdout)
            if whole or listed[2].startswith(path + "/")
        ]

    def read_many(self, paths: Sequence[str]) -> dict[str, bytes]:
        """Several files at once (one `git cat-file --batch` for a revision), in order.

        Blobs are asked for by object id, never by name, so no file name can break the
        request; a path that does not exist at this revision is left out.
        """
        if not paths:
            return {}
        if self.revision is None:
            return {p: data for p in paths if (data := self.read(p)) is not None}
        unknown = [path for path in paths if path not in self._objects]
        for start in range(0, len(unknown), _PATHS_PER_CALL):
            for mode, oid, path in self._list_paths(unknown[start : start + _PATHS_PER_CALL]):
                if mode in _REGULAR:
                    self._objects[path] = oid
        wanted = {path: self._objects[path] for path in paths if path in self._objects}
        blobs = self._blobs(list(dict.fromkeys(wanted.values())))
        return {path: blobs[oid] for path, oid in wanted.items() if oid in blobs}

    def _list_paths(self, paths: Sequence[str]) -> list[tuple[str, str, str]]:
        assert self.revision is not None
        result = _git(
            self.root, ["--literal-pathspecs", "ls-tree", "-z", self.revision, "--", *paths]
        )
        if result.returncode != 0:
            return []
        return _blobs_listed(result.stdout)

    def _blobs(self, oids: Sequence[str]) -> dict[str, bytes]:
        """The content of each blob id (ids are hexadecimal: one per line is safe)."""
        if not oids:
            return {}
        request = "".join(f"{oid}\n" for oid in oids).encode()
        output = _git(self.root, ["cat-file", "--batch"], stdin=request).stdout
        return _split_batch(output, oids)


_REGULAR = frozenset({"100644", "100755"})
_LINK = "120000"
_MAX_LINKS = 8  # a committed link leading to a link, and so on: stop well before a loop
_PATHS_PER_CALL = 500  # paths given to one `git ls-tree` (a command line has a limit)


def _blobs_listed(output: bytes) -> list[tuple[str, str, str]]:
    """(mode, object id, path) of each file in `git ls-tree -z` output.

    NUL-separated, so a name holding a newline cannot shift one entry onto another;
    a submodule (a commit) and the empty record at the end are left out.
    """
    listed = []
    for record in output.split(b"\0"):
        meta, tab, name = record.partition(b"\t")
        fields = meta.split()
        if tab and len(fields) == 3 and fields[1] == b"blob":
            listed.append((fields[0].decode(), fields[2].decode(), os.fsdecode(name)))
    return listed


def _split_batch(output: bytes, keys: Sequence[str]) -> dict[str, bytes]:
    """The blobs in `git cat-file --batch` output, one answer per requested key in order.

    Each answer is a header line `<id> blob <size>`, the content and a newline; or
    the line `<name> missing` for an object that does not exist (left out of the
    result). A header that is neither stops the reading: nothing after it is trusted.
    """
    contents: dict[str, bytes] = {}
    position = 0
    for key in keys:
        end = output.find(b"\n", position)
        if end < 0:
            break
        header = output[position:end].split()
        position = end + 1
        if len(header) == 3 and header[1] == b"blob" and header[2].isdigit():
            size = int(header[2])
            contents[key] = output[position : position + size]
            position += size + 1
        elif not (len(header) == 2 and header[1] == b"missing"):
            break
    return contents
