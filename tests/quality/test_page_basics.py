"""Every page: a unique title, exactly one h1, the language set, a meta
description (what search results and screen readers rely on), and the
preview a shared link shows."""
from __future__ import annotations

from site_checks import html_pages, name_of, page_basics_problems


def test_every_page_has_title_h1_lang_description_and_link_preview(site):
    pages = {name_of(site.root, p): p.read_text(encoding="utf-8") for p in html_pages(site.root)}
    assert len(pages) >= 2
    problems = page_basics_problems(pages)
    assert not problems, "\n".join(problems)


GOOD = ('<!doctype html><html lang="en"><head><title>{title}</title>'
        '<meta name="description" content="A page."></head><body><h1>{title}</h1></body></html>')


PREVIEW = ('<link rel="canonical" href="{canonical}"><meta property="og:title" content="T">'
           '<meta property="og:description" content="A page."><meta property="og:url" content="{og_url}">')


def test_basics_check_finds_each_mistake():
    """Can fail: no lang, two h1s, no description, an empty title, a shared
    title, a missing or wrong link preview; a noindex copy (an embed page) may
    share its page's title."""
    pages = {
        "good/index.html": GOOD.format(title="Good"),
        "no-lang/index.html": GOOD.format(title="No lang").replace(' lang="en"', ""),
        "two-h1/index.html": GOOD.format(title="Two").replace("</body>", "<h1>Again</h1></body>"),
        "no-description/index.html": GOOD.format(title="Quiet").replace('<meta name="description" content="A page.">', ""),
        "no-title/index.html": GOOD.format(title=""),
        "copy/index.html": GOOD.format(title="Good"),
        "embed/good/index.html": GOOD.format(title="Good").replace("<head>", '<head><meta name="robots" content="noindex">'),
        "shared/index.html": GOOD.format(title="Shared").replace("</head>", PREVIEW.format(
            canonical="https://example.org/shared/", og_url="https://example.org/shared/") + "</head>"),
        "no-preview/index.html": GOOD.format(title="Bare").replace("</head>", '<link rel="canonical" href="https://example.org/no-preview/"></head>'),
        "moved/index.html": GOOD.format(title="Moved").replace("</head>", PREVIEW.format(
            canonical="https://example.org/moved/", og_url="https://example.org/old/") + "</head>"),
    }
    problems = page_basics_problems(pages)
    text = "\n".join(problems)
    assert "no-lang/index.html: <html> has no lang" in text
    assert "two-h1/index.html: has 2 <h1>" in text
    assert "no-description/index.html: has no meta description" in text
    assert "no-title/index.html: has no <title>" in text
    assert "no-title/index.html: its <h1> is empty" in text
    assert "title 'Good' is used by 2 pages (copy/index.html, good/index.html)" in text
    assert "no-preview/index.html: has no og:title" in text
    assert "no-preview/index.html: og:description '' differs from the meta description 'A page.'" in text
    assert "no-preview/index.html: og:url '' differs from the canonical address 'https://example.org/no-preview/'" in text
    assert "moved/index.html: og:url 'https://example.org/old/' differs from the canonical address 'https://example.org/moved/'" in text
    assert "shared/index.html" not in text
    assert len(problems) == 10, text
