"""The desk page and the public page in a real browser: Chromium, driven by Playwright.

- **Parity with lookup**: every query of tests/eval/desk_queries.yaml, and a few hundred
  made from the index's own words (typos, missing å/ä/ö, endings, pairs, stop words),
  through `referral lookup --format json` (lookup's core, and the command itself for a
  sample) and through the page's search: the same rows in the same order with the same
  scores, the same answer, words not found, suggestions and actors. Typed into the
  page's search box, the same rows are shown. The fold of every letter and digit of the
  Basic Multilingual Plane, and the word-form table, are compared too.
- **Use**: keyboard only, visible focus, the printed slip (the referral-slips slip of the
  row, on one A4 page), hostile data (no script runs, no dialog opens), no request.
- **Accessibility**: axe-core (axe-playwright-python) finds no violation, at desktop
  width, at phone width and at 200 % zoom; no sideways scrolling.

The system Chromium is used (`executable_path`); the suite never downloads a browser.
`.ci/run` installs Debian's `chromium`; without it (or without the `test` extra's
playwright) these tests skip and say why.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from referral_cli.cli import app
from referral_cli.commands import lookup as lookup_core
from referral_cli.commands.render import PAGES, RenderOptions, render_handouts
from referral_cli.i18n import t
from referral_cli.i18n.visitor import bundled_catalogue
from referral_cli.row_index import RowIndex
from referral_cli.rules.loading import load_valid_guidelines
from referral_cli.search import fold, stem
from tests.conftest import write_tree
from tests.eval.evaluate import load_cases
from tests.test_render import FIXTURE_TREE

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed: pip install -e '.[test]'"
)
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed: apt-get install chromium"
)

REPO = Path(__file__).resolve().parents[1]
MORE_HITS = 4  # rows the page lists after the answer (referral_cli.pages.MORE_HITS)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as driver:
        chromium = driver.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled example's pages, and those of the hostile test fixture, as files."""
    out = tmp_path_factory.mktemp("site")
    for name, content in render_handouts(REPO, RenderOptions(handouts=PAGES)).items():
        (out / name).write_bytes(content)
    arabic = RenderOptions(handouts=("public-page",), language="ar")
    (out / "public-page-ar.html").write_bytes(render_handouts(REPO, arabic)["public-page-ar.html"])
    hostile = write_tree(out / "hostile-repo", FIXTURE_TREE)
    for name, content in render_handouts(hostile, RenderOptions(handouts=PAGES)).items():
        (out / f"hostile-{name}").write_bytes(content)
    return out


class Opened:
    """A page opened in a fresh context, with what it logged, asked for and opened."""

    def __init__(self, browser: Any, path: Path, **context: Any) -> None:
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("pageerror", lambda error: self.problems.append(str(error)))
        self.page.on(
            "console",
            lambda message: (
                self.problems.append(message.text) if message.type in ("error", "warning") else None
            ),
        )
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on(
            "dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss())
        )
        self.page.goto(path.as_uri())
        self.page.wait_for_function("() => window.referralPage !== undefined")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def desk(browser: Any, site: Path) -> Iterator[Opened]:
    opened = Opened(browser, site / "desk-page.html")
    yield opened
    assert opened.problems == [], opened.problems  # no script error, nothing the CSP blocked
    opened.close()


@pytest.fixture(scope="module")
def lookup_data() -> lookup_core.LookupData:
    return lookup_core.LookupData.build(load_valid_guidelines(REPO, inventory=False))


def summary(data: dict[str, Any]) -> dict[str, Any]:
    """What lookup's JSON says, in the form the page's search is read back in."""
    return {
        "hits": [[hit["row"], hit["score"]] for hit in data["hits"]],
        "answer": data["answer"],
        "unmatched": data["unmatched"],
        "suggestions": data["suggestions"],
        "common_words_only": data["common_words_only"],
        "actors": [[actor["id"], actor["score"]] for actor in data["actors"]],
    }


def lookup_summary(data: lookup_core.LookupData, query: str) -> dict[str, Any]:
    # `referral lookup --format json` prints exactly `as_data` of this result.
    return summary(lookup_core.as_data(lookup_core.search(data, [query], "sv")))


