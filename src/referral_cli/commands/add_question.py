"""`referral add-question`: add questions to the inventory without risk.

One entry comes from options and, at a terminal, from prompts for whatever
is missing; many entries come from a YAML or CSV file (`--from-file`). Every
entry is validated with the same models and cross-file checks as
`referral validate`, and guarded against a visitor's personal data, before
anything is written. Entries are written by `inventory_writer` (atomic, new
files only); with `--commit` they are committed to git on their own.

Only the library, actors and matrix are read, never the existing entries, so
adding a question takes the same time however large the inventory grows.
"""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from referral_cli.dates import parse_iso_date
from referral_cli.errors import CommitFailedError, FindingsError, UsageError
from referral_cli.findings import Finding, did_you_mean
from referral_cli.models import OUTCOMES, InventoryEntry
from referral_cli.rules.checks import check_entry, personal_data_findings
from referral_cli.rules.loading import load_readable
from referral_cli.rules.validation import validate_document
from referral_cli.store.gitio import error_text, is_work_tree, output_text, run_git
from referral_cli.store.inventory_writer import FIELD_ORDER, write_entries
from referral_cli.store.repository import (
    INVENTORY_DIR,
    Guidelines,
    LoadedEntry,
    display_path,
)
from referral_cli.store.yamlio import SourceMap, YamlError, parse_text
from referral_cli.views import outcome_label, shorten

STDIN = "-"
FLAG_OF: dict[str, str] = {
    "date": "--date",
    "description": "--description",
    "reflection": "--reflection",
    "branch": "--branch",
    "reasons": "--reason",
    "category": "--category",
    "row": "--row",
    "referred_to": "--referred-to",
    "outcome": "--outcome",
    "minutes": "--minutes",
    "read_level": "--read-level",
    "recorded_by": "--recorded-by",
    "period": "--period",
}
LIST_FIELDS = frozenset({"reasons", "referred_to"})
REQUIRED = ("description",)
_FLAGS_DISPLAY = "<options>"
_LIST_SPLIT = re.compile(r"[;,]")


class Prompter(Protocol):
    """How the core talks to a person at a terminal (the CLI supplies one).

    `ask` and `confirm` raise `KeyboardInterrupt` when the person gives up
    (Ctrl-C or end of input); nothing has been written at that point.
    """

    def ask(self, prompt: str, default: str = "", suffix: str = ": ") -> str:
        """One line of input; Enter gives `default`."""

    def confirm(self, prompt: str) -> bool:
        """A yes/no question; the default answer is no."""

    def say(self, text: str) -> None:
        """Show a line of text."""


@dataclass
class AddRequest:
    """Everything `add-question` was asked to do.

    `values` holds only the options that were given, by field name: text for
    single fields, a list of texts for `reasons` and `referred_to`.
    """

    root: Path
    values: dict[str, Any] = field(default_factory=dict)
    from_file: str | None = None
    no_input: bool = False
    assume_yes: bool = False
    commit: bool = False
    lang: str | None = None
    today: date = field(default_factory=date.today)


@dataclass
class AddResult:
    """What was written, warnings worth showing, and the commit made (if any)."""

    paths: list[Path]
    warnings: list[Finding]
    commit: str | None = None


@dataclass
class _Candidate:
    """One entry before validation, with where its values came from."""

    data: dict[str, Any]
    display: str
    source: SourceMap
    raw_text: str | None = None
    confirmed: set[str] = field(default_factory=set)


# --------------------------------------------------------------------------- texts

