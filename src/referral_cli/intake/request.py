"""What `add-question` was asked to do, and the candidate entries it builds.

A candidate is one entry before validation. Each of its values has an origin: a
command-line option, an answer at a prompt, a value add-question filled in itself
(`Derived`), or a position in the file the candidate was read from (`InFile`, whose
source map holds the positions). Validation uses the origin to say where a problem is:
`--branch` for an option, `log.csv:3:4` for a file, `log.xlsx:Blad1!C7` for a cell of a
workbook.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from referral_cli.dates import parse_iso_date
from referral_cli.errors import UsageError
from referral_cli.findings import Finding
from referral_cli.i18n import phrase
from referral_cli.store.yamlio import SourceMap

if TYPE_CHECKING:
    from referral_cli.choices import Choices
    from referral_cli.store.repository import Guidelines

STDIN: Final = "-"
# The option that sets each field of an entry.
FLAG_OF: Final[Mapping[str, str]] = {
    "date": "--date",
    "description": "--description",
    "reflection": "--reflection",
    "branch": "--branch",
    "reasons": "--reason",
    "category": "--category",
    "row": "--row",
    "referred_to": "--referred-to",
    "sent_by": "--sent-by",
    "outcome": "--outcome",
    "minutes": "--minutes",
    "read_level": "--read-level",
    "recorded_by": "--recorded-by",
    "period": "--period",
}
LIST_FIELDS: Final = frozenset({"reasons", "referred_to", "sent_by"})
REQUIRED: Final = ("description",)
_LIST_SPLIT = re.compile(r"[;,]")


# --------------------------------------------------------------------------- origins


@dataclass(frozen=True)
class Option:
    """A value given as a command-line option, e.g. `--branch`."""

    flag: str


@dataclass(frozen=True)
class Prompt:
    """A value typed at a prompt.

    `confirmed`: the text held a number that merely may be personal data, and the
    person said at the prompt that it is not.
    """

    confirmed: bool = False


@dataclass(frozen=True)
class Derived:
    """A value add-question filled in itself.

    Today's date, the period containing the date, the category of the row, or a
    stand-in while only the options are checked.
    """


Origin = Option | Prompt | Derived


@dataclass(frozen=True)
class InFile:
    """The file a candidate was read from: its name as shown, positions and text.

    `text` is the whole file for YAML, so personal data is located at the exact
    column; None for CSV and workbooks, where a value's cell is position enough.
    `sheet` is the sheet of a workbook: positions are then its rows and columns, and
    a finding is shown at the cell, as a spreadsheet names it (`log.xlsx:Blad1!C7`).
    """

    display: str
    source: SourceMap
    text: str | None = None
    sheet: str | None = None

    def locate(self, finding: Finding) -> Finding:
        """`finding`, at its cell when this file is a workbook (else as it is)."""
        if self.sheet is None or finding.line <= 0:
            return finding
        where = cell_name(self.display, self.sheet, finding.line, finding.column)
        return replace(finding, file=where, line=0, column=0)


def cell_name(display: str, sheet: str, row: int, column: int) -> str:
    """A workbook cell as a spreadsheet names it: `log.xlsx:Blad1!C7`, `'Form 1'!C7`."""
    letters = ""
    number = column
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    quoted = sheet if re.fullmatch(r"\w+", sheet) else "'" + sheet.replace("'", "''") + "'"
    return f"{display}:{quoted}!{letters}{row}"


# --------------------------------------------------------------------------- candidates


@dataclass
class Candidate:
    """One entry before validation: its values by field name, and where they came from.

    Values read from `in_file` sit at the positions of its source map and have no
    entry in `origins`; every other value has one.
    """

    values: dict[str, Any] = field(default_factory=dict)
    origins: dict[str, Origin] = field(default_factory=dict)
    in_file: InFile | None = None
    # Found while reading the entry (a cell outside the named columns): reported with the
    # problems of its values, which are still checked, so one run reports them all.
    problems: list[Finding] = field(default_factory=list)
    # Not an entry at all (a list item that is a bare text): only `problems` are reported,
    # while the file's other entries are still checked.
    unreadable: bool = False

    @classmethod
    def from_options(cls, given: Mapping[str, Any]) -> Candidate:
        """The entry the options describe (see `AddRequest.given`)."""
        candidate = cls()
        candidate.fill_options(given)
        return candidate

    def fill(self, name: str, value: Any, origin: Origin) -> None:
        """Set `name` to `value` unless the entry already has a value for it."""
        if name not in self.values:
            self.values[name] = value
            self.origins[name] = origin

    def fill_options(self, given: Mapping[str, Any]) -> None:
        """Let the options fill the fields the entry leaves out."""
        for name, value in given.items():
            self.fill(name, value, Option(FLAG_OF[name]))

    def confirmed(self, name: str) -> bool:
        """Whether possible personal data in `name` was confirmed at a prompt."""
        origin = self.origins.get(name)
        return isinstance(origin, Prompt) and origin.confirmed

    def missing(self) -> list[str]:
        """The options of the required fields the entry has no value for."""
        return [FLAG_OF[name] for name in REQUIRED if name not in self.values]


def resolve_choices(candidate: Candidate, accepted: Mapping[str, Choices]) -> None:
    """Ids for the choices as people type them: `Språkbarriär` becomes `language`.

    Options, answers and files go through the same words (`choices.entry_choices`).
    A value no choice is named by stays as typed, for validation to report.
    """
    values = candidate.values
    for name, choices in accepted.items():
        value = values.get(name)
        if isinstance(value, str):
            values[name] = choices.resolve(value) or value
        elif isinstance(value, list):
            values[name] = [
                (choices.resolve(item) or item) if isinstance(item, str) else item for item in value
            ]


def derive(
    candidate: Candidate, guidelines: Guidelines, accepted: Mapping[str, Choices] | None = None
) -> None:
    """Ids for the words typed, then the period from the date and the category from the row.

    `accepted`: the guidelines' `choices.entry_choices`, when the caller has them already
    (a file of many entries builds them once).
    """
    from referral_cli.choices import entry_choices

    resolve_choices(candidate, accepted or entry_choices(guidelines))
    values = candidate.values
    if "period" not in values and isinstance(values.get("date"), str):
        day = parse_iso_date(values["date"])
        if day is not None:
            periods = guidelines.library.periods
            period = next((p for p in periods if p.start <= day <= p.end), None)
            if period is not None:
                candidate.fill("period", period.id, Derived())
    if "category" not in values and isinstance(values.get("row"), str):
        rows = guidelines.matrix.rows()
        category = next((c.id for c, r in rows if r.id == values["row"]), None)
        if category is not None:
            candidate.fill("category", category, Derived())


# --------------------------------------------------------------------------- the request


@dataclass
class AddRequest:
    """Everything `add-question` was asked to do.

    `options` holds the options that were given, by field name: text for single
    fields, a text or a list of texts for `reasons`, `referred_to` and `sent_by`.
    """

    root: Path
    options: Mapping[str, str | Sequence[str] | None] = field(default_factory=dict)
    from_file: str | None = None
    no_input: bool = False
    assume_yes: bool = False
    commit: bool = False
    lang: str | None = None
    today: date = field(default_factory=date.today)

    def given(self) -> dict[str, Any]:
        """The options as the model expects them: lists split on commas, line breaks unified.

        Raises `UsageError` for a name that is no field of an entry.
        """
        result: dict[str, Any] = {}
        for name, value in self.options.items():
            if name not in FLAG_OF:
                raise UsageError(phrase("error.unknown-entry-field", name=name))
            if value is None:
                continue
            if name in LIST_FIELDS:
                result[name] = split_list([value] if isinstance(value, str) else list(value))
            elif isinstance(value, str):
                result[name] = clean_text(value)
            else:
                result[name] = value
        return result


def split_list(cells: Sequence[str]) -> list[str]:
    """Ids from texts that may each hold several, separated by `;` or `,`."""
    return [part.strip() for cell in cells for part in _LIST_SPLIT.split(cell) if part.strip()]


def clean_text(value: str) -> str:
    """Text with every kind of line break (CR LF, CR) made a plain line feed."""
    return value.replace("\r\n", "\n").replace("\r", "\n")
