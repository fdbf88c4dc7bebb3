from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from referral_cli.cli import app
from referral_cli.commands.diff import diff_revisions, format_diff
from tests.conftest import ACTORS, ENTRY, LIBRARY, MATRIX, write_tree

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
runner = CliRunner()


def git(root: Path, *args: str) -> None:
    subprocess.run(
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
    )


def commit(root: Path, files: dict[str, str | None], message: str) -> None:
    for name, text in files.items():
        if text is None:
            (root / name).unlink()
    write_tree(root, {k: v for k, v in files.items() if v is not None})
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "-m", message)


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
# the row skanna-pass gets a new id with the same content; bank is renamed to banken
MATRIX_3 = MATRIX_2.replace("id: skanna-pass", "id: skanning-pass").replace(
    "refer_to: [bank, skatteverket]", "refer_to: [banken, skatteverket]"
)
ACTORS_3 = ACTORS.replace("  - id: bank\n", "  - id: banken\n").replace(
    "      phone: 0771-567 567", "      phone: 0771-567 568"
)
ENTRY_PRIVACY = "date: 2026-08-25\ndescription: Fråga om bank-id.\nreasons: [privacy]\n"
ENTRY_NONE = "date: 2026-08-26\ndescription: Fråga om utskrift.\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    # commit 1: no library.yaml, no inventory yet
    commit(root, {"data/actors.yaml": ACTORS, "data/matrix.yaml": MATRIX}, "first")
    # commit 2: library added, a row and a checklist step added, a solution changed,
    # three entries added
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
    # commit 3: renames and a changed phone number, one entry removed
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


def test_first_to_second(repo: Path) -> None:
    report = diff_revisions(repo, "HEAD~2", "HEAD~1")
    assert [(c.kind, c.id) for c in report.rows] == [
        ("added", "skanna-pass"),
        ("changed", "bank-e-legitimation"),
    ]
    [change] = report.rows[1].fields
    assert (change.field, change.old, change.new) == (
        "solution",
        "Ta reda på vilken e-legitimation användaren har.",
        "Fråga vilken e-legitimation användaren har.",
    )
    assert [(s.kind, s.position, s.new) for s in report.checklist] == [
        ("added", 2, "Vem äger ärendet?")
    ]
    # library.yaml did not exist at HEAD~2: compared with the defaults
    assert ("name", "Biblioteket", "Testbiblioteket") in [
        (c.field, c.old, c.new) for c in report.library
    ]
    assert report.inventory_added == 3  # the hidden folder is ignored
    assert report.added_by_reason == [
        ("privacy", "Integritet / personuppgifter", 2),
        ("language", "Språkbarriär", 1),
        ("", "(inget skäl angivet)", 1),
    ]
    assert report.actors == []


def test_renames_and_nested_fields(repo: Path) -> None:
    report = diff_revisions(repo, "HEAD~1", "HEAD", language="en")
    row_changes = [(c.kind, c.id, c.new_id) for c in report.rows]
    assert ("renamed", "skanna-pass", "skanning-pass") in row_changes
    assert ("changed", "bank-e-legitimation", None) in row_changes
    actor_changes = {c.kind: c for c in report.actors}
    assert (actor_changes["renamed"].id, actor_changes["renamed"].new_id) == ("bank", "banken")
    [phone] = actor_changes["changed"].fields
    assert (phone.field, phone.old, phone.new) == ("contact.phone", "0771-567 567", "0771-567 568")
    assert (report.inventory_added, report.inventory_removed) == (0, 1)
    text = format_diff(report)
    assert "  Row with a new id: skanna-pass is now skanning-pass (content unchanged)" in text
    assert "  Actor with a new id: bank is now banken (content unchanged)" in text
    assert "1 question removed" in text


