"""JSON Schemas (draft-07) for each data file type, generated from the models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from referral_cli.errors import UsageError
from referral_cli.i18n import os_reason, phrase
from referral_cli.models import ActorsFile, InventoryEntry, Library, Matrix, TranslationFile
from referral_cli.stdio import is_dash

DRAFT_07 = "http://json-schema.org/draft-07/schema#"

SCHEMA_FILES: dict[str, tuple[type[BaseModel], str]] = {
    "library.schema.json": (Library, "Biblioteket (data/library.yaml) / The library"),
    "actors.schema.json": (ActorsFile, "Aktörer (data/actors.yaml) / Actors"),
    "matrix.schema.json": (Matrix, "Hänvisningsmatris (data/matrix.yaml) / Referral matrix"),
    "inventory-entry.schema.json": (
        InventoryEntry,
        "Frågeinventering, en fråga (data/inventory/) / One inventory entry",
    ),
    "translation.schema.json": (
        TranslationFile,
        "Översättning för besökare (data/translations/<språk>.yaml) / A visitor translation",
    ),
}


def _draft07(node: Any) -> Any:
    """Rewrite pydantic's 2020-12 output into draft-07 terms, recursively."""
    if isinstance(node, dict):
        converted = {key: _draft07(value) for key, value in node.items()}
        if "$defs" in converted:
            converted["definitions"] = converted.pop("$defs")
        if isinstance(converted.get("$ref"), str):
            converted["$ref"] = converted["$ref"].replace("#/$defs/", "#/definitions/")
        # pydantic writes `anyOf: [X, {type: null}]` for optional keys; YAML users
        # write `key:` (null) rarely, so keep it allowed.
        return converted
    if isinstance(node, list):
        return [_draft07(item) for item in node]
    return node


def build_schema(model: type[BaseModel], title: str) -> dict[str, Any]:
    """One draft-07 schema document for `model`."""
    schema = _draft07(model.model_json_schema(ref_template="#/definitions/{model}"))
    return {
        "$schema": DRAFT_07,
        "title": title,
        **{k: v for k, v in schema.items() if k != "title"},
    }


def render_schemas() -> dict[str, str]:
    """File name to JSON text, stable so a test can compare with the committed files."""
    return {
        name: json.dumps(build_schema(model, title), ensure_ascii=False, indent=2) + "\n"
        for name, (model, title) in SCHEMA_FILES.items()
    }


def write_schemas(out: Path) -> list[Path]:
    """Write every schema into `out`; return the paths written."""
    if is_dash(out):  # four files: standard output cannot hold them apart
        from referral_cli.documents import refuse_several_on_stdout

        refuse_several_on_stdout(len(SCHEMA_FILES))
    if out.exists() and not out.is_dir():
        raise UsageError(phrase("common.out-is-file", out=str(out)))
    written = []
    for name, text in render_schemas().items():
        path = out / name
        try:
            out.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(
                phrase("common.cannot-write", path=str(path), reason=os_reason(exc))
            ) from None
        written.append(path)
    return written
