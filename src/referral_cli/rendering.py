"""The one place that builds Jinja environments, and the filters every output uses.

Every command that writes a document from templates (handouts, agendas,
reports) calls `build_environment` and `render_template`:

```python
env = build_environment("html", template_dirs=[root / "templates"])
text = render_template(env, "desk-guide.html.j2", context)
```

What the environment guarantees:

- **StrictUndefined**: a missing variable is an error; `render_template`
  turns it into a `TemplateProblem` naming the template file and line.
- **Escaping by output**: `"html"` autoescapes (markupsafe); `"md"` escapes
  every printed value for Markdown (see `md_escape`), so data can never
  become markup; `"text"` prints values as they are (plain-text output only).
  Build markup in the template text, not in expressions: `**{{ name }}**`.
  Macro output is already escaped and is printed as it is.
- **Overrides by name**: `template_dirs` (a guideline repository's own
  `templates/`, or `--templates DIR`) are searched before the defaults that
  ship with referral. A default stays reachable as `default/<name>`, so an
  override can `{% extends "default/desk-guide.html.j2" %}` and replace
  one block.
- **Sandbox**: as soon as `template_dirs` is given the environment is an
  `ImmutableSandboxedEnvironment`: a repository's templates cannot reach
  Python internals or change the data.
- `None` prints as nothing, so an absent optional value never prints "None".

Templates receive plain data (dicts, lists, strings, numbers), never model
objects with methods.

Filters available in every environment: `safe_url` (the URL if it is a
complete http(s) address, else `None`), `display_url` (an address without
its scheme, for print), `css_string` (a quoted, escaped CSS string for
`content:` in `@page` rules), `md_escape`, `md_link` (a Markdown link, or the
escaped text when the URL is not safe), `paragraphs` (text split on blank
lines), `ltr_runs` (numbers and addresses in a right-to-left text kept left to
right; HTML only, the text as it is elsewhere), `address_text` (an address that
never breaks a line after its own hyphen; HTML) and `footer_line` (the page footer
shortened to its one line, see `referral_cli.fitting.footer_line`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from referral_cli.i18n import Phrase, phrase

OutputKind = Literal["html", "md", "text"]
OUTPUT_KINDS: tuple[OutputKind, ...] = ("html", "md", "text")
DEFAULT_PREFIX = "default"

_PACKAGE_DIR = Path(__file__).resolve().parent


def default_template_dir() -> Path:
    """The templates that ship with referral, inside the package (`referral_cli/templates`)."""
    return _PACKAGE_DIR / "templates"


# ---------------------------------------------------------------------------
# Filters


def safe_url(value: object) -> str | None:
    """Return `value` if it is a complete http(s) address safe to put in a link, else None.

    The loader already refuses other schemes; this check makes sure no
    `javascript:` (or any other) link is emitted even if the data came from
    somewhere else.
    """
    if not isinstance(value, str):
        return None
    url = value.strip()
    if any(ord(ch) <= 32 or ord(ch) == 127 or ch in '"<>\\`' for ch in url):
        return None
    scheme, separator, rest = url.partition("://")
    if not separator or scheme.lower() not in ("http", "https") or not rest.strip("/"):
        return None
    return url


def display_url(value: object) -> str:
    """A web address as people read it on paper: without `https://` and a trailing slash."""
    text = str(value).strip()
    if safe_url(text) is None:
        return text
    return text.split("://", 1)[1].rstrip("/")


_MD_INLINE = str.maketrans(
    {
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "|": "\\|",
        "~": "\\~",
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
    }
)
_MD_ORDERED_ITEM = re.compile(r"(\d+)([.)])")


def md_escape(value: object) -> str:
    """Escape text so Markdown shows it literally, on one line (safe in table cells).

    Whitespace runs (newlines too) become one space; characters with inline
    meaning are backslash-escaped; `<`, `>` and `&` become entities, so no raw
    HTML survives; a leading `#`, `-`, `+`, `=` or `1.` cannot start a block.
    """
    text = " ".join(str(value).split()).translate(_MD_INLINE)
    ordered = _MD_ORDERED_ITEM.match(text)
    if ordered:
        return ordered.group(1) + "\\" + text[ordered.end(1) :]
    if text[:1] in ("#", "-", "+", "="):
        return "\\" + text
    return text


def _md_destination(url: str) -> str:
    return url.replace("(", "%28").replace(")", "%29")


def md_link(url: object, text: object | None = None) -> Markup:
    """A Markdown link to `url` showing `text` (default: the address without its scheme).

    When `url` is not a safe http(s) address only the escaped text is returned.
    """
    shown = md_escape(display_url(url) if text is None else text)
    href = safe_url(url)
    if href is None:
        return Markup(shown)
    return Markup(f"[{shown}]({_md_destination(href)})")


def css_string(value: object) -> Markup:
    """A double-quoted CSS string; every character that could end it is hex-escaped.

    For data in generated CSS, e.g. `@bottom-left { content: {{ footer|css_string }}; }`.
    """
    text = str(value)
    out = []
    for i, ch in enumerate(text):
        if ch.isalnum() or ch in " .,:;!?-–—/()·+%=@#":
            out.append(ch)
        else:
            # A white space right after an escape ends it and is not printed: a space that
            # follows is written twice, so one stays.
            space = " " if text[i + 1 : i + 2] == " " else ""
            out.append(f"\\{ord(ch):06x}{space}")
    return Markup('"' + "".join(out) + '"')


# What stays left to right inside a right-to-left text: web and email addresses, and
# numbers with their separators (phone numbers, times, dates, ranges such as 10–19).
_LTR_RUN = re.compile(
    r"(?:https?://|www\.)[^\s<>]*[^\s<>.,;:!?)\]»”،؛؟]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\+?[0-9]+(?:[ \u00a0]?[-–—./:][ \u00a0]?[0-9]+|[ \u00a0][0-9]+)*"
)


def ltr_runs(value: object) -> Markup:
    """Text for a right-to-left page, its numbers and addresses kept left to right.

    Each run (`0771-567 567`, `10–19`, `1177.se`, an email address) is wrapped in
    `<span dir="ltr">`, an isolate in both print engines; without it the bidirectional
    algorithm shows `0771-567 567` as `567 0771-567`. The rest is escaped.
    """
    return _wrap_matches(str(value), _LTR_RUN, Markup('<span dir="ltr">%s</span>'))


def address_text(value: object) -> Markup:
    """A web or email address for print: a line may break anywhere but after a hyphen.

    A line ending in `kundcenter-` reads as a word broken in two, and the reader types
    the address without its hyphen. Each hyphen is kept on one line with the character
    after it (`<span class="hy">-o</span>`, `white-space: nowrap` in style.css); the
    text, and what is copied from it, stays the address as written.
    """
    return _wrap_matches(str(value), _HYPHEN_AND_NEXT, Markup('<span class="hy">%s</span>'))


_HYPHEN_AND_NEXT = re.compile(r"-+.")


def _wrap_matches(text: str, pattern: re.Pattern[str], wrapper: Markup) -> Markup:
    """`text` escaped, each match of `pattern` put into `wrapper` (a `%s` markup)."""
    parts: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(wrapper % match.group())
        last = match.end()
    parts.append(escape(text[last:]))
    return Markup("".join(parts))


def footer_line(value: object) -> str:
    """The page footer shortened to fit its one line (`referral_cli.fitting.footer_line`)."""
    from referral_cli.fitting import footer_line as fit

    return fit(str(value))


def paragraphs(value: object) -> list[str]:
    """Text split into paragraphs at blank lines (empty parts dropped)."""
    return [part.strip() for part in re.split(r"\n\s*\n", str(value)) if part.strip()]


FILTERS: Mapping[str, Any] = {
    "safe_url": safe_url,
    "display_url": display_url,
    "css_string": css_string,
    "md_escape": md_escape,
    "md_link": md_link,
    "paragraphs": paragraphs,
    "ltr_runs": ltr_runs,
    "address_text": address_text,
    "footer_line": footer_line,
}


def _finalize_html(value: object) -> object:
    return "" if value is None else value


def _finalize_md(value: object) -> object:
    if value is None:
        return Markup("")
    if hasattr(value, "__html__"):
        return value  # macro output or a filter's Markdown: already escaped
    return Markup(md_escape(value))


# ---------------------------------------------------------------------------
# Environment


class ContainedLoader(BaseLoader):
    """Templates from one folder of a guideline repository, and nothing outside it.

    A name may only lead to a regular file inside `directory` once every link is
    followed: a link to `/proc/self/environ`, `/etc/passwd`, `/dev/zero` or the
    repository's own `data/` is refused (a located `TemplateProblem`) before it is read.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        """The template's text, file name and freshness check; refuse what leaves the folder."""
        parts = split_template_path(template)
        candidate = self.directory.joinpath(*parts)
        if not os.path.lexists(candidate):
            raise TemplateNotFound(template)
        target = Path(os.path.realpath(candidate))
        inside = target.is_relative_to(Path(os.path.realpath(self.directory)))
        if not inside or not target.is_file():
            message = "the template is a link out of the templates folder"
            reason = phrase("render.template-link")
            raise TemplateProblem(message, candidate, 1, reason)
        text = target.read_text(encoding="utf-8")
        mtime = target.stat().st_mtime
        return text, str(candidate), lambda: target.stat().st_mtime == mtime


# What a repository's template may make with `*` and `**`: far more than any handout
# needs, far less than the memory of the machine that renders it (a CI runner). Jinja's
# sandbox bounds `range` alone; `{{ "x" * 10**9 }}` would take gigabytes.
MAX_REPEATED = 1_000_000  # characters or items made by repeating a text or a list
MAX_EXPONENT = 1_000


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The sandbox for a repository's templates, with `*` and `**` bounded."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """`left operator right`, refused (SecurityError) when it would be too large."""
        if operator == "*":
            for sized, count in ((left, right), (right, left)):
                if (
                    isinstance(sized, str | list | tuple)
                    and isinstance(count, int)
                    and len(sized) * count > MAX_REPEATED
                ):
                    raise SecurityError(f"'{operator}' makes a value too large")
        elif (
            operator == "**"
            and isinstance(right, int)
            and abs(right) > MAX_EXPONENT
            and isinstance(left, int | float)
            and abs(left) > 1
        ):
            raise SecurityError(f"'{operator}' makes a value too large")
        return super().call_binop(context, operator, left, right)


def build_environment(output: OutputKind, template_dirs: Sequence[Path] = ()) -> Environment:
    """Build the Jinja environment for one output kind: `"html"`, `"md"` or `"text"`.

    `template_dirs` are searched, in order, before the default templates; they
    come from a guideline repository, so their presence makes the environment
    sandboxed. See the module docstring for the guarantees.
    """
    if output not in OUTPUT_KINDS:
        raise ValueError(f"unknown output kind {output!r}: choose one of {OUTPUT_KINDS}")
    defaults = default_template_dir()
    loader = ChoiceLoader(
        [
            *(ContainedLoader(directory) for directory in template_dirs),
            FileSystemLoader(str(defaults)),
            PrefixLoader({DEFAULT_PREFIX: FileSystemLoader(str(defaults))}),
        ]
    )
    environment_class = BoundedSandbox if template_dirs else Environment
    env = environment_class(
        loader=loader,
        undefined=StrictUndefined,
        autoescape=output != "text",
        finalize={"html": _finalize_html, "md": _finalize_md, "text": _finalize_html}[output],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(FILTERS)
    if output != "html":  # only HTML has lines and a direction to keep; elsewhere as it is
        env.filters["ltr_runs"] = _finalize_md if output == "md" else str
        env.filters["address_text"] = _finalize_md if output == "md" else str
    env.globals["output_kind"] = output
    return env


# ---------------------------------------------------------------------------
# Rendering with located errors


@dataclass
class TemplateProblem(Exception):
    """A template failed: `path` and `line` say where (when known), `message` what.

    `message` is Jinja's own (English) account, for a bug report; `reason` words it
    from the catalogue for the user (`template_reason`).
    """

    message: str
    path: Path | None = None
    line: int | None = None
    reason: Phrase | None = None

    def __post_init__(self) -> None:
        super().__init__(self.describe())

    def describe(self) -> str:
        """`path:line: message`, or just the message when the place is unknown."""
        if self.path is None:
            return self.message
        return f"{self.path}:{self.line or 1}: {self.message}"

    def worded(self) -> Phrase:
        """What went wrong, in the catalogue's words."""
        return self.reason or phrase("render.template-failed", kind="TemplateProblem")


