"""`-` in place of a file name: standard input where read, standard output where written.

So commands can be joined with pipes: `referral export | referral stats --root -`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Final

DASH: Final = "-"
STDIN_NAME: Final = "<stdin>"  # how findings name standard input


def is_dash(path: Path | str | None) -> bool:
    """True when `path` is `-`."""
    return path is not None and str(path) == DASH


def stdout_is_terminal() -> bool:
    """Whether standard output is a terminal (where a PDF's bytes would be garbage)."""
    isatty = getattr(sys.stdout, "isatty", None)
    return bool(isatty and isatty())


def write_stdout(content: bytes) -> None:
    """`content` to standard output as it is (binary, so a PDF or CRLF lines stay intact)."""
    stream = getattr(sys.stdout, "buffer", None)
    if stream is not None:
        stream.write(content)
        stream.flush()
    else:  # a text-only stand-in (tests)
        sys.stdout.write(content.decode("utf-8", errors="replace"))
        sys.stdout.flush()
