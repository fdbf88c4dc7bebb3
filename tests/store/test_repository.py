"""Loading a repository: what cannot be read is reported, never skipped."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

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


# --- the link rule (issue 15, item 9): one rule for every reader ---------------------------

PERSONNUMMER_ENTRY = "date: 2026-08-22\ndescription: Besökaren 850709-9805 ville ha hjälp.\n"


def findings_of(root: Path) -> list[str]:
    return [f.format().split("\n")[0] for f in validate_repository(root, today=TODAY).findings]


def test_a_folder_link_inside_the_repository_is_read_and_checked(
    make_repo: Callable[..., Path],
) -> None:
    # It was skipped silently: a personnummer inside it passed validate ("All good").
    root = make_repo({"arkiv/2025/gammal.yaml": PERSONNUMMER_ENTRY})
    (root / "data/inventory/2025").symlink_to(root / "arkiv/2025", target_is_directory=True)
    assert findings_of(root) == [
        "data/inventory/2025/gammal.yaml:2:24: error: description: looks like a personnummer "
        "(850709-****); the inventory must not hold a visitor's personal data [personal-data]"
    ]


@pytest.mark.parametrize(
    ("link", "target", "message"),
    [
        (
            "data/inventory/2025",
            "{outside}",
            "data/inventory/2025:1:1: error: a link that leads outside the repository (to "
            "{outside}); referral does not read it [refused-link]",
        ),
        (
            "data/inventory/2026/hemlig.yaml",
            "{outside}/hemlig.yaml",
            "data/inventory/2026/hemlig.yaml:1:1: error: a link that leads outside the "
            "repository (to {outside}/hemlig.yaml); referral does not read it [refused-link]",
        ),
        (
            "data/inventory/git.yaml",
            "{root}/.git/config.yaml",
            "data/inventory/git.yaml:1:1: error: a link that leads into a hidden folder of the "
            "repository (to {root}/.git/config.yaml); referral does not read it [refused-link]",
        ),
        (
            "data/inventory/2026/igen",
            "{root}/data/inventory",
            "data/inventory/2026/igen:1:1: error: a link to {root}/data/inventory, which is read "
            "another way too (or holds this folder); referral does not follow it [refused-link]",
        ),
        (
            "data/actors.yaml",
            "{outside}/hemlig.yaml",
            "data/actors.yaml:1:1: error: a link that leads outside the repository (to "
            "{outside}/hemlig.yaml); referral does not read it [refused-link]",
        ),
    ],
)
def test_a_link_that_leaves_or_loops_is_refused_unread(
    make_repo: Callable[..., Path], tmp_path: Path, link: str, target: str, message: str
) -> None:
    root = make_repo()
    outside = tmp_path / "outside"
    outside.mkdir()
    # Its keys would reach the findings (and CI logs) if it were read.
    (outside / "hemlig.yaml").write_text("api_token: hemligt\n", encoding="utf-8")
    (outside / "x.yaml").write_text(PERSONNUMMER_ENTRY, encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git/config.yaml").write_text("token: hemligt\n", encoding="utf-8")
    place = root / link
    place.unlink(missing_ok=True)
    place.symlink_to(target.format(outside=outside, root=root))
    expected = message.format(outside=outside, root=root)
    found = findings_of(root)
    assert expected in found, found
    assert not any("api_token" in line or "token" in line.split("[")[0] for line in found)


@pytest.mark.usefixtures("english")
def test_every_reader_stops_at_a_refused_link(
    make_repo: Callable[..., Path], tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from referral_cli.cli import app

    root = make_repo()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere/x.yaml").write_text(PERSONNUMMER_ENTRY, encoding="utf-8")
    (root / "data/inventory/2025").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    runner = CliRunner()
    for command in (["export"], ["stats"], ["inventory"], ["match"], ["review"]):
        result = runner.invoke(app, [*command, "--root", str(root)])
        assert result.exit_code == 1, (command, result.output)
        assert "data/inventory/2025:1:1: error: a link that leads outside" in result.output


# --- hidden and temporary files (issue 15, item 10) ----------------------------------------


def test_hidden_and_temporary_files_are_reported_by_validate(
    make_repo: Callable[..., Path],
) -> None:
    # A dotfile was a way around the CI privacy check: never read, never reported.
    root = make_repo(
        {
            "data/inventory/2026/.utkast.yaml": PERSONNUMMER_ENTRY,
            "data/inventory/2026/.2026-08-20-x-1a2b3c4d.yaml.5e6f7a8b.tmp": PERSONNUMMER_ENTRY,
            "data/inventory/.referral-staging-k3j4/000000.yaml": PERSONNUMMER_ENTRY,
            "data/inventory/.arkiv/a.yaml": PERSONNUMMER_ENTRY,
            "data/inventory/.gitkeep": "",
            "data/inventory/2026/.DS_Store": b"\x00\x00\x00\x01Bud1",
            "data/inventory/README.txt": "Frågorna ligger i mappar per år.\n",
        }
    )
    assert findings_of(root) == [
        "data/inventory/.arkiv:1:1: error: a hidden file or folder in the inventory: referral "
        "never reads it, so nothing checks it for personal data [hidden-file]",
        "data/inventory/.referral-staging-k3j4:1:1: error: a temporary file or folder left "
        "behind by an interrupted save; it may hold the text of a question nobody has checked "
        "[temporary-file]",
        "data/inventory/2026/.2026-08-20-x-1a2b3c4d.yaml.5e6f7a8b.tmp:1:1: error: a temporary "
        "file or folder left behind by an interrupted save; it may hold the text of a question "
        "nobody has checked [temporary-file]",
        "data/inventory/2026/.utkast.yaml:1:1: error: a hidden file or folder in the inventory: "
        "referral never reads it, so nothing checks it for personal data [hidden-file]",
    ]


def test_hidden_files_never_stop_the_commands_that_only_read(
    make_repo: Callable[..., Path],
) -> None:
    from referral_cli.rules.loading import load_readable

    root = make_repo({"data/inventory/2026/.x.yaml.swp": "vim"})
    assert len(load_readable(root).entries) == 1
