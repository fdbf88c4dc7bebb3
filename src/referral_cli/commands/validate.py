"""`referral validate`: every finding in the repository, in one run."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from pathlib import Path

from referral_cli.findings import Finding, sort_findings
from referral_cli.i18n import Phrase, counted, phrase
from referral_cli.rules.checks import check_guidelines
from referral_cli.store.repository import load_guidelines


@dataclass(frozen=True)
class ValidationReport:
    """The findings of one validation run and how many files were read."""

    findings: list[Finding]
    files: int

    @property
    def errors(self) -> list[Finding]:
        """Findings that make the data invalid."""
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        """Findings worth a look that do not make the data invalid."""
        return [f for f in self.findings if f.severity == "warning"]

    def exit_code(self, strict: bool) -> int:
        """0 when clean (warnings allowed unless `strict`), else 1."""
        return 1 if self.errors or (strict and self.warnings) else 0


def validate_repository(root: Path, today: date | None = None) -> ValidationReport:
    """Load and check everything under `root`, translation files too."""
    guidelines, findings = load_guidelines(root, translations=True)
    findings += check_guidelines(guidelines, today=today)
    files = len(guidelines.sources) + len({f.file for f in findings} - set(guidelines.sources))
    return ValidationReport(sort_findings(set(findings)), files)


def summary_line(report: ValidationReport) -> Phrase:
    """One line a coordinator reads first."""
    files = counted("common.count.file", report.files)
    if not report.findings:
        return phrase("validate.all-good", files=files)
    return phrase(
        "validate.summary",
        errors=counted("common.count.error", len(report.errors)),
        warnings=counted("common.count.warning", len(report.warnings)),
        files_with=counted("common.count.file", len({f.file for f in report.findings})),
        files=files,
    )


def format_text(report: ValidationReport, lang: str = "en") -> str:
    """Findings grouped by file, errors first, then the summary line."""
    blocks = []
    for file, group in groupby(report.findings, key=lambda f: f.file):
        blocks.append(f"{file}\n" + "\n".join("  " + f.format(lang) for f in group))
    return "\n\n".join([*blocks, summary_line(report).word(lang)])


def format_json(findings: Sequence[Finding], lang: str = "en") -> str:
    """A JSON list of findings: file, line, column, severity, code, message, hint."""
    return json.dumps([f.as_dict(lang) for f in findings], ensure_ascii=False, indent=2)