PAGE_SEARCH = """queries => queries.map(q => {
  const r = window.referralPage.desk.lookup(q);
  return {hits: r.hits.map(h => [h.key, h.score]), answer: r.answer ? r.answer.key : null,
          unmatched: r.unmatched, suggestions: r.suggestions,
          common_words_only: r.commonWordsOnly, actors: r.actors.map(h => [h.key, h.score])};
})"""


def generated_queries(data: lookup_core.LookupData, count: int = 400) -> list[str]:
    """Queries made from the index's own words the way people mistype them (seeded)."""
    rng = random.Random(13)
    vocabulary = [t for t in data.rows.index.vocabulary if t.isalpha() and len(t) >= 3]
    surfaces = [data.rows.index.surface(t) for t in vocabulary]
    letters = "abcdefghijklmnopqrstuvwxyzåäö"

    def typo(word: str) -> str:
        i = rng.randrange(len(word))
        kind = rng.randrange(4)
        if kind == 0:
            return word[:i] + word[i + 1 :]
        if kind == 1 and i < len(word) - 1:
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if kind == 2:
            return word[:i] + rng.choice(letters) + word[i + 1 :]
        return word[:i] + rng.choice(letters) + word[i:]

    makers = [
        lambda: rng.choice(surfaces),
        lambda: typo(rng.choice(vocabulary)),
        lambda: fold(rng.choice(surfaces)),
        lambda: rng.choice(surfaces).upper(),
        lambda: f"{rng.choice(surfaces)} {rng.choice(surfaces)}",
        lambda: rng.choice(vocabulary) + rng.choice(["en", "et", "er", "arna", "s", "ar", "ade"]),
        lambda: (lambda w, i: f"{w[:i]} {w[i:]}")(w := rng.choice(vocabulary), len(w) // 2),
        lambda: f"hur gör jag med {rng.choice(surfaces)} på biblioteket",
        lambda: f"help with my {rng.choice(surfaces)} please",
        lambda: rng.choice(surfaces)[: rng.randrange(3, 7)],
        lambda: "".join(rng.choice(letters) for _ in range(rng.randrange(4, 12))),
        lambda: f"{typo(rng.choice(vocabulary))} {rng.choice(vocabulary)}{rng.choice(vocabulary)}",
    ]
    queries = [rng.choice(makers)() for _ in range(count)]
    return [q for q in queries if q.strip()]


# --------------------------------------------------------------------------- parity


def test_every_evaluation_query_gets_lookup_s_rows_scores_and_answer(
    desk: Opened, lookup_data: lookup_core.LookupData
) -> None:
    queries = [case.query for case in load_cases()]
    assert len(queries) >= 150
    page = desk.page.evaluate(PAGE_SEARCH, queries)
    differ = [
        (q, expected, got)
        for q, got in zip(queries, page, strict=True)
        if (expected := lookup_summary(lookup_data, q)) != got
    ]
    assert differ == [], f"{len(differ)} of {len(queries)} queries differ; first: {differ[:3]}"


def test_generated_queries_get_lookup_s_rows_scores_and_answer(
    desk: Opened, lookup_data: lookup_core.LookupData
) -> None:
    queries = generated_queries(lookup_data)
    page = desk.page.evaluate(PAGE_SEARCH, queries)
    expected = [lookup_summary(lookup_data, q) for q in queries]
    differ = [(q, e, g) for q, e, g in zip(queries, expected, page, strict=True) if e != g]
    assert differ == [], f"{len(differ)} of {len(queries)} queries differ; first: {differ[:3]}"
    # The set exercises what it is meant to: answers, closest rows and nothing found.
    assert sum(1 for e in expected if e["answer"]) > 40
    assert sum(1 for e in expected if e["hits"] and not e["answer"]) > 40
    assert sum(1 for e in expected if not e["hits"] and e["suggestions"]) > 10


@pytest.mark.parametrize(
    "query",
    [
        "bankid",
        "sim kort",
        "migrationsverkt",
        "printa kontoutdrag",
        "parkeringsapp",
        unicodedata.normalize("NFD", "försäkringskassan blankett"),  # pasted from a Mac
    ],
)
def test_the_lookup_command_itself_agrees(desk: Opened, query: str) -> None:
    result = CliRunner().invoke(app, ["lookup", "--format", "json", "--root", str(REPO), query])
    assert result.exit_code == 0, result.output
    assert desk.page.evaluate(PAGE_SEARCH, [query]) == [summary(json.loads(result.output))]


def test_typed_into_the_page_the_same_rows_are_shown(
    desk: Opened, lookup_data: lookup_core.LookupData
) -> None:
    """What staff see: the answer card and the listed rows, after typing each query."""
    differ = []
    for case in load_cases():
        desk.page.fill("#q", case.query)
        shown = desk.page.evaluate(
            """() => ({answer: document.getElementById('results').dataset.answer || null,
                 card: document.querySelector('#card')?.dataset.row ?? null,
                 listed: [...document.querySelectorAll('#results .hit-list li')].map(li => li.dataset.row)})"""
        )
        data = lookup_core.as_data(lookup_core.search(lookup_data, [case.query], "sv"))
        rows = [hit["row"] for hit in data["hits"]]
        expected = {
            "answer": data["answer"],
            "card": data["answer"],
            "listed": rows[1 : 1 + MORE_HITS] if data["answer"] else rows[: MORE_HITS + 1],
        }
        if shown != expected:
            differ.append((case.query, expected, shown))
    assert differ == [], differ[:3]


def test_folding_every_letter_and_digit_as_lookup_does(desk: Opened) -> None:
    chars = [
        chr(code)
        for code in range(0x20, 0x10000)
        if not 0xD800 <= code <= 0xDFFF and unicodedata.category(chr(code))[0] in "LN"
    ]
    page = desk.page.evaluate(
        "cs => cs.map(c => [window.referralPage.desk.tools.fold(c), ReferralSearch.casefold(c)])",
        chars,
    )
    differ = [
        (hex(ord(c)), (fold(c), c.casefold()), tuple(got))
        for c, got in zip(chars, page, strict=True)
        if (fold(c), c.casefold()) != tuple(got)
    ]
    assert differ == [], differ[:10]


def test_word_forms_as_the_index_has_them(desk: Opened) -> None:
    index = RowIndex.build(load_valid_guidelines(REPO, inventory=False)).index
    terms = index.vocabulary
    assert desk.page.evaluate(
        "ts => ts.map(t => window.referralPage.desk.tools.stem(t))", terms
    ) == [stem(t) for t in terms]
    stems = desk.page.evaluate("() => [...window.referralPage.desk.rows.stemTable().entries()]")
    assert {root: terms for root, terms in stems} == index.to_state()["stems"]


def test_scores_round_as_python_does(desk: Opened) -> None:
    values = [0.125, 0.375, 0.625, 0.875, 0.005, 0.015, 0.025, 0.4449499999, 0.99995, 2.675]
    got = desk.page.evaluate(
        "vs => vs.map(v => [ReferralSearch.pyRound(v, 2), ReferralSearch.pyRound(v, 4)])", values
    )
    assert got == [[round(v, 2), round(v, 4)] for v in values]


# --------------------------------------------------------------------------- use


def test_keyboard_only_from_the_skip_link_to_the_answer(desk: Opened) -> None:
    page = desk.page
    assert page.evaluate("document.activeElement.id") == "q"  # the desk types at once
    for _ in range(5):  # back through the four links of the page's menu, to the skip link
        page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("bankid")
    assert page.text_content("#status") == "Svar: Bankärenden och inloggning med e-legitimation"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "card-title"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.tagName, document.activeElement.href]")
    assert focused[0] == "A" and focused[1].endswith("#aktor-bank")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    # A row from the category list, by keyboard: the card follows the link.
    page.focus('#arenden a[data-row="sim-kort-puk"]')
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'card-title'")
    assert page.get_attribute("#card", "data-row") == "sim-kort-puk"


