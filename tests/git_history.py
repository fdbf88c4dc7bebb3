"""A small guideline repository with a git history, for the tests of `referral diff`.

`make_history(root)` commits three versions:

1. actors and matrix only (no library.yaml, no inventory);
2. library.yaml added, a row and a checklist step added, a solution changed, three
   inventory entries added (and one in a hidden folder, which does not count);
3. the row skanna-pass renamed to skanning-pass and the actor bank to banken (content
   otherwise unchanged), a phone number changed, one entry removed.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import ACTORS, ENTRY, LIBRARY, MATRIX, write_tree

MATRIX_2 = (
    MATRIX.replace(
        "solution: Ta reda på vilken e-legitimation användaren har.",
        "solution: Fråga vilken e-legitimation användaren har.",
    ).replace(
        "checklist:\n  - step: Ryms ärendet i uppdraget?\n",
        "checklist:\n  - step: Ryms ärendet i uppdraget?\n  - step: Vem äger ärendet?\n",
    )
    + """\
      - id: skanna-pass
        need: Skanna pass
        solution: Vi visar skannern.
        reviewed: 2026-09-01
"""
)
MATRIX_3 = MATRIX_2.replace("id: skanna-pass", "id: skanning-pass").replace(
    "refer_to: [bank, skatteverket]", "refer_to: [banken, skatteverket]"
)
ACTORS_3 = ACTORS.replace("  - id: bank\n", "  - id: banken\n").replace(
    "      phone: 0771-567 567", "      phone: 0771-567 568"
)
ENTRY_PRIVACY = "date: 2026-08-25\ndescription: Fråga om bank-id.\nreasons: [privacy]\n"
ENTRY_NONE = "date: 2026-08-26\ndescription: Fråga om utskrift.\n"


def git(root: Path, *args: str) -> str:
    """Run git in `root` as a throw-away identity; its standard output."""
    return subprocess.run(
        [
            "git",
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.invalid",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def commit(root: Path, files: dict[str, str | bytes | None], message: str) -> None:
    """Write `files` (None removes one), stage everything and commit."""
    for name, text in files.items():
        if text is None:
            (root / name).unlink()
    write_tree(root, {k: v for k, v in files.items() if v is not None})
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "-m", message)


def make_history(root: Path) -> Path:
    """Initialise `root` as a git repository with the three commits described above."""
    root.mkdir(parents=True)
    git(root, "init", "-q")
    commit(root, {"data/actors.yaml": ACTORS, "data/matrix.yaml": MATRIX}, "first")
    commit(
        root,
        {
            "data/library.yaml": LIBRARY,
            "data/matrix.yaml": MATRIX_2,
            "data/inventory/2026/a.yaml": ENTRY,
            "data/inventory/2026/b.yaml": ENTRY_PRIVACY,
            "data/inventory/2026/c.yaml": ENTRY_NONE,
            "data/inventory/.hidden/x.yaml": ENTRY_NONE,
        },
        "second",
    )
    commit(
        root,
        {
            "data/matrix.yaml": MATRIX_3,
            "data/actors.yaml": ACTORS_3,
            "data/inventory/2026/c.yaml": None,
        },
        "third",
    )
    return root
