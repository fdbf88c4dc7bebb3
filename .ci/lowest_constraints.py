"""Pin every dependency of referral at its lowest declared version, for CI's second run.

CI installs the project once more with these pins and runs the suite, so that the
minimums in pyproject.toml (`name>=X`) are versions that were tested, not hopes:

    python .ci/lowest_constraints.py > lowest.txt
    python .ci/lowest_constraints.py --extra test --without check-jsonschema > tools.txt
    pip install -c lowest.txt -e '.[pdf]' -r tools.txt

The first form prints the constraints: `[project] dependencies` pinned (`name==X`).
A dependency written without a `>=` minimum is an error: each must say what it needs.
The second prints an extra's requirements as they are (the test tools stay current),
leaving out tools that run as programs of their own and would drag a dependency of
referral above its minimum (check-jsonschema 0.39 wants click 8.5); the tests find
those on PATH.
"""

from __future__ import annotations

import argparse
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
NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def lowest_pins(requirements: list[str]) -> list[str]:
    """`name==lowest` for each requirement; ValueError for one without a `>=` minimum."""
    pins = []
    for requirement in requirements:
        found = REQUIREMENT.match(requirement)
        if found is None:
            raise ValueError(f"{requirement!r} has no '>=' minimum to test")
        pins.append(f"{found['name']}=={found['version']}")
    return pins


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def without(requirements: list[str], names: list[str]) -> list[str]:
    """`requirements` less those whose project name is one of `names`."""
    left_out = {_normal(name) for name in names}
    kept = []
    for requirement in requirements:
        found = NAME.match(requirement)
        if found is None or _normal(found[1]) not in left_out:
            kept.append(requirement)
    return kept


def main(argv: list[str] | None = None, pyproject: Path = PYPROJECT) -> int:
    """Print the constraints, or with `--extra` that extra's requirements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extra", help="print this optional extra's requirements instead")
    parser.add_argument("--without", action="append", default=[], help="leave this one out")
    args = parser.parse_args(argv)
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    if args.extra:
        extras = project.get("optional-dependencies", {})
        if args.extra not in extras:
            print(f"lowest_constraints: no extra {args.extra!r}", file=sys.stderr)
            return 2
        print("\n".join(without(extras[args.extra], args.without)))
        return 0
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