def test_nothing_found_names_the_words_and_offers_closer_ones(desk: Opened) -> None:
    page = desk.page
    page.fill("#q", "parkeringsapp")
    assert page.text_content(".nothing") == "Inget i matrisen matchar ”parkeringsapp”."
    assert page.text_content(".unmatched") == "Hittade inte: parkeringsapp"
    page.click("button.suggestion")
    assert page.input_value("#q") == "app"
    page.fill("#q", "skriva ut biljett")
    assert page.get_attribute("#card", "data-row") == "boardingkort"


def test_only_common_words_ask_for_the_errand_instead_of_other_spellings(
    desk: Opened, browser: Any, site: Path
) -> None:
    desk.page.fill("#q", "hur gör jag")
    assert desk.page.text_content(".suggestions") == t("label.page_common_words_only", "sv")
    arabic = bundled_catalogue("ar")
    assert arabic is not None
    # The visitor's page, in the visitor's language, says it in the visitor's words.
    opened = Opened(browser, site / "public-page-ar.html")
    opened.page.fill("#q", "hur gör jag")
    assert opened.page.text_content(".suggestions") == arabic["label.public_common_words_only"]
    assert opened.problems == []
    opened.close()


def test_the_card_has_every_channel_with_its_link(desk: Opened) -> None:
    page = desk.page
    page.fill("#q", "bankid")
    card = page.locator("#card")
    assert card.locator('a[href="tel:0771-567567"]').count() == 1  # Skatteverket
    assert card.locator('a[href="https://www.skatteverket.se"]').count() == 1
    assert "Säg till exempel" in card.inner_text()
    assert "Legitimation" in card.inner_text() or "Lånekort" in card.inner_text()


