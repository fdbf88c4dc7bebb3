"""The desk commands through the command line: `lookup`, `actors` (and `actors show`),
`match`. Options, output formats, exit codes and what reaches the terminal; what the
commands compute is tested in tests/commands/, how it is drawn in tests/cli/test_show_*.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from referral_cli.cli import app
from referral_cli.commands.validate import validate_repository
from tests.cli.test_show_lookup import BANKID_PANEL
from tests.commands.test_actors import MORE_ENTRIES
from tests.commands.test_match import BIRDS, ENTRIES, PARKING_1, PARKING_2, PASS, SIM, SIM_TEXT
from tests.test_search import SEARCH_TREE

MakeRepo = Callable[..., Path]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def search_repo(make_repo: MakeRepo) -> Path:
    return make_repo(SEARCH_TREE)


@pytest.fixture
def actors_repo(make_repo: MakeRepo) -> Path:
    return make_repo({**SEARCH_TREE, **MORE_ENTRIES})


@pytest.fixture
def match_repo(make_repo: MakeRepo) -> Path:
    return make_repo({**SEARCH_TREE, **ENTRIES})


# --- lookup -----------------------------------------------------------------------------


def test_lookup_text(runner: CliRunner, search_repo: Path) -> None:
    result = runner.invoke(app, ["lookup", "BankID", "--root", str(search_repo)])
    assert result.exit_code == 0, result.output
    assert result.output == BANKID_PANEL


def test_lookup_json(runner: CliRunner, search_repo: Path) -> None:
    result = runner.invoke(app, ["lookup", "kort", "--root", str(search_repo), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["query"] == "kort"
    assert [h["row"] for h in data["hits"]] == ["sim-kort", "bank-e-legitimation", "passansokan"]


def test_lookup_all_and_lang(runner: CliRunner, search_repo: Path) -> None:
    result = runner.invoke(
        app, ["lookup", "kort", "--all", "--lang", "en", "--root", str(search_repo)]
    )
    assert result.exit_code == 0, result.output
    assert result.output.count("Refer to") == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["lookup"],
            "fel: sökorden (TERMS) saknas; 'referral lookup --help' visar vad du ska ange",
        ),
        (["lookup", " "], "fel: skriv ett eller flera sökord, till exempel referral lookup bankid"),
        (["lookup", "bankid", "--lang", "de"], "fel: --lang: okänt språk 'de'; välj sv eller en"),
        (
            ["lookup", "bankid", "--format", "xml"],
            "fel: --format: 'xml' är inte tillåtet; välj ett av: text, json",
        ),
    ],
)
def test_lookup_usage_errors(
    runner: CliRunner, search_repo: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(app, [*args, "--root", str(search_repo)])
    assert result.exit_code == 2
    assert message in result.output


def test_lookup_bad_data_exits_1_with_a_located_message(
    runner: CliRunner, make_repo: MakeRepo
) -> None:
    repo = make_repo({**SEARCH_TREE, "data/matrix.yaml": "categories:\n  - id: x\n\ttitle: y\n"})
    result = runner.invoke(app, ["lookup", "bankid", "--root", str(repo)])
    assert result.exit_code == 1
    assert "data/matrix.yaml:3:1: error: här används ett tabbtecken" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("output_format", ["json", "text"])
def test_lookup_imports_no_rich(search_repo: Path, output_format: str) -> None:
    # Start-up at the desk: rich alone is about a tenth of a warm lookup's time.
    argv = ["referral", "lookup", "bankid", "--format", output_format, "--root", str(search_repo)]
    code = (
        "import sys\n"
        f"sys.argv = {argv!r}\n"
        "from referral_cli.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('RICH', 'rich' in sys.modules, 'referral_cli.commands.lookup' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "RICH False True" in result.stdout, result.stderr


def test_a_query_with_square_brackets_is_text_not_markup(
    runner: CliRunner, search_repo: Path
) -> None:
    result = runner.invoke(app, ["lookup", "--root", str(search_repo), "[/foo]"])
    assert result.exit_code == 0, result.output
    assert "[/foo]" in result.output


# --- actors -----------------------------------------------------------------------------


def test_actors_list_is_the_default(runner: CliRunner, actors_repo: Path) -> None:
    result = runner.invoke(app, ["actors", "--root", str(actors_repo)])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("4 av 4 aktörer.\n")


def test_actors_status_none_answers_the_workshop_question(
    runner: CliRunner, actors_repo: Path
) -> None:
    result = runner.invoke(app, ["actors", "--status", "none", "--root", str(actors_repo)])
    assert result.exit_code == 0, result.output
    assert "Din bank" in result.output and "Kommunens kontaktcenter" in result.output
    assert "Skatteverket" not in result.output


def test_actors_list_json(runner: CliRunner, actors_repo: Path) -> None:
    result = runner.invoke(
        app, ["actors", "--kind", "bank", "--format", "json", "--root", str(actors_repo)]
    )
    [actor] = json.loads(result.output)
    assert actor["id"] == "bank"
    assert actor["status"] == "none"
    assert actor["questions"] == 2
    assert [r["row"] for r in actor["rows"]] == ["bank-e-legitimation"]
    assert actor["contact"]["website"] == "https://www.bankid.com"


def test_actors_show(runner: CliRunner, actors_repo: Path) -> None:
    result = runner.invoke(app, ["actors", "show", "operatoren", "--root", str(actors_repo)])
    assert result.exit_code == 0, result.output
    assert "Kontakt: okänd" in result.output
    assert "Adress: Köpcentrum, Handelsvägen 5" in result.output


def test_actors_show_takes_root_and_lang_from_the_group(
    runner: CliRunner, actors_repo: Path
) -> None:
    result = runner.invoke(
        app,
        ["actors", "--root", str(actors_repo), "--lang", "en", "show", "bank", "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["questions_by_period"] == {"-": 1, "ht-2026": 1}
    result = runner.invoke(
        app, ["actors", "--root", str(actors_repo), "--lang", "en", "show", "bank"]
    )
    assert "Refer" not in result.output and "Helps with" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "skateverket"], "fel: det finns ingen aktör med id 'skateverket' (menade du"),
        (["--status", "nne"], "fel: --status 'nne' är inte tillåtet (menade du 'none'?)"),
        (["show"], "fel: id:t (ID) saknas; 'referral actors show --help' visar vad du ska ange"),
    ],
)
def test_actors_usage_errors(
    runner: CliRunner, actors_repo: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(app, ["actors", *args, "--root", str(actors_repo)])
    assert result.exit_code == 2
    assert message in result.output


def test_actors_bad_data_exits_1(runner: CliRunner, make_repo: MakeRepo) -> None:
    actors = SEARCH_TREE["data/actors.yaml"].replace("status: none", "status: nej", 1)
    repo = make_repo({**SEARCH_TREE, "data/actors.yaml": actors})
    result = runner.invoke(app, ["actors", "--root", str(repo)])
    assert result.exit_code == 1
    assert "data/actors.yaml:11:15: error: status: 'nej' är inte tillåtet" in result.output


def test_actors_square_brackets_in_data_are_printed_as_typed(
    make_repo: MakeRepo, runner: CliRunner
) -> None:
    # Rich would read '[/x]' as a closing markup tag and crash; the data is plain text.
    actors = SEARCH_TREE["data/actors.yaml"].replace("name: Skatteverket", "name: Skatte [/x] [b]")
    repo = make_repo({**SEARCH_TREE, "data/actors.yaml": actors})
    listing = runner.invoke(app, ["actors", "--root", str(repo)], env={"COLUMNS": "120"})
    assert listing.exit_code == 0, listing.output
    assert "Skatte [/x] [b]" in listing.output
    detail = runner.invoke(app, ["actors", "show", "skatteverket", "--root", str(repo)])
    assert detail.exit_code == 0, detail.output
    assert "Skatte [/x] [b]" in detail.output


# --- match ------------------------------------------------------------------------------


def test_match_report(runner: CliRunner, match_repo: Path) -> None:
    result = runner.invoke(app, ["match", "--root", str(match_repo)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Förslag (2):")
    assert (match_repo / SIM).read_bytes() == SIM_TEXT.encode("utf-8")


def test_match_markdown(runner: CliRunner, match_repo: Path) -> None:
    result = runner.invoke(
        app, ["match", "--root", str(match_repo), "--format", "md", "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Questions the matrix has no row for\n")
    assert result.output.count("\n### ") == 3


def test_match_json(runner: CliRunner, match_repo: Path) -> None:
    result = runner.invoke(app, ["match", "--root", str(match_repo), "--format", "json"])
    data = json.loads(result.output)
    assert data["min_score"] == 0.2
    assert [(e["file"], e["good"]) for e in data["entries"]] == [
        (SIM, True),
        (PARKING_1, False),
        (PARKING_2, False),
        (BIRDS, False),
        (PASS, True),
    ]
    assert data["entries"][0]["candidates"][0]["row"] == "sim-kort"
    assert data["gaps"][0]["files"] == [PARKING_1, PARKING_2]


def test_match_apply_yes(runner: CliRunner, match_repo: Path) -> None:
    result = runner.invoke(
        app, ["match", "--root", str(match_repo), "--apply", "--yes", "--min-score", "0.5"]
    )
    assert result.exit_code == 0, result.output
    assert f"Skrev row: sim-kort → {SIM}\nSkrev row: passansokan → {PASS}\n" in result.output
    assert "2 skrivna, 0 lämnade att välja för hand (svagt eller tvetydigt förslag)." in (
        result.output
    )
    assert "Luckor: frågor som ingen rad i matrisen passar (3):" in result.output
    assert (match_repo / SIM).read_bytes().endswith(b"\r\ncategory: telefoner\r\nrow: sim-kort")
    assert validate_repository(match_repo).errors == []


def test_match_apply_yes_reports_a_file_it_cannot_edit_and_exits_1(
    runner: CliRunner, match_repo: Path
) -> None:
    # Valid YAML written as one flow mapping: a line cannot be added safely.
    text = "{date: 2026-08-28, description: Hjälp med passansökan., category: dokument}\n"
    (match_repo / PASS).write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["match", "--root", str(match_repo), "--apply", "--yes"])
    assert result.exit_code == 1
    assert f"{PASS}:1:1: error: filen kunde inte ändras utan att röra andra värden" in result.output
    # The SIM proposal (0.65) is under the default for unattended writes (0.7).
    assert (
        "0 skrivna, 1 lämnade att välja för hand (svagt eller tvetydigt förslag). "
        "1 kunde inte skrivas, se ovan; rätta filen för hand."
    ) in result.output
    assert (match_repo / PASS).read_text(encoding="utf-8") == text


def test_match_apply_interactive(runner: CliRunner, match_repo: Path) -> None:
    result = runner.invoke(app, ["match", "--root", str(match_repo), "--apply"], input="a\ns\n")
    assert result.exit_code == 0, result.output
    assert "\n       träffar i raden: SIM-kort, Återställa, låst, PUK, koden\n" in result.output
    assert "\n   hittade inte i någon rad: tappat\n" in result.output
    assert "1 skrivna, 1 överhoppade." in result.output
    assert (match_repo / PASS).read_text(encoding="utf-8") == ENTRIES[PASS]


def test_match_apply_end_of_input_quits_cleanly(runner: CliRunner, match_repo: Path) -> None:
    result = runner.invoke(app, ["match", "--root", str(match_repo), "--apply"], input="")
    assert result.exit_code == 0, result.output
    assert "Avslutade; det som redan skrivits finns kvar." in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--yes"], "fel: --yes fungerar bara tillsammans med --apply"),
        (
            ["--apply", "--format", "md"],
            "fel: --apply skriver bara text; kör 'referral match --format ...' efteråt",
        ),
        (
            ["--min-score", "2"],
            "fel: --min-score: 2 ligger utanför det tillåtna; det måste vara högst 1",
        ),
        (["--min-score", "hög"], "fel: --min-score: 'hög' är inget tal"),
    ],
)
def test_match_usage_errors(
    runner: CliRunner, match_repo: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(app, ["match", "--root", str(match_repo), *args])
    assert result.exit_code == 2
    assert message in result.output


def test_match_refuses_invalid_data(runner: CliRunner, make_repo: MakeRepo) -> None:
    bad = ENTRIES[BIRDS] + "reasons: [weather]\n"
    repo = make_repo({**SEARCH_TREE, **ENTRIES, BIRDS: bad})
    result = runner.invoke(app, ["match", "--root", str(repo), "--apply", "--yes"])
    assert result.exit_code == 1
    assert f"{BIRDS}:3:" in result.output
    assert (repo / SIM).read_bytes() == SIM_TEXT.encode("utf-8")


# --- actors --format vcf: an address book of public fields (issue 16, item 8) -----------

SECRET_ACTORS = """\
actors:
  - id: skatteverket
    name: Skatteverket
    kind: authority
    scope: national
    description: Folkbokföring och id-kort.
    helps_with: [Folkbokföring, AB Svenska Pass]
    contact:
      website: https://www.skatteverket.se
      phone: 0771-567 567
      email: info@skatteverket.se
      address: Storgatan 1, Älvstad
      opening_hours: Vardagar 8–16
    languages: [sv, en]
    relationship:
      status: established
      owner: HEMLIG-ÄGARE
      wanted_collaboration: HEMLIGT-SAMARBETE
    notes: HEMLIG-ANTECKNING
    reviewed: 2026-09-01
  - id: bank
    name: Banken
    kind: bank
    scope: national
    reviewed: 2026-09-01
