"""The bundled fonts: files, licence, the generated fonts.css, script fonts on demand, widths."""

from __future__ import annotations

import base64
import re

import pytest

from referral_cli.fonts import (
    FONTS,
    FONTS_DIR,
    LATIN_FONTS,
    TEMPLATE_CSS,
    font_face_rule,
    script_font_css,
    text_width,
)


def test_every_face_is_bundled_with_the_licence() -> None:
    for font in FONTS:
        data = (FONTS_DIR / font.file).read_bytes()
        assert data[:4] == b"wOF2", font.file
    licence = (FONTS_DIR / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Noto Sans Arabic" in licence and "Noto Sans Ethiopic" in licence


def test_fonts_css_is_generated_from_the_bundled_latin_faces() -> None:
    """templates/fonts.css is what `python -m referral_cli.fonts.build` writes: in sync."""
    css = TEMPLATE_CSS.read_text(encoding="utf-8")
    assert css.endswith("".join(font_face_rule(font) for font in LATIN_FONTS))
    inlined = re.findall(r"base64,([A-Za-z0-9+/=]+)", css)
    assert [base64.b64decode(data) for data in inlined] == [
        (FONTS_DIR / font.file).read_bytes() for font in LATIN_FONTS
    ]


@pytest.mark.parametrize(
    ("text", "families"),
    [
        ("Hjälp på: svenska, Українська, Tiếng Việt", []),
        ("arabiska (العربية)", ["ReferralSansArabic"]),
        ("persiska (فارسی), tigrinja (ትግርኛ)", ["ReferralSansArabic", "ReferralSansEthiopic"]),
        ("ትግርኛ", ["ReferralSansEthiopic"]),
    ],
)
def test_script_fonts_only_where_the_text_needs_them(text: str, families: list[str]) -> None:
    css = script_font_css(text)
    assert sorted(set(re.findall(r'font-family: "([^"]+)"', css))) == families
    # Regular and bold of each script.
    assert css.count("@font-face") == 2 * len(families)


def test_text_width_uses_the_font_metrics() -> None:
    assert text_width("", 10) == 0
    assert text_width("iiii", 10) < text_width("MMMM", 10)
    assert text_width("Bank", 20) == pytest.approx(2 * text_width("Bank", 10))
    assert text_width("Bank", 10, "bold") > text_width("Bank", 10)
    # A character the metrics do not know counts as wide, never as nothing.
    assert text_width("中", 10) == pytest.approx(7.0)


def test_metrics_are_those_of_the_bundled_faces_scripts_too() -> None:
    """metrics.json is what `python -m referral_cli.fonts.build` writes from the faces."""
    import json

    from referral_cli.fonts import METRICS_FILE
    from referral_cli.fonts.build import metrics

    table = json.loads(METRICS_FILE.read_text(encoding="utf-8"))
    assert sorted(table) == sorted(font.face for font in FONTS)
    for font in FONTS:
        assert table[font.face] == metrics(font), font.face


def test_arabic_and_ethiopic_are_measured_with_their_own_fonts() -> None:
    arabic, tigrinya = "مساعدة", "ሓገዝ"
    # Each script's own advances: not the width every unknown character gets.
    assert text_width(arabic, 10) != pytest.approx(7.0 * len(arabic))
    assert text_width(arabic, 10) < 7.0 * len(arabic)
    assert text_width(tigrinya, 10, "bold") > text_width(tigrinya, 10)
    assert text_width(arabic, 10, "italic") == text_width(arabic, 10)  # no italic Arabic
