from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referral_cli.errors import FindingsError
from referral_cli.store.entry_edit import (
    EditError,
    set_top_level_keys,
    update_entry_file,
    yaml_scalar,
)
from referral_cli.store.yamlio import parse_text

ROW = {"row": "sim-kort"}
BOTH = {"category": "telefoner", "row": "sim-kort"}


@pytest.mark.parametrize(
    ("before", "updates", "after"),
    [
        pytest.param(
            "date: 2026-08-23\ndescription: SIM-kort.\n",
            BOTH,
            "date: 2026-08-23\ndescription: SIM-kort.\ncategory: telefoner\nrow: sim-kort\n",
            id="append-both",
        ),
        pytest.param(
            "date: 2026-08-23\ndescription: SIM-kort.",
            BOTH,
            "date: 2026-08-23\ndescription: SIM-kort.\ncategory: telefoner\nrow: sim-kort",
            id="missing-final-newline-stays-missing",
        ),
        pytest.param(
            "# header\r\ndate: 2026-08-23\r\ndescription: x\r\n",
            ROW,
            "# header\r\ndate: 2026-08-23\r\ndescription: x\r\nrow: sim-kort\r\n",
            id="crlf",
        ),
        pytest.param(
            "date: 2026-08-23\r\ndescription: x",
            ROW,
            "date: 2026-08-23\r\ndescription: x\r\nrow: sim-kort",
            id="crlf-without-final-newline",
        ),
        pytest.param(
            "date: 2026-08-23\nrow:\ndescription: x\n",
            ROW,
            "date: 2026-08-23\nrow: sim-kort\ndescription: x\n",
            id="empty-value-in-place",
        ),
        pytest.param(
            "date: 2026-08-23\nrow: ~\ndescription: x\n",
            ROW,
            "date: 2026-08-23\nrow: sim-kort\ndescription: x\n",
            id="tilde",
        ),
        pytest.param(
            "date: 2026-08-23\nrow: null   # fill in later\ndescription: x\n",
            ROW,
            "date: 2026-08-23\nrow: sim-kort   # fill in later\ndescription: x\n",
            id="comment-kept",
        ),
        pytest.param(
            "date: 2026-08-23\nrow:   # fill in later\ndescription: x\n",
            ROW,
            "date: 2026-08-23\nrow:   sim-kort # fill in later\ndescription: x\n",
            id="empty-value-before-comment",
        ),
        pytest.param(
            "date: 2026-08-23\nrow: 'old-row'  \r\ndescription: x\r\n",
            ROW,
            "date: 2026-08-23\nrow: sim-kort  \r\ndescription: x\r\n",
            id="quoted-value-trailing-spaces",
        ),
        pytest.param(
            'date: 2026-08-23\n"row": "it\'s \\" #"  # c\n',
            ROW,
            'date: 2026-08-23\n"row": sim-kort  # c\n',
            id="quoted-key-and-tricky-quoted-value",
        ),
        pytest.param(
            "date: 2026-08-23\ncategory: dokument\ndescription: x\n",
            BOTH,
            "date: 2026-08-23\ncategory: telefoner\ndescription: x\nrow: sim-kort\n",
            id="replace-one-append-other",
        ),
        pytest.param(
            "date: 2026-08-23\ndescription: >-\n  lång\n  text\n\n# trailing note\n\n",
            ROW,
            "date: 2026-08-23\ndescription: >-\n  lång\n  text\nrow: sim-kort\n\n# trailing note\n\n",
            id="before-trailing-comments-after-block-scalar",
        ),
        pytest.param(
            "date: 2026-08-23\ndescription: |-\n  Mina sidor\n  ...\n  # inte en kommentar\n",
            ROW,
            "date: 2026-08-23\ndescription: |-\n  Mina sidor\n  ...\n  # inte en kommentar\n"
            "row: sim-kort\n",
            id="after-block-lines-that-look-like-markers-or-comments",
        ),
        pytest.param(
            "date: 2026-08-23\ndescription: |+\n  x\n\n# note\n",
            ROW,
            "date: 2026-08-23\ndescription: |+\n  x\n\nrow: sim-kort\n# note\n",
            id="after-the-kept-blank-lines-of-a-keep-block",
        ),
        pytest.param(
            "---\ndate: 2026-08-23\ndescription: x\n...\n",
            ROW,
            "---\ndate: 2026-08-23\ndescription: x\nrow: sim-kort\n...\n",
            id="document-markers",
        ),
        pytest.param(
            "\ufeffdate: 2026-08-23\ndescription: x\n",
            ROW,
            "\ufeffdate: 2026-08-23\ndescription: x\nrow: sim-kort\n",
            id="byte-order-mark",
        ),
        pytest.param(
            "date: 2026-08-23\ndescription: x\n",
            {"row": "null"},
            'date: 2026-08-23\ndescription: x\nrow: "null"\n',
            id="value-that-needs-quotes",
        ),
        pytest.param(
            "  date: 2026-08-23\n  description: x\n",
            ROW,
            "  date: 2026-08-23\n  description: x\n  row: sim-kort\n",
            id="indented-top-level",
        ),
    ],
)
def test_set_top_level_keys(before: str, updates: dict[str, str], after: str) -> None:
    assert set_top_level_keys(before, updates, "e.yaml") == after


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "date: 2026-08-23\nrow: >-\n  long\n  text\n",
            2,
            "the value of 'row' spans several lines; cannot change it safely",
        ),
        (
            "date: 2026-08-23\nrow: old\n  continued\n",
            2,
            "the value of 'row' spans several lines; cannot change it safely",
        ),
        (
            "date: 2026-08-23\nrow: [a, b]\n",
            2,
            "the value of 'row' is not a plain one-line value; cannot change it safely",
        ),
        (
            "{date: 2026-08-23, description: x}\n",
            1,
            "the file could not be changed without touching other values; nothing was written",
        ),
        ("- a\n- b\n", 1, "the file is not a mapping of keys"),
    ],
)
def test_refuses_what_it_cannot_edit_safely(text: str, line: int, message: str) -> None:
    with pytest.raises(EditError) as caught:
        set_top_level_keys(text, ROW, "e.yaml")
    [finding] = caught.value.findings
    assert (finding.file, finding.line, finding.code, finding.text()) == (
        "e.yaml",
        line,
        "cannot-edit",
        message,
    )
    assert finding.hint_text()


