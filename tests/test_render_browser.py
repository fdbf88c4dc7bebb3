"""Print the handouts for real, in both engines, and read the PDFs back.

Two engines: headless Chromium prints the HTML the way a library's browser would;
WeasyPrint is `--format pdf`. Poppler reads the results: `pdfinfo` (paper, page
count), `pdftotext -bbox` (what is where on the page), `pdffonts` (which fonts),
`pdftoppm` (the crop marks, as pixels). `.ci/run` installs chromium and poppler-utils
(Debian) and the `pdf` extra; these tests skip, with the reason, where those are not
there. PDFs are rendered once per module and shared by the tests.

What they hold the handouts to (issue 14): A4; three slips to a page in fixed cells,
cut marks at the same height on every sheet, no slip running out of its cell; email
addresses printed; the bundled desk guide on at most five pages; the quick reference
on exactly one; the same page count in both engines and with no system fonts at all
(only the bundled fonts in every PDF).
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from referral_cli.commands.render import RenderOptions, render_handouts
from tests.conftest import write_tree
from tests.test_render import FIXTURE_TREE

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
POPPLER = all(shutil.which(tool) for tool in ("pdfinfo", "pdftotext", "pdffonts", "pdftoppm"))
BUNDLED = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(
    not POPPLER,
    reason="poppler-utils (pdfinfo, pdftotext, pdffonts, pdftoppm) is not installed: "
    "apt-get install poppler-utils",
)

A4 = (595.28, 841.89)  # points
MM = 72 / 25.4  # points per mm


def _weasyprint_available() -> bool:
    try:
        import weasyprint  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


WEASYPRINT = _weasyprint_available()
SKIP_CHROMIUM = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed: apt-get install chromium"
)
SKIP_WEASYPRINT = pytest.mark.skipif(
    not WEASYPRINT,
    reason="WeasyPrint cannot run here: pip install 'referral-cli[pdf]' "
    "(and apt-get install libpango-1.0-0 libpangoft2-1.0-0)",
)
ENGINES = [
    pytest.param("chromium", marks=SKIP_CHROMIUM),
    pytest.param("weasyprint", marks=SKIP_WEASYPRINT),
]
both_engines = pytest.mark.skipif(
    CHROMIUM is None or not WEASYPRINT, reason="needs both chromium and WeasyPrint"
)

# A fontconfig with no fonts at all: only what a page embeds can be used.
NO_FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


# --------------------------------------------------------------------------- printing


def chromium_print(html: Path, pdf: Path, env: dict[str, str] | None = None) -> None:
    """Print `html` to `pdf` with headless Chromium (once more if the browser crashed)."""
    assert CHROMIUM is not None
    result = None
    for _ in range(2):
        with tempfile.TemporaryDirectory() as profile:
            result = subprocess.run(
                [
                    CHROMIUM,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    f"--user-data-dir={profile}",
                    f"--print-to-pdf={pdf}",
                    "--no-pdf-header-footer",
                    html.as_uri(),
                ],
                capture_output=True,
                text=True,
                timeout=180,
                check=False,
                env=env,
            )
        if pdf.is_file() and pdf.stat().st_size > 0:
            return
    assert result is not None
    raise AssertionError(f"chromium printed nothing: {result.stderr[-2000:]}")


def weasyprint_print(html: Path, pdf: Path, env: dict[str, str] | None = None) -> None:
    """Print `html` to `pdf` as `--format pdf` does; in a fresh process when `env` is given
    (fontconfig reads its configuration once per process)."""
    if env is None:
        from referral_cli.documents import html_to_pdf

        pdf.write_bytes(html_to_pdf(html.read_text(encoding="utf-8")))
        return
    code = (
        "import sys, pathlib; from referral_cli.documents import html_to_pdf; "
        "pathlib.Path(sys.argv[2]).write_bytes("
        "html_to_pdf(pathlib.Path(sys.argv[1]).read_text(encoding='utf-8')))"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(html), str(pdf)],
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )


def print_all(
    root: Path,
    out: Path,
    handouts: Sequence[str],
    engines: Sequence[str],
    options: RenderOptions | None = None,
    env: dict[str, str] | None = None,
) -> dict[tuple[str, str], Path]:
    """Render `handouts` from `root` as HTML once and print each with every engine."""
    base = options or RenderOptions()
    out.mkdir(parents=True, exist_ok=True)
    files = render_handouts(
        root,
        RenderOptions(
            handouts=tuple(handouts),
            formats=("html",),
            language=base.language,
            rows=base.rows,
            revision="abc1234",
            qr=base.qr,
            large=base.large,
        ),
    )
    pdfs = {}
    for handout in handouts:
        html = out / f"{handout}.html"
        html.write_bytes(files[f"{handout}.html"])
        for engine in engines:
            pdf = out / f"{handout}.{engine}.pdf"
            (chromium_print if engine == "chromium" else weasyprint_print)(html, pdf, env)
            pdfs[handout, engine] = pdf
    return pdfs


def available_engines() -> list[str]:
    return [
        engine
        for engine, there in (("chromium", CHROMIUM is not None), ("weasyprint", WEASYPRINT))
        if there
    ]


# --------------------------------------------------------------------------- reading PDFs


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Width and height in points of every page, from `pdfinfo`."""
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "9999", str(pdf)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [
        (float(width), float(height))
        for width, height in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)
    ]


