"""The parse cache is only an accelerator: results are identical with and without it."""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from referral_cli.cli import app
from referral_cli.commands.validate import validate_repository
from referral_cli.store import cache
from referral_cli.store.repository import load_guidelines
from tests.conftest import ENTRY


@pytest.fixture(autouse=True)
def cache_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(folder))
    monkeypatch.delenv(cache.NO_CACHE_ENV, raising=False)
    return folder


_TODAY = date(2026, 12, 1)


def _snapshot(root: Path, use_cache: bool) -> tuple[Any, ...]:
    """Everything a command sees: entries with their data and positions, and every finding."""
    guidelines, findings = load_guidelines(root, use_cache=use_cache)
    entries = []
    for loaded in guidelines.entries:
        entry = loaded.entry
        positions = [
            loaded.source.locate((name,)) for name in ("date", "description", "reasons", "x")
        ]
        entries.append(
            (
                loaded.path,
                loaded.display,
                entry.model_dump(),
                sorted(entry.model_fields_set),
                entry,
                positions,
            )
        )
    if use_cache:
        report = validate_repository(root, today=_TODAY)
    else:
        with cache.bypass():
            report = validate_repository(root, today=_TODAY)
    return entries, sorted(findings), report.findings, report.files, sorted(guidelines.broken)


_VARIANTS = [
    ENTRY,
    ENTRY.replace("branch: centrum", "branch: centrum\nminutes: 15\noutcome: helped"),
    ENTRY.replace("reasons: [language, privacy]", "reasons: [time]"),
    ENTRY.replace("branch: centrum", "branch: centrm"),  # unknown branch: a located error
    ENTRY.replace("date: 2026-08-22", "date: 2026-08-40"),  # invalid date
    ENTRY.replace("period: ht-2026", "period: ht-2026\nperiod: ht-2026"),  # duplicate key
    ENTRY.replace("description: Ärende", "description: Ring 070-123 45 67. Ärende"),  # privacy
    "date: [unclosed\n",  # syntax error
    "",  # empty file
    "\ufeff" + ENTRY,  # BOM warning
    ENTRY.replace("row: bank-e-legitimation", "row: bank-e-legitimation\nextra: 1"),
    "# only a comment at the top\n"
    + ENTRY.replace("reasons: [language, privacy]", "reasons:\n  - language\n  - privacy"),
]


def _edit(root: Path, rng: random.Random, names: list[str], step: int) -> None:
    inventory = root / "data" / "inventory" / "2026"
    action = rng.choice(["add", "edit", "edit", "delete", "touch"])
    if action == "add" or not names:
        name = f"2026-08-22-case-{step:04d}.yaml"
        names.append(name)
        (inventory / name).write_text(rng.choice(_VARIANTS), encoding="utf-8")
        return
    name = rng.choice(names)
    path = inventory / name
    if action == "delete":
        names.remove(name)
        path.unlink()
    elif action == "touch":
        os.utime(path)
    else:
        info = path.stat()
        path.write_text(rng.choice(_VARIANTS), encoding="utf-8")
        if rng.random() < 0.5:
            # Tools that keep the modification time (and same-size rewrites) must not fool it.
            os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("racy_ns", [cache.RACY_NS, -(10**18)])
def test_results_identical_with_and_without_cache_over_random_edits(
    make_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, seed: int, racy_ns: int
) -> None:
    # racy_ns=-10**18 treats every file as old: only the stamps (size, times, inode) decide.
    monkeypatch.setattr(cache, "RACY_NS", racy_ns)
    root = make_repo()
    rng = random.Random(seed)
    names = ["2026-08-22-test-000001.yaml"]
    for step in range(12):
        _edit(root, rng, names, step)
        with_cache = _snapshot(root, use_cache=True)
        assert with_cache == _snapshot(root, use_cache=False), f"step {step}"
        # A second warm run reads the cache written by the first.
        assert _snapshot(root, use_cache=True) == with_cache


def test_warm_run_uses_the_cache_and_no_cache_leaves_it_alone(
    make_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, cache_home: Path
) -> None:
    monkeypatch.setattr(cache, "RACY_NS", -(10**18))
    root = make_repo()
    load_guidelines(root, use_cache=False)
    assert not cache.cache_file(root).exists()
    load_guidelines(root)
    assert cache.cache_file(root).is_file()
    assert cache.cache_file(root).parent == cache_home
    # Prove the second run reads the cache: a parse would fail now.
    monkeypatch.setattr("referral_cli.store.repository.load_model", _no_parsing_of_entries())
    guidelines, findings = load_guidelines(root)
    assert [loaded.entry.branch for loaded in guidelines.entries] == ["centrum"]
    assert findings == []


