"""Rules for text that referral stores and shows: no control characters.

Guideline data and inventory entries never hold control characters (C0 and C1, except
tab and line feed): they are invisible on paper and, printed to a terminal, can
recolour text, change the window title or hide what came before. The readers refuse
them with a located finding (`CONTROL_CHARACTERS`); text from elsewhere (a query, an
export file, a file name from git) is made visible with `printable` before it is shown.
"""

from __future__ import annotations

import re

CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    r"""`text` with every control character shown as an escape (`\x1b`), never acted on."""
    if CONTROL_CHARACTERS.search(text) is None:
        return text
    return CONTROL_CHARACTERS.sub(lambda found: f"\\x{ord(found.group()):02x}", text)
