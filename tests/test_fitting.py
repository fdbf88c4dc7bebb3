"""Fitting slips and the quick reference before printing (the PDFs are checked in
test_render_browser.py)."""

from __future__ import annotations

from typing import Any

import pytest

from referral_cli.fitting import (
    FOOTER_SIZE_PT,
    FOOTER_WIDTH_MM,
    LARGE,
    MM_PER_PT,
    NORMAL,
    SlipExtras,
    fit_slip,
    footer_line,
    languages_text,
    quick_reference_overflow,
    slip_columns,
    wrap_count,
)
from referral_cli.fonts import text_width
from referral_cli.i18n import labels

WORDS = labels("sv")


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("", 50, 0),
        ("kort", 50, 1),
        ("ord " * 40, 50, 6),  # about seven words a line
        ("ord " * 40, 100, 3),
        # An address without spaces is broken wherever the line ends, as the engines do.
        ("www.en-mycket-lang-adress-utan-mellanslag.se/med/sokvag/som/inte/far/plats", 20, 7),
    ],
)
def test_wrap_count(text: str, width: float, lines: int) -> None:
    assert wrap_count(text, width, 10) == lines


def actor(name: str, **contact: str) -> dict[str, Any]:
    view = {
        key: contact.get(key)
        for key in ("phone", "website", "email", "chat", "address", "opening_hours")
    }
    return {"name": name, "contact": view, "language_items": []}


def slip(
    actors: list[dict[str, Any]], need: str = "Bankärenden", requires: tuple[str, ...] = ()
) -> dict[str, Any]:
    return {"need": need, "actors": actors, "requires": list(requires), "reviewed": "2026-01-01"}


def test_a_small_slip_keeps_the_largest_type_and_every_detail() -> None:
    boxes = [actor("Skatteverket", phone="0771-567 567", website="https://skatteverket.se")]
    fit = fit_slip(slip(boxes), boxes, NORMAL, WORDS)
    assert (fit.type, fit.shown, fit.more) == ("t1", 1, False)
    assert "email" in fit.details and "address" in fit.details


def test_a_crowded_slip_shrinks_then_drops_details_then_actors_and_says_so() -> None:
    long = "Ett mycket långt namn på en organisation som hjälper till " * 2
    boxes = [
        actor(
            f"{long}{n}",
            phone="010-123 45 67",
            website="https://www.example.se/en/lang/adress/" + "x" * 30,
            email=f"kontakt{n}@example.se",
            address="Långa vägen 123, 123 45 Storstad",
            opening_hours="Måndag–fredag 8–17, lunchstängt 12–13",
        )
        for n in range(6)
    ]
    fit = fit_slip(slip(boxes, need="Ett långt ärende " * 8), boxes, NORMAL, WORDS)
    assert fit.type != "t1"
    assert fit.more  # the "more at the desk" line
    assert fit.shown < 6 or "address" not in fit.details
    assert "email" in fit.details  # email stays while the actor is on the slip


# A long-named first actor, a need that fills most of a large-print slip, six things to bring.
KUNDCENTER = "Kommunens kundcenter och medborgarservice i kommunhuset, entréplanet"
LONG_NEED = "Ett mycket långt ärende som beskrivs med många ord och fyller nästan hela lappen "
BRING_ALL = ("id_document", "e_id", "own_device", "password", "library_card", "other")


def test_a_slip_too_crowded_for_phone_and_email_still_names_one_place_to_go() -> None:
    """The last step before an empty grid: the first actor with its phone only. A slip that
    sends the visitor nowhere is the worst outcome (seen on a --large slip with room left)."""
    boxes = [
        actor(
            KUNDCENTER, phone="0640-100 00", email="kundcenter.medborgarservice@kommun-exempel.se"
        ),
        actor("Skatteverket", phone="0771-567 567"),
    ]
    fit = fit_slip(slip(boxes, need=LONG_NEED * 4, requires=BRING_ALL), boxes, LARGE, WORDS)
    assert (fit.shown, fit.details, fit.more) == (1, ("phone",), True)