def test_text_format_golden(repo: Path) -> None:
    text = format_diff(diff_revisions(repo, "HEAD~2", "HEAD~1"))
    assert text.splitlines()[0] == "Ändringar i riktlinjerna: HEAD~2 → HEAD~1"
    assert (
        "  Ändrad rad bank-e-legitimation (i Dokument, ärenden och e-tjänster): "
        "Bankärenden och inloggning med e-legitimation\n"
        "    Lösning och/eller motivering (solution)\n"
        "      före: Ta reda på vilken e-legitimation användaren har.\n"
        "      efter: Fråga vilken e-legitimation användaren har."
    ) in text
    assert "Checklistan\n  Nytt steg 2: Vem äger ärendet?" in text
    assert (
        "Frågeinventeringen\n  3 nya frågor, per skäl:\n    Integritet / personuppgifter: 2" in text
    )


def test_markdown_format(repo: Path) -> None:
    md = format_diff(diff_revisions(repo, "HEAD~2", "HEAD~1"), "md")
    assert md.startswith("# Ändringar i riktlinjerna: HEAD~2 → HEAD~1\n")
    assert "## Matrisens rader" in md
    assert "- Ny rad `skanna-pass` (i Dokument, ärenden och e-tjänster): Skanna pass" in md
    assert "  - **Lösning och/eller motivering (solution)**\n    - före: Ta reda på" in md


def test_working_tree_default(repo: Path) -> None:
    assert diff_revisions(repo).empty
    assert format_diff(diff_revisions(repo)).endswith("Inga ändringar i riktlinjerna.")
    (repo / "data/matrix.yaml").write_text(
        MATRIX_3.replace("owner", "x").replace("need: Skanna pass", "need: Skanna pass och visum"),
        encoding="utf-8",
    )
    write_tree(repo, {"data/inventory/2026/d.yaml": ENTRY_PRIVACY})
    report = diff_revisions(repo)
    assert report.new_label == "arbetskopian"
    assert [(c.kind, c.id) for c in report.rows] == [("changed", "skanning-pass")]
    assert report.inventory_added == 1
    # one revision: that revision against the working tree
    report = diff_revisions(repo, "HEAD~2")
    assert report.old_label == "HEAD~2"
    assert report.inventory_added == 3


def test_rename_is_not_claimed_when_content_differs(repo: Path) -> None:
    (repo / "data/matrix.yaml").write_text(
        MATRIX_3.replace(
            "id: skanning-pass\n        need: Skanna pass", "id: skan\n        need: Skanna"
        ),
        encoding="utf-8",
    )
    report = diff_revisions(repo)
    assert [(c.kind, c.id) for c in report.rows] == [
        ("removed", "skanning-pass"),
        ("added", "skan"),
    ]


def test_cli(repo: Path) -> None:
    result = runner.invoke(
        app, ["diff", "HEAD~1", "HEAD", "--root", str(repo), "--format", "md", "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Guideline changes: HEAD~1 → HEAD\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope"], "error: unknown git revision 'nope': give a commit, branch or tag"),
        (["HEAD", "HEAD~9"], "error: unknown git revision 'HEAD~9'"),
        (["--format", "html"], "error: --format: 'html' is not text or md"),
    ],
)
def test_cli_usage_errors(repo: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["diff", *args, "--root", str(repo)])
    assert result.exit_code == 2
    assert message in result.output


def test_not_a_git_repository(make_repo: Callable[..., Path]) -> None:
    result = runner.invoke(app, ["diff", "--root", str(make_repo())])
    assert result.exit_code == 2
    assert "is not inside a git repository" in result.output


def test_broken_file_at_a_revision_is_located(repo: Path) -> None:
    commit(repo, {"data/actors.yaml": "actors:\n  - id: x\n    name: [\n"}, "broken")
    result = runner.invoke(app, ["diff", "HEAD~1", "HEAD", "--root", str(repo)])
    assert result.exit_code == 1
    assert (
        "HEAD:data/actors.yaml:4:1: error: the indentation" in result.output
        and ": error: " in result.output
    )


def test_broken_new_entry_is_located_not_counted(repo: Path) -> None:
    write_tree(repo, {"data/inventory/2026/d.yaml": "date: 2026-08-27\nreasons: [privacy\n"})
    result = runner.invoke(app, ["diff", "--root", str(repo)])
    assert result.exit_code == 1, result.output
    assert "data/inventory/2026/d.yaml:3:1: error: " in result.output
    assert "new question" not in result.output
