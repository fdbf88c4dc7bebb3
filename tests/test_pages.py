"""The desk page and the public page without a browser: data, escaping, CSP, privacy.

What the pages do in a browser (search parity with lookup, keyboard, axe, the printed
slip) is in tests/test_pages_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
import zlib
from html import escape
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from referral_cli.cli import app
from referral_cli.commands import render as render_core
from referral_cli.commands.render import PAGES, RenderOptions, render_handouts
from referral_cli.pages import (
    _docs_text,
    _posting_text,
    contact_data,
    index_data,
    page_script,
    script_hash,
    script_json,
)
from referral_cli.row_index import RowIndex
from referral_cli.rules.loading import load_valid_guidelines
from referral_cli.views import helps_in, sort_key
from tests.conftest import write_tree
from tests.test_render import FIXTURE_TREE, REVISION, _hostile_guidelines

REPO = Path(__file__).resolve().parents[1]
BUDGET = 250_000  # bytes: the bundled example's desk page (issue 13)

# Every field the public page must never show, each set to a marker (dates: their own).
MARKERS = {
    "relationship.owner": "MARKER-RELATIONSHIP-OWNER",
    "relationship.wanted_collaboration": "MARKER-WANTED-COLLABORATION",
    "relationship.last_contact": "2019-01-02",
    "relationship.informed": "2019-01-03",
    "notes": "MARKER-ACTOR-NOTES",
    "row.owner": "MARKER-ROW-OWNER",
    "row.phrasing": "MARKER-STAFF-PHRASING",
    "entry.description": "MARKER-ENTRY-DESCRIPTION",
    "entry.reflection": "MARKER-ENTRY-REFLECTION",
    "entry.recorded_by": "MARKERRB",
}
MARKED_TREE = {
    "data/library.yaml": "name: Markörbiblioteket\nlanguage: sv\n",
    "data/actors.yaml": f"""\
actors:
  - id: skatteverket
    name: Skatteverket
    kind: authority
    scope: national
    description: Myndighet för folkbokföring.
    helps_with: [Folkbokföring]
    contact: {{phone: 0771-567 567, website: "https://www.skatteverket.se"}}
    relationship:
      status: established
      owner: {MARKERS["relationship.owner"]}
      last_contact: {MARKERS["relationship.last_contact"]}
      informed: {MARKERS["relationship.informed"]}
      wanted_collaboration: {MARKERS["relationship.wanted_collaboration"]}
    notes: {MARKERS["notes"]}
""",
    "data/matrix.yaml": f"""\
categories:
  - id: dokument
    title: Dokument
    rows:
      - id: folkbokforing
        need: Flytta och folkbokföring
        library_can: Visa Skatteverkets e-tjänst.
        solution: Skatteverket sköter folkbokföringen.
        refer_to: [skatteverket]
        phrasing: {MARKERS["row.phrasing"]}
        owner: {MARKERS["row.owner"]}
        keywords: [flytta]
""",
    "data/inventory/2026/2026-08-20-marker-000001.yaml": f"""\
