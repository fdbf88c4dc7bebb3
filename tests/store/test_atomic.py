"""Writing a file whole: the old content or the new, with the file's own permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from referral_cli.store.atomic import replace_file, write_whole


def test_a_replaced_file_keeps_its_mode_and_no_temporary_is_left(tmp_path: Path) -> None:
    path = tmp_path / "entry.yaml"
    path.write_bytes(b"old\n")
    path.chmod(0o640)
    replace_file(path, b"new\n")
    assert path.read_bytes() == b"new\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["entry.yaml"]


def test_a_new_file_gets_what_the_umask_allows(tmp_path: Path) -> None:
    umask = os.umask(0o027)
    try:
        write_whole(tmp_path / "new.csv", b"x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o640


def test_a_failed_rename_keeps_the_old_content_and_removes_the_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "entry.yaml"
    path.write_bytes(b"old\n")

    def refuse(self: Path, target: Path) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(PermissionError):
        replace_file(path, b"new\n")
    assert path.read_bytes() == b"old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["entry.yaml"]