_TEXTS: dict[str, dict[str, str]] = {
    "sv": {
        "date": "Datum (ÅÅÅÅ-MM-DD)",
        "description": "Beskriv ärendet, inte besökaren: inga namn, personnummer, "
        "telefonnummer eller e-postadresser. Avsluta med en tom rad.",
        "reflection": "Din egen reflektion: vad var svårt, och varför? "
        "Frivillig; avsluta med en tom rad.",
        "branch": "Bibliotek:",
        "reasons": "Varför skavde frågan? Flera går bra.",
        "category": "Kategori i matrisen:",
        "row": "Rad i matrisen:",
        "referred_to": "Hänvisad till:",
        "outcome": "Hur gick det?",
        "minutes": "Tid i minuter (Enter = hoppa över)",
        "read_level": "READ-nivå 1–6 (Enter = hoppa över)",
        "recorded_by": "Dina initialer (Enter = hoppa över)",
        "pick_one": "Nummer eller id (Enter = hoppa över)",
        "pick_many": "Nummer eller id, flera med kommatecken (Enter = inga)",
        "not_a_choice": "'{answer}' finns inte bland valen{suggestion}. Försök igen.",
        "did_you_mean": " (menade du '{choice}'?)",
        "required": "Beskrivningen behövs. Skriv minst en rad.",
        "bad_date": "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-08-22.",
        "future_date": "{day} ligger i framtiden (i dag är det {today}).",
        "bad_number": "Skriv ett heltal från {low} till {high}.",
        "personal": "Texten ser ut att innehålla en besökares {kind} ({masked}). "
        "Skriv om texten utan den.",
        "maybe_personal": "{masked} kan vara ett {kind}. Är du säker på att det inte är "
        "en besökares uppgift?",
        "confirm_many": "Kan vara personuppgifter:",
        "confirm_keep": "Spara ändå?",
        "declined": "Inget sparades. Skriv om texten utan numret och försök igen.",
        "rewrite": "Skriv texten igen, utan numret.",
        "commit_one": "Frågeinventering: {day} {summary}",
        "commit_many": "Frågeinventering: {count} frågor, {first}–{last}",
        "committed": "Incheckat i git: {commit}",
        "personnummer": "personnummer",
        "samordningsnummer": "samordningsnummer",
        "email": "e-postadress",
        "phone": "telefonnummer",
        "card_number": "kortnummer",
        "bank_account": "bankkontonummer",
    },
    "en": {
        "date": "Date (YYYY-MM-DD)",
        "description": "Describe the case, not the visitor: no names, personal identity "
        "numbers, phone numbers or email addresses. End with an empty line.",
        "reflection": "Your own reflection: what was hard, and why? "
        "Optional; end with an empty line.",
        "branch": "Branch:",
        "reasons": "Why did the question chafe? Several are fine.",
        "category": "Matrix category:",
        "row": "Matrix row:",
        "referred_to": "Referred to:",
        "outcome": "How did it go?",
        "minutes": "Minutes spent (Enter = skip)",
        "read_level": "READ level 1–6 (Enter = skip)",
        "recorded_by": "Your initials (Enter = skip)",
        "pick_one": "Number or id (Enter = skip)",
        "pick_many": "Numbers or ids, separated by commas (Enter = none)",
        "not_a_choice": "'{answer}' is not one of the choices{suggestion}. Try again.",
        "did_you_mean": " (did you mean '{choice}'?)",
        "required": "The description is needed. Write at least one line.",
        "bad_date": "Write the date as YYYY-MM-DD, for example 2026-08-22.",
        "future_date": "{day} is in the future (today is {today}).",
        "bad_number": "Write a whole number from {low} to {high}.",
        "personal": "The text seems to hold a visitor's {kind} ({masked}). "
        "Write it again without it.",
        "maybe_personal": "{masked} may be a {kind}. Are you sure it is not a visitor's?",
        "confirm_many": "May be personal data:",
        "confirm_keep": "Save anyway?",
        "declined": "Nothing was written. Rewrite the text without the number and try again.",
        "rewrite": "Write the text again, without the number.",
        "commit_one": "Question inventory: {day} {summary}",
        "commit_many": "Question inventory: {count} questions, {first} to {last}",
        "committed": "Committed to git: {commit}",
        "personnummer": "personal identity number",
        "samordningsnummer": "coordination number",
        "email": "email address",
        "phone": "phone number",
        "card_number": "card number",
        "bank_account": "bank account number",
    },
}


def texts(lang: str) -> dict[str, str]:
    """The prompt texts in `lang` (`sv` or `en`)."""
    return _TEXTS["en" if lang == "en" else "sv"]


# --------------------------------------------------------------------------- entry point


