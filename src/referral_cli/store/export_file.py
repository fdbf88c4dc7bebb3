"""The JSON Lines export file: one JSON object per line, read with checks, written whole.

`referral export` writes these files and `referral stats` reads them back, so a region
can combine every municipality's figures. This module knows the format only (keys,
types, ranges) and works on plain dicts; `referral_cli.records` turns them into records.
"""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any, BinaryIO

from referral_cli.errors import FindingsError, UsageError
from referral_cli.findings import Finding, suggestion
from referral_cli.i18n import Phrase, os_reason, phrase
from referral_cli.stdio import STDIN_NAME, is_dash
from referral_cli.store.limits import EXPORT_LINE_BYTES, size_text
from referral_cli.text import CONTROL_CHARACTERS, printable

EXPORT_FIELDS: tuple[str, ...] = (
    "library",
    "municipality",
    "date",
    "branch",
    "period",
    "category",
    "row",
    "reasons",
    "referred_to",
    "sent_by",
    "outcome",
    "minutes",
    "read_level",
)
TEXT_FIELDS: tuple[str, ...] = ("description", "reflection")
_TEXT_KEYS = ("library", "municipality", "branch", "period", "category", "row", "outcome")
_LIST_KEYS = ("reasons", "referred_to", "sent_by")
_INT_KEYS = {"minutes": (0, 1440), "read_level": (1, 6)}
_MAX_DIGITS = 18  # the longest integer a line may hold; the fields need four at most
_MAX_DEPTH = 100  # brackets in brackets; a record needs two levels (an object holding a list)
_JSON_SPACE = " \t\r\n"
_SURROGATE = re.compile("[\ud800-\udfff]")


def _check(data: Any) -> tuple[str | None, Phrase] | None:
    """The key a parsed line is wrong at (None: the line as a whole) and why; None if valid."""
    from referral_cli.models import OUTCOMES

    if not isinstance(data, dict):
        return None, phrase("finding.export-line.not_object")
    allowed = (*EXPORT_FIELDS, *TEXT_FIELDS)
    for key in data:
        if key not in allowed:
            shown = printable(key)
            return key, phrase(
                "finding.export-line.unknown_key", key=shown, suggestion=suggestion(shown, allowed)
            )
    for key in ("library", "date"):
        if data.get(key) is None:
            return None, phrase("finding.export-line.missing_key", key=key)
    for key in (*_TEXT_KEYS, *TEXT_FIELDS):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            return key, phrase("finding.export-line.not_text", key=key)
    if not data["library"].strip():  # figures are counted per library: it must have a name
        return "library", phrase("finding.export-line.empty", key="library")
    for key in _LIST_KEYS:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return key, phrase("finding.export-line.not_ids", key=key)
    for key, value in data.items():
        bad = _unprintable(value)
        if bad is not None:
            return key, phrase("finding.export-line.bad_text", key=key, code=f"U+{ord(bad):04X}")
    if data.get("outcome") is not None and data["outcome"] not in OUTCOMES:
        return "outcome", phrase(
            "finding.export-line.bad_outcome", value=data["outcome"], choices=", ".join(OUTCOMES)
        )
    for key, (low, high) in _INT_KEYS.items():
        value = data.get(key)
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high
        ):
            return key, phrase("finding.export-line.not_number", key=key, low=low, high=high)
    problem = _check_date(data["date"])
    return ("date", problem) if problem else None


def _unprintable(value: Any) -> str | None:
    """The first character of a text (or list of texts) that is no printable text.

    A control character would act on the terminal that shows the figures; a lone
    surrogate (`"\ud800"`, valid JSON) cannot be written out as UTF-8 at all.
    """
    for text in value if isinstance(value, list) else [value]:
        if isinstance(text, str):
            found = CONTROL_CHARACTERS.search(text) or _SURROGATE.search(text)
            if found is not None:
                return found.group()
    return None


def _check_date(text: Any) -> Phrase | None:
    from referral_cli.dates import parse_iso_date

    # Exactly ten characters: the ISO pattern alone would accept surrounding spaces.
    if isinstance(text, str) and len(text) == 10 and parse_iso_date(text) is not None:
        return None
    return phrase("finding.export-line.bad_date", value=printable(repr(text)))


