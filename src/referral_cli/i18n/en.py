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
    "privacy.kind.personnummer": "a personnummer",
    "privacy.kind.samordningsnummer": "a samordningsnummer",
    "privacy.kind.email": "an email address",
    "privacy.kind.phone": "a phone number",
    "privacy.kind.card_number": "a card number",
    "privacy.kind.bank_account": "a bank account number",
    "privacy.hint.personnummer": "Describe the case, not the person: write 'a visitor's personal identity number' instead of the number.",
    "privacy.hint.samordningsnummer": "Describe the case, not the person: write 'a visitor's coordination number' instead of the number.",
    "privacy.hint.email": "Describe the case, not the person: write 'the visitor's email address' instead of the address.",
    "privacy.hint.phone": "Describe the case, not the person: write 'a visitor's phone number' instead of the number. A library's own public number may stay.",
    "privacy.hint.card_number": "Never write down card numbers: write 'a bank card number' or 'a library card number' instead of the number.",
    "privacy.hint.bank_account": "Never write down account numbers: write 'the visitor's bank account' instead of the number.",
    "privacy.hint_uncertain.personnummer": "This may be a personal identity number written without a hyphen, or just an order or reference number. If it is a personal identity number, write 'a visitor's personal identity number' instead.",
    "privacy.hint_uncertain.samordningsnummer": "This may be a coordination number written without a hyphen, or just an order or reference number. If it is a coordination number, write 'a visitor's coordination number' instead.",
    "privacy.hint_uncertain.email": "Describe the case, not the person: write 'the visitor's email address' instead of the address.",
    "privacy.hint_uncertain.phone": "This may be a phone number written without spaces, or just a reference number. If it is a visitor's phone number, write 'a visitor's phone number' instead.",
    "privacy.hint_uncertain.card_number": "This long number may be a card or account number. If it belongs to a visitor, write 'a card number' or 'an account number' instead of the number.",
    "privacy.hint_uncertain.bank_account": "This may be a bank account number. If it belongs to a visitor, write 'the visitor's bank account' instead of the number.",
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
