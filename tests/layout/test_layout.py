"""Every page as a person sees it, on phones, tablets and desktops
(layout_checks.js): no sideways scrolling, nothing sticking out or clipped,
no covered text, bullets inside their boxes, nothing meant for paper on
screen, and targets big enough to tap (WCAG 2.2 SC 2.5.8; 44 px for the
clinic's Call and Book).

Cost: one browser context per width, one page load and one evaluate per
page.  The site as shipped at four widths; with a clinic set at a phone and
a desktop width (the clinic strip is what differs); the treatment plan
with a date entered at every width.  Each check is shown failing on a
deliberately broken style at the end of this file."""
from __future__ import annotations

import pytest

from pageview import enter_date, layout_problems, open_page, page_paths

pytestmark = pytest.mark.browser

WIDTHS = (320, 375, 768, 1280)
CLINIC_WIDTHS = (375, 1280)


def check_every_page(browser, built, width: int) -> dict[str, list[str]]:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    found = {}
    for path in page_paths(built):
        open_page(page, built.url + path)
        problems = layout_problems(page)
        if problems:
            found[path or "/"] = problems
    context.close()
    return found


def report(found: dict[str, list[str]], width: int) -> str:
    return f"at {width} px:\n" + "\n".join(f"  {path}: {p}" for path, problems in found.items() for p in problems)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_full_and_embed_looks_right(browser, site, width):
    found = check_every_page(browser, site, width)
    assert found == {}, report(found, width)


@pytest.mark.parametrize("width", CLINIC_WIDTHS)
def test_every_page_looks_right_with_a_clinic_set(browser, clinic_site, width):
    found = check_every_page(browser, clinic_site, width)
    assert found == {}, report(found, width)


@pytest.mark.parametrize("width", WIDTHS)
def test_treatment_plan_with_a_date_entered_looks_right(browser, site, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="en-GB")
    page = context.new_page()
    found = {}
    for path in ("treatment-plan/", "embed/treatment-plan/", "es/treatment-plan/"):
        open_page(page, site.url + path)
        enter_date(page)
        page.locator("[data-calculator-chosen]").filter(has_text="2027").wait_for()
        page.wait_for_timeout(300)  # Material's header swaps its title as the page scrolls (0.15 s fade)
        found.update({path: problems} if (problems := layout_problems(page)) else {})
    context.close()
    assert found == {}, report(found, width)


# Each check, failing on a deliberately broken style or page.  (page, width,
# what is injected, words the report must contain.)
BROKEN = {
    "form wider than the phone": (
        "treatment-plan/", 375, ".calculator select { min-width: 30rem !important; }", "the page scrolls sideways"),
    "element sticking out of the page": (
        "aftercare/", 375, ".cite a { white-space: nowrap; } .cite { white-space: nowrap; display: inline-block; width: 500px; line-height: 1 !important; }",
        "outside the page"),
    "text clipped by its box": (
        "", 320, ".md-typeset .admonition.abstract { overflow: hidden; } .md-typeset .admonition.abstract li { white-space: nowrap; }", "clips its content"),
    "table scrolling sideways": (
        "comparisons/", 375, ".md-typeset table:not([class]) { display: inline-block !important; } .md-typeset table:not([class]) th { min-width: 10rem !important; }",
        "columns are hidden"),
    "plans table not stacked on a phone": (
        "", 375, ".md-typeset .table-stack :is(table, thead, tbody, tr, th, td) { display: revert !important; } .md-typeset .table-stack table { display: inline-block !important; }"
        " .md-typeset .table-stack :is(th, td) { min-width: 5rem !important; padding: .9375em 1.25em !important; }",
        "columns are hidden"),
    "text covered by another element": (
        "aftercare/", 375, ".md-typeset .admonition.abstract { position: relative; margin-top: -5rem; }", "is covered by p.admonition-title"),
    "admonition icon over its title (no dir on an embed page)": (
        "embed/aftercare/", 375, ".md-typeset .admonition.abstract > .admonition-title::before { display: block; } "
        ".md-typeset .admonition.abstract > .admonition-title { padding-left: 0; }", "covered by its ::before icon"),
    "bullets outside their box": (
        "embed/aftercare/", 375, ".md-typeset .admonition.abstract ul { margin-left: 0 !important; } .md-typeset .admonition.abstract li { margin-left: 0 !important; }",
        "sits outside its box"),
    "tap targets too small and too close": (
        "glossary/", 375, ".jump-links a { min-width: 0 !important; min-height: 0 !important; width: auto !important; height: auto !important; padding: 0 !important; margin: 0 !important; }",
        "needs 24 x 24 px or spacing"),
    "citation numbers too small to tap apart": (
        "aftercare/", 375, ".md-typeset .cite a { padding: 0 !important; }", "needs 24 x 24 px or spacing"),
    "print-only text on screen": (
        "aftercare/", 375, ".review-info p.print-only { display: flex !important; }", "is meant for print but shows on screen"),
}


@pytest.mark.parametrize("case", BROKEN)
def test_each_check_reports_a_broken_page(browser, site, case):
    path, width, css, expected = BROKEN[case]
    # bypass_csp: the site's policy rightly refuses injected styles.
    context = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)
    page = context.new_page()
    open_page(page, site.url + path)
    assert layout_problems(page) == [], "the page must be clean before it is broken"
    problems = layout_problems(page, css)
    context.close()
    assert any(expected in p for p in problems), problems


def test_small_clinic_actions_are_reported(browser, clinic_site):
    context = browser.new_context(viewport={"width": 375, "height": 800}, bypass_csp=True)
    page = context.new_page()
    open_page(page, clinic_site.url + "aftercare/")
    problems = layout_problems(page, ".clinic-strip a { min-height: 0 !important; display: inline !important; }")
    context.close()
    assert any(p.startswith("primary action a") and "needs 44 x 44" in p for p in problems), problems


def test_an_embed_page_without_dir_is_reported(browser, site):
    """The defect of issue 13 as it was: no dir on an embed page's <body>, so
    Material's [dir=ltr] rules never apply to its admonitions."""
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    open_page(page, site.url + "embed/aftercare/")
    page.evaluate("document.body.removeAttribute('dir'); document.querySelector('.admonition').classList.remove('abstract')")
    problems = layout_problems(page)
    context.close()
    assert any("covered by its ::before icon" in p for p in problems), problems
    assert any("sits outside its box" in p for p in problems), problems
