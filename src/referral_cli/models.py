"""The guideline data model: one pydantic model per YAML file type.

Every model forbids unknown keys, so a typo in a key is reported (with a
"did you mean" hint) instead of being silently ignored. Field descriptions are
bilingual (Swedish / English) because they end up in the JSON Schemas that
editors show the coordinator while typing.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)
from pydantic_core import PydanticCustomError

from referral_cli.dates import ISO_DATE
from referral_cli.reasons import DEFAULT_REASONS_EN, DEFAULT_REASONS_SV
from referral_cli.text import CONTROL_CHARACTERS

SLUG_PATTERN = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
LANGUAGE_CODE_PATTERN = r"^[a-z]{2,3}$"


REASON_ERROR = "referral_reason"


def _reason(key: str) -> PydanticCustomError:
    """A validation error worded by the catalogue (`key`), see `rules.validation`."""
    return PydanticCustomError(REASON_ERROR, "{reason}", {"reason": key})


def _iso_date_only(value: object) -> object:
    """Refuse anything but YYYY-MM-DD text, so '20240822' is never read as a timestamp."""
    if isinstance(value, bool | int | float) or (
        isinstance(value, str) and not ISO_DATE.fullmatch(value.strip())
    ):
        raise _reason("val.reason.iso-date")
    return value


def _not_a_boolean(value: object) -> object:
    """Refuse `true`/`false` where a number is expected (pydantic would read them as 1/0)."""
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "Input should be a valid integer")
    return value


def _no_control_characters(value: str) -> str:
    """Refuse control characters: invisible on paper, harmful in a terminal."""
    if CONTROL_CHARACTERS.search(value):
        raise _reason("val.reason.control-character")
    return value


def _web_address(value: str) -> str:
    """Accept only http(s) addresses: anything else could become a dangerous link."""
    lowered = value.lower()
    if not (lowered.startswith("https://") or lowered.startswith("http://")):
        raise _reason("val.reason.web-scheme")
    if len(value.split("://", 1)[1].strip("/")) == 0 or any(ch.isspace() for ch in value):
        raise _reason("val.reason.web-incomplete")
    return value


def _one_or_more(value: object) -> object:
    """A synonym's meaning: one text, or a list of texts (alternatives); always a list."""
    if isinstance(value, str):
        return [value]
    if value is None or isinstance(value, dict):
        raise PydanticCustomError("string_type", "Input should be a valid string")
    return value


Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_no_control_characters),
]
IsoDate = Annotated[date, BeforeValidator(_iso_date_only)]
WebAddress = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_web_address)]
LanguageCode = Annotated[str, StringConstraints(pattern=LANGUAGE_CODE_PATTERN)]
# What a synonym means: `printa: skriva ut` (one phrase) or `mail: [mejl, e-post]`.
Meanings = Annotated[
    list[Text], BeforeValidator(_one_or_more, json_schema_input_type=Text | list[Text])
]

ActorKind = Literal[
    "bank",
    "authority",
    "municipality",
    "association",
    "study_association",
    "school",
    "company",
    "other",
]
Scope = Literal["local", "regional", "national"]
RelationshipStatus = Literal["established", "none", "unknown"]
Requirement = Literal["id_document", "library_card", "e_id", "password", "own_device", "other"]
Outcome = Literal["helped", "partly", "referred", "declined"]
Language = Literal["sv", "en"]

ACTOR_KINDS: tuple[str, ...] = ActorKind.__args__  # type: ignore[attr-defined]
SCOPES: tuple[str, ...] = Scope.__args__  # type: ignore[attr-defined]
RELATIONSHIP_STATUSES: tuple[str, ...] = RelationshipStatus.__args__  # type: ignore[attr-defined]
REQUIREMENTS: tuple[str, ...] = Requirement.__args__  # type: ignore[attr-defined]
OUTCOMES: tuple[str, ...] = Outcome.__args__  # type: ignore[attr-defined]


