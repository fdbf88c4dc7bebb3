"""Spreadsheet tables: CSV, CSV for Swedish Excel and xlsx; formula injection neutralised."""

from __future__ import annotations

import csv
import io
import stat
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from referral_cli.errors import UsageError
from referral_cli.formats.spreadsheet import (
    Sheet,
    check_excel,
    csv_text,
    excel_csv,
    is_formula,
    neutralise,
    write_output,
    xlsx_bytes,
)

DAY = date(2026, 8, 22)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('=HYPERLINK("https://x.example","Klicka")', '\'=HYPERLINK("https://x.example","Klicka")'),
        ("=A1", "'=A1"),
        ("+46 70 123", "'+46 70 123"),
        ("-5 grader ute", "'-5 grader ute"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=cmd|' /C calc'!A0", "'\t=cmd|' /C calc'!A0"),  # after a tab Excel strips
        ("\r=A1", "'\r=A1"),  # after a carriage return
        ("\r\n\t =A1", "'\r\n\t =A1"),
        (" =A1", "' =A1"),
        ("\tindraget", "'\tindraget"),  # a leading tab or CR alone is on OWASP's list
        ("\rrad", "'\rrad"),
        # ordinary desk text stays as it was
        ("Bluff-sms om ett paket", "Bluff-sms om ett paket"),
        ("e-post och @-tecken", "e-post och @-tecken"),
        ("5-6 minuter", "5-6 minuter"),
        ("a=b", "a=b"),
        ("", ""),
        ("'redan citerad", "'redan citerad"),
    ],
)
def test_neutralise(text: str, written: str) -> None:
    assert neutralise(text) == written
    assert is_formula(text) is (written != text)


SHEET = Sheet(
    name="Frågeinventering",
    header=["date", "description", "minutes", "median", "branch"],
    rows=[
        [DAY, '=HYPERLINK("x")', -5, 12.5, None],
        [DAY, "Skäl; två av dem", 40, 20.0, "-centrum"],
    ],
)


def test_plain_csv_keeps_numbers_and_neutralises_text_only() -> None:
    assert csv_text(SHEET).splitlines() == [
        "date,description,minutes,median,branch",
        '2026-08-22,"\'=HYPERLINK(""x"")",-5,12.5,',  # -5 is a number: no quote
        "2026-08-22,Skäl; två av dem,40,20,'-centrum",
    ]


def test_csv_for_swedish_excel() -> None:
    data = excel_csv(SHEET)
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark: Excel reads å, ä, ö
    text = data.decode("utf-8-sig")
    assert text.split("\r\n") == [
        "date;description;minutes;median;branch",
        '2026-08-22;"\'=HYPERLINK(""x"")";-5;12,5;',  # decimal comma
        '2026-08-22;"Skäl; två av dem";40;20;\'-centrum',  # a ';' in text is quoted
        "",
    ]
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[2][1] == "Skäl; två av dem"


def test_a_header_that_looks_like_a_formula_is_neutralised_too() -> None:
    sheet = Sheet("S", ["Bibliotek", "=cmd"], [["a", 1]])
    assert csv_text(sheet).splitlines()[0] == "Bibliotek,'=cmd"


def reopen(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_xlsx_has_real_cells_a_header_frozen_panes_and_widths() -> None:
    sheet = Sheet(
        name="Statistik: skäl/bibliotek?",
        header=["Skäl", "Antal", "Median (min)"],
        rows=[["Integritet", 8, 22.5], ["Juridik", -6, None]],
        totals=["Totalt", 16, 17.5],
        notes=["Alla frågor per skäl (16 frågor)"],
        frozen_columns=1,
    )
    workbook = reopen(xlsx_bytes(sheet, "Alla frågor"))
    assert workbook.properties.title == "Alla frågor"
    [worksheet] = workbook.worksheets
    assert worksheet.title == "Statistik  skäl bibliotek"  # characters Excel refuses
    assert worksheet.freeze_panes == "B2"
    assert list(worksheet.iter_rows(values_only=True)) == [
        ("Skäl", "Antal", "Median (min)"),
        ("Integritet", 8, 22.5),
        ("Juridik", -6, None),
        ("Totalt", 16, 17.5),
        (None, None, None),
        ("Alla frågor per skäl (16 frågor)", None, None),
    ]
    assert worksheet["A1"].font.bold and worksheet["A4"].font.bold
    assert not worksheet["A2"].font.bold
    assert worksheet["B3"].data_type == "n"
    assert worksheet.column_dimensions["A"].width == len("Integritet") + 2
    assert worksheet.column_dimensions["C"].width == len("Median (min)") + 2


def test_xlsx_dates_are_dates_and_formulas_stay_text() -> None:
    workbook = reopen(xlsx_bytes(SHEET))
    worksheet = workbook.active
    assert worksheet is not None
    assert worksheet.freeze_panes == "A2"
    date_cell, formula_cell, minutes_cell = worksheet["A2"], worksheet["B2"], worksheet["C2"]
    assert date_cell.value == datetime(2026, 8, 22)
    assert date_cell.is_date and date_cell.number_format == "yyyy-mm-dd"
    # the text exactly as recorded, a text cell Excel keeps as text even when edited
    assert formula_cell.value == '=HYPERLINK("x")'
    assert formula_cell.data_type == "s" and formula_cell.quotePrefix
    assert minutes_cell.value == -5 and not minutes_cell.quotePrefix
    assert worksheet["E3"].value == "-centrum" and worksheet["E3"].quotePrefix
    assert not worksheet["B3"].quotePrefix


def test_xlsx_shows_control_characters_instead_of_failing() -> None:
    sheet = Sheet("S", ["library"], [["Bibl\x1b[31miotek"]])
    assert reopen(xlsx_bytes(sheet)).active["A2"].value == "Bibl\\x1b[31miotek"  # type: ignore[index]


@pytest.mark.parametrize(
    ("output_format", "excel"), [("table", True), ("xlsx", True), ("json", True)]
)
def test_excel_only_with_csv(output_format: str, excel: bool) -> None:
    with pytest.raises(UsageError) as caught:
        check_excel(output_format, excel)
    assert caught.value.text("en") == (
        f"--excel shapes CSV for Excel and only works with --format csv (not {output_format}); "
        "for a workbook use --format xlsx"
    )
    assert caught.value.text("sv").startswith("--excel anpassar CSV-filen för Excel")
    check_excel("csv", True)
    check_excel(output_format, False)


def test_write_output_replaces_whole_and_refuses_a_folder(tmp_path: Path) -> None:
    out = tmp_path / "stats.csv"
    write_output(out, "Skäl,Antal\n")
    assert out.read_bytes() == "Skäl,Antal\n".encode()
    assert stat.S_IMODE(out.stat().st_mode) & 0o044  # readable by others, as open() gives
    out.chmod(0o600)
    write_output(out, b"PK\x03\x04")
    assert out.read_bytes() == b"PK\x03\x04"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # an existing file keeps its mode
    with pytest.raises(UsageError, match="cannot write"):
        write_output(tmp_path, "x")
    with pytest.raises(UsageError, match="cannot write"):
        write_output(tmp_path / "missing" / "x.csv", "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stats.csv"]  # no temporary left


def test_write_output_follows_a_link_and_never_replaces_what_is_not_a_file(
    tmp_path: Path,
) -> None:
    import os
    import threading

    real = tmp_path / "real.csv"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    write_output(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    write_output(pipe, b"through the pipe")
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)  # still a pipe, not a file in its place
