"""vCard 4.0 (RFC 6350) as a real address-book parser reads it."""

from __future__ import annotations

import vobject

from referral_cli.formats.vcard import Card, format_cards

CARDS = [
    Card(
        uid="urn:uuid:1",
        name="Skatteverket",
        categories=("Myndighet",),
        note="Folkbokföring, pass; id-kort\nÖppettider: 8–16",
        phone="0771-567 567",
        email="info@skatteverket.se",
        websites=("https://www.skatteverket.se",),
        address="Storgatan 1, 123 45 Älvstad",
        languages=("sv", "en"),
    ),
    Card(uid="urn:uuid:2", name="Banken"),
]


def test_a_vcard_parser_reads_every_card() -> None:
    first, second = vobject.readComponents(format_cards(CARDS, product="-//test//EN"))
    assert first.version.value == "4.0"
    assert first.uid.value == "urn:uuid:1"
    assert first.fn.value == "Skatteverket"
    assert first.tel.value == "0771-567 567"
    assert first.email.value == "info@skatteverket.se"
    assert first.url.value == "https://www.skatteverket.se"
    assert first.note.value == "Folkbokföring, pass; id-kort\nÖppettider: 8–16"
    assert [line.value for line in first.lang_list] == ["sv", "en"]
    assert "Storgatan 1, 123 45 Älvstad" in first.adr.serialize().replace("\\,", ",")
    assert second.fn.value == "Banken" and not hasattr(second, "tel")


def test_crlf_and_folded() -> None:
    text = format_cards([Card(uid="u", name="X", note="å" * 200)], product="-//t//EN")
    assert text.endswith("END:VCARD\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
