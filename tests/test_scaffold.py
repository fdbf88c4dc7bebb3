from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from referral_cli import __version__
from referral_cli.cli import app
from referral_cli.commands.lookup import run_lookup
from referral_cli.commands.validate import validate_repository
from referral_cli.errors import UsageError
from referral_cli.scaffold import CI_FILES, add_pipeline, ci_files, create_repository

# The English wording; the language rule is tested in tests/cli/test_errors.py.
pytestmark = pytest.mark.usefixtures("english")


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


@pytest.mark.parametrize(
    ("language", "query", "row"),
    [("sv", "nätbank", "bank-e-legitimation"), ("en", "netbank", "bank-e-id")],
)
def test_the_commented_synonyms_work_once_uncommented(
    tmp_path: Path, language: str, query: str, row: str
) -> None:
    target = tmp_path / "riktlinjer"
    create_repository(target, language=language, today=date(2026, 11, 28))
    library = target / "data/library.yaml"
    text = library.read_text(encoding="utf-8")
    assert "\n# synonyms:\n" in text
    library.write_text(
        text.replace("\n# synonyms:", "\nsynonyms:").replace("\n#   ", "\n  "), encoding="utf-8"
    )
    assert validate_repository(target, today=date(2026, 11, 28)).findings == []  # no warnings
    result = run_lookup(target, [query])
    assert result.answer is not None and result.answer.item.row.id == row


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


# --------------------------------------------------------------------------- pipelines

PROJECT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PRE_COMMIT = shutil.which("pre-commit", path=str(BIN))


@pytest.mark.parametrize("forge", sorted(CI_FILES))
@pytest.mark.parametrize("language", ["sv", "en"])
def test_init_with_ci_writes_the_pipeline_and_still_validates(
    tmp_path: Path, language: str, forge: str
) -> None:
    written = create_repository(tmp_path, language=language, today=date(2026, 11, 28), ci=forge)
    (pipeline,) = ci_files(forge)
    assert tmp_path / pipeline in written
    text = (tmp_path / pipeline).read_text(encoding="utf-8")
    assert f'REFERRAL_PACKAGE: "referral-cli[pdf]=={__version__}"' in text
    assert validate_repository(tmp_path, today=date(2026, 11, 28)).findings == []


def test_init_without_ci_writes_no_pipeline(tmp_path: Path) -> None:
    create_repository(tmp_path, ci="none")
    assert not (tmp_path / ".gitlab-ci.yml").exists()
    assert not (tmp_path / ".github").exists()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda root: create_repository(root, ci="gitlb"),
            "--ci: unknown forge 'gitlb' (did you mean 'gitlab'?); choose from gitlab, github, none",
        ),
        (
            lambda root: add_pipeline(root, "githb"),
            "unknown forge 'githb' (did you mean 'github'?): choose from gitlab, github",
        ),
        (
            lambda root: add_pipeline(root, "none"),
            "unknown forge 'none': choose from gitlab, github",
        ),
    ],
)
def test_an_unknown_forge_is_refused_before_anything_is_written(
    tmp_path: Path, call: Callable[[Path], object], message: str
) -> None:
    with pytest.raises(UsageError) as caught:
        call(tmp_path / "r")
    assert str(caught.value) == message
    assert not (tmp_path / "r").exists()


