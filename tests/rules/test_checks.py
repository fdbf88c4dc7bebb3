from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from referral_cli.commands.validate import validate_repository
from referral_cli.rules.checks import check_guidelines
from referral_cli.store.repository import load_guidelines
from tests.conftest import ACTORS, ENTRY, LIBRARY, MATRIX

TODAY = date(2026, 11, 28)
ENTRY_FILE = "data/inventory/2026/2026-08-22-test-000001.yaml"


def run(repo: Path) -> list[tuple[str, int, int, str, str, str]]:
    guidelines, findings = load_guidelines(repo)
    findings += check_guidelines(guidelines, today=TODAY)
    return [(f.file, f.line, f.column, f.severity, f.code, f.text()) for f in findings]


def test_base_fixture_is_clean(make_repo: Callable[..., Path]) -> None:
    assert run(make_repo()) == []


@pytest.mark.parametrize(
    ("file", "content", "expected"),
    [
        (
            "data/matrix.yaml",
            MATRIX.replace("[bank, skatteverket]", "[bank, skateverket]"),
            [
                (
                    "data/matrix.yaml",
                    12,
                    26,
                    "error",
                    "unknown-actor",
                    "unknown actor 'skateverket' (did you mean 'skatteverket'?)",
                ),
                (
                    "data/actors.yaml",
                    2,
                    9,
                    "warning",
                    "unused-actor",
                    "no matrix row refers to the actor 'skatteverket'",
                ),
            ],
        ),
        (
            "data/actors.yaml",
            ACTORS.replace("id: bank", "id: skatteverket"),
            [
                (
                    "data/actors.yaml",
                    15,
                    9,
                    "error",
                    "duplicate-id",
                    "the actor id 'skatteverket' is used twice (first on line 2)",
                ),
                ("data/matrix.yaml", 12, 20, "error", "unknown-actor", "unknown actor 'bank'"),
            ],
        ),
        (
            ENTRY_FILE,
            ENTRY.replace("branch: centrum", "branch: centrm"),
            [
                (
                    ENTRY_FILE,
                    3,
                    9,
                    "error",
                    "unknown-branch",
                    "unknown branch 'centrm' (did you mean 'centrum'?)",
                )
            ],
        ),
        (
            ENTRY_FILE,
            ENTRY.replace("[language, privacy]", "[language, privcy]"),
            [
                (
                    ENTRY_FILE,
                    4,
                    21,
                    "error",
                    "unknown-reason",
                    "unknown reason 'privcy' (did you mean 'privacy'?)",
                )
            ],
        ),
        (
            ENTRY_FILE,
            ENTRY.replace("referred_to: [skatteverket]", "referred_to: [skatt]"),
            [(ENTRY_FILE, 7, 15, "error", "unknown-actor", "unknown actor 'skatt'")],
        ),
        (
            ENTRY_FILE,
            ENTRY + "sent_by: [bank, sotsialtjansten]\n",
            [(ENTRY_FILE, 9, 17, "error", "unknown-actor", "unknown actor 'sotsialtjansten'")],
        ),
        (
            ENTRY_FILE,
            ENTRY.replace("period: ht-2026", "period: vt-2026"),
            [
                (
                    ENTRY_FILE,
                    8,
                    9,
                    "error",
                    "unknown-period",
                    "unknown period 'vt-2026' (did you mean 'ht-2026'?)",
                )
            ],
        ),
        (
            ENTRY_FILE,
            ENTRY.replace("row: bank-e-legitimation", "row: bank-legitimation"),
            [
                (
                    ENTRY_FILE,
                    6,
                    6,
                    "error",
                    "unknown-row",
                    "unknown row 'bank-legitimation' (did you mean 'bank-e-legitimation'?)",
                )
            ],
        ),
        (
            ENTRY_FILE,
            ENTRY.replace("category: dokument", "category: dokumnt"),
            [
                (
                    ENTRY_FILE,
                    5,
                    11,
                    "error",
                    "unknown-category",
                    "unknown category 'dokumnt' (did you mean 'dokument'?)",
                )
            ],
        ),
        (
            ENTRY_FILE,
            ENTRY.replace("2026-08-22", "2026-12-24"),
            [
                (
                    ENTRY_FILE,
                    1,
                    7,
                    "error",
                    "future-date",
                    "date: 2026-12-24 is in the future (today is 2026-11-28)",
                ),
                (
                    ENTRY_FILE,
                    1,
                    7,
                    "warning",
                    "outside-period",
                    "the date 2026-12-24 is outside the period 'ht-2026' (2026-08-17 to 2026-08-30)",
                ),
            ],
        ),
        (
            ENTRY_FILE,
            ENTRY.replace("2026-08-22", "2026-08-01"),
            [
                (
                    ENTRY_FILE,
                    1,
                    7,
                    "warning",
                    "outside-period",
                    "the date 2026-08-01 is outside the period 'ht-2026' (2026-08-17 to 2026-08-30)",
                )
            ],
        ),
        (
            ENTRY_FILE,
            ENTRY.replace("Ärende på", "Besökaren (811218-9876) hade ärende på"),
            [
                (
                    ENTRY_FILE,
                    2,
                    25,
                    "error",
                    "personal-data",
                    "description: looks like a personnummer (811218-****); the inventory must not hold "
                    "a visitor's personal data",
                )
            ],
        ),
        (
            ENTRY_FILE,
            ENTRY + "reflection: |\n  Svårt.\n  Mejlade anna.svensson@example.se\n",
            [
                (
                    ENTRY_FILE,
                    11,
                    11,
                    "error",
                    "personal-data",
                    "reflection: looks like an email address (a***@example.se); the inventory must not hold a "
                    "visitor's personal data",
                )
            ],
        ),
    ],
)
def test_cross_file_findings(
    make_repo: Callable[..., Path],
    file: str,
    content: str,
    expected: list[tuple[str, int, int, str, str, str]],
) -> None:
    assert sorted(run(make_repo({file: content}))) == sorted(expected)


