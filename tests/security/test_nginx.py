"""The nginx file clinics copy, proven with a real nginx (class 9), and the
pages proven with no headers at all, as GitHub Pages serves them (class 8).

One nginx serves the built site with the generated
nginx-security-headers.conf for the whole module.  By default that is the
sample clinic's build (tests/conftest.py), whose clinic origin may frame the
embed pages.  With PUBLISHED_SITE (a built site/ folder) and SITE_URL set,
as the CI test job does, it serves that artifact under its real path
instead: the files that are then published are the files tested here."""
from __future__ import annotations

import os
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError

import nginxserver
from pipeline.after_build.security_headers import path_prefix
from pipeline.urls import address
from site_checks import sampled_pages
from site_checks.sitebuild import free_port, headers_for, parse_headers_file, serve

pytestmark = pytest.mark.browser

WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""
NOT_FOUND_PATHS = ["no-such-page/", "conditions/no-such-page/", "embed/no-such-page/"]


@dataclass(frozen=True)
class Served:
    root: Path  # the built site
    url: str  # where nginx serves it, ending in "/"
    site_url: str  # the address it was built for
    clinic_url: str | None  # a local origin the build lets frame the embed pages

    def page_paths(self) -> list[str]:
        """Every page (Spanish ones sampled: the same templates and headers)."""
        return sorted(address(p.relative_to(self.root).as_posix())
                      for p in sampled_pages(sorted(self.root.rglob("*.html")), self.root))


@pytest.fixture(scope="module")
def served(request):
    published = os.environ.get("PUBLISHED_SITE")
    if published:
        site_url = os.environ.get("SITE_URL") or pytest.fail("PUBLISHED_SITE needs SITE_URL, the address it was built for")
        root, clinic_url = Path(published).resolve(), None
    else:
        clinic_site = request.getfixturevalue("clinic_site")
        root, site_url, clinic_url = clinic_site.root, clinic_site.url, clinic_site.host_url
    server = nginxserver.start(root, free_port(), path_prefix(site_url))
    yield Served(root, server.url, site_url, clinic_url)
    server.stop()


def fetch(url: str) -> tuple[int, dict[str, str], str]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8", errors="replace")


