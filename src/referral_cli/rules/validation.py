"""Turn pydantic validation errors into located, plain-language findings.

And read what can be read of an inventory entry the model refused (`readable_entry`),
so the checks of references and personal data still run on its other fields: one run
of `validate` or `add-question` reports every problem.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from datetime import date
from typing import Any, Final

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from referral_cli.findings import Finding, about_field, suggestion
from referral_cli.i18n import Phrase, phrase
from referral_cli.models import (
    LANGUAGE_CODE_PATTERN,
    REASON_ERROR,
    SLUG_PATTERN,
    InventoryEntry,
)
from referral_cli.store.yamlio import PathKey, SourceMap

_INPUT_KEYS = {
    bool: "val.input.boolean",
    list: "val.input.list",
    dict: "val.input.mapping",
    type(None): "val.input.nothing",
}
_BOUNDS = {"ge": "val.bound.ge", "le": "val.bound.le", "gt": "val.bound.gt", "lt": "val.bound.lt"}


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types inside Optional/list/Annotated and a mapping's values, in order."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list):
        return [inner for arg in typing.get_args(annotation) for inner in _unwrap(arg)]
    if origin is dict:
        return _unwrap(typing.get_args(annotation)[1])
    return [annotation]


def _keyed_by_id(annotation: Any) -> bool:
    """Whether a field is a mapping by id (`rows: {bank: {...}}`): its keys are data."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _keyed_by_id(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return any(_keyed_by_id(arg) for arg in typing.get_args(annotation))
    return origin is dict


def model_at(model: type[BaseModel], loc: PathKey) -> type[BaseModel] | None:
    """The model class that describes the mapping at `loc` inside `model`."""
    current: type[BaseModel] = model
    skip_id = False  # the part after a mapping by id is the id, not a key of a model
    for part in loc:
        if isinstance(part, int) or skip_id:
            skip_id = False
            continue
        field = current.model_fields.get(part)
        if field is None:
            return None
        nested = [
            t for t in _unwrap(field.annotation) if isinstance(t, type) and issubclass(t, BaseModel)
        ]
        if not nested:
            return None
        current = nested[0]
        skip_id = _keyed_by_id(field.annotation)
    return current


def _slug_suggestion(text: str) -> str:
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", " ": "-", "_": "-"})
    cleaned = "".join(ch for ch in text.lower().translate(table) if ch.isalnum() or ch == "-")
    return "-".join(part for part in cleaned.split("-") if part) or "my-id"


def _describe_input(value: Any) -> Phrase:
    if isinstance(value, str):
        return phrase("val.input.text", text=value)
    key = _INPUT_KEYS.get(type(value))
    return phrase(key) if key else phrase("val.input.other", value=repr(value))


def _message(error: ErrorDetails, model: type[BaseModel]) -> tuple[str, Phrase, Phrase | None]:
    """Return (code, message, hint) for one pydantic error."""
    code, message, hint = _describe(error, model)
    if code in _ABOUT_A_KEY:  # the key itself is what is wrong: the message names it
        return code, message, hint
    loc = error["loc"]
    key_names = [part for part in loc if isinstance(part, str)]
    return code, about_field(key_names[-1] if key_names else "value", message), hint


# Codes whose message is about a key (unknown or missing), not about a key's value.
_ABOUT_A_KEY = frozenset({"unknown-key", "missing-key"})


# The closed vocabularies whose values have labels in the catalogue (`vocab.<name>.<id>`).
_VOCABULARIES: Final = ("kind", "scope", "status", "outcome", "requirement")


def _closest_choice(value: str, choices: list[str]) -> Phrase:
    """The "did you mean" for a value that is not one of `choices`.

    A file holds ids, but a coordinator writes the label seen on screen (`kind:
    myndighet`, `outcome: Hänvisad`): then the id it names is proposed, else the id
    spelled closest.
    """
    from referral_cli.choices import vocabulary_choices
    from referral_cli.i18n import vocabulary_values

    for vocabulary in _VOCABULARIES:
        if set(choices) <= set(vocabulary_values(vocabulary)):
            meant = vocabulary_choices(vocabulary, choices).resolve(value)
            if meant is not None:
                return phrase("common.did_you_mean", choice=meant)
    return suggestion(value, choices)


