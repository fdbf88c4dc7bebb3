"""`referral diff`'s report as plain text or Markdown, worded from the catalogue.

Both formats print the same lines; only the marks differ (headings, bullets,
ids in backticks), so one writer fills in a `Style`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from referral_cli.commands.diff.changes import DiffReport, FieldChange, ItemChange, StepChange
from referral_cli.errors import UsageError
from referral_cli.i18n import catalogue, phrase, t


@dataclass(frozen=True)
class Style:
    """The marks of one output format."""

    title: str  # before the title line
    heading: str  # before a section heading
    item: str  # before an item line
    detail: str  # before a line under an item (a step's before/after, a reason's count)
    field: str  # a changed field's name line, `{name}` filled in
    value: str  # before a field's before/after line
    quote: str  # around an id


TEXT = Style("", "", "  ", "    ", "    {name}", "      ", "")
MARKDOWN = Style("# ", "## ", "- ", "  - ", "  - **{name}**", "    - ", "`")


def format_text(report: DiffReport) -> str:
    """The report as plain text (for the terminal)."""
    return "\n".join(_lines(report, TEXT))


def format_markdown(report: DiffReport) -> str:
    """The report as Markdown (to paste into a merge request)."""
    return "\n".join(_lines(report, MARKDOWN))


FORMATS: dict[str, Callable[[DiffReport], str]] = {"text": format_text, "md": format_markdown}


def formatter(output_format: str) -> Callable[[DiffReport], str]:
    """The format function for `--format`; UsageError for a format diff does not write."""
    try:
        return FORMATS[output_format]
    except KeyError:
        raise UsageError(phrase("diff.error.format", value=output_format)) from None


def format_diff(report: DiffReport, output_format: str = "text") -> str:
    """The report as `text` or `md`."""
    return formatter(output_format)(report)


def field_label(name: str, lang: str) -> str:
    """A field's name for reviewers: `Label (name)` for a known field, else the name."""
    label = catalogue(lang).get(f"diff.field.{name}")
    return f"{label} ({name})" if label else name


def _lines(report: DiffReport, style: Style) -> list[str]:
    lang = report.language
    new_label = report.new_label or t("diff.working_tree", lang)
    lines = [style.title + t("diff.title", lang, old=report.old_label, new=new_label)]
    if report.empty:
        return [*lines, "", t("diff.nothing", lang)]
    if report.library:
        lines += _heading("diff.heading.library", lang, style)
        lines += _field_lines(report.library, lang, style)
    for section, noun, changes in (
        ("categories", "category", report.categories),
        ("rows", "row", report.rows),
        ("actors", "actor", report.actors),
    ):
        if changes:
            lines += _heading(f"diff.heading.{section}", lang, style)
            for change in changes:
                lines += _item_lines(change, noun, lang, style)
    for section, steps in (("checklist", report.checklist), ("closing", report.closing)):
        if steps:
            lines += _heading(f"diff.heading.{section}", lang, style)
            for step in steps:
                lines += _step_lines(step, lang, style)
    if report.inventory_added or report.inventory_removed:
        lines += _heading("diff.heading.inventory", lang, style)
        lines += _inventory_lines(report, lang, style)
    if report.stale_references:
        lines += _heading("diff.heading.stale", lang, style)
        lines += _stale_lines(report, lang, style)
    return lines


def _stale_lines(report: DiffReport, lang: str, style: Style) -> list[str]:
    """Each entry's reference to a lost id; then how to fix them, once per id."""
    q = style.quote
    lines = []
    for ref in report.stale_references:
        if ref.new_id is not None:
            what = t("diff.stale.renamed", lang, id=f"{q}{ref.id}{q}", new=f"{q}{ref.new_id}{q}")
        else:
            what = t("diff.stale.removed", lang, id=f"{q}{ref.id}{q}")
        lines.append(f"{style.item}{q}{ref.file}{q}: {ref.key}: {what}")
    fixes = dict.fromkeys((r.kind, r.id, r.new_id) for r in report.stale_references)
    for kind, old, new in fixes:
        if new is not None:
            command = f"{q}referral rename {kind} {old} {new}{q}"
            lines.append(style.item + t("diff.stale.fix_rename", lang, command=command))
        else:
            lines.append(style.item + t("diff.stale.fix_removed", lang, id=f"{q}{old}{q}"))
    return lines


def _heading(key: str, lang: str, style: Style) -> list[str]:
    return ["", style.heading + t(key, lang)]


def _field_lines(changes: list[FieldChange], lang: str, style: Style) -> list[str]:
    lines: list[str] = []
    for change in changes:
        lines.append(style.field.format(name=field_label(change.field, lang)))
        lines.append(f"{style.value}{t('diff.before', lang)}: {_value(change.old, lang)}")
        lines.append(f"{style.value}{t('diff.after', lang)}: {_value(change.new, lang)}")
    return lines


def _value(text: str | None, lang: str) -> str:
    return text if text is not None else t("diff.empty_value", lang)


def _item_lines(change: ItemChange, noun: str, lang: str, style: Style) -> list[str]:
    label = t(f"diff.{change.kind}.{noun}", lang)
    old_id = f"{style.quote}{change.id}{style.quote}"
    if change.kind == "renamed":
        new_id = f"{style.quote}{change.new_id or ''}{style.quote}"
        text = f"{label}: {old_id} {t('diff.renamed_to', lang, new=new_id)}"
    else:
        where = f" ({t('diff.in', lang, context=change.context)})" if change.context else ""
        text = f"{label} {old_id}{where}: {change.name}"
    return [style.item + text, *_field_lines(change.fields, lang, style)]


def _step_lines(step: StepChange, lang: str, style: Style) -> list[str]:
    label = t(f"diff.{step.kind}.step", lang, n=step.position)
    if step.kind == "changed":
        return [
            style.item + label,
            f"{style.detail}{t('diff.before', lang)}: {step.old}",
            f"{style.detail}{t('diff.after', lang)}: {step.new}",
        ]
    return [f"{style.item}{label}: {step.new if step.kind == 'added' else step.old}"]


def _inventory_lines(report: DiffReport, lang: str, style: Style) -> list[str]:
    lines: list[str] = []
    if report.inventory_added:
        key = "diff.entry_added" if report.inventory_added == 1 else "diff.entries_added"
        added = t(key, lang, n=report.inventory_added)
        lines.append(f"{style.item}{added}, {t('diff.by_reason', lang)}:")
        for reason in report.added_by_reason:
            label = reason.label if reason.label is not None else t("diff.no_reason", lang)
            lines.append(f"{style.detail}{label}: {reason.count}")
    if report.inventory_removed:
        key = "diff.entry_removed" if report.inventory_removed == 1 else "diff.entries_removed"
        lines.append(style.item + t(key, lang, n=report.inventory_removed))
    return lines
