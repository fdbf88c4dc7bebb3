from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from referral_cli.store.gitio import error_text, is_work_tree, output_text, run_git


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
