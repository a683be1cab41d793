"""The corrections log as an Atom feed, written beside the corrections page."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from ..data import corrections
from ..urls import page_url


def write_corrections_feed(site_dir: Path, entries, site_name: str, site_url: str, titles: dict[str, str],
                           use_directory_urls: bool = True) -> None:
    def url(src: str) -> str:
        return page_url(site_url, src, use_directory_urls)

    feed = corrections.atom_feed(
        entries, site_name, url("corrections.md"), urljoin(site_url, corrections.FEED_FILE), url,
        lambda src: titles.get(src, src),
    )
    (site_dir / corrections.FEED_FILE).write_text(feed, encoding="utf-8")
