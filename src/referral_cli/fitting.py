"""Will it fit on paper? Line and height estimates for the slips and the quick reference.

A referral slip is a fixed cell (three to an A4 sheet, so a stack can be cut with a
guillotine): its content must never push the grid. HTML cannot shrink text to fit, so
the content is measured here, before the template runs, with the advance widths of the
bundled font (`referral_cli.fonts.text_width`), the same font both print engines use.
`fit_slip` picks the largest type and the most detail that fit; what is left out moves to
a "more at the desk" line. The quick reference uses the same measure to refuse, with a
way out, a page it cannot fill without running onto a second one.

The estimates err on the safe side (greedy wrapping at spaces only, widths padded): a
slip may be set a little smaller than it had to be, never so large that it overflows.
The print tests check the estimates against real PDFs from both engines.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from referral_cli.fonts import Face, text_width

MM_PER_PT: Final = 25.4 / 72
# Measured widths are padded by this factor: kerning and the engines' rounding never make a
# line longer than the estimate.
WIDTH_SAFETY: Final = 1.04


def wrap_count(text: str, width_mm: float, size_pt: float, face: Face = "regular") -> int:
    """How many lines `text` takes at `size_pt`, wrapped at spaces to `width_mm` (0 if empty).

    A word wider than the line (a long web address) is broken into as many lines as it
    needs, as `overflow-wrap: anywhere` lets the engines do.
    """
    words = text.split()
    if not words:
        return 0
    limit = width_mm / MM_PER_PT / WIDTH_SAFETY
    space = text_width(" ", size_pt, face)
    lines, used = 1, 0.0
    for word in words:
        width = text_width(word, size_pt, face)
        if width > limit:
            whole = math.ceil(width / limit)
            lines += whole - (1 if used == 0 else 0)
            used = width - (whole - 1) * limit
            continue
        needed = width if used == 0 else used + space + width
        if needed <= limit:
            used = needed
        else:
            lines += 1
            used = width
    return lines


def text_height(
    text: str, width_mm: float, size_pt: float, line_height: float, face: Face = "regular"
) -> float:
    """The height in mm of `text` wrapped to `width_mm` at `size_pt` and `line_height`."""
    return wrap_count(text, width_mm, size_pt, face) * size_pt * line_height * MM_PER_PT


# --------------------------------------------------------------------------- page footer

# The footer's box: 78 % of the narrowest A4 page a handout with a page number has (13 mm
# margins: 184 mm), at 8 pt, as base.html.j2 sets it. It never wraps (white-space: nowrap),
# so a longer line would print over the page number.
FOOTER_WIDTH_MM: Final = 0.78 * 184.0
FOOTER_SIZE_PT: Final = 8.0
FOOTER_SEPARATOR: Final = " · "


def footer_line(text: str) -> str:
    """The page footer, shortened to fit its box: the longest part loses words, with "…".

    The parts (library, title, review, revision ...) are separated by " · "; each keeps
    its first word, so every part stays recognisable, and the last one (the revision,
    the period) is cut only when the others are down to one word.
    """
    parts = text.split(FOOTER_SEPARATOR)
    words = [part.split(" ") for part in parts]
    cut = [False] * len(parts)

    def line() -> str:
        return FOOTER_SEPARATOR.join(
            " ".join(w) + ("…" if shortened else "")
            for w, shortened in zip(words, cut, strict=True)
        )

    limit = FOOTER_WIDTH_MM / MM_PER_PT / WIDTH_SAFETY
    while text_width(line(), FOOTER_SIZE_PT) > limit:
        # The longest part but the last (the revision, the period) loses a word; the
        # last only when nothing else can.
        shortenable = [i for i in range(len(parts) - 1) if len(words[i]) > 1]
        if not shortenable:
            shortenable = [len(parts) - 1] if len(words[-1]) > 1 else []
        if not shortenable:
            break
        longest = max(shortenable, key=lambda i: len(" ".join(words[i])))
        words[longest].pop()
        cut[longest] = True
    return line()


# --------------------------------------------------------------------------- slips


@dataclass(frozen=True)
class SlipType:
    """Type sizes (pt) of one step of a slip's scale; the CSS class `slip-<name>` sets them."""

    name: str
    need: float
    actor: float
    contact: float
    languages: float
    # The original need printed under a translated one (`--lang ar+sv`).
    beside: float = 10.0


