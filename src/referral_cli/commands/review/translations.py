"""The translations to check, per language, for `referral review`.

A stale translation was made from an earlier version of the original: the review shows
that version (found in the git history by the fingerprint the translation records)
beside the text as it is now, and the words that changed, like `referral diff`. A
translation without a source, and every text not translated yet, are listed with the
text to translate and the `source:` line to write: the translator's to-do list.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from referral_cli.i18n import phrase, t
from referral_cli.visitors import language_label

if TYPE_CHECKING:
    from referral_cli.i18n import Phrase
    from referral_cli.rules.translations import TranslatedField
    from referral_cli.store.repository import Guidelines

# How far back the history is searched for the text a stale translation was made from.
HISTORY_COMMITS: Final = 200


@dataclass(frozen=True)
class TranslationItem:
    """One text to look at.

    `name` as in the file (`rows.vard-1177.need`), the original as it is `now`, the
    `translation` given (None when missing), the `fingerprint` to write, the one the
    translation `recorded`, and for a stale translation the original it was made from
    (`before`: None until found in the history, or when the history does not have it).
    """

    name: str
    now: str
    translation: str | None
    fingerprint: str
    recorded: str | None = None
    before: str | None = None


@dataclass
class LanguageReview:
    """Everything to check in one language's translation file."""

    language: str
    file: str
    stale: list[TranslationItem] = field(default_factory=list)
    unconfirmed: list[TranslationItem] = field(default_factory=list)
    missing: list[TranslationItem] = field(default_factory=list)

    @property
    def attention(self) -> int:
        """Stale and unconfirmed translations: each needs a translator's look."""
        return len(self.stale) + len(self.unconfirmed)


def review_translations(guidelines: Guidelines) -> list[LanguageReview]:
    """Per translated language (code order): its stale, unconfirmed and missing texts.

    `guidelines` must be loaded with translations. `before` is left None here;
    `with_earlier_texts` fills it in from the git history.
    """
    from referral_cli.rules.translations import translated_fields

    reviews = []
    for code, loaded in sorted(guidelines.translations.items()):
        if code == guidelines.library.language:
            continue
        review = LanguageReview(code, loaded.display)
        for item in translated_fields(guidelines, loaded.file):
            state = item.state
            if state in ("stale", "unconfirmed", "missing"):
                getattr(review, state).append(_item(item))
        reviews.append(review)
    return reviews


def _item(item: TranslatedField) -> TranslationItem:
    translation = item.translation
    return TranslationItem(
        item.name,
        item.original or "",
        translation.text if translation else None,
        item.expected or "",
        translation.source if translation else None,
    )


# --------------------------------------------------------------------------- the history


def with_earlier_texts(root: Path, reviews: Sequence[LanguageReview]) -> list[LanguageReview]:
    """`reviews` with each stale item's `before`: the original it was translated from.

    The guideline files are read at each earlier commit that changed them, newest first,
    until every recorded fingerprint is found (or `HISTORY_COMMITS` commits are read).
    Outside git, or for a fingerprint the history does not have, `before` stays None.
    """
    from referral_cli.rules.translations import fingerprint

    found: dict[tuple[str, str], str | None] = {
        (item.name, item.recorded): None
        for review in reviews
        for item in review.stale
        if item.recorded is not None
    }
    if found:
        for texts in _earlier_texts(root):
            for name, recorded in found:
                text = texts.get(name)
                if found[name, recorded] is None and text and fingerprint(text) == recorded:
                    found[name, recorded] = text
            if all(found.values()):
                break
    return [
        replace(
            review,
            stale=[
                replace(item, before=found.get((item.name, item.recorded or "")))
                for item in review.stale
            ],
        )
        for review in reviews
    ]


def _earlier_texts(root: Path) -> Iterator[dict[str, str]]:
    """At each earlier commit (newest first): every translatable text, by its name."""
    from referral_cli.store.gitio import run_git
    from referral_cli.store.repository import ACTORS_FILE, LIBRARY_FILE, MATRIX_FILE
    from referral_cli.store.revisions import Snapshot

    paths = [LIBRARY_FILE, ACTORS_FILE, MATRIX_FILE]
    result = run_git(root, "log", f"--max-count={HISTORY_COMMITS}", "--format=%H", "--", *paths)
    if result is None or result.returncode != 0:
        return
    for commit in result.stdout.decode("ascii", "replace").split():
        files = Snapshot(root, commit, commit[:7]).read_many(paths)
        yield _texts(files, LIBRARY_FILE, ACTORS_FILE, MATRIX_FILE)


