"""Every label and heading printed on a handout, in Swedish and English.

Templates never contain words of their own language: they print `L.<key>`,
where `L` is the plain dictionary `labels(language)` returns. The data (actor
names, matrix text) stays in the language it was written in; only these labels
follow `--lang`.

The catalogue is one table so a missing translation is a test failure, not a
blank on a printed page: `tests/test_rendering.py` checks that both languages
have exactly the same keys and that every value of the data model's closed
vocabularies (requirements, actor kinds, scopes, relationship statuses,
outcomes) has a label.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

LANGUAGES: Final = ("sv", "en")

# key -> (Swedish, English)
_LABELS: Final[dict[str, tuple[str, str]]] = {
    # Handout titles and subtitles.
    "desk_guide_title": ("Hänvisningsguide för informationsdisken", "Referral guide for the desk"),
    "desk_guide_intro": (
        "Matrisen visar vad biblioteket kan göra, vad vi säger och vart användaren kan vända "
        "sig. Det finns nästan alltid en del av ärendet som vi kan hjälpa till med.",
        "The matrix shows what the library can do, what we say and where the user can go. "
        "There is almost always a part of the case the library can help with.",
    ),
    "slips_title": ("Hänvisningslappar", "Referral slips"),
    "slips_intro": (
        "Skriv ut, klipp längs de streckade linjerna och ge lappen till besökaren.",
        "Print, cut along the dashed lines and give the slip to the visitor.",
    ),
    "actors_title": ("Aktörer att hänvisa till", "Actors to refer to"),
    "actors_staff_subtitle": (
        "Intern förteckning för personalen, med bibliotekets relation till varje aktör",
        "Internal directory for staff, with the library's relationship with each actor",
    ),
    "actors_public_subtitle": (
        "Organisationer som kan hjälpa dig vidare med ditt ärende",
        "Organisations that can help you further with your errand",
    ),
    "guidelines_title": ("Riktlinjer för hänvisning", "Referral guidelines"),
    "guidelines_subtitle": (
        "Hur biblioteket hjälper till med digitala ärenden och när vi hänvisar vidare",
        "How the library helps with digital errands and when it refers visitors elsewhere",
    ),
    "contents": ("Innehåll", "Contents"),
    # Matrix columns and row fields.
    "need": ("Användaren behöver hjälp med", "The user needs help with"),
    "library_can": ("Biblioteket kan", "The library can"),
    "solution": ("Lösning och/eller motivering", "Solution and/or reason"),
    "phrasing": ("Säg till exempel", "You can say"),
    "quote_open": ("”", "“"),
    "quote_close": ("”", "”"),
    "refer_to": ("Hänvisa till", "Refer to"),
    "requires": ("Användaren behöver ha med", "The user needs to bring"),
    "no_referral": (
        "Ingen hänvisning: biblioteket hjälper till.",
        "No referral: the library helps.",
    ),
    "row_owner": ("Ansvarig", "Owner"),
    "row_reviewed": ("Granskad", "Reviewed"),
    "keywords": ("Sökord", "Keywords"),
    # Checklist.
    "checklist": ("Så hanterar du ett ärende", "How to handle a case"),
    "closing": ("Avsluta ärendet", "Closing the case"),
    # Contact details.
    "phone": ("Telefon", "Phone"),
    "phone_short": ("Tel.", "Tel."),
    "opening_hours_short": ("Öppet", "Open"),
    "website": ("Webb", "Web"),
    "email": ("E-post", "Email"),
    "address": ("Adress", "Address"),
    "opening_hours": ("Öppettider", "Opening hours"),
    "chat": ("Chatt", "Chat"),
    "languages": ("Språk", "Languages"),
    "contact_details": ("Kontaktuppgifter", "Contact details"),
    "helps_with": ("Hjälper till med", "Helps with"),
    "description": ("Om aktören", "About"),
    "kind": ("Typ", "Kind"),
    "scope": ("Räckvidd", "Scope"),
    "actor_reviewed": ("Kontrollerad", "Checked"),
    "referred_from": ("Vi hänvisar hit för", "We refer here for"),
    # Internal actor fields (staff directory only).
    "internal": ("Internt", "Internal"),
    "relationship": ("Relation", "Relationship"),
    "relationship_owner": ("Kontaktansvarig", "Contact owner"),
    "last_contact": ("Senaste kontakt", "Last contact"),
    "informed": ("Informerad om riktlinjerna", "Told about the guidelines"),
    "wanted_collaboration": ("Önskat samarbete", "Wanted collaboration"),
    "notes": ("Anteckningar", "Notes"),
    "no_relationship": ("Ingen uppgift om relation.", "No relationship recorded."),
    # Referral slips (the visitor reads these: plain words).
    "slip_heading": ("Hänvisning", "Referral"),
    "slip_need": ("Du behöver hjälp med", "You need help with"),
    "slip_go_to": ("Vänd dig till", "Where to go"),
    "slip_library_helps": (
        "Det här hjälper vi dig med här på biblioteket.",
        "We help you with this here at the library.",
    ),
    "slip_ask_desk": ("Fråga oss i informationsdisken.", "Ask us at the information desk."),
    "slip_bring": ("Ta med", "Bring"),
    "slip_help_in": ("Hjälp på", "Help in"),
    "slip_from": ("Du fick lappen av", "This slip is from"),
    "cut_here": ("Klipp här", "Cut here"),
    # Footer and review information.
    "reviewed": ("Senast granskad", "Last reviewed"),
    "not_reviewed": ("inte angivet", "not given"),
    "revision": ("Version", "Revision"),
    "revision_unknown": ("okänd", "unknown"),
    "revision_changes": ("ändringar", "changes"),
    "page": ("Sida", "Page"),
    "page_of": ("av", "of"),
    # Guidelines document sections.
    "purpose": ("Syfte", "Purpose"),
    "matrix": ("Hänvisningsmatris", "Referral matrix"),
    "actors": ("Aktörer", "Actors"),
    "review": ("Översyn", "Review"),
    "review_interval": ("Översynsintervall", "Review interval"),
    "month": ("månad", "month"),
    "months": ("månader", "months"),
    "next_review": ("Nästa översyn senast", "Next review due"),
    "review_how": (
        "Ändringar görs i riktlinjernas git-förråd och gås igenom med all personal. Svåra "
        "ärenden tas upp på personalmöten.",
        "Changes are made in the guidelines' git repository and gone through with all staff. "
        "Difficult cases are raised at staff meetings.",
    ),
    "library_contact": ("Bibliotekets kontaktuppgifter", "Library contact details"),
    "municipality": ("Kommun", "Municipality"),
    "none": ("–", "–"),
}

_REQUIREMENTS: Final[dict[str, tuple[str, str]]] = {
    "id_document": ("Legitimation", "ID document"),
    "library_card": ("Lånekort", "Library card"),
    "e_id": ("E-legitimation", "E-ID"),
    "password": ("Dina lösenord", "Your passwords"),
    "own_device": ("Din mobil, surfplatta eller dator", "Your phone, tablet or computer"),
    "other": ("Annat – fråga personalen", "Other – ask the staff"),
}

_KINDS: Final[dict[str, tuple[str, str]]] = {
    "bank": ("Bank", "Bank"),
    "authority": ("Myndighet", "Government agency"),
    "municipality": ("Kommunen", "Municipality"),
    "association": ("Förening", "Association"),
    "study_association": ("Studieförbund", "Study association"),
    "school": ("Skola", "School"),
    "company": ("Företag", "Company"),
    "other": ("Övrigt", "Other"),
}

_SCOPES: Final[dict[str, tuple[str, str]]] = {
    "local": ("Lokal", "Local"),
    "regional": ("Regional", "Regional"),
    "national": ("Nationell", "National"),
}

_STATUSES: Final[dict[str, tuple[str, str]]] = {
    "established": ("Etablerad kontakt", "Established contact"),
    "none": ("Ingen kontakt", "No contact"),
    "unknown": ("Okänt", "Unknown"),
}

_OUTCOMES: Final[dict[str, tuple[str, str]]] = {
    "helped": ("Hjälpt", "Helped"),
    "partly": ("Delvis hjälpt", "Partly helped"),
    "referred": ("Hänvisad", "Referred"),
    "declined": ("Avböjt", "Declined"),
}

# ISO 639 codes common among Swedish library visitors; other codes print as written.
_LANGUAGE_NAMES: Final[dict[str, tuple[str, str]]] = {
    "am": ("amhariska", "Amharic"),
    "ar": ("arabiska", "Arabic"),
    "bs": ("bosniska", "Bosnian"),
    "ckb": ("sorani", "Sorani"),
    "da": ("danska", "Danish"),
    "de": ("tyska", "German"),
    "en": ("engelska", "English"),
    "es": ("spanska", "Spanish"),
    "fa": ("persiska", "Persian"),
    "fi": ("finska", "Finnish"),
    "fr": ("franska", "French"),
    "hr": ("kroatiska", "Croatian"),
    "it": ("italienska", "Italian"),
    "ku": ("kurdiska", "Kurdish"),
    "kmr": ("kurmanji", "Kurmanji"),
    "no": ("norska", "Norwegian"),
    "pl": ("polska", "Polish"),
    "prs": ("dari", "Dari"),
    "ps": ("pashto", "Pashto"),
    "pt": ("portugisiska", "Portuguese"),
    "ro": ("rumänska", "Romanian"),
    "ru": ("ryska", "Russian"),
    "se": ("nordsamiska", "Northern Sami"),
    "sme": ("nordsamiska", "Northern Sami"),
    "smj": ("lulesamiska", "Lule Sami"),
    "sma": ("sydsamiska", "Southern Sami"),
    "so": ("somaliska", "Somali"),
    "sq": ("albanska", "Albanian"),
    "sr": ("serbiska", "Serbian"),
    "sv": ("svenska", "Swedish"),
    "th": ("thailändska", "Thai"),
    "ti": ("tigrinja", "Tigrinya"),
    "tr": ("turkiska", "Turkish"),
    "uk": ("ukrainska", "Ukrainian"),
    "ur": ("urdu", "Urdu"),
    "vi": ("vietnamesiska", "Vietnamese"),
    "yi": ("jiddisch", "Yiddish"),
    "zh": ("kinesiska", "Chinese"),
    "fit": ("meänkieli", "Meänkieli"),
    "rom": ("romani chib", "Romani"),
}

VOCABULARIES: Final = MappingProxyType(
    {
        "requirement": _REQUIREMENTS,
        "kind": _KINDS,
        "scope": _SCOPES,
        "status": _STATUSES,
        "outcome": _OUTCOMES,
    }
)


def _index(language: str) -> int:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language '{language}': choose one of {', '.join(LANGUAGES)}")
    return LANGUAGES.index(language)


def labels(language: str) -> dict[str, str]:
    """All labels and headings in `language` (`sv` or `en`), as a plain dict for templates."""
    index = _index(language)
    return {key: pair[index] for key, pair in _LABELS.items()}


def label(key: str, language: str) -> str:
    """One label; raises `KeyError` for an unknown key so a typo never prints a blank."""
    return _LABELS[key][_index(language)]


def vocabulary_label(vocabulary: str, value: str, language: str) -> str:
    """The label of a closed-vocabulary value, e.g. `("requirement", "e_id", "sv")`.

    Vocabularies: requirement, kind, scope, status, outcome. Raises `KeyError`
    for an unknown vocabulary or value.
    """
    return VOCABULARIES[vocabulary][value][_index(language)]


def language_name(code: str, language: str) -> str:
    """The name of the language with ISO 639 code `code`, written in `language`.

    Codes without a known name are returned as written, so nothing is lost.
    """
    names = _LANGUAGE_NAMES.get(code)
    return names[_index(language)] if names else code


def label_keys() -> frozenset[str]:
    """Every key `labels()` returns (for tests and template authors)."""
    return frozenset(_LABELS)
