"""Text for a terminal without rich: wrapped lines, a framed panel, lines cut to fit.

`lookup` answers at the desk and its start-up is measured against a bare Typer app
(benchmarks/README.md); importing rich alone costs about a tenth of a warm lookup.
So lookup draws its panel here, the way rich draws one: a rounded box (plain ASCII
where the output cannot encode it), the title at the top left and the subtitle at
the bottom right, one space of padding, words wrapped at spaces and a word longer
than the line folded. The width follows rich's rules too (`COLUMNS`, then the
terminal, then 80 columns), so the output is the same as before. Bold and italic
are written only to a terminal that shows them: not to a file or a pipe, not with
`TERM=dumb`, and not on Windows, whose older consoles print the codes as text
(`FORCE_COLOR` or `TTY_COMPATIBLE=1` turns them on anywhere).
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TextIO

BOLD = "bold"
ITALIC = "italic"
_STYLE_CODES = {BOLD: "\x1b[1m", ITALIC: "\x1b[3m"}
_RESET = "\x1b[0m"
ELLIPSIS = "…"

# top left, horizontal, top right, vertical, bottom left, bottom right
ROUNDED = ("╭", "─", "╮", "│", "╰", "╯")
ASCII = ("+", "-", "+", "|", "+", "+")

# A word and the spaces after it (the first one also takes the spaces before it).
_WORD = re.compile(r"\s*\S+\s*")

# One block of a panel: its text (line breaks start new lines) and its style.
Block = tuple[str, str]


def cell_width(text: str) -> int:
    """How many terminal columns `text` takes (wide characters two, marks none)."""
    if text.isascii():
        return len(text)
    return sum(_char_width(char) for char in text)


def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def crop(text: str, width: int) -> str:
    """`text` cut to `width` columns (a wide character cut in half becomes a space)."""
    if cell_width(text) <= width:
        return text
    used = 0
    for index, char in enumerate(text):
        used += _char_width(char)
        if used > width:
            return text[:index] + " " * (width - used + _char_width(char))
    return text


def cut(text: str, width: int) -> str:
    """`text` on one line: cut with an ellipsis when it is wider than `width`."""
    if cell_width(text) <= width:
        return text
    return crop(text, max(width - 1, 0)) + ELLIPSIS


def wrap(text: str, width: int) -> list[str]:
    """`text` wrapped to `width` columns, every line break kept.

    A line breaks before a word that does not fit; a word wider than the whole line
    is folded. Spaces at the end of a line are kept where they fit, as rich does.
    """
    width = max(width, 1)
    lines: list[str] = []
    for line in text.split("\n"):
        lines.extend(_fit(piece, width) for piece in _divide(line, width))
    return lines


def expand_tabs(line: str, size: int = 8) -> str:
    """Tabs as spaces up to the next tab stop, counted in columns (as rich does)."""
    if "\t" not in line:
        return line
    parts = line.split("\t")
    expanded = []
    column = 0
    for part in parts[:-1]:
        column += cell_width(part) + 1
        expanded.append(part + " " * (1 + (-column) % size))
        column += (-column) % size
    return "".join(expanded) + parts[-1]


def _divide(line: str, width: int) -> list[str]:
    """`line` split where it must break to fit `width` (see `wrap`)."""
    line = expand_tabs(line)
    breaks: list[int] = []
    used = 0
    for match in _WORD.finditer(line):
        start, word = match.start(), match.group()
        length = cell_width(word.rstrip())
        if width - used >= length:
            used += cell_width(word)
        elif length > width:
            chunks = _fold(word, width)
            for number, chunk in enumerate(chunks, start=1):
                if start:
                    breaks.append(start)
                if number == len(chunks):
                    used = cell_width(chunk)
                else:
                    start += len(chunk)
        elif used and start:
            breaks.append(start)
            used = cell_width(word)
    edges = [0, *breaks, len(line)]
    return [line[begin:end] for begin, end in zip(edges, edges[1:], strict=False)]


def _fold(word: str, width: int) -> list[str]:
    """A word too wide for a line, in pieces of at most `width` columns."""
    pieces: list[str] = []
    start = used = 0
    for index, char in enumerate(word):
        size = _char_width(char)
        if used + size > width and index > start:
            pieces.append(word[start:index])
            start, used = index, 0
        used += size
    pieces.append(word[start:])
    return pieces


def _fit(line: str, width: int) -> str:
    """Drop the spaces that do not fit at the end of a line, then crop it."""
    excess = len(line) - width
    if excess > 0:
        spaces = len(line) - len(line.rstrip())
        line = line[: len(line) - min(spaces, excess)]
    return crop(line, width)


def output_width(environ: dict[str, str] | None = None) -> int:
    """The width to print at: `COLUMNS`, else the terminal's, else 80 (rich's rules)."""
    environ = dict(os.environ) if environ is None else environ
    columns = environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if is_dumb(environ) and _shows_codes(sys.stdout, environ):
        return 80
    streams = (1, 2) if os.name == "nt" else (0, 1, 2)
    for stream in streams:
        try:
            width = os.get_terminal_size(stream).columns
        except (AttributeError, ValueError, OSError):
            continue
        return width or 80
    return 80


def is_dumb(environ: dict[str, str]) -> bool:
    """True for a terminal that understands no escape codes at all."""
    return environ.get("TERM", "").lower() in ("dumb", "unknown")


def _shows_codes(out: TextIO, environ: dict[str, str]) -> bool:
    compatible = environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    forced = environ.get("FORCE_COLOR")
    if forced is not None:
        return forced != ""
    if os.name == "nt":
        return False
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


def shows_styles(out: TextIO, environ: dict[str, str] | None = None) -> bool:
    """True when `out` is a terminal that shows bold and italic (see the module text)."""
    environ = dict(os.environ) if environ is None else environ
    return _shows_codes(out, environ) and not is_dumb(environ)


def can_encode(out: TextIO, text: str) -> bool:
    """True when `out`'s encoding can write `text` (the box characters)."""
    encoding = getattr(out, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


class Screen:
    """Where lookup prints: an output, its width, whether it shows styles, its box."""

    def __init__(
        self, out: TextIO | None = None, *, width: int | None = None, styled: bool | None = None
    ) -> None:
        self.out = out if out is not None else sys.stdout
        self.width = width if width is not None else output_width()
        self.styled = shows_styles(self.out) if styled is None else styled
        self.box = ROUNDED if can_encode(self.out, "".join(ROUNDED)) else ASCII

    def style(self, text: str, style: str) -> str:
        """`text` in `style` ("" for none), as the output can show it."""
        if not (self.styled and style and text):
            return text
        return f"{_STYLE_CODES[style]}{text}{_RESET}"

    def write(self, lines: Iterable[str]) -> None:
        """Write lines, each ended by a line break."""
        self.out.write("".join(f"{line}\n" for line in lines))

    def text(self, text: str, style: str = "") -> None:
        """Text wrapped to the width."""
        self.write(self.style(line, style) for line in wrap(text, self.width))

    def line(self, text: str, style: str = "") -> None:
        """One line, cut with an ellipsis when it does not fit (desk screens are narrow)."""
        self.write([self.style(cut(text, self.width), style)])

    def panel(self, blocks: Sequence[Block], *, title: str, subtitle: str) -> None:
        """The blocks in a frame, the title at its top left, the subtitle at its bottom right."""
        self.write(self.panel_lines(blocks, title=title, subtitle=subtitle))

    def panel_lines(self, blocks: Sequence[Block], *, title: str, subtitle: str) -> list[str]:
        """The lines `panel` writes."""
        top_left, across, top_right, side, bottom_left, bottom_right = self.box
        inner = max(self.width, 5) - 4
        top = _label(title, inner, across, left=True)
        lines = [f"{top_left}{across}{top}{across}{top_right}"]
        for text, style in blocks:
            for line in wrap(text, inner):
                padding = " " * (inner - cell_width(line))
                lines.append(f"{side} {self.style(line, style)}{padding} {side}")
        bottom = _label(subtitle, inner, across, left=False)
        lines.append(f"{bottom_left}{across}{bottom}{across}{bottom_right}")
        return lines


def _label(text: str, width: int, fill: str, *, left: bool) -> str:
    """A title in the frame's top or bottom line: padded by a space, filled with the line."""
    label = crop(" " + expand_tabs(text.replace("\n", " ")) + " ", width)
    rest = fill * (width - cell_width(label))
    return label + rest if left else rest + label