def test_a_place_to_go_comes_before_the_write_in_lines() -> None:
    """Past the phone-alone step, the blank lines for the visitor's own contact and next
    step give way before the slip names no place (seen on a --large slip in Tigrinya
    with the Swedish need beside it: the grid was empty with a third of the cell free)."""
    boxes = [actor(KUNDCENTER, phone="0640-100 00"), actor("Skatteverket", phone="0771-567 567")]
    roomy = fit_slip(slip(boxes, need=LONG_NEED * 4, requires=BRING_ALL), boxes, LARGE, WORDS)
    assert (roomy.shown, roomy.write_in) == (1, True)
    tight = LONG_NEED * 4 + "ord " * 9
    fit = fit_slip(slip(boxes, need=tight, requires=BRING_ALL), boxes, LARGE, WORDS)
    assert (fit.shown, fit.details, fit.more, fit.write_in) == (1, ("phone",), True, False)
    assert fit.as_dict()["write_in"] is False  # what the template reads


SIX_CHANNELS = actor(
    "Konsumentvägledningen i Fjällby kommun",
    phone="0640-123 45",
    website="https://www.fjallby.se/konsumentvagledning",
    email="konsument@fjallby.se",
    chat="https://www.fjallby.se/chatt",
    address="Storgatan 12, 830 10 Fjällby (kommunhuset, entréplanet)",
    opening_hours="Måndag–torsdag 9–16, fredag 9–12; drop-in tisdagar 13–15",
)


def test_a_qr_code_is_added_when_everything_else_fits() -> None:
    boxes = [actor("Skatteverket", phone="0771-567 567", website="https://skatteverket.se")]
    fit = fit_slip(slip(boxes), boxes, NORMAL, WORDS, qr=True)
    assert (fit.qr, fit.more) == (True, False)


def test_a_qr_code_never_costs_the_visitor_the_address_or_the_hours() -> None:
    boxes = [SIX_CHANNELS]
    # A need this long leaves room for every channel, but not for them and the code too.
    need = "Hjälp att reklamera en vara och att skriva ett klagomål till ett företag " * 5
    without = fit_slip(slip(boxes, need=need), boxes, NORMAL, WORDS)
    assert without.details == ("phone", "website", "email", "chat", "opening_hours", "address")
    fit = fit_slip(slip(boxes, need=need), boxes, NORMAL, WORDS, qr=True)
    assert (fit.qr, fit.details, fit.more) == (False, without.details, False)


def test_a_footer_that_fits_is_left_as_it_is() -> None:
    text = "Älvstads bibliotek · Senast granskad 2026-10-07 · Version abc1234"
    assert footer_line(text) == text


def test_a_long_footer_shortens_its_longest_parts_and_keeps_the_last() -> None:
    library = "Fjällby kommunbibliotek med filialer i Övre och Nedre Dalen"
    title = "Återkoppling till Fjällby kommuns kundcenter och medborgarservice (Kommunhuset)"
    period = "Period: alla registrerade frågor (2026-09-15 – 2026-09-22)"
    line = footer_line(f"{library} · {title} · {period}")
    first, second, third = line.split(" · ")
    assert first.endswith("…") and library.startswith(first[:-1])
    assert second.endswith("…") and title.startswith(second[:-1])
    assert third == period
    assert text_width(line, FOOTER_SIZE_PT) * MM_PER_PT <= FOOTER_WIDTH_MM


def test_columns() -> None:
    assert [slip_columns(n) for n in range(1, 7)] == [2, 2, 3, 2, 3, 3]
    assert slip_columns(3, LARGE) == 2


