"""The one place that turns exceptions into messages and exit codes, in the reader's language.

Exit codes: 0 ok, 1 findings in the data, 2 usage, 3 unexpected (a bug), 130 interrupted,
141 when the program reading the output stopped first (`referral actors | head -1`).
No traceback ever reaches the user, and no third-party text either: click's usage errors
(an unknown option, a missing argument, a value an option does not take) are worded
from the catalogue here, like referral's own errors.

The language is the reader's (`i18n.reader_language`): `--lang`, else `$REFERRAL_LANG`,
else the library's `language`, else Swedish. A command that failed before it read
`library.yaml` still speaks the library's language: the handler reads it then.

How a failed command ends depends on what it does: a command that writes says that
nothing was written; a command that only reads never claims it.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, cast, overload

import typer
from typer.core import TyperGroup

if TYPE_CHECKING:
    from referral_cli.i18n import Phrase

from referral_cli import __version__

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_UNEXPECTED = 3
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a writer whose reader left

P = ParamSpec("P")
R = TypeVar("R")
# Whether a command writes files: always, never, or depending on its options (by name).
Writes = bool | Callable[[Mapping[str, Any]], bool]
# The `--lang` a command was given, as the reader's language (None: not said).
ReaderLang = Callable[[Mapping[str, Any]], str | None]


def lang_option(options: Mapping[str, Any]) -> str | None:
    """The usual case: `--lang` names the reader's language (checked: sv or en)."""
    asked = options.get("lang")
    return asked if isinstance(asked, str) else None


def err(message: str) -> None:
    r"""Write one message (or several lines) to standard error.

    A control character in it (typed in an argument, `--root $'\e[31m'`) is shown as
    an escape, never acted on by the terminal.
    """
    from referral_cli.text import printable

    sys.stderr.write(printable(message.rstrip("\n")) + "\n")


