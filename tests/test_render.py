"""`referral render`: golden files, safety, options, errors, revision, determinism.

Regenerate the golden files after an intended change of the default templates or
labels with `REFERRAL_UPDATE_GOLDEN=1 python -m pytest tests/test_render.py`, then
read the diff of `tests/golden/` before committing it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from referral_cli.cli import app
from referral_cli.commands import render as core
from referral_cli.commands.render import (
    DEFAULT_HANDOUTS,
    HANDOUTS,
    PAGES,
    PRINTED_HANDOUTS,
    PUBLIC_HANDOUTS,
    RenderOptions,
    build_context,
    render_handouts,
)
from referral_cli.dates import add_months
from referral_cli.documents import guidelines_revision, tidy_markdown
from referral_cli.i18n import labels
from referral_cli.models import ActorsFile, Contact, Matrix
from referral_cli.rules.loading import load_valid_guidelines
from referral_cli.views import last_reviewed, revision_text, sort_key
from tests.conftest import without_font_data, write_tree

GOLDEN_DIR = Path(__file__).parent / "golden" / "render"
UPDATE_GOLDEN = os.environ.get("REFERRAL_UPDATE_GOLDEN") == "1"
REVISION = "abc1234"

# Markers that must only ever appear in the staff handouts.
INTERNAL_MARKERS = (
    "INTERNAL-OWNER-Kajsa",
    "INTERNAL-WANTED-collaboration",
    "INTERNAL-NOTE-secret",
    "INTERNAL-ROW-OWNER",
    "2025-03-14",  # relationship.last_contact
    "2025-03-15",  # relationship.informed
)

FIXTURE_LIBRARY = """\
name: Testbiblioteket
municipality: Testkommun
language: sv
review_interval_months: 6
reviewed: 2025-08-31
purpose: |
  Riktlinjerna gör att alla i personalen ger samma tydliga service.

  Det finns nästan alltid en del av ärendet som biblioteket kan hjälpa till med.
contact:
  website: https://bibliotek.example.se/
  phone: 0123-456 50
  address: Torget 2, 123 45 Teststad
  opening_hours: Mån–fre 10–19
"""

FIXTURE_ACTORS = """\
actors:
  - id: skatteverket
    name: Skatteverket
    kind: authority
    scope: national
    description: Myndighet för folkbokföring och ID-kort.
    helps_with: [Folkbokföring, ID-kort]
    contact:
      website: https://www.skatteverket.se
      phone: 0771-567 567
      opening_hours: Telefon vardagar 8–16
    languages: [sv, en, ar, xx]
    relationship:
      status: established
      owner: INTERNAL-OWNER-Kajsa
      last_contact: 2025-03-14
      informed: 2025-03-15
      wanted_collaboration: INTERNAL-WANTED-collaboration
    reviewed: 2025-04-01
    notes: INTERNAL-NOTE-secret
  - id: bank
    name: Din bank
    kind: bank
    scope: national
  - id: injektion
    name: <script>alert(1)</script>
    kind: other
    scope: local
    description: "*Stjärnor* | pipe _under_ [länk](https://x.example) # hash & <b>fet</b>"
    contact:
      website: https://example.se/a_(b)
      address: Ågatan 1
    reviewed: 2025-04-01
"""

FIXTURE_MATRIX = """\
checklist:
  - step: Ryms ärendet i bibliotekets uppdrag?
    guidance: Titta i matrisen.
  - step: Har användaren det som ärendet kräver?
closing:
  - step: Sammanfatta samtalet.
    guidance: Be användaren anteckna.
categories:
  - id: dokument
    title: Dokument och e-tjänster
    rows:
      - id: bank-e-legitimation
        need: Bankärenden och inloggning med e-legitimation
        library_can: Visa hur användaren hittar bankens webbplats.
        solution: Ta reda på vilken e-legitimation användaren har.
        refer_to: [bank, skatteverket]
        phrasing: Vilken bank har du?
        requires: [library_card, e_id]
        keywords: [BankID]
        reviewed: 2025-08-31
        owner: INTERNAL-ROW-OWNER
      - id: markup
        need: "1. Rad som ser ut som en lista | med pipe"
        solution: "# Rubrik? Nej: <i>text</i> & mer"
        refer_to: [injektion]
        requires: [other]
  - id: mik
    title: Medie- och informationskunnighet
    rows:
      - id: kallkritik
        need: Granska källor
        solution: Det här hjälper biblioteket till med.
        refer_to: []
  - id: tom
    title: Tom kategori
