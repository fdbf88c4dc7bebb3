"""Reading candidate entries from a YAML or CSV file, with positions."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from referral_cli.errors import FindingsError, UsageError
from referral_cli.intake.request import InFile, cell_name
from referral_cli.intake.sources import (
    COLUMN_FIELDS,
    fold,
    parse_csv_entries,
    parse_yaml_entries,
    read_candidates,
)
from tests.intake.conftest import CSV_LOG, FORMS_HEADER, FORMS_ROWS, YAML_LOG, forms_workbook


def formatted(error: FindingsError) -> list[str]:
    return [line for finding in error.findings for line in finding.format().splitlines()]


def in_file(candidate_file: InFile | None) -> InFile:
    assert candidate_file is not None
    return candidate_file


def test_yaml_entries_keep_their_positions() -> None:
    candidates = parse_yaml_entries(YAML_LOG, "log.yaml")
    assert [c.values["date"] for c in candidates] == ["2026-08-18", "2026-08-19", "2026-08-20"]
    second = in_file(candidates[1].in_file)
    assert (second.display, second.text) == ("log.yaml", YAML_LOG)
    assert second.source.locate(("minutes",)) == (9, 12)
    assert second.source.locate(("reasons", 1)) == (8, 19)
    assert candidates[1].origins == {}  # every value sits in the file


def test_a_single_yaml_entry_is_one_candidate() -> None:
    [candidate] = parse_yaml_entries("date: 2026-08-18\ndescription: Skrivare\n", "one.yaml")
    assert candidate.values == {"date": "2026-08-18", "description": "Skrivare"}


def test_csv_rows_keep_their_line_and_column() -> None:
    first, second = parse_csv_entries(CSV_LOG, "log.csv")
    assert first.values == {
        "date": "2026-08-18",
        "description": "Bluff-sms om ett paket",
        "branch": "centrum",
        "reasons": ["technical"],
    }
    assert second.values["referred_to"] == ["bank"]  # 'referred-to' is the field
    assert second.values["reasons"] == ["time", "competence"]
    where = in_file(second.in_file)
    assert where.source.locate(("minutes",)) == (3, 6)
    assert where.source.locate(("reflection",)) == (3, 1)  # not in the row: the row's start
    assert where.text is None


def test_csv_with_semicolons_and_bom_from_a_spreadsheet(repo: Path) -> None:
    text = "\ufeffdate;description;reasons\n2026-08-18;Bluff-sms;technical,other\n"
    [candidate] = parse_csv_entries(text.lstrip("\ufeff"), "log.csv")
    assert candidate.values == {
        "date": "2026-08-18",
        "description": "Bluff-sms",
        "reasons": ["technical", "other"],
    }
    (repo / "excel.csv").write_bytes(text.encode("utf-8"))
    [from_disk] = read_candidates("excel.csv", repo)
    assert from_disk.values == candidate.values


@pytest.mark.parametrize(
    ("name", "content", "is_csv"),
    [
        ("log.yaml", YAML_LOG, False),
        ("log.yml", YAML_LOG, False),
        ("log.csv", CSV_LOG, True),
        ("log.txt", YAML_LOG, False),  # no telling name: the first line that says anything
        ("log.txt", CSV_LOG, True),
        ("log", "# a comment\n\ndescription: x\ndate: 2026-08-18\n", False),
    ],
)
def test_yaml_or_csv(repo: Path, name: str, content: str, is_csv: bool) -> None:
    (repo / name).write_text(content, encoding="utf-8")
    first = read_candidates(name, repo)[0]
    assert (in_file(first.in_file).text is None) is is_csv  # only YAML keeps its text
    assert first.values["date"] == "2026-08-18"


def test_a_csv_name_is_read_as_csv_whatever_it_holds(repo: Path) -> None:
    (repo / "log.csv").write_text("date: 2026-08-18\n", encoding="utf-8")
    with pytest.raises(FindingsError) as caught:
        read_candidates("log.csv", repo)
    assert [f.code for f in caught.value.findings] == ["unknown-column"]


def test_standard_input(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(YAML_LOG.encode("utf-8"))))
    candidates = read_candidates("-", repo)
    assert len(candidates) == 3
    assert in_file(candidates[0].in_file).display == "<stdin>"


def test_an_absolute_path_is_shown_from_the_repository(repo: Path) -> None:
    (repo / "log.yaml").write_text(YAML_LOG, encoding="utf-8")
    [first, *_] = read_candidates(str(repo / "log.yaml"), repo)
    assert in_file(first.in_file).display == "log.yaml"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "log.yaml",
            "Bara en rad text\n",
            [
                "log.yaml:1:1: error: expected a list of entries (lines starting with "
                "'- date:') [wrong-type]"
            ],
        ),
        (
            "log.yaml",
            YAML_LOG.replace("'Tid: 10:30'", "Tid: 10:30"),
            [
                "log.yaml:11:19: error: unexpected ':' in a value [yaml-syntax]",
                "    hint: text containing ': ' must be quoted, e.g. need: \"Tid: 10:00\"",
            ],
        ),
        (
            "log.csv",
            CSV_LOG.replace("referred-to", "referd_to"),
            [
                "log.csv:1:5: error: unknown column 'referd_to' (did you mean 'referred_to'?) "
                "[unknown-column]",
                "    hint: allowed columns: date, description, branch, reflection, reasons, "
                "category, row, referred_to, sent_by, outcome, minutes, read_level, recorded_by, "
                "period, or their Swedish names: datum, beskrivning, bibliotek, reflektion, skäl, "
                "kategori, rad, hänvisad till, hänvisad hit av, utfall, minuter, läsnivå, "
                "antecknad av, period",
            ],
        ),
        (
            "log.csv",
            CSV_LOG.replace("branch", "minutes"),
            ["log.csv:1:6: error: the column 'minutes' appears twice [duplicate-column]"],
        ),
        (
            "log.csv",
            'date,description\n2026-08-18,"' + "x" * 200_000 + '"\n',
            [  # the csv module's own text is English: the catalogue says what to look for
                "log.csv:2:1: error: this row cannot be read as CSV; check its quotes (a cell "
                'that starts with " must end with ") [csv-syntax]'
            ],
        ),
        (
            # Issue 15, item 13: a quote left open swallowed the rest of the file silently.
            "log.csv",
            'date,description\n2026-08-18,"Skrivare\n2026-08-19,Bluff-sms\n',
            [
                "log.csv:2:1: error: this row cannot be read as CSV; check its quotes (a cell "
                'that starts with " must end with ") [csv-syntax]'
            ],
        ),
        (
            "log.csv",
            'date,description\n2026-08-18,"Skrivare" på plan 2\n',
            [
                "log.csv:2:1: error: this row cannot be read as CSV; check its quotes (a cell "
                'that starts with " must end with ") [csv-syntax]'
            ],
        ),
        (
            "empty.yaml",
            "# nothing yet\n",
            ["empty.yaml:1:1: error: the file holds no entries [no-entries]"],
        ),
        (
            "header-only.csv",
            "date,description\n",
            ["header-only.csv:1:1: error: the file holds no entries [no-entries]"],
        ),
    ],
)
def test_a_file_that_cannot_be_read_as_entries(
    repo: Path, name: str, content: str, expected: list[str]
) -> None:
    (repo / name).write_text(content, encoding="utf-8")
    with pytest.raises(FindingsError) as caught:
        read_candidates(name, repo)
    assert formatted(caught.value) == expected


def test_a_list_item_that_is_no_entry_leaves_the_others_to_be_checked(repo: Path) -> None:
    (repo / "log.yaml").write_text(YAML_LOG + "- Bara en rad text\n", encoding="utf-8")
    *entries, bare = read_candidates("log.yaml", repo)
    assert [c.unreadable for c in entries] == [False] * len(entries) and entries
    assert bare.unreadable and bare.values == {}
    assert formatted(FindingsError(bare.problems)) == [
        "log.yaml:12:3: error: expected an entry here (key: value lines, such as "
        "'date: 2026-08-22') [wrong-type]"
    ]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "log.csv",
            (CSV_LOG + "2026-08-20,Skrivare,centrum,,,,extra\n").encode("utf-8"),
            [
                "log.csv:4:7: error: this row has more cells than the header (6 columns) "
                "[extra-cell]"
            ],
        ),
        (
            "svar.xlsx",
            forms_workbook(
                [date(2026, 8, 18), "Skrivare", None, "y"], header=["Datum", "Beskrivning"]
            ),
            [
                "svar.xlsx:Form1!D2: error: this cell is in a column without a name in the header "
                "row [unnamed-column]"
            ],
        ),
    ],
)
def test_a_cell_outside_the_columns_is_a_problem_of_its_entry(
    repo: Path, name: str, content: bytes, expected: list[str]
) -> None:
    """The row's other cells are still read, so their values are checked in the same run."""
    (repo / name).write_bytes(content)
    last = read_candidates(name, repo)[-1]
    assert [line for f in last.problems for line in f.format().splitlines()] == expected
    assert last.values["description"] == "Skrivare"


