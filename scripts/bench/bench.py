"""Benchmark: our site against a stock Material build of the same Markdown.

Run with `make bench` (not part of the tests). Writes scripts/bench/results.json
and scripts/bench/RESULTS.md. Needs the system Chromium and Node (Lighthouse is
installed from scripts/bench/package-lock.json by `make bench`).

What it measures, in one run:
- Lighthouse (mobile defaults and the desktop preset), median of N runs, for
  the home, treatment-plan, aftercare and comparisons pages of both builds,
  served compressed the way a CDN would (gzip, long cache for assets);
- bytes of a first and a second visit per page, raw and compressed, counted by
  the server that sent them;
- build time of the real site (median of 5), the rebuild time of `mkdocs serve`
  after editing one page, the build with macros off, and synthetic sites of
  about 50, 200 and 800 pages made from the real pages.
"""
from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from sitebuild import build, copy_project, free_port  # noqa: E402

PAGES = {"home": "", "treatment-plan": "treatment-plan/", "aftercare": "aftercare/", "comparisons": "comparisons/"}
sys.path.insert(0, str(ROOT / "scripts"))
from precompress import TEXT as COMPRESSIBLE  # noqa: E402  what a static host would compress
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
    cannot reach Google Fonts (a failed font request would distort the figures)."""
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
{markdown.group(0) if markdown else ''}
{nav.group(0) if nav else ''}
"""
    (project / "mkdocs.yml").write_text(stock)
    shutil.rmtree(project / "overrides", ignore_errors=True)


def macros_off_config(project: Path) -> None:
    config = (project / "mkdocs.yml").read_text()
    config = re.sub(r"^  - macros:\n(?:      .*\n)*", "", config, flags=re.M)
    (project / "mkdocs.yml").write_text(config)


NOOP_MACROS = '''"""Written by scripts/bench/bench.py: every macro of the site, doing nothing."""
class Nothing:
    def __getattr__(self, name): return self
    def __call__(self, *args, **kwargs): return self
    def __str__(self): return ""
def define_env(env):
    env.conf["extra"].update({"site_css": "", "material_bundle": "assets/javascripts/bundle.js", "clinic": {}})
    for name in NAMES:
        env.macro(Nothing(), name)
'''


def noop_macros_config(project: Path) -> None:
    """The same build with mkdocs-macros on but every macro doing nothing: what
    the plugin itself costs, apart from our loading, checking and rendering."""
    names = re.findall(r"@env\.macro\s+def (\w+)", (project / "macros" / "__init__.py").read_text())
    (project / "noop_macros").mkdir()
    (project / "noop_macros" / "__init__.py").write_text(f"NAMES = {names!r}\n" + NOOP_MACROS)
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


def timed_build(project: Path, strict: bool = True) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet"] + (["--strict"] if strict else [])
    started = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode:
        raise SystemExit(f"build failed in {project}:\n{result.stderr[-3000:]}")
    return elapsed


def page_count(project: Path) -> int:
    return sum(1 for p in (project / "docs").rglob("*.md") if "_data" not in p.parts)


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


def visits(url: str, transfer: Transfer, chromium: str) -> dict[str, dict]:
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROME_FLAGS.replace("--headless=new ", "").split())
        for name, path in PAGES.items():
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
            results[name] = {
                "first_visit_raw": sum(r for _, r, _ in first),
                "first_visit_compressed": sum(c for _, _, c in first),
                "first_visit_requests": len(first),
                "second_visit_compressed": sum(c for _, _, c in second),
                "second_visit_requests": len(second),
                "requests": sorted(p for p, _, _ in first),
            }
        browser.close()
    return results


