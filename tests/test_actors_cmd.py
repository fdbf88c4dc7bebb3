from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from referral_cli.cli import app
from referral_cli.commands.actors import (
    list_actors,
    render_detail,
    render_table,
    run_list,
    run_show,
    show_actor,
)
from referral_cli.errors import UsageError
from referral_cli.rules.loading import load_valid_guidelines
from referral_cli.store.repository import Guidelines
from tests.conftest import ENTRY
from tests.test_search import SEARCH_TREE

MakeRepo = Callable[..., Path]

# Two more questions: one referred to the bank, one to Skatteverket and the bank.
MORE_ENTRIES = {
    "data/inventory/2026/2026-08-24-kort-000002.yaml": (
        "date: 2026-08-24\ndescription: Spärra kortet.\nreferred_to: [bank]\nperiod: ht-2026\n"
    ),
    "data/inventory/2026/2026-08-25-id-000003.yaml": (
        "date: 2026-08-25\ndescription: ID-kort.\nreferred_to: [skatteverket, bank]\n"
    ),
}


@pytest.fixture
def repo(make_repo: MakeRepo) -> Path:
    return make_repo({**SEARCH_TREE, **MORE_ENTRIES})


@pytest.fixture
def guidelines(repo: Path) -> Guidelines:
    return load_valid_guidelines(repo)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def ids(summaries: list) -> list[str]:  # type: ignore[type-arg]
    return [s.actor.id for s in summaries]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["bank", "skatteverket", "operatoren", "kommunen"]),
        ({"statuses": ["none"]}, ["bank", "kommunen"]),
        ({"statuses": ["unknown"]}, ["operatoren"]),  # no relationship block: unknown
        ({"statuses": ["established", "unknown"]}, ["skatteverket", "operatoren"]),
        ({"kinds": ["authority", "bank"]}, ["bank", "skatteverket"]),
        ({"scopes": ["local"]}, ["kommunen"]),
        ({"scopes": ["national"], "statuses": ["none"]}, ["bank"]),
        ({"kinds": ["school"]}, []),
    ],
)
def test_filters(
    guidelines: Guidelines, filters: dict[str, list[str]], expected: list[str]
) -> None:
    assert ids(list_actors(guidelines, **filters)) == expected


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        (
            {"statuses": ["nne"]},
            "--status 'nne' is not allowed (did you mean 'none'?); "
            "choose one of: established, none, unknown",
        ),
        ({"kinds": ["myndighet"]}, "--kind 'myndighet' is not allowed; choose one of: bank,"),
        ({"scopes": ["lokal"]}, "--scope 'lokal' is not allowed (did you mean 'local'?)"),
    ],
)
def test_bad_filters_are_usage_errors(
    guidelines: Guidelines, filters: dict[str, list[str]], message: str
) -> None:
    with pytest.raises(UsageError) as caught:
        list_actors(guidelines, **filters)
    assert str(caught.value).startswith(message)


def test_rows_and_questions_are_counted(guidelines: Guidelines) -> None:
    summaries = {s.actor.id: s for s in list_actors(guidelines)}
    assert [item.row.id for item in summaries["skatteverket"].rows] == [
        "bank-e-legitimation",
        "passansokan",
    ]
    # conftest's ENTRY refers to skatteverket; MORE_ENTRIES add one more.
    assert "referred_to: [skatteverket]" in ENTRY
    assert summaries["skatteverket"].questions == 2
    assert summaries["skatteverket"].questions_by_period == (("-", 1), ("ht-2026", 1))
    assert summaries["bank"].questions == 2
    assert summaries["kommunen"].rows == ()
    assert summaries["kommunen"].questions == 0


def test_show_unknown_id_suggests_the_closest(guidelines: Guidelines) -> None:
    with pytest.raises(UsageError) as caught:
        show_actor(guidelines, "skateverket")
    assert str(caught.value) == (
        "no actor with id 'skateverket' (did you mean 'skatteverket'?); "
        "list them with 'referral actors'"
    )


def _render(function: Callable[..., None], view: object, width: int = 80) -> str:
    buffer = io.StringIO()
    function(view, Console(file=buffer, width=width, color_system=None))
    return buffer.getvalue()


def test_table(repo: Path) -> None:
    text = _render(render_table, run_list(repo, statuses=["none"]))
    assert text == (
        "                                                                     \n"
        " Namn / id                 Typ        Kontakt         Rader   Frågor \n"
        " ─────────────────────────────────────────────────────────────────── \n"
        " Din bank                  bank       ingen kontakt       1        2 \n"
        " bank                                                                \n"
        "                                                                     \n"
        " Kommunens kontaktcenter   kommunen   ingen kontakt       0        0 \n"
        " kommunen                                                            \n"
        "                                                                     \n"
        "2 av 4 aktörer.\n"
    )


def test_table_when_wide_shows_scope_and_owner(repo: Path) -> None:
    text = _render(render_table, run_list(repo, language="en"), width=120)
    header = text.splitlines()[1].split()
    assert header == ["Name", "/", "id", "Kind", "Scope", "Contact", "Owner", "Rows", "Questions"]
    assert "Kajsa" in text
    assert text.endswith("4 of 4 actors.\n")