@dataclass(frozen=True)
class SlipGeometry:
    """A slip cell and its fixed parts, in mm; mirrored by the slip template's CSS.

    `types` are tried largest first. The fixed parts are generous: a line of the
    labels, the bring line, the write-in line with the small print under it.
    """

    name: str
    per_sheet: int
    height: float
    width: float
    inset_top: float
    inset_bottom: float
    inset_side: float
    label: float
    bring: float
    write_in: float
    checked: float
    more: float
    gap: float
    box_gap: float
    tick: float
    qr: float
    types: tuple[SlipType, ...]

    @property
    def content_width(self) -> float:
        """The width inside the side insets."""
        return self.width - 2 * self.inset_side

    @property
    def content_height(self) -> float:
        """The height inside the top and bottom insets."""
        return self.height - self.inset_top - self.inset_bottom


NORMAL: Final = SlipGeometry(
    name="normal",
    per_sheet=3,
    height=99.0,
    width=210.0,
    inset_top=7.0,
    inset_bottom=6.5,
    inset_side=10.0,
    label=4.4,
    bring=6.0,
    write_in=8.0,
    checked=3.6,
    more=4.4,
    gap=4.0,
    box_gap=1.6,
    tick=5.0,
    qr=17.0,
    types=(
        SlipType("t1", need=16.0, actor=11.5, contact=10.0, languages=8.5, beside=10.0),
        SlipType("t2", need=14.5, actor=10.5, contact=9.0, languages=8.0, beside=9.5),
        SlipType("t3", need=13.0, actor=9.5, contact=8.5, languages=7.5, beside=9.0),
    ),
)
LARGE: Final = SlipGeometry(
    name="large",
    per_sheet=2,
    height=148.5,
    width=210.0,
    inset_top=9.0,
    inset_bottom=8.5,
    inset_side=12.0,
    label=6.0,
    bring=8.5,
    write_in=10.5,
    checked=5.0,
    more=6.5,
    gap=5.0,
    box_gap=2.5,
    tick=7.0,
    qr=24.0,
    types=(SlipType("l1", need=20.0, actor=16.0, contact=14.0, languages=14.0, beside=14.0),),
)
LINE_HEIGHT: Final = 1.2
NEED_LINE_HEIGHT: Final = 1.15
# Type sizes (pt) of the small parts, as the slip template's CSS sets them: labels, the
# "bring" line, the write-in labels, the checked line and the fallback note.
LABEL_SIZE: Final = {"normal": 8.5, "large": 11.0}
BRING_SIZE: Final = {"normal": 10.0, "large": 14.0}
SMALL_SIZE: Final = {"normal": 7.5, "large": 9.0}

# Details dropped in this order when a slip is crowded; the phone and email stay as long as
# the actor is on the slip at all.
DETAIL_LEVELS: Final = (
    ("phone", "website", "email", "chat", "opening_hours", "address"),
    ("phone", "website", "email", "chat"),
    ("phone", "website", "email"),
    ("phone", "email"),
)


@dataclass(frozen=True)
class SlipExtras:
    """What a slip in the visitor's language adds to the plain one, for measuring.

    `beside_need`: the original need printed under the translated one; `top_beside`: the
    first label in the original, beside the visitor's; `note`: the small print saying
    that texts marked * are in the original; `own_names_only`: language names in their
    own script only (the visitor's slip has no language to name them in).
    """

    beside_need: str | None = None
    top_beside: str | None = None
    note: str | None = None
    own_names_only: bool = False


@dataclass(frozen=True)
class SlipFit:
    """How a slip is set: its type step, grid columns, which details and actors it shows."""

    type: str
    columns: int
    details: tuple[str, ...]
    own_names_only: bool
    shown: int
    more: bool
    qr: bool = False
    write_in: bool = True  # the lines for the visitor's own contact and next step

    def as_dict(self) -> dict[str, Any]:
        """Plain data for the template."""
        return {
            "type": self.type,
            "columns": self.columns,
            "details": list(self.details),
            "own_names_only": self.own_names_only,
            "shown": self.shown,
            "more": self.more,
            "qr": self.qr,
            "write_in": self.write_in,
        }