def lighthouse(url: str, preset: str, runs: int, chromium: str) -> dict:
    binary = HERE / "node_modules" / ".bin" / "lighthouse"
    reports = []
    for _ in range(runs):
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            command = [str(binary), url, "--quiet", "--output=json", f"--output-path={out.name}",
                       f"--chrome-flags={CHROME_FLAGS}", "--only-categories=performance,accessibility,best-practices,seo"]
            if preset == "desktop":
                command.append("--preset=desktop")
            subprocess.run(command, env={**os.environ, "CHROME_PATH": chromium}, check=True, capture_output=True, timeout=300)
            reports.append(json.loads(Path(out.name).read_text()))

    def score(report, category):
        return round(report["categories"][category]["score"] * 100)

    reports.sort(key=lambda r: score(r, "performance"))
    median = reports[len(reports) // 2]
    audits = median["audits"]
    return {
        "performance": score(median, "performance"),
        "accessibility": score(median, "accessibility"),
        "best_practices": score(median, "best-practices"),
        "seo": score(median, "seo"),
        "lcp_s": round(audits["largest-contentful-paint"]["numericValue"] / 1000, 2),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "total_bytes": audits["total-byte-weight"]["numericValue"],
        "render_blocking": [i["url"] for i in audits["render-blocking-insight"].get("details", {}).get("items", [])],
        "runs": runs,
    }


# --- report ----------------------------------------------------------------------------


def markdown_report(results: dict) -> str:
    lines = ["# Benchmark results", "", f"Measured {results['date']} on {results['machine']}. "
             "Produced by `make bench`; budgets checked by `make bench-check`.", ""]
    lines += ["## Lighthouse (median of %d runs, served gzip-compressed)" % results["runs"], "",
              "| page | preset | build | perf | a11y | best | SEO | LCP s | TBT ms | CLS | bytes |", "|---|---|---|---|---|---|---|---|---|---|---|"]
    for page in PAGES:
        for preset in ("mobile", "desktop"):
            for build_name in ("ours", "stock"):
                lh = results["lighthouse"][build_name][page][preset]
                lines.append(f"| {page} | {preset} | {build_name} | {lh['performance']} | {lh['accessibility']} | {lh['best_practices']} | "
                             f"{lh['seo']} | {lh['lcp_s']} | {lh['tbt_ms']} | {lh['cls']} | {lh['total_bytes']:,} |")
    lines += ["", "## Bytes per visit", "", "| page | build | first visit raw | first visit compressed | requests | second visit compressed |",
              "|---|---|---|---|---|---|"]
    for page in PAGES:
        for build_name in ("ours", "stock"):
            v = results["visits"][build_name][page]
            lines.append(f"| {page} | {build_name} | {v['first_visit_raw']:,} | {v['first_visit_compressed']:,} | {v['first_visit_requests']} | {v['second_visit_compressed']:,} |")
    lines += ["", f"Calculator scripts: {results['calculator_script']['raw']:,} bytes raw, {results['calculator_script']['compressed']:,} compressed.", ""]
    b = results["build"]
    lines += ["## Build time", "", "| what | seconds |", "|---|---|",
              f"| real site, median of 5 ({b['pages']} pages) | {b['real_median_s']:.2f} |",
              f"| same build with macros off | {b['macros_off_median_s']:.2f} |",
              f"| macros and validation overhead | {b['macros_overhead_pct']:.1f} % |",
              f"| of which mkdocs-macros itself (every macro a no-op) | {b.get('macros_noop_median_s', 0):.2f} s, {b.get('plugin_overhead_pct', 0):.1f} % |",
              f"| within that: importing mkdocs-macros | {b.get('plugin_parts', {}).get('import_s', 0):.3f} |",
              f"| within that: its `git` commands | {b.get('plugin_parts', {}).get('git_s', 0):.3f} |",
              f"| live-reload rebuild after editing one page | {b['rebuild_s']:.2f} |", "",
              "| synthetic site | pages | seconds | ms per page |", "|---|---|---|---|"]
    for row in b["synthetic"]:
        lines.append(f"| about {row['target']} | {row['pages']} | {row['seconds']:.2f} | {row['ms_per_page']:.0f} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page and preset (median)")
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--skip-synthetic", action="store_true")
    parser.add_argument("--project", type=Path, default=ROOT, help="project to measure (default: this one)")
    args = parser.parse_args()
    chromium = subprocess.run([str(ROOT / "scripts" / "find-chromium.sh")], capture_output=True, text=True, check=True).stdout.strip()
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    results = {"date": time.strftime("%Y-%m-%d"), "machine": f"{os.cpu_count()} cores", "runs": args.runs}

    ours, stock = copy_project(work / "ours", args.project), copy_project(work / "stock", args.project)
    stock_config(stock)
    print("building both sites...", flush=True)
    build(ours), build(stock)
    for name in ("ours", "stock"):
        if not (work / name / "site" / "index.html").exists():
            raise SystemExit(f"{name} build failed")

    servers = {name: serve(work / name / "site") for name in ("ours", "stock")}
    print("measuring bytes per visit...", flush=True)
    results["visits"] = {name: visits(url, transfer, chromium) for name, (url, transfer, _) in servers.items()}
    scripts = [ROOT / "docs/assets/javascripts" / n for n in ("calculator.js", "calendar.js", "dates.js")]
    raw_script = b"".join(p.read_bytes() for p in scripts)
    results["calculator_script"] = {"raw": len(raw_script), "compressed": sum(len(gzip.compress(p.read_bytes(), 6)) for p in scripts)}

    if not args.skip_lighthouse:
        results["lighthouse"] = {}
        for name, (url, _, _) in servers.items():
            results["lighthouse"][name] = {}
            for page, path in PAGES.items():
                print(f"lighthouse {name} {page}...", flush=True)
                results["lighthouse"][name][page] = {preset: lighthouse(url + path, preset, args.runs, chromium) for preset in ("mobile", "desktop")}
    for _, _, server in servers.values():
        server.shutdown()
    # Keep what the slow part measured, should a later step fail.
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n")

    print("timing builds...", flush=True)
    real = [timed_build(ours) for _ in range(5)]
    off = copy_project(work / "macros-off", args.project)
    macros_off_config(off)
    off_times = [timed_build(off, strict=False) for _ in range(5)]
    noop = copy_project(work / "macros-noop", args.project)
    noop_macros_config(noop)
    noop_times = [timed_build(noop, strict=False) for _ in range(5)]
    build_results = {
        "pages": page_count(ours),
        "real_median_s": statistics.median(real),
        "macros_off_median_s": statistics.median(off_times),
        "macros_noop_median_s": statistics.median(noop_times),
        "plugin_parts": plugin_parts(noop),
        "rebuild_s": rebuild_time(ours),
        "synthetic": [],
    }
    build_results["macros_overhead_pct"] = 100 * (build_results["real_median_s"] / build_results["macros_off_median_s"] - 1)
    build_results["plugin_overhead_pct"] = 100 * (build_results["macros_noop_median_s"] / build_results["macros_off_median_s"] - 1)
    if not args.skip_synthetic:
        for target in (50, 200, 800):
            project = synthetic(work, target, args.project)
            seconds = timed_build(project, strict=False)
            pages = page_count(project)
            build_results["synthetic"].append({"target": target, "pages": pages, "seconds": seconds, "ms_per_page": 1000 * seconds / pages})
            print(f"synthetic {pages} pages: {seconds:.1f} s", flush=True)
    results["build"] = build_results

    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    if "lighthouse" in results:
        (HERE / "RESULTS.md").write_text(markdown_report(results))
    shutil.rmtree(work, ignore_errors=True)
    print(f"wrote {HERE / 'results.json'}")


if __name__ == "__main__":
    main()
