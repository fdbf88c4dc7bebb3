"""`referral init`: a new guideline repository a library can start from."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from string import Template

from referral_cli.errors import UsageError
from referral_cli.i18n import phrase
from referral_cli.schemas import render_schemas

STARTER_DIR = Path(__file__).parent / "starter"
# Files shipped without their leading dot so packaging tools do not skip them.
_RENAMES = {"gitignore": ".gitignore", "pre-commit-config.yaml": ".pre-commit-config.yaml"}
_NAMES = {"sv": "Mitt bibliotek", "en": "My library"}


def planned_files(language: str, today: date) -> dict[Path, str]:
    """Relative path to content for every file `init` writes."""
    if language not in _NAMES:
        raise UsageError(phrase("init.unknown-language", value=language))
    source = STARTER_DIR / language
    values = {"today": today.isoformat(), "name": _NAMES[language]}
    files: dict[Path, str] = {}
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(source)
        relative = relative.with_name(_RENAMES.get(relative.name, relative.name))
        files[relative] = Template(path.read_text(encoding="utf-8")).safe_substitute(values)
    for name, text in render_schemas().items():
        files[Path("schemas") / name] = text
    return files


def create_repository(
    directory: Path, language: str = "sv", today: date | None = None
) -> list[Path]:
    """Write the starter repository into `directory`; refuse to overwrite anything."""
    files = planned_files(language, today or date.today())
    if directory.exists() and not directory.is_dir():
        raise UsageError(phrase("init.is-a-file", path=str(directory)))
    existing = [directory / rel for rel in files if (directory / rel).exists()]
    if existing:
        listed = ", ".join(str(p) for p in existing[:5])
        raise UsageError(phrase("init.would-overwrite", files=listed))
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
                phrase("init.cannot-create", path=str(target), reason=exc.strerror or str(exc))
            ) from None
        written.append(target)
    return written
