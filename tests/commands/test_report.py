from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from referral_cli.cli import app
from referral_cli.commands.report import (
    MAX_EXAMPLES,
    ActorReportOptions,
    actor_report_context,
    anonymise,
    render_actor_report,
    report_labels,
)
from referral_cli.rules.loading import load_valid_guidelines
from tests.conftest import LIBRARY

runner = CliRunner()
GOLDEN = Path(__file__).parents[1] / "golden" / "review"

# Markers for everything that must never leave the library in a letter.
INTERNAL = {
    "reflection": "REFLEKTIONSMARKÖR",
    "recorded_by": "Initial_markör",  # "_" and "ö" never occur in embedded (base64) fonts
    "relationship owner": "Kontaktägarmarkör",
    "wanted_collaboration": "Samarbetsmarkör",
    "actor notes": "Anteckningsmarkör",
    "row owner": "Radägarmarkör",
    "branch name": "Centrumbiblioteket",
    "period note": "Periodanteckningsmarkör",
    "keywords": "Sökordsmarkör",
}

REPORT_LIBRARY = (
    LIBRARY.replace(
        "    end: 2026-08-30\n", f"    end: 2026-08-30\n    note: {INTERNAL['period note']}\n"
    )
    + """\
contact:
  phone: 0123-456 50
  email: bibliotek@testkommun.se
  website: https://www.testkommun.se/bibliotek
  address: Torget 1, Testkommun
"""
)
REPORT_ACTORS = f"""\
actors:
  - id: skatteverket
    name: Skatteverket
    kind: authority
    scope: national
    contact:
      website: https://www.skatteverket.se
    relationship:
      status: established
      owner: {INTERNAL["relationship owner"]}
      wanted_collaboration: {INTERNAL["wanted_collaboration"]}
    notes: {INTERNAL["actor notes"]}
    reviewed: 2026-09-01
  - id: bank
    name: Banken
    kind: bank
    scope: national
    reviewed: 2026-09-01
  - id: forsakringskassan
    name: Försäkringskassan
    kind: authority
    scope: national
    reviewed: 2026-09-01
"""
REPORT_MATRIX = f"""\
categories:
  - id: dokument
    title: Dokument, ärenden och e-tjänster
    rows:
      - id: bank-e-legitimation
        need: Bankärenden och inloggning med e-legitimation
        library_can: Visa var inloggningen finns på webbplatsen.
        solution: Biblioteket loggar aldrig in åt någon.
        phrasing: Det här gör du själv, jag visar var.
        refer_to: [bank, skatteverket]
        keywords: [{INTERNAL["keywords"]}]
        owner: {INTERNAL["row owner"]}
        reviewed: 2026-09-01
  - id: vardag
    title: Vardagsteknik
    rows:
      - id: skanna-pass
        need: Skanna pass
        solution: Vi skannar, användaren sparar.
        refer_to: [skatteverket]
        reviewed: 2026-09-01
      - id: ny-telefon
        need: Flytta BankID till ny telefon
        solution: Banken hjälper till.
        refer_to: [bank]
        reviewed: 2026-09-01
"""
ENTRIES = {
    # Matched through its row (which refers to skatteverket) and referred_to.
    "data/inventory/2026/a.yaml": f"""\
date: 2026-08-22
description: Ärende om inloggning på Mina sidor; språkbarriär.
reflection: {INTERNAL["reflection"]}
recorded_by: {INTERNAL["recorded_by"]}
branch: centrum
reasons: [language, privacy]
category: dokument
row: bank-e-legitimation
referred_to: [skatteverket]
outcome: referred
minutes: 20
period: ht-2026
""",
    # Matched through its row only; markup characters and an uncertain phone number.
    "data/inventory/2026/b.yaml": """\
date: 2026-08-24
description: Skanna ett <b>pass</b> till *Mina sidor*, numret 0701234567 stod på lappen.
row: skanna-pass
category: vardag
reasons: [technical]
outcome: helped
minutes: 95
""",
    # Matched through referred_to only, no category, no outcome; skatteverket sent the visitor.
    "data/inventory/2026/c.yaml": """\
date: 2026-08-25
description: Fråga om deklarationen.
referred_to: [skatteverket]
sent_by: [skatteverket]
""",
    # Another actor's question: never counted for skatteverket, though it sent the visitor.
    "data/inventory/2026/d.yaml": """\
date: 2026-08-26
description: Flytta BankID till en ny telefon.
row: ny-telefon
referred_to: [bank]
sent_by: [skatteverket, bank]
outcome: referred
""",
    # Before the golden period.
    "data/inventory/2026/e.yaml": """\
date: 2026-03-05
description: Äldre fråga om e-legitimation.
row: bank-e-legitimation
outcome: declined
""",
}