def test_one_click_prints_the_row_s_slip(desk: Opened, site: Path, tmp_path: Path) -> None:
    page = desk.page
    page.fill("#q", "sim kort")
    page.evaluate("() => { window.printed = 0; }")
    page.click("button.print-slip")
    frame = page.frame_locator("#slip-frame")
    frame.locator("section.slip").wait_for()
    srcdoc = page.get_attribute("#slip-frame", "srcdoc")
    assert srcdoc is not None
    # The very slip `referral render referral-slips --row sim-kort-puk` prints.
    slips = render_handouts(
        REPO, RenderOptions(handouts=("referral-slips",), rows=("sim-kort-puk",))
    )["referral-slips.html"].decode()
    section = re.compile(r"<section class=\"slip .*?</section>", re.S)
    flat = lambda text: re.sub(r"\s+", " ", text)  # noqa: E731
    assert flat(section.search(srcdoc).group(0)) == flat(section.search(slips).group(0))  # type: ignore[union-attr]
    # Printed, it is one A4 page with the slip's text.
    slip_file = tmp_path / "slip.html"
    slip_file.write_text(srcdoc, encoding="utf-8")
    printer = page.context.new_page()
    printer.goto(slip_file.as_uri())
    pdf = tmp_path / "slip.pdf"
    printer.pdf(path=str(pdf), prefer_css_page_size=True)
    printer.close()
    if shutil.which("pdfinfo") and shutil.which("pdftotext"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert re.search(r"Pages:\s+1\b", info) and "pts (A4)" in info
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "Återställa ett låst SIM-kort" in text and "Mobiloperatörernas butiker" in text


def test_the_visitor_s_language_marks_the_actors_and_prints_the_slip_in_it(desk: Opened) -> None:
    page = desk.page
    guidelines = load_valid_guidelines(REPO, inventory=False, translations=True)
    row_id = next(iter(guidelines.translations["ar"].file.rows))
    row = next(row for _, row in guidelines.matrix.rows() if row.id == row_id)
    actors = {actor.id: actor for actor in guidelines.actors.actors}
    helping = [actors[a].name for a in row.refer_to if "ar" in actors[a].languages]
    assert helping  # the bundled row has an actor who helps in Arabic
    page.select_option("#visitor-lang", "ar")
    page.evaluate(f"() => {{ location.hash = '#rad-{row_id}'; }}")
    card = page.locator(f'#card[data-row="{row_id}"]')
    card.wait_for()
    summary = card.locator(".visitor-summary").inner_text()
    assert summary == f"På arabiska (العربية): {', '.join(helping)}"
    assert card.locator(".speaks-yes").count() == len(helping)
    button = card.locator("button.print-slip")
    assert button.get_attribute("data-slip") == "ar+sv"
    assert button.inner_text() == "Skriv ut lapp på arabiska (العربية)"
    button.click()
    page.frame_locator("#slip-frame").locator("section.slip").wait_for()
    srcdoc = page.get_attribute("#slip-frame", "srcdoc")
    assert srcdoc is not None and srcdoc.startswith('<!DOCTYPE html><html lang="ar" dir="rtl">')
    # The very slip `referral render referral-slips --lang ar+sv --row <row>` prints.
    slips = render_handouts(
        REPO, RenderOptions(handouts=("referral-slips",), rows=(row_id,), language="ar+sv")
    )["referral-slips-ar+sv.html"].decode()
    section = re.compile(r"<section class=\"slip .*?</section>", re.S)
    flat = lambda text: re.sub(r"\s+", " ", text)  # noqa: E731
    assert flat(section.search(srcdoc).group(0)) == flat(section.search(slips).group(0))  # type: ignore[union-attr]

    # A language the actors speak but nobody has translated into: said, and the slip is
    # the library's own.
    page.select_option("#visitor-lang", "ti")
    card = page.locator("#card")
    assert card.locator("button.print-slip").get_attribute("data-slip") == "sv"
    note = card.locator(".slip-language-note").inner_text()
    assert note == "Lappen är inte översatt till tigrinja: den skrivs ut på svenska."
    # None chosen: the card as before.
    page.select_option("#visitor-lang", "")
    assert card.locator(".visitor-summary, .speaks, .slip-language-note").count() == 0


def test_the_public_page_in_arabic_reads_and_searches_right_to_left(
    browser: Any, site: Path
) -> None:
    guidelines = load_valid_guidelines(REPO, inventory=False, translations=["ar"])
    row_id, translated = next(iter(guidelines.translations["ar"].file.rows.items()))
    assert translated.need is not None
    need = translated.need.text
    opened = Opened(browser, site / "public-page-ar.html")
    page = opened.page
    assert page.get_attribute("html", "lang") == "ar" and page.get_attribute("html", "dir") == "rtl"
    assert page.inner_text("h1") == "بماذا يمكن أن تساعدك المكتبة؟"
    # The visitor's words find the row, and the answer is worded in the visitor's language.
    word = max(need.split(), key=len)
    page.fill("#q", word)
    page.locator(f'#results li[data-row="{row_id}"]').wait_for()
    assert page.locator("#results li").first.get_attribute("data-row") == row_id
    assert page.inner_text("#status") == f"الجواب: {need}"
    # Off screen, headings are not laid out yet (content-visibility): read their text.
    heading = page.text_content(f"#rad-{row_id}-rubrik") or ""
    assert " ".join(heading.split()) == need
    # A row nobody translated shows its Swedish need, marked, and the page explains the mark.
    untranslated = next(
        row
        for _, row in guidelines.matrix.rows()
        if row.id not in guidelines.translations["ar"].file.rows
    )
    marked = page.text_content(f"#rad-{untranslated.id}-rubrik") or ""
    assert " ".join(marked.replace("\xa0", " ").split()) == f"{untranslated.need} *"
    assert page.locator(".fallback-note").count() == 1
    assert opened.problems == []
    opened.close()


def test_hostile_data_stays_text_and_nothing_is_requested(browser: Any, site: Path) -> None:
    for name in PAGES:
        opened = Opened(browser, site / f"hostile-{name}.html")
        page = opened.page
        page.fill("#q", "script alert")
        page.fill("#q", "markup pipe")
        page.wait_for_timeout(50)
        assert opened.dialogs == []
        assert page.evaluate("window.alerted === undefined")
        assert page.locator("script:not([type])").count() == 1
        assert opened.requests == [(site / f"hostile-{name}.html").as_uri()]
        assert opened.problems == []
        opened.close()
    opened = Opened(browser, site / "hostile-desk-page.html")
    opened.page.fill("#q", "Rad som ser ut som en lista")
    assert opened.page.get_attribute("#card", "data-row") == "markup"
    assert "<script>alert(1)</script>" in opened.page.inner_text("#card")
    opened.close()


def test_the_matching_actors_listed_are_the_ones_lookup_found(browser: Any, site: Path) -> None:
    """The fixture's actors.yaml is not in name order, as the page's directory is."""
    opened = Opened(browser, site / "hostile-desk-page.html")
    page = opened.page
    page.fill("#q", "folkbokföring")  # Skatteverket's service; no row is an answer
    assert page.locator("#card").count() == 0
    listed = page.eval_on_selector_all(".actor-hits li", "lis => lis.map(li => li.dataset.actor)")
    assert listed == ["skatteverket"]
    assert page.inner_text(".actor-hits li") == "Skatteverket"
    # With an answer, the actors its card already shows are not listed again.
    page.fill("#q", "bankid skatteverket")
    assert page.get_attribute("#card", "data-row") == "bank-e-legitimation"
    assert page.locator(".actor-hits").count() == 0
    assert opened.problems == []
    opened.close()


LONG_WORD = "Informationsdiskstelefonnummerförteckningsuppdatering" * 3


@pytest.mark.parametrize("name", PAGES)
def test_long_unbroken_texts_wrap_at_phone_width(browser: Any, tmp_path: Path, name: str) -> None:
    """An address that is no link (a quote in it) and a word longer than the screen."""
    actors = FIXTURE_TREE["data/actors.yaml"].replace(
        "website: https://example.se/a_(b)",
        f"website: 'https://example.se/\"{LONG_WORD}'\n      opening_hours: {LONG_WORD}",
    )
    matrix = FIXTURE_TREE["data/matrix.yaml"].replace(
        "solution: Det här hjälper", f"solution: {LONG_WORD} Det här hjälper"
    )
    assert actors != FIXTURE_TREE["data/actors.yaml"] and LONG_WORD in matrix
    repo = write_tree(
        tmp_path / "repo", {**FIXTURE_TREE, "data/actors.yaml": actors, "data/matrix.yaml": matrix}
    )
    (tmp_path / f"{name}.html").write_bytes(
        render_handouts(repo, RenderOptions(handouts=(name,)))[f"{name}.html"]
    )
    opened = Opened(browser, tmp_path / f"{name}.html", viewport={"width": 375, "height": 800})
    for query in ("Rad som ser ut som en lista", "granska källor", ""):
        opened.page.fill("#q", query)
        wide = opened.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert wide <= 0, (query, wide)
    assert opened.problems == []
    opened.close()


def test_the_public_page_lists_and_links_the_rows(browser: Any, site: Path) -> None:
    opened = Opened(browser, site / "public-page.html")
    page = opened.page
    page.fill("#q", "blankett")
    links = page.eval_on_selector_all(".hit-list a", "as => as.map(a => a.getAttribute('href'))")
    assert links[0] == "#rad-fylla-i-formular"
    page.click(".hit-list a >> nth=0")
    assert page.evaluate("location.hash") == "#rad-fylla-i-formular"
    assert page.locator("#rad-fylla-i-formular").is_visible()
    assert page.locator("#card").count() == 0 and "Säg till exempel" not in page.content()
    assert opened.problems == []
    opened.close()


# --------------------------------------------------------------------------- accessibility


AXE_STATES = {
    "empty": "",
    "answer": "bankid",
    "closest": "svenska",
    "nothing": "parkeringsapp",
}


@pytest.mark.parametrize("name", [*PAGES, "public-page-ar"])
@pytest.mark.parametrize(
    "viewport",
    [
        pytest.param({"width": 1280, "height": 900}, id="desktop"),
        pytest.param({"width": 390, "height": 844}, id="phone"),
        # 200 % zoom of a 1280-pixel window: a 640-pixel-wide page at twice the density.
        pytest.param({"width": 640, "height": 450, "device_scale_factor": 2}, id="zoom200"),
    ],
)
def test_axe_finds_no_violation_and_nothing_scrolls_sideways(
    browser: Any, site: Path, name: str, viewport: dict[str, int]
) -> None:
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
    size = {"width": viewport["width"], "height": viewport["height"]}
    scale = viewport.get("device_scale_factor", 1)
    opened = Opened(browser, site / f"{name}.html", viewport=size, device_scale_factor=scale)
    axe = axe_module.Axe()
    for state, query in AXE_STATES.items():
        opened.page.fill("#q", query)
        results = axe.run(opened.page)
        assert results.violations_count == 0, (state, results.generate_report())
        wide = opened.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert wide <= 0, (state, wide)
    assert opened.problems == []
    opened.close()
