"""How long `referral lookup` takes at the desk, and how often it is right.

    python benchmarks/bench_lookup.py [--rows 1000] [--runs 9] [--no-write]

Generates a guideline repository with a matrix of `--rows` rows in a temporary
folder (rows built from the bundled example's rows, each with its own made-up
compound words so the vocabulary grows like a real matrix's), then runs
`referral lookup ...` as a fresh process (`python -m referral_cli`) several times
per query, on the bundled data and on the generated matrix, the runs taking turns.
For comparison it times `python -c pass` and a bare one-command Typer app; it lists
the modules a warm lookup imports beyond that app (`python -X importtime`), and it
measures inside one process how the time splits into loading, indexing and
searching. It also runs the evaluation set (tests/eval/desk_queries.yaml) through
lookup and match and records top-1, top-3, confident wrong answers and how many
queries get their row shown as the answer. The figures are written to
`benchmarks/README.md` under `## lookup` (only that section is replaced).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
README = HERE / "README.md"
SECTION = "## lookup"

QUERIES = [
    ("bankid", "one word, exact"),
    ("sim kort", "two words joined"),
    ("migrationsverkt", "typo"),
    ("kontot", "another form of a word"),
    ("printa kontoutdrag", "a synonym"),
    ("skriva ut biljett", "three words, one phrase"),
    ("glömt pin", "no sure answer: closest rows"),
    ("parkeringsapp", "nothing found, suggestions"),
]
IMPORT_RUNS = 9  # runs of `python -X importtime` for the imports a lookup adds

BARE_TYPER = """\
import typer

app = typer.Typer()


@app.command()
def hello(name: str) -> None:
    print(name)


app()
"""


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def generate(out: Path, rows: int, seed: int = 1) -> Path:
    """Write a valid repository with `rows` matrix rows; library and actors as bundled."""
    sys.path.insert(0, str(REPO / "src"))
    from referral_cli.rules.loading import load_valid_guidelines

    bundled = load_valid_guidelines(REPO, inventory=False)
    templates = bundled.matrix.rows()
    rng = random.Random(seed)
    stems = sorted(
        {
            w.lower()
            for _, row in templates
            for w in re.findall(r"[a-zåäö]{5,9}", f"{row.need} {row.solution}".lower())
        }
    )
    reviewed = (date.today() - timedelta(days=30)).isoformat()
    data = out / "data"
    (data / "inventory").mkdir(parents=True)
    for name in ("library.yaml", "actors.yaml"):
        (data / name).write_bytes((REPO / "data" / name).read_bytes())
    categories = max(1, rows // 40)
    lines = ["categories:"]
    number = 0
    for c in range(categories):
        category, _ = templates[c % len(templates)]
        lines += [f"  - id: kategori-{c + 1:03d}", f"    title: {_q(f'{category.title} {c + 1}')}"]
        lines.append("    rows:")
        for _ in range(rows // categories + (1 if c < rows % categories else 0)):
            number += 1
            _, row = templates[number % len(templates)]
            made_up = [rng.choice(stems) + rng.choice(stems) for _ in range(4)]
            lines += [
                f"      - id: rad-{number:05d}",
                f"        need: {_q(f'{row.need}: {made_up[0]} och {made_up[1]}')}",
                f"        library_can: {_q(row.library_can or 'Visa var informationen finns.')}",
                f"        solution: {_q(f'{row.solution} Gäller även {made_up[2]}.')}",
                f"        refer_to: [{', '.join(row.refer_to)}]",
                f"        phrasing: {_q(row.phrasing or 'Det här kan de hjälpa dig med.')}",
                f"        requires: [{', '.join(row.requires)}]",
                f"        keywords: [{', '.join(_q(k) for k in [*row.keywords, made_up[3]])}]",
                f"        reviewed: {reviewed}",
            ]
    (data / "matrix.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def _children_cpu() -> float:
    """CPU seconds (user + system) used by finished child processes so far."""
    try:
        import resource
    except ImportError:  # not on Windows
        return float("nan")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run. CPU time hardly grows when the machine is busy."""
    cpu = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return elapsed, _children_cpu() - cpu


def lookup_command(root: Path, query: str) -> list[str]:
    return [sys.executable, "-m", "referral_cli", "lookup", *query.split(), "--root", str(root)]


