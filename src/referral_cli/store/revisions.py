"""The guideline files as they are at a git revision, or in the working tree.

`Snapshot` reads one file, several files at once, or the list of inventory
entry files, at one revision (through `git cat-file` and `git ls-tree`) or on
disk. A file that does not exist at the revision reads as None. Git is run
only through `store.gitio`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from referral_cli.errors import UsageError
from referral_cli.i18n import phrase
from referral_cli.store.gitio import output_text, require_work_tree, run_git
from referral_cli.store.repository import INVENTORY_DIR, iter_entry_files

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

    def display(self, path: str) -> str:
        """How a file at this revision is named in messages (`HEAD~1:data/actors.yaml`)."""
        return f"{self.label}:{path}" if self.revision else path

    def read(self, path: str) -> bytes | None:
        """The file's bytes, or None when it does not exist at this revision."""
        if self.revision is None:
            full = self.root / path
            return full.read_bytes() if full.is_file() else None
        result = _git(self.root, ["cat-file", "blob", f"{self.revision}:./{path}"])
        return result.stdout if result.returncode == 0 else None

    def inventory_files(self) -> list[str]:
        """Every inventory entry file, relative to the root, sorted; hidden folders skipped."""
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
        return _split_batch(output, paths)


def _split_batch(output: bytes, paths: Sequence[str]) -> dict[str, bytes]:
    """The blobs in `git cat-file --batch` output, one answer per requested path in order.

    Each answer is a header line `<id> blob <size>`, the content and a newline; or
    the line `<name> missing` for a path that does not exist at the revision (left
    out of the result).
    """
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
