"""The fonts every HTML handout carries, and text widths for fitting print layouts.

Pagination must not depend on the fonts of the machine that prints: a handout that is
five pages in WeasyPrint on one machine must be five pages in Chromium on another. So
every handout embeds its own fonts as data URLs (nothing is fetched, the HTML stays one
self-contained file). The family names are made up (one word), so a font installed on
the machine never stands in for them:

- **ReferralSans**: Noto Sans regular, bold and italic, cut down to Latin (every
  language written in Latin letters in Sweden, Vietnamese included), Greek and the
  Cyrillic Ukrainian, Russian and Serbian need. It is in the template `fonts.css`,
  which `style.css` includes, so every document made from the templates has it.
- **ReferralSansArabic** and **ReferralSansEthiopic**: Noto Sans Arabic (Arabic,
  Persian, Dari, Pashto, Sorani, Urdu) and Noto Sans Ethiopic (Tigrinya, Amharic),
  regular and bold. They are large, so `script_font_css` adds them only to a document
  whose text uses that script (a language name in its own script on a slip, or later a
  translated slip).

All are SIL OFL 1.1 fonts from Debian's `fonts-noto-core` (see `OFL.txt` and
`README.md` here); `python -m referral_cli.fonts.build` rebuilds them.

`text_width` measures text with the faces' advance widths (`metrics.json`), so the
slips (translated ones too) and the quick reference can tell before printing whether
their content fits.
"""

from __future__ import annotations

import base64
import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

Face = Literal["regular", "bold", "italic"]
Range = tuple[int, int]

FONTS_DIR: Final = Path(__file__).resolve().parent
METRICS_FILE: Final = FONTS_DIR / "metrics.json"
TEMPLATE_CSS: Final = FONTS_DIR.parent / "templates" / "fonts.css"

FAMILY: Final = "ReferralSans"
ARABIC_FAMILY: Final = "ReferralSansArabic"
ETHIOPIC_FAMILY: Final = "ReferralSansEthiopic"

LATIN_RANGES: Final[tuple[Range, ...]] = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x017F),  # Latin-1 and Latin Extended-A: Nordic, Sámi, Finnish, Polish, Turkish
    (0x0192, 0x0192),
    (0x0218, 0x021B),  # Romanian ș ț
    (0x02C6, 0x02C7),
    (0x02D8, 0x02DD),
    (0x0300, 0x030C),  # combining accents, for text typed decomposed
    (0x0327, 0x0328),
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x045F),  # Cyrillic: Ukrainian, Russian, Serbian, Bulgarian
    (0x0490, 0x0491),  # Ukrainian Ґ ґ
    (0x1E9E, 0x1E9E),
    (0x1EA0, 0x1EF9),  # Vietnamese
    (0x200B, 0x200F),  # zero-width space and joiners, direction marks
    (0x2010, 0x2027),  # dashes, quotes, bullet, ellipsis
    (0x2030, 0x203A),
    (0x2044, 0x2044),
    (0x2060, 0x2060),
    (0x2066, 0x2069),  # bidirectional isolates
    (0x20AC, 0x20AC),
    (0x2116, 0x2116),
    (0x2122, 0x2122),
    (0x2212, 0x2212),
    (0xFEFF, 0xFEFF),
    (0xFFFD, 0xFFFD),
)
ARABIC_RANGES: Final[tuple[Range, ...]] = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)
ETHIOPIC_RANGES: Final[tuple[Range, ...]] = (
    (0x1200, 0x139F),
    (0x2D80, 0x2DDF),
    (0xAB00, 0xAB2F),
)
# Shared with the script fonts so spaces and joiners inside a run keep the run's font.
_SCRIPT_EXTRAS: Final[tuple[Range, ...]] = ((0x0020, 0x0020), (0x00A0, 0x00A0), (0x200C, 0x200F))


@dataclass(frozen=True)
class BundledFont:
    """One face: where it comes from, the file in this package, its CSS descriptors.

    `script` is None for the Latin faces (always embedded); for a script font, the
    ranges whose presence in a document makes `script_font_css` embed it.
    """

    face: str
    family: str
    source: str
    weight: int
    style: str
    ranges: tuple[Range, ...]
    script: tuple[Range, ...] | None = None

    @property
    def file(self) -> str:
        """The subset face in this package: the source's name as WOFF2."""
        return self.source.removesuffix(".ttf") + ".woff2"


