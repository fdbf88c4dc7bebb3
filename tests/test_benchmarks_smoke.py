"""The benchmark generator makes valid data, and the parse cache works on it.

Speed itself is measured by `benchmarks/run.py`, never asserted in tests.
"""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from referral_cli.commands.validate import validate_repository
from referral_cli.store.repository import load_guidelines

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generate() -> ModuleType:
    return _load("generate")


def test_generated_repository_validates_clean(generate: ModuleType, tmp_path: Path) -> None:
    repo = generate.generate(tmp_path / "repo", entries=60, rows=12, seed=3)
    files = sorted((repo / "data" / "inventory").rglob("*.yaml"))
    assert len(files) == 60
    text = files[0].read_text(encoding="utf-8")
    assert any(ch in text for ch in "åäö")
    report = validate_repository(repo)
    assert report.findings == []
    assert report.files == 63


def test_generator_is_deterministic_for_a_day(generate: ModuleType, tmp_path: Path) -> None:
    day = date(2026, 9, 1)
    one = generate.generate(tmp_path / "one", entries=5, rows=3, seed=7, today=day)
    two = generate.generate(tmp_path / "two", entries=5, rows=3, seed=7, today=day)
    names = sorted(p.relative_to(one).as_posix() for p in one.rglob("*.yaml"))
    assert names == sorted(p.relative_to(two).as_posix() for p in two.rglob("*.yaml"))
    assert all((one / n).read_bytes() == (two / n).read_bytes() for n in names)


def test_generator_refuses_a_foreign_folder(generate: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(SystemExit):
        generate.generate(tmp_path, entries=1, rows=1)
    assert (tmp_path / "mine.txt").read_text(encoding="utf-8") == "keep me"


def test_generator_cli(generate: ModuleType, tmp_path: Path) -> None:
    assert generate.main([str(tmp_path / "cli"), "--entries", "3", "--rows", "2"]) == 0
    assert generate.read_marker(tmp_path / "cli")["entries"] == 3  # type: ignore[index]
    assert validate_repository(tmp_path / "cli").errors == []


def test_cache_on_generated_data(
    generate: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from referral_cli.store import cache

    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(tmp_path / "cache"))
    repo = generate.generate(tmp_path / "repo", entries=40, rows=5, seed=5)
    cold, cold_findings = load_guidelines(repo, use_cache=False)
    load_guidelines(repo)  # writes the cache
    assert cache.cache_file(repo).is_file()
    warm, warm_findings = load_guidelines(repo)
    assert warm_findings == cold_findings == []
    assert [(e.display, e.entry) for e in warm.entries] == [
        (e.display, e.entry) for e in cold.entries
    ]


def test_the_lookup_benchmark_s_accuracy_section_is_written_from_the_code() -> None:
    # The section names the thresholds the code uses; a renamed constant must fail here,
    # not in the middle of a four-minute benchmark run.
    from referral_cli import answers

    bench = _load("bench_lookup")
    result = bench.accuracy()
    assert (result["answer_score"], result["tie_margin"]) == (
        answers.ANSWER_SCORE,
        answers.TIE_MARGIN,
    )
    text = "\n".join(bench.accuracy_lines(result))
    assert f"{answers.TIE_MARGIN} ahead of the second (`TIE_MARGIN`)" in text
    assert f"| `lookup` | {len(result['cases'])} |" in text
