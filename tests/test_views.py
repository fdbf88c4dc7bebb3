"""Views shared by every output: contact links, and whether an actor helps in a language."""

from __future__ import annotations

import pytest

from referral_cli.views import helps_in, mailto_href, tel_href


@pytest.mark.parametrize(
    ("phone", "href"),
    [
        ("0771-567 567", "tel:0771-567567"),
        ("+46 8 123 456 78", "tel:+46812345678"),
        ("(08) 123 45", "tel:(08)12345"),
        ("112", "tel:112"),
        ("12", None),
        ("vardagar 9-16", None),
        ("0771 567 567 (knappval 2)", None),
        ("", None),
        (None, None),
    ],
)
def test_tel_href(phone: str | None, href: str | None) -> None:
    assert tel_href(phone) == href


@pytest.mark.parametrize(
    ("email", "href"),
    [
        ("bibliotek@alvstad.se", "mailto:bibliotek@alvstad.se"),
        (" kundtjanst@bank.example ", "mailto:kundtjanst@bank.example"),
        ("a@b.se?subject=hej", None),
        ("a@b.se,c@d.se", None),
        ("javascript:alert(1)//@x.se", None),
        ('x"@y.se', None),
        ("ingen adress", None),
        ("a@b@c", None),
        (None, None),
    ],
)
def test_mailto_href(email: str | None, href: str | None) -> None:
    assert mailto_href(email) == href


@pytest.mark.parametrize(
    ("languages", "code", "expected"),
    [
        (["sv", "en", "ar"], "ar", True),
        (["sv", "en"], "ar", False),
        ([], "ar", None),  # not recorded: nobody knows
        (["sv"], "sv-lattlast", True),  # Easy Swedish is Swedish
        (["fa"], "prs", True),  # Dari and Persian
        (["prs"], "fa", True),
        (["se"], "sme", True),  # Northern Sami's two codes
        (["ku"], "ckb", False),
    ],
)
def test_helps_in(languages: list[str], code: str, expected: bool | None) -> None:
    assert helps_in(languages, code) is expected
