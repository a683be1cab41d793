"""Hostile page text and hostile clinic settings against the policy the build
writes (classes 3, 4, 8 and 10 of the security review).

Only the theme's own inline scripts are approved; any other script, event
handler, `javascript:` address, inline style or file from another host stops
the build with the file and line.  `embed_origins` reaches the headers only
as `https://host[:port]`.  Every page carries the policy itself (for hosts
that send no headers), and `_headers` stays small as pages are added."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import material
from pipeline.after_build import page_safety
from pipeline.data.checks import Checker
from pipeline.data.origins import embed_origins, origin_problem
from pipeline.after_build.security_headers import (
    MAX_RULES,
    content_security_policy,
    frame_ancestors,
    header_value,
    meta_policy,
    nginx_snippet,
    with_page_policy,
    write_security_headers,
)
from pipeline.data.strict_yaml import load as load_yaml
from site_checks.sitebuild import ROOT, build, copy_project, headers_for, parse_headers_file

SITE = "https://clinic.example/microneedling/"
PATTERNS = page_safety.template_script_patterns()


def material_script(partial: str) -> str:
    """An inline script exactly as Material's template writes it, with `base_url` '..'."""
    text = (page_safety.material_templates() / "partials" / "javascripts" / partial).read_text(encoding="utf-8")
    body = re.search(r"<script>(.*?)</script>", text, re.S).group(1)
    return re.sub(r"\{\{.*?\}\}", "..", body)


def findings(body_html: str) -> list[str]:
    page = f'<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>{body_html}</body></html>'
    return [f.what for f in page_safety.scan_page(page, PATTERNS, SITE).findings]


# ---- class 3: only the theme's own inline scripts -------------------------------------------

def test_the_reviewed_list_is_the_installed_materials_list():
    """A Material upgrade that adds or removes an inline-script partial must be reviewed here first."""
    installed = sorted(p.name for p in (page_safety.material_templates() / "partials" / "javascripts").glob("*.html"))
    assert installed == sorted(page_safety.MATERIAL_SCRIPT_PARTIALS)
    assert material.__version__ == page_safety.MATERIAL_REVIEWED_VERSION


def test_materials_own_scripts_are_approved_and_hashed():
    scripts = [material_script(name) for name in ("base.html", "palette.html")]
    scan = page_safety.scan_page("<head></head><body>" + "".join(f"<script>{s}</script>" for s in scripts), PATTERNS, SITE)
    assert scan.findings == [] and scan.known_scripts == scripts


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT>",
    '<script type="text/javascript">alert(1)</script>',
    '<script type="module">alert(1)</script>',
    "<svg><script>alert(1)</script></svg>",
    # One of Material's scripts with a statement added, or a template value that breaks out of its string.
    "<script>" + material_script("content.html") + ";alert(1)</script>",
    "<script>" + material_script("base.html").replace('URL("..",', 'URL("",alert(1),"",', 1) + "</script>",
])
def test_any_other_inline_script_is_refused(hostile):
    assert any("inline <script>" in f for f in findings(hostile)), findings(hostile)


def test_data_blocks_are_not_scripts():
    assert findings('<script type="application/ld+json">{"@type": "MedicalWebPage"}</script>') == []