def pages(pdf: Path) -> int:
    return len(page_sizes(pdf))


def assert_a4(pdf: Path) -> None:
    for width, height in page_sizes(pdf):
        assert abs(width - A4[0]) < 1.5 and abs(height - A4[1]) < 1.5, (pdf.name, width, height)


@dataclass(frozen=True)
class Word:
    """One word of a page, with its box in points from the top-left corner."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def words(pdf: Path) -> list[list[Word]]:
    """Every page's words with their boxes, from `pdftotext -bbox`."""
    xml = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    result = []
    for page in xml.split("<page ")[1:]:
        result.append(
            [
                Word(html.unescape(text), float(x0), float(y0), float(x1), float(y1))
                for x0, y0, x1, y1, text in re.findall(
                    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                    r"([^<]*)</word>",
                    page,
                )
            ]
        )
    return result


def page_texts(pdf: Path) -> list[str]:
    """The text of every page, white space made single."""
    return [" ".join(word.text for word in page) for page in words(pdf)]


def _squeeze(text: str) -> str:
    """Without case, white space and hyphens (CSS upper-cases labels; lines wrap anywhere)."""
    return re.sub(r"[\s\-]+", "", text).casefold()


def assert_in_order(text: str, expected: Sequence[str]) -> None:
    """Every item appears in `text`, in this order."""
    text = _squeeze(text)
    position = 0
    for item in expected:
        found = text.find(_squeeze(item), position)
        assert found >= 0, f"{item!r} missing (or out of order) after position {position}"
        position = found + len(_squeeze(item))


def fonts(pdf: Path) -> list[str]:
    """The names of the fonts in a PDF (subset prefixes removed), from `pdffonts`."""
    listing = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    return sorted({line.split()[0].split("+")[-1] for line in listing if line.strip()})


def dark_rows(pdf: Path, page: int, x_from_mm: float, x_to_mm: float) -> list[float]:
    """Heights (mm from the top) where the strip between the two x positions has ink."""
    with tempfile.TemporaryDirectory() as folder:
        stem = Path(folder) / "page"
        subprocess.run(
            ["pdftoppm", "-r", "72", "-gray", "-f", str(page), "-l", str(page), str(pdf), stem],
            check=True,
            capture_output=True,
        )
        data = next(Path(folder).glob("page*.pgm")).read_bytes()
    header = data.split(maxsplit=4)  # P5 width height maxval pixels
    width, height = int(header[1]), int(header[2])
    pixels = data[len(data) - width * height :]
    x0, x1 = round(x_from_mm * MM), round(x_to_mm * MM)
    return [
        y / MM
        for y in range(height)
        if min(pixels[y * width + x0 : y * width + x1]) < 110  # dark, not the light grey
    ]


# --------------------------------------------------------------------------- fixtures

