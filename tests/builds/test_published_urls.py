"""Every address published before the restructure still works: the pages, the
embed pages clinics paste into their sites, and the corrections feed
(published_urls.txt, listed once from a built site)."""
from __future__ import annotations

import shutil
from pathlib import Path

PUBLISHED = Path(__file__).with_name("published_urls.txt")


def published() -> list[str]:
    lines = PUBLISHED.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def unresolved(site_root: Path, addresses: list[str]) -> list[str]:
    """The addresses a static host could not serve from `site_root`: an
    address ending in '/' is served from its folder's index.html."""
    def served_file(address: str) -> Path:
        relative = address.lstrip("/")
        return site_root / (relative + "index.html" if relative.endswith("/") or not relative else relative)

    return [address for address in addresses if not served_file(address).is_file()]


def test_every_published_address_resolves_to_a_built_file(site):
    addresses = published()
    assert "/" in addresses and "/embed/conditions/acne-scars/" in addresses, "the list is read"
    assert unresolved(site.root, addresses) == []


def test_a_page_that_went_missing_is_named(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site.root, copy)
    (copy / "embed" / "faq" / "index.html").unlink()
    (copy / "corrections.xml").unlink()
    assert unresolved(copy, published()) == ["/embed/faq/", "/corrections.xml"]
