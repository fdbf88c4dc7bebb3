"""The only module that touches PyYAML.

Reading: text is decoded strictly as UTF-8, parsed with libyaml when present,
and walked once to build plain Python data plus a map from each value's path
(``("actors", 3, "contact")``) to its 1-based line and column. The node tree
is dropped afterwards: positions are cheap, node trees are not.

Plain scalars keep their YAML 1.2 meaning: only ``true``/``false``/``null``
are special, so ``no`` (Norwegian), ``0701234567`` and ``10:30`` stay text;
pydantic converts dates and numbers later. Duplicate keys, anchors/aliases
and custom tags are refused.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from referral_cli.findings import Finding
from referral_cli.i18n import Phrase, os_reason, phrase
from referral_cli.store.limits import YAML_FILE_BYTES, TooLargeError, read_limited, too_large
from referral_cli.text import CONTROL_CHARACTERS, DIRECTION_CONTROLS, INVISIBLE_CHARACTERS

if TYPE_CHECKING:
    from referral_cli.store.links import LinkRule

Location = tuple[int, int]
PathKey = tuple[str | int, ...]

_STR_TAG = "tag:yaml.org,2002:str"
_BOOL_TAG = "tag:yaml.org,2002:bool"
_NULL_TAG = "tag:yaml.org,2002:null"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
_ALLOWED_TAGS = {_STR_TAG, _BOOL_TAG, _NULL_TAG, _SEQ_TAG, _MAP_TAG}
_BOOL_VALUES = {
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
}


class _Yaml12Resolver(yaml.resolver.BaseResolver):
    """Resolve only the YAML 1.2 core-schema booleans and null; all else is text."""


_Yaml12Resolver.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Yaml12Resolver.add_implicit_resolver(
    _NULL_TAG, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)

try:
    from yaml._yaml import CParser as _Parser

    LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)

    LIBYAML = False


_PLAIN_SPECIAL = {
    **dict.fromkeys(_BOOL_VALUES, _BOOL_TAG),
    **dict.fromkeys(("~", "null", "Null", "NULL", ""), _NULL_TAG),
}


class _Loader(_Parser, _Yaml12Resolver):
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _Yaml12Resolver.__init__(self)

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        """The same answer as the implicit resolvers above, by one dictionary lookup.

        A plain scalar never ends in a line break, so the exact-match table is
        equivalent to the resolver patterns; everything else is text, a list or
        a mapping (there are no path resolvers).
        """
        if kind is ScalarNode:
            if implicit[0]:
                return _PLAIN_SPECIAL.get(value, _STR_TAG)
            return _STR_TAG
        return _SEQ_TAG if kind is SequenceNode else _MAP_TAG


@dataclass(slots=True)
class SourceMap:
    """Where each value (and each mapping key) of a document sits in its file."""

    values: dict[PathKey, Location] = field(default_factory=dict)
    keys: dict[PathKey, Location] = field(default_factory=dict)

    def locate(self, path: PathKey, *, key: bool = False) -> Location:
        """Position of `path`, or of its nearest ancestor that has one.

        With `key=True` the position of the mapping key is preferred (for
        "unknown key" messages); otherwise the value's.
        """
        current = tuple(path)
        while True:
            if key and current in self.keys:
                return self.keys[current]
            if current in self.values:
                return self.values[current]
            if not current:
                return (1, 1)
            current = current[:-1]


class LazySourceMap(SourceMap):
    """A `SourceMap` that reads its file again the first time a position is asked for.

    Files that load and validate cleanly never need positions, so bulk loading
    skips them; a finding about such a file (an unknown id, personal data)
    still gets the exact line and column, as long as the file is unchanged.
    """

    __slots__ = ("_path", "_display")

    def __init__(self, path: Path, display: str) -> None:
        self._path = path
        self._display = display

    def __getattr__(self, name: str) -> Any:
        # Only called while `values`/`keys` are unset: read the file once, then never again.
        if name not in ("values", "keys"):
            raise AttributeError(name)
        source = SourceMap()
        try:
            raw = read_limited(self._path, YAML_FILE_BYTES)
            text, _ = _decode(raw, self._display)
            source = parse_text(text, self._display)[1]
        except (OSError, YamlError, TooLargeError):
            pass
        self.values = source.values
        self.keys = source.keys
        return source.values if name == "values" else source.keys

    def __repr__(self) -> str:
        return f"LazySourceMap({self._path!r})"


@dataclass
class Document:
    """A parsed YAML file: plain data, positions, and load warnings (e.g. a BOM)."""

    path: Path
    data: Any
    source: SourceMap
    warnings: list[Finding] = field(default_factory=list)


class YamlError(Exception):
    """A file that cannot be read as YAML; carries one located finding."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.format())
        self.finding = finding


