"""What a visitor reads in their own language: the choice, the labels, translated texts.

`render --lang` takes, for the visitor handouts (`VISITOR_HANDOUTS`), any language that
has a translation file (`data/translations/<code>.yaml`), and `X+Y` for a slip in X with
the original (Y, the guidelines' own language) beside it. English is both: a language of
every handout's labels and, with `en.yaml`, a visitor language whose data is translated.

The rule of every visitor handout: a text is shown in the visitor's language only when
its translation is current (see `referral_cli.rules.translations`); otherwise the
original is shown, marked with an asterisk, and the handout says in small print what
the asterisk means. Nothing is mixed silently.

For the desk page, `visitor_languages` gives the languages a repository can print and
`desk_slip_choice` the slip it prints in each.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from referral_cli.errors import UsageError
from referral_cli.i18n import LANGUAGES, catalogue, labels, phrase
from referral_cli.i18n.visitor import VISITOR_KEYS, bundled_catalogue, machine_made
from referral_cli.rules.translations import (
    ROW_FIELDS,
    TranslatedField,
    label_key,
    translated_fields,
)
from referral_cli.views import RTL_LANGUAGES, own_language_name

if TYPE_CHECKING:
    from referral_cli.store.repository import Guidelines
    from referral_cli.store.translations import LoadedTranslation

# What a visitor takes home, reads on the wall or on the library's website: the
# handouts `--lang ar` prints (and the page it writes).
VISITOR_HANDOUTS: Final = ("referral-slips", "poster", "public-page")
EASY_SWEDISH: Final = "sv-lattlast"
# `lang` attributes for codes that are not BCP 47 tags themselves.
HTML_LANG: Final = {EASY_SWEDISH: "sv-x-lattlast"}
OWN_NAMES: Final = {EASY_SWEDISH: "Lättläst svenska"}
FALLBACK_MARK: Final = "*"
_CODE: Final = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})?")


# --------------------------------------------------------------------------- the choice


@dataclass(frozen=True)
class LanguageChoice:
    """What `--lang` asked for: the handout's language, and the one printed beside it."""

    code: str
    beside: str | None = None

    @property
    def option(self) -> str:
        """As typed: `ar`, `ar+sv`."""
        return self.code + (f"+{self.beside}" if self.beside else "")

    @property
    def file_suffix(self) -> str:
        """Added to a visitor handout's file name: '' for sv and en, else `-ar`, `-ar+sv`."""
        return "" if self.code in LANGUAGES and not self.beside else f"-{self.option}"


def parse_language(value: str | None) -> LanguageChoice | None:
    """`--lang` read as a `LanguageChoice` (syntax only); `UsageError` if it is no code."""
    if value is None:
        return None
    code, plus, beside = value.strip().partition("+")
    if not _CODE.fullmatch(code) or (plus and beside not in LANGUAGES):
        raise UsageError(phrase("visitors.error.lang-syntax", value=value))
    return LanguageChoice(code, beside or None)


def check_translated(choice: LanguageChoice, translated: Sequence[str]) -> None:
    """Refuse a language other than sv and en that has no translation file."""
    from referral_cli.findings import suggestion

    if choice.code not in LANGUAGES and choice.code not in translated:
        raise UsageError(
            phrase(
                "visitors.error.no-translation",
                value=choice.option,
                language=choice.code,
                suggestion=suggestion(choice.code, translated),
                languages=", ".join(translated) or "–",
            )
        )


def check_choice(choice: LanguageChoice, own: str, translated: Sequence[str]) -> None:
    """Refuse a choice the repository cannot print.

    `own` is the guidelines' language, `translated` the languages with a translation
    file. The language beside must be `own` (the text beside is the original) and
    differ from the first one.
    """
    check_translated(choice, translated)
    if choice.beside is not None and choice.beside != own:
        raise UsageError(
            phrase("visitors.error.beside", value=choice.option, language=own, code=choice.code)
        )
    if choice.beside is not None and choice.code == own:
        raise UsageError(phrase("visitors.error.beside-self", value=choice.option))


def is_visitor_choice(choice: LanguageChoice | None, own: str, translated: Sequence[str]) -> bool:
    """Whether the visitor handouts are printed in the visitor's language (with translations).

    True for a language other than sv and en, for `X+Y`, and for en when `en.yaml` exists.
    """
    if choice is None or choice.code == own:
        return False
    return choice.code not in LANGUAGES or choice.beside is not None or choice.code in translated


def html_lang(code: str) -> str:
    """The `lang` attribute for `code` (`sv-lattlast` is not a BCP 47 tag: `sv-x-lattlast`)."""
    return HTML_LANG.get(code, code)