class Model(BaseModel):
    """Base for every file model: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid")


class Contact(Model):
    """How to reach an organisation."""

    website: WebAddress | None = Field(None, description="Webbplats (https://…). / Website.")
    phone: Text | None = Field(None, description="Telefonnummer. / Phone number.")
    email: Text | None = Field(None, description="E-postadress. / Email address.")
    address: Text | None = Field(None, description="Besöksadress. / Visiting address.")
    opening_hours: Text | None = Field(
        None, description="Öppettider eller telefontider. / Opening or phone hours."
    )
    chat: WebAddress | None = Field(None, description="Chatt (https://…). / Chat (web address).")


class Branch(Model):
    """A library branch (filial, områdesbibliotek)."""

    id: Slug = Field(description="Kort id, t.ex. centralbiblioteket. / Short id.")
    name: Text = Field(description="Bibliotekets namn. / Branch name.")


class Reason(Model):
    """One reason a question chafes (skaver)."""

    id: Slug = Field(description="Kort id, t.ex. privacy. / Short id.")
    label: Text = Field(description="Etikett som visas. / Label shown to people.")


class Period(Model):
    """An inventory campaign (frågeinventering), typically two weeks."""

    id: Slug = Field(description="Kort id, t.ex. ht-2026. / Short id.")
    start: IsoDate = Field(description="Första dag (ÅÅÅÅ-MM-DD). / First day.")
    end: IsoDate = Field(description="Sista dag (ÅÅÅÅ-MM-DD). / Last day.")
    note: Text | None = Field(None, description="Anteckning. / Note.")


def default_reasons(language: str = "sv") -> list[Reason]:
    """Return the default reason vocabulary, labelled in `language`."""
    pairs = DEFAULT_REASONS_EN if language == "en" else DEFAULT_REASONS_SV
    return [Reason(id=rid, label=label) for rid, label in pairs]


class Library(Model):
    """`data/library.yaml`: the library itself; every key is optional."""

    name: Text = Field("Biblioteket", description="Bibliotekets namn. / The library's name.")
    municipality: Text | None = Field(None, description="Kommun. / Municipality.")
    language: Language = Field("sv", description="Språk för utskrifter: sv eller en. / Language.")
    review_interval_months: int = Field(
        6,
        ge=1,
        le=60,
        description="Hur ofta riktlinjerna ses över, i månader. / Review interval in months.",
    )
    reviewed: IsoDate | None = Field(
        None, description="När riktlinjerna senast sågs över. / Date of the last review."
    )
    purpose: Text | None = Field(
        None, description="Riktlinjernas syfte, kort. / The guidelines' purpose, briefly."
    )
    contact: Contact | None = Field(None, description="Bibliotekets kontakt. / Library contact.")
    branches: list[Branch] = Field(
        default_factory=list, description="Bibliotek/filialer. / Branches."
    )
    reasons: list[Reason] | None = Field(
        None, description="Varför en fråga skaver (ordlista). / Why a question chafes."
    )
    periods: list[Period] = Field(
        default_factory=list, description="Inventeringsperioder. / Inventory periods."
    )
    synonyms: dict[Text, Meanings] = Field(
        default_factory=dict,
        description=(
            "Ord som besökare använder och vad de betyder i matrisen, t.ex. printa: skriva "
            "ut, eller en lista med alternativ: mail: [mejl, e-post]. / Words visitors use "
            "and the matrix words they mean; a list gives alternatives."
        ),
    )

    _no_boolean_interval = field_validator("review_interval_months", mode="before")(_not_a_boolean)

    def reason_vocabulary(self, language: str | None = None) -> list[Reason]:
        """The reasons in force: the library's own list, or the defaults.

        The defaults are labelled in `language` (the reader's), else in the library's.
        """
        if self.reasons is not None:
            return self.reasons
        return default_reasons(language or self.language)


class Relationship(Model):
    """The library's relationship with an actor."""

    status: RelationshipStatus = Field(
        description="Kontakt: established, none eller unknown. / Contact status."
    )
    owner: Text | None = Field(
        None, description="Vem på biblioteket som har kontakten. / Who holds the contact."
    )
    last_contact: IsoDate | None = Field(None, description="Senaste kontakt. / Last contact.")
    informed: IsoDate | None = Field(
        None, description="När aktören fick veta om riktlinjerna. / When told about guidelines."
    )
    wanted_collaboration: Text | None = Field(
        None, description="Önskat samarbete. / Collaboration the library wants."
    )


class Actor(Model):
    """An organisation the library can refer to."""

    id: Slug = Field(description="Kort id, t.ex. skatteverket. / Short id.")
    name: Text = Field(description="Namn. / Name.")
    kind: ActorKind = Field(description="Typ av aktör. / Kind of actor.")
    scope: Scope = Field(description="local, regional eller national. / Scope.")
    description: Text | None = Field(None, description="Beskrivning. / Description.")
    helps_with: list[Text] = Field(
        default_factory=list, description="Hjälper till med. / Helps with."
    )
    contact: Contact | None = Field(None, description="Kontaktuppgifter. / Contact details.")
    languages: list[LanguageCode] = Field(
        default_factory=list, description="Språk, t.ex. [sv, en, ar]. / Language codes."
    )
    relationship: Relationship | None = Field(
        None, description="Bibliotekets relation (internt). / Relationship (internal)."
    )
    reviewed: IsoDate | None = Field(None, description="Senast kontrollerad. / Last verified.")
    notes: Text | None = Field(None, description="Interna anteckningar. / Internal notes.")


class ActorsFile(Model):
    """`data/actors.yaml`."""

    actors: list[Actor] = Field(description="Aktörer att hänvisa till. / Actors.")


class Step(Model):
    """One step of the case-handling checklist."""

    step: Text = Field(description="Steget, kort. / The step.")
    guidance: Text | None = Field(None, description="Vägledning. / Guidance.")


class Row(Model):
    """One row of the referral matrix."""

    id: Slug = Field(description="Unikt id i hela matrisen. / Unique id.")
    need: Text = Field(description="Användaren behöver hjälp med. / What the user needs help with.")
    library_can: Text | None = Field(
        None, description="Vad biblioteket själv kan göra. / What the library itself does."
    )
    solution: Text = Field(
        description="Lösning och/eller motivering för användaren. / Solution or reason given."
    )
    refer_to: list[Slug] = Field(
        default_factory=list, description="Hänvisa till (aktörs-id). / Actor ids to refer to."
    )
    phrasing: Text | None = Field(
        None, description="Överenskommen formulering. / Agreed phrasing staff can say."
    )
    requires: list[Requirement] = Field(
        default_factory=list, description="Vad användaren behöver ha med. / What to bring."
    )
    keywords: list[Text] = Field(default_factory=list, description="Sökord. / Search words.")
    reviewed: IsoDate | None = Field(None, description="Senast granskad. / Last reviewed.")
    owner: Text | None = Field(None, description="Ansvarig. / Who owns this row.")


class Category(Model):
    """A group of matrix rows, e.g. "Dokument, ärenden och e-tjänster"."""

    id: Slug = Field(description="Kort id. / Short id.")
    title: Text = Field(description="Rubrik. / Title.")
    rows: list[Row] = Field(default_factory=list, description="Rader. / Rows.")


class Matrix(Model):
    """`data/matrix.yaml`: checklist, closing steps and the referral matrix."""

    checklist: list[Step] = Field(
        default_factory=list, description="Så hanteras ett ärende. / Case-handling steps."
    )
    closing: list[Step] = Field(default_factory=list, description="Avslut. / Closing steps.")
    categories: list[Category] = Field(description="Matrisens kategorier. / Categories.")

    def rows(self) -> list[tuple[Category, Row]]:
        """Every row with its category, in document order."""
        return [(category, row) for category in self.categories for row in category.rows]


# The keys of an inventory entry that refer to ids of the guidelines, by kind of id
# (`referral rename` changes them, `referral diff` names those that refer to a lost id).
ENTRY_ID_KEYS: dict[str, tuple[str, ...]] = {
    "row": ("row",),
    "actor": ("referred_to", "sent_by"),
    "category": ("category",),
    "branch": ("branch",),
    "reason": ("reasons",),
}


class InventoryEntry(Model):
    """One file under `data/inventory/`: a question that chafed."""

    date: IsoDate = Field(description="Datum (ÅÅÅÅ-MM-DD). / Date.")
    description: Text = Field(
        description="Ärendet, utan personuppgifter. / The case, without personal data."
    )
    branch: Slug | None = Field(None, description="Bibliotek (id). / Branch id.")
    reflection: Text | None = Field(
        None, description="Egen reflektion: vad var svårt? / Staff reflection."
    )
    reasons: list[Slug] = Field(
        default_factory=list, description="Varför det skavde (id). / Reason ids."
    )
    category: Slug | None = Field(None, description="Kategori i matrisen. / Matrix category id.")
    row: Slug | None = Field(None, description="Rad i matrisen. / Matrix row id.")
    referred_to: list[Slug] = Field(
        default_factory=list, description="Hänvisad till (aktörs-id). / Actor ids referred to."
    )
    sent_by: list[Slug] = Field(
        default_factory=list,
        description=(
            "Hänvisad hit av (aktörs-id): vem som skickade besökaren till biblioteket. / "
            "Actor ids that sent the visitor to the library."
        ),
    )
    outcome: Outcome | None = Field(
        None, description="helped, partly, referred eller declined. / Outcome."
    )
    minutes: int | None = Field(None, ge=0, le=1440, description="Tid i minuter. / Minutes spent.")
    read_level: int | None = Field(
        None, ge=1, le=6, description="READ-skalan 1–6. / READ scale level."
    )
    recorded_by: Text | None = Field(None, description="Personalens initialer. / Staff initials.")
    period: Slug | None = Field(None, description="Inventeringsperiod (id). / Period id.")

    _no_boolean_numbers = field_validator("minutes", "read_level", mode="before")(_not_a_boolean)


# --------------------------------------------------------------------------- translations

FINGERPRINT_PATTERN = r"^[b-df-hj-np-t]{8}$"  # rules.translations.fingerprint
Fingerprint = Annotated[str, StringConstraints(pattern=FINGERPRINT_PATTERN)]


def _text_alone(value: object) -> object:
    """`need: Текст` is short for `need: {text: Текст}` (a translation not yet confirmed)."""
    return {"text": value} if isinstance(value, str) else value


class TranslatedText(Model):
    """One translated text, and the fingerprint of the text it was translated from."""

    text: Text = Field(description="Översättningen. / The translation.")
    source: Fingerprint | None = Field(
        None,
        description=(
            "Fingeravtrycket av den svenska text som översattes (referral validate visar "
            "det). / Fingerprint of the source text that was translated."
        ),
    )


Translated = Annotated[
    TranslatedText,
    BeforeValidator(_text_alone, json_schema_input_type=Text | TranslatedText),
]


class RowTranslation(Model):
    """What a visitor reads of one matrix row, translated."""

    need: Translated | None = Field(None, description="Behovet. / The need.")
    library_can: Translated | None = Field(
        None,
        description="Det biblioteket kan hjälpa till med (den publika sidan). / What the "
        "library can do (the public page).",
    )
    solution: Translated | None = Field(None, description="Lösning. / The solution.")
    phrasing: Translated | None = Field(
        None, description="Formuleringen till besökaren. / The phrasing, for the visitor."
    )


class CategoryTranslation(Model):
    """A category's title, translated."""

    title: Translated | None = Field(None, description="Rubrik. / Title.")


class ContactTranslation(Model):
    """The parts of a contact that are words, not names or numbers: the opening hours."""

    opening_hours: Translated | None = Field(None, description="Öppettider. / Opening hours.")


class TranslationFile(Model):
    """`data/translations/<language>.yaml`: what visitors read, in one language."""

    note: Text | None = Field(
        None, description="Vem översatte, och hur granskat. / Who translated, how checked."
    )
    labels: dict[str, Text] = Field(
        default_factory=dict,
        description=(
            "Bibliotekets egna etiketter på lappar och affisch, t.ex. slip_need. / The "
            "library's own handout labels, replacing the bundled ones."
        ),
    )
    library: ContactTranslation | None = Field(
        None, description="Bibliotekets kontakt. / The library's contact."
    )
    categories: dict[Slug, CategoryTranslation] = Field(
        default_factory=dict, description="Kategorier, per id. / Categories by id."
    )
    rows: dict[Slug, RowTranslation] = Field(
        default_factory=dict, description="Rader i matrisen, per id. / Matrix rows by id."
    )
    actors: dict[Slug, ContactTranslation] = Field(
        default_factory=dict, description="Aktörer, per id. / Actors by id."
    )