def _finding(
    display: str, line: int, column: int, code: str, message: Phrase, hint: Phrase | None = None
) -> Finding:
    return Finding(display, line, column, "error", code, message, hint)


def _decode(raw: bytes, display: str) -> tuple[str, list[Finding]]:
    warnings: list[Finding] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        warnings.append(
            Finding(
                display,
                1,
                1,
                "warning",
                "bom",
                phrase("yaml.bom"),
                phrase("yaml.bom.hint"),
            )
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        bad = raw[exc.start : exc.start + 1].hex().upper()
        raise YamlError(
            _finding(
                display,
                line,
                column,
                "encoding",
                phrase("yaml.encoding", byte=bad),
                phrase("yaml.encoding.hint"),
            )
        ) from None
    if INVISIBLE_CHARACTERS.search(text) is not None:  # rare: the search is the only cost
        warnings += _invisible_characters(text, display)
    return text, warnings


INVISIBLE_REPORTED = 10  # per file: a pasted page full of them needs one clean-up, not 500 lines


def _invisible_characters(text: str, display: str) -> list[Finding]:
    """A warning at each invisible character of `text` (`text.INVISIBLE_CHARACTERS`)."""
    findings = []
    for found in list(INVISIBLE_CHARACTERS.finditer(text))[:INVISIBLE_REPORTED]:
        before = text[: found.start()]
        line = before.count("\n") + 1
        column = found.start() - (before.rfind("\n") + 1) + 1
        char = found.group()
        kind = "direction" if char in DIRECTION_CONTROLS else "zero-width"
        findings.append(
            Finding(
                display,
                line,
                column,
                "warning",
                "invisible-character",
                phrase(
                    "yaml.invisible",
                    name=phrase(f"yaml.invisible.{kind}"),
                    code=f"{ord(char):04X}",
                ),
                phrase("yaml.invisible.hint"),
            )
        )
    return findings


def _explain_syntax_error(exc: yaml.MarkedYAMLError, text: str) -> tuple[Phrase, Phrase | None]:
    """What PyYAML's problem means, in the catalogue's words (its own texts are English)."""
    problem = exc.problem or ""
    context = exc.context or ""
    mark = exc.problem_mark
    if mark is not None and "\t" in text:
        line_text = text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else ""
        if "\t" in line_text or "tab" in problem or "'\\t'" in problem:
            return phrase("yaml.tab"), phrase("yaml.tab.hint")
    if "cannot start any token" in problem and mark is not None:
        lines = text.splitlines()
        line_text = lines[mark.line] if mark.line < len(lines) else ""
        char = line_text[mark.column : mark.column + 1]
        if char.strip():
            return (
                phrase("yaml.cannot-start", char=char),
                phrase("yaml.cannot-start.hint", char=char),
            )
    if "<document start>" in problem and not re.search(r"(?m)^(---|\.\.\.)\s*$", text):
        return phrase("yaml.structure"), phrase("yaml.structure.hint")  # no second document
    for words, key in _PROBLEMS:
        if any(word in problem or word in context for word in words):
            return phrase(key), phrase(f"{key}.hint")
    return phrase("yaml.syntax"), phrase("yaml.syntax.hint")


# PyYAML's problems (or their context), by the words that tell them apart, and the
# catalogue key that explains each; the first that fits is used.
_PROBLEMS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("mapping values are not allowed",), "yaml.colon"),
    (("could not find expected ':'",), "yaml.missing-colon"),
    (("unknown escape character", "escape sequence"), "yaml.escape"),
    (("quoted scalar",), "yaml.unclosed-quote"),
    (("found undefined alias", "found duplicate anchor"), "yaml.alias"),
    (("an anchor", "an alias"), "yaml.alias"),
    (("flow sequence", "flow mapping", "flow node", "',' or ']'", "',' or '}'"), "yaml.brackets"),
    (("block scalar",), "yaml.block-scalar"),
    (("expected a comment or a line break",), "yaml.after-value"),
    (("document", "a single document"), "yaml.documents"),
    (("found unexpected end of stream",), "yaml.unexpected-end"),
    (("expected <block end>", "did not find expected", "not allowed here"), "yaml.structure"),
    (("expected the node content",), "yaml.structure"),
)


