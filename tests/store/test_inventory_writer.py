from __future__ import annotations

import os
import re
import signal
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import referral_cli.store.inventory_writer as writer
from referral_cli.errors import UsageError
from referral_cli.models import OUTCOMES, SLUG_PATTERN, InventoryEntry
from referral_cli.store.repository import load_guidelines
from referral_cli.store.yamlio import load_file
from referral_cli.text import CONTROL_CHARACTERS

NAME = re.compile(r"^\d{4}-\d{2}-\d{2}-[a-z]+(?:-[a-z]+)*-[0-9a-f]{8}\.yaml$")


def entry(**values: object) -> InventoryEntry:
    data: dict[str, object] = {"date": "2026-08-22", "description": "Skanna pass"}
    data.update(values)
    return InventoryEntry.model_validate(data)


def read_back(path: Path) -> InventoryEntry:
    return InventoryEntry.model_validate(load_file(path, path.name).data)


def files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def everything_under(root: Path) -> list[Path]:
    """Files, links and hidden folders (a staging folder left behind), hidden files too."""
    return sorted(
        p for p in root.rglob("*") if not p.is_dir() or p.is_symlink() or p.name.startswith(".")
    )


@pytest.mark.parametrize(
    ("description", "slug"),
    [
        ("En besökare ville skanna sitt pass", "skanna-pass"),
        ("Bluff-sms om ett paket", "bluff-sms-paket"),
        ("SIM-kort: PUK-koden saknades", "sim-kort-puk-koden-saknades"),
        ("Ärende på Försäkringskassans webbplats", "arende-forsakringskassans-webbplats"),
        (
            "Ring 070-123 45 67 eller mejla a@example.se om bostadsbidrag",
            "ring-mejla-bostadsbidrag",
        ),
        ("Kontoutdrag 2026 till socialtjänsten", "kontoutdrag-socialtjansten"),
        ("en och att", "fraga"),
        ("مساعدة في استمارة", "fraga"),
        ("x" * 80, "x" * 40),
    ],
)
def test_slugify(description: str, slug: str) -> None:
    assert writer.slugify(description) == slug


def test_slug_never_carries_digits() -> None:
    assert not any(ch.isdigit() for ch in writer.slugify("811218-9876 8112189876 pass"))