@pytest.mark.parametrize("hostile, words", [
    ('<img src="a.png" alt="" onerror="alert(1)">', "event handler (onerror"),
    ('<p ONCLICK="alert(1)">x</p>', "event handler (onclick"),
    ('<svg onload=alert(1)></svg>', "event handler (onload"),
    ('<a href="javascript:alert(1)">x</a>', "script address"),
    ('<a href=" jav&#x09;ascript:alert(1)">x</a>', "script address"),
    ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "script address"),
    ('<iframe src="javascript:alert(1)"></iframe>', "script address"),
    ('<img src="https://tracker.example/p.gif" alt="">', "another host (tracker.example)"),
    ('<img src="//tracker.example/p.gif" alt="">', "another host (tracker.example)"),
    ('<img src="\\\\tracker.example/p.gif" alt="">', "another host (tracker.example)"),
    ('<img src="a.png" srcset="a.png 1x, https://cdn.example/b.png 2x" alt="">', "another host (cdn.example)"),
    ('<iframe src="https://video.example/embed/1"></iframe>', "another host (video.example)"),
    ('<link rel="preconnect" href="https://fonts.example">', "another host (fonts.example)"),
    ('<script src="https://cdn.example/lib.js"></script>', "another host (cdn.example)"),
    ('<form action="https://collect.example/"><button>Send</button></form>', "another host (collect.example)"),
    ('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', "srcdoc"),
    ('<meta http-equiv="refresh" content="0;url=https://elsewhere.example/">', "refresh"),
    ("<p style='color:red'>x</p>", "inline style attribute"),
    ('<p style="color:red">x</p>', "inline style attribute"),
    ("<p style=color:red>x</p>", "inline style attribute"),
    ("<style>body{display:none}</style>", "<style> element in the page"),
    ("<head><style>body{display:none}</style></head>", "<style> element in the page"),
])
def test_hostile_markup_is_found(hostile, words):
    found = findings(hostile)
    assert any(words in f for f in found), found


def test_ordinary_content_passes():
    assert findings('<p>See <a href="https://doi.org/10.1000/1">the study</a>, <a href="../faq/">FAQ</a>, '
                    '<a href="tel:+44207">call</a>.</p><img src="../assets/images/x.svg" alt="">'
                    f'<link rel="canonical" href="{SITE}faq/"><img src="data:image/png;base64,AA==" alt="">') == []


def hostile_page_lines() -> list[tuple[str, str]]:
    """(Markdown line, words the build must report for it): what gets past the
    check of page text before rendering (pipeline/pages/page_check.py, which stops
    <script>, <link>, <form>, on...= and javascript: first: tests/security/test_hostile_builds.py)
    and is caught in the built page, reported at its Markdown line."""
    return [
        ('<img src="https://tracker.example/pixel.gif" alt="">', "another host (tracker.example)"),
        ("<p style='color:red'>Red text</p>", "inline style attribute"),
    ]


def test_the_build_stops_at_each_hostile_line_of_a_page(tmp_path):
    project = copy_project(tmp_path / "project", ROOT)
    page = project / "docs" / "faq.md"
    before = page.read_text(encoding="utf-8")
    hostile = hostile_page_lines()
    page.write_text(before + "\n" + "\n\n".join(line for line, _ in hostile) + "\n", encoding="utf-8")
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, "a page with script must not build"
    assert not (project / "site" / "faq" / "index.html").exists(), "nothing half-built is left"
    first_line = before.count("\n") + 2
    for index, (_, words) in enumerate(hostile):
        line = first_line + 2 * index
        reported = [x for x in output.splitlines() if f"docs/faq.md:{line}:" in x]
        assert any(words in x for x in reported), f"line {line} ({words}) not reported:\n{output[-4000:]}"
    assert "Traceback" not in output


# ---- class 4: embed_origins reach headers only as https://host[:port] -------------------------

@pytest.mark.parametrize("hostile", [
    "https://a.example; script-src *",
    "https://a.example'",
    'https://a.example"',
    "https://a.example\nX-Injected: 1",
    "https://a.example\r\n",
    "https://a.example add_header X 1",
    "https://a.example/path",
    "https://a.example:99999",
    "https://*.com",
    "https://a.*.example",
    "http://a.example",
    "ftp://a.example",
    "https://user@a.example",
    "https://a.example?x",
    "*",
    "https:",
    " https://a.example",
])
def test_an_origin_that_could_change_the_headers_is_refused(hostile):
    assert origin_problem(hostile), hostile


@pytest.mark.parametrize("good", ["https://www.riverside-clinic.example", "https://clinic.example:8443",
                                  "https://*.riverside-clinic.example", "http://127.0.0.1:8123"])
def test_a_plain_origin_is_accepted(good):
    assert origin_problem(good) is None


def check_origins(tmp_path: Path, text: str):
    path = tmp_path / "clinic.yml"
    path.write_text(text, encoding="utf-8")
    data, problems = load_yaml(path, "clinic.yml")
    check = Checker("clinic.yml", data)
    return embed_origins(check, data.value.get("embed_origins")), [str(p) for p in check.problems]


