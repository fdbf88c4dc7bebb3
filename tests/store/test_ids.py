"""The ids shell completion offers: from the cache when fresh, else a bare parse."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from referral_cli.store import ids
from referral_cli.store.ids import ids_from_files, repository_ids
from tests.conftest import ACTORS, LIBRARY


def test_every_kind_with_its_label(make_repo: Callable[..., Path]) -> None:
    found = repository_ids(make_repo())
    assert found == {
        "actor": [("skatteverket", "Skatteverket"), ("bank", "Banken")],
        "row": [("bank-e-legitimation", "Bankärenden och inloggning med e-legitimation")],
        "category": [("dokument", "Dokument, ärenden och e-tjänster")],
        "branch": [("centrum", "Centrumbiblioteket")],
        "reason": [
            ("privacy", "Integritet / personuppgifter"),
            ("legal", "Juridik"),
            ("ethical", "Etik"),
            ("technical", "För tekniskt"),
            ("time", "För tidskrävande"),
            ("competence", "Saknar kompetens"),
            ("language", "Språkbarriär"),
            ("other", "Annat"),
        ],
        "period": [("ht-2026", "2026-08-17–2026-08-30")],
    }


def test_the_library_s_own_reasons_and_language(make_repo: Callable[..., Path]) -> None:
    english = repository_ids(make_repo({"data/library.yaml": "language: en\n"}))
    assert english["reason"][0] == ("privacy", "Privacy / personal data")
    own = LIBRARY + "reasons:\n  - id: stress\n    label: Stress\n"
    assert repository_ids(make_repo({"data/library.yaml": own}))["reason"] == [("stress", "Stress")]


def test_a_broken_file_gives_what_the_others_have(make_repo: Callable[..., Path]) -> None:
    repo = make_repo({"data/actors.yaml": "actors:\n  - id: [\n"})
    found = repository_ids(repo)
    assert found["actor"] == []
    assert found["row"] == [
        ("bank-e-legitimation", "Bankärenden och inloggning med e-legitimation")
    ]


def test_odd_shapes_are_skipped() -> None:
    contents = {
        "data/library.yaml": b"branches: [x, {id: true}, {id: 7}, {id: ok, name: [1]}]\n",
        "data/actors.yaml": b"actors: nothing\n",
        "data/matrix.yaml": b"categories:\n  - id: c\n    rows: [{need: no id}]\n",
    }
    found = ids_from_files(Path("/nonexistent"), contents)
    assert found["branch"] == [("7", ""), ("ok", "")]  # 7 is text to referral
    assert found["actor"] == [] and found["row"] == [] and found["category"] == [("c", "")]


def test_a_second_call_answers_from_the_cache(
    make_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo()
    first = repository_ids(repo)

    def no_parsing(*_: object) -> object:
        raise AssertionError("parsed again")

    monkeypatch.setattr(ids, "ids_from_files", no_parsing)
    assert repository_ids(repo) == first


def test_a_changed_file_is_read_again(make_repo: Callable[..., Path]) -> None:
    repo = make_repo()
    repository_ids(repo)
    (repo / "data/actors.yaml").write_text(
        ACTORS.replace("id: bank\n", "id: banken\n"), encoding="utf-8"
    )
    assert [i for i, _ in repository_ids(repo)["actor"]] == ["skatteverket", "banken"]


def test_the_warm_path_imports_no_yaml(make_repo: Callable[..., Path]) -> None:
    repo = make_repo()
    repository_ids(repo)  # fills the cache (REFERRAL_CACHE_DIR is the test's own)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from referral_cli.store.ids import repository_ids\n"
        f"assert repository_ids(Path({str(repo)!r}))['actor']\n"
        "print([m for m in ('yaml', 'pydantic', 'referral_cli.models') if m in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_never_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from referral_cli.store import cache

    assert repository_ids(tmp_path / "missing")["actor"] == []

    def broken(*_: object) -> object:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(cache, "load_snapshot", broken)
    assert repository_ids(tmp_path) == {kind: [] for kind in ids.KINDS}