"""


def test_actors_as_vcards_with_public_fields_only(
    runner: CliRunner, make_repo: Callable[..., Path]
) -> None:
    import vobject

    repo = make_repo({"data/actors.yaml": SECRET_ACTORS})
    result = runner.invoke(app, ["actors", "--root", str(repo), "--format", "vcf", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "HEMLIG" not in result.output
    first, second = vobject.readComponents(result.output)
    assert first.fn.value == "Skatteverket" and second.fn.value == "Banken"
    assert first.tel.value == "0771-567 567"
    assert first.categories.value == ["Government agency"]
    assert first.note.value == (
        "Folkbokföring och id-kort.\nHelps with: Folkbokföring; AB Svenska Pass\n"
        "Opening hours: Vardagar 8–16"
    )
    assert [u.value for u in first.url_list] == ["https://www.skatteverket.se"]


def test_one_actor_as_a_vcard_keeps_its_uid(
    runner: CliRunner, make_repo: Callable[..., Path]
) -> None:
    import vobject

    repo = make_repo({"data/actors.yaml": SECRET_ACTORS})
    all_cards = runner.invoke(app, ["actors", "--root", str(repo), "--format", "vcf"])
    one = runner.invoke(app, ["actors", "show", "bank", "--root", str(repo), "--format", "vcf"])
    [card] = vobject.readComponents(one.output)
    assert card.uid.value == list(vobject.readComponents(all_cards.output))[1].uid.value
    assert card.uid.value.startswith("urn:uuid:")
    filtered = runner.invoke(
        app, ["actors", "--root", str(repo), "--kind", "bank", "--format", "vcf"]
    )
    assert filtered.output == one.output
