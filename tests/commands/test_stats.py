from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from referral_cli.cli import app
from referral_cli.commands.export import export_line
from referral_cli.commands.stats import (
    DIMENSIONS,
    check_filter_ids,
    compute_stats,
    key_label,
    resolve_dimensions,
    run_stats,
)
from referral_cli.dates import parse_date_option
from referral_cli.errors import UsageError
from referral_cli.formats.stats import format_csv
from referral_cli.records import Dataset, Labels, Record, RecordFilter, load_sources
from tests.conftest import write_tree

runner = CliRunner()


def entry(day: str, **fields: object) -> str:
    lines = [f"date: {day}", "description: Ett ärende om e-legitimation."]
    for key, value in fields.items():
        if isinstance(value, list):
            lines.append(f"{key}: [{', '.join(str(v) for v in value)}]")
        else:
            lines.append(f"{key}: {value}")
    return "\n".join(lines) + "\n"


# 2026-08-17 is a Monday, 2026-08-22 a Saturday.
ENTRIES = {
    "data/inventory/2026/a.yaml": entry(
        "2026-08-17",
        branch="centrum",
        reasons=["privacy", "legal"],
        category="dokument",
        row="bank-e-legitimation",
        referred_to=["bank"],
        sent_by=["skatteverket", "bank"],
        outcome="referred",
        minutes=10,
        read_level=3,
        period="ht-2026",
    ),
    "data/inventory/2026/b.yaml": entry(
        "2026-08-22",
        branch="centrum",
        reasons=["privacy"],
        outcome="helped",
        minutes=30,
        period="ht-2026",
    ),
    "data/inventory/2026/c.yaml": entry("2026-09-03", reasons=["time"], outcome="referred"),
}


@pytest.fixture
def repo(make_repo: Callable[..., Path]) -> Path:
    return make_repo({"data/inventory/2026/2026-08-22-test-000001.yaml": None, **ENTRIES})


def dataset_of(*records: Record) -> Dataset:
    return Dataset(list(records), Labels())


def test_counts_by_reason_with_minutes_and_labels(repo: Path) -> None:
    result = compute_stats(load_sources([repo]), ["reason"])
    assert result.total == 3
    assert result.minutes_total == 40
    assert result.minutes_median == 20.0
    assert [
        (b.key, b.label, b.count, b.minutes_total, b.minutes_median) for b in result.buckets
    ] == [
        ("privacy", "Integritet / personuppgifter", 2, 40, 20.0),
        ("legal", "Juridik", 1, 10, 10.0),
        ("time", "För tidskrävande", 1, 0, None),
    ]


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        ("branch", [("centrum", "Centrumbiblioteket", 2), (None, "(inget angivet)", 1)]),
        ("outcome", [("helped", "Hjälpt", 1), ("referred", "Hänvisad", 2)]),
        ("referred_to", [("bank", "Banken", 1), (None, "(inget angivet)", 2)]),
        (
            "sent_by",
            [
                ("bank", "Banken", 1),
                ("skatteverket", "Skatteverket", 1),
                (None, "(inget angivet)", 2),
            ],
        ),
        ("month", [("2026-08", "augusti 2026", 2), ("2026-09", "september 2026", 1)]),
        ("weekday", [(0, "måndag", 1), (3, "torsdag", 1), (5, "lördag", 1)]),
        ("read_level", [(3, "3", 1), (None, "(inget angivet)", 2)]),
        (
            "row",
            [
                ("bank-e-legitimation", "Bankärenden och inloggning med e-legitimation", 1),
                (None, "(inget angivet)", 2),
            ],
        ),
        (
            "category",
            [("dokument", "Dokument, ärenden och e-tjänster", 1), (None, "(inget angivet)", 2)],
        ),
        ("period", [("ht-2026", "ht-2026", 2), (None, "(inget angivet)", 1)]),
        ("library", [("Testbiblioteket", "Testbiblioteket", 3)]),
        ("municipality", [("Testkommun", "Testkommun", 3)]),
    ],
)
def test_every_dimension(repo: Path, by: str, expected: list[tuple[object, str, int]]) -> None:
    result = compute_stats(load_sources([repo]), [by])
    assert [(b.key, b.label, b.count) for b in result.buckets] == expected


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_dimension_and_weekday_has_a_label(language: str) -> None:
    labels = Labels()
    for dimension in DIMENSIONS:
        assert key_label(dimension, None, labels, language).startswith("(")
    weekdays = [key_label("weekday", day, labels, language) for day in range(7)]
    assert len(set(weekdays)) == 7


