"""Measure `referral stats --by reason` and `referral export` over 100,000 inventory entries.

    python benchmarks/bench_stats.py [--entries 100000] [--repo DIR] [--no-write]

Generates a repository with `benchmarks/generate.py` in a temporary folder (or
uses `--repo DIR`, an existing generated repository), then runs each command
in a fresh process and records its wall time and peak memory (maximum
resident set size of the child process, from `getrusage(RUSAGE_CHILDREN)`
measured in a separate runner process, so one measurement never inherits
another's peak). The figures are written to `benchmarks/README.md` under
`## stats and export` (only that section is replaced).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
README = HERE / "README.md"
SECTION = "## stats and export"

# Runs one command and prints its wall time and the child's peak RSS as JSON.
_RUNNER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall": wall, "peak_kib": peak, "rc": done.returncode,
                  "stderr": done.stderr.decode(errors="replace")[-2000:]}))
"""


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("_bench_generate", HERE / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def measure(args: list[str]) -> dict[str, float]:
    command = [sys.executable, "-m", "referral_cli", *args]
    output = subprocess.run(
        [sys.executable, "-c", _RUNNER, *command], capture_output=True, check=True, text=True
    ).stdout
    result = json.loads(output)
    if result["rc"] != 0:
        raise SystemExit(f"{' '.join(args)} failed ({result['rc']}):\n{result['stderr']}")
    return {"wall": result["wall"], "peak_mib": result["peak_kib"] / 1024}


def run(entries: int, repo: Path | None, work: Path) -> list[tuple[str, dict[str, float]]]:
    if repo is None:
        repo = work / "repo"
        started = time.perf_counter()
        _generator().generate(repo, entries=entries, rows=50, seed=1)
        print(
            f"generated {entries} entries in {time.perf_counter() - started:.1f} s", file=sys.stderr
        )
    export = work / "export.jsonl"
    steps = [
        ("`stats --by reason` (first run)", ["stats", "--root", str(repo), "--by", "reason"]),
        ("`stats --by reason` (second run)", ["stats", "--root", str(repo), "--by", "reason"]),
        (
            "`stats --by month --by outcome`",
            ["stats", "--root", str(repo), "--by", "month", "--by", "outcome"],
        ),
        ("`export --out FILE`", ["export", "--root", str(repo), "--out", str(export)]),
        (
            "`stats --by reason` over the export file",
            ["stats", "--root", str(export), "--by", "reason"],
        ),
    ]
    results = []
    for label, args in steps:
        figures = measure(args)
        print(f"{label}: {figures['wall']:.1f} s, {figures['peak_mib']:.0f} MiB", file=sys.stderr)
        results.append((label, figures))
    size = export.stat().st_size / (1024 * 1024)
    results.append((f"(export file size: {size:.1f} MiB)", {}))
    return results


def section(entries: int, results: list[tuple[str, dict[str, float]]]) -> str:
    lines = [
        SECTION,
        "",
        f"`python benchmarks/bench_stats.py` on {date.today()}: {entries:,} generated inventory "
        f"entries (one file each), Python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs. Each command runs in a fresh process; peak memory is the "
        "process's maximum resident set size.",
        "",
        "| command | wall time | peak memory |",
        "| --- | ---: | ---: |",
    ]
    notes = []
    for label, figures in results:
        if not figures:
            notes.append(label.strip("()"))
            continue
        lines.append(f"| {label} | {figures['wall']:.1f} s | {figures['peak_mib']:.0f} MiB |")
    lines += ["", *[n[0].upper() + n[1:] + "." for n in notes]]
    return "\n".join(lines) + "\n"


def write_section(text: str) -> None:
    current = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    start = current.find(SECTION + "\n")
    if start == -1:
        new = current.rstrip("\n") + "\n\n" + text
    else:
        end = current.find("\n## ", start + len(SECTION))
        tail = current[end + 1 :] if end != -1 else ""
        new = current[:start] + text + ("\n" + tail if tail else "")
    README.write_text(new, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--repo", type=Path, help="use this generated repository")
    parser.add_argument("--no-write", action="store_true", help="do not update README.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="referral-bench-") as work:
        results = run(args.entries, args.repo, Path(work))
    entries = args.entries
    if args.repo is not None:
        entries = sum(1 for _ in (args.repo / "data" / "inventory").rglob("*.yaml"))
    text = section(entries, results)
    print(text)
    if not args.no_write:
        write_section(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
