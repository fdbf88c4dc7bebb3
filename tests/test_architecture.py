"""The layout's rules, checked on the source: no import cycles, typer and rich only in
`cli/`, no command importing another command, every command registered in one place."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "referral_cli"
UI_LIBRARIES = ("typer", "rich", "click")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports_of(path: Path) -> Iterator[str]:
    """Every module `path` imports at run time, at any depth (inside functions too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" else None
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = (package or module_name(path)).split(".")
                base = base[: len(base) - node.level + 1]
                yield ".".join([*base, node.module] if node.module else base)
            elif node.module:
                yield node.module
                yield from (f"{node.module}.{alias.name}" for alias in node.names)


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node except what is under `if TYPE_CHECKING:` (annotations only, never run)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in (
            "TYPE_CHECKING",
            "typing.TYPE_CHECKING",
        ):
            yield from (n for child in node.orelse for n in ast.walk(child))
            continue
        yield node
        yield from _runtime_nodes(node)


def internal_graph() -> dict[str, set[str]]:
    known = modules()
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        targets = {target for target in imports_of(path) if target in known and target != name}
        graph[name] = targets
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if target.startswith(node + "."):
                continue  # a package importing its own modules (registration) is no cycle
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_package_has_no_import_cycles() -> None:
    assert find_cycle(internal_graph()) is None


def test_find_cycle_sees_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


@pytest.mark.parametrize("name", sorted(modules()))
def test_only_cli_imports_typer_or_rich(name: str) -> None:
    if name == "referral_cli.cli" or name.startswith("referral_cli.cli."):
        return
    used = {
        target.split(".")[0]
        for target in imports_of(modules()[name])
        if target.split(".")[0] in UI_LIBRARIES
    }
    assert not used, f"{name} imports {sorted(used)}: printing belongs in referral_cli.cli"


def command_of(module: str) -> str:
    """The command a module belongs to: `referral_cli.commands.diff.run` -> `...commands.diff`."""
    return ".".join(module.split(".")[:3])


def test_command_of() -> None:
    assert command_of("referral_cli.commands.diff.run") == "referral_cli.commands.diff"
    assert command_of("referral_cli.commands.stats") == "referral_cli.commands.stats"


@pytest.mark.parametrize(
    "name", sorted(n for n in modules() if n.startswith("referral_cli.commands."))
)
def test_no_command_imports_another_command(name: str) -> None:
    own = command_of(name)
    others = {
        command_of(target)
        for target in imports_of(modules()[name])
        if target.startswith("referral_cli.commands.")
    } - {own}
    assert not others, f"{name} imports {sorted(others)}: move what they share out of commands/"


def test_every_command_is_registered_on_the_app() -> None:
    import typer

    from referral_cli.cli import app

    group = typer.main.get_group(app)
    assert sorted(group.commands) == sorted(
        [
            "actors",
            "add-question",
            "ci",
            "diff",
            "export",
            "init",
            "inventory",
            "lookup",
            "match",
            "render",
            "rename",
            "report",
            "review",
            "schema",
            "stats",
            "validate",
        ]
    )
    assert sorted(group.commands["actors"].commands) == ["show"]  # type: ignore[attr-defined]
    assert sorted(group.commands["report"].commands) == ["actor"]  # type: ignore[attr-defined]
