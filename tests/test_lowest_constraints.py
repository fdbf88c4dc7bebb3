"""The constraints CI's lowest-versions run installs with (`.ci/lowest_constraints.py`)."""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "lowest_constraints", REPO_ROOT / ".ci" / "lowest_constraints.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


lowest = _script()


@pytest.mark.parametrize(
    ("requirement", "pin"),
    [
        ("typer>=0.19.0", "typer==0.19.0"),
        ("PyYAML >= 6.0", "PyYAML==6.0"),
        ("weasyprint[extra]>=68,<80", "weasyprint==68"),
        ("tomli>=2; python_version < '3.11'", "tomli==2"),
    ],
)
def test_pins(requirement: str, pin: str) -> None:
    assert lowest.lowest_pins([requirement]) == [pin]


@pytest.mark.parametrize("requirement", ["typer", "typer==0.19", "typer<1", "typer~=0.19"])
def test_a_dependency_without_a_minimum_is_refused(requirement: str) -> None:
    with pytest.raises(ValueError, match="has no '>=' minimum"):
        lowest.lowest_pins([requirement])


def test_every_runtime_dependency_is_pinned(capsys: pytest.CaptureFixture[str]) -> None:
    assert lowest.main([]) == 0
    pins = [line for line in capsys.readouterr().out.splitlines() if not line.startswith("#")]
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert len(pins) == len(project["project"]["dependencies"])
    assert "click==8.2.1" in pins and "pydantic==2.10.6" in pins


def test_an_extra_without_some_tools(capsys: pytest.CaptureFixture[str]) -> None:
    assert lowest.main(["--extra", "test", "--without", "Check_JSONSchema"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "pytest>=8" in lines and not any("check-jsonschema" in line for line in lines)
    assert lowest.main(["--extra", "nonexistent"]) == 2
