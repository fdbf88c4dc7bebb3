"""The interview: asking at a terminal for every field that is still missing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from referral_cli.commands.add_question import add_question
from referral_cli.intake.interview import _kind_word, ask_missing
from referral_cli.intake.request import AddRequest, Candidate, Option, Prompt
from referral_cli.rules.loading import load_readable
from tests.intake.conftest import TODAY, invoke, new_files, read_entry, snapshot

# --------------------------------------------------------------------------- at the terminal

SESSION = "\n".join(
    [
        "2026-08-21",  # date
        "Besökaren ville ha hjälp med BankID",  # description, line 1
        "på en ny telefon.",  # description, line 2
        "",  # end of description
        "",  # no reflection
        "norby",  # branch: not a choice, asked again
        "2",  # branch: norrby
        "privcy",  # reasons: not a choice, asked again
        "1, technical",  # reasons
        "1",  # category: dokument
        "bank-e-legitimation",  # row, by id
        "1,2",  # referred to: both actors
        "Banken",  # sent here by: an actor's name
        "3",  # outcome: referred
        "90000",  # minutes: out of range, asked again
        "25",  # minutes
        "",  # read level: skipped
        "MS",  # initials
        "",
    ]
)


def test_prompts_ask_for_every_missing_field(runner: CliRunner, repo: Path) -> None:
    before = snapshot(repo)
    result = invoke(runner, input=SESSION)
    assert result.exit_code == 0, result.output
    [path] = new_files(repo, before)
    assert result.stdout.rstrip().endswith(path.relative_to(repo).as_posix())
    entry = read_entry(path)
    assert entry.model_dump(exclude_defaults=True) == {
        "date": date(2026, 8, 21),
        "description": "Besökaren ville ha hjälp med BankID\npå en ny telefon.",
        "branch": "norrby",
        "reasons": ["privacy", "technical"],
        "category": "dokument",
        "row": "bank-e-legitimation",
        "referred_to": ["skatteverket", "bank"],
        "sent_by": ["bank"],
        "outcome": "referred",
        "minutes": 25,
        "recorded_by": "MS",
        "period": "ht-2026",
    }
    output = result.stdout
    # the choices are shown, numbered, with their Swedish labels
    assert "  1) privacy     Integritet / personuppgifter" in output
    assert "  7) language    Språkbarriär" in output
    assert "  2) norrby   Norrby områdesbibliotek" in output
    assert "  1) skatteverket  Skatteverket" in output
    assert "  3) referred  Hänvisad" in output
    assert "Hänvisad hit av (vem skickade besökaren till biblioteket?):" in output
    assert "'norby' finns inte bland valen (menade du 'norrby'?). Försök igen." in output
    assert "'privcy' finns inte bland valen (menade du 'privacy'?). Försök igen." in output
    assert "Skriv ett heltal från 0 till 1440." in output


def test_prompts_follow_lang(runner: CliRunner, repo: Path) -> None:
    result = invoke(runner, "--lang", "en", input=SESSION.replace("norby", "nrby"))
    assert result.exit_code == 0, result.output
    assert "Describe the case, not the visitor" in result.stdout
    assert "'nrby' is not one of the choices (did you mean 'norrby'?). Try again." in (
        result.stdout
    )
    assert "  1) privacy     Integritet / personuppgifter" in result.stdout  # the library's labels


def test_only_missing_fields_are_asked_for(runner: CliRunner, repo: Path) -> None:
    before = snapshot(repo)
    result = invoke(
        runner,
        "--description",
        "Bluff-sms",
        "--branch",
        "centrum",
        "--reason",
        "other",
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
        input="\n",  # the date: Enter takes today
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Datum (ÅÅÅÅ-MM-DD) [{date.today().isoformat()}]: ")
    assert "Bibliotek" not in result.stdout
    [path] = new_files(repo, before)
    assert read_entry(path).date == date.today()


def test_personal_data_typed_at_a_prompt_is_refused_and_asked_again(
    runner: CliRunner, repo: Path
) -> None:
    before = snapshot(repo)
    session = SESSION.replace(
        "Besökaren ville ha hjälp med BankID\npå en ny telefon.\n",
        "Ring 070-123 45 67\n\nBesökaren ville ha hjälp med BankID\npå en ny telefon.\n",
    )
    result = invoke(runner, input=session)
    assert result.exit_code == 0, result.output
    assert (
        "Texten ser ut att innehålla en besökares telefonnummer (070-*** ** **). "
        "Skriv om texten utan den." in result.stdout
    )
    [path] = new_files(repo, before)
    assert "070" not in path.read_text(encoding="utf-8")


def test_a_bad_option_fails_before_any_prompt(runner: CliRunner, repo: Path) -> None:
    result = invoke(runner, "--branch", "centrm", input=SESSION)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("--branch: error: okänt bibliotek 'centrm'")


@pytest.mark.parametrize("cut", [1, 3, 9, 16])
def test_giving_up_at_a_prompt_writes_nothing(runner: CliRunner, repo: Path, cut: int) -> None:
    before = snapshot(repo)
    partial = "\n".join(SESSION.split("\n")[:cut])  # input ends early, like Ctrl-D
    result = invoke(runner, input=partial)
    assert result.exit_code == 130
    assert result.stderr == "Avbrutet: inget skrevs.\n"
    assert snapshot(repo) == before


def test_ctrl_c_in_the_core_writes_nothing(repo: Path) -> None:
    class Interrupting:
        def ask(self, prompt: str, default: str = "", suffix: str = ": ") -> str:
            raise KeyboardInterrupt

        def confirm(self, prompt: str) -> bool:  # pragma: no cover - never reached
            raise KeyboardInterrupt

        def say(self, text: str) -> None:
            pass

    before = snapshot(repo)
    with pytest.raises(KeyboardInterrupt):
        add_question(AddRequest(repo, {"description": "x"}), Interrupting())
    assert snapshot(repo) == before


# --------------------------------------------------------------------------- the core


class Scripted:
    """A prompter that gives the answers it was handed, and remembers what it was told.

    An empty answer takes the default, like Enter; running out of answers is Ctrl-D.
    """

    def __init__(self, *answers: str, confirms: Sequence[bool] = ()) -> None:
        self.answers = list(answers)
        self.confirms = list(confirms)
        self.prompts: list[tuple[str, str]] = []
        self.said: list[str] = []

    def ask(self, prompt: str, default: str = "", suffix: str = ": ") -> str:
        self.prompts.append((prompt, default))
        if not self.answers:
            raise KeyboardInterrupt
        return self.answers.pop(0) or default

    def confirm(self, prompt: str) -> bool:
        self.said.append(prompt)
        if not self.confirms:
            raise KeyboardInterrupt
        return self.confirms.pop(0)

    def say(self, text: str) -> None:
        self.said.append(text)


# Every field but the date and the texts, so a script only answers those.
ALL_BUT_DATE_AND_TEXTS = {
    "branch": "centrum",
    "reasons": ["other"],
    "category": "dokument",
    "row": "bank-e-legitimation",
    "referred_to": ["bank"],
    "sent_by": ["skatteverket"],
    "outcome": "helped",
    "minutes": "5",
    "read_level": "2",
    "recorded_by": "AB",
}


def interview(root: Path, candidate: Candidate, prompter: Scripted, lang: str = "sv") -> None:
    ask_missing(load_readable(root, inventory=False), candidate, prompter, lang, TODAY)


def test_answers_are_stored_with_the_prompt_as_their_origin(repo: Path) -> None:
    candidate = Candidate.from_options(ALL_BUT_DATE_AND_TEXTS)
    interview(repo, candidate, Scripted("2026-08-21", "Skrivare", "", "Svårt", "med kö", ""))
    assert candidate.values["date"] == "2026-08-21"
    assert candidate.values["description"] == "Skrivare"
    assert candidate.values["reflection"] == "Svårt\nmed kö"
    assert candidate.origins["description"] == Prompt()
    assert candidate.origins["branch"] == Option("--branch")  # given, never asked


def test_nothing_is_asked_when_every_field_is_given(repo: Path) -> None:
    given = {**ALL_BUT_DATE_AND_TEXTS, "date": "2026-08-21", "description": "x", "reflection": "y"}
    prompter = Scripted()
    interview(repo, Candidate.from_options(given), prompter)
    assert prompter.prompts == []
    assert prompter.said == []


def test_a_wrong_or_future_date_is_asked_again(repo: Path) -> None:
    candidate = Candidate.from_options({**ALL_BUT_DATE_AND_TEXTS, "description": "x"})
    prompter = Scripted("22/8", "2026-12-24", "", "")  # Enter takes today; no reflection
    interview(repo, candidate, prompter)
    assert candidate.values["date"] == TODAY.isoformat()
    assert prompter.said[:2] == [
        "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-08-22.",
        "2026-12-24 ligger i framtiden (i dag är det 2026-11-28).",
    ]
    assert prompter.prompts[0] == ("Datum (ÅÅÅÅ-MM-DD)", "2026-11-28")


def test_an_empty_description_is_asked_again(repo: Path) -> None:
    candidate = Candidate.from_options({**ALL_BUT_DATE_AND_TEXTS, "date": "2026-08-21"})
    prompter = Scripted("", "Skrivare", "", "")
    interview(repo, candidate, prompter, lang="en")
    assert candidate.values["description"] == "Skrivare"
    assert "reflection" not in candidate.values  # optional: left empty, left out
    assert "The description is needed. Write at least one line." in prompter.said


@pytest.mark.parametrize(
    ("confirms", "answers", "text", "confirmed"),
    [
        ([True], [], "Ordernummer 8112189876 i appen", True),
        ([False], ["Ordernummer i appen", ""], "Ordernummer i appen", False),
    ],
)
def test_a_possible_personal_number_is_confirmed_or_written_again(
    repo: Path, confirms: list[bool], answers: list[str], text: str, confirmed: bool
) -> None:
    candidate = Candidate.from_options({**ALL_BUT_DATE_AND_TEXTS, "date": "2026-08-21"})
    prompter = Scripted("Ordernummer 8112189876 i appen", "", *answers, "", confirms=confirms)
    interview(repo, candidate, prompter)
    assert candidate.values["description"] == text
    assert candidate.origins["description"] == Prompt(confirmed=confirmed)
    assert (
        "811218**** kan vara ett personnummer. Är du säker på att det inte är en besökares "
        "uppgift?" in prompter.said
    )
    assert ("Skriv texten igen, utan numret." in prompter.said) is not confirmed


def test_the_only_branch_is_the_default(make_repo: Callable[..., Path]) -> None:
    root = make_repo()  # the library has one branch
    given = {key: value for key, value in ALL_BUT_DATE_AND_TEXTS.items() if key != "branch"}
    candidate = Candidate.from_options({**given, "date": "2026-08-21", "description": "x"})
    prompter = Scripted("", "", "")  # no reflection; Enter takes the default branch
    interview(root, candidate, prompter)
    assert candidate.values["branch"] == "centrum"
    assert ("Nummer, id eller namn (Enter = hoppa över)", "1") in prompter.prompts


@pytest.mark.parametrize(
    ("kind", "lang", "words"),
    [
        ("phone", "sv", "telefonnummer"),
        ("card_number", "en", "card number"),
        ("bank_account", "en", "bank account number"),
        ("bank_account", "sv", "bankkontonummer"),
    ],
)
def test_kinds_of_personal_data_in_words(kind: str, lang: str, words: str) -> None:
    assert _kind_word(kind, lang) == words


FIELDS_ASKED = {"date": "2026-08-21", "description": "x", "reflection": "y"}


@pytest.mark.parametrize(
    ("reasons", "outcome", "expected_reasons", "expected_outcome"),
    [
        (
            "språkbarriär, Integritet / personuppgifter",
            "hänvisad",
            ["language", "privacy"],
            "referred",
        ),
        ("Sprakbarriar;7", "Delvis hjälpt", ["language"], "partly"),
        ("language barrier, legal", "referred", ["language", "legal"], "referred"),
        ("7 1 2", "4", ["language", "privacy", "legal"], "declined"),
    ],
)
def test_labels_as_shown_are_answers_in_swedish_or_english(
    repo: Path,
    reasons: str,
    outcome: str,
    expected_reasons: list[str],
    expected_outcome: str,
) -> None:
    given = {
        **FIELDS_ASKED,
        "branch": "centrum",
        "category": "dokument",
        "row": "bank-e-legitimation",
    }
    given |= {
        "referred_to": ["bank"],
        "sent_by": [],
        "minutes": "5",
        "read_level": "2",
        "recorded_by": "AB",
    }
    candidate = Candidate.from_options(given)
    interview(repo, candidate, Scripted(reasons, outcome))
    assert candidate.values["reasons"] == expected_reasons
    assert candidate.values["outcome"] == expected_outcome


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("sv", "'sprakbariar' finns inte bland valen (menade du 'Språkbarriär'?). Försök igen."),
        (
            "en",
            "'sprakbariar' is not one of the choices (did you mean 'Språkbarriär'?). Try again.",
        ),
    ],
)
def test_a_misspelt_label_is_asked_again_with_an_accepted_suggestion(
    repo: Path, lang: str, said: str
) -> None:
    given = {key: value for key, value in ALL_BUT_DATE_AND_TEXTS.items() if key != "reasons"}
    candidate = Candidate.from_options({**given, **FIELDS_ASKED})
    prompter = Scripted("sprakbariar", "Språkbarriär")
    interview(repo, candidate, prompter, lang)
    assert said in prompter.said
    assert candidate.values["reasons"] == ["language"]