def test_text_that_is_not_utf8_names_its_line(repo: Path) -> None:
    (repo / "log.csv").write_bytes("date,description\n2026-08-18,Sj\xf6vik\n".encode("latin-1"))
    with pytest.raises(FindingsError) as caught:
        read_candidates("log.csv", repo)
    assert formatted(caught.value) == [
        "log.csv:2:1: error: the file is not valid UTF-8 text [encoding]",
        "    hint: save it as UTF-8 (in a spreadsheet: 'CSV UTF-8')",
    ]


def test_a_file_that_does_not_exist(repo: Path) -> None:
    with pytest.raises(UsageError) as caught:
        read_candidates("saknas.csv", repo)
    assert str(caught.value) == "--from-file: cannot read saknas.csv: no such file or folder"


def test_a_forms_export_imports_with_swedish_headers_and_never_its_personal_columns(
    repo: Path,
) -> None:
    (repo / "svar.xlsx").write_bytes(forms_workbook(*FORMS_ROWS))
    first, second = read_candidates("svar.xlsx", repo)
    assert first.values == {
        "date": "2026-08-18",
        "description": "Bluff-sms om ett paket",
        "branch": "centrum",
        "reasons": ["technical"],
        "outcome": "helped",
        "minutes": "15",
        "read_level": "3",
    }
    assert second.values["date"] == "2026-08-19"  # a date cell, with or without a time
    assert second.values["minutes"] == "40"  # a whole number, however Excel stored it
    assert second.values["reasons"] == ["time", "competence"]
    assert second.values["referred_to"] == ["bank"]
    every_value = repr([c.values for c in (first, second)])
    for personal in ("Anna", "andersson", "alvstad.se", "Bo Ek", "10:04"):
        assert personal not in every_value
    where = in_file(second.in_file)
    assert (where.display, where.sheet) == ("svar.xlsx", "Form1")
    assert where.source.locate(("minutes",)) == (3, 12)