def test_table_with_no_match(repo: Path) -> None:
    assert _render(render_table, run_list(repo, kinds=["school"])) == (
        "Inga aktörer matchar filtret.\n"
    )


def test_detail(repo: Path) -> None:
    text = _render(render_detail, run_show(repo, "skatteverket"))
    lines = [line.strip("│ ").rstrip() for line in text.splitlines()]
    assert lines[0].startswith("╭─ Skatteverket ─")
    for expected in [
        "Hjälper till med",
        "• ID-kort",
        "Telefon: 0771-567 567",
        "Webb: https://www.skatteverket.se",
        "Kontakt: etablerad",
        "Ansvarig: Kajsa",
        "Senast kontrollerad: 2026-09-01",
        "Rader i matrisen som hänvisar hit",
        "• bank-e-legitimation: Bankärenden och inloggning med e-legitimation",
        "Frågor i inventeringen som hänvisats hit",
        "2 (-: 1, ht-2026: 1)",
    ]:
        assert expected in lines, expected
    assert "skatteverket · myndighet · nationell" in lines[-1]


def test_detail_of_an_actor_no_row_refers_to(repo: Path) -> None:
    text = _render(render_detail, run_show(repo, "kommunen", language="en"))
    assert "No matrix row refers here yet." in text
    assert "Contact: no contact" in text


# --- the command ------------------------------------------------------------------------


def test_cli_list_is_the_default(runner: CliRunner, repo: Path) -> None:
    result = runner.invoke(app, ["actors", "--root", str(repo)])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("4 av 4 aktörer.\n")


def test_cli_status_none_answers_the_workshop_question(runner: CliRunner, repo: Path) -> None:
    result = runner.invoke(app, ["actors", "--status", "none", "--root", str(repo)])
    assert result.exit_code == 0, result.output
    assert "Din bank" in result.output and "Kommunens kontaktcenter" in result.output
    assert "Skatteverket" not in result.output


def test_cli_list_json(runner: CliRunner, repo: Path) -> None:
    result = runner.invoke(
        app, ["actors", "--kind", "bank", "--format", "json", "--root", str(repo)]
    )
    [actor] = json.loads(result.output)
    assert actor["id"] == "bank"
    assert actor["status"] == "none"
    assert actor["questions"] == 2
    assert [r["row"] for r in actor["rows"]] == ["bank-e-legitimation"]
    assert actor["contact"]["website"] == "https://www.bankid.com"


def test_cli_show(runner: CliRunner, repo: Path) -> None:
    result = runner.invoke(app, ["actors", "show", "operatoren", "--root", str(repo)])
    assert result.exit_code == 0, result.output
    assert "Kontakt: okänd" in result.output
    assert "Adress: Köpcentrum, Handelsvägen 5" in result.output


def test_cli_show_takes_root_and_lang_from_the_group(runner: CliRunner, repo: Path) -> None:
    result = runner.invoke(
        app, ["actors", "--root", str(repo), "--lang", "en", "show", "bank", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["questions_by_period"] == {"-": 1, "ht-2026": 1}
    result = runner.invoke(app, ["actors", "--root", str(repo), "--lang", "en", "show", "bank"])
    assert "Refer" not in result.output and "Helps with" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "skateverket"], "error: no actor with id 'skateverket' (did you mean"),
        (["--status", "nne"], "error: --status 'nne' is not allowed (did you mean 'none'?)"),
        (["show"], "Missing argument 'ID'."),
    ],
)
def test_cli_usage_errors(runner: CliRunner, repo: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["actors", *args, "--root", str(repo)])
    assert result.exit_code == 2
    assert message in result.output


def test_cli_bad_data_exits_1(runner: CliRunner, make_repo: MakeRepo) -> None:
    actors = SEARCH_TREE["data/actors.yaml"].replace("status: none", "status: nej", 1)
    repo = make_repo({**SEARCH_TREE, "data/actors.yaml": actors})
    result = runner.invoke(app, ["actors", "--root", str(repo)])
    assert result.exit_code == 1
    assert "data/actors.yaml:11:15: error: status: 'nej' is not allowed" in result.output


def test_square_brackets_in_data_are_printed_as_typed(
    make_repo: MakeRepo, runner: CliRunner
) -> None:
    # Rich would read '[/x]' as a closing markup tag and crash; the data is plain text.
    actors = SEARCH_TREE["data/actors.yaml"].replace("name: Skatteverket", "name: Skatte [/x] [b]")
    repo = make_repo({**SEARCH_TREE, "data/actors.yaml": actors})
    listing = runner.invoke(app, ["actors", "--root", str(repo)], env={"COLUMNS": "120"})
    assert listing.exit_code == 0, listing.output
    assert "Skatte [/x] [b]" in listing.output
    detail = runner.invoke(app, ["actors", "show", "skatteverket", "--root", str(repo)])
    assert detail.exit_code == 0, detail.output
    assert "Skatte [/x] [b]" in detail.output
