"""Slips in the visitor's language printed for real, in both engines, read back from the PDFs.

What issue 17 holds them to: an Arabic slip is right to left; its text extracts in
logical order; digits and web addresses are intact; every glyph comes from an embedded
bundled font; a bilingual slip still cuts three to a sheet. Tigrinya and Easy Swedish
slips print in their fonts and words. The tools, and the skips where they are missing,
are those of `tests/test_render_browser.py`.

Reading Arabic back: poppler writes the two letters of a lam-alef ligature (`لا`, `لإ`,
`لى`) the other way round and may move a combining mark, so an expected text is compared
in that form (`poppler_form`); the order of the words is what is checked.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import pytest

from referral_cli.commands.render import RenderOptions, render_handouts
from tests.test_render_browser import (
    ENGINES,
    MM,
    POPPLER,
    _pdf,
    assert_a4,
    assert_inside_cells,
    assert_same_grid,
    available_engines,
    chromium_print,
    dark_rows,
    page_texts,
    pages,
    weasyprint_print,
    words,
)

pytestmark = pytest.mark.skipif(
    not POPPLER,
    reason="poppler-utils (pdfinfo, pdftotext, pdffonts, pdftoppm) is not installed: "
    "apt-get install poppler-utils",
)

BUNDLED = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "data" / "translations"
# Rows the bundled Arabic translates (need, solution, phrasing), then one it does not.
ARABIC_ROWS = ("vard-1177", "migrationsverket-arende", "sim-kort-puk", "kallkritik")
THREE_ROWS = ("vard-1177", "migrationsverket-arende", "sim-kort-puk")
NEED_1177 = "تسجيل الدخول إلى خدمات 1177 الإلكترونية وحجز المواعيد أو تغييرها"
NEED_SIM = "إعادة تفعيل شريحة SIM مقفلة، أو رمز PIN أو PUK"
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
HARAKAT = re.compile("[\u064b-\u0652\u0670]")
ARABIC_LETTER = re.compile("[\u0621-\u064a\u066e-\u06d3]")


# --------------------------------------------------------------------------- fixtures


def _repository(folder: Path) -> Path:
    """The bundled example with Tigrinya and Easy Swedish test translations beside its own."""
    repo = folder / "repo"
    for name in ("library.yaml", "actors.yaml", "matrix.yaml", "translations"):
        source = BUNDLED / "data" / name
        target = repo / "data" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copyfile)(source, target)
    for fixture in FIXTURES.glob("*.yaml"):
        shutil.copyfile(fixture, repo / "data" / "translations" / fixture.name)
    return repo


def _print(
    repo: Path, out: Path, language: str, rows: Sequence[str], engines: Sequence[str]
) -> dict[str, Path]:
    """Render the slips of `rows` in `language` as HTML and print them with every engine."""
    files = render_handouts(
        repo,
        RenderOptions(
            handouts=("referral-slips",), language=language, rows=tuple(rows), revision="abc1234"
        ),
    )
    ((name, content),) = files.items()
    out.mkdir(parents=True, exist_ok=True)
    html = out / name
    html.write_bytes(content)
    printed = {}
    for engine in engines:
        pdf = out / f"{html.stem}.{engine}.pdf"
        (chromium_print if engine == "chromium" else weasyprint_print)(html, pdf)
        printed[engine] = pdf
    return printed


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Arabic, bilingual, Tigrinya and Easy Swedish slips, in every engine there is."""
    folder = tmp_path_factory.mktemp("visitor-slips")
    repo = _repository(folder)
    engines = available_engines()
    every_row = tuple(
        line.split("- id: ")[1].strip()
        for line in (repo / "data" / "matrix.yaml").read_text(encoding="utf-8").splitlines()
        if line.startswith("      - id: ")
    )
    result: dict[tuple[str, str], Path] = {}
    for language, rows in (
        ("ar", ARABIC_ROWS),
        ("ar+sv", every_row),
        ("ti", THREE_ROWS),
        ("sv-lattlast", THREE_ROWS),
    ):
        for engine, pdf in _print(repo, folder / language, language, rows, engines).items():
            result[language, engine] = pdf
    return result


# --------------------------------------------------------------------------- reading


def poppler_form(text: str) -> str:
    """`text` as poppler writes Arabic back: lam-alef ligatures turned, no harakat."""
    text = HARAKAT.sub("", unicodedata.normalize("NFC", text))
    return re.sub("ل([اأإآى])", r"\1ل", text)