def test_cache_is_never_written_inside_the_repository(make_repo: Callable[..., Path]) -> None:
    root = make_repo()
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    load_guidelines(root)
    load_guidelines(root)
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: b"",
        lambda blob: blob[: len(blob) // 2],
        lambda blob: blob[:-1] + bytes([blob[-1] ^ 0xFF]),
        lambda blob: b"garbage" * 10,
        lambda blob: blob[:20] + b"\x00" * 8 + blob[28:],
    ],
)
def test_corrupt_cache_file_is_ignored_and_rebuilt(
    make_repo: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    damage: Callable[[bytes], bytes],
) -> None:
    monkeypatch.setattr(cache, "RACY_NS", -(10**18))
    root = make_repo()
    expected = _snapshot(root, use_cache=False)
    load_guidelines(root)
    path = cache.cache_file(root)
    path.write_bytes(damage(path.read_bytes()))
    assert _snapshot(root, use_cache=True) == expected
    # ... and rebuilt: the next run reads a good cache again.
    monkeypatch.setattr("referral_cli.store.repository.load_model", _no_parsing_of_entries())
    assert load_guidelines(root)[0].entries[0].entry.branch == "centrum"


def _no_parsing_of_entries() -> Callable[..., Any]:
    from referral_cli.store import repository

    original = repository.load_model

    def guard(model: type, *args: object, **kwargs: object) -> Any:
        assert model.__name__ != "InventoryEntry", "entry parsed although cached"
        return original(model, *args, **kwargs)

    return guard


def test_cache_of_another_version_is_ignored(
    make_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "RACY_NS", -(10**18))
    root = make_repo()
    load_guidelines(root)
    monkeypatch.setattr(cache, "CACHE_FORMAT", cache.CACHE_FORMAT + 1)
    monkeypatch.setattr("referral_cli.store.repository.load_model", _counting_loader(calls := []))
    load_guidelines(root)
    assert "InventoryEntry" in calls


def _counting_loader(calls: list[str]) -> Callable[..., Any]:
    from referral_cli.store import repository

    original = repository.load_model

    def count(model: type, *args: object, **kwargs: object) -> Any:
        calls.append(model.__name__)
        return original(model, *args, **kwargs)

    return count


@pytest.fixture
def unwritable(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "file").write_text("x", encoding="utf-8")
    folder.chmod(0o000)
    try:
        yield folder
    finally:
        folder.chmod(0o700)


def test_unreadable_cache_dir_is_ignored(
    make_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, unwritable: Path
) -> None:
    root = make_repo()
    expected = _snapshot(root, use_cache=False)
    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(unwritable / "sub"))
    assert _snapshot(root, use_cache=True) == expected
    # A cache "folder" that is a file is just as harmless.
    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(unwritable.parent / "locked-file"))
    (unwritable.parent / "locked-file").write_text("not a folder", encoding="utf-8")
    assert _snapshot(root, use_cache=True) == expected


