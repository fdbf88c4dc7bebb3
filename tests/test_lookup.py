from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from referral_cli.cli import app
from referral_cli.commands.lookup import LookupResult, lookup, render_text, run_lookup
from referral_cli.errors import FindingsError, UsageError
from referral_cli.rules.loading import load_valid_guidelines
from tests.conftest import LIBRARY
from tests.test_search import SEARCH_TREE

MakeRepo = Callable[..., Path]


@pytest.fixture
def repo(make_repo: MakeRepo) -> Path:
    return make_repo(SEARCH_TREE)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def rendered(result: LookupResult, *, show_all: bool = False) -> str:
    buffer = io.StringIO()
    render_text(result, Console(file=buffer, width=80, color_system=None), show_all=show_all)
    return buffer.getvalue()


BANKID_PANEL = """\
╭─ Dokument och e-tjänster ────────────────────────────────────────────────────╮
│ Bankärenden och inloggning med e-legitimation                                │
│                                                                              │
│ Biblioteket kan                                                              │
│ Visa bankens webbplats och kundtjänst.                                       │
│                                                                              │
│ Säg så här                                                                   │
│ ”Jag visar dig var bankens kundtjänst finns.”                                │
│                                                                              │
│ Lösning / motivering                                                         │
│ Banken som utfärdat e-legitimationen ger support.                            │
│                                                                              │
│ Hänvisa till                                                                 │
│ Din bank                                                                     │
│   Webb: https://www.bankid.com                                               │
│   Öppettider: Varierar mellan bankerna.                                      │
│ Skatteverket                                                                 │
│   Telefon: 0771-567 567                                                      │
│   Webb: https://www.skatteverket.se                                          │
│   Öppettider: Vardagar 8–16.                                                 │
│                                                                              │
│ Ta med                                                                       │
│ E-legitimation, Lånekort                                                     │
╰─────────────────────────────────────── rad bank-e-legitimation · träff 1.00 ─╯
"""


def test_best_row_is_shown_as_a_full_panel(repo: Path) -> None:
    assert rendered(run_lookup(repo, ["bankid"])) == BANKID_PANEL


def test_english_labels(repo: Path) -> None:
    text = rendered(run_lookup(repo, ["bankid"], "en"))
    for label in ("The library can", "Say this", "Solution / reason", "Refer to", "Bring"):
        assert label in text
    assert "E-ID, Library card" in text
    assert "Phone: 0771-567 567" in text
    assert "score 1.00" in text


def test_library_language_en_is_the_default(make_repo: MakeRepo) -> None:
    repo = make_repo({**SEARCH_TREE, "data/library.yaml": LIBRARY.replace("sv", "en")})
    assert run_lookup(repo, ["bankid"]).language == "en"


def test_unknown_language_is_a_usage_error(repo: Path) -> None:
    with pytest.raises(UsageError, match="--lang: unknown language 'de'; choose sv or en"):
        run_lookup(repo, ["bankid"], "de")


def test_more_hits_are_one_liners(repo: Path) -> None:
    text = rendered(run_lookup(repo, ["kort"]))
    assert text.startswith("╭─ Telefoner och enheter ─")
    assert "│ Återställa ett låst SIM-kort " in text
    assert text.endswith(
        "Fler träffar:\n"
        "  2. Bankärenden och inloggning med e-legitimation → Din bank, Skatteverket\n"
        "  3. Hjälp med passansökan och visumansökan → Skatteverket\n"
        "Aktörer:\n"
        "  Skatteverket (Telefon: 0771-567 567; Webb: https://www.skatteverket.se)\n"
    )


def test_one_liners_are_cut_to_the_width_not_wrapped(repo: Path) -> None:
    buffer = io.StringIO()
    render_text(run_lookup(repo, ["kort"]), Console(file=buffer, width=40, color_system=None))
    lines = buffer.getvalue().splitlines()
    assert lines[-4:-2] == [
        "  2. Bankärenden och inloggning med e-l…",
        "  3. Hjälp med passansökan och visumans…",
    ]


