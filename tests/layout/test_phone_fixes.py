"""What issue 13 fixed that the general layout checks do not cover: key
points and titles at full size and contrast, the site's wordmark, embed
pages that say whose information it is, key points that promise nothing a
page without JavaScript cannot do, and a search that finds nothing."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from pageview import open_page

pytestmark = pytest.mark.browser

EMPHASIS = """() => {
  const problems = [];
  const body = document.querySelector(".md-content .md-typeset > p, .md-typeset > p");
  const bodyStyle = getComputedStyle(body);
  for (const li of document.querySelectorAll(".admonition.abstract li")) {
    const s = getComputedStyle(li);
    if (s.fontSize !== bodyStyle.fontSize) problems.push(`key point at ${s.fontSize}, body text at ${bodyStyle.fontSize}`);
    if (s.color !== bodyStyle.color) problems.push(`key point in ${s.color}, body text in ${bodyStyle.color}`);
  }
  const h1 = getComputedStyle(document.querySelector("h1"));
  if (h1.color !== bodyStyle.color) problems.push(`title in ${h1.color}, body text in ${bodyStyle.color}`);
  if (Number(h1.fontWeight) < 400) problems.push(`title at weight ${h1.fontWeight}`);
  return problems;
}"""


@pytest.mark.parametrize("path", ["", "aftercare/", "treatment-plan/", "embed/safety/"])
def test_key_points_and_titles_are_at_full_size_and_contrast(browser, site, path):
    context = browser.new_context(viewport={"width": 375, "height": 800}, bypass_csp=True)
    page = context.new_page()
    open_page(page, site.url + path)
    assert page.evaluate(EMPHASIS) == []
    # Shown failing: Material's own small key points and light, thin titles.
    page.add_style_tag(content=".md-typeset .admonition.abstract { font-size: .64rem; } .md-typeset h1 { color: rgba(0,0,0,.54); font-weight: 300; }")
    broken = page.evaluate(EMPHASIS)
    context.close()
    assert any("key point at 12.8px" in p for p in broken) and any("title in" in p for p in broken) and any("weight 300" in p for p in broken), broken


def test_the_header_shows_the_sites_name_as_a_wordmark_not_an_icon(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    open_page(page, site.url + "aftercare/")
    assert not page.locator(".md-header .md-logo").is_visible()
    name = page.locator(".md-header__topic").first
    assert name.inner_text().strip() == "Microneedling, explained" and name.is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header__topic')).fontWeight") == "700"
    context.close()


@pytest.mark.parametrize("which, expected", [
    ("site", "Microneedling, explained: independent information"),
    ("clinic_site", "Microneedling, explained: independent information, shared by Riverside Skin Clinic"),
])
def test_embed_pages_say_whose_information_it_is(browser, request, which, expected):
    built = request.getfixturevalue(which)
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    open_page(page, built.url + "embed/aftercare/")
    source = page.locator(".embed__source")
    assert source.is_visible() and source.inner_text().strip() == expected
    context.close()


def test_without_javascript_key_points_promise_no_date_entry_or_download(browser, site):
    promises = re.compile(r"Enter the date|download", re.I)
    for scripts, promised in ((True, True), (False, False)):
        context = browser.new_context(java_script_enabled=scripts)
        page = context.new_page()
        page.goto(site.url + "treatment-plan/")
        key_points = page.locator(".admonition.abstract").inner_text()
        assert bool(promises.search(key_points)) is promised, (scripts, key_points)
        assert "The table below shows a plan that studies used." in key_points
        context.close()


def test_a_search_that_finds_nothing_points_to_the_common_questions(browser, site):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(site.url + "aftercare/")
    page.locator("label.md-header__button[for='__search']").click()  # also starts Material (material-on-demand.js)
    page.wait_for_selector("html.js", state="attached")
    hint = page.locator("[data-search-hint]")
    page.locator(".md-search__input").press_sequentially("cold sore")
    page.locator(".md-search-result__item").first.wait_for()
    assert not hint.is_visible(), "no hint while search finds pages"
    page.locator(".md-search__input").fill("")
    page.locator(".md-search__input").press_sequentially("qzxwv")
    hint.wait_for(state="visible")
    link = hint.get_by_role("link", name="common questions")
    assert link.get_attribute("href") == site.url + "faq/"
    link.click()
    page.wait_for_url(site.url + "faq/")
    # Instant navigation changes the address first, then the page.
    expect(page).to_have_title(re.compile(r"^Common questions"))
    context.close()


FOCUSED = """() => {
  const e = document.activeElement;
  return {inMenu: !!e.closest(".md-sidebar--primary"), left: e.getBoundingClientRect().left, text: e.textContent.trim()};
}"""


def test_the_closed_menu_is_out_of_the_tab_order_and_the_open_menu_in_it(browser, site):
    """On a phone the menu is a drawer off the screen's edge.  A keyboard or
    switch user tabbing through a page must not land on its links while it
    is closed (focus nobody can see); open, its links are reachable."""
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    open_page(page, site.url + "aftercare/")
    closed = []
    for _ in range(12):
        page.keyboard.press("Tab")
        closed.append(page.evaluate(FOCUSED))
    assert not [f for f in closed if f["inMenu"]], closed
    page.locator("label.md-header__button[for='__drawer']").click()
    for _ in range(50):  # until it has slid in (the page's policy forbids wait_for_function)
        if page.evaluate("document.querySelector('.md-sidebar--primary').getBoundingClientRect().left") >= 0:
            break
        page.wait_for_timeout(50)
    menu_link = page.locator(".md-nav--primary").get_by_role("link", name="Compare treatments")
    expect(menu_link).to_be_visible()
    menu_link.focus()
    assert page.evaluate(FOCUSED)["inMenu"]
    page.keyboard.press("Tab")
    opened = page.evaluate(FOCUSED)
    context.close()
    assert opened["inMenu"] and opened["left"] >= 0, opened


IN_SEARCH = "!!document.activeElement.closest('.md-search')"
SEARCH_BOX = "document.activeElement.matches('.md-search__input')"


def tab_stops(page, presses: int = 15) -> list[str]:
    """Where each of `presses` Tab presses from the top of the page lands."""
    page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
    stops = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.className || document.activeElement.tagName"))
    return stops


def closed_search_problems(page) -> list[str]:
    """What a keyboard or screen reader user meets of the closed search panel
    on a phone: its box or results in the Tab order, its box read out."""
    problems = [f"Tab lands on {stop}" for stop in tab_stops(page) if "md-search" in stop]
    if page.get_by_role("textbox", name="Search").count():
        problems.append("the closed search box is read out")
    return problems


def close_search(page) -> None:
    page.keyboard.press("Escape")
    page.wait_for_timeout(500)  # Material's panel has closed (0.3 s)


def test_the_closed_search_is_out_of_the_tab_order_and_opens_with_focus_in_its_box(browser, site):
    """On a phone, search is a panel that opens over the page (the search
    button in the header).  Closed, its box takes no space and shows nothing:
    tabbing must not land there, and a screen reader must not read it out.
    Opened, by a tap or a key, the box has focus at once, before Material's
    bundle has loaded (first use) and after."""
    context = browser.new_context(viewport={"width": 375, "height": 800}, has_touch=True)
    page = context.new_page()
    page.goto(site.url + "aftercare/", wait_until="networkidle")
    assert closed_search_problems(page) == []  # before Material runs (the Tab presses start it)
    assert closed_search_problems(page) == []  # and after
    for _ in range(2):  # the first tap loads Material's bundle; the second, Material handles
        page.locator("label.md-header__button[for='__search']").tap()
        assert page.evaluate(SEARCH_BOX)
        expect(page.get_by_role("textbox", name="Search")).to_be_visible()
        page.keyboard.type("cold sore")
        page.locator(".md-search-result__item").first.wait_for()
        assert page.locator(".md-search__input").input_value() == "cold sore"
        page.locator(".md-search__input").fill("")
        close_search(page)
        assert closed_search_problems(page) == []
    context.close()


@pytest.mark.parametrize("key", ["/", "s", "f"])
def test_search_shortcuts_open_the_phone_search_with_focus_in_its_box(browser, site, key):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(site.url + "aftercare/", wait_until="networkidle")
    for _ in range(2):  # the first press loads Material's bundle; the second, Material handles
        page.keyboard.press(key)
        assert page.evaluate(SEARCH_BOX)
        assert page.locator(".md-search__input").input_value() == "", "the shortcut key was typed into the box"
        page.keyboard.type("cold sore")
        page.locator(".md-search-result__item").first.wait_for()
        expect(page.locator(".md-search__inner")).to_be_visible()
        page.locator(".md-search__input").fill("")
        close_search(page)
        assert not page.evaluate(IN_SEARCH)
    context.close()


def test_on_wide_screens_the_search_box_in_the_header_is_in_the_tab_order(browser, site):
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    page = context.new_page()
    page.goto(site.url + "aftercare/", wait_until="networkidle")
    assert any("md-search__input" in stop for stop in tab_stops(page))
    context.close()
