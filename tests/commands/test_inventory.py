from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from referral_cli.cli import app
from referral_cli.commands.inventory import list_inventory
from referral_cli.records import RecordFilter
from referral_cli.store.inventory_writer import FIELD_ORDER
from tests.conftest import LIBRARY
from tests.inventory_repo import BARE, BARE_FILE, BASE, FILES, MARCH_FILE, SIM_FILE


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def repo(make_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("REFERRAL_ROOT", raising=False)
    return make_repo(FILES)


def listed(repo: Path, **conditions: object) -> list[str]:
    return [e.display for e in list_inventory(repo, RecordFilter(**conditions)).entries]  # type: ignore[arg-type]


def test_entries_are_sorted_by_date(repo: Path) -> None:
    assert listed(repo) == [MARCH_FILE, BASE, SIM_FILE, BARE_FILE]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], [MARCH_FILE, BASE, SIM_FILE, BARE_FILE]),
        (["--since", "2026-08-22"], [BASE, SIM_FILE, BARE_FILE]),
        (["--until", "2026-08-22"], [MARCH_FILE, BASE]),
        (["--since", "2026-08-23", "--until", "2026-08-23"], [SIM_FILE]),
        (["--branch", "norrby"], [MARCH_FILE]),
        (["--branch", "norrby", "--branch", "centrum"], [MARCH_FILE, BASE, SIM_FILE]),
        (["--reason", "privacy"], [MARCH_FILE, BASE]),
        (["--reason", "time", "--reason", "legal"], [MARCH_FILE, SIM_FILE]),
        (["--period", "vt-2026"], [MARCH_FILE]),
        (["--period", "ht-2026"], [BASE, SIM_FILE]),
        (["--category", "telefoner"], [SIM_FILE]),
        (["--unmatched"], [MARCH_FILE, BARE_FILE]),
        (["--unmatched", "--reason", "privacy"], [MARCH_FILE]),
        (["--since", "2026-09-01"], [BARE_FILE]),
        (["--since", "2026-10-01"], []),
    ],
)
def test_filters(runner: CliRunner, repo: Path, args: list[str], expected: list[str]) -> None:
    result = runner.invoke(app, ["inventory", "--root", str(repo), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    assert [record["file"] for record in json.loads(result.stdout)] == expected


def test_json_carries_every_field(runner: CliRunner, repo: Path) -> None:
    result = runner.invoke(
        app, ["inventory", "--root", str(repo), "--format", "json", "--period", "vt-2026"]
    )
    assert json.loads(result.stdout) == [
        {
            "date": "2026-03-05",
            "description": "Skanna pass och bifoga det i en visumansökan på ett annat lands "
            "webbplats.",
            "branch": "norrby",
            "reflection": "Osäker på om jag fick hantera en kopia av passet.",
            "reasons": ["privacy", "legal", "language"],
            "category": None,
            "row": None,
            "referred_to": ["skatteverket"],
            "sent_by": [],
            "outcome": "partly",
            "minutes": 25,
            "read_level": 3,
            "recorded_by": "OS",
            "period": "vt-2026",
            "file": MARCH_FILE,
        }
    ]


def test_csv_carries_every_field(runner: CliRunner, repo: Path) -> None:
    result = runner.invoke(app, ["inventory", "--root", str(repo), "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == [*FIELD_ORDER, "file"]
    assert rows[0] == {
        "date": "2026-03-05",
        "description": "Skanna pass och bifoga det i en visumansökan på ett annat lands webbplats.",
        "branch": "norrby",
        "reflection": "Osäker på om jag fick hantera en kopia av passet.",
        "reasons": "privacy;legal;language",
        "category": "",
        "row": "",
        "referred_to": "skatteverket",
        "sent_by": "",
        "outcome": "partly",
        "minutes": "25",
        "read_level": "3",
        "recorded_by": "OS",
        "period": "vt-2026",
        "file": MARCH_FILE,
    }
    assert [row["file"] for row in rows] == [MARCH_FILE, BASE, SIM_FILE, BARE_FILE]
    assert rows[2]["description"] == "Återställa ett SIM-kort: PUK-koden fanns i kundportalen."


def test_csv_export_can_be_imported_again_without_the_file_column(
    runner: CliRunner, repo: Path, tmp_path: Path
) -> None:
    exported = runner.invoke(app, ["inventory", "--root", str(repo), "--format", "csv"]).stdout
    rows = list(csv.reader(io.StringIO(exported)))
    target = tmp_path / "again.csv"
    with target.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(row[:-1] for row in rows)
    result = runner.invoke(
        app, ["add-question", "--root", str(repo), "--no-input", "--from-file", str(target)]
    )
    assert result.exit_code == 0, result.output
    again = runner.invoke(app, ["inventory", "--root", str(repo), "--format", "json"]).stdout
    records = json.loads(again)
    assert len(records) == 8
    by_file = sorted(records, key=lambda r: (r["date"], r["file"]))
    for first, second in zip(by_file[::2], by_file[1::2], strict=True):
        assert {k: v for k, v in first.items() if k != "file"} == {
            k: v for k, v in second.items() if k != "file"
        }


def test_table_shows_reason_labels_in_the_library_language(runner: CliRunner, repo: Path) -> None:
    result = runner.invoke(app, ["inventory", "--root", str(repo), "--reason", "legal"])
    assert result.exit_code == 0
    assert "Juridik" in result.stdout
    assert "Integritet /" in result.stdout
    assert "legal" not in result.stdout
    assert result.stdout.rstrip().endswith("1 fråga")


def test_own_reason_labels_are_used(runner: CliRunner, make_repo: Callable[..., Path]) -> None:
    library = LIBRARY + (
        "reasons:\n  - id: language\n    label: Språket\n  - id: privacy\n    label: Integritet\n"
    )
    repo = make_repo({"data/library.yaml": library})
    result = runner.invoke(app, ["inventory", "--root", str(repo), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Språket" in result.stdout and "Why it chafed" in result.stdout


def test_nothing_matches(runner: CliRunner, repo: Path) -> None:
    result = runner.invoke(app, ["inventory", "--root", str(repo), "--since", "2026-10-01"])
    assert result.exit_code == 0
    assert result.stdout == "Inga frågor matchar.\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--branch", "norby"],
            "error: --branch: unknown branch 'norby' (did you mean 'norrby'?); "
            "known: centrum, norrby",
        ),
        (
            ["--reason", "privcy"],
            "error: --reason: unknown reason 'privcy' (did you mean 'privacy'?); known: "
            "competence, ethical, language, legal, other, privacy, technical, time",
        ),
        (
            ["--period", "ht-2025"],
            "error: --period: unknown period 'ht-2025' (did you mean 'ht-2026'?); "
            "known: ht-2026, vt-2026",
        ),
        (
            ["--category", "telefon"],
            "error: --category: unknown category 'telefon' (did you mean 'telefoner'?); "
            "known: dokument, telefoner",
        ),
        (
            ["--since", "22/8"],
            "error: --since: '22/8' is not a date written as YYYY-MM-DD (e.g. 2026-08-22)",
        ),
        (
            ["--since", "2026-09-01", "--until", "2026-08-01"],
            "error: --since 2026-09-01 is after --until 2026-08-01; nothing can match",
        ),
        (["--lang", "fi"], "error: --lang: unknown language 'fi'; choose sv or en"),
    ],
)
def test_bad_filters_are_usage_errors(
    runner: CliRunner, repo: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(app, ["inventory", "--root", str(repo), *args])
    assert result.exit_code == 2
    assert result.stderr == message + "\n"


def test_unknown_format_is_a_usage_error(runner: CliRunner, repo: Path) -> None:
    assert runner.invoke(app, ["inventory", "--root", str(repo), "--format", "xml"]).exit_code == 2


def test_a_broken_entry_stops_the_listing(runner: CliRunner, repo: Path) -> None:
    (repo / "data/inventory/2026/trasig.yaml").write_text("date: 2026-08-01\n", encoding="utf-8")
    result = runner.invoke(app, ["inventory", "--root", str(repo), "--format", "csv"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert (
        "data/inventory/2026/trasig.yaml:1:1: error: missing required key 'description'"
        in result.stderr
    )


def test_unknown_references_do_not_stop_the_listing(runner: CliRunner, repo: Path) -> None:
    (repo / BARE_FILE).write_text(BARE + "reasons: [egen]\n", encoding="utf-8")
    result = runner.invoke(app, ["inventory", "--root", str(repo), "--reason", "egen"])
    assert result.exit_code == 0, result.output
    assert "egen" in result.stdout  # shown by its id when it has no label