def test_a_date_cell_with_a_time_gives_its_day_to_the_date_and_only_there(repo: Path) -> None:
    # Typed as "2026-09-18 14:30" in Excel: a date cell holding a time of day. The date
    # column takes the day (an entry records no time); a text column keeps what it shows.
    moment = datetime(2026, 9, 18, 14, 30)
    header = ["Datum", "Beskrivning", "Reflektion"]
    (repo / "logg.xlsx").write_bytes(forms_workbook([moment, "Bankdosa", moment], header=header))
    (entry,) = read_candidates("logg.xlsx", repo)
    assert entry.values == {
        "date": "2026-09-18",
        "description": "Bankdosa",
        "reflection": "2026-09-18 14:30",
    }


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("Datum", "date"),
        ("DATUM (ÅÅÅÅ-MM-DD)", "date"),
        ("Beskrivning av ärendet?", None),  # not a name in the table: unknown
        ("Ärende", "description"),
        ("Fråga:", "description"),
        ("Reflektion", "reflection"),
        ("Bibliotek", "branch"),
        ("Filial", "branch"),
        ("Skäl", "reasons"),
        ("skal", "reasons"),  # without dots
        ("Varför skavde det?", "reasons"),
        ("Kategori", "category"),
        ("Rad i matrisen", "row"),
        ("Hänvisad till", "referred_to"),
        ("hänvisad_till", "referred_to"),
        ("Hänvisad hit av", "sent_by"),
        ("Skickad av", "sent_by"),
        ("Utfall", "outcome"),
        ("Minuter", "minutes"),
        ("Tid (minuter)", "minutes"),
        ("Läsnivå", "read_level"),
        ("READ-nivå", "read_level"),
        ("Antecknad av", "recorded_by"),
        ("Period", "period"),
        ("referred-to", "referred_to"),
        ("Read level", "read_level"),
        ("Reason", "reasons"),
        ("Sent by", "sent_by"),
    ],
)
def test_column_names_in_swedish_and_english(heading: str, field: str | None) -> None:
    assert COLUMN_FIELDS.get(fold(heading), "unknown") == (field or "unknown")


@pytest.mark.parametrize(
    "heading",
    [
        "Id",
        "ID",
        "Starttid",
        "Sluttid",
        "E-post",
        "Namn",
        "Tid för senaste ändring",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        "Last modified time",
    ],
)
def test_forms_columns_are_known_and_never_read(heading: str) -> None:
    assert fold(heading) in COLUMN_FIELDS and COLUMN_FIELDS[fold(heading)] is None