def slip_columns(actors: int, geometry: SlipGeometry = NORMAL) -> int:
    """Grid columns: one actor beside the bring list, four in two rows of two, else three.

    Large print never has more than two columns.
    """
    if actors <= 2 or actors == 4 or geometry.name == "large":
        return 2
    return 3


def _detail_texts(
    actor: dict[str, Any], details: Sequence[str], words: dict[str, str]
) -> list[str]:
    """The contact lines of one actor box, as the template prints them."""
    contact = actor["contact"]
    texts = []
    for key in details:
        value = contact.get(key)
        if not value:
            continue
        if key == "phone":
            texts.append(f"{words['phone_short']} {value}")
        elif key in ("website", "chat"):
            shown = str(value).split("://", 1)[-1].rstrip("/")
            texts.append(f"{words['chat']}: {shown}" if key == "chat" else shown)
        elif key == "opening_hours":
            texts.append(f"{words['opening_hours_short']}: {value}")
        else:
            texts.append(str(value))
    return texts


def languages_text(actor: dict[str, Any], own_names_only: bool, words: dict[str, str]) -> str:
    """The "help in" line of an actor box, as the template prints it ('' without languages)."""
    items = actor.get("language_items") or []
    if not items:
        return ""
    if own_names_only:
        names = [item["own"] or item["name"] for item in items]
    else:
        names = [
            f"{item['name']} ({item['own']})" if item["own"] else item["name"] for item in items
        ]
    return f"{words['slip_help_in']}: " + ", ".join(names)


def _box_height(
    actor: dict[str, Any],
    width: float,
    kind: SlipType,
    details: Sequence[str],
    own_names_only: bool,
    geometry: SlipGeometry,
    qr: bool,
    words: dict[str, str],
) -> float:
    has_qr = qr and bool(actor["contact"].get("website"))
    text_width_mm = width - (geometry.qr + 2.0 if has_qr else 0.0)
    height = text_height(actor["name"], text_width_mm, kind.actor, LINE_HEIGHT, "bold")
    for line in _detail_texts(actor, details, words):
        height += text_height(line, text_width_mm, kind.contact, LINE_HEIGHT)
    height += text_height(
        languages_text(actor, own_names_only, words), text_width_mm, kind.languages, LINE_HEIGHT
    )
    if has_qr:
        height = max(height, geometry.qr)
    return height + geometry.box_gap


def _grid_height(
    actors: Sequence[dict[str, Any]],
    columns: int,
    kind: SlipType,
    details: Sequence[str],
    own_names_only: bool,
    geometry: SlipGeometry,
    qr: bool,
    ticks: bool,
    words: dict[str, str],
) -> float:
    # Each box is an equal share of the width with the gap as its end padding (the CSS).
    inner = geometry.content_width / columns - geometry.gap - (geometry.tick if ticks else 0.0)
    heights = [
        _box_height(actor, inner, kind, details, own_names_only, geometry, qr, words)
        for actor in actors
    ]
    return sum(max(heights[i : i + columns]) for i in range(0, len(heights), columns))


def fit_slip(
    slip: dict[str, Any],
    boxes: Sequence[dict[str, Any]],
    geometry: SlipGeometry,
    words: dict[str, str],
    *,
    qr: bool = False,
    extras: SlipExtras | None = None,
) -> SlipFit:
    """The largest type and the most detail with which `slip` fits its cell.

    `slip` is a public row view; `boxes` are the actors it refers to, or the library
    when it refers to none (each with `name`, `contact` and `language_items`). Tried in
    order (with `qr`, first with the QR codes, which are kept only with every detail):
    every detail at each type step; then without opening hours and address,
    then without chat; language names in their own script only; then fewer actors;
    last, the first actor with its phone alone, with the write-in lines and then without.
    Whatever is left out is announced by the "more at the desk" line. `words` are the
    slip's labels; `extras` what a slip in the visitor's language adds.
    """
    extras = extras or SlipExtras()
    count = len(boxes)
    candidates = [
        (kind, details, own_only)
        for details in DETAIL_LEVELS
        for own_only in ((True,) if extras.own_names_only else (False, True))
        for kind in geometry.types
    ]
    # More actors first, then every channel, then the QR codes (they take a box's width),
    # then detail and type: a code repeats the web address printed beside it, so it is
    # never bought with the visitor's address or opening hours.
    for shown in range(count, 0, -1):
        # One box left of several has the whole width (the bring list is on its own line).
        columns = 1 if shown == 1 and count > 1 else slip_columns(shown, geometry)
        for with_qr in (True, False) if qr else (False,):
            for kind, details, own_only in candidates:
                if with_qr and details != DETAIL_LEVELS[0]:
                    continue
                more = shown < count or _drops(boxes[:shown], details)
                available = _available(slip, count, geometry, kind, more, extras, words)
                used = _grid_height(
                    boxes[:shown],
                    columns,
                    kind,
                    details,
                    own_only,
                    geometry,
                    with_qr,
                    count > 1,
                    words,
                )
                if count == 1 and slip["requires"]:
                    used = max(used, _bring_box(slip["requires"], columns, kind, geometry, words))
                if used <= available:
                    return SlipFit(
                        kind.name, columns, tuple(details), own_only, shown, more, with_qr
                    )
    last = _one_channel(slip, boxes, geometry, words, extras)
    if last is not None:
        return last
    # Not even one box fits: the grid wins, and the desk gives the details.
    return SlipFit(
        geometry.types[-1].name, slip_columns(count, geometry), DETAIL_LEVELS[-1], True, 0, True
    )


