"""Slips and posters in the visitor's language: the choice, the labels, translated texts
that fall back to the original with a mark, right to left, and the view for the desk page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from referral_cli.commands.render import RenderOptions, render_handouts
from referral_cli.errors import UsageError
from referral_cli.rules.loading import load_valid_guidelines
from referral_cli.rules.translations import fingerprint
from referral_cli.visitors import (
    LanguageChoice,
    VisitorLanguage,
    check_choice,
    desk_slip_choice,
    html_lang,
    is_rtl,
    parse_language,
    visitor_languages,
)
from tests.conftest import write_tree
from tests.test_render import FIXTURE_TREE

NEED = "Bankärenden och inloggning med e-legitimation"
NEED_AR = "الخدمات المصرفية وتسجيل الدخول بالهوية الإلكترونية"
HOURS_AR = "أيام العمل 8–16"
ARABIC = f"""\
rows:
  bank-e-legitimation:
    need:
      text: {NEED_AR}
      source: {fingerprint(NEED)}
    solution:
      text: ترجمة قديمة
      source: bbbbbbbb
actors:
  skatteverket:
    opening_hours:
      text: {HOURS_AR}
      source: {fingerprint("Telefon vardagar 8–16")}
"""
ENGLISH = f"""\
rows:
  bank-e-legitimation:
    need:
      text: Banking and logging in with e-ID
      source: {fingerprint(NEED)}
