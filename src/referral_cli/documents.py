"""Templates to files: formats, template folders, rendering, PDF printing, atomic writes.

Shared by every command that writes documents (`render`, `report actor`): options are
checked before any data is read (`plan_documents`), every document is rendered in
memory (`render_documents`), and files are written only when all of them rendered
(`write_files`): all of them, or none.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from referral_cli.errors import FindingsError, UsageError
from referral_cli.findings import Finding, suggestion
from referral_cli.i18n import os_reason, phrase
from referral_cli.rendering import (
    OutputKind,
    TemplateProblem,
    build_environment,
    default_template_dir,
    render_template,
)
from referral_cli.stdio import is_dash, stdout_is_terminal, write_stdout

FORMATS: Final = ("html", "md", "pdf")
ALL_FORMATS: Final = "all"
TEMPLATES_DIR: Final = "templates"


@dataclass(frozen=True)
class DocumentPlan:
    """Checked output options: the formats to write and where templates come from."""

    formats: tuple[str, ...]
    template_dirs: tuple[Path, ...]


def unknown_choice(kind: str, value: str, choices: Iterable[str]) -> UsageError:
    """The usage error for a value that is not one of `choices`, with a did-you-mean.

    `kind` is the catalogue key naming what was chosen (e.g. `render.choice.format`).
    """
    listed = list(choices)
    return UsageError(
        phrase(
            "common.unknown-choice",
            kind=phrase(kind),
            value=value,
            suggestion=suggestion(value, listed),
            choices=", ".join(listed),
        )
    )


def split_values(values: Iterable[str], *, unique: bool = True) -> list[str]:
    """Accept both repeated options and comma-separated lists, in order."""
    parts = [part.strip() for value in values for part in value.split(",") if part.strip()]
    return list(dict.fromkeys(parts)) if unique else parts


def plan_documents(root: Path, formats: Sequence[str], templates: Path | None) -> DocumentPlan:
    """Check `--format` and `--templates` (without reading data); `UsageError` if wrong."""
    chosen = split_values(formats) or ["html"]
    for name in chosen:
        if name not in (*FORMATS, ALL_FORMATS):
            raise unknown_choice("render.choice.format", name, (*FORMATS, ALL_FORMATS))
    if ALL_FORMATS in chosen:
        chosen = list(FORMATS)
    if "pdf" in chosen:
        require_weasyprint()
    return DocumentPlan(
        formats=tuple(name for name in FORMATS if name in chosen),
        template_dirs=template_dirs(root, templates),
    )


def template_dirs(root: Path, templates: Path | None) -> tuple[Path, ...]:
    """`--templates DIR` if given, else the repository's own `templates/` if it has one."""
    if templates is not None:
        if not templates.is_dir():
            raise UsageError(phrase("render.no-templates-folder", folder=str(templates)))
        return (templates,)
    own = root / TEMPLATES_DIR
    if own.is_dir() and own.resolve() != default_template_dir().resolve():
        return (own.resolve(),)
    return ()


def render_repository_template(
    root: Path, output: OutputKind, name: str, context: Mapping[str, Any]
) -> str:
    """One template of the repository at `root`: its own `templates/` over the defaults.

    As `referral render` does it: sandboxed, and a broken repository template is a
    located finding (`problem_to_error`).
    """
    dirs = template_dirs(root, None)
    env = build_environment(output, dirs)
    try:
        return render_template(env, name, context)
    except TemplateProblem as problem:
        raise problem_to_error(problem, root, dirs) from None


def require_weasyprint() -> None:
    """Refuse PDF output early, with advice, when WeasyPrint cannot run here."""
    try:
        from weasyprint.urls import URLFetcher  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: F401
    except ImportError:
        raise UsageError(phrase("render.pdf-missing")) from None
    except OSError as exc:  # WeasyPrint is there but a system library is not
        advice = phrase("render.pdf-missing")
        library = re.search(r"'([^']+)'", str(exc))  # the system library it could not load
        reason = phrase("render.pdf-library", name=library.group(1)) if library else os_reason(exc)
        raise UsageError(phrase("render.pdf-broken", advice=advice, reason=reason)) from None


