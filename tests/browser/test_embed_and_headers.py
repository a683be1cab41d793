"""Security headers and embedding in a real Chromium.

The sites are served with exactly the headers the build wrote to _headers
(tests/conftest.py).  Every page, full and embed, must load without a single
Content-Security-Policy violation or console error; a page on a second local
origin embeds a page, sees it grow to its content and downloads a calendar
file from inside the frame."""
from __future__ import annotations

import html
import re
from pathlib import Path

import icalendar
import pytest

from pipeline.urls import address
from site_checks.sitebuild import serve

pytestmark = pytest.mark.browser

# The sandbox tokens the "Embed these pages" page tells clinics to use.
DOCUMENTED_SANDBOX = re.compile(r'sandbox="([^"]+)"')

WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


def page_urls(built) -> list[str]:
    urls = []
    for page in built.sampled_pages():  # Spanish pages sampled: the same templates and policy
        urls.append(built.url + address(page.relative_to(built.root).as_posix()))
    return urls


def watched_page(context):
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    return page


@pytest.mark.parametrize("which", ["site", "clinic_site"])
def test_every_page_loads_under_the_policy_without_violations_or_errors(browser, request, which):
    built = request.getfixturevalue(which)
    context = browser.new_context()
    context.add_init_script(WATCH_CSP)
    page = watched_page(context)
    checked = 0
    for url in page_urls(built):
        page.problems.clear()
        response = page.goto(url)
        csp = response.headers.get("content-security-policy", "")
        assert "default-src 'none'" in csp and "'unsafe-inline'" not in csp, f"{url}: served without our policy"
        page.wait_for_load_state("load")
        violations = page.evaluate("window.__cspViolations")
        assert violations == [] and page.problems == [], f"{url}: {violations} {page.problems}"
        checked += 1
    context.close()
    assert checked >= 2 * 17, "full and embed versions of every page"


def test_full_pages_refuse_other_frames_and_embed_pages_allow_the_clinic(clinic_site, site):
    import urllib.request

    def headers(built, path):
        with urllib.request.urlopen(built.url + path) as response:
            return response.headers

    host_origin = clinic_site.host_url.rstrip("/")
    full = headers(clinic_site, "aftercare/")
    embed = headers(clinic_site, "embed/aftercare/")
    assert "frame-ancestors 'self'" in full["Content-Security-Policy"] and full["X-Frame-Options"] == "SAMEORIGIN"
    assert f"frame-ancestors 'self' {host_origin}" in embed["Content-Security-Policy"]
    assert embed["X-Frame-Options"] is None
    for name in ("Referrer-Policy", "X-Content-Type-Options", "Permissions-Policy"):
        assert full[name] and embed[name]
    # Without a clinic list, any HTTPS site may frame the embed pages.
    assert "frame-ancestors 'self' https:" in headers(site, "embed/aftercare/")["Content-Security-Policy"]


@pytest.fixture
def host_page(clinic_site, tmp_path):
    """Serve a clinic's page on the second local origin (the one the sample
    clinic lists in embed_origins): show(body_html) returns its address."""
    servers = []

    def show(body: str) -> str:
        (tmp_path / "index.html").write_text(f"<!doctype html><html lang=en><title>Clinic</title><link rel=icon href='data:,'>{body}", encoding="utf-8")
        port = int(clinic_site.host_url.rsplit(":", 1)[1].strip("/"))
        servers.append(serve(tmp_path, port))
        return clinic_site.host_url

    yield show
    for server in servers:
        server.shutdown()
        server.server_close()


def published_snippet(clinic_site, page: str) -> str:
    """The snippet the "Embed these pages" page publishes for one page."""
    embedding = (clinic_site.root / "embedding" / "index.html").read_text(encoding="utf-8")
    blocks = [html.unescape(re.sub(r"<[^>]+>", "", b)) for b in re.findall(r"<code[^>]*>(.*?)</code>", embedding, re.S)]
    return next(b for b in blocks if b.startswith("<iframe") and f"embed/{page}" in b)


def test_a_clinic_page_embeds_a_page_that_resizes_and_downloads_a_calendar(browser, clinic_site, host_page):
    snippet = published_snippet(clinic_site, "treatment-plan/")
    host_url = host_page(f"<h1>Our clinic</h1>{snippet}<p>After the frame</p>")
    assert DOCUMENTED_SANDBOX.search(snippet).group(1).split() == [
        "allow-scripts", "allow-same-origin", "allow-downloads", "allow-popups", "allow-popups-to-escape-sandbox", "allow-modals"]
    context = browser.new_context(accept_downloads=True, viewport={"width": 390, "height": 800})
    context.add_init_script(WATCH_CSP)
    page = watched_page(context)
    page.goto(host_url)
    frame_element = page.locator("iframe")
    frame = frame_element.content_frame
    frame.locator("h1").wait_for()
    # The frame grows from its first 900 px to its content's full height.
    page.wait_for_function("document.querySelector('iframe').getBoundingClientRect().height > 1500")
    content_height = frame.locator("[data-embed]").evaluate("e => e.getBoundingClientRect().height")
    frame_height = frame_element.evaluate("e => e.getBoundingClientRect().height")
    assert abs(frame_height - content_height) <= 2, (frame_height, content_height)
    # The clinic is shown, and its own plan is labelled as the clinic's.
    assert "Riverside Skin Clinic" in frame.locator(".clinic-strip").inner_text()
    assert "Riverside Skin Clinic usually plans 5" in frame.locator("[data-calculator-sessions-hint]").inner_text()
    # Links leave the frame: they open the full page in a new tab.
    with context.expect_page() as new_tab:
        frame.get_by_role("link", name=re.compile("Open the full page")).click()
    assert new_tab.value.url == clinic_site.url + "treatment-plan/"
    assert page.frames[1].url == clinic_site.url + "embed/treatment-plan/"
    new_tab.value.close()
    # A calendar file downloads from inside the sandboxed frame.
    frame.locator("[data-calculator-start]").fill("2027-05-03")
    frame.locator("[data-calculator-start]").dispatch_event("change")
    with page.expect_download() as download_info:
        frame.locator("[data-calculator-ics]").click()
    calendar = icalendar.Calendar.from_ical(Path(download_info.value.path()).read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == 5 + 1, "5 sessions (the clinic's plan) and the results check"
    assert events[0].decoded("DTSTART").isoformat() == "2027-05-03"
    assert page.frames[1].evaluate("window.__cspViolations") == [] and page.problems == []
    context.close()


def test_embed_pages_work_in_a_frame_whose_storage_is_blocked(browser, clinic_site, host_page):
    """Without allow-same-origin a frame has an opaque origin: any use of
    localStorage throws, as when a browser blocks storage in third-party
    frames.  The embed page must still work, without errors."""
    host_url = host_page(f'<iframe src="{clinic_site.url}embed/treatment-plan/" title="Plan" width="400" height="900" '
                         'sandbox="allow-scripts allow-downloads"></iframe>')
    context = browser.new_context()
    page = watched_page(context)
    page.goto(host_url)
    frame = page.frame_locator("iframe")
    frame.locator("[data-calculator-start]").fill("2027-05-03")
    frame.locator("[data-calculator-start]").dispatch_event("change")
    assert frame.locator("[data-calculator-rows] time").first.get_attribute("datetime") == "2027-05-03"
    storage_blocked = page.frames[1].evaluate("(() => { try { localStorage.length; return false } catch (e) { return true } })()")
    assert storage_blocked, "the test frame should block storage"
    assert page.problems == []
    context.close()
