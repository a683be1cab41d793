"""Every embed page as a clinic shows it: in an iframe on a page of another
origin (the sample clinic's, which it lists in embed_origins), 343 px wide
(a phone, inside the clinic's margins) and 1000 px wide.  The frame must end
within a few pixels of its content (no inner scroll bar, no gap) and the
page inside must not scroll sideways or break any layout check."""
from __future__ import annotations

import pytest

from pageview import frame_problems, page_paths

pytestmark = pytest.mark.browser

FRAME_WIDTHS = (343, 1000)


def open_host(browser, host: str, width: int, **options):
    # The host page's viewport: the frame plus the clinic page's margins.
    context = browser.new_context(viewport={"width": width + 32, "height": 900}, **options)
    page = context.new_page()
    page.goto(host)
    return context, page


@pytest.mark.parametrize("width", FRAME_WIDTHS)
def test_every_embed_page_fits_its_frame_on_another_origin(browser, clinic_site, clinic_host, width):
    context, page = open_host(browser, clinic_host, width)
    found = {}
    embeds = [p for p in page_paths(clinic_site) if p.startswith("embed/")]
    for path in embeds:
        problems = frame_problems(page, clinic_site.url + path, width)
        if problems:
            found[path] = problems
    context.close()
    assert len(embeds) >= 17
    assert found == {}, f"in a {width} px frame:\n" + "\n".join(f"  {p}: {x}" for p, xs in found.items() for x in xs)


def test_a_frame_that_never_resizes_is_reported(browser, clinic_site, clinic_host):
    """Without embed.js (shipped in embed-page.js) the frame keeps its first 900 px: the check says so."""
    context, page = open_host(browser, clinic_host, 343)
    context.route("**/embed-page.js", lambda route: route.abort())
    problems = frame_problems(page, clinic_site.url + "embed/aftercare/", 343)
    context.close()
    assert any("the reader scrolls inside it" in p for p in problems), problems


def test_a_frame_with_sideways_scrolling_is_reported(browser, clinic_site, clinic_host):
    context, page = open_host(browser, clinic_host, 343, bypass_csp=True)
    problems = frame_problems(page, clinic_site.url + "embed/treatment-plan/", 343, css=".calculator select { min-width: 30rem !important; }")
    context.close()
    assert any("the frame scrolls sideways" in p for p in problems), problems


def test_a_citation_number_in_a_frame_leads_to_the_sources_inside_the_frame(browser, clinic_site, clinic_host):
    """The embed page's <base href> sends its links to the full site in a new
    tab; a citation number leads to the page's own list of sources, so it
    stays in the frame (pipeline/after_build/embed.py, in_page_links)."""
    context, page = open_host(browser, clinic_host, 343)
    embed_url = clinic_site.url + "embed/aftercare/"
    frame_problems(page, embed_url, 343)
    frame = next(f for f in page.frames if f.url == embed_url)
    popups = []
    context.on("page", lambda opened: popups.append(opened))
    number = frame.locator("article sup.cite a").first
    label = number.get_attribute("aria-label")
    number.click()
    page.wait_for_timeout(500)
    assert popups == [], "the number opened a new tab"
    assert frame.url == embed_url + "#source-1"
    target = frame.locator(":target")
    assert target.get_attribute("id") == "source-1"
    assert label == "Source 1: " + target.locator("a").inner_text()
    context.close()