def arabic_words(text: str) -> list[str]:
    """The words of `text` that are Arabic, in order, in poppler's form."""
    clean = BIDI_CONTROLS.sub(" ", text)
    return [
        poppler_form(word) for word in re.split(r"[\s،,.:()]+", clean) if ARABIC_LETTER.search(word)
    ]


def in_order(found: Sequence[str], expected: Sequence[str]) -> bool:
    """Whether `expected` occurs in `found` as a contiguous run."""
    return any(
        list(found[start : start + len(expected)]) == list(expected)
        for start in range(len(found) - len(expected) + 1)
    )


def plain_text(pdf: Path) -> str:
    """`pdftotext` in reading order (not -bbox): poppler's own logical order."""
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return BIDI_CONTROLS.sub(" ", text)


def embedded_fonts(pdf: Path) -> list[tuple[str, str]]:
    """`(name, emb)` for every font in the PDF, from `pdffonts`."""
    listing = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    return [(line.split()[0].split("+")[-1], line.split()[-5]) for line in listing if line.strip()]


# --------------------------------------------------------------------------- Arabic


@pytest.mark.parametrize("engine", ENGINES)
def test_an_arabic_slip_is_right_to_left(printed: dict[tuple[str, str], Path], engine: str) -> None:
    pdf = _pdf(printed, "ar", engine)
    assert_a4(pdf)
    first_cell = [word for word in words(pdf)[0] if word.y1 / MM < 99]
    need_line = [w for w in first_cell if 8 < w.y0 / MM < 14]  # under the first label
    assert need_line, [(w.text, round(w.y0 / MM, 1)) for w in first_cell[:12]]
    rightmost = max(need_line, key=lambda w: w.x1)
    leftmost = min(need_line, key=lambda w: w.x0)
    # The need's first word ends at the right edge of the text (10 mm inset); its last is
    # to the left, and the line does not start at the left edge.
    assert abs(rightmost.x1 / MM - 200) < 1.5, rightmost
    assert poppler_form(rightmost.text[::-1]) == poppler_form(NEED_1177.split()[0])
    assert poppler_form(leftmost.text[::-1]) == poppler_form(NEED_1177.split()[-1])
    assert leftmost.x0 / MM > 20
    # The library's name, at the end of the top line, sits at the left edge.
    name = next(w for w in first_cell if w.text == "Älvstads")
    assert abs(name.x0 / MM - 10) < 1.5 and name.y0 / MM < 9


@pytest.mark.parametrize("engine", ENGINES)
def test_arabic_text_extracts_in_logical_order_digits_and_addresses_intact(
    printed: dict[tuple[str, str], Path], engine: str
) -> None:
    text = plain_text(_pdf(printed, "ar", engine))
    found = arabic_words(text)
    for expected in (NEED_1177, NEED_SIM, "تحتاج إلى مساعدة في", "إلى أين تتوجّه", "أحضر معك"):
        assert in_order(found, arabic_words(expected)), expected
    # Numbers and addresses come out whole, left to right, as written.
    for intact in (
        "1177",
        "www.1177.se",
        "0771-235 235",  # Migrationsverket's phone, on an Arabic line
        "www.migrationsverket.se",
        "informationskontoret@alvstad.se",
        "9–15",  # inside the translated opening hours
        "13–16",
        "2026-10-07",
        "0123-456 50",
        "www.alvstad.se/bibliotek",
    ):
        assert intact in text, intact
    # The row without a translation prints its need in Swedish, marked, with the note.
    assert "Granska källor och avgöra om information på nätet är trovärdig" in re.sub(
        r"\s+", " ", text
    )
    assert in_order(found, arabic_words("مكتوب باللغة السويدية، لأنه لم يُترجم بعد"))


@pytest.mark.parametrize("engine", ENGINES)
def test_every_glyph_comes_from_an_embedded_bundled_font(
    printed: dict[tuple[str, str], Path], engine: str
) -> None:
    for language in ("ar", "ar+sv", "ti", "sv-lattlast"):
        fonts = embedded_fonts(_pdf(printed, language, engine))
        assert fonts and all(emb == "yes" for _, emb in fonts), (language, fonts)
        names = [name for name, _ in fonts]
        assert all(re.search(r"Noto|ReferralSans", name) for name in names), (language, names)
        if language in ("ar", "ar+sv"):
            assert any("Arabic" in name for name in names), names
        if language == "ti":
            assert any("Ethiopic" in name for name in names), names


# --------------------------------------------------------------------------- bilingual


