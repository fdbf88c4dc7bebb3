from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from referral_cli.cli import app
from tests.conftest import ACTORS, ENTRY

# The English wording; the language rule is tested in tests/cli/test_errors.py.
pytestmark = pytest.mark.usefixtures("english")

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_validate_clean_repository(runner: CliRunner, make_repo: Callable[..., Path]) -> None:
    result = runner.invoke(app, ["validate", "--root", str(make_repo())])
    assert result.exit_code == 0, result.output
    assert "All good: 4 files checked, no problems found." in result.output


def test_validate_reports_every_error_with_location(
    runner: CliRunner, make_repo: Callable[..., Path]
) -> None:
    actors = ACTORS.replace("kind: bank", "kind: bnk").replace(
        "scope: national\n    reviewed", "scope: nationell\n    reviewed"
    )
    result = runner.invoke(
        app, ["validate", "--root", str(make_repo({"data/actors.yaml": actors}))]
    )
    assert result.exit_code == 1
    assert (
        "data/actors.yaml:17:11: error: kind: 'bnk' is not allowed (did you mean 'bank'?)"
        in result.output
    )
    assert "data/actors.yaml:18:12: error: scope: 'nationell' is not allowed" in result.output
    assert result.output.rstrip().endswith("2 errors, 0 warnings in 1 file (4 files checked).")


def test_validate_json_format(runner: CliRunner, make_repo: Callable[..., Path]) -> None:
    repo = make_repo({"data/actors.yaml": ACTORS.replace("kind: bank", "kind: bnk")})
    result = runner.invoke(app, ["validate", "--root", str(repo), "--format", "json"])
    assert result.exit_code == 1
    [finding] = json.loads(result.output)
    assert finding == {
        "file": "data/actors.yaml",
        "line": 17,
        "column": 11,
        "severity": "error",
        "code": "invalid-choice",
        "message": "kind: 'bnk' is not allowed (did you mean 'bank'?)",
        "hint": "choose one of: bank, authority, municipality, association, study_association, "
        "school, company, other",
    }


def test_warnings_fail_only_with_strict(runner: CliRunner, make_repo: Callable[..., Path]) -> None:
    repo = make_repo(
        {
            "data/actors.yaml": ACTORS + "  - id: x\n    name: X\n    kind: other\n"
            "    scope: local\n    reviewed: 2026-09-01\n"
        }
    )
    assert runner.invoke(app, ["validate", "--root", str(repo)]).exit_code == 0
    assert runner.invoke(app, ["validate", "--root", str(repo), "--strict"]).exit_code == 1


@pytest.mark.usefixtures("english")
def test_an_invisible_character_in_data_or_an_entry_is_a_located_warning(
    runner: CliRunner, make_repo: Callable[..., Path]
) -> None:
    entry = "data/inventory/2026/2026-08-22-test-000001.yaml"
    repo = make_repo(
        {
            "data/actors.yaml": ACTORS.replace("name: ", "name: \u202e", 1),
            entry: ENTRY.replace("Migrationsverkets", "Migrations\u200bverkets"),
        }
    )
    result = runner.invoke(app, ["validate", "--root", str(repo), "--format", "json"])
    found = [
        (f["file"], f["line"], f["column"], f["severity"])
        for f in json.loads(result.output)
        if f["code"] == "invisible-character"
    ]
    name_line = ACTORS.splitlines().index(next(x for x in ACTORS.splitlines() if "name: " in x))
    name_column = ACTORS.splitlines()[name_line].index("name: ") + len("name: ") + 1
    assert found == [
        ("data/actors.yaml", name_line + 1, name_column, "warning"),
        (entry, 2, len("description: Ärende på Migrations") + 1, "warning"),
    ]
    assert result.exit_code == 0  # a warning: --strict makes it fail
    assert runner.invoke(app, ["validate", "--root", str(repo), "--strict"]).exit_code == 1


