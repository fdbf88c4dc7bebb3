from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from referral_cli.cli import app
from referral_cli.commands.export import export_inventory
from referral_cli.commands.stats import compute_stats
from referral_cli.dates import parse_date_option
from referral_cli.records import RecordFilter, load_export_records, load_sources
from referral_cli.store.export_file import EXPORT_FIELDS

# The English wording; the language rule is tested in tests/cli/test_errors.py.
pytestmark = pytest.mark.usefixtures("english")

runner = CliRunner()

SECOND = """\
date: 2026-09-01
description: Fråga om att skanna ett pass.
reflection: Svårt att veta var gränsen går.
reasons: [privacy]
sent_by: [bank]
outcome: helped
minutes: 15
read_level: 2
recorded_by: AB
"""


@pytest.fixture
def repo(make_repo: Callable[..., Path]) -> Path:
    return make_repo({"data/inventory/2026/b.yaml": SECOND})


def lines_of(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def test_export_one_line_per_entry_without_text(repo: Path) -> None:
    stream = io.StringIO()
    assert export_inventory(repo, stream) == 2
    first, second = lines_of(stream.getvalue())
    assert first == {
        "library": "Testbiblioteket",
        "municipality": "Testkommun",
        "date": "2026-08-22",
        "branch": "centrum",
        "period": "ht-2026",
        "category": "dokument",
        "row": "bank-e-legitimation",
        "reasons": ["language", "privacy"],
        "referred_to": ["skatteverket"],
        "sent_by": [],
        "outcome": None,
        "minutes": None,
        "read_level": None,
    }
    assert list(first) == list(EXPORT_FIELDS)
    assert second["minutes"] == 15
    assert "description" not in second and "recorded_by" not in second
    assert "skanna" not in stream.getvalue()


def test_export_include_text(repo: Path) -> None:
    stream = io.StringIO()
    export_inventory(repo, stream, include_text=True)
    second = lines_of(stream.getvalue())[1]
    assert second["description"] == "Fråga om att skanna ett pass."
    assert second["reflection"] == "Svårt att veta var gränsen går."
    assert "recorded_by" not in second


def test_export_filters(repo: Path) -> None:
    stream = io.StringIO()
    filters = RecordFilter(since=parse_date_option("2026-08-30", "--since"))
    assert export_inventory(repo, stream, filters=filters) == 1
    assert lines_of(stream.getvalue())[0]["date"] == "2026-09-01"


@pytest.mark.parametrize(
    ("args", "dates"),
    [
        ([], ["2026-08-22", "2026-09-01"]),
        (["--branch", "centrum"], ["2026-08-22"]),
        (["--period", "ht-2026", "--period", "vt-2026"], ["2026-08-22"]),
        (["--until", "2026-08-31"], ["2026-08-22"]),
        (["--branch", "centrum", "--branch", "norrby", "--since", "2026-09-01"], []),
    ],
)
def test_cli_filters(repo: Path, args: list[str], dates: list[str]) -> None:
    result = runner.invoke(app, ["export", "--root", str(repo), *args])
    assert result.exit_code == 0, result.output
    assert [line["date"] for line in lines_of(result.stdout)] == dates


def test_export_round_trips_through_stats(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.jsonl"
    result = runner.invoke(
        app, ["export", "--root", str(repo), "--out", str(out), "--include-text"]
    )
    assert result.exit_code == 0, result.output
    assert "2 entries written to" in result.output
    from_export = load_export_records(out)
    from_repo = load_sources([repo]).records
    assert from_export == from_repo
    for by in ("reason", "outcome", "month", "read_level", "sent_by"):
        a = compute_stats(load_sources([out]), [by])
        b = compute_stats(load_sources([repo]), [by])
        assert [(x.key, x.count, x.minutes_total) for x in a.buckets] == [
            (x.key, x.count, x.minutes_total) for x in b.buckets
        ]


def test_export_to_stdout(repo: Path) -> None:
    result = runner.invoke(app, ["export", "--root", str(repo)])
    assert result.exit_code == 0, result.output
    assert len(lines_of(result.stdout)) == 2


def test_export_refuses_to_overwrite(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.jsonl"
    out.write_text("keep me", encoding="utf-8")
    result = runner.invoke(app, ["export", "--root", str(repo), "--out", str(out)])
    assert result.exit_code == 2
    assert "already exists; choose another file or pass --force" in result.output
    assert out.read_text(encoding="utf-8") == "keep me"
    result = runner.invoke(app, ["export", "--root", str(repo), "--out", str(out), "--force"])
    assert result.exit_code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_export_of_broken_repository_writes_nothing(
    make_repo: Callable[..., Path], tmp_path: Path
) -> None:
    repo = make_repo({"data/inventory/bad.yaml": "date: 2026-08-22\nminutes: many\n"})
    out = tmp_path / "export.jsonl"
    result = runner.invoke(app, ["export", "--root", str(repo), "--out", str(out)])
    assert result.exit_code == 1
    assert "data/inventory/bad.yaml:" in result.output
    assert not out.exists()


@pytest.mark.parametrize(("out", "shown"), [(".", "."), ("/", "/"), ("", "."), ("..", "..")])
def test_export_out_must_name_a_file(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, out: str, shown: str
) -> None:
    # Issue 15, item 6: these were a ValueError (exit 3), or a rename onto '..'.
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    result = runner.invoke(app, ["export", "--root", str(repo), "--out", out, "--force"])
    assert result.exit_code == 2, result.output
    assert result.output == (
        f"error: --out {shown} is a folder, not a file: name the file to write, "
        "e.g. --out export.jsonl\n"
    )
    assert list(work.iterdir()) == [] and sorted(p.name for p in tmp_path.iterdir()) == [
        "repo",
        "work",
    ]


def test_export_never_overwrites_a_file_named_like_its_temporary(
    repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "export.jsonl"
    (tmp_path / "export.jsonl.tmp").write_text("the user's own file", encoding="utf-8")
    result = runner.invoke(app, ["export", "--root", str(repo), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "export.jsonl.tmp").read_text(encoding="utf-8") == "the user's own file"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "export.jsonl",
        "export.jsonl.tmp",
        "repo",
    ]


def test_export_writes_into_a_device_and_never_replaces_it(repo: Path, tmp_path: Path) -> None:
    """`--out /dev/null` (here through a link to it): written to, never renamed over."""
    link = tmp_path / "null"
    link.symlink_to(os.devnull)
    result = runner.invoke(app, ["export", "--root", str(repo), "--out", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and Path(os.devnull).is_char_device()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null", "repo"]


def test_export_through_a_link_replaces_the_file_it_leads_to(repo: Path, tmp_path: Path) -> None:
    target = tmp_path / "exports" / "region.jsonl"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "latest.jsonl"
    link.symlink_to(target)
    result = runner.invoke(app, ["export", "--root", str(repo), "--out", str(link), "--force"])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and len(lines_of(target.read_text(encoding="utf-8"))) == 2
    assert sorted(p.name for p in target.parent.iterdir()) == ["region.jsonl"]
