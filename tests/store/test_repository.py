"""Loading a repository: what cannot be read is reported, never skipped."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from referral_cli.commands.validate import validate_repository

TODAY = date(2026, 11, 28)


def codes(root: Path) -> list[tuple[str, str]]:
    return [(f.file, f.code) for f in validate_repository(root, today=TODAY).findings]


def test_inventory_that_is_a_file_is_an_error(make_repo: Callable[..., Path]) -> None:
    root = make_repo()
    for path in sorted((root / "data/inventory").rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    (root / "data/inventory").rmdir()
    (root / "data/inventory").write_text("date: 2026-08-22\n", encoding="utf-8")
    assert ("data/inventory", "error") in [
        (f.file, f.severity) for f in validate_repository(root, today=TODAY).findings
    ]


def test_an_entry_that_cannot_be_opened_is_reported(make_repo: Callable[..., Path]) -> None:
    root = make_repo()
    (root / "data/inventory/2026/gone.yaml").symlink_to(root / "nowhere.yaml")
    assert ("data/inventory/2026/gone.yaml", "unreadable") in codes(root)


def test_a_library_file_with_every_key_left_out_is_the_defaults(
    make_repo: Callable[..., Path],
) -> None:
    # Found by tests/test_end_to_end_fuzz.py: README makes every key of library.yaml
    # optional, so a library.yaml holding only a comment is valid.
    root = make_repo(
        {
            "data/library.yaml": "# Fylls i senare.\n",
            "data/inventory/2026/2026-08-22-test-000001.yaml": None,
        }
    )
    assert [c for c in codes(root) if c[0] == "data/library.yaml"] == []
