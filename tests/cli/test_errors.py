"""The one handler: every message in the reader's language, from the catalogue only.

- The language rule: `--lang`, else `REFERRAL_LANG`, else the library's `language`,
  else Swedish; outside a repository `--lang`/`REFERRAL_LANG`, else Swedish.
- Every command's error paths, run in Swedish and in English, print nothing but the
  catalogue's phrases and the user's own data (tests/catalogue_check.py): no text of
  click, pydantic, PyYAML, Jinja or the system, no sentence written in the code, no
  phrase of the other language. The check itself is tested to fail on such text.
- Honest endings: a command that only reads never says that nothing was written.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from referral_cli.cli import app
from tests.catalogue_check import _click_command, tool_words, unexplained, words
from tests.conftest import ACTORS, ENTRY, LIBRARY, MATRIX

runner = CliRunner()
ENTRY_FILE = "data/inventory/2026/2026-08-22-test-000001.yaml"
ENGLISH_LIBRARY = LIBRARY.replace("language: sv", "language: en")
# A repository with a problem of every family `validate` words: the model's (an unknown
# key, a value not allowed, a number that is none), YAML that cannot be read, personal
# data, references, duplicates, a period that ends before it starts.
BROKEN: dict[str, str | None] = {
    "data/library.yaml": LIBRARY.replace("end: 2026-08-30", "end: 2026-08-01"),
    "data/actors.yaml": ACTORS.replace("kind: bank", "kind: bnk").replace(
        "name: Banken", "name: Banken\n    colour: blue"
    ),
    "data/matrix.yaml": MATRIX.replace("[bank, skatteverket]", "[bank, skateverket]"),
    ENTRY_FILE: ENTRY.replace("språkbarriär.", "ring 070-123 45 67.") + "minutes: tjugo\n",
    "data/inventory/2026/2026-08-23-trasig-000002.yaml": "date: 2026-08-23\n\tdescription: x\n",
    "data/inventory/2026/2026-08-24-citat-000003.yaml": 'date: 2026-08-24\ndescription: "C:\\q"\n',
}


@dataclass(frozen=True)
class Case:
    """One error path: the arguments, the repository it runs in, the exit code."""

    args: tuple[str, ...]
    code: int
    repo: str = "clean"  # clean, broken, english, none (no repository at all)
    files: dict[str, str] = field(default_factory=dict)  # more files, beside the repository

    @property
    def command(self) -> str:
        return " ".join(arg for arg in self.args[:2] if not arg.startswith("-")).split(" ")[0]


BAD_CSV = "datum;beskrivning;minuter\n2026-08-20;Ring 070-123 45 67;tjugo\n"
CASES: list[Case] = [
    # the command line itself
    Case(("nosuch",), 2),
    Case(("validate", "--nosuch"), 2),
    Case(("validate", "--strict=1"), 2),
    Case(("validate", "--root"), 2),
    Case(("validate", "--format", "xml"), 2),
    Case(("diff", "a", "b", "c"), 2),
    Case(("actors", "shw"), 2),
    # every command, on bad data and with bad options
    Case(("validate",), 1, "broken"),
    Case(("validate", "--format", "json"), 1, "broken"),
    Case(("validate",), 2, "none"),
    Case(("schema", "--out", "{tmp}/a-file"), 2, files={"a-file": "x"}),
    Case(("init", "{root}"), 2),
    Case(("init", "{tmp}/ny", "--language", "de"), 2),
    Case(("init", "{tmp}/ny", "--ci", "gitlb"), 2),
    Case(("ci", "setup", "gitlb"), 2),
    Case(("ci", "setup"), 2),
    Case(("ci", "publish", "--audience", "nobody"), 2),
    Case(("render", "desk-guid"), 2),
    Case(("render", "--format", "pfd"), 2),
    Case(("render", "referral-slips", "--row", "kallkritk"), 2),
    Case(("render", "--templates", "{tmp}/nowhere"), 2),
    Case(("render",), 1, "broken"),
    Case(
        ("render", "actors", "--format", "md", "--templates", "{tmp}/tpl"),
        1,
        files={"tpl/actors.md.j2": "# {{ library.name }}\n{{ library.nmae }}\n"},
    ),
    Case(
        ("render", "actors", "--format", "md", "--templates", "{tmp}/tpl"),
        1,
        files={"tpl/actors.md.j2": "{% for a in actors %}\n{{ a.name }\n"},
    ),
    Case(("add-question",), 2),
    Case(("add-question", "--no-input", "--branch", "centrum"), 2),
    Case(
        ("add-question", "--no-input", "--description", "x", "--minutes", "tjugo")
        + ("--branch", "centrm", "--reason", "sprakbariar", "--outcome", "hänvsad"),
        1,
    ),
    Case(("add-question", "--no-input", "--description", "x", "--date", "22/8"), 1),
    Case(("add-question", "--from-file", "{tmp}/saknas.csv"), 2),
    Case(("add-question", "--from-file", "{tmp}/logg.csv"), 1, files={"logg.csv": BAD_CSV}),
    Case(("add-question", "--no-input", "--description", "x"), 1, "broken"),
    Case(("inventory", "--branch", "norby"), 2),
    Case(("inventory", "--since", "22/8"), 2),
    Case(("inventory", "--format", "x"), 2),
    Case(("inventory",), 1, "broken"),
    Case(("lookup",), 2),
    Case(("lookup", " "), 2),
    Case(("lookup", "bankid", "--format", "xml"), 2),
    Case(("lookup", "bankid"), 1, "broken"),
    Case(("match", "--min-score", "2"), 2),
    Case(("match", "--min-score", "hög"), 2),
    Case(("match", "--yes"), 2),
    Case(("match",), 1, "broken"),
    Case(("actors", "--status", "nne"), 2),
    Case(("actors", "show", "skateverket"), 2),
    Case(("actors", "show"), 2),
    Case(("actors",), 1, "broken"),
    Case(("stats", "--by", "colour"), 2),
    Case(("stats", "--since", "2026-10-01", "--until", "2026-01-01"), 2),
    Case(("export", "--out", "-", "--since", "2026-10-01", "--until", "2026-01-01"), 2),
    Case(("stats", "--format", "x"), 2),
    Case(("stats", "--root", "{tmp}/saknas.jsonl"), 2),
    Case(("stats", "--root", "{tmp}/bad.jsonl"), 1, files={"bad.jsonl": '{"x": 1\n'}),
    Case(("stats",), 1, "broken"),
    Case(("export", "--out", "{tmp}/finns.jsonl"), 2, files={"finns.jsonl": ""}),
    Case(("review", "--today", "idag"), 2),
    Case(("review", "--agenda", "--format", "pdf"), 2),
    Case(("review",), 1, "broken"),
    Case(("diff",), 2),
    Case(("diff", "--format", "html"), 2),
    Case(("report", "actor", "skateverket"), 2),
    Case(("report", "actor", "bank", "--since", "2026-8-1"), 2),
    Case(("report", "actor", "bank"), 1, "broken"),
    Case(("rename", "colour", "a", "b"), 2),
    Case(("rename", "row", "kallkritk", "ny-rad"), 2),
    Case(("rename", "row", "bank-e-legitimation", "Ogiltigt Id"), 2),
    Case(("rename", "row", "bank-e-legitimation", "ny-rad"), 1, "broken"),
    Case(("stats",), 2, "none"),
    Case(("add-question", "--no-input", "--description", "x"), 2, "none"),
]


def command_paths(command: object, prefix: str = "") -> Iterator[str]:
    """Every command the app has, by its path (`actors show`, `report actor`)."""
    children = getattr(command, "commands", {})
    if not children or getattr(command, "invoke_without_command", False):
        yield prefix.strip()
    for name, child in children.items():
        yield from command_paths(child, f"{prefix} {name}")


def test_every_command_has_error_paths_in_the_table() -> None:
    covered = {" ".join(a for a in case.args if not a.startswith(("-", "{"))) for case in CASES}
    for path in filter(None, command_paths(_click_command(app))):
        assert any(c == path or c.startswith(path + " ") for c in covered), path


@pytest.fixture
def place(
    tmp_path: Path, make_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> Callable[[Case], tuple[Path, list[str]]]:
    """Where a case runs, and its arguments: a repository (or none) as the working folder."""
    monkeypatch.delenv("REFERRAL_ROOT", raising=False)

    def prepare(case: Case) -> tuple[Path, list[str]]:
        if case.repo == "none":
            root = tmp_path / "empty"
            root.mkdir()
        else:
            overrides = {"broken": BROKEN, "english": {"data/library.yaml": ENGLISH_LIBRARY}}
            root = make_repo(overrides.get(case.repo, {}))
        outside = tmp_path / "outside"
        outside.mkdir(exist_ok=True)
        for name, text in case.files.items():
            (outside / name).parent.mkdir(parents=True, exist_ok=True)
            (outside / name).write_text(text, encoding="utf-8")
        monkeypatch.chdir(root)
        return root, [arg.format(root=root, tmp=outside) for arg in case.args]

    return prepare


def allowed_words(root: Path, args: list[str]) -> set[str]:
    """The data a message may quote: the command line, the files, the folders' names.

    And the words the repository accepts where a choice is typed (ids, names and
    labels in Swedish and English): a "did you mean" proposes one of them.
    """
    found = tool_words(app) | words(" ".join(args)) | words(str(root.parent))
    if (root / "data" / "matrix.yaml").is_file():
        from referral_cli.choices import entry_choices
        from referral_cli.store.repository import load_guidelines

        for choices in entry_choices(load_guidelines(root, inventory=False)[0]).values():
            found |= words(" ".join(choices.written.values()))
    for path in root.parent.rglob("*"):
        found |= words(str(path))
        if path.is_file():
            found |= words(path.read_text(encoding="utf-8", errors="replace"))
    return found


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("case", CASES, ids=lambda case: " ".join(case.args) + f" ({case.repo})")
def test_every_error_is_the_catalogue_s_in_the_reader_s_language(
    case: Case,
    lang: str,
    place: Callable[[Case], tuple[Path, list[str]]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root, args = place(case)
    if lang == "en":
        monkeypatch.setenv("REFERRAL_LANG", "en")
    result = runner.invoke(app, args)
    assert result.exit_code == case.code, result.output
    assert "Traceback" not in result.output
    assert unexplained(result.output, lang, allowed_words(root, args)) == []


def test_the_check_fails_on_text_the_catalogue_did_not_word() -> None:
    allowed = tool_words(app) | {"nosuch", "kind", "bnk", "bank"}
    foreign = [
        ("error: --min-score: Input should be less than or equal to 1", "en"),  # pydantic
        ("Error: No such option: --nosuch", "en"),  # click
        ("f.yaml:1:1: error: name: Input should be a valid string [invalid-value]", "en"),
        ("f.yaml:1:1: error: YAML syntax error: found character '\\t' [yaml-syntax]", "en"),
        ("error: cannot write out.jsonl: Permission denied", "en"),  # the system's words
        ("fel: --min-score: 2 is out of range; it must be at most 1", "sv"),  # English in sv
        ("data/actors.yaml:17:11: error: kind: 'bnk' is not allowed [invalid-choice]", "sv"),
        ("row: sim-kort → data/inventory/x.yaml", "sv"),  # a line written in the code
    ]
    for line, lang in foreign:
        assert unexplained(line, lang, allowed) == [line], line
    worded = [
        ("fel: --min-score: 2 ligger utanför det tillåtna; det måste vara högst 1", "sv"),
        ("data/actors.yaml:17:11: error: kind: 'bnk' is not allowed [invalid-choice]", "en"),
        ("    tips: välj ett av: bank, authority", "sv"),
    ]
    for line, lang in worded:
        assert unexplained(line, lang, allowed) == [], line


# --------------------------------------------------------------------------- the language rule


def invoke(args: list[str], **env: str) -> Result:
    return runner.invoke(app, args, env=env or None)


@pytest.mark.parametrize(
    ("library", "flags", "env", "expected"),
    [
        (LIBRARY, [], {}, "fel: --since: '22/8' är inget datum"),  # the library's: sv
        (ENGLISH_LIBRARY, [], {}, "error: --since: '22/8' is not a date"),  # the library's: en
        (LIBRARY, [], {"REFERRAL_LANG": "en"}, "error: --since: '22/8' is not a date"),
        (ENGLISH_LIBRARY, ["--lang", "sv"], {"REFERRAL_LANG": "en"}, "fel: --since: '22/8'"),
        (ENGLISH_LIBRARY, ["--lang", "svenska"], {}, "fel: --since: '22/8'"),
    ],
)
def test_lang_then_referral_lang_then_the_library_s_language(
    make_repo: Callable[..., Path],
    library: str,
    flags: list[str],
    env: dict[str, str],
    expected: str,
) -> None:
    root = make_repo({"data/library.yaml": library})
    result = invoke(["stats", "--root", str(root), "--since", "22/8", *flags], **env)
    assert result.exit_code == 2
    assert result.output.startswith(expected)


def test_outside_a_repository_swedish_unless_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REFERRAL_ROOT", raising=False)
    swedish = invoke(["validate"])
    assert swedish.output.startswith("fel: hittade inget riktlinjeförråd: ingen data/matrix.yaml")
    english = invoke(["validate", "--lang", "en"])
    assert english.output.startswith("error: no guideline repository found")
    assert invoke(["validate"], REFERRAL_LANG="en").output == english.output


def test_init_speaks_the_language_of_the_repository_it_creates(tmp_path: Path) -> None:
    swedish = invoke(["init", str(tmp_path / "sv")])
    assert swedish.output.splitlines()[-1].startswith("Skapade ett riktlinjeförråd i ")
    english = invoke(["init", str(tmp_path / "en"), "--language", "en"])
    assert english.output.splitlines()[-1].startswith("Created a guideline repository in ")
    asked = invoke(["init", str(tmp_path / "asked"), "--language", "en", "--lang", "sv"])
    assert asked.output.splitlines()[-1].startswith("Skapade ett riktlinjeförråd i ")


def test_a_broken_library_yaml_still_says_its_language(make_repo: Callable[..., Path]) -> None:
    library = ENGLISH_LIBRARY.replace("review_interval_months: 6", "review_interval_months: x")
    result = invoke(["validate", "--root", str(make_repo({"data/library.yaml": library}))])
    assert "error: review_interval_months: 'x' is not a whole number" in result.output
    assert result.output.rstrip().endswith("1 error, 0 warnings in 1 file (4 files checked).")


def test_referral_lang_must_be_a_language_referral_speaks(make_repo: Callable[..., Path]) -> None:
    result = invoke(["validate", "--root", str(make_repo())], REFERRAL_LANG="de")
    assert (result.exit_code, result.output) == (
        2,
        "fel: REFERRAL_LANG: okänt språk 'de'; välj sv eller en\n",
    )


# --------------------------------------------------------------------------- message families


@pytest.mark.parametrize(
    ("args", "swedish", "english"),
    [
        (
            ["inventory", "--zzz"],
            "okänd flagga '--zzz'; 'referral inventory --help' visar flaggorna",
            "unknown option '--zzz'; 'referral inventory --help' lists the options",
        ),
        (
            ["inventory", "--sinse", "2026-08-01"],
            "okänd flagga '--sinse' (menade du '--since'?); 'referral inventory --help' visar "
            "flaggorna",
            "unknown option '--sinse' (did you mean '--since'?); 'referral inventory --help' "
            "lists the options",
        ),
        (
            ["stats", "--by"],
            "--by behöver ett värde; 'referral stats --help' visar vilket",
            "--by needs a value; 'referral stats --help' says which",
        ),
        (
            ["validate", "--strict=ja"],
            "--strict tar inget värde: skriv bara --strict",
            "--strict takes no value: write just --strict",
        ),
        (
            ["report", "actor"],
            "id:t (ID) saknas; 'referral report actor --help' visar vad du ska ange",
            "the id (ID) is missing; 'referral report actor --help' says what to give",
        ),
        (  # an argument is named in words, not only by its English metavar
            ["rename", "actor", "bank"],
            "det nya id:t (NEW) saknas; 'referral rename --help' visar vad du ska ange",
            "the new id (NEW) is missing; 'referral rename --help' says what to give",
        ),
        (
            ["ci", "setup"],
            "GITLAB|GITHUB saknas; 'referral ci setup --help' visar vad du ska ange",
            "GITLAB|GITHUB is missing; 'referral ci setup --help' says what to give",
        ),
        (
            ["statz"],
            "okänt kommando 'statz' (menade du 'stats'?); 'referral --help' visar kommandona",
            "unknown command 'statz' (did you mean 'stats'?); 'referral --help' lists the commands",
        ),
        (
            ["diff", "HEAD", "HEAD~1", "HEAD~2"],
            "oväntat argument: HEAD~2; 'referral diff --help' visar vad kommandot tar emot",
            "unexpected argument: HEAD~2; 'referral diff --help' says what the command takes",
        ),
        (
            ["match", "--min-score", "2"],
            "--min-score: 2 ligger utanför det tillåtna; det måste vara högst 1",
            "--min-score: 2 is out of range; it must be at most 1",
        ),
        (
            ["match", "--min-score", "-0.5"],
            "--min-score: -0.5 ligger utanför det tillåtna; det måste vara minst 0",
            "--min-score: -0.5 is out of range; it must be at least 0",
        ),
        (
            ["match", "--min-score", "hög"],
            "--min-score: 'hög' är inget tal",
            "--min-score: 'hög' is not a number",
        ),
        (
            ["lookup", "bankid", "--format", "jsn"],
            "--format: 'jsn' är inte tillåtet (menade du 'json'?); välj ett av: text, json",
            "--format: 'jsn' is not allowed (did you mean 'json'?); choose one of: text, json",
        ),
    ],
)
def test_the_command_line_s_usage_errors_are_our_own_sentences(
    make_repo: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    swedish: str,
    english: str,
) -> None:
    monkeypatch.chdir(make_repo())
    monkeypatch.delenv("REFERRAL_ROOT", raising=False)
    assert (invoke(args).exit_code, invoke(args).output) == (2, f"fel: {swedish}\n")
    if args[0] != "statz":  # --lang follows the command's name
        at = 2 if args[0] in ("report", "ci") else 1
        assert invoke([*args[:at], "--lang", "en", *args[at:]]).output == f"error: {english}\n"
    assert invoke(args, REFERRAL_LANG="en").output == f"error: {english}\n"


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        (
            "sv",
            [
                "data/actors.yaml",
                "  data/actors.yaml:17:5: error: okänd nyckel 'colour' [unknown-key]",
                "    tips: tillåtna nycklar här: contact, description, helps_with, id, kind, "
                "languages, name, notes, relationship, reviewed, scope",
                "  data/actors.yaml:18:11: error: kind: 'bnk' är inte tillåtet (menade du "
                "'bank'?) [invalid-choice]",
            ],
        ),
        (
            "en",
            [
                "data/actors.yaml",
                "  data/actors.yaml:17:5: error: unknown key 'colour' [unknown-key]",
                "    hint: allowed keys here: contact, description, helps_with, id, kind, "
                "languages, name, notes, relationship, reviewed, scope",
                "  data/actors.yaml:18:11: error: kind: 'bnk' is not allowed (did you mean "
                "'bank'?) [invalid-choice]",
            ],
        ),
    ],
)
def test_validate_s_findings_hints_and_summary(
    make_repo: Callable[..., Path], lang: str, lines: list[str]
) -> None:
    root = make_repo({"data/actors.yaml": BROKEN["data/actors.yaml"]})
    result = invoke(["validate", "--root", str(root), "--lang", lang])
    assert result.exit_code == 1
    assert result.output.splitlines()[: len(lines)] == lines
    summary = {
        "sv": "2 fel, 0 varningar i 1 fil (4 filer kontrollerade).",
        "en": "2 errors, 0 warnings in 1 file (4 files checked).",
    }
    assert result.output.rstrip().splitlines()[-1] == summary[lang]


def test_json_keeps_english_keys_and_codes_and_words_the_message(
    make_repo: Callable[..., Path],
) -> None:
    root = make_repo({"data/actors.yaml": BROKEN["data/actors.yaml"]})
    found = json.loads(invoke(["validate", "--root", str(root), "--format", "json"]).output)
    kind = next(f for f in found if f["code"] == "invalid-choice")
    assert kind == {
        "file": "data/actors.yaml",
        "line": 18,
        "column": 11,
        "severity": "error",
        "code": "invalid-choice",
        "message": "kind: 'bnk' är inte tillåtet (menade du 'bank'?)",
        "hint": "välj ett av: bank, authority, municipality, association, study_association, "
        "school, company, other",
    }


# --------------------------------------------------------------------------- endings


READ_ONLY = [
    ["stats"],
    ["inventory"],
    ["lookup", "bankid"],
    ["match"],
    ["actors"],
    ["review"],
    ["report", "actor", "bank", "--format", "md"],  # writes: the other ending
]


@pytest.mark.parametrize("args", READ_ONLY, ids=" ".join)
def test_only_a_command_that_writes_says_that_nothing_was_written(
    make_repo: Callable[..., Path], args: list[str]
) -> None:
    root = make_repo({"data/actors.yaml": BROKEN["data/actors.yaml"]})
    result = invoke([*args, "--root", str(root)])
    assert result.exit_code == 1
    last = result.output.splitlines()[-1]
    if args[0] == "report":
        assert last == "Inget skrevs. Rätta problemen ovan och kör kommandot igen."
    else:
        assert last == "Rätta problemen ovan och kör kommandot igen."
    english = invoke([*args, "--root", str(root), "--lang", "en"]).output.splitlines()[-1]
    assert ("Nothing was written" in english) is (args[0] == "report")


def test_add_question_without_a_terminal_names_no_input(
    make_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(make_repo())
    before = sorted(Path("data/inventory").rglob("*"))
    result = runner.invoke(app, ["add-question"], input="")
    assert result.exit_code == 2
    assert result.output.startswith("fel: add-question frågar efter det som saknas i en terminal")
    assert "--no-input" in result.output
    english = runner.invoke(app, ["add-question", "--lang", "en"], input="")
    assert english.output.startswith("error: add-question asks for what is missing at a terminal")
    assert sorted(Path("data/inventory").rglob("*")) == before


@pytest.mark.parametrize(
    ("writes", "lang", "expected"),
    [
        (True, "sv", "Avbrutet: inget skrevs.\n"),
        (True, "en", "Interrupted: nothing was written.\n"),
        (False, "sv", "Avbrutet.\n"),
        (False, "en", "Interrupted.\n"),
    ],
)
def test_an_interruption_ends_as_honestly(
    writes: bool, lang: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from referral_cli.cli.errors import EXIT_INTERRUPTED, report_error

    assert report_error(KeyboardInterrupt(), lang, writes=writes) == EXIT_INTERRUPTED
    assert capsys.readouterr().err == expected


ESCAPES = "\x1b[31mRED\x1b]0;TITLE\x07"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["actors", "show", ESCAPES], "no actor with id '\\x1b[31mRED\\x1b]0;TITLE\\x07'"),
        (["stats", "--root", ESCAPES], "error: \\x1b[31mRED\\x1b]0;TITLE\\x07 does not exist"),
        (["render", "--row", ESCAPES], "'\\x1b[31mRED\\x1b]0;TITLE\\x07'"),
        (["nosuch" + ESCAPES], "unknown command 'nosuch\\x1b[31mRED\\x1b]0;TITLE\\x07'"),
        (["export", "--out", "out" + ESCAPES], "to out\\x1b[31mRED\\x1b]0;TITLE\\x07"),
        (["inventory", "--format", "csv", "--out", ESCAPES], "\\x1b[31mRED\\x1b]0;TITLE\\x07\n"),
    ],
)
def test_control_characters_typed_in_an_argument_never_reach_the_terminal(
    make_repo: Callable[..., Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    expected: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REFERRAL_ROOT", str(make_repo()))
    monkeypatch.setenv("REFERRAL_LANG", "en")
    result = runner.invoke(app, args)
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert expected in result.output
