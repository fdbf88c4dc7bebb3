"""`-` for standard input and output: commands joined with pipes (issue 16, item 3)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from referral_cli.cli import app
from referral_cli.commands.render import DEFAULT_HANDOUTS
from referral_cli.schemas import SCHEMA_FILES
from referral_cli.stdio import is_dash

# These tests pin the English wording.
pytestmark = pytest.mark.usefixtures("english")

runner = CliRunner()
REFERRAL = [sys.executable, "-m", "referral_cli"]


def test_is_dash() -> None:
    assert is_dash("-") and is_dash(Path("-"))
    assert not is_dash(None) and not is_dash("./-") and not is_dash("x")


def test_export_into_stats_through_a_real_pipe(
    make_repo: Callable[..., Path], tmp_path: Path
) -> None:
    repo = make_repo()
    env = {**os.environ, "REFERRAL_ROOT": str(repo)}
    export = subprocess.Popen([*REFERRAL, "export"], stdout=subprocess.PIPE, env=env, cwd=tmp_path)
    stats = subprocess.run(
        [*REFERRAL, "stats", "--root", "-", "--by", "branch", "--format", "csv", "--lang", "en"],
        stdin=export.stdout,
        capture_output=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert export.wait() == 0
    assert stats.returncode == 0, stats.stderr
    # An export carries ids, not the library's labels: the branch is counted by its id.
    assert stats.stdout.decode("utf-8").splitlines()[1].startswith("centrum,1,")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["repo"]  # no file named '-'


def test_export_out_dash_is_standard_output(make_repo: Callable[..., Path], tmp_path: Path) -> None:
    repo = make_repo()
    dashed = runner.invoke(app, ["export", "--root", str(repo), "--out", "-"])
    plain = runner.invoke(app, ["export", "--root", str(repo)])
    assert dashed.exit_code == 0 and dashed.output == plain.output
    assert '"branch":"centrum"' in dashed.output


def test_a_bad_line_on_standard_input_is_located(make_repo: Callable[..., Path]) -> None:
    result = runner.invoke(app, ["stats", "--root", "-"], input='{"library": "X"}\nnot json\n')
    assert result.exit_code == 1
    assert "<stdin>:1:1: error:" in result.output and "<stdin>:2:" in result.output


def test_stdin_mixes_with_repositories(make_repo: Callable[..., Path]) -> None:
    repo = make_repo()
    line = '{"library": "Grannbiblioteket", "date": "2026-08-20"}\n'
    result = runner.invoke(
        app,
        ["stats", "--root", str(repo), "--root", "-", "--by", "library", "--format", "csv"],
        input=line,
    )
    assert result.exit_code == 0, result.output
    assert "Grannbiblioteket,1" in result.output and "Testbiblioteket,1" in result.output


def test_render_one_document_to_standard_output(
    make_repo: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo()
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    result = runner.invoke(
        app, ["render", "desk-guide", "--format", "md", "--out", "-", "--root", str(repo)]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# ")
    assert list((tmp_path / "here").iterdir()) == []


@pytest.mark.parametrize(
    ("args", "count"),
    [
        (["render", "--out", "-"], len(DEFAULT_HANDOUTS)),
        (["render", "desk-guide", "--format", "html", "--format", "md", "--out", "-"], 2),
        (["schema", "--out", "-"], len(SCHEMA_FILES)),
    ],
)
def test_several_documents_cannot_share_standard_output(
    make_repo: Callable[..., Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    count: int,
) -> None:
    monkeypatch.chdir(tmp_path)
    root = [] if args[0] == "schema" else ["--root", str(make_repo())]
    result = runner.invoke(app, [*args, *root])
    assert result.exit_code == 2
    assert result.output == (
        f"error: --out - writes to standard output, which holds one document, and this makes "
        f"{count}: name one handout and one format, or give a folder\n"
    )
    assert list(tmp_path.iterdir()) == ([tmp_path / "repo"] if root else [])


def test_report_letter_to_standard_output(make_repo: Callable[..., Path]) -> None:
    result = runner.invoke(
        app,
        [
            "report",
            "actor",
            "skatteverket",
            "--format",
            "md",
            "--out",
            "-",
            "--root",
            str(make_repo()),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Skatteverket" in result.output


@pytest.mark.parametrize("command", [["validate"], ["lookup", "bank"], ["actors"]])
def test_a_repository_cannot_come_from_standard_input(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--root", "-"])
    assert (result.exit_code, result.output) == (
        2,
        "error: --root -: a guideline repository is a folder; only referral stats reads an "
        "export file from standard input\n",
    )


@pytest.mark.parametrize("command", [["actors"], ["render", "--out", "out"]])
def test_a_reader_that_stops_early_is_no_bug(
    make_repo: Callable[..., Path], tmp_path: Path, command: list[str]
) -> None:
    """`referral actors | head -1`: quiet, 141 (128 + SIGPIPE), what was written stays."""
    root = make_repo()
    process = subprocess.Popen(
        [sys.executable, "-m", "referral_cli", *command, "--root", str(root)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "REFERRAL_NO_CACHE": "1"},
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line is written
    errors = process.stderr.read().decode()
    assert process.wait(timeout=120) == 141
    assert errors == ""
    if command[0] == "render":
        assert (tmp_path / "out" / "desk-guide.html").is_file()


@pytest.mark.parametrize(
    "args",
    [["stats", "--format", "csv"], ["inventory", "--format", "csv"], ["stats", "--format", "html"]],
)
def test_out_dash_prints_for_stats_and_inventory(
    make_repo: Callable[..., Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
) -> None:
    repo = make_repo()
    monkeypatch.chdir(tmp_path)
    printed = runner.invoke(app, [*args, "--root", str(repo)])
    piped = runner.invoke(app, [*args, "--root", str(repo), "--out", "-"])
    assert piped.exit_code == printed.exit_code == 0, piped.output
    assert piped.output == printed.output
    assert not (tmp_path / "-").exists()


def test_standard_input_named_twice_is_read_once(make_repo: Callable[..., Path]) -> None:
    """`--root - --root -`: one source, counted once with a warning (never a closed stream)."""
    line = '{"library": "Grannbiblioteket", "date": "2026-08-20"}\n'
    result = subprocess.run(
        [*REFERRAL, "stats", "--root", "-", "--root", "-", "--format", "csv", "--lang", "en"],
        input=line.encode(),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines() == ["Count,Minutes,Median (min)", "1,0,"]
    assert "- is named more than once; its questions are counted once" in result.stderr.decode()


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="no /dev/stdout here")
@pytest.mark.parametrize(
    "args",
    [["export"], ["stats", "--format", "csv"], ["inventory", "--format", "csv"]],
)
def test_out_dev_stdout_writes_to_the_pipe(make_repo: Callable[..., Path], args: list[str]) -> None:
    """`--out /dev/stdout` is written to, as every Unix tool does (it was 'no such file')."""
    repo = make_repo()
    env = {**os.environ, "REFERRAL_ROOT": str(repo), "REFERRAL_LANG": "en"}
    plain = subprocess.run([*REFERRAL, *args], capture_output=True, env=env, check=False)
    piped = subprocess.run(
        [*REFERRAL, *args, "--out", "/dev/stdout"], capture_output=True, env=env, check=False
    )
    assert piped.returncode == 0, piped.stderr
    # What was printed, then (stats, inventory) the name of the file written.
    assert plain.stdout and piped.stdout.startswith(plain.stdout.rstrip(b"\n"))
    assert Path("/dev/stdout").is_symlink() or Path("/dev/stdout").is_char_device()
