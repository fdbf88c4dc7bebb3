"""Show that `referral add-question` costs the same with 0 or 10,000 inventory entries.

    python benchmarks/bench_add_question.py [--sizes 0,10000] [--runs 9] [--no-write]

For each size, generates a repository with `benchmarks/generate.py` in a
temporary folder, then runs `referral add-question --no-input ...` as a fresh
process (`python -m referral_cli`) several times after one warm-up run, and
reports the median, fastest and slowest wall time. Each run really writes an
entry, so the inventory grows by one entry a run. The figures are written to
`benchmarks/README.md` under `## add-question` (only that section is replaced).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
README = HERE / "README.md"
SECTION = "## add-question"


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("_bench_generate", HERE / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def command(root: Path, run: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "referral_cli",
        "add-question",
        "--no-input",
        "--root",
        str(root),
        "--date",
        date.today().isoformat(),
        "--reason",
        "time",
        "--description",
        f"Mätning av tiden för att lägga till en fråga, körning {run}",
    ]


def run_once(root: Path, run: int) -> float:
    started = time.perf_counter()
    done = subprocess.run(command(root, run), capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"add-question failed ({done.returncode}):\n{done.stderr}")
    return elapsed


def count_entries(root: Path) -> int:
    return sum(1 for _ in (root / "data" / "inventory").rglob("*.yaml"))


def measure(sizes: list[int], runs: int) -> list[tuple[int, list[float]]]:
    """Time every size, interleaving the runs so that machine noise hits all sizes alike."""
    generate = _generator().generate
    with tempfile.TemporaryDirectory(prefix="referral-bench-add-") as folder:
        roots = []
        for size in sizes:
            root = generate(Path(folder) / f"repo-{size}", entries=size, rows=50, seed=1)
            assert count_entries(root) == size
            run_once(root, 0)  # warm-up: file system caches, bytecode
            roots.append(root)
        timings: list[list[float]] = [[] for _ in sizes]
        for run in range(1, runs + 1):
            for index, root in enumerate(roots):
                timings[index].append(run_once(root, run))
        for size, root in zip(sizes, roots, strict=True):
            assert count_entries(root) == size + runs + 1  # every run wrote its entry
    for size, found in zip(sizes, timings, strict=True):
        print(f"{size:>7,} entries: median {statistics.median(found) * 1000:.0f} ms")
    return list(zip(sizes, timings, strict=True))


def report(results: list[tuple[int, list[float]]], runs: int) -> str:
    lines = [
        SECTION,
        "",
        f"`python benchmarks/bench_add_question.py` on {date.today().isoformat()}: "
        f"`referral add-question --no-input` in a fresh process, {runs} runs per size after "
        "one warm-up, the sizes taking turns run by run, "
        f"Python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs. The repository is made by `benchmarks/generate.py` "
        "(50 matrix rows).",
        "",
        "| existing entries | median | fastest | slowest |",
        "| ---: | ---: | ---: | ---: |",
    ]
    for size, timings in results:
        lines.append(
            f"| {size:,} | {statistics.median(timings) * 1000:.0f} ms "
            f"| {min(timings) * 1000:.0f} ms | {max(timings) * 1000:.0f} ms |"
        )
    lines += [
        "",
        "`add-question` reads only `library.yaml`, `actors.yaml` and `matrix.yaml`, never the "
        "existing entries, and writes one new file, so its time does not grow with the "
        "inventory; almost all of it is starting Python and importing the models.",
        "",
    ]
    return "\n".join(lines)


def write_section(text: str) -> None:
    current = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    start = current.find(SECTION + "\n")
    if start < 0:
        new = current.rstrip("\n") + "\n\n" + text
    else:
        end = current.find("\n## ", start + len(SECTION))
        rest = "" if end < 0 else current[end + 1 :]
        new = current[:start] + text + ("\n" + rest if rest else "")
    README.write_text(new, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="0,10000", help="inventory sizes, comma-separated")
    parser.add_argument("--runs", type=int, default=15, help="timed runs per size")
    parser.add_argument("--no-write", action="store_true", help="do not update README.md")
    args = parser.parse_args(argv)
    sizes = [int(part) for part in args.sizes.split(",") if part.strip()]
    text = report(measure(sizes, args.runs), args.runs)
    print()
    print(text)
    if not args.no_write:
        write_section(text)
        print(f"Updated {README}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
