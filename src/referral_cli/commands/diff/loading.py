"""Read the guideline files of one snapshot as models, for `referral diff`.

A file that does not exist at a revision counts as empty (the model's
defaults). A file that cannot be read or is not valid raises `FindingsError`
with located findings named after the revision (`HEAD~1:data/actors.yaml`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel

from referral_cli.errors import FindingsError
from referral_cli.findings import Finding
from referral_cli.i18n import phrase
from referral_cli.models import ActorsFile, Library, Matrix
from referral_cli.rules.validation import validate_document
from referral_cli.store.repository import ACTORS_FILE, LIBRARY_FILE, MATRIX_FILE
from referral_cli.store.revisions import Snapshot
from referral_cli.store.yamlio import SourceMap, YamlError, parse_text

M = TypeVar("M", bound=BaseModel)


@dataclass
class State:
    """The guideline files of one snapshot, as models."""

    library: Library
    actors: ActorsFile
    matrix: Matrix
    inventory: list[str]


def load_state(snapshot: Snapshot) -> State:
    """Read and validate library, actors and matrix; list the inventory files."""
    return State(
        library=_load_model(snapshot, LIBRARY_FILE, Library, Library()),
        actors=_load_model(snapshot, ACTORS_FILE, ActorsFile, ActorsFile(actors=[])),
        matrix=_load_model(snapshot, MATRIX_FILE, Matrix, Matrix(categories=[])),
        inventory=snapshot.inventory_files(),
    )


def entry_data(snapshot: Snapshot, paths: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Each inventory entry in `paths` as parsed data (not validated), by file as shown.

    An entry that is not a mapping counts as empty; one that cannot be parsed at all is
    located (`FindingsError`).
    """
    found: dict[str, dict[str, Any]] = {}
    for path, raw in snapshot.read_many(list(paths)).items():
        display = snapshot.display(path)
        data, _source = _parse(raw, display)
        found[display] = data if isinstance(data, dict) else {}
    return found


def entry_reasons(snapshot: Snapshot, paths: Iterable[str]) -> list[list[str]]:
    """The `reasons` of each inventory entry in `paths` (read in one go), in order.

    Only the reasons are needed, so the entries are parsed but not validated; an
    entry that cannot be parsed at all is located, not counted.
    """
    reasons: list[list[str]] = []
    for path, raw in snapshot.read_many(list(paths)).items():
        data, _source = _parse(raw, snapshot.display(path))
        listed = data.get("reasons") if isinstance(data, dict) else None
        if not isinstance(listed, list):
            listed = []
        reasons.append([r for r in listed if isinstance(r, str)])
    return reasons


def _load_model(snapshot: Snapshot, path: str, model: type[M], empty: M) -> M:
    raw = snapshot.read(path)
    if raw is None:
        return empty
    display = snapshot.display(path)
    data, source = _parse(raw, display)
    if data is None:
        return empty
    instance, problems = validate_document(model, data, display, source)
    if not isinstance(instance, model) or any(p.severity == "error" for p in problems):
        raise FindingsError([p for p in problems if p.severity == "error"] or problems)
    return instance


def _parse(raw: bytes, display: str) -> tuple[Any, SourceMap]:
    try:
        return parse_text(_decode(raw, display), display)
    except YamlError as exc:
        raise FindingsError([exc.finding]) from None


def _decode(raw: bytes, display: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):  # a byte-order mark some Windows editors add
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise FindingsError(
            [Finding(display, 1, 1, "error", "encoding", phrase("diff.finding.encoding"))]
        ) from None
