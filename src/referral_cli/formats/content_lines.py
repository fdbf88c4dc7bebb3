"""What iCalendar (RFC 5545) and vCard (RFC 6350) share: escaped text, folded lines, CRLF.

Both formats are "content lines" `NAME;PARAM=value:value`, at most 75 octets each
(longer ones continue on the next line after a space), ended by CRLF. Text values
escape backslash, comma, semicolon and line breaks.
"""

from __future__ import annotations

from collections.abc import Iterable

CRLF = "\r\n"
MAX_OCTETS = 75


def escape_text(value: str) -> str:
    r"""A TEXT value: `\`, `;`, `,` escaped, line breaks as `\n`."""
    escaped = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return escaped.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded to 75 octets, never inside a UTF-8 character."""
    parts: list[str] = []
    current, size, limit = "", 0, MAX_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            parts.append(current)
            current, size, limit = "", 0, MAX_OCTETS - 1  # the leading space counts
        current += char
        size += octets
    parts.append(current)
    return (CRLF + " ").join(parts)


def content(lines: Iterable[str]) -> str:
    """Folded lines, each ended by CRLF."""
    return "".join(fold(line) + CRLF for line in lines)