def test_an_outcome_from_a_newer_version_is_shown_as_written() -> None:
    assert key_label("outcome", "escalated", Labels(), "en") == "escalated"
    assert key_label("outcome", "partly", Labels(), "sv") == "Delvis hjälpt"


def test_english_labels(repo: Path) -> None:
    result = compute_stats(load_sources([repo]), ["weekday"], language="en")
    assert [b.label for b in result.buckets] == ["Monday", "Thursday", "Saturday"]
    result = compute_stats(load_sources([repo]), ["outcome"], language="en")
    assert [b.label for b in result.buckets] == ["Helped", "Referred"]


@pytest.mark.parametrize(
    ("filters", "total"),
    [
        (RecordFilter(), 3),
        (RecordFilter(since=parse_date_option("2026-08-20", "--since")), 2),
        (RecordFilter(until=parse_date_option("2026-08-22", "--until")), 2),
        (RecordFilter(periods=("ht-2026",)), 2),
        (RecordFilter(branches=("centrum",)), 2),
        (RecordFilter(branches=("centrum",), since=parse_date_option("2026-08-18", "--since")), 1),
        (RecordFilter(branches=("nowhere",)), 0),
        (RecordFilter(periods=("ht-2026", "vt-2026")), 2),
        (RecordFilter(reasons=("time", "legal")), 2),
    ],
)
def test_filters(repo: Path, filters: RecordFilter, total: int) -> None:
    assert compute_stats(load_sources([repo]), ["reason"], filters).total == total


def test_cross_table(repo: Path) -> None:
    result = compute_stats(load_sources([repo]), ["reason", "outcome"])
    assert [key for key, _ in result.columns] == ["helped", "referred"]
    cells = {b.key: [b.cells.get(k, 0) for k, _ in result.columns] for b in result.buckets}
    assert cells == {"privacy": [1, 1], "legal": [0, 1], "time": [0, 1]}
    assert format_csv(result).splitlines() == [
        "Skäl,Hjälpt,Hänvisad,Totalt",
        "Integritet / personuppgifter,1,1,2",
        "Juridik,0,1,1",
        "För tidskrävande,0,1,1",
    ]


@pytest.mark.parametrize(
    ("by", "message"),
    [
        (["reasn"], "--by: 'reasn' is not a field to count by (did you mean 'reason'?)"),
        (["reason", "reason"], "--by: give two different fields for a cross table"),
        (["reason", "month", "branch"], "--by can be given at most twice (a cross table)"),
    ],
)
def test_bad_dimensions(by: list[str], message: str) -> None:
    with pytest.raises(UsageError) as caught:
        compute_stats(dataset_of(), by)
    assert str(caught.value).startswith(message)