def language_label(code: str, lang: str) -> str:
    """A visitor's language as staff read it in `lang`: `arabiska`, `lättläst svenska`."""
    from referral_cli.i18n import language_name

    return catalogue(lang).get(f"visitors.language.{code}") or language_name(code, lang)


def is_rtl(code: str) -> bool:
    """Whether `code` is written right to left."""
    return code.split("-")[0] in RTL_LANGUAGES


# --------------------------------------------------------------------------- the language


class VisitorLanguage:
    """One visitor language over loaded guidelines: its labels and its texts.

    `staff` is the language of everything not bundled for visitors (sv or en; the
    guidelines' own by default). `translation` is the loaded file of `code`, or None
    (English without `en.yaml`: labels only).
    """

    def __init__(self, guidelines: Guidelines, code: str, beside: str | None = None) -> None:
        self.code = code
        self.beside = beside
        self.own = guidelines.library.language
        self.staff = code if code in LANGUAGES else self.own
        self.translation: LoadedTranslation | None = guidelines.translations.get(code)
        file = self.translation.file if self.translation else None
        self._fields: dict[tuple[str, str | None, str], TranslatedField] = (
            {(f.part, f.id, f.field): f for f in translated_fields(guidelines, file)}
            if file is not None
            else {}
        )
        self._words, self.fallback_labels = self._visitor_words()
        # Language names are in the staff's language; a reader of another language gets
        # each name in its own script instead (`العربية`, `Soomaali`).
        self.own_names_only = code.split("-")[0] != self.staff

    # ----------------------------------------------------------------- labels

    def _visitor_words(self) -> tuple[dict[str, str], list[str]]:
        """Every visitor key in this language, and the keys that fell back to the staff's."""
        given = self.translation.file.labels if self.translation else {}
        own = {label_key(name): text for name, text in given.items()}
        bundled = bundled_catalogue(self.code) or (
            catalogue(self.code) if self.code in LANGUAGES else {}
        )
        staff = catalogue(self.staff)
        words: dict[str, str] = {}
        fallback = []
        for key in VISITOR_KEYS:
            if key in own:
                words[key] = own[key]
            elif key in bundled:
                words[key] = bundled[key]
            else:
                words[key] = staff[key]
                fallback.append(key)
        return words, fallback

    def word(self, key: str) -> str:
        """One visitor key (`label.slip_need`) in this language; a fallback carries the mark."""
        text = self._words[key]
        return f"{text} {FALLBACK_MARK}" if key in self.fallback_labels else text

    def labels(self) -> dict[str, str]:
        """`L` for a visitor handout: every label (the staff's), the visitor's over them."""
        words = labels(self.staff)
        for key in VISITOR_KEYS:
            if key.startswith("label."):
                words[key.removeprefix("label.")] = self.word(key)
        source = self._words[f"visitors.label.source_{self.own}"]
        words["fallback_note"] = (
            FALLBACK_MARK
            + " "
            + self._words["visitors.label.fallback_note"].format(language=source)
        )
        return words

    def beside_labels(self) -> dict[str, str]:
        """The labels of the language printed beside (its staff catalogue), or {}."""
        return labels(self.beside) if self.beside else {}

    def requirement(self, value: str) -> str:
        """A thing to bring, in this language."""
        return self.word(f"vocab.requirement.{value}")

    @property
    def machine_labels(self) -> bool:
        """Whether bundled machine-made labels are used (none replaced by the library)."""
        given = self.translation.file.labels if self.translation else {}
        return machine_made(self.code) and not given

    # ----------------------------------------------------------------- texts

    def text(self, part: str, item_id: str | None, field: str, original: str) -> tuple[str, bool]:
        """`(text, fallback)`: the current translation, else the original (fallback True).

        English without a translation file shows the originals as they are (labels-only
        English, as before translations existed), and never marks them.
        """
        if self.translation is None:
            return original, False
        found = self._fields.get((part, item_id, field))
        translated = found.text if found is not None else None
        return (translated, False) if translated is not None else (original, True)

    def describe(self) -> dict[str, Any]:
        """The language for a template.

        `code`, `lang`, `dir`, `rtl`, `name` (in itself); `original`, the same for the
        guidelines' own language; `beside`, the same for the language printed beside
        (with its labels as `L`), or None; `note`, the small print explaining the
        fallback mark; `machine_labels`; `own_names_only` (language names in their own
        script, the visitor's language having no names of its own here).
        """
        return {
            **_language(self.code),
            "original": _language(self.own),
            "beside": {**_language(self.beside), "L": self.beside_labels()}
            if self.beside
            else None,
            "note": self.labels()["fallback_note"],
            "machine_labels": self.machine_labels,
            "own_names_only": self.own_names_only,
        }