def test_yaml_errors_are_located() -> None:
    with pytest.raises(FindingsError) as caught:
        set_top_level_keys("date: 2026-08-23\n\tdescription: x\n", ROW, "e.yaml")
    assert caught.value.findings[0].format().startswith("e.yaml:2:1: error: a tab character")


@pytest.mark.parametrize(
    ("value", "scalar"),
    [
        ("sim-kort", "sim-kort"),
        ("1177", "1177"),
        ("null", '"null"'),
        ("no", '"no"'),
        ("Inte ett id", '"Inte ett id"'),
        ('a"b', '"a\\"b"'),
    ],
)
def test_yaml_scalar_reads_back_as_the_same_text(value: str, scalar: str) -> None:
    assert yaml_scalar(value) == scalar
    assert parse_text(f"k: {scalar}\n", "x")[0] == {"k": value}


# --- whole files ------------------------------------------------------------------------

ENTRY = (
    "# yaml-language-server: $schema=../../../schemas/inventory-entry.schema.json\r\n"
    "date: 2026-08-23\r\n"
    "description: >-\r\n"
    "  En besökare ville återställa ett SIM-kort.   \r\n"
    "\r\n"
    "  Andra stycket.\r\n"
    "# a comment in the middle\r\n"
    "reasons: [time, other]   # why\r\n"
    "outcome: helped"
)


def test_update_entry_file_changes_only_the_new_lines(tmp_path: Path) -> None:
    path = tmp_path / "entry.yaml"
    original = ENTRY.encode("utf-8")
    path.write_bytes(original)
    update_entry_file(path, BOTH, "entry.yaml")
    result = path.read_bytes()
    assert result == original + b"\r\ncategory: telefoner\r\nrow: sim-kort"
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_update_entry_file_keeps_the_file_mode(tmp_path: Path) -> None:
    path = tmp_path / "entry.yaml"
    path.write_text(ENTRY, encoding="utf-8")
    path.chmod(0o640)
    update_entry_file(path, ROW, "entry.yaml")
    assert path.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize(
    ("updates", "message"),
    [
        ({"row": "Inte Ett Id"}, "row: 'Inte Ett Id' is not a valid id"),
        ({"rad": "sim-kort"}, "unknown key 'rad'"),
    ],
)
def test_an_edit_that_would_not_validate_writes_nothing(
    tmp_path: Path, updates: dict[str, str], message: str
) -> None:
    path = tmp_path / "entry.yaml"
    path.write_bytes(ENTRY.encode("utf-8"))
    with pytest.raises(FindingsError) as caught:
        update_entry_file(path, updates, "entry.yaml")
    assert [f.text() for f in caught.value.findings] == [message]
    assert caught.value.findings[0].line == 10
    assert path.read_bytes() == ENTRY.encode("utf-8")
    assert list(tmp_path.iterdir()) == [path]