def _describe(error: ErrorDetails, model: type[BaseModel]) -> tuple[str, Phrase, Phrase | None]:
    """(code, message without the key it is about, hint) for one pydantic error."""
    kind = error["type"]
    loc = error["loc"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    name = str(loc[-1]) if loc else ""
    key_names = [part for part in loc if isinstance(part, str)]
    label = key_names[-1] if key_names else "value"
    shown = _describe_input(value)
    if kind == "extra_forbidden":
        parent = model_at(model, loc[:-1])
        allowed = sorted(parent.model_fields) if parent else []
        hint = phrase("val.unknown-key.hint", keys=", ".join(allowed)) if allowed else None
        message = phrase("val.unknown-key", name=name, suggestion=suggestion(name, allowed))
        return "unknown-key", message, hint
    if kind == "missing":
        return "missing-key", phrase("val.missing-key", name=name), None
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", "")
        choices = [c.strip() for c in expected.replace(" or ", ", ").split(",") if c.strip()]
        close = (
            _closest_choice(value, choices) if isinstance(value, str) else phrase("common.empty")
        )
        return (
            "invalid-choice",
            phrase("val.invalid-choice", value=shown, suggestion=close),
            phrase("val.invalid-choice.hint", choices=", ".join(choices)),
        )
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == SLUG_PATTERN:
            return (
                "invalid-id",
                phrase("val.invalid-id", value=shown),
                phrase("val.invalid-id.hint", example=_slug_suggestion(str(value))),
            )
        if ctx.get("pattern") == LANGUAGE_CODE_PATTERN:
            return (
                "invalid-language",
                phrase("val.invalid-language", value=shown),
                phrase("val.invalid-language.hint"),
            )
    if kind == "string_too_short":
        return "empty-text", phrase("val.empty-text"), phrase("val.empty-text.hint")
    if kind in {
        "date_parsing",
        "date_from_datetime_parsing",
        "date_type",
        "date_from_datetime_inexact",
    }:
        return (
            "invalid-date",
            phrase("val.invalid-date", value=shown),
            phrase("val.invalid-date.hint"),
        )
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return "invalid-number", phrase("val.invalid-number", value=shown), None
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        bound_name, limit = next(iter(ctx.items()), ("", ""))
        bound = phrase(_BOUNDS.get(bound_name, "val.bound.other"), limit=limit)
        return (
            "out-of-range",
            phrase("val.out-of-range", value=shown, bound=bound),
            None,
        )
    if kind == "list_type":
        return (
            "wrong-type",
            phrase("val.expected-list", value=shown),
            phrase("val.expected-list.hint", label=label),
        )
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return "wrong-type", phrase("val.expected-mapping", value=shown), None
    if kind == "string_type":
        return (
            "wrong-type",
            phrase("val.expected-text", value=shown),
            phrase("val.expected-text.hint"),
        )
    if kind == REASON_ERROR:
        reason = phrase(str(ctx.get("reason")))
        return (
            "invalid-value",
            phrase("val.invalid-value", value=shown, reason=reason),
            None,
        )
    # Any other refusal: pydantic's own text ("Input should be ...") is English and
    # speaks of Python types, so the message only says which value is refused.
    return "invalid-value", phrase("val.invalid-value.other", value=shown), None


def findings_from_validation_error(
    exc: ValidationError, model: type[BaseModel], display: str, source: SourceMap
) -> list[Finding]:
    """Map every pydantic error to `display:line:col` of its YAML node."""
    findings = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        code, message, hint = _message(error, model)
        if error["type"] == "missing":
            line, column = source.locate(loc[:-1])
        else:
            line, column = source.locate(loc, key=error["type"] == "extra_forbidden")
        findings.append(Finding(display, line, column, "error", code, message, hint))
    return findings


def validate_document(
    model: type[BaseModel], data: Any, display: str, source: SourceMap
) -> tuple[BaseModel | None, list[Finding]]:
    """Validate plain data against `model`; return the instance or located findings."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, findings_from_validation_error(exc, model, display, source)


# --------------------------------------------------------------------------- what can be read

# Stand-ins for the required fields of an entry whose own value is refused or missing:
# a bare description is never personal data, and no date check runs on a stand-in date.
STAND_IN_DESCRIPTION: Final = "-"
REQUIRED_ENTRY_FIELDS: Final = ("date", "description")


def entry_part(
    values: Mapping[str, Any], refused: AbstractSet[str], today: date
) -> tuple[InventoryEntry | None, frozenset[str]]:
    """The entry without the `refused` values, and which required fields are stand-ins.

    None when even that fails (a value the model refuses only together with another).
    """
    part = {name: value for name, value in values.items() if name not in refused}
    stand_ins = frozenset(name for name in REQUIRED_ENTRY_FIELDS if name not in part)
    part.setdefault("date", today)
    part.setdefault("description", STAND_IN_DESCRIPTION)
    try:
        return InventoryEntry.model_validate(part), stand_ins
    except ValidationError:
        return None, stand_ins


def readable_entry(data: Any, today: date) -> tuple[InventoryEntry | None, frozenset[str]]:
    """What can be read of an entry file's data the model refused (see `entry_part`).

    The fields the model's errors name are left out; None when the file holds no
    mapping of keys at all.
    """
    if not isinstance(data, dict):
        return None, frozenset()
    try:
        InventoryEntry.model_validate(data)
    except ValidationError as exc:
        refused = {str(error["loc"][0]) for error in exc.errors() if error["loc"]}
        return entry_part(data, refused, today)
    return InventoryEntry.model_validate(data), frozenset()  # pragma: no cover - refused
