from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from referral_cli.commands.diff.loading import entry_reasons, load_state
from referral_cli.errors import FindingsError
from referral_cli.store.revisions import Snapshot
from tests.conftest import ACTORS, LIBRARY, MATRIX


class FilesAt(Snapshot):
    """A snapshot at a made-up revision whose files are given, so no git is needed."""

    def __init__(self, files: dict[str, bytes]) -> None:
        super().__init__(Path(), "0123abc", "HEAD~1")
        self.files = files

    def read(self, path: str) -> bytes | None:
        return self.files.get(path)

    def read_many(self, paths: Sequence[str]) -> dict[str, bytes]:
        return {p: self.files[p] for p in paths if p in self.files}

    def inventory_files(self) -> list[str]:
        return sorted(p for p in self.files if p.startswith("data/inventory/"))


GOOD = {
    "data/library.yaml": LIBRARY.encode(),
    "data/actors.yaml": ACTORS.encode(),
    "data/matrix.yaml": MATRIX.encode(),
}


def test_state_has_the_models_and_the_inventory() -> None:
    state = load_state(FilesAt({**GOOD, "data/inventory/a.yaml": b"date: 2026-08-22\n"}))
    assert state.library.name == "Testbiblioteket"
    assert [a.id for a in state.actors.actors] == ["skatteverket", "bank"]
    assert [row.id for _, row in state.matrix.rows()] == ["bank-e-legitimation"]
    assert state.inventory == ["data/inventory/a.yaml"]


@pytest.mark.parametrize("missing", [None, b"", b"# only a comment\n"])
def test_a_missing_or_empty_file_counts_as_empty(missing: bytes | None) -> None:
    files = {"data/matrix.yaml": MATRIX.encode()}
    if missing is not None:
        files["data/library.yaml"] = missing
        files["data/actors.yaml"] = missing
    state = load_state(FilesAt(files))
    assert (state.library.name, state.actors.actors) == ("Biblioteket", [])


def test_a_byte_order_mark_is_accepted() -> None:
    state = load_state(FilesAt({**GOOD, "data/library.yaml": b"\xef\xbb\xbf" + LIBRARY.encode()}))
    assert state.library.name == "Testbiblioteket"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"actors:\n  - id: \xff\n",
            ["HEAD~1:data/actors.yaml:1:1: error: the file is not valid UTF-8 text [encoding]"],
        ),
        (
            b"actors:\n  - id: x\n    name: [\n",
            [
                "HEAD~1:data/actors.yaml:4:1: error: a list or mapping in brackets ([ ] or { }) "
                "is not closed, or an item in it lacks its comma [yaml-syntax]\n"
                "    hint: close the bracket, or write the items one per line, each starting "
                "with '- '"
            ],
        ),
        (
            b"actors:\n  - id: x\n    name: X\n    kind: bank\n",
            ["HEAD~1:data/actors.yaml:2:5: error: missing required key 'scope' [missing-key]"],
        ),
    ],
)
def test_an_unreadable_or_invalid_file_is_located(content: bytes, expected: list[str]) -> None:
    with pytest.raises(FindingsError) as caught:
        load_state(FilesAt({**GOOD, "data/actors.yaml": content}))
    assert [f.format() for f in caught.value.findings] == expected


def test_the_encoding_finding_is_worded_in_swedish_too() -> None:
    with pytest.raises(FindingsError) as caught:
        load_state(FilesAt({**GOOD, "data/actors.yaml": b"\xff"}))
    assert caught.value.findings[0].text("sv") == "filen är inte giltig UTF-8-text"


def test_entry_reasons_reads_only_the_reasons() -> None:
    snapshot = FilesAt(
        {
            "data/inventory/a.yaml": b"date: 2026-08-22\nreasons: [privacy, {x: y}, legal]\n",
            "data/inventory/b.yaml": b"date: 2026-08-22\n",
            "data/inventory/c.yaml": b"date: 2026-08-22\nreasons: privacy\n",
            "data/inventory/d.yaml": b"- a list\n",
        }
    )
    paths = [f"data/inventory/{n}.yaml" for n in "abcde"]  # e does not exist
    assert entry_reasons(snapshot, paths) == [["privacy", "legal"], [], [], []]


def test_an_entry_that_cannot_be_parsed_is_located() -> None:
    snapshot = FilesAt({"data/inventory/a.yaml": b"date: 2026-08-27\nreasons: [privacy\n"})
    with pytest.raises(FindingsError) as caught:
        entry_reasons(snapshot, ["data/inventory/a.yaml"])
    assert caught.value.findings[0].format().startswith("HEAD~1:data/inventory/a.yaml:3:1: error: ")
