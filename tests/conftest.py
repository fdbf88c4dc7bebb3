"""Shared test helpers: build small guideline repositories on tmp_path."""

from __future__ import annotations

import os
import re
import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from hypothesis import settings

# CI must pass or fail on the code alone: the same examples on every run there. Locally
# the examples vary from run to run, so new cases keep being explored.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

FileTree = Mapping[str, str | bytes]

FONT_DATA = re.compile(r"base64,[A-Za-z0-9+/=]+")


def without_font_data(text: str) -> str:
    """Embedded font files shortened to `base64,…`: goldens show the page, not the fonts
    (tests/test_fonts.py checks those against the bundled files)."""
    return FONT_DATA.sub("base64,…", text)


LIBRARY = """\
name: Testbiblioteket
municipality: Testkommun
language: sv
review_interval_months: 6
reviewed: 2026-06-01
branches:
  - id: centrum
    name: Centrumbiblioteket
periods:
  - id: ht-2026
    start: 2026-08-17
    end: 2026-08-30
"""

ACTORS = """\
actors:
  - id: skatteverket
    name: Skatteverket
    kind: authority
    scope: national
    helps_with: [Folkbokföring, AB Svenska Pass]
    contact:
      website: https://www.skatteverket.se
      phone: 0771-567 567
    languages: [sv, en, "no"]
    relationship:
      status: established
      owner: Kajsa
    reviewed: 2026-09-01
  - id: bank
    name: Banken
    kind: bank
    scope: national
    reviewed: 2026-09-01
    contact: {website: "https://www.banken.example"}
"""

MATRIX = """\
checklist:
  - step: Ryms ärendet i uppdraget?
closing:
  - step: Sammanfatta.
categories:
  - id: dokument
    title: Dokument, ärenden och e-tjänster
    rows:
      - id: bank-e-legitimation
        need: Bankärenden och inloggning med e-legitimation
        solution: Ta reda på vilken e-legitimation användaren har.
        refer_to: [bank, skatteverket]
        reviewed: 2026-09-01
"""

ENTRY = """\
date: 2026-08-22
description: Ärende på Migrationsverkets webbplats; språkbarriär.
branch: centrum
reasons: [language, privacy]
category: dokument
row: bank-e-legitimation
referred_to: [skatteverket]
period: ht-2026
"""

BASE_TREE: dict[str, str] = {
    "data/library.yaml": LIBRARY,
    "data/actors.yaml": ACTORS,
    "data/matrix.yaml": MATRIX,
    "data/inventory/2026/2026-08-22-test-000001.yaml": ENTRY,
}


@pytest.fixture(autouse=True)
def _isolated_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep the parse cache (and its key) of every test away from the user's real folders.

    And the language of the messages away from the user's own choice: only a test
    that sets `REFERRAL_LANG` has it.
    """
    monkeypatch.setenv("REFERRAL_CACHE_DIR", str(tmp_path_factory.mktemp("referral-cache")))
    monkeypatch.setenv("REFERRAL_DATA_DIR", str(tmp_path_factory.mktemp("referral-data")))
    monkeypatch.delenv("REFERRAL_LANG", raising=False)


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in English (`REFERRAL_LANG=en`), for tests that pin the English wording.

    The test repositories are Swedish libraries, whose messages are otherwise Swedish;
    the language rule itself is tested in tests/cli/test_errors.py.
    """
    monkeypatch.setenv("REFERRAL_LANG", "en")


@pytest.fixture
def at_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """CliRunner's input stands for a person typing at a terminal (add-question's prompts).

    Without it, standard input is not a terminal, as in a script.
    """
    monkeypatch.setattr("referral_cli.cli.inventory.stdin_is_terminal", lambda: True)


def write_tree(root: Path, files: FileTree) -> Path:
    """Write `files` (relative path -> text or bytes) under `root`; return `root`."""
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


@pytest.fixture
def make_repo(tmp_path: Path) -> Callable[..., Path]:
    """Build a valid repository, with any file replaced (text) or removed (None)."""

    def build(overrides: Mapping[str, str | bytes | None] | None = None) -> Path:
        tree: dict[str, str | bytes] = dict(BASE_TREE)
        for name, content in (overrides or {}).items():
            if content is None:
                tree.pop(name, None)
            else:
                tree[name] = content
        return write_tree(tmp_path / "repo", tree)

    return build