def test_schema_modeline_is_relative_to_the_entry(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    path = root / "data" / "inventory" / "2026" / "x.yaml"
    assert writer.schema_modeline(path, root) == (
        "# yaml-language-server: $schema=../../../schemas/inventory-entry.schema.json\n"
    )


def test_write_entry_creates_a_complete_new_file(tmp_path: Path) -> None:
    new = entry(
        branch="centrum",
        reasons=["language", "privacy"],
        minutes=20,
        reflection="Svårt.\n\nAndra stycket.",
    )
    path = writer.write_entry(tmp_path, new)
    assert path.parent == tmp_path / "data" / "inventory" / "2026"
    assert NAME.match(path.name), path.name
    assert path.name.startswith("2026-08-22-skanna-pass-")
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == (
        "# yaml-language-server: $schema=../../../schemas/inventory-entry.schema.json"
    )
    assert text.splitlines()[1:3] == ["date: 2026-08-22", "description: Skanna pass"]
    assert read_back(path) == new
    assert files_under(tmp_path) == [path]  # no temporary file left behind


def test_written_entries_load_through_the_repository(
    make_repo: Callable[..., Path],
) -> None:
    root = make_repo()
    path = writer.write_entry(root, entry(description="no", recorded_by="10:30"))
    guidelines, findings = load_guidelines(root)
    assert findings == []
    [loaded] = [e for e in guidelines.entries if e.path == path]
    assert loaded.entry.description == "no"
    assert loaded.entry.recorded_by == "10:30"


def test_an_existing_file_is_never_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tokens: Iterator[str] = iter(["aaaaaaaa", "aaaaaaaa", "bbbbbbbb"])
    monkeypatch.setattr(writer, "_name_token", lambda: next(tokens))
    first = writer.write_entry(tmp_path, entry(description="Skanna pass"))
    before = first.read_bytes()
    second = writer.write_entry(tmp_path, entry(description="Skanna pass", minutes=5))
    assert first.name.endswith("-aaaaaaaa.yaml")
    assert second.name.endswith("-bbbbbbbb.yaml")
    assert first.read_bytes() == before
    assert read_back(second).minutes == 5
    assert files_under(tmp_path) == sorted([first, second])


def test_without_hard_links_the_name_is_reserved_exclusively(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_link(*_: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(writer.os, "link", no_link)
    path = writer.write_entry(tmp_path, entry())
    assert read_back(path) == entry()
    assert files_under(tmp_path) == [path]


@pytest.mark.parametrize("step", ["_stage", "_publish_staged"])
def test_write_entries_is_all_or_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    existing = writer.write_entry(tmp_path, entry(description="Finns redan"))
    real = getattr(writer, step)
    calls = {"n": 0}

    def failing(*args: object) -> object:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device")
        return real(*args)

    monkeypatch.setattr(writer, step, failing)
    with pytest.raises(OSError, match="No space left"):
        writer.write_entries(
            tmp_path, [entry(description=f"Fråga {n}", minutes=n) for n in range(5)]
        )
    assert everything_under(tmp_path) == [existing]  # no staging folder, no temporary file


def test_a_signal_during_the_publish_is_held_then_undoes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = writer._publish_staged
    calls = {"n": 0}

    def interrupted(*args: object) -> object:
        calls["n"] += 1
        if calls["n"] == 2:
            os.kill(os.getpid(), signal.SIGINT)  # held back until the publish is complete
        return real(*args)

    monkeypatch.setattr(writer, "_publish_staged", interrupted)
    with pytest.raises(KeyboardInterrupt):
        writer.write_entries(tmp_path, [entry(description=f"Fråga {n}") for n in range(4)])
    assert calls["n"] == 4  # the publish ran to its end, then everything was removed
    assert everything_under(tmp_path) == []


def test_a_folder_link_that_leaves_the_repository_is_never_written_to(
    make_repo: Callable[..., Path], tmp_path: Path
) -> None:
    # Issue 15, item 9: add-question wrote entries there that no reader ever saw.
    root = make_repo({"data/inventory/2026/2026-08-22-test-000001.yaml": None})
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / "data/inventory").mkdir()
    (root / "data/inventory/2026").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(UsageError) as caught:
        writer.write_entries(root, [entry()])
    assert str(caught.value) == (
        "cannot write the new entry in data/inventory/2026: a link that leads outside the "
        f"repository (to {elsewhere}); referral does not read it. Nothing was written."
    )
    assert list(elsewhere.iterdir()) == []
    assert everything_under(root / "data/inventory") == [root / "data/inventory/2026"]


def test_a_folder_link_inside_the_repository_is_written_through(
    make_repo: Callable[..., Path],
) -> None:
    root = make_repo({"data/inventory/2026/2026-08-22-test-000001.yaml": None})
    (root / "data/inventory").mkdir()
    (root / "arkiv/2026").mkdir(parents=True)
    (root / "data/inventory/2026").symlink_to(root / "arkiv/2026", target_is_directory=True)
    [path] = writer.write_entries(root, [entry()])
    assert path.parent == root / "data/inventory/2026"
    guidelines, findings = load_guidelines(root)
    assert findings == []
    assert [e.display for e in guidelines.entries] == [f"data/inventory/2026/{path.name}"]


def test_entry_data_leaves_out_empty_keys_and_keeps_model_order() -> None:
    data = writer.entry_data(entry(period="ht-2026", branch="centrum", reasons=[]))
    assert list(data) == ["date", "description", "branch", "period"]
    assert data["date"] == date(2026, 8, 22)


# --------------------------------------------------------------------------- round trip

_ids = st.from_regex(SLUG_PATTERN, fullmatch=True).filter(lambda s: len(s) <= 30)
# Any text an entry may hold: control characters are refused before anything is written.
_texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200).filter(
    lambda s: s.strip() != "" and CONTROL_CHARACTERS.search(s) is None
)
_entries = st.fixed_dictionaries(
    {
        "date": st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
        "description": _texts,
    },
    optional={
        "reflection": _texts,
        "branch": _ids,
        "reasons": st.lists(_ids, max_size=4),
        "category": _ids,
        "row": _ids,
        "referred_to": st.lists(_ids, max_size=4),
        "outcome": st.sampled_from(OUTCOMES),
        "minutes": st.integers(0, 1440),
        "read_level": st.integers(1, 6),
        "recorded_by": _texts,
        "period": _ids,
    },
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=_entries
    | st.fixed_dictionaries(
        {
            "date": st.just(date(2026, 8, 22)),
            "description": st.sampled_from(
                [
                    "no",
                    "yes",
                    "on",
                    "off",
                    "null",
                    "true",
                    "~",
                    "10:30",
                    "0771-567 567",
                    "1e3",
                    "a: b",
                    "- x",
                    "#x",
                    "'q'",
                    '"q"',
                    "[x]",
                    "{x}",
                    "&a",
                    "*a",
                    "!t",
                    "@x",
                    "%x",
                    "x #y",
                    "? x",
                    "|",
                    ">",
                    "2026-08-22",
                    "0o17",
                    "0x1F",
                    ".inf",
                    "NaN",
                ]
            ),
        }
    )
)
def test_what_is_written_reads_back_identically(data: dict[str, object]) -> None:
    new = InventoryEntry.model_validate(data)
    with tempfile.TemporaryDirectory() as folder:
        path = writer.write_entry(Path(folder), new)
        assert read_back(path) == new


def test_the_writer_refuses_a_year_folder_link_the_readers_refuse(
    make_repo: Callable[..., Path],
) -> None:
    # 2025 leads to arkiv; 2026 into arkiv too: the readers follow only the first.
    root = make_repo({"data/inventory/2026/2026-08-22-test-000001.yaml": None})
    (root / "data/inventory").mkdir()
    (root / "arkiv/2026").mkdir(parents=True)
    (root / "data/inventory/2025").symlink_to(root / "arkiv", target_is_directory=True)
    (root / "data/inventory/2026").symlink_to(root / "arkiv/2026", target_is_directory=True)
    with pytest.raises(UsageError, match=r"^cannot write the new entry in data/inventory/2026: "):
        writer.write_entries(root, [entry()])
    assert list((root / "arkiv/2026").iterdir()) == []
    findings = load_guidelines(root)[1]
    assert [(f.file, f.code) for f in findings] == [("data/inventory/2026", "refused-link")]
