"""What in the guidelines needs attention now, as plain data.

Overdue means a matrix row, an actor, or the guidelines as a whole not reviewed
within `review_interval_months` (or never); `--strict` turns that into exit 1
so CI can remind the coordinator. The other lists are things worth raising at
the next review: actors without an established contact, actors whose established
contact has gone quiet (`last_contact` missing or older than the interval: the
article asks for continuous contact), actors never told about the guidelines,
inventory questions since the last review that have no matrix row, rows nobody owns,
and translations made from an earlier text (or not made yet; see `translations`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from referral_cli.commands.review.translations import LanguageReview
    from referral_cli.store.repository import Guidelines


@dataclass(frozen=True)
class DueItem:
    """A row or actor whose review is overdue (`reviewed` None = never)."""

    id: str
    name: str
    reviewed: date | None
    owner: str | None = None


@dataclass(frozen=True)
class ActorItem:
    """An actor in one of the relationship lists; `status` is `none` or `unknown`."""

    id: str
    name: str
    status: str


@dataclass(frozen=True)
class ContactItem:
    """An actor with an established contact but no recent one (`last_contact` None: never)."""

    id: str
    name: str
    last_contact: date | None
    owner: str | None = None


@dataclass(frozen=True)
class QuestionItem:
    """An inventory question with no matrix row."""

    file: str
    date: date
    category: str | None
    reasons: tuple[str, ...]
    description: str


@dataclass
class ReviewReport:
    """Everything `referral review` shows."""

    library: str
    language: str
    today: date
    interval_months: int
    due_before: date
    last_review: date | None
    library_overdue: bool
    overdue_rows: list[DueItem] = field(default_factory=list)
    overdue_actors: list[DueItem] = field(default_factory=list)
    no_relationship: list[ActorItem] = field(default_factory=list)
    quiet_contacts: list[ContactItem] = field(default_factory=list)
    never_informed: list[ActorItem] = field(default_factory=list)
    unmatched_questions: list[QuestionItem] = field(default_factory=list)
    unowned_rows: list[DueItem] = field(default_factory=list)
    # Per translated language: stale and unconfirmed translations, texts not translated.
    translations: list[LanguageReview] = field(default_factory=list)

    @property
    def overdue(self) -> bool:
        """True when anything's review is overdue (what `--strict` fails on)."""
        return self.library_overdue or bool(self.overdue_rows or self.overdue_actors)

    @property
    def attention_count(self) -> int:
        """How many items are listed in total."""
        return (
            int(self.library_overdue)
            + len(self.overdue_rows)
            + len(self.overdue_actors)
            + len(self.no_relationship)
            + len(self.quiet_contacts)
            + len(self.never_informed)
            + len(self.unmatched_questions)
            + len(self.unowned_rows)
            + sum(review.attention + bool(review.missing) for review in self.translations)
        )

    def exit_code(self, strict: bool) -> int:
        """0, or 1 under `strict` when something is overdue."""
        return 1 if strict and self.overdue else 0


def load_for_review(root: Path) -> Guidelines:
    """Load the repository, translations too; raise FindingsError if a file cannot be read."""
    from referral_cli.rules.loading import load_readable

    return load_readable(root, translations=True)


def build_review(
    guidelines: Guidelines, today: date | None = None, language: str | None = None
) -> ReviewReport:
    """Collect what needs attention in loaded `guidelines` as of `today`."""
    from referral_cli.dates import add_months

    today = today or date.today()
    library = guidelines.library
    months = library.review_interval_months
    due_before = add_months(today, -months)

    def is_due(reviewed: date | None) -> bool:
        return reviewed is None or reviewed < due_before

    report = ReviewReport(
        library=library.name,
        language=language or library.language,
        today=today,
        interval_months=months,
        due_before=due_before,
        last_review=library.reviewed,
        library_overdue=is_due(library.reviewed),
    )
    for _category, row in guidelines.matrix.rows():
        item = DueItem(row.id, row.need, row.reviewed, row.owner)
        if is_due(row.reviewed):
            report.overdue_rows.append(item)
        if not row.owner:
            report.unowned_rows.append(item)
    for actor in guidelines.actors.actors:
        relationship = actor.relationship
        if is_due(actor.reviewed):
            owner = relationship.owner if relationship else None
            report.overdue_actors.append(DueItem(actor.id, actor.name, actor.reviewed, owner))
        status = relationship.status if relationship else "unknown"
        if status in ("none", "unknown"):
            report.no_relationship.append(ActorItem(actor.id, actor.name, status))
        elif relationship is not None and is_due(relationship.last_contact):
            # Actors without an established contact are listed above, not twice.
            report.quiet_contacts.append(
                ContactItem(actor.id, actor.name, relationship.last_contact, relationship.owner)
            )
        if relationship is None or relationship.informed is None:
            report.never_informed.append(ActorItem(actor.id, actor.name, status))
    since = library.reviewed
    for loaded in sorted(guidelines.entries, key=lambda e: (e.entry.date, e.display)):
        entry = loaded.entry
        if entry.row is None and (since is None or entry.date >= since):
            report.unmatched_questions.append(
                QuestionItem(
                    loaded.display,
                    entry.date,
                    entry.category,
                    tuple(entry.reasons),
                    entry.description,
                )
            )
    from referral_cli.commands.review.translations import review_translations

    report.translations = review_translations(guidelines)
    return report


def run_review(root: Path, today: date | None = None, language: str | None = None) -> ReviewReport:
    """Load the repository at `root` and build its review: the core of `referral review`."""
    return build_review(load_for_review(root), today, language)
