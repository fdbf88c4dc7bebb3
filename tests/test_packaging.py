"""The wheel holds everything referral needs, and works installed on its own (issue 16, item 5).

Builds the wheel with `pip wheel .`, installs it into a fresh virtual environment (its
dependencies from the package index), and runs `init`, `validate` and `render` there.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from referral_cli import __version__

REPO_ROOT = Path(__file__).resolve().parents[1]
PACKAGE = REPO_ROOT / "src" / "referral_cli"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO_ROOT)],
        check=True,
        capture_output=True,
    )
    [built] = out.glob("referral_cli-*.whl")
    return built


def test_the_wheel_holds_templates_starter_files_and_the_license(wheel: Path) -> None:
    assert wheel.name.startswith(f"referral_cli-{__version__}-")
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in PACKAGE.rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            assert path.relative_to(PACKAGE.parent).as_posix() in names, path
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    assert "referral_cli/starter/sv/data/inventory/.gitkeep" in names
    assert "referral_cli/templates/style.css" in names


def test_the_metadata_says_what_it_needs(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        [metadata] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        text = archive.read(metadata).decode("utf-8")
    assert f"Version: {__version__}\n" in text
    assert "License-Expression: MIT\n" in text
    assert "Requires-Dist: typer>=0.19.0\n" in text
    assert "Classifier: Natural Language :: Swedish\n" in text
    assert "Project-URL: " in text


def test_installed_alone_it_starts_checks_and_prints(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", str(wheel)],
        check=True,
        capture_output=True,
    )
    referral = python.parent / "referral"

    def run(*args: str) -> str:
        result = subprocess.run(
            [str(referral), *args], cwd=tmp_path, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    assert run("--version") == f"referral {__version__}\n"
    run("init", "riktlinjer")
    assert run("validate", "--root", "riktlinjer").startswith(
        "Allt är i ordning"
    )  # a Swedish library: Swedish
    printed = run("render", "--root", "riktlinjer", "--out", "build", "--format", "md")
    assert "desk-guide.md" in printed
    assert (tmp_path / "build" / "referral-slips.md").is_file()
