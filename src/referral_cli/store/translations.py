"""The translation files: `data/translations/<language>.yaml`, one per language.

One file per language, named by its code: `ar.yaml`, `uk.yaml`, `sv-lattlast.yaml`.
`load_translations` reads them into `TranslationFile` models (findings instead of
exceptions, like every other file).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from referral_cli.i18n import phrase

if TYPE_CHECKING:
    from collections.abc import Callable

    from pydantic import BaseModel

    from referral_cli.findings import Finding
    from referral_cli.models import TranslationFile
    from referral_cli.store.yamlio import Document, SourceMap

    ModelLoader = Callable[..., tuple[BaseModel | None, Document | None]]

TRANSLATIONS_DIR: Final = "data/translations"
# A language code as a file name: ISO 639 (`ar`, `prs`), optionally one more part
# (`sv-lattlast`, Easy Swedish).
CODE: Final = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})?")


@dataclass(frozen=True)
class LoadedTranslation:
    """One translation file: its language, where it is, the model and its positions."""

    language: str
    display: str
    file: TranslationFile
    source: SourceMap


def translation_display(language: str) -> str:
    """The file of `language`, as messages name it (`data/translations/ar.yaml`)."""
    return f"{TRANSLATIONS_DIR}/{language}.yaml"


def translation_files(root: Path) -> dict[str, Path]:
    """Every file in `data/translations/` by its stem, sorted (`.yml` works too)."""
    folder = root / TRANSLATIONS_DIR
    if not folder.is_dir():
        return {}
    return {
        path.name.rsplit(".", 1)[0]: path
        for path in sorted(folder.iterdir())
        if path.suffix in (".yaml", ".yml") and not path.name.startswith(".") and path.is_file()
    }


def translated_languages(root: Path) -> list[str]:
    """The languages that have a translation file, in code order."""
    return [stem for stem in translation_files(root) if CODE.fullmatch(stem)]


def load_translations(
    root: Path,
    findings: list[Finding],
    load_model: ModelLoader,
    languages: Collection[str] | None = None,
) -> dict[str, LoadedTranslation]:
    """Read the translation files (all, or only `languages`); problems go to `findings`.

    `load_model` is `store.repository.load_model` (handed over: the repository loads
    the translations, so this module cannot import it). A file whose name is not a
    language code is an error: it would never be used.
    """
    from referral_cli.findings import Finding
    from referral_cli.models import TranslationFile

    loaded: dict[str, LoadedTranslation] = {}
    for stem, path in translation_files(root).items():
        if languages is not None and stem not in languages:
            continue
        display = f"{TRANSLATIONS_DIR}/{path.name}"
        if not CODE.fullmatch(stem):
            findings.append(
                Finding(
                    display,
                    1,
                    1,
                    "error",
                    "translation-file-name",
                    phrase("visitors.check.file-name", name=path.name),
                    phrase("visitors.check.file-name.hint"),
                )
            )
            continue
        model, document = load_model(TranslationFile, path, display, findings, empty_ok=True)
        if isinstance(model, TranslationFile):
            from referral_cli.store.yamlio import SourceMap

            source = document.source if document is not None else SourceMap()
            loaded[stem] = LoadedTranslation(stem, display, model, source)
    return loaded
