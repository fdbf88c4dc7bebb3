"""Writing documents: all of them or none (issue 15, item 13)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from referral_cli.cli import app
from referral_cli.documents import write_files
from referral_cli.errors import UsageError

FILES = {f"{name}.html": f"ny {name}".encode() for name in ("a", "b", "c", "d", "e")}


def contents(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.is_file()}


def old_set(out: Path) -> dict[str, str]:
    out.mkdir()
    for name in ("a.html", "b.html", "c.html"):
        (out / name).write_text(f"gammal {name}", encoding="utf-8")
    return contents(out)


def test_every_file_is_written_and_nothing_else_is_left(tmp_path: Path) -> None:
    out = tmp_path / "build"
    old_set(out)
    assert write_files(out, FILES) == [out / name for name in FILES]
    assert contents(out) == {name: data.decode() for name, data in FILES.items()}


def test_a_target_that_is_a_folder_stops_before_anything_is_written(tmp_path: Path) -> None:
    out = tmp_path / "build"
    before = old_set(out)
    (out / "d.html").mkdir()
    with pytest.raises(UsageError) as caught:
        write_files(out, FILES)
    assert str(caught.value) == f"cannot write {out / 'd.html'}: it is a folder, not a file"
    assert contents(out) == before
    assert sorted(p.name for p in out.iterdir()) == ["a.html", "b.html", "c.html", "d.html"]


@pytest.mark.parametrize(
    ("failure", "raised"),
    [(OSError(13, "Permission denied"), UsageError), (KeyboardInterrupt(), KeyboardInterrupt)],
)
def test_a_rename_that_fails_half_way_puts_the_old_set_back(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    failure: BaseException,
    raised: type[BaseException],
) -> None:
    # Like a PDF open in a viewer on Windows: the fourth file cannot be replaced.
    out = tmp_path / "build"
    before = old_set(out)
    real_replace = Path.replace

    def replace(self: Path, target: str | os.PathLike[str]) -> Path:
        if Path(target).name == "d.html" and self.name.endswith(".tmp"):
            raise failure
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", replace)
    with pytest.raises(raised):
        write_files(out, FILES)
    assert contents(out) == before  # a, b, c as they were; d and e never appeared
    assert sorted(p.name for p in out.iterdir()) == ["a.html", "b.html", "c.html"]


def test_render_leaves_the_old_handouts_when_one_cannot_be_written(
    make_repo: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_repo()
    out = tmp_path / "build"
    runner = CliRunner()
    assert runner.invoke(app, ["render", "--root", str(root), "--out", str(out)]).exit_code == 0
    before = contents(out)
    (root / "data/library.yaml").write_text(
        (root / "data/library.yaml").read_text(encoding="utf-8").replace("Testbiblioteket", "Nytt"),
        encoding="utf-8",
    )
    (out / "guidelines.html").unlink()
    (out / "guidelines.html").mkdir()
    result = runner.invoke(app, ["render", "--root", str(root), "--out", str(out)])
    assert result.exit_code == 2
    assert "guidelines.html: det är en mapp, inte en fil\n" in result.output  # one language
    before.pop("guidelines.html")
    assert contents(out) == before  # 4 of 5 files were replaced before


def test_a_pdf_is_not_written_onto_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    import referral_cli.documents as documents

    monkeypatch.setattr(documents, "stdout_is_terminal", lambda: True)
    with pytest.raises(UsageError) as caught:
        write_files(Path("-"), {"desk-guide.pdf": b"%PDF-1.7 binary"})
    assert caught.value.text("en") == (
        "desk-guide.pdf is a binary file (PDF), not shown on a terminal: give --out DIR, or "
        "send the output to a file (> desk-guide.pdf)"
    )
    assert capsysbinary.readouterr().out == b""
    # Text is fine on a terminal; a PDF is fine into a pipe or a file.
    write_files(Path("-"), {"desk-guide.md": b"# Guide\n"})
    monkeypatch.setattr(documents, "stdout_is_terminal", lambda: False)
    write_files(Path("-"), {"desk-guide.pdf": b"%PDF-1.7 binary"})
    assert capsysbinary.readouterr().out == b"# Guide\n%PDF-1.7 binary"
