"""Plain terminal text: wrapping, cutting, the panel (drawn exactly as rich draws it), the
width and when bold and italic are written."""

from __future__ import annotations

import io
import os

import pytest
from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from referral_cli.cli.plain_text import (
    Screen,
    cell_width,
    cut,
    output_width,
    shows_styles,
    wrap,
)


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("Ring din bank", 80, ["Ring din bank"]),
        ("Ring din bank direkt", 10, ["Ring din ", "bank ", "direkt"]),  # spaces kept
        ("Ring din     bank", 8, ["Ring din", "bank"]),  # spaces past the width dropped
        ("https://www.skatteverket.se", 10, ["https://ww", "w.skatteve", "rket.se"]),
        ("Se https://www.bankid.com", 10, ["Se ", "https://ww", "w.bankid.c", "om"]),
        ("Vardagar\n\nlördagar", 20, ["Vardagar", "", "lördagar"]),
        ("  Webb: www.polisen.se", 12, ["  Webb: ", "www.polisen.", "se"]),
        ("a\tb", 20, ["a       b"]),
        ("日本\tx", 20, ["日本    x"]),  # tab stops count columns, not characters
        ("", 10, [""]),
    ],
)
def test_wrap(text: str, width: int, lines: list[str]) -> None:
    assert wrap(text, width) == lines


@pytest.mark.parametrize(
    ("text", "width", "shown"),
    [
        ("Bankärenden och inloggning", 40, "Bankärenden och inloggning"),
        ("Bankärenden och inloggning", 12, "Bankärenden…"),
        ("日本語のテキスト", 6, "日本 …"),  # a wide character cut in half becomes a space
    ],
)
def test_cut(text: str, width: int, shown: str) -> None:
    assert cut(text, width) == shown
    assert cell_width(cut(text, width)) <= width


def test_cell_width_counts_wide_characters_twice_and_marks_not_at_all() -> None:
    assert cell_width("abc") == 3
    assert cell_width("åäö") == 3
    assert cell_width("e\u0301") == 1
    assert cell_width("日本") == 4


PANEL_CASES = [
    (
        [("Återställa ett låst SIM-kort", "bold"), ("", ""), ("Hänvisa till", "bold")],
        "Telefoner och enheter",
        "rad sim-kort · träff 1.00",
        40,
    ),
    (
        [("Visa hur man skriver ut från mejlen eller flygbolagets webbplats.", "")],
        "Utskrift",
        "rad boardingkort · träff 0.95",
        30,
    ),
    (
        [
            ("  Webb: https://www.statensservicecenter.se/kontakt\tx", ""),
            ("日本語 och svenska", ""),
        ],
        "En mycket lång kategorititel som inte ryms på raden",
        "rad x · träff 0.61",
        24,
    ),
    ([("a\n\nb ", "italic")], "T\nU", "s", 9),
]


@pytest.mark.parametrize(("blocks", "title", "subtitle", "width"), PANEL_CASES)
def test_the_panel_is_drawn_as_rich_draws_it(
    blocks: list[tuple[str, str]], title: str, subtitle: str, width: int
) -> None:
    # Lookup used rich's Panel before; the output must not change.
    expected = io.StringIO()
    Console(file=expected, width=width, color_system=None, highlight=False, markup=False).print(
        Panel(
            Group(*(Text(text, style=style) for text, style in blocks)),
            title=Text(title),
            title_align="left",
            subtitle=Text(subtitle),
            subtitle_align="right",
        )
    )
    drawn = io.StringIO()
    Screen(drawn, width=width, styled=False).panel(blocks, title=title, subtitle=subtitle)
    assert drawn.getvalue() == expected.getvalue()


def test_the_panel_in_ascii_where_the_output_cannot_encode_the_box() -> None:
    out = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
    screen = Screen(out, width=12, styled=False)
    assert screen.panel_lines([("Hej", "")], title="T", subtitle="s") == [
        "+- T ------+",
        "| Hej      |",
        "+------ s -+",
    ]


def test_styles_only_where_asked_and_shown() -> None:
    out = io.StringIO()
    screen = Screen(out, width=20, styled=True)
    screen.line("Fler träffar:", "bold")
    screen.panel([("Säg så här", "italic"), ("text", "")], title="T", subtitle="s")
    assert out.getvalue().splitlines()[:3] == [
        "\x1b[1mFler träffar:\x1b[0m",
        "╭─ T ──────────────╮",
        "│ \x1b[3mSäg så här\x1b[0m       │",
    ]
    assert "\x1b" not in out.getvalue().splitlines()[3]
    plain = io.StringIO()
    Screen(plain, width=20, styled=False).line("Fler träffar:", "bold")
    assert plain.getvalue() == "Fler träffar:\n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("terminal", "environ", "styled"),
    [
        (True, {}, os.name != "nt"),
        (False, {}, False),  # a file or a pipe
        (True, {"TERM": "dumb"}, False),
        (True, {"TTY_COMPATIBLE": "0"}, False),
        (False, {"TTY_COMPATIBLE": "1"}, True),
        (False, {"FORCE_COLOR": "1"}, True),
        (True, {"FORCE_COLOR": ""}, False),
        (True, {"NO_COLOR": "1"}, os.name != "nt"),  # no colours, but bold is not a colour
    ],
)
def test_when_styles_are_written(terminal: bool, environ: dict[str, str], styled: bool) -> None:
    out = _Terminal() if terminal else io.StringIO()
    assert shows_styles(out, environ) is styled


@pytest.mark.parametrize(
    ("environ", "width"),
    [({"COLUMNS": "120"}, 120), ({"COLUMNS": "wide"}, 80), ({"COLUMNS": "0"}, 80), ({}, 80)],
)
def test_output_width(monkeypatch: pytest.MonkeyPatch, environ: dict[str, str], width: int) -> None:
    def no_terminal(stream: int) -> os.terminal_size:
        raise OSError(stream)

    monkeypatch.setattr(os, "get_terminal_size", no_terminal)
    assert output_width(environ) == width


def test_output_width_of_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "get_terminal_size", lambda stream: os.terminal_size((132, 40)))
    assert output_width({}) == 132