date: 2026-08-20
description: {MARKERS["entry.description"]}
reflection: {MARKERS["entry.reflection"]}
recorded_by: {MARKERS["entry.recorded_by"]}
""",
}


def render_pages(root: Path, **options: object) -> dict[str, str]:
    files = render_handouts(root, RenderOptions(handouts=PAGES, revision=REVISION, **options))  # type: ignore[arg-type]
    return {name: content.decode("utf-8") for name, content in files.items()}


@pytest.fixture(scope="module")
def bundled() -> dict[str, str]:
    return render_pages(REPO)


@pytest.fixture(scope="module")
def fixture_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return render_pages(write_tree(tmp_path_factory.mktemp("pages") / "repo", FIXTURE_TREE))


def page_data(html: str, part: str = "data") -> Any:
    found = re.search(
        rf'<script type="application/json" id="page-{part}">(.*?)</script>', html, re.S
    )
    assert found
    return json.loads(found.group(1))


# --------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    "value",
    ["</script><script>alert(1)</script>", "<!-- x -->", "a & b > c", "rad\u2028två\u2029", "åäö"],
)
def test_script_json_cannot_end_its_script_element(value: str) -> None:
    text = script_json({"text": value, "list": [value]})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"text": value, "list": [value]}
    assert "åäö" in script_json("åäö")  # UTF-8, not \\u escapes


def test_contact_data_links_only_safe_addresses() -> None:
    contact = {
        "phone": "0771-567 567",
        "website": "javascript:alert(1)",
        "chat": "https://chat.example.se",
        "email": None,
        "address": "Torget 2",
        "opening_hours": None,
    }
    data = contact_data(contact)
    assert data["website_href"] is None and data["website"] == "javascript:alert(1)"
    assert data["chat_href"] == "https://chat.example.se"
    assert data["phone_href"] == "tel:0771-567567"
    assert data["email"] is None and data["email_href"] is None


def decode_postings(text: str, factors: list[float]) -> dict[int, float]:
    """What search.js's `Index.postings` reads from `_posting_text` (the same steps)."""
    found: dict[int, float] = {}
    doc = 0
    for step, code in re.findall(r"([0-9a-z]+)(_[A-Z]{2}|[A-Z])", text):
        doc += int(step, 36)
        letters = code.lstrip("_")
        number = 0
        for letter in letters:
            number = number * 26 + ord(letter) - 65
        found[doc] = factors[number]
    assert "".join(re.findall(r"[0-9a-z]+(?:_[A-Z]{2}|[A-Z])", text)) == text
    return found


@pytest.mark.parametrize(
    ("pairs", "text"),
    [
        ([(3, 0), (7, 2)], "3A4C"),
        ([(0, 25), (36, 26), (1331, 675)], "0Z10_BAzz_ZZ"),
        ([], ""),
    ],
)
def test_posting_text(pairs: list[tuple[int, int]], text: str) -> None:
    assert _posting_text(pairs) == text
    factors = [float(n) for n in range(676)]
    assert decode_postings(text, factors) == {doc: float(f) for doc, f in pairs}


def test_docs_text() -> None:
    assert _docs_text({40, 3, 7}) == "3 4 x"
    assert _docs_text(()) == ""


def test_index_data_is_the_index_lookup_searches() -> None:
    index = RowIndex.build(load_valid_guidelines(REPO, inventory=False)).index
    data = index_data(index)
    state = index.to_state()
    assert data["terms"] == list(state["sorted"]) == index.vocabulary
    for term, text in zip(data["terms"], data["postings"], strict=True):
        assert decode_postings(text, data["factors"]) == index._postings[term], term
    assert [index.surface(t) for t in data["terms"]] == [
        s or t for t, s in zip(data["terms"], data["surface"], strict=True)
    ]
    assert data["keys"] == [doc.key for doc in index.docs]


def test_the_script_hash_is_the_script_s_sha256() -> None:
    script = page_script()
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert script_hash(script) == f"sha256-{digest}"
    assert "//" not in "".join(line for line in script.splitlines() if line.startswith("//"))
    assert "ReferralSearch" in script and "referralPage" in script


# --------------------------------------------------------------------------- the pages


@pytest.mark.parametrize("name", ["desk-page.html", "public-page.html"])
def test_a_page_is_self_contained_and_runs_only_its_own_script(
    bundled: dict[str, str], name: str
) -> None:
    html = bundled[name]
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert csp
    policy = csp.group(1)
    assert "default-src 'none'" in policy and "base-uri 'none'" in policy
    assert "form-action 'none'" in policy and "unsafe-eval" not in policy
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    executable = [body for attributes, body in scripts if "type=" not in attributes]
    assert len(executable) == 1
    assert f"script-src '{script_hash(executable[0])}';" in policy
    inert = ('type="application/json"', 'type="text/html"', 'type="text/plain"')
    assert all(
        any(t in attributes for t in inert) for attributes, _ in scripts if "type=" in attributes
    )
    assert not re.search(r"<(link|img|iframe|object|embed|base)\b", html)
    assert not re.search(r"\bsrc\s*=", html)
    assert "@import" not in html
    assert re.findall(r"url\((?!data:font/woff2;base64,)", html) == []


def test_the_bundled_desk_page_keeps_its_weight_budget(bundled: dict[str, str]) -> None:
    size = len(bundled["desk-page.html"].encode())
    assert size <= BUDGET, f"desk-page.html is {size} bytes, over the {BUDGET} budget"


