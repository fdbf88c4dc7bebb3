"""Unquoted values that other YAML tools read as something other than text.

referral reads a plain (unquoted) value as text unless it is `true`, `false` or
`null` (see `store.yamlio`), so `1177`, `no` (Norwegian) and `0701234567` are text.
Other tools do not agree: YAML 1.1 tools (PyYAML, many linters) read `no` and `on` as
booleans, `0701234567` as an octal number and `2025-01-01` as a date; the YAML 1.2
core schema, used by editors (VS Code's YAML extension) and `check-jsonschema`, reads
`1177` as a number. Where the schema says text, those tools then flag valid data, and
a tool that rewrites the file changes it. `validate` warns about every such value in
a text field (`ambiguous-value`), translation files included, with the fix: quote it.

Only text fields are checked: dates, numbers and yes/no fields are meant to be read as
such. The loaded models say which values are text; the file itself says whether a
value was quoted (a quoted value starts with a quote where the value starts).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from referral_cli.findings import Finding
from referral_cli.i18n import phrase
from referral_cli.store.repository import ACTORS_FILE, LIBRARY_FILE, MATRIX_FILE

if TYPE_CHECKING:
    from referral_cli.store.repository import Guidelines
    from referral_cli.store.yamlio import PathKey, SourceMap

CODE = "ambiguous-value"

# What each kind of plain scalar is read as, by the YAML 1.1 resolvers (as in PyYAML)
# and the YAML 1.2 core schema together. Text in a text field never needs more.
_READ_AS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "boolean",
        re.compile(
            r"y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|true|True|TRUE|false|False|FALSE"
        ),
    ),
    ("null", re.compile(r"~|null|Null|NULL")),
    (
        "number",
        re.compile(
            # integers: binary, octal (0777 and 0o777), hex, decimal, base 60 (10:30)
            r"[-+]?(?:0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*)"
            # floats: 1.5, 1., 10:30.5, .5, 1e3, infinity and not-a-number
            r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])*\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
        ),
    ),
    (
        "date",
        re.compile(
            r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
            r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}"
            r"(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?"
        ),
    ),
)
# Every pattern above starts with one of these: anything else is text to every tool.
_FIRST = frozenset("0123456789+-.~yYnNoOtTfF")


def read_as(text: str) -> str | None:
    """What YAML 1.1 or 1.2-core tools read the plain scalar `text` as, if not text."""
    if not text or text[0] not in _FIRST:
        return None
    for kind, pattern in _READ_AS:
        if pattern.fullmatch(text):
            return kind
    return None


def check_plain_scalars(guidelines: Guidelines) -> list[Finding]:
    """A warning for every unquoted text value another YAML tool would not read as text."""
    files = [
        (LIBRARY_FILE, guidelines.library, "library"),
        (ACTORS_FILE, guidelines.actors, "actors"),
        (MATRIX_FILE, guidelines.matrix, "matrix"),
    ]
    findings: list[Finding] = []
    for display, model, part in files:
        source = guidelines.sources.get(display)
        if part not in guidelines.broken and source is not None:
            findings += _check(guidelines.root / display, display, model, source)
    for loaded in guidelines.entries:
        findings += _check(loaded.path, loaded.display, loaded.entry, loaded.source)
    if guidelines.translations:  # loaded by the commands that check them (validate)
        from referral_cli.store.translations import translation_files

        paths = translation_files(guidelines.root)
        for language, translation in guidelines.translations.items():
            path = paths.get(language, guidelines.root / translation.display)
            findings += _check(path, translation.display, translation.file, translation.source)
    return findings


def _check(path: Path, display: str, model: Any, source: SourceMap) -> list[Finding]:
    candidates = list(_candidates(model, ()))
    if not candidates:
        return []  # the usual case: the file is not read again
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    findings = []
    for value, kind, at, key in candidates:
        if key and at not in source.keys:
            continue  # a key the file does not hold as written (never happens for text)
        line, column = source.locate(at, key=key)
        written = lines[line - 1][column - 1 :] if 0 < line <= len(lines) else ""
        if written.startswith(value):  # a quoted value starts with its quote instead
            findings.append(
                Finding(
                    display,
                    line,
                    column,
                    "warning",
                    CODE,
                    phrase(
                        "check.ambiguous-value", value=value, kind=phrase(f"check.read-as.{kind}")
                    ),
                    phrase("check.ambiguous-value.hint", value=value),
                )
            )
    return findings


def _candidates(value: Any, at: PathKey) -> Iterator[tuple[str, str, PathKey, bool]]:
    """(text, what others read it as, path, is a key) for every text value of a model."""
    if isinstance(value, str):
        kind = read_as(value)
        if kind is not None:
            yield value, kind, at, False
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _candidates(item, (*at, index))
    elif isinstance(value, dict):
        for name, item in value.items():
            kind = read_as(name) if isinstance(name, str) else None
            if kind is not None:
                yield name, kind, (*at, name), True
            yield from _candidates(item, (*at, name))
    elif hasattr(value, "__pydantic_fields__"):
        # Only the fields the file set: a default is not written anywhere to be quoted.
        for name in value.model_fields_set:
            yield from _candidates(getattr(value, name), (*at, name))
