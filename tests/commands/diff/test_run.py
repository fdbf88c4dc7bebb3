from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from referral_cli.commands.diff.changes import NO_REASON, ReasonCount
from referral_cli.commands.diff.run import diff_revisions
from referral_cli.errors import FindingsError
from tests.conftest import LIBRARY, write_tree
from tests.git_history import ENTRY_PRIVACY, MATRIX_3, commit, make_history

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_history(tmp_path / "repo")


def test_first_to_second(repo: Path) -> None:
    report = diff_revisions(repo, "HEAD~2", "HEAD~1")
    assert (report.old_label, report.new_label, report.language) == ("HEAD~2", "HEAD~1", "sv")
    assert [(c.kind, c.id) for c in report.rows] == [
        ("added", "skanna-pass"),
        ("changed", "bank-e-legitimation"),
    ]
    [change] = report.rows[1].fields
    assert (change.field, change.old, change.new) == (
        "solution",
        "Ta reda på vilken e-legitimation användaren har.",
        "Fråga vilken e-legitimation användaren har.",
    )
    assert report.rows[0].context == "Dokument, ärenden och e-tjänster"
    assert [(s.kind, s.position, s.new) for s in report.checklist] == [
        ("added", 2, "Vem äger ärendet?")
    ]
    # library.yaml did not exist at HEAD~2: compared with the defaults
    assert ("name", "Biblioteket", "Testbiblioteket") in [
        (c.field, c.old, c.new) for c in report.library
    ]
    assert report.inventory_added == 3  # the hidden folder is ignored
    assert report.added_by_reason == [
        ReasonCount("privacy", "Integritet / personuppgifter", 2),
        ReasonCount("language", "Språkbarriär", 1),
        ReasonCount(NO_REASON, None, 1),
    ]
    assert report.actors == []


def test_renames_and_nested_fields(repo: Path) -> None:
    report = diff_revisions(repo, "HEAD~1", "HEAD", language="en")
    assert report.language == "en"
    row_changes = [(c.kind, c.id, c.new_id) for c in report.rows]
    assert ("renamed", "skanna-pass", "skanning-pass") in row_changes
    assert ("changed", "bank-e-legitimation", None) in row_changes
    actor_changes = {c.kind: c for c in report.actors}
    assert (actor_changes["renamed"].id, actor_changes["renamed"].new_id) == ("bank", "banken")
    [phone] = actor_changes["changed"].fields
    assert (phone.field, phone.old, phone.new) == ("contact.phone", "0771-567 567", "0771-567 568")
    assert (report.inventory_added, report.inventory_removed) == (0, 1)


def test_working_tree_default(repo: Path) -> None:
    assert diff_revisions(repo).empty
    (repo / "data/matrix.yaml").write_text(
        MATRIX_3.replace("owner", "x").replace("need: Skanna pass", "need: Skanna pass och visum"),
        encoding="utf-8",
    )
    write_tree(repo, {"data/inventory/2026/d.yaml": ENTRY_PRIVACY})
    report = diff_revisions(repo)
    assert (report.old_label, report.new_label) == ("HEAD", None)  # None: the working tree
    assert [(c.kind, c.id) for c in report.rows] == [("changed", "skanning-pass")]
    assert report.inventory_added == 1
    # one revision: that revision against the working tree
    report = diff_revisions(repo, "HEAD~2")
    assert (report.old_label, report.new_label) == ("HEAD~2", None)
    assert report.inventory_added == 3


def test_rename_is_not_claimed_when_content_differs(repo: Path) -> None:
    (repo / "data/matrix.yaml").write_text(
        MATRIX_3.replace(
            "id: skanning-pass\n        need: Skanna pass", "id: skan\n        need: Skanna"
        ),
        encoding="utf-8",
    )
    report = diff_revisions(repo)
    assert [(c.kind, c.id) for c in report.rows] == [
        ("removed", "skanning-pass"),
        ("added", "skan"),
    ]


def test_a_broken_file_at_a_revision_is_named_after_it(repo: Path) -> None:
    commit(repo, {"data/actors.yaml": "actors:\n  - id: x\n    name: [\n"}, "broken")
    with pytest.raises(FindingsError) as caught:
        diff_revisions(repo, "HEAD~1", "HEAD")
    first = caught.value.findings[0].format()
    assert first.startswith("HEAD:data/actors.yaml:4:1: error: a list or mapping in brackets")


def test_a_broken_new_entry_is_located_not_counted(repo: Path) -> None:
    write_tree(repo, {"data/inventory/2026/d.yaml": "date: 2026-08-27\nreasons: [privacy\n"})
    with pytest.raises(FindingsError) as caught:
        diff_revisions(repo)
    assert caught.value.findings[0].format().startswith("data/inventory/2026/d.yaml:3:1: error: ")


def test_entries_still_pointing_to_a_renamed_or_removed_id_are_named(repo: Path) -> None:
    # HEAD renamed the row skanna-pass and the actor bank; these entries were written
    # later by hand with the old ids; the branch centrum is changed by hand in the working tree.
    write_tree(
        repo,
        {
            "data/inventory/2026/d.yaml": ENTRY_PRIVACY + "row: skanna-pass\nsent_by: [bank]\n",
            "data/library.yaml": LIBRARY.replace("id: centrum", "id: centrala"),
        },
    )
    report = diff_revisions(repo, "HEAD~1")
    assert [(r.file, r.key, r.kind, r.id, r.new_id) for r in report.stale_references] == [
        ("data/inventory/2026/a.yaml", "branch", "branch", "centrum", None),
        ("data/inventory/2026/d.yaml", "row", "row", "skanna-pass", "skanning-pass"),
        ("data/inventory/2026/d.yaml", "sent_by", "actor", "bank", "banken"),
    ]
    assert diff_revisions(repo, "HEAD~1", "HEAD").stale_references == []


def test_after_referral_rename_no_entry_is_left_behind(repo: Path) -> None:
    from referral_cli.commands.rename import rename

    rename(repo, "row", "bank-e-legitimation", "bankid")
    report = diff_revisions(repo)
    assert [(c.kind, c.id, c.new_id) for c in report.rows] == [
        ("renamed", "bank-e-legitimation", "bankid")
    ]
    assert report.stale_references == []
