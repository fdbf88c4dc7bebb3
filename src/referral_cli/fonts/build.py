"""Rebuild the bundled fonts from Debian's `fonts-noto-core` (a maintainer's tool).

    apt-get download fonts-noto-core && dpkg-deb -x fonts-noto-core_*.deb noto
    python -m referral_cli.fonts.build noto/usr/share/fonts/truetype/noto

It subsets every face in `referral_cli.fonts.FONTS` to its Unicode ranges (WOFF2, all
OpenType layout features kept, so Arabic still joins and marks still attach), writes
`metrics.json` (advance widths of every face, for fitting slips, translated ones too, and
the quick reference) and the template `fonts.css` (the Latin faces as data URLs, included by
`style.css`). Needs fontTools and brotli (both come with the `pdf` extra). The output is
deterministic: the same sources give the same bytes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from referral_cli.fonts import (
    FONTS,
    FONTS_DIR,
    LATIN_FONTS,
    METRICS_FILE,
    TEMPLATE_CSS,
    BundledFont,
    font_face_rule,
)


def _unicodes(font: BundledFont) -> list[int]:
    return [code for start, end in font.ranges for code in range(start, end + 1)]


def subset(source_dir: Path, font: BundledFont) -> None:
    """Write `font.file` into the package: the source face cut down to `font.ranges`."""
    from fontTools import subset as ft_subset  # type: ignore[import-untyped,import-not-found,unused-ignore]

    options = ft_subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]  # keep the copyright and licence records
    options.name_languages = ["*"]
    options.hinting = False  # print only: hinting is for screens, and it is half the size
    options.desubroutinize = True
    options.flavor = "woff2"
    face = ft_subset.load_font(str(source_dir / font.source), options)
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=_unicodes(font))
    subsetter.subset(face)
    face["head"].modified = face["head"].created  # no build time inside: same input, same bytes
    ft_subset.save_font(face, str(FONTS_DIR / font.file), options)


def metrics(font: BundledFont) -> dict[str, object]:
    """Advance widths in em of every character of a subset face."""
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped,import-not-found,unused-ignore]

    face = TTFont(str(FONTS_DIR / font.file))
    upem = face["head"].unitsPerEm
    advances = face["hmtx"].metrics
    widths = {
        chr(code): round(advances[glyph][0] / upem, 4)
        for code, glyph in sorted(face.getBestCmap().items())
    }
    return {"widths": "".join(widths), "advances": list(widths.values())}


def main(argv: list[str]) -> int:
    """Subset every face from the folder `argv[0]`, then write metrics.json and fonts.css."""
    if len(argv) != 1:
        print(__doc__)
        return 2
    source_dir = Path(argv[0])
    for font in FONTS:
        subset(source_dir, font)
    table = {font.face: metrics(font) for font in FONTS}
    METRICS_FILE.write_text(json.dumps(table, ensure_ascii=False) + "\n", encoding="utf-8")
    TEMPLATE_CSS.write_text(
        "/* The bundled Latin faces (Noto Sans, SIL OFL 1.1: see referral_cli/fonts/). Generated\n"
        "   by `python -m referral_cli.fonts.build`; do not edit by hand. */\n"
        + "".join(font_face_rule(font) for font in LATIN_FONTS),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
