"""Where a command's result goes: standard output, or the file `--out` names.

Text is printed as the commands always printed it. Bytes (an xlsx workbook, CSV for
Excel) are written as they are, never re-encoded; a workbook is binary and is refused
on a terminal, where it would only scramble the screen (exit 2, naming `--out`).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from referral_cli.text import printable

OutFileOption = Annotated[
    Path | None,
    typer.Option(
        "--out",
        metavar="FILE",
        help="Write to this file (replaced if it exists) instead of standard output; '-' is "
        "standard output.",
    ),
]
ExcelOption = Annotated[
    bool,
    typer.Option(
        "--excel",
        help="With --format csv: CSV that Swedish Excel opens right (UTF-8 with BOM, ';', "
        "decimal comma).",
    ),
]


def emit(content: str | bytes, out: Path | None, *, binary: bool = False) -> None:
    """Print `content`, or write it to `out` (and print the file's name).

    `out` `-` is standard output, as for every command's `--out`. `binary`: the content
    is a file format, not text (refused on a terminal).
    """
    from referral_cli.stdio import is_dash, stdout_is_terminal

    if out is not None and not is_dash(out):
        from referral_cli.formats.spreadsheet import write_output

        write_output(out, content)
        typer.echo(printable(str(out)))
        return
    if isinstance(content, str):
        typer.echo(content)
        return
    if binary and stdout_is_terminal():
        from referral_cli.errors import UsageError
        from referral_cli.i18n import phrase

        raise UsageError(phrase("error.spreadsheet.binary_to_terminal"))
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:  # pragma: no cover - every real stdout has a buffer
        raise RuntimeError("standard output takes no bytes")
    sys.stdout.flush()
    stream.write(content)
    stream.flush()
