"""`referral add-question`: add questions to the inventory without risk.

The flow: the options become a request (`intake.request`); the request gives
candidate entries, one from the options and the answers at the prompts
(`intake.interview`), or many from a YAML, CSV or Excel file (`intake.sources`); each
candidate is validated once (`intake.validation`) with the same models and checks as
`referral validate` and guarded against a visitor's personal data; then all entries
are written, or none (`store.inventory_writer`), and with `--commit` committed on
their own (`store.gitio`).

Only the library, actors and matrix are read, never the existing entries, so
adding a question takes the same time however large the inventory grows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from referral_cli.choices import entry_choices
from referral_cli.errors import CommitFailedError, FindingsError, UsageError
from referral_cli.findings import Finding
from referral_cli.i18n import os_reason, phrase, t
from referral_cli.intake.interview import Prompter, ask_missing
from referral_cli.intake.request import STDIN, AddRequest, Candidate, Derived, derive
from referral_cli.intake.sources import read_candidates
from referral_cli.intake.validation import Verdict, check_candidate
from referral_cli.models import InventoryEntry
from referral_cli.rules.loading import load_valid_guidelines
from referral_cli.store.gitio import commit_paths, require_work_tree
from referral_cli.store.inventory_writer import write_entries
from referral_cli.store.repository import INVENTORY_DIR, Guidelines, display_path
from referral_cli.views import shorten


@dataclass
class AddResult:
    """What was written, warnings worth showing, and the commit made (if any)."""

    paths: list[Path]
    warnings: list[Finding]
    commit: str | None = None


def add_question(request: AddRequest, prompter: Prompter | None = None) -> AddResult:
    """Validate, guard and write one entry (from options and prompts) or many (from a file).

    Raises `FindingsError` (nothing written) for invalid entries or personal
    data, `UsageError` for a wrong invocation, `KeyboardInterrupt` when the
    person gives up at a prompt, and `CommitFailedError` when the entries were
    written but `git commit` failed.
    """
    # Not a question is added while library.yaml, actors.yaml or matrix.yaml have an
    # error, a cross-file one (such as a period that ends before it starts) included.
    guidelines = load_valid_guidelines(request.root, inventory=False)
    lang = request.lang or guidelines.library.language
    if request.commit:
        ensure_git_repository(request.root)
    if request.no_input or request.from_file == STDIN:
        prompter = None  # with --from-file -, standard input holds the entries
    candidates = _candidates(request, guidelines, prompter, lang)
    accepted = entry_choices(guidelines)  # once, however many entries a file holds
    for candidate in candidates:
        derive(candidate, guidelines, accepted)
    verdicts = [check_candidate(guidelines, c, request.today, accepted) for c in candidates]
    errors = [finding for verdict in verdicts for finding in verdict.errors]
    if errors:
        raise FindingsError(errors)
    _confirm_doubts(verdicts, request.assume_yes, prompter, lang)
    # No errors: the model took every candidate, so each verdict has its entry.
    entries = [verdict.entry for verdict in verdicts if verdict.entry is not None]
    paths = _write(request.root, entries)
    result = AddResult(paths, [finding for verdict in verdicts for finding in verdict.warnings])
    if request.commit:
        result.commit = _commit(request.root, paths, entries, lang)
    return result


# --------------------------------------------------------------------------- candidates


def _candidates(
    request: AddRequest, guidelines: Guidelines, prompter: Prompter | None, lang: str
) -> list[Candidate]:
    """The entries to add: from the file, or from the options and the answers at prompts."""
    given = request.given()
    if request.from_file is not None:
        _refuse_bad_options(guidelines, given, request)  # before the file is read
        candidates = read_candidates(request.from_file, request.root)
        for candidate in candidates:
            candidate.fill_options(given)
        return candidates
    candidate = Candidate.from_options(given)
    if prompter is not None:
        _refuse_bad_options(guidelines, given, request)  # before anyone types an answer
        ask_missing(guidelines, candidate, prompter, lang, request.today)
    elif missing := candidate.missing():
        _refuse_bad_options(guidelines, given, request)  # a wrong value says more
        raise UsageError(phrase("error.missing-options", flags=", ".join(missing)))
    candidate.fill("date", request.today.isoformat(), Derived())
    return [candidate]


def _refuse_bad_options(guidelines: Guidelines, given: dict[str, Any], request: AddRequest) -> None:
    """Raise with every error in the options, checked alone (stand-ins for what is missing)."""
    if not given:
        return
    options = Candidate.from_options(given)
    options.fill("date", request.today.isoformat(), Derived())
    options.fill("description", "-", Derived())
    errors = check_candidate(guidelines, options, request.today).errors
    if errors:
        raise FindingsError(errors)


# --------------------------------------------------------------------------- confirming


def _confirm_doubts(
    verdicts: Sequence[Verdict], assume_yes: bool, prompter: Prompter | None, lang: str
) -> None:
    """Numbers that merely may be personal data need a yes: `--yes`, or at the prompt."""
    doubts = [finding for verdict in verdicts for finding in verdict.doubts]
    if not doubts or assume_yes:
        return
    if prompter is None:
        raise FindingsError(
            [
                replace(
                    f,
                    severity="error",
                    hint=phrase("hint.possible-personal-data.confirm-with-yes", hint=f.hint),
                )
                for f in doubts
            ]
        )
    prompter.say(t("add-question.doubts", lang))
    for finding in doubts:
        prompter.say("  " + finding.format(lang).replace("\n", "\n  "))
    if not prompter.confirm(t("add-question.keep-anyway", lang)):
        declined = phrase("add-question.declined.hint")
        raise FindingsError([replace(f, severity="error", hint=declined) for f in doubts])


# --------------------------------------------------------------------------- writing


def _write(root: Path, entries: Sequence[InventoryEntry]) -> list[Path]:
    """Write every entry, or none; a folder that cannot be written is a usage error."""
    try:
        return write_entries(root, entries)
    except OSError as exc:  # write_entries has removed what it wrote
        folder = Path(exc.filename) if exc.filename else root / INVENTORY_DIR
        if folder.name.startswith("."):  # the temporary file: name its folder
            folder = folder.parent
        raise UsageError(
            phrase(
                "error.cannot-write-entry",
                folder=display_path(root, folder),
                reason=os_reason(exc),
            )
        ) from None


# --------------------------------------------------------------------------- git


def ensure_git_repository(root: Path) -> None:
    """Refuse `--commit` early, before anything is written, outside a git repository."""
    require_work_tree(
        root,
        no_git=phrase("error.commit-needs-git"),
        outside=phrase("error.commit-outside-git", root=str(root)),
    )


def commit_message(
    entries: Sequence[InventoryEntry], paths: Sequence[Path], root: Path, lang: str
) -> str:
    """A descriptive commit message: the date and a short description, or a count."""
    if len(entries) == 1:
        entry = entries[0]
        summary = shorten(entry.description, 50)
        return t("add-question.commit.one", lang, day=entry.date, summary=summary)
    days = sorted(entry.date for entry in entries)
    subject = t("add-question.commit.many", lang, count=len(entries), first=days[0], last=days[-1])
    body = "\n".join(
        f"- {entry.date} {shorten(entry.description, 60)} ({display_path(root, path)})"
        for entry, path in zip(entries, paths, strict=True)
    )
    return f"{subject}\n\n{body}"


def _commit(root: Path, paths: list[Path], entries: Sequence[InventoryEntry], lang: str) -> str:
    """Commit the new files; the line that says so. The files stay if the commit fails."""
    message = commit_message(entries, paths, root, lang)
    try:
        head = commit_paths(root, paths, message)
    except UsageError as exc:
        written = ", ".join(display_path(root, path) for path in paths)
        raise CommitFailedError(
            phrase("error.commit-failed-kept", reason=exc.phrase, written=written), paths
        ) from None
    return t("add-question.committed", lang, commit=f"{head} {message.splitlines()[0]}")
