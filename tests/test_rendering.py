"""The Jinja environment, its filters and the label catalogue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from jinja2.sandbox import SandboxedEnvironment

from referral_cli.commands.render import HANDOUTS, PAGES
from referral_cli.i18n import label_keys
from referral_cli.rendering import (
    TemplateProblem,
    address_text,
    build_environment,
    css_string,
    default_template_dir,
    display_url,
    ltr_runs,
    md_escape,
    md_link,
    paragraphs,
    render_template,
    safe_url,
)
from tests.conftest import write_tree

# ---------------------------------------------------------------------------
# Filters


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mån–fre 9–16, lör 11–15.", "Mån–fre 9–16, lör 11–15."),
        ("0771-567 567 kl. 10:30", "0771-567 567 kl. 10:30"),
        ("a*b*", "a\\*b\\*"),
        ("snake_case", "snake\\_case"),
        ("`kod`", "\\`kod\\`"),
        ("a|b", "a\\|b"),
        ("~~struken~~", "\\~\\~struken\\~\\~"),
        ("[x](javascript:y)", "\\[x\\](javascript:y)"),
        ("![bild](https://x)", "!\\[bild\\](https://x)"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("AT&T &lt;", "AT&amp;T &amp;lt;"),
        ("back\\slash", "back\\\\slash"),
        ("# rubrik", "\\# rubrik"),
        ("C# och F#", "C# och F#"),
        ("- punkt", "\\- punkt"),
        ("+46 70", "\\+46 70"),
        ("=== ", "\\==="),
        ("> citat", "&gt; citat"),
        ("1. lista", "1\\. lista"),
        ("12) lista", "12\\) lista"),
        ("1177 Vårdguiden", "1177 Vårdguiden"),
        ("  rad ett\n\nrad  två\t", "rad ett rad två"),
        ("", ""),
        (42, "42"),
    ],
)
def test_md_escape(text: object, expected: str) -> None:
    assert md_escape(text) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.skatteverket.se", "https://www.skatteverket.se"),
        ("http://example.se/a?b=c#d", "http://example.se/a?b=c#d"),
        ("HTTPS://EXAMPLE.SE", "HTTPS://EXAMPLE.SE"),
        ("  https://example.se  ", "https://example.se"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("java\nscript:alert(1)", None),
        ("https://x.se/\njavascript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("vbscript:x", None),
        ("ftp://example.se", None),
        ("//example.se", None),
        ("www.example.se", None),
        ("https://", None),
        ("https:///", None),
        ("https://exa mple.se", None),
        ('https://x.se/"onmouseover="alert(1)', None),
        ("https://x.se/<b>", None),
        ("https://x.se/\\y", None),
        ("https://x.se/\x00", None),
        (None, None),
        (5, None),
    ],
)
def test_safe_url(url: object, expected: str | None) -> None:
    assert safe_url(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.skatteverket.se/", "www.skatteverket.se"),
        ("http://example.se/a/b", "example.se/a/b"),
        ("javascript:alert(1)", "javascript:alert(1)"),
    ],
)
def test_display_url(url: str, expected: str) -> None:
    assert display_url(url) == expected


def test_md_link() -> None:
    assert md_link("https://www.1177.se/") == "[www.1177.se](https://www.1177.se/)"
    assert md_link("https://x.se/a_(b)", "Se *här*") == "[Se \\*här\\*](https://x.se/a_%28b%29)"
    assert md_link("javascript:alert(1)") == "javascript:alert(1)"
    assert md_link("javascript:alert(1)", "[klick]") == "\\[klick\\]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Älvstads bibliotek · 2026-10-07", '"Älvstads bibliotek · 2026-10-07"'),
        ('a"b', '"a\\000022b"'),
        ("a\\b", '"a\\00005cb"'),
        ("</style><script>", '"\\00003c/style\\00003e\\00003cscript\\00003e"'),
        ("rad\nny", '"rad\\00000any"'),
        ("'}", '"\\000027\\00007d"'),
        # CSS takes one white space after an escape as its end: a space after an escaped
        # character is doubled, or it is lost ("med… · Återkoppling" printed "med…· ").
        ("med… · x", '"med\\002026  · x"'),
        ("a\u2069 b\u2069\tc", '"a\\002069  b\\002069\\000009c"'),
    ],
)
def test_css_string(text: str, expected: str) -> None:
    assert css_string(text) == expected


def test_paragraphs() -> None:
    assert paragraphs("Ett.\nFortsätter.\n\n  Två.\n \n\n") == ["Ett.\nFortsätter.", "Två."]
    assert paragraphs("") == []


# ---------------------------------------------------------------------------
# Environment


def _render_string(output: str, source: str, tmp_path: Path, **context: object) -> str:
    """Render `source` as a repository template (sandboxed)."""
    folder = write_tree(tmp_path / "templates", {"t.j2": source})
    env = build_environment(output, [folder])  # type: ignore[arg-type]
    return render_template(env, "t.j2", context)


def test_html_autoescapes(tmp_path: Path) -> None:
    assert _render_string("html", "<p>{{ x }}</p>", tmp_path, x="<b>&") == "<p>&lt;b&gt;&amp;</p>"


def test_md_escapes_every_value_but_not_macro_output(tmp_path: Path) -> None:
    source = (
        "{% macro strong(x) %}**{{ x }}**{% endmacro %}"
        "{{ strong(x) }} {{ x }} {{ url|md_link }} {{ labels|join(', ') }} {{ missing }}."
    )
    result = _render_string(
        "md",
        source,
        tmp_path,
        x="a_b <i>",
        url="https://x.se",
        labels=["*a*", "b|c"],
        missing=None,
    )
    assert result == ("**a\\_b &lt;i&gt;** a\\_b &lt;i&gt; [x.se](https://x.se) \\*a\\*, b\\|c .")


def test_text_output_prints_values_as_they_are(tmp_path: Path) -> None:
    assert _render_string("text", "{{ x }}{{ n }}", tmp_path, x="<*_>", n=None) == "<*_>"


def test_none_prints_as_nothing(tmp_path: Path) -> None:
    assert _render_string("html", "[{{ x }}]", tmp_path, x=None) == "[]"


def test_unknown_output_kind() -> None:
    with pytest.raises(ValueError, match="unknown output kind 'pdf'"):
        build_environment("pdf")  # type: ignore[arg-type]


def test_missing_variable_names_template_and_line(tmp_path: Path) -> None:
    with pytest.raises(TemplateProblem) as caught:
        _render_string("html", "<p>\n{{ library.nmae }}\n</p>", tmp_path, library={"name": "B"})
    problem = caught.value
    assert problem.path == tmp_path / "templates" / "t.j2"
    assert problem.line == 2
    assert problem.message == "template error: 'dict object' has no attribute 'nmae'"
    assert str(problem) == f"{tmp_path / 'templates' / 't.j2'}:2: {problem.message}"


def test_missing_variable_in_an_included_template_names_that_template(tmp_path: Path) -> None:
    folder = write_tree(
        tmp_path / "templates",
        {"outer.j2": "a\n{% include 'inner.j2' %}\n", "inner.j2": "\n\n{{ nope }}\n"},
    )
    env = build_environment("html", [folder])
    with pytest.raises(TemplateProblem) as caught:
        render_template(env, "outer.j2", {})
    assert (caught.value.path, caught.value.line) == (folder / "inner.j2", 3)


def test_syntax_error_is_located(tmp_path: Path) -> None:
    with pytest.raises(TemplateProblem) as caught:
        _render_string("md", "ok\nok\n{% for x in %}\n", tmp_path)
    assert caught.value.line == 3
    assert caught.value.message.startswith("template syntax error: ")


def test_repository_templates_are_sandboxed(tmp_path: Path) -> None:
    assert not isinstance(build_environment("html"), SandboxedEnvironment)
    assert isinstance(build_environment("html", [tmp_path]), SandboxedEnvironment)
    with pytest.raises(TemplateProblem, match="unsafe"):
        _render_string("html", "{{ x.__class__.__mro__ }}", tmp_path, x={})
    with pytest.raises(TemplateProblem, match="unsafe"):
        _render_string("html", "{% set _ = x.update({'a': 1}) %}", tmp_path, x={})


def test_any_error_while_a_template_runs_is_located(tmp_path: Path) -> None:
    class Boom:
        def __str__(self) -> str:
            raise RuntimeError("boom")

    with pytest.raises(TemplateProblem) as caught:
        _render_string("text", "\n{{ x }}", tmp_path, x=Boom())
    assert caught.value.line == 2
    assert caught.value.message == "template error (RuntimeError): boom"


def test_missing_template(tmp_path: Path) -> None:
    with pytest.raises(TemplateProblem) as caught:
        render_template(build_environment("md", [tmp_path]), "nothing.md.j2", {})
    assert caught.value.path is None
    assert caught.value.message == "template error: nothing.md.j2"


def test_overrides_by_name_and_defaults_stay_reachable(tmp_path: Path) -> None:
    folder = write_tree(
        tmp_path / "templates",
        {"style.css": "own", "t.j2": '{% include "style.css" %}|{% include "default/style.css" %}'},
    )
    env = build_environment("html", [folder])
    own, default = render_template(env, "t.j2", {}).split("|")
    assert own == "own"
    assert default == (default_template_dir() / "style.css").read_text(encoding="utf-8")


def test_every_handout_has_a_default_template() -> None:
    folder = default_template_dir()
    for handout in HANDOUTS:
        for output in ("html",) if handout in PAGES else ("html", "md"):  # pages: HTML only
            assert (folder / f"{handout}.{output}.j2").is_file()


def test_templates_only_use_known_labels() -> None:
    used: set[str] = set()
    for path in default_template_dir().glob("*.j2"):
        text = path.read_text(encoding="utf-8")
        if "L." not in text:
            continue
        if not any(f"{handout}." in path.name for handout in HANDOUTS) and not path.name.startswith(
            ("base.", "macros.", "page-", "slip.")
        ):
            continue  # another command's template with its own labels
        used |= set(re.findall(r"\bL\.([a-z_]+)", text))
    assert used, "no labels found: the pattern is wrong"
    assert used <= label_keys(), sorted(used - label_keys())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اتصل 0771-567 567", 'اتصل <span dir="ltr">0771-567 567</span>'),
        (
            "الجمعة 10–19، السبت 10–16.",
            'الجمعة <span dir="ltr">10–19</span>، السبت <span dir="ltr">10–16</span>.',
        ),
        ("موقع www.1177.se، هنا", 'موقع <span dir="ltr">www.1177.se</span>، هنا'),
        ("انظر https://x.se/a-b.", 'انظر <span dir="ltr">https://x.se/a-b</span>.'),
        ("بريد info@alvstad.se", 'بريد <span dir="ltr">info@alvstad.se</span>'),
        ("٠١٢ و <b>", "٠١٢ و &lt;b&gt;"),  # Arabic-Indic digits run right to left already
        ("+46 771 567 567", '<span dir="ltr">+46 771 567 567</span>'),
    ],
)
def test_ltr_runs_keeps_numbers_and_addresses_left_to_right(text: str, expected: str) -> None:
    assert ltr_runs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("www.skatteverket.se", "www.skatteverket.se"),
        ("a-b.se/c", 'a<span class="hy">-b</span>.se/c'),
        ("x--y@z-<.se", 'x<span class="hy">--y</span>@z<span class="hy">-&lt;</span>.se'),
        ("slut-", "slut-"),  # nothing after it to keep on its line
    ],
)
def test_address_text_keeps_each_hyphen_with_the_next_character(text: str, expected: str) -> None:
    assert address_text(text) == expected


def test_address_text_is_html_only(tmp_path: Path) -> None:
    assert _render_string("md", "{{ x|address_text }}", tmp_path, x="a-b_c.se") == "a-b\\_c.se"
    assert _render_string("text", "{{ x|address_text }}", tmp_path, x="a-b.se") == "a-b.se"


def test_ltr_runs_is_html_only(tmp_path: Path) -> None:
    assert _render_string("md", "{{ x|ltr_runs }}", tmp_path, x="رقم 1_2") == "رقم 1\\_2"
    assert _render_string("text", "{{ x|ltr_runs }}", tmp_path, x="رقم 12") == "رقم 12"
