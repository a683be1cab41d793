"""Check the links to other sites (DOIs, PubMed, sources) in the built site.

Needs the network, so it is NOT part of `make test`; run `make check-external-links`
before a release and when references change.  A DOI is checked with the DOI
resolver's own handle service (publishers often refuse automated requests);
other addresses with a HEAD request, then GET when HEAD is refused.

Exit status: 0 when every link resolves (or only answered "forbidden" /
"too many requests", which are listed to check by hand), 1 when a link is
broken or no other site could be reached at all (no network).

Usage: python -m scripts.check_external_links [--site DIR]
"""
from __future__ import annotations

import argparse
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import unquote, urlparse

import requests

from site_checks import crawl_links
from site_checks.report import served_site

HEADERS = {"User-Agent": "microneedling-explained link check (+https://github.com/microneedling-explained)"}
TIMEOUT = 30
DOI = re.compile(r"^https?://(dx\.)?doi\.org/(10\.\d{4,9}/.+)$")
ASK_BY_HAND = {401, 403, 429, 999}


def check(url: str) -> tuple[str, str]:
    """('ok' | 'broken' | 'by hand', detail)."""
    try:
        doi = DOI.match(url)
        if doi:
            answer = requests.get(f"https://doi.org/api/handles/{unquote(doi.group(2))}", headers=HEADERS, timeout=TIMEOUT)
            if answer.status_code == 200 and answer.json().get("responseCode") == 1:
                return "ok", "DOI registered"
            return "broken", f"DOI not found (handle service answered {answer.status_code})"
        answer = requests.head(url, headers=HEADERS, timeout=TIMEOUT, allow_redirects=True)
        if answer.status_code >= 400:
            answer = requests.get(url, headers=HEADERS, timeout=TIMEOUT, allow_redirects=True, stream=True)
            answer.close()
        if answer.status_code < 400:
            return "ok", str(answer.status_code)
        if answer.status_code in ASK_BY_HAND or answer.status_code >= 500:
            return "by hand", f"the site answered {answer.status_code}; open it in a browser"
        return "broken", f"the site answered {answer.status_code}"
    except requests.RequestException as error:
        return "broken", f"{type(error).__name__}: {error}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="an already built site folder (default: build a copy of the project)")
    args = parser.parse_args()
    with served_site(args.site) as (site_root, _, url):
        external = crawl_links(site_root, url).external
    addresses = sorted(a for a in external if urlparse(a).scheme in {"http", "https"})
    print(f"Checking {len(addresses)} links to other sites...")
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = dict(zip(addresses, pool.map(check, addresses)))
    if addresses and all(detail.startswith("ConnectionError") for _, detail in results.values()):
        sys.exit("Could not reach any other site: this check needs the network (it is not part of `make test`).")
    broken = {a: r for a, r in results.items() if r[0] == "broken"}
    by_hand = {a: r for a, r in results.items() if r[0] == "by hand"}
    for title, group in (("Broken", broken), ("Check by hand", by_hand)):
        for address, (_, detail) in group.items():
            print(f"{title}: {address} — {detail} (on {', '.join(sorted(external[address]))})")
    print(f"{len(addresses)} links: {len(addresses) - len(broken) - len(by_hand)} ok, {len(by_hand)} to check by hand, {len(broken)} broken")
    sys.exit(1 if broken else 0)


if __name__ == "__main__":
    main()
