"""One catalogue for every phrase referral prints, in Swedish and English.

`t(key, lang, **values)` is the only way to word a phrase: handout labels, table
headings, prompts, messages, findings and hints all live as keys in `sv.py` and
`en.py`, which hold exactly the same keys (a missing translation is a test
failure, never a silent fallback). A `Phrase` is a key with its values, worded
later in whatever language the reader needs; a value may itself be a `Phrase`
(for example the "did you mean" part of a message).

The data (actor names, matrix text) stays in the language it was written in;
only the catalogue's phrases follow `--lang`.

**The reader's language** (the language rule): `--lang`, else `$REFERRAL_LANG`, else
the `language` of the repository's `library.yaml`, else Swedish. A command runs inside
`command_language()`; the command line sets the override once it has checked it
(`use_language`), loading `library.yaml` notes the library's language
(`note_library_language`), and `reader_language()` answers for every message printed,
including the error handler's.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Final


class Lang(StrEnum):
    """The languages referral speaks."""

    sv = "sv"
    en = "en"


LANGUAGES: Final[tuple[str, ...]] = tuple(lang.value for lang in Lang)
LANGUAGE_ENV: Final = "REFERRAL_LANG"
DEFAULT_LANGUAGE: Final = "sv"

_CATALOGUES: dict[str, Mapping[str, str]] = {}


def catalogue(lang: str) -> Mapping[str, str]:
    """Every phrase in `lang`, keyed by dotted key (loaded on first use)."""
    found = _CATALOGUES.get(lang)
    if found is None:
        if lang == "sv":
            from referral_cli.i18n.sv import PHRASES
        elif lang == "en":
            from referral_cli.i18n.en import PHRASES
        else:
            raise ValueError(f"unknown language '{lang}': choose one of {', '.join(LANGUAGES)}")
        found = _CATALOGUES[lang] = MappingProxyType(PHRASES)
    return found


@dataclass(frozen=True, order=True)
class Phrase:
    """A catalogue key and the values to fill in, worded when it is shown.

    Hashable and ordered (findings are sorted and de-duplicated): the values are
    kept as a tuple of `(name, value)` pairs; build one with `phrase(key, **values)`.
    """

    key: str
    args: tuple[tuple[str, Any], ...] = ()

    @property
    def values(self) -> dict[str, Any]:
        """The values by name."""
        return dict(self.args)

    def word(self, lang: str) -> str:
        """The phrase in `lang`."""
        return t(self.key, lang, **self.values)


def phrase(key: str, /, **values: Any) -> Phrase:
    """A `Phrase` for `key` with `values`; lists become tuples so the phrase stays hashable."""
    return Phrase(
        key, tuple((name, tuple(v) if isinstance(v, list) else v) for name, v in values.items())
    )


def counted(key: str, count: int, /, **values: Any) -> Phrase:
    """A phrase for a number of things: `<key>.one` for 1, `<key>.other` otherwise."""
    return phrase(f"{key}.{'one' if count == 1 else 'other'}", count=count, **values)


def t(key: str, lang: str, /, **values: Any) -> str:
    """The phrase `key` in `lang`, with `values` filled in.

    Values that are `Phrase`s are worded in the same language first. An unknown
    key raises `KeyError`, so a typo never prints a blank.
    """
    text = catalogue(lang)[key]
    if not values:
        return text
    filled = {
        name: value.word(lang) if isinstance(value, Phrase) else value
        for name, value in values.items()
    }
    return text.format(**filled)


def labels(lang: str) -> dict[str, str]:
    """Every handout label and heading in `lang`, as the plain dict templates see as `L`."""
    return {
        key.removeprefix("label."): text
        for key, text in catalogue(lang).items()
        if key.startswith("label.")
    }


def label(key: str, lang: str) -> str:
    """One handout label; raises `KeyError` for an unknown key."""
    return catalogue(lang)["label." + key]


def vocabulary_label(vocabulary: str, value: str, lang: str) -> str:
    """The label of a closed-vocabulary value, e.g. `("requirement", "e_id", "sv")`.

    Vocabularies: requirement, kind, scope, status, outcome. Raises `KeyError`
    for an unknown vocabulary or value.
    """
    return catalogue(lang)[f"vocab.{vocabulary}.{value}"]


def vocabulary_values(vocabulary: str) -> tuple[str, ...]:
    """The values of one closed vocabulary that have labels, in catalogue order."""
    prefix = f"vocab.{vocabulary}."
    return tuple(key.removeprefix(prefix) for key in catalogue("en") if key.startswith(prefix))


def language_name(code: str, lang: str) -> str:
    """The name of the language with ISO 639 code `code`, written in `lang`.

    Codes without a known name are returned as written, so nothing is lost.
    """
    return catalogue(lang).get("language." + code, code)


def label_keys() -> frozenset[str]:
    """Every key `labels()` returns (for tests and template authors)."""
    return frozenset(labels("en"))


def language_code(text: str) -> str | None:
    """The code of the language `text` names: `sv`, `SV`, `svenska`, `Swedish`...; or None."""
    folded = text.strip().casefold()
    for code in LANGUAGES:
        names = {code, *(language_name(code, lang).casefold() for lang in LANGUAGES)}
        if folded in names:
            return code
    return None


def check_language(lang: str | None, option: str = "--lang") -> str | None:
    """The code of the language `lang` names (None stays None); else a `UsageError`."""
    if lang is None:
        return None
    code = language_code(lang)
    if code is not None:
        return code
    from referral_cli.errors import UsageError

    raise UsageError(phrase("common.unknown-language", option=option, value=lang))


# --------------------------------------------------------------------------- the reader's language

_OVERRIDE: ContextVar[str | None] = ContextVar("referral_language_override", default=None)
_LIBRARY: ContextVar[str | None] = ContextVar("referral_library_language", default=None)


def requested_language(option: str | None) -> str | None:
    """The language asked for: `--lang` when given, else `$REFERRAL_LANG`; checked.

    None when neither says; raises `UsageError` for a language referral does not speak.
    """
    if option is not None:
        return check_language(option)
    return check_language(os.environ.get(LANGUAGE_ENV, "").strip() or None, LANGUAGE_ENV)


@contextmanager
def command_language() -> Iterator[None]:
    """One command's run: nothing known about the reader's language at its start."""
    override, library = _OVERRIDE.set(None), _LIBRARY.set(None)
    try:
        yield
    finally:
        _LIBRARY.reset(library)
        _OVERRIDE.reset(override)


def use_language(code: str | None) -> None:
    """The language asked for (`requested_language`) rules this command's messages."""
    _OVERRIDE.set(code)


