"""What the shell offers on Tab: option choices and the repository's own ids.

Typer calls these while it completes a command line (`referral --install-completion`
sets that up for bash, zsh, fish or PowerShell). Ids come from `store.ids`, which
keeps them in the user's cache folder and never imports pydantic; a repository that
cannot be found or read simply offers nothing. An option that takes several ids
separated by commas (`--reason time,lan`) completes the part after the last comma.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import typer

Completions = list[tuple[str, str]]
Completer = Callable[[typer.Context, str], Completions]


def _matching(pairs: Iterable[tuple[str, str]], incomplete: str) -> Completions:
    """The pairs whose value starts with the last comma-separated part of `incomplete`."""
    head, _, part = incomplete.rpartition(",")
    prefix = f"{head}," if head else ""
    return [(prefix + value, help_text) for value, help_text in pairs if value.startswith(part)]


def choices(*values: str) -> Completer:
    """A completer offering fixed `values` (formats, languages, vocabularies)."""

    def complete(ctx: typer.Context, incomplete: str) -> Completions:
        return _matching(((value, "") for value in values), incomplete)

    return complete


def vocabulary(name: str) -> Completer:
    """A completer offering one closed vocabulary (kind, scope, status, outcome) with labels."""

    def complete(ctx: typer.Context, incomplete: str) -> Completions:
        from referral_cli.i18n import vocabulary_label, vocabulary_values

        return _matching(
            ((value, vocabulary_label(name, value, "en")) for value in vocabulary_values(name)),
            incomplete,
        )

    return complete


def repository(kind: str) -> Completer:
    """A completer offering the ids of one kind (see `store.ids.KINDS`) with their labels."""

    def complete(ctx: typer.Context, incomplete: str) -> Completions:
        root = _root(ctx)
        if root is None:
            return []
        from referral_cli.store.ids import repository_ids

        return _matching(repository_ids(root)[kind], incomplete)

    return complete


# What `referral rename` renames (`commands.rename.KINDS`, which imports YAML: a test keeps
# the two the same).
RENAMED_KINDS = ("row", "actor", "category", "branch", "reason")


def renamed_id(ctx: typer.Context, incomplete: str) -> Completions:
    """`referral rename KIND OLD`: the ids of the kind already typed."""
    kind = ctx.params.get("kind")
    if kind not in RENAMED_KINDS:
        return []
    return repository(str(kind))(ctx, incomplete)


def _root(ctx: typer.Context) -> Path | None:
    """The repository the command line names (`--root`), else the one it would find."""
    given: Any = None
    for context in _contexts(ctx):
        given = context.params.get("root")
        if given:
            break
    if isinstance(given, list | tuple):  # stats: the first folder among its sources
        given = next((path for path in given if Path(path).is_dir()), None)
    from referral_cli.errors import ReferralError
    from referral_cli.store.repository import find_root

    try:
        return find_root(Path(given) if given else None)
    except (ReferralError, OSError):
        return None


def _contexts(ctx: typer.Context | Any) -> Iterable[Any]:
    while ctx is not None:  # a subcommand's --root, else its group's (`actors --root D show`)
        yield ctx
        ctx = ctx.parent