class _LineProblem(Exception):
    """One line cannot be read: where (1-based column), why, and the finding's code."""

    def __init__(
        self,
        column: int,
        message: Phrase,
        hint: Phrase | None = None,
        *,
        code: str = "export-line",
    ) -> None:
        super().__init__(column)
        self.column = column
        self.message = message
        self.hint = hint
        self.code = code

    def finding(self, shown: str, number: int) -> Finding:
        """The located finding for line `number` of the file shown as `shown`."""
        return Finding(shown, number, self.column, "error", self.code, self.message, self.hint)


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class _RefusedNumberError(ValueError):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # A key given twice would silently count the last value only.
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return result


def _small_int(text: str) -> int:
    # Python refuses to convert integers of more than 4,300 digits (and a million digits
    # take seconds); no field holds more than a few.
    if len(text.lstrip("-")) > _MAX_DIGITS:
        raise _RefusedNumberError(text)
    return int(text)


def _no_constant(text: str) -> Any:
    raise _RefusedNumberError(text)  # NaN, Infinity, -Infinity: not JSON


def parse_line(line: str) -> dict[str, Any]:
    """One export line as a checked record; `_LineProblem` with its column when it is not."""
    if line.count("[") + line.count("{") > _MAX_DEPTH:  # only then can it nest too deep
        column = _nesting_column(line)
        if column is not None:
            message = phrase("finding.export-line.too_deep", limit=_MAX_DEPTH)
            raise _LineProblem(column, message)
    try:
        data = json.loads(
            line, object_pairs_hook=_unique_keys, parse_int=_small_int, parse_constant=_no_constant
        )
    except json.JSONDecodeError as exc:
        raise _LineProblem(
            exc.colno,
            phrase("finding.export-json", detail=exc.msg),
            phrase("hint.export-json"),
            code="export-json",
        ) from None
    except _DuplicateKeyError as exc:
        columns = [column for key, column, _ in _top_level_keys(line) if key == exc.key]
        column = columns[1] if len(columns) > 1 else _first_column(line)
        message = phrase("finding.export-line.duplicate_key", key=printable(exc.key))
        raise _LineProblem(column, message) from None
    except _RefusedNumberError as exc:
        column = line.find(exc.text) + 1 or _first_column(line)
        if exc.text.lstrip("-").isdigit():
            message = phrase("finding.export-line.long_number", limit=_MAX_DIGITS)
        else:
            message = phrase("finding.export-line.not_a_number", value=exc.text)
        raise _LineProblem(column, message) from None
    except RecursionError:  # pragma: no cover - the nesting was refused above
        message = phrase("finding.export-line.too_deep", limit=_MAX_DEPTH)
        raise _LineProblem(_first_column(line), message) from None
    problem = _check(data)
    if problem is not None:
        key, message = problem
        raise _LineProblem(_value_column(line, key), message)
    return data  # type: ignore[no-any-return]  # _check made sure it is a dict


def _first_column(line: str) -> int:
    return len(line) - len(line.lstrip(_JSON_SPACE)) + 1


def _skip_space(line: str, index: int) -> int:
    while index < len(line) and line[index] in _JSON_SPACE:
        index += 1
    return index


def _top_level_keys(line: str) -> list[tuple[str, int, int]]:
    """(key, column of the key, column of its value) of the line's object, in order.

    Only called for a line with a problem, to say where it is; stops at the first thing
    that is not a well-formed `"key": value` pair.
    """
    decoder = json.JSONDecoder()
    found: list[tuple[str, int, int]] = []
    index = _skip_space(line, 0)
    if not line.startswith("{", index):
        return found
    index = _skip_space(line, index + 1)
    while line.startswith('"', index):
        try:
            key, after_key = json.decoder.scanstring(line, index + 1)  # type: ignore[attr-defined]
        except ValueError:
            break
        colon = _skip_space(line, after_key)
        if not line.startswith(":", colon):
            break
        start = _skip_space(line, colon + 1)
        found.append((key, index + 1, start + 1))
        try:
            _, after_value = decoder.raw_decode(line, start)
        except (ValueError, RecursionError):
            break
        index = _skip_space(line, after_value)
        if not line.startswith(",", index):
            break
        index = _skip_space(line, index + 1)
    return found


def _value_column(line: str, key: str | None) -> int:
    """The column of `key`'s value (of the key itself when it is unknown), else of the line."""
    if key is not None:
        for name, key_column, value_column in _top_level_keys(line):
            if name == key:
                return value_column if key in (*EXPORT_FIELDS, *TEXT_FIELDS) else key_column
    return _first_column(line)


def _nesting_column(line: str) -> int | None:
    """The column of the bracket that nests deeper than `_MAX_DEPTH` (outside strings)."""
    depth = 0
    in_string = escaped = False
    for index, char in enumerate(line):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > _MAX_DEPTH:
                return index + 1
        elif char in "]}":
            depth -= 1
    return None