def _one_channel(
    slip: dict[str, Any],
    boxes: Sequence[dict[str, Any]],
    geometry: SlipGeometry,
    words: dict[str, str],
    extras: SlipExtras,
) -> SlipFit | None:
    """The last steps before an empty grid: the first box with its phone alone.

    A slip that names no place at all sends the visitor nowhere, so one channel of one
    actor is worth more than its second (its email), and more than the blank lines for
    the visitor's own contact and next step, which go last. Language names in their own
    script only, as in the last steps before.
    """
    if not boxes[0]["contact"].get("phone"):
        return None
    count = len(boxes)
    columns = 1 if count > 1 else slip_columns(1, geometry)
    for write_in in (True, False):
        for kind in geometry.types:
            available = _available(slip, count, geometry, kind, True, extras, words, write_in)
            used = _grid_height(
                boxes[:1], columns, kind, ("phone",), True, geometry, False, count > 1, words
            )
            if count == 1 and slip["requires"]:
                used = max(used, _bring_box(slip["requires"], columns, kind, geometry, words))
            if used <= available:
                return SlipFit(kind.name, columns, ("phone",), True, 1, True, write_in=write_in)
    return None


def _drops(boxes: Sequence[dict[str, Any]], details: Sequence[str]) -> bool:
    """Whether a box has a channel that `details` leaves out."""
    return any(
        value and key not in details
        for box in boxes
        for key, value in box["contact"].items()
        if key in DETAIL_LEVELS[0]
    )


def _available(
    slip: dict[str, Any],
    count: int,
    geometry: SlipGeometry,
    kind: SlipType,
    more: bool,
    extras: SlipExtras,
    words: dict[str, str],
    write_in: bool = True,
) -> float:
    """Height left for the actor grid once the fixed parts and the need are set.

    The fixed parts are one line each when their words fit one line (every plain slip
    the bundled example has); a longer label, bring line or write-in label (a
    translated slip) takes the lines it needs.
    """
    width = geometry.content_width
    label = LABEL_SIZE[geometry.name]
    need = (
        text_height(slip["need"], width, kind.need, NEED_LINE_HEIGHT, "bold")
        + 0.25 * kind.need * MM_PER_PT
    )
    if extras.beside_need:
        need += text_height(extras.beside_need, width, kind.beside, LINE_HEIGHT)
    top = words["slip_need"] + (f" · {extras.top_beside}" if extras.top_beside else "")
    # The first label shares its line with "Referral · <library>" (about a third).
    labels = _extra_lines(top.upper(), width * 0.62, label, "bold") + _extra_lines(
        words["slip_go_to"].upper(), width, label, "bold"
    )
    # The write-in line and the checked date sit at the bottom of the cell.
    write_width = width / 2 - 7.0
    write_lines = max(
        _extra_lines(words[key] + ":", write_width, label)
        for key in ("slip_own_contact", "slip_next_step")
    )
    fixed = 2 * geometry.label + labels * label * LINE_HEIGHT * MM_PER_PT + need
    if write_in:
        fixed += geometry.write_in + write_lines * label * LINE_HEIGHT * MM_PER_PT
    if slip["requires"] and count != 1:
        bring = BRING_SIZE[geometry.name]
        extra = _bring_lines(slip["requires"], width, bring, label, words) - 1
        fixed += geometry.bring + extra * bring * 1.25 * MM_PER_PT
    if slip.get("reviewed"):
        fixed += geometry.checked
    if more:
        fixed += geometry.more
    if extras.note:
        small = SMALL_SIZE[geometry.name]
        fixed += text_height(extras.note, width, small, LINE_HEIGHT) + 0.8
    return geometry.content_height - fixed