@pytest.fixture
def repo(make_repo: Callable[..., Path]) -> Path:
    return make_repo(
        {
            "data/library.yaml": REPORT_LIBRARY,
            "data/actors.yaml": REPORT_ACTORS,
            "data/matrix.yaml": REPORT_MATRIX,
            "data/inventory/2026/2026-08-22-test-000001.yaml": None,
            **ENTRIES,
        }
    )


def invoke(repo: Path, out: Path, *args: str) -> Any:
    return runner.invoke(app, ["report", "actor", *args, "--root", str(repo), "--out", str(out)])


def context(repo: Path, actor: str = "skatteverket", lang: str = "sv", **period: Any) -> Any:
    return actor_report_context(load_valid_guidelines(repo), actor, lang, **period)


# --------------------------------------------------------------------------- goldens


def _without_stylesheet(html: str) -> str:
    """The shared stylesheet belongs to the handouts and changes with them: not golden here."""
    return re.sub(r"<style>.*?</style>", "<style>…</style>", html, count=1, flags=re.S)


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("output", ["md", "html"])
def test_report_golden(repo: Path, tmp_path: Path, language: str, output: str) -> None:
    out = tmp_path / "out"
    result = invoke(
        repo,
        out,
        "skatteverket",
        "--since",
        "2026-08-01",
        "--until",
        "2026-08-31",
        "--format",
        output,
        "--lang",
        language,
    )
    assert result.exit_code == 0, result.output
    written = out / f"report-actor-skatteverket.{output}"
    assert result.output.strip() == str(written)
    text = written.read_text(encoding="utf-8")
    if output == "html":
        assert "@page" in text and ".row-card" in text
        text = _without_stylesheet(text)
    golden = GOLDEN / f"report-actor.{language}.{output}"
    if not golden.exists():
        golden.write_text(text, encoding="utf-8")
        pytest.fail(f"{golden} was missing and has been written: review it and run again")
    assert text == golden.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- content


def test_counts_themes_and_outcomes(repo: Path) -> None:
    ctx = context(repo)
    # a, b, c and e concern skatteverket; d is the bank's.
    assert ctx["figures"] == {
        "questions": 4,
        "referred": 2,
        "total": 5,
        "minutes": "1 h 55 min (tid angiven för 2 av 4 frågor)",
    }
    table = ctx["table"]
    assert table["columns"] == ["Hjälpt", "Hänvisad", "Avböjt", "Ej angivet"]
    assert [(r["label"], r["cells"], r["total"]) for r in table["rows"]] == [
        ("Dokument, ärenden och e-tjänster", [0, 1, 1, 0], 2),
        ("Vardagsteknik", [1, 0, 0, 0], 1),
        ("Ej kategoriserad", [0, 0, 0, 1], 1),
    ]
    assert table["totals"] == [1, 1, 1, 1]
    assert table["total"] == 4
    assert ctx["reasons"] == [
        {"label": "Integritet / personuppgifter", "count": 1},
        {"label": "För tekniskt", "count": 1},
        {"label": "Språkbarriär", "count": 1},
    ]
    assert [row["id"] for row in ctx["rows"]] == ["bank-e-legitimation", "skanna-pass"]
    assert ctx["rows"][0]["also"] == ["Banken"]
    assert ctx["period"]["text"] == "alla registrerade frågor (2026-03-05 – 2026-08-26)"
    assert ctx["campaigns"] == ["2026-08-17 – 2026-08-30"]


def test_visitors_the_actor_sent_get_a_sentence_of_their_own(repo: Path) -> None:
    # d is not about skatteverket's services, so it is in no figure, only in the sentence.
    assert context(repo)["sent"] == (
        "2 besökare som ni skickade till biblioteket behövde hjälp med: "
        "Flytta BankID till ny telefon, annat."
    )
    assert context(repo, actor="bank", lang="en")["sent"] == (
        "1 visitor you sent to the library needed help with: Flytta BankID till ny telefon."
    )
    assert context(repo, until=date(2026, 8, 25), lang="en")["sent"] == (
        "1 visitor you sent to the library needed help with: other matters."
    )
    assert context(repo, actor="forsakringskassan")["sent"] is None
    assert context(repo, since=date(2026, 8, 27))["sent"] is None