def _lines(handle: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) of every line; None for a line longer than the limit."""
    number = 0
    while True:
        raw = handle.readline(EXPORT_LINE_BYTES + 1)
        if not raw:
            return
        number += 1
        if len(raw) > EXPORT_LINE_BYTES and not raw.endswith(b"\n"):
            # Skip the rest of the overlong line piece by piece: it is never held whole.
            while raw and not raw.endswith(b"\n"):
                raw = handle.readline(65_536)
            yield number, None
            continue
        yield number, raw


def _decode_line(raw: bytes, first: bool) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        column = len(raw[: exc.start].decode("utf-8", "replace")) + 1
        raise _LineProblem(column, phrase("finding.export-encoding"), code="encoding") from None
    return text.removeprefix("\ufeff") if first else text  # a spreadsheet's byte-order mark


def read_export_file(path: Path, display: str | None = None) -> list[dict[str, Any]]:
    """Every line of the export file at `path` (`-`: standard input), checked.

    Blank lines are skipped. Raises `UsageError` when the file cannot be read and
    `FindingsError` with one located finding per bad line (shown as `display`, default
    the path, or `<stdin>`). A line longer than `limits.EXPORT_LINE_BYTES` is such a
    bad line, never read whole.
    """
    shown = display or (STDIN_NAME if is_dash(path) else str(path))
    lines: list[dict[str, Any]] = []
    problems: list[Finding] = []
    try:
        with _open(path) as handle:
            for number, raw in _lines(handle):
                try:
                    data = _read_line(raw, number)
                except _LineProblem as problem:
                    problems.append(problem.finding(shown, number))
                    continue
                if data is not None:
                    lines.append(data)
    except OSError as exc:
        raise UsageError(
            phrase("error.export.unreadable", path=shown, reason=os_reason(exc))
        ) from None
    if problems:
        raise FindingsError(problems)
    return lines


def _open(path: Path) -> AbstractContextManager[BinaryIO]:
    """The export file, or standard input for `-` (`referral export | referral stats --root -`).

    Standard input is read but never closed: it is the process's, not this reader's.
    """
    if is_dash(path):
        stream = getattr(sys.stdin, "buffer", None)
        # A text-only standard input (tests, embedding) is read as UTF-8 bytes.
        if stream is None:
            stream = io.BytesIO(sys.stdin.read().encode("utf-8"))
        return nullcontext(stream)
    return path.open("rb")


def _read_line(raw: bytes | None, number: int) -> dict[str, Any] | None:
    """The record on one line; None for a blank line; `_LineProblem` when it is bad."""
    if raw is None:
        message = phrase("finding.export-line.too_long", limit=size_text(EXPORT_LINE_BYTES))
        raise _LineProblem(1, message, code="line-too-long")
    text = _decode_line(raw, number == 1)
    if not text.strip():
        return None
    return parse_line(text)


def dump_line(data: dict[str, Any]) -> str:
    """One export line: compact JSON, UTF-8 as written (no newline)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def refuse_existing(out: Path, force: bool) -> None:
    """UsageError when `out` names no file, or exists and may not be overwritten.

    A folder, `.`, `/` and an empty name (which `Path` reads as `.`) name no file.
    """
    if out.name in ("", ".", "..") or out.is_dir():
        raise UsageError(phrase("error.export.not_a_file", out=str(out) or '""'))
    if out.is_file() and not force:  # a device or a pipe (`/dev/stdout`) holds no file to lose
        raise UsageError(phrase("error.export.exists", out=str(out)))


def write_export_file(out: Path, lines: Iterable[str]) -> None:
    """Write `lines` (newlines included) to `out` through a temporary file: all or nothing.

    The temporary file is hidden, new (never a file of the user's) and removed on any
    failure or interruption. A link is followed, and the file it leads to is replaced;
    anything that is not a file (`/dev/stdout`, `/dev/null`, a named pipe) is written to
    as it is: replacing it would put a plain file in its place. A replaced file keeps its
    permissions; a new one gets what the user's umask allows (`store.atomic`).
    """
    from referral_cli.store.atomic import write_whole

    refuse_existing(out, force=True)
    try:
        # Joined inside: a line that cannot be made (a full disk on the way) is an OSError too.
        write_whole(out, "".join(lines).encode("utf-8"))
    except OSError as exc:
        raise UsageError(
            phrase("error.export.unwritable", out=str(out), reason=os_reason(exc))
        ) from None
