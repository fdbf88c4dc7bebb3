"""Load a repository for a command: read it, check it, and refuse it when it has errors.

Two levels, so every command says which one it needs:

- `load_readable`: every file could be read into the models (commands that only count
  or list, such as `stats` and `inventory`, work on such data);
- `load_valid_guidelines`: readable *and* every cross-file check passes (commands that
  print or write guidance: `render`, `lookup`, `match`, `actors`, `report`).

Both raise `FindingsError` with every error found; warnings never stop a command.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

from referral_cli.errors import FindingsError
from referral_cli.findings import Finding
from referral_cli.store.repository import Guidelines, load_guidelines


def raise_errors(findings: Sequence[Finding]) -> None:
    """Raise `FindingsError` with the errors among `findings`, if there are any."""
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        raise FindingsError(errors)


def load_readable(
    root: Path, *, inventory: bool = True, translations: bool | Collection[str] = False
) -> Guidelines:
    """Load the repository; raise `FindingsError` if a file cannot be read into the models."""
    guidelines, findings = load_guidelines(root, inventory=inventory, translations=translations)
    raise_errors(findings)
    return guidelines


def load_valid_guidelines(
    root: Path,
    *,
    inventory: bool = True,
    contents: dict[str, bytes] | None = None,
    translations: bool | Collection[str] = False,
) -> Guidelines:
    """Load and check the repository; raise `FindingsError` if there is any error.

    `translations`: also the translation files (all, or these languages), checked too.
    """
    from referral_cli.rules.checks import check_guidelines

    guidelines, findings = load_guidelines(
        root, inventory=inventory, contents=contents, translations=translations
    )
    raise_errors([*findings, *check_guidelines(guidelines)])
    return guidelines