def problem_to_error(problem: TemplateProblem, root: Path, dirs: Sequence[Path]) -> Exception:
    """A repository's template problem is a finding (exit 1); a default template's is a bug.

    `dirs`: the repository's template folders the environment searched.
    """
    path = problem.path
    if path is not None and _in_template_dirs(path, dirs):
        # Lexically relative: resolving would follow a refused link to where it points.
        shown = Path(os.path.relpath(os.path.abspath(path), os.path.abspath(root))).as_posix()  # noqa: PTH100
        finding = Finding(
            shown if not shown.startswith("..") else str(path),
            problem.line or 1,
            1,
            "error",
            "template-error",
            problem.worded(),
            phrase("render.template-error.hint"),
        )
        return FindingsError([finding])
    return RuntimeError(f"a default template failed: {problem.describe()}")


def _in_template_dirs(path: Path, dirs: Sequence[Path]) -> bool:
    # Without following links: a refused link is the repository's, wherever it points.
    here = Path(os.path.abspath(path))  # noqa: PTH100 - resolve() would follow the link
    return any(
        here.is_relative_to(Path(os.path.abspath(d)))  # noqa: PTH100 - as above
        or here.is_relative_to(d.resolve())
        for d in dirs
    )


def refuse_several_on_stdout(count: int) -> None:
    """`--out -` takes exactly one file: a `UsageError` for any other count."""
    if count != 1:
        raise UsageError(phrase("render.out-dash-several", count=count))


def tidy_markdown(text: str) -> str:
    """No trailing spaces, at most one blank line in a row, one newline at the end."""
    lines = [line.rstrip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def with_script_fonts(html: str) -> str:
    """`html` with the bundled fonts of the scripts its text uses (Arabic, Ethiopic) added.

    The Latin faces come with every page (`fonts.css`); a script font is embedded only
    where it is needed, as the last rules of the first style sheet.
    """
    from referral_cli.fonts import script_font_css

    rules = script_font_css(html)
    if not rules or "</style>" not in html:
        return html
    head, tail = html.split("</style>", 1)
    return head + rules + "</style>" + tail


def html_to_pdf(html: str) -> bytes:
    """Print HTML to PDF with WeasyPrint; no resource is ever fetched from the network."""
    import logging

    from weasyprint import HTML  # type: ignore[import-untyped,import-not-found,unused-ignore]
    from weasyprint.urls import URLFetcher  # type: ignore[import-untyped,import-not-found,unused-ignore]

    fetcher = URLFetcher(allowed_protocols=("data",), allow_redirects=False, timeout=1)
    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.ERROR)  # CSS WeasyPrint ignores is not the user's problem
    try:
        pdf: bytes = HTML(string=html, url_fetcher=fetcher).write_pdf()
    finally:
        logger.setLevel(level)
    return pdf


def render_documents(
    root: Path,
    plan: DocumentPlan,
    documents: Iterable[tuple[str, str, dict[str, Any]]],
) -> dict[str, bytes]:
    """Render `(template stem, file stem, context)` in every planned format: name -> bytes.

    The template `<stem>.html.j2` makes both the HTML and the PDF; `<stem>.md.j2`
    the Markdown. A broken repository template raises `FindingsError` (located).
    """
    outputs: list[OutputKind] = []
    if "html" in plan.formats or "pdf" in plan.formats:
        outputs.append("html")
    if "md" in plan.formats:
        outputs.append("md")
    environments = {output: build_environment(output, plan.template_dirs) for output in outputs}
    files: dict[str, bytes] = {}
    for template, stem, context in documents:
        texts: dict[str, str] = {}
        for output, env in environments.items():
            try:
                texts[output] = render_template(env, f"{template}.{output}.j2", context)
            except TemplateProblem as problem:
                raise problem_to_error(problem, root, plan.template_dirs) from None
        if "md" in texts:
            texts["md"] = tidy_markdown(texts["md"])
        if "html" in texts:
            texts["html"] = with_script_fonts(texts["html"])
        for fmt in plan.formats:
            content = html_to_pdf(texts["html"]) if fmt == "pdf" else texts[fmt].encode("utf-8")
            files[f"{stem}.{fmt}"] = content
    return files


