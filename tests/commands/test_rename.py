"""`referral rename`: a new id everywhere, surgically, all files or none (issue 11 item 7)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from referral_cli.cli import app
from referral_cli.commands.rename import rename, resolve_kind
from referral_cli.commands.validate import validate_repository
from referral_cli.errors import FindingsError, UsageError
from tests.conftest import ACTORS, ENTRY, LIBRARY, MATRIX

BUNDLED = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 28)
runner = CliRunner()


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted((root / "data").rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the bundled example repository (data and templates, no git)."""
    root = tmp_path / "example"
    shutil.copytree(BUNDLED / "data", root / "data")
    return root


@pytest.mark.parametrize(
    ("kind", "old", "new", "files"),
    [
        ("row", "kontoutdrag-forsorjningsstod", "kontoutdrag", 2),
        ("actor", "socialtjansten", "soc", 3),
        ("actor", "bank", "din-bank", 6),
        ("category", "dokument-arenden-e-tjanster", "dokument", 7),  # + ar.yaml, uk.yaml
        ("branch", "norrby", "norra", 6),
        # Keys of the translation files (rows:, actors:) are renamed too, values kept.
        ("row", "vard-1177", "vard", 3),
        ("actor", "informationskontoret", "info", 4),
        ("reason", "privacy", "integritet", 9),
    ],
)
def test_rename_over_the_bundled_example_changes_only_the_ids(
    example: Path, kind: str, old: str, new: str, files: int
) -> None:
    before = snapshot(example)
    findings_before = validate_repository(example, TODAY).findings
    result = rename(example, kind, old, new)
    after = snapshot(example)
    assert result.files == files
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {change.file for change in result.changes}
    assert set(after) == set(before)
    # Every other byte unchanged: each changed line is the old line with the id swapped
    # at the reported column, and no other line moved.
    for name in changed:
        old_lines = before[name].decode("utf-8").split("\n")
        new_lines = after[name].decode("utf-8").split("\n")
        assert len(old_lines) == len(new_lines)
        places = sorted(
            ((c.line, c.column) for c in result.changes if c.file == name), reverse=True
        )
        expected = list(old_lines)
        for line, column in places:
            text = expected[line - 1]
            assert text[column - 1 : column - 1 + len(old)] == old
            expected[line - 1] = text[: column - 1] + new + text[column - 1 + len(old) :]
        assert new_lines == expected
    # Still valid: the same findings, with the new id where one named the old.
    findings_after = validate_repository(example, TODAY).findings
    assert [f.code for f in findings_after] == [f.code for f in findings_before]
    assert not [f for f in findings_after if f.severity == "error"]


def repo_with(make_repo: Callable[..., Path], **files: str) -> Path:
    return make_repo({f"data/{name.replace('__', '/')}": text for name, text in files.items()})


CRLF_ACTORS = ("\ufeff# Aktörer\n" + ACTORS).replace(
    "  - id: bank\n", '  - id: "bank"   # banken\n'
)
ENTRY_LISTS = """\
date: 2026-08-23
description: Banken skickade hit besökaren.
referred_to:
  - 'bank'
  - skatteverket
sent_by: [skatteverket, bank]   # två aktörer
"""


def test_quotes_comments_lists_bom_and_crlf_are_kept(make_repo: Callable[..., Path]) -> None:
    repo = make_repo(
        {
            "data/actors.yaml": CRLF_ACTORS.replace("\n", "\r\n").encode("utf-8"),
            "data/inventory/2026/b.yaml": ENTRY_LISTS,
        }
    )
    result = rename(repo, "actor", "bank", "banken")
    assert [(c.file, c.line, c.column, c.key) for c in result.changes] == [
        ("data/actors.yaml", 16, 9, "id"),  # after the BOM and comment line
        ("data/matrix.yaml", 12, 20, "refer_to"),
        ("data/inventory/2026/b.yaml", 4, 5, "referred_to"),
        ("data/inventory/2026/b.yaml", 6, 25, "sent_by"),
    ]
    actors = (repo / "data/actors.yaml").read_bytes()
    expected = CRLF_ACTORS.replace('"bank"', '"banken"').replace("\n", "\r\n").encode("utf-8")
    assert actors == expected
    assert (repo / "data/inventory/2026/b.yaml").read_text(encoding="utf-8") == (
        ENTRY_LISTS.replace("'bank'", "'banken'").replace(
            "[skatteverket, bank]", "[skatteverket, banken]"
        )
    )
    assert "refer_to: [banken, skatteverket]" in (repo / "data/matrix.yaml").read_text(
        encoding="utf-8"
    )
    assert validate_repository(repo, TODAY).errors == []


