from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from referral_cli.errors import UsageError
from referral_cli.schemas import render_schemas, write_schemas
from referral_cli.store.repository import load_guidelines
from referral_cli.store.yamlio import iter_yaml_files, load_file

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_committed_schemas_are_current() -> None:
    for name, text in render_schemas().items():
        committed = REPO_ROOT / "schemas" / name
        assert committed.read_text(encoding="utf-8") == text, (
            f"schemas/{name} is out of date: run 'referral schema --out schemas'"
        )


def test_write_schemas(tmp_path: Path) -> None:
    written = write_schemas(tmp_path / "out")
    assert sorted(p.name for p in written) == sorted(render_schemas())


def test_write_schemas_refuses_a_file_as_folder(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="--out .*out is a file, not a folder"):
        write_schemas(tmp_path / "out")


def test_write_schemas_reports_a_target_it_cannot_write(tmp_path: Path) -> None:
    (tmp_path / "out" / "matrix.schema.json").mkdir(parents=True)
    with pytest.raises(UsageError, match="cannot write .*matrix.schema.json"):
        write_schemas(tmp_path / "out")


@pytest.mark.parametrize(
    ("schema", "pattern"),
    [
        ("library.schema.json", "data/library.yaml"),
        ("actors.schema.json", "data/actors.yaml"),
        ("matrix.schema.json", "data/matrix.yaml"),
        ("inventory-entry.schema.json", "data/inventory"),
        ("translation.schema.json", "data/translations"),
    ],
)
def test_bundled_data_carries_modeline_and_fits_schema(schema: str, pattern: str) -> None:
    import json

    validator = jsonschema.Draft7Validator(
        json.loads((REPO_ROOT / "schemas" / schema).read_text(encoding="utf-8"))
    )
    target = REPO_ROOT / pattern
    files = list(iter_yaml_files(target)) if target.is_dir() else [target]
    assert files
    for path in files:
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        assert first_line.startswith("# yaml-language-server: $schema=")
        assert first_line.endswith(schema)
        assert (path.parent / first_line.split("=", 1)[1]).resolve() == (
            REPO_ROOT / "schemas" / schema
        ).resolve()
        # The editor's YAML 1.2 parser reads numbers as numbers; mimic that for the check.
        data = _numbers_as_editors_see_them(load_file(path, str(path)).data)
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], f"{path}: {errors}"


INTEGER_KEYS = {"minutes", "read_level", "review_interval_months"}


def _numbers_as_editors_see_them(value: object) -> object:
    if isinstance(value, dict):
        return {
            k: int(v) if k in INTEGER_KEYS else _numbers_as_editors_see_them(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_numbers_as_editors_see_them(v) for v in value]
    return value


def test_bundled_data_loads() -> None:
    _, findings = load_guidelines(REPO_ROOT)
    assert [f for f in findings if f.severity == "error"] == []
