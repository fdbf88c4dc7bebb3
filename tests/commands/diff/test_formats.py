from __future__ import annotations

import string

import pytest

from referral_cli.commands.diff.changes import (
    NO_REASON,
    DiffReport,
    FieldChange,
    ItemChange,
    ReasonCount,
    StaleReference,
    StepChange,
)
from referral_cli.commands.diff.formats import (
    field_label,
    format_diff,
    format_markdown,
    format_text,
    formatter,
)
from referral_cli.errors import UsageError
from referral_cli.i18n import catalogue


def full_report(language: str, new_label: str | None = "HEAD") -> DiffReport:
    """A report with a change of every kind."""
    return DiffReport(
        old_label="HEAD~1",
        new_label=new_label,
        language=language,
        library=[FieldChange("municipality", None, "Testkommun")],
        categories=[ItemChange("added", "ny", "Ny kategori")],
        rows=[
            ItemChange("renamed", "skanna", "Skanna pass", new_id="skanning", context="Dokument"),
            ItemChange(
                "changed",
                "bank",
                "Bankärenden",
                fields=[FieldChange("solution", "Gammal.", "Ny."), FieldChange("x.y", "1", None)],
                context="Dokument",
            ),
        ],
        actors=[ItemChange("removed", "banken", "Banken")],
        checklist=[StepChange("changed", 1, "Ryms det?", "Ryms ärendet?")],
        closing=[StepChange("added", 2, None, "Följdfrågor?"), StepChange("removed", 3, "X", None)],
        inventory_added=3,
        inventory_removed=1,
        added_by_reason=[ReasonCount("privacy", "Integritet", 2), ReasonCount(NO_REASON, None, 1)],
    )


def test_text_in_swedish() -> None:
    assert format_text(full_report("sv")) == "\n".join(
        [
            "Ändringar i riktlinjerna: HEAD~1 → HEAD",
            "",
            "Biblioteket (library.yaml)",
            "    Kommun (municipality)",
            "      före: (tomt)",
            "      efter: Testkommun",
            "",
            "Matrisens kategorier",
            "  Ny kategori ny: Ny kategori",
            "",
            "Matrisens rader",
            "  Rad med nytt id: skanna heter nu skanning (innehållet oförändrat)",
            "  Ändrad rad bank (i Dokument): Bankärenden",
            "    Lösning och/eller motivering (solution)",
            "      före: Gammal.",
            "      efter: Ny.",
            "    x.y",
            "      före: 1",
            "      efter: (tomt)",
            "",
            "Aktörer",
            "  Borttagen aktör banken: Banken",
            "",
            "Checklistan",
            "  Ändrat steg 1",
            "    före: Ryms det?",
            "    efter: Ryms ärendet?",
            "",
            "Avslut",
            "  Nytt steg 2: Följdfrågor?",
            "  Borttaget steg 3: X",
            "",
            "Frågeinventeringen",
            "  3 nya frågor, per skäl:",
            "    Integritet: 2",
            "    (inget skäl angivet): 1",
            "  1 borttagen fråga",
        ]
    )


def test_markdown_in_english() -> None:
    assert format_markdown(full_report("en", new_label=None)) == "\n".join(
        [
            "# Guideline changes: HEAD~1 → the working tree",
            "",
            "## The library (library.yaml)",
            "  - **Municipality (municipality)**",
            "    - before: (empty)",
            "    - after: Testkommun",
            "",
            "## Matrix categories",
            "- New category `ny`: Ny kategori",
            "",
            "## Matrix rows",
            "- Row with a new id: `skanna` is now `skanning` (content unchanged)",
            "- Changed row `bank` (in Dokument): Bankärenden",
            "  - **Solution and/or reason (solution)**",
            "    - before: Gammal.",
            "    - after: Ny.",
            "  - **x.y**",
            "    - before: 1",
            "    - after: (empty)",
            "",
            "## Actors",
            "- Removed actor `banken`: Banken",
            "",
            "## Checklist",
            "- Changed step 1",
            "  - before: Ryms det?",
            "  - after: Ryms ärendet?",
            "",
            "## Closing steps",
            "- New step 2: Följdfrågor?",
            "- Removed step 3: X",
            "",
            "## Question inventory",
            "- 3 new questions, by reason:",
            "  - Integritet: 2",
            "  - (no reason given): 1",
            "- 1 question removed",
        ]
    )


