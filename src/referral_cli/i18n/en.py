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
    "diff.error.no_git": "git is not installed; referral diff needs git",
    "diff.error.not_a_repository": "{root} is not inside a git repository; referral diff compares git revisions (run 'git init' and commit first)",
    "diff.error.not_a_revision": "'{revision}' is not a git revision",
    "diff.error.unknown_revision": "unknown git revision '{revision}': give a commit, branch or tag (see 'git log --oneline'), e.g. HEAD~1",
    "diff.error.format": "--format: '{value}' is not text or md",
    "diff.finding.encoding": "the file is not valid UTF-8 text",
    "diff.working_tree": "the working tree",
    "diff.title": "Guideline changes: {old} → {new}",
    "diff.nothing": "No changes to the guidelines.",
    "diff.heading.library": "The library (library.yaml)",
    "diff.heading.categories": "Matrix categories",
    "diff.heading.rows": "Matrix rows",
    "diff.heading.actors": "Actors",
    "diff.heading.checklist": "Checklist",
    "diff.heading.closing": "Closing steps",
    "diff.heading.inventory": "Question inventory",
    "diff.added.row": "New row",
    "diff.removed.row": "Removed row",
    "diff.changed.row": "Changed row",
    "diff.renamed.row": "Row with a new id",
    "diff.added.actor": "New actor",
    "diff.removed.actor": "Removed actor",
    "diff.changed.actor": "Changed actor",
    "diff.renamed.actor": "Actor with a new id",
    "diff.added.category": "New category",
    "diff.removed.category": "Removed category",
    "diff.changed.category": "Changed category",
    "diff.renamed.category": "Category with a new id",
    "diff.added.step": "New step {n}",
    "diff.removed.step": "Removed step {n}",
    "diff.changed.step": "Changed step {n}",
    "diff.renamed_to": "is now {new} (content unchanged)",
    "diff.in": "in {context}",
    "diff.before": "before",
    "diff.after": "after",
    "diff.empty_value": "(empty)",
    "diff.entries_added": "{n} new questions",
    "diff.entry_added": "1 new question",
    "diff.entries_removed": "{n} questions removed",
    "diff.entry_removed": "1 question removed",
    "diff.by_reason": "by reason",
    "diff.no_reason": "(no reason given)",
    "diff.field.need": "The user needs help with",
    "diff.field.solution": "Solution and/or reason",
    "diff.field.library_can": "The library can",
    "diff.field.refer_to": "Refer to",
    "diff.field.phrasing": "Phrasing",
    "diff.field.requires": "What to bring",
    "diff.field.keywords": "Keywords",
    "diff.field.reviewed": "Reviewed",
    "diff.field.owner": "Owner",
    "diff.field.category": "Category",
    "diff.field.name": "Name",
    "diff.field.kind": "Kind",
    "diff.field.scope": "Scope",
    "diff.field.description": "Description",
    "diff.field.helps_with": "Helps with",
    "diff.field.languages": "Languages",
    "diff.field.notes": "Notes",
    "diff.field.title": "Title",
    "diff.field.municipality": "Municipality",
    "diff.field.language": "Language",
    "diff.field.review_interval_months": "Review interval (months)",
    "diff.field.purpose": "Purpose",
    "diff.field.branches": "Branches",
    "diff.field.reasons": "Reasons",
    "diff.field.periods": "Periods",
    # === end of diff
    # === report
    # === end of report
}
