"""Check the benchmark's results against the performance budgets.

Usage: python -m scripts.bench.check_budgets [results.json]
Exits 1 and prints every figure that missed its budget.

Budgets are judged against stock Material measured in the same run (ratios),
plus a few near-limit absolutes on Lighthouse's simulated phone, so that a
slow or busy machine, which slows both builds alike, does not flip the result.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from scripts.bench.pages import EMBED_PREFIX, LANGUAGE_TWINS, PAGES

MIN_PERFORMANCE = 99  # and not below stock's score - 1
PERFECT = ("accessibility", "best_practices")
MAX_TBT_MS = 50  # and below stock's
MAX_LCP_RATIO = 0.8  # of stock's
MAX_CLS = 0
MAX_FIRST_VISIT = 90 * 1024  # compressed bytes
MAX_FIRST_VISIT_RATIO = 0.7  # of stock's
MAX_CALCULATOR_SCRIPT = 5 * 1024  # calculator.js as shipped (its three modules joined, minified), gzip -6
MAX_OWN_CODE_OVERHEAD_PCT = 25  # over the same build with every macro a no-op
MIN_RUNS = 5  # interleaved Lighthouse rounds behind each median
# Every full page must be measured, and one embed page.
FULL_PAGES = tuple(page for page in PAGES if not page.startswith(EMBED_PREFIX))
MAX_TWIN_RATIO = 1.1  # a Spanish page's LCP and bytes against its English twin's (Spanish runs ~15 % longer)


def lighthouse_misses(page: str, ours: dict, stock: dict) -> list[str]:
    found = []
    if ours["performance"] < MIN_PERFORMANCE or ours["performance"] < stock["performance"] - 1:
        found.append(f"{page}: performance {ours['performance']} (needs >= {MIN_PERFORMANCE} and >= stock {stock['performance']} - 1)")
    # Embed pages carry noindex on purpose: no SEO budget.
    for category in PERFECT + (() if page.startswith(EMBED_PREFIX) else ("seo",)):
        if ours[category] < 100:
            found.append(f"{page}: {category} {ours[category]} < 100")
    if ours["cls"] > MAX_CLS:
        found.append(f"{page}: CLS {ours['cls']} > {MAX_CLS}")
    # "Below stock" cannot apply when stock blocks for 0 ms; then ours must be 0 too.
    if ours["tbt_ms"] > MAX_TBT_MS or (ours["tbt_ms"] >= stock["tbt_ms"] and ours["tbt_ms"] > 0):
        found.append(f"{page}: TBT {ours['tbt_ms']} ms (needs <= {MAX_TBT_MS} ms and below stock's {stock['tbt_ms']} ms)")
    if ours["lcp_s"] > MAX_LCP_RATIO * stock["lcp_s"]:
        found.append(f"{page}: LCP {ours['lcp_s']} s > {MAX_LCP_RATIO} x stock's {stock['lcp_s']} s")
    stylesheets = [u for u in ours["render_blocking"] if u.split("?")[0].endswith(".css")]
    others = [u for u in ours["render_blocking"] if u not in stylesheets]
    if len(stylesheets) > 1 or others:
        found.append(f"{page}: render-blocking requests besides one stylesheet: {ours['render_blocking']}")
    return found


def visit_misses(page: str, ours: dict, stock: dict) -> list[str]:
    found = []
    first, stock_first = ours["first_visit_compressed"], stock["first_visit_compressed"]
    if first > MAX_FIRST_VISIT_RATIO * stock_first:
        found.append(f"{page}: first visit {first:,} B > {MAX_FIRST_VISIT_RATIO} x stock's {stock_first:,} B")
    if first > MAX_FIRST_VISIT:
        found.append(f"{page}: first visit {first:,} B > {MAX_FIRST_VISIT:,} B")
    if ours.get("fetched_twice"):
        found.append(f"{page}: fetched twice on a first visit: {', '.join(ours['fetched_twice'])}")
    return found


def twin_misses(spanish: str, english: str, results: dict) -> list[str]:
    """A Spanish reader waits and downloads about as much as an English one."""
    found = []
    ours = results.get("lighthouse", {}).get("ours", {})
    if spanish in ours and english in ours and ours[spanish]["lcp_s"] > MAX_TWIN_RATIO * ours[english]["lcp_s"]:
        found.append(f"{spanish}: LCP {ours[spanish]['lcp_s']} s > {MAX_TWIN_RATIO} x its English twin's {ours[english]['lcp_s']} s")
    visits = results["visits"]["ours"]
    if spanish in visits and english in visits:
        es_bytes, en_bytes = visits[spanish]["first_visit_compressed"], visits[english]["first_visit_compressed"]
        if es_bytes > MAX_TWIN_RATIO * en_bytes:
            found.append(f"{spanish}: first visit {es_bytes:,} B > {MAX_TWIN_RATIO} x its English twin's {en_bytes:,} B")
    return found


def misses(results: dict) -> list[str]:
    found = []
    if "lighthouse" not in results:
        found.append("no Lighthouse figures: run `make bench` without --skip-lighthouse")
    elif results.get("runs", 0) < MIN_RUNS:
        found.append(f"medians of {results.get('runs', 0)} run(s); the goals are judged on {MIN_RUNS} (a quick run, not a verdict)")
    measured = set(results["visits"]["ours"]) & set(results.get("lighthouse", {}).get("ours", results["visits"]["ours"]))
    missing = [page for page in FULL_PAGES if page not in measured]
    if not any(page.startswith(EMBED_PREFIX) for page in measured):
        missing.append("an embed page")
    if missing:
        found.append(f"not measured: {', '.join(missing)} (run `make bench` without --pages)")
    for page, ours in results.get("lighthouse", {}).get("ours", {}).items():
        found += lighthouse_misses(page, ours, results["lighthouse"]["stock"][page])
    for page, ours in results["visits"]["ours"].items():
        found += visit_misses(page, ours, results["visits"]["stock"][page])
    for spanish, english in LANGUAGE_TWINS.items():
        found += twin_misses(spanish, english, results)
    script = results["calculator_script"]["compressed"]
    if script > MAX_CALCULATOR_SCRIPT:
        found.append(f"calculator scripts {script:,} B compressed > {MAX_CALCULATOR_SCRIPT:,} B")
    build = results.get("build")
    if not build:
        found.append("no build figures: run `make bench` without --skip-builds")
    elif build["own_code_overhead_pct"] > MAX_OWN_CODE_OVERHEAD_PCT:
        found.append(f"our own code adds {build['own_code_overhead_pct']:.1f} % (CPU seconds) to the build with every macro a no-op "
                     f"> {MAX_OWN_CODE_OVERHEAD_PCT} %")
    return found


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).with_name("results.json"))
    found = misses(json.loads(path.read_text()))
    for line in found:
        print(f"over budget: {line}")
    print("all budgets hold" if not found else f"{len(found)} budget(s) missed")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