def _syntax_error(exc: yaml.YAMLError, display: str, text: str) -> YamlError:
    if isinstance(exc, yaml.reader.ReaderError):
        before = text[: exc.position]
        line = before.count("\n") + 1
        column = exc.position - (before.rfind("\n") + 1) + 1
        return YamlError(
            _finding(
                display,
                line,
                column,
                "control-character",
                phrase("yaml.control-character", code=f"{exc.character:#06x}"),
                phrase("yaml.control-character.hint"),
            )
        )
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        mark = exc.problem_mark
        message, hint = _explain_syntax_error(exc, text)
        return YamlError(
            _finding(display, mark.line + 1, mark.column + 1, "yaml-syntax", message, hint)
        )
    return YamlError(
        _finding(display, 1, 1, "yaml-syntax", phrase("yaml.syntax"), phrase("yaml.syntax.hint"))
    )


def _pos(node: Node) -> Location:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Walks a node tree once, producing plain data and the source map."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.source = SourceMap()
        self._seen: set[int] = set()

    def fail(self, node: Node, code: str, message: Phrase, hint: Phrase | None = None) -> YamlError:
        line, column = _pos(node)
        return YamlError(_finding(self.display, line, column, code, message, hint))

    def build(self, node: Node, path: PathKey) -> Any:
        if len(path) > MAX_DEPTH:
            raise self.fail(
                node,
                "too-deep",
                phrase("yaml.too-deep", limit=MAX_DEPTH),
                phrase("yaml.too-deep.hint"),
            )
        if id(node) in self._seen:
            # An alias returns the anchored node itself; report where it is used.
            line, column = self.source.keys.get(path) or _pos(node)
            raise YamlError(
                _finding(
                    self.display,
                    line,
                    column,
                    "alias",
                    phrase("yaml.alias"),
                    phrase("yaml.alias.hint"),
                )
            )
        self._seen.add(id(node))
        self.source.values[path] = _pos(node)
        if node.tag not in _ALLOWED_TAGS:
            raise self.fail(
                node,
                "tag",
                phrase("yaml.tag", tag=node.tag),
                phrase("yaml.tag.hint"),
            )
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        assert isinstance(node, MappingNode)
        return self._mapping(node, path)

    def _scalar(self, node: ScalarNode) -> Any:
        if node.tag == _NULL_TAG:
            return None
        if node.tag == _BOOL_TAG:
            if node.value not in _BOOL_VALUES:
                raise self.fail(node, "tag", phrase("yaml.not-boolean", value=node.value))
            return _BOOL_VALUES[node.value]
        self._refuse_control(node)
        return node.value

    def _refuse_control(self, node: ScalarNode) -> None:
        r"""Refuse control characters a double-quoted escape (`\e`, `\x1b`) put in a text.

        The YAML reader refuses them written as they are; an escape would carry them
        past it into a terminal, where they can recolour text or change the title.
        """
        found = CONTROL_CHARACTERS.search(node.value)
        if found is not None:
            raise self.fail(
                node,
                "control-character",
                phrase("yaml.escaped-control", code=f"{ord(found.group()):#06x}"),
                phrase("yaml.escaped-control.hint"),
            )

    def _mapping(self, node: MappingNode, path: PathKey) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise self.fail(key_node, "key", phrase("yaml.key"))
            self._refuse_control(key_node)
            key = str(key_node.value)
            child = (*path, key)
            if key in result:
                first_line = self.source.keys[child][0]
                raise self.fail(
                    key_node,
                    "duplicate-key",
                    phrase("yaml.duplicate-key", key=key, first_line=first_line),
                    phrase("yaml.duplicate-key.hint"),
                )
            self.source.keys[child] = _pos(key_node)
            result[key] = self.build(value_node, child)
        return result


def _compose(text: str, display: str) -> Node | None:
    try:
        loader = _Loader(text)
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, display, text) from None
    try:
        node: Node | None = loader.get_single_node()
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, display, text) from None
    finally:
        loader.dispose()
    return node


