"""Finding and reading the translation files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from referral_cli.findings import Finding
from referral_cli.store.repository import load_guidelines, load_model
from referral_cli.store.translations import (
    load_translations,
    translated_languages,
    translation_display,
    translation_files,
)
from tests.conftest import write_tree


def test_files_by_stem_and_languages_by_code(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "data/translations/ar.yaml": "rows: {}\n",
            "data/translations/sv-lattlast.yml": "rows: {}\n",
            "data/translations/Arabic.yaml": "rows: {}\n",
            "data/translations/.hidden.yaml": "rows: {}\n",
            "data/translations/README.md": "notes\n",
        },
    )
    assert list(translation_files(tmp_path)) == ["Arabic", "ar", "sv-lattlast"]
    assert translated_languages(tmp_path) == ["ar", "sv-lattlast"]
    assert translation_display("ar") == "data/translations/ar.yaml"
    assert translation_files(tmp_path / "nowhere") == {}


def test_load_only_the_languages_asked_for(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "data/translations/ar.yaml": "note: Granskad av N.N.\n",
            "data/translations/uk.yaml": "rows: [\n",  # broken, but not asked for
            "data/translations/so.yaml": "",  # empty is fine
        },
    )
    findings: list[Finding] = []
    loaded = load_translations(tmp_path, findings, load_model, ["ar", "so"])
    assert findings == []
    assert sorted(loaded) == ["ar", "so"]
    assert loaded["ar"].file.note == "Granskad av N.N."
    assert loaded["ar"].display == "data/translations/ar.yaml"
    assert loaded["so"].file.rows == {}
    load_translations(tmp_path, findings, load_model)
    assert [(f.file, f.code) for f in findings] == [("data/translations/uk.yaml", "yaml-syntax")]


def test_the_repository_loads_translations_only_when_asked(make_repo: Callable[..., Path]) -> None:
    repo = make_repo({"data/translations/ar.yaml": "rows: {}\n"})
    plain, _ = load_guidelines(repo, inventory=False)
    assert plain.translations == {}
    asked, findings = load_guidelines(repo, inventory=False, translations=True)
    assert list(asked.translations) == ["ar"] and findings == []
    # Its positions are known like every other file's, for located findings.
    assert "data/translations/ar.yaml" in asked.sources
