"""Print a pip constraints file pinning every dependency to its lowest declared version.

CI installs the project with it once more and runs the suite, so that the minimums in
pyproject.toml (`name>=X`) are versions that were tested, not hopes:

    python .ci/lowest_constraints.py > lowest.txt && pip install -c lowest.txt -e '.[test]'

Only `[project] dependencies` are pinned (the test tools stay current). A dependency
written without a `>=` minimum is an error: every one must say what it needs.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
# name, optional [extras], then the one lower bound (other bounds may follow after a comma)
REQUIREMENT = re.compile(
    r"^\s*(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*"
    r">=\s*(?P<version>[0-9][0-9A-Za-z.+!-]*)\s*(?:,[^;]*)?(?:;.*)?$"
)


def lowest_pins(requirements: list[str]) -> list[str]:
    """`name==lowest` for each requirement; ValueError for one without a `>=` minimum."""
    pins = []
    for requirement in requirements:
        found = REQUIREMENT.match(requirement)
        if found is None:
            raise ValueError(f"{requirement!r} has no '>=' minimum to test")
        pins.append(f"{found['name']}=={found['version']}")
    return pins


def main(pyproject: Path = PYPROJECT) -> int:
    """Print the constraints for `pyproject`'s dependencies."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    try:
        pins = lowest_pins(project.get("dependencies", []))
    except ValueError as exc:
        print(f"lowest_constraints: {exc}", file=sys.stderr)
        return 2
    print("# The lowest versions pyproject.toml declares (made by .ci/lowest_constraints.py).")
    print("\n".join(pins))
    return 0


if __name__ == "__main__":
    sys.exit(main())
