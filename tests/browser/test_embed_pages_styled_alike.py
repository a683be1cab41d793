"""Embed pages carry inline only the stylesheet's rules they can use
(pipeline/after_build/embed_styles.py).  In a real Chromium, every element of
an embed page must then be styled exactly as with the whole stylesheet
linked: at a phone's and a desktop's width, in print, with every box opened,
and, on the treatment plan, with the calculator filled in."""
from __future__ import annotations

import re

import pytest

from pipeline.urls import address

pytestmark = pytest.mark.browser

# Every computed property of every element and of its ::before and ::after,
# hashed per element (FNV-1a), so that two versions compare cheaply; a
# difference is then shown property by property.  Taken once transitions end.
SNAPSHOT = r"""async (detail) => {
  // Colours ease over a few milliseconds after the media changes: wait for them.
  await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
  const hash = s => { let h = 2166136261; for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619); } return h >>> 0; };
  const elements = [...document.querySelectorAll('*')];
  // Custom properties (--md-...) are left out: each element inherits some two hundred, and
  // what they change shows in the properties that use them.
  const styleOf = (element, pseudo) => {
    const cs = getComputedStyle(element, pseudo);
    if (pseudo && cs.content === 'none') return ['content:none'];
    return Array.from(cs).filter(p => !p.startsWith('--')).map(p => p + ':' + cs.getPropertyValue(p));
  };
  if (detail !== null) {
    const element = elements[detail];
    return { tag: element.outerHTML.slice(0, 160), own: styleOf(element, null), before: styleOf(element, '::before'), after: styleOf(element, '::after') };
  }
  return elements.map(e => hash([null, '::before', '::after'].map(p => styleOf(e, p).join(';')).join('|')));
}"""

OPEN_EVERY_BOX = "() => document.querySelectorAll('details').forEach(d => { d.open = true; })"


def embed_pages(site) -> list[str]:
    """Every English embed page, and the Spanish aftercare and treatment plan."""
    english = sorted(p.relative_to(site.root).as_posix() for p in (site.root / "embed").rglob("index.html")
                     if p.relative_to(site.root / "embed").parts[0] != "es")
    return [*english, "embed/es/aftercare/index.html", "embed/es/treatment-plan/index.html"]


def with_whole_stylesheet(html: str, stylesheet: str) -> str:
    """The page as it would be with the whole stylesheet linked instead of its inline rules."""
    inline = max(re.finditer(r"<style>(.*?)</style>", html, re.S), key=lambda m: len(m.group(1)))
    return html[:inline.start()] + f'<link rel="stylesheet" href="/{stylesheet}">' + html[inline.end():]


def serving(body: str):
    """A route handler answering with the server's response, with `body` as its body."""
    return lambda route: route.fulfill(response=route.fetch(), body=body)


def snapshots(page, url: str, *, fill_calculator: bool, print_too: bool) -> dict[str, list[int]]:
    page.goto(url)
    page.wait_for_load_state("load")
    page.evaluate(OPEN_EVERY_BOX)
    if fill_calculator:
        page.fill("[data-calculator-start]", "2027-01-31")
        page.locator("[data-calculator-start]").dispatch_event("change")
    taken = {"screen": page.evaluate(SNAPSHOT, None)}
    if print_too:
        page.emulate_media(media="print")
        taken["print"] = page.evaluate(SNAPSHOT, None)
        page.emulate_media(media="screen")
    return taken


def first_difference(page, url: str, media: str, index: int, fill_calculator: bool) -> dict:
    snapshots(page, url, fill_calculator=fill_calculator, print_too=False)
    page.emulate_media(media=media)
    return page.evaluate(SNAPSHOT, index)


@pytest.mark.parametrize("width", [360, 1280])
def test_embed_pages_look_as_they_would_with_the_whole_stylesheet(browser, site, width):
    stylesheet = next((site.root / "assets" / "stylesheets").glob("site.*.min.css")).relative_to(site.root).as_posix()
    print_too = width == 360  # a printed page's width does not depend on the window's
    context = browser.new_context(viewport={"width": width, "height": 800})
    inline_page, linked_page = context.new_page(), context.new_page()
    pages = embed_pages(site)
    assert len(pages) > 10
    for built in pages:
        url = site.url + address(built)
        html = (site.root / built).read_text(encoding="utf-8")
        assert 'rel="stylesheet"' not in html, f"{built} still links a stylesheet"
        linked_html = with_whole_stylesheet(html, stylesheet)
        linked_page.route(url, serving(linked_html))
        calculator = "data-calculator-start" in html
        inline = snapshots(inline_page, url, fill_calculator=calculator, print_too=print_too)
        linked = snapshots(linked_page, url, fill_calculator=calculator, print_too=print_too)
        for media in inline:
            assert len(inline[media]) == len(linked[media]), f"{built}: not the same elements"
            if inline[media] != linked[media]:
                index = next(i for i, (a, b) in enumerate(zip(inline[media], linked[media])) if a != b)
                ours = first_difference(inline_page, url, media, index, calculator)
                whole = first_difference(linked_page, url, media, index, calculator)
                differing = {part: sorted(set(ours[part]) ^ set(whole[part])) for part in ("own", "before", "after")}
                pytest.fail(f"{built} at {width} px ({media}): {ours['tag']!r} is styled differently "
                            f"without the whole stylesheet: {differing}")
        linked_page.unroute(url)
    context.close()
