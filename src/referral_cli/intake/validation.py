"""Check a candidate entry once, and say where each problem is.

The checks are those of `referral validate`: the model (`rules.validation`), the
cross-file checks of one entry (`rules.checks.check_entry`) and the personal-data guard
(`rules.checks.personal_data_findings`). The choices (branch, reasons, period,
category, row, actors, outcome) are first read as people type them
(`choices.entry_choices`); one that names nothing is reported here, with a "did you
mean" that is itself accepted, and left out of the other checks. A candidate read from
a file is located by its source map (`log.csv:3:4`). A candidate from options and
prompts has no file: each finding is about one field, and names the option of that
field (`--branch`, line 0).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from referral_cli.findings import Finding
from referral_cli.i18n import Phrase
from referral_cli.intake.request import FLAG_OF, Candidate, InFile, resolve_choices
from referral_cli.models import InventoryEntry
from referral_cli.rules.validation import entry_part
from referral_cli.store.yamlio import SourceMap

if TYPE_CHECKING:
    from referral_cli.choices import Choices
    from referral_cli.store.repository import Guidelines

# A finding about the entry as a whole, when it came from options and prompts.
COMMAND: Final = "referral add-question"
# The field each cross-file check of one entry (rules.checks.check_entry) is about.
CHECKED_FIELD: Final[Mapping[str, str]] = {
    "unknown-branch": "branch",
    "unknown-reason": "reasons",
    "unknown-period": "period",
    "unknown-actor": "referred_to",
    "unknown-category": "category",
    "unknown-row": "row",
    "row-category": "row",
    "future-date": "date",
    "outside-period": "date",
}
# The file that defines the ids of each kind of choice, for "none are defined yet in ...".
_DEFINED_IN: Final[Mapping[str, str]] = {
    "branch": "data/library.yaml",
    "reason": "data/library.yaml",
    "period": "data/library.yaml",
    "category": "data/matrix.yaml",
    "row": "data/matrix.yaml",
    "actor": "data/actors.yaml",
}
# Checks of the date that say nothing when the date itself is missing or refused.
_DATE_CHECKS: Final = frozenset({"future-date", "outside-period"})

About = tuple[str | None, Finding]  # a finding and the field it is about (None: the entry)


@dataclass
class Verdict:
    """What the checks found in one candidate.

    `entry` is None when the model refused the values (there are errors then);
    `doubts` are numbers that merely may be personal data, which nobody has confirmed.
    """

    entry: InventoryEntry | None
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    doubts: list[Finding] = field(default_factory=list)


def check_candidate(
    guidelines: Guidelines,
    candidate: Candidate,
    today: date,
    accepted: Mapping[str, Choices] | None = None,
) -> Verdict:
    """Every problem in `candidate`, each located where its value came from.

    `accepted`: the guidelines' `choices.entry_choices`, when the caller has them already.
    """
    from referral_cli.choices import entry_choices

    if candidate.unreadable:
        return Verdict(None, errors=list(candidate.problems))
    in_file = candidate.in_file or InFile(COMMAND, SourceMap())
    accepted = accepted or entry_choices(guidelines)
    resolve_choices(candidate, accepted)
    unknown = _choice_findings(candidate.values, accepted, in_file)
    named = {name for name, _ in unknown}
    values = {name: value for name, value in candidate.values.items() if name not in named}
    entry, found = _model_findings(values, in_file)
    found += unknown  # after the model's findings, where the checks of references come
    refused = {name for name, _ in found if name is not None}
    # When some values fail the model, the others are still checked against the
    # guidelines and for personal data, so every problem is reported in a single run.
    stand_ins: frozenset[str] = frozenset()
    checked = entry
    if entry is None:
        checked, stand_ins = entry_part(values, refused, today)
    if checked is not None:
        found += _entry_checks(guidelines, checked, in_file, today, "date" in stand_ins)
    verdict = Verdict(entry)
    verdict.errors.extend(candidate.problems)
    for name, finding in found:
        located = _located(finding, name, candidate)
        (verdict.errors if finding.severity == "error" else verdict.warnings).append(located)
    if checked is not None:
        # Personal data is looked for in every text that could be read, even when
        # another value was refused: one run reports both.
        for name, finding in _personal_data(checked, in_file, guidelines):
            located = _located(finding, name, candidate)
            if finding.severity == "error":
                verdict.errors.append(located)
            elif not candidate.confirmed(name):
                verdict.doubts.append(located)
    return verdict


def _choice_findings(
    values: Mapping[str, Any], accepted: Mapping[str, Choices], in_file: InFile
) -> list[About]:
    """A finding for each typed choice that names nothing, located, with its field.

    Non-text values are left to the model, which says what type it expected.
    """
    from referral_cli.choices import ENTRY_CHOICE_OF
    from referral_cli.findings import Finding

    found: list[About] = []
    for name, choices in accepted.items():
        value = values.get(name)
        items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            if not isinstance(item, str) or item in choices.ids:
                continue
            path = (name,) if index is None else (name, index)
            line, column = in_file.source.locate(path)
            what = ENTRY_CHOICE_OF[name]
            message, hint = unknown_choice(what, name, item, choices)
            found.append(
                (name, Finding(in_file.display, line, column, "error", _code(what), message, hint))
            )
    return found


def unknown_choice(what: str, name: str, value: str, choices: Choices) -> tuple[Phrase, Phrase]:
    """The message and hint for a choice `value` of `name` that names nothing."""
    from referral_cli.i18n import phrase

    close = choices.suggestion(value)
    ids = ", ".join(choices.ids)
    if what == "outcome":  # a closed vocabulary: worded as the model words it in a file
        shown = phrase("val.input.text", text=value)
        message = phrase("val.invalid-choice", label=name, value=shown, suggestion=close)
        return message, phrase("val.invalid-choice.hint", choices=ids)
    message = phrase(f"check.unknown.{what}", value=value, suggestion=close)
    if not choices.ids:
        return message, phrase(f"check.none-defined.{what}", where=_DEFINED_IN[what])
    return message, phrase(f"check.known.{what}", ids=", ".join(sorted(choices.ids)))


def _code(what: str) -> str:
    return "invalid-choice" if what == "outcome" else f"unknown-{what}"


def _model_findings(
    values: dict[str, Any], in_file: InFile
) -> tuple[InventoryEntry | None, list[About]]:
    """The entry, or the model's findings, each with the field its error is about."""
    from pydantic import ValidationError

    from referral_cli.rules.validation import findings_from_validation_error

    try:
        return InventoryEntry.model_validate(values), []
    except ValidationError as exc:
        findings = findings_from_validation_error(
            exc, InventoryEntry, in_file.display, in_file.source
        )
        # One finding for each error, in the same order: the error's path names the field.
        names = [str(error["loc"][0]) if error["loc"] else None for error in exc.errors()]
        return None, list(zip(names, findings, strict=True))