def mapping_end_line(text: str, display: str) -> int:
    """The 0-based index of the first line after the top-level mapping's last value.

    A block scalar (`|`, `>`) owns its indented lines, also those that look like a
    comment or a `...` marker; its trailing blank lines only with keep chomping
    (`|+`). Lines from this index on are blank lines and comments. 0 when the
    document is not a non-empty mapping.
    """
    node = _compose(text, display)
    if not isinstance(node, MappingNode) or not node.value:
        return 0
    value = node.value[-1][1]
    end = value.end_mark
    # A block scalar ends at the start of the next line; any other value on its last line.
    if end.column != 0:
        return int(end.line) + 1
    header = text[value.start_mark.index :].split("\n", 1)[0]
    lines = text.split("\n")
    last = int(end.line)
    if isinstance(value, ScalarNode) and "+" not in header.split("#", 1)[0]:
        while last > value.start_mark.line + 1 and not lines[last - 1].strip():
            last -= 1
    return last


def parse_text(text: str, display: str) -> tuple[Any, SourceMap]:
    """Parse one YAML document from text; raise `YamlError` with a location."""
    node = _compose(text, display)
    if node is None:
        return None, SourceMap()
    builder = _Builder(display)
    data = builder.build(node, ())
    if "&" in text:
        _refuse_anchors(text, display)
    return data, builder.source


def _refuse_anchors(text: str, display: str) -> None:
    """Refuse an anchor (`&name`) that no alias uses: the node tree does not keep it.

    Without this, `need: &x y` would silently read as `y`. Only called for text
    containing '&', after the walk has refused any alias at the place it is used.
    """
    loader = _Loader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if getattr(event, "anchor", None) is not None:
                mark = getattr(event, "start_mark", None)
                raise YamlError(
                    _finding(
                        display,
                        mark.line + 1 if mark is not None else 1,
                        mark.column + 1 if mark is not None else 1,
                        "alias",
                        phrase("yaml.alias"),
                        phrase("yaml.anchor.hint"),
                    )
                )
    finally:
        loader.dispose()


_intern = sys.intern


# Guideline data nests a few levels; deeper is a mistake (and would exhaust the stack).
MAX_DEPTH = 64


class _NotPlain(Exception):
    """The fast walk met something only the located walk may judge."""


def _plain(node: Node, depth: int = 0) -> Any:
    """Plain data from a node tree, with no positions, for files that are ordinary.

    Anything the located walk would refuse or treat specially (a tag, a bad
    boolean, a non-text key, a duplicate key) raises `_NotPlain`, and the caller
    walks the same tree again with `_Builder`, which produces the exact message.
    Aliases never reach here: texts containing '&' (hence any anchor) take the
    located walk directly.
    """
    cls = node.__class__
    tag = node.tag
    if cls is ScalarNode:
        if tag == _STR_TAG:
            value = node.value
            # Ids and other short words repeat across thousands of entries: share them.
            return _intern(value) if len(value) < 40 else value
        if tag == _NULL_TAG:
            return None
        if tag == _BOOL_TAG and node.value in _BOOL_VALUES:
            return _BOOL_VALUES[node.value]
        raise _NotPlain
    if cls is MappingNode and tag == _MAP_TAG:
        if depth >= MAX_DEPTH:
            raise _NotPlain
        pairs = node.value
        result = {}
        for key_node, value_node in pairs:
            if key_node.__class__ is not ScalarNode:
                raise _NotPlain
            result[key_node.value] = _plain(value_node, depth + 1)
        if len(result) != len(pairs):
            raise _NotPlain
        return result
    if cls is SequenceNode and tag == _SEQ_TAG:
        if depth >= MAX_DEPTH:
            raise _NotPlain  # the located walk reports where it is too deep
        return [_plain(item, depth + 1) for item in node.value]
    raise _NotPlain


def parse_text_fast(text: str, display: str) -> tuple[Any, SourceMap | None]:
    """Like `parse_text`, but positions are only collected when something is off.

    Returns the same data, and either a `SourceMap` (when the located walk was
    needed) or None; errors are raised exactly as `parse_text` raises them.
    """
    if "&" in text or "\\" in text:
        # Anchors, and escapes that may hide control characters: the located walk judges.
        return parse_text(text, display)
    node = _compose(text, display)
    if node is None:
        return None, SourceMap()
    try:
        return _plain(node), None
    except (_NotPlain, RecursionError):
        builder = _Builder(display)
        return builder.build(node, ()), builder.source


