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
    "add-question.prompt.date": "Date (YYYY-MM-DD)",
    "add-question.prompt.description": "Describe the case, not the visitor: no names, personal identity numbers, phone numbers or email addresses. End with an empty line.",
    "add-question.prompt.reflection": "Your own reflection: what was hard, and why? Optional; end with an empty line.",
    "add-question.prompt.branch": "Branch:",
    "add-question.prompt.reasons": "Why did the question chafe? Several are fine.",
    "add-question.prompt.category": "Matrix category:",
    "add-question.prompt.row": "Matrix row:",
    "add-question.prompt.referred_to": "Referred to:",
    "add-question.prompt.outcome": "How did it go?",
    "add-question.prompt.minutes": "Minutes spent (Enter = skip)",
    "add-question.prompt.read_level": "READ level 1–6 (Enter = skip)",
    "add-question.prompt.recorded_by": "Your initials (Enter = skip)",
    "add-question.pick-one": "Number or id (Enter = skip)",
    "add-question.pick-many": "Numbers or ids, separated by commas (Enter = none)",
    "add-question.not-a-choice": "'{answer}' is not one of the choices{suggestion}. Try again.",
    "add-question.required": "The description is needed. Write at least one line.",
    "add-question.bad-date": "Write the date as YYYY-MM-DD, for example 2026-08-22.",
    "add-question.future-date": "{day} is in the future (today is {today}).",
    "add-question.bad-number": "Write a whole number from {low} to {high}.",
    "add-question.personal": "The text seems to hold a visitor's {kind} ({masked}). Write it again without it.",
    "add-question.maybe-personal": "{masked} may be a {kind}. Are you sure it is not a visitor's?",
    "add-question.rewrite": "Write the text again, without the number.",
    "add-question.doubts": "May be personal data:",
    "add-question.keep-anyway": "Save anyway?",
    "add-question.declined": "Nothing was written. Rewrite the text without the number and try again.",
    "add-question.kind.personnummer": "personal identity number",
    "add-question.kind.samordningsnummer": "coordination number",
    "add-question.kind.email": "email address",
    "add-question.kind.phone": "phone number",
    "add-question.kind.card_number": "card number",
    "add-question.after-option": "{message}",
    "add-question.commit.one": "Question inventory: {day} {summary}",
    "add-question.commit.many": "Question inventory: {count} questions, {first} to {last}",
    "add-question.committed": "Committed to git: {commit}",
    "error.unknown-entry-field": "unknown field '{name}'",
    "error.missing-options": "missing required fields: {flags}. Give them as options, or leave out --no-input to be asked for them.",
    "error.cannot-read-import": "--from-file: cannot read {name}: {reason}",
    "error.cannot-write-entry": "cannot write the new entry in {folder}: {reason}. Nothing was written.",
    "error.commit-needs-git": "--commit needs git, and git was not found on this computer",
    "error.commit-outside-git": "--commit: {root} is not inside a git repository. Run 'git init' there, or leave out --commit.",
    "error.git-step-failed": "git {step} failed: {reason}",
    "error.commit-failed-kept": "{reason}\nThe entries were written and are kept: {written}. Commit them yourself with git.",
    "finding.no-entries": "the file holds no entries",
    "finding.encoding.import": "the file is not valid UTF-8 text",
    "hint.encoding.import": "save it as UTF-8 (in a spreadsheet: 'CSV UTF-8')",
    "finding.wrong-type.entries": "expected a list of entries (lines starting with '- date:')",
    "finding.wrong-type.entry": "expected an entry here (key: value lines, such as 'date: 2026-08-22')",
    "finding.csv-syntax": "CSV error: {error}",
    "finding.unknown-column": "unknown column '{column}'{suggestion}",
    "hint.unknown-column": "allowed columns: {columns}",
    "finding.duplicate-column": "the column '{column}' appears twice",
    "finding.extra-cell": "this row has more cells than the header ({count} columns)",
    "hint.possible-personal-data.confirm-with-yes": "{hint} If it is not personal data, run the command again with --yes.",
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
