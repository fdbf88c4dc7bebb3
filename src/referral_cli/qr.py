"""QR codes for printed web addresses, as inline SVG (segno, pure Python).

Inline SVG keeps a handout one self-contained file (no image is fetched) and prints
sharp in both engines. The code is drawn as one path of dark modules, with the quiet
zone the standard asks for, so a phone can read it from a slip or a poster.
"""

from __future__ import annotations

from typing import Final

QUIET_ZONE: Final = 4  # modules of white around the code (ISO/IEC 18004)


def qr_svg(url: str) -> str:
    """An `<svg>` element drawing a QR code of `url` (error correction M, boosted if room)."""
    import segno

    code = segno.make(url, error="m", micro=False)
    size = len(code.matrix) + 2 * QUIET_ZONE
    runs = []
    for y, row in enumerate(code.matrix):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                runs.append(f"M{start + QUIET_ZONE} {y + QUIET_ZONE}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    return (
        f'<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
        f'shape-rendering="crispEdges" role="img" aria-label="QR">'
        f'<rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path fill="#000" d="{"".join(runs)}"/></svg>'
    )