def test_period_filters_and_is_shown(repo: Path) -> None:
    ctx = context(repo, since=date(2026, 8, 23), until=date(2026, 8, 24))
    assert ctx["figures"]["questions"] == 1
    assert ctx["figures"]["total"] == 1
    assert ctx["period"]["text"] == "2026-08-23 – 2026-08-24"
    assert context(repo, since=date(2026, 8, 1))["period"]["text"] == "från och med 2026-08-01"
    assert (
        context(repo, lang="en", until=date(2026, 4, 1))["period"]["text"]
        == "up to and including 2026-04-01"
    )
    assert context(repo, since=date(2026, 4, 1), until=date(2026, 4, 30))["campaigns"] == []


def test_examples_most_recent_first_and_limited(repo: Path) -> None:
    examples = context(repo)["examples"]
    assert len(examples) == MAX_EXAMPLES
    assert [e["description"][:20] for e in examples] == [
        "Fråga om deklaration",
        "Skanna ett <b>pass</",
        "Ärende om inloggning",
    ]
    assert examples[0] == {
        "when": "augusti 2026",
        "theme": "Ej kategoriserad",
        "outcome": None,
        "description": "Fråga om deklarationen.",
    }
    assert context(repo, lang="en")["examples"][1]["when"] == "August 2026"


def test_example_descriptions_are_masked(repo: Path, tmp_path: Path) -> None:
    # The uncertain phone number is only a warning for validate; the letter masks it.
    result = invoke(repo, tmp_path / "out", "skatteverket", "--format", "html", "--format", "md")
    assert result.exit_code == 0, result.output
    for name in ("report-actor-skatteverket.html", "report-actor-skatteverket.md"):
        text = (tmp_path / "out" / name).read_text(encoding="utf-8")
        assert "0701234567" not in text
        assert "070\\*\\*\\*\\*\\*\\*\\*" in text or "070*******" in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Inget att maskera, 2026-08-22 kl. 10:30.", "Inget att maskera, 2026-08-22 kl. 10:30."),
        ("Skriv till a.b@example.se i dag", "Skriv till a***@example.se i dag"),
        ("Nummer 850709-9805 och 0701234567.", "Nummer 850709-**** och 070*******."),
    ],
)
def test_anonymise(text: str, expected: str) -> None:
    assert anonymise(text) == expected


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def test_internal_fields_never_appear(repo: Path, tmp_path: Path) -> None:
    # Not in the context (so no repository template can print them) ...
    for lang in ("sv", "en"):
        strings = list(_strings(context(repo, lang=lang)))
        for what, marker in INTERNAL.items():
            assert not any(marker in s for s in strings), what
    # ... and not in any output.
    result = invoke(repo, tmp_path / "out", "skatteverket", "--format", "html,md")
    assert result.exit_code == 0, result.output
    for path in (tmp_path / "out").iterdir():
        text = path.read_text(encoding="utf-8")
        for what, marker in INTERNAL.items():
            assert marker not in text, (what, path.name)
    # The markers are really in the data.
    data = "".join(p.read_text(encoding="utf-8") for p in (repo / "data").rglob("*.yaml"))
    assert all(marker in data for marker in INTERNAL.values())


def test_markup_in_data_is_escaped(repo: Path, tmp_path: Path) -> None:
    result = invoke(repo, tmp_path / "out", "skatteverket", "--format", "html,md")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "report-actor-skatteverket.html").read_text(encoding="utf-8")
    md = (tmp_path / "out" / "report-actor-skatteverket.md").read_text(encoding="utf-8")
    assert "&lt;b&gt;pass&lt;/b&gt;" in html and "<b>pass" not in html
    assert "&lt;b&gt;pass&lt;/b&gt; till \\*Mina sidor\\*" in md


def test_no_questions_is_still_a_letter(repo: Path, tmp_path: Path) -> None:
    result = invoke(repo, tmp_path / "out", "forsakringskassan", "--format", "md", "--lang", "en")
    assert result.exit_code == 0, result.output
    md = (tmp_path / "out" / "report-actor-forsakringskassan.md").read_text(encoding="utf-8")
    assert "# Feedback to Försäkringskassan" in md
    assert "The library recorded no questions about your services in the period." in md
    assert "The library's guidelines do not yet refer users to you." in md
    assert "## Questions by theme and outcome" not in md
    assert "## Example questions" not in md
    assert "- Email: bibliotek@testkommun.se" in md
    ctx = context(repo, "forsakringskassan")
    assert ctx["table"] is None and ctx["examples"] == [] and ctx["reasons"] == []


