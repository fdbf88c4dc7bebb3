"""How heavy and how fast the desk page and the public page are, in headless Chromium.

    python benchmarks/bench_pages.py [--rows 1000] [--loads 15] [--no-write]

Renders the desk page and the public page of the bundled example and of a generated
repository whose matrix has `--rows` rows (the same generator as bench_lookup.py: the
bundled rows, each with made-up compound words, so the vocabulary grows like a real
matrix's), then opens them in the system Chromium through Playwright (never a
downloaded browser):

- **first render**: the page opened `--loads` times, each in a fresh tab; the time from
  the start of navigation until the script has read the data, built the search and is
  ready for the first keystroke (`referralPage.ready`), and the first contentful paint;
- **keystroke to updated results**: every query of tests/eval/desk_queries.yaml typed
  letter by letter (every prefix is one keystroke): the time from the input event until
  the results are in the page and laid out (the handler, then a forced layout), after
  the warm-up the page does by itself while nobody types;
- **weight**: the size of each file, and what makes it up.

Targets (issue 13): keystroke ≤ 16 ms at the 95th percentile and first render ≤ 200 ms
on the 1,000-row matrix; the bundled desk page ≤ 250 kB. The figures are written to
benchmarks/README.md under `## desk page and public page` (only that section).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
README = HERE / "README.md"
SECTION = "## desk page and public page"
BUDGET = 250_000
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

TYPE = """async queries => {
  const input = document.getElementById('q');
  const times = [];
  for (const query of queries) {
    for (let n = 1; n <= query.length; n++) {
      const start = performance.now();
      input.value = query.slice(0, n);
      input.dispatchEvent(new Event('input'));
      document.body.offsetHeight;  // style and layout of the new results
      times.push(performance.now() - start);
    }
    input.value = '';
    input.dispatchEvent(new Event('input'));
  }
  return times;
}"""


def _bench_lookup() -> Any:
    spec = importlib.util.spec_from_file_location("_bench_lookup", HERE / "bench_lookup.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def render(root: Path, out: Path) -> tuple[dict[str, Path], float]:
    """Write both pages of `root` into `out`; return their paths and the render time."""
    from referral_cli.commands.render import PAGES, RenderOptions, render_handouts

    started = time.perf_counter()
    files = render_handouts(root, RenderOptions(handouts=PAGES, revision="bench"))
    seconds = time.perf_counter() - started
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, content in files.items():
        (out / name).write_bytes(content)
        paths[name.removesuffix(".html")] = out / name
    return paths, seconds


def weight(path: Path) -> dict[str, int]:
    """The file's size and its parts: data and index, slips, script, styles, the rest."""
    html = path.read_text(encoding="utf-8")

    def size(pattern: str) -> int:
        return sum(len(found.encode()) for found in re.findall(pattern, html, re.S))

    parts = {"total": len(html.encode())}
    parts["data"] = size(r'<script type="application/json" id="page-[a-z]+">(.*?)</script>')
    parts["slips"] = size(r'<script type="text/[a-z]+" id="slip-[^"]+">(.*?)</script>')
    parts["script"] = size(r"<script>(.*?)</script>")
    # The page's own styles: not the slip's, which are inside its (inert) script element.
    outside = re.sub(r"<script\b.*?</script>", "", html, flags=re.S)
    parts["styles"] = sum(
        len(found.encode()) for found in re.findall(r"<style>(.*?)</style>", outside, re.S)
    )
    parts["rest"] = parts["total"] - sum(parts[k] for k in ("data", "slips", "script", "styles"))
    return parts


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure_page(browser: Any, path: Path, loads: int, queries: list[str]) -> dict[str, Any]:
    ready, paint = [], []
    for _ in range(loads):
        page = browser.new_page()
        page.goto(path.as_uri())
        page.wait_for_function("() => window.referralPage !== undefined")
        ready.append(page.evaluate("window.referralPage.ready"))
        page.wait_for_timeout(50)
        paint.append(
            page.evaluate(
                "(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || 0"
            )
        )
        page.close()
    page = browser.new_page()
    page.goto(path.as_uri())
    page.wait_for_function("() => window.referralPage !== undefined")
    page.wait_for_timeout(300)  # the warm-up the page does while nobody types
    keys = page.evaluate(TYPE, queries)
    page.close()
    return {
        "ready": statistics.median(ready),
        "ready_max": max(ready),
        "paint": statistics.median(paint),
        "keys": len(keys),
        "p50": statistics.median(keys),
        "p95": percentile(keys, 0.95),
        "max": max(keys),
    }


