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
    # === end of add-question
    # === inventory
    # the table's headings and caption
    "inventory.heading.date": "Datum",
    "inventory.heading.branch": "Bibliotek",
    "inventory.heading.description": "Ärende",
    "inventory.heading.reasons": "Varför det skavde",
    "inventory.heading.row": "Rad i matrisen",
    "inventory.heading.referred_to": "Hänvisad till",
    "inventory.heading.outcome": "Utfall",
    "inventory.count_one": "1 fråga",
    "inventory.count_many": "{count} frågor",
    "inventory.empty": "Inga frågor matchar.",
    # filters (referral_cli.records: inventory, stats, export, report)
    "inventory.known_none": "inga finns angivna",
    "error.inventory.empty_period": "--since {since} är senare än --until {until}; ingen fråga kan matcha",
    "error.filter.unknown_branch": "--branch: okänt bibliotek '{value}'{suggestion}; kända id:n: {known}",
    "error.filter.unknown_reason": "--reason: okänt skäl '{value}'{suggestion}; kända id:n: {known}",
    "error.filter.unknown_period": "--period: okänd period '{value}'{suggestion}; kända id:n: {known}",
    "error.filter.unknown_category": "--category: okänd kategori '{value}'{suggestion}; kända id:n: {known}",
    # === end of inventory
    # === lookup
    # === end of lookup
    # === match
    # === end of match
    # === actors
    # === end of actors
    # === stats
    # `--by` dimensions as headings
    "stats.dimension.category": "Kategori",
    "stats.dimension.reason": "Skäl",
    "stats.dimension.branch": "Bibliotek",
    "stats.dimension.outcome": "Utfall",
    "stats.dimension.referred_to": "Hänvisad till",
    "stats.dimension.month": "Månad",
    "stats.dimension.weekday": "Veckodag",
    "stats.dimension.read_level": "READ-nivå",
    "stats.dimension.row": "Rad i matrisen",
    "stats.dimension.period": "Period",
    "stats.dimension.library": "Biblioteksorganisation",
    "stats.dimension.municipality": "Kommun",
    # weekdays (0 is Monday) and months (1 is January); also the report's months
    "stats.weekday.0": "måndag",
    "stats.weekday.1": "tisdag",
    "stats.weekday.2": "onsdag",
    "stats.weekday.3": "torsdag",
    "stats.weekday.4": "fredag",
    "stats.weekday.5": "lördag",
    "stats.weekday.6": "söndag",
    "stats.month.1": "januari",
    "stats.month.2": "februari",
    "stats.month.3": "mars",
    "stats.month.4": "april",
    "stats.month.5": "maj",
    "stats.month.6": "juni",
    "stats.month.7": "juli",
    "stats.month.8": "augusti",
    "stats.month.9": "september",
    "stats.month.10": "oktober",
    "stats.month.11": "november",
    "stats.month.12": "december",
    # headings, title and notes
    "stats.none": "(inget angivet)",
    "stats.heading.count": "Antal",
    "stats.heading.minutes": "Minuter",
    "stats.heading.median": "Median (min)",
    "stats.heading.total": "Totalt",
    "stats.title.all": "Alla frågor",
    "stats.title.by": "Alla frågor per {dimensions}",
    "stats.title.count_one": "{count} fråga",
    "stats.title.count_many": "{count} frågor",
    "stats.or": "eller",
    "stats.and": "och",
    "stats.decimal_mark": ",",
    "stats.no_entries": "Inga frågor matchar urvalet.",
    "stats.multi_note": "En fråga kan {what}; summan av raderna kan bli större än totalen.",
    "stats.multi.reason": "ha flera skäl",
    "stats.multi.referred_to": "ha hänvisats till flera aktörer",
    # messages
    "stats.known_none": "inga",
    "error.stats.unknown_dimension": "--by: '{dimension}' är inget fält att räkna per{suggestion}; välj något av: {choices}",
    "error.stats.too_many_dimensions": "--by kan anges högst två gånger (en korstabell)",
    "error.stats.same_dimension": "--by: ange två olika fält för en korstabell",
    "error.stats.unknown_format": "--format: välj något av {formats}",
    "error.stats.missing_source": "{source} finns inte: ange ett riktlinjearkiv eller en exportfil",
    # === end of stats
    # === export
    "export.written": "{count} frågor skrivna till {out}",
    "error.export.exists": "{out} finns redan; välj en annan fil eller ange --force",
    "error.export.unwritable": "kan inte skriva {out}: {reason}",
    "error.export.unreadable": "kan inte läsa {path}: {reason}",
    # reading an export file (store.export_file); {...} below has no values: written as is
    "finding.export-json": "inte giltig JSON: {detail}",
    "hint.export-json": "varje rad ska vara ett JSON-objekt så som 'referral export' skriver det",
    "finding.export-line.not_object": "varje rad ska vara ett JSON-objekt ({...})",
    "finding.export-line.unknown_key": "okänd nyckel '{key}'{suggestion}",
    "finding.export-line.missing_key": "nyckeln '{key}' saknas",
    "finding.export-line.not_text": "{key}: ska vara text eller null",
    "finding.export-line.bad_outcome": "outcome: '{value}' är inte något av {choices}",
    "finding.export-line.not_ids": "{key}: ska vara en lista med id:n",
    "finding.export-line.not_number": "{key}: ska vara ett heltal {low}–{high} eller null",
    "finding.export-line.bad_date": "date: {value} är inte ett datum skrivet som ÅÅÅÅ-MM-DD",
    "finding.export-encoding": "filen är inte giltig UTF-8-text",
    # === end of export
    # === review
    # === end of review
    # === diff
    # === end of diff
    # === report
    # the letter's own labels (templates see them as L.<name>, with the handout labels)
    "report.letter.report_title": "Återkoppling till {actor}",
    "report.letter.report_subtitle": "Frågor om era tjänster som kommit till biblioteket",
    "report.letter.to": "Till",
    "report.letter.from": "Från",
    "report.letter.period": "Period",
    "report.letter.period_all": "alla registrerade frågor",
    "report.letter.period_since": "från och med {date}",
    "report.letter.period_until": "till och med {date}",
    "report.letter.report_intro": "Många tjänster finns i dag främst digitalt, och den som inte klarar de digitala kanalerna vänder sig ofta till biblioteket. Biblioteket registrerar frågor som hör till andra organisationer i en frågeinventering. Här berättar vi vilka frågor om era tjänster som har nått oss och hur vi hanterar dem, så att ni kan se vilka behov era användare har och var de söker hjälp.",
    "report.letter.summary_heading": "Frågorna i korthet",
    "report.letter.figure_questions": "Frågor om era tjänster",
    "report.letter.figure_referred": "Varav hänvisade till er",
    "report.letter.figure_total": "Alla frågor som biblioteket registrerade under perioden",
    "report.letter.figure_minutes": "Personalens tid för frågorna om era tjänster",
    "report.letter.minutes_partial": "tid angiven för {n} av {count} frågor",
    "report.letter.hours_minutes": "{h} h {m} min",
    "report.letter.only_minutes": "{m} min",
    "report.letter.no_questions": "Under perioden registrerade biblioteket inga frågor som gällde era tjänster.",
    "report.letter.inventory_note": "Siffrorna kommer från bibliotekets frågeinventering: personalen registrerar frågor som är svåra att hantera, oftast under avgränsade inventeringsperioder. De visar vilka slags ärenden som kommer till biblioteket, inte hur många de är totalt.",
    "report.letter.campaigns": "Inventeringsperioder",
    "report.letter.themes_heading": "Frågor per tema och utfall",
    "report.letter.theme": "Tema",
    "report.letter.total": "Totalt",
    "report.letter.uncategorised": "Ej kategoriserad",
    "report.letter.outcome_none": "Ej angivet",
    "report.letter.reasons_heading": "Varför frågorna var svåra för biblioteket",
    "report.letter.reason": "Skäl",
    "report.letter.count": "Antal",
    "report.letter.reasons_note": "En fråga kan ha flera skäl.",
    "report.letter.examples_heading": "Exempel på frågor",
    "report.letter.examples_note": "Anonymiserade beskrivningar ur frågeinventeringen, de senaste först. De beskriver ärendet, aldrig personen.",
    "report.letter.rows_heading": "Så hanterar biblioteket frågor om era tjänster",
    "report.letter.rows_intro": "Bibliotekets riktlinjer anger vad personalen hjälper till med och när vi hänvisar vidare. Det här gäller för frågor som rör er.",
    "report.letter.row_library_can": "Det här gör biblioteket",
    "report.letter.row_solution": "Lösning och motivering",
    "report.letter.row_phrasing": "Så säger personalen till användaren",
    "report.letter.row_also": "Vi hänvisar också till",
    "report.letter.no_rows": "Bibliotekets riktlinjer hänvisar ännu inte användare till er.",
    "report.letter.contact_heading": "Kontakt",
    "report.letter.contact_text": "Hör gärna av er om ni har frågor om återkopplingen eller synpunkter på hur vi hänvisar till er.",
    # messages
    "error.report.unknown_actor": "okänd aktör '{actor}'{suggestion}: välj ett av id:na i data/actors.yaml: {known}",
    "error.report.empty_period": "--since {since} är senare än --until {until}: perioden blir tom",
    # === end of report
}
