"""Embed pages and security headers as pure functions: a small page in the
shape Material builds goes in; what clinics and browsers rely on comes out."""

from pipeline.after_build.embed import base_href, embed_page
from pipeline.after_build.security_headers import content_security_policy, frame_ancestors, header_rules, headers_file
from site_checks.sitebuild import headers_for, parse_headers_file

MATERIAL_LIKE = """<!doctype html>
<html lang="en" class="no-js">
<head>
<meta charset="utf-8">
<meta name="description" content="What to do after a session.">
<link rel="canonical" href="https://example.org/aftercare/">
<link rel="icon" href="../assets/images/favicon.png">
<title>Aftercare - Site</title>
<link rel="stylesheet" href="../assets/stylesheets/main.css">
<script>__md_scope=new URL("..",location)</script>
</head>
<body>
<header class="md-header"><nav>Site menu</nav></header>
<aside class="clinic-strip" aria-label="Your clinic"><strong>Riverside</strong></aside>
<article class="md-content__inner md-typeset">
<h1 id="aftercare">Aftercare<a class="headerlink" href="#aftercare" title="Link">&para;</a></h1>
<p>Wash gently. See <a href="../safety/">safety</a>.</p>
</article>
<footer class="md-footer">Footer</footer>
<script id="__config" type="application/json">{"base": ".."}</script>
<script src="../assets/javascripts/search-dialog.js" defer></script>
<script src="../assets/javascripts/print-date.js" defer></script>
<script src="../assets/javascripts/material-on-demand.js" data-scripts="../assets/javascripts/search-on-demand.js ../assets/javascripts/bundle.a5f9d56c.min.js" defer></script>
<script src="../assets/javascripts/calculator.js" defer></script>
</body>
</html>"""


def test_base_href_leads_back_to_the_full_page_folder():
    # embed/index.html → site root; embed/a/b/index.html → ../../../a/b/
    assert base_href("index.html") == "../"
    assert base_href("aftercare/index.html") == "../../aftercare/"
    assert base_href("conditions/acne-scars/index.html") == "../../../conditions/acne-scars/"


def test_embed_page_keeps_the_content_and_drops_the_chrome():
    page = embed_page(MATERIAL_LIKE, "aftercare/index.html")
    assert "Wash gently." in page and "Riverside" in page
    assert "Site menu" not in page and "Footer" not in page and "&para;" not in page
    assert '<meta name="robots" content="noindex">' in page
    assert '<link rel="canonical" href="https://example.org/aftercare/">' in page
    assert '<base href="../../aftercare/" target="_blank">' in page
    # Material's scripts read localStorage at start-up; the embed has none of them.
    assert "bundle." not in page and "__md_scope" not in page and "localStorage" not in page
    assert "on-demand.js" not in page and "search-dialog.js" not in page
    assert '<script src="../assets/javascripts/print-date.js" defer></script>' in page
    assert '<script src="../assets/javascripts/calculator.js" defer></script>' in page
    assert '<script src="../assets/javascripts/embed.js" defer></script>' in page
    assert '<link rel="stylesheet" href="../assets/stylesheets/main.css">' in page


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
    assert '<body dir="ltr" class="embed-page">' in embed_page(MATERIAL_LIKE.replace("<body>", '<body dir="ltr">'), "aftercare/index.html")
    assert '<body dir="rtl" class="embed-page">' in embed_page(MATERIAL_LIKE.replace("<body>", '<body dir="rtl">'), "aftercare/index.html")
    assert '<body dir="ltr" class="embed-page">' in embed_page(MATERIAL_LIKE, "aftercare/index.html"), "a page without dir reads left to right"


def test_embed_page_names_the_site_and_the_clinic_sharing_it_escaped():
    alone = embed_page(MATERIAL_LIKE, "aftercare/index.html", site_name="Microneedling, explained")
    assert '<header class="embed__source"><p><strong>Microneedling, explained</strong>: independent information</p></header>' in alone
    shared = embed_page(MATERIAL_LIKE, "aftercare/index.html", site_name="Site", clinic_name='Skin & Co <script>"x"</script>')
    assert ": independent information, shared by Skin &amp; Co &lt;script&gt;&quot;x&quot;&lt;/script&gt;</p>" in shared
    assert "<script>\"x\"" not in shared
