"""Surgical edits of existing files: set top-level keys such as `row:`, or rename an id.

Hand-edited YAML is never re-dumped. The file is parsed once with `yamlio.parse_text`
to learn where each key and value sits; then only the value text of an existing key is
replaced (a trailing comment stays), or new `key: value` lines are appended after the
last line of the top-level mapping (`set_top_level_keys`, for `match --apply`); or an id
written as a word is replaced by another wherever it is given, in a mapping or a list
(`rename_values`, for `referral rename`). Every other byte, comments, blank lines, CRLF
line endings, a byte-order mark and a missing final newline included, stays as it was.
The edited text is parsed again and must give exactly the old data with the new values
(and an inventory entry must still validate); otherwise nothing is written. Files are
replaced atomically (temporary file in the same folder + `os.replace`).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from referral_cli.errors import FindingsError
from referral_cli.findings import Finding
from referral_cli.i18n import Phrase, phrase
from referral_cli.models import SLUG_PATTERN, InventoryEntry
from referral_cli.rules.validation import validate_document
from referral_cli.store.atomic import replace_file
from referral_cli.store.cache import content_digest
from referral_cli.store.limits import ENTRY_FILE_BYTES, TooLargeError, read_limited
from referral_cli.store.yamlio import PathKey, YamlError, mapping_end_line, parse_text

_BOM = "\ufeff"
_PLAIN_SAFE = re.compile(SLUG_PATTERN)
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}
_CHANGED_HINT = phrase("store.edit.changed.hint")


class EditError(FindingsError):
    """The file cannot be edited safely; carries one located finding."""

    def __init__(
        self, display: str, line: int, message: Phrase, hint: Phrase | None = None
    ) -> None:
        super().__init__([Finding(display, line, 1, "error", "cannot-edit", message, hint)])


def yaml_scalar(value: str) -> str:
    """`value` as a YAML scalar that reads back as the same text."""
    if _PLAIN_SAFE.match(value) and value.casefold() not in _RESERVED:
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _split_lines(text: str) -> list[str]:
    """Lines with their endings kept; only LF ends a line (a CR stays before it)."""
    lines = text.split("\n")
    result = [line + "\n" for line in lines[:-1]]
    if lines[-1]:
        result.append(lines[-1])
    return result


def _ending(line: str) -> str:
    if line.endswith("\r\n"):
        return "\r\n"
    return "\n" if line.endswith("\n") else ""


def _is_filler(line: str) -> bool:
    """Blank, comment-only, or a document marker: not part of any value."""
    stripped = line.strip()
    return not stripped or stripped.startswith("#") or stripped in {"---", "..."}


def _value_span(content: str, key_column: int) -> tuple[int, int] | None:
    """Start and end of the value text on a `key: value` line, or None if unusual.

    `content` is the line without its ending; `key_column` is 0-based. The span is
    empty (start == end) when the key has no value on this line.
    """
    position = key_column
    if position < len(content) and content[position] in "\"'":
        quote = content[position]
        closing = content.find(quote, position + 1)
        if closing < 0:
            return None
        position = closing + 1
    colon = content.find(":", position)
    if colon < 0:
        return None
    start = colon + 1
    while start < len(content) and content[start] in " \t":
        start += 1
    if start >= len(content) or content[start] == "#":
        return start, start
    first = content[start]
    if first in "\"'":
        end = start + 1
        while end < len(content):
            if content[end] == first:
                if first == "'" and content[end + 1 : end + 2] == "'":
                    end += 2
                    continue
                break
            if first == '"' and content[end] == "\\":
                end += 1
            end += 1
        if end >= len(content):
            return None
        return start, end + 1
    if first in "|>[{&*!":
        return None  # block scalars, flow collections, anchors, tags: not a simple value
    comment = re.search(r"[ \t]#", content[start:])
    end = start + comment.start() if comment else len(content)
    return start, len(content[:end].rstrip(" \t"))


def set_top_level_keys(text: str, updates: Mapping[str, str], display: str) -> str:
    """Return `text` with each top-level key in `updates` set to its value.

    Existing keys keep their line and trailing comment, only the value changes; new
    keys are appended, in the order given, after the last line of the top-level
    mapping. Raises `EditError` (or `FindingsError` for YAML errors) when the text
    cannot be edited safely.
    """
    bom = _BOM if text.startswith(_BOM) else ""
    body = text[len(bom) :]
    try:
        data, source = parse_text(body, display)
    except YamlError as exc:
        raise FindingsError([exc.finding]) from None
    if not isinstance(data, dict):
        raise EditError(
            display,
            1,
            phrase("store.edit.not-mapping"),
            phrase("store.edit.not-mapping.hint"),
        )
    lines = _split_lines(body)
    endings = [_ending(line) for line in lines if _ending(line)]
    newline = endings[0] if endings else "\n"
    top_lines = sorted(line for path, (line, _) in source.keys.items() if len(path) == 1)
    additions: list[str] = []
    for key, value in updates.items():
        scalar = yaml_scalar(value)
        if key not in data:
            additions.append(f"{key}: {scalar}")
            continue
        line_number, column = source.keys[(key,)]
        later = [n for n in top_lines if n > line_number]
        following = lines[line_number : (later[0] - 1) if later else len(lines)]
        if any(not _is_filler(line) for line in following):
            raise EditError(
                display,
                line_number,
                phrase("store.edit.multi-line", key=key),
                phrase("store.edit.multi-line.hint", key=key, value=scalar),
            )
        line = lines[line_number - 1]
        ending = _ending(line)
        content = line[: len(line) - len(ending)]
        span = _value_span(content, column - 1)
        if span is None:
            raise EditError(
                display,
                line_number,
                phrase("store.edit.not-plain", key=key),
                phrase("store.edit.not-plain.hint", key=key, value=scalar),
            )
        start, end = span
        rest = content[end:]
        if start == end:
            gap = "" if content[start - 1 : start] in {" ", "\t"} else " "
            tail = " " + rest if rest.startswith("#") else rest
            content = content[:start] + gap + scalar + tail
        else:
            content = content[:start] + scalar + rest
        lines[line_number - 1] = content + ending
    if additions:
        indent = " " * (min(source.keys[(k,)][1] for k in data) - 1) if data else ""
        # After the last value, not after the last non-comment-looking line: a block
        # scalar's own lines may look like comments ('  # ...') or markers ('  ...').
        last = mapping_end_line(body, display)
        if last == 0:
            raise EditError(display, 1, phrase("store.edit.no-keys"))
        new_lines = [indent + addition for addition in additions]
        if not _ending(lines[last - 1]):
            # The last line had no final newline: keep it that way after the new lines.
            lines[last - 1] += newline
            inserted = [line + newline for line in new_lines[:-1]] + [new_lines[-1]]
        else:
            inserted = [line + newline for line in new_lines]
        lines[last:last] = inserted
    result = "".join(lines)
    _verify(result, data, updates, display)
    return bom + result


def _verify(result: str, before: dict[str, Any], updates: Mapping[str, str], display: str) -> None:
    """The edited text must read back as the old data with exactly the new values."""
    expected = {**before, **updates}
    try:
        after, _ = parse_text(result, display)
    except YamlError:
        after = None
    if after != expected:
        raise EditError(
            display,
            1,
            phrase("store.edit.unsafe"),
            phrase(
                "store.edit.unsafe.hint",
                keys=", ".join(f"{k}: {yaml_scalar(v)}" for k, v in updates.items()),
            ),
        )


def rename_values(
    text: str,
    paths: Sequence[PathKey],
    old: str,
    new: str,
    display: str,
    *,
    keys: Sequence[PathKey] = (),
) -> tuple[str, list[tuple[PathKey, int, int]]]:
    """Return `text` with the id `old` replaced by `new` at every path in `paths`.

    Each value must be the word `old`, written plain or in quotes (`old`, "old",
    'old'); it is replaced in place, in the same quotes, so comments, flow lists
    (`[bank, old]`) and every other byte stay. `keys` are paths whose last part is a
    mapping key `old` (`("rows", "old")` in a translation file): the key itself is
    renamed, its value kept. Also returns where each value or key was (path, line,
    column). Raises `EditError` (or `FindingsError` for YAML errors) when one is written
    another way or the result would not read back as the same data with the new id.
    """
    bom = _BOM if text.startswith(_BOM) else ""
    body = text[len(bom) :]
    try:
        data, source = parse_text(body, display)
    except YamlError as exc:
        raise FindingsError([exc.finding]) from None
    lines = _split_lines(body)
    places = [(path, *source.values[path]) for path in paths]
    places += [(path, *source.keys[path]) for path in keys]
    # Right to left on each line, so an edit never moves the columns of the next one.
    for _, line, column in sorted(places, key=lambda place: (place[1], -place[2])):
        lines[line - 1] = _replace_word(lines[line - 1], column - 1, old, new, display, line)
    result = "".join(lines)
    expected = copy.deepcopy(data)
    for path in paths:
        _set_path(expected, path, new)
    for path in keys:
        _rename_key(expected, path, new)
    try:
        after, _ = parse_text(result, display)
    except YamlError:
        after = None
    if after != expected:
        raise EditError(display, places[0][1] if places else 1, phrase("store.edit.rename-unsafe"))
    return bom + result, places


def _replace_word(line: str, start: int, old: str, new: str, display: str, number: int) -> str:
    """`line` with the word `old` at `start` (plain or quoted) replaced by `new`."""
    quote = line[start : start + 1]
    if quote in ("'", '"') and line[start + 1 : start + 1 + len(old) + 1] == old + quote:
        return line[: start + 1] + new + line[start + 1 + len(old) :]
    end = start + len(old)
    if line[start:end] == old and (end == len(line) or line[end] in " \t\r\n,]}#:"):
        return line[:start] + yaml_scalar(new) + line[end:]
    raise EditError(
        display,
        number,
        phrase("store.edit.rename-not-plain", id=old),
        phrase("store.edit.rename-not-plain.hint", id=old, new=new),
    )


def _rename_key(data: Any, path: PathKey, new: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[new] = data.pop(path[-1])


def _set_path(data: Any, path: PathKey, value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def validate_entry_text(text: str, display: str) -> list[Finding]:
    """Findings from reading `text` as an inventory entry (empty when it is valid)."""
    try:
        data, source = parse_text(text.removeprefix(_BOM), display)
    except YamlError as exc:
        return [exc.finding]
    _, findings = validate_document(InventoryEntry, data, display, source)
    return findings


def update_entry_file(
    path: Path, updates: Mapping[str, str], display: str, expected: bytes | None = None
) -> None:
    """Set top-level keys of the inventory file at `path`, validate, write atomically.

    `expected` is the `cache.content_digest` of the file as it was when the change was
    decided (a proposal shown to someone): a file changed since (a colleague set `row:`
    by hand meanwhile) is left alone. Raises `FindingsError` (nothing written) when the
    file cannot be read, was changed, cannot be edited safely, or would not validate
    afterwards.
    """
    try:
        raw = read_limited(path, ENTRY_FILE_BYTES)
    except (OSError, TooLargeError):
        raise EditError(display, 1, phrase("store.edit.changed"), _CHANGED_HINT) from None
    if expected is not None and content_digest(raw) != expected:
        raise FindingsError(
            [
                Finding(
                    display,
                    1,
                    1,
                    "error",
                    "file-changed",
                    phrase("store.edit.changed"),
                    _CHANGED_HINT,
                )
            ]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise EditError(display, 1, phrase("store.edit.not-utf8")) from None
    edited = set_top_level_keys(text, updates, display)
    problems = [f for f in validate_entry_text(edited, display) if f.severity == "error"]
    if problems:
        raise FindingsError(problems)
    replace_file(path, edited.encode("utf-8"))