def test_the_artifact_is_built_for_its_address(served):
    page = (served.root / "aftercare" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{served.site_url}aftercare/">' in page


def test_nginx_sends_the_same_headers_as_the_headers_file_for_every_kind_of_file(served):
    """Pages, embed pages, the not-found page, SVG, scripts and the sitemap:
    what nginx sends equals what _headers gives the same path."""
    rules = parse_headers_file((served.root / "_headers").read_text(encoding="utf-8"))
    prefix = path_prefix(served.site_url)
    paths = ["", "aftercare/", "conditions/acne-scars/", "embed/aftercare/", "404.html", "assets/images/favicon.svg",
             "assets/javascripts/calculator.js", "sitemap.xml", *NOT_FOUND_PATHS]
    for path in paths:
        status, headers, body = fetch(served.url + path)
        # A missing address gets the not-found page, with that page's headers (nginx's
        # error_page; _headers alone would leave an unknown top-level name with only
        # the common headers and the page's <meta> policy).
        expected = headers_for(rules, prefix + ("404.html" if path in NOT_FOUND_PATHS else path))
        for name in ("Content-Security-Policy", "X-Frame-Options", "Referrer-Policy", "X-Content-Type-Options",
                     "Permissions-Policy"):
            assert headers.get(name) == expected.get(name), f"{path}: {name}: {headers.get(name)!r} != {expected.get(name)!r}"
        policy = headers["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "'unsafe-inline'" not in policy
        # Stated here, not read from _headers: what a reader's browser must be told.
        assert headers.get("Referrer-Policy") == "no-referrer" and headers.get("X-Content-Type-Options") == "nosniff", path
        if path.startswith("embed/") and path not in NOT_FOUND_PATHS:
            assert "X-Frame-Options" not in headers and re.search(r"frame-ancestors [^;]+", policy), path
        elif path not in ("assets/images/favicon.svg", "assets/javascripts/calculator.js", "sitemap.xml"):
            assert headers.get("X-Frame-Options") == "SAMEORIGIN" and "frame-ancestors 'self'" in policy, path
        if path in NOT_FOUND_PATHS:
            assert status == 404 and "404" in body and "<h1" in body, f"{path}: the site's not-found page"
        else:
            assert status == 200, path
    assert headers_for(rules, prefix + "embed/aftercare/").get("X-Frame-Options") is None


def test_a_missing_spanish_address_gets_the_spanish_not_found_page(served):
    rules = parse_headers_file((served.root / "_headers").read_text(encoding="utf-8"))
    expected = headers_for(rules, path_prefix(served.site_url) + "es/404.html")
    for path, lang in (("es/no-such-page/", "es"), ("es/conditions/no-such-page/", "es"), ("no-such-page/", "en")):
        status, headers, body = fetch(served.url + path)
        assert status == 404 and f'<html lang="{lang}"' in body, path
        assert headers.get("Content-Security-Policy") == expected.get("Content-Security-Policy"), path
    assert fetch(served.url + "es/aftercare/")[0] == 200


def watched(context):
    page = context.new_page()
    page.problems, page.requests = [], []
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.on("request", lambda r: page.requests.append(r.url))
    return page


def check_every_page(browser, base_url: str, paths: list[str], expect_status=None) -> int:
    """Open each page: no policy violation, no error, no request to another host."""
    context = browser.new_context()
    context.add_init_script(WATCH_CSP)
    page = watched(context)
    origin = urlsplit(base_url).netloc
    checked = 0
    for path in paths:
        page.problems.clear()
        page.requests.clear()
        response = page.goto(base_url + path)
        page.wait_for_load_state("load")
        if expect_status:
            assert response.status == expect_status, path
        problems = [p for p in page.problems if not (expect_status == 404 and "status of 404" in p)]
        violations = page.evaluate("window.__cspViolations")
        foreign = [u for u in page.requests if urlsplit(u).scheme in {"http", "https"} and urlsplit(u).netloc != origin]
        assert violations == [] and problems == [] and foreign == [], f"{path}: {violations} {problems} {foreign}"
        checked += 1
    context.close()
    return checked


def test_every_page_under_nginx_runs_without_violations_and_asks_only_this_site(browser, served):
    paths = served.page_paths()
    assert check_every_page(browser, served.url, paths) == len(paths) >= 2 * 17
    assert check_every_page(browser, served.url, NOT_FOUND_PATHS, expect_status=404) == 3


@pytest.fixture
def clinic_page(tmp_path):
    """Serve a clinic's page on a local origin: show(origin_url, body_html) returns its address."""
    servers = []

    def show(origin_url: str, body: str) -> str:
        (tmp_path / "index.html").write_text(f"<!doctype html><html lang=en><title>Clinic</title><link rel=icon href='data:,'>{body}",
                                             encoding="utf-8")
        servers.append(serve(tmp_path, int(urlsplit(origin_url).port)))
        return origin_url

    yield show
    for server in servers:
        server.shutdown()
        server.server_close()


def frame_shows_the_page(page, index: int) -> bool:
    """Whether frame `index` of the host page shows our page (a refused frame
    holds Chromium's error page, or has been detached)."""
    frame = page.frames[index]
    try:
        return frame.locator("h1").count() > 0 and not frame.url.startswith("chrome-error:")
    except PlaywrightError:  # the refused frame went away while being read
        return False


def test_under_nginx_another_site_may_frame_only_the_embed_pages(browser, served, clinic_page):
    clinic_url = served.clinic_url or f"http://127.0.0.1:{free_port()}/"
    host = clinic_page(clinic_url, f'<iframe src="{served.url}aftercare/" title="Full"></iframe>'
                                   f'<iframe src="{served.url}embed/aftercare/" title="Embed"></iframe>')
    context = browser.new_context()
    page = context.new_page()
    page.goto(host)
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    assert len(page.frames) == 3, "the host page and its two frames"
    assert not frame_shows_the_page(page, 1), "a full page must refuse to be framed by another site"
    if served.clinic_url:  # the sample clinic's origin is listed in embed_origins
        assert frame_shows_the_page(page, 2), "the clinic's origin may frame the embed page"
    context.close()


def test_with_no_headers_at_all_every_page_carries_and_enforces_the_policy(browser, served, tmp_path):
    """GitHub Pages sends none of our headers: the <meta> policy must hold alone."""
    port = free_port()
    prefix = path_prefix(served.site_url)
    # The site under the path it was built for (a project site lives under /<repository>/).
    top = served.root
    if prefix != "/":
        top = tmp_path / "host"
        (top / prefix.strip("/")).parent.mkdir(parents=True)
        (top / prefix.strip("/")).symlink_to(served.root, target_is_directory=True)
    server = serve(top, port, [])  # no header rules
    base = f"http://127.0.0.1:{port}{prefix}"
    try:
        paths = served.page_paths()
        assert check_every_page(browser, base, paths) == len(paths)
        context = browser.new_context()
        context.add_init_script(WATCH_CSP)
        page = context.new_page()
        response = page.goto(base + "aftercare/")
        assert "content-security-policy" not in response.headers
        ran = page.evaluate("""() => { const s = document.createElement('script');
            s.textContent = 'window.__injected = 1'; document.body.appendChild(s); return window.__injected === 1 }""")
        assert ran is False, "an injected inline script must be blocked by the page's own policy"
        assert any(v.startswith("script-src") for v in page.evaluate("window.__cspViolations"))
        assert page.evaluate("document.querySelector('meta[name=referrer]').content") == "no-referrer"
        outbound = page.evaluate("""() => [...document.querySelectorAll('a[href^="http"]')]
            .filter(a => new URL(a.href).origin !== location.origin).map(a => a.rel)""")
        assert all("noreferrer" in rel for rel in outbound), outbound
        context.close()
    finally:
        server.shutdown()
        server.server_close()
