"""End to end on guideline repositories nobody has seen: built at random from README's format.

The first property writes a random *valid* repository (strictly what README's "The file
format" and "Writing YAML" allow: plain or quoted text, CRLF, a BOM, comments, `.yml`,
files that are not read) and runs every read-only or output command on it: every one must exit 0
and none may print a traceback; values read back as written, data text never becomes
markup, internal fields stay out of public handouts and letters, and `add-question` and
`match --apply` keep the repository valid. The second applies one random mutation that
makes the data invalid and checks that `validate` locates it in the mutated file and
`render` writes nothing. `REFERRAL_FUZZ_EXAMPLES=300` runs many more examples.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from referral_cli.cli import app
from referral_cli.commands.render import DEFAULT_HANDOUTS, PAGES
from referral_cli.formats.spreadsheet import neutralise
from referral_cli.models import (
    ACTOR_KINDS,
    DEFAULT_REASONS_SV,
    OUTCOMES,
    RELATIONSHIP_STATUSES,
    REQUIREMENTS,
    SCOPES,
)
from referral_cli.rules.privacy import scan_text
from referral_cli.search import STOPWORDS, fold
from referral_cli.store.yamlio import dump_entry, load_file

EXAMPLES = int(os.environ.get("REFERRAL_FUZZ_EXAMPLES", "0")) or None
TODAY = date.today()
PAST = st.one_of(
    st.dates(min_value=date(2015, 1, 1), max_value=TODAY - timedelta(days=1)),
    st.dates(max_value=TODAY),
)
# Period dates are exempt from the future-date check: the next campaign can be planned.
ANY_DATE = st.one_of(PAST, st.dates(min_value=TODAY), st.just(date.max))

FUZZ = settings(
    max_examples=EXAMPLES or 15,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)

# --- text -------------------------------------------------------------------------------

SWEDISH = (
    "Bankärenden och inloggning med e-legitimation",
    "Återställa ett låst SIM-kort",
    "Försäkringskassan",
    "ansökan om försörjningsstöd",
    "Skatteverket: folkbokföring",
    "Öppettider vardagar 10–19",
    "Migrationsverkets webbplats",
    "blankett",
    "kapade konton",
    "Mina sidor",
    "0771-567 567",
    "10:30",
    "no",
    "yes",
    "on",
    "off",
    "Null",
    "~",
)
ENGLISH = ("Help with online banking", "passport application", "hacked account", "printing")
SPECIAL = (
    "<b>fet</b>",
    "<script>alert(1)</script>",
    "&amp; &",
    "[x]",
    "[bold]fet[/bold]",
    "{{ name }}",
    "{% if x %}",
    "*stjärna*",
    "# rubrik",
    "a | b",
    "nyckel: värde",
    "'enkla'",
    '"dubbla"',
    "`kod`",
    "\\",
    "🎉",
    "👩‍👩‍👧",
    "שלום עולם",
    "مرحبا",
    "\u200f\u202e",
    "-",
    "- lista",
    "? fråga",
    "%",
    "@",
    "!tagg",
    "&ankare",
    "*alias",
    ">",
    "|",
    "---",
    "...",
    "ß ﬁ İ",
    "\u3000",
)


def _printable(ch: str) -> bool:
    return ch in "\t\n" or (ch >= " " and ch not in "\x7f\u2028\u2029\ufeff")


ANY_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Zl", "Zp")).filter(_printable),
    min_size=1,
    max_size=12,
)
PIECE = st.one_of(st.sampled_from(SWEDISH + ENGLISH + SPECIAL), ANY_TEXT)


@st.composite
def texts(draw: st.DrawFn, *, multiline: bool = False) -> str:
    """Non-empty text after stripping (the model strips every text)."""
    glue = st.sampled_from([" ", " ", ", ", "\n"] if multiline else [" ", " ", ", ", "\n"])
    pieces = draw(st.lists(PIECE, min_size=1, max_size=4))
    text = pieces[0]
    for piece in pieces[1:]:
        text += draw(glue) + piece
    text = text.strip()
    return text if text else draw(st.sampled_from(SWEDISH))


# Internal fields carry a marker word, so a test can see where they are printed.
NOTES, OWNER, WANTED, ROW_OWNER = "Hemliganoter", "Hemligagare", "Onskatsamarbete", "Radagare"
REFLECTION, INITIALS, BRANCH, KEYWORD, PERIOD_NOTE = (
    "Reflektionen",
    "Qxjinitialer",
    "Filialnamnet",
    "Nyckelordet",
    "Periodanteckning",
)
INTERNAL = (NOTES, OWNER, WANTED, ROW_OWNER)


def marked(strategy: st.SearchStrategy[str], marker: str) -> st.SearchStrategy[str]:
    return strategy.map(lambda text: f"{text} {marker}")


def _no_personal_data(text: str) -> bool:
    return not scan_text(text)


FREE_TEXT = texts(multiline=True).filter(_no_personal_data)

SLUGS = st.builds(
    lambda first, rest: first + "".join(sep + part for sep, part in rest),
    st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8),
    st.lists(
        st.tuples(
            st.sampled_from("-_"),
            st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=6),
        ),
        max_size=2,
    ),
)
WORDS_SLUGS = st.sampled_from(
    ("bank", "skatteverket", "no", "true", "null", "yes", "show", "1177", "e-id", "a_b")
)
IDS = st.one_of(SLUGS, WORDS_SLUGS)


def unique_ids(n_min: int, n_max: int) -> st.SearchStrategy[list[str]]:
    return st.lists(IDS, min_size=n_min, max_size=n_max, unique=True)


URLS = st.builds(
    lambda scheme, host, path: f"{scheme}{host}.se{path}",
    st.sampled_from(["https://", "https://", "http://", "HTTPS://"]),
    SLUGS,
    st.one_of(
        st.just(""),
        st.just("/"),
        st.text(
            st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Z")).filter(_printable),
            max_size=10,
        ).map(lambda s: "/" + s),
    ),
)
LANGUAGE_CODES = st.one_of(
    st.sampled_from(["sv", "en", "no", "ar", "fi", "sme", "yes", "off", "so", "ti"]),
    st.from_regex(r"[a-z]{2,3}", fullmatch=True),
)


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def compact(data: dict[str, Any]) -> dict[str, Any]:
    """Leave out the keys whose value was not drawn."""
    return {key: value for key, value in data.items() if value is not None}


# --- the repository ---------------------------------------------------------------------


@st.composite
def contacts(draw: st.DrawFn) -> dict[str, Any]:
    return compact(
        {
            "website": draw(optional(URLS)),
            "phone": draw(optional(st.sampled_from(["0771-567 567", "08-123 45", "+46 771"]))),
            "email": draw(optional(st.sampled_from(["info@example.se", "kundtjanst@bank.se"]))),
            "address": draw(optional(texts())),
            "opening_hours": draw(optional(texts())),
            "chat": draw(optional(URLS)),
        }
    )


@st.composite
def libraries(draw: st.DrawFn) -> dict[str, Any] | None:
    kind = draw(st.sampled_from(["absent", "en", "full"]))
    if kind == "absent":
        return None
    if kind == "en":
        return {"language": "en"}
    branch_ids = draw(unique_ids(0, 3))
    reason_ids = draw(optional(unique_ids(1, 4)))
    periods = []
    for period_id in draw(unique_ids(0, 2)):
        start = draw(ANY_DATE)
        end = draw(
            st.one_of(
                st.dates(
                    min_value=start, max_value=min(date.max - timedelta(40), start) + timedelta(40)
                ),
                st.just(date.max),
            )
        )
        periods.append(compact({"id": period_id, "start": start, "end": end}))
        periods[-1]["note"] = draw(optional(marked(texts(), PERIOD_NOTE)))
        periods[-1] = compact(periods[-1])
    return compact(
        {
            "name": draw(optional(texts())),
            "municipality": draw(optional(texts())),
            "language": draw(optional(st.sampled_from(["sv", "en"]))),
            "review_interval_months": draw(optional(st.integers(1, 60))),
            "reviewed": draw(optional(PAST)),
            "purpose": draw(optional(texts(multiline=True))),
            "contact": draw(optional(contacts())),
            "branches": [{"id": b, "name": draw(marked(texts(), BRANCH))} for b in branch_ids]
            or None,
            "reasons": None
            if reason_ids is None
            else [{"id": r, "label": draw(texts())} for r in reason_ids],
            "periods": periods or None,
        }
    )


@st.composite
def actors(draw: st.DrawFn) -> list[dict[str, Any]]:
    result = []
    for actor_id in draw(unique_ids(0, 5)):
        relationship = draw(
            optional(
                st.fixed_dictionaries(
                    {"status": st.sampled_from(RELATIONSHIP_STATUSES)},
                    optional={
                        "owner": marked(texts(), OWNER),
                        "last_contact": PAST,
                        "informed": PAST,
                        "wanted_collaboration": marked(texts(multiline=True), WANTED),
                    },
                )
            )
        )
        result.append(
            compact(
                {
                    "id": actor_id,
                    "name": draw(texts()),
                    "kind": draw(st.sampled_from(ACTOR_KINDS)),
                    "scope": draw(st.sampled_from(SCOPES)),
                    "description": draw(optional(texts(multiline=True))),
                    "helps_with": draw(optional(st.lists(texts(), max_size=3))),
                    "contact": draw(optional(contacts())),
                    "languages": draw(optional(st.lists(LANGUAGE_CODES, max_size=4))),
                    "relationship": relationship,
                    "reviewed": draw(optional(PAST)),
                    "notes": draw(optional(marked(texts(multiline=True), NOTES))),
                }
            )
        )
    return result


@st.composite
def matrices(draw: st.DrawFn, actor_ids: list[str]) -> dict[str, Any]:
    steps = st.lists(
        st.fixed_dictionaries({"step": texts()}, optional={"guidance": texts(multiline=True)}),
        max_size=3,
    )
    category_ids = draw(unique_ids(1, 4))
    row_ids = iter(draw(unique_ids(0, 4 * len(category_ids))))
    categories = []
    for category_id in category_ids:
        rows = []
        for _ in range(draw(st.integers(0, 4))):
            row_id = next(row_ids, None)
            if row_id is None:
                break
            rows.append(
                compact(
                    {
                        "id": row_id,
                        "need": draw(texts()),
                        "solution": draw(texts(multiline=True)),
                        "library_can": draw(optional(texts(multiline=True))),
                        "refer_to": draw(
                            optional(
                                st.lists(st.sampled_from(actor_ids), max_size=3)
                                if actor_ids
                                else st.just([])
                            )
                        ),
                        "phrasing": draw(optional(texts())),
                        "requires": draw(
                            optional(st.lists(st.sampled_from(REQUIREMENTS), max_size=3))
                        ),
                        "keywords": draw(
                            optional(st.lists(st.one_of(texts(), st.just(KEYWORD)), max_size=3))
                        ),
                        "reviewed": draw(optional(PAST)),
                        "owner": draw(optional(marked(texts(), ROW_OWNER))),
                    }
                )
            )
        category = {"id": category_id, "title": draw(texts())}
        if rows or draw(st.booleans()):
            category["rows"] = rows
        categories.append(category)
    return compact(
        {
            "checklist": draw(optional(steps)),
            "closing": draw(optional(steps)),
            "categories": categories,
        }
    )


@st.composite
def entries(
    draw: st.DrawFn,
    library: dict[str, Any] | None,
    actor_ids: list[str],
    matrix: dict[str, Any],
) -> dict[str, Any]:
    library = library or {}
    branch_ids = [b["id"] for b in library.get("branches", [])]
    reasons = library.get("reasons")
    reason_ids = (
        [r["id"] for r in reasons] if reasons is not None else [r for r, _ in DEFAULT_REASONS_SV]
    )
    periods = library.get("periods", [])
    rows = [(c["id"], r["id"]) for c in matrix["categories"] for r in c.get("rows", [])]
    category_ids = [c["id"] for c in matrix["categories"]]
    entry: dict[str, Any] = {"date": draw(PAST), "description": draw(FREE_TEXT)}
    entry["reflection"] = draw(optional(marked(FREE_TEXT, REFLECTION)))
    entry["branch"] = draw(optional(st.sampled_from(branch_ids))) if branch_ids else None
    entry["reasons"] = draw(
        optional(st.lists(st.sampled_from(reason_ids), max_size=3, unique=True))
        if reason_ids
        else st.none()
    )
    placement = draw(st.sampled_from(["none", "category", "row", "both"]))
    if placement != "none" and rows and placement != "category":
        category_id, row_id = draw(st.sampled_from(rows))
        entry["row"] = row_id
        if placement == "both":
            entry["category"] = category_id
    elif placement != "none":
        entry["category"] = draw(st.sampled_from(category_ids))
    entry["referred_to"] = (
        draw(optional(st.lists(st.sampled_from(actor_ids), max_size=2, unique=True)))
        if actor_ids
        else None
    )
    entry["outcome"] = draw(optional(st.sampled_from(OUTCOMES)))
    entry["minutes"] = draw(optional(st.integers(0, 1440)))
    entry["read_level"] = draw(optional(st.integers(1, 6)))
    entry["recorded_by"] = draw(optional(st.just(INITIALS)))
    if periods and draw(st.booleans()):
        period = draw(st.sampled_from(periods))
        entry["period"] = period["id"]
        if draw(st.booleans()) and period["start"] <= TODAY:
            entry["date"] = draw(
                st.dates(min_value=period["start"], max_value=min(period["end"], TODAY))
            )
    return compact(entry)


@dataclass
class Repo:
    """A generated repository: its data, file by file, and how each file is written."""

    library: dict[str, Any] | None
    actors: dict[str, Any]
    matrix: dict[str, Any]
    entries: list[dict[str, Any]]
    plain: bool = True
    entry_writer: list[str] = field(default_factory=list)
    crlf: bool = False
    bom: bool = False
    comment: bool = False
    yml: bool = False

    def files(self) -> dict[str, dict[str, Any]]:
        tree = {"data/actors.yaml": self.actors, "data/matrix.yaml": self.matrix}
        if self.library is not None:
            tree["data/library.yaml"] = self.library
        for n, entry in enumerate(self.entries):
            suffix = "yml" if self.yml and n % 2 else "yaml"
            tree[f"data/inventory/{entry['date'].year}/e-{n:02d}.{suffix}"] = entry
        return tree

    def text(self, display: str) -> str:
        data = self.files()[display]
        number = re.search(r"e-(\d+)\.", display)
        if number and self.entry_writer:
            if self.entry_writer[int(number.group(1)) % len(self.entry_writer)] == "dump_entry":
                return dump_entry(data)
        return to_yaml(data, plain=self.plain)

    def write(self, root: Path) -> Path:
        for display in self.files():
            path = root / display
            path.parent.mkdir(parents=True, exist_ok=True)
            text = self.text(display)
            if self.comment:
                text = '# Kommentar: å ä ö, "citat" och [klamrar]\n' + text
            if self.crlf:
                text = text.replace("\n", "\r\n")
            path.write_bytes(("\ufeff" if self.bom else "").encode() + text.encode())
        if self.comment:  # what README says is ignored: non-YAML files, the harmless dotfiles
            # (other hidden files are never read either, but validate reports them: issue 15)
            (root / "data/inventory").mkdir(parents=True, exist_ok=True)
            for ignored in ("data/inventory/README.txt", "data/inventory/.gitkeep"):
                (root / ignored).write_text("date: [\n", encoding="utf-8")
        return root

    @property
    def rows(self) -> list[dict[str, Any]]:
        return [row for c in self.matrix["categories"] for row in c.get("rows", [])]


@st.composite
def repositories(draw: st.DrawFn) -> Repo:
    library = draw(libraries())
    actor_list = draw(actors())
    actor_ids = [a["id"] for a in actor_list]
    matrix = draw(matrices(actor_ids))
    inventory = draw(st.lists(entries(library, actor_ids, matrix), max_size=8))
    return Repo(
        library,
        {"actors": actor_list},
        matrix,
        inventory,
        plain=draw(st.booleans()),
        entry_writer=draw(st.lists(st.sampled_from(["mine", "dump_entry"]), max_size=3)),
        crlf=draw(st.booleans()),
        bom=draw(st.booleans()),
        comment=draw(st.booleans()),
        yml=draw(st.booleans()),
    )


# --- writing YAML as README describes it --------------------------------------------------

# What README's "Writing YAML" asks to quote (with the additions in readme-fixes2.md);
# everything else may be written plain and must read back as the same text.
_QUOTE_START = tuple("[]{},*&!#|>%@`'\"") + ("- ", "? ", ": ")
_SPECIAL_WORDS = (
    "true",
    "false",
    "True",
    "False",
    "TRUE",
    "FALSE",
    "null",
    "Null",
    "NULL",
    "~",
    "",
)


def readme_plain(text: str) -> bool:
    return (
        text == text.strip()
        and text not in _SPECIAL_WORDS
        and text not in ("-", "?", ":")
        and not text.startswith(_QUOTE_START)
        and not text.endswith(":")
        and not any(mark in text for mark in (": ", " #", "\t", "\n", "\r"))
    )


def scalar(value: Any, *, plain: bool) -> str:
    if isinstance(value, bool) or value is None:
        raise AssertionError("the generator never writes true/false/null")
    if isinstance(value, int | date):
        return str(value if not isinstance(value, date) else value.isoformat())
    text = str(value)
    if plain and readme_plain(text):
        return text
    # A JSON string is a valid YAML double-quoted scalar (astral characters kept as is).
    return json.dumps(text, ensure_ascii=False)


def to_yaml(data: Any, *, plain: bool, indent: int = 0) -> str:
    pad = " " * indent
    lines: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, dict):
                if not value:
                    lines.append(f"{pad}{key}: {{}}")
                else:
                    lines.append(f"{pad}{key}:")
                    lines.append(to_yaml(value, plain=plain, indent=indent + 2))
            elif isinstance(value, list):
                if not value:
                    lines.append(f"{pad}{key}: []")
                else:
                    lines.append(f"{pad}{key}:")
                    lines.append(to_yaml(value, plain=plain, indent=indent + 2))
            else:
                lines.append(f"{pad}{key}: {scalar(value, plain=plain)}")
    elif isinstance(data, list):
        for item in data:
            if isinstance(item, dict) and item:
                inner = to_yaml(item, plain=plain, indent=indent + 2)
                lines.append(f"{pad}- {inner[indent + 2 :]}")
            else:
                lines.append(f"{pad}- {scalar(item, plain=plain)}")
    return "\n".join(lines) + ("\n" if indent == 0 else "")


# --- running the CLI ----------------------------------------------------------------------

RUNNER = CliRunner()


def run(*args: str) -> Any:
    result = RUNNER.invoke(app, list(args))
    output = result.output
    assert "Traceback" not in output, (args, output)
    assert "unexpected error" not in output, (args, output)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def ok(*args: str) -> Any:
    result = run(*args)
    assert result.exit_code == 0, (args, result.output)
    return result


def content_words_of(text: str) -> list[str]:
    return [
        w for w in re.findall(r"[^\W_]+", text) if len(fold(w)) >= 2 and fold(w) not in STOPWORDS
    ]


# --- property 1: a valid repository works with every command ------------------------------


RAW_HTML = ("<script>alert", "<b>fet")
PUBLIC_HANDOUTS = ("referral-slips", "actors-public", "guidelines", "poster")


def read_all(folder: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.iterdir())}


def assert_escaped(files: dict[str, str]) -> None:
    for name, text in files.items():
        for raw in RAW_HTML:
            assert raw not in text, (name, raw)


STATS_FIELDS = (
    "category",
    "reason",
    "branch",
    "outcome",
    "referred_to",
    "month",
    "weekday",
    "read_level",
    "row",
    "period",
    "library",
    "municipality",
)


def inventory_filters(repo: Repo, data: st.DataObject) -> list[tuple[str, str]]:
    """A few filters of `inventory` with ids the repository has (any may be absent)."""
    library = repo.library or {}
    choices: list[tuple[str, str]] = [("--since", data.draw(PAST).isoformat())]
    choices += [("--branch", b["id"]) for b in library.get("branches", [])]
    choices += [("--period", p["id"]) for p in library.get("periods", [])]
    choices += [("--category", c["id"]) for c in repo.matrix["categories"]]
    return data.draw(st.lists(st.sampled_from(choices), max_size=3), label="filters")


def as_text(data: Any) -> Any:
    """`data` as the loader reads it back: every scalar is text."""
    if isinstance(data, dict):
        return {key: as_text(value) for key, value in data.items()}
    if isinstance(data, list):
        return [as_text(value) for value in data]
    return data.isoformat() if isinstance(data, date) else str(data)


def entry_by_file(repo: Repo) -> dict[str, dict[str, Any]]:
    return {
        display: data
        for display, data in repo.files().items()
        if display.startswith("data/inventory/")
    }


@FUZZ
@given(repo=repositories(), data=st.data())
def test_every_command_works_on_a_random_valid_repository(
    repo: Repo, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = repo.write(tmp_path_factory.mktemp("repo"))
    out = tmp_path_factory.mktemp("out")
    r = str(root)

    for display, expected in repo.files().items():  # every value reads back as written
        if expected:  # an empty library.yaml is every key left out
            assert load_file(root / display, display).data == as_text(expected), display
    result = ok("validate", "--root", r, "--format", "json")
    findings = json.loads(result.stdout)
    assert [f for f in findings if f["severity"] == "error"] == []
    assert all(f["line"] >= 1 and f["column"] >= 1 for f in findings)
    ok("validate", "--root", r)

    for lang in ("sv", "en"):
        for fmt in ("html", "md"):
            target = out / f"{lang}-{fmt}"
            ok("render", "--root", r, "--format", fmt, "--lang", lang, "--out", str(target))
            files = read_all(target)
            pages = [page for page in DEFAULT_HANDOUTS if page in PAGES] if fmt == "html" else []
            printed = [name for name in DEFAULT_HANDOUTS if name not in PAGES]
            assert sorted(Path(name).suffix for name in files) == [f".{fmt}"] * (
                len(printed) + len(pages)  # the web pages are HTML only
            )
            assert_escaped(files)
            for handout in (*PUBLIC_HANDOUTS, *(p for p in pages if p == "public-page")):
                for marker in INTERNAL:
                    assert marker not in files[f"{handout}.{fmt}"], (handout, marker)
    ok("render", "--root", r, "--format", "md", "--lang", "sv", "--out", str(out / "again"))
    assert read_all(out / "again") == read_all(out / "sv-md")

    # Every field comes back as written (text stripped, as the model does).
    by_file = entry_by_file(repo)
    listed = json.loads(ok("inventory", "--root", r, "--format", "json").stdout)
    assert sorted(item["file"] for item in listed) == sorted(by_file)
    for item in listed:
        entry = by_file[item["file"]]
        assert item["description"] == entry["description"]
        assert item["reflection"] == entry.get("reflection")
        assert item["date"] == entry["date"].isoformat()
        assert item["reasons"] == entry.get("reasons", [])
        assert item["minutes"] == entry.get("minutes")
    table = list(
        csv.DictReader(io.StringIO(ok("inventory", "--root", r, "--format", "csv").stdout))
    )
    # A description that looks like a formula is neutralised (README, "formula injection").
    assert sorted((row["file"], row["description"]) for row in table) == sorted(
        (display, neutralise(entry["description"])) for display, entry in by_file.items()
    )
    ok("inventory", "--root", r, "--format", "table")
    ok("inventory", "--root", r, "--format", "table", "--lang", "en", "--unmatched")

    rows = repo.rows
    if rows:
        row = data.draw(st.sampled_from(rows))
        need = row["need"]
        words = re.findall(r"[^\W_]+", need)
        ok("lookup", "--root", r, "--", data.draw(st.sampled_from(words)) if words else "x")
        ok("lookup", "--root", r, "--all", "--lang", "en", "--", need)
        hits = json.loads(ok("lookup", "--root", r, "--format", "json", "--", need).stdout)
        if content_words_of(need):
            assert row["id"] in [hit["row"] for hit in hits["hits"]], (need, hits)
    else:
        ok("lookup", "--root", r, "bank")

    listed_actors = json.loads(ok("actors", "--root", r, "--format", "json").stdout)
    assert [(a["id"], a["name"]) for a in listed_actors] == [
        (a["id"], a["name"]) for a in repo.actors["actors"]
    ]
    ok("actors", "--root", r)
    ok("review", "--root", r)
    ok("review", "--root", r, "--agenda", "--format", "md")
    ok("review", "--root", r, "--agenda", "--format", "html", "--lang", "en")
    ok("stats", "--root", r, "--by", "reason", "--by", "outcome")
    ok("stats", "--root", r, "--by", "category", "--by", "row")
    for by in data.draw(st.lists(st.sampled_from(STATS_FIELDS), min_size=1, max_size=2)):
        ok("stats", "--root", r, "--by", by, "--lang", data.draw(st.sampled_from(["sv", "en"])))
    totals = json.loads(ok("stats", "--root", r, "--format", "json").stdout)
    assert str(len(repo.entries)) in json.dumps(totals)
    html = ok("stats", "--root", r, "--format", "html", "--by", "referred_to").stdout
    assert_escaped({"stats.html": html})

    exported = ok("export", "--root", r, "--include-text").stdout.splitlines()
    assert sorted(json.loads(line)["description"] for line in exported) == sorted(
        entry["description"] for entry in repo.entries
    )
    bare = ok("export", "--root", r).stdout
    assert INITIALS not in bare
    assert REFLECTION not in bare
    export_file = out / "export.jsonl"
    ok("export", "--root", r, "--out", str(export_file))
    both = ok("stats", "--root", r, "--root", str(export_file), "--format", "json").stdout
    assert str(2 * len(repo.entries)) in both
    ok("stats", "--root", str(export_file), "--root", r, "--by", "library", "--by", "reason")
    filters = inventory_filters(repo, data)
    ok("inventory", "--root", r, *[arg for pair in filters for arg in pair])
    for option, value in filters[:1]:
        if option != "--category":  # stats has no --category filter
            ok("stats", "--root", r, option, value)
    ok("match", "--root", r, "--format", "json")
    ok("match", "--root", r, "--format", "md")
    ok("match", "--root", r)

    if rows:
        chosen = data.draw(st.lists(st.sampled_from([row["id"] for row in rows]), max_size=4))
        row_options = [arg for row_id in chosen for arg in ("--row", row_id)]
        ok("render", "--root", r, *row_options, "--format", "md", "--out", str(out / "slips"))

    for actor in repo.actors["actors"][:2]:
        ok("actors", "--root", r, "show", actor["id"])
        target = out / f"report-{actor['id']}"
        ok("report", "actor", actor["id"], "--root", r, "--format", "md", "--out", str(target))
        ok(
            "report",
            "actor",
            actor["id"],
            "--root",
            r,
            "--format",
            "html",
            "--lang",
            "en",
            "--out",
            str(target),
        )
        letters = read_all(target)
        assert_escaped(letters)
        for text in letters.values():
            for marker in (*INTERNAL, REFLECTION, INITIALS, BRANCH, KEYWORD, PERIOD_NOTE):
                assert marker not in text, (actor["id"], marker)

    # The writing commands keep the repository valid and every entry as it was.
    description = data.draw(FREE_TEXT, label="new description")
    added = ok(
        "add-question",
        "--root",
        r,
        "--no-input",
        f"--description={description}",
        "--date",
        data.draw(PAST).isoformat(),
    )
    new_file = Path(added.stdout.strip().splitlines()[-1])
    new_file = new_file.relative_to(root) if new_file.is_absolute() else new_file
    ok("match", "--root", r, "--apply", "--yes", "--min-score", "0")
    assert [
        f
        for f in json.loads(ok("validate", "--root", r, "--format", "json").stdout)
        if f["severity"] == "error"
    ] == []
    after = {
        item["file"]: item
        for item in json.loads(ok("inventory", "--root", r, "--format", "json").stdout)
    }
    assert after.pop(new_file.as_posix())["description"] == description
    for display, item in after.items():
        entry = by_file[display]
        assert item["description"] == entry["description"]
        assert item["reflection"] == entry.get("reflection")
        assert item["reasons"] == entry.get("reasons", [])
        if entry.get("row") is not None:
            assert item["row"] == entry["row"]


# --- property 2: one mutation makes the data invalid, and it is found in its file ----------

DATE_KEYS = {"date", "reviewed", "start", "end", "last_contact", "informed"}
# Keys whose value (or whose list's items) must be an id defined elsewhere.
REFERENCE_KEYS = {"refer_to", "referred_to", "row", "category", "branch", "reasons", "period"}
BAD_DATES = ("2026-02-30", "2025-13-01", "22/08/2026", "20260822", "2026-8-22", "igår", "")


def walk(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    """Every (path, value) in `data`, depth first."""
    found = [(path, data)]
    if isinstance(data, dict):
        for key, value in data.items():
            found += walk(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += walk(value, (*path, index))
    return found


def parent_of(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        data = data[step]
    return data


def typo(key: str) -> str:
    return key[1] + key[0] + key[2:] if len(key) > 1 and key[0] != key[1] else key + "x"


@st.composite
def mutations(draw: st.DrawFn, repo: Repo) -> tuple[str, str, str]:
    """(file, kind, new text of the file) for one mutation of `repo`."""
    files = {display: data for display, data in repo.files().items() if data}
    display = draw(st.sampled_from(sorted(files)))
    data = json.loads(json.dumps(files[display], default=str))  # a copy, dates as text
    nodes = walk(data)
    kinds = ["key-typo", "tab", "truncate", "list-to-text", "anchor"]
    if any(path and path[-1] in DATE_KEYS for path, _ in nodes):
        kinds.append("bad-date")
    refs = [
        (path, value)
        for path, value in nodes
        if path
        and (path[-1] in REFERENCE_KEYS or (len(path) > 1 and path[-2] in REFERENCE_KEYS))
        and isinstance(value, str)
    ]
    if refs:
        kinds.append("unknown-id")
    kind = draw(st.sampled_from(kinds))
    if kind == "key-typo":
        keyed = [(path, value) for path, value in nodes if path and isinstance(path[-1], str)]
        if not keyed:
            kind = "tab"
        else:
            path, _ = draw(st.sampled_from(keyed))
            parent = parent_of(data, path)
            items = [(typo(k) if k == path[-1] else k, v) for k, v in parent.items()]
            parent.clear()
            parent.update(items)
            return display, kind, to_yaml(data, plain=repo.plain)
    if kind == "bad-date":
        dated = [(path, v) for path, v in nodes if path and path[-1] in DATE_KEYS]
        path, _ = draw(st.sampled_from(dated))
        parent_of(data, path)[path[-1]] = draw(st.sampled_from(BAD_DATES))
        return display, kind, to_yaml(data, plain=repo.plain)
    if kind == "unknown-id":
        path, _ = draw(st.sampled_from(refs))
        parent_of(data, path)[path[-1]] = "zz-okand-" + draw(SLUGS)
        return display, kind, to_yaml(data, plain=repo.plain)
    if kind == "list-to-text":
        lists = [(path, v) for path, v in nodes if path and isinstance(v, list)]
        if lists:
            path, _ = draw(st.sampled_from(lists))
            parent_of(data, path)[path[-1]] = draw(st.sampled_from(["sv, en", "bank", "x"]))
        else:  # an entry without any list: its description becomes one
            data["description"] = ["en lista"]
        return display, kind, to_yaml(data, plain=repo.plain)
    text = repo.text(display)
    lines = text.splitlines(keepends=True)
    if kind == "anchor":  # README: anchors are not allowed; text starting with & is quoted
        # Only where a value starts, never inside a quoted text (which may hold ": " or "- ").
        values = [
            m.end()
            # "- " starts a value only at the start of a line: inside a plain text it is text
            for m in re.finditer(r"(?m)(?:: |^ *- )(?=\S)", text)
            if not {'"', "'"} & set(text[text.rfind("\n", 0, m.start()) + 1 : m.start()])
        ]
        at = draw(st.sampled_from(values))
        return display, kind, text[:at] + "&ankare " + text[at:]
    if kind == "tab":
        # Only a line a tab breaks: inside a quoted text running over lines, a tab that
        # starts a line is white space YAML allows (no error to find there).
        indented = [tab_indented(lines, n) for n in range(len(lines))]
        broken = [n for n, mutated in enumerate(indented) if not parses(mutated)]
        n = draw(st.sampled_from(broken))
        return display, kind, indented[n]
    # truncate: inside a quoted text, so that what is left cannot be read
    quotes = [m.end() for m in re.finditer(r'(?:: |- )"', text)]
    if not quotes:
        text += 'x: "'
        quotes = [len(text)]
    cut = draw(st.sampled_from(quotes))
    return display, kind, text[:cut]


def tab_indented(lines: list[str], n: int) -> str:
    """The text with line `n` indented by a tab instead of its spaces."""
    return "".join([*lines[:n], "\t" + lines[n].lstrip(" "), *lines[n + 1 :]])


def parses(text: str) -> bool:
    """Whether PyYAML reads `text` at all (independent of referral's own reading)."""
    import yaml

    try:
        yaml.safe_load(text)
    except yaml.YAMLError:
        return False
    return True


@settings(FUZZ, max_examples=EXAMPLES or 60)  # a mutation costs two commands: more of them
@given(repo=repositories(), data=st.data())
def test_one_mutation_is_found_in_its_file_and_nothing_is_rendered(
    repo: Repo, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = repo.write(tmp_path_factory.mktemp("repo"))
    r = str(root)
    ok("validate", "--root", r)  # fills the parse cache, which must notice the change
    display, kind, text = data.draw(mutations(repo), label="mutation")
    (root / display).write_text(text, encoding="utf-8")

    result = run("validate", "--root", r, "--format", "json")
    assert result.exit_code == 1, (display, kind, text, result.output)
    findings = json.loads(result.stdout)
    assert any(
        f["file"] == display and f["severity"] == "error" and f["line"] >= 1 for f in findings
    ), (display, kind, text, findings)

    if display.startswith("data/inventory/"):
        # No handout shows the inventory, so render does not read it; match needs it whole.
        assert run("match", "--root", r).exit_code == 1
        return
    out = tmp_path_factory.mktemp("out") / "build"
    result = run("render", "--root", r, "--out", str(out))
    assert result.exit_code == 1, (display, kind, result.output)
    assert not out.exists() or not any(out.iterdir())
