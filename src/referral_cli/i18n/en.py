"""Every phrase referral prints, in English: the catalogue for `t(key, "en")`.

Keys are dotted: `label.*` handout labels and headings (templates print them as
`L.<name>`), `vocab.<vocabulary>.<value>` closed vocabularies, `language.<code>`
language names; the other families are messages. `sv.py` has exactly the same keys
(a test checks it). Placeholders are `str.format` fields.
"""

from __future__ import annotations

from typing import Final

PHRASES: Final[dict[str, str]] = {
    # --- handout labels and headings
    "label.desk_guide_title": "Referral guide for the desk",
    "label.desk_guide_intro": "The matrix shows what the library can do, what we say and where the user can go. There is almost always a part of the case the library can help with.",
    "label.slips_title": "Referral slips",
    "label.slips_intro": "Print, cut along the dashed lines and give the slip to the visitor.",
    "label.actors_title": "Actors to refer to",
    "label.actors_staff_subtitle": "Internal directory for staff, with the library's relationship with each actor",
    "label.actors_public_subtitle": "Organisations that can help you further with your errand",
    "label.guidelines_title": "Referral guidelines",
    "label.guidelines_subtitle": "How the library helps with digital errands and when it refers visitors elsewhere",
    "label.contents": "Contents",
    "label.need": "The user needs help with",
    "label.library_can": "The library can",
    "label.solution": "Solution and/or reason",
    "label.phrasing": "You can say",
    "label.quote_open": "“",
    "label.quote_close": "”",
    "label.refer_to": "Refer to",
    "label.requires": "The user needs to bring",
    "label.no_referral": "No referral: the library helps.",
    "label.row_owner": "Owner",
    "label.row_reviewed": "Reviewed",
    "label.keywords": "Keywords",
    "label.checklist": "How to handle a case",
    "label.closing": "Closing the case",
    "label.phone": "Phone",
    "label.phone_short": "Tel.",
    "label.opening_hours_short": "Open",
    "label.website": "Web",
    "label.email": "Email",
    "label.address": "Address",
    "label.opening_hours": "Opening hours",
    "label.chat": "Chat",
    "label.languages": "Languages",
    "label.contact_details": "Contact details",
    "label.helps_with": "Helps with",
    "label.description": "About",
    "label.kind": "Kind",
    "label.scope": "Scope",
    "label.actor_reviewed": "Checked",
    "label.referred_from": "We refer here for",
    "label.internal": "Internal",
    "label.relationship": "Relationship",
    "label.relationship_owner": "Contact owner",
    "label.last_contact": "Last contact",
    "label.informed": "Told about the guidelines",
    "label.wanted_collaboration": "Wanted collaboration",
    "label.notes": "Notes",
    "label.no_relationship": "No relationship recorded.",
    "label.slip_heading": "Referral",
    "label.slip_need": "You need help with",
    "label.slip_go_to": "Where to go",
    "label.slip_library_helps": "We help you with this here at the library.",
    "label.slip_ask_desk": "Ask us at the information desk.",
    "label.slip_bring": "Bring",
    "label.slip_help_in": "Help in",
    "label.slip_from": "This slip is from",
    "label.cut_here": "Cut here",
    "label.reviewed": "Last reviewed",
    "label.not_reviewed": "not given",
    "label.revision": "Revision",
    "label.revision_unknown": "unknown",
    "label.revision_changes": "changes",
    "label.page": "Page",
    "label.page_of": "of",
    "label.purpose": "Purpose",
    "label.matrix": "Referral matrix",
    "label.actors": "Actors",
    "label.review": "Review",
    "label.review_interval": "Review interval",
    "label.month": "month",
    "label.months": "months",
    "label.next_review": "Next review due",
    "label.review_how": "Changes are made in the guidelines' git repository and gone through with all staff. Difficult cases are raised at staff meetings.",
    "label.library_contact": "Library contact details",
    "label.municipality": "Municipality",
    "label.none": "–",
    # --- vocabulary: requirement
    "vocab.requirement.id_document": "ID document",
    "vocab.requirement.library_card": "Library card",
    "vocab.requirement.e_id": "E-ID",
    "vocab.requirement.password": "Your passwords",
    "vocab.requirement.own_device": "Your phone, tablet or computer",
    "vocab.requirement.other": "Other – ask the staff",
    # --- vocabulary: kind
    "vocab.kind.bank": "Bank",
    "vocab.kind.authority": "Government agency",
    "vocab.kind.municipality": "Municipality",
    "vocab.kind.association": "Association",
    "vocab.kind.study_association": "Study association",
    "vocab.kind.school": "School",
    "vocab.kind.company": "Company",
    "vocab.kind.other": "Other",
    # --- vocabulary: scope
    "vocab.scope.local": "Local",
    "vocab.scope.regional": "Regional",
    "vocab.scope.national": "National",
    # --- vocabulary: status
    "vocab.status.established": "Established contact",
    "vocab.status.none": "No contact",
    "vocab.status.unknown": "Unknown",
    # --- vocabulary: outcome
    "vocab.outcome.helped": "Helped",
    "vocab.outcome.partly": "Partly helped",
    "vocab.outcome.referred": "Referred",
    "vocab.outcome.declined": "Declined",
    # --- language names (ISO 639 codes common among Swedish library visitors)
    "language.am": "Amharic",
    "language.ar": "Arabic",
    "language.bs": "Bosnian",
    "language.ckb": "Sorani",
    "language.da": "Danish",
    "language.de": "German",
    "language.en": "English",
    "language.es": "Spanish",
    "language.fa": "Persian",
    "language.fi": "Finnish",
    "language.fr": "French",
    "language.hr": "Croatian",
    "language.it": "Italian",
    "language.ku": "Kurdish",
    "language.kmr": "Kurmanji",
    "language.no": "Norwegian",
    "language.pl": "Polish",
    "language.prs": "Dari",
    "language.ps": "Pashto",
    "language.pt": "Portuguese",
    "language.ro": "Romanian",
    "language.ru": "Russian",
    "language.se": "Northern Sami",
    "language.sme": "Northern Sami",
    "language.smj": "Lule Sami",
    "language.sma": "Southern Sami",
    "language.so": "Somali",
    "language.sq": "Albanian",
    "language.sr": "Serbian",
    "language.sv": "Swedish",
    "language.th": "Thai",
    "language.ti": "Tigrinya",
    "language.tr": "Turkish",
    "language.uk": "Ukrainian",
    "language.ur": "Urdu",
    "language.vi": "Vietnamese",
    "language.yi": "Yiddish",
    "language.zh": "Chinese",
    "language.fit": "Meänkieli",
    "language.rom": "Romani",
    # === common
    "common.empty": "",
    "common.did_you_mean": " (did you mean '{choice}'?)",
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
    "inventory.heading.date": "Date",
    "inventory.heading.branch": "Branch",
    "inventory.heading.description": "Case",
    "inventory.heading.reasons": "Why it chafed",
    "inventory.heading.row": "Matrix row",
    "inventory.heading.referred_to": "Referred to",
    "inventory.heading.outcome": "Outcome",
    "inventory.count_one": "1 question",
    "inventory.count_many": "{count} questions",
    "inventory.empty": "No questions match.",
    # filters (referral_cli.records: inventory, stats, export, report)
    "inventory.known_none": "none are defined",
    "error.inventory.empty_period": "--since {since} is after --until {until}; nothing can match",
    "error.filter.unknown_branch": "--branch: unknown branch '{value}'{suggestion}; known: {known}",
    "error.filter.unknown_reason": "--reason: unknown reason '{value}'{suggestion}; known: {known}",
    "error.filter.unknown_period": "--period: unknown period '{value}'{suggestion}; known: {known}",
    "error.filter.unknown_category": "--category: unknown category '{value}'{suggestion}; known: {known}",
    # === end of inventory
    # === lookup
    # === end of lookup
    # === match
    # === end of match
    # === actors
    # === end of actors
    # === stats
    # `--by` dimensions as headings
    "stats.dimension.category": "Category",
    "stats.dimension.reason": "Reason",
    "stats.dimension.branch": "Branch",
    "stats.dimension.outcome": "Outcome",
    "stats.dimension.referred_to": "Referred to",
    "stats.dimension.month": "Month",
    "stats.dimension.weekday": "Weekday",
    "stats.dimension.read_level": "READ level",
    "stats.dimension.row": "Matrix row",
    "stats.dimension.period": "Period",
    "stats.dimension.library": "Library",
    "stats.dimension.municipality": "Municipality",
    # weekdays (0 is Monday) and months (1 is January); also the report's months
    "stats.weekday.0": "Monday",
    "stats.weekday.1": "Tuesday",
    "stats.weekday.2": "Wednesday",
    "stats.weekday.3": "Thursday",
    "stats.weekday.4": "Friday",
    "stats.weekday.5": "Saturday",
    "stats.weekday.6": "Sunday",
    "stats.month.1": "January",
    "stats.month.2": "February",
    "stats.month.3": "March",
    "stats.month.4": "April",
    "stats.month.5": "May",
    "stats.month.6": "June",
    "stats.month.7": "July",
    "stats.month.8": "August",
    "stats.month.9": "September",
    "stats.month.10": "October",
    "stats.month.11": "November",
    "stats.month.12": "December",
    # headings, title and notes
    "stats.none": "(not given)",
    "stats.heading.count": "Count",
    "stats.heading.minutes": "Minutes",
    "stats.heading.median": "Median (min)",
    "stats.heading.total": "Total",
    "stats.title.all": "All questions",
    "stats.title.by": "All questions by {dimensions}",
    "stats.title.count_one": "{count} question",
    "stats.title.count_many": "{count} questions",
    "stats.or": "or",
    "stats.and": "and",
    "stats.decimal_mark": ".",
    "stats.no_entries": "No questions match the selection.",
    "stats.multi_note": "A question can {what}; the rows can add up to more than the total.",
    "stats.multi.reason": "have several reasons",
    "stats.multi.referred_to": "be referred to several actors",
    # messages
    "stats.known_none": "none",
    "error.stats.unknown_dimension": "--by: '{dimension}' is not a field to count by{suggestion}; choose one of: {choices}",
    "error.stats.too_many_dimensions": "--by can be given at most twice (a cross table)",
    "error.stats.same_dimension": "--by: give two different fields for a cross table",
    "error.stats.unknown_format": "--format: choose one of {formats}",
    "error.stats.missing_source": "{source} does not exist: give a guideline repository or an export file",
    # === end of stats
    # === export
    "export.written": "{count} entries written to {out}",
    "error.export.exists": "{out} already exists; choose another file or pass --force",
    "error.export.unwritable": "cannot write {out}: {reason}",
    "error.export.unreadable": "cannot read {path}: {reason}",
    # reading an export file (store.export_file); {...} below has no values: written as is
    "finding.export-json": "not valid JSON: {detail}",
    "hint.export-json": "each line must be one JSON object as written by 'referral export'",
    "finding.export-line.not_object": "expected a JSON object ({...}) on each line",
    "finding.export-line.unknown_key": "unknown key '{key}'{suggestion}",
    "finding.export-line.missing_key": "the key '{key}' is missing",
    "finding.export-line.not_text": "{key}: expected text or null",
    "finding.export-line.bad_outcome": "outcome: '{value}' is not one of {choices}",
    "finding.export-line.not_ids": "{key}: expected a list of ids",
    "finding.export-line.not_number": "{key}: expected a whole number {low}–{high} or null",
    "finding.export-line.bad_date": "date: {value} is not a date written as YYYY-MM-DD",
    "finding.export-encoding": "the file is not valid UTF-8 text",
    # === end of export
    # === review
    # === end of review
    # === diff
    # === end of diff
    # === report
    # the letter's own labels (templates see them as L.<name>, with the handout labels)
    "report.letter.report_title": "Feedback to {actor}",
    "report.letter.report_subtitle": "Questions about your services that reached the library",
    "report.letter.to": "To",
    "report.letter.from": "From",
    "report.letter.period": "Period",
    "report.letter.period_all": "all recorded questions",
    "report.letter.period_since": "from {date}",
    "report.letter.period_until": "up to and including {date}",
    "report.letter.report_intro": "Many services are now mainly digital, and people who cannot use the digital channels often turn to the library. The library records questions that belong to other organisations in a question inventory. This letter tells you which questions about your services reached us and how we handle them, so that you can see what your users need and where they look for help.",
    "report.letter.summary_heading": "The questions in brief",
    "report.letter.figure_questions": "Questions about your services",
    "report.letter.figure_referred": "Of which referred to you",
    "report.letter.figure_total": "All questions the library recorded in the period",
    "report.letter.figure_minutes": "Staff time spent on the questions about your services",
    "report.letter.minutes_partial": "time recorded for {n} of {count} questions",
    "report.letter.hours_minutes": "{h} h {m} min",
    "report.letter.only_minutes": "{m} min",
    "report.letter.no_questions": "The library recorded no questions about your services in the period.",
    "report.letter.inventory_note": "The figures come from the library's question inventory: staff record questions that are hard to handle, mostly during set inventory periods. They show what kinds of errands come to the library, not how many there are in total.",
    "report.letter.campaigns": "Inventory periods",
    "report.letter.themes_heading": "Questions by theme and outcome",
    "report.letter.theme": "Theme",
    "report.letter.total": "Total",
    "report.letter.uncategorised": "Uncategorised",
    "report.letter.outcome_none": "Not recorded",
    "report.letter.reasons_heading": "Why the questions were hard for the library",
    "report.letter.reason": "Reason",
    "report.letter.count": "Count",
    "report.letter.reasons_note": "A question can have several reasons.",
    "report.letter.examples_heading": "Example questions",
    "report.letter.examples_note": "Anonymised descriptions from the question inventory, most recent first. They describe the case, never the person.",
    "report.letter.rows_heading": "How the library handles questions about your services",
    "report.letter.rows_intro": "The library's guidelines say what staff help with and when we refer users elsewhere. This is what applies to questions that concern you.",
    "report.letter.row_library_can": "What the library does",
    "report.letter.row_solution": "Solution and reasoning",
    "report.letter.row_phrasing": "What staff tell the user",
    "report.letter.row_also": "We also refer to",
    "report.letter.no_rows": "The library's guidelines do not yet refer users to you.",
    "report.letter.contact_heading": "Contact",
    "report.letter.contact_text": "Please get in touch if you have questions about this feedback or comments on how we refer users to you.",
    # messages
    "error.report.unknown_actor": "unknown actor '{actor}'{suggestion}: choose one of the ids in data/actors.yaml: {known}",
    "error.report.empty_period": "--since {since} is after --until {until}: the period would be empty",
    # === end of report
}
