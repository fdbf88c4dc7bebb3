"""Is every word a command printed the catalogue's, or the user's own data?

The check behind tests/cli/test_errors.py. A line of output is explained when it is
a finding (`where: error|warning: MESSAGE [code]`, the severity and code being tokens
editors link) or a hint (`    <hint label>: MESSAGE`) whose message is explained, or
when it is explained itself. A text is explained when it is data (every word of it
is one of `allowed`: the command line, the repository's files, the tool's own ids,
keys and options), or when it is one line of a catalogue phrase of the language
asked for, each of its placeholders filled with an explained text (a nested phrase,
or data).

So a message click, pydantic, PyYAML, Jinja or the operating system worded, a
sentence written in the code instead of the catalogue, or a phrase of the other
language, leaves words that are neither: `unexplained` returns them.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from functools import cache
from typing import Any

from referral_cli.i18n import catalogue, t

_WORD = re.compile(r"[^\W\d_]{2,}")
_FINDING = re.compile(r"(?P<where>.+?): (?:error|warning): (?P<message>.+) \[[a-z0-9-]+\]")


def words(text: str) -> set[str]:
    """The words of `text` (two letters or more), case-folded."""
    return {word.casefold() for word in _WORD.findall(text)}


@cache
def _templates(lang: str) -> tuple[re.Pattern[str], ...]:
    """Every line of every phrase in `lang`, as a pattern whose groups are the placeholders.

    Only lines with letters of their own: a line that is nothing but placeholders and
    punctuation would explain any text (`common.about-field` is checked apart, see
    `_about_field`). A line starting with `{label}: ` is also kept without it.
    """
    lines: set[str] = set()
    for text in catalogue(lang).values():
        for line in (line.strip() for line in text.split("\n")):  # texts are compared stripped
            lines.add(line)
            if re.match(r"\{\w+\}: ", line):
                lines.add(line.split(": ", 1)[1])
    patterns = []
    for line in sorted(lines, key=len, reverse=True):
        literal = "".join(part for part, *_ in string.Formatter().parse(line))
        if not _WORD.search(literal):
            continue
        regex = "".join(
            re.escape(part) + ("(.*?)" if name is not None else "")
            for part, name, _, _ in string.Formatter().parse(line)
        )
        patterns.append(re.compile(regex, re.DOTALL))
    return tuple(patterns)


def _explained(text: str, lang: str, allowed: frozenset[str], depth: int = 0) -> bool:
    text = text.strip()
    if words(text) <= allowed:
        return True
    if depth > 6:
        return False
    for pattern in _templates(lang):
        match = pattern.fullmatch(text)
        if match and all(_explained(g, lang, allowed, depth + 1) for g in match.groups()):
            return True
    # A message about one field (`common.about-field`): the field is data, the rest a phrase.
    about = _about_field(lang).fullmatch(text)
    return bool(
        about
        and words(about.group(1)) <= allowed
        and _explained(about.group(2), lang, allowed, depth + 1)
    )


@cache
def _about_field(lang: str) -> re.Pattern[str]:
    """`common.about-field` as a pattern: nothing but placeholders, so it is kept apart."""
    line = catalogue(lang)["common.about-field"]
    return re.compile(
        "".join(
            re.escape(part) + ("(.*?)" if name is not None else "")
            for part, name, _, _ in string.Formatter().parse(line)
        ),
        re.DOTALL,
    )


def unexplained(output: str, lang: str, allowed: Iterable[str]) -> list[str]:
    """Every line of `output` that is neither the catalogue's (in `lang`) nor data.

    JSON output (`--format json`) keeps English keys and codes: only the worded
    `message` and `hint` of each finding are checked.
    """
    known = frozenset(word.casefold() for word in allowed)
    if output.lstrip().startswith("["):
        import json

        findings = json.loads(output)
        texts = [f.get(key) or "" for f in findings for key in ("message", "hint")]
        return [text for text in texts if not _explained(text, lang, known)]
    hint = t("common.hint", lang)
    bad = []
    for line in output.splitlines():
        stripped = line.strip()
        finding = _FINDING.fullmatch(stripped)
        if finding:
            parts = [finding["where"], finding["message"]]
        elif line.startswith("    ") and stripped.startswith(f"{hint}: "):
            parts = [stripped.removeprefix(f"{hint}: ")]
        else:
            parts = [stripped]
        if not all(_explained(part, lang, known) for part in parts):
            bad.append(line)
    return bad


def tool_words(app: Any) -> set[str]:
    """The tool's own ids, keys and options: words a message may quote in any language."""
    from referral_cli import models
    from referral_cli.i18n import LANGUAGES
    from referral_cli.store.inventory_writer import FIELD_ORDER

    found: set[str] = {"referral", "data", "yaml", "yml", "jsonl", "csv", "git", "head"}
    found |= set(LANGUAGES) | {"error", "warning", "library", "actors", "matrix", "inventory"}
    found |= _module_ids()
    for value in vars(models).values():
        if isinstance(value, type) and issubclass(value, models.BaseModel):
            found |= words(" ".join(value.model_fields))
        elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            found |= words(" ".join(value))
    found |= words(" ".join(FIELD_ORDER))
    found |= words(" ".join(reason.id for reason in models.default_reasons("en")))
    found |= _command_words(_click_command(app))
    return found


_ID = re.compile(r"[a-z][a-z0-9_.-]*")


# The modules whose constants name the tool's own ids (handouts, formats, dimensions,
# forges, filters); not the search's or the privacy guard's word lists.
_ID_MODULES = ("referral_cli.documents", "referral_cli.scaffold", "referral_cli.records")


def _module_ids() -> set[str]:
    """Ids the commands define as public constants: handouts, formats, dimensions..."""
    import importlib
    import pkgutil

    import referral_cli.commands

    names = [*_ID_MODULES]
    names += [
        i.name
        for i in pkgutil.walk_packages(referral_cli.commands.__path__, "referral_cli.commands.")
    ]
    found: set[str] = set()
    for name in names:
        for key, value in vars(importlib.import_module(name)).items():
            if key.startswith("_"):
                continue
            items = value.keys() if isinstance(value, dict) else value
            if isinstance(items, (tuple, list, frozenset, set, type({}.keys()))):
                ids = [item for item in items if isinstance(item, str) and _ID.fullmatch(item)]
                found |= words(" ".join(ids))
    return found


def _click_command(app: Any) -> Any:
    import typer.main

    return typer.main.get_command(app)


def _command_words(command: Any) -> set[str]:
    found = words(command.name or "")
    for param in command.params:
        found |= words(" ".join([*param.opts, str(param.metavar or "")]))
        choices = getattr(getattr(param, "type_descriptor", None), "choices", None) or ()
        found |= words(" ".join(str(getattr(c, "value", c)) for c in choices))
    for child in getattr(command, "commands", {}).values():
        found |= _command_words(child)
    return found
