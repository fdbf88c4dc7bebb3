from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referral_cli.store import yamlio
from referral_cli.store.yamlio import YamlError, load_file, parse_text, parse_text_fast


def test_uses_libyaml_when_present() -> None:
    import yaml

    assert yamlio.LIBYAML == yaml.__with_libyaml__


def test_yaml_12_plain_values_stay_text() -> None:
    data, _ = parse_text(
        "languages: [sv, no, NO, yes, on, off]\nphone: 0701234567\nhours: 10:30\n"
        "flag: true\nnothing: null\nday: 2026-08-22\nnumber: 15\n",
        "x.yaml",
    )
    assert data == {
        "languages": ["sv", "no", "NO", "yes", "on", "off"],
        "phone": "0701234567",
        "hours": "10:30",
        "flag": True,
        "nothing": None,
        "day": "2026-08-22",
        "number": "15",
    }


def test_positions_are_one_based_with_integer_indexes() -> None:
    _, source = parse_text("actors:\n  - id: a\n    name: A\n  - id: b\n", "x.yaml")
    assert source.locate(("actors", 1, "id")) == (4, 9)
    assert source.locate(("actors", 0, "name"), key=True) == (3, 5)
    assert source.locate(("actors", 1, "missing")) == (4, 5)


@pytest.mark.parametrize(
    ("content", "line", "column", "code", "message"),
    [
        (
            "a: 1\nb: 2\na: 3\n",
            3,
            1,
            "duplicate-key",
            "the key 'a' appears twice in the same place (first on line 1)",
        ),
        (
            "a: &x [1]\nb: *x\n",
            2,
            1,
            "alias",
            "anchors and aliases (&name, *name) are not supported",
        ),
        # An anchor no alias uses would otherwise vanish: `&x y` read as `y`.
        ("need: &x y\n", 1, 7, "alias", "anchors and aliases (&name, *name) are not supported"),
        (
            "a:\n  - &k\n    id: x\n",
            2,
            5,
            "alias",
            "anchors and aliases (&name, *name) are not supported",
        ),
        (
            "a:\n\tb: 1\n",
            2,
            1,
            "yaml-syntax",
            "a tab character is used here; YAML indentation must use spaces",
        ),
        ("need: Tid: 10\n", 1, 10, "yaml-syntax", "unexpected ':' in a value"),
        (
            "need: @konto\n",
            1,
            7,
            "yaml-syntax",
            "a value cannot start with '@' unless it is quoted",
        ),
        ("need: 'open\n", 2, 1, "yaml-syntax", "a quoted text is not closed"),
        # PyYAML's own problem texts are English: each is worded from the catalogue.
        (
            "a: [1, 2\nb: 3\n",
            2,
            2,
            "yaml-syntax",
            "a list or mapping in brackets ([ ] or { }) is not closed, or an item in it lacks "
            "its comma",
        ),
        (
            'need: "C:\\q"\n',
            1,
            10,
            "yaml-syntax",
            "a backslash (\\) in double quotes starts an escape sequence YAML does not know",
        ),
        (
            "a: 1\n---\nb: 2\n",
            2,
            1,
            "yaml-syntax",
            "the file holds more than one YAML document ('---' or '...' on a line of its own)",
        ),
        (
            "a: |x\n  t\n",
            1,
            5,
            "yaml-syntax",
            "after '|' or '>' the text must start on the next line",
        ),
        ("a: 1\n- b\n", 2, 1, "yaml-syntax", "the indentation or structure is off here"),
        ("[a, b]]\n", 1, 7, "yaml-syntax", "the indentation or structure is off here"),
        ("a: !!binary aGk=\n", 1, 4, "tag", "the tag 'tag:yaml.org,2002:binary' is not supported"),
        ("? [a]\n: b\n", 1, 3, "key", "a key must be a single word, like 'name:'"),
        ("", 1, 1, "empty-file", "the file is empty; expected a mapping of keys (key: value)"),
        (
            "# only a comment\n",
            1,
            1,
            "empty-file",
            "the file is empty; expected a mapping of keys (key: value)",
        ),
        (
            "- a\n- b\n",
            1,
            1,
            "wrong-type",
            "expected a mapping of keys (key: value) at the top of the file, found a list",
        ),
        (
            "just text\n",
            1,
            1,
            "wrong-type",
            "expected a mapping of keys (key: value) at the top of the file, "
            "found a single text value",
        ),
    ],
)
def test_bad_yaml_is_located(
    tmp_path: Path, content: str, line: int, column: int, code: str, message: str
) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(YamlError) as caught:
        load_file(path, "data/f.yaml")
    finding = caught.value.finding
    assert (finding.file, finding.line, finding.column) == ("data/f.yaml", line, column)
    assert (finding.code, finding.text()) == (code, message)