def test_root_discovery_from_a_subfolder(
    runner: CliRunner, make_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo()
    monkeypatch.delenv("REFERRAL_ROOT", raising=False)
    monkeypatch.chdir(repo / "data" / "inventory")
    assert runner.invoke(app, ["validate"]).exit_code == 0


def test_root_from_environment(
    runner: CliRunner,
    make_repo: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("REFERRAL_ROOT", str(make_repo()))
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["validate"]).exit_code == 0


def test_no_repository_is_a_usage_error(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REFERRAL_ROOT", raising=False)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 2
    assert "no guideline repository found" in result.output


def test_unknown_option_is_a_usage_error(runner: CliRunner) -> None:
    assert runner.invoke(app, ["validate", "--bogus"]).exit_code == 2


def test_unexpected_errors_exit_3_without_traceback(
    runner: CliRunner, make_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import referral_cli.commands.validate as core

    def explode(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(core, "validate_repository", explode)
    result = runner.invoke(app, ["validate", "--root", str(make_repo())])
    assert result.exit_code == 3
    assert "unexpected error (RuntimeError): boom" in result.output
    assert "Traceback" not in result.output


def test_bundled_example_validates_without_errors(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", "--root", str(REPO_ROOT), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [f for f in json.loads(result.output) if f["severity"] == "error"] == []


def test_help_imports_neither_yaml_nor_jinja_nor_models() -> None:
    code = (
        "import sys\n"
        "sys.argv = ['referral', '--help']\n"
        "from referral_cli.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('yaml', 'jinja2', 'pydantic', 'referral_cli.models',"
        " 'referral_cli.store.yamlio') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "HEAVY []" in result.stdout


# --- hostile data never crashes and never reaches the terminal (issue 15, items 3-4) --

DEEP_KIND = ACTORS.replace("kind: bank", "kind: " + "[" * 500 + "]" * 500, 1)
ESCAPED_NAME = ACTORS.replace("name: Banken", 'name: "Ban\\e[31mken\\e]0;TITEL\\a"', 1)
COMMANDS = [
    ["validate"],
    ["lookup", "bank"],
    ["render", "--format", "md"],
    ["actors"],
    ["review"],
    ["add-question", "--no-input", "--description", "Ett ärende."],
]


@pytest.mark.parametrize("actors", [DEEP_KIND, ESCAPED_NAME], ids=["deep", "escape"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_hostile_actors_file_is_a_located_error_in_every_command(
    runner: CliRunner,
    make_repo: Callable[..., Path],
    tmp_path: Path,
    actors: str,
    command: list[str],
) -> None:
    repo = make_repo({"data/actors.yaml": actors})
    extra = ["--out", str(tmp_path / "out")] if command[0] == "render" else []
    result = runner.invoke(app, [*command, "--root", str(repo), *extra])
    assert result.exit_code == 1, result.output
    assert "data/actors.yaml:" in result.output
    assert "\x1b" not in result.output and "\x07" not in result.output


# --- version, -h, and the bug message (issue 16, item 1) ---------------------------------


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(runner: CliRunner, flag: str) -> None:
    from referral_cli import __version__

    result = runner.invoke(app, [flag])
    assert (result.exit_code, result.output) == (0, f"referral {__version__}\n")


def test_the_version_is_written_once() -> None:
    import tomllib

    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and project["project"]["dynamic"] == ["version"]
    assert project["tool"]["hatch"]["version"]["path"] == "src/referral_cli/__init__.py"


@pytest.mark.parametrize("command", [[], ["validate"], ["actors", "show"], ["report", "actor"]])
def test_h_is_help_everywhere(runner: CliRunner, command: list[str]) -> None:
    short, long = runner.invoke(app, [*command, "-h"]), runner.invoke(app, [*command, "--help"])
    assert short.exit_code == 0 and short.output == long.output
    assert "Usage: referral" in short.output


def test_the_bug_message_names_the_version(
    runner: CliRunner, make_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import referral_cli.commands.validate as core
    from referral_cli import __version__

    def explode(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(core, "validate_repository", explode)
    result = runner.invoke(app, ["validate", "--root", str(make_repo())])
    assert result.exit_code == 3
    assert result.output.endswith(
        f"please report it with the command you ran and this version: referral {__version__}.\n"
    )


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish", "powershell"])
def test_completion_scripts_for_every_shell(shell: str) -> None:
    from typer._completion_shared import get_completion_script

    script = get_completion_script(
        prog_name="referral", complete_var="_REFERRAL_COMPLETE", shell=shell
    )
    assert "_REFERRAL_COMPLETE" in script


def test_install_and_show_completion_are_offered(runner: CliRunner) -> None:
    result = runner.invoke(app, ["-h"])
    assert "--install-completion" in result.output and "--show-completion" in result.output


# --- SIGTERM and SIGHUP (issue 15, item 10): a killed import leaves nothing -----------------


def _import_log(path: Path, rows: int) -> None:
    lines = ["date,description,reasons,minutes"]
    lines += [
        f"2026-08-20,Hjälp med blankett {n % 7} och utskrift.,time,{n % 60}" for n in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _anything_in(folder: Path) -> bool:
    """True once the import has created anything at all under `folder`."""
    return any(True for _ in folder.rglob("*")) if folder.exists() else False


def _an_entry_in(folder: Path) -> bool:
    """True once the first entry has its final name (the publish has begun)."""
    if not folder.exists():
        return False
    return any(not p.name.startswith(".") for p in folder.rglob("*.yaml"))


def _kill_when(
    root: Path, log: Path, signal_number: int, ready: Callable[[Path], bool]
) -> subprocess.CompletedProcess[str]:
    """Run a real import and send it `signal_number` as soon as `ready(inventory)`."""
    import os
    import time

    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "referral_cli", "add-question", "--root", str(root)]
    process = subprocess.Popen(
        [*command, "--from-file", str(log), "--no-input", "--yes"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    deadline = time.monotonic() + 120
    inventory = root / "data/inventory"
    while process.poll() is None and time.monotonic() < deadline:
        if ready(inventory):
            process.send_signal(signal_number)
            break
        time.sleep(0.001)
    out, err = process.communicate(timeout=120)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize(
    ("name", "ready"),
    [
        ("SIGTERM", _anything_in),  # while the entries are staged
        ("SIGHUP", _anything_in),
        ("SIGINT", _anything_in),
        ("SIGTERM", _an_entry_in),  # while they are published: held back, then undone
    ],
)
def test_a_killed_import_leaves_either_nothing_or_everything(
    make_repo: Callable[..., Path], tmp_path: Path, name: str, ready: Callable[[Path], bool]
) -> None:
    import signal

    root = make_repo({"data/inventory/2026/2026-08-22-test-000001.yaml": None})
    log = tmp_path / "log.csv"
    _import_log(log, 200)
    result = _kill_when(root, log, getattr(signal, name), ready)
    left = sorted(p.relative_to(root).as_posix() for p in (root / "data/inventory").rglob("*"))
    entries = [p for p in left if p.endswith(".yaml") and "/." not in f"/{p}"]
    if result.returncode == 0:  # the signal came after the last file was published
        assert len(entries) == 200, result.stderr
    else:
        assert (result.returncode, result.stderr) == (130, "Interrupted: nothing was written.\n")
        assert entries == []
    # No temporary file or staging folder holding an entry's text, whichever happened.
    assert [p for p in left if any(part.startswith(".") for part in p.split("/"))] == []
