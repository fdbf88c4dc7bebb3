"""When a translation may be shown, and what `validate` says about translation files.

Every translated text records the fingerprint of the original (Swedish) text it was
translated from (`source:`). A translation is *current* when that fingerprint is the
fingerprint of the original as it is now; only current translations are printed. When
the original changes the translation is *stale* (validate warns, review shows what
changed); without a fingerprint it is *unconfirmed*; an original text with no
translation is *missing*. Stale, unconfirmed and missing texts print in the original,
marked (see `referral_cli.visitors`).

What can be translated is what visitors read: a row's `need`, `library_can` (on the
public page), `solution` and `phrasing`, a category's `title`, and the opening hours of
the library and of each actor. Names, addresses, phone numbers and web addresses are
printed as written: the visitor must find them on signs, maps and screens in Swedish.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal

from referral_cli.findings import Finding, suggestion
from referral_cli.i18n import Phrase, counted, phrase
from referral_cli.i18n.visitor import OWN_LABELS, REQUIREMENTS, VISITOR_LABELS, bundled_catalogue

if TYPE_CHECKING:
    from referral_cli.models import TranslatedText, TranslationFile
    from referral_cli.store.repository import Guidelines
    from referral_cli.store.translations import LoadedTranslation
    from referral_cli.store.yamlio import PathKey

State = Literal["current", "stale", "unconfirmed", "missing", "unused"]
# What can be translated, by the part of the translation file it sits in.
ROW_FIELDS: Final = ("need", "library_can", "solution", "phrasing")
CATEGORY_FIELDS: Final = ("title",)
CONTACT_FIELDS: Final = ("opening_hours",)
# The keys a library may give under `labels:` (the bundled visitor labels, without prefix).
LABEL_KEYS: Final = (
    *VISITOR_LABELS,
    *(f"requirement.{value}" for value in REQUIREMENTS),
    *OWN_LABELS,
)
MISSING_SHOWN: Final = 6  # missing texts named in validate's one warning per file


# The 16 letters a fingerprint is written in: consonants only, so it never reads as a
# number, a YAML word (`no`, `null`) or any word at all, in any editor.
FINGERPRINT_LETTERS: Final = "bcdfghjklmnpqrst"


def fingerprint(text: str) -> str:
    """Eight letters that change whenever the words of `text` change (`kqbtdmrf`).

    The first 32 bits of the text's SHA-256, one letter per 4 bits. White space is
    normalised first (and the text NFC-composed), so re-wrapping a long text in the
    YAML file, or an editor that decomposes `ä`, never makes a translation stale.
    """
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    digest = hashlib.sha256(normal.encode("utf-8")).hexdigest()[:8]
    return "".join(FINGERPRINT_LETTERS[int(digit, 16)] for digit in digest)


def label_key(name: str) -> str:
    """The catalogue key of a label a translation file gives (`slip_need` -> `label.slip_need`)."""
    if name.startswith("requirement."):
        return "vocab." + name
    if name in OWN_LABELS:
        return "visitors.label." + name
    return "label." + name


@dataclass(frozen=True)
class TranslatedField:
    """One text visitors read: the original as it is now, and its translation (if any).

    `part` is the part of the translation file (`rows`, `categories`, `actors`,
    `library`), `id` the row, category or actor (None for the library), `field` the key.
    """

    part: str
    id: str | None
    field: str
    original: str | None
    translation: TranslatedText | None

    @property
    def path(self) -> PathKey:
        """Where the translation sits (or would sit) in the translation file."""
        return (self.part, self.field) if self.id is None else (self.part, self.id, self.field)

    @property
    def name(self) -> str:
        """The path as people read it: `rows.bank-e-legitimation.need`."""
        return ".".join(str(part) for part in self.path)

    @property
    def expected(self) -> str | None:
        """The fingerprint a current translation records (None: no original text)."""
        return fingerprint(self.original) if self.original is not None else None

    @property
    def state(self) -> State:
        """current, stale, unconfirmed, missing, or unused (no original to translate)."""
        if self.original is None:
            return "unused"
        if self.translation is None:
            return "missing"
        if self.translation.source is None:
            return "unconfirmed"
        return "current" if self.translation.source == self.expected else "stale"

    @property
    def text(self) -> str | None:
        """The translation when it may be shown (current), else None."""
        return self.translation.text if self.translation and self.state == "current" else None


def translated_fields(guidelines: Guidelines, file: TranslationFile) -> list[TranslatedField]:
    """Every text visitors read, with its translation from `file`, in document order.

    The library, then each category with its rows, then the actors. Texts the original
    does not have are left out unless `file` translates them (state `unused`).
    """
    fields: list[TranslatedField] = []

    def add(part: str, item_id: str | None, name: str, original: str | None, given: object) -> None:
        translation = getattr(given, name, None) if given is not None else None
        if original is not None or translation is not None:
            fields.append(TranslatedField(part, item_id, name, original, translation))

    contact = guidelines.library.contact
    for name in CONTACT_FIELDS:
        add("library", None, name, getattr(contact, name) if contact else None, file.library)
    for category in guidelines.matrix.categories:
        for name in CATEGORY_FIELDS:
            add("categories", category.id, name, category.title, file.categories.get(category.id))
        for row in category.rows:
            for name in ROW_FIELDS:
                add("rows", row.id, name, getattr(row, name), file.rows.get(row.id))
    for actor in guidelines.actors.actors:
        contact = actor.contact
        for name in CONTACT_FIELDS:
            original = getattr(contact, name) if contact else None
            add("actors", actor.id, name, original, file.actors.get(actor.id))
    return fields


def unknown_ids(
    guidelines: Guidelines, file: TranslationFile
) -> Iterator[tuple[str, str, list[str]]]:
    """`(part, id, known ids)` for every row, category or actor `file` names that is not there."""
    known = {
        "categories": [category.id for category in guidelines.matrix.categories],
        "rows": [row.id for _, row in guidelines.matrix.rows()],
        "actors": [actor.id for actor in guidelines.actors.actors],
    }
    for part, ids in known.items():
        for item_id in getattr(file, part):
            if item_id not in ids:
                yield part, item_id, ids


# --------------------------------------------------------------------------- findings


def check_translations(guidelines: Guidelines) -> list[Finding]:
    """Findings for every loaded translation file (none when none were loaded)."""
    if {"matrix", "actors", "library"} & guidelines.broken:
        return []  # the originals are not known: every translation would look wrong
    findings: list[Finding] = []
    for loaded in guidelines.translations.values():
        findings += _check_file(guidelines, loaded)
    return findings


@dataclass(frozen=True)
class _Locator:
    """Findings located in one translation file."""

    loaded: LoadedTranslation

    def finding(
        self,
        path: PathKey,
        severity: Literal["error", "warning"],
        code: str,
        message: Phrase,
        hint: Phrase | None,
        *,
        key: bool = False,
    ) -> Finding:
        # A finding about the whole file sits on its first line.
        line, column = self.loaded.source.locate(path, key=key) if path else (1, 1)
        return Finding(self.loaded.display, line, column, severity, code, message, hint)


def _check_file(guidelines: Guidelines, loaded: LoadedTranslation) -> list[Finding]:
    at = _Locator(loaded).finding
    library_language = guidelines.library.language
    if loaded.language == library_language:
        return [
            at(
                (),
                "warning",
                "translation-own-language",
                phrase("visitors.check.own-language", language=library_language),
                phrase("visitors.check.own-language.hint"),
            )
        ]
    findings = _label_findings(_Locator(loaded))
    missing: list[TranslatedField] = []
    for item in translated_fields(guidelines, loaded.file):
        state = item.state
        if state == "missing":
            missing.append(item)
        elif state == "stale":
            findings.append(
                at(
                    (*item.path, "source"),
                    "warning",
                    "translation-stale",
                    phrase("visitors.check.stale", item=item.name),
                    phrase("visitors.check.stale.hint", fingerprint=item.expected),
                )
            )
        elif state == "unconfirmed":
            findings.append(
                at(
                    item.path,
                    "warning",
                    "translation-unconfirmed",
                    phrase("visitors.check.unconfirmed", item=item.name),
                    phrase("visitors.check.unconfirmed.hint", fingerprint=item.expected),
                )
            )
        elif state == "unused":
            findings.append(
                at(
                    item.path,
                    "warning",
                    "translation-unused",
                    phrase("visitors.check.unused", item=item.name),
                    phrase("visitors.check.unused.hint"),
                    key=True,
                )
            )
    for part, item_id, known in unknown_ids(guidelines, loaded.file):
        kind = phrase(f"visitors.kind.{part}")
        findings.append(
            at(
                (part, item_id),
                "warning",
                "translation-unknown",
                phrase(
                    "visitors.check.unknown",
                    kind=kind,
                    id=item_id,
                    suggestion=suggestion(item_id, known),
                ),
                phrase("visitors.check.unknown.hint"),
                key=True,
            )
        )
    if missing:
        findings.append(
            at(
                (),
                "warning",
                "translation-missing",
                counted("visitors.check.missing", len(missing), items=_some(_items(missing))),
                phrase("visitors.check.missing.hint"),
            )
        )
    return findings


def _label_findings(locator: _Locator) -> list[Finding]:
    """Labels the file gives that do not exist; labels no one gives (no bundled ones)."""
    loaded = locator.loaded
    given = loaded.file.labels
    findings = [
        locator.finding(
            ("labels", name),
            "error",
            "translation-unknown-label",
            phrase(
                "visitors.check.unknown-label", value=name, suggestion=suggestion(name, LABEL_KEYS)
            ),
            phrase("visitors.check.unknown-label.hint", labels=", ".join(LABEL_KEYS)),
            key=True,
        )
        for name in given
        if name not in LABEL_KEYS
    ]
    absent = [name for name in LABEL_KEYS if name not in given]
    if absent and bundled_catalogue(loaded.language) is None and loaded.language != "en":
        findings.append(
            locator.finding(
                ("labels",) if given else (),
                "warning",
                "translation-labels-missing",
                phrase(
                    "visitors.check.labels-missing",
                    language=loaded.language,
                    given=len(LABEL_KEYS) - len(absent),
                    total=len(LABEL_KEYS),
                ),
                phrase("visitors.check.labels-missing.hint", labels=_some(absent)),
                key=True,
            )
        )
    return findings


def _items(fields: list[TranslatedField]) -> list[str]:
    """The rows, categories and actors (or the library) the fields belong to, in order."""
    items = (f"{f.part}.{f.id}" if f.id is not None else f.part for f in fields)
    return list(dict.fromkeys(items))


def _some(names: list[str]) -> Phrase:
    """The first few names, and how many more there are."""
    shown = ", ".join(names[:MISSING_SHOWN])
    if len(names) <= MISSING_SHOWN:
        return phrase("visitors.check.names", names=shown)
    return phrase("visitors.check.names-more", names=shown, more=len(names) - MISSING_SHOWN)