def test_non_utf8_byte_is_located(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes("name: ok\nnote: Gäller\n".encode("latin-1"))
    with pytest.raises(YamlError) as caught:
        load_file(path, "f.yaml")
    finding = caught.value.finding
    assert (finding.line, finding.column, finding.code) == (2, 8, "encoding")
    assert finding.text() == "the file is not valid UTF-8 text (byte 0xE4 here)"


def test_bom_is_a_warning_and_the_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"\xef\xbb\xbfname: Biblioteket\n")
    document = load_file(path, "f.yaml")
    assert document.data == {"name": "Biblioteket"}
    [warning] = document.warnings
    assert (warning.severity, warning.code, warning.line, warning.column) == (
        "warning",
        "bom",
        1,
        1,
    )


DIRECTION = "a character that turns the direction of the text"
ZERO_WIDTH = "a zero-width character"


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        # a right-to-left override: the name prints as "Statens s..." reversed after it
        ("name: Sta\u202etens\n", 1, 10, f"{DIRECTION} (U+202E)"),
        ("name: a\u202ab\u202c\n", 1, 8, f"{DIRECTION} (U+202A)"),
        ("notes: |\n  rad\n  x\u2067y\u2069\n", 3, 4, f"{DIRECTION} (U+2067)"),
        ("keywords: [bank\u200bid]\n", 1, 16, f"{ZERO_WIDTH} (U+200B)"),
        ("need: ord\u2060fog\n", 1, 10, f"{ZERO_WIDTH} (U+2060)"),
        ("need: mitt\ufeffi\n", 1, 11, f"{ZERO_WIDTH} (U+FEFF)"),
        ("# kommentar \u202e\nname: x\n", 1, 13, f"{DIRECTION} (U+202E)"),
        ("\u202ename: x\n", 1, 1, f"{DIRECTION} (U+202E)"),
    ],
)
@pytest.mark.usefixtures("english")
def test_invisible_characters_are_located_warnings(
    tmp_path: Path, text: str, line: int, column: int, message: str
) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    document = load_file(path, "f.yaml")  # still loads: a warning, nothing refused
    warning = document.warnings[0]  # the first of the file (a pair is reported twice)
    assert warning.line == line
    assert (warning.severity, warning.code, warning.column) == (
        "warning",
        "invisible-character",
        column,
    )
    assert warning.text() == (
        f"an invisible character, {message}, is here: it does not show in the file but "
        "changes how the text is shown or found by the search"
    )


@pytest.mark.parametrize(
    "text",
    [
        "need: می\u200cخواهم\n",  # ZWNJ: Persian writes words with it
        "need: \u0627\u200d\u0644\n",  # ZWJ
        "need: \u200fعربي 1177\u200e\n",  # RLM and LRM settle a number's side
        "need: \u061cx\n",  # ALM
        "need: avstava\u00adord\n",  # a soft hyphen is a hyphenation hint
    ],
)
def test_the_joiners_and_marks_scripts_need_are_no_warning(tmp_path: Path, text: str) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_file(path, "f.yaml").warnings == []


def test_a_page_of_invisible_characters_gives_ten_warnings(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("need: " + "a\u200b" * 50 + "\n", encoding="utf-8")
    warnings = load_file(path, "f.yaml").warnings
    assert [w.column for w in warnings] == [8 + 2 * n for n in range(10)]


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 12)]
    with pytest.raises(YamlError) as caught:
        parse_text("\n".join(lines) + "\n", "bomb.yaml")
    assert caught.value.finding.code == "alias"


def test_unreadable_path_is_a_finding(tmp_path: Path) -> None:
    with pytest.raises(YamlError) as caught:
        load_file(tmp_path, "folder.yaml")
    assert caught.value.finding.code == "unreadable"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:- \n\t'\"#&*![]{}?,|>%@`0åö\\")), max_size=80))
def test_loader_never_crashes_on_arbitrary_text(text: str) -> None:
    try:
        data, source = parse_text(text, "fuzz.yaml")
    except YamlError as exc:
        finding = exc.finding
        assert finding.file == "fuzz.yaml"
        assert finding.line >= 1 and finding.column >= 1
        assert finding.text()
    else:
        assert data is None or isinstance(data, (dict, list, str, bool))
        assert source.locate(()) >= (1, 1)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=60))
def test_load_file_never_crashes_on_arbitrary_bytes(
    tmp_path_factory: pytest.TempPathFactory, raw: bytes
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "f.yaml"
    path.write_bytes(raw)
    try:
        document = load_file(path, "f.yaml")
    except YamlError as exc:
        assert exc.finding.line >= 1 and exc.finding.column >= 1
    else:
        assert isinstance(document.data, dict)


_FAST_ALPHABET = list("ab:- \n\t'\"#&*![]{}?,|>%@`0åö\\~") + ["true", "null", "!!str ", "!!bool "]


def _outcome(parse: object, text: str) -> object:
    try:
        data, _ = parse(text, "f.yaml")  # type: ignore[operator]
    except YamlError as exc:
        return ("error", exc.finding)
    return ("data", data)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_FAST_ALPHABET), max_size=40).map("".join))
