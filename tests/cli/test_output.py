"""Where results go: standard output or --out; a workbook never goes to a terminal."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from referral_cli.cli.output import emit
from referral_cli.errors import UsageError


class Terminal(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.buffer = io.BytesIO()

    def isatty(self) -> bool:
        return True


def test_a_workbook_is_refused_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    with pytest.raises(UsageError) as caught:
        emit(b"PK\x03\x04", None, binary=True)
    assert caught.value.text("en").startswith("--format xlsx writes a binary file: give --out")
    assert terminal.buffer.getvalue() == b""
    emit(b"text", None)  # CSV for Excel is text: fine on a terminal
    assert terminal.buffer.getvalue() == b"text"


def test_out_writes_the_file_and_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "s.csv"
    emit("a,b", out)
    assert out.read_text(encoding="utf-8") == "a,b"
    assert capsys.readouterr().out == f"{out}\n"


@pytest.mark.parametrize(
    ("args", "imported"),
    [
        (["--help"], False),
        (["stats", "--format", "csv", "--excel"], False),
        (["inventory", "--format", "csv"], False),
        (["stats", "--format", "xlsx"], True),  # the check sees it
    ],
    ids=["help", "stats-excel-csv", "inventory-csv", "stats-xlsx"],
)
def test_openpyxl_is_imported_only_for_a_workbook(args: list[str], imported: bool) -> None:
    root = Path(__file__).resolve().parents[2]
    code = (
        "import sys\n"
        f"sys.argv = ['referral', *{args!r}]\n"
        f"sys.argv += ['--root', {str(root)!r}] if {args!r} != ['--help'] else []\n"
        "from referral_cli.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('OPENPYXL %s' % ('openpyxl' in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert f"OPENPYXL {imported}".encode() in result.stderr
