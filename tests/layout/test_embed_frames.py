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
    """Without embed.js the frame keeps its first 900 px: the check says so."""
    context, page = open_host(browser, clinic_host, 343)
    context.route("**/embed.js", lambda route: route.abort())
    problems = frame_problems(page, clinic_site.url + "embed/aftercare/", 343)
    context.close()
    assert any("the reader scrolls inside it" in p for p in problems), problems


def test_a_frame_with_sideways_scrolling_is_reported(browser, clinic_site, clinic_host):
    context, page = open_host(browser, clinic_host, 343, bypass_csp=True)
    problems = frame_problems(page, clinic_site.url + "embed/treatment-plan/", 343, css=".calculator select { min-width: 30rem !important; }")
    context.close()
    assert any("the frame scrolls sideways" in p for p in problems), problems
