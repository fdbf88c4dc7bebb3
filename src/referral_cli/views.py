"""How rows, actors, contacts and the library are shown: one source for every output.

Handouts, lookup, actors, reports and the review agenda all show the same things;
they take them from here, so a contact line or a row reads the same everywhere.
Views are plain data (dicts, tuples, strings) built from the models; the words come
from the catalogue (`referral_cli.i18n`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Final

from referral_cli.i18n import label, language_name, vocabulary_label

if TYPE_CHECKING:
    from referral_cli.models import Actor, Category, Contact, Library, Row, Step
    from referral_cli.store.repository import Guidelines

# Every contact channel, in the order a visitor tries them.
CONTACT_KEYS: Final = ("phone", "website", "email", "address", "opening_hours", "chat")
# The channels a one-screen answer lists, in order (lookup, actors): every channel.
CONTACT_LINE_KEYS: Final = ("phone", "website", "email", "chat", "opening_hours", "address")
# After the phone, the channel a compact reference adds: the first of these an actor has.
SECOND_CHANNEL_KEYS: Final = ("website", "email", "chat", "address")
# Languages written right to left (ISO 639 codes), for `dir` around a name in its own script.
RTL_LANGUAGES: Final = frozenset({"ar", "fa", "prs", "ps", "ckb", "ur", "yi", "he"})


def iso(value: date | None) -> str | None:
    """A date as `YYYY-MM-DD`, or None."""
    return value.isoformat() if value is not None else None


def sort_key(text: str) -> tuple[str, str]:
    """Swedish alphabetical order (å, ä, ö after z; other accents ignored)."""
    folded = text.casefold().translate({ord("å"): "{", ord("ä"): "|", ord("ö"): "}"})
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)), text


def shorten(text: str, limit: int) -> str:
    """`text` on one line, cut at a word boundary to at most `limit` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if flat[limit - 1] != " " and " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.") + "…"


def outcome_label(outcome: str, lang: str) -> str:
    """An outcome as people say it (the words of the handouts and every table)."""
    return vocabulary_label("outcome", outcome, lang)


# --------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class MatrixRow:
    """A matrix row with its category and the actors it refers to."""

    category: Category
    row: Row
    actors: tuple[Actor, ...]


def matrix_rows(guidelines: Guidelines) -> list[MatrixRow]:
    """Every row in document order, with its referred actors resolved (unknown ids skipped)."""
    by_id = {actor.id: actor for actor in guidelines.actors.actors}
    return [
        MatrixRow(category, row, tuple(by_id[a] for a in row.refer_to if a in by_id))
        for category, row in guidelines.matrix.rows()
    ]


def last_reviewed(guidelines: Guidelines) -> date | None:
    """`library.reviewed`, else the newest `reviewed` date of any matrix row."""
    if guidelines.library.reviewed is not None:
        return guidelines.library.reviewed
    dates = [row.reviewed for _, row in guidelines.matrix.rows() if row.reviewed is not None]
    return max(dates, default=None)


def revision_text(
    revision: str | None, changed: bool, lang: str, words: Mapping[str, str] | None = None
) -> str:
    """The version line: `abc1234`, `abc1234+ändringar`, or `okänd` outside git.

    Worded with `words` when given (a visitor handout's labels), else in `lang`.
    """
    unknown = words["revision_unknown"] if words else label("revision_unknown", lang)
    if revision is None:
        return unknown
    changes = words["revision_changes"] if words else label("revision_changes", lang)
    return revision + ("+" + changes if changed else "")


def row_view(
    row: Row, lang: str, actors: Mapping[str, dict[str, Any]], *, staff: bool
) -> dict[str, Any]:
    """A matrix row for a template; `owner` only in the staff view."""
    view: dict[str, Any] = {
        "id": row.id,
        "need": row.need,
        "library_can": row.library_can,
        "solution": row.solution,
        "phrasing": row.phrasing,
        "actors": [actors[actor_id] for actor_id in row.refer_to if actor_id in actors],
        "requires": [vocabulary_label("requirement", item, lang) for item in row.requires],
        "keywords": list(row.keywords),
        "reviewed": iso(row.reviewed),
    }
    if staff:
        view["owner"] = row.owner
    return view


