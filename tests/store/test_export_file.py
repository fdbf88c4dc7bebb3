"""The JSON Lines export file: every bad line located, all-or-nothing writing."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from referral_cli.errors import FindingsError, UsageError
from referral_cli.store import export_file
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
            '{"library":" ","date":"2026-08-20"}',
            "bad.jsonl:2:12: error: library: must not be empty (the figures are counted per "
            "library) [export-line]",
        ),
        (
            '{"library":"B","date":"2026-13-01"}',
            "bad.jsonl:2:23: error: date: '2026-13-01' is not a date written as YYYY-MM-DD [export-line]",
        ),
        (
            '{"library":"B","date":"2026-08-20","reason":["x"]}',
            "bad.jsonl:2:36: error: unknown key 'reason' (did you mean 'reasons'?) [export-line]",
        ),
        (
            '{"library":"B","date":"2026-08-20","reasons":"privacy"}',
            "bad.jsonl:2:46: error: reasons: expected a list of ids [export-line]",
        ),
        (
            '{"library":"B","date":"2026-08-20","minutes":-1}',
            "bad.jsonl:2:46: error: minutes: expected a whole number 0–1440 or null [export-line]",
        ),
        (
            '{"library":"B","date":"2026-08-20","read_level":true}',
            "bad.jsonl:2:49: error: read_level: expected a whole number 1–6 or null [export-line]",
        ),
        (
            '{"library":"B","date":"2026-08-20","outcome":"ok"}',
            "bad.jsonl:2:46: error: outcome: 'ok' is not one of helped, partly, referred, declined [export-line]",
        ),
        (
            '{"library":3,"date":"2026-08-20"}',
            "bad.jsonl:2:12: error: library: expected text or null [export-line]",
        ),
        (
            '{"library":"B","date":"2026-W34-1"}',
            "bad.jsonl:2:23: error: date: '2026-W34-1' is not a date written as YYYY-MM-DD [export-line]",
        ),
        (
            '{"library":"B","date":20260820}',
            "bad.jsonl:2:23: error: date: 20260820 is not a date written as YYYY-MM-DD [export-line]",
        ),
        (
            '{"library":"B","date":"2026-08-20","minutes":30.5}',
            "bad.jsonl:2:46: error: minutes: expected a whole number 0–1440 or null [export-line]",
        ),
        (
            '{"library":"B","date":"2026-08-20","referred_to":["bank",3]}',
            "bad.jsonl:2:50: error: referred_to: expected a list of ids [export-line]",
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
        "bad.jsonl:1:36: error: okänd nyckel 'reason' (menade du 'reasons'?) [export-line]"
    )


def test_text_that_is_not_utf8_is_located_on_its_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    good = GOOD.encode()
    path.write_bytes(good + b"\n" + '{"library":"Malmö","date":"2026-08-20"}\n'.encode("latin-1"))
    with pytest.raises(FindingsError) as caught:
        read_export_file(path, "latin1.jsonl")
    assert [f.format() for f in caught.value.findings] == [
        "latin1.jsonl:2:17: error: the file is not valid UTF-8 text [encoding]"
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


def test_a_new_export_is_readable_as_any_new_file_and_a_replaced_one_keeps_its_mode(
    tmp_path: Path,
) -> None:
    # The temporary file's 0600 reached the export: a file for the region that only its
    # writer could read, and a shared file made private again by `--force`.
    out = tmp_path / "export.jsonl"
    umask = os.umask(0o022)
    try:
        write_export_file(out, ["a\n"])
    finally:
        os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    out.chmod(0o664)
    write_export_file(out, ["b\n"])
    assert stat.S_IMODE(out.stat().st_mode) == 0o664
    assert out.read_text(encoding="utf-8") == "b\n"


# --- hostile lines (issue 15, item 5): each is one located finding, never a crash ----------

HOSTILE = [
    (
        "[" * 100_000,
        "bad.jsonl:2:101: error: values are nested too deeply (more than 100 levels) [export-line]",
    ),
    (
        '{"library":"B","date":"2026-08-20","minutes":' + "9" * 5_000 + "}",
        "bad.jsonl:2:46: error: a number with more than 18 digits; no field holds such a number [export-line]",
    ),
    (
        '{"library":"B","date":"2026-08-20","minutes":NaN}',
        "bad.jsonl:2:46: error: NaN is not a number JSON allows [export-line]",
    ),
    (
        '{"library":"B\\ud800","date":"2026-08-20"}',
        "bad.jsonl:2:12: error: library: the text contains a character that is not printable text (U+D800) [export-line]",
    ),
    (
        '{"library":"B","date":"2026-08-20","reasons":["ok","x\\u001b]0;TITLE\\u0007"]}',
        "bad.jsonl:2:46: error: reasons: the text contains a character that is not printable text (U+001B) [export-line]",
    ),
    (
        '{"library":"B","date":"2026-08-20","library":"C"}',
        "bad.jsonl:2:36: error: the key 'library' appears twice on the line; only one value can count [export-line]",
    ),
    (
        '  {"library":"B","date":"2026-08-20","x\\u001b[31m":1}',
        "bad.jsonl:2:38: error: unknown key 'x\\x1b[31m' [export-line]",
    ),
]


@pytest.mark.parametrize(("line", "message"), HOSTILE)
def test_hostile_lines_are_located_findings(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(f"{GOOD}\n{line}\n{GOOD}\n", encoding="utf-8")
    with pytest.raises(FindingsError) as caught:
        read_export_file(path, "bad.jsonl")
    assert [f.format().split("\n")[0] for f in caught.value.findings] == [message]


def test_a_line_over_the_limit_is_never_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_file, "EXPORT_LINE_BYTES", 100)
    path = tmp_path / "long.jsonl"
    long_line = '{"library":"' + "B" * 500 + '","date":"2026-08-20"}'
    path.write_text(f"{GOOD}\n{long_line}\n{GOOD}\n", encoding="utf-8")
    with pytest.raises(FindingsError) as caught:
        read_export_file(path, "long.jsonl")
    assert [f.format() for f in caught.value.findings] == [
        "long.jsonl:2:1: error: the line is longer than 100 B, the most referral reads from one line [line-too-long]"
    ]


def test_a_spreadsheets_byte_order_mark_is_read_past(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode() + b"\r\n" + GOOD.encode() + b"\n")
    assert read_export_file(path) == [json.loads(GOOD)] * 2


@pytest.mark.parametrize(("depth", "refused"), [(100, False), (101, True), (900, True)])
def test_nesting_is_refused_from_101_levels_where_it_passes_them(
    tmp_path: Path, depth: int, refused: bool
) -> None:
    path = tmp_path / "deep.jsonl"
    line = '{"library":"B","date":"2026-08-20","x":' + "[" * (depth - 1) + "]" * (depth - 1) + "}"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(FindingsError) as caught:
        read_export_file(path, "deep.jsonl")
    message = caught.value.findings[0].format()
    if refused:
        assert message == (
            "deep.jsonl:1:139: error: values are nested too deeply (more than 100 levels) "
            "[export-line]"
        )
    else:
        assert "unknown key 'x'" in message
