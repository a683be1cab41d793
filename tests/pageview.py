"""Looking at pages as a person does (tests/layout/, tests/visual/): open a
page, run tests/layout/layout_checks.js on it, show an embed page in a
clinic's frame on another origin."""
from __future__ import annotations

import time
from pathlib import Path

from pipeline.urls import address

CHECKS = (Path(__file__).parent / "layout" / "layout_checks.js").read_text(encoding="utf-8")
# The clinic strip's Call and Book links: a patient's next step, 44 x 44 px.
PRIMARY_ACTIONS = ".clinic-strip a"


def page_paths(built) -> list[str]:
    """Every built page, full and embed (Spanish ones sampled), as a path under the site's address."""
    return [address(p.relative_to(built.root).as_posix()) for p in built.sampled_pages()]


def open_page(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    if "/embed/" not in url:
        # Full pages start Material on the reader's first scroll, tap or key
        # (material-on-demand.js); it wraps tables and sets up the header.
        # Readers scroll, so look at the page as it is once Material runs.
        page.mouse.wheel(0, 1)
        page.wait_for_selector("html.js", state="attached")
        page.evaluate("window.scrollTo(0, 0)")


def layout_problems(target, css: str = "") -> list[str]:
    """Every problem layout_checks.js finds on the open page or frame; `css`
    is added first (the tests that show each check failing use it)."""
    if css:
        target.add_style_tag(content=css)
    return target.evaluate(CHECKS, {"primary": PRIMARY_ACTIONS})


def enter_date(target, day: str = "2027-05-03") -> None:
    """A reader enters the first session's date in the calculator."""
    field = target.locator("[data-calculator-start]")
    field.fill(day)
    field.dispatch_event("change")


HOST_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>A clinic's page</title><link rel="icon" href="data:,">
<style>body{margin:0;font-family:sans-serif} main{padding:16px} iframe{border:0;display:block}</style></head>
<body><main><h1>Our clinic</h1>
<iframe id="shown" title="Microneedling information" width="100%" height="900"
  sandbox="allow-scripts allow-same-origin allow-downloads allow-popups allow-popups-to-escape-sandbox allow-modals"></iframe>
<p>After the frame</p></main>
<script>
  /* As in the snippet the "Embed these pages" page publishes: resize the
     frame to the height the embed page reports. */
  window.addEventListener("message", function (event) {
    var frame = document.getElementById("shown");
    if (event.source !== frame.contentWindow) return;
    var data = event.data || {};
    if (data.type === "microneedling-embed:height" && typeof data.height === "number") {
      frame.style.height = Math.max(200, Math.min(data.height, 30000)) + "px";
    }
  });
</script></body></html>"""


def frame_problems(page, embed_url: str, width: int, css: str = "") -> list[str]:
    """Show one embed page in the host page's frame, `width` px wide, and
    return what is wrong: a frame that does not end at its content, sideways
    scrolling inside it, and every layout problem inside it."""
    page.evaluate("([w, url]) => { const f = document.getElementById('shown'); f.style.width = w + 'px'; f.src = url; }", [width, embed_url])
    deadline = time.monotonic() + 10
    while not (inner := next((f for f in page.frames if f.url == embed_url), None)) and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    assert inner, f"{embed_url} never loaded in the frame"
    inner.wait_for_load_state("load")
    if css:
        inner.add_style_tag(content=css)

    def measure() -> dict:
        sizes = inner.evaluate(
            "() => ({ needed: document.documentElement.scrollHeight,"
            " end: Math.ceil(document.querySelector('[data-embed]').getBoundingClientRect().bottom + window.scrollY),"
            " scrollWidth: document.documentElement.scrollWidth, width: document.documentElement.clientWidth })")
        sizes["frame"] = page.evaluate("document.getElementById('shown').getBoundingClientRect().height")
        return sizes

    # The embed page reports its height when it loads and whenever it changes;
    # give the host's listener a moment to apply the latest.
    sizes = measure()
    deadline = time.monotonic() + 3
    while abs(sizes["frame"] - sizes["end"]) > 3 and time.monotonic() < deadline:
        page.wait_for_timeout(100)
        sizes = measure()
    problems = []
    if sizes["needed"] > sizes["frame"] + 3:
        problems.append(f"the frame is {sizes['frame']:.0f} px tall but its content needs {sizes['needed']} px: the reader scrolls inside it")
    elif sizes["frame"] > sizes["end"] + 24:
        problems.append(f"the frame is {sizes['frame']:.0f} px tall but its content ends at {sizes['end']} px: a gap under the page")
    if sizes["scrollWidth"] > sizes["width"] + 1:
        problems.append(f"the frame scrolls sideways: {sizes['scrollWidth']} px of content in {sizes['width']} px")
    return problems + layout_problems(inner)