def note_library_language(code: object) -> None:
    """The language of the library the command read; the first library read counts."""
    if _LIBRARY.get() is None and isinstance(code, str) and code in LANGUAGES:
        _LIBRARY.set(code)


def known_language() -> str | None:
    """The reader's language as far as this command knows it yet: asked for, or the library's."""
    return _OVERRIDE.get() or _LIBRARY.get()


def reader_language() -> str:
    """The language to print in: asked for, else the library's, else Swedish."""
    return known_language() or DEFAULT_LANGUAGE


def language_for(override: str | None, library_language: str) -> str:
    """`--lang` when given (checked), else the library's language."""
    return check_language(override) or library_language


# --------------------------------------------------------------------------- the system's reasons

# Why the operating system refused a file operation, by errno name: its own texts
# ("Permission denied") are English whatever the reader's language.
_OS_REASONS: Final = frozenset(
    {
        "ENOENT",
        "EACCES",
        "EPERM",
        "EISDIR",
        "ENOTDIR",
        "ENOSPC",
        "EROFS",
        "EEXIST",
        "ENAMETOOLONG",
        "ELOOP",
        "EBUSY",
        "EIO",
        "ENOTEMPTY",
    }
)


def os_reason(exc: OSError) -> Phrase:
    """Why `exc` happened, as a catalogue phrase (the errno's, or its code)."""
    import errno

    name = errno.errorcode.get(exc.errno or -1, "")
    if name in _OS_REASONS:
        return phrase(f"common.os.{name}")
    return phrase("common.os.other", code=name or type(exc).__name__)