def category_views(
    categories: Sequence[Category],
    lang: str,
    actors: Mapping[str, dict[str, Any]],
    *,
    staff: bool,
) -> list[dict[str, Any]]:
    """Every category with its row views, in matrix order."""
    return [
        {
            "id": category.id,
            "title": category.title,
            "rows": [row_view(row, lang, actors, staff=staff) for row in category.rows],
        }
        for category in categories
    ]


def step_views(steps: Sequence[Step]) -> list[dict[str, Any]]:
    """Checklist or closing steps for a template."""
    return [{"step": step.step, "guidance": step.guidance} for step in steps]


# --------------------------------------------------------------------------- contacts


def contact_view(contact: Contact | None) -> dict[str, Any]:
    """A contact with every key present (None when absent), plus `any` and `short`.

    `any` tells whether one is set; `short` lists the keys of the one or two channels
    a compact reference shows (`short_channels`).
    """
    view: dict[str, Any] = {key: getattr(contact, key) if contact else None for key in CONTACT_KEYS}
    view["any"] = any(view[key] for key in CONTACT_KEYS)
    view["short"] = short_channels(contact)
    return view


def short_channels(contact: Contact | None) -> list[str]:
    """The phone, then the most useful other channel (website, email, chat, address).

    An actor reachable only by email still gets its email: a compact line never
    leaves a visitor with no way to reach the actor.
    """
    if contact is None:
        return []
    second = next((key for key in SECOND_CHANNEL_KEYS if getattr(contact, key)), None)
    return [key for key in ("phone", second) if key and getattr(contact, key)]


def contact_lines(actor: Actor, lang: str) -> list[str]:
    """`Label: value` lines for every channel of an actor (`CONTACT_LINE_KEYS` order)."""
    if actor.contact is None:
        return []
    contact = actor.contact
    pairs = [(key, getattr(contact, key)) for key in CONTACT_LINE_KEYS]
    return [f"{label(key, lang)}: {value}" for key, value in pairs if value]


# Each language's name in itself: the visitor's word, the same whatever the reader's language
# (so not in the catalogue, where it would stand twice).
OWN_LANGUAGE_NAMES: Final[Mapping[str, str]] = {
    "am": "አማርኛ",
    "ar": "العربية",
    "bs": "Bosanski",
    "ckb": "کوردی",
    "da": "Dansk",
    "de": "Deutsch",
    "en": "English",
    "es": "Español",
    "fa": "فارسی",
    "fi": "Suomi",
    "fr": "Français",
    "hr": "Hrvatski",
    "it": "Italiano",
    "ku": "Kurdî",
    "kmr": "Kurmancî",
    "no": "Norsk",
    "pl": "Polski",
    "prs": "دری",
    "ps": "پښتو",
    "pt": "Português",
    "ro": "Română",
    "ru": "Русский",
    "se": "Davvisámegiella",
    "sme": "Davvisámegiella",
    "smj": "Julevsámegiella",
    "sma": "Åarjelsaemien",
    "so": "Soomaali",
    "sq": "Shqip",
    "sr": "Српски",
    "sv": "Svenska",
    "ti": "ትግርኛ",
    "tr": "Türkçe",
    "uk": "Українська",
    "ur": "اردو",
    "vi": "Tiếng Việt",
    "fit": "Meänkieli",
    "rom": "Romani chib",
}


def own_language_name(code: str) -> str | None:
    """The language's name in itself (`العربية`, `ትግርኛ`, `Soomaali`), or None if not known."""
    return OWN_LANGUAGE_NAMES.get(code)


