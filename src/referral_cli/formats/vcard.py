"""Organisations as vCard 4.0 (RFC 6350), one card each, for an address book.

The caller decides what goes on a card; `referral actors --format vcf` gives only
an actor's public fields. The UID is stable (made from the id by the caller), so
importing the file again updates the cards instead of adding copies.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from referral_cli.formats.content_lines import content, escape_text


@dataclass(frozen=True)
class Card:
    """One organisation's card; every field but `uid` and `name` may be empty."""

    uid: str
    name: str
    categories: tuple[str, ...] = ()
    note: str = ""
    phone: str = ""
    email: str = ""
    websites: tuple[str, ...] = ()
    address: str = ""
    languages: tuple[str, ...] = ()  # ISO 639 codes


def format_cards(cards: Sequence[Card], *, product: str) -> str:
    """Every card, one after the other."""
    lines: list[str] = []
    for card in cards:
        lines += [
            "BEGIN:VCARD",
            "VERSION:4.0",
            f"PRODID:{product}",
            f"UID:{card.uid}",
            "KIND:org",
            f"FN:{escape_text(card.name)}",
            f"ORG:{escape_text(card.name)}",
        ]
        if card.categories:
            lines.append("CATEGORIES:" + ",".join(escape_text(c) for c in card.categories))
        if card.phone:
            lines.append(f"TEL;VALUE=text;TYPE=work,voice:{escape_text(card.phone)}")
        if card.email:
            lines.append(f"EMAIL;TYPE=work:{escape_text(card.email)}")
        lines += [f"URL:{url}" for url in card.websites]
        if card.address:  # one line of text: the street part of ADR
            lines.append(f"ADR;TYPE=work:;;{escape_text(card.address)};;;;")
        lines += [f"LANG;PREF={n}:{code}" for n, code in enumerate(card.languages, start=1)]
        if card.note:
            lines.append(f"NOTE:{escape_text(card.note)}")
        lines.append("END:VCARD")
    return content(lines)
