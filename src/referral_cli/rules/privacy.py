"""Find personal data in free text before it is stored in the question inventory.

The inventory of "questions that chafe" must describe cases, never persons. This module
is the guard: :func:`scan_text` looks for Swedish personal identity numbers
(personnummer), coordination numbers (samordningsnummer), email addresses (also written
as ``namn (at) domän punkt se``), Swedish and international phone numbers, bank account
numbers (IBAN, or a Swedish account after the word "konto") and card-like digit runs,
and returns one :class:`PersonalDataMatch` per hit with a masked value and a
plain-language hint.

Staff write numbers in many ways, so the text is first normalised: fullwidth and
Arabic-Indic digits count as digits, zero-width characters and soft hyphens inside a
number are ignored, and ``%40`` in a pasted web address is an ``@``. Web addresses are
looked into: their query (``?pnr=...``) like any text, their path for identity and phone
numbers only, their host not at all.

The detection is deliberately conservative about ordinary text: dates, times, opening
hours, years, ISBNs, OCR numbers, prices, postal codes, PIN/PUK codes, organisation and
bankgiro numbers, version numbers, short service numbers (112, 1177, 11414) and Swedish
numbers no private person can have (020, 0770/0771, 0900/0939/0944) are not reported.
Digits glued to letters or to other digits are never matched partially; only a few
labels (``pnr``, ``ID``, ``tel`` ...) may be glued to a number. Numbers and addresses
from the repository's own public contact details are passed as ``allowed`` and skipped
(see :func:`allowed_contacts`). Only the standard library is used.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal

from referral_cli.i18n import Phrase, phrase

if TYPE_CHECKING:
    from referral_cli.models import Contact, InventoryEntry
    from referral_cli.store.repository import Guidelines

Kind = Literal["personnummer", "samordningsnummer", "email", "phone", "card_number", "bank_account"]
KINDS: Final[tuple[Kind, ...]] = (
    "personnummer",
    "samordningsnummer",
    "email",
    "phone",
    "card_number",
    "bank_account",
)


@dataclass(frozen=True)
class PersonalDataMatch:
    """One piece of personal data found in a text.

    Attributes:
        kind: What was found: ``personnummer``, ``samordningsnummer``, ``email``,
            ``phone``, ``card_number`` or ``bank_account``.
        start: Offset of the first character of the match in the scanned text.
        end: Offset just after the last character of the match (``text[start:end]``).
        masked: The match with the identifying part replaced by ``*``, e.g.
            ``850709-****``; never the full value. Invisible characters are left out
            and other digits are shown as ASCII digits.
        certain: ``False`` when the text merely passes the checks but could be something
            else (a number written without any separator, or a card-like run failing the
            Luhn check); the user should confirm. ``True`` otherwise.
        hint: Plain-language advice on how to describe the case without it (a catalogue
            phrase, worded in the reader's language).

    """

    kind: Kind
    start: int
    end: int
    masked: str
    certain: bool
    hint: Phrase


# --------------------------------------------------------------------------- normalising

# Characters that change nothing a reader sees but split or disguise a number: they are
# dropped before matching ("850709\u200b-9805" is a personnummer).
_INVISIBLE = (
    "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
# Spaces other than the plain and the non-breaking one (which the patterns know).
_SPACES = (
    "\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
# Fullwidth forms phones and some keyboards produce.
_FULLWIDTH = {
    "\uff20": "@",
    "\ufe6b": "@",
    "\uff0b": "+",
    "\uff0d": "-",
    "\uff0e": ".",
    "\uff0f": "/",
}
_FULLWIDTH.update({"\uff08": "(", "\uff09": ")", "\uff3f": "_", "\uff1a": ":"})
_REPLACE: dict[str, str] = {char: "" for char in _INVISIBLE}
_REPLACE.update({char: " " for char in _SPACES})
_REPLACE.update(_FULLWIDTH)
# Percent-encoded characters that matter in a pasted web address.
_PERCENT = {"%40": "@", "%2B": "+", "%2b": "+", "%20": " "}
# Decimal digits of other scripts (Arabic-Indic, Persian, Devanagari, Thai, fullwidth...):
# visitors' own phones write numbers with them. Each block is ten digits long.
_DIGIT_BLOCKS = (
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66,
    0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810,
    0xFF10,
)  # fmt: skip
_OTHER_DIGITS = "".join(f"{chr(start)}-{chr(start + 9)}" for start in _DIGIT_BLOCKS)
_SPECIAL_RE = re.compile("[" + "".join(_REPLACE) + _OTHER_DIGITS + "]|%(?:40|2[Bb]|20)")
# The same characters as a set: checking a text against it is the fast common case.
_SPECIAL_CHARS = frozenset(_REPLACE) | frozenset(
    chr(start + offset) for start in _DIGIT_BLOCKS for offset in range(10)
)


@dataclass(frozen=True)
class _Normalised:
    """The text the patterns see, and where each of its characters came from."""

    text: str
    starts: list[int] | None = None  # original offset of each character
    ends: list[int] | None = None  # original offset just after each character

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


def _normalise(text: str) -> _Normalised:
    if _SPECIAL_CHARS.isdisjoint(text) and ("%" not in text or _SPECIAL_RE.search(text) is None):
        return _Normalised(text)
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    index = 0
    while index < len(text):
        char = text[index]
        width = 1
        replacement = _REPLACE.get(char)
        if char == "%" and text[index : index + 3] in _PERCENT:
            replacement, width = _PERCENT[text[index : index + 3]], 3
        elif replacement is None and char.isdecimal() and not "0" <= char <= "9":
            replacement = str(unicodedata.decimal(char))
        if replacement != "":
            chars.append(char if replacement is None else replacement)
            starts.append(index)
            ends.append(index + width)
        index += width
    return _Normalised("".join(chars), starts, ends)


# --------------------------------------------------------------------------- patterns

# Hyphen-like characters: hyphen-minus, hyphen, non-breaking hyphen, figure dash,
# en dash, em dash and minus sign (word processors like to replace "-" with one of these).
_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2212"
_DASH = f"[{_DASHES}]"
_DASH_CHARS = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2212")
# A dash between two parts of a number, with a space on either side or not.
_SPACED_DASH = rf"[ \u00a0]?{_DASH}[ \u00a0]?"

# Labels staff glue to a number ("pnr850709-9805", "ID850709-9805", "tel0701234567").
# Any other letter glued to the digits means a product or reference code: no match.
_GLUED_LABELS = (
    "id nr pn pnr persnr personnr personnummer samnr samordningsnr "
    "tel tfn telnr mob mobil mobnr mobilnr kort kortnr kortnummer"
).split()


def _glued_label_lookbehinds() -> str:
    by_length: dict[int, list[str]] = {}
    for label in _GLUED_LABELS:
        by_length.setdefault(len(label), []).append(label)
    # A look-behind must have a fixed width: one per label length.
    return "|".join(rf"(?<=\b(?i:{'|'.join(labels)}))" for _, labels in sorted(by_length.items()))


# A number must not be glued to a preceding letter/digit/"+" (other than a label), nor
# continue a "digit + dash/dot/colon" construct (dates, times, ranges, versions, IPs).
# A "/" between two numbers separates them ("070-123 45 67/08-123 456 78").
# (The look-ahead first is for speed: most positions are not a number's start.)
_LEAD = rf"(?=[0-9(+])(?:(?<![\w+])|{_glued_label_lookbehinds()})(?<![0-9][{_DASHES}.:])"
# ... and nothing may follow it in the same way.
_TRAIL = rf"(?!\w)(?![{_DASHES}.:][0-9])"

_DIGIT_RE = re.compile(r"[0-9]")
# Digits joined by what may separate the parts of a number. Personal data needs at
# least 9 digits in such a run; most texts have none, and skip the costly patterns.
_LONG_NUMBER_RE = re.compile(rf"[0-9](?:[ \u00a0.{_DASHES}/_()+]{{0,3}}[0-9]){{8}}")

# YYMMDD-NNNC or YYYYMMDD-NNNC, the date also as YY-MM-DD, YYYY-MM-DD or YY MM DD;
# "+" marks a person aged 100 or more. Which separators may go together is checked in
# code (`_pnr_match`).
_PNR_RE = re.compile(
    _LEAD
    + r"(?P<century>[0-9]{2})?(?P<yy>[0-9]{2})(?P<dsep>[ \u00a0.\-]?)(?P<mm>[0-9]{2})(?P=dsep)"
    + r"(?P<dd>[0-9]{2})"
    + rf"(?P<sep>{_SPACED_DASH}|[+ \u00a0._]?)"
    + r"(?P<serial>[0-9]{4})"
    + _TRAIL
)

# A separator between the parts of a phone number.
_PHONE_SEP = rf"(?:{_SPACED_DASH}|[ \u00a0.])"

# National form: "0" + area code (or "(0xx)"), a separator, then the subscriber number
# in one block or in groups of 2-4 digits; 9-10 digits in all (checked in code, where
# trailing groups that make it too long are dropped).
_PHONE_NAT_RE = re.compile(
    _LEAD
    + r"(?:\((?P<parea>0[1-9][0-9]{0,2})\)[ \u00a0]?|(?P<area>0[1-9][0-9]{0,2})"
    + rf"(?:{_SPACED_DASH}|[ \u00a0./])?)"
    + rf"(?P<subscriber>[0-9]{{2,8}}(?:[ \u00a0.{_DASHES}][0-9]{{2,4}})*)"
    + _TRAIL
)

# Between groups of an international number also "(0)", and brackets: +1 (555) 123-4567.
_INTL_SEP = rf"(?:{_PHONE_SEP}|[ \u00a0]?\(0\)[ \u00a0]?|[ \u00a0]?[()][ \u00a0]?)"

# International form: "+" or "00", a country code, and the rest in groups; "(0)" or a
# lone "0" after the country code is the trunk prefix people add out of habit.
_PHONE_INTL_RE = re.compile(
    _LEAD
    + r"(?P<open>\([ \u00a0]?)?(?P<prefix>\+|00)[ \u00a0]?"
    + rf"(?P<body>[1-9][0-9]*(?:{_INTL_SEP}[0-9]+)*)"
    + r"\)?"
    + _TRAIL
)

# A Swedish mobile number written with the country code but without "+" or "00"
# (as messaging apps show it): 46 70 123 45 67, 46701234567.
_PHONE_BARE_46_RE = re.compile(
    _LEAD + rf"46{_PHONE_SEP}?(?:\(0\)|0)?7[02369](?:{_PHONE_SEP}?[0-9]){{7}}" + _TRAIL
)

# 13-19 digits in one run, or grouped like a card (first group of four, then groups of
# 3-6 digits). The digit count is checked in code so that longer runs are never split.
_CARD_RE = re.compile(
    _LEAD + rf"(?:[0-9]{{13,19}}|[0-9]{{4}}(?:[ \u00a0{_DASHES}][0-9]{{3,6}})+)" + _TRAIL
)

# IBAN: country, check digits, then up to 30 letters/digits, printed in groups of four.
_IBAN_RE = re.compile(
    r"(?<![\w])(?P<country>[A-Z]{2})[0-9]{2}(?:[ \u00a0]?[A-Z0-9]){11,30}(?![\w])"
)
_IBAN_GATE_RE = re.compile(r"[A-Z]{2}[0-9]{2}")
# A Swedish account number after a word that says so: clearing number (4 digits, 5 at
# Swedbank) and account number (7-10 digits), e.g. "konto 6000-123 456 789"; the account
# number may have its own word ("clearing 8327-9, konto 123 456 789-0").
_ACCOUNT_WORD = (
    r"(?i:\b(?:bank)?konto(?:numret|nummer|nr\.?)?|\bclearing(?:nummer|nr\.?)?"
    r"|\baccount(?: number| no\.?)?)"
    r"(?::|\s+(?:är|is))?\s*"
)
_ACCOUNT_RE = re.compile(
    _ACCOUNT_WORD
    + rf"(?P<number>[0-9]{{4}}(?:{_DASH}?[0-9])?"
    + rf"(?:,?[ \u00a0]*(?i:och[ \u00a0]+|and[ \u00a0]+)?{_ACCOUNT_WORD}"
    + rf"|,[ \u00a0]?|{_SPACED_DASH}|[ \u00a0])?"
    + rf"[0-9](?:[ \u00a0{_DASHES}]?[0-9]){{6,11}})"
    + _TRAIL
)

# Spans that are never personal data: ISBNs (after the word ISBN, or starting 978/979)
# and OCR payment references (after the word OCR).
_ISBN_RE = re.compile(
    r"(?i:\bISBN(?:[- ]?1[03])?)\s*:?\s*[0-9](?:[ \-]?[0-9Xx]){9,12}"
    r"|(?<!\w)97[89](?:[ \-]?[0-9]){7}(?:(?:[ \-]?[0-9]){3})?(?!\w)"
)
_OCR_RE = re.compile(r"(?i:\bOCR(?:-?(?:nummer|nr\.?|number))?)\s*:?\s*[0-9](?:[ ]?[0-9]){1,24}")

# Web addresses: any scheme://... or www....; the host is split off in code.
_URL_RE = re.compile(r"(?<![\w@.])(?:[a-z][a-z0-9+.\-]*://|www\.)[^\s<>\"']+", re.IGNORECASE)
_URL_QUERY_RE = re.compile(r"[?#]")
_URL_HOST_RE = re.compile(r"(?:[a-z][a-z0-9+.\-]*://|www\.)[^/?#]*", re.IGNORECASE)

_EMAIL_RE = re.compile(
    r"(?<![\w.+%'\-])(?P<local>\w[\w.+%'\-]*)(?P<at>[ \u00a0]?@[ \u00a0]?)"
    r"(?P<domain>(?:[^\W_](?:[\w\-]*[^\W_])?\.)+[^\W\d_]{2,})(?![\w\-])"
)
# "anna (at) exempel (dot) se", "anna[at]exempel.se", "anna snabel-a exempel punkt se",
# "anna at gmail dot com": the at-sign written out, found first, then read around.
_AT_WORD_RE = re.compile(
    r"[(\[{<][ \u00a0]*(?:at|a|snabel-?a)[ \u00a0]*[)\]}>]|[ \u00a0](?:at|snabel-?a)[ \u00a0]",
    re.IGNORECASE,
)
_BRACKETED_A_RE = re.compile(r"at?[ \u00a0]*[)\]}>]")
_LOCAL_BEFORE_RE = re.compile(r"(?<![\w.+%'\-])\w[\w.+%'\-]{0,63}\Z")
_DOT_WORD = (
    r"(?:[ \u00a0]*[(\[{<][ \u00a0]*(?:dot|punkt)[ \u00a0]*[)\]}>][ \u00a0]*"
    r"|[ \u00a0]+(?:dot|punkt)[ \u00a0]+)"
)
_DOMAIN_AFTER_RE = re.compile(
    rf"(?:[^\W_](?:[\w\-]*[^\W_])?(?:\.|{_DOT_WORD}))+[^\W\d_]{{2,}}(?![\w\-])",
    re.IGNORECASE,
)
_DOT_WORD_RE = re.compile(_DOT_WORD, re.IGNORECASE)
# With the plain word "at" and real dots ("time at skatteverket.se" is ordinary English),
# only the big free mail services count as an address.
_FREE_MAIL = frozenset(
    "gmail googlemail hotmail outlook live msn yahoo icloud me mac aol protonmail proton "
    "gmx yandex mail telia bredband comhem spray tele2 bahnhof".split()
)

# Swedish numbers no private person can have: freephone (020), nationwide company
# numbers (0770, 0771) and premium-rate services (0900, 0939, 0944).
_SERVICE_PREFIXES = ("020", "0770", "0771", "0900", "0939", "0944")

# Country calling codes: 1 and 7 have one digit, these have two, the rest three.
_CC2 = frozenset(
    "20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 "
    "60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98".split()
)
_CC3_BLOCKS = frozenset("21 22 23 24 25 26 29 35 37 38 42 50 59 67 68 69 85 88 96 97 99".split())
# National significant number lengths where they are fixed; others may have 6-12.
_NSN_LENGTHS: dict[str, tuple[int, int]] = {
    "1": (10, 10),
    "7": (10, 10),
    "45": (8, 8),
    "46": (7, 9),
    "47": (8, 8),
    "44": (9, 10),
}

# IBAN lengths of the countries a Swedish library's visitors most often bank in.
_IBAN_LENGTHS = {
    "SE": 24, "NO": 15, "DK": 18, "FI": 18, "DE": 22, "GB": 22, "FR": 27, "ES": 24,
    "IT": 27, "NL": 18, "PL": 28, "TR": 26, "IQ": 23, "UA": 29, "EE": 20,
    "LT": 20, "LV": 21, "IS": 26, "BE": 16, "AT": 20, "CH": 21, "IE": 22, "PS": 29,
    "JO": 30, "LB": 28, "EG": 29,
}  # fmt: skip

# --------------------------------------------------------------------------- ranks and words

# Overlap resolution: the longest match wins; on equal length the lower rank wins
# (a valid personnummer is preferred over a phone reading of the same digits, and a phone
# reading such as 0046701234567 over a card-like reading).
_RANK: dict[Kind, int] = {
    "personnummer": 0,
    "samordningsnummer": 0,
    "phone": 1,
    "bank_account": 2,
    "card_number": 3,
    "email": 4,
}


def kind_phrase(kind: Kind) -> Phrase:
    """The kind in plain words with its article, e.g. "a phone number"."""
    return phrase(f"privacy.kind.{kind}")


def _hint(kind: Kind, certain: bool) -> Phrase:
    return phrase(f"privacy.hint.{kind}" if certain else f"privacy.hint_uncertain.{kind}")


# --------------------------------------------------------------------------- candidates


@dataclass(frozen=True)
class _Found:
    """A match in normalised coordinates, with the value that identifies it.

    `key` is the value with its formatting removed (see `contact_keys`): it lets the
    scan skip what the repository's own contact details hold, and is never shown.
    """

    kind: Kind
    start: int
    end: int
    masked: str
    certain: bool
    key: str


def _luhn_ok(digits: str) -> bool:
    """Return True if the ASCII digit string passes the Luhn (mod 10) check."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _mask_digits(value: str, lo: int, hi: int) -> str:
    """Replace the ASCII digits of ``value[lo:hi]`` with ``*``, keeping everything else."""
    middle = "".join("*" if "0" <= char <= "9" else char for char in value[lo:hi])
    return value[:lo] + middle + value[hi:]


def _only_digits(value: str) -> str:
    return "".join(char for char in value if "0" <= char <= "9")


def _digit_offsets(value: str) -> list[int]:
    return [index for index, char in enumerate(value) if "0" <= char <= "9"]


def _pnr_match(match: re.Match[str]) -> _Found | None:
    """Validate a personnummer/samordningsnummer candidate (date and Luhn)."""
    century, dsep, sep = match.group("century"), match.group("dsep"), match.group("sep")
    # "1985-07-09-9805" and "85 07 09-9805" are numbers; "2024-08-22 1430" is a date and
    # a time: a date written in parts needs a dash before the serial.
    if dsep and sep.strip(" \u00a0") not in _DASH_CHARS:
        return None
    if dsep == "." and century is None:
        return None  # "85.07.09-9805" is too close to a date and a time
    yy, month, day = int(match.group("yy")), int(match.group("mm")), int(match.group("dd"))
    serial = match.group("serial")
    if century is not None:
        if century not in ("18", "19", "20"):
            return None
        years: tuple[int, ...] = (int(century) * 100 + yy,)
    elif sep == "+":
        years = (1800 + yy, 1900 + yy)
    else:
        years = (1900 + yy, 2000 + yy)
    kind: Kind = "personnummer"
    if day > 60:
        day -= 60
        kind = "samordningsnummer"
    if not 1 <= month <= 12 or day < 1:
        return None
    if not any(day <= calendar.monthrange(year, month)[1] for year in years):
        return None
    ten = match.group("yy") + match.group("mm") + match.group("dd") + serial
    if not _luhn_ok(ten):
        return None
    text = match.group()
    masked = _mask_digits(text, match.start("serial") - match.start(), len(text))
    certain = bool(sep or dsep)
    return _Found(kind, match.start(), match.end(), masked, certain, ten)


def _groups(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every digit group in `text`."""
    return [found.span() for found in re.finditer(r"[0-9]+", text)]


def _whitespace_cut(text: str, end: int) -> bool:
    """Whether a number may end at `end`: the next group follows after a space or none."""
    return end == len(text) or text[end] in " \u00a0"


def _national_phone_match(match: re.Match[str]) -> _Found | None:
    """Build a match for national numbers; keeps the area code (or the first 3 digits)."""
    text = match.group()
    groups = _groups(text)
    # Drop trailing groups (only at a space) until the number has 9-10 digits.
    for last in range(len(groups), 0, -1):
        end = groups[last - 1][1]
        digits = _only_digits(text[:end])
        if 9 <= len(digits) <= 10 and _whitespace_cut(text, end):
            break
    else:
        return None
    if digits.startswith(_SERVICE_PREFIXES):
        return None
    value = text[:end]
    head = 1 if value.startswith("(") else 0
    rest = value[head:]
    area = len(rest) - len(rest.lstrip("0123456789"))
    has_separator = not value.isdigit()
    keep = head + area if has_separator and 2 <= area <= 4 else 3
    masked = _mask_digits(value, keep, len(value))
    start = match.start()
    return _Found("phone", start, start + end, masked, has_separator, digits)


def _country_code(digits: str) -> str | None:
    if digits[0] in "17":
        return digits[0]
    if digits[:2] in _CC2:
        return digits[:2]
    if digits[:2] in _CC3_BLOCKS and len(digits) >= 3:
        return digits[:3]
    return None


def _intl_phone_match(match: re.Match[str]) -> _Found | None:
    """Build a match for +CC / 00CC numbers; keeps the country and area code."""
    text = match.group()
    body_offset = match.start("body") - match.start()
    groups = [
        (start + body_offset, end + body_offset) for start, end in _groups(match.group("body"))
    ]
    first = text[groups[0][0] : groups[0][1]]
    code = _country_code(first + "".join(text[s:e] for s, e in groups[1:3]))
    if code is None:
        return None
    # Where the national number starts: after the code, and after a trunk "0" ("(0)",
    # a lone "0", or one glued to the area code) that people add out of habit; only
    # Italian numbers keep their leading 0.
    code_end = groups[0][0] + len(code)
    national = [(max(s, code_end), e) for s, e in groups if e > code_end]
    if national and code != "39" and text[national[0][0]] == "0":
        start, end = national[0]
        national = national[1:] if end - start == 1 else [(start + 1, end), *national[1:]]
    if not national or (text[national[0][0]] == "0" and code != "39"):
        return None
    low, high = _NSN_LENGTHS.get(code, (6, 12))
    # After "00" (not "+") a short number is more often a reference: ask for 10 digits.
    shortest = 9 if match.group("prefix") == "+" else 10
    for last in range(len(national), 0, -1):
        end = national[last - 1][1]
        nsn = "".join(text[s:e] for s, e in national[:last])
        if low <= len(nsn) <= high and shortest <= len(code) + len(nsn) <= 15:
            if _whitespace_cut(text, end) or end == len(text.rstrip(")")):
                break
    else:
        return None
    end = end + 1 if text[end : end + 1] == ")" and match.group("open") else end
    value = text[:end]
    start_offset, first_end = national[0]
    first_group = first_end - start_offset
    keep = first_group if first_group < len(nsn) and first_group <= 3 else 2
    masked = _mask_digits(value, start_offset + keep, len(value))
    key = "0" + nsn if code == "46" else "00" + code + nsn
    if key.startswith(_SERVICE_PREFIXES):
        return None
    plus = match.group("prefix") == "+"
    certain = plus or code == "46" or not value.lstrip("(").isdigit()
    start = match.start()
    return _Found("phone", start, start + end, masked, certain, key)


def _bare_46_phone_match(match: re.Match[str]) -> _Found:
    text = match.group()
    digits = _only_digits(text)
    nsn = digits[2:].removeprefix("0")
    offsets = _digit_offsets(text)
    masked = _mask_digits(text, offsets[len(digits) - len(nsn) + 2], len(text))
    certain = not text.isdigit()
    return _Found("phone", match.start(), match.end(), masked, certain, "0" + nsn)


def _card_match(match: re.Match[str]) -> _Found | None:
    """Build a card-number match for a 13-19 digit run (any longer or shorter: None)."""
    text = match.group()
    positions = _digit_offsets(text)
    if not 13 <= len(positions) <= 19:
        return None
    digits = _only_digits(text)
    masked = _mask_digits(text, 0, positions[-4])
    return _Found("card_number", match.start(), match.end(), masked, _luhn_ok(digits), digits)


def _iban_ok(value: str) -> bool:
    expected = _IBAN_LENGTHS.get(value[:2])
    if expected is not None and expected != len(value):
        return False
    if not 15 <= len(value) <= 34:
        return False
    rearranged = value[4:] + value[:4]
    number = "".join(str(int(char, 36)) for char in rearranged)
    return int(number) % 97 == 1


def _iban_match(match: re.Match[str]) -> _Found | None:
    text = match.group()
    value = "".join(char for char in text if char.isalnum())
    if not _iban_ok(value):
        return None
    masked = text[:4] + "".join("*" if char.isalnum() else char for char in text[4:])
    return _Found("bank_account", match.start(), match.end(), masked, True, value)


def _account_match(match: re.Match[str]) -> _Found | None:
    text = match.group("number")
    digits = _only_digits(text)
    if not 11 <= len(digits) <= 15:
        return None
    clearing = 5 if digits[0] == "8" else 4  # Swedbank's clearing numbers have five digits
    offsets = _digit_offsets(text)
    masked = _mask_digits(text, offsets[clearing], len(text))
    return _Found("bank_account", match.start("number"), match.end(), masked, True, digits)


def _email_match(match: re.Match[str]) -> _Found:
    local, at, domain = match.group("local"), match.group("at"), match.group("domain")
    masked = f"{local[0]}***{at}{domain}"
    key = f"{local}@{domain}".lower()
    return _Found("email", match.start(), match.end(), masked, True, key)


def _may_spell_an_email(lowered: str) -> bool:
    """A quick look for " at ", "snabel-a", "(at)", "[a]" before the costlier search."""
    return (
        " at " in lowered
        or "snabel" in lowered
        or "\u00a0at" in lowered
        or "at\u00a0" in lowered
        or _BRACKETED_A_RE.search(lowered) is not None
    )


def _spelled_emails(text: str) -> Iterator[_Found]:
    """Addresses with the at-sign written out: (at), [at], snabel-a, " at "."""
    for at in _AT_WORD_RE.finditer(text):
        at_start, at_end = at.span()
        while at_start > 0 and text[at_start - 1] in " \u00a0":
            at_start -= 1
        while at_end < len(text) and text[at_end] in " \u00a0":
            at_end += 1
        local = _LOCAL_BEFORE_RE.search(text, max(0, at_start - 64), at_start)
        domain = _DOMAIN_AFTER_RE.match(text, at_end)
        if local is None or domain is None:
            continue
        at_text, domain_text = text[at_start:at_end], domain.group()
        plain_word = not any(bracket in at_text for bracket in "([{<")
        spelled_dot = _DOT_WORD_RE.search(domain_text) is not None
        if plain_word and at_text.strip().lower() == "at" and not spelled_dot:
            if domain_text.split(".", 1)[0].lower() not in _FREE_MAIL:
                continue
        name = local.group()
        host = _DOT_WORD_RE.sub(".", domain_text).lower()
        masked = f"{name[0]}***{at_text}{domain_text}"
        yield _Found("email", local.start(), domain.end(), masked, True, f"{name}@{host}".lower())


# --------------------------------------------------------------------------- public API


def _url_parts(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The hosts (never scanned) and paths (identity and phone numbers only) of URLs."""
    hosts: list[tuple[int, int]] = []
    paths: list[tuple[int, int]] = []
    for url in _URL_RE.finditer(text):
        host = _URL_HOST_RE.match(text, url.start())
        host_end = host.end() if host is not None else url.start()
        hosts.append((url.start(), host_end))
        query = _URL_QUERY_RE.search(text, host_end, url.end())
        paths.append((host_end, query.start() if query is not None else url.end()))
    return hosts, paths


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)


_Builder = tuple[re.Pattern[str], Callable[[re.Match[str]], _Found | None]]


def _number_builders(text: str, lowered: str) -> list[_Builder]:
    if _LONG_NUMBER_RE.search(text) is None:
        return []
    builders: list[_Builder] = [
        (_PNR_RE, _pnr_match),
        (_CARD_RE, _card_match),
        (_PHONE_NAT_RE, _national_phone_match),
    ]
    if "+" in text or "00" in text:
        builders.append((_PHONE_INTL_RE, _intl_phone_match))
    if "46" in text:
        builders.append((_PHONE_BARE_46_RE, _bare_46_phone_match))
    if "konto" in lowered or "clearing" in lowered or "account" in lowered:
        builders.append((_ACCOUNT_RE, _account_match))
    if _IBAN_GATE_RE.search(text) is not None:
        builders.append((_IBAN_RE, _iban_match))
    return builders


def _scan(normalised: _Normalised) -> list[_Found]:
    text = normalised.text
    lowered = text.lower()
    candidates: list[_Found] = []
    if "@" in text:
        candidates.extend(_email_match(found) for found in _EMAIL_RE.finditer(text))
    if _may_spell_an_email(lowered):
        candidates.extend(_spelled_emails(text))
    if _DIGIT_RE.search(text) is not None:
        for pattern, build in _number_builders(text, lowered):
            for found in pattern.finditer(text):
                item = build(found)
                if item is not None:
                    candidates.append(item)
    if not candidates:
        return candidates

    excluded: list[tuple[int, int]] = []
    if "://" in text or "www." in lowered:
        excluded, paths = _url_parts(text)
        # Long ids in a web address's path (help articles, videos) are not cards.
        candidates = [
            item
            for item in candidates
            if item.kind != "card_number" or not _overlaps(item.start, item.end, paths)
        ]
    if "isbn" in lowered or "97" in text:
        excluded.extend(found.span() for found in _ISBN_RE.finditer(text))
    if "ocr" in lowered:
        excluded.extend(found.span() for found in _OCR_RE.finditer(text))
    if excluded:
        candidates = [item for item in candidates if not _overlaps(item.start, item.end, excluded)]
    return _resolve(candidates)


def _resolve(candidates: list[_Found]) -> list[_Found]:
    if len(candidates) <= 1:
        return candidates
    candidates.sort(key=lambda item: (item.start - item.end, _RANK[item.kind], item.start))
    chosen: list[_Found] = []
    for item in candidates:
        if not any(item.start < other.end and other.start < item.end for other in chosen):
            chosen.append(item)
    chosen.sort(key=lambda item: item.start)
    return chosen


def scan_text(text: str, allowed: AbstractSet[str] = frozenset()) -> list[PersonalDataMatch]:
    """Find personal data in a free-text field.

    Args:
        text: The text to scan (a description or reflection, Swedish or English).
        allowed: Keys (see :func:`contact_keys`) of numbers and addresses that may stay:
            the repository's own public contact details, from :func:`allowed_contacts`.

    Returns:
        The matches sorted by ``start``; they never overlap. When two readings overlap,
        the longer one wins, and a valid personnummer wins over a phone reading of the
        same characters. Offsets are in `text` as given.

    """
    normalised = _normalise(text)
    found = _scan(normalised)
    return [
        PersonalDataMatch(
            item.kind,
            *normalised.span(item.start, item.end),
            item.masked,
            item.certain,
            _hint(item.kind, item.certain),
        )
        for item in found
        if item.key not in allowed
    ]


def contact_keys(text: str) -> set[str]:
    """The keys of every number and address in a piece of contact text.

    A key is the value with its formatting removed: ``0771-567 567``, ``0771567567``
    and ``+46 771 567 567`` have the same key; email addresses are compared in lower
    case. Keys hold the full value: they are compared, never shown.
    """
    return {item.key for item in _scan(_normalise(text))}


def allowed_contacts(guidelines: Guidelines) -> frozenset[str]:
    """Keys of the numbers and addresses in the library's and the actors' contact details.

    These are public, so free text may repeat them ("referred to Skatteverket,
    0771-567 567"; "the library's own number 0123-456 50"). Nothing else is allowed.
    """
    contacts: list[Contact | None] = [guidelines.library.contact]
    contacts.extend(actor.contact for actor in guidelines.actors.actors)
    keys: set[str] = set()
    for contact in contacts:
        if contact is None:
            continue
        for value in contact.model_dump().values():
            if isinstance(value, str):
                keys |= contact_keys(value)
    return frozenset(keys)


# Every field of an inventory entry that holds free text (the others are ids, dates and
# numbers, checked by the model). `recorded_by` is meant for initials, but a name and a
# number typed there reach the CSV export just the same.
FREE_TEXT_FIELDS = ("description", "reflection", "recorded_by")


def personal_data_matches(
    entry: InventoryEntry, allowed: AbstractSet[str] = frozenset()
) -> list[tuple[str, PersonalDataMatch]]:
    """Every piece of personal data in the entry's free text, as (field, match)."""
    found: list[tuple[str, PersonalDataMatch]] = []
    for field_name in FREE_TEXT_FIELDS:
        text = getattr(entry, field_name)
        if text:
            found.extend((field_name, match) for match in scan_text(text, allowed))
    return found


def has_personal_data(entry: InventoryEntry, allowed: AbstractSet[str] = frozenset()) -> bool:
    """Whether the personal-data scan finds anything in the entry's free text."""
    return bool(personal_data_matches(entry, allowed))