def test_an_unknown_dimension_stops_before_any_source_is_read(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="is not a field to count by"):
        run_stats([tmp_path / "nope"], ["colour"])


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        (["skäl"], ["reason"]),
        (["Skal", "MÅNAD"], ["reason", "month"]),
        (["hänvisad hit av", "bibliotek"], ["sent_by"] + ["branch"]),
        (["Referred to"], ["referred_to"]),
        (["read-nivå", "category"], ["read_level", "category"]),
    ],
)
def test_by_takes_a_field_as_people_type_it(typed: list[str], meant: list[str]) -> None:
    assert resolve_dimensions(typed) == meant


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("hänvisad", "--by: 'hänvisad' is not a field to count by (did you mean 'Hänvisad till'?)"),
        ("mnad", "--by: 'mnad' is not a field to count by (did you mean 'Månad'?)"),
    ],
)
def test_a_field_by_no_name_suggests_one_that_is_accepted(typed: str, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        resolve_dimensions([typed])
    assert str(caught.value).startswith(message)
    resolve_dimensions([message.split("'")[3]])  # what it suggests is itself accepted


def test_two_repositories_and_an_export_file_add_up(
    repo: Path, tmp_path: Path, make_repo: Callable[..., Path]
) -> None:
    other = write_tree(
        tmp_path / "other",
        {
            "data/library.yaml": "name: Annat bibliotek\nmunicipality: Annan kommun\nlanguage: en\n",
            "data/actors.yaml": "actors: []\n",
            "data/matrix.yaml": "categories: []\n",
            "data/inventory/x.yaml": entry("2026-08-18", reasons=["privacy"], minutes=5),
            "data/inventory/y.yaml": entry("2026-08-19", reasons=["language"]),
        },
    )
    export = tmp_path / "region.jsonl"
    lines = [
        export_line(
            Record(
                "Tredje",
                "Tredje kommun",
                parse_date_option("2026-08-20", "x"),
                reasons=("privacy",),
                minutes=7,
            )
        ),  # type: ignore[arg-type]
        "",
        export_line(
            Record(
                "Tredje", "Tredje kommun", parse_date_option("2026-08-21", "x"), outcome="declined"
            )
        ),  # type: ignore[arg-type]
    ]
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")

    separate = [compute_stats(load_sources([s]), ["library"]) for s in (repo, other, export)]
    combined = compute_stats(load_sources([repo, other, export]), ["library"])
    assert [r.total for r in separate] == [3, 2, 2]
    assert combined.total == 7
    assert sum(b.count for b in combined.buckets) == combined.total
    assert combined.minutes_total == sum(r.minutes_total for r in separate) == 52
    assert {b.key: b.count for b in combined.buckets} == {
        "Testbiblioteket": 3,
        "Annat bibliotek": 2,
        "Tredje": 2,
    }
    by_reason = compute_stats(load_sources([repo, other, export]), ["reason"])
    assert {b.key: b.count for b in by_reason.buckets}["privacy"] == 4
    # the first source's language wins
    assert by_reason.language == "sv"

    result = runner.invoke(
        app,
        [
            "stats",
            "--root",
            str(repo),
            "--root",
            str(other),
            "--root",
            str(export),
            "--by",
            "municipality",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["total"] == 7
    assert [(r["key"], r["count"]) for r in data["rows"]] == [
        ("Testkommun", 3),
        ("Annan kommun", 2),
        ("Tredje kommun", 2),
    ]


@pytest.mark.usefixtures("english")  # the English wording
def test_cli_bad_export_file_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"library":"B"}\n', encoding="utf-8")
    result = runner.invoke(app, ["stats", "--root", str(path), "--by", "reason"])
    assert result.exit_code == 1
    assert f"{path}:1:1: error: the key 'date' is missing" in result.output


@pytest.mark.usefixtures("english")  # the English wording
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "2026-8-1"], "error: --since: '2026-8-1' is not a date written as YYYY-MM-DD"),
        (["--by", "colour"], "error: --by: 'colour' is not a field to count by"),
        (["--format", "xml"], "error: --format: choose one of table, csv, json, html"),
        (["--lang", "de"], "error: --lang: unknown language 'de'; choose sv or en"),
        (
            ["--branch", "centrm"],
            "error: --branch: unknown branch 'centrm' (did you mean 'centrum'?)",
        ),
        (
            ["--period", "ht-2025"],
            "error: --period: unknown period 'ht-2025' (did you mean 'ht-2026'?)",
        ),
    ],
)
def test_cli_usage_errors(repo: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["stats", "--root", str(repo), *args])
    assert result.exit_code == 2
    assert message in result.output