def _texts(files: dict[str, bytes], library: str, actors: str, matrix: str) -> dict[str, str]:
    """Every translatable text of the files as they were, by name (parsed, not checked)."""
    from referral_cli.rules.translations import CATEGORY_FIELDS, CONTACT_FIELDS, ROW_FIELDS

    texts: dict[str, str] = {}

    def parsed(path: str) -> Any:
        from referral_cli.store.yamlio import YamlError, parse_text

        raw = files.get(path)
        if raw is None:
            return None
        try:
            return parse_text(raw.decode("utf-8-sig", "replace"), path)[0]
        except YamlError:
            return None

    def put(name: str, value: Any) -> None:
        if isinstance(value, str) and value.strip():
            texts[name] = value.strip()

    data = parsed(library)
    contact = data.get("contact") if isinstance(data, dict) else None
    for key in CONTACT_FIELDS:
        put(f"library.{key}", contact.get(key) if isinstance(contact, dict) else None)
    data = parsed(matrix)
    for category in _dicts(data.get("categories") if isinstance(data, dict) else None):
        for key in CATEGORY_FIELDS:
            put(f"categories.{category.get('id')}.{key}", category.get(key))
        for row in _dicts(category.get("rows")):
            for key in ROW_FIELDS:
                put(f"rows.{row.get('id')}.{key}", row.get(key))
    data = parsed(actors)
    for actor in _dicts(data.get("actors") if isinstance(data, dict) else None):
        contact = actor.get("contact")
        for key in CONTACT_FIELDS:
            put(
                f"actors.{actor.get('id')}.{key}",
                contact.get(key) if isinstance(contact, dict) else None,
            )
    return texts


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


# --------------------------------------------------------------------------- words


def changed_words(before: str, now: str) -> list[Phrase]:
    """What changed from `before` to `now`, word by word, as phrases (like `diff`)."""
    old, new = before.split(), now.split()
    changes: list[Phrase] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = " ".join(old[i1:i2]), " ".join(new[j1:j2])
        if tag == "replace":
            changes.append(phrase("visitors.review.change.replaced", old=removed, new=added))
        elif tag == "delete":
            changes.append(phrase("visitors.review.change.removed", old=removed))
        elif tag == "insert":
            changes.append(phrase("visitors.review.change.added", new=added))
    return changes


def attention_lines(reviews: Sequence[LanguageReview], lang: str) -> list[tuple[str, list[str]]]:
    """For the review screen: per language, a heading and its lines.

    The stale and unconfirmed translations, then one line counting the texts not
    translated yet.
    """
    from referral_cli.i18n import counted

    sections = []
    for review in reviews:
        name = language_label(review.language, lang)
        lines = [t("visitors.review.stale-item", lang, item=item.name) for item in review.stale]
        lines += [
            t("visitors.review.unconfirmed-item", lang, item=item.name)
            for item in review.unconfirmed
        ]
        if review.missing:
            lines.append(
                counted("visitors.review.missing", len(review.missing), language=name).word(lang)
            )
        if lines:
            sections.append((t("visitors.review.attention", lang, language=name), lines))
    return sections


def format_translations(
    reviews: Sequence[LanguageReview], library: str, today: str, lang: str
) -> str:
    """`referral review --translations`: per language, what to check and what to translate."""
    lines = [t("visitors.review.title", lang, library=library, today=today)]
    if not reviews:
        return "\n".join([*lines, "", t("visitors.review.no-files", lang)])
    totals = [0, 0, 0]
    for review in reviews:
        name = language_label(review.language, lang)
        lines += ["", t("visitors.review.language", lang, name=name, file=review.file)]
        totals = [
            totals[0] + len(review.stale),
            totals[1] + len(review.unconfirmed),
            totals[2] + len(review.missing),
        ]
        if not (review.stale or review.unconfirmed or review.missing):
            lines.append("  " + t("visitors.review.all-current", lang))
        for heading, items in (
            ("visitors.review.heading.stale", review.stale),
            ("visitors.review.heading.unconfirmed", review.unconfirmed),
            ("visitors.review.heading.missing", review.missing),
        ):
            if items:
                lines.append(f"  {t(heading, lang)} ({len(items)})")
                for item in items:
                    lines += _item_lines(item, heading.rsplit(".", 1)[1], lang)
    lines += [
        "",
        t(
            "visitors.review.summary",
            lang,
            stale=totals[0],
            unconfirmed=totals[1],
            missing=totals[2],
        ),
    ]
    return "\n".join(lines)


def _item_lines(item: TranslationItem, kind: str, lang: str) -> list[str]:
    lines = [f"    {item.name}"]
    if kind == "stale":
        if item.before is None:
            lines.append("      " + t("visitors.review.before-unknown", lang))
        else:
            lines.append("      " + t("visitors.review.before", lang, text=item.before))
        lines.append("      " + t("visitors.review.now", lang, text=item.now))
        if item.before is not None:
            changes = ", ".join(
                change.word(lang) for change in changed_words(item.before, item.now)
            )
            lines.append("      " + t("visitors.review.changed", lang, changes=changes))
        lines.append("      " + t("visitors.review.translation", lang, text=item.translation))
    else:
        lines.append("      " + t("visitors.review.text", lang, text=item.now))
        if item.translation is not None:
            lines.append("      " + t("visitors.review.translation", lang, text=item.translation))
    lines.append("      " + t("visitors.review.write", lang, fingerprint=item.fingerprint))
    return lines
