"""Links: every internal link, resource and #anchor of the built site
resolves (a crawl from the home page and from every page), on top of
MkDocs' own validation in the strict build.  Links to other sites are
checked by `make check-external-links`, which needs the network."""
from __future__ import annotations

from site_checks import crawl_links, html_pages, linked_from_home, name_of


def test_every_internal_link_and_anchor_resolves(site):
    crawl = crawl_links(site.root, site.url)
    assert crawl.pages >= {name_of(site.root, p) for p in html_pages(site.root)}
    assert crawl.checked > 10 * len(crawl.pages), "too few links were checked: is the crawl reading the pages?"
    assert not crawl.problems, "broken internal links:\n" + "\n".join(crawl.problems)


def test_every_full_page_is_reachable_from_the_home_page(site):
    full_pages = {
        name_of(site.root, p) for p in html_pages(site.root)
        if p.name != "404.html" and not name_of(site.root, p).startswith("embed/")
    }
    missing = full_pages - linked_from_home(site.root, site.url)
    assert not missing, f"no link leads to these pages from the home page: {sorted(missing)}"


def test_crawl_finds_broken_links(tmp_path):
    """Can fail: a missing page, a missing anchor, a missing image and a folder
    link without its final slash; the good links pass."""
    root = tmp_path / "site"
    (root / "guide").mkdir(parents=True)
    (root / "guide" / "index.html").write_text('<h1 id="top">Guide</h1><p id="steps">Steps</p>')
    (root / "orphan.html").write_text("<h1>Nobody links here</h1>")
    (root / "index.html").write_text(
        '<a href="guide/">ok</a> <a href="guide/#steps">ok</a> <a href="#here" id="here">ok</a>'
        '<a href="https://doi.org/10.1/x">other site</a>'
        '<a href="missing/">broken page</a> <a href="guide/#nowhere">broken anchor</a>'
        '<img src="logo.png" alt="logo"> <a href="guide">no slash</a>'
    )
    crawl = crawl_links(root, "http://127.0.0.1:9/")
    problems = "\n".join(crawl.problems)
    assert len(crawl.problems) == 4, problems
    assert "missing/" in problems and "'nowhere'" in problems and "logo.png" in problems and "without a final '/'" in problems
    assert set(crawl.external) == {"https://doi.org/10.1/x"}
    assert "orphan.html" not in linked_from_home(root, "http://127.0.0.1:9/")
