"""The rows as a search index: what a row's searchable text is, and hits turned back into rows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from referral_cli.row_index import RowIndex, row_document
from referral_cli.rules.loading import load_valid_guidelines
from tests.test_search import SEARCH_TREE

MakeRepo = Callable[..., Path]


@pytest.fixture
def index(make_repo: MakeRepo) -> RowIndex:
    return RowIndex.build(load_valid_guidelines(make_repo(SEARCH_TREE), inventory=False))


def test_a_row_is_searched_by_its_fields_its_category_and_its_actors(index: RowIndex) -> None:
    document = row_document(index.by_id()["bank-e-legitimation"])
    assert document.key == "bank-e-legitimation"
    assert dict(document.fields) == {
        "need": ["Bankärenden och inloggning med e-legitimation"],
        "keywords": ["BankID", "Mobilt BankID", "e-leg"],
        "solution": ["Banken som utfärdat e-legitimationen ger support."],
        "library_can": ["Visa bankens webbplats och kundtjänst."],
        "category": ["Dokument och e-tjänster"],
        "actor_name": ["Din bank", "Skatteverket"],
        "actor_helps": ["Skaffa och spärra BankID", "Kontoutdrag", "ID-kort", "Deklaration"],
    }


def test_a_row_without_library_can_or_actors_has_empty_fields(index: RowIndex) -> None:
    fields = row_document(index.by_id()["kallkritik"]).fields
    assert (fields["library_can"], fields["actor_name"], fields["actor_helps"]) == ([], [], [])


def test_every_row_is_indexed_in_matrix_order(index: RowIndex) -> None:
    assert [item.row.id for item in index.rows] == [
        "bank-e-legitimation",
        "passansokan",
        "sim-kort",
        "kallkritik",
    ]
    assert list(index.by_id()) == [item.row.id for item in index.rows]


def test_hits_come_back_as_rows_best_first(index: RowIndex) -> None:
    hits = index.search("kort")
    assert [hit.item.row.id for hit in hits] == ["sim-kort", "bank-e-legitimation", "passansokan"]
    assert hits[0].item is index.by_id()["sim-kort"]
    assert [(hit.score, hit.matched) for hit in hits] == [
        (hit.score, hit.matched) for hit in index.index.search("kort")
    ]


def test_unknown_words_count_fully_unless_asked_otherwise(index: RowIndex) -> None:
    query = "låst simkort och zebrafinkar i parken"
    [plain, *_] = index.search(query)
    [weighed, *_] = index.search(query, unknown_weight=0.25)
    assert plain.item.row.id == weighed.item.row.id == "sim-kort"
    assert weighed.score > plain.score  # words found nowhere lower the score less
    assert set(plain.unmatched) >= {"zebrafinkar", "parken"}
    assert plain.score == index.index.search(query)[0].score