def add_question(request: AddRequest, prompter: Prompter | None = None) -> AddResult:
    """Validate, guard and write one entry (from options and prompts) or many (from a file).

    Raises `FindingsError` (nothing written) for invalid entries or personal
    data, `UsageError` for a wrong invocation, `KeyboardInterrupt` when the
    person gives up at a prompt, and `CommitFailedError` when the entries were
    written but `git commit` failed.
    """
    guidelines = _load_base(request.root)
    lang = request.lang or guidelines.library.language
    if request.commit:
        ensure_git_repository(request.root)
    if request.no_input:
        prompter = None
    values = normalize_values(request.values)
    _check_flags(guidelines, values, request.today)

    if request.from_file is not None:
        candidates = _read_from_file(request.from_file, request.root)
        for candidate in candidates:
            _apply_defaults(candidate, values)
        if request.from_file == STDIN:
            prompter = None  # stdin holds the entries; nobody can answer there
    else:
        if prompter is not None:
            confirmed = _prompt_missing(guidelines, values, prompter, lang, request.today)
        else:
            confirmed = set()
            missing = [FLAG_OF[name] for name in REQUIRED if name not in values]
            if missing:
                raise UsageError(
                    f"missing required fields: {', '.join(missing)}. Give them as options, "
                    "or leave out --no-input to be asked for them."
                )
        values.setdefault("date", request.today.isoformat())
        candidates = [_Candidate(values, _FLAGS_DISPLAY, _flag_source(), confirmed=confirmed)]

    for candidate in candidates:
        _derive(guidelines, candidate.data)
    entries, warnings = _validate_all(guidelines, candidates, request.today)
    _confirm_uncertain(entries, request.assume_yes, prompter, lang)
    try:
        paths = write_entries(request.root, [entry for entry, _ in entries])
    except OSError as exc:  # write_entries has removed what it wrote
        folder = Path(exc.filename) if exc.filename else request.root / INVENTORY_DIR
        if folder.name.startswith("."):  # the temporary file: name its folder
            folder = folder.parent
        raise UsageError(
            f"cannot write the new entry in {display_path(request.root, folder)}: "
            f"{exc.strerror or exc}. Nothing was written."
        ) from None
    result = AddResult(paths, warnings)
    if request.commit:
        try:
            result.commit = commit_entries(request.root, paths, [e for e, _ in entries], lang)
        except UsageError as exc:
            written = ", ".join(display_path(request.root, p) for p in paths)
            raise CommitFailedError(
                f"{exc}\nThe entries were written and are kept: {written}. "
                "Commit them yourself with git.",
                paths,
            ) from None
    return result


# --------------------------------------------------------------------------- loading


def _load_base(root: Path) -> Guidelines:
    """The library, actors and matrix (no inventory); refuse if they have errors."""
    return load_readable(root, inventory=False)


def normalize_values(values: dict[str, Any]) -> dict[str, Any]:
    """Options as the model expects them: lists split on commas, line breaks unified."""
    result: dict[str, Any] = {}
    for name, value in values.items():
        if name not in FLAG_OF:
            raise UsageError(f"unknown field '{name}'")
        if value is None:
            continue
        if name in LIST_FIELDS:
            items = [value] if isinstance(value, str) else list(value)
            result[name] = [
                part.strip() for item in items for part in _LIST_SPLIT.split(item) if part.strip()
            ]
        elif isinstance(value, str):
            result[name] = _clean_text(value)
        else:
            result[name] = value
    return result