PRINT_HANDOUTS = (
    "desk-guide",
    "quick-reference",
    "referral-slips",
    "actors",
    "actors-public",
    "guidelines",
    "poster",
    "inventory-sheet",
)


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Every handout of the bundled example in Swedish, printed by every engine there is."""
    return print_all(
        BUNDLED, tmp_path_factory.mktemp("bundled-sv"), PRINT_HANDOUTS, available_engines()
    )


@pytest.fixture(scope="module")
def bundled_en(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """The three desk handouts in English."""
    return print_all(
        BUNDLED,
        tmp_path_factory.mktemp("bundled-en"),
        ("desk-guide", "quick-reference", "referral-slips"),
        available_engines(),
        RenderOptions(language="en"),
    )


@pytest.fixture(scope="module")
def without_system_fonts(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """The desk handouts printed where fontconfig knows no font at all."""
    folder = tmp_path_factory.mktemp("no-fonts")
    conf = folder / "fonts.conf"
    conf.write_text(NO_FONTS_CONF.format(cache=folder / "cache"), encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    return print_all(
        BUNDLED,
        folder / "out",
        ("desk-guide", "quick-reference", "referral-slips"),
        available_engines(),
        env=env,
    )


def _crowded_tree() -> dict[str, str]:
    """A repository unlike the bundled one: long names and needs, six actors on a row, an
    actor reachable only by email, a web address with hyphens, languages in four scripts."""
    actors = "actors:\n"
    for number in range(1, 7):
        actors += (
            f"  - id: a{number}\n"
            f"    name: Den regionala samordningsfunktionen för digital service nummer {number}\n"
            "    kind: other\n    scope: regional\n"
            "    contact:\n"
            f"      phone: 010-123 45 6{number}\n"
            f"      website: https://www.region-exempel.se/digital-service/kontakt-och-oppettider-{number}\n"
            f"      email: digital.service{number}@region-exempel.se\n"
            "      address: Regionens hus, Långa vägen 123, 123 45 Storstad\n"
            "      opening_hours: Måndag–torsdag 8–17, fredag 8–15, lunchstängt 12–13\n"
            "    languages: [sv, en, ar, fa, so, ti, uk, fi]\n"
        )
    actors += (
        "  - id: mejl\n    name: Konsumentrådgivningen\n    kind: municipality\n"
        "    scope: local\n    contact:\n      email: konsument@kommun-exempel.se\n"
    )
    need = (
        "Ett mycket långt ärende som beskriver allt som användaren behöver hjälp med, "
        "från början till slut, med många ord"
    )
    rows = ""
    for number in range(1, 5):
        refer = ", ".join(f"a{i}" for i in range(1, 7)) if number % 2 else "mejl"
        rows += (
            f"      - id: r{number}\n        need: {need} {number}\n"
            f"        solution: {'Lösning med text. ' * 20}\n"
            f"        refer_to: [{refer}]\n        requires: [id_document, e_id, own_device]\n"
            "        reviewed: 2026-01-15\n"
        )
    return {
        "data/library.yaml": "name: Storstads bibliotek\nlanguage: sv\nreviewed: 2026-01-15\n"
        "contact:\n  phone: 010-100 00 00\n  website: https://bibliotek.storstad-exempel.se\n",
        "data/actors.yaml": actors,
        "data/matrix.yaml": f"categories:\n  - id: k\n    title: Kategori\n    rows:\n{rows}",
    }


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """The crowded repository's slips, normal and large print, in every engine."""
    folder = tmp_path_factory.mktemp("crowded")
    repo = write_tree(folder / "repo", _crowded_tree())
    normal = print_all(repo, folder / "normal", ("referral-slips",), available_engines())
    large = print_all(
        repo,
        folder / "large",
        ("referral-slips",),
        available_engines(),
        RenderOptions(large=True, qr=True),
    )
    return {
        **{("normal", engine): pdf for (_, engine), pdf in normal.items()},
        **{("large", engine): pdf for (_, engine), pdf in large.items()},
    }


def _pdf(pdfs: dict[tuple[str, str], Path], handout: str, engine: str) -> Path:
    if (handout, engine) not in pdfs:
        pytest.skip(f"{engine} is not available here")
    return pdfs[handout, engine]