def _extra_lines(text: str, width: float, size: float, face: Face = "regular") -> int:
    """The lines `text` takes beyond its first."""
    return max(wrap_count(text, width, size, face) - 1, 0)


def _bring_lines(
    items: Sequence[str], width: float, size: float, label: float, words: dict[str, str]
) -> int:
    """Lines of the bring line: the label, then each thing with its tick box, unbroken."""
    limit = width / WIDTH_SAFETY
    used = text_width(words["slip_bring"].upper(), label, "bold") * MM_PER_PT + 2.0
    lines = 1
    for item in items:
        needed = 4.4 + text_width(item, size) * MM_PER_PT + 3.0
        if used + needed > limit and used > 0:
            lines += 1
            used = 0.0
        used += needed
    return lines


def _bring_box(
    items: Sequence[str],
    columns: int,
    kind: SlipType,
    geometry: SlipGeometry,
    words: dict[str, str],
) -> float:
    """The height of the bring list beside a single actor: its label, then one thing a line."""
    inner = geometry.content_width / columns - geometry.gap - 4.4
    label = LABEL_SIZE[geometry.name]
    height = text_height(words["slip_bring"].upper(), inner, label, LINE_HEIGHT, "bold") + 0.5
    for item in items:
        height += text_height(item, inner, kind.contact, LINE_HEIGHT)
    return height + geometry.box_gap


# --------------------------------------------------------------------------- quick reference


@dataclass(frozen=True)
class QuickGeometry:
    """The quick reference page, in mm and pt; mirrored by `quick-reference.html.j2`."""

    page_height: float = 297.0
    margin_top: float = 10.0
    margin_bottom: float = 12.0
    width: float = 190.0
    title: float = 14.5
    header_row: float = 5.5
    category_row: float = 5.0
    cell_padding_x: float = 1.5
    row_padding_y: float = 0.8
    number: float = 7.0
    need_share: float = 0.30
    can_share: float = 0.31
    need_size: float = 9.0
    text_size: float = 8.5
    where_size: float = 8.5
    line_height: float = 1.2

    def column(self, share: float) -> float:
        """Text width of a column that takes `share` of the width after the number column."""
        return (self.width - self.number) * share - 2 * self.cell_padding_x


QUICK: Final = QuickGeometry()


def where_text(actor: dict[str, Any]) -> str:
    """An actor on the quick reference: its name and one channel (the phone if it has one)."""
    contact = actor["contact"]
    key = quick_channel(contact)
    values = [str(contact[key]).split("://", 1)[-1].rstrip("/")] if key else []
    return " ".join([actor["name"], *values])


def quick_channel(contact: dict[str, Any]) -> str | None:
    """The one channel the quick reference prints: the phone, else web, email or chat."""
    return next((key for key in ("phone", "website", "email", "chat") if contact.get(key)), None)


def quick_reference_overflow(categories: Sequence[dict[str, Any]], words: dict[str, str]) -> float:
    """How many mm the quick reference runs past one A4 page (zero or less: it fits)."""
    q = QUICK
    need_width = q.column(q.need_share)
    can_width = q.column(q.can_share)
    where_width = q.column(1 - q.need_share - q.can_share)
    used = q.title + q.header_row
    for category in categories:
        used += q.category_row
        for row in category["rows"]:
            need = text_height(row["need"], need_width, q.need_size, q.line_height, "bold")
            can = text_height(
                row["library_short"] or words["quick_library_self"],
                can_width,
                q.text_size,
                q.line_height,
            )
            where = text_height(
                " · ".join(where_text(actor) for actor in row["actors"]) or words["no_referral"],
                where_width,
                q.where_size,
                q.line_height,
                "bold",
            )
            used += max(need, can, where) + 2 * q.row_padding_y
    return used - (q.page_height - q.margin_top - q.margin_bottom)
