"""Check the benchmark's results against the performance budgets.

Usage: python scripts/bench/check_budgets.py [results.json]
Exits 1 and prints every figure that missed its budget.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

MOBILE = {"performance": 99, "accessibility": 100, "best_practices": 100, "seo": 100}
MAX_LCP_S, MAX_TBT_MS, MAX_CLS = 1.3, 100, 0
MAX_FIRST_VISIT = 90 * 1024
MAX_CALCULATOR_SCRIPT = 5 * 1024
MAX_MACROS_OVERHEAD_PCT = 10


def misses(results: dict) -> list[str]:
    found = []
    for page, presets in results.get("lighthouse", {}).get("ours", {}).items():
        mobile = presets["mobile"]
        for category, minimum in MOBILE.items():
            if mobile[category] < minimum:
                found.append(f"{page}: Lighthouse mobile {category} {mobile[category]} < {minimum}")
        if mobile["lcp_s"] > MAX_LCP_S:
            found.append(f"{page}: LCP {mobile['lcp_s']} s > {MAX_LCP_S} s")
        if mobile["tbt_ms"] > MAX_TBT_MS:
            found.append(f"{page}: TBT {mobile['tbt_ms']} ms > {MAX_TBT_MS} ms")
        if mobile["cls"] > MAX_CLS:
            found.append(f"{page}: CLS {mobile['cls']} > {MAX_CLS}")
        stylesheets = [u for u in mobile["render_blocking"] if u.split("?")[0].endswith(".css")]
        others = [u for u in mobile["render_blocking"] if u not in stylesheets]
        if len(stylesheets) > 1 or others:
            found.append(f"{page}: render-blocking requests besides one stylesheet: {mobile['render_blocking']}")
    for page, ours in results["visits"]["ours"].items():
        stock = results["visits"]["stock"][page]
        if ours["first_visit_compressed"] > stock["first_visit_compressed"]:
            found.append(f"{page}: first visit {ours['first_visit_compressed']:,} B > stock Material's {stock['first_visit_compressed']:,} B")
        if ours["first_visit_compressed"] > MAX_FIRST_VISIT:
            found.append(f"{page}: first visit {ours['first_visit_compressed']:,} B > {MAX_FIRST_VISIT:,} B")
    script = results["calculator_script"]["compressed"]
    if script > MAX_CALCULATOR_SCRIPT:
        found.append(f"calculator scripts {script:,} B compressed > {MAX_CALCULATOR_SCRIPT:,} B")
    overhead = results["build"]["macros_overhead_pct"]
    if overhead > MAX_MACROS_OVERHEAD_PCT:
        found.append(f"macros and validation add {overhead:.1f} % to the build > {MAX_MACROS_OVERHEAD_PCT} %")
    if "lighthouse" not in results:
        found.append("no Lighthouse figures: run `make bench` without --skip-lighthouse")
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
