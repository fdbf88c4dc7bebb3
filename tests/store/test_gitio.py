from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from referral_cli.errors import UsageError
from referral_cli.store.gitio import (
    commit_paths,
    error_text,
    is_work_tree,
    output_text,
    run_git,
)


def test_inside_and_outside_a_work_tree(tmp_path: Path) -> None:
    assert is_work_tree(tmp_path) is False
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert is_work_tree(tmp_path) is True
    (tmp_path / "sub").mkdir()
    assert is_work_tree(tmp_path / "sub") is True


def test_output_and_error_text(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    ok = run_git(tmp_path, "rev-parse", "--is-inside-work-tree")
    assert ok is not None and output_text(ok) == "true"
    failed = run_git(tmp_path, "rev-parse", "--verify", "no-such-revision")
    assert failed is not None and failed.returncode != 0
    # LC_ALL=C keeps git's own words in English, whatever the user's locale.
    assert error_text(failed).startswith("fatal:")


def test_stdin_is_passed(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    result = run_git(tmp_path, "hash-object", "--stdin", stdin=b"hej\n")
    assert result is not None
    assert output_text(result) == "1b5b67f57bc74b648a503264097c4b02f1b7dd8b"


def test_missing_git_is_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert run_git(tmp_path, "status") is None
    assert is_work_tree(tmp_path) is None


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def work_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for key, value in {
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }.items():
        monkeypatch.setenv(key, value)
    git(tmp_path, "init", "-q")
    return tmp_path


def test_commit_paths_commits_exactly_those_files(work_tree: Path) -> None:
    (work_tree / "staged.md").write_text("work in progress\n", encoding="utf-8")
    git(work_tree, "add", "staged.md")
    new = [work_tree / "a.yaml", work_tree / "sub" / "b.yaml"]
    new[1].parent.mkdir()
    for path in new:
        path.write_text("date: 2026-08-22\n", encoding="utf-8")
    head = commit_paths(work_tree, new, "Question inventory: 2 questions")
    assert head == git(work_tree, "rev-parse", "--short", "HEAD").strip()
    assert git(work_tree, "log", "-1", "--format=%B").strip() == "Question inventory: 2 questions"
    assert git(work_tree, "show", "--name-only", "--format=", "HEAD").split() == [
        "a.yaml",
        "sub/b.yaml",
    ]
    assert git(work_tree, "diff", "--cached", "--name-only").split() == ["staged.md"]


def test_a_failing_step_says_which_and_what_git_said(work_tree: Path) -> None:
    hook = work_tree / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'validate failed' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    (work_tree / "a.yaml").write_text("x\n", encoding="utf-8")
    with pytest.raises(UsageError, match="^git commit failed: validate failed$"):
        commit_paths(work_tree, [work_tree / "a.yaml"], "message")


def test_commit_paths_without_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(UsageError, match="git was not found on this computer"):
        commit_paths(tmp_path, [tmp_path / "a.yaml"], "message")
