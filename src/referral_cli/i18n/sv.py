"""Every phrase referral prints, in Swedish: the catalogue for `t(key, "sv")`.

Keys are dotted: `label.*` handout labels and headings (templates print them as
`L.<name>`), `vocab.<vocabulary>.<value>` closed vocabularies, `language.<code>`
language names; the other families are messages. `en.py` has exactly the same keys
(a test checks it). Placeholders are `str.format` fields.
"""

from __future__ import annotations

from typing import Final

PHRASES: Final[dict[str, str]] = {
    # --- handout labels and headings
    "label.desk_guide_title": "Hänvisningsguide för informationsdisken",
    "label.desk_guide_intro": "Matrisen visar vad biblioteket kan göra, vad vi säger och vart användaren kan vända sig. Det finns nästan alltid en del av ärendet som vi kan hjälpa till med.",
    "label.slips_title": "Hänvisningslappar",
    "label.slips_intro": "Skriv ut, klipp längs de streckade linjerna och ge lappen till besökaren.",
    "label.actors_title": "Aktörer att hänvisa till",
    "label.actors_staff_subtitle": "Intern förteckning för personalen, med bibliotekets relation till varje aktör",
    "label.actors_public_subtitle": "Organisationer som kan hjälpa dig vidare med ditt ärende",
    "label.guidelines_title": "Riktlinjer för hänvisning",
    "label.guidelines_subtitle": "Hur biblioteket hjälper till med digitala ärenden och när vi hänvisar vidare",
    "label.contents": "Innehåll",
    "label.need": "Användaren behöver hjälp med",
    "label.library_can": "Biblioteket kan",
    "label.solution": "Lösning och/eller motivering",
    "label.phrasing": "Säg till exempel",
    "label.quote_open": "”",
    "label.quote_close": "”",
    "label.refer_to": "Hänvisa till",
    "label.requires": "Användaren behöver ha med",
    "label.no_referral": "Ingen hänvisning: biblioteket hjälper till.",
    "label.row_owner": "Ansvarig",
    "label.row_reviewed": "Granskad",
    "label.keywords": "Sökord",
    "label.checklist": "Så hanterar du ett ärende",
    "label.closing": "Avsluta ärendet",
    "label.phone": "Telefon",
    "label.phone_short": "Tel.",
    "label.opening_hours_short": "Öppet",
    "label.website": "Webb",
    "label.email": "E-post",
    "label.address": "Adress",
    "label.opening_hours": "Öppettider",
    "label.chat": "Chatt",
    "label.languages": "Språk",
    "label.contact_details": "Kontaktuppgifter",
    "label.helps_with": "Hjälper till med",
    "label.description": "Om aktören",
    "label.kind": "Typ",
    "label.scope": "Räckvidd",
    "label.actor_reviewed": "Kontrollerad",
    "label.referred_from": "Vi hänvisar hit för",
    "label.internal": "Internt",
    "label.relationship": "Relation",
    "label.relationship_owner": "Kontaktansvarig",
    "label.last_contact": "Senaste kontakt",
    "label.informed": "Informerad om riktlinjerna",
    "label.wanted_collaboration": "Önskat samarbete",
    "label.notes": "Anteckningar",
    "label.no_relationship": "Ingen uppgift om relation.",
    "label.slip_heading": "Hänvisning",
    "label.slip_need": "Du behöver hjälp med",
    "label.slip_go_to": "Vänd dig till",
    "label.slip_library_helps": "Det här hjälper vi dig med här på biblioteket.",
    "label.slip_ask_desk": "Fråga oss i informationsdisken.",
    "label.slip_bring": "Ta med",
    "label.slip_help_in": "Hjälp på",
    "label.slip_from": "Du fick lappen av",
    "label.cut_here": "Klipp här",
    "label.reviewed": "Senast granskad",
    "label.not_reviewed": "inte angivet",
    "label.revision": "Version",
    "label.revision_unknown": "okänd",
    "label.revision_changes": "ändringar",
    "label.page": "Sida",
    "label.page_of": "av",
    "label.purpose": "Syfte",
    "label.matrix": "Hänvisningsmatris",
    "label.actors": "Aktörer",
    "label.review": "Översyn",
    "label.review_interval": "Översynsintervall",
    "label.month": "månad",
    "label.months": "månader",
    "label.next_review": "Nästa översyn senast",
    "label.review_how": "Ändringar görs i riktlinjernas git-förråd och gås igenom med all personal. Svåra ärenden tas upp på personalmöten.",
    "label.library_contact": "Bibliotekets kontaktuppgifter",
    "label.municipality": "Kommun",
    "label.none": "–",
    # --- vocabulary: requirement
    "vocab.requirement.id_document": "Legitimation",
    "vocab.requirement.library_card": "Lånekort",
    "vocab.requirement.e_id": "E-legitimation",
    "vocab.requirement.password": "Dina lösenord",
    "vocab.requirement.own_device": "Din mobil, surfplatta eller dator",
    "vocab.requirement.other": "Annat – fråga personalen",
    # --- vocabulary: kind
    "vocab.kind.bank": "Bank",
    "vocab.kind.authority": "Myndighet",
    "vocab.kind.municipality": "Kommunen",
    "vocab.kind.association": "Förening",
    "vocab.kind.study_association": "Studieförbund",
    "vocab.kind.school": "Skola",
    "vocab.kind.company": "Företag",
    "vocab.kind.other": "Övrigt",
    # --- vocabulary: scope
    "vocab.scope.local": "Lokal",
    "vocab.scope.regional": "Regional",
    "vocab.scope.national": "Nationell",
    # --- vocabulary: status
    "vocab.status.established": "Etablerad kontakt",
    "vocab.status.none": "Ingen kontakt",
    "vocab.status.unknown": "Okänt",
    # --- vocabulary: outcome
    "vocab.outcome.helped": "Hjälpt",
    "vocab.outcome.partly": "Delvis hjälpt",
    "vocab.outcome.referred": "Hänvisad",
    "vocab.outcome.declined": "Avböjt",
    # --- language names (ISO 639 codes common among Swedish library visitors)
    "language.am": "amhariska",
    "language.ar": "arabiska",
    "language.bs": "bosniska",
    "language.ckb": "sorani",
    "language.da": "danska",
    "language.de": "tyska",
    "language.en": "engelska",
    "language.es": "spanska",
    "language.fa": "persiska",
    "language.fi": "finska",
    "language.fr": "franska",
    "language.hr": "kroatiska",
    "language.it": "italienska",
    "language.ku": "kurdiska",
    "language.kmr": "kurmanji",
    "language.no": "norska",
    "language.pl": "polska",
    "language.prs": "dari",
    "language.ps": "pashto",
    "language.pt": "portugisiska",
    "language.ro": "rumänska",
    "language.ru": "ryska",
    "language.se": "nordsamiska",
    "language.sme": "nordsamiska",
    "language.smj": "lulesamiska",
    "language.sma": "sydsamiska",
    "language.so": "somaliska",
    "language.sq": "albanska",
    "language.sr": "serbiska",
    "language.sv": "svenska",
    "language.th": "thailändska",
    "language.ti": "tigrinja",
    "language.tr": "turkiska",
    "language.uk": "ukrainska",
    "language.ur": "urdu",
    "language.vi": "vietnamesiska",
    "language.yi": "jiddisch",
    "language.zh": "kinesiska",
    "language.fit": "meänkieli",
    "language.rom": "romani chib",
    # === common
    "common.empty": "",
    "common.did_you_mean": " (menade du '{choice}'?)",
    # === end of common
    # === cli (errors and endings the handler prints)
    # === end of cli
    # === yaml (reading files)
    # === end of yaml
    # === validation (pydantic errors as findings)
    # === end of validation
    # === checks (cross-file findings)
    # synonyms in library.yaml (rules/synonyms.py)
    "finding.duplicate-synonym": "synonymen '{word}' är samma ord som '{first}' (rad {line})",
    "hint.duplicate-synonym": "behåll en av dem och samla alla dess ord där",
    "finding.synonym-of-itself": "synonymen '{word}' leder till sig själv",
    "hint.synonym-of-itself": "ta bort ordet ur sin egen lista",
    "finding.duplicate-synonym-target": "'{target}' står två gånger under synonymen '{word}'",
    "hint.duplicate-synonym-target": "ta bort den ena",
    "finding.unknown-synonym-target": "synonymen '{word}' leder till '{target}', som ingen rad i matrisen använder{suggestion}",
    "hint.unknown-synonym-target": "skriv ord som matrisen använder (en rads behov, sökord eller lösning, eller vad en hänvisad aktör hjälper till med), eller lägg till '{target}' bland en rads sökord",
    "finding.synonym-cycle": "synonymerna går runt i en cirkel: {cycle}",
    "hint.synonym-cycle": "en synonym leder ett steg, från ett ord som besökare använder till ord som finns i matrisen; ta bort den ena riktningen",
    # === end of checks
    # === privacy
    # === end of privacy
    # === store (repository, entry edits, writing)
    # === end of store
    # === documents and render
    # === end of documents
    # === init and schema
    # === end of init
    # === add-question
    # === end of add-question
    # === inventory
    # === end of inventory
    # === lookup
    # === end of lookup
    # === match
    # === end of match
    # === actors
    # === end of actors
    # === stats
    # === end of stats
    # === export
    # === end of export
    # === review
    # === end of review
    # === diff
    # === end of diff
    # === report
    # === end of report
}