def test_ci_setup_adds_a_pipeline_to_a_repository_and_never_overwrites_it(tmp_path: Path) -> None:
    create_repository(tmp_path)
    assert add_pipeline(tmp_path, "github") == [tmp_path / ".github/workflows/referral.yml"]
    (tmp_path / ".gitlab-ci.yml").write_text("# ours\n", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        add_pipeline(tmp_path, "gitlab")
    assert str(caught.value) == (
        f"refusing to overwrite {tmp_path / '.gitlab-ci.yml'}: the repository already has this "
        "pipeline. Edit it, or remove it to get a new one."
    )
    assert (tmp_path / ".gitlab-ci.yml").read_text(encoding="utf-8") == "# ours\n"


def test_init_and_ci_setup_on_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(app, ["init", str(tmp_path / "r"), "--ci", "github"])
    assert result.exit_code == 0, result.output
    assert result.output.endswith(
        "Next: commit .github/workflows/referral.yml; its first lines say what each job does "
        "and how to turn on Pages.\n"
    )
    result = runner.invoke(app, ["ci", "setup", "gitlab", "--root", str(tmp_path / "r")])
    assert result.exit_code == 0, result.output
    # shown relative to the working folder, as init shows what it wrote
    assert result.output.splitlines()[0] == "r/.gitlab-ci.yml"
    again = runner.invoke(app, ["ci", "setup", "gitlab", "--root", str(tmp_path / "r")])
    assert again.exit_code == 2
    assert "refusing to overwrite" in again.output
    wrong = runner.invoke(app, ["init", str(tmp_path / "s"), "--ci", "jenkins"])
    assert wrong.exit_code == 2
    assert "--ci: unknown forge 'jenkins'" in wrong.output
    assert not (tmp_path / "s").exists()


# --------------------------------------------------------------------------- pre-commit


@pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed (test extra)")
@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_pre_commit_files_are_valid_for_pre_commit(tmp_path: Path, language: str) -> None:
    create_repository(tmp_path, language=language)
    for command, path in (
        ("validate-config", tmp_path / ".pre-commit-config.yaml"),
        ("validate-manifest", PROJECT / ".pre-commit-hooks.yaml"),
    ):
        result = subprocess.run(
            [str(PRE_COMMIT), command, str(path)], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed (test extra)")
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_pre_commit_hook_installs_referral_itself_and_blocks_a_bad_commit(
    tmp_path: Path,
) -> None:
    """As on a fresh machine: `referral` is not on PATH, pre-commit installs the pinned
    version into its own environment. The pinned version is this checkout, built as a
    wheel and offered to pip with PIP_FIND_LINKS, so nothing comes from the network that
    pip's own configuration does not already allow."""
    wheels = tmp_path / "wheels"
    offline = {"PIP_RETRIES": "0", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}  # no minutes of retries
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(PROJECT)],
        capture_output=True, text=True, env={**os.environ, **offline},
    )  # fmt: skip
    assert build.returncode == 0, build.stderr
    repo = tmp_path / "riktlinjer"
    create_repository(repo, language="sv")
    path = os.pathsep.join(
        d for d in os.environ.get("PATH", "").split(os.pathsep) if d and Path(d) != BIN
    )
    assert shutil.which("referral", path=path) is None, "referral must not be on PATH here"
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "REFERRAL_ROOT")},
        **offline,
        "PATH": path,
        "PIP_FIND_LINKS": str(wheels),
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "REFERRAL_CACHE_DIR": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
    }

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        # git shows the hook's output on standard error: read both together
        return subprocess.run(
            command, cwd=repo, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )

    assert run("git", "init", "-q").returncode == 0
    assert run(str(PRE_COMMIT), "install").returncode == 0
    actors = repo / "data/actors.yaml"
    good = actors.read_text(encoding="utf-8")
    actors.write_text(good.replace("kind: bank", "kind: bnak"), encoding="utf-8")
    run("git", "add", "-A")
    blocked = run("git", "commit", "-q", "-m", "Första versionen")
    assert blocked.returncode == 1, blocked.stdout
    line = 1 + good.splitlines().index("    kind: bank")
    assert f"data/actors.yaml:{line}:11: error: kind: 'bnak' is not allowed" in blocked.stdout
    assert run("git", "rev-parse", "--verify", "-q", "HEAD").returncode != 0  # no commit

    actors.write_text(good, encoding="utf-8")
    run("git", "add", "-A")
    clean = run("git", "commit", "-q", "-m", "Första versionen")
    assert clean.returncode == 0, clean.stdout
    assert "referral validate" in clean.stdout and "Passed" in clean.stdout