def test_pages_are_byte_identical_for_the_same_data(
    bundled: dict[str, str], tmp_path: Path
) -> None:
    again = render_pages(REPO)
    assert again == bundled
    # Another process, another hash seed: sets inside the index must not change the bytes.
    code = (
        "import sys; from pathlib import Path; "
        "from referral_cli.commands.render import PAGES, RenderOptions, render_handouts; "
        "files = render_handouts(Path(sys.argv[1]), "
        "RenderOptions(handouts=PAGES, revision=sys.argv[3])); "
        "[Path(sys.argv[2], name).write_bytes(content) for name, content in files.items()]"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run(
        [sys.executable, "-c", code, str(REPO), str(tmp_path), REVISION],
        check=True,
        env=env,
        timeout=300,
    )
    for name, text in bundled.items():
        assert (tmp_path / name).read_text(encoding="utf-8") == text, name


def test_the_desk_page_shows_version_browsing_checklist_and_directory(
    bundled: dict[str, str],
) -> None:
    html = bundled["desk-page.html"]
    guidelines = load_valid_guidelines(REPO, inventory=False)
    assert f'Senast granskad <span class="date">{guidelines.library.reviewed}</span>' in html
    assert f"Version {REVISION}" in html
    assert "Intern – inte till besökare" in html
    for _, row in guidelines.matrix.rows():
        assert f'<a href="#rad-{row.id}" data-row="{row.id}">' in html
    for step in guidelines.matrix.checklist + guidelines.matrix.closing:
        assert step.step in html
    for actor in guidelines.actors.actors:
        assert f'id="aktor-{actor.id}"' in html
    assert '<a href="tel:0771-567567">0771-567 567</a>' in html  # Skatteverket's phone
    assert '<a href="mailto:bibliotek@alvstad.se">' not in html  # the library is no actor
    rows = page_data(html, "rows")
    assert [row["id"] for row in rows] == [row.id for _, row in guidelines.matrix.rows()]
    # One slip sheet per row, in the page's language, plus the slips' head and lines.
    sheets = re.search(r'<script type="text/plain" id="slip-sheets-sv">(.*?)</script>', html, re.S)
    assert sheets and len(sheets.group(1).split("\n")) == len(rows)
    assert 'id="slip-head"' in html and "@page { size: A4; margin: 0; }" in html
    assert 'id="slip-lines"' in html


def slip_sheets(html: str) -> tuple[list[str], dict[str, list[str]]]:
    """The desk page's table of slip lines (inflated) and its sheets by slip language."""
    packed = re.search(r'<script type="text/plain" id="slip-lines">(.*?)</script>', html, re.S)
    assert packed
    lines = zlib.decompress(base64.b64decode(packed.group(1))).decode("utf-8").split("\n")
    found = re.findall(
        r'<script type="text/plain" id="slip-sheets-([^"]+)">(.*?)</script>', html, re.S
    )
    return lines, {key: text.split("\n") for key, text in found}


def test_the_desk_page_prints_the_slip_in_every_translated_language(
    bundled: dict[str, str],
) -> None:
    html = bundled["desk-page.html"]
    guidelines = load_valid_guidelines(REPO, inventory=False, translations=True)
    assert guidelines.translations  # the bundled example has some
    rows = [row["id"] for row in page_data(html, "rows")]
    lines, sheets = slip_sheets(html)
    assert set(sheets) == {"sv", *(f"{code}+sv" for code in guidelines.translations)}
    for numbers in sheets.values():
        assert len(numbers) == len(rows)
        assert all(int(n, 36) < len(lines) for sheet in numbers for n in sheet.split())
    documents = page_data(html)["slip_documents"]
    assert documents["sv"] == {"lang": "sv", "dir": "ltr"}
    for code, loaded in guidelines.translations.items():
        assert documents[f"{code}+sv"] == {"lang": code, "dir": "rtl" if code == "ar" else "ltr"}
        # A translated row's slip: the translation, with the original need beside it.
        row_id, translated = next(iter(loaded.file.rows.items()))
        assert translated.need is not None
        number = rows.index(row_id)
        sheet = "\n".join(lines[int(n, 36)] for n in sheets[f"{code}+sv"][number].split())
        text = re.sub(r"<[^>]+>", "", sheet)  # numbers are wrapped left to right
        original = next(row.need for _, row in guidelines.matrix.rows() if row.id == row_id)
        assert escape(translated.need.text) in text and escape(original) in text


def test_the_visitor_language_menu_lists_translated_and_spoken_languages(
    bundled: dict[str, str],
) -> None:
    html = bundled["desk-page.html"]
    data = page_data(html)
    guidelines = load_valid_guidelines(REPO, inventory=False, translations=True)
    spoken = {code for actor in guidelines.actors.actors for code in actor.languages}
    menu = {item["code"]: item for item in data["visitor_languages"]}
    assert set(menu) == (set(guidelines.translations) | spoken) - {"sv"}
    for code, item in menu.items():
        assert item["slip"] == (f"{code}+sv" if code in guidelines.translations else None)
        assert f'<option value="{code}">{item["name"]}' in html
    assert menu["ar"]["name"] == "arabiska" and menu["ar"]["own"] == "العربية"
    names = [item["name"] for item in data["visitor_languages"]]
    assert names == sorted(names, key=sort_key)
    # Which actors help in each language: what `lookup --visitor-lang` says.
    by_id = {actor.id: actor for actor in guidelines.actors.actors}
    for actor, bases in zip(data["actors"], data["speaks"], strict=True):
        for code in menu:
            said = None if bases is None else menu[code]["base"] in bases
            assert said == helps_in(by_id[actor["id"]].languages, code), (actor["id"], code)


def test_no_menu_where_no_language_is_known(tmp_path: Path) -> None:
    tree = dict(FIXTURE_TREE)
    tree["data/actors.yaml"] = re.sub(r"\n *languages: \[.*?\]", "", tree["data/actors.yaml"])
    repo = write_tree(tmp_path / "repo", tree)
    guidelines = load_valid_guidelines(repo, inventory=False, translations=True)
    assert not guidelines.translations
    assert not any(actor.languages for actor in guidelines.actors.actors)
    html = render_pages(repo)["desk-page.html"]
    assert 'id="visitor-lang"' not in html
    assert page_data(html)["visitor_languages"] == []
    assert list(slip_sheets(html)[1]) == ["sv"]


def test_a_translation_file_that_does_not_read_leaves_only_its_language_out(
    tmp_path: Path,
) -> None:
    tree = dict(FIXTURE_TREE)
    tree["data/translations/ar.yaml"] = "note: Översatt av en översättare.\n"
    tree["data/translations/uk.yaml"] = "rows: [unclosed\n"
    repo = write_tree(tmp_path / "repo", tree)
    html = render_pages(repo)["desk-page.html"]
    assert list(slip_sheets(html)[1]) == ["sv", "ar+sv"]
    menu = {item["code"]: item["slip"] for item in page_data(html)["visitor_languages"]}
    assert menu["ar"] == "ar+sv" and "uk" not in menu


def test_the_public_page_in_a_visitor_s_language() -> None:
    options = RenderOptions(handouts=("public-page",), revision=REVISION, language="ar+sv")
    html = render_handouts(REPO, options)["public-page-ar+sv.html"].decode("utf-8")
    guidelines = load_valid_guidelines(REPO, inventory=False, translations=["ar"])
    rows = guidelines.translations["ar"].file.rows
    assert '<html lang="ar" dir="rtl">' in html
    assert "<h1>بماذا يمكن أن تساعدك المكتبة؟</h1>" in html
    flat = re.sub(r"<span dir=\"ltr\">(.*?)</span>", r"\1", html)  # numbers kept left to right
    for _, row in guidelines.matrix.rows():
        translated = rows.get(row.id)
        if translated is not None and translated.need is not None:
            # The translation, with the Swedish beside it (ar+sv).
            assert f'tabindex="-1">{escape(translated.need.text)}</h3>' in flat
            assert f'<p class="beside" lang="sv" dir="ltr">{escape(row.need)}</p>' in html
        else:  # not translated yet: the original, in its own language, marked *
            marked = f'<span class="original" lang="sv" dir="ltr">{escape(row.need)}</span>&nbsp;*'
            assert marked in html
    assert 'class="fallback-note"' in html
    data = page_data(html)
    assert data["labels"]["page_nothing"] == "لا توجد معاملة تطابق «{query}»."
    assert data["original"] == {"lang": "sv", "dir": "ltr"}
    shown = page_data(html, "rows")
    assert {row["id"] for row in shown if row.get("original")} == {
        row.id for _, row in guidelines.matrix.rows() if row.id not in rows
    }
    # The page searches the visitor's words as well as the Swedish ones.
    terms = set(data["index"]["terms"])
    assert "شريحة" in terms and "bankid" in terms


def test_the_public_page_in_swedish_speaks_to_visitors() -> None:
    labels = page_data(render_pages(REPO)["public-page.html"])["labels"]
    assert labels["page_nothing"] == "Inget ärende matchar ”{query}”."
    assert not any("matris" in text or "rader" in text for text in labels.values())


def test_lang_words_the_page_in_english(tmp_path: Path) -> None:
    html = render_pages(REPO, language="en")["desk-page.html"]
    assert '<html lang="en">' in html
    assert "Search the guidelines" in html and "Sök i riktlinjerna" not in html
    labels = page_data(html)["labels"]
    assert isinstance(labels, dict) and labels["page_print_slip"] == "Print a slip for the visitor"
    assert 'id="slip-sheets-en"' in html


def test_the_public_page_shows_every_row_in_plain_words(bundled: dict[str, str]) -> None:
    html = bundled["public-page.html"]
    assert "<h1>Vad kan biblioteket hjälpa till med?</h1>" in html
    guidelines = load_valid_guidelines(REPO, inventory=False)
    for _, row in guidelines.matrix.rows():
        assert f'<article class="errand" id="rad-{row.id}"' in html
    assert "Intern" not in html
    data = page_data(html)
    assert data["mode"] == "public" and data["actors"] == [] and "actor_index" not in data
    assert set(page_data(html, "rows")[0]) == {"id", "category", "need"}


def test_the_public_page_holds_no_internal_field(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "repo", MARKED_TREE)
    pages = render_pages(root)
    public = pages["public-page.html"]
    leaked = {field: marker for field, marker in MARKERS.items() if marker in public}
    assert leaked == {}
    # The markers did reach the renderer: the staff page shows the staff phrasing.
    assert MARKERS["row.phrasing"] in pages["desk-page.html"]
    for field in ("relationship.owner", "notes", "row.owner"):
        assert MARKERS[field] not in pages["desk-page.html"], field


def test_markup_in_the_data_stays_text(fixture_pages: dict[str, str]) -> None:
    for name, html in fixture_pages.items():
        assert "<script>alert(1)</script>" not in html, name
        assert "<b>fet</b>" not in html and "<i>text</i>" not in html, name
        scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
        inert = sum(
            html.count(f'type="{t}"') for t in ("application/json", "text/html", "text/plain")
        )
        assert len(scripts) == 1 + inert
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in fixture_pages["desk-page.html"]
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in fixture_pages["desk-page.html"]


def test_no_javascript_link_even_if_the_loader_is_bypassed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_tree(tmp_path / "repo", FIXTURE_TREE)
    hostile = _hostile_guidelines(root)
    monkeypatch.setattr(render_core, "load_valid_guidelines", lambda root, **_options: hostile)
    for name, html in render_pages(root).items():
        for target in re.findall(r'href="([^"]*)"', html):
            assert target.startswith(("https://", "http://", "#", "tel:", "mailto:")), (
                name,
                target,
            )
        assert "javascript:alert(1)" in html, name  # shown as text, never a link


# --------------------------------------------------------------------------- the command


def test_render_with_no_handout_writes_both_pages(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["render", "--root", str(REPO), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    names = [Path(line).name for line in result.output.splitlines()]
    assert names[-2:] == ["desk-page.html", "public-page.html"]


@pytest.mark.parametrize(
    ("args", "written"),
    [
        (["desk-page"], ["desk-page.html"]),
        (["desk-page", "public-page", "--format", "all"], ["desk-page.html", "public-page.html"]),
        (
            ["poster", "public-page", "--format", "html", "--format", "md"],
            ["poster.html", "poster.md", "public-page.html"],
        ),
        (["poster", "--format", "md"], ["poster.md"]),
    ],
)
def test_pages_are_html_only(tmp_path: Path, args: list[str], written: list[str]) -> None:
    result = CliRunner().invoke(app, ["render", *args, "--root", str(REPO), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert [Path(line).name for line in result.output.splitlines()] == written


def test_render_with_only_other_formats_leaves_the_pages_out(tmp_path: Path) -> None:
    files = render_handouts(REPO, RenderOptions(formats=("md",), revision="r"))
    assert not [name for name in files if name.startswith(PAGES)]
    assert "desk-guide.md" in files


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize("page", PAGES)
def test_a_page_named_with_no_html_format_is_a_usage_error(tmp_path: Path, page: str) -> None:
    result = CliRunner().invoke(
        app, ["render", page, "--format", "md", "--root", str(REPO), "--out", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert f"{page} is a web page and is written only as HTML" in result.output
    assert not list(tmp_path.iterdir())


# --------------------------------------------------------------------------- slip fonts


def test_the_slip_fonts_are_the_bundled_faces_latin_letters() -> None:
    """Same advance widths as the bundled faces (the fitting measures with those)."""
    tt = pytest.importorskip("fontTools.ttLib")
    from referral_cli.fonts import FONTS_DIR
    from referral_cli.pages import PAGES_DIR
    from referral_cli.pages.build_fonts import SLIP_FACES, SLIP_RANGES

    for source, target, _ in SLIP_FACES:
        full, slip = tt.TTFont(str(FONTS_DIR / source)), tt.TTFont(str(PAGES_DIR / target))
        full_map, slip_map = full.getBestCmap(), slip.getBestCmap()
        wanted = {c for start, end in SLIP_RANGES for c in range(start, end + 1)} & set(full_map)
        assert set(slip_map) == wanted, target
        for code in slip_map:
            assert (
                slip["hmtx"].metrics[slip_map[code]][0] == full["hmtx"].metrics[full_map[code]][0]
            ), (target, hex(code))
        assert "SIL Open Font License" in str(slip["name"].getDebugName(13))


def test_a_repository_template_changes_a_page(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path / "repo",
        {
            **FIXTURE_TREE,
            "templates/page.css": '{% include "default/page.css" %}\n.page-header { border-color: #7a1f4f; }\n',
        },
    )
    pages = render_pages(root)
    for html in pages.values():
        assert ".page-header { border-color: #7a1f4f; }" in html
        assert ".card-parts {" in html  # the default styles are still there


def test_render_help_names_the_pages() -> None:
    result = CliRunner().invoke(app, ["render", "--help"], terminal_width=200)
    assert "desk-page, public-page" in result.output


@pytest.mark.parametrize(
    ("tree", "lang", "hint"),
    [
        # Examples from this library's own keywords, never another matrix's words.
        (MARKED_TREE, "sv", "Skriv det besökaren frågar om, till exempel flytta. Svaret"),
        (MARKED_TREE, "en", "Type what the visitor asks about, for example flytta. The answer"),
        (FIXTURE_TREE, "sv", "Skriv det besökaren frågar om, till exempel BankID. Svaret"),
        # No keywords anywhere: the hint without examples.
        (
            {
                **MARKED_TREE,
                "data/matrix.yaml": MARKED_TREE["data/matrix.yaml"].replace(
                    "        keywords: [flytta]\n", ""
                ),
            },
            "sv",
            "Skriv det besökaren frågar om. Svaret kommer medan du skriver.",
        ),
    ],
)
def test_the_desk_page_s_search_hint_offers_the_library_s_own_words(
    tmp_path: Path, tree: dict[str, str], lang: str, hint: str
) -> None:
    page = render_pages(write_tree(tmp_path / "repo", tree), language=lang)["desk-page.html"]
    shown = re.search(r'<p id="q-hint" class="hint">([^<]*)</p>', page)
    assert shown is not None and shown.group(1).startswith(hint)
    assert "bankid, skriva ut eller pass" not in page and "bankid, print or passport" not in page
