"""Benchmark: our site against a stock Material build of the same Markdown.

Run with `make bench` (not part of the tests). Writes scripts/bench/results.json
and scripts/bench/RESULTS.md; `make bench-check` judges them. Needs the system
Chromium and Node (Lighthouse is installed from scripts/bench/package-lock.json
by `make bench`).

Everything is measured side by side in one run, interleaved (ours, stock,
ours, stock ...), so that whatever else the machine is doing hits both builds
alike; only the ratios ours/stock are meant to be compared across machines.

- Lighthouse (mobile defaults), median of N runs, on the home, treatment-plan,
  aftercare and comparisons pages and one embed page of both builds, served
  the way a CDN would (gzip, long cache for assets);
- bytes of a first and a second visit per page, raw and compressed, counted by
  the server that sent them;
- build time of the real site against the same build with every macro a
  no-op (what our own code adds) and with mkdocs-macros off, interleaved;
- the `mkdocs serve` rebuild after editing one page, ours and stock;
- a synthetic site of about 800 pages made from the real pages, ours and stock.
"""
from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import queue
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from pipeline.after_build.precompress import TEXT as COMPRESSIBLE  # what a static host would compress
from scripts.bench.check_budgets import misses
from scripts.bench.pages import LANGUAGE_TWINS, PAGES
from site_checks.sitebuild import build, copy_project, free_port

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

BUILDS = ("ours", "stock")
# Stock Material has no embed pages and no Spanish edition: an embed page, and
# the Spanish page, are compared with the stock full page of the same English
# Markdown (what a clinic would otherwise frame; what stock offers a reader).
STOCK_COUNTERPART = {"embed-aftercare": "aftercare/", "es-aftercare": "aftercare/"}


def page_path(name: str, page: str) -> str:
    return STOCK_COUNTERPART.get(page, PAGES[page]) if name == "stock" else PAGES[page]


CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic"


# --- serving like a CDN -------------------------------------------------------------


class Transfer:
    """What the server sent: (path, raw bytes, bytes on the wire)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.log: list[tuple[str, int, int]] = []

    def take(self) -> list[tuple[str, int, int]]:
        with self.lock:
            log, self.log = self.log, []
        return log


def cdn_handler(directory: Path, transfer: Transfer):
    class Handler(http.server.SimpleHTTPRequestHandler):
        # Keep-alive, as every real host and CDN: one connection serves the
        # page and its files (HTTP/1.0, the default, opens one per file).
        protocol_version = "HTTP/1.1"

        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(directory), **kwargs)

        def log_message(self, *args):
            pass

        def do_GET(self):
            path = self.translate_path(self.path)
            if os.path.isdir(path):
                if not self.path.split("?")[0].endswith("/"):
                    return super().do_GET()
                path = os.path.join(path, "index.html")
            if not os.path.isfile(path):
                return super().do_GET()
            raw = Path(path).read_bytes()
            body = raw
            compressed = Path(path).suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")
            if compressed:
                body = gzip.compress(raw, compresslevel=6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Length", str(len(body)))
            if compressed:
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
            cache = "no-cache" if path.endswith(".html") else "public, max-age=31536000"
            self.send_header("Cache-Control", cache)
            self.end_headers()
            self.wfile.write(body)
            with transfer.lock:
                transfer.log.append((self.path, len(raw), len(body)))

    return Handler


def serve(directory: Path) -> tuple[str, Transfer, http.server.ThreadingHTTPServer]:
    transfer = Transfer()
    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), cdn_handler(directory, transfer))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{port}/", transfer, server


# --- the two builds -------------------------------------------------------------------


def stock_config(project: Path) -> None:
    """Material with its defaults: no overrides, extra CSS/JS, features or palette.
    Only `font: false` differs from a default install, because these machines
    cannot reach Google Fonts (a failed font request would distort the figures).
    Stock has no Spanish edition (that needs a plugin): the Spanish pages are left out."""
    config = (project / "mkdocs.yml").read_text()
    nav = re.search(r"^nav:\n(?:[ -].*\n?)*", config, flags=re.M)
    markdown = re.search(r"^markdown_extensions:\n(?:[ -].*\n?)*", config, flags=re.M)
    stock = f"""site_name: Microneedling, explained
