"""Handout labels in the visitors' languages: complete, in their script, marked
machine-made, and the only labels a visitor handout prints."""

from __future__ import annotations

import importlib
import re
import string
from pathlib import Path
from typing import Any

import pytest

from referral_cli.commands.render import RenderOptions, render_handouts
from referral_cli.i18n import catalogue
from referral_cli.i18n.visitor import (
    BUNDLED,
    OWN_LABELS,
    REQUIREMENTS,
    VISITOR_KEYS,
    VISITOR_LABELS,
    bundled_catalogue,
    machine_made,
)
from referral_cli.rules.translations import fingerprint
from tests.conftest import write_tree
from tests.test_render import FIXTURE_TREE

# Each language's own script: a label that is not in it was pasted from elsewhere.
SCRIPTS = {
    "ar": "[\u0600-\u06ff]",
    "fa": "[\u0600-\u06ff]",
    "ti": "[\u1200-\u137f]",
    "uk": "[\u0400-\u04ff]",
    "so": "[a-z]",
    "sv-lattlast": "[a-zåäö]",
}


def test_the_visitor_requirements_are_the_models_requirements() -> None:
    # A copy (i18n must not import pydantic); a value added to the model only would
    # never reach the visitors' catalogues, and its word would fall back unnoticed.
    from referral_cli.models import REQUIREMENTS as MODEL_REQUIREMENTS

    assert REQUIREMENTS == MODEL_REQUIREMENTS


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("code", sorted(BUNDLED))
def test_every_bundled_language_has_every_visitor_label(code: str) -> None:
    words = bundled_catalogue(code)
    assert words is not None
    assert list(words) == list(VISITOR_KEYS)
    english = catalogue("en")
    for key, text in words.items():
        assert text.strip(), (code, key)
        assert placeholders(text) == placeholders(english[key]), (code, key)
        assert re.search(SCRIPTS[code], text), (code, key, text)


@pytest.mark.parametrize("code", sorted(BUNDLED))
def test_machine_made_labels_say_so_in_the_file(code: str) -> None:
    assert machine_made(code)
    module = importlib.import_module(f"referral_cli.i18n.visitor.{BUNDLED[code]}")
    assert "MACHINE-MADE" in (module.__doc__ or "")


def test_swedish_and_english_have_the_visitor_keys_too() -> None:
    for lang in ("sv", "en"):
        assert set(VISITOR_KEYS) <= set(catalogue(lang))
    assert bundled_catalogue("de") is None and not machine_made("de")
    assert len(VISITOR_KEYS) == len(VISITOR_LABELS) + 6 + len(OWN_LABELS)


class Tracking(dict[str, str]):
    """A label dict that remembers which labels a template read."""

    read: set[str] = set()

    def __getitem__(self, key: str) -> str:
        Tracking.read.add(key)
        return super().__getitem__(key)


def test_visitor_handouts_print_only_visitor_labels(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A label outside the visitor set would print in Swedish on an Arabic slip."""
    from referral_cli import visitors

    need = "Bankärenden och inloggning med e-legitimation"
    repo = write_tree(
        tmp_path / "repo",
        {
            **FIXTURE_TREE,
            "data/translations/ar.yaml": (
                f"rows:\n  bank-e-legitimation:\n    need:\n      text: نص\n"
                f"      source: {fingerprint(need)}\n"
            ),
        },
    )
    plain = visitors.VisitorLanguage.labels

    def tracked(self: Any) -> dict[str, str]:
        return Tracking(plain(self))

    monkeypatch.setattr(visitors.VisitorLanguage, "labels", tracked)
    Tracking.read = set()
    for options in (
        RenderOptions(language="ar+sv", formats=("html", "md"), revision="r"),
        RenderOptions(language="ar", formats=("html",), revision="r", large=True, qr=True),
        RenderOptions(language="ar", handouts=("poster",), paper="A3", revision="r"),
    ):
        render_handouts(repo, options)
    allowed = set(VISITOR_LABELS) | {"fallback_note"}
    assert Tracking.read, "the templates read no label at all: the test reads nothing"
    assert Tracking.read <= allowed, sorted(Tracking.read - allowed)


def test_readme_lists_every_label_a_translation_file_may_set() -> None:
    # A library writes these names under `labels:`; one README names wrongly is refused.
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### The bundled labels", 1)[1].split("(that name).", 1)[0]
    listed = set(re.findall(r"`([a-z_.]+)`", section.split("The keys, for the slips", 1)[1]))
    requirements = {key.removeprefix("vocab.") for key in VISITOR_KEYS if key.startswith("vocab.")}
    assert listed == {*VISITOR_LABELS, *OWN_LABELS, *requirements}