def test_a_hostile_origin_is_reported_at_its_line_and_never_used(tmp_path):
    origins, problems = check_origins(tmp_path, 'name: x\nembed_origins:\n  - https://ok.example\n  - "https://a.example; script-src *"\n')
    assert origins == ("https://ok.example",)
    assert len(problems) == 1 and problems[0].startswith("clinic.yml:4:5: embed_origins[1]:") and "not a web origin" in problems[0]


def test_an_empty_list_means_what_the_embedding_page_says(tmp_path):
    """docs/embedding.md: 'or by any secure (HTTPS) site when that list is empty'."""
    page = (ROOT / "docs" / "embedding.md").read_text(encoding="utf-8")
    assert "any secure (HTTPS) site when that list is empty" in page
    for text in ("embed_origins:\n", "embed_origins: []\n", "embed_origins: '*'\n"):
        origins, problems = check_origins(tmp_path, "name: x\n" + text)
        assert problems == [] and frame_ancestors(origins) == "'self' https:", text


def test_headers_are_written_only_from_safe_values():
    with pytest.raises(ValueError):
        frame_ancestors(("https://a.example; script-src *",))
    for value in ("a\nb", "a\rb", 'a"b', "a$host", "a\\b"):
        with pytest.raises(ValueError):
            header_value(value)
    with pytest.raises(ValueError):
        nginx_snippet("default-src 'none'", "/$request_uri/", "embed", "x")


# ---- class 8: the policy inside every page, for hosts without headers -------------------------

PAGE = ('<!doctype html><html><head><meta charset="utf-8"><script>s()</script></head><body>'
        '<a href="https://doi.org/10.1/x">DOI</a> <a href="https://pubmed.example/1" rel="external">PubMed</a> '
        f'<a href="{SITE}faq/">own</a> <a href="../faq/">relative</a> <a href="tel:+44">call</a></body></html>')


def test_every_page_carries_the_policy_before_any_script_and_a_referrer_policy():
    policy = content_security_policy({"'sha256-x'"}, set(), "'self'")
    page = with_page_policy(PAGE, policy, SITE)
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert meta and meta.start() < page.index("<script>"), "the policy must come before the first script"
    assert "script-src 'self' 'sha256-x'" in meta.group(1) and "default-src 'none'" in meta.group(1)
    assert "frame-ancestors" not in meta.group(1), "browsers ignore frame-ancestors in <meta> (and log an error)"
    assert '<meta name="referrer" content="no-referrer">' in page
    assert meta_policy(policy) + "; frame-ancestors 'self'" == policy


def test_links_to_other_sites_send_no_referrer():
    page = with_page_policy(PAGE, "default-src 'none'", SITE)
    assert '<a href="https://doi.org/10.1/x" rel="noopener noreferrer">' in page
    assert '<a href="https://pubmed.example/1" rel="external noopener noreferrer">' in page
    assert f'<a href="{SITE}faq/">' in page and '<a href="../faq/">' in page and '<a href="tel:+44">' in page


def test_an_address_spelt_with_character_references_is_still_another_site():
    """Only links with ":" or "&" are looked at (security_headers.ANCHOR): a
    scheme written as references has no ":" but still leads away."""
    page = with_page_policy('<p><a href="&#104;ttps&#58;//tracker.example/">x</a> <a class="a" href="../faq/">y</a></p>',
                            "default-src 'none'", SITE)
    assert '<a href="&#104;ttps&#58;//tracker.example/" rel="noopener noreferrer">' in page
    assert '<a class="a" href="../faq/">' in page


@pytest.mark.parametrize("address", ["//tracker.example/x", "/\\tracker.example/x", " //tracker.example/", "&#47;/tracker.example/"])
def test_an_address_without_a_scheme_that_leads_to_another_site_is_another_site(address):
    """A browser reads "//host/..." (and "/\\host", "\\" being "/" in web addresses) on the
    page's own scheme: another site all the same."""
    page = with_page_policy(f'<p><a href="{address}">x</a> <a href="/faq/">y</a> <a href="//{SITE.split("//")[1]}faq/">z</a></p>',
                            "default-src 'none'", SITE)
    assert f'<a href="{address}" rel="noopener noreferrer">' in page
    assert '<a href="/faq/">' in page, "an address on this site"
    assert f'<a href="//{SITE.split("//")[1]}faq/">' in page, "this site, on its own scheme"


