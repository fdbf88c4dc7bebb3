"""What spreadsheets cost: openpyxl's import, and xlsx next to CSV in and out.

    python benchmarks/bench_spreadsheets.py [--entries 10000] [--rows 500] [--runs 7] [--no-write]

openpyxl is imported only by the code that reads or writes a workbook; this measures
what that import costs (in a fresh process, against `python -c pass`), checks that
`referral --help` and the CSV outputs never load it, and times in fresh processes
(`python -m referral_cli`), median wall time after one warm-up run:

- `inventory --format csv|xlsx --out FILE` over a generated repository;
- `stats --by reason --by branch --format csv|xlsx --out FILE` over the same;
- `add-question --from-file` of the same entries as CSV and as a workbook, into a fresh
  copy of an empty repository each run.

The figures are written to `benchmarks/README.md` under `## spreadsheets` (only that
section is replaced).
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
README = HERE / "README.md"
SECTION = "## spreadsheets"
REFERRAL = [sys.executable, "-m", "referral_cli"]


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("_bench_generate", HERE / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def timed(args: list[str], prepare: Callable[[], None] | None = None) -> float:
    if prepare is not None:
        prepare()
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}):\n{done.stderr.decode()}")
    return elapsed


def median_ms(args: list[str], runs: int, prepare: Callable[[], None] | None = None) -> float:
    timed(args, prepare)  # warm-up: file system caches, bytecode, the parse cache
    return statistics.median(timed(args, prepare) for _ in range(runs)) * 1000


def cpu_ms(args: list[str], runs: int) -> float:
    """Median CPU time (user + system) of `args` in a fresh process: a busy machine
    changes it much less than wall time."""
    spent = []
    for _ in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(args, capture_output=True, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        spent.append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
    return statistics.median(spent[1:])


def loads_openpyxl(args: list[str]) -> bool:
    code = (
        "import sys\n"
        f"sys.argv = ['referral', *{args!r}]\n"
        "from referral_cli.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('OPENPYXL=%s' % ('openpyxl' in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True)
    return b"OPENPYXL=True" in done.stderr


def forms_files(folder: Path, count: int) -> tuple[Path, Path]:
    """The same `count` entries as a Swedish CSV and as a Forms-shaped workbook."""
    import openpyxl

    header = ["Id", "Starttid", "Namn", "Datum", "Beskrivning", "Skäl", "Minuter"]
    rows = [
        [
            n,
            f"2026-08-18 10:{n % 60:02d}",
            "Anna Andersson",
            f"2026-08-{18 + n % 10}",
            f"Ärende nummer {n} om e-legitimation och utskrift",
            "technical;time;",
            10 + n % 30,
        ]
        for n in range(1, count + 1)
    ]
    csv_path = folder / "svar.csv"
    with csv_path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(header)
        writer.writerows(rows)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    xlsx_path = folder / "svar.xlsx"
    workbook.save(xlsx_path)
    return csv_path, xlsx_path


def measure(entries: int, rows: int, runs: int) -> dict[str, object]:
    generate = _generator().generate
    results: dict[str, object] = {}
    results["import"] = median_ms([sys.executable, "-c", "import openpyxl"], runs)
    results["pass"] = median_ms([sys.executable, "-c", "pass"], runs)
    results["import cpu"] = cpu_ms([sys.executable, "-c", "import openpyxl"], runs)
    results["pass cpu"] = cpu_ms([sys.executable, "-c", "pass"], runs)
    with tempfile.TemporaryDirectory(prefix="referral-bench-xlsx-") as name:
        folder = Path(name)
        repo = generate(folder / "repo", entries=entries, rows=50, seed=1)
        root = ["--root", str(repo)]
        results["loads"] = {
            "--help": loads_openpyxl(["--help"]),
            "stats --format csv --excel": loads_openpyxl(
                ["stats", *root, "--format", "csv", "--excel"]
            ),
            "inventory --format csv": loads_openpyxl(["inventory", *root, "--format", "csv"]),
        }
        out = folder / "out"
        times: dict[str, float] = {}
        for fmt in ("csv", "xlsx"):
            times[f"inventory {fmt}"] = median_ms(
                [*REFERRAL, "inventory", *root, "--format", fmt, "--out", f"{out}.{fmt}"], runs
            )
            times[f"stats {fmt}"] = median_ms(
                [
                    *REFERRAL,
                    "stats",
                    *root,
                    "--by",
                    "reason",
                    "--by",
                    "branch",
                    "--format",
                    fmt,
                    "--out",
                    f"{out}.{fmt}",
                ],
                runs,
            )
        empty = generate(folder / "empty", entries=0, rows=50, seed=1)
        target = folder / "target"
        csv_path, xlsx_path = forms_files(folder, rows)

        def fresh() -> None:
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(empty, target)

        for fmt, path in (("csv", csv_path), ("xlsx", xlsx_path)):
            times[f"add-question {fmt}"] = median_ms(
                [
                    *REFERRAL,
                    "add-question",
                    "--root",
                    str(target),
                    "--no-input",
                    "--from-file",
                    str(path),
                    "--date",
                    date.today().isoformat(),
                ],
                runs,
                fresh,
            )
        results["times"] = times
    return results


def report(results: dict[str, object], entries: int, rows: int, runs: int) -> str:
    import openpyxl

    times = results["times"]
    loads = results["loads"]
    assert isinstance(times, dict) and isinstance(loads, dict)
    imported = float(results["import"]) - float(results["pass"])  # type: ignore[arg-type]
    cpu = float(results["import cpu"]) - float(results["pass cpu"])  # type: ignore[arg-type]
    lines = [
        SECTION,
        "",
        f"`python benchmarks/bench_spreadsheets.py` on {date.today().isoformat()}: fresh "
        f"processes, median wall time of {runs} runs after one warm-up, Python "
        f"{platform.python_version()}, openpyxl {openpyxl.__version__}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs. Load average (1 min) at the end: {os.getloadavg()[0]:.1f}; "
        "other work on the machine makes every figure larger (compare `python -c pass`).",
        "",
        f"`import openpyxl` costs {imported:.0f} ms of wall time and {cpu:.0f} ms of CPU time "
        f"(`python -c 'import openpyxl'` "
        f"{float(results['import']):.0f} ms against `python -c pass` "  # type: ignore[arg-type]
        f"{float(results['pass']):.0f} ms). It is imported only where a workbook is read "  # type: ignore[arg-type]
        "or written; loaded by "
        + ", ".join(f"`referral {args}`: {'yes' if hit else 'no'}" for args, hit in loads.items())
        + ".",
        "",
        "| command | data | csv | xlsx |",
        "| --- | --- | ---: | ---: |",
        f"| `inventory --format … --out FILE` | {entries:,} entries "
        f"| {times['inventory csv']:.0f} ms | {times['inventory xlsx']:.0f} ms |",
        f"| `stats --by reason --by branch --format … --out FILE` | {entries:,} entries "
        f"| {times['stats csv']:.0f} ms | {times['stats xlsx']:.0f} ms |",
        f"| `add-question --from-file` (Forms-shaped, Swedish headers) | {rows:,} rows "
        f"| {times['add-question csv']:.0f} ms | {times['add-question xlsx']:.0f} ms |",
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
    parser.add_argument("--entries", type=int, default=10_000, help="inventory entries")
    parser.add_argument("--rows", type=int, default=500, help="rows of the import files")
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command")
    parser.add_argument("--no-write", action="store_true", help="do not update README.md")
    args = parser.parse_args(argv)
    text = report(measure(args.entries, args.rows, args.runs), args.entries, args.rows, args.runs)
    print(text)
    if not args.no_write:
        write_section(text)
        print(f"Updated {README}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