@pytest.mark.usefixtures("english")  # the English wording
def test_cli_missing_source(tmp_path: Path) -> None:
    result = runner.invoke(app, ["stats", "--root", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "does not exist: give a guideline repository or an export file" in result.output


def test_cli_broken_repository_exits_1(make_repo: Callable[..., Path]) -> None:
    repo = make_repo({"data/inventory/bad.yaml": "date: 2026-08-22\n"})
    result = runner.invoke(app, ["stats", "--root", str(repo), "--by", "reason"])
    assert result.exit_code == 1
    assert "data/inventory/bad.yaml:1:1: error:" in result.output


def test_cli_table_and_csv(repo: Path) -> None:
    result = runner.invoke(app, ["stats", "--root", str(repo), "--by", "month", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("All questions by month (3 questions)\n")
    assert "August 2026" in result.output
    result = runner.invoke(
        app,
        ["stats", "--root", str(repo), "--by", "branch", "--format", "csv", "--period", "ht-2026"],
    )
    assert result.output.splitlines() == [
        "Bibliotek,Antal,Minuter,Median (min)",
        "Centrumbiblioteket,2,40,20",
    ]


def test_cli_branch_can_be_repeated(make_repo: Callable[..., Path]) -> None:
    library = (
        "name: B\nbranches:\n  - id: centrum\n    name: Centrum\n  - id: norrby\n    name: Norrby\n"
    )
    repo = make_repo(
        {
            "data/library.yaml": library,
            "data/inventory/2026/a.yaml": entry("2026-08-17", branch="centrum"),
            "data/inventory/2026/b.yaml": entry("2026-08-18", branch="norrby"),
            "data/inventory/2026/c.yaml": entry("2026-08-19"),
        }
    )
    args = ["stats", "--root", str(repo), "--format", "json", "--by", "branch"]
    data = json.loads(runner.invoke(app, [*args, "--branch", "centrum"]).output)
    assert (data["total"], data["filters"]["branch"]) == (2, "centrum")
    data = json.loads(
        runner.invoke(app, [*args, "--branch", "centrum", "--branch", "norrby"]).output
    )
    assert (data["total"], data["filters"]["branch"]) == (3, ["centrum", "norrby"])
    assert [row["key"] for row in data["rows"]] == ["centrum", "norrby"]


def test_cli_no_by_gives_totals(repo: Path) -> None:
    result = runner.invoke(app, ["stats", "--root", str(repo), "--format", "json"])
    data = json.loads(result.output)
    assert (data["total"], data["minutes_total"], data["rows"]) == (3, 40, [])


def test_empty_selection(repo: Path) -> None:
    result = runner.invoke(
        app, ["stats", "--root", str(repo), "--by", "reason", "--until", "2000-01-01"]
    )
    assert result.exit_code == 0
    assert "Inga frågor matchar urvalet." in result.output


# --- numbers that agree (issue 11 item 4) ------------------------------------------

AGREE_DIMENSIONS = ("reason", "branch", "referred_to", "sent_by", "outcome", "weekday")
ids = st.lists(st.sampled_from(["a", "b", "c"]), max_size=3)  # repeats too: [a, a]


@st.composite
def records(draw: st.DrawFn) -> Record:
    day = draw(st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)))
    return Record(
        "B",
        None,
        day,
        branch=draw(st.sampled_from([None, "centrum", "norrby"])),
        reasons=tuple(draw(ids)),
        referred_to=tuple(draw(ids)),
        sent_by=tuple(draw(ids)),
        outcome=draw(st.sampled_from([None, "helped", "referred"])),
    )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(records(), max_size=12),
    st.sampled_from(AGREE_DIMENSIONS),
    st.sampled_from(AGREE_DIMENSIONS),
)
def test_cross_table_totals_count_questions_whatever_the_order(
    items: list[Record], first: str, second: str
) -> None:
    assume(first != second)
    data = dataset_of(*items)
    one_way = compute_stats(data, [first, second])
    other_way = compute_stats(data, [second, first])
    alone = {first: compute_stats(data, [first]), second: compute_stats(data, [second])}
    rows = {b.key: b.count for b in one_way.buckets}
    assert rows == {b.key: b.count for b in alone[first].buckets}
    assert rows == other_way.column_totals
    assert one_way.column_totals == {b.key: b.count for b in other_way.buckets}
    # a total never exceeds the number of questions
    assert all(n <= len(items) for n in [*rows.values(), *one_way.column_totals.values()])


def test_cross_table_totals_in_both_orders_on_the_bundled_example() -> None:
    bundled = load_sources([Path(__file__).resolve().parents[2]])
    by_reason = compute_stats(bundled, ["reason", "branch"])
    by_branch = compute_stats(bundled, ["branch", "reason"])
    assert by_reason.column_totals == {b.key: b.count for b in by_branch.buckets}
    assert sum(by_reason.column_totals.values()) == by_reason.total == 16  # one branch each
    assert format_csv(by_branch).splitlines()[1:] == [
        f"{b.label},{','.join(str(b.cells.get(k, 0)) for k, _ in by_branch.columns)},{b.count}"
        for b in by_branch.buckets
    ]


def test_default_reason_labels_follow_the_language_in_every_source(
    repo: Path, tmp_path: Path
) -> None:
    # The test library keeps the default reasons; an export file carries ids only.
    export = tmp_path / "export.jsonl"
    result = runner.invoke(app, ["export", "--root", str(repo), "--out", str(export)])
    assert result.exit_code == 0, result.output
    for source in (repo, export):
        args = ["stats", "--root", str(source), "--by", "reason", "--format", "csv"]
        english = runner.invoke(app, [*args, "--lang", "en"]).output.splitlines()
        assert [line.split(",")[0] for line in english[1:]] == [
            "Privacy / personal data",
            "Legal",
            "Too time-consuming",
        ]
        swedish = runner.invoke(app, [*args, "--lang", "sv"]).output.splitlines()
        assert swedish[1].startswith("Integritet / personuppgifter,")


def test_a_library_s_own_reason_labels_stay_as_written(make_repo: Callable[..., Path]) -> None:
    own = "reasons:\n  - id: privacy\n    label: Integritet\n  - id: legal\n    label: Juridik\n"
    from tests.conftest import LIBRARY

    repo = make_repo(
        {
            "data/library.yaml": LIBRARY + own,
            "data/inventory/2026/2026-08-22-test-000001.yaml": entry(
                "2026-08-22", reasons=["privacy", "legal"]
            ),
        }
    )
    result = compute_stats(load_sources([repo]), ["reason"], language="en")
    assert [b.label for b in result.buckets] == ["Juridik", "Integritet"]
    # and the default ids it does not list are no filter values
    with pytest.raises(UsageError, match="unknown reason 'time'"):
        check_filter_ids(load_sources([repo]), RecordFilter(reasons=("time",)))


def test_the_default_reasons_are_filter_values_before_anyone_used_them(repo: Path) -> None:
    check_filter_ids(load_sources([repo]), RecordFilter(reasons=("competence",)))


def test_a_source_named_twice_is_counted_once_with_a_warning(repo: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.jsonl"
    runner.invoke(app, ["export", "--root", str(repo), "--out", str(export)])
    # The repository and its own export are different sources: both count.
    output = run_stats([repo, repo / "data" / "..", export, tmp_path / "." / "export.jsonl"])
    assert output.content.splitlines()[0] == "Alla frågor (6 frågor)"
    assert [w.format("en") for w in output.warnings] == [
        f"--root: warning: {repo / 'data' / '..'} is named more than once; its questions are "
        "counted once [duplicate-source]",
        f"--root: warning: {tmp_path / '.' / 'export.jsonl'} is named more than once; its "
        "questions are counted once [duplicate-source]",
    ]
    result = runner.invoke(app, ["stats", "--root", str(repo), "--root", str(repo)])
    assert result.exit_code == 0
    assert result.stdout.startswith("Alla frågor (3 frågor)")
    assert result.stderr == (
        f"--root: warning: {repo} anges mer än en gång; frågorna därifrån räknas en gång "
        "[duplicate-source]\n"
    )


# --- spreadsheets out (issue 11 item 3, issue 15 item 2) ---------------------------


@pytest.mark.parametrize("by", [["reason", "branch"], ["branch", "reason"], ["outcome"], []])
def test_the_xlsx_written_by_stats_reopens_with_the_same_numbers(
    repo: Path, tmp_path: Path, by: list[str]
) -> None:
    out = tmp_path / "stats.xlsx"
    dims = [arg for dimension in by for arg in ("--by", dimension)]
    result = runner.invoke(
        app, ["stats", "--root", str(repo), *dims, "--format", "xlsx", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(
        runner.invoke(app, ["stats", "--root", str(repo), *dims, "--format", "json"]).stdout
    )
    worksheet = openpyxl.load_workbook(out).active
    assert worksheet is not None
    rows = list(worksheet.iter_rows(values_only=True))
    if not by:
        assert rows[:2] == [("Antal", "Minuter", "Median (min)"), (3, 40, 20)]
        return
    body = rows[1 : 1 + len(data["rows"])]
    totals = rows[1 + len(data["rows"])]
    if "columns" in data:
        assert [tuple(row) for row in body] == [
            (r["label"], *r["cells"], r["count"]) for r in data["rows"]
        ]
        assert totals == ("Totalt", *[c["total"] for c in data["columns"]], data["total"])
    else:
        assert [tuple(row) for row in body] == [
            (r["label"], r["count"], r["minutes_total"], r["minutes_median"]) for r in data["rows"]
        ]
        assert totals == ("Totalt", data["total"], data["minutes_total"], data["minutes_median"])
    assert all(
        isinstance(cell, int | float) for row in body for cell in row[1:] if cell is not None
    )
    assert worksheet.freeze_panes == "B2"


def test_stats_csv_for_swedish_excel_has_a_decimal_comma(repo: Path) -> None:
    args = ["stats", "--root", str(repo), "--by", "branch", "--format", "csv", "--excel"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.decode("utf-8-sig").split("\r\n") == [
        "Bibliotek;Antal;Minuter;Median (min)",
        "Centrumbiblioteket;2;40;20",
        "(inget angivet);1;0;",
        "",
    ]
    result = runner.invoke(app, ["stats", "--root", str(repo), "--format", "csv", "--excel"])
    assert result.stdout_bytes.decode("utf-8-sig").split("\r\n")[1] == "3;40;20"


@pytest.mark.usefixtures("english")
def test_stats_excel_needs_csv(repo: Path) -> None:
    result = runner.invoke(app, ["stats", "--root", str(repo), "--excel", "--format", "html"])
    assert result.exit_code == 2
    assert (
        "--excel shapes CSV for Excel and only works with --format csv (not html)" in result.stderr
    )


def test_labels_that_look_like_formulas_are_neutralised(
    make_repo: Callable[..., Path], tmp_path: Path
) -> None:
    from tests.conftest import LIBRARY

    library = LIBRARY.replace(
        "name: Centrumbiblioteket", 'name: "=HYPERLINK(\\"https://x.example\\")"'
    )
    repo = make_repo({"data/library.yaml": library})
    args = ["stats", "--root", str(repo), "--by", "outcome", "--by", "branch", "--format", "csv"]
    header = runner.invoke(app, args).stdout.splitlines()[0]
    assert header == 'Utfall,"\'=HYPERLINK(""https://x.example"")",Totalt'
    out = tmp_path / "s.xlsx"
    args = ["stats", "--root", str(repo), "--by", "branch", "--format", "xlsx", "--out", str(out)]
    assert runner.invoke(app, args).exit_code == 0
    cell = openpyxl.load_workbook(out).active["A2"]  # type: ignore[index]
    assert (cell.value, cell.data_type, cell.quotePrefix) == (
        '=HYPERLINK("https://x.example")',
        "s",
        True,
    )
