"""`referral lookup` at a terminal: the answer as a panel, or the closest rows instead.

A row is shown as the answer (a panel, the next hits as one-liners) only when it is sure
(`answers.sure_answer`: strong enough and clearly ahead of the second best); another best
row must not look like the answer, so then the closest rows are listed one per line with
their scores. The query words found nowhere
are named, and the actors that fit are listed under the rows. With a visitor language
(`--visitor-lang`), each row's actors say whether they help in it. Drawn with `plain_text`, not
rich: lookup's start-up is measured (see that module). The words are the handouts'
(`label.*`), so the screen and the printed desk guide say the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from referral_cli.cli.plain_text import BOLD, ITALIC, Block, Screen
from referral_cli.i18n import label, language_name, t, vocabulary_label
from referral_cli.views import contact_lines, own_language_name

if TYPE_CHECKING:
    from referral_cli.commands.lookup import LookupResult
    from referral_cli.row_index import RowHit

MORE_HITS = 4  # one-line hits shown after the answer
CLOSEST_ROWS = 5  # rows listed when there is no sure answer


def render_lookup(result: LookupResult, screen: Screen, *, show_all: bool = False) -> None:
    """Print the answer or the closest rows, the words found nowhere, then matching actors."""
    language = result.language
    shown: set[str] = set()
    if not result.hits:
        screen.text(t("lookup.nothing", language, query=result.query))
        if result.suggestions:
            words = ", ".join(result.suggestions)
            screen.text(t("lookup.closest", language, words=words))
        elif result.common_words_only:
            screen.text(t("lookup.common_words_only", language))
        else:
            screen.text(t("lookup.no_words", language))
    elif result.answer is not None:
        full = result.hits if show_all else result.hits[:1]
        for hit in full:
            show_panel(screen, hit, language, result)
            shown.update(actor.id for actor in hit.item.actors)
        show_unmatched(screen, result)
        rest = [] if show_all else result.hits[1 : 1 + MORE_HITS]
        if rest:
            screen.line(t("lookup.more_hits", language), BOLD)
            for rank, hit in enumerate(rest, start=2):
                screen.line("  " + one_liner(rank, hit, result))
    else:
        # No sure answer: the closest rows, weak as they are, and never as a panel
        # unless asked for with --all.
        screen.text(t("lookup.no_answer", language, query=result.query), BOLD)
        if show_all:
            for hit in result.hits:
                show_panel(screen, hit, language, result)
                shown.update(actor.id for actor in hit.item.actors)
        else:
            for hit in result.hits[:CLOSEST_ROWS]:
                screen.line(f"  {hit.score:.2f}  " + one_liner(None, hit, result))
        show_unmatched(screen, result)
        if not show_all:
            screen.text(t("lookup.show_all", language))
    actors = [hit.actor for hit in result.actors if hit.actor.id not in shown]
    if actors:
        screen.line(f"{label('actors', language)}:", BOLD)
        for actor in actors:
            details = "; ".join(contact_lines(actor, language)[:2])
            screen.line(f"  {actor.name}" + (f" ({details})" if details else ""))


def show_unmatched(screen: Screen, result: LookupResult) -> None:
    """Name the query words no row matched: the answer does not cover them."""
    once: dict[str, str] = {}
    for word in result.unmatched:
        once.setdefault(word.casefold(), word)  # each word once, as first typed
    if once:
        words = ", ".join(once.values())
        screen.text(t("lookup.unmatched", result.language, words=words))


def show_panel(
    screen: Screen, hit: RowHit, language: str, result: LookupResult | None = None
) -> None:
    """One row in full in a frame: category above, row id and score below."""
    subtitle = t("lookup.subtitle", language, row=hit.item.row.id, score=f"{hit.score:.2f}")
    blocks = row_blocks(hit, language, result)
    screen.panel(blocks, title=hit.item.category.title, subtitle=subtitle)


def row_blocks(hit: RowHit, language: str, result: LookupResult | None = None) -> list[Block]:
    """One row in full, with the desk guide's labels and its actors' contacts.

    With a visitor language (`result.visitor_language`), which actors help in it.
    """
    row = hit.item.row
    visitor = result.visitor_language if result is not None else None
    blocks: list[Block] = [(row.need, BOLD)]

    def section(key: str, *body: Block) -> None:
        blocks.extend([("", ""), (label(key, language), BOLD), *body])

    if row.library_can:
        section("library_can", (row.library_can, ""))
    if row.phrasing:
        quoted = label("quote_open", language) + row.phrasing + label("quote_close", language)
        section("phrasing", (quoted, ITALIC))
    section("solution", (row.solution, ""))
    if hit.item.actors:
        contacts: list[Block] = []
        if result is not None and visitor is not None:
            contacts.append(visitor_summary(hit, result, language))
        for actor in hit.item.actors:
            contacts.append((actor.name, BOLD))
            if result is not None and visitor is not None:
                contacts.append((speaks_line(result.speaks(actor), visitor, language), ""))
            contacts.extend((f"  {line}", "") for line in contact_lines(actor, language))
        section("refer_to", *contacts)
    elif not row.refer_to:
        section("refer_to", (label("no_referral", language), ""))
    if row.requires:
        needs = [vocabulary_label("requirement", item, language) for item in row.requires]
        section("requires", (", ".join(needs), ""))
    return blocks


def one_liner(rank: int | None, hit: RowHit, result: LookupResult | None = None) -> str:
    """`2. need → actors`: a further hit on one line (without the number if `rank` is None).

    `[ar]` follows an actor that helps in the visitor's language.
    """
    visitor = result.visitor_language if result is not None else None
    names = []
    for actor in hit.item.actors:
        helps = result is not None and visitor is not None and result.speaks(actor)
        names.append(f"{actor.name} [{visitor}]" if helps else actor.name)
    refer = ", ".join(names)
    number = f"{rank}. " if rank is not None else ""
    return f"{number}{hit.item.row.need}" + (f" → {refer}" if refer else "")


def visitor_language_name(code: str, language: str) -> str:
    """The visitor's language as staff read it: `arabiska (العربية)`; Easy Swedish as Swedish."""
    base = code.split("-")[0]
    name = language_name(base, language)
    own = own_language_name(base)
    return f"{name} ({own})" if own and own.casefold() != name.casefold() else name


def visitor_summary(hit: RowHit, result: LookupResult, language: str) -> Block:
    """`På arabiska: Skatteverket, Migrationsverket`, or that none of the actors does."""
    name = visitor_language_name(result.visitor_language or "", language)
    helping = [actor.name for actor in hit.item.actors if result.speaks(actor)]
    if helping:
        return t(
            "visitors.lookup.summary", language, language=name, actors=", ".join(helping)
        ), BOLD
    return t("visitors.lookup.summary-none", language, language=name), ""


def speaks_line(speaks: bool | None, code: str, language: str) -> str:
    """Under an actor's name: whether it helps in the visitor's language."""
    name = visitor_language_name(code, language)
    if speaks is None:
        return "  " + t("visitors.lookup.no-languages", language)
    key = "visitors.lookup.helps" if speaks else "visitors.lookup.not-in"
    return "  " + t(key, language, language=name)
