"""Check a candidate entry once, and say where each problem is.

The checks are those of `referral validate`: the model (`rules.validation`), the
cross-file checks of one entry (`rules.checks.check_entry`) and the personal-data guard
(`rules.checks.personal_data_findings`). A candidate read from a file is located by its
source map (`log.csv:3:4`). A candidate from options and prompts has no file: each
finding is about one field, and names the option of that field (`--branch`, line 0).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from referral_cli.findings import Finding
from referral_cli.i18n import Phrase
from referral_cli.intake.request import FLAG_OF, Candidate, InFile
from referral_cli.models import InventoryEntry
from referral_cli.store.yamlio import SourceMap

if TYPE_CHECKING:
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


def check_candidate(guidelines: Guidelines, candidate: Candidate, today: date) -> Verdict:
    """Every problem in `candidate`, each located where its value came from."""
    in_file = candidate.in_file or InFile(COMMAND, SourceMap())
    entry, found = _model_findings(candidate.values, in_file)
    refused = {name for name, _ in found if name is not None}
    checked = entry if entry is not None else _valid_part(candidate.values, refused, today)
    if checked is not None:
        stand_in_date = "date" in refused or "date" not in candidate.values
        found += _entry_checks(guidelines, checked, in_file, today, stand_in_date)
    verdict = Verdict(entry)
    for name, finding in found:
        located = _located(finding, name, candidate)
        (verdict.errors if finding.severity == "error" else verdict.warnings).append(located)
    if entry is not None:
        for name, finding in _personal_data(entry, in_file, guidelines):
            located = _located(finding, name, candidate)
            if finding.severity == "error":
                verdict.errors.append(located)
            elif not candidate.confirmed(name):
                verdict.doubts.append(located)
    return verdict


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


def _valid_part(values: dict[str, Any], refused: set[str], today: date) -> InventoryEntry | None:
    """The entry without the refused values (stand-ins for required ones), to check the rest.

    When some values fail the model, the others are still checked against the
    guidelines, so every problem is reported in a single run.
    """
    from pydantic import ValidationError

    part = {name: value for name, value in values.items() if name not in refused}
    part.setdefault("date", today)
    part.setdefault("description", "-")
    try:
        return InventoryEntry.model_validate(part)
    except ValidationError:  # pragma: no cover - every refused value was left out
        return None


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
        return candidate.in_file.locate(finding)
    if name is None or name not in FLAG_OF:
        return Finding(COMMAND, 0, 0, finding.severity, finding.code, finding.message, finding.hint)
    message = AfterOption.of(finding.message, name)
    return Finding(FLAG_OF[name], 0, 0, finding.severity, finding.code, message, finding.hint)


class AfterOption(Phrase):
    """A finding's message shown after the option of its field, without its own `field: `.

    In a file a message names the field it is about (`minutes: 'x' is not a whole
    number`); after `--minutes:` that would say it twice. The field is a key of the
    entry file, written the same in every language, so it is left out in whichever
    language the message is worded (the message stays a phrase until then).
    """

    @classmethod
    def of(cls, message: Phrase | str, name: str) -> AfterOption:
        """`message` about the field `name`, to be shown after its option."""
        return cls("add-question.after-option", (("message", message), ("field", name)))

    def word(self, lang: str) -> str:
        """The message in `lang`, without the field it starts with."""
        message, name = self.values["message"], self.values["field"]
        text = message.word(lang) if isinstance(message, Phrase) else str(message)
        return text.removeprefix(f"{name}: ")
