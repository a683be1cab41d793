"""Security headers for the built site: a `_headers` file (Netlify and
Cloudflare Pages) and the same rules as an nginx snippet.

The Content-Security-Policy allows no 'unsafe-inline'.  Material puts a few
small inline scripts in every page; their sha256 hashes are computed here
from the built pages (they change with Material's version, so they are never
typed by hand).  Full pages may only be framed by this site; embed pages also
by the clinic origins in docs/_data/clinic.yml (or by any HTTPS site when
that list is empty).

Rules never overlap for the same header: hosts that merge matching rules
would otherwise join two policies, and browsers enforce both.
"""
from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from .problems import Problem

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
INLINE_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
STYLE_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*\sstyle=\"")
DATA_BLOCK = re.compile(r'type="application/(?:ld\+)?json"')

COMMON_HEADERS = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
                          "microphone=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
}


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_hashes(html: str) -> tuple[set[str], set[str]]:
    """Hashes of the executable inline scripts and of the inline styles of a page.

    JSON data blocks (<script type="application/json">, JSON-LD) are never
    run, so CSP does not govern them."""
    scripts = {sha256_source(body) for attrs, body in INLINE_SCRIPT.findall(html) if not DATA_BLOCK.search(attrs)}
    styles = {sha256_source(body) for body in INLINE_STYLE.findall(html)}
    return scripts, styles


def content_security_policy(script_hashes: Iterable[str], style_hashes: Iterable[str], frame_ancestors: str) -> str:
    scripts = " ".join(["'self'", *sorted(script_hashes)])
    styles = " ".join(["'self'", *sorted(style_hashes)])
    return "; ".join([
        "default-src 'none'",
        f"script-src {scripts}",
        f"style-src {styles}",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",  # Material's instant navigation and search index
        "worker-src 'self'",  # Material's search worker
        "manifest-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'",
        f"frame-ancestors {frame_ancestors}",
    ])


def frame_ancestors(origins: tuple[str, ...] | None) -> str:
    """'self' plus the clinic origins; None means any HTTPS site."""
    return " ".join(["'self'", *(origins if origins is not None else ("https:",))])


def page_paths(html_path: str) -> list[str]:
    """URL paths a host may receive for a built page ('a/index.html' → '/a/', '/a/index.html')."""
    if html_path == "index.html":
        return ["/", "/index.html"]
    if html_path.endswith("/index.html"):
        folder = "/" + html_path.removesuffix("index.html")
        return [folder, folder + "index.html"]
    return ["/" + html_path]


def style_attribute_problems(site_dir: Path) -> list[Problem]:
    """style="" attributes are blocked by a CSP without 'unsafe-inline': report them."""
    problems = []
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        match = STYLE_ATTRIBUTE.search(html)
        if match:
            line = html.count("\n", 0, match.start()) + 1
            problems.append(Problem(f"site/{page.relative_to(site_dir).as_posix()}", line, 1, "",
                                    "an inline style=\"...\" attribute; the Content-Security-Policy blocks it. "
                                    "Move the style into overrides/partials/site.css and use a class"))
    return problems


def site_policies(site_dir: Path, embed_dir: str, embed_origins: tuple[str, ...] | None) -> tuple[list[str], str, str]:
    """(full page paths, full page CSP, embed page CSP) from the built pages."""
    scripts: set[str] = set()
    styles: set[str] = set()
    full_pages = []
    for page in sorted(site_dir.rglob("*.html")):
        html_path = page.relative_to(site_dir).as_posix()
        page_scripts, page_styles = inline_hashes(page.read_text(encoding="utf-8"))
        scripts |= page_scripts
        styles |= page_styles
        if not html_path.startswith(embed_dir + "/"):
            full_pages.append(html_path)
    full = content_security_policy(scripts, styles, "'self'")
    embed = content_security_policy(scripts, styles, frame_ancestors(embed_origins))
    return full_pages, full, embed


def headers_file(full_pages: list[str], full_csp: str, embed_dir: str, embed_csp: str) -> str:
    """Netlify / Cloudflare Pages `_headers`."""
    lines = ["# Written by the build (macros/security_headers.py); do not edit.", "/*"]
    lines += [f"  {name}: {value}" for name, value in COMMON_HEADERS.items()]
    for html_path in full_pages:
        for path in page_paths(html_path):
            lines += [path, f"  Content-Security-Policy: {full_csp}", "  X-Frame-Options: SAMEORIGIN"]
    lines += [f"/{embed_dir}/*", f"  Content-Security-Policy: {embed_csp}"]
    return "\n".join(lines) + "\n"


def nginx_snippet(full_csp: str, embed_dir: str, embed_csp: str) -> str:
    """The same headers for nginx: include it inside the site's `server { }` block.

    nginx drops a server's add_header lines inside any location that has its
    own, so the embed location repeats the common ones."""
    def add(headers: dict[str, str], indent: str) -> list[str]:
        return [f'{indent}add_header {name} "{value}" always;' for name, value in headers.items()]

    lines = ["# Written by the build (macros/security_headers.py); do not edit.",
             "# Include inside the server { } block that serves the built site/ folder."]
    lines += add({**COMMON_HEADERS, "Content-Security-Policy": full_csp, "X-Frame-Options": "SAMEORIGIN"}, "")
    lines += [f"location /{embed_dir}/ {{"]
    lines += add({**COMMON_HEADERS, "Content-Security-Policy": embed_csp}, "    ")
    lines += ["}"]
    return "\n".join(lines) + "\n"


def write_security_headers(site_dir: Path, embed_dir: str, embed_origins: tuple[str, ...] | None) -> list[Problem]:
    """Write site/_headers and site/nginx-security-headers.conf; return problems that block it."""
    problems = style_attribute_problems(site_dir)
    if problems:
        return problems
    full_pages, full_csp, embed_csp = site_policies(site_dir, embed_dir, embed_origins)
    (site_dir / "_headers").write_text(headers_file(full_pages, full_csp, embed_dir, embed_csp), encoding="utf-8")
    (site_dir / "nginx-security-headers.conf").write_text(nginx_snippet(full_csp, embed_dir, embed_csp), encoding="utf-8")
    return []
