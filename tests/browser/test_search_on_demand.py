"""Search loads only when the reader opens it (search-on-demand.js), and
then works: first visits stay small, search is not lost.  Spanish search
finds the other forms of a word, and words typed without their accents
(search-stemming-es.js)."""
from __future__ import annotations

import json
import re
import string

import pytest
from nltk.stem.snowball import SpanishStemmer

from pipeline.pages.language import search_index_path

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



@pytest.mark.parametrize("start, spanish", [("es/aftercare/", True), ("aftercare/", False)])
def test_search_finds_the_pages_of_the_readers_language_only(browser, site, start, spanish):
    """"microneedling" is on pages of both languages: each reader gets only
    their own, from their language's index, read with their language's rules."""
    page = browser.new_page()
    errors, urls = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda request: urls.append(request.url))  # the search worker's too
    page.goto(site.url + start, wait_until="networkidle")
    page.keyboard.press("s")
    page.locator(".md-search__input").press_sequentially("microneedling")
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(300)  # every result is listed
    links = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    assert len(links) >= 5, links
    in_spanish = [link.startswith(site.url + "es/") for link in links]
    assert all(in_spanish) if spanish else not any(in_spanish), links
    assert [url for url in urls if "search_index.json" in url] == [site.url + ("es/" if spanish else "") + "search/search_index.json"]
    # lunr's Spanish support (its word rules) loads for Spanish readers only.
    assert any(url.endswith("/lunr.es.min.js") for url in urls) == spanish, urls
    assert errors == []
    page.close()


def test_a_spanish_search_that_finds_nothing_points_to_the_spanish_questions(browser, site):
    page = browser.new_page()
    page.goto(site.url + "es/aftercare/", wait_until="networkidle")
    page.keyboard.press("s")
    page.locator(".md-search__input").press_sequentially("qzxwv")
    hint = page.locator("[data-search-hint]")
    hint.wait_for(state="visible")
    assert " ".join(hint.inner_text().split()) == "Pruebe con otras palabras, o vea las preguntas frecuentes."
    assert hint.get_by_role("link", name="preguntas frecuentes").get_attribute("href") == site.url + "es/faq/"
    page.close()


def index_words(site, language: str) -> set[str]:
    """The words of a language's pages, read from its built search index:
    markup out, split at the index's separator, lower case, punctuation
    around them trimmed."""
    index = json.loads((site.root / search_index_path(language)).read_text(encoding="utf-8"))
    text = " ".join(re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}") for doc in index["docs"]).lower()
    return {word.strip(string.punctuation + "¿¡«»") for word in re.split(index["config"]["separator"], text)} - {""}


def search(browser, site, start: str, query: str) -> list[str]:
    """The words Material highlights in the results of `query` typed on the
    page `start` (none: nothing found), in lower case, punctuation trimmed."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site.url + start, wait_until="networkidle")
    page.keyboard.press("s")
    page.locator(".md-search__input").fill(query)
    try:
        page.locator(".md-search-result mark").first.wait_for(timeout=10_000)
        page.wait_for_timeout(300)  # every result is listed
    except PlaywrightTimeout:
        pass  # nothing found
    marks = page.eval_on_selector_all(".md-search-result mark", "marks => marks.map(m => m.textContent)")
    missing = page.locator(".md-search-result__terms").count()
    page.close()
    assert errors == []
    assert missing == 0, "a result is marked as lacking the one word searched"
    return sorted({mark.lower().strip(string.punctuation + "¿¡«»") for mark in marks})


# A word no Spanish page uses, and the form of it they do use: another form
# of the word, or the same word with its accent.  Snowball's Spanish rules
# (nltk's, not the site's) give both the same stem.
@pytest.mark.parametrize("typed, used", [("recomendaciones", "recomendación"), ("medico", "médico")])
def test_spanish_search_finds_the_form_of_a_word_the_pages_use(browser, site, typed, used):
    words = index_words(site, "es")
    assert used in words and not any(word.startswith(typed) for word in words), "pick another pair: a plain prefix search would find it"
    stem = SpanishStemmer().stem
    assert stem(typed) == stem(used)
    assert used in search(browser, site, "es/aftercare/", typed)


@pytest.mark.parametrize("start, typed", [
    ("es/aftercare/", "cicatri"),  # cicatriz, cicatrices
    ("es/aftercare/", "enrojecimien"),  # longer than the stem of "enrojecimiento" ("enrojec")
    ("aftercare/", "recommend"),  # English: as Material searches
])
def test_a_word_being_typed_finds_the_words_it_begins(browser, site, start, typed):
    language = "es" if start.startswith("es/") else "en"
    begun = {word for word in index_words(site, language) if word.startswith(typed)}
    assert begun, "pick another beginning"
    marks = search(browser, site, start, typed)
    assert marks and all(mark.startswith(typed) for mark in marks), marks
    assert set(marks) <= begun
