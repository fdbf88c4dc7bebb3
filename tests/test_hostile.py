"""Bad input found by a hostile first-day test, in modules another helper is changing.

Each test describes the expected behaviour and is marked `xfail(strict=True)` until the
owning module (named in the reason) is fixed; the fix makes it pass and must remove the
mark.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from referral_cli.commands.validate import validate_repository
from tests.conftest import LIBRARY

TODAY = date(2026, 11, 28)


def codes(root: Path) -> list[tuple[str, str]]:
    return [(f.file, f.code) for f in validate_repository(root, today=TODAY).findings]


@pytest.mark.xfail(
    strict=True,
    reason="repository.py/checks.py: one error in library.yaml makes every entry's branch, "
    "reasons and period unknown (the defaults are checked instead)",
)
@pytest.mark.parametrize(
    "library",
    [
        LIBRARY.replace("municipality:", "municipalty:"),
        LIBRARY.replace("reviewed: 2026-06-01", "reviewed: 1/6 2026"),
        LIBRARY.replace("language: sv", "language: de"),
    ],
)
def test_an_error_in_library_yaml_is_reported_once(
    make_repo: Callable[..., Path], library: str
) -> None:
    root = make_repo({"data/library.yaml": library})
    found = codes(root)
    assert [c for f, c in found if f == "data/library.yaml"]
    assert not [c for f, c in found if f.startswith("data/inventory/")], found


@pytest.mark.xfail(strict=True, reason="checks.py: the hint says 'no branchs are defined yet'")
def test_hint_for_a_library_without_branches_is_spelled_right(
    make_repo: Callable[..., Path],
) -> None:
    no_branches = LIBRARY.replace("branches:\n  - id: centrum\n    name: Centrumbiblioteket\n", "")
    root = make_repo({"data/library.yaml": no_branches})
    hints = [f.hint or "" for f in validate_repository(root, today=TODAY).findings]
    assert any("no branches are defined yet" in h for h in hints), hints


@pytest.mark.xfail(
    strict=True,
    reason="repository.py/yamlio.py: data/inventory as a file is silently read as no entries",
)
def test_inventory_that_is_a_file_is_an_error(make_repo: Callable[..., Path]) -> None:
    root = make_repo()
    for path in sorted((root / "data/inventory").rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    (root / "data/inventory").rmdir()
    (root / "data/inventory").write_text("date: 2026-08-22\n", encoding="utf-8")
    assert ("data/inventory", "error") in [
        (f.file, f.severity) for f in validate_repository(root, today=TODAY).findings
    ]


@pytest.mark.xfail(
    strict=True,
    reason="yamlio.iter_yaml_files: a .yaml entry that cannot be opened (a dangling symlink; "
    "likewise a folder without read permission) is skipped without a word",
)
def test_an_entry_that_cannot_be_opened_is_reported(make_repo: Callable[..., Path]) -> None:
    root = make_repo()
    (root / "data/inventory/2026/gone.yaml").symlink_to(root / "nowhere.yaml")
    assert ("data/inventory/2026/gone.yaml", "unreadable") in codes(root)