def test_row_must_belong_to_its_category(make_repo: Callable[..., Path]) -> None:
    matrix = (
        MATRIX + "  - id: telefoner\n    title: Telefoner\n    rows:\n"
        "      - id: sim\n        need: SIM\n        solution: Butiken.\n"
        "        reviewed: 2026-09-01\n"
    )
    entry = ENTRY.replace("row: bank-e-legitimation", "row: sim")
    assert run(make_repo({"data/matrix.yaml": matrix, ENTRY_FILE: entry})) == [
        (
            ENTRY_FILE,
            6,
            6,
            "error",
            "row-category",
            "the row 'sim' belongs to the category 'telefoner', not 'dokument'",
        ),
    ]


def test_reminders_for_stale_unused_and_empty(make_repo: Callable[..., Path]) -> None:
    actors = ACTORS + "  - id: ensam\n    name: Ensam\n    kind: other\n    scope: local\n"
    matrix = (
        MATRIX.replace("reviewed: 2026-09-01", "reviewed: 2026-01-01")
        + "  - id: tom\n    title: Tom\n"
    )
    found = run(make_repo({"data/actors.yaml": actors, "data/matrix.yaml": matrix}))
    assert sorted(found) == [
        (
            "data/actors.yaml",
            21,
            9,
            "warning",
            "review-due",
            "the actor 'ensam' has never been marked as reviewed (no 'reviewed' date)",
        ),
        (
            "data/actors.yaml",
            21,
            9,
            "warning",
            "unused-actor",
            "no matrix row refers to the actor 'ensam'",
        ),
        (
            "data/matrix.yaml",
            9,
            13,
            "warning",
            "review-due",
            "the row 'bank-e-legitimation' was last reviewed 2026-01-01, more than 6 months ago",
        ),
        ("data/matrix.yaml", 14, 9, "warning", "empty-category", "the category 'tom' has no rows"),
    ]


def test_broken_actors_file_does_not_cascade(make_repo: Callable[..., Path]) -> None:
    found = run(make_repo({"data/actors.yaml": "actors: [\n"}))
    assert [code for *_, code, _ in found] == ["yaml-syntax"]


def test_missing_actors_file(make_repo: Callable[..., Path]) -> None:
    found = run(make_repo({"data/actors.yaml": None}))
    assert found == [
        ("data/actors.yaml", 1, 1, "error", "missing-file", "data/actors.yaml is missing")
    ]


def test_library_is_optional(make_repo: Callable[..., Path]) -> None:
    found = run(make_repo({"data/library.yaml": None}))
    # Without library.yaml the entry's branch and period are unknown; reasons use defaults.
    assert [code for *_, code, _ in found] == ["unknown-branch", "unknown-period"]


def codes(root: Path) -> list[tuple[str, str]]:
    return [(f.file, f.code) for f in validate_repository(root, today=TODAY).findings]


@pytest.mark.parametrize(
    "library",
    [
        LIBRARY.replace("municipality:", "municipalty:"),
        LIBRARY.replace("reviewed: 2026-06-01", "reviewed: 1/6 2026"),
        LIBRARY.replace("language: sv", "language: de"),
    ],
)
def test_an_error_in_library_yaml_is_reported_once(
    make_repo: Callable[..., Path], library: str
) -> None:
    root = make_repo({"data/library.yaml": library})
    found = codes(root)
    assert [c for f, c in found if f == "data/library.yaml"]
    assert not [c for f, c in found if f.startswith("data/inventory/")], found


