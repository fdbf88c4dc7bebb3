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

# Characters that do not show in an editor but change a text: direction overrides,
# embeddings and isolates reorder what is printed and shown ("Trojan source": a
# reviewer reads one thing, the slip says another); zero-width spaces, word joiners
# and a byte order mark inside the text split a word for the search but not for the
# eye. They come with text pasted from web pages and PDFs. The joiners scripts need
# (ZWNJ, ZWJ in Persian and Arabic) and the direction marks LRM, RLM and ALM are
# allowed: they only settle how neighbouring characters join or run.
INVISIBLE_CHARACTERS = re.compile("[\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
DIRECTION_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable(text: str) -> str:
    r"""`text` with every control character shown as an escape (`\x1b`), never acted on."""
    if CONTROL_CHARACTERS.search(text) is None:
        return text
    return CONTROL_CHARACTERS.sub(lambda found: f"\\x{ord(found.group()):02x}", text)
