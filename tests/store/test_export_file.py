"""The JSON Lines export file: every bad line located, all-or-nothing writing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from referral_cli.errors import FindingsError, UsageError
from referral_cli.store.export_file import (
    EXPORT_FIELDS,
    TEXT_FIELDS,
    dump_line,
    read_export_file,
    refuse_existing,
    write_export_file,
)

GOOD = '{"library":"B","date":"2026-08-20"}'


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "{not json",
            "bad.jsonl:2:2: error: this line is not valid JSON [export-json]",
        ),
        (
            "[1, 2]",
            "bad.jsonl:2:1: error: expected a JSON object ({...}) on each line [export-line]",
        ),
        ('{"library":"B"}', "bad.jsonl:2:1: error: the key 'date' is missing [export-line]"),
        (
            '{"library":"B","date":"2026-13-01"}',
            "bad.jsonl:2:1: error: date: '2026-13-01' is not a date written as YYYY-MM-DD [export-line]",
        ),
        (
            '{"library":"B","date":"2026-08-20","reason":["x"]}',
            "bad.jsonl:2:1: error: unknown key 'reason' (did you mean 'reasons'?) [export-line]",
        ),
        (
            '{"library":"B","date":"2026-08-20","reasons":"privacy"}',
            "bad.jsonl:2:1: error: reasons: expected a list of ids [export-line]",
        ),
        (
            '{"library":"B","date":"2026-08-20","minutes":-1}',
            "bad.jsonl:2:1: error: minutes: expected a whole number 0–1440 or null [export-line]",
        ),
        (
            '{"library":"B","date":"2026-08-20","read_level":true}',
            "bad.jsonl:2:1: error: read_level: expected a whole number 1–6 or null [export-line]",
        ),
        (
            '{"library":"B","date":"2026-08-20","outcome":"ok"}',
            "bad.jsonl:2:1: error: outcome: 'ok' is not one of helped, partly, referred, declined [export-line]",
        ),
        (
            '{"library":3,"date":"2026-08-20"}',
            "bad.jsonl:2:1: error: library: expected text or null [export-line]",
        ),
        (
            '{"library":"B","date":"2026-W34-1"}',
            "bad.jsonl:2:1: error: date: '2026-W34-1' is not a date written as YYYY-MM-DD [export-line]",
        ),
        (
            '{"library":"B","date":20260820}',
            "bad.jsonl:2:1: error: date: 20260820 is not a date written as YYYY-MM-DD [export-line]",
        ),
        (
            '{"library":"B","date":"2026-08-20","minutes":30.5}',
            "bad.jsonl:2:1: error: minutes: expected a whole number 0–1440 or null [export-line]",
        ),
        (
            '{"library":"B","date":"2026-08-20","referred_to":["bank",3]}',
            "bad.jsonl:2:1: error: referred_to: expected a list of ids [export-line]",
        ),
    ],
)
def test_bad_lines_are_located(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(f"{GOOD}\n{line}\n{GOOD}\n", encoding="utf-8")
    with pytest.raises(FindingsError) as caught:
        read_export_file(path, "bad.jsonl")
    assert [f.format().split("\n")[0] for f in caught.value.findings] == [message]


def test_every_bad_line_is_reported_and_blank_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "two.jsonl"
    path.write_text(f"{GOOD}\n\n   \n[]\n{GOOD}\n{{\n", encoding="utf-8")
    with pytest.raises(FindingsError) as caught:
        read_export_file(path)
    assert [(f.file, f.line, f.code) for f in caught.value.findings] == [
        (str(path), 4, "export-line"),
        (str(path), 6, "export-json"),
    ]


def test_good_lines_come_back_as_written(tmp_path: Path) -> None:
    full = {key: None for key in (*EXPORT_FIELDS, *TEXT_FIELDS)}
    full |= {"library": "B", "date": "2026-08-20", "reasons": ["privacy"], "referred_to": []}
    full |= {"sent_by": ["bank"]}
    full |= {"outcome": "helped", "minutes": 0, "read_level": 6, "description": "Ett ärende."}
    path = tmp_path / "good.jsonl"
    path.write_text(f"{dump_line(full)}\n\n{GOOD}\n", encoding="utf-8")
    assert read_export_file(path) == [full, json.loads(GOOD)]


def test_findings_are_worded_in_swedish_too(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"library":"B","date":"2026-08-20","reason":["x"]}\n', encoding="utf-8")
    with pytest.raises(FindingsError) as caught:
        read_export_file(path, "bad.jsonl")
    assert caught.value.findings[0].format("sv") == (
        "bad.jsonl:1:1: error: okänd nyckel 'reason' (menade du 'reasons'?) [export-line]"
    )


def test_a_file_that_is_not_utf8_is_one_finding(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    path.write_bytes('{"library":"Malmö","date":"2026-08-20"}\n'.encode("latin-1"))
    with pytest.raises(FindingsError) as caught:
        read_export_file(path, "latin1.jsonl")
    assert [f.format() for f in caught.value.findings] == [
        "latin1.jsonl:1:1: error: the file is not valid UTF-8 text [encoding]"
    ]


def test_a_file_that_cannot_be_opened_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"^cannot read folder\.jsonl: "):
        read_export_file(tmp_path, "folder.jsonl")


def test_dump_line_is_compact_and_keeps_letters() -> None:
    assert dump_line({"library": "Älvstad", "reasons": []}) == '{"library":"Älvstad","reasons":[]}'


def test_an_existing_file_is_refused_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "export.jsonl"
    refuse_existing(out, force=False)
    out.write_text("keep me", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        refuse_existing(out, force=False)
    assert str(caught.value) == f"{out} already exists; choose another file or pass --force"
    refuse_existing(out, force=True)


def test_writing_is_all_or_nothing(tmp_path: Path) -> None:
    out = tmp_path / "export.jsonl"
    write_export_file(out, ["a\n", "b\n"])
    assert out.read_text(encoding="utf-8") == "a\nb\n"

    def half_then_full_disk() -> Iterator[str]:
        yield "c\n"
        raise OSError(28, "No space left on device")

    with pytest.raises(UsageError, match="the disk is full"):  # the catalogue's words
        write_export_file(out, half_then_full_disk())
    assert out.read_text(encoding="utf-8") == "a\nb\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.jsonl"]
