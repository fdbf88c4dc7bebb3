from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from referral_cli.cli import app
from referral_cli.commands.validate import validate_repository
from referral_cli.errors import UsageError
from referral_cli.scaffold import create_repository


@pytest.mark.parametrize("language", ["sv", "en"])
def test_init_creates_a_clean_repository(tmp_path: Path, language: str) -> None:
    target = tmp_path / "riktlinjer"
    written = create_repository(target, language=language, today=date(2026, 11, 28))
    names = {p.relative_to(target).as_posix() for p in written}
    assert {
        "data/library.yaml",
        "data/actors.yaml",
        "data/matrix.yaml",
        ".gitignore",
        ".pre-commit-config.yaml",
        "README.md",
        "schemas/matrix.schema.json",
    } <= names
    report = validate_repository(target, today=date(2026, 11, 28))
    assert report.findings == []
    assert f"language: {language}" in (target / "data/library.yaml").read_text(encoding="utf-8")


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "r"
    (target / "data").mkdir(parents=True)
    (target / "data" / "matrix.yaml").write_text("# mine\n", encoding="utf-8")
    with pytest.raises(UsageError, match="refusing to overwrite"):
        create_repository(target)
    assert (target / "data" / "matrix.yaml").read_text(encoding="utf-8") == "# mine\n"
    assert not (target / "data" / "actors.yaml").exists()


def test_init_refuses_a_file_as_folder(tmp_path: Path) -> None:
    (tmp_path / "r").write_text("mine\n", encoding="utf-8")
    with pytest.raises(UsageError, match="is a file, not a folder"):
        create_repository(tmp_path / "r")
    assert (tmp_path / "r").read_text(encoding="utf-8") == "mine\n"


def test_init_reports_a_folder_it_cannot_create(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("mine\n", encoding="utf-8")
    with pytest.raises(UsageError, match="cannot create"):
        create_repository(tmp_path / "f" / "r")


def test_init_cli(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["init", str(tmp_path / "x")])
    assert result.exit_code == 0, result.output
    again = runner.invoke(app, ["init", str(tmp_path / "x")])
    assert again.exit_code == 2
    assert "refusing to overwrite" in again.output
    assert runner.invoke(app, ["init", str(tmp_path / "y"), "--language", "de"]).exit_code == 2