def test_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "entry.yaml"
    path.write_bytes(b"date: 2026-08-23\ndescription: caf\xe9\n")
    with pytest.raises(EditError, match="not valid UTF-8"):
        update_entry_file(path, ROW, "entry.yaml")


# --- property: everything but the edited keys stays byte-identical ------------------------

_FILLER = st.sampled_from(["", "# kommentar", "   # indragen kommentar", "#"])
_KEYS = ["date", "description", "branch", "outcome", "minutes"]
_VALUES = st.sampled_from(
    ["2026-08-23", "'citat: med kolon'", "text # med kommentar", "[a, b]", "åäö", '"x"', "~"]
)


@st.composite
def entry_files(draw: st.DrawFn) -> tuple[str, list[str]]:
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    lines: list[str] = []
    keys = draw(st.lists(st.sampled_from(_KEYS), min_size=1, max_size=5, unique=True))
    for key in keys:
        lines += draw(st.lists(_FILLER, max_size=2))
        lines.append(f"{key}: {draw(_VALUES)}")
    lines += draw(st.lists(_FILLER, max_size=2))
    final = draw(st.booleans())
    return newline.join(lines) + (newline if final else ""), keys


@settings(max_examples=80, deadline=None)
@given(entry_files(), st.sampled_from(["sim-kort", "null", "1177"]))
def test_property_only_new_lines_are_added(file: tuple[str, list[str]], row: str) -> None:
    text, _ = file
    result = set_top_level_keys(text, {"row": row}, "e.yaml")
    added = f"row: {yaml_scalar(row)}"
    result_lines = result.splitlines(keepends=True)
    stripped = [line for line in result_lines if line.rstrip("\r\n") != added]
    assert len(stripped) == len(result_lines) - 1
    # Removing the one new line (and the line ending it brought) gives the original back.
    assert "".join(stripped).rstrip("\r\n") == text.rstrip("\r\n")
    assert result.endswith(("\n", "\r\n")) == text.endswith("\n") or not text.strip()
    data, _ = parse_text(result, "e.yaml")
    assert data["row"] == row


@st.composite
def files_with_a_row(draw: st.DrawFn) -> tuple[str, str, str]:
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    value = draw(st.sampled_from(["old-row", "'old row'", '"old"', "~", "", "null"]))
    comment = draw(st.sampled_from(["", "  # kommentar", " #x"]))
    row_line = f"row: {value}{comment}".replace(":  #", ": #") if value else f"row:{comment}"
    before = draw(
        st.lists(st.sampled_from(["date: 2026-08-23", "# c", ""]), max_size=3, unique=True)
    )
    after = draw(st.lists(st.sampled_from(["outcome: helped", "# c", ""]), max_size=3, unique=True))
    text = newline.join([*before, row_line, *after]) + draw(st.sampled_from(["", newline]))
    return text, row_line, comment


@settings(max_examples=80, deadline=None)
@given(files_with_a_row())
def test_property_replacing_touches_only_the_value(file: tuple[str, str, str]) -> None:
    text, row_line, comment = file
    result = set_top_level_keys(text, {"row": "sim-kort"}, "e.yaml")
    old_lines, new_lines = text.splitlines(keepends=True), result.splitlines(keepends=True)
    assert len(old_lines) == len(new_lines)
    changed = [(o, n) for o, n in zip(old_lines, new_lines, strict=True) if o != n]
    [(old, new)] = changed
    assert old.startswith(row_line)
    assert new.startswith("row:") and "sim-kort" in new
    assert new.rstrip("\r\n").endswith(comment.strip() or "sim-kort")
    assert old[len(old.rstrip("\r\n")) :] == new[len(new.rstrip("\r\n")) :]
