from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from referral_cli.errors import UsageError
from referral_cli.store import revisions
from referral_cli.store.revisions import (
    WORKTREE,
    Snapshot,
    check_git_repository,
    resolve_revision,
)
from tests.conftest import ACTORS, write_tree
from tests.git_history import ACTORS_3, ENTRY_NONE, git, make_history

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_history(tmp_path / "repo")


def test_a_file_reads_as_it_was_at_the_revision(repo: Path) -> None:
    first = Snapshot(repo, resolve_revision(repo, "HEAD~2"), "HEAD~2")
    assert first.read("data/actors.yaml") == ACTORS.encode()
    assert first.read("data/library.yaml") is None  # added only by the second commit
    head = Snapshot(repo, resolve_revision(repo, "HEAD"), "HEAD")
    assert head.read("data/actors.yaml") == ACTORS_3.encode()


def test_the_working_tree_is_read_from_disk(repo: Path) -> None:
    (repo / "data/actors.yaml").write_text("actors: []\n", encoding="utf-8")
    worktree = Snapshot(repo, WORKTREE, "")
    assert worktree.read("data/actors.yaml") == b"actors: []\n"
    assert worktree.read("data/nothing.yaml") is None
    assert worktree.read("data") is None  # a folder is not a file


def test_files_are_named_after_their_revision(repo: Path) -> None:
    assert Snapshot(repo, "abc123", "HEAD~1").display("data/matrix.yaml") == (
        "HEAD~1:data/matrix.yaml"
    )
    assert Snapshot(repo, WORKTREE, "").display("data/matrix.yaml") == "data/matrix.yaml"


def test_inventory_files_skip_hidden_folders_and_other_files(repo: Path) -> None:
    write_tree(
        repo, {"data/inventory/2026/notes.txt": "x", "data/inventory/2026/d.yml": ENTRY_NONE}
    )
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "more")
    expected = [
        "data/inventory/2026/a.yaml",
        "data/inventory/2026/b.yaml",
        "data/inventory/2026/d.yml",
    ]
    assert Snapshot(repo, resolve_revision(repo, "HEAD"), "HEAD").inventory_files() == expected
    assert Snapshot(repo, WORKTREE, "").inventory_files() == expected
    assert Snapshot(repo, resolve_revision(repo, "HEAD~3"), "HEAD~3").inventory_files() == []


def test_read_many_leaves_out_missing_files(repo: Path) -> None:
    paths = ["data/inventory/2026/a.yaml", "data/inventory/2026/c.yaml", "data/actors.yaml"]
    second = Snapshot(repo, resolve_revision(repo, "HEAD~1"), "HEAD~1")
    assert second.read_many(paths) == {p: second.read(p) for p in paths}
    head = Snapshot(repo, resolve_revision(repo, "HEAD"), "HEAD")
    assert list(head.read_many(paths)) == [paths[0], paths[2]]  # c.yaml was removed
    assert list(Snapshot(repo, WORKTREE, "").read_many(paths)) == [paths[0], paths[2]]
    assert head.read_many([]) == {}


def test_resolve_revision_gives_the_commit(repo: Path) -> None:
    check_git_repository(repo)  # no error inside a work tree
    assert resolve_revision(repo, "HEAD") == git(repo, "rev-parse", "HEAD").strip()


