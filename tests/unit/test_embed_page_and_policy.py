"""Embed pages and security headers.  Embed pages: overrides/embed.html
rendered through the theme's real templates (Material's and ours) for a small
page; what clinics and browsers rely on comes out.  Headers: pure functions."""

import re
from urllib.parse import unquote, urljoin

import pytest
from mkdocs.commands.build import get_context
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from pipeline.after_build.embed import EMBED_TEMPLATE, base_href, in_page_links, render_embed_pages, svg_icon_address
from pipeline.after_build.security_headers import content_security_policy, frame_ancestors, header_rules, headers_file
from site_checks.sitebuild import ROOT, headers_for, parse_headers_file
from pipeline.pages import theme, wording

SITE = "https://example.org/"
CONTENT = """<h1 id="aftercare">Aftercare<a class="headerlink" href="#aftercare" title="Link to this section">&para;</a></h1>
<p>Wash gently. See <a href="../safety/">safety</a>.</p>
<script type="module" src="../assets/javascripts/calculator.js"></script>"""
RIVERSIDE = {"name": "Riverside", "phone": "020 7946 0000", "phone_link": "tel:+442079460000", "booking_url": "", "logo": ""}


def page_context(clinic: dict | None = None, direction: str | None = None, content: str = CONTENT):
    """The theme's Jinja environment and the template context MkDocs gives
    docs/aftercare.md's full page, with what macros/__init__.py adds to
    config.extra (no clinic unless given)."""
    config = load_config(str(ROOT / "mkdocs.yml"), site_url=SITE)
    config.extra.update(clinic=clinic or {}, material_bundle="assets/javascripts/bundle.x.min.js",
                        stylesheet=theme.site_stylesheet(str(ROOT / "overrides")).path,
                        site_words=wording.template_words())
    if direction:
        config.theme["direction"] = direction
    config["nav"] = None  # a menu of this one page
    files = Files([File("aftercare.md", config.docs_dir, config.site_dir, config.use_directory_urls)])
    page = Page("Aftercare", files.get_file_from_path("aftercare.md"), config)
    page.meta = {"description": "What to do after a session."}
    page.content = content
    return config.theme.get_env(), get_context(get_navigation(files, config), files, config, page)


def embed_of(**settings) -> str:
    env, context = page_context(**settings)
    return render_embed_pages(env, {"aftercare/index.html": context})["aftercare/index.html"]


def chrome(html: str) -> list[str]:
    """What an embed page must not carry: Material's layout around the
    article and any script that is not a file of the site's own."""
    found = [name for name in ("md-header", "md-tabs", "md-sidebar", "md-footer", "md-search", "md-top", "md-dialog",
                               "headerlink")
             if re.search(r'class="(?:[^"]* )?' + name + r'[" ]', html)]
    found += [f"#{name}" for name in ("__drawer", "__search") if f'id="{name}"' in html]
    found += [text for text in ("__md_", "localStorage", "bundle.") if text in html]
    return found + [f"inline script {tag}" for tag in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html)]


def test_base_href_leads_back_to_the_full_page_folder():
    # embed/index.html → site root; embed/a/b/index.html → ../../../a/b/
    assert base_href("index.html") == "../"
    assert base_href("aftercare/index.html") == "../../aftercare/"
    assert base_href("conditions/acne-scars/index.html") == "../../../conditions/acne-scars/"


def test_embed_page_keeps_the_content_and_drops_the_chrome():
    page = embed_of()
    assert "Wash gently." in page and "&para;" not in page
    assert chrome(page) == []
    assert page.startswith("<!doctype html>")
    assert '<meta name="robots" content="noindex">' in page
    assert f'<link rel="canonical" href="{SITE}aftercare/">' in page
    assert "<title>Aftercare - Microneedling, explained</title>" in page
    assert '<meta name="description" content="What to do after a session.">' in page
    assert '<base href="../../aftercare/" target="_blank">' in page

    # Every address, read as the browser reads it (against <base>), leads to
    # the full site's files: the embed page lives at /embed/aftercare/.
    def resolved(pattern: str) -> list[str]:
        base = urljoin(SITE + "embed/aftercare/", "../../aftercare/")
        return [urljoin(base, address) for address in re.findall(pattern, page)]

    assert resolved(r'<script[^>]* src="([^"]*)"') == [SITE + "assets/javascripts/calculator.js",
                                                      SITE + "assets/javascripts/embed-page.js"]
    assert resolved(r'<link rel="icon" href="([^"]*)"') == [SITE + "assets/images/favicon.svg"]
    [stylesheet] = resolved(r'<link rel="stylesheet" href="([^"]*)"')
    assert re.fullmatch(re.escape(SITE) + r"assets/stylesheets/site\.[0-9a-f]+\.min\.css", stylesheet), "the full page's one stylesheet"
    assert resolved(r'<a href="([^"]*)"') == [SITE + "safety/", SITE + "aftercare/"], "the page's link, then Open the full page"
    assert "Open the full page<span class=\"md-visually-hidden\">: Aftercare - Microneedling, explained</span>" in page


