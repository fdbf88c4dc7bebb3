"""Visitor labels in the visitors' languages: what a slip, poster or public page says.

Only the words a visitor takes home, reads on the wall or reads on the public web page
(`label.*` keys of the slips, the poster and the public page, the `vocab.requirement.*`
things to bring, and the fallback note) are bundled here, for the languages `BUNDLED`
lists. Messages, findings and every staff handout stay in Swedish and English (`sv.py`,
`en.py`); English visitor labels are the English catalogue's own.

The bundled labels in these files are machine-made (`MACHINE_MADE` in each file): a
library replaces any of them with its own under `labels:` in
`data/translations/<language>.yaml` (see `referral_cli.visitors`).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

# Every key a visitor catalogue holds, as in `sv.py` and `en.py`. The templates of visitor
# handouts use no other label (tests/i18n/test_visitor.py checks it by rendering them); the
# labels from "public_page_title" on are the public page's (its template and its script).
VISITOR_LABELS: Final = (
    "slips_title",
    "slips_intro",
    "slip_heading",
    "slip_need",
    "slip_go_to",
    "slip_tick",
    "slip_library_helps",
    "slip_bring",
    "slip_help_in",
    "slip_own_contact",
    "slip_next_step",
    "slip_more_at_desk",
    "slip_checked",
    "phone_short",
    "chat",
    "opening_hours_short",
    "poster_title",
    "poster_intro",
    "poster_we_help",
    "poster_we_show",
    "poster_ask",
    "reviewed",
    "not_reviewed",
    "revision",
    "revision_unknown",
    "revision_changes",
    "page",
    "page_of",
    "public_page_title",
    "public_page_intro",
    "contents",
    "public_search",
    "public_search_hint",
    "page_browse",
    "public_we_help",
    "public_why",
    "public_how",
    "languages",
    "public_contact_us",
    "page_skip",
    "address",
    "page_status_answer",
    "public_status_closest",
    "public_closest_rows",
    "public_hits",
    "page_not_found",
    "public_nothing",
    "public_closest_words",
    "public_no_words",
    "public_common_words_only",
)
REQUIREMENTS: Final = ("id_document", "library_card", "e_id", "password", "own_device", "other")
# Words only visitor handouts need; in sv.py and en.py they sit in the visitors section.
OWN_LABELS: Final = ("fallback_note", "source_sv", "source_en")
VISITOR_KEYS: Final = (
    *(f"label.{name}" for name in VISITOR_LABELS),
    *(f"vocab.requirement.{value}" for value in REQUIREMENTS),
    *(f"visitors.label.{name}" for name in OWN_LABELS),
)

# Bundled visitor catalogues: language code -> module in this package.
BUNDLED: Final = {
    "ar": "ar",
    "fa": "fa",
    "so": "so",
    "ti": "ti",
    "uk": "uk",
    "sv-lattlast": "sv_lattlast",
}

_LOADED: dict[str, Mapping[str, str]] = {}


def bundled_catalogue(code: str) -> Mapping[str, str] | None:
    """The bundled visitor labels of `code` (keys as `VISITOR_KEYS`), or None if none ship."""
    module = BUNDLED.get(code)
    if module is None:
        return None
    found = _LOADED.get(code)
    if found is None:
        phrases = importlib.import_module(f"{__name__}.{module}").PHRASES
        found = _LOADED[code] = MappingProxyType(phrases)
    return found


def machine_made(code: str) -> bool:
    """Whether the bundled labels of `code` were made by a machine (and await a translator)."""
    module = BUNDLED.get(code)
    return module is not None and bool(importlib.import_module(f"{__name__}.{module}").MACHINE_MADE)