def slip_tops_by_cell(pdf: Path, word: str, cell: float) -> list[list[float]]:
    """Per page, the height (mm) of the first `word` in each cell that has one."""
    tops = []
    for page in words(pdf):
        firsts: dict[int, float] = {}
        for found in page:
            if found.text == word:
                slot = int(found.y0 / MM // cell)
                firsts[slot] = min(firsts.get(slot, 999.0), found.y0 / MM - slot * cell)
        tops.append([slot * cell + top for slot, top in sorted(firsts.items())])
    return tops


@pytest.mark.parametrize("engine", ENGINES)
def test_a_bilingual_slip_still_cuts_three_to_a_sheet(
    printed: dict[tuple[str, str], Path], engine: str
) -> None:
    pdf = _pdf(printed, "ar+sv", engine)
    assert_a4(pdf)
    assert pages(pdf) == 5  # the bundled 15 rows
    tops = slip_tops_by_cell(pdf, "Älvstads", 99)  # the library's name on every slip's top
    assert [len(page) for page in tops] == [3, 3, 3, 3, 3]
    assert_same_grid(tops, 99)
    assert_inside_cells(pdf, 99, 5.0)
    for page in range(1, 6):
        marks = dark_rows(pdf, page, 1.0, 9.0)
        assert marks and all(abs(y - 99) < 1 or abs(y - 198) < 1 for y in marks), marks
    text = re.sub(r"\s+", " ", " ".join(page_texts(pdf)))
    # The Swedish beside every translated need, and the label beside the first one.
    assert "Logga in och boka eller ändra tider i 1177:s e-tjänster" in text
    assert "DU BEHÖVER HJÄLP MED" in text  # labels are set in capitals


# --------------------------------------------------------------------------- Tigrinya, Easy Swedish


@pytest.mark.parametrize("engine", ENGINES)
def test_a_tigrinya_slip_prints_in_ethiopic(
    printed: dict[tuple[str, str], Path], engine: str
) -> None:
    pdf = _pdf(printed, "ti", engine)
    text = re.sub(r"\s+", " ", plain_text(pdf))
    for expected in (
        "ናብ ኤሌክትሮኒካዊ ኣገልግሎታት 1177 ምእታውን ቆጸራ ምሓዝ ወይ ምቕያርን",
        "ሓገዝ ዘድልየካ ጉዳይ",
        "ሰኑይ ክሳብ ዓርቢ 10–19፣ ቀዳም 10–16።",
        "0771-235 235",
    ):
        assert expected in text, expected
    assert pages(pdf) == 1


@pytest.mark.parametrize("engine", ENGINES)
def test_an_easy_swedish_slip(printed: dict[tuple[str, str], Path], engine: str) -> None:
    pdf = _pdf(printed, "sv-lattlast", engine)
    text = re.sub(r"\s+", " ", " ".join(page_texts(pdf)))
    for expected in (
        "DU VILL HA HJÄLP MED",  # labels are set in capitals
        "Logga in på 1177 och boka en tid eller ändra en tid",
        "HIT KAN DU GÅ",
        "Ditt SIM-kort är låst. Du behöver en PIN-kod eller PUK-kod.",
        # Language names in Swedish, the reader's language.
        "arabiska",
    ):
        assert expected in text, expected
    assert_inside_cells(pdf, 99, 5.0)


# --------------------------------------------------------------------------- the poster


@pytest.mark.parametrize("engine", ENGINES)
def test_a_right_to_left_posters_footer_keeps_the_date_and_its_fonts(
    tmp_path: Path, engine: str
) -> None:
    """Seen on a Persian poster: the footer's `2026-09-01` printed as `01-09-2026` (an
    Arabic-script label before it made each number a run of its own), and its words set
    in the host's DejaVu Sans (the page margin named only the Latin font)."""
    if engine not in available_engines():
        pytest.skip(f"{engine} is not available here")
    files = render_handouts(
        BUNDLED, RenderOptions(handouts=("poster",), language="ar", revision="abc1234")
    )
    html = tmp_path / "poster-ar.html"
    html.write_bytes(files["poster-ar.html"])
    pdf = tmp_path / f"poster-ar.{engine}.pdf"
    (chromium_print if engine == "chromium" else weasyprint_print)(html, pdf)
    text = plain_text(pdf)
    assert "2026-10-07" in text  # library.yaml's reviewed, as written
    assert "07-10-2026" not in text
    assert "abc1234" in text
    names = [name for name, _ in embedded_fonts(pdf)]
    assert all(re.search(r"Noto|ReferralSans", name) for name in names), names