def test_all_shows_every_hit_in_full(repo: Path) -> None:
    result = run_lookup(repo, ["kort"])
    assert len(result.hits) == 3
    text = rendered(result, show_all=True)
    assert text.count("╭─") == 3
    assert "Fler träffar" not in text


def test_row_without_referral_says_the_library_helps(repo: Path) -> None:
    lines = rendered(run_lookup(repo, ["fake", "news"])).splitlines()
    assert lines[lines.index(f"│ Hänvisa till{' ' * 65}│") + 1] == (
        f"│ Ingen hänvisning: biblioteket hjälper till.{' ' * 34}│"
    )


def test_actors_matching_the_query_are_listed_unless_already_shown(repo: Path) -> None:
    text = rendered(run_lookup(repo, ["deklaration"]))
    # Skatteverket helps with Deklaration: its row is found through it, and the
    # actor itself is not listed again under "Aktörer".
    assert "│ Skatteverket" in text
    assert "Aktörer:" not in text
    text = rendered(run_lookup(repo, ["kontaktcenter"]))
    assert "Inget i matrisen matchar ”kontaktcenter”." in text
    assert "Aktörer:\n  Kommunens kontaktcenter\n" in text


def test_nothing_found_suggests_the_closest_matrix_words(repo: Path) -> None:
    result = run_lookup(repo, ["visumet", "zebrafink"])
    assert result.hits == []
    assert rendered(result) == (
        "Inget i matrisen matchar ”visumet zebrafink”.\n"
        "Närmaste ord i matrisen: visumansökan, Visa, visar\n"
    )


def test_nothing_found_and_nothing_close(repo: Path) -> None:
    assert rendered(run_lookup(repo, ["xyzzy"])) == (
        "Inget i matrisen matchar ”xyzzy”.\n"
        "Inga liknande ord i matrisen. Pröva ett kortare eller annat ord.\n"
    )


def test_an_empty_query_is_a_usage_error(repo: Path) -> None:
    guidelines = load_valid_guidelines(repo, inventory=False)
    with pytest.raises(UsageError, match="give one or more search words"):
        lookup(guidelines, ["  "], "sv")


def test_lookup_never_reads_the_inventory(make_repo: MakeRepo) -> None:
    repo = make_repo({**SEARCH_TREE, "data/inventory/2026/broken.yaml": "date: [\n"})
    assert run_lookup(repo, ["bankid"]).hits[0].item.row.id == "bank-e-legitimation"


def test_broken_matrix_gives_located_findings(make_repo: MakeRepo) -> None:
    matrix = SEARCH_TREE["data/matrix.yaml"].replace("refer_to: [operatoren]", "refer_to: [opr]")
    repo = make_repo({**SEARCH_TREE, "data/matrix.yaml": matrix})
    with pytest.raises(FindingsError) as caught:
        run_lookup(repo, ["bankid"])
    assert [f.format().splitlines()[0] for f in caught.value.findings] == [
        "data/matrix.yaml:26:20: error: unknown actor 'opr' [unknown-actor]"
    ]


# --- the command ------------------------------------------------------------------------


def test_cli_text(runner: CliRunner, repo: Path) -> None:
    result = runner.invoke(app, ["lookup", "BankID", "--root", str(repo)])
    assert result.exit_code == 0, result.output
    assert result.output == BANKID_PANEL