# Catalogue keys naming what a file should hold, and what it holds instead.
_EXPECT_NAMES: dict[type, str] = {dict: "yaml.expect.mapping", list: "yaml.expect.list"}
_FOUND_NAMES: dict[type, str] = {
    dict: "yaml.found.mapping",
    list: "yaml.found.list",
    str: "yaml.found.text",
    bool: "yaml.found.boolean",
    type(None): "yaml.found.nothing",
}


def _read(path: Path, display: str, limit: int) -> bytes:
    """The file's bytes, at most `limit` (README, "Limits"): a huge file is never parsed."""
    try:
        return read_limited(path, limit)
    except TooLargeError:
        raise _too_large(display, limit) from None
    except OSError as exc:
        raise YamlError(
            _finding(
                display,
                1,
                1,
                "unreadable",
                phrase("yaml.unreadable", reason=os_reason(exc)),
            )
        ) from None


def _too_large(display: str, limit: int) -> YamlError:
    return YamlError(
        _finding(
            display,
            1,
            1,
            "file-too-large",
            too_large(limit),
            phrase("store.too-large.hint"),
        )
    )


def load_file(
    path: Path,
    display: str,
    *,
    expect: type = dict,
    positions: bool = True,
    raw: bytes | None = None,
    limit: int = YAML_FILE_BYTES,
) -> Document:
    """Read and parse one YAML file whose top level must be of type `expect`.

    Every failure, from an unreadable file to a syntax error, raises
    `YamlError` with the file, line and column, never a traceback.
    With `positions=False` the file is parsed without collecting positions
    and `Document.source` is a `LazySourceMap`: same data, same errors, and the
    same positions when asked for, at a fraction of the cost in bulk loads.
    `raw` is the file's content when the caller has read it already (a caller reads at
    most `limit + 1` bytes: more is refused here, as a file over the size limit).
    """
    if raw is None:
        raw = _read(path, display, limit)
    if len(raw) > limit:
        raise _too_large(display, limit)
    text, warnings = _decode(raw, display)
    source: SourceMap | None
    if positions:
        data, source = parse_text(text, display)
    else:
        data, source = parse_text_fast(text, display)
        if source is None:
            source = LazySourceMap(path, display)
    if data is None:
        raise YamlError(
            _finding(
                display,
                1,
                1,
                "empty-file",
                phrase(
                    "yaml.empty-file",
                    expected=phrase(_EXPECT_NAMES.get(expect, "yaml.expect.data")),
                ),
            )
        )
    if not isinstance(data, expect):
        line, column = source.locate(())
        found = _FOUND_NAMES.get(type(data), "yaml.found.other")
        raise YamlError(
            _finding(
                display,
                line,
                column,
                "wrong-type",
                phrase(
                    "yaml.wrong-top",
                    expected=phrase(_EXPECT_NAMES.get(expect, "yaml.expect.data")),
                    found=phrase(found),
                ),
            )
        )
    return Document(path, data, source, warnings)


def walk_yaml_files(folder: Path) -> Iterator[tuple[Path, str, bool]]:
    """Every `*.yaml`/`*.yml` file under `folder` as (path, relative posix path, is symlink).

    Sorted like `sorted(folder.rglob("*"))`, hidden files and folders skipped,
    symlinked folders not followed, unreadable folders skipped. Folder by
    folder, so a walk over 100,000 files holds only one folder's names.
    """
    for path, relative, entry in walk_yaml_entries(folder):
        try:
            is_link = entry.is_symlink()
        except OSError:  # pragma: no cover - the entry was just listed
            is_link = False
        yield path, relative, is_link


def walk_yaml_entries(
    folder: Path,
    problems: list[tuple[Path, Phrase]] | None = None,
    *,
    rule: LinkRule | None = None,
    strays: list[tuple[Path, str]] | None = None,
) -> Iterator[tuple[Path, str, os.DirEntry[str]]]:
    """Like `walk_yaml_files`, with each file's `os.DirEntry` (for a cheap `stat()`).

    What cannot be walked (a folder that cannot be listed, a `.yaml` name that is
    not a readable file, such as a broken link) is appended to `problems` as
    (path, reason) when a list is given, so a caller can report it instead of
    silently leaving the file out. With a `rule` (`store.links`), links to YAML files
    and to folders are judged by it: followed when it allows, else never read and
    appended to `problems`. Hidden names and temporary ones (`*.tmp`) are never
    read; `strays` collects them as (path, "temporary" or "hidden"), except the
    harmless `.gitkeep` and `.DS_Store`.
    """
    yield from _walk(folder, "", problems, rule, strays)


