"""The `review` and `diff` commands of `cli/review.py`, run through the CLI."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from referral_cli.cli import app
from tests.conftest import without_font_data, write_tree
from tests.git_history import commit, make_history
from tests.review_data import AGENDA_ENTRY, MATRIX_REVIEW, make_review_repo

runner = CliRunner()
GOLDEN = Path(__file__).parents[1] / "golden" / "review"
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


# --------------------------------------------------------------------------- review


@pytest.fixture
def repo(make_repo: Callable[..., Path]) -> Path:
    return make_review_repo(make_repo)


def test_review_strict_and_language(repo: Path) -> None:
    args = ["review", "--root", str(repo), "--today", "2026-10-01"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Översyn av riktlinjerna – Testbiblioteket (2026-10-01)\n")
    result = runner.invoke(app, [*args, "--strict", "--lang", "en"])
    assert result.exit_code == 1
    assert "Rows not reviewed within 6 months (1)" in result.output
    assert result.output.endswith("\n5 items to look at; the review is overdue.\n")


def test_review_strict_passes_when_nothing_is_overdue(repo: Path) -> None:
    matrix = MATRIX_REVIEW.replace("reviewed: 2025-01-10", "reviewed: 2026-09-01")
    (repo / "data/matrix.yaml").write_text(matrix, encoding="utf-8")
    result = runner.invoke(
        app, ["review", "--root", str(repo), "--today", "2026-10-01", "--strict"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.endswith("4 punkter att titta på; inget är försenat.\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "fi"], "error: --lang: unknown language 'fi'; choose sv or en\n"),
        (
            ["--today", "idag"],
            "error: --today: 'idag' is not a date written as YYYY-MM-DD (e.g. 2026-08-22)\n",
        ),
        (
            ["--agenda", "--format", "pdf"],
            "error: --format: 'pdf' is not md or html (the agenda's formats)\n",
        ),
        # the agenda's format is checked first
        (
            ["--agenda", "--format", "pdf", "--since", "x"],
            "error: --format: 'pdf' is not md or html (the agenda's formats)\n",
        ),
        (
            ["--agenda", "--since", "x"],
            "error: --since: 'x' is not a date written as YYYY-MM-DD (e.g. 2026-08-22)\n",
        ),
        # Without --agenda, md and html are no format of the review: said, not ignored.
        (
            ["--format", "pdf"],
            "error: --format: 'pdf' is not text or ics (md and html are the agenda's formats, "
            "with --agenda)\n",
        ),
        (
            ["--format", "md"],
            "error: --format: 'md' is not text or ics (md and html are the agenda's formats, "
            "with --agenda)\n",
        ),
        (
            ["--translations", "--format", "ics"],
            "error: --translations is written as text only, not 'ics'\n",
        ),
        # --since limits the agenda only: without it, said rather than silently ignored
        (
            ["--since", "2026-01-01"],
            "error: --since is for the agenda: add --agenda (the review always shows the "
            "state today)\n",
        ),
        (
            ["--format", "ics", "--since", "2026-01-01"],
            "error: --since is for the agenda: add --agenda (the review always shows the "
            "state today)\n",
        ),
    ],
)
@pytest.mark.usefixtures("english")
def test_review_usage_errors(repo: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["review", "--root", str(repo), *args])
    assert (result.exit_code, result.output) == (2, message)


@pytest.mark.parametrize("args", [["--format", "text"], ["--translations", "--format", "text"]])
def test_review_text_format_may_be_named(repo: Path, args: list[str]) -> None:
    plain = runner.invoke(app, ["review", "--root", str(repo), *args[:-2]])
    named = runner.invoke(app, ["review", "--root", str(repo), *args])
    assert (named.exit_code, named.output) == (plain.exit_code, plain.output)


def test_review_unreadable_file_exits_1(make_repo: Callable[..., Path]) -> None:
    repo = make_repo({"data/actors.yaml": "actors:\n  - id: x\n\tname: y\n"})
    result = runner.invoke(app, ["review", "--root", str(repo)])
    assert result.exit_code == 1
    assert result.output.startswith("data/actors.yaml:3:1: error:")


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("output", ["md", "html"])
def test_agenda_golden(repo: Path, language: str, output: str) -> None:
    (repo / "data/inventory/agenda.yaml").write_text(AGENDA_ENTRY, encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "review",
            "--root",
            str(repo),
            "--agenda",
            "--format",
            output,
            "--lang",
            language,
            "--today",
            "2026-10-01",
        ],
    )
    assert result.exit_code == 0, result.output
    golden = GOLDEN / f"agenda.{language}.{output}"
    shown = without_font_data(result.output)
    if not golden.exists():
        golden.write_text(shown, encoding="utf-8")
        pytest.fail(f"{golden} was missing and has been written: review it and run again")
    assert shown == golden.read_text(encoding="utf-8")


def test_agenda_since_filters_questions(repo: Path) -> None:
    args = ["review", "--root", str(repo), "--agenda", "--today", "2026-10-01"]
    result = runner.invoke(app, [*args, "--since", "2026-01-01"])
    assert "## Frågor som skavt sedan 2026-01-01\n" in result.output
    assert "Fråga före senaste översynen." in result.output
    result = runner.invoke(app, args)
    assert "## Frågor som skavt sedan 2026-06-01\n" in result.output
    assert "Fråga före senaste översynen." not in result.output
    result = runner.invoke(app, [*args, "--since", "2027-01-01"])
    assert result.output.endswith("Inga frågor har registrerats under perioden.\n")


def test_agenda_strict_exit_code(repo: Path) -> None:
    args = ["review", "--root", str(repo), "--agenda", "--today", "2026-10-01", "--strict"]
    assert runner.invoke(app, args).exit_code == 1


# --------------------------------------------------------------------------- diff


@pytest.fixture
def history(tmp_path: Path) -> Path:
    return make_history(tmp_path / "history")


@needs_git
def test_diff_text_in_the_library_language(history: Path) -> None:
    result = runner.invoke(app, ["diff", "HEAD~2", "HEAD~1", "--root", str(history)])
    assert result.exit_code == 0, result.output
    text = result.output
    assert text.splitlines()[0] == "Ändringar i riktlinjerna: HEAD~2 → HEAD~1"
    assert (
        "  Ändrad rad bank-e-legitimation (i Dokument, ärenden och e-tjänster): "
        "Bankärenden och inloggning med e-legitimation\n"
        "    Lösning och/eller motivering (solution)\n"
        "      före: Ta reda på vilken e-legitimation användaren har.\n"
        "      efter: Fråga vilken e-legitimation användaren har.\n"
    ) in text
    assert "Checklistan\n  Nytt steg 2: Vem äger ärendet?\n" in text
    assert text.endswith(
        "Frågeinventeringen\n"
        "  3 nya frågor, per skäl:\n"
        "    Integritet / personuppgifter: 2\n"
        "    Språkbarriär: 1\n"
        "    (inget skäl angivet): 1\n"
    )


@needs_git
def test_diff_markdown_in_english(history: Path) -> None:
    result = runner.invoke(
        app, ["diff", "HEAD~1", "HEAD", "--root", str(history), "--format", "md", "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Guideline changes: HEAD~1 → HEAD\n\n## Matrix rows\n")
    assert "- Row with a new id: `skanna-pass` is now `skanning-pass` (content unchanged)\n" in (
        result.output
    )
    assert result.output.endswith("## Question inventory\n- 1 question removed\n")


@needs_git
@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ([], "Ändringar i riktlinjerna: HEAD → arbetskopian\n\nInga ändringar i riktlinjerna.\n"),
        (
            ["--lang", "en"],
            "Guideline changes: HEAD → the working tree\n\nNo changes to the guidelines.\n",
        ),
    ],
)
def test_diff_against_the_working_tree(history: Path, lang: list[str], expected: str) -> None:
    result = runner.invoke(app, ["diff", "--root", str(history), *lang])
    assert (result.exit_code, result.output) == (0, expected)


@needs_git
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["nope"],
            "error: unknown git revision 'nope': give a commit, branch or tag "
            "(see 'git log --oneline'), e.g. HEAD~1\n",
        ),
        (
            ["HEAD", "HEAD~9"],
            "error: unknown git revision 'HEAD~9': give a commit, branch or tag "
            "(see 'git log --oneline'), e.g. HEAD~1\n",
        ),
        # An empty revision (an unset CI variable, `diff "$BASE" HEAD`) is no HEAD.
        (
            ["", "HEAD"],
            "error: unknown git revision '': give a commit, branch or tag "
            "(see 'git log --oneline'), e.g. HEAD~1\n",
        ),
        (["--format", "html"], "error: --format: 'html' is not text or md\n"),
        # the format is checked before git is asked about the revision
        (["nope", "--format", "html"], "error: --format: 'html' is not text or md\n"),
        (["--lang", "fi"], "error: --lang: unknown language 'fi'; choose sv or en\n"),
    ],
)
@pytest.mark.usefixtures("english")
def test_diff_usage_errors(history: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["diff", *args, "--root", str(history)])
    assert (result.exit_code, result.output) == (2, message)


@needs_git
@pytest.mark.usefixtures("english")
def test_diff_outside_git_exits_2(make_repo: Callable[..., Path]) -> None:
    root = make_repo()
    result = runner.invoke(app, ["diff", "--root", str(root)])
    assert (result.exit_code, result.output) == (
        2,
        f"error: {root} is not inside a git repository; referral diff compares git revisions "
        "(run 'git init' and commit first)\n",
    )


@needs_git
@pytest.mark.usefixtures("english")
def test_diff_broken_file_at_a_revision_exits_1(history: Path) -> None:
    commit(history, {"data/actors.yaml": b"actors:\n  - id: \xff\n"}, "not utf-8")
    result = runner.invoke(app, ["diff", "HEAD~1", "HEAD", "--root", str(history)])
    assert (result.exit_code, result.output) == (
        1,
        "HEAD:data/actors.yaml:1:1: error: the file is not valid UTF-8 text [encoding]\n"
        # diff only reads: it never claims that nothing was written
        "Fix the problems above and run the command again.\n",
    )


@needs_git
def test_diff_broken_new_entry_exits_1(history: Path) -> None:
    write_tree(history, {"data/inventory/2026/d.yaml": "date: 2026-08-27\nreasons: [privacy\n"})
    result = runner.invoke(app, ["diff", "--root", str(history)])
    assert result.exit_code == 1, result.output
    assert result.output.startswith("data/inventory/2026/d.yaml:3:1: error: ")
    assert "new question" not in result.output


# --------------------------------------------------------------------------- review --format ics


def test_review_as_a_calendar(repo: Path) -> None:
    import icalendar

    result = runner.invoke(
        app, ["review", "--root", str(repo), "--format", "ics", "--today", "2026-10-01"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.endswith(b"END:VCALENDAR\r\n")
    calendar = icalendar.Calendar.from_ical(result.stdout_bytes)
    assert "Se över riktlinjerna" in [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]


def test_review_calendar_strict_still_exits_1_when_overdue(repo: Path) -> None:
    args = ["review", "--root", str(repo), "--format", "ics", "--today", "2026-10-01", "--strict"]
    assert runner.invoke(app, args).exit_code == 1


@pytest.mark.usefixtures("english")
def test_agenda_refuses_ics(repo: Path) -> None:
    result = runner.invoke(app, ["review", "--root", str(repo), "--agenda", "--format", "ics"])
    assert (result.exit_code, result.output) == (
        2,
        "error: --format: 'ics' is not md or html (the agenda's formats)\n",
    )


def test_the_repository_s_own_agenda_template_wins(repo: Path) -> None:
    (repo / "templates").mkdir()
    (repo / "templates/agenda.md.j2").write_text(
        "# Vår egen dagordning: {{ library }}\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["review", "--root", str(repo), "--agenda"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Vår egen dagordning: ")


@pytest.mark.usefixtures("english")
def test_a_broken_agenda_template_of_the_repository_is_located(repo: Path) -> None:
    (repo / "templates").mkdir()
    (repo / "templates/agenda.html.j2").write_text("<h1>\n{{ nmae }}</h1>\n", encoding="utf-8")
    result = runner.invoke(app, ["review", "--root", str(repo), "--agenda", "--format", "html"])
    assert result.exit_code == 1
    assert result.output.startswith(
        "templates/agenda.html.j2:2:1: error: template error: 'nmae' is not in the data given "
        "to the template [template-error]\n"
    )
