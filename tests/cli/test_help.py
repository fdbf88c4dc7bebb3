"""Help reads the same in every command: words or choices as metavars, defaults named,
environment variables shown, one plain sentence first (issue 16, item 2)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from referral_cli.cli import app

runner = CliRunner()
# A metavar is a word (DIR, FILE, ID, DIR|FILE) or the choices themselves (text|json).
METAVAR = re.compile(r"^(?:[A-Z][A-Z0-9_]*(?:\|[A-Z][A-Z0-9_]*)*|[a-z0-9_-]+(?:\|[a-z0-9_-]+)+)$")


def _commands(command: Any = None, path: str = "referral") -> Iterator[tuple[str, Any]]:
    command = command or typer.main.get_command(app)
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, f"{path} {name}")


COMMANDS = dict(_commands())
PARAMS = [
    (f"{path} {param.name}", param)
    for path, command in COMMANDS.items()
    for param in command.params
    if not getattr(param, "hidden", False) and "--help" not in param.opts
]


@pytest.mark.parametrize(("where", "param"), PARAMS, ids=[w for w, _ in PARAMS])
def test_every_value_has_a_metavar_that_reads_as_a_word(where: str, param: Any) -> None:
    if getattr(param, "is_flag", False):
        assert not param.secondary_opts, f"{where}: a flag, not --x/--no-x"
        return
    assert param.metavar and METAVAR.match(param.metavar), f"{where}: {param.metavar!r}"


@pytest.mark.parametrize(("where", "param"), PARAMS, ids=[w for w, _ in PARAMS])
def test_every_parameter_is_explained(where: str, param: Any) -> None:
    assert (getattr(param, "help", None) or "").strip(), where


@pytest.mark.parametrize("path", list(COMMANDS))
def test_help_opens_with_one_short_sentence_and_shows_no_type_names(path: str) -> None:
    result = runner.invoke(app, [*path.split()[1:], "-h"])
    assert result.exit_code == 0, result.output
    assert not re.search(r"<[a-z][^<>]*>", result.output), result.output  # `<list[str]>`
    first = " ".join(str(COMMANDS[path].help).split()).split(". ")[0]
    assert first.endswith(".") or ". " in " ".join(str(COMMANDS[path].help).split())
    assert len(first) <= 100, first


def test_root_shows_its_environment_variable() -> None:
    result = runner.invoke(app, ["validate", "-h"])
    assert "REFERRAL_ROOT" in result.output
    assert "REFERRAL_NO_CACHE" in result.output


@pytest.mark.parametrize(
    "path",
    [
        path
        for path, command in COMMANDS.items()
        if any(p.name in ("root", "roots") for p in command.params)
    ],
)
def test_every_root_option_names_its_environment_variable(path: str) -> None:
    """stats' repeatable --root has no envvar= of its own but reads REFERRAL_ROOT too."""
    result = runner.invoke(app, [*path.split()[1:], "-h"], terminal_width=200)
    assert "REFERRAL_ROOT" in result.output, path


def test_root_from_the_environment_variable_is_the_option(monkeypatch: pytest.MonkeyPatch) -> None:
    root = next(p for p in COMMANDS["referral validate"].params if p.name == "root")
    assert root.envvar == "REFERRAL_ROOT"


def test_copied_constants_match_their_modules() -> None:
    from referral_cli.cli import data, options, render, review
    from referral_cli.commands import render as render_core
    from referral_cli.commands import stats
    from referral_cli.commands.review.formats import AGENDA_FORMATS
    from referral_cli.documents import ALL_FORMATS, FORMATS
    from referral_cli.scaffold import CI_FILES
    from referral_cli.store import cache, repository

    assert options.ROOT_ENV == repository.ROOT_ENV
    assert options.DOCUMENT_FORMATS == (*FORMATS, ALL_FORMATS)
    assert data.NO_CACHE_ENV == cache.NO_CACHE_ENV
    assert data.FORGES == tuple(CI_FILES)
    assert render.HANDOUTS == tuple(render_core.HANDOUTS)
    assert review.STATS_DIMENSIONS == stats.DIMENSIONS
    assert review.STATS_FORMATS == stats.FORMATS
    assert set(AGENDA_FORMATS) < set(review.REVIEW_FORMATS)


@pytest.mark.parametrize(
    ("path", "option", "vocabulary"),
    [
        ("referral actors", "kind", "kind"),  # too many for a metavar: listed in the help
        ("referral actors", "scope", "scope"),
        ("referral actors", "status", "status"),
        ("referral add-question", "outcome", "outcome"),
    ],
)
def test_help_lists_exactly_the_vocabulary(path: str, option: str, vocabulary: str) -> None:
    from referral_cli.i18n import vocabulary_values

    values = vocabulary_values(vocabulary)
    param = next(p for p in COMMANDS[path].params if p.name == option)
    in_words = f"{', '.join(values[:-1])} or {values[-1]}"
    assert param.metavar == "|".join(values) or in_words in str(param.help)