def in_process(root: Path, runs: int) -> dict[str, float]:
    """Median CPU seconds for loading, indexing and each search, inside one process."""
    sys.path.insert(0, str(REPO / "src"))
    from referral_cli.commands.lookup import lookup
    from referral_cli.row_index import RowIndex
    from referral_cli.rules.loading import load_valid_guidelines
    from referral_cli.search import SearchIndex

    def median(work: Callable[[], object]) -> float:
        times = []
        for _ in range(runs):
            started = time.process_time()
            work()
            times.append(time.process_time() - started)
        return statistics.median(times)

    guidelines = load_valid_guidelines(root, inventory=False)
    result = {
        "load": median(lambda: load_valid_guidelines(root, inventory=False)),
        "index": median(lambda: RowIndex.build(guidelines)),
    }
    state = RowIndex.build(guidelines).index.to_state()
    for query, _ in QUERIES:
        # A fresh index each time, restored as a warm lookup restores it from the
        # cache: its tables are decoded when a query first needs them.
        times = []
        for _ in range(runs):
            index = SearchIndex.from_state(state)
            started = time.process_time()
            index.search(query)
            times.append(time.process_time() - started)
        result[query] = statistics.median(times)
    result["lookup bankid"] = median(lambda: lookup(guidelines, ["bankid"], "sv"))
    result["vocabulary"] = len(RowIndex.build(guidelines).index.vocabulary)
    return result


def import_times(command: list[str], env: dict[str, str]) -> dict[str, int]:
    """Microseconds of each module's own import time in one run (`-X importtime`)."""
    done = subprocess.run(
        [command[0], "-X", "importtime", *command[1:]], capture_output=True, text=True, env=env
    )
    own: dict[str, int] = {}
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if line.startswith("import time:") and len(parts) == 3 and parts[0][12:].strip().isdigit():
            own[parts[2].strip()] = int(parts[0][12:])
    return own


def added_imports(
    command: list[str], baseline: list[str], env: dict[str, str], runs: int = IMPORT_RUNS
) -> list[tuple[str, float]]:
    """Modules `command` imports and `baseline` does not: ms of each one's own import time.

    The fastest of `runs` runs per module, since other work on the machine only adds
    to a run; largest first.
    """
    known = set(import_times(baseline, env))
    per_module: dict[str, list[int]] = {}
    for _ in range(runs):
        for name, own in import_times(command, env).items():
            if name not in known:
                per_module.setdefault(name, []).append(own)
    fastest = {name: min(times) / 1000 for name, times in per_module.items()}
    return sorted(fastest.items(), key=lambda item: -item[1])


def measure(rows: int, runs: int) -> dict[str, object]:
    env = {**os.environ, "COLUMNS": "100", "PYTHONPATH": str(REPO / "src")}
    # Without bytecode every run would compile referral's modules again; an installed
    # copy has its bytecode, so the runs write and use it (as benchmarks/run.py does).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="referral-bench-lookup-") as folder:
        big = generate(Path(folder) / "repo", rows)
        bare = Path(folder) / "bare_typer.py"
        bare.write_text(BARE_TYPER, encoding="utf-8")
        baselines = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "bare one-command Typer app": [sys.executable, str(bare), "x"],
            "referral --help": [sys.executable, "-m", "referral_cli", "--help"],
        }
        commands: dict[tuple[str, str], list[str]] = {}
        for label, command in baselines.items():
            commands[("baseline", label)] = command
        for name, root in (("bundled", REPO), (f"{rows} rows", big)):
            for query, _ in QUERIES:
                commands[(name, query)] = lookup_command(root, query)
        for command in commands.values():
            timed(command, env)  # warm-up: bytecode, file system caches
        times: dict[tuple[str, str], list[tuple[float, float]]] = {key: [] for key in commands}
        for _ in range(runs):
            for key, command in commands.items():
                times[key].append(timed(command, env))
        added = added_imports(
            commands[("bundled", QUERIES[0][0])], baselines["bare one-command Typer app"], env
        )
        rich = [sys.executable, "-c", "import rich.console, rich.panel, rich.text"]
        rich_ms = sum(ms for _, ms in added_imports(rich, baselines["python -c pass"], env))
        inside = {
            "bundled": in_process(REPO, runs),
            f"{rows} rows": in_process(big, runs),
        }
        matrix_bytes = (big / "data" / "matrix.yaml").stat().st_size
    load_average = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return {
        "times": times,
        "added": added,
        "rich_ms": rich_ms,
        "inside": inside,
        "matrix_bytes": matrix_bytes,
        "load_average": load_average,
    }


def accuracy() -> dict[str, object]:
    """The evaluation set through lookup and match (see tests/eval/evaluate.py)."""
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(REPO / "src"))
    from tests.eval import evaluate

    from referral_cli import answers
    from referral_cli.commands import match

    guidelines = evaluate.bundled()
    cases = evaluate.load_cases()
    return {
        "cases": cases,
        "lookup": evaluate.evaluate_lookup(guidelines, cases),
        "match": evaluate.evaluate_match_every_sentence(guidelines, cases),
        "sentences": len(evaluate.SENTENCES),
        "answer_score": answers.ANSWER_SCORE,
        "tie_margin": answers.TIE_MARGIN,
        "auto_apply": match.AUTO_APPLY_SCORE,
        "margin": match.AMBIGUITY_MARGIN,
        "gap_score": match.MIN_SCORE,
    }