def test_fast_parse_gives_the_same_data_and_errors(text: str) -> None:
    assert _outcome(yamlio.parse_text_fast, text) == _outcome(parse_text, text)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb: 2\na: 3\n",
        "a: &x [1]\nb: *x\n",
        "a: !!binary aGk=\n",
        "? [a]\n: b\n",
        "a: !!bool maybe\n",
        "a: !!null x\nb: !!bool TRUE\nc: ~\nd: ''\ne: [x, {f: g}]\n",
        "text: 'Q&A'\n",
    ],
)
def test_fast_parse_matches_on_special_cases(text: str) -> None:
    assert _outcome(yamlio.parse_text_fast, text) == _outcome(parse_text, text)


def test_lazy_positions_equal_eager_ones(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(
        "# comment\ndate: 2026-08-22\ndescription: >-\n  Två rader\n  text.\n"
        "reasons: [time, other]\n",
        encoding="utf-8",
    )
    eager = load_file(path, "f.yaml")
    lazy = load_file(path, "f.yaml", positions=False)
    assert lazy.data == eager.data
    assert isinstance(lazy.source, yamlio.LazySourceMap)
    for key_path in [(), ("date",), ("reasons", 1), ("description",), ("missing", 3)]:
        assert lazy.source.locate(key_path) == eager.source.locate(key_path)
        assert lazy.source.locate(key_path, key=True) == eager.source.locate(key_path, key=True)


def test_lazy_positions_of_a_vanished_file_fall_back_to_the_top(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("a: b\n", encoding="utf-8")
    lazy = load_file(path, "f.yaml", positions=False)
    path.unlink()
    assert lazy.source.locate(("a",)) == (1, 1)


def test_walk_matches_sorted_rglob(tmp_path: Path) -> None:
    for name in [
        "b.yaml",
        "a/z.yml",
        "a/b.yaml",
        "a-b.yaml",
        "a/.hidden.yaml",
        ".git/x.yaml",
        "c/d/e.yaml",
        "notes.txt",
        "Z.yaml",
    ]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("a: b\n", encoding="utf-8")
    expected = [
        p
        for p in sorted(tmp_path.rglob("*"))
        if p.suffix in {".yaml", ".yml"}
        and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(tmp_path).parts)
    ]
    assert list(yamlio.iter_yaml_files(tmp_path)) == expected
    assert [rel for _, rel, _ in yamlio.walk_yaml_files(tmp_path)] == [
        p.relative_to(tmp_path).as_posix() for p in expected
    ]
    assert list(yamlio.iter_yaml_files(tmp_path / "missing")) == []


# --- hostile input (issue 15, items 3 and 4) -------------------------------------


@pytest.mark.parametrize("parse", [parse_text, parse_text_fast])
@pytest.mark.parametrize(
    ("text", "code", "column"),
    [
        ('name: "Skatte\\e[31mverket\\e]0;TITLE\\a"\n', "0x001b", 7),
        ('name: "ring\\x07"\n', "0x0007", 7),
        ('name: "rad\\rny"\n', "0x000d", 7),
        ('"\\e": 1\n', "0x001b", 1),
        ('name: "C1 \\x9b31m"\n', "0x009b", 7),
    ],
)
def test_control_characters_from_escapes_are_refused(
    parse: Callable[[str, str], object], text: str, code: str, column: int
) -> None:
    with pytest.raises(YamlError) as caught:
        parse(text, "data/actors.yaml")
    finding = caught.value.finding
    assert (finding.line, finding.column, finding.code) == (1, column, "control-character")
    assert f"(code {code})" in finding.text()


@pytest.mark.parametrize("parse", [parse_text, parse_text_fast])
def test_tabs_and_line_breaks_written_as_escapes_stay_text(
    parse: Callable[[str, str], object],
) -> None:
    assert parse('a: "ett\\ttvå\\ntre"\n', "f.yaml")[0] == {"a": "ett\ttvå\ntre"}  # type: ignore[index]


@pytest.mark.parametrize("parse", [parse_text, parse_text_fast])
@pytest.mark.parametrize("depth", [65, 500, 999])
def test_deep_nesting_is_a_located_error_not_a_crash(
    parse: Callable[[str, str], object], depth: int
) -> None:
    text = "a: " + "[" * depth + "]" * depth + "\n"
    with pytest.raises(YamlError) as caught:
        parse(text, "data/matrix.yaml")
    finding = caught.value.finding
    assert finding.code == "too-deep" and finding.line == 1
    assert finding.text() == "values are nested too deeply (more than 64 levels)"


def test_nesting_up_to_the_limit_is_read() -> None:
    text = "a: " + "[" * 63 + "]" * 63 + "\n"
    data, _ = parse_text_fast(text, "f.yaml")
    assert isinstance(data, dict)