def drop_standard_output() -> None:
    """Point standard output at the null device, so the exit's flush cannot fail again."""
    import os

    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor (a test's runner): nothing to redirect
        pass


def report_error(exc: BaseException, lang: str, *, writes: bool = False) -> int:
    """Print what the user needs to know about `exc` in `lang`; return its exit code.

    `writes`: the command writes files, so a failure says that nothing was written.
    """
    from referral_cli.errors import CommitFailedError, FindingsError, UsageError
    from referral_cli.i18n import t

    if isinstance(exc, KeyboardInterrupt):
        err(t("cli.interrupted" if writes else "cli.interrupted-reading", lang))
        return EXIT_INTERRUPTED
    if isinstance(exc, BrokenPipeError):
        # The program reading the output stopped (`| head`): no bug, nothing to say,
        # and nothing more can be written there.
        drop_standard_output()
        return EXIT_BROKEN_PIPE
    if isinstance(exc, FindingsError):
        for finding in exc.findings:
            err(finding.format(lang))
        err(t("cli.nothing-written" if writes else "cli.fix-and-rerun", lang))
        return EXIT_FINDINGS
    if isinstance(exc, CommitFailedError):
        from referral_cli.cli.terminal import shown

        for path in exc.paths:
            typer.echo(shown(path))
    if isinstance(exc, UsageError):
        err(t("cli.error", lang, message=exc.text(lang)))
        return EXIT_USAGE
    err(t("cli.unexpected", lang, kind=type(exc).__name__, detail=str(exc), version=__version__))
    return EXIT_UNEXPECTED


@overload
def handle_errors(func: Callable[P, R], /) -> Callable[P, R]: ...


@overload
def handle_errors(
    *, writes: Writes = False, reader_lang: ReaderLang = lang_option
) -> Callable[[Callable[P, R]], Callable[P, R]]: ...


def handle_errors(
    func: Callable[P, R] | None = None,
    /,
    *,
    writes: Writes = False,
    reader_lang: ReaderLang = lang_option,
) -> Callable[P, R] | Callable[[Callable[P, R]], Callable[P, R]]:
    """Run a command in its reader's language, mapping every exception through `report_error`.

    `@handle_errors` for a command that only reads; `@handle_errors(writes=True)` for one
    that writes files, or `writes=lambda options: ...` when that depends on its options.
    `reader_lang` picks the reader's language out of the options, where `--lang` may
    name something else too (render's `--lang ar` is the visitor's language).
    """

    def decorate(command: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(command)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            from referral_cli.i18n import command_language, requested_language, use_language

            with command_language():
                try:
                    use_language(requested_language(reader_lang(kwargs)))
                    return command(*args, **kwargs)
                except (typer.Exit, typer.Abort, SystemExit):
                    raise
                except (Exception, KeyboardInterrupt) as exc:
                    writing = writes(kwargs) if callable(writes) else writes
                    code = report_error(exc, error_language(kwargs), writes=writing)
                    raise typer.Exit(code) from None

        return wrapper

    return decorate(func) if func is not None else decorate


def error_language(options: Mapping[str, Any]) -> str:
    """The language of a failed command's messages.

    As the command knew it (asked for, or the library it read); else
    `$REFERRAL_LANG`; else the library's at `--root` (or where the command would look);
    else Swedish.
    """
    from referral_cli.errors import UsageError
    from referral_cli.i18n import DEFAULT_LANGUAGE, known_language, requested_language

    known = known_language()
    if known is not None:
        return known
    try:
        asked = requested_language(None)
    except UsageError:
        asked = None
    roots = options.get("roots") or [options.get("root")]
    return asked or library_language_at(roots[0]) or DEFAULT_LANGUAGE


def library_language_at(root: Path | str | None) -> str | None:
    """The `language` of the repository at `root` (or found from here), or None."""
    from referral_cli.errors import UsageError
    from referral_cli.store.repository import find_root, library_language

    try:
        folder = find_root(Path(root) if root else None)
    except (UsageError, OSError):
        return None
    return library_language(folder)


# --------------------------------------------------------------------------- usage errors


class ReferralGroup(TyperGroup):
    """The app's command group: click's usage errors are worded from the catalogue.

    Parsing happens before any command runs, so these errors never reach
    `handle_errors`; `main` catches them instead, in the reader's language as far
    as the command line says it (`--lang`, `$REFERRAL_LANG`, the library's).
    """

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the app; a usage error is our own sentence, exit 2."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        given = list(sys.argv[1:] if args is None else args)
        try:
            code = super().main(given, prog_name, complete_var, standalone_mode=False, **extra)
        except _click_errors().NoArgsIsHelpError as exc:
            exc.show()  # the help text, which may stay English (README says so)
            sys.exit(exc.exit_code)
        except _click_errors().ClickException as exc:
            where = self.named_command(given, prog_name or "referral")
            sys.exit(report_usage_error(exc, language_of_arguments(given), where))
        except (getattr(_click_errors(), "Abort", typer.Abort), typer.Abort):
            sys.exit(report_error(KeyboardInterrupt(), language_of_arguments(given)))
        sys.exit(code if isinstance(code, int) else EXIT_OK)

    def named_command(self, args: Sequence[str], prog_name: str) -> tuple[str, Any]:
        """The command path and command that `args` name, as far as they name one.

        Some usage errors come without the context they arose in; this is where.
        """
        path, command = [prog_name], cast(Any, self)
        for arg in args:
            if arg.startswith("-") or not hasattr(command, "get_command"):
                break
            found = command.get_command(None, arg)
            if found is None:
                break
            path.append(arg)
            command = found
        return " ".join(path), command

    def resolve_command(self, ctx: Any, args: list[str]) -> tuple[str | None, Any, list[str]]:
        """The subcommand named first in `args`; an unknown name is our own usage error."""
        name = args[0] if args else ""
        if args and not name.startswith("-") and self.get_command(ctx, name) is None:
            raise UnknownCommandError(name, sorted(self.list_commands(ctx)), ctx)
        return super().resolve_command(ctx, args)


def _click_errors() -> Any:
    """The exception module of the click typer runs on (typer's own copy, or click)."""
    return sys.modules[typer.BadParameter.__module__]


class UnknownCommandError(_click_errors().UsageError):  # type: ignore[misc]
    """A subcommand name the group does not have."""

    def __init__(self, name: str, known: Sequence[str], ctx: Any) -> None:
        super().__init__(name, ctx)
        self.name = name
        self.known = list(known)


def language_of_arguments(args: Sequence[str]) -> str:
    """The reader's language as a command line says it, before anything is parsed."""
    from referral_cli.errors import UsageError
    from referral_cli.i18n import DEFAULT_LANGUAGE, language_code, requested_language

    given = _option_value(args, "--lang")
    code = language_code(given) if given else None
    if code is None:
        try:
            code = requested_language(None)
        except UsageError:
            code = None
    return code or library_language_at(_option_value(args, "--root")) or DEFAULT_LANGUAGE


def _option_value(args: Sequence[str], option: str) -> str | None:
    """The value given to `option` in `args` (`--x V` or `--x=V`), the first one."""
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == option and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith(option + "="):
            return arg.split("=", 1)[1]
    return None


def report_usage_error(exc: Exception, lang: str, where: tuple[str, Any]) -> int:
    """Print a usage error of the command line in `lang`; exit 2.

    `where`: the command path and command the arguments name, for an error that
    comes without its context.
    """
    from referral_cli.i18n import t

    err(t("cli.error", lang, message=usage_message(exc, where).word(lang)))
    return EXIT_USAGE


def usage_message(exc: Exception, where: tuple[str, Any]) -> Phrase:
    """What went wrong on the command line, in the catalogue's words."""
    from referral_cli.findings import suggestion
    from referral_cli.i18n import phrase

    errors = _click_errors()
    ctx = getattr(exc, "ctx", None)
    command, command_object = (ctx.command_path, ctx.command) if ctx is not None else where
    if isinstance(exc, UnknownCommandError):
        close = suggestion(exc.name, exc.known)
        return phrase("cli.usage.unknown-command", name=exc.name, suggestion=close, command=command)
    if isinstance(exc, errors.NoSuchOption):
        options = _option_names(command_object)
        close = suggestion(exc.option_name, options)
        return phrase(
            "cli.usage.unknown-option", option=exc.option_name, suggestion=close, command=command
        )
    if isinstance(exc, errors.BadOptionUsage):
        param = _param_named(command_object, exc.option_name)
        flag = getattr(param, "is_flag", False)
        key = "cli.usage.flag-value" if flag else "cli.usage.needs-value"
        return phrase(key, option=exc.option_name, command=command)
    if isinstance(exc, errors.MissingParameter):
        return phrase("cli.usage.missing", name=_missing_name(exc.param), command=command)
    if isinstance(exc, errors.BadParameter):
        return _bad_value(exc, command)
    if isinstance(exc, errors.UsageError) and ctx is not None:
        if hasattr(ctx.command, "list_commands"):
            return phrase("cli.usage.missing-command", command=command)
        extra = re.search(r"\(([^()]*)\)\s*$", exc.message)
        if extra:
            return phrase("cli.usage.extra-argument", value=extra.group(1), command=command)
    return phrase("cli.usage.other", command=command)


def _bad_value(exc: Any, command: str) -> Phrase:
    """An option's value that its type refuses: a choice, or a number out of its range."""
    from referral_cli.findings import suggestion
    from referral_cli.i18n import phrase

    name = _param_name(exc.param)
    problem = _first_problem(exc) or _click_problem(exc)
    value = problem.get("input")
    shown = value if isinstance(value, str) else ", ".join(map(str, value or ()))
    descriptor = getattr(exc.param, "type_descriptor", None)
    offered = getattr(descriptor, "choices", None) or getattr(
        getattr(exc.param, "type", None), "choices", None
    )
    choices = [str(getattr(c, "value", c)) for c in offered or ()]
    if choices:
        return phrase(
            "cli.usage.not-a-choice",
            option=name,
            value=shown,
            suggestion=suggestion(shown.lower(), choices),
            choices=", ".join(choices),
        )
    kind = str(problem.get("type", ""))
    bounds = {"less_than_equal": "le", "greater_than_equal": "ge", "less_than": "lt"}
    bounds["greater_than"] = "gt"
    if kind in bounds:
        limit = next(iter((problem.get("ctx") or {}).values()), "")
        bound = phrase(f"val.bound.{bounds[kind]}", limit=_number(limit))
        return phrase("cli.usage.out-of-range", option=name, value=shown, bound=bound)
    if kind.endswith("_parsing") or kind.endswith("_type"):
        return phrase("cli.usage.not-a-number", option=name, value=shown)
    return phrase("cli.usage.bad-value", option=name, value=shown, command=command)


def _first_problem(exc: BaseException) -> dict[str, Any]:
    """The first error of the pydantic validation behind a typer `BadParameter`, if any."""
    cause = exc.__cause__
    errors = getattr(cause, "errors", None)
    if callable(errors):
        found = errors()
        if found:
            return dict(found[0])
    return {}


def _click_problem(exc: Any) -> dict[str, Any]:
    """The problem as `_first_problem` gives it, read from click's own message.

    Typer before its pydantic coercion (down to the lowest version referral supports)
    leaves a refused value to click's types, whose message is all there is:
    `'xml' is not one of 'text', 'json'.`, `2.0 is not in the range 0.0<=x<=1.0.`,
    `'hög' is not a valid float range.`
    """
    import ast

    found = re.match(r"(.*?) is not (in the range|one of|a valid)\b", str(exc.message))
    if found is None:
        return {}
    written, what = found.groups()
    try:
        value = ast.literal_eval(written)
    except (ValueError, SyntaxError):
        value = written
    if what == "a valid":
        return {"input": str(value), "type": "float_parsing"}
    if what == "one of" or not isinstance(value, int | float):
        return {"input": str(value)}
    kind = exc.param.type
    shown = _number(value)
    if kind.max is not None and (value > kind.max or (kind.max_open and value == kind.max)):
        bound = "less_than" if kind.max_open else "less_than_equal"
        return {"input": shown, "type": bound, "ctx": {"limit": kind.max}}
    if kind.min is not None and (value < kind.min or (kind.min_open and value == kind.min)):
        bound = "greater_than" if kind.min_open else "greater_than_equal"
        return {"input": shown, "type": bound, "ctx": {"limit": kind.min}}
    return {"input": shown}


def _number(value: object) -> str:
    """`1.0` as `1`: a limit as people write it."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _param_name(param: Any) -> str:
    """How the user writes a parameter: the long option, or the argument's name."""
    if param is None:
        return "?"
    options = [o for o in getattr(param, "opts", ()) if o.startswith("-")]
    if options and getattr(param, "param_type_name", "") == "option":
        return str(max(options, key=len))
    return str(getattr(param, "metavar", None) or param.name or "?").upper()


def _missing_name(param: Any) -> str | Phrase:
    """A missing parameter in words: an argument says what it is (`the new id (NEW)`)."""
    from referral_cli.i18n import catalogue, phrase

    name = _param_name(param)
    key = f"cli.argument.{name.lower()}"
    return phrase(key) if key in catalogue("en") else name


def _param_named(command: Any, option: str) -> Any:
    """The parameter of `command` that `option` names, or None."""
    params = getattr(command, "params", ())
    return next((p for p in params if option in getattr(p, "opts", ())), None)


def _option_names(command: Any) -> list[str]:
    """Every option `command` takes."""
    params = getattr(command, "params", ())
    return sorted(o for p in params for o in getattr(p, "opts", ()) if o.startswith("--"))
