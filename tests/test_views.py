"""Views shared by every output: whether an actor helps in a visitor's language."""

from __future__ import annotations

import pytest

from referral_cli.views import helps_in


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
