"""The core of `referral diff`: resolve two revisions, load both, compare."""

from __future__ import annotations

from pathlib import Path

from referral_cli.commands.diff.changes import (
    DiffReport,
    added_entries,
    compare_states,
    disappeared_ids,
    stale_references,
)
from referral_cli.commands.diff.loading import entry_data, entry_reasons, load_state
from referral_cli.store.revisions import (
    WORKTREE,
    Snapshot,
    check_git_repository,
    resolve_revision,
)


def diff_revisions(
    root: Path, rev1: str | None = None, rev2: str | None = None, language: str | None = None
) -> DiffReport:
    """Compare `rev1` (default HEAD) with `rev2` (default the working tree)."""
    check_git_repository(root)
    old_rev = "HEAD" if rev1 is None else rev1  # an empty one (an unset CI variable) is no HEAD
    old = Snapshot(root, resolve_revision(root, old_rev), old_rev)
    if rev2 is None:
        new = Snapshot(root, WORKTREE, "")  # never named: working-tree files are shown as paths
    else:
        new = Snapshot(root, resolve_revision(root, rev2), rev2)
    old_state, new_state = load_state(old), load_state(new)
    report = compare_states(
        old_state,
        new_state,
        entry_reasons(new, added_entries(old_state, new_state)),
        old_label=old_rev,
        new_label=rev2,
        language=language,
    )
    lost = disappeared_ids(old_state, new_state, report)
    if lost:  # only then is every entry of the new state read
        report.stale_references = stale_references(entry_data(new, new_state.inventory), lost)
    return report