LATIN_FONTS: Final = (
    BundledFont("regular", FAMILY, "NotoSans-Regular.ttf", 400, "normal", LATIN_RANGES),
    BundledFont("bold", FAMILY, "NotoSans-Bold.ttf", 700, "normal", LATIN_RANGES),
    BundledFont("italic", FAMILY, "NotoSans-Italic.ttf", 400, "italic", LATIN_RANGES),
)
SCRIPT_FONTS: Final = (
    BundledFont(
        "arabic",
        ARABIC_FAMILY,
        "NotoSansArabic-Regular.ttf",
        400,
        "normal",
        ARABIC_RANGES + _SCRIPT_EXTRAS,
        ARABIC_RANGES,
    ),
    BundledFont(
        "arabic-bold",
        ARABIC_FAMILY,
        "NotoSansArabic-Bold.ttf",
        700,
        "normal",
        ARABIC_RANGES + _SCRIPT_EXTRAS,
        ARABIC_RANGES,
    ),
    BundledFont(
        "ethiopic",
        ETHIOPIC_FAMILY,
        "NotoSansEthiopic-Regular.ttf",
        400,
        "normal",
        ETHIOPIC_RANGES + _SCRIPT_EXTRAS,
        ETHIOPIC_RANGES,
    ),
    BundledFont(
        "ethiopic-bold",
        ETHIOPIC_FAMILY,
        "NotoSansEthiopic-Bold.ttf",
        700,
        "normal",
        ETHIOPIC_RANGES + _SCRIPT_EXTRAS,
        ETHIOPIC_RANGES,
    ),
)
FONTS: Final = LATIN_FONTS + SCRIPT_FONTS


def font_face_rule(font: BundledFont) -> str:
    """The `@font-face` rule of one face, its file inlined as a data URL."""
    data = base64.b64encode((FONTS_DIR / font.file).read_bytes()).decode("ascii")
    return (
        "@font-face {\n"
        f'  font-family: "{font.family}";\n'
        f"  font-style: {font.style};\n"
        f"  font-weight: {font.weight};\n"
        f'  src: url(data:font/woff2;base64,{data}) format("woff2");\n'
        "}\n"
    )


def _uses(characters: set[str], ranges: tuple[Range, ...]) -> bool:
    return any(start <= ord(ch) <= end for ch in characters for start, end in ranges)


def script_font_css(text: str) -> str:
    """`@font-face` rules for the script fonts that `text` needs ('' for Latin-only text)."""
    characters = {ch for ch in set(text) if ord(ch) > 0x7F}
    needed = {
        font.family for font in SCRIPT_FONTS if font.script and _uses(characters, font.script)
    }
    return "".join(font_face_rule(font) for font in SCRIPT_FONTS if font.family in needed)


# Characters the metrics do not know (another script, a symbol) count as this wide: wider
# than almost every Latin letter, so an estimate errs on the side of "does not fit".
UNKNOWN_WIDTH: Final = 0.7


# The script faces that set what the Latin face of a weight lacks, as the CSS font lists do.
_SCRIPT_FACES: Final = {
    "regular": ("arabic", "ethiopic"),
    "italic": ("arabic", "ethiopic"),
    "bold": ("arabic-bold", "ethiopic-bold"),
}


@functools.cache
def _advances(face: Face) -> dict[str, float]:
    """Advance widths (em) of every character `face` sets: its own, then the script faces'.

    The script faces' widths are those of the isolated forms: a joined Arabic word is
    narrower, so an estimate errs on the side of "does not fit", as it should.
    """
    tables = json.loads(METRICS_FILE.read_text(encoding="utf-8"))
    advances: dict[str, float] = {}
    for name in (*reversed(_SCRIPT_FACES[face]), face):
        table = tables[name]
        advances.update(zip(table["widths"], table["advances"], strict=True))
    return advances


def text_width(text: str, size: float, face: Face = "regular") -> float:
    """The width of `text` set on one line at `size` points, in points (no kerning).

    Latin, Greek and Cyrillic are measured with Noto Sans, Arabic and Ethiopic with the
    bundled script fonts; anything else counts as `UNKNOWN_WIDTH`.
    """
    advances = _advances(face)
    return size * sum(advances.get(ch, UNKNOWN_WIDTH) for ch in text)