"""

FIXTURE_TREE = {
    "data/library.yaml": FIXTURE_LIBRARY,
    "data/actors.yaml": FIXTURE_ACTORS,
    "data/matrix.yaml": FIXTURE_MATRIX,
}


@pytest.fixture(scope="module")
def fixture_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tree(tmp_path_factory.mktemp("render") / "repo", FIXTURE_TREE)


@pytest.fixture(scope="module")
def rendered(fixture_repo: Path) -> dict[str, dict[str, bytes]]:
    """Every handout in html and md, per language, rendered once for the module."""
    return {
        lang: render_handouts(
            fixture_repo,
            RenderOptions(
                handouts=HANDOUTS, formats=("html", "md"), language=lang, revision=REVISION
            ),
        )
        for lang in ("sv", "en")
    }


def text_of(rendered: dict[str, dict[str, bytes]], lang: str, name: str) -> str:
    return rendered[lang][name].decode("utf-8")


# ---------------------------------------------------------------------------
# Golden files


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("fmt", ["html", "md"])
@pytest.mark.parametrize("handout", PRINTED_HANDOUTS)  # the web pages: tests/test_pages.py
def test_golden(rendered: dict[str, dict[str, bytes]], handout: str, fmt: str, lang: str) -> None:
    name = f"{handout}.{fmt}"
    golden = GOLDEN_DIR / lang / name
    actual = without_font_data(rendered[lang][name].decode("utf-8")).encode("utf-8")
    if UPDATE_GOLDEN:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(actual)
    assert golden.is_file(), f"missing {golden}: run with REFERRAL_UPDATE_GOLDEN=1"
    assert actual.decode("utf-8") == golden.read_text(encoding="utf-8"), (
        f"{name} ({lang}) differs from {golden}; if the change is intended, "
        "regenerate with REFERRAL_UPDATE_GOLDEN=1 and review the diff"
    )


def test_every_file_rendered_once_in_handout_then_format_order(
    rendered: dict[str, dict[str, bytes]],
) -> None:
    printed = [f"{h}.{f}" for h in PRINTED_HANDOUTS for f in ("html", "md")]
    assert list(rendered["sv"]) == [*printed, *(f"{page}.html" for page in PAGES)]


def test_lang_switches_every_label(rendered: dict[str, dict[str, bytes]]) -> None:
    """No Swedish label in English output and vice versa (data stays as written)."""
    data_text = "\n".join(FIXTURE_TREE.values())
    sv, en = labels("sv"), labels("en")
    for key in sv:
        if sv[key] == en[key]:
            continue
        for lang, other in (("en", sv[key]), ("sv", en[key])):
            if len(other) < 4 or other in data_text:
                continue
            for name in rendered[lang]:
                text = text_of(rendered, lang, name)
                found = re.search(rf"(?<!\w){re.escape(other)}(?!\w)", text)
                assert not found, f"{lang} {name} contains label {key}={other!r}"
    assert "Hänvisningsguide för informationsdisken" in text_of(rendered, "sv", "desk-guide.html")
    assert "Referral guide for the desk" in text_of(rendered, "en", "desk-guide.html")
    assert '<html lang="en">' in text_of(rendered, "en", "desk-guide.html")


def test_language_defaults_to_library_yaml(make_repo: Callable[..., Path]) -> None:
    repo = make_repo({"data/library.yaml": "name: Lib\nlanguage: en\n"})
    files = render_handouts(repo, RenderOptions(handouts=("desk-guide",), revision="r"))
    assert "Referral guide for the desk" in files["desk-guide.html"].decode()


# ---------------------------------------------------------------------------
# Content


def test_desk_guide_has_matrix_contacts_checklist_and_footer(
    rendered: dict[str, dict[str, bytes]],
) -> None:
    html = text_of(rendered, "sv", "desk-guide.html")
    order = [
        "Ärenden i guiden",  # the first-page index, by row number
        ">Bankärenden och inloggning med e-legitimation</li>",
        ">Granska källor</li>",
        '<th colspan="2">Dokument och e-tjänster',
        "Bankärenden och inloggning med e-legitimation",
        "Visa hur användaren hittar bankens webbplats.",
        "Vilken bank har du?",
        "Din bank",
        "Skatteverket",
        "0771-567 567",  # in the row: name, phone and one more channel
        '<a class="url" href="https://www.skatteverket.se">www.skatteverket.se</a>',
        "Medie- och informationskunnighet",
        "Granska källor",
        "Ingen hänvisning: biblioteket hjälper till.",
        "Kontaktuppgifter till aktörerna",  # every channel, once, at the end
        "Telefon vardagar 8–16",
        "Checklista för informationsdisken",  # the checklist sheet, titled
        "Så hanterar du ett ärende",
        "Ryms ärendet i bibliotekets uppdrag?",
        "Avsluta ärendet",
        "Sammanfatta samtalet.",
    ]
    position = 0
    for text in order:  # each one after the one before
        position = html.index(text, position) + len(text)
    assert "Lånekort" in html and "E-legitimation" in html
    assert html.count("Telefon vardagar 8–16") == 1
    assert 'content: "Intern – inte till besökare";' in html
    assert "@page checklist" in html and "page: checklist" in html
    # The footer is in the page margin: library, last review, revision, page numbers.
    assert 'content: "Testbiblioteket · Senast granskad 2025-08-31 · Version abc1234";' in html
    assert "counter(page)" in html and "counter(pages)" in html
    assert "@page" in html and "size: A4" in html
    assert "break-inside: avoid" in html
    assert "display: table-header-group" in html
    # The category title is in the table head, so it is repeated on continuation pages.
    assert '<thead><tr><th colspan="2">Dokument och e-tjänster</th></tr></thead>' in html


def test_html_is_self_contained(rendered: dict[str, dict[str, bytes]]) -> None:
    for name in rendered["sv"]:
        if not name.endswith(".html") or name.removesuffix(".html") in PAGES:
            continue  # the web pages have their script: tests/test_pages.py
        html = text_of(rendered, "sv", name)
        assert not re.search(r"<(script|link|img|iframe|object|embed)\b", html), name
        assert not re.search(r"\bsrc\s*=", html), name
        assert "@import" not in html, name
        # The only url() is the bundled fonts' inline data.
        assert re.findall(r"url\((?!data:font/woff2;base64,)", html) == [], name
        assert "url(data:font/woff2;base64," in html, name
        assert "default-src 'none'" in html and "font-src data:" in html, name


def test_slips_one_per_row_with_where_to_go_and_what_to_bring(
    rendered: dict[str, dict[str, bytes]],
) -> None:
    html = text_of(rendered, "sv", "referral-slips.html")
    assert re.findall(r'data-row="([^"]+)"', html) == [
        "bank-e-legitimation",
        "markup",
        "kallkritik",
    ]
    assert "size: A4" in html and "break-inside: avoid" in html
    bank = html.split('data-row="bank-e-legitimation"')[1].split("<section")[0]
    for text in ("Du behöver hjälp med", "Vänd dig till", "Skatteverket", "0771-567 567", "Ta med"):
        assert text in bank
    # A row the library handles itself sends the visitor to the library.
    own = html.split('data-row="kallkritik"')[1]
    assert "Det här hjälper vi dig med här på biblioteket." in own
    assert "0123-456 50" in own and "Torget 2, 123 45 Teststad" in own


def test_slips_for_chosen_rows_keep_order_and_repeats(fixture_repo: Path) -> None:
    files = render_handouts(
        fixture_repo,
        RenderOptions(rows=("kallkritik", "bank-e-legitimation,kallkritik"), revision="r"),
    )
    assert list(files) == ["referral-slips.html"]
    html = files["referral-slips.html"].decode()
    assert re.findall(r'data-row="([^"]+)"', html) == [
        "kallkritik",
        "bank-e-legitimation",
        "kallkritik",
    ]


def test_actor_directories_sorted_swedish(rendered: dict[str, dict[str, bytes]]) -> None:
    html = text_of(rendered, "sv", "actors.html")
    names = ["&lt;script&gt;", "Din bank", "Skatteverket"]
    assert [html.index(n) for n in names] == sorted(html.index(n) for n in names)
    assert sorted(["Öbo", "Åby", "Zeta", "Ärla", "Ekå", "Éva"], key=sort_key) == [
        "Ekå",
        "Éva",
        "Zeta",
        "Åby",
        "Ärla",
        "Öbo",
    ]


def test_guidelines_has_every_part(rendered: dict[str, dict[str, bytes]]) -> None:
    html = text_of(rendered, "sv", "guidelines.html")
    order = [
        "Syfte",
        "samma tydliga service",
        "Det finns nästan alltid",
        "Så hanterar du ett ärende",
        "Hänvisningsmatris",
        "Bankärenden",
        "Aktörer",
        "Myndighet för folkbokföring",
        "Översyn",
        "6 månader",
        "2025-08-31",
        "2026-02-28",  # next review: six months on, clamped to February's end
        "abc1234",
    ]
    positions = [html.index(text, html.index("</nav>")) for text in order]
    assert positions == sorted(positions)
    assert html.count("<p>", html.index('id="purpose"'), html.index('id="checklist"')) == 2


def test_markdown_is_clean(rendered: dict[str, dict[str, bytes]]) -> None:
    for name, content in rendered["sv"].items():
        if name.endswith(".md"):
            text = content.decode()
            assert text.endswith("\n") and not text.endswith("\n\n"), name
            assert "\n\n\n" not in text, name
            assert not re.search(r"[ \t]+\n", text), name


# ---------------------------------------------------------------------------
# Safety


def test_markup_in_data_prints_as_text(rendered: dict[str, dict[str, bytes]]) -> None:
    for lang in ("sv", "en"):
        for name in rendered[lang]:
            text = text_of(rendered, lang, name)
            if name.removesuffix(".html") in PAGES:
                text = text.replace("<script>", "", 1)  # the page's own script (one)
            assert "<script>" not in text and "<b>" not in text and "<i>" not in text, name
            if name.split(".")[0] in ("actors", "actors-public", "guidelines", "referral-slips"):
                assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text, name
    md = text_of(rendered, "sv", "actors.md")
    assert "## &lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert (
        "\\*Stjärnor\\* \\| pipe \\_under\\_ \\[länk\\](https://x.example) # hash &amp; "
        "&lt;b&gt;fet&lt;/b&gt;" in md
    )
    # Parentheses in a URL do not end the Markdown link.
    assert "[example.se/a\\_(b)](https://example.se/a_%28b%29)" in md
    guide = text_of(rendered, "sv", "desk-guide.md")
    assert "### 2. 1\\. Rad som ser ut som en lista \\| med pipe" in guide
    guidelines = text_of(rendered, "sv", "guidelines.md")
    assert "| **1\\. Rad som ser ut som en lista \\| med pipe**" in guidelines


def _hostile_guidelines(root: Path) -> Any:
    """Valid data with URLs the loader would refuse, put in behind its back."""
    guidelines = load_valid_guidelines(root, inventory=False)
    bad = Contact.model_construct(
        website="javascript:alert(1)",
        chat="JaVaScRiPt:alert(2)",
        phone=None,
        email=None,
        address=None,
        opening_hours=None,
    )
    actors = [
        actor.model_copy(update={"contact": bad}) if actor.id == "skatteverket" else actor
        for actor in guidelines.actors.actors
    ]
    guidelines.actors = ActorsFile.model_construct(actors=actors)
    guidelines.library = guidelines.library.model_copy(
        update={"contact": Contact.model_construct(website="data:text/html,<b>x</b>")}
    )
    return guidelines


def test_no_javascript_link_even_if_the_loader_is_bypassed(
    fixture_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile = _hostile_guidelines(fixture_repo)
    monkeypatch.setattr(core, "load_valid_guidelines", lambda root, **_: hostile)
    files = render_handouts(fixture_repo, RenderOptions(formats=("html", "md"), revision="r"))
    for name, content in files.items():
        text = content.decode()
        pattern = r'href="([^"]*)"' if name.endswith(".html") else r"\]\(([^)]*)\)"
        for target in re.findall(pattern, text):
            assert target.startswith(("https://", "http://", "#")), (name, target)
    # The addresses did reach the templates: they print as plain text, never as links.
    public = files["actors-public.html"].decode()
    assert "<dd>javascript:alert(1)</dd>" in public or ">javascript:alert(1)<" in public
    assert "JaVaScRiPt:alert(2)" in files["actors-public.md"].decode()
    assert "data:text/html,&lt;b&gt;x&lt;/b&gt;" in files["referral-slips.html"].decode()


def _walk_keys(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _walk_keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk_keys(item)


@pytest.mark.parametrize("handout", sorted(PUBLIC_HANDOUTS))
def test_public_contexts_hold_no_internal_field(fixture_repo: Path, handout: str) -> None:
    guidelines = load_valid_guidelines(fixture_repo, inventory=False)
    context = build_context(guidelines, handout, "sv", "r")
    keys = set(_walk_keys({k: v for k, v in context.items() if k != "L"}))
    assert not keys & {"relationship", "notes", "owner"}
    rendered_text = repr(context)
    for marker in INTERNAL_MARKERS:
        assert marker not in rendered_text


def test_internal_fields_only_in_staff_handouts(rendered: dict[str, dict[str, bytes]]) -> None:
    for lang in ("sv", "en"):
        for name in rendered[lang]:
            text = text_of(rendered, lang, name)
            handout = name.rsplit(".", 1)[0]
            found = [marker for marker in INTERNAL_MARKERS if marker in text]
            if handout in PUBLIC_HANDOUTS:
                assert found == [], f"{lang} {name} leaks {found}"
    # The staff directory does show them, so the check above can fail.
    staff = text_of(rendered, "sv", "actors.html") + text_of(rendered, "sv", "actors.md")
    for marker in INTERNAL_MARKERS[:3] + INTERNAL_MARKERS[4:]:
        assert marker in staff
    assert "INTERNAL-ROW-OWNER" in text_of(rendered, "sv", "desk-guide.html")
    assert "Etablerad kontakt" in staff


# ---------------------------------------------------------------------------
# Revision, review dates, determinism


def test_deterministic_output(fixture_repo: Path, rendered: dict[str, dict[str, bytes]]) -> None:
    again = render_handouts(
        fixture_repo,
        RenderOptions(handouts=HANDOUTS, formats=("html", "md"), language="sv", revision=REVISION),
    )
    assert again == rendered["sv"]


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=T", "-c", "user.email=t@example.se", *args],
        check=True,
        capture_output=True,
    )


def printed_version(repo: Path, lang: str) -> str:
    return revision_text(*guidelines_revision(repo), lang)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_printed_version_is_the_commit_marked_when_data_changed(
    make_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo()
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(repo.parent))
    assert printed_version(repo, "sv") == "okänd"
    assert printed_version(repo, "en") == "unknown"
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "start")
    head = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert printed_version(repo, "sv") == head
    (repo / "notes.txt").write_text("outside data/ does not count\n", encoding="utf-8")
    assert printed_version(repo, "sv") == head
    with (repo / "data" / "actors.yaml").open("a", encoding="utf-8") as handle:
        handle.write("# a comment\n")
    assert printed_version(repo, "sv") == f"{head}+ändringar"
    assert printed_version(repo, "en") == f"{head}+changes"
    files = render_handouts(repo, RenderOptions(handouts=("desk-guide",), formats=("md",)))
    assert f"Version {head}+ändringar" in files["desk-guide.md"].decode()


def test_last_reviewed_falls_back_to_newest_row(make_repo: Callable[..., Path]) -> None:
    with_date = load_valid_guidelines(make_repo(), inventory=False)
    assert last_reviewed(with_date) == date(2026, 6, 1)
    without = with_date.library.model_copy(update={"reviewed": None})
    with_date.library = without
    assert last_reviewed(with_date) == date(2026, 9, 1)
    with_date.matrix = Matrix(categories=[])
    assert last_reviewed(with_date) is None


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
        (date(2024, 8, 31), 6, date(2025, 2, 28)),
        (date(2023, 8, 31), 6, date(2024, 2, 29)),
        (date(2025, 1, 15), 12, date(2026, 1, 15)),
        (date(2025, 12, 1), 1, date(2026, 1, 1)),
        (date(2025, 3, 31), 60, date(2030, 3, 31)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


def test_no_review_date_is_said_plainly(make_repo: Callable[..., Path]) -> None:
    matrix = (
        "categories:\n  - id: a\n    title: A\n    rows:\n"
        "      - id: r\n        need: N\n        solution: S\n"
    )
    repo = make_repo({"data/library.yaml": "name: Lib\n", "data/matrix.yaml": matrix})
    files = render_handouts(repo, RenderOptions(formats=("md",), revision="r"))
    assert "Senast granskad inte angivet" in files["guidelines.md"].decode()
    assert "Nästa översyn" not in files["guidelines.md"].decode()


def test_tidy_markdown() -> None:
    assert tidy_markdown("\n\n# A  \n\n\n\ntext\t\n\n") == "# A\n\ntext\n"


# ---------------------------------------------------------------------------
# Command line


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_cli_renders_all_handouts_and_prints_each_file(
    runner: CliRunner, fixture_repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "build"
    result = runner.invoke(app, ["render", "--root", str(fixture_repo), "--out", str(out)])
    assert result.exit_code == 0, result.output
    expected = [out / f"{name}.html" for name in DEFAULT_HANDOUTS]  # all but quick-reference
    assert result.output.splitlines() == [str(path) for path in expected]
    assert sorted(out.iterdir()) == sorted(expected)


def test_cli_default_out_is_build(
    runner: CliRunner, fixture_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(
        app, ["render", "desk-guide", "--root", str(fixture_repo), "--format", "md", "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [str(Path("build") / "desk-guide.md")]
    assert "Referral guide for the desk" in (tmp_path / "build" / "desk-guide.md").read_text()


def test_cli_overwrites_previous_output(
    runner: CliRunner, fixture_repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "actors.md").write_text("old", encoding="utf-8")
    args = ["render", "actors", "--root", str(fixture_repo), "--out", str(out), "--format", "md"]
    assert runner.invoke(app, args).exit_code == 0
    assert (out / "actors.md").read_text(encoding="utf-8").startswith("# Aktörer")
    assert sorted(p.name for p in out.iterdir()) == ["actors.md"]  # no temporary left


@pytest.mark.usefixtures("english")  # the English wording
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["desk-guid"], "unknown handout 'desk-guid' (did you mean 'desk-guide'?)"),
        (["--format", "pfd"], "unknown format 'pfd' (did you mean 'pdf'?)"),
        (["--lang", "de"], "there is no translation into 'de' (data/translations/de.yaml)"),
        (["--lang", "Arabic"], "--lang: 'Arabic' is not a language"),
        (["--lang", "ar+de"], "--lang: 'ar+de' is not a language"),
        (["--lang", "en+sv", "desk-guide"], "the staff's print in sv or en: desk-guide"),
        (["--row", "kallkritk"], "unknown row 'kallkritk' (did you mean 'kallkritik'?)"),
        (["actors", "--row", "kallkritik"], "--row chooses referral slips"),
        (["--templates", "no-such-folder"], "--templates no-such-folder: no such folder"),
        (["poster", "--paper", "A5"], "unknown paper size 'A5'"),
        (["inventory-sheet", "--period", "ht-2027"], "unknown period 'ht-2027'"),
        # Issue 15, item 13: an empty id chose no row, which rendered every slip.
        (["--row", ",,"], "--row: ',,' holds an empty row id; name the rows, separated by commas"),
        (["--row", ""], "--row: '' holds an empty row id"),
        (["--row", "kallkritik,"], "--row: 'kallkritik,' holds an empty row id"),
    ],
)
def test_cli_usage_errors(
    runner: CliRunner, fixture_repo: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["render", "--root", str(fixture_repo), "--out", str(out), *args])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert not out.exists()


@pytest.mark.usefixtures("english")  # the English wording
def test_cli_out_is_a_file(runner: CliRunner, fixture_repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "file"
    out.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["render", "--root", str(fixture_repo), "--out", str(out)])
    assert result.exit_code == 2
    assert "is a file, not a folder" in result.output


@pytest.mark.usefixtures("english")  # the English wording
@pytest.mark.parametrize(
    ("layout", "out", "message"),
    [
        ({"build/desk-guide.html/x": "a folder in the way"}, "build", "cannot write build"),
        ({"file": "x"}, "file/sub", "cannot create the folder file/sub"),
    ],
)
def test_cli_unwritable_output_is_a_usage_error(
    runner: CliRunner,
    fixture_repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    layout: dict[str, str],
    out: str,
    message: str,
) -> None:
    write_tree(tmp_path, layout)
    monkeypatch.chdir(tmp_path)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    result = runner.invoke(app, ["render", "desk-guide", "--root", str(fixture_repo), "--out", out])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert message in result.output
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


@pytest.mark.usefixtures("english")  # the English wording
def test_cli_bad_data_is_located_and_nothing_written(runner: CliRunner, tmp_path: Path) -> None:
    repo = write_tree(
        tmp_path / "repo",
        {
            **FIXTURE_TREE,
            "data/matrix.yaml": FIXTURE_MATRIX.replace("[bank, skatteverket]", "[bnak]"),
        },
    )
    out = tmp_path / "out"
    result = runner.invoke(app, ["render", "--root", str(repo), "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert re.search(r"data/matrix\.yaml:\d+:\d+: error: .*bnak", result.output)
    assert "Nothing was written" in result.output
    assert not out.exists()


def test_cli_pdf_without_weasyprint_says_how_to_install(
    runner: CliRunner, fixture_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    monkeypatch.setitem(sys.modules, "weasyprint.urls", None)
    out = tmp_path / "out"
    for fmt in ("pdf", "all"):
        result = runner.invoke(
            app, ["render", "--root", str(fixture_repo), "--out", str(out), "--format", fmt]
        )
        assert result.exit_code == 2, result.output
        assert "pip install 'referral-cli[pdf]'" in result.output
        assert "--format html" in result.output
        assert not out.exists()


def test_cli_format_all_writes_every_format(
    runner: CliRunner, fixture_repo: Path, tmp_path: Path
) -> None:
    pytest.importorskip("weasyprint")
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "render",
            "referral-slips",
            "--root",
            str(fixture_repo),
            "--out",
            str(out),
            "--format",
            "all",
        ],
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "referral-slips.html",
        "referral-slips.md",
        "referral-slips.pdf",
    ]
    assert (out / "referral-slips.pdf").read_bytes().startswith(b"%PDF")


def test_pdf_is_deterministic(fixture_repo: Path) -> None:
    pytest.importorskip("weasyprint")
    options = RenderOptions(handouts=("referral-slips",), formats=("pdf",), revision="r")
    assert render_handouts(fixture_repo, options) == render_handouts(fixture_repo, options)


# ---------------------------------------------------------------------------
# Templates from the guideline repository


def _repo_with_templates(tmp_path: Path, templates: dict[str, str]) -> Path:
    return write_tree(
        tmp_path / "repo",
        {**FIXTURE_TREE, **{f"templates/{name}": text for name, text in templates.items()}},
    )


def test_repository_template_overrides_by_name(runner: CliRunner, tmp_path: Path) -> None:
    repo = _repo_with_templates(
        tmp_path,
        {
            "desk-guide.html.j2": '{% extends "default/desk-guide.html.j2" %}'
            "{% block title %}Vår egen guide{% endblock %}",
            "style.css": "body { color: rebeccapurple; }\n",
        },
    )
    out = tmp_path / "out"
    result = runner.invoke(app, ["render", "--root", str(repo), "--out", str(out)])
    assert result.exit_code == 0, result.output
    desk = (out / "desk-guide.html").read_text(encoding="utf-8")
    assert "<title>Vår egen guide – Testbiblioteket</title>" in desk
    assert "rebeccapurple" in desk and ".actor-card {" not in desk
    assert "rebeccapurple" in (out / "actors.html").read_text(encoding="utf-8")


def test_templates_option_replaces_the_repository_folder(runner: CliRunner, tmp_path: Path) -> None:
    repo = _repo_with_templates(tmp_path, {"actors.md.j2": "FROM REPO\n"})
    elsewhere = write_tree(tmp_path / "elsewhere", {"actors.md.j2": "# {{ library.name }}\n"})
    out = tmp_path / "out"
    base = ["render", "actors", "--root", str(repo), "--out", str(out), "--format", "md"]
    assert runner.invoke(app, base).exit_code == 0
    assert (out / "actors.md").read_text(encoding="utf-8") == "FROM REPO\n"
    assert runner.invoke(app, [*base, "--templates", str(elsewhere)]).exit_code == 0
    assert (out / "actors.md").read_text(encoding="utf-8") == "# Testbiblioteket\n"


@pytest.mark.parametrize(
    ("template", "message"),
    [
        (
            "# {{ library.name }}\n{% if %}\n",
            "templates/actors.md.j2:2:1: error: template syntax error on this line [template-error]",
        ),
        (
            "# {{ library.name }}\n{{ library name }}\n",
            "templates/actors.md.j2:2:1: error: template syntax error on this line (near 'name') "
            "[template-error]",
        ),
        (
            "{% endfo %}\n",
            "templates/actors.md.j2:1:1: error: template syntax error: unknown tag 'endfo'",
        ),
        (
            "{{ x | shout }}\n",
            "templates/actors.md.j2:1:1: error: template syntax error: unknown filter 'shout'",
        ),
        (
            "{% if true %}\n",
            "templates/actors.md.j2:1:1: error: template syntax error: the template ends before "
            "a block is closed (an end tag is missing)",
        ),
        (
            "# {{ library.name }}\n\n{{ library.nmae }}\n",
            "templates/actors.md.j2:3:1: error: template error: 'nmae' is not in the data given "
            "to the template",
        ),
        (
            "{{ nothing }}\n",
            "templates/actors.md.j2:1:1: error: template error: 'nothing' is not in the data "
            "given to the template",
        ),
        (
            "{% for a in actors %}\n{{ a.__class__.__mro__ }}\n{% endfor %}\n",
            "templates/actors.md.j2:2:1: error: template error: templates may not use '__class__'",
        ),
        (
            "{{ actors.append(1) }}\n",
            "templates/actors.md.j2:1:1: error: template error: templates may not use 'append'",
        ),
        # a CI runner's memory is no template's to take: repetition and powers are bounded
        (
            "# {{ library.name }}\n{{ 'x' * 100000000 }}\n",
            "templates/actors.md.j2:2:1: error: template error: '*' makes a value too large "
            "(more than a million characters or items)",
        ),
        (
            "{{ (actors | list) * 10000000 }}\n",
            "templates/actors.md.j2:1:1: error: template error: '*' makes a value too large",
        ),
        (
            "{{ 10 ** 100000000 }}\n",
            "templates/actors.md.j2:1:1: error: template error: '**' makes a value too large",
        ),
        (
            "{% include 'nowhere.md.j2' %}\n",
            "templates/actors.md.j2:1:1: error: template error: the template 'nowhere.md.j2' "
            "does not exist",
        ),
    ],
)
@pytest.mark.usefixtures("english")  # Jinja's own texts never reach the user, in any language
def test_broken_repository_template_is_a_located_finding(
    runner: CliRunner, tmp_path: Path, template: str, message: str
) -> None:
    repo = _repo_with_templates(tmp_path, {"actors.md.j2": template})
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["render", "--root", str(repo), "--out", str(out), "--format", "md"]
    )
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_a_failing_default_template_is_a_bug(
    fixture_repo: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(*_: object, **__: object) -> dict[str, Any]:
        return {}

    monkeypatch.setattr(core, "build_context", broken)
    with pytest.raises(
        RuntimeError,
        match=r"a default template failed: .*templates/base\.html\.j2:\d+: template error: 'lang' is undefined",
    ):
        render_handouts(fixture_repo, RenderOptions(handouts=("desk-guide",), revision="r"))


def test_bundled_example_renders(tmp_path: Path) -> None:
    """The repository's own example data renders in every html/md handout."""
    root = Path(__file__).resolve().parents[1]
    files = render_handouts(root, RenderOptions(formats=("html", "md"), revision="r"))
    printed = [name for name in DEFAULT_HANDOUTS if name not in PAGES]
    assert len(files) == 2 * len(printed) + len(PAGES)  # the web pages are HTML only
    assert all(content for content in files.values())