site_url: http://127.0.0.1:8000/
theme:
  name: material
  font: false
plugins:
  - search
  - macros:
      module_name: macros
exclude_docs: |
  _data/
  *.es.md
{markdown.group(0) if markdown else ''}
{nav.group(0) if nav else ''}
"""
    (project / "mkdocs.yml").write_text(stock.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n", 1))
    # The site's code writes embed pages from an embed.html template; stock
    # Material has none, so it gets one that lays out Material's own blocks
    # without its chrome (the full pages stay Material's own main.html).
    shutil.rmtree(project / "overrides", ignore_errors=True)
    (project / "overrides").mkdir()
    (project / "overrides" / "embed.html").write_text(STOCK_EMBED)


STOCK_EMBED = """{% extends "main.html" %}
{% block embed_page %}<!doctype html>
<html lang="{{ config.theme.language }}"><head><meta charset="utf-8">
<base href="{{ embed_base_href }}" target="_blank">
<meta name="viewport" content="width=device-width,initial-scale=1">
{{ self.htmltitle() }}{{ self.styles() }}</head>
<body dir="ltr"><main class="md-main"><div class="md-content"><article class="md-content__inner md-typeset">
{{ self.content() }}
</article></div></main></body></html>{% endblock %}
"""


def macros_off_config(project: Path) -> None:
    """The same build without mkdocs-macros; the theme's templates get the
    values our glue would have put in config.extra, empty."""
    config = (project / "mkdocs.yml").read_text()
    config = re.sub(r"^  - macros:\n(?:      .*\n)*", "", config, flags=re.M)
    config = config.replace("\nextra:\n", "\nextra:\n" + "".join(f"  {key}: {json.dumps(value)}\n" for key, value in EMPTY_EXTRA.items()), 1)
    (project / "mkdocs.yml").write_text(config)


# What the site's glue (macros/__init__.py) puts in config.extra for the
# theme's templates, empty: the builds without our code still render them.
EMPTY_EXTRA = {"material_bundle": "assets/javascripts/bundle.js",
               "stylesheet": "assets/stylesheets/main.css", "clinic": {}, "site_words": {}}


NOOP_MACROS = '''"""Written by scripts/bench/bench.py: every macro of the site, doing nothing."""
class Nothing:
    def __getattr__(self, name): return self
    def __call__(self, *args, **kwargs): return self
    def __str__(self): return ""
def define_env(env):
    env.conf["extra"].update(EMPTY_EXTRA)
    for name in NAMES:
        env.macro(Nothing(), name)
'''


def macro_names(docs: Path) -> list[str]:
    """Every macro the pages call, read from their text (wherever and however
    the site's code defines its macros)."""
    import jinja2
    from jinja2 import nodes

    parser = jinja2.Environment()
    names: set[str] = set()
    for page in docs.rglob("*.md"):
        tree = parser.parse(page.read_text(encoding="utf-8"))
        names |= {call.node.name for call in tree.find_all(nodes.Call) if isinstance(call.node, nodes.Name)}
    return sorted(names)


def noop_macros_config(project: Path) -> None:
    """The same build with mkdocs-macros on but every macro doing nothing: what
    the plugin itself costs, apart from our loading, checking and rendering."""
    names = macro_names(project / "docs")
    (project / "noop_macros").mkdir()
    (project / "noop_macros" / "__init__.py").write_text(f"NAMES = {names!r}\nEMPTY_EXTRA = {EMPTY_EXTRA!r}\n" + NOOP_MACROS)
    config = (project / "mkdocs.yml").read_text().replace("module_name: macros", "module_name: noop_macros")
    (project / "mkdocs.yml").write_text(config)


# Run in a fresh interpreter: Material and MkDocs first, so that the second
# figure is what importing mkdocs-macros adds on its own (it imports requests,
# hjson and dateutil), the third what its `git` variable costs (git commands).
PLUGIN_PARTS = """import time
import jinja2, material, mkdocs.plugins, yaml
started = time.perf_counter()
import mkdocs_macros.plugin
imported = time.perf_counter()
from mkdocs_macros.context import get_git_info
get_git_info()
print(imported - started, time.perf_counter() - imported)
"""


def plugin_parts(project: Path, rounds: int = 5) -> dict:
    """Median seconds of the two fixed costs of mkdocs-macros that no macro of ours causes."""
    samples = [
        [float(x) for x in subprocess.run([sys.executable, "-c", PLUGIN_PARTS], cwd=project, capture_output=True, text=True, check=True).stdout.split()]
        for _ in range(rounds)
    ]
    return {"import_s": statistics.median(s[0] for s in samples), "git_s": statistics.median(s[1] for s in samples)}


def timed_build(project: Path, strict: bool = True) -> tuple[float, float]:
    """(seconds on the clock, CPU seconds) of one build.  The CPU seconds
    count only the build's own work: on a machine shared with other jobs the
    clock also counts the time the build waited for a processor."""
    # Bytecode is written and reused as on a developer's machine (the first,
    # untimed builds write it): an environment that forbids it would time
    # compiling the site's own modules on every build, never the no-op's.
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet"] + (["--strict"] if strict else [])
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if result.returncode:
        # --quiet hides the reason (mkdocs-macros logs a failed macro as a warning): build again to show it.
        shown = subprocess.run([part for part in command if part != "--quiet"], cwd=project, env=env,
                               capture_output=True, text=True)
        raise SystemExit(f"build failed in {project}:\n{(shown.stdout + shown.stderr)[-3000:]}")
    return elapsed, cpu


def page_count(project: Path) -> int:
    """Pages the project's build writes: stock leaves the Spanish pages out (stock_config)."""
    translations_left_out = "*.es.md" in (project / "mkdocs.yml").read_text()
    return sum(1 for p in (project / "docs").rglob("*.md")
               if "_data" not in p.parts and not (translations_left_out and p.name.endswith(".es.md")))


def synthetic(work: Path, target_pages: int, source: Path) -> Path:
    """The real pages copied into sub-folders until about `target_pages` pages."""
    project = copy_project(work / f"synthetic-{target_pages}", source)
    real_docs = [p for p in (source / "docs").iterdir() if p.name not in {"_data", "assets"}]
    per_copy = page_count(project)
    copies = max(0, round((target_pages - per_copy) / per_copy))
    for n in range(copies):
        folder = project / "docs" / f"copy-{n + 1:03d}"
        folder.mkdir()
        for item in real_docs:
            if item.is_dir():
                shutil.copytree(item, folder / item.name)
            else:
                shutil.copy2(item, folder / item.name)
        # The pages' images, where the pages' relative links look for them.
        shutil.copytree(source / "docs" / "assets" / "images", folder / "assets" / "images")
        # A translation names the English page it follows, by its place in docs/.
        for translation in folder.rglob("*.es.md"):
            text = translation.read_text(encoding="utf-8")
            translation.write_text(re.sub(r"^(  source: )", rf"\g<1>{folder.name}/", text, count=1, flags=re.M), encoding="utf-8")
    # Let Material build the navigation from the folders (a hand nav would omit the copies).
    config = (project / "mkdocs.yml").read_text()
    (project / "mkdocs.yml").write_text(re.sub(r"^nav:\n(?:[ -].*\n?)*", "", config, flags=re.M))
    return project


def rebuild_time(project: Path, page: str = "faq.md", rounds: int = 3) -> float:
    """Seconds `mkdocs serve` takes to rebuild after one page is edited.

    The server's log is read on a thread, so a change its file watcher
    misses (seen when an edit lands during a build) costs a retry, not a hang."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stderr], daemon=True).start()

    def next_build(seconds: float) -> float | None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=0.5)
            except queue.Empty:
                continue
            match = re.search(r"Documentation built in ([\d.]+) seconds", line)
            if match:
                return float(match.group(1))
        return None

    target = project / "docs" / page
    timings = []
    try:
        if next_build(120) is None:
            raise SystemExit("mkdocs serve did not finish its first build")
        for _ in range(rounds):
            for _attempt in range(3):
                time.sleep(1.5)
                target.write_text(target.read_text() + "\n")
                took = next_build(30)
                if took is not None:
                    timings.append(took)
                    break
    finally:
        process.terminate()
        process.wait()
    if not timings:
        raise SystemExit("mkdocs serve never rebuilt after an edit")
    return statistics.median(timings)


# --- browser measurements ------------------------------------------------------------


def visits(name: str, url: str, transfer: Transfer, chromium: str, pages: list[str]) -> dict[str, dict]:
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROME_FLAGS.replace("--headless=new ", "").split())
        for page_name in pages:
            path = page_path(name, page_name)
            context = browser.new_context()
            page = context.new_page()
            transfer.take()
            page.goto(url + path, wait_until="networkidle")
            page.wait_for_timeout(500)
            first = transfer.take()
            page.goto(url + path, wait_until="networkidle")
            page.wait_for_timeout(500)
            second = transfer.take()
            context.close()
            results[page_name] = {
                "first_visit_raw": sum(r for _, r, _ in first),
                "first_visit_compressed": sum(c for _, _, c in first),
                "first_visit_requests": len(first),
                "second_visit_compressed": sum(c for _, _, c in second),
                "second_visit_requests": len(second),
                "requests": sorted(p for p, _, _ in first),
                "fetched_twice": sorted({p for p, _, _ in first if [q for q, _, _ in first].count(p) > 1}),
            }
        browser.close()
    return results


def lighthouse(url: str, chromium: str) -> dict:
    """One Lighthouse run (mobile defaults: simulated mid-range phone, 4x CPU slowdown)."""
    binary = HERE / "node_modules" / ".bin" / "lighthouse"
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        command = [str(binary), url, "--quiet", "--output=json", f"--output-path={out.name}",
                   f"--chrome-flags={CHROME_FLAGS}", "--only-categories=performance,accessibility,best-practices,seo"]
        subprocess.run(command, env={**os.environ, "CHROME_PATH": chromium}, check=True, capture_output=True, timeout=300)
        report = json.loads(Path(out.name).read_text())

    def score(category):
        return round(report["categories"][category]["score"] * 100)

    audits = report["audits"]
    return {
        "performance": score("performance"),
        "accessibility": score("accessibility"),
        "best_practices": score("best-practices"),
        "seo": score("seo"),
        "lcp_s": round(audits["largest-contentful-paint"]["numericValue"] / 1000, 3),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "total_bytes": audits["total-byte-weight"]["numericValue"],
        "render_blocking": [i["url"] for i in audits["render-blocking-insight"].get("details", {}).get("items", [])],
        "load_average": round(os.getloadavg()[0], 2),
    }


LIGHTHOUSE_FIGURES = ("performance", "accessibility", "best_practices", "seo", "lcp_s", "tbt_ms", "cls", "total_bytes")


def median_run(runs: list[dict]) -> dict:
    """The median of each figure on its own, and every run's figures."""
    median = {key: statistics.median(run[key] for run in runs) for key in LIGHTHOUSE_FIGURES}
    median["render_blocking"] = sorted({url for run in runs for url in run["render_blocking"]})
    return {**median, "runs": runs}


def interleaved_lighthouse(urls: dict[str, str], runs: int, chromium: str, pages: list[str]) -> dict:
    """Lighthouse on each of `pages` of both builds, ours and stock one after the other, `runs` rounds."""
    collected = {name: {page: [] for page in pages} for name in BUILDS}
    for round_ in range(runs):
        for page in pages:
            for name in BUILDS:
                print(f"lighthouse round {round_ + 1}/{runs} {page} {name}...", flush=True)
                collected[name][page].append(lighthouse(urls[name] + page_path(name, page), chromium))
    return {name: {page: median_run(found) for page, found in by_page.items()} for name, by_page in collected.items()}


def ratio(ours: float, stock: float) -> float | None:
    return round(ours / stock, 3) if stock else None


# --- build times ---------------------------------------------------------------------


def interleaved_builds(projects: dict[str, Path], rounds: int = 5) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Build seconds (clock, CPU) of each project, built in turn, `rounds` times."""
    times: dict[str, list[float]] = {name: [] for name in projects}
    cpu: dict[str, list[float]] = {name: [] for name in projects}
    for _ in range(rounds):
        for name, project in projects.items():
            elapsed, used = timed_build(project, strict=name == "real")
            times[name].append(elapsed)
            cpu[name].append(used)
    return times, cpu


def overhead_pct(slower: list[float], base: list[float]) -> float:
    """Median of the per-round overheads: each round's two builds ran one after
    the other, so a busy moment of the machine hits both."""
    return 100 * (statistics.median(a / b for a, b in zip(slower, base)) - 1)


def stock_synthetic(work: Path, target_pages: int, source: Path) -> Path:
    project = synthetic(work / "stock-synthetic", target_pages, source)
    stock_config(project)
    return project


def build_figures(work: Path, source: Path, ours: Path, stock: Path, skip_synthetic: bool, rounds: int) -> dict:
    off = copy_project(work / "macros-off", source)
    macros_off_config(off)
    noop = copy_project(work / "macros-noop", source)
    noop_macros_config(noop)
    for project in (ours, noop, off):
        timed_build(project, strict=False)  # first builds write the modules' bytecode: not timed
    times, cpu = interleaved_builds({"real": ours, "noop": noop, "off": off}, rounds)
    figures = {
        "rounds": rounds,
        "pages": page_count(ours),
        "times_s": times,
        "cpu_s": cpu,
        "real_median_s": statistics.median(times["real"]),
        "macros_noop_median_s": statistics.median(times["noop"]),
        "macros_off_median_s": statistics.median(times["off"]),
        "real_median_cpu_s": statistics.median(cpu["real"]),
        "macros_noop_median_cpu_s": statistics.median(cpu["noop"]),
        "macros_off_median_cpu_s": statistics.median(cpu["off"]),
        # Judged on CPU seconds: what the build itself does, whatever else runs.
        "own_code_overhead_pct": overhead_pct(cpu["real"], cpu["noop"]),
        "own_code_overhead_clock_pct": overhead_pct(times["real"], times["noop"]),
        "plugin_overhead_pct": overhead_pct(cpu["noop"], cpu["off"]),
        "plugin_parts": plugin_parts(noop),
        "rebuild_s": {name: rebuild_time(project) for name, project in (("ours", ours), ("stock", stock))},
        "synthetic": [],
    }
    if not skip_synthetic:
        for target in (50, 800):
            projects = {"ours": synthetic(work / "ours-synthetic", target, source), "stock": stock_synthetic(work, target, source)}
            row = {"target": target, "pages": page_count(projects["ours"])}
            for name, project in projects.items():
                seconds, _ = timed_build(project, strict=False)
                pages = page_count(project)  # stock builds no Spanish pages
                row[name] = {"seconds": seconds, "pages": pages, "ms_per_page": 1000 * seconds / pages}
            figures["synthetic"].append(row)
            print(f"synthetic {row['pages']} pages: ours {row['ours']['seconds']:.1f} s, stock {row['stock']['seconds']:.1f} s", flush=True)
    return figures


# --- report ----------------------------------------------------------------------------


def _fmt(value, unit: str = "") -> str:
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}{unit}"
    return f"{int(value):,}{unit}"


def twin_lines(ours: dict, source: str) -> list[str]:
    """The Spanish page beside its English twin, both ours, from the same run."""
    twins = [(es, en) for es, en in LANGUAGE_TWINS.items() if es in ours and en in ours]
    if not twins:
        return []
    lines = ["", f"### The Spanish page beside its English twin (ours, same run, {source} medians)", "",
             "| page | LCP s Spanish / English (ratio) | TBT ms Spanish / English | perf Spanish / English | bytes Spanish / English (ratio) |",
             "|---|---|---|---|---|"]
    for es, en in twins:
        s_, e = ours[es], ours[en]
        lines.append(f"| {es} / {en} | {s_['lcp_s']:.2f} / {e['lcp_s']:.2f} ({_fmt(ratio(s_['lcp_s'], e['lcp_s']))}) | "
                     f"{_fmt(s_['tbt_ms'])} / {_fmt(e['tbt_ms'])} | {_fmt(s_['performance'])} / {_fmt(e['performance'])} | "
                     f"{_fmt(s_['total_bytes'])} / {_fmt(e['total_bytes'])} ({_fmt(ratio(s_['total_bytes'], e['total_bytes']))}) |")
    return lines


def markdown_report(results: dict) -> str:
    lines = [
        "# Benchmark results", "",
        f"Measured {results['date']} on {results['machine']['cores']} cores (load average "
        f"{results['machine']['load_average_start']} at the start, {results['machine']['load_average_end']} at the end), "
        f"code at commit {results.get('commit', 'unknown')}. "
        "Produced by `make bench`; budgets checked by `make bench-check`.", "",
        "**Absolute times vary from machine to machine and with whatever else the machine is doing; "
        "only the ratios ours/stock of the same run mean something.** Both builds are measured in one run, "
        "interleaved (ours, stock, ours, stock ...), so that a busy moment hits both alike.", "",
    ]
    pages = list(results["visits"]["ours"])  # those measured: all, or a quick run's --pages
    missed = misses(results)
    lines += ["## Budgets (`make bench-check`)", "",
              *([f"- missed: {line}" for line in missed] or ["- every budget held"]), ""]
    if "lighthouse" in results:
        lh = results["lighthouse"]
        lines += [f"## Lighthouse mobile, median of {results['runs']} interleaved runs (gzip, long cache on assets)", "",
                  "| page | perf ours / stock | a11y | best practices | SEO | LCP s ours / stock (ratio) | TBT ms ours / stock | CLS ours / stock | bytes ours / stock (ratio) |",
                  "|---|---|---|---|---|---|---|---|---|"]
        for page in pages:
            o, s_ = lh["ours"][page], lh["stock"][page]
            lines.append(
                f"| {page} | {_fmt(o['performance'])} / {_fmt(s_['performance'])} | {_fmt(o['accessibility'])} / {_fmt(s_['accessibility'])} | "
                f"{_fmt(o['best_practices'])} / {_fmt(s_['best_practices'])} | {_fmt(o['seo'])} / {_fmt(s_['seo'])} | "
                f"{o['lcp_s']:.2f} / {s_['lcp_s']:.2f} ({_fmt(ratio(o['lcp_s'], s_['lcp_s']))}) | {_fmt(o['tbt_ms'])} / {_fmt(s_['tbt_ms'])} | "
                f"{o['cls']} / {s_['cls']} | {_fmt(o['total_bytes'])} / {_fmt(s_['total_bytes'])} ({_fmt(ratio(o['total_bytes'], s_['total_bytes']))}) |")
        lines += ["", "The embed page carries `noindex` on purpose (clinics show it in a frame); Lighthouse's SEO audit marks that down. "
                  "Stock Material has no embed pages: its column shows the stock full page of the same Markdown.", "",
                  "### Every run", "", "| page | build | run | load avg | perf | LCP s | TBT ms | CLS | bytes |", "|---|---|---|---|---|---|---|---|---|"]
        for page in pages:
            for name in BUILDS:
                for n, run in enumerate(lh[name][page]["runs"], 1):
                    lines.append(f"| {page} | {name} | {n} | {run['load_average']} | {run['performance']} | {run['lcp_s']:.2f} | {run['tbt_ms']} | {run['cls']} | {run['total_bytes']:,} |")
        lines += twin_lines(lh["ours"], "Lighthouse")
    lines += ["", "## Bytes per visit (counted by the server)", "",
              "| page | first visit compressed ours / stock (ratio) | requests ours / stock | second visit compressed ours / stock | fetched twice (ours) |",
              "|---|---|---|---|---|"]
    for page in pages:
        o, s_ = results["visits"]["ours"][page], results["visits"]["stock"][page]
        lines.append(f"| {page} | {o['first_visit_compressed']:,} / {s_['first_visit_compressed']:,} "
                     f"({_fmt(ratio(o['first_visit_compressed'], s_['first_visit_compressed']))}) | {o['first_visit_requests']} / {s_['first_visit_requests']} | "
                     f"{o['second_visit_compressed']:,} / {s_['second_visit_compressed']:,} | {', '.join(o['fetched_twice']) or 'none'} |")
    lines += ["", f"Calculator scripts as shipped (minified): {results['calculator_script']['raw']:,} bytes raw, {results['calculator_script']['compressed']:,} compressed.", ""]
    b = results.get("build")
    if b:
        lines += [f"## Build time ({b.get('rounds', 5)} interleaved rounds: real, no-op macros, macros off)", "",
                  "Overheads are the median of the rounds' ratios (each round's builds ran back to back), "
                  "in CPU seconds of the build process: on a busy machine the clock also counts the time a build "
                  "waited for a processor (the clock's figure is shown beside it).", "",
                  "| what | CPU seconds | seconds on the clock |", "|---|---|---|",
                  f"| real site ({b['pages']} pages) | {b['real_median_cpu_s']:.2f} | {b['real_median_s']:.2f} |",
                  f"| same build, mkdocs-macros on but every macro a no-op | {b['macros_noop_median_cpu_s']:.2f} | {b['macros_noop_median_s']:.2f} |",
                  f"| same build, mkdocs-macros off | {b['macros_off_median_cpu_s']:.2f} | {b['macros_off_median_s']:.2f} |",
                  f"| **our own code (loading, checking, rendering) over the no-op build** | **{b['own_code_overhead_pct']:.1f} %** | {b['own_code_overhead_clock_pct']:.1f} % |",
                  f"| mkdocs-macros itself over the build without it | {b['plugin_overhead_pct']:.1f} % | |",
                  f"| within that: importing mkdocs-macros | | {b['plugin_parts']['import_s']:.3f} |",
                  f"| within that: its `git` commands | | {b['plugin_parts']['git_s']:.3f} |", "",
                  "| live reload after editing one page (faq.md) | seconds |", "|---|---|",
                  f"| ours | {b['rebuild_s']['ours']:.2f} |", f"| stock Material, same page | {b['rebuild_s']['stock']:.2f} |", "",
                  "Ours builds both languages on every build and reload (mkdocs-static-i18n builds each language in turn); "
                  "stock Material has no Spanish edition and builds the English pages only.", ""]
        if b["synthetic"]:
            lines += ["| synthetic site | pages ours / stock | ours s (ms/page) | stock s (ms/page) | ratio per page |", "|---|---|---|---|---|"]
            for row in b["synthetic"]:
                o, s_ = row["ours"], row["stock"]
                lines.append(f"| about {row['target']} | {o.get('pages', row['pages'])} / {s_.get('pages', row['pages'])} | "
                             f"{o['seconds']:.2f} ({o['ms_per_page']:.0f}) | "
                             f"{s_['seconds']:.2f} ({s_['ms_per_page']:.0f}) | {ratio(o['ms_per_page'], s_['ms_per_page'])} |")
            lines += ["", "Stock Material builds the same Markdown, so it runs the site's macros too (without them the "
                      "pages would not render); the difference is the theme overrides, scripts and checks of ours. "
                      "Material renders the whole navigation into every page, so the cost per page grows with the site for both."]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="interleaved Lighthouse rounds (median)")
    parser.add_argument("--pages", nargs="+", choices=list(PAGES), help="only these pages (a quick run)")
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--skip-builds", action="store_true", help="no build timings (a quick run)")
    parser.add_argument("--skip-synthetic", action="store_true")
    # One build's CPU time varies by up to a third from run to run, even on a quiet machine
    # (the same no-op build: 2.08 to 2.91 s in six runs, 2026-12-02): the overhead's median
    # needs many more rounds than Lighthouse's (about 2.5 minutes for 15).
    parser.add_argument("--build-rounds", type=int, default=15, help="interleaved build rounds (median)")
    parser.add_argument("--project", type=Path, default=ROOT, help="project to measure (default: this one)")
    args = parser.parse_args()
    pages = [page for page in PAGES if not args.pages or page in args.pages]
    chromium = subprocess.run([str(ROOT / "scripts" / "find-chromium.sh")], capture_output=True, text=True, check=True).stdout.strip()
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    commit = subprocess.run(["git", "-C", str(args.project), "describe", "--always", "--dirty"], capture_output=True, text=True).stdout.strip()
    results = {"date": time.strftime("%Y-%m-%d %H:%M"), "runs": args.runs, "commit": commit or "unknown",
               "machine": {"cores": os.cpu_count(), "load_average_start": round(os.getloadavg()[0], 2)}}

    ours, stock = copy_project(work / "ours", args.project), copy_project(work / "stock", args.project)
    stock_config(stock)
    print("building both sites...", flush=True)
    for name in BUILDS:
        built = build(work / name)
        if built.returncode or not (work / name / "site" / "index.html").exists():
            raise SystemExit(f"{name} build failed:\n{built.stderr[-3000:]}")

    servers = {name: serve(work / name / "site") for name in BUILDS}
    print("measuring bytes per visit...", flush=True)
    results["visits"] = {name: visits(name, url, transfer, chromium, pages) for name, (url, transfer, _) in servers.items()}
    # As shipped: the build joins the calculator's modules into calculator.js, the one the page
    # loads (pipeline/after_build/join_modules.py), and minifies it (minify_scripts.py).
    scripts = [work / "ours" / "site" / "assets/javascripts" / "calculator.js"]
    raw_script = b"".join(p.read_bytes() for p in scripts)
    results["calculator_script"] = {"raw": len(raw_script), "compressed": sum(len(gzip.compress(p.read_bytes(), 6)) for p in scripts)}

    if not args.skip_lighthouse:
        results["lighthouse"] = interleaved_lighthouse({name: url for name, (url, _, _) in servers.items()}, args.runs, chromium, pages)
    for _, _, server in servers.values():
        server.shutdown()
    # Keep what the slow part measured, should a later step fail.
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n")

    if not args.skip_builds:
        print("timing builds...", flush=True)
        results["build"] = build_figures(work, args.project, ours, stock, args.skip_synthetic, args.build_rounds)
    results["machine"]["load_average_end"] = round(os.getloadavg()[0], 2)

    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    (HERE / "RESULTS.md").write_text(markdown_report(results))
    shutil.rmtree(work, ignore_errors=True)
    print(f"wrote {HERE / 'results.json'} and {HERE / 'RESULTS.md'}")


if __name__ == "__main__":
    main()
