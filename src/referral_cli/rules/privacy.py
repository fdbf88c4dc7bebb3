"""Find personal data in free text before it is stored in the question inventory.

The inventory of "questions that chafe" must describe cases, never persons. This module
is the guard: :func:`scan_text` looks for Swedish personal identity numbers
(personnummer), coordination numbers (samordningsnummer), email addresses, Swedish phone
numbers and card-like digit runs, and returns one :class:`PersonalDataMatch` per hit with
a masked value and a plain-language hint.

The detection is deliberately conservative about ordinary text: dates, times, opening
hours, years, ISBNs, prices, postal codes, PIN/PUK codes, URLs, version numbers and short
service numbers (112, 1177, 11414) are not reported. Digits glued to letters or to other
digits are never matched partially. Only the standard library is used.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from referral_cli.models import InventoryEntry

Kind = Literal["personnummer", "samordningsnummer", "email", "phone", "card_number"]


@dataclass(frozen=True)
class PersonalDataMatch:
    """One piece of personal data found in a text.

    Attributes:
        kind: What was found: ``personnummer``, ``samordningsnummer``, ``email``,
            ``phone`` or ``card_number``.
        start: Offset of the first character of the match in the scanned text.
        end: Offset just after the last character of the match (``text[start:end]``).
        masked: The match with the identifying part replaced by ``*``, e.g.
            ``850709-****``; never the full value.
        certain: ``False`` when the text merely passes the checks but could be something
            else (a number written without any separator, or a card-like run failing the
            Luhn check); the user should confirm. ``True`` otherwise.
        hint: Plain-language English advice on how to describe the case without it.

    """

    kind: Kind
    start: int
    end: int
    masked: str
    certain: bool
    hint: str


# --------------------------------------------------------------------------- patterns

# Hyphen-like characters: hyphen-minus, hyphen, non-breaking hyphen, figure dash,
# en dash, em dash and minus sign (word processors like to replace "-" with one of these).
_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2212"
# A single separator inside a number.
_SEP = f"[ \u00a0{_DASHES}]"
# A number must not be glued to a preceding letter/digit/"+", nor continue a
# "digit + dash/dot/slash/colon" construct (dates, times, ranges, versions, IP addresses).
_LEAD = rf"(?<![\w+])(?<![0-9][{_DASHES}./:])"
# ... and the same after it.
_TRAIL = rf"(?!\w)(?![{_DASHES}./:][0-9])"

_DIGIT_RE = re.compile(r"[0-9]")

# YYMMDD-NNNC or YYYYMMDD-NNNC; "+" marks a person aged 100 or more.
_PNR_RE = re.compile(
    _LEAD
    + r"(?P<century>[0-9]{2})?(?P<date>[0-9]{6})"
    + rf"(?P<sep>[+ \u00a0{_DASHES}]?)"
    + r"(?P<serial>[0-9]{4})"
    + _TRAIL
)

# +46 / 0046, an optional trunk "0" or "(0)", then the national significant number
# (7-9 digits, first digit 1-9).
_PHONE_INTL_RE = re.compile(
    _LEAD
    + rf"(?P<prefix>\+46|0046){_SEP}?(?:\(0\){_SEP}?|0)?"
    + rf"(?P<nsn>[1-9](?:{_SEP}?[0-9]){{6,8}})"
    + _TRAIL
)

# National form: "0" + area code + subscriber number, 9-10 digits in all, optionally with
# the area code in parentheses.
_PHONE_NAT_RE = re.compile(
    _LEAD
    + "(?:"
    + rf"0[1-9](?:{_SEP}?[0-9]){{7,8}}"
    + rf"|\(0[1-9]\){_SEP}?[0-9](?:{_SEP}?[0-9]){{6,7}}"
    + rf"|\(0[1-9][0-9]\){_SEP}?[0-9](?:{_SEP}?[0-9]){{5,6}}"
    + rf"|\(0[1-9][0-9]{{2}}\){_SEP}?[0-9](?:{_SEP}?[0-9]){{4,5}}"
    + ")"
    + _TRAIL
)

# 13-19 digits in one run, or grouped like a card (first group of four, then groups of
# 3-6 digits). The digit count is checked in code so that longer runs are never split.
_CARD_RE = re.compile(_LEAD + rf"(?:[0-9]{{13,19}}|[0-9]{{4}}(?:{_SEP}[0-9]{{3,6}})+)" + _TRAIL)

# Spans that are never personal data: ISBNs (after the word ISBN, or starting 978/979).
_ISBN_RE = re.compile(
    r"(?i:\bISBN(?:[- ]?1[03])?)\s*:?\s*[0-9](?:[ \-]?[0-9Xx]){9,12}"
    r"|(?<!\w)97[89](?:[ \-]?[0-9]){7}(?:(?:[ \-]?[0-9]){3})?(?!\w)"
)

# URLs: any scheme://... or www....
_URL_RE = re.compile(r"(?<![\w@.])(?:[a-z][a-z0-9+.\-]*://|www\.)[^\s<>\"']+", re.IGNORECASE)

_EMAIL_RE = re.compile(
    r"(?<![\w.+%'\-])\w[\w.+%'\-]*@"
    r"(?:[^\W_](?:[\w\-]*[^\W_])?\.)+[^\W\d_]{2,}(?![\w\-])"
)

# --------------------------------------------------------------------------- hints

_HINTS: dict[Kind, str] = {
    "personnummer": (
        "Describe the case, not the person: write 'a visitor's personal identity number' "
        "instead of the number."
    ),
    "samordningsnummer": (
        "Describe the case, not the person: write 'a visitor's coordination number' "
        "instead of the number."
    ),
    "email": (
        "Describe the case, not the person: write 'the visitor's email address' "
        "instead of the address."
    ),
    "phone": (
        "Describe the case, not the person: write 'a visitor's phone number' instead of "
        "the number. A library's own public number may stay."
    ),
    "card_number": (
        "Never write down card numbers: write 'a bank card number' or 'a library card "
        "number' instead of the number."
    ),
}

_UNCERTAIN_HINTS: dict[Kind, str] = {
    "personnummer": (
        "This may be a personal identity number written without a hyphen, or just an order "
        "or reference number. If it is a personal identity number, write 'a visitor's "
        "personal identity number' instead."
    ),
    "samordningsnummer": (
        "This may be a coordination number written without a hyphen, or just an order or "
        "reference number. If it is a coordination number, write 'a visitor's coordination "
        "number' instead."
    ),
    "email": _HINTS["email"],
    "phone": (
        "This may be a phone number written without spaces, or just a reference number. "
        "If it is a visitor's phone number, write 'a visitor's phone number' instead."
    ),
    "card_number": (
        "This long number may be a card or account number. If it belongs to a visitor, "
        "write 'a card number' or 'an account number' instead of the number."
    ),
}

# Overlap resolution: the longest match wins; on equal length the lower rank wins
# (a valid personnummer is preferred over a phone reading of the same digits, and a phone
# reading such as 0046701234567 over a card-like reading).
_RANK: dict[Kind, int] = {
    "personnummer": 0,
    "samordningsnummer": 0,
    "phone": 1,
    "card_number": 2,
    "email": 3,
}


# --------------------------------------------------------------------------- helpers


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


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)


def _make(kind: Kind, start: int, end: int, masked: str, certain: bool) -> PersonalDataMatch:
    hint = _HINTS[kind] if certain else _UNCERTAIN_HINTS[kind]
    return PersonalDataMatch(kind, start, end, masked, certain, hint)


def _pnr_match(match: re.Match[str]) -> PersonalDataMatch | None:
    """Validate a personnummer/samordningsnummer candidate (date and Luhn)."""
    century = match.group("century")
    date = match.group("date")
    sep = match.group("sep")
    serial = match.group("serial")
    yy, month, day = int(date[:2]), int(date[2:4]), int(date[4:6])
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
    if not _luhn_ok(date + serial):
        return None
    text = match.group()
    masked = _mask_digits(text, match.start("serial") - match.start(), len(text))
    return _make(kind, match.start(), match.end(), masked, certain=sep != "")


def _intl_phone_match(match: re.Match[str]) -> PersonalDataMatch:
    """Build a match for +46/0046 numbers; keeps the country and area code."""
    text = match.group()
    nsn = match.group("nsn")
    nsn_offset = match.start("nsn") - match.start()
    area = len(nsn) - len(nsn.lstrip("0123456789"))
    keep = area if area < len(nsn) and area <= 3 else 2
    masked = _mask_digits(text, nsn_offset + keep, len(text))
    return _make("phone", match.start(), match.end(), masked, certain=True)


def _national_phone_match(match: re.Match[str]) -> PersonalDataMatch:
    """Build a match for national numbers; keeps the area code (or the first 3 digits)."""
    text = match.group()
    head = 1 if text.startswith("(") else 0
    rest = text[head:]
    area = len(rest) - len(rest.lstrip("0123456789"))
    has_separator = not text.isdigit()
    keep = head + area if has_separator and 2 <= area <= 4 else 3
    masked = _mask_digits(text, keep, len(text))
    return _make("phone", match.start(), match.end(), masked, certain=has_separator)


def _card_match(match: re.Match[str]) -> PersonalDataMatch | None:
    """Build a card-number match for a 13-19 digit run (any longer or shorter: None)."""
    text = match.group()
    positions = [index for index, char in enumerate(text) if "0" <= char <= "9"]
    if not 13 <= len(positions) <= 19:
        return None
    digits = _only_digits(text)
    masked = _mask_digits(text, 0, positions[-4])
    return _make("card_number", match.start(), match.end(), masked, certain=_luhn_ok(digits))


def _email_match(match: re.Match[str]) -> PersonalDataMatch:
    text = match.group()
    local, _, domain = text.partition("@")
    masked = f"{local[0]}***@{domain}"
    return _make("email", match.start(), match.end(), masked, certain=True)


# --------------------------------------------------------------------------- public API


def scan_text(text: str) -> list[PersonalDataMatch]:
    """Find personal data in a free-text field.

    Args:
        text: The text to scan (a description or reflection, Swedish or English).

    Returns:
        The matches sorted by ``start``; they never overlap. When two readings overlap,
        the longer one wins, and a valid personnummer wins over a phone reading of the
        same characters.

    """
    has_digit = _DIGIT_RE.search(text) is not None
    has_at = "@" in text
    if not has_digit and not has_at:
        return []

    excluded: list[tuple[int, int]] = []
    lowered = text.lower()
    if "://" in text or "www." in lowered:
        excluded.extend(found.span() for found in _URL_RE.finditer(text))

    candidates: list[PersonalDataMatch] = []
    if has_at:
        for found in _EMAIL_RE.finditer(text):
            if not _overlaps(found.start(), found.end(), excluded):
                candidates.append(_email_match(found))

    if has_digit:
        if "isbn" in lowered or "97" in text:
            excluded.extend(found.span() for found in _ISBN_RE.finditer(text))
        numeric: list[PersonalDataMatch | None] = []
        numeric.extend(_pnr_match(found) for found in _PNR_RE.finditer(text))
        numeric.extend(_card_match(found) for found in _CARD_RE.finditer(text))
        if "46" in text:
            numeric.extend(_intl_phone_match(found) for found in _PHONE_INTL_RE.finditer(text))
        numeric.extend(_national_phone_match(found) for found in _PHONE_NAT_RE.finditer(text))
        candidates.extend(
            item
            for item in numeric
            if item is not None and not _overlaps(item.start, item.end, excluded)
        )

    if len(candidates) <= 1:
        return candidates
    candidates.sort(key=lambda item: (item.start - item.end, _RANK[item.kind], item.start))
    chosen: list[PersonalDataMatch] = []
    for item in candidates:
        if not any(item.start < other.end and other.start < item.end for other in chosen):
            chosen.append(item)
    chosen.sort(key=lambda item: item.start)
    return chosen


def line_col(text: str, offset: int) -> tuple[int, int]:
    r"""Return the 1-based line and column of an offset in ``text``.

    Lines are separated by ``"\n"`` (a ``"\r"`` before it belongs to the line it ends).
    The column counts characters, not bytes.

    Args:
        text: The whole text.
        offset: A character offset, ``0 <= offset <= len(text)``; ``len(text)`` is the
            position just after the last character.

    Returns:
        A ``(line, column)`` tuple, both starting at 1.

    Raises:
        ValueError: If the offset lies outside the text.

    """
    if not 0 <= offset <= len(text):
        raise ValueError(f"offset {offset} is outside a text of length {len(text)}")
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


FREE_TEXT_FIELDS = ("description", "reflection")


def personal_data_matches(entry: InventoryEntry) -> list[tuple[str, PersonalDataMatch]]:
    """Every piece of personal data in the entry's free text, as (field, match)."""
    found: list[tuple[str, PersonalDataMatch]] = []
    for field_name in FREE_TEXT_FIELDS:
        text = getattr(entry, field_name)
        if text:
            found.extend((field_name, match) for match in scan_text(text))
    return found


def has_personal_data(entry: InventoryEntry) -> bool:
    """Whether the personal-data scan finds anything in the entry's free text."""
    return bool(personal_data_matches(entry))