# ---------------------------------------------------------------------------
# New handouts and options (issue 14)


def _crowded_matrix(rows: int) -> str:
    text = "categories:\n  - id: k\n    title: Kategori\n    rows:\n"
    for number in range(rows):
        text += (
            f"      - id: r{number}\n        need: Ett ärende med ganska många ord nummer {number}\n"
            f"        library_can: Visa var man hittar det och hur man gör.\n"
            f"        solution: Lösning.\n        refer_to: [skatteverket, bank]\n"
        )
    return text


def test_quick_reference_that_cannot_fit_one_page_says_what_to_do(
    runner: CliRunner, tmp_path: Path
) -> None:
    repo = write_tree(tmp_path / "repo", {**FIXTURE_TREE, "data/matrix.yaml": _crowded_matrix(60)})
    out = tmp_path / "out"
    args = ["render", "quick-reference", "--root", str(repo), "--out", str(out), "--lang", "en"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "the quick reference must fit one A4 page, but its 60 rows need about" in result.output
    assert "choose the rows with --row ID" in result.output
    assert not out.exists()
    # In Swedish it says it must fit (it said "får plats", that it does fit).
    result = runner.invoke(app, [*args[:-1], "sv"])
    assert result.exit_code == 2, result.output
    assert "snabbguiden måste rymmas på en A4-sida, men de 60 raderna behöver" in result.output
    # With fewer rows chosen it fits.
    result = runner.invoke(app, [*args, "--row", "r1,r2,r3"])
    assert result.exit_code == 0, result.output
    html = (out / "quick-reference.html").read_text(encoding="utf-8")
    assert re.findall(r'id="row-([^"]+)"', html) == ["r1", "r2", "r3"]


def test_inventory_sheet_prints_the_period_reasons_and_branches(fixture_repo: Path) -> None:
    tree = {**FIXTURE_TREE}
    tree["data/library.yaml"] = FIXTURE_LIBRARY + (
        "branches:\n  - id: norr\n    name: Norrby bibliotek\n"
        "periods:\n  - id: ht-2026\n    start: 2026-08-17\n    end: 2026-08-30\n"
    )
    repo = write_tree(fixture_repo.parent / "with-period", tree)
    files = render_handouts(
        repo,
        RenderOptions(
            handouts=("inventory-sheet",), formats=("html", "md"), period="ht-2026", revision="r"
        ),
    )
    html = files["inventory-sheet.html"].decode()
    assert "ht-2026" in html and "2026-08-17" in html and "2026-08-30" in html
    assert "Norrby bibliotek" in html
    for label in ("Integritet / personuppgifter", "Språkbarriär", "Annat"):  # default reasons
        assert label in html
    assert html.count('<td class="tick"></td>') == 11 * 8  # a box per reason on every line
    assert "size: A4 landscape" in html


def test_qr_codes_and_large_print(fixture_repo: Path) -> None:
    plain = render_handouts(fixture_repo, RenderOptions(handouts=("referral-slips",), revision="r"))
    assert "<svg" not in plain["referral-slips.html"].decode()
    files = render_handouts(
        fixture_repo,
        RenderOptions(handouts=("referral-slips", "poster"), qr=True, large=True, revision="r"),
    )
    slips = files["referral-slips.html"].decode()
    assert '<svg class="qr"' in slips and "sheet-large" in slips and "slip-l1" in slips
    assert '<svg class="qr"' in files["poster.html"].decode()  # the library's own address
    # Only web addresses become codes: the markup actor's address is one, as text it stays.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in slips