def test_same_data_gives_identical_files(repo: Path) -> None:
    options = ActorReportOptions("skatteverket", formats=("html", "md"))
    first = render_actor_report(repo, options)
    assert set(first) == {"report-actor-skatteverket.html", "report-actor-skatteverket.md"}
    # File names and their order on disk do not matter, only the data.
    inventory = repo / "data/inventory/2026"
    for path in sorted(inventory.iterdir()):
        path.rename(inventory / f"z-{path.stem[::-1]}.yaml")
    assert render_actor_report(repo, options) == first


def test_labels_complete_in_both_languages() -> None:
    sv, en = report_labels("sv"), report_labels("en")
    assert sv.keys() == en.keys()
    assert all(sv.values()) and all(en.values())


# --------------------------------------------------------------------------- command line


def test_default_out_folder_and_language(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["report", "actor", "skatteverket", "--root", str(repo)])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "build" / "report-actor-skatteverket.html").read_text(encoding="utf-8")
    assert '<html lang="sv">' in html
    assert "<h1>Återkoppling till Skatteverket</h1>" in html


@pytest.mark.usefixtures("english")  # the English wording
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["skateverket"],
            "error: unknown actor 'skateverket' (did you mean 'skatteverket'?): choose one of "
            "the ids in data/actors.yaml: skatteverket, bank, forsakringskassan",
        ),
        (["skatteverket", "--since", "2026-8-1"], "error: --since: '2026-8-1' is not a date"),
        (
            ["skatteverket", "--since", "2026-09-01", "--until", "2026-08-01"],
            "error: --since 2026-09-01 is after --until 2026-08-01; nothing can match (are the "
            "dates swapped?)",
        ),
        (
            ["skatteverket", "--format", "htm"],
            "error: unknown format 'htm' (did you mean 'html'?): choose from html, md, pdf, all",
        ),
        (
            ["skatteverket", "--lang", "de"],
            "error: --lang: unknown language 'de'; choose sv or en",
        ),
        (["skatteverket", "--templates", "nowhere"], "error: --templates nowhere: no such folder"),
    ],
)
def test_usage_errors(repo: Path, tmp_path: Path, args: list[str], message: str) -> None:
    result = invoke(repo, tmp_path / "out", *args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert not (tmp_path / "out").exists()


def test_bad_data_exits_1_and_writes_nothing(repo: Path, tmp_path: Path) -> None:
    (repo / "data/inventory/2026/bad.yaml").write_text(
        "date: 2026-08-20\ndescription: x\nrow: finns-inte\n", encoding="utf-8"
    )
    result = invoke(repo, tmp_path / "out", "skatteverket")
    assert result.exit_code == 1, result.output
    assert "data/inventory/2026/bad.yaml:3:" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.usefixtures("english")
def test_repository_template_overrides_by_name(repo: Path, tmp_path: Path) -> None:
    (repo / "templates").mkdir()
    (repo / "templates" / "report-actor.md.j2").write_text(
        "{{ actor.name }}: {{ figures.questions }}\n", encoding="utf-8"
    )
    result = invoke(repo, tmp_path / "out", "skatteverket", "--format", "md")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "report-actor-skatteverket.md").read_text() == "Skatteverket: 4\n"
    # --templates replaces the repository's folder.
    other = tmp_path / "other"
    other.mkdir()
    (other / "report-actor.md.j2").write_text("{{ relationship.owner }}\n", encoding="utf-8")
    result = invoke(
        repo, tmp_path / "out2", "skatteverket", "--format", "md", "--templates", str(other)
    )
    assert result.exit_code == 1, result.output
    assert (
        "other/report-actor.md.j2:1:1: error: template error: 'relationship' is not in the data given to the template"
        in (result.output)
    )
    assert not (tmp_path / "out2").exists()


def test_pdf(repo: Path, tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    result = invoke(repo, tmp_path / "out", "forsakringskassan", "--format", "pdf")
    assert result.exit_code == 0, result.output
    pdf = (tmp_path / "out" / "report-actor-forsakringskassan.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert not (tmp_path / "out" / "report-actor-forsakringskassan.html").exists()
