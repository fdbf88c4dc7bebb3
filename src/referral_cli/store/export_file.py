"""The JSON Lines export file: one JSON object per line, read with checks, written whole.

`referral export` writes these files and `referral stats` reads them back, so a region
can combine every municipality's figures. This module knows the format only (keys,
types, ranges) and works on plain dicts; `referral_cli.records` turns them into records.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from referral_cli.errors import FindingsError, UsageError
from referral_cli.findings import Finding, suggestion
from referral_cli.i18n import Phrase, os_reason, phrase
from referral_cli.stdio import STDIN_NAME, is_dash, read_stdin

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


def check_line(data: Any) -> Phrase | None:
    """Why a parsed export line is not a valid record, or None."""
    from referral_cli.models import OUTCOMES

    if not isinstance(data, dict):
        return phrase("finding.export-line.not_object")
    allowed = (*EXPORT_FIELDS, *TEXT_FIELDS)
    for key in data:
        if key not in allowed:
            return phrase(
                "finding.export-line.unknown_key", key=key, suggestion=suggestion(key, allowed)
            )
    for key in ("library", "date"):
        if data.get(key) is None:
            return phrase("finding.export-line.missing_key", key=key)
    for key in (*_TEXT_KEYS, *TEXT_FIELDS):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            return phrase("finding.export-line.not_text", key=key)
    if data.get("outcome") is not None and data["outcome"] not in OUTCOMES:
        return phrase(
            "finding.export-line.bad_outcome", value=data["outcome"], choices=", ".join(OUTCOMES)
        )
    for key in _LIST_KEYS:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return phrase("finding.export-line.not_ids", key=key)
    for key, (low, high) in _INT_KEYS.items():
        value = data.get(key)
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high
        ):
            return phrase("finding.export-line.not_number", key=key, low=low, high=high)
    return _check_date(data["date"])


def _check_date(text: Any) -> Phrase | None:
    from referral_cli.dates import parse_iso_date

    # Exactly ten characters: the ISO pattern alone would accept surrounding spaces.
    if isinstance(text, str) and len(text) == 10 and parse_iso_date(text) is not None:
        return None
    return phrase("finding.export-line.bad_date", value=repr(text))


def read_export_file(path: Path, display: str | None = None) -> list[dict[str, Any]]:
    """Every line of the export file at `path` (`-`: standard input), checked.

    Blank lines are skipped. Raises `UsageError` when the file cannot be opened and
    `FindingsError` with one located finding per bad line (shown as `display`,
    default the path, or `<stdin>`).
    """
    shown = display or (STDIN_NAME if is_dash(path) else str(path))
    try:
        raw = read_stdin() if is_dash(path) else path.read_bytes()
    except OSError as exc:
        raise UsageError(
            phrase("error.export.unreadable", path=shown, reason=os_reason(exc))
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        message = phrase("finding.export-encoding")
        raise FindingsError([Finding(shown, 1, 1, "error", "encoding", message)]) from None
    lines: list[dict[str, Any]] = []
    problems: list[Finding] = []
    # Lines end as in a file opened as text (\n, \r\n or \r), never at U+2028 inside a value.
    for number, line in enumerate(io.StringIO(text, newline=None), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(
                Finding(
                    shown,
                    number,
                    exc.colno,
                    "error",
                    "export-json",
                    phrase("finding.export-json"),  # located at exc.colno
                    phrase("hint.export-json"),
                )
            )
            continue
        problem = check_line(data)
        if problem:
            problems.append(Finding(shown, number, 1, "error", "export-line", problem))
            continue
        lines.append(data)
    if problems:
        raise FindingsError(problems)
    return lines


def dump_line(data: dict[str, Any]) -> str:
    """One export line: compact JSON, UTF-8 as written (no newline)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def refuse_existing(out: Path, force: bool) -> None:
    """UsageError when `out` exists and may not be overwritten."""
    if out.exists() and not force:
        raise UsageError(phrase("error.export.exists", out=str(out)))


def write_export_file(out: Path, lines: Iterable[str]) -> None:
    """Write `lines` (newlines included) to `out` through a temporary file: all or nothing."""
    temporary = out.with_name(out.name + ".tmp")
    try:
        with temporary.open("w", encoding="utf-8", newline="\n") as handle:
            handle.writelines(lines)
        temporary.replace(out)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise UsageError(
            phrase("error.export.unwritable", out=str(out), reason=os_reason(exc))
        ) from None