# --------------------------------------------------------------------------- every handout


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("handout", PRINT_HANDOUTS)
def test_every_handout_is_a4_in_the_bundled_fonts_only(
    bundled: dict[tuple[str, str], Path], handout: str, engine: str
) -> None:
    pdf = _pdf(bundled, handout, engine)
    assert pages(pdf) >= 1
    if handout == "inventory-sheet":  # landscape
        assert all(abs(w - A4[1]) < 1.5 and abs(h - A4[0]) < 1.5 for w, h in page_sizes(pdf))
    else:
        assert_a4(pdf)
    # Every glyph comes from a bundled font (Noto, embedded as subsets): none from the host.
    assert fonts(pdf) and all(re.search(r"Noto|ReferralSans", name) for name in fonts(pdf)), fonts(
        pdf
    )


@both_engines
@pytest.mark.parametrize("handout", PRINT_HANDOUTS)
def test_both_engines_make_the_same_pages(
    bundled: dict[tuple[str, str], Path], handout: str
) -> None:
    assert pages(bundled[handout, "chromium"]) == pages(bundled[handout, "weasyprint"])


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("handout", ["desk-guide", "quick-reference", "referral-slips"])
def test_no_system_fonts_same_pages(
    bundled: dict[tuple[str, str], Path],
    without_system_fonts: dict[tuple[str, str], Path],
    handout: str,
    engine: str,
) -> None:
    alone = _pdf(without_system_fonts, handout, engine)
    assert pages(alone) == pages(_pdf(bundled, handout, engine))
    assert page_texts(alone) == page_texts(_pdf(bundled, handout, engine))


# --------------------------------------------------------------------------- desk handouts


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_desk_guide_fits_five_pages_with_index_contacts_and_checklist(
    bundled: dict[tuple[str, str], Path],
    bundled_en: dict[tuple[str, str], Path],
    engine: str,
    lang: str,
) -> None:
    pdf = _pdf(bundled if lang == "sv" else bundled_en, "desk-guide", engine)
    assert pages(pdf) <= 5
    texts = page_texts(pdf)
    if lang == "en":
        assert_in_order(texts[0], ["Internal – not for visitors", "Cases in this guide"])
        return
    assert_in_order(
        texts[0],
        [
            "Intern – inte till besökare",
            "Hänvisningsguide för informationsdisken",
            "Ärenden i guiden",
        ],
    )
    for expected in (
        "1 Bankärenden och inloggning med e-legitimation",
        "15 Känna igen falska nyheter",  # the index lists every row
        "Biblioteket kan:",
        "Säg till exempel:",
        "Hänvisa till:",
        "Skatteverket 0771-567 567",  # name and phone in the row
    ):
        assert expected in texts[0], expected
    whole = " ".join(texts)
    # Every referred actor's details once, email too; the checklist on its own last sheet.
    assert_in_order(whole, ["Kontaktuppgifter till aktörerna", "medborgarkontoret@alvstad.se"])
    assert_in_order(texts[-1], ["Checklista för informationsdisken", "Så hanterar du ett ärende"])
    assert "Sida" not in texts[-1]  # the checklist sheet is for the wall: no page number
    for text in texts:
        assert "Intern – inte till besökare" in text


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_quick_reference_is_one_page(
    bundled: dict[tuple[str, str], Path],
    bundled_en: dict[tuple[str, str], Path],
    engine: str,
    lang: str,
) -> None:
    pdf = _pdf(bundled if lang == "sv" else bundled_en, "quick-reference", engine)
    assert pages(pdf) == 1
    if lang == "sv":
        assert_in_order(
            page_texts(pdf)[0],
            ["Snabbguide", "1 Bankärenden", "Skatteverket 0771-567 567", "15 Känna igen"],
        )


# --------------------------------------------------------------------------- slips


def slip_tops(pdf: Path, label: str) -> list[list[float]]:
    """Per page, the heights (mm) at which a slip's first label starts."""
    return [[word.y0 / MM for word in page if word.text == label] for page in words(pdf)]


def assert_same_grid(tops: list[list[float]], cell: float) -> None:
    """Every slip starts at the same height in its cell, on every sheet (a stack cuts)."""
    first = tops[0][0]
    assert 5 <= first <= 9.5, first  # the cell's top inset: clear of a printer's margin
    for page in tops:
        for n, top in enumerate(page):
            assert abs(top - cell * n - first) < 0.3, (n, top)


