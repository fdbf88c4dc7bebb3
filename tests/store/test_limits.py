"""The size limits (issue 15, item 7): each refused with a clear message, fast, never a crash."""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from referral_cli.cli import app
from referral_cli.errors import FindingsError, UsageError
from referral_cli.store import limits
from referral_cli.store.limits import TooLargeError, read_import, read_limited, size_text

# These tests pin the English wording.
pytestmark = pytest.mark.usefixtures("english")

runner = CliRunner()
ENTRY = "data/inventory/2026/2026-08-22-test-000001.yaml"


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("limit", "text"),
    [(4_000_000, "4 MB"), (100_000, "100 kB"), (1_000_000, "1 MB"), (1_500, "1500 B")],
)
def test_size_text(limit: int, text: str) -> None:
    assert size_text(limit) == text


def test_read_limited_stops_one_byte_over() -> None:
    assert read_limited(io.BytesIO(b"abc"), 3) == b"abc"
    stream = io.BytesIO(b"abcdef")
    with pytest.raises(TooLargeError):
        read_limited(stream, 3)
    assert stream.tell() == 4  # never more than the limit and one byte


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_an_endless_import_is_refused_in_moments(tmp_path: Path) -> None:
    # It grew to 24 GB before: `add-question --from-file /dev/zero`.
    started = time.monotonic()
    with pytest.raises(FindingsError) as caught:
        read_import("/dev/zero", "/dev/zero")
    assert time.monotonic() - started < 5
    assert [f.format() for f in caught.value.findings] == [
        "/dev/zero:1:1: error: the file is larger than 20 MB, the most referral reads from one "
        "file [file-too-large]\n    hint: guideline files are far smaller: check that this is "
        "the right file (README, 'Limits', lists every limit)"
    ]


def test_standard_input_is_limited_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "IMPORT_FILE_BYTES", 10)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"date: x\n" * 3)))
    with pytest.raises(FindingsError, match="larger than 10 B"):
        read_import("-", "<stdin>")
    monkeypatch.setattr("sys.stdin", io.StringIO("date: x\n" * 3))  # no binary buffer
    with pytest.raises(FindingsError, match="larger than 10 B"):
        read_import("-", "<stdin>")


def test_an_import_that_cannot_be_opened_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"^--from-file: cannot read .*missing\.csv: "):
        read_import(str(tmp_path / "missing.csv"), "missing.csv")


def test_add_question_from_dev_zero_exits_1(make_repo: Callable[..., Path]) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    root = make_repo()
    code, output = invoke("add-question", "--root", str(root), "--from-file", "/dev/zero")
    assert code == 1
    assert "/dev/zero:1:1: error: the file is larger than 20 MB" in output


def test_an_entry_file_over_100_kB_is_refused_unread(make_repo: Callable[..., Path]) -> None:
    huge = "date: 2026-08-22\ndescription: " + "ord " * 30_000 + "\n"  # 120 kB
    root = make_repo({"data/inventory/2026/huge.yaml": huge})
    code, output = invoke("validate", "--root", str(root))
    assert code == 1
    assert output.startswith(
        "data/inventory/2026/huge.yaml\n  data/inventory/2026/huge.yaml:1:1: error: the file is "
        "larger than 100 kB, the most referral reads from one file [file-too-large]"
    )
    code, output = invoke("match", "--root", str(root))
    assert code == 1 and "[file-too-large]" in output


def test_a_data_file_over_4_MB_is_refused(make_repo: Callable[..., Path]) -> None:
    root = make_repo()
    actors = root / "data/actors.yaml"
    actors.write_bytes(actors.read_bytes() + b"#" * 4_000_000 + b"\n")
    for command in (["validate"], ["lookup", "bank"], ["render", "--out", str(root / "b")]):
        code, output = invoke(*command, "--root", str(root))
        assert code == 1, command
        assert "data/actors.yaml:1:1: error: the file is larger than 4 MB" in output
    assert not (root / "b").exists()


def test_a_lookup_of_more_than_500_characters_is_refused_at_once(
    make_repo: Callable[..., Path],
) -> None:
    # One 5,000-letter word took 7 seconds (20,000: more than two minutes).
    root = make_repo()
    started = time.monotonic()
    code, output = invoke("lookup", "--root", str(root), "a" * 5_000)
    assert time.monotonic() - started < 5
    assert (code, output) == (
        2,
        "error: the search words are 5000 characters long; lookup takes at most 500: type the "
        "few words the question is about\n",
    )
    code, _ = invoke("lookup", "--root", str(root), *(["bankid"] * 71))  # 496 characters
    assert code == 0


def test_an_entry_text_over_10000_characters_is_an_error_everywhere(
    make_repo: Callable[..., Path], tmp_path: Path
) -> None:
    # A 50 MB entry made `match` take 98 s and 2.3 GB: the text `match` searches is bounded.
    long_text = "ord " * 2_600  # 10,400 characters, 10 kB: under the file limit
    root = make_repo(
        {"data/inventory/2026/long.yaml": f"date: 2026-08-22\ndescription: {long_text}\n"}
    )
    code, output = invoke("validate", "--root", str(root))
    assert code == 1
    assert (
        "data/inventory/2026/long.yaml:2:14: error: description: the text is 10399 characters "
        "long; an inventory entry holds at most 10000 characters per text [text-too-long]"
    ) in output
    code, output = invoke("match", "--root", str(root))
    assert code == 1 and "[text-too-long]" in output
    (root / "data/inventory/2026/long.yaml").unlink()
    log = tmp_path / "log.csv"
    log.write_text(f"date,description\n2026-08-22,{long_text}\n", encoding="utf-8")
    before = sorted((root / "data/inventory/2026").iterdir())
    code, output = invoke("add-question", "--root", str(root), "--from-file", str(log))
    assert code == 1 and "log.csv:2:2: error: description: the text is 10399" in output
    assert sorted((root / "data/inventory/2026").iterdir()) == before
