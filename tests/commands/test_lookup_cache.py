"""The lookup cache and the cached personal-data verdict: accelerators, never a change.

A lookup answered from the cache must equal one computed from the YAML; an edit to any
of the three files, a damaged cache file or `REFERRAL_NO_CACHE=1` falls back to the
files. Validation skips the personal-data scan only for entries the cache vouches for.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from referral_cli.commands import lookup as lookup_module
from referral_cli.commands.lookup import (
    SNAPSHOT_KIND,
    LookupData,
    as_data,
    format_json,
    load_lookup_data,
    run_lookup,
)
from referral_cli.commands.validate import validate_repository
from referral_cli.errors import FindingsError
from referral_cli.rules.loading import load_valid_guidelines
from referral_cli.store import cache
from referral_cli.store.repository import load_guidelines
from tests.conftest import ENTRY
from tests.test_architecture import PACKAGE, internal_graph, modules
from tests.test_search import SEARCH_TREE

MakeRepo = Callable[..., Path]
QUERIES = [["bankid"], ["sim", "kort"], ["migrationsverkt"], ["parkeringsapp"], ["kort"]]


@pytest.fixture
def repo(make_repo: MakeRepo) -> Path:
    return make_repo(SEARCH_TREE)


def _answers(root: Path) -> list[str]:
    return [format_json(run_lookup(root, terms)) for terms in QUERIES]


def _without_cache(root: Path) -> list[str]:
    with cache.bypass():
        return _answers(root)


def _snapshot_path(root: Path) -> Path:
    return cache.snapshot_file(SNAPSHOT_KIND, root)


def test_answers_are_the_same_from_the_cache(repo: Path) -> None:
    expected = _without_cache(repo)
    assert not _snapshot_path(repo).exists()
    assert _answers(repo) == expected  # builds and stores the cache
    assert _snapshot_path(repo).exists()
    assert _answers(repo) == expected  # answered from it
    assert _answers(repo) == expected


def test_a_warm_lookup_reads_no_yaml(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run_lookup(repo, ["bankid"])

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the YAML was read although the cache is fresh")

    monkeypatch.setattr("referral_cli.rules.loading.load_valid_guidelines", refuse)
    assert run_lookup(repo, ["bankid"]).hits


def test_light_rows_carry_every_field_of_the_models(repo: Path) -> None:
    guidelines = load_valid_guidelines(repo, inventory=False)
    built = LookupData.build(guidelines)
    restored = LookupData.from_plain(built.to_plain())
    assert restored.language == built.language
    for original, light in zip(built.rows.rows, restored.rows.rows, strict=True):
        assert vars(original.row) == {name: getattr(light.row, name) for name in vars(original.row)}
        assert original.category.id == light.category.id
        assert original.category.title == light.category.title
        assert [a.id for a in original.actors] == [a.id for a in light.actors]
    for original_actor, light_actor in zip(built.actors, restored.actors, strict=True):
        assert original_actor.model_dump() == _as_dict(light_actor)


def _as_dict(value: object) -> object:
    if isinstance(value, list):
        return [_as_dict(item) for item in value]
    if hasattr(value, "__dict__"):
        return {name: _as_dict(item) for name, item in vars(value).items()}
    return value


@pytest.mark.parametrize("name", ["data/matrix.yaml", "data/actors.yaml", "data/library.yaml"])
def test_an_edit_makes_the_cache_stale(repo: Path, name: str) -> None:
    _answers(repo)
    path = repo / name
    text = path.read_text(encoding="utf-8")
    if name == "data/matrix.yaml":
        # Same size, same second: only the content hash can tell.
        edited = text.replace("BankID", "BonkID", 1)
        assert len(edited) == len(text) and edited != text
    elif name == "data/actors.yaml":
        edited = text.replace("name: Skatteverket", "name: Skatteverket Norr", 1)
    else:
        edited = text + "language: en\n" if "language:" not in text else text
        edited = edited.replace("language: sv", "language: en")
    path.write_text(edited, encoding="utf-8")
    assert _answers(repo) == _without_cache(repo)
    assert run_lookup(repo, ["bankid"]).language == ("en" if name == "data/library.yaml" else "sv")


def test_an_edit_with_the_same_stamp_is_caught_by_the_hash(repo: Path) -> None:
    _answers(repo)
    path = repo / "data" / "matrix.yaml"
    info = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("BankID", "BonkID", 1), encoding="utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert "BonkID" in format_json(run_lookup(repo, ["bonkid"]))


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: b"",
        lambda blob: blob[: len(blob) // 2],
        lambda blob: blob[:-1] + bytes([blob[-1] ^ 0xFF]),
        lambda blob: b"not a cache at all",
        lambda blob: blob[:20] + b"\x00" * 40 + blob[60:],
    ],
    ids=["empty", "cut", "flipped-byte", "garbage", "zeroed"],
)
def test_a_damaged_cache_is_ignored_and_rebuilt(
    repo: Path, damage: Callable[[bytes], bytes]
) -> None:
    expected = _without_cache(repo)
    _answers(repo)
    path = _snapshot_path(repo)
    path.write_bytes(damage(path.read_bytes()))
    assert _answers(repo) == expected
    assert cache.load_snapshot(SNAPSHOT_KIND, repo, lookup_module.SNAPSHOT_MODULES) is not None


def test_a_cache_from_other_code_is_ignored(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _answers(repo)
    modules = lookup_module.SNAPSHOT_MODULES
    assert cache.load_snapshot(SNAPSHOT_KIND, repo, modules) is not None
    fingerprint = cache._code_fingerprint(modules)
    monkeypatch.setattr(cache, "_code_fingerprint", lambda modules: [*fingerprint, "changed"])
    assert cache.load_snapshot(SNAPSHOT_KIND, repo, modules) is None


def test_no_cache_env_neither_reads_nor_writes(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    expected = _answers(repo)
    assert not _snapshot_path(repo).exists()
    monkeypatch.delenv(cache.NO_CACHE_ENV)
    assert _answers(repo) == expected
    assert _snapshot_path(repo).exists()


def test_guidelines_with_errors_are_never_cached(make_repo: MakeRepo) -> None:
    broken = SEARCH_TREE["data/matrix.yaml"].replace("refer_to: [", "refer_to: [nobody, ", 1)
    assert broken != SEARCH_TREE["data/matrix.yaml"]
    root = make_repo({**SEARCH_TREE, "data/matrix.yaml": broken})
    for _ in range(2):
        with pytest.raises(FindingsError):
            run_lookup(root, ["bankid"])
    assert not _snapshot_path(root).exists()


def test_the_cache_lives_in_the_cache_folder_not_the_repository(repo: Path) -> None:
    before = sorted(p.relative_to(repo) for p in repo.rglob("*"))
    load_lookup_data(repo)
    assert sorted(p.relative_to(repo) for p in repo.rglob("*")) == before
    assert _snapshot_path(repo).parent == cache.cache_dir()


def test_json_is_the_same_data(repo: Path) -> None:
    with cache.bypass():
        expected = as_data(run_lookup(repo, ["kort"]))
    run_lookup(repo, ["kort"])
    assert as_data(run_lookup(repo, ["kort"])) == expected


def test_a_warm_lookup_imports_neither_pydantic_models_nor_yaml(repo: Path) -> None:
    code = (
        "import sys\n"
        f"sys.argv = ['referral', 'lookup', 'bankid', '--root', {str(repo)!r}]\n"
        "from referral_cli.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('LOADED', 'yaml' in sys.modules, 'referral_cli.models' in sys.modules)\n"
    )
    env = {**os.environ, cache.CACHE_DIR_ENV: os.environ[cache.CACHE_DIR_ENV]}
    env.pop(cache.NO_CACHE_ENV, None)
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert "LOADED True True" in first.stdout, first.stderr
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert "LOADED False False" in second.stdout, second.stderr
    assert first.stdout.rsplit("LOADED", 1)[0] == second.stdout.rsplit("LOADED", 1)[0]


# Modules a lookup reaches that cannot change the cached rows and indexes: the words
# (the cache keeps none), the exceptions, and a package's docstring-only __init__.
NOT_IN_THE_SNAPSHOT = {
    "referral_cli.i18n",
    "referral_cli.i18n.en",
    "referral_cli.i18n.sv",
    "referral_cli.errors",
    "referral_cli.store",
}


def _reached_from(start: str) -> set[str]:
    graph = internal_graph()
    seen: set[str] = set()
    waiting = [start]
    while waiting:
        name = waiting.pop()
        if name not in seen:
            seen.add(name)
            waiting.extend(graph[name])
    return seen


def test_every_module_a_lookup_runs_is_in_the_snapshot_fingerprint() -> None:
    # A change in any of them must make a cached lookup stale, or the cache would
    # answer with data the new code would have built differently.
    reached = _reached_from("referral_cli.commands.lookup") - NOT_IN_THE_SNAPSHOT
    paths = modules()
    listed = sorted(paths[name].relative_to(PACKAGE).as_posix() for name in reached)
    assert listed == sorted(lookup_module.SNAPSHOT_MODULES)


# --- the personal-data verdict kept with each cached entry ----------------------------

PRIVATE = ENTRY.replace("description: Ärende", "description: Ring 070-123 45 67. Ärende")


def test_cached_clean_entries_are_not_scanned_again(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert PRIVATE != ENTRY
    root = make_repo({"data/inventory/2026/a.yaml": ENTRY, "data/inventory/2026/b.yaml": PRIVATE})
    with cache.bypass():
        expected = validate_repository(root).findings
    assert any(f.code == "personal-data" for f in expected)
    assert validate_repository(root).findings == expected  # cold: fills the cache

    scanned: list[str] = []
    import referral_cli.rules.checks as checks

    original = checks.personal_data_matches

    def counting(entry: object, *allowed: object) -> object:
        scanned.append(getattr(entry, "description", ""))
        return original(entry, *allowed)  # type: ignore[arg-type]

    monkeypatch.setattr(checks, "personal_data_matches", counting)
    assert validate_repository(root).findings == expected  # warm
    assert scanned and all("070-123" in text for text in scanned)


def test_the_verdict_is_part_of_the_loaded_entry(make_repo: MakeRepo) -> None:
    root = make_repo({"data/inventory/2026/a.yaml": ENTRY, "data/inventory/2026/b.yaml": PRIVATE})
    for _ in range(2):  # cold, then from the cache
        guidelines, _ = load_guidelines(root)
        verdicts = {
            loaded.display.rsplit("/", 1)[-1]: loaded.privacy_clean for loaded in guidelines.entries
        }
        assert verdicts["a.yaml"] is True
        assert verdicts["b.yaml"] is False
    with cache.bypass():
        guidelines, _ = load_guidelines(root)
    assert not any(loaded.privacy_clean for loaded in guidelines.entries)
