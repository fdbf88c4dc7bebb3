"""Visitor labels in Easy Swedish (lättläst svenska, `sv-lattlast`).

For the slips, the poster and the public page.

Short sentences, common words, one thing at a time.

MACHINE-MADE: written by a machine, not yet checked by an editor of easy-to-read Swedish.
A library replaces any label under `labels:` in `data/translations/sv-lattlast.yaml`.
"""

from __future__ import annotations

from typing import Final

MACHINE_MADE: Final = True

PHRASES: Final[dict[str, str]] = {
    "label.slips_title": "Lappar om vart du kan gå",
    "label.slips_intro": "Skriv ut. Klipp längs de streckade linjerna. Ge lappen till besökaren.",
    "label.slip_heading": "Lapp från biblioteket",
    "label.slip_need": "Du vill ha hjälp med",
    "label.slip_go_to": "Hit kan du gå",
    "label.slip_tick": "Sätt ett kryss där du ska gå",
    "label.slip_library_helps": "Vi hjälper dig med det här. Här på biblioteket.",
    "label.slip_bring": "Ta med",
    "label.slip_help_in": "De pratar",
    "label.slip_own_contact": "Din egen kontakt, till exempel din bank",
    "label.slip_next_step": "Det här gör du sedan",
    "label.slip_more_at_desk": "Vill du veta fler ställen? Fråga oss i disken.",
    "label.slip_checked": "Vi kollade uppgifterna",
    "label.phone_short": "Telefon",
    "label.chat": "Chatt",
    "label.opening_hours_short": "Öppet",
    "label.poster_title": "Vill du ha hjälp med något på nätet?",
    "label.poster_intro": "Fråga oss i disken. Här ser du vad vi hjälper dig med. Du ser också vart du kan gå med andra saker.",
    "label.poster_we_help": "Vi hjälper dig med det här",
    "label.poster_we_show": "Vi visar dig vart du kan gå",
    "label.poster_ask": "Fråga oss!",
    "label.reviewed": "Senast kollad",
    "label.not_reviewed": "vet inte",
    "label.revision": "Version",
    "label.revision_unknown": "okänd",
    "label.revision_changes": "ändringar",
    "label.page": "Sida",
    "label.page_of": "av",
    "label.public_page_title": "Vad kan biblioteket hjälpa dig med?",
    "label.public_page_intro": "Här ser du vad vi på biblioteket hjälper dig med på nätet. Du ser också vart du kan gå med det som vi inte kan göra åt dig.",
    "label.contents": "Innehåll",
    "label.public_search": "Sök bland ärendena",
    "label.public_search_hint": "Skriv vad du behöver hjälp med. Till exempel BankID, blankett eller pass.",
    "label.page_browse": "Alla ärenden, sorterade efter ämne",
    "label.public_we_help": "Vi kan hjälpa dig med det här",
    "label.public_why": "Därför skickar vi dig till någon annan",
    "label.public_how": "Så går det till",
    "label.languages": "Språk",
    "label.public_contact_us": "Har du frågor? Kontakta biblioteket",
    "label.page_skip": "Gå till sökrutan",
    "label.address": "Adress",
    "label.page_status_answer": "Svar: {need}",
    "label.public_status_closest": "Vi hittade inget säkert svar. Läs ärendena som liknar mest. Välj själv.",
    "label.public_closest_rows": "Ärenden som liknar mest",
    "label.public_hits": "Det här hittade vi",
    "label.page_not_found": "Vi hittade inte: {words}",
    "label.public_nothing": "Inget ärende passar ”{query}”.",
    "label.public_closest_words": "Ord som liknar:",
    "label.public_no_words": "Vi hittade inga ord som liknar. Pröva ett kortare ord eller ett annat ord.",
    "label.public_common_words_only": "Orden är för vanliga. Skriv vad du behöver hjälp med. Till exempel en tjänst eller en myndighet.",
    "vocab.requirement.id_document": "Legitimation",
    "vocab.requirement.library_card": "Lånekort",
    "vocab.requirement.e_id": "E-legitimation, till exempel BankID",
    "vocab.requirement.password": "Dina lösenord",
    "vocab.requirement.own_device": "Din mobil, surfplatta eller dator",
    "vocab.requirement.other": "Något annat. Fråga oss.",
    "visitors.label.fallback_note": "Text med * är på {language}. Den finns inte på lättläst svenska än.",
    "visitors.label.source_sv": "vanlig svenska",
    "visitors.label.source_en": "engelska",
}