@pytest.mark.parametrize(
    ("revision", "message"),
    [
        (
            "nope",
            "unknown git revision 'nope': give a commit, branch or tag "
            "(see 'git log --oneline'), e.g. HEAD~1",
        ),
        (
            "HEAD~9",
            "unknown git revision 'HEAD~9': give a commit, branch or tag "
            "(see 'git log --oneline'), e.g. HEAD~1",
        ),
        ("--all", "'--all' is not a git revision"),
    ],
)
def test_resolve_revision_refuses(repo: Path, revision: str, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        resolve_revision(repo, revision)
    assert str(caught.value) == message
    assert caught.value.text("sv") != message  # worded in Swedish too


def test_a_folder_outside_git_is_a_usage_error(make_repo: Callable[..., Path]) -> None:
    plain = make_repo()
    with pytest.raises(UsageError) as caught:
        check_git_repository(plain)
    assert str(caught.value) == (
        f"{plain} is not inside a git repository; referral diff compares git revisions "
        "(run 'git init' and commit first)"
    )


def test_without_git_every_access_is_a_usage_error(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(revisions, "run_git", lambda *args, **kwargs: None)
    monkeypatch.setattr("referral_cli.store.gitio.run_git", lambda *args, **kwargs: None)
    message = "git is not installed; referral diff needs git"
    for attempt in (
        lambda: check_git_repository(repo),
        lambda: resolve_revision(repo, "HEAD"),
        lambda: Snapshot(repo, "HEAD", "HEAD").read("data/actors.yaml"),
    ):
        with pytest.raises(UsageError, match=message):
            attempt()


def test_split_batch_reads_blobs_and_skips_missing() -> None:
    output = b"1111 blob 3\nabc\nHEAD:./x missing\n2222 blob 0\n\n3333 blob 2\na\n\n"
    assert revisions._split_batch(output, ["a", "x", "empty", "two-lines"]) == {
        "a": b"abc",
        "empty": b"",
        "two-lines": b"a\n",
    }


# --- hostile names and committed links (issue 15, item 11) -----------------------------------

ENTRY_TIME = "date: 2026-08-27\ndescription: Fråga om tid.\nreasons: [time]\n"


def test_a_name_with_a_newline_cannot_shift_another_entry(repo: Path) -> None:
    # `git cat-file --batch` read names line by line: this name broke the pairing and
    # silently dropped the next entry's content.
    write_tree(
        repo,
        {
            "data/inventory/2026/x\ny.yaml": ENTRY_NONE,
            "data/inventory/2026/z.yaml": ENTRY_TIME,
            "data/inventory/2026/\x1b]0;TITEL\x07.yaml": ENTRY_NONE,
        },
    )
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "names")
    head = Snapshot(repo, resolve_revision(repo, "HEAD"), "HEAD")
    names = head.inventory_files()
    assert "data/inventory/2026/x\ny.yaml" in names and "data/inventory/2026/z.yaml" in names
    contents = head.read_many(names)
    assert contents["data/inventory/2026/x\ny.yaml"] == ENTRY_NONE.encode()
    assert contents["data/inventory/2026/z.yaml"] == ENTRY_TIME.encode()
    assert list(contents) == names
    assert head.display("data/inventory/2026/\x1b]0;TITEL\x07.yaml") == (
        "HEAD:data/inventory/2026/\\x1b]0;TITEL\\x07.yaml"
    )


def test_committed_links_follow_the_rule_of_the_working_tree(repo: Path, tmp_path: Path) -> None:
    # A committed link was counted as a question (its content is the path it holds).
    write_tree(repo, {"arkiv/2025/gammal.yaml": ENTRY_TIME, "arkiv/2025/annan.yaml": ENTRY_NONE})
    inventory = repo / "data/inventory"
    (inventory / "2025").symlink_to("../../arkiv/2025")  # inside: read through the link
    (inventory / "2026/en.yaml").symlink_to("../../../arkiv/2025/gammal.yaml")  # twice: no
    (inventory / "2026/ut.yaml").symlink_to("/etc/hostname")  # outside: never read
    (inventory / "2026/upp.yaml").symlink_to("../../../../utanfor.yaml")  # outside too
    (inventory / "2026/git.yaml").symlink_to("../../../.git/HEAD")  # hidden: no
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "links")
    head = Snapshot(repo, resolve_revision(repo, "HEAD"), "HEAD")
    expected = [
        "data/inventory/2025/annan.yaml",
        "data/inventory/2025/gammal.yaml",
        "data/inventory/2026/a.yaml",
        "data/inventory/2026/b.yaml",
    ]
    assert head.inventory_files() == expected
    assert head.read_many(expected)["data/inventory/2025/gammal.yaml"] == ENTRY_TIME.encode()
    assert Snapshot(repo, WORKTREE, "").inventory_files() == expected


def test_ls_tree_output_lists_files_only_and_keeps_odd_names_whole() -> None:
    output = (
        b"100644 blob aaaa\tdata/actors.yaml\0"
        b"160000 commit bbbb\tdata/vendored\0"  # a submodule: no file to read
        b"100755 blob cccc\tdata/new\nline.yaml\0"  # a newline in a name
        b"120000 blob dddd\tdata/link.yaml\0"
    )
    assert revisions._blobs_listed(output) == [
        ("100644", "aaaa", "data/actors.yaml"),
        ("100755", "cccc", "data/new\nline.yaml"),
        ("120000", "dddd", "data/link.yaml"),
    ]
