"""Chrome-less embed pages, made from the built full pages.

Clinics show these in an iframe on their own sites.  Each embed page keeps
the full page's article (content, clinic box, review dates) and stylesheets,
and drops the header, navigation, search, footer and Material's scripts:
those read localStorage at start-up, which throws in a frame whose storage
the browser blocks, and an embed page needs none of them.

`<base href=... target="_blank">` points every relative address at the full
page's folder, so assets load as they do there and every link opens the full
site in a new tab, never inside the frame.  Pure string functions: full page
HTML in, embed page HTML out.
"""
from __future__ import annotations

import re
from html import escape
from pathlib import Path

from ..urls import folder_of as page_folder, to_site_root

EMBED_DIR = "embed"
# Scripts an embed page does without: Material's bundle, search, and the
# loader that starts them (overrides/main.html).
NOT_EMBEDDED = re.compile(r"/(?:bundle\.[0-9a-f]+\.min|search-on-demand|search-dialog|search-hint|material-on-demand)\.js$")
ON_DEMAND_SCRIPTS = re.compile(r'data-scripts="([^"]*)"')
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
# Stylesheets and the site icon (without it, browsers ask for /favicon.ico).
HEAD_LINKS = re.compile(r'<link rel="(?:stylesheet|icon)" href="[^"]*">')
# Inline styles of the head, with their <noscript> wrapper where they have one.
INLINE_STYLE = re.compile(r"<noscript><style>.*?</style></noscript>|<style>.*?</style>", re.S)
SCRIPT_SRC = re.compile(r'<script src="([^"]*)"[^>]*></script>')


class NotAContentPage(ValueError):
    pass


def _first(pattern: str, html: str) -> str:
    match = re.search(pattern, html, re.S)
    return match.group(1) if match else ""


def embed_path(html_path: str) -> str:
    return f"{EMBED_DIR}/{html_path}"


def base_href(html_path: str) -> str:
    """From embed/<folder>/ back up to the full page's <folder>/."""
    folder = page_folder(html_path)
    return "../" * (folder.count("/") + 1) + folder


def source_line(site_name: str, clinic_name: str = "") -> str:
    """Who the embedded information is from: the independent site, and the
    clinic sharing it when one is set, so the two are never confused."""
    shared = f", shared by {escape(clinic_name)}" if clinic_name else ""
    return f'<header class="embed__source"><p><strong>{escape(site_name)}</strong>: independent information{shared}</p></header>'


def embed_page(full_html: str, html_path: str, site_name: str = "", clinic_name: str = "") -> str:
    """The embed version of one built full page."""
    article = ARTICLE.search(full_html)
    if not article:
        raise NotAContentPage(f"{html_path}: no Material article found")
    content = HEADERLINK.sub("", article.group(1)).strip()
    lang = _first(r'<html lang="([^"]*)"', full_html) or "en"
    # Material's layout rules (icon and list positions) all start with
    # [dir=ltr] or [dir=rtl]: the embed page keeps the full page's direction.
    direction = _first(r'<body[^>]* dir="([^"]*)"', full_html) or "ltr"
    title = _first(r"<title>(.*?)</title>", full_html)
    description = _first(r'<meta name="description" content="([^"]*)">', full_html)
    canonical = _first(r'<link rel="canonical" href="([^"]*)">', full_html)
    styles = "\n".join(HEAD_LINKS.findall(full_html) + INLINE_STYLE.findall(full_html.split("</head>", 1)[0]))
    # Scripts after the article (those inside it, like the calculator's, come
    # with the content), including those the full page loads on first use
    # (data-scripts); an embed page keeps only the site's own.
    tail = full_html[article.end():]
    sources = SCRIPT_SRC.findall(tail) + " ".join(ON_DEMAND_SCRIPTS.findall(tail)).split()
    scripts = "\n".join(f'<script src="{src}" defer></script>' for src in sources if not NOT_EMBEDDED.search(src))
    embed_script = to_site_root(html_path) + "assets/javascripts/embed.js"  # relative to <base>
    clinic_strip = _first(r'(<aside class="clinic-strip".*?</aside>)', full_html)
    canonical_link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<base href="{base_href(html_path)}" target="_blank">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title}</title>
<meta name="description" content="{description}">
<meta name="robots" content="noindex">
{canonical_link}
{styles}
</head>
<body dir="{direction}" class="embed-page">
<div class="embed" data-embed>
{source_line(site_name, clinic_name) if site_name else ""}
{clinic_strip}
<main class="md-content">
<article class="md-content__inner md-typeset">
{content}
<p class="embed__full-page"><a href="./">Open the full page<span class="md-visually-hidden">: {title}</span></a> (opens in a new tab)</p>
</article>
</main>
</div>
{scripts}
<script src="{embed_script}" defer></script>
</body>
</html>
"""


def write_embed_pages(site_dir: Path, skip: frozenset[str] = frozenset(), site_name: str = "", clinic_name: str = "") -> None:
    """Write embed/<page> for every built content page.

    `skip` holds built paths of pages that get no embed version; each page
    names the site and the clinic sharing it (source_line)."""
    for page in sorted(site_dir.rglob("index.html")):
        html_path = page.relative_to(site_dir).as_posix()
        if html_path.startswith(EMBED_DIR + "/") or html_path in skip:
            continue
        try:
            html = embed_page(page.read_text(encoding="utf-8"), html_path, site_name, clinic_name)
        except NotAContentPage:
            continue
        target = site_dir / embed_path(html_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