_QUOTED = re.compile(r"'([^']*)'")


def template_reason(exc: BaseException) -> Phrase:
    """What a template error means, in the catalogue's words rather than Jinja's.

    Jinja's texts are English; the name they quote (a variable, tag, filter or
    template) is kept, the words around it are ours.
    """
    text = getattr(exc, "message", None) or str(exc)
    quoted = _QUOTED.findall(text)
    if isinstance(exc, TemplateNotFound):
        return phrase("render.template-missing", name=exc.name)
    if isinstance(exc, SecurityError) and "too large" in text:
        return phrase("render.template-too-large", operator=quoted[0] if quoted else "*")
    if isinstance(exc, SecurityError) and quoted:
        return phrase("render.template-unsafe", name=quoted[0])
    if "is undefined" in text or "has no attribute" in text:
        return phrase("render.template-undefined", name=quoted[-1] if quoted else "?")
    if isinstance(exc, TemplateSyntaxError):
        if "unknown tag" in text and quoted:
            return phrase("render.template-unknown-tag", name=quoted[0])
        if "filter named" in text and quoted:
            return phrase("render.template-unknown-filter", name=quoted[0])
        if "end of template" in text:
            return phrase("render.template-unclosed")
        # A quoted token with spaces is Jinja's name for a kind of token ('end of
        # statement block'), English words; only a token as written is shown.
        tokens = [token for token in quoted if token and " " not in token]
        near = phrase("render.template-near", token=tokens[-1]) if tokens else None
        return phrase("render.template-syntax", near=near or phrase("common.empty"))
    return phrase("render.template-failed", kind=type(exc).__name__)


