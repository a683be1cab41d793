"""The language switcher in the header (issue 17): on every page, it leads
to the same page in the other language, on the reader's first tap or click
(Material's bundle loads on that interaction, material-on-demand.js) and by
keyboard; once Material runs, it fetches nothing that does not exist."""
from __future__ import annotations

import re

import pytest

from pipeline.urls import address

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 800}, "has_touch": True}
DESKTOP = {"viewport": {"width": 1300, "height": 800}}


@pytest.fixture
def open_page(browser, site):
    """A page in a fresh context; records failed responses and script errors."""
    contexts, problems = [], []

    def open_(path: str, **options):
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status} {r.url}"))
        page.on("pageerror", lambda error: problems.append(f"{path}: {error}"))
        page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
        page.goto(site.url + path, wait_until="networkidle")
        return page

    yield open_
    for context in contexts:
        context.close()
    assert problems == []


def switch(page, language_name: str, device: str) -> None:
    button = page.locator(".md-select > button")
    if device == "phone":
        button.tap()  # the first tap: it also starts loading Material
    else:
        button.click()
    link = page.locator(".md-select__link", has_text=language_name)
    link.wait_for(state="visible")
    page.wait_for_timeout(300)  # the list fades in (0.25 s)
    if device == "phone":
        link.tap()
    else:
        link.click()


@pytest.mark.parametrize("device", ["phone", "desktop"])
@pytest.mark.parametrize("start, language_name, target", [
    ("aftercare/", "Español", "es/aftercare/"),
    ("es/treatment-plan/", "English", "treatment-plan/"),
    ("conditions/acne-scars/", "Español", "es/conditions/acne-scars/"),
    ("es/", "English", ""),
])
def test_the_switcher_leads_to_the_same_page_on_the_first_tap(open_page, site, device, start, language_name, target):
    page = open_page(start, **(PHONE if device == "phone" else DESKTOP))
    switch(page, language_name, device)
    page.wait_for_url(site.url + target)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.lang") == ("es" if target.startswith("es/") else "en")


def test_the_switcher_works_after_material_has_started(open_page, site):
    page = open_page("safety/", **DESKTOP)
    page.mouse.wheel(0, 200)  # the first interaction: Material loads
    page.wait_for_selector("html.js", state="attached", timeout=10_000)
    page.wait_for_load_state("networkidle")
    switch(page, "Español", "desktop")
    page.wait_for_url(site.url + "es/safety/")


def test_the_switcher_works_by_keyboard(open_page, site):
    page = open_page("es/aftercare/", **DESKTOP)
    page.locator(".md-select > button").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused in {"English", "Español"}
    if focused == "Español":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(site.url + "aftercare/")