def test_languages_text_with_and_without_the_own_names() -> None:
    box = {
        "language_items": [
            {"code": "sv", "name": "svenska", "own": None, "rtl": False},
            {"code": "ar", "name": "arabiska", "own": "العربية", "rtl": True},
        ]
    }
    assert languages_text(box, False, WORDS) == "Hjälp på: svenska, arabiska (العربية)"
    assert languages_text(box, True, WORDS) == "Hjälp på: svenska, العربية"
    assert languages_text({"language_items": []}, False, WORDS) == ""


def quick_rows(count: int, need: str = "Ett ärende") -> list[dict[str, Any]]:
    rows = [
        {
            "need": f"{need} {n}",
            "library_short": "Visa var man hittar det",
            "actors": [actor("Aktören", phone="010-1")],
        }
        for n in range(count)
    ]
    return [{"title": "Kategori", "rows": rows}]


def test_quick_reference_overflow_grows_with_the_rows() -> None:
    assert quick_reference_overflow(quick_rows(10), WORDS) < 0
    assert quick_reference_overflow(quick_rows(60), WORDS) > 0


def _smaller(fit: Any) -> tuple[int, int, int, bool]:
    """How much a fit gave up: a smaller type, fewer details, fewer actors, the desk line."""
    return ([k.name for k in NORMAL.types].index(fit.type), -len(fit.details), -fit.shown, fit.more)


def organisations(count: int, **contact: str) -> list[dict[str, Any]]:
    """`count` alike actors with phone, website and opening hours (and `contact`)."""
    return [
        actor(
            f"Organisation nummer {n}",
            phone="010-123 45 67",
            website="https://www.example.se",
            opening_hours="Måndag–fredag 8–17",
            **contact,
        )
        for n in range(count)
    ]


def _first_difference(extras: SlipExtras, words: dict[str, str], **row: Any) -> Any:
    """The plain and the visitor's fit of the first slip (1 to 8 actors) where they differ."""
    for count in range(1, 9):
        boxes = organisations(count)
        plain = fit_slip(slip(boxes, **row), boxes, NORMAL, WORDS)
        other = fit_slip(slip(boxes, **row), boxes, NORMAL, words, extras=extras)
        if plain != other:
            return plain, other
    raise AssertionError("the extras never changed a fit: they are not measured")


def test_what_a_visitors_slip_adds_takes_room() -> None:
    need = "Ärenden på Migrationsverkets webbplats, till exempel ansökan om uppehållstillstånd"
    extras = SlipExtras(
        beside_need=need,
        top_beside="Du behöver hjälp med",
        note="* Text med * är på svenska: den är inte översatt än.",
    )
    plain, visitor = _first_difference(extras, WORDS, need=need)
    assert _smaller(visitor) > _smaller(plain)


def test_a_visitors_slip_names_languages_in_their_own_script_when_asked() -> None:
    boxes = [
        dict(
            actor("Skatteverket", phone="0771-567 567"),
            language_items=[{"code": "ar", "name": "arabiska", "own": "العربية", "rtl": True}],
        )
    ]
    assert not fit_slip(slip(boxes), boxes, NORMAL, WORDS).own_names_only
    forced = fit_slip(slip(boxes), boxes, NORMAL, WORDS, extras=SlipExtras(own_names_only=True))
    assert forced.own_names_only


def test_long_write_in_labels_and_bring_lines_are_measured() -> None:
    words = dict(WORDS, slip_own_contact="En mycket lång etikett för skrivraden " * 6)
    plain, long = _first_difference(SlipExtras(), words)
    assert _smaller(long) > _smaller(plain)
    # Two things to bring fit one line; six long ones take three: less room for the actors.
    for count in range(2, 9):
        boxes = organisations(count, address="Storgatan 1, 123 45 Storstad")
        short = fit_slip(slip(boxes, requires=("Lånekort", "Legitimation")), boxes, NORMAL, WORDS)
        many = ("Din mobil, surfplatta eller dator",) * 6
        long = fit_slip(slip(boxes, requires=many), boxes, NORMAL, WORDS)
        if short != long:
            assert _smaller(long) > _smaller(short)
            return
    raise AssertionError("a long bring line never changed a fit: it is not measured")
