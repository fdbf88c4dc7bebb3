"""Handout labels in Somali (Soomaali) for visitor slips, the poster and the public page.

MACHINE-MADE: written by a machine, not yet checked by a translator. A library replaces
any label under `labels:` in `data/translations/so.yaml`.
"""

from __future__ import annotations

from typing import Final

MACHINE_MADE: Final = True

PHRASES: Final[dict[str, str]] = {
    "label.slips_title": "Warqadaha gudbinta",
    "label.slips_intro": "Daabac, ku jar xariiqyada go'go'an, oo warqadda sii qofka booqanaya.",
    "label.slip_heading": "Gudbin",
    "label.slip_need": "Waxaad caawimaad uga baahan tahay",
    "label.slip_go_to": "Meesha aad u tagto",
    "label.slip_tick": "Calaamadee meesha aad u tagayso",
    "label.slip_library_helps": "Arrintan halkan maktabadda ayaan kaaga caawinaynaa.",
    "label.slip_bring": "Keen",
    "label.slip_help_in": "Caawimaad luqadaha",
    "label.slip_own_contact": "Xiriirkaaga (tusaale ahaan bangigaaga)",
    "label.slip_next_step": "Tallaabada xigta",
    "label.slip_more_at_desk": "Meelo iyo xiriiro kale: weydii miiska macluumaadka.",
    "label.slip_checked": "Macluumaadka waa la hubiyay",
    "label.phone_short": "Tel.",
    "label.chat": "Wada-sheekaysi",
    "label.opening_hours_short": "Furan",
    "label.poster_title": "Ma u baahan tahay caawimaad arrin dijitaal ah?",
    "label.poster_intro": "Nagu weydii miiska macluumaadka. Halkan waxaad ku aragtaa waxa aan kaa caawinno iyo meesha aad u tagto arrimaha kale.",
    "label.poster_we_help": "Tan ayaan kaa caawinaynaa",
    "label.poster_we_show": "Halkan waxaan ku tusinaynaa jidka",
    "label.poster_ask": "Na weydii!",
    "label.reviewed": "Markii ugu dambeysay la eegay",
    "label.not_reviewed": "lama sheegin",
    "label.revision": "Nooca",
    "label.revision_unknown": "lama yaqaan",
    "label.revision_changes": "isbeddello",
    "label.page": "Bogga",
    "label.page_of": "ee",
    "label.public_page_title": "Maxay maktabaddu kaaga caawin kartaa?",
    "label.public_page_intro": "Halkan waxaad ku aragtaa waxa aan maktabadda kaaga caawinno arrimaha dijitaalka ah, iyo meesha aad u tagto waxa aanan adiga kuu qaban karin.",
    "label.contents": "Tusmada",
    "label.public_search": "Ka raadi arrimaha",
    "label.public_search_hint": "Qor waxa aad caawimaad uga baahan tahay, tusaale ahaan BankID, foom ama baasaboor.",
    "label.page_browse": "Dhammaan arrimaha, loo kala soocay qaybo",
    "label.public_we_help": "Tan ayaan kaa caawin karnaa",
    "label.public_why": "Sababta aan meel kale kuugu dirno",
    "label.public_how": "Sida ay u socoto",
    "label.languages": "Luqadaha",
    "label.public_contact_us": "Su'aalo ma qabtaa? La xiriir maktabadda",
    "label.page_skip": "U gudub sanduuqa raadinta",
    "label.address": "Cinwaanka",
    "label.page_status_answer": "Jawaab: {need}",
    "label.public_status_closest": "Jawaab hubaal ah lama helin. Akhri arrimaha ugu dhow oo adigu dooro.",
    "label.public_closest_rows": "Arrimaha ugu dhow",
    "label.public_hits": "Natiijooyinka",
    "label.page_not_found": "Lama helin: {words}",
    "label.public_nothing": "Arrin u dhiganta “{query}” lama helin.",
    "label.public_closest_words": "Erayada ugu dhow:",
    "label.public_no_words": "Erayo la mid ah lama helin. Isku day eray ka gaaban ama eray kale.",
    "label.public_common_words_only": "Erayadani aad bay u caadi yihiin si loo raadiyo. Qor waxa aad caawimo u baahan tahay, tusaale ahaan adeeg ama hay'ad.",
    "vocab.requirement.id_document": "Aqoonsi",
    "vocab.requirement.library_card": "Kaarka maktabadda",
    "vocab.requirement.e_id": "Aqoonsi elektaroonig ah",
    "vocab.requirement.password": "Erayadaada sirta ah",
    "vocab.requirement.own_device": "Taleefankaaga, tablet-kaaga ama kombiyuutarkaaga",
    "vocab.requirement.other": "Wax kale – weydii shaqaalaha",
    "visitors.label.fallback_note": "Qoraalka lagu calaamadeeyay * wuxuu ku qoran yahay {language}: weli lama turjumin.",
    "visitors.label.source_sv": "Iswiidhish",
    "visitors.label.source_en": "Ingiriisi",
}