def measure(rows: int, loads: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright
    from tests.eval.evaluate import load_cases

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("chromium is not installed: apt-get install chromium")
    queries = [case.query for case in load_cases()]
    result: dict[str, Any] = {"rows": rows, "loads": loads}
    with tempfile.TemporaryDirectory() as folder:
        temp = Path(folder)
        generated = _bench_lookup().generate(temp / "generated", rows)
        sources = {"bundled": REPO, f"{rows} rows": generated}
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            result["browser"] = browser.version
            for label, root in sources.items():
                paths, seconds = render(root, temp / label.replace(" ", "-"))
                result[label] = {"render": seconds}
                for name, path in paths.items():
                    result[label][name] = {
                        "weight": weight(path),
                        **measure_page(browser, path, loads, queries),
                    }
            browser.close()
    result["load"] = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return result


def report(result: dict[str, Any]) -> str:
    rows = result["rows"]
    big = f"{rows} rows"

    def ms(value: float) -> str:
        return f"{value:.1f} ms" if value < 10 else f"{value:.0f} ms"

    def kb(value: int) -> str:
        return f"{value / 1000:.0f} kB"

    lines = [
        SECTION,
        "",
        f"`python benchmarks/bench_pages.py` on {time.strftime('%Y-%m-%d')}: the pages "
        f"rendered by `referral render desk-page public-page`, opened in headless Chromium "
        f"{result['browser']} through Playwright, Python {platform.python_version()}, "
        f"{platform.machine()}, 2 CPUs. The {rows}-row matrix is generated as for `lookup` "
        "(bench_lookup.py). First render: the page opened "
        f"{result['loads']} times in a fresh tab; from the start of navigation until the "
        "page's script has run and the search box answers (median, and the slowest), and "
        "until the first contentful paint (median). The rows' text and the tables for "
        "typos and word forms are made just after, while nobody types yet. Keystroke: every "
        "query of the evaluation set (268) typed letter by letter, from the input event "
        "until the new results are in the page and laid out.",
        "",
        "| page | matrix | ready to search (median / slowest) | first paint "
        "| keystrokes | p50 | p95 | slowest |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label in ("bundled", big):
        for name in ("desk-page", "public-page"):
            page = result[label][name]
            lines.append(
                f"| {name} | {label} | {ms(page['ready'])} / {ms(page['ready_max'])} "
                f"| {ms(page['paint'])} | {page['keys']} | {ms(page['p50'])} "
                f"| {ms(page['p95'])} | {ms(page['max'])} |"
            )
    desk = result[big]["desk-page"]
    lines += [
        "",
        f"Targets: a keystroke ≤ 16 ms at the 95th percentile and the first render ≤ 200 ms "
        f"on the {rows}-row matrix. Desk page: keystroke p95 {ms(desk['p95'])} "
        f"({'met' if desk['p95'] <= 16 else 'NOT met'}); ready to search after "
        f"{ms(desk['ready'])} and first paint after {ms(desk['paint'])} "
        f"({'met' if max(desk['ready'], desk['paint']) <= 200 else 'NOT met'} on this "
        f"machine; the bundled desk page, a ninth of the size, takes "
        f"{ms(result['bundled']['desk-page']['paint'])} to its first paint here: the floor "
        "this machine sets under any page).",
        "",
        "Weight (bytes as written; no compression, since a file share or a USB stick serves none):",
        "",
        "| page | matrix | total | rows, actors, index | printed slips | script | styles | HTML |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label in ("bundled", big):
        for name in ("desk-page", "public-page"):
            w = result[label][name]["weight"]
            lines.append(
                f"| {name} | {label} | {kb(w['total'])} | {kb(w['data'])} | {kb(w['slips'])} "
                f"| {kb(w['script'])} | {kb(w['styles'])} | {kb(w['rest'])} |"
            )
    bundled = result["bundled"]["desk-page"]["weight"]["total"]
    lines += [
        "",
        f"Load average (1 min) at the end: {result['load']:.1f}; other work on the machine "
        "makes every figure larger (the 2 CPUs were shared).",
    ]
    lines += [
        "",
        f"Budget: the bundled desk page ≤ {BUDGET // 1000} kB: {kb(bundled)} "
        f"({'met' if bundled <= BUDGET else 'NOT met'}; `tests/test_pages.py` asserts it). "
        "Much of the desk page's weight is the printed slip: its two fonts (the bundled "
        "Noto Sans regular and bold, Latin letters only, as data URLs: the slip is measured "
        "with their widths) and the slip of every row in the library's language and in "
        "each translated one, kept as one table of lines (deflated, in base 64) until "
        "printed. "
        "The screen uses the machine's own fonts. The public page has no slips and no "
        "actor index. Rendering both pages takes "
        f"{result['bundled']['render']:.1f} s for the bundled example and "
        f"{result[big]['render']:.1f} s for {rows} rows (the slips are fitted row by row).",
        "",
    ]
    return "\n".join(lines)


def write_section(text: str) -> None:
    """Replace (or add) this benchmark's section of benchmarks/README.md."""
    current = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(current):
        updated = pattern.sub(lambda _: text + "\n", current, count=1)
    else:
        overall = current.find("\n## Overall")
        updated = (
            current[:overall].rstrip("\n") + "\n\n" + text + "\n" + current[overall:]
            if overall >= 0
            else current.rstrip("\n") + "\n\n" + text + "\n"
        )
    README.write_text(updated.rstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1000, help="rows in the generated matrix")
    parser.add_argument("--loads", type=int, default=15, help="page loads for the first render")
    parser.add_argument("--no-write", action="store_true", help="print, do not update README")
    args = parser.parse_args(argv)
    text = report(measure(args.rows, args.loads))
    print(text)
    if not args.no_write:
        write_section(text)
        print(f"Updated {README.relative_to(REPO)} ({SECTION}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
