"""`referral inventory` at a terminal: the listing as a table for people, drawn with rich.

Imported only when the table is printed. The words and cells come from
`referral_cli.formats.inventory.table`; this module only decides how the columns share
the width and draws them as plain text.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from referral_cli.commands.inventory import InventoryListing

WIDE = 140  # from this width on, the table also shows referrals and outcomes


def _column_options(wide: bool) -> dict[str, dict[str, Any]]:
    """How each column may grow, shrink and wrap."""
    return {
        "date": {"no_wrap": True},
        "branch": {"no_wrap": True, "max_width": 14, "overflow": "ellipsis"},
        "description": {"ratio": 1, "min_width": 20},
        "reasons": {"min_width": 12, "max_width": 16},
        "row": {"min_width": 10, "max_width": 24 if wide else 18, "overflow": "fold"},
        "referred_to": {"max_width": 22, "overflow": "fold"},
        "outcome": {"max_width": 14},
    }


def format_table(listing: InventoryListing, lang: str | None = None, width: int = 100) -> str:
    """A readable table sorted by date, reasons as labels, `width` characters wide."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    from referral_cli.formats.inventory import table

    wide = width >= WIDE
    content = table(listing, lang, wide)
    if not content.rows:
        return content.empty
    options = _column_options(wide)
    drawn = Table(box=box.SIMPLE_HEAD, caption=content.caption, caption_justify="left", expand=True)
    for column, heading in zip(content.columns, content.headings, strict=True):
        drawn.add_column(heading, **options[column])
    for cells in content.rows:
        drawn.add_row(*cells)
    rendered = io.StringIO()
    console = Console(
        file=rendered,
        width=width,
        color_system=None,
        force_terminal=False,
        legacy_windows=False,
        markup=False,  # descriptions are printed as typed: '[' starts no markup
    )
    console.print(drawn)
    return "\n".join(line.rstrip() for line in rendered.getvalue().splitlines()).strip("\n")