def test_cli_json_gives_ranked_hits(runner: CliRunner, repo: Path) -> None:
    result = runner.invoke(app, ["lookup", "kort", "--root", str(repo), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["query"] == "kort"
    assert [(h["rank"], h["row"], h["category"]) for h in data["hits"]] == [
        (1, "sim-kort", "telefoner"),
        (2, "bank-e-legitimation", "dokument"),
        (3, "passansokan", "dokument"),
    ]
    first = data["hits"][0]
    assert first["need"] == "Återställa ett låst SIM-kort"
    assert first["refer_to"] == ["operatoren"]
    assert first["actors"] == [
        {"id": "operatoren", "name": "Mobiloperatören", "address": "Köpcentrum, Handelsvägen 5"}
    ]
    assert first["requires"] == ["own_device"]
    assert 0 < data["hits"][1]["score"] < first["score"] <= 1
    assert data["suggestions"] == []


def test_cli_json_when_nothing_is_found(runner: CliRunner, repo: Path) -> None:
    result = runner.invoke(app, ["lookup", "fakenews", "--root", str(repo), "--format", "json"])
    data = json.loads(result.output)
    assert data["hits"][0]["row"] == "kallkritik"
    result = runner.invoke(app, ["lookup", "nyhet", "--root", str(repo), "--format", "json"])
    assert json.loads(result.output)["hits"][0]["row"] == "kallkritik"
    result = runner.invoke(app, ["lookup", "kallor", "--root", str(repo), "--format", "json"])
    assert json.loads(result.output)["hits"][0]["row"] == "kallkritik"
    result = runner.invoke(app, ["lookup", "passagerare", "--root", str(repo), "--format", "json"])
    data = json.loads(result.output)
    assert data["hits"] == []
    assert data["suggestions"]


def test_cli_all_and_lang(runner: CliRunner, repo: Path) -> None:
    result = runner.invoke(app, ["lookup", "kort", "--all", "--lang", "en", "--root", str(repo)])
    assert result.exit_code == 0, result.output
    assert result.output.count("Refer to") == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["lookup"], "Missing argument 'TERMS'."),
        (
            ["lookup", "bankid", "--lang", "de"],
            "error: --lang: unknown language 'de'; choose sv or en",
        ),
        (["lookup", "bankid", "--format", "xml"], "Invalid value for '--format'"),
    ],
)
def test_cli_usage_errors(runner: CliRunner, repo: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, [*args, "--root", str(repo)])
    assert result.exit_code == 2
    assert message in result.output


def test_cli_bad_data_exits_1_with_a_located_message(
    runner: CliRunner, make_repo: MakeRepo
) -> None:
    repo = make_repo({**SEARCH_TREE, "data/matrix.yaml": "categories:\n  - id: x\n\ttitle: y\n"})
    result = runner.invoke(app, ["lookup", "bankid", "--root", str(repo)])
    assert result.exit_code == 1
    assert "data/matrix.yaml:3:1: error: a tab character is used here" in result.output
    assert "Traceback" not in result.output


def test_json_lookup_imports_no_rich(repo: Path) -> None:
    code = (
        "import sys\n"
        f"sys.argv = ['referral', 'lookup', 'bankid', '--format', 'json', '--root', {str(repo)!r}]\n"
        "from referral_cli.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('RICH', 'rich' in sys.modules, 'referral_cli.commands.lookup' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "RICH False True" in result.stdout, result.stderr


def test_benchmark_matrix_generator_makes_valid_searchable_data(tmp_path: Path) -> None:
    # benchmarks/bench_lookup.py must keep working: its matrix validates and is found.
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_lookup.py"
    spec = importlib.util.spec_from_file_location("_bench_lookup", path)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    root = bench.generate(tmp_path / "repo", rows=30)
    guidelines = load_valid_guidelines(root, inventory=False)
    assert len(guidelines.matrix.rows()) == 30
    assert lookup(guidelines, ["bankid"], "sv").hits


def test_a_query_with_square_brackets_is_text_not_markup(make_repo: Callable[..., Path]) -> None:
    repo = make_repo(SEARCH_TREE)
    result = CliRunner().invoke(app, ["lookup", "--root", str(repo), "[/foo]"])
    assert result.exit_code == 0, result.output
    assert "[/foo]" in result.output
