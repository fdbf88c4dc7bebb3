"""Print the handouts for real and read the PDFs back.

Two engines: headless Chromium prints the HTML handouts the way a library's
browser would; WeasyPrint is `--format pdf`. Poppler's `pdfinfo` checks the
paper (every page A4) and the page count; `pdftotext` checks that the key
Swedish text is there, in order, on the right page. `.ci/run` installs
chromium and poppler-utils (Debian) and the `pdf` extra; these tests skip,
with the reason, only where those cannot be installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pytest

from referral_cli.commands.render import RenderOptions, render_handouts
from tests.conftest import write_tree
from tests.test_render import FIXTURE_TREE

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
POPPLER = bool(shutil.which("pdfinfo") and shutil.which("pdftotext"))

pytestmark = pytest.mark.skipif(
    not POPPLER,
    reason="poppler-utils (pdfinfo, pdftotext) is not installed: apt-get install poppler-utils",
)

A4 = (595.28, 841.89)  # points


def _weasyprint_available() -> bool:
    try:
        import weasyprint  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


ENGINES = [
    pytest.param(
        "chromium",
        marks=pytest.mark.skipif(
            CHROMIUM is None, reason="chromium is not installed: apt-get install chromium"
        ),
    ),
    pytest.param(
        "weasyprint",
        marks=pytest.mark.skipif(
            not _weasyprint_available(),
            reason="WeasyPrint is not installed: pip install 'referral-cli[pdf]'",
        ),
    ),
]


def chromium_print(html: Path, pdf: Path) -> None:
    """Print `html` to `pdf` with headless Chromium, as `--print-to-pdf` does."""
    assert CHROMIUM is not None
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
        )
    assert pdf.is_file() and pdf.stat().st_size > 0, result.stderr[-2000:]


def print_handout(
    engine: str, root: Path, handout: str, out: Path, options: RenderOptions | None = None
) -> Path:
    """Render `handout` from `root` and print it with `engine`; return the PDF."""
    base = options or RenderOptions(revision="abc1234")
    out.mkdir(parents=True, exist_ok=True)
    pdf = out / f"{handout}-{engine}.pdf"
    if engine == "chromium":
        files = render_handouts(
            root,
            RenderOptions(
                handouts=(handout,),
                formats=("html",),
                rows=base.rows,
                revision=base.revision,
                language=base.language,
            ),
        )
        html = out / f"{handout}.html"
        html.write_bytes(files[f"{handout}.html"])
        chromium_print(html, pdf)
    else:
        files = render_handouts(
            root,
            RenderOptions(
                handouts=(handout,),
                formats=("pdf",),
                rows=base.rows,
                revision=base.revision,
                language=base.language,
            ),
        )
        pdf.write_bytes(files[f"{handout}.pdf"])
    return pdf


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


def page_texts(pdf: Path) -> list[str]:
    """The text of every page, from `pdftotext`, with runs of white space made single."""
    texts = []
    for number in range(1, len(page_sizes(pdf)) + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        texts.append(" ".join(text.split()))
    return texts


def assert_a4(pdf: Path, pages: int) -> None:
    sizes = page_sizes(pdf)
    assert len(sizes) == pages, f"{pdf.name}: {len(sizes)} pages, expected {pages}"
    for width, height in sizes:
        assert abs(width - A4[0]) < 1.5 and abs(height - A4[1]) < 1.5, (width, height)


def _squeeze(text: str) -> str:
    """Without case, white space and hyphens: CSS upper-cases labels, and lines wrap (and
    pdftotext drops the hyphen of a word broken at it) wherever the engine chose."""
    return re.sub(r"[\s\-]+", "", text).casefold()


def assert_in_order(text: str, expected: Sequence[str]) -> None:
    """Every item appears in `text`, in this order."""
    text = _squeeze(text)
    position = 0
    for item in expected:
        found = text.find(_squeeze(item), position)
        assert found >= 0, f"{item!r} missing (or out of order) after position {position}"
        position = found + len(_squeeze(item))


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tree(tmp_path_factory.mktemp("print") / "repo", FIXTURE_TREE)


@pytest.mark.parametrize("engine", ENGINES)
def test_desk_guide_prints_on_a4(engine: str, repo: Path, tmp_path: Path) -> None:
    pdf = print_handout(engine, repo, "desk-guide", tmp_path)
    # The matrix fits on one page; the checklist is a sheet of its own.
    assert_a4(pdf, 2)
    first, second = page_texts(pdf)
    assert_in_order(
        first,
        [
            "Hänvisningsguide för informationsdisken",
            "Dokument och e-tjänster",
            "Bankärenden och inloggning med e-legitimation",
            "Lånekort",
            "Visa hur användaren hittar bankens webbplats.",
            "Vilken bank har du?",
            "Medie- och informationskunnighet",
            "Granska källor",
        ],
    )
    for text in ("Skatteverket", "0771-567 567", "www.skatteverket.se", "Telefon vardagar 8–16"):
        assert text in first
    assert "<script>alert(1)</script>" in first  # printed as text
    assert_in_order(
        second,
        [
            "Så hanterar du ett ärende",
            "Ryms ärendet i bibliotekets uppdrag?",
            "Titta i matrisen.",
            "Avsluta ärendet",
            "Sammanfatta samtalet.",
        ],
    )
    footer = "Testbiblioteket · Senast granskad 2025-08-31 · Version abc1234"
    assert footer in first and footer in second
    assert "Sida 1 av 2" in first and "Sida 2 av 2" in second


@pytest.mark.parametrize("engine", ENGINES)
def test_referral_slips_three_to_a_sheet(engine: str, repo: Path, tmp_path: Path) -> None:
    rows = ("kallkritik", "bank-e-legitimation", "kallkritik") * 2 + ("markup",)
    pdf = print_handout(
        engine, repo, "referral-slips", tmp_path, RenderOptions(rows=rows, revision="r")
    )
    assert_a4(pdf, 3)
    pages = page_texts(pdf)
    for page in pages[:2]:
        assert_in_order(
            page,
            [
                "Du behöver hjälp med",
                "Granska källor",
                "Det här hjälper vi dig med här på biblioteket.",
                "Tel. 0123-456 50",
                "Du behöver hjälp med",
                "Bankärenden och inloggning med e-legitimation",
                "Vänd dig till",
                "Skatteverket",
                "Tel. 0771-567 567",
                "Ta med",
                "Lånekort · E-legitimation",
                "Du behöver hjälp med",
                "Granska källor",
            ],
        )
    assert _squeeze(pages[2]).count(_squeeze("Du behöver hjälp med")) == 1
    assert_in_order(pages[2], ["1. Rad som ser ut som en lista | med pipe", "<script>"])


EDGE_LIBRARY = "name: Kantbiblioteket\nlanguage: sv\nreviewed: 2025-08-31\n"
EDGE_ACTORS = (
    "actors:\n  - id: a\n    name: Aktören\n    kind: other\n    scope: local\n"
    "    contact:\n      phone: 0123-45 67 89\n"
)


def _edge_matrix() -> str:
    """Six rows that leave room at the page bottom for a heading, not for a long row."""
    text = "categories:\n  - id: forst\n    title: Första kategorin\n    rows:\n"
    for number in range(6):
        text += (
            f"      - id: r{number}\n        need: Behov nummer {number}\n"
            f"        solution: {'ord ' * 30}slut\n        refer_to: [a]\n"
        )
    text += "  - id: sedan\n    title: Andra kategorin\n    rows:\n"
    text += (
        "      - id: s0\n        need: Första raden i andra kategorin\n"
        f"        solution: {'text ' * 120}slut\n        refer_to: [a]\n"
    )
    for number in range(1, 7):
        text += (
            f"      - id: s{number}\n        need: Fortsättning {number}\n"
            f"        solution: {'mer ' * 60}slut\n        refer_to: [a]\n"
        )
    return text


def _edge_repo(root: Path, extra: dict[str, str] | None = None) -> Path:
    tree = {
        "data/library.yaml": EDGE_LIBRARY,
        "data/actors.yaml": EDGE_ACTORS,
        "data/matrix.yaml": _edge_matrix(),
        **(extra or {}),
    }
    return write_tree(root, tree)


def _page_of(pages: list[str], text: str) -> int:
    return next(number for number, page in enumerate(pages, 1) if text in page)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("css", "heading_page"),
    [
        pytest.param(None, 2, id="defaults"),
        # Control: without the rule the heading would be stranded at the bottom of page 1,
        # so the fixture really tests the rule.
        pytest.param("h2 { break-after: auto; page-break-after: auto; }", 1, id="control"),
    ],
)
def test_category_never_starts_at_the_bottom_and_headers_repeat(
    engine: str, css: str | None, heading_page: int, tmp_path: Path
) -> None:
    extra = {"templates/style.css": '{% include "default/style.css" %}\n' + css} if css else None
    repo = _edge_repo(tmp_path / "repo", extra)
    pdf = print_handout(engine, repo, "desk-guide", tmp_path / "out")
    pages = page_texts(pdf)
    assert_a4(pdf, 3)
    assert _page_of(pages, "Andra kategorin") == heading_page
    assert _page_of(pages, "Första raden i andra kategorin") == 2
    # The second category's table runs on to page 3, and its header row is repeated there.
    assert pages[2].upper().startswith("ANVÄNDAREN BEHÖVER HJÄLP MED")
    assert _page_of(pages, "Fortsättning 6") == 3
    assert_in_order(" ".join(pages), [f"Fortsättning {n}" for n in range(1, 7)])


def test_the_bundled_example_prints(tmp_path: Path) -> None:
    """The repository's own example: every handout prints on A4 in Chromium."""
    if CHROMIUM is None:
        pytest.skip("chromium is not installed: apt-get install chromium")
    root = Path(__file__).resolve().parents[1]
    for handout in ("desk-guide", "referral-slips"):
        pdf = print_handout("chromium", root, handout, tmp_path)
        sizes = page_sizes(pdf)
        assert sizes and all(abs(h - A4[1]) < 1.5 for _, h in sizes)
