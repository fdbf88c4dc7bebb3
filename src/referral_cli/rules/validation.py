"""Turn pydantic validation errors into located, plain-language findings."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from referral_cli.findings import Finding, did_you_mean
from referral_cli.models import LANGUAGE_CODE_PATTERN, SLUG_PATTERN
from referral_cli.store.yamlio import PathKey, SourceMap

_FOUND = {bool: "true/false", list: "a list", dict: "a mapping of keys", type(None): "nothing"}


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types inside Optional/list/Annotated, in order."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list):
        return [inner for arg in typing.get_args(annotation) for inner in _unwrap(arg)]
    return [annotation]


def model_at(model: type[BaseModel], loc: PathKey) -> type[BaseModel] | None:
    """The model class that describes the mapping at `loc` inside `model`."""
    current: type[BaseModel] = model
    for part in loc:
        if isinstance(part, int):
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
    return current


def _slug_suggestion(text: str) -> str:
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", " ": "-", "_": "-"})
    cleaned = "".join(ch for ch in text.lower().translate(table) if ch.isalnum() or ch == "-")
    return "-".join(part for part in cleaned.split("-") if part) or "my-id"


def _describe_input(value: Any) -> str:
    if isinstance(value, str):
        return f"'{value}'"
    return _FOUND.get(type(value), repr(value))


def _message(error: ErrorDetails, model: type[BaseModel]) -> tuple[str, str, str | None]:
    """Return (code, message, hint) for one pydantic error."""
    kind = error["type"]
    loc = error["loc"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    name = str(loc[-1]) if loc else ""
    key_names = [part for part in loc if isinstance(part, str)]
    label = key_names[-1] if key_names else "value"
    if kind == "extra_forbidden":
        parent = model_at(model, loc[:-1])
        allowed = sorted(parent.model_fields) if parent else []
        hint = f"allowed keys here: {', '.join(allowed)}" if allowed else None
        return "unknown-key", f"unknown key '{name}'{did_you_mean(name, allowed)}", hint
    if kind == "missing":
        return "missing-key", f"missing required key '{name}'", None
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", "")
        choices = [c.strip() for c in expected.replace(" or ", ", ").split(",") if c.strip()]
        suggestion = did_you_mean(str(value), choices) if isinstance(value, str) else ""
        return (
            "invalid-choice",
            f"{label}: {_describe_input(value)} is not allowed{suggestion}",
            f"choose one of: {', '.join(choices)}",
        )
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == SLUG_PATTERN:
            return (
                "invalid-id",
                f"{label}: {_describe_input(value)} is not a valid id",
                "ids use lowercase letters a-z, digits and hyphens, e.g. "
                f"'{_slug_suggestion(str(value))}'",
            )
        if ctx.get("pattern") == LANGUAGE_CODE_PATTERN:
            return (
                "invalid-language",
                f"{label}: {_describe_input(value)} is not a language code",
                "use two- or three-letter codes such as sv, en, ar, so, no",
            )
    if kind == "string_too_short":
        return "empty-text", f"{label}: the text is empty", "write the text or remove the key"
    if kind in {
        "date_parsing",
        "date_from_datetime_parsing",
        "date_type",
        "date_from_datetime_inexact",
    }:
        return (
            "invalid-date",
            f"{label}: {_describe_input(value)} is not a valid date",
            "write dates as YYYY-MM-DD, e.g. 2026-08-22",
        )
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return ("invalid-number", f"{label}: {_describe_input(value)} is not a whole number", None)
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        bound = next(iter(ctx.items()), ("", ""))
        words = {"ge": "at least", "le": "at most", "gt": "more than", "lt": "less than"}
        return (
            "out-of-range",
            f"{label}: {_describe_input(value)} is out of range; it must be "
            f"{words.get(bound[0], '')} {bound[1]}",
            None,
        )
    if kind in {"list_type"}:
        return (
            "wrong-type",
            f"{label}: expected a list, found {_describe_input(value)}",
            f"write one item per line, each starting with '- ', under '{label}:'",
        )
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return (
            "wrong-type",
            f"{label}: expected a mapping of keys, found {_describe_input(value)}",
            None,
        )
    if kind == "string_type":
        return (
            "wrong-type",
            f"{label}: expected text, found {_describe_input(value)}",
            "put the text in quotes if it should be read as text",
        )
    if kind == "value_error":
        reason = str(ctx.get("error", error["msg"]))
        return "invalid-value", f"{label}: {_describe_input(value)} {reason}", None
    return "invalid-value", f"{label}: {error['msg']}", None


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
