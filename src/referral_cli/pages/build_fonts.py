"""Cut the slip's fonts for the desk page from the bundled faces (a maintainer's tool).

    python -m referral_cli.pages.build_fonts

The desk page prints the referral slip with the bundled Noto Sans (the fitting measures
text with its widths), but a page that embeds the whole Latin, Greek, Cyrillic and
Vietnamese faces would weigh more than its budget. So the regular and bold faces are cut
down once more, to the Latin letters and punctuation of `SLIP_RANGES` (every language
written in Latin letters in Sweden); a letter outside them is taken from a system font.
Glyphs and advance widths are those of the bundled faces (`tests/test_pages.py` checks
that), the licence is theirs (SIL OFL 1.1, `referral_cli/fonts/OFL.txt`). Needs fontTools
(it comes with the `pdf` extra); the output is the same bytes for the same input.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Final

from referral_cli.fonts import FONTS_DIR, LATIN_RANGES

PAGES_DIR: Final = Path(__file__).resolve().parent
# The bundled Latin ranges without Greek, Cyrillic and Vietnamese.
_LEFT_OUT: Final = ((0x0370, 0x03FF), (0x0400, 0x045F), (0x0490, 0x0491), (0x1EA0, 0x1EF9))
SLIP_RANGES: Final = tuple(r for r in LATIN_RANGES if r not in _LEFT_OUT)
# (bundled face, the slip's face, CSS weight)
SLIP_FACES: Final = (
    ("NotoSans-Regular.woff2", "slip-regular.woff2", 400),
    ("NotoSans-Bold.woff2", "slip-bold.woff2", 700),
)


def build() -> list[Path]:
    """Write the slip's faces into this folder; return their paths."""
    from fontTools import subset  # type: ignore[import-untyped,import-not-found,unused-ignore]

    written = []
    for source, target, _ in SLIP_FACES:
        options = subset.Options()
        options.layout_features = ["*"]
        options.name_IDs = ["*"]  # keep the copyright and licence records
        options.name_languages = ["*"]
        options.hinting = False
        options.flavor = "woff2"
        face = subset.load_font(str(FONTS_DIR / source), options)
        subsetter = subset.Subsetter(options)
        codes = [code for start, end in SLIP_RANGES for code in range(start, end + 1)]
        subsetter.populate(unicodes=codes)
        subsetter.subset(face)
        face["head"].modified = face["head"].created  # same input, same bytes
        subset.save_font(face, str(PAGES_DIR / target), options)
        written.append(PAGES_DIR / target)
    return written


if __name__ == "__main__":
    for path in build():
        print(path)
    sys.exit(0)