def test_a_rename_done_by_hand_is_finished_in_the_references(
    make_repo: Callable[..., Path],
) -> None:
    matrix = MATRIX.replace("id: bank-e-legitimation", "id: bankid")
    repo = make_repo({"data/matrix.yaml": matrix})
    assert [f.code for f in validate_repository(repo, TODAY).errors] == ["unknown-row"]
    result = rename(repo, "row", "bank-e-legitimation", "bankid")
    assert [(c.file, c.key) for c in result.changes] == [
        ("data/inventory/2026/2026-08-22-test-000001.yaml", "row")
    ]
    assert validate_repository(repo, TODAY).errors == []


def test_a_value_that_cannot_be_changed_safely_stops_everything(
    make_repo: Callable[..., Path],
) -> None:
    folded = ENTRY.replace("row: bank-e-legitimation", "row: >-\n  bank-e-legitimation")
    repo = make_repo({"data/inventory/2026/z.yaml": folded})
    before = snapshot(repo)
    with pytest.raises(FindingsError) as caught:
        rename(repo, "row", "bank-e-legitimation", "bankid")
    assert caught.value.findings[0].format() == (
        "data/inventory/2026/z.yaml:6:1: error: the id 'bank-e-legitimation' is not written as "
        'a plain word here (such as bank-e-legitimation or "bank-e-legitimation"); cannot '
        "change it safely [cannot-edit]\n"
        "    hint: change it to bankid by hand, or write it as bank-e-legitimation and run the "
        "command again"
    )
    assert snapshot(repo) == before  # the matrix and the other entry were not written


