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
    # synonyms in library.yaml (rules/synonyms.py)
    "finding.duplicate-synonym": "the synonym '{word}' is the same word as '{first}' (line {line})",
    "hint.duplicate-synonym": "keep one of them and list all its words there",
    "finding.synonym-of-itself": "the synonym '{word}' leads to itself",
    "hint.synonym-of-itself": "remove the word from its own list",
    "finding.duplicate-synonym-target": "'{target}' is listed twice for the synonym '{word}'",
    "hint.duplicate-synonym-target": "remove one of them",
    "finding.unknown-synonym-target": "the synonym '{word}' leads to '{target}', which no matrix row uses{suggestion}",
    "hint.unknown-synonym-target": "write words the matrix uses (a row's need, keywords or solution, or a referred actor's services), or add '{target}' to a row's keywords",
    "finding.synonym-cycle": "the synonyms go round in a circle: {cycle}",
    "hint.synonym-cycle": "a synonym leads one step, from a word visitors use to words the matrix uses; remove one of the directions",
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