def _template_frame(exc: BaseException) -> tuple[Path, int] | None:
    """The innermost template frame of `exc`'s traceback (Jinja rewrites them to the source)."""
    found = None
    tb = exc.__traceback__
    while tb is not None:
        if "__jinja_exception__" in tb.tb_frame.f_globals:
            found = (Path(tb.tb_frame.f_code.co_filename), tb.tb_lineno)
        tb = tb.tb_next
    return found


def render_template(env: Environment, name: str, context: Mapping[str, Any]) -> str:
    """Render template `name` with `context`; any failure becomes a located `TemplateProblem`."""
    try:
        return env.get_template(name).render(context)
    except TemplateProblem:
        raise
    except TemplateSyntaxError as exc:
        path = Path(exc.filename) if exc.filename else None
        message = f"template syntax error: {exc.message}"
        raise TemplateProblem(message, path, exc.lineno, template_reason(exc)) from None
    except Exception as exc:
        where = _template_frame(exc)
        from_jinja = type(exc).__module__.startswith("jinja2")
        if where is None and not from_jinja:
            raise  # not raised while a template ran: a bug, not a template problem
        message = str(exc) or type(exc).__name__
        detail = (
            f"template error: {message}"
            if from_jinja
            else f"template error ({type(exc).__name__}): {message}"
        )
        reason = template_reason(exc)
        if where is None:
            raise TemplateProblem(detail, reason=reason) from None
        raise TemplateProblem(detail, where[0], where[1], reason) from None
