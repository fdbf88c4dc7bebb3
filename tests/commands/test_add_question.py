"""`add-question` from the command line: options, personal data, files, git, concurrency.

The intake's jobs have their own tests in tests/intake/: the request, reading files,
the interview and the validation.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from referral_cli.cli import app
from referral_cli.commands.add_question import add_question, commit_message
from referral_cli.commands.validate import validate_repository
from referral_cli.errors import FindingsError
from referral_cli.intake.request import AddRequest
from referral_cli.models import InventoryEntry
from referral_cli.rules.checks import check_guidelines
from referral_cli.store.repository import load_guidelines
from referral_cli.views import shorten
from tests.intake.conftest import (
    CSV_LOG,
    FORMS_ROWS,
    INVENTORY,
    LIBRARY_TWO_BRANCHES,
    TODAY,
    YAML_LOG,
    forms_workbook,
    invoke,
    new_files,
    read_entry,
    snapshot,
)

# The English wording; the language rule is tested in tests/cli/test_errors.py.
pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def repo(make_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_repo({"data/library.yaml": LIBRARY_TWO_BRANCHES})
    monkeypatch.chdir(root)
    monkeypatch.delenv("REFERRAL_ROOT", raising=False)
    return root


# --------------------------------------------------------------------------- options


def test_every_field_has_an_option(runner: CliRunner, repo: Path) -> None:
    before = snapshot(repo)
    result = invoke(
        runner,
        "--no-input",
        "--date",
        "2026-08-24",
        "--branch",
        "norrby",
        "--description",
        "Ville skanna sitt pass: no",
        "--reflection",
        "Osäker på\nvad jag fick göra.",
        "--reason",
        "language",
        "--reason",
        "privacy,legal",
        "--category",
        "dokument",
        "--row",
        "bank-e-legitimation",
        "--referred-to",
        "skatteverket",
        "--referred-to",
        "bank",
        "--outcome",
        "referred",
        "--minutes",
        "20",
        "--read-level",
        "3",
        "--recorded-by",
        "MS",
        "--period",
        "ht-2026",
    )
    assert result.exit_code == 0, result.output
    [path] = new_files(repo, before)
    assert result.stdout == f"{path.relative_to(repo).as_posix()}\n"
    assert path.parent == repo / INVENTORY / "2026"
    assert path.name.startswith("2026-08-24-skanna-pass-no-")
    assert path.read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../../../schemas/inventory-entry.schema.json\n"
        "date: 2026-08-24\n"
        "description: 'Ville skanna sitt pass: no'\n"
        "branch: norrby\n"
        "reflection: |-\n  Osäker på\n  vad jag fick göra.\n"
        "reasons: [language, privacy, legal]\n"
        "category: dokument\n"
        "row: bank-e-legitimation\n"
        "referred_to: [skatteverket, bank]\n"
        "outcome: referred\n"
        "minutes: 20\n"
        "read_level: 3\n"
        "recorded_by: MS\n"
        "period: ht-2026\n"
    )
    assert read_entry(path).reflection == "Osäker på\nvad jag fick göra."
    guidelines, findings = load_guidelines(repo)
    assert findings + check_guidelines(guidelines, today=TODAY) == []


def test_defaults_date_period_and_category(repo: Path) -> None:
    result = add_question(
        AddRequest(
            repo,
            {"description": "Ny telefon", "row": "bank-e-legitimation"},
            no_input=True,
            today=date(2026, 8, 20),
        )
    )
    [path] = result.paths
    entry = read_entry(path)
    assert entry.date == date(2026, 8, 20)
    assert entry.period == "ht-2026"  # the period whose dates contain the date
    assert entry.category == "dokument"  # the category the row belongs to
    assert result.warnings == []


def test_no_period_when_none_contains_the_date(repo: Path) -> None:
    result = add_question(
        AddRequest(repo, {"description": "Ny telefon", "date": "2026-09-02"}, no_input=True)
    )
    assert read_entry(result.paths[0]).period is None


def test_an_explicit_period_outside_its_dates_is_a_warning(runner: CliRunner, repo: Path) -> None:
    result = invoke(
        runner, "--no-input", "--date", "2026-09-02", "--period", "ht-2026", "--description", "x"
    )
    assert result.exit_code == 0
    assert result.stderr == (
        "--date: warning: the date 2026-09-02 is outside the period 'ht-2026' "
        "(2026-08-17 to 2026-08-30) [outside-period]\n"
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["--branch", "centrm"],
            [
                "--branch: error: unknown branch 'centrm' (did you mean 'centrum'?) "
                "[unknown-branch]",
                "    hint: known branch ids: centrum, norrby",
            ],
        ),
        (
            ["--reason", "language", "--reason", "privcy"],
            [
                "--reason: error: unknown reason 'privcy' (did you mean 'privacy'?) "
                "[unknown-reason]",
                "    hint: known reason ids: competence, ethical, language, legal, other, "
                "privacy, technical, time",
            ],
        ),
        (
            ["--referred-to", "skateverket"],
            [
                "--referred-to: error: unknown actor 'skateverket' (did you mean "
                "'skatteverket'?) [unknown-actor]",
                "    hint: known actor ids: bank, skatteverket",
            ],
        ),
        (
            ["--row", "bank-legitimation"],
            [
                "--row: error: unknown row 'bank-legitimation' (did you mean "
                "'bank-e-legitimation'?) [unknown-row]",
                "    hint: known row ids: bank-e-legitimation",
            ],
        ),
        (
            ["--date", "2026-12-24"],
            [
                "--date: error: 2026-12-24 is in the future (today is "
                f"{date.today().isoformat()}) [future-date]",
                "    hint: check the year and month",
            ],
        ),
        (
            ["--date", "22/8"],
            [
                "--date: error: '22/8' is not a date written as YYYY-MM-DD (e.g. 2026-08-22) "
                "[invalid-value]",
            ],
        ),
        (
            ["--minutes", "abc", "--read-level", "9"],
            [
                "--minutes: error: 'abc' is not a whole number [invalid-number]",
                "--read-level: error: '9' is out of range; it must be at most 6 [out-of-range]",
            ],
        ),
        (
            ["--outcome", "helpd"],
            [
                "--outcome: error: 'helpd' is not allowed (did you mean 'helped'?) "
                "[invalid-choice]",
                "    hint: choose one of: helped, partly, referred, declined",
            ],
        ),
        (
            ["--branch", "Centrum bibliotek"],
            [  # a branch is also named by its name: the suggestion is one
                "--branch: error: unknown branch 'Centrum bibliotek' (did you mean "
                "'Centrumbiblioteket'?) [unknown-branch]",
                "    hint: known branch ids: centrum, norrby",
            ],
        ),
        (
            ["--period", "vt-2026"],
            [
                "--period: error: unknown period 'vt-2026' (did you mean 'ht-2026'?) "
                "[unknown-period]",
                "    hint: known period ids: ht-2026",
            ],
        ),
    ],
)
def test_bad_option_values_are_located_and_nothing_is_written(
    runner: CliRunner, repo: Path, args: list[str], expected: list[str]
) -> None:
    before = snapshot(repo)
    base = ["--no-input", "--date", "2026-08-22", "--description", "Ärende"]
    result = invoke(runner, *base, *args)
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        *expected,
        "Nothing was written. Fix the problems above and run the command again.",
    ]
    assert snapshot(repo) == before


def test_all_bad_values_are_reported_in_one_run(runner: CliRunner, repo: Path) -> None:
    result = invoke(
        runner,
        "--no-input",
        "--description",
        "x",
        "--minutes",
        "lång",
        "--branch",
        "centrm",
        "--reason",
        "privcy",
    )
    assert result.exit_code == 1
    assert [
        line.split(":")[0] for line in result.stderr.splitlines()[:-1] if not line.startswith(" ")
    ] == ["--minutes", "--branch", "--reason"]


def test_no_input_lists_the_missing_required_fields(runner: CliRunner, repo: Path) -> None:
    before = snapshot(repo)
    result = invoke(runner, "--no-input", "--branch", "centrum")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: missing required fields: --description. Give them as options, "
        "or leave out --no-input to be asked for them.\n"
    )
    assert snapshot(repo) == before


def test_a_folder_that_cannot_be_written_is_a_usage_error(runner: CliRunner, repo: Path) -> None:
    (repo / INVENTORY / "2025").write_text("a file where the year folder belongs\n")
    before = snapshot(repo)
    result = invoke(runner, "--no-input", "--date", "2025-08-22", "--description", "Skanna pass")
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error: cannot write the new entry in data/inventory/2025: ")
    assert result.stderr.endswith("Nothing was written.\n")
    assert snapshot(repo) == before


def test_broken_guidelines_stop_before_anything_is_written(
    runner: CliRunner, make_repo: Callable[..., Path]
) -> None:
    root = make_repo({"data/actors.yaml": "actors: [\n"})
    before = snapshot(root)
    result = invoke(runner, "--root", str(root), "--no-input", "--description", "x")
    assert result.exit_code == 1
    assert result.stderr.startswith("data/actors.yaml:2:1: error:")
    assert snapshot(root) == before


def test_unknown_language_is_a_usage_error(runner: CliRunner, repo: Path) -> None:
    result = invoke(runner, "--no-input", "--description", "x", "--lang", "de")
    assert result.exit_code == 2
    assert "--lang: unknown language 'de'; choose sv or en" in result.stderr


# --------------------------------------------------------------------------- privacy


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["--description", "Besökaren (811218-9876) ville ha hjälp"],
            "--description: error: looks like a personnummer (811218-****); the inventory "
            "must not hold a visitor's personal data [personal-data]",
        ),
        (
            ["--description", "Ärende", "--reflection", "Mejlade anna.svensson@example.se"],
            "--reflection: error: looks like an email address (a***@example.se); the inventory must "
            "not hold a visitor's personal data [personal-data]",
        ),
        (
            ["--description", "Hen gav nummer 811278-9873 vid disken"],
            "--description: error: looks like a samordningsnummer (811278-****); the "
            "inventory must not hold a visitor's personal data [personal-data]",
        ),
        (
            ["--description", "Ring tillbaka på +46 70 123 45 67"],
            "--description: error: looks like a phone number (+46 70 *** ** **); the inventory "
            "must not hold a visitor's personal data [personal-data]",
        ),
        (
            ["--description", "Kortet 4111 1111 1111 1111 spärrades"],
            "--description: error: looks like a card number (**** **** **** 1111); the "
            "inventory must not hold a visitor's personal data [personal-data]",
        ),
    ],
)
@pytest.mark.parametrize("extra", [[], ["--yes"]])
def test_personal_data_blocks_the_write_even_with_yes(
    runner: CliRunner, repo: Path, args: list[str], expected: str, extra: list[str]
) -> None:
    before = snapshot(repo)
    result = invoke(runner, "--no-input", "--date", "2026-08-22", *args, *extra)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == expected
    assert lines[1].startswith("    hint: Describe the case, not the person") or lines[
        1
    ].startswith("    hint: Never write down card numbers")
    assert snapshot(repo) == before


UNCERTAIN = "Ordernummer 8112189876 i appen"


def test_an_uncertain_number_needs_yes_in_scripts(runner: CliRunner, repo: Path) -> None:
    before = snapshot(repo)
    args = ["--no-input", "--date", "2026-08-22", "--description", UNCERTAIN]
    refused = invoke(runner, *args)
    assert refused.exit_code == 1
    assert refused.stderr.splitlines()[0] == (
        "--description: error: may be a personnummer (811218****); make sure it is not a "
        "visitor's personal data [possible-personal-data]"
    )
    assert "run the command again with --yes" in refused.stderr
    assert snapshot(repo) == before

    accepted = invoke(runner, *args, "--yes")
    assert accepted.exit_code == 0, accepted.output
    [path] = new_files(repo, before)
    assert read_entry(path).description == UNCERTAIN
    # validate reports it as a warning for the reviewer, not as an error
    report = validate_repository(repo, today=TODAY)
    assert [(f.severity, f.code, f.line, f.column) for f in report.findings] == [
        ("warning", "possible-personal-data", 3, 26)
    ]


@pytest.mark.parametrize(
    ("answer", "code"),
    [("j\n", 0), ("ja\n", 0), ("Y\n", 0), ("n\n", 1), ("nej\n", 1), ("\n", 1), ("kanske\nj\n", 0)],
)
def test_an_uncertain_number_is_confirmed_at_the_prompt(
    runner: CliRunner, repo: Path, answer: str, code: int, at_terminal: None
) -> None:
    """Swedish or English yes and no; Enter is no; anything else is asked again."""
    before = snapshot(repo)
    result = invoke(
        runner,
        "--date",
        "2026-08-22",
        "--description",
        UNCERTAIN,
        "--branch",
        "centrum",
        "--reason",
        "other",
        "--category",
        "dokument",
        "--row",
        "bank-e-legitimation",
        "--referred-to",
        "bank",
        "--sent-by",
        "bank",
        "--outcome",
        "helped",
        "--minutes",
        "5",
        "--read-level",
        "2",
        "--recorded-by",
        "AB",
        "--reflection",
        "Inget",
        "--lang",
        "sv",
        input=answer,
    )
    assert result.exit_code == code, result.output
    assert "Kan vara personuppgifter:" in result.stdout
    assert "811218****" in result.stdout
    assert "Spara ändå? [j/N]: " in result.stdout
    assert ("Svara j (ja) eller n (nej)." in result.stdout) is answer.startswith("kanske")
    assert len(new_files(repo, before)) == (1 if code == 0 else 0)
    # Declined: every message in the same language, the hint's label too.
    declined = "    tips: Inget skrevs. Skriv om texten utan numret och försök igen."
    assert (declined in result.stderr.splitlines()) is (code == 1)


# --------------------------------------------------------------------------- --from-file


def test_from_yaml_file_writes_every_entry(runner: CliRunner, repo: Path) -> None:
    (repo / "log.yaml").write_text(YAML_LOG, encoding="utf-8")
    before = snapshot(repo)
    result = invoke(runner, "--from-file", "log.yaml", "--recorded-by", "MS")
    assert result.exit_code == 0, result.output
    paths = new_files(repo, before)
    assert len(paths) == 3
    assert result.stdout.splitlines() == sorted(p.relative_to(repo).as_posix() for p in paths)
    entries = sorted((read_entry(p) for p in paths), key=lambda e: e.date)
    assert [e.description for e in entries] == [
        "Bluff-sms om ett paket",
        "CV och aktivitetsrapport",
        "Tid: 10:30",
    ]
    assert {e.recorded_by for e in entries} == {"MS"}  # options fill what entries leave out
    assert {e.period for e in entries} == {"ht-2026"}
    assert entries[1].minutes == 40


def test_from_csv_file_writes_every_entry(runner: CliRunner, repo: Path) -> None:
    (repo / "log.csv").write_text(CSV_LOG, encoding="utf-8")
    before = snapshot(repo)
    result = invoke(runner, "--from-file", "log.csv", "--no-input")
    assert result.exit_code == 0, result.output
    entries = sorted((read_entry(p) for p in new_files(repo, before)), key=lambda e: e.date)
    assert [e.model_dump(exclude_defaults=True) for e in entries] == [
        {
            "date": date(2026, 8, 18),
            "description": "Bluff-sms om ett paket",
            "branch": "centrum",
            "reasons": ["technical"],
            "period": "ht-2026",
        },
        {
            "date": date(2026, 8, 19),
            "description": "CV och aktivitetsrapport, två timmar",
            "branch": "norrby",
            "reasons": ["time", "competence"],
            "referred_to": ["bank"],
            "minutes": 40,
            "period": "ht-2026",
        },
    ]


def test_from_stdin(runner: CliRunner, repo: Path) -> None:
    before = snapshot(repo)
    result = invoke(runner, "--from-file", "-", input=YAML_LOG)
    assert result.exit_code == 0, result.output
    assert len(new_files(repo, before)) == 3


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "log.yaml",
            YAML_LOG.replace("branch: centrum", "branch: centrm"),
            [
                "log.yaml:4:11: error: unknown branch 'centrm' (did you mean 'centrum'?) "
                "[unknown-branch]",
                "    hint: known branch ids: centrum, norrby",
            ],
        ),
        (
            "log.yaml",
            YAML_LOG.replace("minutes: 40", "minutes: fyrtio").replace(
                "- date: 2026-08-20", "- date: 2026-13-20"
            ),
            [
                "log.yaml:9:12: error: minutes: 'fyrtio' is not a whole number [invalid-number]",
                "log.yaml:10:9: error: date: '2026-13-20' is not a valid date [invalid-date]",
                "    hint: write dates as YYYY-MM-DD, e.g. 2026-08-22",
            ],
        ),
        (  # a bare text among the entries: said, and the other entries still checked
            "log.yaml",
            YAML_LOG.replace("om ett paket", "till 070-123 45 67") + "- Bara en rad text\n",
            [
                "log.yaml:3:31: error: description: looks like a phone number (070-*** ** **); "
                "the inventory must not hold a visitor's personal data [personal-data]",
                "    hint: Describe the case, not the person: write 'a visitor's phone number' "
                "instead of the number. A library's own public number may stay.",
                "log.yaml:12:3: error: expected an entry here (key: value lines, such as "
                "'date: 2026-08-22') [wrong-type]",
            ],
        ),
        (
            "log.yaml",
            YAML_LOG.replace("  description: CV och aktivitetsrapport\n", ""),
            ["log.yaml:6:3: error: missing required key 'description' [missing-key]"],
        ),
        (
            "log.yaml",
            YAML_LOG.replace("  branch: centrum", "  brnch: centrum"),
            [
                "log.yaml:4:3: error: unknown key 'brnch' (did you mean 'branch'?) [unknown-key]",
                "    hint: allowed keys here: branch, category, date, description, minutes, "
                "outcome, period, read_level, reasons, recorded_by, referred_to, reflection, row, "
                "sent_by",
            ],
        ),
        (
            "log.yaml",
            YAML_LOG.replace("om ett paket", "till 0701234567, personnummer 811218-9876"),
            [
                "log.yaml:3:56: error: description: looks like a personnummer (811218-****); "
                "the inventory must not hold a visitor's personal data [personal-data]",
                "    hint: Describe the case, not the person: write 'a visitor's personal "
                "identity number' instead of the number.",
            ],
        ),
        (
            "log.csv",
            CSV_LOG.replace("time;competence", "time;competense"),
            [
                "log.csv:3:4: error: unknown reason 'competense' (did you mean 'competence'?) "
                "[unknown-reason]",
                "    hint: known reason ids: competence, ethical, language, legal, other, "
                "privacy, technical, time",
            ],
        ),
        (  # a sheet has columns, not keys: the row is told which column to add
            "log.csv",
            CSV_LOG.replace("2026-08-19,", ","),
            [
                "log.csv:3:1: error: the row has no value for date: the table has no column "
                "Datum (or date), or its cell is empty [missing-key]",
                "    hint: add the column 'Datum' and fill it in, or give every row the same "
                "value with --date",
            ],
        ),
        (
            "log.csv",
            CSV_LOG.replace(",40", ",fyrtio"),
            ["log.csv:3:6: error: minutes: 'fyrtio' is not a whole number [invalid-number]"],
        ),
        (  # every problem of a row in one run: the model's and the privacy guard's
            "log.csv",
            CSV_LOG.replace(",40", ",tjugo").replace("två timmar", "ring 070-123 45 67"),
            [
                "log.csv:3:6: error: minutes: 'tjugo' is not a whole number [invalid-number]",
                "log.csv:3:2: error: description: looks like a phone number (070-*** ** **); the "
                "inventory must not hold a visitor's personal data [personal-data]",
                "    hint: Describe the case, not the person: write 'a visitor's phone number' "
                "instead of the number. A library's own public number may stay.",
            ],
        ),
        (
            "log.csv",
            CSV_LOG.replace("Bluff-sms om ett paket", "Mejl från a.b@example.se"),
            [
                "log.csv:2:2: error: description: looks like an email address (a***@example.se); the "
                "inventory must not hold a visitor's personal data [personal-data]",
                "    hint: Describe the case, not the person: write 'the visitor's email "
                "address' instead of the address.",
            ],
        ),
    ],
)
def test_from_file_is_all_or_nothing(
    runner: CliRunner, repo: Path, name: str, content: str, expected: list[str]
) -> None:
    (repo / name).write_text(content, encoding="utf-8")
    before = snapshot(repo)
    result = invoke(runner, "--from-file", name)
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        *expected,
        "Nothing was written. Fix the problems above and run the command again.",
    ]
    assert snapshot(repo) == before


def test_from_file_uncertain_numbers_from_stdin_need_yes(runner: CliRunner, repo: Path) -> None:
    before = snapshot(repo)
    log = YAML_LOG.replace("om ett paket", "med kod 8112189876")
    refused = invoke(runner, "--from-file", "-", input=log)
    assert refused.exit_code == 1
    assert refused.stderr.startswith(
        "<stdin>:3:34: error: description: may be a personnummer (811218****)"
    )
    assert snapshot(repo) == before
    accepted = invoke(runner, "--from-file", "-", "--yes", input=log)
    assert accepted.exit_code == 0, accepted.output
    assert len(new_files(repo, before)) == 3


def test_from_file_that_does_not_exist(runner: CliRunner, repo: Path) -> None:
    result = invoke(runner, "--from-file", "saknas.csv")
    assert result.exit_code == 2
    assert "--from-file: cannot read saknas.csv" in result.stderr


# --------------------------------------------------------------------------- --commit


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def git_repo(repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if shutil.which("git") is None:  # pragma: no cover - git is in the dev environment
        pytest.skip("git is not installed")
    for key, value in {
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }.items():
        monkeypatch.setenv(key, value)
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "start")
    return repo


def test_commit_commits_only_the_new_entry(
    runner: CliRunner, git_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REFERRAL_LANG")  # the library's language: Swedish
    (git_repo / "notes.md").write_text("Staged work in progress\n", encoding="utf-8")
    git(git_repo, "add", "notes.md")
    result = invoke(
        runner,
        "--no-input",
        "--commit",
        "--date",
        "2026-08-22",
        "--description",
        "Besökaren ville skriva ut ett boardingkort på sin mobil i kväll",
    )
    assert result.exit_code == 0, result.output
    [written, committed] = result.stdout.splitlines()
    subject = git(git_repo, "log", "-1", "--format=%s").strip()
    assert subject == (
        "Frågeinventering: 2026-08-22 Besökaren ville skriva ut ett boardingkort på sin…"
    )
    assert committed.startswith("Incheckat i git: ") and committed.endswith(subject)
    assert git(git_repo, "show", "--name-only", "--format=", "HEAD").split() == [written]
    assert git(git_repo, "diff", "--cached", "--name-only").split() == ["notes.md"]


def test_commit_many_entries_from_a_file(runner: CliRunner, git_repo: Path) -> None:
    (git_repo / "log.yaml").write_text(YAML_LOG, encoding="utf-8")
    result = invoke(runner, "--from-file", "log.yaml", "--commit", "--lang", "en")
    assert result.exit_code == 0, result.output
    message = git(git_repo, "log", "-1", "--format=%B")
    assert message.startswith("Question inventory: 3 questions, 2026-08-18 to 2026-08-20\n\n")
    assert "- 2026-08-20 Tid: 10:30 (data/inventory/2026/2026-08-20-tid-" in message
    assert len(git(git_repo, "show", "--name-only", "--format=", "HEAD").split()) == 3


def test_commit_outside_git_writes_nothing(
    runner: CliRunner, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(repo.parent))
    before = snapshot(repo)
    result = invoke(runner, "--no-input", "--commit", "--description", "x")
    assert result.exit_code == 2
    assert "is not inside a git repository" in result.stderr
    assert snapshot(repo) == before


def test_a_failing_commit_keeps_the_entry(
    runner: CliRunner, git_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hook = git_repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'validate failed' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    before = snapshot(git_repo)
    result = invoke(runner, "--no-input", "--commit", "--description", "Skrivare")
    assert result.exit_code == 2
    [path] = new_files(git_repo, before)
    assert result.stdout == f"{path.relative_to(git_repo).as_posix()}\n"
    assert "git commit failed: validate failed" in result.stderr
    assert "The entries were written and are kept" in result.stderr


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Kort text", 20, "Kort text"),
        ("Ett ärende på\nMigrationsverkets webbplats", 30, "Ett ärende på Migrationsverke…"),
        ("Ett ärende på\nMigrationsverkets webbplats", 40, "Ett ärende på Migrationsverkets…"),
        ("Ett ärende på webbplatsen, igen", 27, "Ett ärende på webbplatsen…"),
        ("Migrationsverketswebbplatsen", 10, "Migration…"),
    ],
)
def test_shorten_cuts_at_a_word_boundary(text: str, limit: int, expected: str) -> None:
    assert shorten(text, limit) == expected
    assert len(shorten(text, limit)) <= limit


def test_commit_message_of_one_entry() -> None:
    entry = InventoryEntry.model_validate({"date": "2026-08-22", "description": "Kort"})
    assert commit_message([entry], [Path("x.yaml")], Path(), "sv") == (
        "Frågeinventering: 2026-08-22 Kort"
    )


def test_commit_message_of_many_entries_lists_them() -> None:
    entries = [
        InventoryEntry.model_validate({"date": day, "description": text})
        for day, text in [("2026-08-20", "Skrivare"), ("2026-08-18", "Bluff-sms")]
    ]
    paths = [Path("/repo/data/inventory/2026/a.yaml"), Path("/repo/data/inventory/2026/b.yaml")]
    assert commit_message(entries, paths, Path("/repo"), "sv") == (
        "Frågeinventering: 2 frågor, 2026-08-18–2026-08-20\n"
        "\n"
        "- 2026-08-20 Skrivare (data/inventory/2026/a.yaml)\n"
        "- 2026-08-18 Bluff-sms (data/inventory/2026/b.yaml)"
    )


# --------------------------------------------------------------------------- concurrency


def test_twenty_processes_adding_at_once_lose_nothing(repo: Path) -> None:
    before = snapshot(repo)
    env = {**os.environ, "REFERRAL_ROOT": str(repo)}
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "referral_cli",
                "add-question",
                "--no-input",
                "--date",
                "2026-08-22",
                "--branch",
                "centrum",
                "--reason",
                "time",
                "--description",
                f"Samtidig fråga nummer {n}",
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(20)
    ]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0] * 20, outputs
    added = new_files(repo, before)
    assert len(added) == 20
    assert sorted(repo / out.strip() for out, _ in outputs) == added
    after = snapshot(repo)
    assert {path: after[path] for path in before} == before  # old files byte-identical
    guidelines, findings = load_guidelines(repo)
    assert findings + check_guidelines(guidelines, today=TODAY) == []
    descriptions = sorted(e.entry.description for e in guidelines.entries if e.path in added)
    assert descriptions == sorted(f"Samtidig fråga nummer {n}" for n in range(20))


def test_core_raises_findings_for_flags(repo: Path) -> None:
    with pytest.raises(FindingsError) as caught:
        add_question(AddRequest(repo, {"description": "x", "branch": "nope"}, no_input=True))
    [finding] = caught.value.findings
    assert (finding.file, finding.code) == ("--branch", "unknown-branch")


def test_the_librarys_own_public_number_may_be_written(make_repo: Callable[..., Path]) -> None:
    # Skatteverket's number is in the test repository's actors.yaml: public, not a visitor's.
    repo = make_repo()
    result = CliRunner().invoke(
        app,
        [
            "add-question",
            "--root",
            str(repo),
            "--no-input",
            "--description",
            "Hänvisade till Skatteverket på 0771-567 567 om pass.",
        ],
    )
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "data/library.yaml",
            "end: 2026-08-30",
            "end: 2026-08-01",
            "data/library.yaml:14:10: error: the period 'ht-2026' ends (2026-08-01) before it "
            "starts (2026-08-17) [period-order]",
        ),
        (
            "data/matrix.yaml",
            "[bank, skatteverket]",
            "[bank, skateverket]",
            "data/matrix.yaml:12:26: error: unknown actor 'skateverket' (did you mean "
            "'skatteverket'?) [unknown-actor]",
        ),
    ],
)
def test_nothing_is_added_while_the_guidelines_have_an_error(
    runner: CliRunner, repo: Path, file: str, old: str, new: str, expected: str
) -> None:
    """A cross-file error `validate` reports stops add-question as a model error does."""
    path = repo / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    before = snapshot(repo)
    result = invoke(runner, "--no-input", "--description", "Ny telefon")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == expected
    assert result.stderr.endswith(
        "Nothing was written. Fix the problems above and run the command again.\n"
    )
    assert snapshot(repo) == before


def test_choices_in_a_file_and_in_options_are_read_as_people_type_them(
    runner: CliRunner, repo: Path
) -> None:
    log = (
        "- date: 2026-08-18\n  description: Bluff-sms\n  reasons: [Språkbarriär, integritet]\n"
        "  outcome: hänvisad\n  referred_to: [Banken]\n  sent_by: [skatteverket, banken]\n"
    )
    (repo / "log.yaml").write_text(log, encoding="utf-8")
    before = snapshot(repo)
    result = invoke(runner, "--from-file", "log.yaml", "--branch", "Norrby områdesbibliotek")
    assert result.exit_code == 0, result.output
    [path] = new_files(repo, before)
    entry = read_entry(path)
    assert (entry.reasons, entry.outcome, entry.referred_to, entry.sent_by) == (
        ["language", "privacy"],
        "referred",
        ["bank"],
        ["skatteverket", "bank"],
    )
    assert entry.branch == "norrby"
    assert "reasons: [language, privacy]" in path.read_text(encoding="utf-8")  # ids are written


def test_a_forms_workbook_becomes_entries_without_its_personal_columns(
    runner: CliRunner, repo: Path
) -> None:
    (repo / "svar.xlsx").write_bytes(forms_workbook(*FORMS_ROWS))
    before = snapshot(repo)
    result = invoke(runner, "--from-file", "svar.xlsx", "--no-input")
    assert result.exit_code == 0, result.output
    paths = new_files(repo, before)
    entries = sorted((read_entry(p) for p in paths), key=lambda e: e.date)
    assert [(e.date, e.branch, e.reasons, e.outcome, e.minutes) for e in entries] == [
        (date(2026, 8, 18), "centrum", ["technical"], "helped", 15),
        (date(2026, 8, 19), "norrby", ["time", "competence"], "partly", 40),
    ]
    written = "".join(p.read_text(encoding="utf-8") for p in paths)
    assert "Anna" not in written and "alvstad.se" not in written
    assert validate_repository(repo).errors == []


def test_problems_in_a_workbook_are_located_at_their_cells(runner: CliRunner, repo: Path) -> None:
    bad = [list(FORMS_ROWS[0]), list(FORMS_ROWS[1])]
    bad[0][7] = "centrm"  # Bibliotek, column H
    bad[1][6] = "Ring besökaren på 070-123 45 67"  # Beskrivning, column G
    bad[1][11] = "tjugo"  # Minuter, column L
    (repo / "svar.xlsx").write_bytes(forms_workbook(*bad))
    before = snapshot(repo)
    result = invoke(runner, "--from-file", "svar.xlsx", "--no-input")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert (
        "svar.xlsx:Form1!H2: error: unknown branch 'centrm' (did you mean 'centrum'?) [unknown-branch]"
        in lines
    )
    assert (
        "svar.xlsx:Form1!L3: error: minutes: 'tjugo' is not a whole number [invalid-number]"
        in lines
    )
    assert snapshot(repo) == before


def test_personal_data_in_a_workbook_is_located_at_its_cell(runner: CliRunner, repo: Path) -> None:
    row = list(FORMS_ROWS[0])
    row[6] = "Ring besökaren på 070-123 45 67"
    (repo / "svar.xlsx").write_bytes(forms_workbook(row))
    result = invoke(runner, "--from-file", "svar.xlsx", "--no-input")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "svar.xlsx:Form1!G2: error: description: looks like a phone number"
    )


def test_a_swedish_excel_csv_becomes_entries(runner: CliRunner, repo: Path) -> None:
    text = (
        "\ufeffDatum;Beskrivning;Bibliotek;Skäl;Hänvisad till;Hänvisad hit av;Minuter\r\n"
        "2026-08-18;Bluff-sms om ett paket;centrum;technical;;bank;15\r\n"
        "2026-08-19;CV och aktivitetsrapport;norrby;time,competence;bank;;\r\n"
    )
    (repo / "logg.csv").write_bytes(text.encode("utf-8"))
    before = snapshot(repo)
    result = invoke(runner, "--from-file", "logg.csv", "--no-input")
    assert result.exit_code == 0, result.output
    entries = sorted((read_entry(p) for p in new_files(repo, before)), key=lambda e: e.date)
    assert [(e.sent_by, e.referred_to, e.minutes) for e in entries] == [
        (["bank"], [], 15),
        ([], ["bank"], None),
    ]


@pytest.mark.parametrize("form", [["csv"], ["csv", "--excel"], ["xlsx"]])
def test_an_exported_inventory_reads_back_as_recorded(
    runner: CliRunner, repo: Path, form: list[str]
) -> None:
    """`inventory --format csv|xlsx` adds a `file` column; reading it back ignores it."""
    log = (
        "- date: 2026-08-18\n  description: '=HYPERLINK(\"x\") och -5'\n  reasons: [time]\n"
        "  referred_to: [bank]\n  sent_by: [skatteverket]\n  minutes: 15\n  branch: norrby\n"
        "- date: 2026-08-19\n  description: CV\n  reflection: Två\n    rader\n"
    )
    (repo / "log.yaml").write_text(log, encoding="utf-8")
    assert invoke(runner, "--from-file", "log.yaml").exit_code == 0
    first = sorted((read_entry(p) for p in snapshot(repo)), key=lambda e: e.date)
    exported = runner.invoke(app, ["inventory", "--format", *form, "--out", "export.out"])
    assert exported.exit_code == 0, exported.output
    shutil.rmtree(repo / INVENTORY)
    (repo / INVENTORY).mkdir()
    result = invoke(runner, "--from-file", "export.out")
    assert result.exit_code == 0, result.output
    again = sorted((read_entry(p) for p in snapshot(repo)), key=lambda e: e.date)
    assert again == first
    assert len(first) == 3  # the repository had one already


def test_a_cell_outside_the_columns_and_personal_data_in_its_row_in_one_run(
    runner: CliRunner, repo: Path
) -> None:
    (repo / "logg.csv").write_text(
        "Datum;Beskrivning\n2026-08-18;Ring 070-123 45 67;kvar\n", encoding="utf-8"
    )
    before = snapshot(repo)
    result = invoke(runner, "--from-file", "logg.csv")
    assert result.exit_code == 1
    assert "logg.csv:2:3: error: this row has more cells than the header" in result.stderr
    assert "logg.csv:2:2: error: description: looks like a phone number" in result.stderr
    assert snapshot(repo) == before
