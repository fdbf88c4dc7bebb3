"""The one place that runs git, for the commands that read or write a repository's history."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from referral_cli.i18n import Phrase

from referral_cli.errors import UsageError
from referral_cli.i18n import phrase

# Stable, parseable output whatever the user's locale, and no index lock taken by read-only
# commands (`git status` would otherwise refresh the index and race a user's own git).
_ENV_OVERRIDES = {"GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}


def run_git(
    root: Path, *args: str, stdin: bytes | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[bytes] | None:
    """Run `git -C root ARGS...`; None when git cannot be run at all (not installed)."""
    try:
        return subprocess.run(
            ["git", "-C", str(root), *args],
            input=stdin,
            capture_output=True,
            timeout=timeout,
            env={**os.environ, **_ENV_OVERRIDES},
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None


def output_text(result: subprocess.CompletedProcess[bytes]) -> str:
    """The command's standard output as text, stripped."""
    return result.stdout.decode("utf-8", "replace").strip()


def error_text(result: subprocess.CompletedProcess[bytes]) -> str:
    """What git said when it failed: standard error, else standard output."""
    return (result.stderr or result.stdout).decode("utf-8", "replace").strip()


def is_work_tree(root: Path) -> bool | None:
    """Whether `root` is inside a git work tree; None when git is not installed."""
    result = run_git(root, "rev-parse", "--is-inside-work-tree")
    if result is None:
        return None
    return result.returncode == 0 and output_text(result) == "true"


def head_revision(root: Path, *paths: str) -> tuple[str | None, bool]:
    """The short commit of HEAD (None outside git) and whether `paths` have changes.

    Uncommitted and untracked files under `paths` count as changes; so does a
    status git cannot give.
    """
    head = run_git(root, "rev-parse", "--short", "HEAD", timeout=30)
    if head is None or head.returncode != 0 or not output_text(head):
        return None, False
    status = run_git(
        root, "status", "--porcelain", "--untracked-files=all", "--", *paths, timeout=30
    )
    changed = status is None or status.returncode != 0 or bool(output_text(status))
    return output_text(head), changed


def commit_paths(root: Path, paths: Sequence[Path], message: str) -> str:
    """`git add` and `git commit` exactly `paths`; return the new commit's short hash.

    Only these files go into the commit: work the user has staged stays staged and
    out of it. Raises `UsageError` when git is missing or a step fails.
    """
    relative = [os.path.relpath(path, root) for path in paths]
    for args in (("add", "--", *relative), ("commit", "-q", "-m", message, "--", *relative)):
        result = _git_or_refuse(root, *args)
        if result.returncode != 0:
            raise UsageError(
                phrase("error.git-step-failed", step=args[0], reason=error_text(result))
            )
    return output_text(_git_or_refuse(root, "rev-parse", "--short", "HEAD"))


def _git_or_refuse(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    result = run_git(root, *args)
    if result is None:
        raise UsageError(phrase("error.commit-needs-git"))
    return result


def require_work_tree(root: Path, *, no_git: Phrase, outside: Phrase) -> None:
    """Raise `UsageError(no_git)` when git is missing, `outside` when `root` is not in a repo."""
    from referral_cli.errors import UsageError

    inside = is_work_tree(root)
    if inside is None:
        raise UsageError(no_git)
    if not inside:
        raise UsageError(outside)
