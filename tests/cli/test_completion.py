"""Tab completes choices and the repository's own ids, fast and without pydantic."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from referral_cli.cli.completion import _matching, choices

REPO_ROOT = Path(__file__).resolve().parents[2]
# Neither the models nor validation nor templates: ids come from the cache or a bare parse.
# (pydantic itself is not listed: typer 0.2x imports it to convert option values.)
HEAVY = ("referral_cli.models", "referral_cli.rules.validation", "jinja2")


def complete(words: str, env: dict[str, str] | None = None, cwd: Path = REPO_ROOT) -> list[str]:
    """What bash would offer for the last word of `words`, asked of a real process."""
    code = (
        f"HEAVY = {HEAVY!r}\n"
        "import sys\n"
        "sys.argv = ['referral']\n"
        "from referral_cli.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in HEAVY if m in sys.modules]\n"
        "sys.stderr.write(f'HEAVY {heavy}')\n"
    )
    parts = words.split(" ")
    environment = {
        **os.environ,
        **(env or {}),
        "_REFERRAL_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(parts) - 1),
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=environment,
        cwd=cwd,
        check=True,
    )
    assert "HEAVY []" in result.stderr, result.stderr
    return result.stdout.split()


def test_commands_and_options() -> None:
    assert complete("referral re") == ["render", "review", "rename", "report"]
    assert "--referred-to" in complete("referral add-question --re")


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("referral lookup --format j", ["json"]),
        ("referral actors --format v", ["vcf"]),
        ("referral review --format i", ["ics"]),
        ("referral stats --by re", ["reason", "referred_to", "read_level"]),
        ("referral render desk", ["desk-guide", "desk-page"]),
        ("referral actors --scope na", ["national"]),
        ("referral inventory --lang s", ["sv"]),
    ],
)
def test_choices(words: str, expected: list[str]) -> None:
    assert complete(words) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("referral add-question --row sim", ["sim-kort-puk"]),
        ("referral actors show skatt", ["skatteverket"]),
        ("referral report actor migr", ["migrationsverket"]),
        ("referral inventory --category telef", ["telefoner-enheter"]),
        ("referral add-question --branch no", ["norrby"]),
        ("referral stats --period vt", ["vt-2026"]),
        ("referral add-question --reason time,lang", ["time,language"]),
        ("referral rename ac", ["actor"]),
        ("referral rename actor skatt", ["skatteverket"]),
        ("referral rename row sim", ["sim-kort-puk"]),
        ("referral rename branch no", ["norrby"]),
        ("referral rename nonsense skatt", []),
    ],
)
def test_the_repositorys_own_ids(words: str, expected: list[str]) -> None:
    assert complete(words, cwd=REPO_ROOT / "data") == expected


def test_root_on_the_command_line_is_the_one_completed(
    make_repo: Callable[..., Path], tmp_path: Path
) -> None:
    repo = make_repo()
    assert complete(f"referral lookup --root {repo} bank", cwd=tmp_path) == []  # no ids there
    assert complete(f"referral add-question --root {repo} --row b", cwd=tmp_path) == [
        "bank-e-legitimation"
    ]


def test_no_repository_offers_nothing(tmp_path: Path) -> None:
    env = {"REFERRAL_ROOT": ""}
    assert complete("referral actors show s", env=env, cwd=tmp_path) == []


def test_matching_keeps_what_is_before_the_last_comma() -> None:
    pairs = [("time", "För tidskrävande"), ("technical", "För tekniskt"), ("legal", "Juridik")]
    assert _matching(pairs, "t") == [("time", "För tidskrävande"), ("technical", "För tekniskt")]
    assert _matching(pairs, "legal,ti") == [("legal,time", "För tidskrävande")]
    assert _matching(pairs, "x") == []


def test_choices_completer() -> None:
    assert choices("md", "html")(None, "h") == [("html", "")]  # type: ignore[arg-type]


def test_rename_completes_the_kinds_it_renames() -> None:
    from referral_cli.cli.completion import RENAMED_KINDS
    from referral_cli.commands.rename import KINDS

    assert RENAMED_KINDS == KINDS