@pytest.mark.parametrize(
    ("language", "added", "removed", "expected"),
    [
        ("sv", 1, 2, ["  1 ny fråga, per skäl:", "  2 borttagna frågor"]),
        ("en", 2, 1, ["  2 new questions, by reason:", "  1 question removed"]),
        ("en", 0, 3, ["  3 questions removed"]),
    ],
)
def test_inventory_counts_are_singular_or_plural(
    language: str, added: int, removed: int, expected: list[str]
) -> None:
    report = DiffReport("a", "b", language, inventory_added=added, inventory_removed=removed)
    assert format_text(report).splitlines()[3:] == expected


@pytest.mark.parametrize(
    ("language", "new_label", "text", "md"),
    [
        (
            "sv",
            None,
            "Ändringar i riktlinjerna: HEAD → arbetskopian\n\nInga ändringar i riktlinjerna.",
            "# Ändringar i riktlinjerna: HEAD → arbetskopian\n\nInga ändringar i riktlinjerna.",
        ),
        (
            "en",
            "v2",
            "Guideline changes: HEAD → v2\n\nNo changes to the guidelines.",
            "# Guideline changes: HEAD → v2\n\nNo changes to the guidelines.",
        ),
    ],
)
def test_nothing_changed(language: str, new_label: str | None, text: str, md: str) -> None:
    report = DiffReport("HEAD", new_label, language)
    assert (format_diff(report), format_diff(report, "md")) == (text, md)


@pytest.mark.parametrize(
    ("name", "language", "expected"),
    [
        ("need", "sv", "Användaren behöver hjälp med (need)"),
        ("requires", "en", "What to bring (requires)"),
        ("review_interval_months", "sv", "Översynsintervall (månader) (review_interval_months)"),
        ("contact.phone", "en", "contact.phone"),  # no label: the name as it is in the file
    ],
)
def test_field_label(name: str, language: str, expected: str) -> None:
    assert field_label(name, language) == expected


@pytest.mark.parametrize("output_format", ["html", "json", "", "MD"])
def test_formats_diff_does_not_write(output_format: str) -> None:
    with pytest.raises(UsageError) as caught:
        formatter(output_format)
    assert str(caught.value) == f"--format: '{output_format}' is not text or md"
    with pytest.raises(UsageError):
        format_diff(DiffReport("a", "b", "sv"), output_format)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_diff_phrases_have_the_same_keys_and_placeholders_in_both_languages() -> None:
    sv = {k: v for k, v in catalogue("sv").items() if k.startswith("diff.")}
    en = {k: v for k, v in catalogue("en").items() if k.startswith("diff.")}
    assert sv, "no diff phrases found"
    assert set(sv) == set(en)
    for key, text in sv.items():
        assert text.strip() and en[key].strip(), key
        assert placeholders(text) == placeholders(en[key]), key


def stale_report(language: str) -> DiffReport:
    return DiffReport(
        old_label="HEAD",
        new_label=None,
        language=language,
        rows=[ItemChange("renamed", "filma-youtube", "Filma", new_id="filma-mobil")],
        actors=[ItemChange("removed", "polisen", "Polisen")],
        stale_references=[
            StaleReference("data/inventory/a.yaml", "row", "row", "filma-youtube", "filma-mobil"),
            StaleReference("data/inventory/b.yaml", "row", "row", "filma-youtube", "filma-mobil"),
            StaleReference("data/inventory/b.yaml", "sent_by", "actor", "polisen", None),
        ],
    )


def test_entries_that_still_refer_to_a_lost_id_are_named_with_the_fix() -> None:
    assert format_text(stale_report("sv")).splitlines()[-6:] == [
        "Frågor som fortfarande hänvisar till ett id som inte finns längre",
        "  data/inventory/a.yaml: row: filma-youtube, som nu heter filma-mobil",
        "  data/inventory/b.yaml: row: filma-youtube, som nu heter filma-mobil",
        "  data/inventory/b.yaml: sent_by: polisen, som har tagits bort",
        "  referral rename row filma-youtube filma-mobil ändrar alla",
        "  välj ett annat id i stället för polisen, eller ta bort det ur frågorna",
    ]
    assert format_markdown(stale_report("en")).splitlines()[-6:] == [
        "## Questions that still refer to an id that is gone",
        "- `data/inventory/a.yaml`: row: `filma-youtube`, which is now `filma-mobil`",
        "- `data/inventory/b.yaml`: row: `filma-youtube`, which is now `filma-mobil`",
        "- `data/inventory/b.yaml`: sent_by: `polisen`, which was removed",
        "- `referral rename row filma-youtube filma-mobil` changes them all",
        "- choose another id in place of `polisen`, or remove it from these questions",
    ]
