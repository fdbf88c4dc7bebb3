"""Reading candidate entries from a YAML or CSV file, with positions."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from referral_cli.errors import FindingsError, UsageError
from referral_cli.intake.request import InFile
from referral_cli.intake.sources import parse_csv_entries, parse_yaml_entries, read_candidates
from tests.intake.conftest import CSV_LOG, YAML_LOG


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
            YAML_LOG + "- Bara en rad text\n",
            [
                "log.yaml:12:3: error: expected an entry here (key: value lines, such as "
                "'date: 2026-08-22') [wrong-type]"
            ],
        ),
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
                "category, row, referred_to, outcome, minutes, read_level, recorded_by, period",
            ],
        ),
        (
            "log.csv",
            CSV_LOG.replace("branch", "minutes"),
            ["log.csv:1:6: error: the column 'minutes' appears twice [duplicate-column]"],
        ),
        (
            "log.csv",
            CSV_LOG + "2026-08-20,Skrivare,centrum,,,,extra\n",
            [
                "log.csv:4:7: error: this row has more cells than the header (6 columns) "
                "[extra-cell]"
            ],
        ),
        (
            "log.csv",
            'date,description\n2026-08-18,"' + "x" * 200_000 + '"\n',
            ["log.csv:2:1: error: CSV error: field larger than field limit (131072) [csv-syntax]"],
        ),
        (
            # Issue 15, item 13: a quote left open swallowed the rest of the file silently.
            "log.csv",
            'date,description\n2026-08-18,"Skrivare\n2026-08-19,Bluff-sms\n',
            ["log.csv:2:1: error: CSV error: unexpected end of data [csv-syntax]"],
        ),
        (
            "log.csv",
            'date,description\n2026-08-18,"Skrivare" på plan 2\n',
            ["log.csv:2:1: error: CSV error: ',' expected after '\"' [csv-syntax]"],
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
    assert str(caught.value) == "--from-file: cannot read saknas.csv: No such file or directory"