def _clean_text(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n")


# --------------------------------------------------------------------------- options


def _flag_source() -> SourceMap:
    """A source map that gives each field its own line, so findings name the option."""
    source = SourceMap()
    source.values[()] = (0, 0)
    for index, name in enumerate(FIELD_ORDER, start=1):
        source.values[(name,)] = (index, 0)
    return source


def _relabel(finding: Finding) -> Finding:
    """Turn a finding located by `_flag_source` into one that names the option."""
    if finding.file != _FLAGS_DISPLAY:
        return finding
    name = FIELD_ORDER[finding.line - 1] if 1 <= finding.line <= len(FIELD_ORDER) else None
    if name is None:
        return Finding(
            "referral add-question",
            0,
            0,
            finding.severity,
            finding.code,
            finding.message,
            finding.hint,
        )
    message = finding.text().removeprefix(f"{name}: ")
    return Finding(FLAG_OF[name], 0, 0, finding.severity, finding.code, message, finding.hint)


def _check_flags(guidelines: Guidelines, values: dict[str, Any], today: date) -> None:
    """Refuse wrong option values before anyone types a description at a prompt."""
    if not values:
        return
    data = dict(values)
    data.setdefault("date", today.isoformat())
    data.setdefault("description", "-")
    candidate = _Candidate(data, _FLAGS_DISPLAY, _flag_source())
    entry, findings = _validate_one(guidelines, candidate, today)
    errors = [f for f in findings if f.severity == "error"]
    if entry is not None:
        errors += [
            _relabel(f)
            for f in personal_data_findings(_FLAGS_DISPLAY, entry, candidate.source, None)
            if f.severity == "error" and FIELD_ORDER[f.line - 1] in values
        ]
    if errors:
        raise FindingsError(errors)


# --------------------------------------------------------------------------- files


def _read_from_file(name: str, root: Path) -> list[_Candidate]:
    if name == STDIN:
        raw = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
        display = "<stdin>"
    else:
        path = Path(name)
        display = display_path(root, path) if path.is_absolute() else name
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise UsageError(f"--from-file: cannot read {name}: {exc.strerror or exc}") from None
    text = _decode(raw if isinstance(raw, bytes) else raw.encode("utf-8"), display)
    is_csv = name.lower().endswith(".csv") or (
        not name.lower().endswith((".yaml", ".yml")) and not _looks_like_yaml(text)
    )
    candidates = parse_csv_entries(text, display) if is_csv else parse_yaml_entries(text, display)
    if not candidates:
        raise FindingsError(
            [Finding(display, 1, 1, "error", "no-entries", "the file holds no entries")]
        )
    return candidates


def _decode(raw: bytes, display: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FindingsError(
            [
                Finding(
                    display,
                    line,
                    1,
                    "error",
                    "encoding",
                    "the file is not valid UTF-8 text",
                    "save it as UTF-8 (in a spreadsheet: 'CSV UTF-8')",
                )
            ]
        ) from None


def _looks_like_yaml(text: str) -> bool:
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        return (
            stripped.startswith(("-", "[", "{")) or re.match(r"^[\w-]+\s*:", stripped) is not None
        )
    return True


def parse_yaml_entries(text: str, display: str) -> list[_Candidate]:
    """Entries from YAML: a list of entries (or a single entry), each with its positions."""
    try:
        data, source = parse_text(text, display)
    except YamlError as exc:
        raise FindingsError([exc.finding]) from None
    if data is None:
        return []
    items: list[tuple[Any, tuple[int, ...]]]
    if isinstance(data, dict):
        items = [(data, ())]
    elif isinstance(data, list):
        items = [(item, (index,)) for index, item in enumerate(data)]
    else:
        line, column = source.locate(())
        raise FindingsError(
            [
                Finding(
                    display,
                    line,
                    column,
                    "error",
                    "wrong-type",
                    "expected a list of entries (lines starting with '- date:')",
                )
            ]
        )
    candidates: list[_Candidate] = []
    problems: list[Finding] = []
    for item, prefix in items:
        if not isinstance(item, dict):
            line, column = source.locate(prefix)
            problems.append(
                Finding(
                    display,
                    line,
                    column,
                    "error",
                    "wrong-type",
                    "expected an entry here (key: value lines, such as 'date: 2026-08-22')",
                )
            )
            continue
        candidates.append(_Candidate(item, display, _sub_source(source, prefix), raw_text=text))
    if problems:
        raise FindingsError(problems)
    return candidates


def _sub_source(source: SourceMap, prefix: tuple[int, ...]) -> SourceMap:
    size = len(prefix)
    sub = SourceMap()
    sub.values = {p[size:]: loc for p, loc in source.values.items() if p[:size] == prefix}
    sub.keys = {p[size:]: loc for p, loc in source.keys.items() if p[:size] == prefix}
    return sub


def parse_csv_entries(text: str, display: str) -> list[_Candidate]:
    """Entries from CSV: a header row of field names, then one entry a row.

    Lists (`reasons`, `referred_to`) are separated by `;` or `,` inside a
    cell; empty cells are left out. Positions are the row's line and the
    field's column number.
    """
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    columns: list[str] = []
    candidates: list[_Candidate] = []
    problems: list[Finding] = []
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise FindingsError(
                [Finding(display, line, 1, "error", "csv-syntax", f"CSV error: {exc}")]
            ) from None
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = row
            columns, problems = _csv_columns(row, display, line)
            if problems:
                raise FindingsError(problems)
            continue
        candidate = _csv_row(row, columns, display, line, problems)
        if candidate is not None:
            candidates.append(candidate)
    if problems:
        raise FindingsError(problems)
    return candidates


def _csv_columns(row: list[str], display: str, line: int) -> tuple[list[str], list[Finding]]:
    columns: list[str] = []
    problems: list[Finding] = []
    for index, cell in enumerate(row, start=1):
        name = cell.strip().lower().replace("-", "_").replace(" ", "_")
        if name == "reason":
            name = "reasons"
        if name not in FLAG_OF:
            problems.append(
                Finding(
                    display,
                    line,
                    index,
                    "error",
                    "unknown-column",
                    f"unknown column '{cell.strip()}'{did_you_mean(name, FIELD_ORDER)}",
                    f"allowed columns: {', '.join(FIELD_ORDER)}",
                )
            )
        elif name in columns:
            problems.append(
                Finding(
                    display,
                    line,
                    index,
                    "error",
                    "duplicate-column",
                    f"the column '{name}' appears twice",
                )
            )
        columns.append(name)
    return columns, problems


def _csv_row(
    row: list[str], columns: list[str], display: str, line: int, problems: list[Finding]
) -> _Candidate | None:
    source = SourceMap()
    source.values[()] = (line, 1)
    data: dict[str, Any] = {}
    for index, cell in enumerate(row, start=1):
        if not cell.strip():
            continue
        if index > len(columns):
            problems.append(
                Finding(
                    display,
                    line,
                    index,
                    "error",
                    "extra-cell",
                    f"this row has more cells than the header ({len(columns)} columns)",
                )
            )
            return None
        name = columns[index - 1]
        source.values[(name,)] = (line, index)
        if name in LIST_FIELDS:
            data[name] = [part.strip() for part in _LIST_SPLIT.split(cell) if part.strip()]
        else:
            data[name] = _clean_text(cell)
    return _Candidate(data, display, source)


def _apply_defaults(candidate: _Candidate, values: dict[str, Any]) -> None:
    """Options given together with --from-file fill fields an entry leaves out."""
    for name, value in values.items():
        candidate.data.setdefault(name, value)


# --------------------------------------------------------------------------- validation


def _derive(guidelines: Guidelines, data: dict[str, Any]) -> None:
    """Fill the period from the date, and the category from the row."""
    if "period" not in data and isinstance(data.get("date"), str):
        day = parse_iso_date(data["date"])
        if day is not None:
            period = next((p for p in guidelines.library.periods if p.start <= day <= p.end), None)
            if period is not None:
                data["period"] = period.id
    if "category" not in data and isinstance(data.get("row"), str):
        category = next((c.id for c, r in guidelines.matrix.rows() if r.id == data["row"]), None)
        if category is not None:
            data["category"] = category


def _validate_one(
    guidelines: Guidelines, candidate: _Candidate, today: date
) -> tuple[InventoryEntry | None, list[Finding]]:
    """Model and cross-file findings for one candidate, all in one go.

    When some values fail the model, the others are still checked against
    the guidelines, so every problem is reported in a single run.
    """
    instance, findings = validate_document(
        InventoryEntry, candidate.data, candidate.display, candidate.source
    )
    entry = instance if isinstance(instance, InventoryEntry) else None
    checked, refused = (entry, set()) if entry is not None else _valid_part(candidate.data, today)
    if checked is not None:
        loaded = LoadedEntry(Path(candidate.display), candidate.display, checked, candidate.source)
        extra = check_entry(guidelines, loaded, today)
        if "date" in refused or "date" not in candidate.data:
            extra = [f for f in extra if f.code not in {"future-date", "outside-period"}]
        findings = findings + extra
    return entry, [_relabel(f) for f in findings]


def _valid_part(data: dict[str, Any], today: date) -> tuple[InventoryEntry | None, set[str]]:
    """The entry without the values the model refused (placeholders for required ones).

    Returns the entry and the names of the refused fields.
    """
    from pydantic import ValidationError

    try:
        InventoryEntry.model_validate(data)
    except ValidationError as exc:
        bad = {str(error["loc"][0]) for error in exc.errors() if error["loc"]}
    else:  # pragma: no cover - only called after the model refused the data
        bad = set()
    part = {name: value for name, value in data.items() if name not in bad}
    part.setdefault("date", today)
    part.setdefault("description", "-")
    try:
        return InventoryEntry.model_validate(part), bad
    except ValidationError:  # pragma: no cover - every refused value was left out
        return None, bad


def _validate_all(
    guidelines: Guidelines, candidates: Sequence[_Candidate], today: date
) -> tuple[list[tuple[InventoryEntry, list[Finding]]], list[Finding]]:
    """Validate every candidate; raise with every error, or return entries and warnings.

    Each entry comes with its uncertain personal-data findings, which need a
    confirmation; certain ones are errors.
    """
    entries: list[tuple[InventoryEntry, list[Finding]]] = []
    errors: list[Finding] = []
    warnings: list[Finding] = []
    for candidate in candidates:
        entry, findings = _validate_one(guidelines, candidate, today)
        uncertain: list[Finding] = []
        if entry is not None:
            for found in personal_data_findings(
                candidate.display, entry, candidate.source, candidate.raw_text
            ):
                found = _relabel(found)
                if found.severity == "error":
                    findings.append(found)
                elif _field_of(found, candidate) not in candidate.confirmed:
                    uncertain.append(found)
            entries.append((entry, uncertain))
        errors += [f for f in findings if f.severity == "error"]
        warnings += [f for f in findings if f.severity == "warning"]
    if errors:
        raise FindingsError(errors)
    return entries, warnings


def _field_of(finding: Finding, candidate: _Candidate) -> str:
    return (
        finding.text().split(":", 1)[0]
        if candidate.display != _FLAGS_DISPLAY
        else next(name for name, flag in FLAG_OF.items() if flag == finding.file)
    )


def _confirm_uncertain(
    entries: Sequence[tuple[InventoryEntry, list[Finding]]],
    assume_yes: bool,
    prompter: Prompter | None,
    lang: str,
) -> None:
    """Numbers that merely may be personal data need a yes: `--yes`, or at the prompt."""
    uncertain = [finding for _, found in entries for finding in found]
    if not uncertain or assume_yes:
        return
    if prompter is None:
        raise FindingsError(
            [
                Finding(
                    f.file,
                    f.line,
                    f.column,
                    "error",
                    f.code,
                    f.message,
                    f"{f.hint} If it is not personal data, run the command again with --yes.",
                )
                for f in uncertain
            ]
        )
    t = texts(lang)
    prompter.say(t["confirm_many"])
    for finding in uncertain:
        prompter.say("  " + finding.format().replace("\n", "\n  "))
    if not prompter.confirm(t["confirm_keep"]):
        raise FindingsError(
            [
                Finding(f.file, f.line, f.column, "error", f.code, f.message, t["declined"])
                for f in uncertain
            ]
        )


# --------------------------------------------------------------------------- prompts


def _prompt_missing(
    guidelines: Guidelines,
    values: dict[str, Any],
    prompter: Prompter,
    lang: str,
    today: date,
) -> set[str]:
    """Ask for every field not given as an option; return fields whose doubts were confirmed."""
    t = texts(lang)
    library, matrix = guidelines.library, guidelines.matrix
    confirmed: set[str] = set()
    if "date" not in values:
        values["date"] = _ask_date(prompter, t, today).isoformat()
    for name in ("description", "reflection"):
        if name not in values:
            text = _ask_text(prompter, t, name, required=name in REQUIRED, lang=lang)
            if text is not None:
                values[name], doubted = text
                if doubted:
                    confirmed.add(name)
    if "branch" not in values and library.branches:
        branches = [(b.id, b.name) for b in library.branches]
        default = branches[0][0] if len(branches) == 1 else None
        _store(values, "branch", _choose(prompter, t, t["branch"], branches, default=default))
    if "reasons" not in values:
        reasons = [(r.id, r.label) for r in library.reason_vocabulary()]
        _store(values, "reasons", _choose_many(prompter, t, t["reasons"], reasons))
    if "category" not in values and "row" not in values and matrix.categories:
        categories = [(c.id, c.title) for c in matrix.categories]
        _store(values, "category", _choose(prompter, t, t["category"], categories))
    if "row" not in values:
        rows = [
            (row.id, row.need)
            for category, row in matrix.rows()
            if values.get("category") in (None, category.id)
        ]
        if rows:
            _store(values, "row", _choose(prompter, t, t["row"], rows))
    if "referred_to" not in values and guidelines.actors.actors:
        actors = [(a.id, a.name) for a in guidelines.actors.actors]
        _store(values, "referred_to", _choose_many(prompter, t, t["referred_to"], actors))
    if "outcome" not in values:
        outcomes = [(o, outcome_label(o, lang)) for o in OUTCOMES]
        _store(values, "outcome", _choose(prompter, t, t["outcome"], outcomes))
    if "minutes" not in values:
        _store(values, "minutes", _ask_number(prompter, t, t["minutes"], 0, 1440))
    if "read_level" not in values:
        _store(values, "read_level", _ask_number(prompter, t, t["read_level"], 1, 6))
    if "recorded_by" not in values:
        initials = prompter.ask(t["recorded_by"]).strip()
        if initials:
            values["recorded_by"] = initials
    return confirmed


def _store(values: dict[str, Any], name: str, value: Any) -> None:
    if value not in (None, []):
        values[name] = value


def _ask_date(prompter: Prompter, t: dict[str, str], today: date) -> date:
    while True:
        answer = prompter.ask(t["date"], default=today.isoformat()).strip()
        day = parse_iso_date(answer or today.isoformat())
        if day is None:
            prompter.say(t["bad_date"])
        elif day > today:
            prompter.say(t["future_date"].format(day=day, today=today))
        else:
            return day


def _ask_text(
    prompter: Prompter, t: dict[str, str], name: str, *, required: bool, lang: str
) -> tuple[str, bool] | None:
    """Lines until an empty line; personal data is refused at once and asked again.

    Returns the text and whether an uncertain match in it was confirmed.
    """
    from referral_cli.rules.privacy import scan_text

    prompter.say(t[name])
    while True:
        lines: list[str] = []
        while True:
            line = prompter.ask("> ", suffix="")
            if not line.strip():
                break
            lines.append(line.rstrip())
        text = "\n".join(lines).strip()
        if not text:
            if required:
                prompter.say(t["required"])
                continue
            return None
        matches = scan_text(text)
        certain = [m for m in matches if m.certain]
        if certain:
            for match in certain:
                prompter.say(t["personal"].format(kind=t[match.kind], masked=match.masked))
            continue
        if matches:
            doubts = [t["maybe_personal"].format(kind=t[m.kind], masked=m.masked) for m in matches]
            if not prompter.confirm(" ".join(doubts)):
                prompter.say(t["rewrite"])
                continue
            return text, True
        return text, False


def _resolve(answer: str, options: Sequence[tuple[str, str]]) -> str | None:
    if answer.isdigit() and 1 <= int(answer) <= len(options):
        return options[int(answer) - 1][0]
    lowered = answer.lower()
    return next((option for option, _ in options if option == lowered), None)


def _show_options(prompter: Prompter, title: str, options: Sequence[tuple[str, str]]) -> None:
    prompter.say(title)
    width = max(len(option) for option, _ in options)
    digits = len(str(len(options)))
    for number, (option, label) in enumerate(options, start=1):
        prompter.say(f"  {number:>{digits}}) {option:<{width}}  {shorten(label, 60)}")


def _choose(
    prompter: Prompter,
    t: dict[str, str],
    title: str,
    options: Sequence[tuple[str, str]],
    default: str | None = None,
) -> str | None:
    _show_options(prompter, title, options)
    default_number = next(
        (str(n) for n, (option, _) in enumerate(options, start=1) if option == default), ""
    )
    while True:
        answer = prompter.ask(t["pick_one"], default=default_number).strip()
        if not answer:
            return None
        chosen = _resolve(answer, options)
        if chosen is not None:
            return chosen
        _say_not_a_choice(prompter, t, answer, (option for option, _ in options))


def _choose_many(
    prompter: Prompter, t: dict[str, str], title: str, options: Sequence[tuple[str, str]]
) -> list[str]:
    _show_options(prompter, title, options)
    while True:
        answer = prompter.ask(t["pick_many"]).strip()
        parts = [part for part in re.split(r"[,;\s]+", answer) if part]
        chosen = [_resolve(part, options) for part in parts]
        bad = next((part for part, c in zip(parts, chosen, strict=True) if c is None), None)
        if bad is None:
            return list(dict.fromkeys(c for c in chosen if c is not None))
        _say_not_a_choice(prompter, t, bad, (option for option, _ in options))


def _say_not_a_choice(
    prompter: Prompter, t: dict[str, str], answer: str, options: Iterable[str]
) -> None:
    import difflib

    close = difflib.get_close_matches(answer.lower(), list(options), n=1, cutoff=0.6)
    suggestion = t["did_you_mean"].format(choice=close[0]) if close else ""
    prompter.say(t["not_a_choice"].format(answer=answer, suggestion=suggestion))


def _ask_number(
    prompter: Prompter, t: dict[str, str], prompt: str, low: int, high: int
) -> int | None:
    while True:
        answer = prompter.ask(prompt).strip()
        if not answer:
            return None
        if answer.isdigit() and low <= int(answer) <= high:
            return int(answer)
        prompter.say(t["bad_number"].format(low=low, high=high))


# --------------------------------------------------------------------------- git


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    result = run_git(root, *args)
    if result is None:
        raise UsageError("--commit needs git, and git was not found on this computer")
    return result


def ensure_git_repository(root: Path) -> None:
    """Refuse `--commit` early, before anything is written, outside a git repository."""
    inside = is_work_tree(root)
    if inside is None:
        raise UsageError("--commit needs git, and git was not found on this computer")
    if not inside:
        raise UsageError(
            f"--commit: {root} is not inside a git repository. Run 'git init' there, "
            "or leave out --commit."
        )


def commit_message(
    entries: Sequence[InventoryEntry], paths: Sequence[Path], root: Path, lang: str
) -> str:
    """A descriptive commit message: the date and a short description, or a count."""
    t = texts(lang)
    if len(entries) == 1:
        entry = entries[0]
        return t["commit_one"].format(day=entry.date, summary=shorten(entry.description, 50))
    days = sorted(entry.date for entry in entries)
    subject = t["commit_many"].format(count=len(entries), first=days[0], last=days[-1])
    body = "\n".join(
        f"- {entry.date} {shorten(entry.description, 60)} ({display_path(root, path)})"
        for entry, path in zip(entries, paths, strict=True)
    )
    return f"{subject}\n\n{body}"


def commit_entries(
    root: Path, paths: Sequence[Path], entries: Sequence[InventoryEntry], lang: str
) -> str:
    """`git add` and `git commit` exactly the new files; other staged work stays out."""
    relative = [os.path.relpath(path, root) for path in paths]
    message = commit_message(entries, paths, root, lang)
    for args in (("add", "--", *relative), ("commit", "-q", "-m", message, "--", *relative)):
        result = _git(root, *args)
        if result.returncode != 0:
            raise UsageError(f"git {args[0]} failed: {error_text(result)}")
    head = output_text(_git(root, "rev-parse", "--short", "HEAD"))
    return texts(lang)["committed"].format(commit=f"{head} {message.splitlines()[0]}")
