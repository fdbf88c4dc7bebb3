"""Helpers for the tests of `add-question` and its intake: a repository with two branches."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner, Result

from referral_cli.cli import app
from referral_cli.models import InventoryEntry
from referral_cli.store.yamlio import load_file
from tests.conftest import LIBRARY

INVENTORY = Path("data/inventory")
TODAY = date(2026, 11, 28)
LIBRARY_TWO_BRANCHES = LIBRARY.replace(
    "    name: Centrumbiblioteket\n",
    "    name: Centrumbiblioteket\n  - id: norrby\n    name: Norrby områdesbibliotek\n",
)

YAML_LOG = """\
# Från papperslistan vecka 34
- date: 2026-08-18
  description: Bluff-sms om ett paket
  branch: centrum
  reasons: [technical]
- date: 2026-08-19
  description: CV och aktivitetsrapport
  reasons: [time, competence]
  minutes: 40
- date: 2026-08-20
  description: 'Tid: 10:30'
"""

CSV_LOG = """\
date,description,branch,reasons,referred-to,minutes
2026-08-18,Bluff-sms om ett paket,centrum,technical,,
2026-08-19,"CV och aktivitetsrapport, två timmar",norrby,time;competence,bank,40
"""


FORMS_HEADER = [
    "Id",
    "Starttid",
    "Sluttid",
    "E-post",
    "Namn",
    "Datum",
    "Beskrivning",
    "Bibliotek",
    "Skäl",
    "Hänvisad till",
    "Utfall",
    "Minuter",
    "Läsnivå",
]
STARTED = datetime(2026, 8, 18, 10, 4, 31)


def forms_workbook(
    *rows: list[object], header: list[object] = FORMS_HEADER, title: str = "Form1"
) -> bytes:
    """A workbook shaped like a Microsoft Forms export: the answer's own columns first."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


FORMS_ROWS = [
    [
        1,
        STARTED,
        STARTED,
        "anna.andersson@alvstad.se",
        "Anna Andersson",
        date(2026, 8, 18),
        "Bluff-sms om ett paket",
        "centrum",
        "technical;",
        None,
        "helped",
        15,
        3,
    ],
    [
        2,
        STARTED,
        STARTED,
        "bo@alvstad.se",
        "Bo Ek",
        datetime(2026, 8, 19),
        "CV och aktivitetsrapport",
        "norrby",
        "time;competence;",
        "bank",
        "partly",
        40.0,
        None,
    ],
]


@pytest.fixture
def runner(at_terminal: None) -> CliRunner:
    """A runner whose input is typed at a terminal, as by a person at the desk."""
    return CliRunner()


@pytest.fixture
def repo(make_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_repo({"data/library.yaml": LIBRARY_TWO_BRANCHES})
    monkeypatch.chdir(root)
    monkeypatch.delenv("REFERRAL_ROOT", raising=False)
    return root


def snapshot(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted((root / INVENTORY).rglob("*")) if p.is_file()}


def new_files(root: Path, before: dict[Path, bytes]) -> list[Path]:
    return sorted(set(snapshot(root)) - set(before))


def read_entry(path: Path) -> InventoryEntry:
    return InventoryEntry.model_validate(load_file(path, path.name).data)


def invoke(runner: CliRunner, *args: str, input: str | None = None) -> Result:
    return runner.invoke(app, ["add-question", *args], input=input)
