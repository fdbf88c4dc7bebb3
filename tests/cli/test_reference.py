"""docs/cli.md is the app's own description of itself, kept current by this test."""

from __future__ import annotations

from pathlib import Path

import typer

from referral_cli.cli import app
from referral_cli.cli.reference import main, reference_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def test_committed_reference_is_current() -> None:
    assert DOCS.read_text(encoding="utf-8") == reference_markdown(), (
        "docs/cli.md is out of date: run 'python -m referral_cli.cli.reference docs/cli.md'"
    )


def _commands(command: object, path: str) -> list[str]:
    found = [path]
    for name, sub in getattr(command, "commands", {}).items():
        found += _commands(sub, f"{path} {name}")
    return found


def test_every_command_has_a_section() -> None:
    text = reference_markdown()
    for path in _commands(typer.main.get_command(app), "referral"):
        assert f"\n## `{path}`\n" in text


def test_every_visible_option_is_described_and_hidden_ones_are_not() -> None:
    text = reference_markdown()
    assert "- `--templates DIR`: Folder of templates overriding the defaults by name." in text
    assert "- `--root DIR`: The guideline repository. Default: the nearest folder above " in text
    assert "Environment variable: `REFERRAL_ROOT`." in text
    assert "--today" not in text  # a test-only option
    assert "--help" not in text.split("\n## ", 1)[1]  # said once, in the header


def test_usage_lines_name_arguments_as_words() -> None:
    text = reference_markdown()
    assert "referral lookup [OPTIONS] TERMS...\n" in text
    assert "referral diff [OPTIONS] [REV1] [REV2]\n" in text
    assert "referral actors show [OPTIONS] ID\n" in text
    assert "referral actors [OPTIONS] COMMAND [ARGS]...\n" in text


def test_main_writes_the_file(tmp_path: Path) -> None:
    target = tmp_path / "cli.md"
    assert main([str(target)]) == 0
    assert target.read_text(encoding="utf-8") == reference_markdown()
