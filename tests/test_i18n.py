"""The phrase catalogue: complete in both languages, same placeholders, phrases that nest."""

from __future__ import annotations

import string

import pytest

from referral_cli.errors import UsageError
from referral_cli.i18n import (
    LANGUAGES,
    Phrase,
    catalogue,
    check_language,
    counted,
    label,
    label_keys,
    labels,
    language_for,
    language_name,
    phrase,
    t,
    vocabulary_label,
    vocabulary_values,
)
from referral_cli.models import ACTOR_KINDS, OUTCOMES, RELATIONSHIP_STATUSES, REQUIREMENTS, SCOPES


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_exactly_the_same_keys() -> None:
    assert set(catalogue("sv")) == set(catalogue("en"))


@pytest.mark.parametrize("key", sorted(catalogue("en")))
def test_a_phrase_has_the_same_placeholders_in_both_languages(key: str) -> None:
    assert placeholders(catalogue("sv")[key]) == placeholders(catalogue("en")[key])


def test_only_the_empty_phrase_is_empty() -> None:
    for lang in LANGUAGES:
        empty = sorted(key for key, text in catalogue(lang).items() if not text.strip())
        assert empty == ["common.empty"], lang


def test_t_fills_values_and_words_nested_phrases_in_the_same_language() -> None:
    nested = phrase("check.unknown.actor", value="skatteverk", suggestion=phrase("common.empty"))
    assert nested.word("en") == "unknown actor 'skatteverk'"
    assert nested.word("sv") == "okänd aktör 'skatteverk'"
    hint = phrase("common.did_you_mean", choice="skatteverket")
    assert t("check.unknown.actor", "sv", value="x", suggestion=hint) == (
        "okänd aktör 'x' (menade du 'skatteverket'?)"
    )


def test_phrases_are_hashable_and_ordered_so_findings_can_be() -> None:
    first, second = phrase("common.empty"), phrase("common.did_you_mean", choice="a")
    assert len({first, second, phrase("common.empty")}) == 2
    assert sorted([second, first]) == [second, first]  # by key: common.did... < common.empty
    assert phrase("x.y", items=["a", "b"]) == Phrase("x.y", (("items", ("a", "b")),))


def test_counted_chooses_one_or_other() -> None:
    assert counted("common.count.file", 1).word("en") == "1 file"
    assert counted("common.count.file", 2).word("en") == "2 files"
    assert counted("common.count.warning", 3).word("sv") == "3 varningar"


def test_an_unknown_key_or_language_never_prints_a_blank() -> None:
    with pytest.raises(KeyError):
        t("no.such.key", "sv")
    with pytest.raises(ValueError, match="unknown language 'de'"):
        catalogue("de")


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, None), ("sv", "sv"), ("en", "en")],
)
def test_check_language_accepts_what_referral_speaks(
    value: str | None, expected: str | None
) -> None:
    assert check_language(value) == expected


def test_check_language_refuses_others_in_one_wording() -> None:
    with pytest.raises(UsageError) as caught:
        check_language("de")
    assert caught.value.text("en") == "--lang: unknown language 'de'; choose sv or en"
    assert caught.value.text("sv") == "--lang: okänt språk 'de'; välj sv eller en"
    assert language_for(None, "sv") == "sv"
    assert language_for("en", "sv") == "en"


def test_labels_are_complete_in_both_languages() -> None:
    for lang in LANGUAGES:
        words = labels(lang)
        assert set(words) == label_keys()
        assert all(value.strip() for value in words.values())
    assert label("need", "sv") == "Användaren behöver hjälp med"
    assert label("need", "en") == "The user needs help with"
    with pytest.raises(KeyError):
        label("no_such_label", "sv")


@pytest.mark.parametrize(
    ("vocabulary", "values"),
    [
        ("requirement", REQUIREMENTS),
        ("kind", ACTOR_KINDS),
        ("scope", SCOPES),
        ("status", RELATIONSHIP_STATUSES),
        ("outcome", OUTCOMES),
    ],
)
def test_every_model_value_has_a_label(vocabulary: str, values: tuple[str, ...]) -> None:
    assert set(vocabulary_values(vocabulary)) == set(values)
    for value in values:
        for lang in LANGUAGES:
            assert vocabulary_label(vocabulary, value, lang).strip()


def test_language_names() -> None:
    assert language_name("ar", "sv") == "arabiska"
    assert language_name("ar", "en") == "Arabic"
    assert language_name("xyz", "sv") == "xyz"


def test_every_kind_of_personal_data_has_words() -> None:
    from typing import get_args

    from referral_cli.rules.privacy import Kind

    for kind in get_args(Kind):
        for family in (
            "privacy.kind",
            "privacy.hint",
            "privacy.hint_uncertain",
            "add-question.kind",
        ):
            assert f"{family}.{kind}" in catalogue("en"), (family, kind)


def test_the_system_s_reasons_are_worded_from_the_catalogue() -> None:
    import errno

    from referral_cli.i18n import os_reason

    missing = os_reason(FileNotFoundError(errno.ENOENT, "No such file or directory"))
    assert missing.word("sv") == "filen eller mappen finns inte"
    assert missing.word("en") == "no such file or folder"
    assert os_reason(OSError(errno.ENOSPC, "No space left")).word("sv") == "disken är full"
    assert os_reason(OSError(errno.EXDEV, "Invalid cross-device link")).word("en") == (
        "the system refused (EXDEV)"
    )
    assert os_reason(OSError("no errno")).word("sv") == "systemet vägrade (OSError)"


@pytest.mark.parametrize(
    ("text", "code"),
    [("sv", "sv"), ("SV", "sv"), (" en ", "en"), ("svenska", "sv"), ("English", "en")],
)
def test_a_language_is_named_by_its_code_or_its_name(text: str, code: str) -> None:
    from referral_cli.i18n import language_code

    assert language_code(text) == code
    assert check_language(text) == code


def test_the_reader_s_language_asked_for_then_the_library_s_then_swedish(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from referral_cli.i18n import (
        command_language,
        note_library_language,
        reader_language,
        requested_language,
        use_language,
    )

    monkeypatch.setenv("REFERRAL_LANG", "en")
    assert requested_language("sv") == "sv"  # --lang before the environment
    assert requested_language(None) == "en"
    monkeypatch.setenv("REFERRAL_LANG", "de")
    with pytest.raises(UsageError) as caught:
        requested_language(None)
    assert caught.value.text("en") == "REFERRAL_LANG: unknown language 'de'; choose sv or en"
    with command_language():
        assert reader_language() == "sv"  # nothing known: Swedish
        note_library_language("en")
        note_library_language("sv")  # the first library read counts
        assert reader_language() == "en"
        use_language("sv")
        assert reader_language() == "sv"
    with command_language():
        assert reader_language() == "sv"  # every command starts afresh