def test_hint_for_a_library_without_branches_is_spelled_right(
    make_repo: Callable[..., Path],
) -> None:
    no_branches = LIBRARY.replace("branches:\n  - id: centrum\n    name: Centrumbiblioteket\n", "")
    root = make_repo({"data/library.yaml": no_branches})
    hints = [f.hint_text() or "" for f in validate_repository(root, today=TODAY).findings]
    assert any("no branches are defined yet" in h for h in hints), hints


def test_actor_referred_to_without_any_contact_is_a_warning(make_repo: Callable[..., Path]) -> None:
    """A slip would send the visitor to it with no way to reach it (issue 14)."""
    actors = ACTORS.replace('    contact: {website: "https://www.banken.example"}\n', "")
    assert run(make_repo({"data/actors.yaml": actors})) == [
        (
            "data/actors.yaml",
            15,
            9,
            "warning",
            "actor-no-contact",
            "the actor 'bank' has no contact details, but the matrix refers to it: "
            "visitors get no way to reach it",
        )
    ]
    # Not referred to by any row: the unused-actor warning says enough.
    matrix = MATRIX.replace("refer_to: [bank, skatteverket]", "refer_to: [skatteverket]")
    found = run(make_repo({"data/actors.yaml": actors, "data/matrix.yaml": matrix}))
    assert [code for *_, code, _ in found] == ["unused-actor"]


def test_an_actor_with_only_opening_hours_has_no_way_to_be_reached(
    make_repo: Callable[..., Path],
) -> None:
    """Opening hours say when, not where or how: found on a repository whose shop had only
    `opening_hours`, and no warning, though the hint asks for phone, website, email,
    address or chat."""
    actors = ACTORS.replace(
        '    contact: {website: "https://www.banken.example"}\n',
        "    contact: {opening_hours: Vardagar 10–18}\n",
    )
    found = run(make_repo({"data/actors.yaml": actors}))
    assert [(line, code) for _, line, _, _, code, _ in found] == [(20, "actor-no-contact")]


# --------------------------------------------------------------------------- every problem in one run


def test_an_entry_the_model_refuses_is_still_checked_for_personal_data_and_references(
    make_repo: Callable[..., Path],
) -> None:
    entry = ENTRY.replace("branch: centrum", "branch: centrm").replace(
        "språkbarriär.", "ring 070-123 45 67."
    )
    root = make_repo({ENTRY_FILE: entry + "minutes: tjugo\n"})
    found = [(line, code) for file, line, _, _, code, _ in run(root) if file == ENTRY_FILE]
    assert sorted(found) == [
        (2, "personal-data"),  # in the description, which the model did read
        (3, "unknown-branch"),  # the branch is still judged against library.yaml
        (9, "invalid-number"),  # what the model refused
    ]


def test_an_entry_without_a_readable_date_gets_no_date_checks(
    make_repo: Callable[..., Path],
) -> None:
    entry = ENTRY.replace("date: 2026-08-22", "date: 22/8")  # and its period is ht-2026
    found = [
        code for file, *_, code, _ in run(make_repo({ENTRY_FILE: entry})) if file == ENTRY_FILE
    ]
    assert found == ["invalid-value"]  # no 'outside-period' about a stand-in date


def test_a_duplicate_id_is_found_in_an_actors_file_with_schema_errors(
    make_repo: Callable[..., Path],
) -> None:
    actors = (
        ACTORS.replace("kind: bank", "kind: bnk")
        .replace("scope: national\n    helps_with", "scope: nationell\n    helps_with")
        .replace("name: Banken", "name: Banken\n    colour: blue")
        .replace("id: bank", "id: skatteverket")
    )
    found = [
        (code, line) for file, line, _, _, code, _ in run(make_repo({"data/actors.yaml": actors}))
    ]
    assert sorted(found) == [
        ("duplicate-id", 15),  # reported with the model's three errors, not after them
        ("invalid-choice", 5),
        ("invalid-choice", 18),
        ("unknown-actor", 12),  # the matrix's 'bank', which actors.yaml no longer has
        ("unknown-key", 17),
    ]


def test_references_are_judged_against_a_refused_file_that_can_be_read(
    make_repo: Callable[..., Path],
) -> None:
    matrix = MATRIX.replace("[bank, skatteverket]", "[bank, skateverket]").replace(
        "reviewed: 2026-09-01", "reviewed: igår"
    )
    library = LIBRARY.replace("review_interval_months: 6", "review_interval_months: ofta")
    entry = ENTRY.replace("branch: centrum", "branch: norrby")
    root = make_repo({"data/matrix.yaml": matrix, "data/library.yaml": library, ENTRY_FILE: entry})
    found = sorted((file, code) for file, _, _, _, code, _ in run(root))
    assert found == [
        ("data/inventory/2026/2026-08-22-test-000001.yaml", "unknown-branch"),
        ("data/library.yaml", "invalid-number"),
        ("data/matrix.yaml", "invalid-value"),
        ("data/matrix.yaml", "unknown-actor"),  # in the refused matrix, against actors.yaml
    ]
