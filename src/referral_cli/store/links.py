"""The one rule for symbolic links in a guideline repository, for every reader and the writer.

A link is followed when where it leads stays inside the repository, outside its
hidden folders (`.git`, `.env`), and is not read another way too: not inside
`data/inventory/` (those files are read there already), not a folder that holds it
(the walk would go round in a circle), not inside or around the target of another
link that was followed. Any other link is refused: its content is never read and
the readers report it (README, "The file format"). The same rule judges a link in
the working tree (by where it really leads) and a link committed in git (by the
path it holds, at that revision).
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from referral_cli.i18n import Phrase, phrase
from referral_cli.text import printable

INVENTORY = "data/inventory"


def _within(path: str, folder: str) -> bool:
    """`path` is `folder` or lies below it (both repository-relative, `/`-separated)."""
    return path == folder or path.startswith(folder + "/") or folder == ""


@dataclass
class LinkRule:
    """Judges the links met while reading one repository; remembers those it followed."""

    root: str  # the repository's real path ("" when judging paths inside a git tree)
    followed: list[str] = field(default_factory=list)  # repository-relative targets

    @classmethod
    def for_repository(cls, root: Path) -> LinkRule:
        """The rule for the working tree at `root`."""
        return cls(os.path.realpath(root))

    def relative(self, real: str) -> str | None:
        """A real path as a repository-relative posix path; None when it is outside."""
        if real == self.root:
            return ""
        if not real.startswith(self.root.rstrip(os.sep) + os.sep):
            return None
        return Path(os.path.relpath(real, self.root)).as_posix()

    def judge(self, link: Path | str) -> Phrase | None:
        """None when the link at `link` may be followed (it is then remembered), else why not."""
        target = os.path.realpath(link)
        inventory = self.relative(os.path.realpath(Path(self.root) / INVENTORY))
        return self.judge_target(self.relative(target), printable(target), inventory)

    def check_path(self, path: Path) -> Phrase | None:
        """Why the file or folder at `path` may not be read, because of a link on the way.

        None when no link leads it outside the repository or into a hidden folder
        (a file reached through `data -> /elsewhere` is outside too).
        """
        real = os.path.realpath(path)
        target = self.relative(real)
        if target is None:
            return phrase("store.link-outside", target=printable(real))
        if any(part.startswith(".") for part in target.split("/") if part):
            return phrase("store.link-hidden", target=printable(real))
        return None

    def judge_committed(self, link: str, target: str) -> tuple[str | None, Phrase | None]:
        """Where a committed link at `link` (repository-relative) holding `target` leads.

        Returns the repository-relative target and None when it may be followed, or
        None and the reason it may not.
        """
        if posixpath.isabs(target) or "\\" in target:
            return None, phrase("store.link-outside", target=printable(target))
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(link), target))
        inside: str | None = joined
        if joined == ".." or joined.startswith("../"):
            inside = None
        elif joined == ".":
            inside = ""
        reason = self.judge_target(inside, printable(target), INVENTORY)
        return (inside, None) if reason is None else (None, reason)

    def judge_target(self, target: str | None, shown: str, inventory: str | None) -> Phrase | None:
        """The rule itself, on a repository-relative target (None: outside the repository)."""
        if target is None or inventory is None:
            return phrase("store.link-outside", target=shown)
        if any(part.startswith(".") for part in target.split("/") if part):
            return phrase("store.link-hidden", target=shown)
        if _within(target, inventory) or _within(inventory, target):
            return phrase("store.link-twice", target=shown)
        for earlier in self.followed:
            if _within(target, earlier) or _within(earlier, target):
                return phrase("store.link-twice", target=shown)
        self.followed.append(target)
        return None