def assert_inside_cells(pdf: Path, cell: float, bottom_inset: float) -> None:
    """No word of a slip crosses into the next cell (or the inset at a cell's foot)."""
    for number, page in enumerate(words(pdf), 1):
        for word in page:
            top, bottom = word.y0 / MM, word.y1 / MM
            slot = int(top // cell)
            limit = (slot + 1) * cell - bottom_inset + 0.6
            assert bottom <= limit, f"page {number}: {word.text!r} ends at {bottom:.1f} mm"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_three_slips_a_page_in_fixed_cells_with_cut_marks(
    bundled: dict[tuple[str, str], Path],
    bundled_en: dict[tuple[str, str], Path],
    engine: str,
    lang: str,
) -> None:
    pdf = _pdf(bundled if lang == "sv" else bundled_en, "referral-slips", engine)
    assert_a4(pdf)
    label = "DU" if lang == "sv" else "YOU"  # the first word of every slip
    tops = slip_tops(pdf, label)
    assert [len(page) for page in tops] == [3, 3, 3, 3, 3]  # 15 rows, three to a sheet
    assert_same_grid(tops, 99)
    assert_inside_cells(pdf, 99, 5.0)
    for page in range(1, 6):
        # Crop marks at the page edge exactly at the cut lines, nothing else there.
        marks = dark_rows(pdf, page, 1.0, 9.0)
        assert marks and all(abs(y - 99) < 1 or abs(y - 198) < 1 for y in marks), marks
        assert any(abs(y - 99) < 1 for y in marks) and any(abs(y - 198) < 1 for y in marks)
    if lang == "sv":
        text = " ".join(page_texts(pdf))
        # Every channel, email too; languages in their own script; the row's date.
        # Arabic and Ethiopic names are set in their bundled fonts (pdftotext cannot always
        # read shaped Arabic back, so the fonts are what is checked for those).
        names = " ".join(fonts(pdf))
        assert "Arabic" in names and "Ethiopic" in names, names
        for expected in (
            "medborgarkontoret@alvstad.se",
            "Hjälp på:",
            "Українська",
            "Uppgifterna kontrollerades 2026-10-07",
            "Din egen kontakt",
            "Nästa steg",
        ):
            assert expected in text, expected


@pytest.mark.parametrize("engine", ENGINES)
def test_crowded_slips_keep_the_grid(crowded: dict[tuple[str, str], Path], engine: str) -> None:
    pdf = _pdf(crowded, "normal", engine)
    assert pages(pdf) == 2  # four rows: three and one
    tops = slip_tops(pdf, "DU")
    assert [len(page) for page in tops] == [3, 1]
    assert_same_grid(tops, 99)
    assert_inside_cells(pdf, 99, 5.0)
    text = " ".join(page_texts(pdf))
    # What did not fit is announced, not silently cut; an email-only actor keeps its email.
    assert "Fler ställen och kontaktuppgifter: fråga i informationsdisken." in text
    assert "konsument@kommun-exempel.se" in text


@pytest.mark.parametrize("engine", ENGINES)
def test_large_print_two_slips_a_page(crowded: dict[tuple[str, str], Path], engine: str) -> None:
    pdf = _pdf(crowded, "large", engine)
    assert_a4(pdf)
    assert pages(pdf) == 2
    tops = slip_tops(pdf, "DU")
    assert [len(page) for page in tops] == [2, 2]
    assert_same_grid(tops, 148.5)
    assert_inside_cells(pdf, 148.5, 7.0)
    body = [w for page in words(pdf) for w in page if w.text.startswith("010-123")]
    assert body and all(w.y1 - w.y0 >= 13 for w in body)  # phone numbers set at 14 pt


def _one_place_tree() -> dict[str, str]:
    """A row whose need fills most of a large-print slip, its first actor long-named with
    phone and email: seen printing no actor at all, with 40 mm of the cell empty."""
    actors = (
        "actors:\n  - id: kundcenter\n"
        "    name: Fjällby kommuns kundcenter och medborgarservice (Kommunhuset, entréplan)\n"
        "    kind: municipality\n    scope: local\n    contact:\n"
        "      phone: 0640-100 00\n"
        "      email: kundcenter.medborgarservice@fjallby-kommun.example\n"
        "    languages: [sv, en, fa, so, ti, ar]\n"
    )
    for name in ("Skatteverket", "Försäkringskassan", "ABF Fjällby", "Konsumentvägledningen"):
        actors += (
            f"  - id: a{len(actors)}\n    name: {name}\n    kind: other\n    scope: local\n"
            "    contact:\n      phone: 010-100 00 00\n"
        )
    ids = re.findall(r"id: (\S+)", actors)
    need = (
        "Hjälp att fylla i, skriva under och skicka in ansökan om ekonomiskt bistånd "
        "(försörjningsstöd) digitalt, inklusive att ladda upp kontoutdrag, hyresavi, "
        "lönespecifikationer och läkarintyg från flera olika månader via kommunens e-tjänst "
        "som kräver BankID"
    )
    matrix = (
        "categories:\n  - id: k\n    title: Kategori\n    rows:\n"
        f"      - id: r\n        need: {need}\n        solution: Se nedan.\n"
        f"        refer_to: [{', '.join(ids)}]\n"
        "        requires: [id_document, e_id, own_device, password, library_card, other]\n"
        "        reviewed: 2026-08-15\n"
    )
    return {
        "data/library.yaml": "name: Fjällby kommunbibliotek med filialer i Övre och Nedre Dalen\n"
        "contact:\n  phone: 0640-123 00\n"
        "  website: https://bibliotek.fjallby-kommun.example/oppettider-och-kontakt-for-alla\n",
        "data/actors.yaml": actors,
        "data/matrix.yaml": matrix,
    }


def test_a_crowded_large_print_slip_still_names_a_place_to_go(tmp_path: Path) -> None:
    """Its first actor with the phone alone, inside its cell, rather than an empty grid."""
    engines = available_engines()
    if not engines:
        pytest.skip("neither chromium nor WeasyPrint can run here")
    repo = write_tree(tmp_path / "repo", _one_place_tree())
    for engine in engines:
        pdf = print_all(
            repo, tmp_path / engine, ("referral-slips",), [engine], RenderOptions(large=True)
        )["referral-slips", engine]
        text = page_texts(pdf)[0]
        assert_in_order(text, ["Fjällby kommuns kundcenter", "Tel. 0640-100 00"])
        assert "Fler ställen och kontaktuppgifter" in text
        assert_same_grid(slip_tops(pdf, "DU"), 148.5)
        assert_inside_cells(pdf, 148.5, 7.0)


FJALLBY = Path(__file__).resolve().parent / "data" / "fjallby"


def test_a_bilingual_large_print_slip_gives_its_write_in_lines_for_a_place_to_go(
    tmp_path: Path,
) -> None:
    """Seen on the second repository's slips in Tigrinya with the Swedish beside them, in
    large print: the long need left no room for even one phone number, and the slip named
    no place although a third of the cell was blank. The write-in lines go first now."""
    engines = available_engines()
    if not engines:
        pytest.skip("neither chromium nor WeasyPrint can run here")
    options = RenderOptions(
        handouts=("referral-slips",), language="ti+sv", large=True, revision="abc1234"
    )
    html = tmp_path / "referral-slips-ti+sv.html"
    html.write_bytes(render_handouts(FJALLBY, options)[html.name])
    for engine in engines:
        pdf = tmp_path / f"slips.{engine}.pdf"
        (chromium_print if engine == "chromium" else weasyprint_print)(html, pdf)
        first = page_texts(pdf)[0]
        assert_in_order(first, ["Fjällby kommuns kundcenter", "0640-100 00"])
        assert_same_grid(slip_tops(pdf, "DU"), 148.5)
        assert_inside_cells(pdf, 148.5, 7.0)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_contacts_title_stays_with_the_first_contact(tmp_path: Path, engine: str) -> None:
    """Seen on a second repository's desk guide: the title of the contact appendix and its
    note at the foot of page 1 (WeasyPrint), every contact on page 2 without a title."""
    if engine not in available_engines():
        pytest.skip(f"{engine} is not available here")
    pdf = print_all(FJALLBY, tmp_path, ("desk-guide",), [engine])["desk-guide", engine]
    texts = [_squeeze(text) for text in page_texts(pdf)]
    title = _squeeze("Kontaktuppgifter till aktörerna")
    (page,) = [n for n, text in enumerate(texts) if title in text]
    assert _squeeze("ABF Fjällby · Tel. 0640-555 55") in texts[page].split(title, 1)[1]


@pytest.mark.parametrize("engine", ENGINES)
def test_an_address_never_breaks_after_its_own_hyphen(tmp_path: Path, engine: str) -> None:
    """Seen on a second repository's slips, desk guide and public list: a line ending in
    `kundcenter-`, `oppettider-och-`, `@fjallby-`, which a reader takes for a word broken
    in two and types without the hyphen."""
    if engine not in available_engines():
        pytest.skip(f"{engine} is not available here")
    handouts = ("referral-slips", "desk-guide", "actors-public")
    pdfs = print_all(FJALLBY, tmp_path, handouts, [engine])
    for handout in handouts:
        broken = [
            word.text
            for page in words(pdfs[handout, engine])
            for word in page
            if word.text.endswith("-") and re.search(r"[./@]", word.text)
        ]
        assert not broken, (handout, broken)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_long_footer_never_runs_into_the_page_number(tmp_path: Path, engine: str) -> None:
    """Seen on the feedback letter to an actor with a long name, from a library with a long
    name: the one-line footer ran on under 'Sida 1 av 2', the two printed over each other."""
    if engine not in available_engines():
        pytest.skip(f"{engine} is not available here")
    from typer.testing import CliRunner

    from referral_cli.cli import app

    args = ["report", "actor", "kundcenter", "--root", str(FJALLBY), "--out", str(tmp_path)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    html = tmp_path / "report-actor-kundcenter.html"
    pdf = tmp_path / f"report.{engine}.pdf"
    (chromium_print if engine == "chromium" else weasyprint_print)(html, pdf)
    for page in words(pdf):
        foot = [word for word in page if word.y0 / MM > 280]
        number = min(word.x0 for word in foot if word.text == "Sida")
        # "Sida 1 av 2" and nothing else from the number's start to the right edge; the
        # footer ends at least 2 mm before it.
        assert [word.text for word in foot if word.x1 > number - 2 * MM][:1] == ["Sida"], [
            (word.text, round(word.x0 / MM, 1), round(word.x1 / MM, 1)) for word in foot
        ]
        right = [word.text for word in foot if word.x0 >= number]
        assert len(right) == 4 and right[::2] == ["Sida", "av"], right
        assert "Fjällby" in [word.text for word in foot]


def test_edge_repository_repeats_the_category_title(tmp_path: Path) -> None:
    """A category running on to the next page carries its title there too."""
    engines = available_engines()
    if not engines:
        pytest.skip("neither chromium nor WeasyPrint can run here")
    matrix = "categories:\n  - id: lang\n    title: Långa kategorin\n    rows:\n"
    for number in range(14):
        matrix += (
            f"      - id: r{number}\n        need: Behov nummer {number}\n"
            f"        solution: {'ord ' * 90}slut\n        refer_to: []\n"
        )
    repo = write_tree(tmp_path / "repo", {**FIXTURE_TREE, "data/matrix.yaml": matrix})
    for engine in engines:
        pdf = print_all(repo, tmp_path / engine, ("desk-guide",), [engine])["desk-guide", engine]
        texts = page_texts(pdf)
        assert len(texts) >= 3
        for text in texts[1:]:
            assert _squeeze(text).startswith(
                _squeeze("Intern – inte till besökare Långa kategorin")
            )


def test_fixture_slips_print_every_row(tmp_path: Path) -> None:
    """The test repository's slips, markup and all, print as text in order."""
    engines = available_engines()
    if not engines:
        pytest.skip("neither chromium nor WeasyPrint can run here")
    repo = write_tree(tmp_path / "repo", FIXTURE_TREE)
    for engine in engines:
        pdf = print_all(repo, tmp_path / engine, ("referral-slips",), [engine])[
            "referral-slips", engine
        ]
        assert_in_order(
            " ".join(page_texts(pdf)),
            [
                "Bankärenden och inloggning med e-legitimation",
                "Skatteverket",
                "Tel. 0771-567 567",
                "1. Rad som ser ut som en lista | med pipe",
                "<script>alert(1)</script>",
                "Granska källor",
                "Det här hjälper vi dig med här på biblioteket.",
            ],
        )