# ---- class 10: _headers stays within Cloudflare's 100 rules as pages grow -------------------

def small_site(root: Path, sections: int, pages_per_section: int, top_level_pages: int = 0) -> Path:
    page = '<!doctype html><html><head><meta charset="utf-8"><title>p</title></head><body><p>Text</p></body></html>'
    for section in range(sections):
        for number in range(pages_per_section):
            path = root / f"section-{section}" / f"page-{number}" / "index.html"
            path.parent.mkdir(parents=True)
            path.write_text(page, encoding="utf-8")
    for number in range(top_level_pages):
        (root / f"top-{number}").mkdir(parents=True)
        (root / f"top-{number}" / "index.html").write_text(page, encoding="utf-8")
    (root / "index.html").write_text(page, encoding="utf-8")
    return root


def test_the_headers_file_does_not_grow_with_pages_in_sections(tmp_path):
    few = small_site(tmp_path / "few", sections=4, pages_per_section=3)
    many = small_site(tmp_path / "many", sections=4, pages_per_section=150)
    counts = []
    for site in (few, many):
        assert write_security_headers(site, "embed", None, SITE) == []
        rules = parse_headers_file((site / "_headers").read_text(encoding="utf-8"))
        counts.append(len(rules))
        csp = headers_for(rules, "/microneedling/section-3/page-149/")["Content-Security-Policy"]
        assert "default-src 'none'" in csp
    assert counts[0] == counts[1] <= 10, counts


def test_a_site_that_would_pass_the_rule_limit_fails_the_build_with_advice(tmp_path):
    site = small_site(tmp_path / "flat", sections=0, pages_per_section=0, top_level_pages=MAX_RULES)
    problems = write_security_headers(site, "embed", None, SITE)
    assert len(problems) == 1 and "over Cloudflare Pages' limit of 100" in problems[0].message
    assert "group pages into sections" in problems[0].message
    assert not (site / "_headers").exists()


def test_a_top_level_name_that_a_rule_cannot_hold_is_refused(tmp_path):
    site = small_site(tmp_path / "site", sections=1, pages_per_section=1)
    (site / "bad name\n  X-Injected: 1").mkdir()
    problems = write_security_headers(site, "embed", None, SITE)
    assert len(problems) == 1 and "a headers rule cannot hold" in problems[0].message
    assert not (site / "_headers").exists()


@pytest.mark.parametrize("hostile, words", [
    ("<script>alert(document.cookie)</script>", "inline <script>"),
    ('<rect width="1" height="1" onclick="alert(1)"/>', "event handler (onclick"),
    ('<a href="javascript:alert(1)"><text>x</text></a>', "script address"),
    ('<image href="https://tracker.example/p.png" width="1" height="1"/>', "another host (tracker.example)"),
    ('<foreignObject width="10" height="10"><p>HTML</p></foreignObject>', "foreignObject"),
])
def test_an_svg_with_script_is_refused_and_its_own_styles_are_not(tmp_path, hostile, words):
    """An SVG opened on its own runs its scripts as a page of this site (GitHub Pages sends no policy)."""
    site = small_site(tmp_path / "site", sections=1, pages_per_section=1)
    (site / "assets").mkdir()
    drawing = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><style>rect{{fill:#123}}</style>'
               '<rect style="stroke:#000" width="5" height="5"/>{}</svg>')
    (site / "assets" / "ok.svg").write_text(drawing.format(""), encoding="utf-8")
    assert write_security_headers(site, "embed", None, SITE) == []
    (site / "assets" / "bad.svg").write_text(drawing.format(hostile), encoding="utf-8")
    problems = write_security_headers(site, "embed", None, SITE)
    assert [p.file for p in problems] == ["site/assets/bad.svg"] and words in problems[0].message, problems