def test_a_csv_from_swedish_excel(repo: Path) -> None:
    text = (
        "Datum;Beskrivning;Bibliotek;Skäl;Hänvisad till;Minuter\r\n"
        "2026-08-18;Bluff-sms, om ett paket;centrum;technical;;15\r\n"
        '2026-08-19;"CV; och aktivitetsrapport";norrby;time,competence;bank;\r\n'
    )
    (repo / "logg.csv").write_bytes(("\ufeff" + text).encode("utf-8"))
    first, second = read_candidates("logg.csv", repo)
    assert first.values == {
        "date": "2026-08-18",
        "description": "Bluff-sms, om ett paket",
        "branch": "centrum",
        "reasons": ["technical"],
        "minutes": "15",
    }
    assert second.values["description"] == "CV; och aktivitetsrapport"
    assert in_file(second.in_file).source.locate(("referred_to",)) == (3, 5)


def test_an_exported_csv_reads_back_as_recorded() -> None:
    [candidate] = parse_csv_entries("date,description\n2026-08-18,'=A1 och '+46\n", "x.csv")
    assert candidate.values["description"] == "=A1 och '+46"
    [kept] = parse_csv_entries("date,description\n2026-08-18,'citerad text\n", "x.csv")
    assert kept.values["description"] == "'citerad text"  # no formula behind the quote


@pytest.mark.parametrize(
    ("workbook", "expected"),
    [
        (
            lambda: forms_workbook(header=[*FORMS_HEADER[:5], "Datum", "Beskrivnig"]),
            [
                "svar.xlsx:Form1!G1: error: unknown column 'Beskrivnig' (did you mean "
                "'beskrivning'?) [unknown-column]",
                "    hint: allowed columns: date, description, branch, reflection, reasons, "
                "category, row, referred_to, sent_by, outcome, minutes, read_level, recorded_by, "
                "period, or their Swedish names: datum, beskrivning, bibliotek, reflektion, skäl, "
                "kategori, rad, hänvisad till, hänvisad hit av, utfall, minuter, läsnivå, "
                "antecknad av, period",
            ],
        ),
        (
            lambda: forms_workbook(header=["Datum", "date", "Beskrivning"]),
            [  # named as typed: 'Datum' and 'date' are both the date
                "svar.xlsx:Form1!B1: error: the column 'date' means the same as 'Datum' (date): "
                "remove or rename one of them [duplicate-column]"
            ],
        ),
        (
            lambda: forms_workbook(header=["Datum", "Beskrivning"], title="Svar 1"),
            ["svar.xlsx:1:1: error: the file holds no entries [no-entries]"],
        ),
        (
            lambda: b"PK\x03\x04 not really a zip",
            [
                "svar.xlsx:1:1: error: cannot read the workbook: the file is damaged, or not an "
                "Excel workbook [xlsx-unreadable]",
                "    hint: in Excel, save it as 'Excel Workbook (*.xlsx)' or as 'CSV UTF-8'",
            ],
        ),
        (
            lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1old",
            [
                "svar.xlsx:1:1: error: this is the old Excel format (.xls), which referral does "
                "not read [xlsx-unreadable]",
                "    hint: in Excel, save it as 'Excel Workbook (*.xlsx)' or as 'CSV UTF-8'",
            ],
        ),
    ],
)
def test_a_workbook_that_cannot_be_read_as_entries(
    repo: Path, workbook: Callable[[], bytes], expected: list[str]
) -> None:
    (repo / "svar.xlsx").write_bytes(workbook())
    with pytest.raises(FindingsError) as caught:
        read_candidates("svar.xlsx", repo)
    assert formatted(caught.value) == expected


def test_a_workbook_on_standard_input_or_under_another_name(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = forms_workbook(*FORMS_ROWS)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert len(read_candidates("-", repo)) == 2
    (repo / "svar.csv").write_bytes(data)  # the content says what it is
    assert len(read_candidates("svar.csv", repo)) == 2


def test_a_sheet_name_with_spaces_is_quoted_in_a_location() -> None:
    assert cell_name("svar.xlsx", "Svar 1", 7, 3) == "svar.xlsx:'Svar 1'!C7"
    assert cell_name("svar.xlsx", "Blad1", 2, 28) == "svar.xlsx:Blad1!AB2"
