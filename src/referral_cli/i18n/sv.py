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
    "add-question.prompt.date": "Datum (ÅÅÅÅ-MM-DD)",
    "add-question.prompt.description": "Beskriv ärendet, inte besökaren: inga namn, personnummer, telefonnummer eller e-postadresser. Avsluta med en tom rad.",
    "add-question.prompt.reflection": "Din egen reflektion: vad var svårt, och varför? Frivillig; avsluta med en tom rad.",
    "add-question.prompt.branch": "Bibliotek:",
    "add-question.prompt.reasons": "Varför skavde frågan? Flera går bra.",
    "add-question.prompt.category": "Kategori i matrisen:",
    "add-question.prompt.row": "Rad i matrisen:",
    "add-question.prompt.referred_to": "Hänvisad till:",
    "add-question.prompt.outcome": "Hur gick det?",
    "add-question.prompt.minutes": "Tid i minuter (Enter = hoppa över)",
    "add-question.prompt.read_level": "READ-nivå 1–6 (Enter = hoppa över)",
    "add-question.prompt.recorded_by": "Dina initialer (Enter = hoppa över)",
    "add-question.pick-one": "Nummer eller id (Enter = hoppa över)",
    "add-question.pick-many": "Nummer eller id, flera med kommatecken (Enter = inga)",
    "add-question.not-a-choice": "'{answer}' finns inte bland valen{suggestion}. Försök igen.",
    "add-question.required": "Beskrivningen behövs. Skriv minst en rad.",
    "add-question.bad-date": "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-08-22.",
    "add-question.future-date": "{day} ligger i framtiden (i dag är det {today}).",
    "add-question.bad-number": "Skriv ett heltal från {low} till {high}.",
    "add-question.personal": "Texten ser ut att innehålla en besökares {kind} ({masked}). Skriv om texten utan den.",
    "add-question.maybe-personal": "{masked} kan vara ett {kind}. Är du säker på att det inte är en besökares uppgift?",
    "add-question.rewrite": "Skriv texten igen, utan numret.",
    "add-question.doubts": "Kan vara personuppgifter:",
    "add-question.keep-anyway": "Spara ändå?",
    "add-question.declined": "Inget sparades. Skriv om texten utan numret och försök igen.",
    "add-question.kind.personnummer": "personnummer",
    "add-question.kind.samordningsnummer": "samordningsnummer",
    "add-question.kind.email": "e-postadress",
    "add-question.kind.phone": "telefonnummer",
    "add-question.kind.card_number": "kortnummer",
    "add-question.after-option": "{message}",
    "add-question.commit.one": "Frågeinventering: {day} {summary}",
    "add-question.commit.many": "Frågeinventering: {count} frågor, {first}–{last}",
    "add-question.committed": "Incheckat i git: {commit}",
    "error.unknown-entry-field": "okänt fält '{name}'",
    "error.missing-options": "obligatoriska fält saknas: {flags}. Ange dem som flaggor, eller ta bort --no-input så får du frågor om dem.",
    "error.cannot-read-import": "--from-file: kan inte läsa {name}: {reason}",
    "error.cannot-write-entry": "kan inte skriva den nya frågan i {folder}: {reason}. Inget sparades.",
    "error.commit-needs-git": "--commit kräver git, och git finns inte på den här datorn",
    "error.commit-outside-git": "--commit: {root} ligger inte i ett git-repo. Kör 'git init' där, eller ta bort --commit.",
    "error.git-step-failed": "git {step} misslyckades: {reason}",
    "error.commit-failed-kept": "{reason}\nFrågorna är sparade och finns kvar: {written}. Checka in dem själv med git.",
    "finding.no-entries": "filen innehåller inga frågor",
    "finding.encoding.import": "filen är inte giltig UTF-8-text",
    "hint.encoding.import": "spara den som UTF-8 (i ett kalkylprogram: 'CSV UTF-8')",
    "finding.wrong-type.entries": "här ska det stå en lista med frågor (rader som börjar med '- date:')",
    "finding.wrong-type.entry": "här ska det stå en fråga (rader med nyckel: värde, till exempel 'date: 2026-08-22')",
    "finding.csv-syntax": "fel i CSV-filen: {error}",
    "finding.unknown-column": "okänd kolumn '{column}'{suggestion}",
    "hint.unknown-column": "tillåtna kolumner: {columns}",
    "finding.duplicate-column": "kolumnen '{column}' finns två gånger",
    "finding.extra-cell": "raden har fler celler än rubrikraden ({count} kolumner)",
    "hint.possible-personal-data.confirm-with-yes": "{hint} Om det inte är en personuppgift: kör kommandot igen med --yes.",
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
