"""A page runs only its own small scripts until the reader does something
(material-on-demand.js); then Material's bundle loads, and the very
interaction that loaded it does what the reader asked for."""
from __future__ import annotations

import re

import pytest

from pipeline.urls import address

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 800}, "has_touch": True}
DESKTOP = {"viewport": {"width": 1300, "height": 800}}
OWN_SCRIPTS = {"page.js", "calendar.js", "calculator.js", "dates.js"}  # page.js: the every-page scripts in one file


def is_bundle(url: str) -> bool:
    return re.search(r"/bundle\.[0-9a-f]+\.min\.js$", url) is not None


@pytest.fixture
def open_page(browser, site):
    """A page opened in a fresh context, its requests recorded in page.requests;
    fails the test on a script error."""
    contexts, errors = [], []

    def open_(path: str, **options):
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        page.requests = []
        page.on("request", lambda request: page.requests.append(request.url))
        page.on("pageerror", lambda error: errors.append(f"{path}: {error}"))
        page.goto(site.url + path, wait_until="networkidle")
        page.wait_for_timeout(300)
        return page

    yield open_
    for context in contexts:
        context.close()
    assert errors == []


def bundle_loaded(page) -> bool:
    return any(is_bundle(url) for url in page.requests)


def wait_until(page, expression: str, timeout_ms: int = 5_000) -> None:
    """Poll `expression` from outside the page (the pages' CSP forbids the
    in-page eval that wait_for_function uses)."""
    for _ in range(timeout_ms // 50):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"still false after {timeout_ms} ms: {expression}")


def wait_for_material(page) -> None:
    page.wait_for_selector("html.js", state="attached", timeout=10_000)


@pytest.mark.parametrize("path", ["", "treatment-plan/", "aftercare/", "comparisons/"])
@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_only_the_pages_own_scripts_run_until_the_reader_acts(open_page, path, device):
    page = open_page(path, **(PHONE if device == "phone" else DESKTOP))
    scripts = {url.rsplit("/", 1)[-1] for url in page.requests if url.endswith(".js")}
    assert scripts <= OWN_SCRIPTS, f"scripts loaded before any interaction: {scripts - OWN_SCRIPTS}"
    assert not page.evaluate("document.documentElement.classList.contains('js')"), "Material's bundle ran"
    # Search can be asked for: its button (phones) or box (wider screens) shows.
    visible = "label.md-header__button[for='__search']" if device == "phone" else ".md-search__input"
    assert page.locator(visible).is_visible()
    # The print date is set on printing, without Material.
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    assert page.locator("[data-print-date]").first.text_content().startswith(" on ")


def test_the_printed_date_is_in_the_page_s_language(open_page):
    """A Spanish handout says when it was printed in Spanish ("el 1 de
    diciembre de 2026"), whatever language the browser itself uses."""
    page = open_page("es/aftercare/", **PHONE)
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    printed = page.locator("[data-print-date]").first.text_content()
    today = page.evaluate("new Date().getMonth()")
    month = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
             "noviembre", "diciembre"][today]
    assert printed.startswith(" el ") and f" de {month} de " in printed, printed


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_without_javascript_search_is_not_offered(open_page, device):
    """Search needs Material's scripts: with JavaScript off it is hidden, not broken."""
    page = open_page("aftercare/", java_script_enabled=False, **(PHONE if device == "phone" else DESKTOP))
    assert not page.locator("label.md-header__button[for='__search']").is_visible()
    assert not page.locator(".md-search__input").is_visible()


def test_search_opens_on_the_first_tap(open_page):
    page = open_page("aftercare/", **PHONE)
    page.locator("label.md-header__button[for='__search']").tap()
    # The box has focus within the tap (what brings up a phone's keyboard).
    assert page.evaluate("document.activeElement.matches('.md-search__input')")
    page.keyboard.type("cold sore")
    page.locator(".md-search-result__item").first.wait_for()
    assert "cold sore" in page.locator(".md-search-result").inner_text().lower()
    assert page.locator(".md-search__inner").is_visible()


def test_search_shortcut_works_on_the_first_key_press(open_page):
    page = open_page("aftercare/", **DESKTOP)
    page.keyboard.press("s")
    assert page.evaluate("document.activeElement.matches('.md-search__input')")
    assert page.locator(".md-search__input").input_value() == "", "the shortcut key was typed into the box"
    page.keyboard.type("cold sore")
    page.locator(".md-search-result__item").first.wait_for()
    assert "cold sore" in page.locator(".md-search-result").inner_text().lower()


def test_next_page_shortcut_works_on_the_first_key_press(open_page, site):
    page = open_page("aftercare/", **DESKTOP)
    next_page = page.locator("link[rel=next]").get_attribute("href")
    page.keyboard.press("n")
    page.wait_for_url(re.compile(re.escape(next_page.strip("./")) + "/$"))


def test_menu_opens_on_the_first_tap_and_loads_material(open_page):
    page = open_page("aftercare/", **PHONE)
    nav = page.locator(".md-nav--primary > .md-nav__list")
    assert not nav.is_visible() or nav.bounding_box()["x"] < 0, "the menu was open before the tap"
    page.locator("label.md-header__button[for='__drawer']").tap()
    wait_until(page, "document.querySelector('.md-nav--primary').getBoundingClientRect().left >= 0")
    assert page.locator(".md-nav--primary").get_by_role("link", name="Compare treatments").is_visible()
    wait_for_material(page)
    assert bundle_loaded(page)


