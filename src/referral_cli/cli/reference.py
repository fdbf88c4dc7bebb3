"""docs/cli.md, the command reference, written from the app itself.

    python -m referral_cli.cli.reference docs/cli.md

rewrites it; `tests/cli/test_reference.py` fails when the committed file is out of
date. It is built from the commands' own parameters (names, metavars, help texts,
defaults, environment variables) rather than from click's help formatter, so the
text is the same with every typer and click version referral supports.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Any

import typer

HEADER = """# Command reference

Written from `referral` itself by `python -m referral_cli.cli.reference docs/cli.md`;
do not edit it by hand (a test compares it with the app). README.md is the guide: what
each command is for, with examples. Every command also takes `-h` or `--help`, and
`referral --version` (`-V`) prints the version. A value written `a|b` is one of those
choices; `-` as a file means standard input or output where the option says so.
"""


def reference_markdown() -> str:
    """The whole reference as Markdown."""
    from referral_cli.cli import app

    group: Any = typer.main.get_command(app)
    ctx = typer.Context(group, info_name="referral")
    parts = [HEADER, *_command_section(group, ctx, "referral")]
    return "\n".join(parts).rstrip("\n") + "\n"


def _command_section(command: Any, ctx: Any, path: str) -> list[str]:
    lines = [f"## `{path}`", "", _help(command), "", "```", _usage(command, path), "```", ""]
    options = [_option_line(p) for p in command.params if _shown(p) and not _is_argument(p)]
    arguments = [_argument_line(p) for p in command.params if _is_argument(p)]
    if arguments:
        lines += ["Arguments:", "", *arguments, ""]
    if options:
        lines += ["Options:", "", *options, ""]
    subcommands = getattr(command, "commands", None)
    if subcommands:
        names = command.list_commands(ctx)
        lines += ["Commands:", ""]
        lines += [
            f"- [`{path} {n}`](#{_anchor(f'{path} {n}')}): {_summary(subcommands[n])}"
            for n in names
        ]
        lines.append("")
        for name in names:
            sub = subcommands[name]
            lines += _command_section(
                sub, typer.Context(sub, parent=ctx, info_name=name), f"{path} {name}"
            )
    return lines


def _help(command: Any) -> str:
    return " ".join(str(command.help or "").split())


def _summary(command: Any) -> str:
    text = _help(command)
    return text.split(". ")[0].rstrip(".") + "."


def _anchor(title: str) -> str:
    return "".join(ch for ch in title.lower().replace(" ", "-") if ch.isalnum() or ch == "-")


def _is_argument(param: Any) -> bool:
    return bool(param.param_type_name == "argument")


def _shown(param: Any) -> bool:
    hidden = getattr(param, "hidden", False)
    return not hidden and "--help" not in param.opts


def _usage(command: Any, path: str) -> str:
    words = [path]
    if any(_shown(p) and not _is_argument(p) for p in command.params):
        words.append("[OPTIONS]")
    for param in command.params:
        if _is_argument(param):
            name = param.metavar or param.name.upper()
            name += "..." if param.nargs == -1 else ""
            words.append(name if param.required else f"[{name}]")
    if getattr(command, "commands", None):
        words.append("COMMAND [ARGS]...")
    return " ".join(words)


def _argument_line(param: Any) -> str:
    name = (param.metavar or param.name.upper()) + ("..." if param.nargs == -1 else "")
    return f"- `{name}`: {_described(param)}"


def _option_line(param: Any) -> str:
    names = ", ".join(
        f"{opt} {param.metavar}" if not param.is_flag and param.metavar else opt
        for opt in sorted(param.opts, key=len)
    )
    return f"- `{names}`: {_described(param)}"


def _described(param: Any) -> str:
    text = " ".join(str(getattr(param, "help", None) or "").split())
    default = _default(param)
    if default:
        text += f" Default: {default}."
    if getattr(param, "envvar", None) and getattr(param, "show_envvar", False):
        text += f" Environment variable: `{param.envvar}`."
    return text


def _default(param: Any) -> str:
    shown = getattr(param, "show_default", None)
    if isinstance(shown, str):
        return shown
    if shown is False or getattr(param, "is_flag", False):
        return ""
    value = param.default
    if value is None or value == () or value == []:
        return ""
    if isinstance(value, Enum):
        value = value.value
    return f"`{value}`"


def main(argv: list[str] | None = None) -> int:
    """Write the reference to the file named in `argv` (standard output without one)."""
    args = sys.argv[1:] if argv is None else argv
    text = reference_markdown()
    if args:
        Path(args[0]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