def _language(code: str) -> dict[str, Any]:
    rtl = is_rtl(code)
    return {
        "code": code,
        "lang": html_lang(code),
        "dir": "rtl" if rtl else "ltr",
        "rtl": rtl,
        "name": OWN_NAMES.get(code) or own_language_name(code) or code,
    }


# --------------------------------------------------------------------------- views


def translate_row(
    row: dict[str, Any], visitor: VisitorLanguage, requires: Sequence[str]
) -> dict[str, Any]:
    """A public row view (`views.row_view`, with `category`) in the visitor's language.

    The texts become the visitor's (`need`, `library_can`, `solution`, `phrasing`,
    `category`);
    `fallback` lists those shown in the original; with a language beside, `beside`
    holds the originals of the translated ones. `requires` are the row's requirement
    values; `actors` are translated with `translate_actor`.
    """
    view = dict(row)
    fallback: list[str] = []
    beside: dict[str, str] = {}
    for field in ROW_FIELDS:
        original = row.get(field)
        if original is None:
            continue
        view[field], missing = visitor.text("rows", row["id"], field, original)
        _record(field, missing, original, visitor, fallback, beside)
    category_id = row.get("category_id")
    if row.get("category") is not None and category_id is not None:
        view["category"], missing = visitor.text(
            "categories", category_id, "title", row["category"]
        )
        _record("category", missing, row["category"], visitor, fallback, beside)
    view["requires"] = [visitor.requirement(value) for value in requires]
    view["actors"] = [translate_actor(actor, visitor) for actor in row["actors"]]
    view["fallback"] = fallback
    view["beside"] = beside
    return view


def _record(
    field: str,
    missing: bool,
    original: str,
    visitor: VisitorLanguage,
    fallback: list[str],
    beside: dict[str, str],
) -> None:
    if missing:
        fallback.append(field)
    elif visitor.beside is not None:
        beside[field] = original


def translate_actor(actor: dict[str, Any], visitor: VisitorLanguage) -> dict[str, Any]:
    """An actor view with its opening hours in the visitor's language.

    `fallback` lists `opening_hours` when they are shown in the original.
    """
    return _translate_contact(actor, visitor, "actors", actor.get("id"))


def translate_library(library: dict[str, Any], visitor: VisitorLanguage) -> dict[str, Any]:
    """The library view (`views.library_view`) with its opening hours translated."""
    return _translate_contact(library, visitor, "library", None)


def _translate_contact(
    view: dict[str, Any], visitor: VisitorLanguage, part: str, item_id: str | None
) -> dict[str, Any]:
    translated = dict(view)
    contact = dict(view["contact"])
    fallback = []
    hours = contact.get("opening_hours")
    if hours:
        contact["opening_hours"], missing = visitor.text(part, item_id, "opening_hours", hours)
        if missing:
            fallback.append("opening_hours")
    translated["contact"] = contact
    translated["fallback"] = fallback
    if visitor.own_names_only and view.get("language_items"):
        # Every language by its own name, Swedish too (`Svenska`, not the staff's `svenska`).
        translated["language_items"] = [
            dict(item, own=item["own"] or own_language_name(item["code"]) or item["name"])
            for item in view["language_items"]
        ]
    return translated


def slip_fallbacks(slip: dict[str, Any], details: Sequence[str], shown: int) -> bool:
    """Whether what a fitted slip shows has any text in the original (a marked text)."""
    if "need" in slip["fallback"]:
        return True
    boxes = slip["actors"][:shown] if slip["actors"] else [slip["library_box"]]
    return any(
        "opening_hours" in box.get("fallback", ()) and "opening_hours" in details for box in boxes
    )


def desk_slip_choice(code: str, own: str) -> LanguageChoice:
    """The slip the desk page prints in `code`: with the original (`own`) beside it.

    So staff and the receiving office can read it too; Easy Swedish stands alone.
    """
    from referral_cli.views import language_base

    return LanguageChoice(code, None if language_base(code) == language_base(own) else own)


def visitor_languages(guidelines: Guidelines) -> list[dict[str, Any]]:
    """The languages with a loaded translation file, for a language menu.

    Each: `code`, `name` (in itself), `rtl`, `lang`, `translated` and `texts` (current
    translations, and all texts visitors read).
    """
    items = []
    for code, loaded in sorted(guidelines.translations.items()):
        if code == guidelines.library.language:
            continue
        fields = translated_fields(guidelines, loaded.file)
        texts = [f for f in fields if f.state != "unused"]
        items.append(
            {
                **_language(code),
                "translated": sum(1 for f in texts if f.state == "current"),
                "texts": len(texts),
            }
        )
    return items
