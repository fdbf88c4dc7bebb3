from __future__ import annotations

import shutil
import subprocess
import sys
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


# --- editors agree with the tool: check-jsonschema reads the YAML as editors do (issue 16) --

CHECK_JSONSCHEMA = shutil.which(
    "check-jsonschema", path=str(Path(sys.executable).parent)
) or shutil.which("check-jsonschema")
DATA_SCHEMAS = {
    "library.yaml": "library.schema.json",
    "actors.yaml": "actors.schema.json",
    "matrix.yaml": "matrix.schema.json",
}


def _check_jsonschema(schema: Path, files: list[Path]) -> subprocess.CompletedProcess[str]:
    assert CHECK_JSONSCHEMA is not None
    return subprocess.run(
        [CHECK_JSONSCHEMA, "--schemafile", str(schema), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )


def _check_repository(root: Path) -> None:
    for name, schema in DATA_SCHEMAS.items():
        result = _check_jsonschema(REPO_ROOT / "schemas" / schema, [root / "data" / name])
        assert result.returncode == 0, result.stdout + result.stderr
    entries = list(iter_yaml_files(root / "data" / "inventory"))
    if entries:
        schema = REPO_ROOT / "schemas" / "inventory-entry.schema.json"
        result = _check_jsonschema(schema, entries)
        assert result.returncode == 0, result.stdout + result.stderr


needs_check_jsonschema = pytest.mark.skipif(
    CHECK_JSONSCHEMA is None, reason="check-jsonschema is not installed"
)


@needs_check_jsonschema
def test_check_jsonschema_finds_nothing_in_the_bundled_data() -> None:
    _check_repository(REPO_ROOT)


@needs_check_jsonschema
@pytest.mark.parametrize("language", ["sv", "en"])
def test_check_jsonschema_finds_nothing_in_a_new_repository(tmp_path: Path, language: str) -> None:
    from referral_cli.scaffold import create_repository

    create_repository(tmp_path / "repo", language=language)
    _check_repository(tmp_path / "repo")


@needs_check_jsonschema
def test_check_jsonschema_disagrees_where_validate_warns(tmp_path: Path) -> None:
    # The other side of the warning: the unquoted value really is flagged by the tool.
    actors = tmp_path / "actors.yaml"
    actors.write_text(
        "actors:\n  - id: a\n    name: A\n    kind: other\n    scope: local\n"
        "    helps_with: [1177]\n",
        encoding="utf-8",
    )
    result = _check_jsonschema(REPO_ROOT / "schemas" / "actors.schema.json", [actors])
    assert result.returncode == 1 and "1177 is not of type 'string'" in result.stdout