HARMLESS_HIDDEN = frozenset({".gitkeep", ".DS_Store"})  # an empty marker; Finder's own file
TEMPORARY_SUFFIX = ".tmp"
TEMPORARY_PREFIX = ".referral-"  # staging folders of a multi-entry write


def stray_kind(name: str) -> str | None:
    """Why a walk skips a file or folder of this name: "temporary", "hidden" or None."""
    if name.endswith(TEMPORARY_SUFFIX) or name.startswith(TEMPORARY_PREFIX):
        return "temporary"
    if name.startswith(".") and name not in HARMLESS_HIDDEN:
        return "hidden"
    return None


def _walk(
    directory: Path,
    relative: str,
    problems: list[tuple[Path, Phrase]] | None,
    rule: LinkRule | None,
    strays: list[tuple[Path, str]] | None,
) -> Iterator[tuple[Path, str, os.DirEntry[str]]]:
    try:
        with os.scandir(directory) as scan:
            listed = sorted(scan, key=_sort_name)
    except OSError as exc:
        if problems is not None and relative:
            problems.append((directory, phrase("store.unreadable-folder", reason=os_reason(exc))))
        return
    # `directory / name` re-parses `name`; CPython's own child constructor (used by
    # Path.iterdir) does not. Private, hence the fallback.
    child = getattr(directory, "_make_child_relpath", directory.joinpath)
    for entry in listed:
        name = entry.name
        if name[0] == "." or name.endswith(TEMPORARY_SUFFIX):
            # Never read; reported (validate) unless harmless.
            kind = stray_kind(name)
            if strays is not None and kind is not None:
                strays.append((child(name), kind))
            continue
        is_yaml = name.endswith((".yaml", ".yml"))
        try:
            if rule is not None and entry.is_symlink():
                if not (is_yaml or entry.is_dir()):
                    continue  # a link to some other file: never read, like the file itself
                reason = rule.judge(child(name))
                if reason is not None:
                    if problems is not None:
                        problems.append((child(name), reason))
                    continue
                is_dir = entry.is_dir()  # the rule let the link be followed
            else:
                is_dir = entry.is_dir(follow_symlinks=False)
            is_file = not is_dir and is_yaml and entry.is_file()
        except OSError as exc:
            if problems is not None and is_yaml:
                reason = phrase("store.unreadable-file", reason=os_reason(exc))
                problems.append((child(name), reason))
            continue
        if is_dir:
            yield from _walk(child(name), f"{relative}{name}/", problems, rule, strays)
        elif is_file:
            # A child path shares the folder's parts: less memory than Path(str).
            yield child(name), relative + name, entry
        elif is_yaml and problems is not None:
            problems.append((child(name), phrase("store.not-a-file")))


def _sort_name(entry: os.DirEntry[str]) -> str:
    # Paths compare case-insensitively on Windows, as `sorted(rglob())` does there.
    return os.path.normcase(entry.name)


def iter_yaml_files(folder: Path) -> Iterator[Path]:
    """Every `*.yaml`/`*.yml` file under `folder`, sorted, hidden ones skipped."""
    for path, _, _ in walk_yaml_files(folder):
        yield path


def dump_entry(data: dict[str, Any], header: str = "") -> str:
    """Serialise a new inventory entry (never used on hand-edited files).

    Text is written so that it reads back as the same text under the YAML 1.2
    rules above: strings that could be mistaken for something else are quoted,
    and text of several lines is a `|` block, as a coordinator would type it.
    """
    body = yaml.dump(
        data,
        Dumper=_entry_dumper(),
        allow_unicode=True,
        sort_keys=False,
        width=88,
        default_flow_style=False,
    )
    return header + body


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # PyYAML itself falls back to quoting where a block cannot hold the text
    # (trailing spaces, control characters), so this never changes the data.
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    # Lists of ids read best on one line, as in the hand-written files: [sv, en].
    flow = all(isinstance(item, str) and "\n" not in item for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


def _entry_dumper() -> type[yaml.SafeDumper]:
    base: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    dumper: type[yaml.SafeDumper] = type("EntryDumper", (base,), {})
    dumper.add_representer(str, _represent_text)
    dumper.add_representer(list, _represent_list)
    return dumper