def test_a_file_that_cannot_be_written_puts_back_the_others(
    make_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from referral_cli.store import atomic

    repo = make_repo()
    before = snapshot(repo)
    real = atomic.replace_file
    calls: list[Path] = []

    def failing(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise PermissionError(13, "Permission denied")
        real(path, data)

    monkeypatch.setattr(atomic, "replace_file", failing)
    with pytest.raises(UsageError) as caught:
        rename(repo, "actor", "skatteverket", "skatt")
    assert caught.value.text("en") == (
        "cannot write data/matrix.yaml: permission denied; nothing was changed"
    )
    assert snapshot(repo) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["rows", "a", "b"],
            "unknown kind 'rows' (did you mean 'row'?): choose row, actor, category, branch or reason",
        ),
        (
            ["row", "bank-e-legitimatin", "x"],
            "no matrix row has the id 'bank-e-legitimatin' (did you mean 'bank-e-legitimation'?); known: bank-e-legitimation",
        ),
        (
            ["actor", "bank", "skatteverket"],
            "an actor with the id 'skatteverket' already exists; choose another id",
        ),
        (
            ["branch", "centrum", "Centrum"],
            "'Centrum' is not a valid id: use lowercase letters a-z and digits, with - or _ between them (e.g. filma-mobil)",
        ),
        (
            ["category", "dokument", "dokument"],
            "the new id is the same as the old one ('dokument')",
        ),
        (
            ["reason", "privacy", "integritet"],
            "the library uses the default reasons, which library.yaml does not list: write them into a 'reasons:' list in library.yaml to rename one",
        ),
        (["branch", "norr", "norrby"], "no branch has the id 'norr'; known: centrum"),
    ],
)
def test_usage_errors(make_repo: Callable[..., Path], args: list[str], message: str) -> None:
    repo = make_repo()
    before = snapshot(repo)
    result = runner.invoke(app, ["rename", *args, "--root", str(repo), "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr == f"error: {message}\n"
    assert snapshot(repo) == before


@pytest.mark.parametrize(
    ("typed", "kind"), [("aktör", "actor"), ("Aktor", "actor"), ("rad", "row")]
)
def test_the_kind_may_be_typed_in_swedish(typed: str, kind: str) -> None:
    assert resolve_kind(typed) == kind


def test_a_swedish_kind_renames(make_repo: Callable[..., Path]) -> None:
    repo = make_repo()
    result = rename(repo, "aktör", "bank", "min-bank", dry_run=True)
    assert (result.kind, result.old, result.new) == ("actor", "bank", "min-bank")
    assert result.changes


def test_nothing_left_to_rename(make_repo: Callable[..., Path]) -> None:
    repo = make_repo({"data/library.yaml": LIBRARY.replace("id: centrum", "id: centrum-2")})
    (repo / "data/inventory/2026/2026-08-22-test-000001.yaml").write_text(
        ENTRY.replace("branch: centrum\n", ""), encoding="utf-8"
    )
    with pytest.raises(UsageError) as caught:
        rename(repo, "branch", "centrum", "centrum-2")
    assert caught.value.text("sv") == (
        "'centrum' finns inte längre och inget hänvisar till det: det finns inget att byta till "
        "'centrum-2'"
    )


def test_cli_prints_every_change_in_the_library_language(make_repo: Callable[..., Path]) -> None:
    repo = make_repo()
    args = ["rename", "category", "dokument", "dokument-och-e-tjanster", "--root", str(repo)]
    before = snapshot(repo)
    dry = runner.invoke(app, [*args, "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert snapshot(repo) == before
    assert dry.stdout.splitlines()[-1] == (
        "Skulle byta id på kategorin 'dokument' till 'dokument-och-e-tjanster': 2 ändringar i "
        "2 filer. Inget skrevs (--dry-run)."
    )
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "data/matrix.yaml:6:9: id: dokument → dokument-och-e-tjanster",
        "data/inventory/2026/2026-08-22-test-000001.yaml:5:11: category: dokument → "
        "dokument-och-e-tjanster",
        "Bytte id på kategorin 'dokument' till 'dokument-och-e-tjanster': 2 ändringar i 2 filer.",
    ]
    english = runner.invoke(
        app, ["rename", "row", "bank-e-legitimation", "bankid", "--root", str(repo), "--lang", "en"]
    )
    assert english.stdout.splitlines()[-1] == (
        "Renamed the matrix row 'bank-e-legitimation' to 'bankid': 2 changes in 2 files."
    )
    assert validate_repository(repo, TODAY).errors == []


def test_a_library_with_its_own_reasons_renames_one(make_repo: Callable[..., Path]) -> None:
    own = "reasons:\n  - id: privacy\n    label: Integritet\n  - id: language\n    label: Språk\n"
    repo = make_repo({"data/library.yaml": LIBRARY + own})
    result = rename(repo, "reason", "privacy", "integritet")
    assert [(c.file, c.line, c.key) for c in result.changes] == [
        ("data/library.yaml", 14, "id"),
        ("data/inventory/2026/2026-08-22-test-000001.yaml", 4, "reasons"),
    ]
    assert validate_repository(repo, TODAY).errors == []


@pytest.mark.parametrize(
    ("dry_run", "ending"),
    [
        (False, "Nothing was written. Fix the problems above and run the command again.\n"),
        (True, "Fix the problems above and run the command again.\n"),  # it writes nothing
    ],
)
def test_a_failed_rename_says_whether_anything_was_written(
    make_repo: Callable[..., Path], dry_run: bool, ending: str
) -> None:
    repo = make_repo({"data/actors.yaml": "actors:\n  - id: bank\n\tname: y\n"})
    before = snapshot(repo)
    args = ["rename", "actor", "bank", "banken", "--root", str(repo), "--lang", "en"]
    result = runner.invoke(app, [*args, "--dry-run"] if dry_run else args)
    assert result.exit_code == 1
    assert result.output.startswith("data/actors.yaml:3:1: error:")
    assert result.output.endswith(ending)
    assert snapshot(repo) == before
