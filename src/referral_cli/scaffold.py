"""`referral init` and `referral ci setup`: a new guideline repository, and its pipeline.

The starter files live in `starter/<language>/`; the pipelines for the forges in
`starter/ci/`. Both are `string.Template`s: `${today}`, `${name}` and `${version}` (the
referral version the pipeline and the pre-commit hook install) are filled in.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from string import Template

from referral_cli import __version__
from referral_cli.errors import UsageError
from referral_cli.findings import suggestion
from referral_cli.i18n import os_reason, phrase
from referral_cli.schemas import render_schemas

STARTER_DIR = Path(__file__).parent / "starter"
# Files shipped without their leading dot so packaging tools do not skip them.
_RENAMES = {"gitignore": ".gitignore", "pre-commit-config.yaml": ".pre-commit-config.yaml"}
_NAMES = {"sv": "Mitt bibliotek", "en": "My library"}
NO_CI = "none"
# Each forge's pipeline: the starter file and where it goes in the repository.
CI_FILES: dict[str, tuple[str, Path]] = {
    "gitlab": ("gitlab-ci.yml", Path(".gitlab-ci.yml")),
    "github": ("github-workflow.yml", Path(".github/workflows/referral.yml")),
}
FORGES = (*CI_FILES, NO_CI)


def ci_files(forge: str, version: str = __version__) -> dict[Path, str]:
    """The pipeline for `forge` (gitlab or github): relative path to content."""
    if forge not in CI_FILES:
        raise _unknown_forge("ci.unknown-forge", forge, CI_FILES)
    source, target = CI_FILES[forge]
    text = (STARTER_DIR / "ci" / source).read_text(encoding="utf-8")
    return {target: Template(text).safe_substitute(version=version)}


def _unknown_forge(key: str, value: str, choices: Iterable[str]) -> UsageError:
    listed = list(choices)
    return UsageError(
        phrase(key, value=value, suggestion=suggestion(value, listed), choices=", ".join(listed))
    )


def planned_files(
    language: str, today: date, ci: str = NO_CI, version: str = __version__
) -> dict[Path, str]:
    """Relative path to content for every file `init` writes."""
    if language not in _NAMES:
        raise UsageError(phrase("init.unknown-language", value=language))
    if ci not in FORGES:
        raise _unknown_forge("init.unknown-ci", ci, FORGES)
    pipeline = ci_files(ci, version) if ci != NO_CI else {}
    source = STARTER_DIR / language
    values = {"today": today.isoformat(), "name": _NAMES[language], "version": version}
    files: dict[Path, str] = {}
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(source)
        relative = relative.with_name(_RENAMES.get(relative.name, relative.name))
        files[relative] = Template(path.read_text(encoding="utf-8")).safe_substitute(values)
    for name, text in render_schemas().items():
        files[Path("schemas") / name] = text
    return {**files, **pipeline}


def create_repository(
    directory: Path, language: str = "sv", today: date | None = None, ci: str = NO_CI
) -> list[Path]:
    """Write the starter repository into `directory`; refuse to overwrite anything."""
    return write_new_files(directory, planned_files(language, today or date.today(), ci))


def add_pipeline(root: Path, forge: str) -> list[Path]:
    """Write `forge`'s pipeline into the existing repository `root`; never overwrite one."""
    return write_new_files(root, ci_files(forge), exists="ci.would-overwrite")


def write_new_files(
    directory: Path, files: dict[Path, str], exists: str = "init.would-overwrite"
) -> list[Path]:
    """Write `files` (relative path to text) under `directory`, all or none of them.

    Refuses with the message `exists` when any of them exists; on a failure removes
    what it wrote (all new).
    """
    if directory.exists() and not directory.is_dir():
        raise UsageError(phrase("init.is-a-file", path=str(directory)))
    existing = [directory / rel for rel in files if (directory / rel).exists()]
    if existing:
        listed = ", ".join(str(p) for p in existing[:5])
        raise UsageError(phrase(exists, files=listed))
    written: list[Path] = []
    for relative, text in files.items():
        target = directory / relative
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("x", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as exc:
            for path in written:  # all new: nothing of the user's is removed
                path.unlink(missing_ok=True)
            raise UsageError(
                phrase("init.cannot-create", path=str(target), reason=os_reason(exc))
            ) from None
        written.append(target)
    return written