def language_items(codes: Sequence[str], lang: str) -> list[dict[str, Any]]:
    """Languages as `{code, name, own, rtl}`: the name in `lang`, and in the language itself.

    `own` is None when it would only repeat the name (`svenska` in Swedish) or is not
    known; `rtl` tells that `own` is written right to left.
    """
    items = []
    for code in codes:
        name = language_name(code, lang)
        own = own_language_name(code)
        if own is not None and own.casefold() == name.casefold():
            own = None
        items.append({"code": code, "name": name, "own": own, "rtl": code in RTL_LANGUAGES})
    return items


# Codes for what is one language to a visitor: Persian and Dari, Northern Sami's two codes.
SAME_LANGUAGE: Final = {"prs": "fa", "sme": "se"}


def language_base(code: str) -> str:
    """The language `code` is to a visitor: `sv-lattlast` → `sv`, `prs` (Dari) → `fa`."""
    primary = code.split("-")[0]
    return SAME_LANGUAGE.get(primary, primary)


def helps_in(languages: Sequence[str], code: str) -> bool | None:
    """Whether an actor with `languages` helps in `code`; None when they are not recorded.

    `sv-lattlast` counts as Swedish; Persian and Dari as one language.
    """
    if not languages:
        return None
    return language_base(code) in {language_base(language) for language in languages}


# --------------------------------------------------------------------------- library and actors


def library_view(library: Library) -> dict[str, Any]:
    """The library's public information."""
    return {
        "name": library.name,
        "municipality": library.municipality,
        "purpose": library.purpose,
        "language": library.language,
        "review_interval_months": library.review_interval_months,
        "reviewed": iso(library.reviewed),
        "contact": contact_view(library.contact),
    }


def public_actor_view(actor: Actor, lang: str, referred_from: Sequence[str]) -> dict[str, Any]:
    """An actor's public fields only: nothing about the library's relationship with it."""
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "kind_label": vocabulary_label("kind", actor.kind, lang),
        "scope": actor.scope,
        "scope_label": vocabulary_label("scope", actor.scope, lang),
        "description": actor.description,
        "helps_with": list(actor.helps_with),
        "contact": contact_view(actor.contact),
        "languages": [language_name(code, lang) for code in actor.languages],
        "language_items": language_items(actor.languages, lang),
        "reviewed": iso(actor.reviewed),
        "referred_from": list(referred_from),
    }


def staff_actor_view(actor: Actor, lang: str, referred_from: Sequence[str]) -> dict[str, Any]:
    """An actor with the internal fields: relationship, its owner, notes."""
    view = public_actor_view(actor, lang, referred_from)
    relationship = actor.relationship
    view["relationship"] = (
        None
        if relationship is None
        else {
            "status": relationship.status,
            "status_label": vocabulary_label("status", relationship.status, lang),
            "owner": relationship.owner,
            "last_contact": iso(relationship.last_contact),
            "informed": iso(relationship.informed),
            "wanted_collaboration": relationship.wanted_collaboration,
        }
    )
    view["notes"] = actor.notes
    return view


# --------------------------------------------------------------------------- links


def tel_href(phone: str | None) -> str | None:
    """A `tel:` link for a phone number as written (`0771-567 567` → `tel:0771-567567`).

    Digits, `+` and the separators RFC 3966 allows are kept; text that is not a
    number (`vardagar 9-16`) gets no link.
    """
    if not phone:
        return None
    kept = "".join(ch for ch in phone if ch.isdigit() or ch in "+-.()")
    digits = sum(ch.isdigit() for ch in kept)
    if digits < 3 or any(ch.isalpha() for ch in phone) or not kept.isascii():
        return None
    return "tel:" + kept


def mailto_href(email: str | None) -> str | None:
    """A `mailto:` link for an address that is one plain address, else None."""
    if not email:
        return None
    address = email.strip()
    if (
        address.count("@") != 1
        or any(ch in address for ch in ' <>"\\`?#&%,;:()[]')
        or any(ord(ch) < 33 for ch in address)
    ):
        return None
    return "mailto:" + address