def test_the_chrome_check_finds_materials_layout():
    # The same template rendered the way MkDocs renders a full page: Material's
    # base.html lays it out with header, drawer and inline scripts.
    env, context = page_context()
    full = env.get_template(EMBED_TEMPLATE).render(context)
    assert {"md-header", "md-sidebar", "md-footer", "#__drawer", "__md_", "localStorage", "bundle."} <= set(chrome(full))
    assert any(found.startswith("inline script") for found in chrome(full))


def test_policy_has_no_unsafe_inline_and_frames_as_configured():
    policy = content_security_policy({"'sha256-abc'"}, set(), frame_ancestors(("https://clinic.example",)))
    assert "'unsafe-inline'" not in policy
    assert "script-src 'self' 'sha256-abc'" in policy
    assert policy.endswith("frame-ancestors 'self' https://clinic.example")
    assert frame_ancestors(None) == "'self' https:"


def test_headers_file_gives_each_path_exactly_one_policy():
    entries = [("index.html", False), ("404.html", False), ("aftercare", True), ("conditions", True), ("assets", True),
               ("embed", True)]
    rules = parse_headers_file(headers_file(header_rules(entries, "/", "embed", "FULL", "EMBED")))
    for path in ("/", "/index.html", "/aftercare/", "/aftercare/index.html", "/404.html", "/conditions/acne-scars/",
                 "/assets/images/favicon.svg"):
        headers = headers_for(rules, path)  # refuses a header set twice
        assert headers["Content-Security-Policy"] == "FULL" and headers["X-Frame-Options"] == "SAMEORIGIN", path
        assert headers["Referrer-Policy"] == "no-referrer"
    # Module scripts load in a sandboxed frame (origin "null") only with CORS; pages never share.
    assert headers_for(rules, "/assets/javascripts/calculator.js")["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Origin" not in headers_for(rules, "/aftercare/")
    embed = headers_for(rules, "/embed/aftercare/")
    assert embed["Content-Security-Policy"] == "EMBED" and "X-Frame-Options" not in embed
    assert embed["Referrer-Policy"] == "no-referrer"

def test_embed_page_keeps_the_full_pages_direction():
    # Material's icon and list positions hang on [dir=ltr]/[dir=rtl]: without
    # dir on <body> the Key points icon covered "Key" (issue 13, item 3).
    assert '<body dir="ltr" class="embed-page">' in embed_of(), "the site's language (English) reads left to right"
    assert '<body dir="rtl" class="embed-page">' in embed_of(direction="rtl")


@pytest.mark.parametrize("clinic", [None, RIVERSIDE])
def test_embed_page_shows_the_clinic_strip_only_when_a_clinic_is_set(clinic):
    page = embed_of(clinic=clinic)
    assert ('class="clinic-strip"' in page) == bool(clinic)
    assert ('<a href="tel:+442079460000">Call 020 7946 0000</a>' in page) == bool(clinic)


def test_embed_page_names_the_site_and_the_clinic_sharing_it_escaped():
    alone = embed_of()
    assert '<header class="embed__source"><p><strong>Microneedling, explained</strong>: independent information</p></header>' in alone
    shared = embed_of(clinic={**RIVERSIDE, "name": 'Skin & Co <script>"x"</script>'})
    assert ": independent information, shared by Skin &amp; Co &lt;script&gt;&#34;x&#34;&lt;/script&gt;</p>" in shared
    assert "<script>\"x\"" not in shared


def test_links_within_the_page_stay_in_the_frame():
    """With <base href> pointing at the full page, a bare '#source-1' would
    open the full page in a new tab: each link to a place in the page is
    pointed back at the embed page itself and opens in the frame, while
    links to other pages still open the full site."""
    cited = CONTENT.replace("<p>Wash gently.", '<p>Wash gently <sup class="cite">[<a href="#source-1" title="Chu 2021">1</a>]</sup>.', 1)
    page = embed_of(content=cited)
    base = urljoin(SITE + "embed/aftercare/", re.search(r'<base href="([^"]*)"', page)[1])
    number = re.search(r'<sup class="cite">\[<a href="([^"]*)"([^>]*)>', page)
    assert urljoin(base, number[1]) == SITE + "embed/aftercare/#source-1"
    assert 'target="_self"' in number[2]
    assert urljoin(base, re.search(r'<a href="([^"]*)">safety', page)[1]) == SITE + "safety/"
    # The home page's embed page sits one folder up: embed/, with <base> at the site root.
    home = in_page_links('<a href="#source-2">2</a>', "index.html")
    assert urljoin(urljoin(SITE + "embed/", base_href("index.html")), re.search(r'href="([^"]*)"', home)[1]) == SITE + "embed/#source-2"


def test_embed_page_carries_an_svg_icon_in_itself():
    # Opened on its own, an embed page would ask for its icon while it paints;
    # written in the page, the icon costs no request.  Read back, the address
    # is the file; nothing in it can close the attribute or start a tag.
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><title>A & "B"</title><rect fill="#3f51b5"/></svg>\n'
    address = svg_icon_address(svg)
    assert address.startswith("data:image/svg+xml,")
    assert unquote(address.removeprefix("data:image/svg+xml,")) == svg.strip()
    assert not set('"<>&# \n') & set(address)
    env, context = page_context()
    page = render_embed_pages(env, {"aftercare/index.html": context}, icon_address=address)["aftercare/index.html"]
    assert re.findall(r'<link rel="icon" href="([^"]*)"', page) == [address]
