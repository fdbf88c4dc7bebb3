"""How much referral reads at most, so a careless paste or a hostile file cannot exhaust it.

Every limit is far above what real guideline data reaches (the bundled example's largest
file is 21 kB, a real entry about 1 kB) and is refused with a located finding or a usage
error that names the limit, never a traceback or minutes of work. README, "Limits",
lists them all.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO, Final

from referral_cli.errors import FindingsError, UsageError
from referral_cli.i18n import Phrase, phrase

# library.yaml, actors.yaml and matrix.yaml, each (a 1,000-row matrix is 1.1 MB).
YAML_FILE_BYTES: Final = 4_000_000
# One inventory entry file (a real one is about 1 kB).
ENTRY_FILE_BYTES: Final = 100_000
# `add-question --from-file` (YAML or CSV, a file or standard input).
IMPORT_FILE_BYTES: Final = 20_000_000
# One line of a JSON Lines export file (`stats --root FILE.jsonl`).
EXPORT_LINE_BYTES: Final = 1_000_000
# The search words of `referral lookup`, together.
QUERY_CHARACTERS: Final = 500
# Each free text of an inventory entry (description, reflection, recorded_by): what
# `match` searches and the personal-data guard scans.
ENTRY_TEXT_CHARACTERS: Final = 10_000

STDIN: Final = "-"


class TooLargeError(Exception):
    """More than the limit was there to read."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"more than {limit} bytes")
        self.limit = limit


def size_text(limit: int) -> str:
    """A byte limit as people write it: `4 MB`, `20 MB`, `500 kB`."""
    if limit >= 1_000_000 and limit % 1_000_000 == 0:
        return f"{limit // 1_000_000} MB"
    if limit >= 1_000 and limit % 1_000 == 0:
        return f"{limit // 1_000} kB"
    return f"{limit} B"


def too_large(limit: int) -> Phrase:
    """The message for a file over `limit` bytes."""
    return phrase("store.too-large", limit=size_text(limit))


def read_limited(source: Path | BinaryIO, limit: int) -> bytes:
    """Every byte of a file (or binary stream) holding at most `limit` bytes.

    Raises `TooLargeError` after reading `limit + 1` bytes, so `/dev/zero` or a
    multi-gigabyte file never fills memory; `OSError` when the file cannot be read.
    """
    if isinstance(source, Path):
        with source.open("rb") as stream:
            return read_limited(stream, limit)
    data = source.read(limit + 1)
    if len(data) > limit:
        raise TooLargeError(limit)
    return data


def read_import(name: str, display: str) -> bytes:
    """The bytes of `add-question --from-file NAME` (`-`: standard input), within the limit.

    A file over `IMPORT_FILE_BYTES` is a located finding (`FindingsError`); a file that
    cannot be opened is a `UsageError`.
    """
    try:
        if name == STDIN:
            stream = sys.stdin
            buffer = getattr(stream, "buffer", None)
            if buffer is not None:
                return read_limited(buffer, IMPORT_FILE_BYTES)
            text = stream.read(IMPORT_FILE_BYTES + 1)  # a text stream (tests, embedding)
            if len(text) > IMPORT_FILE_BYTES:
                raise TooLargeError(IMPORT_FILE_BYTES)
            return text.encode("utf-8")
        return read_limited(Path(name), IMPORT_FILE_BYTES)
    except TooLargeError as exc:
        from referral_cli.findings import Finding

        finding = Finding(
            display,
            1,
            1,
            "error",
            "file-too-large",
            too_large(exc.limit),
            phrase("store.too-large.hint"),
        )
        raise FindingsError([finding]) from None
    except OSError as exc:
        from referral_cli.i18n import os_reason

        reason = os_reason(exc)
        raise UsageError(phrase("error.cannot-read-import", name=name, reason=reason)) from None
