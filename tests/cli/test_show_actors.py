"""Actors at a terminal: the table (narrow and wide) and one actor in full, in both languages."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console

from referral_cli.cli.show_actors import render_detail, render_table
from referral_cli.commands.actors import ActorsView, run_list, run_show
from tests.commands.test_actors import MORE_ENTRIES
from tests.test_search import SEARCH_TREE

MakeRepo = Callable[..., Path]

# An actor with every field set, so every heading of the detail panel is shown.
FULL_ACTOR = """\
  - id: full
    name: Hela [b]aktören
    kind: study_association
    scope: regional
    description: En aktör med allt ifyllt.
    helps_with: [Kurser, Datorhjälp]
    contact:
      phone: 010-123 45 67
      website: https://example.org
      email: info@example.org
      address: Storgatan 1
      opening_hours: Mån–fre 9–17
      chat: https://example.org/chatt
    languages: [sv, ar, so]
    relationship:
      status: established
      owner: Kim
      last_contact: 2026-05-04
      informed: 2026-05-05
      wanted_collaboration: Gemensam kurs i höst.
    notes: Ring helst på förmiddagen.
    reviewed: 2026-09-01
"""


@pytest.fixture
def repo(make_repo: MakeRepo) -> Path:
    return make_repo({**SEARCH_TREE, **MORE_ENTRIES})


def rendered(
    function: Callable[[ActorsView, Console], None], view: ActorsView, width: int = 80
) -> str:
    buffer = io.StringIO()
    function(view, Console(file=buffer, width=width, color_system=None))
    return buffer.getvalue()


def test_table(repo: Path) -> None:
    text = rendered(render_table, run_list(repo, statuses=["none"]))
    assert text == (
        "                                                                     \n"
        " Namn / id                 Typ        Kontakt         Rader   Frågor \n"
        " ─────────────────────────────────────────────────────────────────── \n"
        " Din bank                  bank       ingen kontakt       1        2 \n"
        " bank                                                                \n"
        "                                                                     \n"
        " Kommunens kontaktcenter   kommunen   ingen kontakt       0        0 \n"
        " kommunen                                                            \n"
        "                                                                     \n"
        "2 av 4 aktörer.\n"
    )


def test_table_when_wide_shows_scope_and_owner(repo: Path) -> None:
    text = rendered(render_table, run_list(repo, language="en"), width=120)
    lines = text.splitlines()
    assert lines[1].split() == [
        "Name", "/", "id", "Kind", "Scope", "Contact", "Owner", "Rows", "Questions"
    ]  # fmt: skip
    assert lines[3].split() == ["Din", "bank", "bank", "national", "no", "contact", "1", "2"]
    assert lines[6].split() == [
        "Skatteverket", "government", "agency", "national", "established", "Kajsa", "2", "2"
    ]  # fmt: skip
    assert lines[9].split() == ["Mobiloperatören", "company", "national", "unknown", "1", "0"]
    assert text.endswith("4 of 4 actors.\n")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("sv", "Inga aktörer matchar filtret.\n"), ("en", "No actors match the filter.\n")],
)
def test_table_with_no_match(repo: Path, lang: str, expected: str) -> None:
    assert rendered(render_table, run_list(repo, kinds=["school"], language=lang)) == expected


def test_detail(repo: Path) -> None:
    text = rendered(render_detail, run_show(repo, "skatteverket"))
    lines = [line.strip("│ ").rstrip() for line in text.splitlines()]
    assert lines[0].startswith("╭─ Skatteverket ─")
    for expected in [
        "Hjälper till med",
        "• ID-kort",
        "Telefon: 0771-567 567",
        "Webb: https://www.skatteverket.se",
        "Kontakt: etablerad",
        "Ansvarig: Kajsa",
        "Senast kontrollerad: 2026-09-01",
        "Rader i matrisen som hänvisar hit",
        "• bank-e-legitimation: Bankärenden och inloggning med e-legitimation",
        "Frågor i inventeringen som hänvisats hit",
        "2 (-: 1, ht-2026: 1)",
    ]:
        assert expected in lines, expected
    assert "skatteverket · myndighet · nationell" in lines[-1]


def _panel_lines(text: str) -> list[str]:
    return [line.strip("│╭╮╰╯─ ") for line in text.splitlines()]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "Hela [b]aktören",
                "Description", "En aktör med allt ifyllt.", "",
                "Helps with", "• Kurser", "• Datorhjälp", "",
                "Contact details",
                "Phone: 010-123 45 67",
                "Web: https://example.org",
                "Email: info@example.org",
                "Chat: https://example.org/chatt",
                "Opening hours: Mån–fre 9–17",
                "Address: Storgatan 1",
                "Languages: sv, ar, so", "",
                "Relationship",
                "Contact: established",
                "Owner: Kim",
                "Last contact: 2026-05-04",
                "Told about the guidelines: 2026-05-05",
                "Wanted collaboration: Gemensam kurs i höst.",
                "Last verified: 2026-09-01", "",
                "Notes", "Ring helst på förmiddagen.", "",
                "Matrix rows that refer here", "No matrix row refers here yet.", "",
                "Inventory questions referred here", "0",
                "full · study association · regional",
            ],
        ),
        (
            "sv",
            [
                "Hela [b]aktören",
                "Beskrivning", "En aktör med allt ifyllt.", "",
                "Hjälper till med", "• Kurser", "• Datorhjälp", "",
                "Kontaktuppgifter",
                "Telefon: 010-123 45 67",
                "Webb: https://example.org",
                "E-post: info@example.org",
                "Chatt: https://example.org/chatt",
                "Öppettider: Mån–fre 9–17",
                "Adress: Storgatan 1",
                "Språk: sv, ar, so", "",
                "Relation",
                "Kontakt: etablerad",
                "Ansvarig: Kim",
                "Senaste kontakt: 2026-05-04",
                "Informerad om riktlinjerna: 2026-05-05",
                "Önskat samarbete: Gemensam kurs i höst.",
                "Senast kontrollerad: 2026-09-01", "",
                "Anteckningar", "Ring helst på förmiddagen.", "",
                "Rader i matrisen som hänvisar hit", "Ingen rad i matrisen hänvisar hit än.", "",
                "Frågor i inventeringen som hänvisats hit", "0",
                "full · studieförbund · regional",
            ],
        ),
    ],
)  # fmt: skip
def test_detail_shows_every_field(make_repo: MakeRepo, lang: str, expected: list[str]) -> None:
    actors = SEARCH_TREE["data/actors.yaml"] + FULL_ACTOR
    repo = make_repo({**SEARCH_TREE, "data/actors.yaml": actors})
    assert _panel_lines(rendered(render_detail, run_show(repo, "full", language=lang))) == expected


def test_detail_of_an_actor_no_row_refers_to(repo: Path) -> None:
    text = rendered(render_detail, run_show(repo, "kommunen", language="en"))
    assert "No matrix row refers here yet." in text
    assert "Contact: no contact" in text
    assert "Kontakt" not in text
