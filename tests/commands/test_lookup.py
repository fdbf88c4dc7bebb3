"""The lookup core: what it finds, in which language, and the JSON it gives (no printing)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from referral_cli.commands.lookup import (
    format_json,
    keep_relevant,
    lookup,
    run_lookup,
)
from referral_cli.errors import FindingsError, UsageError
from referral_cli.rules.loading import load_valid_guidelines
from referral_cli.search import Hit
from tests.conftest import LIBRARY
from tests.test_search import SEARCH_TREE

MakeRepo = Callable[..., Path]


@pytest.fixture
def repo(make_repo: MakeRepo) -> Path:
    return make_repo(SEARCH_TREE)


def test_the_best_row_comes_first_with_its_actors(repo: Path) -> None:
    result = run_lookup(repo, ["bankid"])
    assert result.query == "bankid"
    assert result.language == "sv"
    best = result.hits[0]
    assert best.item.row.id == "bank-e-legitimation"
    assert best.item.category.title == "Dokument och e-tjänster"
    assert [actor.id for actor in best.item.actors] == ["bank", "skatteverket"]
    assert best.score == 1.0
    assert "BankID" in best.matched


def test_weaker_hits_follow_best_first(repo: Path) -> None:
    result = run_lookup(repo, ["kort"])
    assert [hit.item.row.id for hit in result.hits] == [
        "sim-kort",
        "bank-e-legitimation",
        "passansokan",
    ]
    scores = [hit.score for hit in result.hits]
    assert scores == sorted(scores, reverse=True)
    assert result.suggestions == []


def test_actors_matching_the_query_are_found(repo: Path) -> None:
    result = run_lookup(repo, ["kontaktcenter"])
    assert result.hits == []
    assert [hit.actor.id for hit in result.actors] == ["kommunen"]


def test_nothing_found_gives_the_closest_matrix_words(repo: Path) -> None:
    result = run_lookup(repo, ["visumet", "zebrafink"])
    assert result.hits == []
    assert result.suggestions == ["visumansökan", "Visa", "visar"]
    assert run_lookup(repo, ["xyzzy"]).suggestions == []


@pytest.mark.parametrize(
    ("scores", "min_score", "kept"),
    [
        ([], 0.2, []),
        ([0.9, 0.5, 0.28, 0.26], 0.2, [0.9, 0.5, 0.28]),  # under 0.3 x best: noise
        ([0.5, 0.2, 0.19], 0.2, [0.5, 0.2]),  # the floor is the minimum score
        ([0.15, 0.1], 0.2, []),
        ([0.6, 0.5, 0.4], 0.5, [0.6, 0.5]),
    ],
)
def test_keep_relevant(scores: list[float], min_score: float, kept: list[float]) -> None:
    hits = [Hit(str(n), score) for n, score in enumerate(scores)]
    assert [hit.score for hit in keep_relevant(hits, min_score)] == kept


def test_library_language_en_is_the_default(make_repo: MakeRepo) -> None:
    repo = make_repo({**SEARCH_TREE, "data/library.yaml": LIBRARY.replace("sv", "en")})
    assert run_lookup(repo, ["bankid"]).language == "en"
    assert run_lookup(repo, ["bankid"], "sv").language == "sv"


def test_unknown_language_is_a_usage_error(repo: Path) -> None:
    with pytest.raises(UsageError, match="--lang: unknown language 'de'; choose sv or en"):
        run_lookup(repo, ["bankid"], "de")


@pytest.mark.parametrize("terms", [[], ["  "], ["", "\t"]])
def test_an_empty_query_is_a_usage_error(repo: Path, terms: list[str]) -> None:
    guidelines = load_valid_guidelines(repo, inventory=False)
    with pytest.raises(UsageError) as caught:
        lookup(guidelines, terms, "sv")
    assert caught.value.text("en") == "give one or more search words, e.g. referral lookup bankid"
    assert caught.value.text("sv") == (
        "skriv ett eller flera sökord, till exempel referral lookup bankid"
    )


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


# --- JSON -------------------------------------------------------------------------------


def test_json_gives_ranked_hits_with_contacts(repo: Path) -> None:
    data = json.loads(format_json(run_lookup(repo, ["kort"])))
    assert data["query"] == "kort"
    assert [(h["rank"], h["row"], h["category"]) for h in data["hits"]] == [
        (1, "sim-kort", "telefoner"),
        (2, "bank-e-legitimation", "dokument"),
        (3, "passansokan", "dokument"),
    ]
    first = data["hits"][0]
    assert first["need"] == "Återställa ett låst SIM-kort"
    assert first["category_title"] == "Telefoner och enheter"
    assert first["refer_to"] == ["operatoren"]
    assert first["actors"] == [
        {"id": "operatoren", "name": "Mobiloperatören", "address": "Köpcentrum, Handelsvägen 5"}
    ]
    assert first["requires"] == ["own_device"]
    assert 0 < data["hits"][1]["score"] < first["score"] <= 1
    assert data["actors"][0]["id"] == "skatteverket"
    assert data["suggestions"] == []


def test_json_is_utf8_text_not_escaped(repo: Path) -> None:
    text = format_json(run_lookup(repo, ["sim"]))
    assert "Återställa" in text
    assert "\\u" not in text


@pytest.mark.parametrize(
    ("query", "row"),
    [("fakenews", "kallkritik"), ("nyhet", "kallkritik"), ("kallor", "kallkritik")],
)
def test_a_row_without_actors_is_found(repo: Path, query: str, row: str) -> None:
    data = json.loads(format_json(run_lookup(repo, [query])))
    assert data["hits"][0]["row"] == row
    assert data["hits"][0]["actors"] == []


def test_json_when_nothing_is_found(repo: Path) -> None:
    data = json.loads(format_json(run_lookup(repo, ["passagerare"])))
    assert data["hits"] == []
    assert data["suggestions"]


def test_benchmark_matrix_generator_makes_valid_searchable_data(tmp_path: Path) -> None:
    # benchmarks/bench_lookup.py must keep working: its matrix validates and is found.
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_lookup.py"
    spec = importlib.util.spec_from_file_location("_bench_lookup", path)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    root = bench.generate(tmp_path / "repo", rows=30)
    guidelines = load_valid_guidelines(root, inventory=False)
    assert len(guidelines.matrix.rows()) == 30
    assert lookup(guidelines, ["bankid"], "sv").hits


def test_a_query_is_shown_back_with_its_control_characters_visible(repo: Path) -> None:
    # Issue 15, item 3: a pasted escape sequence recoloured the terminal or set its title.
    result = run_lookup(repo, ["\x1b]0;TITEL\x07parkeringsapp", "\x9b31m"])
    assert result.query == "\\x1b]0;TITEL\\x07parkeringsapp \\x9b31m"
    assert "\x1b" not in format_json(result) and "\x9b" not in format_json(result)


# --------------------------------------------------------------------------- the visitor's language

VISITOR_TREE = {
    **SEARCH_TREE,
    "data/actors.yaml": SEARCH_TREE["data/actors.yaml"].replace(
        "      opening_hours: Vardagar 8–16.\n",
        "      opening_hours: Vardagar 8–16.\n    languages: [sv, en, fa]\n",
    ),
}


@pytest.mark.parametrize(
    ("code", "skatteverket"),
    [("fa", True), ("prs", True), ("ar", False), ("sv-lattlast", True)],
)
def test_which_actors_help_in_the_visitors_language(
    make_repo: MakeRepo, code: str, skatteverket: bool
) -> None:
    result = run_lookup(make_repo(VISITOR_TREE), ["bankid"], visitor_language=code)
    bank, skatt = result.hits[0].item.actors
    assert result.visitor_language == code
    assert result.speaks(bank) is None  # its languages are not recorded
    assert result.speaks(skatt) is skatteverket
    data = json.loads(format_json(result))
    assert data["visitor_language"] == code
    assert [a["helps_in_visitor_language"] for a in data["hits"][0]["actors"]] == [
        None,
        skatteverket,
    ]


def test_without_a_visitor_language_the_json_is_as_before(make_repo: MakeRepo) -> None:
    data = json.loads(format_json(run_lookup(make_repo(VISITOR_TREE), ["bankid"])))
    assert data["visitor_language"] is None
    assert "helps_in_visitor_language" not in data["hits"][0]["actors"][0]


@pytest.mark.parametrize("value", ["Arabic", "a", "ar_SY", ""])
def test_a_visitor_language_that_is_no_code(repo: Path, value: str) -> None:
    with pytest.raises(UsageError) as caught:
        run_lookup(repo, ["bankid"], visitor_language=value)
    assert caught.value.text("en") == (
        f"--visitor-lang: '{value}' is not a language code (for example ar, so, ti, uk)"
    )