def accuracy_lines(result: dict[str, Any]) -> list[str]:
    """The accuracy part of the section."""
    cases = result["cases"]
    kinds = sorted({case.kind for case in cases})
    lines = [
        "",
        f"Accuracy on the evaluation set (`tests/eval/desk_queries.yaml`, {len(cases)} desk "
        f"queries, {sum(1 for c in cases if c.row is None)} of them with no row in the matrix; "
        f"`tests/test_search_eval.py` asserts top-1 ≥ 90 %, top-3 ≥ 97 % and no confident "
        f"wrong answer). For `match` each query is written into {result['sentences']} "
        "inventory-like sentences. Top-1: the expected row first (a query with no row: no "
        "row shown as the answer). Shown as the answer: lookup's best row at or above "
        f"{result['answer_score']} (`ANSWER_SCORE`) and at least {result['tie_margin']} ahead "
        "of the second (`TIE_MARGIN`); for match, what `--apply --yes` would "
        f"write (at least {result['auto_apply']}, the runner-up at least {result['margin']} "
        "lower). Confident wrong: a row shown as the answer that is not the expected one. "
        "Answered: queries with a row whose row is shown as the answer.",
        "",
        "| | queries | top-1 | top-3 | confident wrong | answered |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name in ("lookup", "match"):
        figures = result[name]
        lines.append(
            f"| `{name}` | {len(figures.outcomes)} | {figures.top1:.1%} | {figures.top3:.1%} "
            f"| {figures.confident_wrong} | {figures.answered:.1%} |"
        )
    lines += ["", "`lookup` by kind of query:", "", "| kind | queries | top-1 | answered |"]
    lines.append("| --- | ---: | ---: | ---: |")
    lookup_figures = result["lookup"]
    for kind in kinds:
        outcomes = [o for o in lookup_figures.outcomes if o.case.kind == kind]
        top1 = sum(o.top1 for o in outcomes) / len(outcomes)
        rows = [o for o in outcomes if o.case.row is not None]
        answered = f"{sum(o.answered for o in rows) / len(rows):.0%}" if rows else "-"
        lines.append(f"| {kind} | {len(outcomes)} | {top1:.0%} | {answered} |")
    misses = lookup_figures.misses()
    if misses:
        shown = ", ".join(f"`{o.case.query}`" for o in misses)
        lines += [
            "",
            "`lookup` misses (the expected row not first; none of them shows a wrong row "
            f"as the answer): {shown}.",
        ]
    return lines


def report(rows: int, runs: int, result: dict[str, object]) -> str:
    times: dict[tuple[str, str], list[tuple[float, float]]] = result["times"]  # type: ignore[assignment]
    inside: dict[str, dict[str, float]] = result["inside"]  # type: ignore[assignment]

    def ms(value: float) -> str:
        return f"{value * 1000:.0f} ms"

    def wall(key: tuple[str, str]) -> float:
        return statistics.median(run[0] for run in times[key])

    def cpu(key: tuple[str, str]) -> float:
        return statistics.median(run[1] for run in times[key])

    def ratio(key: tuple[str, str], which: int) -> float:
        """The median over rounds of this run's time / the Typer app's in the same round.

        Pairing runs that ran moments apart cancels most of what other work on the
        machine does to both.
        """
        return statistics.median(
            run[which] / base[which] for run, base in zip(times[key], times[typer_app], strict=True)
        )

    typer_app = ("baseline", "bare one-command Typer app")

    big = f"{rows} rows"
    lines = [
        SECTION,
        "",
        f"`python benchmarks/bench_lookup.py` on {date.today().isoformat()}: `referral lookup` "
        f"in a fresh process (`python -m referral_cli`), {runs} runs per command after one "
        f"warm-up, the commands taking turns, with bytecode; median wall time and median "
        f"CPU time (user + system, which a busy machine hardly changes), Python "
        f"{platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs. "
        f"The {rows}-row matrix is generated from the bundled rows with made-up compound "
        f"words ({result['matrix_bytes'] / 1024:.0f} KiB of YAML, "
        f"{inside[big]['vocabulary']:.0f} index words against "
        f"{inside['bundled']['vocabulary']:.0f} in the bundled matrix). Load average "
        f"(1 min) at the end: {result['load_average']:.1f}; other work on the machine makes "
        "every figure larger.",
        "",
        f"| query | what it exercises | bundled: wall | CPU | {rows} rows: wall | CPU |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for query, what in QUERIES:
        here, there = ("bundled", query), (big, query)
        lines.append(
            f"| `lookup {query}` | {what} | {ms(wall(here))} | {ms(cpu(here))} "
            f"| {ms(wall(there))} | {ms(cpu(there))} |"
        )
    lines += ["", "| for comparison | wall | CPU |", "| --- | ---: | ---: |"]
    for key in times:
        if key[0] == "baseline":
            lines.append(f"| `{key[1]}` | {ms(wall(key))} | {ms(cpu(key))} |")
    slowest_wall = max(ratio(("bundled", query), 0) for query, _ in QUERIES)
    slowest_cpu = max(ratio(("bundled", query), 1) for query, _ in QUERIES)
    slowest_big = max(ratio((big, query), 1) for query, _ in QUERIES)
    added: list[tuple[str, float]] = result["added"]  # type: ignore[assignment]
    ours = sum(ms for name, ms in added if name.startswith("referral_cli"))
    largest = ", ".join(f"`{name}` {own:.1f} ms" for name, own in added[:5])
    lines += [
        "",
        f"Budget: a warm lookup within 1.5 × the one-command Typer app. Each lookup run is "
        f"compared with the Typer app's run of the same round, and the median of those "
        f"ratios taken: the slowest query on the bundled data takes {slowest_wall:.2f} × its "
        f"wall time and {slowest_cpu:.2f} × its CPU time; on the {rows}-row matrix "
        f"{slowest_big:.2f} × its CPU time.",
        "",
        f"What a warm lookup imports beyond the Typer app (`python -X importtime`, each "
        f"module's own time, the fastest of {IMPORT_RUNS} runs of `lookup {QUERIES[0][0]}`): "
        f"{len(added)} modules, {sum(ms for _, ms in added):.0f} ms, of them referral's own "
        f"{ours:.0f} ms; the largest: {largest}. No rich: lookup draws its panel with "
        f"`cli/plain_text.py`, since importing rich's console, panel and text takes "
        f"{result['rich_ms']:.0f} ms (measured the same way), "
        f"{result['rich_ms'] / 1000 / wall(('bundled', QUERIES[0][0])):.0%} of the wall time "
        f"of `lookup {QUERIES[0][0]}`.",
    ]
    lines += [
        "",
        "Inside one process (median CPU time; each search on an index restored as a warm "
        "lookup restores it):",
        "",
        f"| step | bundled | {rows} rows |",
        "| --- | ---: | ---: |",
        "| load and check library, actors, matrix | "
        f"{ms(inside['bundled']['load'])} | {ms(inside[big]['load'])} |",
        f"| build the index | {ms(inside['bundled']['index'])} | {ms(inside[big]['index'])} |",
        f"| whole `lookup bankid` core (index rows and actors, search) | "
        f"{ms(inside['bundled']['lookup bankid'])} | {ms(inside[big]['lookup bankid'])} |",
    ]
    for query, _ in QUERIES:
        lines.append(
            f"| search `{query}` | {inside['bundled'][query] * 1000:.1f} ms "
            f"| {inside[big][query] * 1000:.1f} ms |"
        )
    lines += [
        "",
        "The whole-process times are warm: after the first lookup, the checked library, "
        "actors and matrix and the search index come from the lookup cache (see the README's "
        "'The parse cache'), so what is left is starting Python and Typer, registering "
        "referral's commands with Typer, and the search itself, which takes milliseconds. "
        "The in-process steps above are measured "
        "without the cache. Lookup never reads the inventory, so the number of logged "
        "questions does not matter.",
    ]
    lines += accuracy_lines(result["accuracy"])  # type: ignore[arg-type]
    lines.append("")
    return "\n".join(lines)


def write_section(text: str) -> None:
    """Replace (or add) this benchmark's section of benchmarks/README.md."""
    current = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(current):
        updated = pattern.sub(lambda _: text + "\n", current, count=1)
    else:
        updated = current.rstrip("\n") + "\n\n" + text + "\n"
    README.write_text(updated.rstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1000, help="rows in the generated matrix")
    parser.add_argument("--runs", type=int, default=9, help="timed runs per command")
    parser.add_argument("--no-write", action="store_true", help="print, do not update README")
    args = parser.parse_args(argv)
    result = measure(args.rows, args.runs)
    result["accuracy"] = accuracy()
    text = report(args.rows, args.runs, result)
    print(text)
    if not args.no_write:
        write_section(text)
        print(f"Updated {README.relative_to(REPO)} ({SECTION}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