def test_abbreviation_tooltip_shows_on_the_first_hover(open_page):
    # A tall window shows the home page's first abbreviation without scrolling
    # (a scroll would load Material first).
    page = open_page("", viewport={"width": 1300, "height": 1800})
    # A handle, not a locator: Material moves the title into its tooltip.
    abbr = page.locator("article abbr[title]").first.element_handle()
    assert abbr.evaluate("a => a.getBoundingClientRect().bottom < innerHeight")
    meaning = abbr.get_attribute("title")
    abbr.hover()
    assert page.evaluate("scrollY") == 0
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(timeout=10_000)
    assert tooltip.inner_text().strip() == meaning


def test_tooltip_shows_on_the_first_keyboard_focus(open_page):
    page = open_page("aftercare/", **DESKTOP)
    link = page.locator("article a.headerlink[title]").nth(1).element_handle()
    link.focus()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(timeout=10_000)
    assert tooltip.inner_text().strip() == "Link to this section"


def scroll(page, pixels: int, steps: int = 8) -> None:
    for _ in range(steps):
        page.mouse.wheel(0, pixels / steps)
        page.wait_for_timeout(60)


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_back_to_top_appears_when_the_reader_scrolls_back_up(open_page, device):
    page = open_page("comparisons/", **(PHONE if device == "phone" else DESKTOP))
    page.mouse.move(200, 400)
    shown = "!document.querySelector('.md-top').hidden"  # Material fades it with the hidden attribute
    scroll(page, 2500)
    assert not page.evaluate(shown), "back-to-top shows while scrolling down"
    scroll(page, -400)
    wait_until(page, shown)
    page.locator(".md-top").click()
    wait_until(page, "window.scrollY === 0")


def test_table_of_contents_follows_the_first_scroll(open_page):
    """The entry of the section being read is highlighted (wide screens)."""
    page = open_page("aftercare/", **DESKTOP)
    page.mouse.move(600, 400)
    headings = page.locator("article h2[id]")
    scroll(page, headings.nth(headings.count() // 2).evaluate("h => h.getBoundingClientRect().top") - 100)
    active = page.locator(".md-sidebar--secondary a.md-nav__link--active")
    active.wait_for(timeout=5_000)
    # Its heading is above the middle of the screen, the next entry's is not yet at the top.
    tops = page.evaluate("""[...document.querySelectorAll('.md-sidebar--secondary a.md-nav__link')].map(a => [
        a.classList.contains('md-nav__link--active'),
        document.getElementById(a.getAttribute('href').slice(1)).getBoundingClientRect().top])""")
    index = [is_active for is_active, _ in tops].index(True)
    assert index > 0 and tops[index][1] < 400 and tops[index + 1][1] > 0


# Top and height of every block of the article, from the top of the page.
BLOCKS = "[...document.querySelectorAll('article > :not(table, .md-typeset__scrollwrap), article table')].map(e => { const r = e.getBoundingClientRect(); return [e.tagName, Math.round(r.top + scrollY), Math.round(r.height)]; })"


@pytest.mark.parametrize("path", ["aftercare/", "comparisons/", "treatment-plan/"])
@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_nothing_on_the_page_moves_when_material_starts(open_page, path, device):
    """Material starts while the reader is reading (e.g. on a scroll): the
    text must not jump.  (It wraps tables in boxes of its own; site.css.)"""
    page = open_page(path, **(PHONE if device == "phone" else DESKTOP))
    before = page.evaluate(BLOCKS)
    page.keyboard.press("Shift")
    wait_for_material(page)
    page.wait_for_timeout(300)
    assert page.locator(".md-typeset__scrollwrap").count() > 0  # Material did wrap the tables
    after = page.evaluate(BLOCKS)
    moved = [(b, a) for b, a in zip(before, after) if b != a]
    assert len(before) == len(after) and not moved, f"moved when Material started: {moved[:3]}"


def test_a_link_followed_first_is_a_plain_page_load(open_page):
    """No instant navigation (it would need the bundle and re-fetch the
    stylesheets): the next page loads as any page does, again without Material."""
    page = open_page("", **DESKTOP)
    page.evaluate("window.sameDocument = true")
    page.locator("article a[href$='treatment-plan/']").first.click()
    page.wait_for_url(re.compile(r".*/treatment-plan/$"))
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.sameDocument === undefined"), "the page was swapped in, not loaded"
    assert page.locator("[data-calculator][data-ready]").count() == 1
    loaded = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert not any(is_bundle(url) for url in loaded)


def test_no_resource_is_fetched_twice_on_any_page(browser, site):
    """Every page, before and after Material starts (the reader opens search),
    served with no cache header at all: each address is requested once."""
    context = browser.new_context(**DESKTOP)
    duplicates = {}
    for html in site.pages():
        path = address(html.relative_to(site.root).as_posix())
        page = context.new_page()
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(site.url + path, wait_until="networkidle")
        if page.locator(".md-search__input").count():
            page.keyboard.press("s")
            page.keyboard.type("acne")
            page.locator(".md-search-result__item").first.wait_for()
            page.wait_for_load_state("networkidle")
        twice = sorted({url for url in requests if requests.count(url) > 1})
        if twice:
            duplicates[path] = twice
        page.close()
    context.close()
    assert duplicates == {}