def _entry_checks(
    guidelines: Guidelines, entry: InventoryEntry, in_file: InFile, today: date, stand_in_date: bool
) -> list[About]:
    """The cross-file checks of one entry (references, dates), with their fields.

    `stand_in_date`: the entry's own date is missing or refused, so the date checked
    is a stand-in, and what the checks say about it is left out.
    """
    from referral_cli.rules.checks import check_entry
    from referral_cli.store.repository import LoadedEntry

    loaded = LoadedEntry(Path(in_file.display), in_file.display, entry, in_file.source)
    found = check_entry(guidelines, loaded, today)
    if stand_in_date:
        found = [f for f in found if f.code not in _DATE_CHECKS]
    return [(_checked_field(f, entry), f) for f in found]


def _checked_field(finding: Finding, entry: InventoryEntry) -> str | None:
    """The field a cross-file finding is about; an unknown actor may sit in either list."""
    if finding.code == "unknown-actor":
        value = finding.message.values.get("value")
        if value in entry.sent_by and value not in entry.referred_to:
            return "sent_by"
    return CHECKED_FIELD.get(finding.code)


def _personal_data(
    entry: InventoryEntry, in_file: InFile, guidelines: Guidelines
) -> list[tuple[str, Finding]]:
    """Personal data in each free-text field, field by field, so each finding has its field."""
    from referral_cli.rules.checks import personal_data_findings
    from referral_cli.rules.privacy import FREE_TEXT_FIELDS, allowed_contacts

    allowed = allowed_contacts(guidelines)
    found: list[tuple[str, Finding]] = []
    for name in FREE_TEXT_FIELDS:
        if getattr(entry, name):
            only = _only_text_of(entry, name, FREE_TEXT_FIELDS)
            findings = personal_data_findings(
                in_file.display, only, in_file.source, in_file.text, allowed
            )
            found += [(name, finding) for finding in findings]
    return found


def _only_text_of(entry: InventoryEntry, name: str, text_fields: tuple[str, ...]) -> InventoryEntry:
    """`entry` with the free text of `name` and no other (a bare stand-in description)."""
    blank: dict[str, Any] = {other: None for other in text_fields if other != name}
    if name != "description":
        blank["description"] = "-"  # required, and never personal data
    return entry.model_copy(update=blank)


def _located(finding: Finding, name: str | None, candidate: Candidate) -> Finding:
    """`finding` where its value came from: its file position (or cell), or its option."""
    if candidate.in_file is not None:
        if candidate.in_file.text is None and finding.code == "missing-key" and name:
            finding = _missing_column(finding, name)
        return candidate.in_file.locate(finding)
    if name is None or name not in FLAG_OF:
        return Finding(COMMAND, 0, 0, finding.severity, finding.code, finding.message, finding.hint)
    message = without_field(finding.message, name)
    return Finding(FLAG_OF[name], 0, 0, finding.severity, finding.code, message, finding.hint)


def _missing_column(finding: Finding, name: str) -> Finding:
    """A value a CSV or workbook row lacks, worded in columns: a sheet has no keys."""
    from dataclasses import replace

    from referral_cli.i18n import phrase
    from referral_cli.intake.sources import COLUMN_NAMES

    names = COLUMN_NAMES.get(name)
    if not names:
        return finding
    column = names[0][:1].upper() + names[0][1:]
    return replace(
        finding,
        message=phrase("add-question.missing-column", column=column, field=name),
        hint=phrase("add-question.missing-column.hint", column=column, flag=FLAG_OF[name]),
    )


def without_field(message: Phrase, name: str) -> Phrase:
    """A finding's message shown after the option of its field, without its own `field: `.

    In a file a message names the field it is about (`minutes: 'x' is not a whole
    number`); after `--minutes:` that would say it twice, so the message alone is shown.
    """
    if message.key == "common.about-field" and message.values.get("field") == name:
        inner = message.values["message"]
        if isinstance(inner, Phrase):
            return inner
    return message