"""
POLISH = "labels:\n  slip_need: Potrzebujesz pomocy w\n"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tree(
        tmp_path_factory.mktemp("visitors") / "repo",
        {
            **FIXTURE_TREE,
            "data/translations/ar.yaml": ARABIC,
            "data/translations/pl.yaml": POLISH,
        },
    )


def loaded(repo: Path) -> object:
    return load_valid_guidelines(repo, inventory=False, translations=True)


def render(
    repo: Path, lang: str, *handouts: str, formats: tuple[str, ...] = ("html",)
) -> dict[str, str]:
    files = render_handouts(
        repo, RenderOptions(handouts=handouts, formats=formats, language=lang, revision="r")
    )
    return {name: content.decode() for name, content in files.items()}


# --------------------------------------------------------------------------- the choice


@pytest.mark.parametrize(
    ("value", "expected", "suffix"),
    [
        ("sv", LanguageChoice("sv"), ""),
        ("en", LanguageChoice("en"), ""),
        ("ar", LanguageChoice("ar"), "-ar"),
        (" ar+sv ", LanguageChoice("ar", "sv"), "-ar+sv"),
        ("en+sv", LanguageChoice("en", "sv"), "-en+sv"),
        ("sv-lattlast", LanguageChoice("sv-lattlast"), "-sv-lattlast"),
        ("prs", LanguageChoice("prs"), "-prs"),
    ],
)
def test_lang_is_a_code_or_a_code_with_the_original_beside(
    value: str, expected: LanguageChoice, suffix: str
) -> None:
    choice = parse_language(value)
    assert choice == expected
    assert choice.file_suffix == suffix


@pytest.mark.parametrize("value", ["Arabic", "ar+de", "ar+", "+sv", "a", "ar sv", "AR"])
def test_lang_that_is_no_code_is_refused_with_an_example(value: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_language(value)
    assert caught.value.text("en") == (
        f"--lang: '{value}' is not a language: write a code such as sv, en, ar or "
        "sv-lattlast, or ar+sv for Arabic with the Swedish beside it"
    )


@pytest.mark.parametrize(
    ("choice", "message"),
    [
        (
            LanguageChoice("so"),
            "--lang so: there is no translation into 'so' (data/translations/so.yaml); "
            "translated languages: ar, pl",
        ),
        (
            LanguageChoice("ar", "en"),
            "--lang ar+en: the text beside is the original, so it must be the guidelines' own "
            "language, sv (--lang ar+sv)",
        ),
        (
            LanguageChoice("sv", "sv"),
            "--lang sv+sv: the second language is printed beside the first, so they must differ",
        ),
    ],
)
def test_a_choice_the_repository_cannot_print(choice: LanguageChoice, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        check_choice(choice, "sv", ["ar", "pl"])
    assert caught.value.text("en") == message


def test_directions_and_lang_attributes() -> None:
    assert [is_rtl(code) for code in ("ar", "fa", "prs", "ur", "ti", "uk", "sv-lattlast")] == [
        True,
        True,
        True,
        True,
        False,
        False,
        False,
    ]
    assert html_lang("sv-lattlast") == "sv-x-lattlast"  # a valid BCP 47 tag
    assert html_lang("ar") == "ar"


# --------------------------------------------------------------------------- the language


def test_bundled_labels_the_librarys_own_and_the_fallback_mark(repo: Path) -> None:
    guidelines = loaded(repo)
    arabic = VisitorLanguage(guidelines, "ar")  # type: ignore[arg-type]
    words = arabic.labels()
    assert words["slip_need"] == "تحتاج إلى مساعدة في"
    assert words["desk_guide_title"] == "Hänvisningsguide för informationsdisken"  # staff's
    assert words["fallback_note"] == "* النص المعلَّم بـ * مكتوب باللغة السويدية، لأنه لم يُترجم بعد."
    assert arabic.requirement("e_id") == "الهوية الإلكترونية"
    assert arabic.fallback_labels == [] and arabic.machine_labels
    # Polish: referral has no labels; the library gives one, the rest print in Swedish, marked.
    polish = VisitorLanguage(guidelines, "pl")  # type: ignore[arg-type]
    assert polish.labels()["slip_need"] == "Potrzebujesz pomocy w"
    assert polish.labels()["slip_bring"] == "Ta med *"
    assert "label.slip_bring" in polish.fallback_labels
    assert not polish.machine_labels


def test_a_text_is_translated_only_when_current(repo: Path) -> None:
    arabic = VisitorLanguage(loaded(repo), "ar")  # type: ignore[arg-type]
    assert arabic.text("rows", "bank-e-legitimation", "need", NEED) == (NEED_AR, False)
    stale = "Ta reda på vilken e-legitimation användaren har."
    assert arabic.text("rows", "bank-e-legitimation", "solution", stale) == (stale, True)
    assert arabic.text("rows", "kallkritik", "need", "Granska källor") == ("Granska källor", True)


def test_languages_for_a_menu(repo: Path) -> None:
    menu = visitor_languages(loaded(repo))  # type: ignore[arg-type]
    assert [(m["code"], m["name"], m["rtl"], m["translated"]) for m in menu] == [
        ("ar", "العربية", True, 2),
        ("pl", "Polski", False, 0),
    ]
    assert menu[0]["texts"] == menu[1]["texts"] > 2


# --------------------------------------------------------------------------- rendered


def test_a_visitor_language_prints_the_visitor_handouts_under_their_own_names(repo: Path) -> None:
    files = render(repo, "ar", formats=("html", "md"))
    assert sorted(files) == [
        "poster-ar.html",
        "poster-ar.md",
        "public-page-ar.html",  # a web page: HTML only
        "referral-slips-ar.html",
        "referral-slips-ar.md",
    ]
    assert sorted(render(repo, "sv")) == sorted(render(repo, "en"))  # sv and en as before


def test_an_arabic_slip_is_right_to_left_with_numbers_left_to_right(repo: Path) -> None:
    html = render(repo, "ar", "referral-slips")["referral-slips-ar.html"]
    assert '<html lang="ar" dir="rtl">' in html
    assert f'<p class="slip-need">{NEED_AR}</p>' in html
    assert '<span dir="ltr">8–16</span>' in html  # inside the translated opening hours
    assert 'هاتف <span class="nowrap" dir="ltr">0771-567 567</span>' in html
    assert '<a class="url" href="https://www.skatteverket.se" dir="ltr">' in html
    # Names are the original's, set in its language and direction.
    assert '<span lang="sv" dir="ltr">Skatteverket</span>' in html
    # A row with no translation prints its need in Swedish, marked, and the slip says why.
    assert '<span class="original" lang="sv" dir="ltr">Granska källor</span>&nbsp;*' in html
    # Only the slips that show a mark carry the note: the bank slip is all Arabic.
    notes = [
        '<p class="slip-note">* النص المعلَّم' in section
        for section in html.split('<section class="slip ')[1:]
    ]
    assert notes == [False, True, True]
    # Language names in their own script, separated by the Arabic comma.
    assert "Svenska</bdi>&rlm;، <bdi" in html
    assert '[dir="rtl"] * { letter-spacing: 0 !important; }' in html


def test_a_bilingual_slip_prints_the_swedish_need_beside(repo: Path) -> None:
    html = render(repo, "ar+sv", "referral-slips")["referral-slips-ar+sv.html"]
    assert f'<p class="slip-beside" lang="sv" dir="ltr">{NEED}</p>' in html
    assert 'تحتاج إلى مساعدة في · <span lang="sv" dir="ltr">Du behöver hjälp med</span>' in html
    # An untranslated need is printed once, in Swedish, marked: never twice.
    assert html.count("Granska källor") == 1


def test_markdown_marks_the_original_too(repo: Path) -> None:
    md = render(repo, "ar", "referral-slips", formats=("md",))["referral-slips-ar.md"]
    assert f"## {NEED_AR}\n" in md
    assert "## Granska källor \\*\n" in md
    assert "أوقات العمل: " + HOURS_AR in md


def test_the_poster_in_arabic(repo: Path) -> None:
    html = render(repo, "ar+sv", "poster")["poster-ar+sv.html"]
    assert "هل تحتاج إلى مساعدة في أمر رقمي؟" in html
    assert f'{NEED_AR}<span class="beside" lang="sv" dir="ltr">{NEED}</span>' in html
    assert '<p class="note">* النص المعلَّم' in html


def test_english_translates_the_data_only_with_a_translation_file(tmp_path: Path) -> None:
    plain = write_tree(tmp_path / "plain", FIXTURE_TREE)
    before = render(plain, "en", "referral-slips")["referral-slips.html"]
    assert NEED in before and "slip-note" not in before.split("</style>")[1]
    translated = write_tree(tmp_path / "en", {**FIXTURE_TREE, "data/translations/en.yaml": ENGLISH})
    after = render(translated, "en", "referral-slips", "desk-guide")
    slips = after["referral-slips.html"]
    assert "Banking and logging in with e-ID" in slips
    assert '<span class="original" lang="sv" dir="ltr">Granska källor</span>&nbsp;*' in slips
    assert "Text marked * is in Swedish: it has not been translated yet." in slips
    # Staff handouts keep the data as written.
    assert NEED in after["desk-guide.html"]


def test_a_broken_translation_stops_only_its_own_language(tmp_path: Path) -> None:
    from referral_cli.errors import FindingsError

    repo = write_tree(
        tmp_path / "repo",
        {**FIXTURE_TREE, "data/translations/ar.yaml": "labels:\n  slip_ned: x\n"},
    )
    with pytest.raises(FindingsError) as caught:
        render(repo, "ar")
    assert [f.code for f in caught.value.findings] == ["translation-unknown-label"]
    assert render(repo, "sv", "referral-slips")  # Swedish slips never read it


def test_visitor_handouts_print_no_internal_field(repo: Path) -> None:
    files = render(repo, "ar+sv", formats=("html", "md"))
    for content in files.values():
        assert not re.search("INTERNAL-", content)


@pytest.mark.parametrize(
    ("code", "own", "key"),
    [
        ("ar", "sv", "ar+sv"),  # the original beside, for staff and the receiving office
        ("uk", "sv", "uk+sv"),
        ("en", "sv", "en+sv"),
        ("sv-lattlast", "sv", "sv-lattlast"),  # Easy Swedish stands alone
        ("sv-lattlast", "en", "sv-lattlast+en"),
        ("ar", "en", "ar+en"),
    ],
)
def test_the_desk_page_prints_a_translated_slip_with_the_original_beside(
    code: str, own: str, key: str
) -> None:
    assert desk_slip_choice(code, own).option == key


def test_the_version_is_worded_in_the_visitor_s_language(repo: Path) -> None:
    """Outside git the version is 'unknown': on a visitor's handout in the visitor's words."""
    from referral_cli.i18n.visitor import bundled_catalogue

    unknown = (bundled_catalogue("ar") or {})["label.revision_unknown"]
    for handout in ("poster", "public-page"):
        files = render_handouts(repo, RenderOptions(handouts=(handout,), language="ar"))
        html = files[f"{handout}-ar.html"].decode()
        assert unknown in html and "okänd" not in html, handout
    swedish = render_handouts(repo, RenderOptions(handouts=("poster",)))["poster.html"].decode()
    assert "okänd" in swedish
