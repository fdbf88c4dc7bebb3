"""`referral lookup` at a terminal: the best row as a panel, the next ones as one-liners.

Imported only when text is printed (a JSON lookup never loads rich). The words are
the handouts' (`label.*`), so the screen and the printed desk guide say the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from referral_cli.i18n import label, language_name, t, vocabulary_label
from referral_cli.views import contact_lines, own_language_name

if TYPE_CHECKING:
    from referral_cli.commands.lookup import LookupResult
    from referral_cli.row_index import RowHit

MORE_HITS = 4  # one-line hits shown after the best row


def render_lookup(result: LookupResult, console: Console, *, show_all: bool = False) -> None:
    """Print the best row as a panel, the next few as one-liners, then matching actors."""
    language = result.language
    shown: set[str] = set()
    if not result.hits:
        console.print(t("lookup.nothing", language, query=result.query))
        if result.suggestions:
            words = ", ".join(result.suggestions)
            console.print(t("lookup.closest", language, words=words))
        else:
            console.print(t("lookup.no_words", language))
    else:
        full = result.hits if show_all else result.hits[:1]
        for hit in full:
            console.print(row_panel(hit, language, result))
            shown.update(actor.id for actor in hit.item.actors)
        rest = [] if show_all else result.hits[1 : 1 + MORE_HITS]
        if rest:
            _line(console, t("lookup.more_hits", language), style="bold")
            for rank, hit in enumerate(rest, start=2):
                _line(console, "  " + one_liner(rank, hit, result))
    actors = [hit.actor for hit in result.actors if hit.actor.id not in shown]
    if actors:
        _line(console, f"{label('actors', language)}:", style="bold")
        for actor in actors:
            details = "; ".join(contact_lines(actor, language)[:2])
            _line(console, f"  {actor.name}" + (f" ({details})" if details else ""))


def row_panel(hit: RowHit, language: str, result: LookupResult | None = None) -> Panel:
    """One row in full, with the desk guide's labels, its actors' contacts and its score.

    With a visitor language (`result.visitor_language`), which actors help in it.
    """
    row = hit.item.row
    visitor = result.visitor_language if result is not None else None
    parts: list[RenderableType] = []

    def section(key: str, body: str | Text) -> None:
        if parts:
            parts.append(Text(""))
        parts.append(Text(label(key, language), style="bold"))
        parts.append(body if isinstance(body, Text) else Text(body))

    if row.library_can:
        section("library_can", row.library_can)
    if row.phrasing:
        quoted = label("quote_open", language) + row.phrasing + label("quote_close", language)
        section("phrasing", Text(quoted, style="italic"))
    section("solution", row.solution)
    if hit.item.actors:
        lines = Text()
        if result is not None and visitor is not None:
            _visitor_summary(lines, hit, result, language)
        for number, actor in enumerate(hit.item.actors):
            if number or len(lines):
                lines.append("\n")
            lines.append(actor.name, style="bold")
            if result is not None and visitor is not None:
                _speaks_line(lines, result.speaks(actor), visitor, language)
            for line in contact_lines(actor, language):
                lines.append(f"\n  {line}")
        section("refer_to", lines)
    elif not row.refer_to:
        section("refer_to", label("no_referral", language))
    if row.requires:
        needs = [vocabulary_label("requirement", item, language) for item in row.requires]
        section("requires", ", ".join(needs))
    subtitle = t("lookup.subtitle", language, row=row.id, score=f"{hit.score:.2f}")
    # Titles as Text: a str would be read as rich markup, and '[/x]' in a title crash.
    return Panel(
        Group(Text(row.need, style="bold"), Text(""), *parts),
        title=Text(hit.item.category.title),
        title_align="left",
        subtitle=Text(subtitle),
        subtitle_align="right",
    )


def one_liner(rank: int, hit: RowHit, result: LookupResult | None = None) -> str:
    """`2. need → actors`: a further hit on one line.

    `[ar]` follows an actor that helps in the visitor's language.
    """
    visitor = result.visitor_language if result is not None else None
    names = []
    for actor in hit.item.actors:
        helps = result is not None and visitor is not None and result.speaks(actor)
        names.append(f"{actor.name} [{visitor}]" if helps else actor.name)
    refer = ", ".join(names)
    return f"{rank}. {hit.item.row.need}" + (f" → {refer}" if refer else "")


def visitor_language_name(code: str, language: str) -> str:
    """The visitor's language as staff read it: `arabiska (العربية)`; Easy Swedish as Swedish."""
    base = code.split("-")[0]
    name = language_name(base, language)
    own = own_language_name(base)
    return f"{name} ({own})" if own and own.casefold() != name.casefold() else name


def _visitor_summary(lines: Text, hit: RowHit, result: LookupResult, language: str) -> None:
    """`På arabiska: Skatteverket, Migrationsverket`, or that none of the actors does."""
    code = result.visitor_language or ""
    name = visitor_language_name(code, language)
    helping = [actor.name for actor in hit.item.actors if result.speaks(actor)]
    if helping:
        lines.append(
            t("visitors.lookup.summary", language, language=name, actors=", ".join(helping)),
            style="green",
        )
    else:
        lines.append(t("visitors.lookup.summary-none", language, language=name), style="yellow")


def _speaks_line(lines: Text, speaks: bool | None, code: str, language: str) -> None:
    """Under an actor's name: whether it helps in the visitor's language."""
    name = visitor_language_name(code, language)
    if speaks is None:
        lines.append("\n  " + t("visitors.lookup.no-languages", language), style="dim")
    elif speaks:
        lines.append("\n  " + t("visitors.lookup.helps", language, language=name), style="green")
    else:
        lines.append("\n  " + t("visitors.lookup.not-in", language, language=name), style="dim")


def _line(console: Console, text: str, *, style: str = "") -> None:
    """One line cut to the console's width (desk screens are narrow)."""
    console.print(Text(text, style=style), no_wrap=True, overflow="ellipsis")
