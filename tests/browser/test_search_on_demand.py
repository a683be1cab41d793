"""Search loads only when the reader opens it (search-on-demand.js), and
then works: first visits stay small, search is not lost."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def requested(page) -> list[str]:
    return page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")


@pytest.mark.parametrize("how", ["keyboard", "tap"])
def test_search_index_loads_only_when_search_is_opened(browser, site, how):
    context = browser.new_context(viewport={"width": 390, "height": 800} if how == "tap" else None)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site.url + "aftercare/", wait_until="networkidle")
    page.wait_for_timeout(500)
    assert not any("search_index.json" in url or "/workers/search." in url for url in requested(page)), \
        "the search index or worker loaded before the reader opened search"

    if how == "keyboard":
        page.keyboard.press("s")  # Material's shortcut
    else:
        page.locator("label.md-header__button[for='__search']").click()
    page.locator(".md-search__input").press_sequentially("cold sore")
    first = page.locator(".md-search-result__item").first
    first.wait_for()
    assert "cold sore" in page.locator(".md-search-result").inner_text().lower()
    urls = requested(page)
    assert any("search_index.json" in url for url in urls) and any("/workers/search." in url for url in urls)
    assert errors == []
    context.close()