def write_files(out: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write every file into `out` (created if needed), all or nothing; return the paths.

    Every file is first written in full under a new hidden name; only then are they
    renamed into place, one by one. Should a rename fail (a file open in another
    program on Windows, a target that became a folder) or the run be interrupted,
    the files already replaced get their old content back and new ones are removed:
    a reader finds either the old set or the new one, never a mix.

    `out` `-` writes the one file to standard output instead (and returns no path);
    more than one is a `UsageError`, before anything is written.
    """
    if is_dash(out):
        refuse_several_on_stdout(len(files))
        for name, content in files.items():
            if name.endswith(".pdf") and stdout_is_terminal():
                raise UsageError(phrase("documents.binary-to-terminal", name=name))
            write_stdout(content)
        return []
    targets = _checked_targets(out, files)
    staged: list[tuple[Path, Path]] = []  # (temporary, target)
    replaced: list[tuple[Path, Path | None]] = []  # (target, its old content or None)
    target = out
    try:
        for target, content in zip(targets, files.values(), strict=True):
            staged.append((_write_temporary(target, content), target))
        for temporary, target in staged:
            replaced.append((target, _keep_old(target)))
            temporary.replace(target)
    except BaseException as exc:
        _restore(replaced)
        if isinstance(exc, OSError):
            raise UsageError(
                phrase("common.cannot-write", path=str(target), reason=os_reason(exc))
            ) from None
        raise
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        for _, old in replaced:
            if old is not None:
                old.unlink(missing_ok=True)
    return targets


def _checked_targets(out: Path, files: Mapping[str, bytes]) -> list[Path]:
    """The paths to write, after making sure `out` is a folder and no target is one."""
    if out.exists() and not out.is_dir():
        raise UsageError(phrase("common.out-is-file", out=str(out)))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(
            phrase("common.cannot-create-folder", folder=str(out), reason=os_reason(exc))
        ) from None
    targets = [out / name for name in files]
    for target in targets:
        if target.is_dir():
            reason = os_reason(IsADirectoryError(errno.EISDIR, str(target)))  # catalogue words
            raise UsageError(phrase("common.cannot-write", path=str(target), reason=reason))
    return targets


def _write_temporary(target: Path, content: bytes) -> Path:
    """`content` in a new hidden file beside `target` (permissions as for any new file)."""
    while True:
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:  # pragma: no cover - 32 random bits taken
            continue
        break
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(content)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _keep_old(target: Path) -> Path | None:
    """A second name for the file `target` is about to replace (None: there is none)."""
    if not target.exists():
        return None
    old = target.with_name(f".{target.name}.{secrets.token_hex(4)}.old")
    try:
        os.link(target, old)  # the same file under a second name: nothing is copied
    except OSError:
        shutil.copy2(target, old)  # no hard links here (FAT, some network drives)
    return old


def _restore(replaced: list[tuple[Path, Path | None]]) -> None:
    """Put back what `replaced` held: old files where they were, new ones removed."""
    for target, old in reversed(replaced):
        try:
            if old is None:
                target.unlink(missing_ok=True)
            else:
                old.replace(target)
        except OSError:  # pragma: no cover - the folder vanished under us
            continue


def guidelines_revision(root: Path) -> tuple[str | None, bool]:
    """The version the handouts print: HEAD's short commit, and whether it changed.

    The commit is None outside git; changed means `data/` or `templates/` have
    uncommitted changes (printed `abc1234+ändringar`).
    """
    from referral_cli.store.gitio import head_revision

    return head_revision(root, "data", TEMPLATES_DIR)