def test_unreadable_cache_file_is_ignored(
    make_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repo()
    expected = _snapshot(root, use_cache=False)
    path = cache.cache_file(root)
    path.mkdir(parents=True)  # a folder where the file should be: reading and replacing fail
    assert _snapshot(root, use_cache=True) == expected


def test_env_and_no_cache_option_disable_it(
    make_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repo()
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    load_guidelines(root)
    assert not cache.cache_file(root).exists()
    monkeypatch.setenv(cache.NO_CACHE_ENV, "0")
    result = CliRunner().invoke(app, ["validate", "--root", str(root), "--no-cache"])
    assert result.exit_code == 0, result.output
    assert not cache.cache_file(root).exists()
    result = CliRunner().invoke(app, ["validate", "--root", str(root)])
    assert result.exit_code == 0, result.output
    assert cache.cache_file(root).exists()


@pytest.mark.parametrize(
    ("env", "expected"),
    [({}, None), ({"XDG_CACHE_HOME": "/x/cache"}, Path("/x/cache/referral"))],
)
def test_cache_dir_follows_xdg(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: Path | None
) -> None:
    monkeypatch.delenv(cache.CACHE_DIR_ENV)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert cache.cache_dir() == (expected or Path.home() / ".cache" / "referral")


def test_recently_changed_files_are_checked_by_content(
    make_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repo()  # just written: every file is "racy" and stored with a content hash
    load_guidelines(root)
    calls: list[str] = []
    monkeypatch.setattr("referral_cli.store.repository.load_model", _counting_loader(calls))
    assert load_guidelines(root)[0].entries[0].entry.branch == "centrum"
    assert "InventoryEntry" not in calls
    # Same size, same stamp, different content: only the hash can tell.
    path = root / "data" / "inventory" / "2026" / "2026-08-22-test-000001.yaml"
    old = cache.stamp(path)
    path.write_text(ENTRY.replace("branch: centrum", "branch: centrux"), encoding="utf-8")
    monkeypatch.setattr(cache, "stamp", lambda p: old)
    assert load_guidelines(root)[0].entries[0].entry.branch == "centrux"
    assert "InventoryEntry" in calls


# --- a crafted cache is never trusted (issue 15, item 12) ---------------------------------

PERSONAL = """\
date: 2026-08-22
description: Besökaren 850709-9805, tel 070-123 45 67, anna@exempel.se ville ha hjälp.
minutes: 10
"""
PERSONAL_FILE = "data/inventory/2026/2026-08-22-test-000001.yaml"


def _forge(root: Path, key: bytes) -> None:
    """What a crafted cache file holds: the file's real stamp, a clean verdict, minutes -999."""
    from referral_cli.models import InventoryEntry

    forged = cache.EntryCache(root, key)
    path = root / PERSONAL_FILE
    entry = InventoryEntry.model_construct(
        date=date(2026, 8, 22), description="Inget att se här.", minutes=-999
    )
    forged.store(PERSONAL_FILE, cache.stamp(path) or b"", path.read_bytes(), entry, clean=True)
    forged.save()


def _stats_minutes(root: Path) -> str:
    result = CliRunner().invoke(app, ["stats", "--root", str(root), "--format", "json"])
    return result.output


@pytest.mark.parametrize("knows_the_key", [True, False])
def test_a_cache_written_with_another_key_cannot_hide_a_finding(
    make_repo: Callable[..., Path], knows_the_key: bool
) -> None:
    root = make_repo({PERSONAL_FILE: PERSONAL})
    key = cache.cache_key()
    assert key is not None
    _forge(root, key if knows_the_key else bytes(32))
    codes = [f.code for f in validate_repository(root, today=_TODAY).findings]
    if knows_the_key:
        # Whoever holds the key could (that is what the key is for): the test can fail.
        assert "personal-data" not in codes and '"minutes_total": -999' in _stats_minutes(root)
    else:
        assert codes.count("personal-data") == 3
        assert "-999" not in _stats_minutes(root) and 'minutes_total": 10' in _stats_minutes(root)


def test_a_forged_lookup_snapshot_cannot_hide_an_error(make_repo: Callable[..., Path]) -> None:
    root = make_repo()
    assert CliRunner().invoke(app, ["lookup", "--root", str(root), "bank"]).exit_code == 0
    snapshot = next(cache.cache_dir().glob("lookup-*.marshal"))
    (root / "data/actors.yaml").write_text("actors: [\n", encoding="utf-8")
    # Someone without the key writes a snapshot that matches the broken file's stamp.
    from referral_cli.commands import lookup as lookup_module

    contents, keys = cache.read_files(root, lookup_module.LOOKUP_FILES)
    assert keys is not None
    body = cache.marshal.dumps(
        {
            "root": str(root),
            "version": cache._code_fingerprint(lookup_module.SNAPSHOT_MODULES),
            "day": date.today().toordinal(),
            "files": keys,
            "data": {},
        },
        4,
    )
    cache._write_frames(snapshot, iter([body]), bytes(32), b"snapshot")
    result = CliRunner().invoke(app, ["lookup", "--root", str(root), "bank"])
    assert result.exit_code == 1, result.output
    assert "data/actors.yaml:2:1: error:" in result.output


def test_the_key_is_private_and_outside_the_cache_folder(
    make_repo: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data-home" / "referral"
    monkeypatch.setenv(cache.DATA_DIR_ENV, str(data))
    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(tmp_path / "cache-home" / "referral"))
    root = make_repo()
    load_guidelines(root)
    key_file = data / cache.KEY_FILE
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert len(key_file.read_bytes()) == cache.KEY_BYTES
    for folder in (data, data.parent, cache.cache_dir(), cache.cache_dir().parent):
        assert folder.stat().st_mode & 0o777 == 0o700, folder
    assert cache.cache_file(root).stat().st_mode & 0o777 == 0o600
    assert cache.cache_key() == key_file.read_bytes()  # the same key, run after run


@pytest.mark.parametrize("problem", ["others-can-read", "inside-the-cache", "not-a-key"])
def test_without_a_usable_key_nothing_is_cached(
    make_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, cache_home: Path, problem: str
) -> None:
    root = make_repo()
    expected = _snapshot(root, use_cache=False)
    key_file = cache.data_dir() / cache.KEY_FILE
    if problem == "inside-the-cache":
        monkeypatch.setenv(cache.DATA_DIR_ENV, str(cache_home / "key"))
    else:
        cache.cache_key()
        if problem == "others-can-read":
            key_file.chmod(0o644)
        else:
            key_file.write_bytes(b"short")
    assert cache.cache_key() is None
    assert _snapshot(root, use_cache=True) == expected
    assert not cache.cache_file(root).exists()
