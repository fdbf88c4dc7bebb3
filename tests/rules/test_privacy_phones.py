"""Phone detection checked against Google's libphonenumber (the `phonenumbers` package).

`phonenumbers` is a test dependency only: it is the oracle that says which generated
numbers are real, valid numbers of a country, and the guard must catch every one of
them however it is written. The guard itself keeps to the standard library.
"""

from __future__ import annotations

import phonenumbers
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from referral_cli.rules.privacy import scan_text

# Types of number a person can have.
PERSONAL_TYPES = (
    PhoneNumberType.MOBILE,
    PhoneNumberType.FIXED_LINE,
    PhoneNumberType.FIXED_LINE_OR_MOBILE,
)
# Numbers of fewer than 9 digits in all (a few small island states) are below what the
# guard looks at: such a short run of digits is far more often a reference number. After
# "00" instead of "+" it takes 10.
SHORTEST = 9
SHORTEST_AFTER_00 = 10


def _examples() -> list[phonenumbers.PhoneNumber]:
    found = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is not None:
                found.append(example)
    return found


EXAMPLES = _examples()

CONTEXTS = st.tuples(
    st.sampled_from(["", "Ring ", "tel: ", "(", "Numret var ", "Besökaren gav "]),
    st.sampled_from(["", ".", " i går.", ")", ", tack", "\nNästa rad"]),
)


@st.composite
def valid_numbers(draw: st.DrawFn) -> phonenumbers.PhoneNumber:
    """A valid personal number of any country: an example with its last digits varied."""
    example = draw(st.sampled_from(EXAMPLES))
    national = phonenumbers.national_significant_number(example)
    varied = draw(st.integers(min_value=1, max_value=min(4, len(national) - 1)))
    tail = draw(st.text(alphabet="0123456789", min_size=varied, max_size=varied))
    number = phonenumbers.parse(f"+{example.country_code}{national[:-varied]}{tail}")
    assume(phonenumbers.is_valid_number(number))
    assume(phonenumbers.number_type(number) in PERSONAL_TYPES)
    assume(len(phonenumbers.format_number(number, PhoneNumberFormat.E164)) - 1 >= SHORTEST)
    return number


def _written(number: phonenumbers.PhoneNumber, style: str) -> str:
    international = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return {
        "international": international,
        "e164": e164,
        "00": "00" + e164[1:],
        "dashes": international.replace(" ", "-"),
        "dots": international.replace(" ", "."),
        "spaced dash": international.replace(" ", " - ", 1),
    }[style]


def _assert_caught(written: str, context: tuple[str, str]) -> None:
    """The number is caught as a phone number, whole.

    Ten digits without any separator may also read as a valid personnummer, which wins
    by design (both are uncertain then, and either way the number is caught).
    """
    before, after = context
    text = f"{before}{written}{after}"
    digits = [index for index, char in enumerate(text) if char.isdigit()]
    first, last = digits[0], digits[-1]
    kinds = {"phone"} if not written.isdigit() else {"phone", "personnummer", "samordningsnummer"}
    found = [m for m in scan_text(text) if m.kind in kinds]
    assert any(m.start <= first and last < m.end for m in found), (text, scan_text(text))


@settings(max_examples=400, deadline=None)
@given(
    number=valid_numbers(),
    style=st.sampled_from(["international", "e164", "00", "dashes", "dots", "spaced dash"]),
    context=CONTEXTS,
)
def test_every_valid_international_number_is_caught(
    number: phonenumbers.PhoneNumber, style: str, context: tuple[str, str]
) -> None:
    written = _written(number, style)
    if style == "00":
        assume(len(written) - 2 >= SHORTEST_AFTER_00)
    _assert_caught(written, context)


@st.composite
def swedish_numbers(draw: st.DrawFn) -> phonenumbers.PhoneNumber:
    """A valid Swedish mobile or landline number, from random digits."""
    digits = draw(st.text(alphabet="0123456789", min_size=7, max_size=9))
    number = phonenumbers.parse(f"0{draw(st.integers(1, 9))}{digits}", "SE")
    assume(phonenumbers.is_valid_number(number))
    assume(phonenumbers.number_type(number) in PERSONAL_TYPES)
    return number


@settings(max_examples=400, deadline=None)
@given(
    number=swedish_numbers(),
    separator=st.sampled_from(["-", " - ", "/", " ", ".", "\u2013"]),
    context=CONTEXTS,
)
def test_every_valid_swedish_number_is_caught_as_written_at_home(
    number: phonenumbers.PhoneNumber, separator: str, context: tuple[str, str]
) -> None:
    national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    area, _, subscriber = national.partition("-")
    _assert_caught(f"{area}{separator}{subscriber}", context)
    _assert_caught(national.replace("-", "").replace(" ", ""), context)


@settings(max_examples=400, deadline=None)
@given(
    area=st.integers(min_value=1, max_value=999),
    groups=st.lists(st.text(alphabet="0123456789", min_size=1, max_size=4), min_size=1, max_size=4),
    separator=st.sampled_from(["-", " ", "/", ".", " - "]),
)
def test_what_the_guard_calls_a_swedish_phone_number_could_be_one(
    area: int, groups: list[str], separator: str
) -> None:
    text = f"0{area}" + separator + " ".join(groups)
    for match in scan_text(text):
        if match.kind == "phone" and match.certain and match.start == 0:
            number = phonenumbers.parse(text[match.start : match.end], "SE")
            assert phonenumbers.is_possible_number(number), text
