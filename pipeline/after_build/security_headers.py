"""Security headers for the built site: a `_headers` file (Netlify and
Cloudflare Pages), the same rules as an nginx snippet, and, for hosts that
send no headers at all (GitHub Pages), the same policy in every page.

The Content-Security-Policy allows no 'unsafe-inline'.  Material puts a few
small inline scripts in every page; only those (page_safety.py) are hashed
into the policy, from the built pages, so they are never typed by hand.  A
page with any other inline script, event handler, `javascript:` address or
file from another host stops the build.  Full pages may only be framed by
this site; embed pages also by the clinic origins in docs/_data/clinic.yml
(or by any HTTPS site when that list is empty).

Rules never overlap for the same header: hosts that merge matching rules
would otherwise join two policies, and browsers enforce both.  They are
written per top-level entry of the site (`/conditions/*`), not per page, so
the file stays far below Cloudflare's 100 rules as pages are added.
"""
from __future__ import annotations

import base64
import hashlib
import html as html_text
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import urlsplit

from . import page_safety
from ..data.origins import is_origin
from ..data.problems import Problem, locate

COMMON_HEADERS = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
                          "microphone=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
}
HEADERS_FILE = "_headers"
NGINX_FILE = "nginx-security-headers.conf"
MAX_RULES = 100  # Cloudflare Pages' documented limit for _headers
# What a path segment may hold to be written into a rule as it is.
PLAIN_SEGMENT = re.compile(r"[A-Za-z0-9._~-]+")
# Directives a <meta> policy cannot carry (browsers ignore them there, with a console error).
NOT_IN_META = ("frame-ancestors", "report-uri", "report-to", "sandbox")
UNSAFE_IN_HEADER = re.compile(r'[\x00-\x1f\x7f"\\$]')  # line breaks, nginx quoting and variables
META_CHARSET = '<meta charset="utf-8">'
# A link whose address could name another site: only a tag with ":" (a
# scheme), "&" (a character reference, which could spell one) or an address
# starting "//" (or "/" and a backslash, which browsers read as "/"; another
# host on the page's own scheme) can;
# the others (most of a page's links) are passed over without a look.
ANCHOR = re.compile(r'<a\s[^>:&]*?(?:[:&]|href="\s*(?:/[/\\]|\\))[^>]*>')
HREF = re.compile(r'\shref="([^"]*)"')
REL = re.compile(r'\srel="([^"]*)"')


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


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


def meta_policy(policy: str) -> str:
    """The policy as a <meta> element can carry it (no frame-ancestors)."""
    return "; ".join(d for d in policy.split("; ") if d.split(" ", 1)[0] not in NOT_IN_META)


def frame_ancestors(origins: tuple[str, ...] | None) -> str:
    """'self' plus the clinic origins; None means any HTTPS site.

    The origins were checked when the clinic file was loaded; they are
    checked again here because they go into a header verbatim."""
    for origin in origins or ():
        if not is_origin(origin):
            raise ValueError(f"not a web origin, refused in a header: {origin!r}")
    return " ".join(["'self'", *(origins if origins is not None else ("https:",))])


def header_value(value: str) -> str:
    """A value as written into `_headers` and the nginx file: refused if it could
    end the line, the nginx string or name an nginx variable."""
    if UNSAFE_IN_HEADER.search(value):
        raise ValueError(f"refused in a header (line break, quote, backslash or $): {value!r}")
    return value


def path_prefix(site_url: str) -> str:
    """The folder the site is published in: '/' or e.g. '/microneedling/'."""
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


# The calculator's scripts are ES modules, which browsers fetch with CORS: an
# embed frame sandboxed without allow-same-origin has the origin "null" and
# may load them only with this header.  The files under assets/ are public.
ASSETS = "assets"
SHARED_FILES = {"Access-Control-Allow-Origin": "*"}


def header_rules(entries: Iterable[tuple[str, bool]], prefix: str, embed_dir: str, full_csp: str, embed_csp: str
                 ) -> list[tuple[str, dict[str, str]]]:
    """(path pattern, headers) for `_headers`, from the site's top-level
    entries (name, is a folder).  Every file gets the common headers; every
    file outside embed/ the full policy; embed/ its own."""
    full = {"Content-Security-Policy": full_csp, "X-Frame-Options": "SAMEORIGIN"}
    rules = [(prefix + "*", COMMON_HEADERS), (prefix, full)]
    for name, is_folder in sorted(entries):
        if name != embed_dir:
            rules.append((f"{prefix}{name}/*" if is_folder else prefix + name, {**full, **SHARED_FILES} if name == ASSETS else full))
    rules.append((f"{prefix}{embed_dir}/*", {"Content-Security-Policy": embed_csp}))
    return rules


def headers_file(rules: list[tuple[str, dict[str, str]]]) -> str:
    """Netlify / Cloudflare Pages `_headers`."""
    lines = ["# Written by the build (pipeline/after_build/security_headers.py); do not edit."]
    for pattern, headers in rules:
        lines.append(header_value(pattern))
        lines += [f"  {name}: {header_value(value)}" for name, value in headers.items()]
    return "\n".join(lines) + "\n"


def nginx_snippet(full_csp: str, prefix: str, embed_dir: str, embed_csp: str, language_folders: tuple[str, ...] = ()) -> str:
    """The same headers for nginx: include it inside the site's `server { }` block.

    nginx drops a server's add_header lines inside any location that has its
    own, so the embed location repeats the common ones.  `always` sends them
    with error pages too, such as the site's not-found page.  A language's
    folder (es/) has its own not-found page, in its language."""
    def add(headers: dict[str, str], indent: str) -> list[str]:
        return [f'{indent}add_header {name} "{header_value(value)}" always;' for name, value in headers.items()]

    lines = ["# Written by the build (pipeline/after_build/security_headers.py); do not edit.",
             "# Include inside the server { } block that serves the built site/ folder."]
    lines += add({**COMMON_HEADERS, "Content-Security-Policy": full_csp, "X-Frame-Options": "SAMEORIGIN"}, "")
    lines += [f"error_page 404 {header_value(prefix)}404.html;"]
    lines += [f"location {header_value(prefix + ASSETS)}/ {{"]
    lines += add({**COMMON_HEADERS, "Content-Security-Policy": full_csp, "X-Frame-Options": "SAMEORIGIN", **SHARED_FILES}, "    ")
    lines += ["}"]
    lines += [f"location {header_value(prefix + embed_dir)}/ {{"]
    lines += add({**COMMON_HEADERS, "Content-Security-Policy": embed_csp}, "    ")
    lines += ["}"]
    for folder in language_folders:
        lines += [f"location {header_value(prefix + folder)}/ {{"]
        lines += add({**COMMON_HEADERS, "Content-Security-Policy": full_csp, "X-Frame-Options": "SAMEORIGIN"}, "    ")
        lines += [f"    error_page 404 {header_value(prefix + folder)}/404.html;", "}"]
    return "\n".join(lines) + "\n"


def with_page_policy(page: str, policy: str, site_url: str) -> str:
    """A built page with the policy and a referrer policy in <meta> elements
    (for hosts that send no headers) and rel="noopener noreferrer" on links
    to other sites.  The <meta> policy comes first in <head>: it only
    governs what follows it."""
    metas = (f'\n<meta http-equiv="Content-Security-Policy" content="{html_text.escape(meta_policy(policy), quote=False)}">'
             '\n<meta name="referrer" content="no-referrer">')
    at = page.find(META_CHARSET)
    at = at + len(META_CHARSET) if at >= 0 else page.find(">", page.find("<head")) + 1
    page = page[:at] + metas + page[at:]
    own = urlsplit(site_url)

    def no_referrer(match: re.Match) -> str:
        tag = match.group(0)
        href = HREF.search(tag)
        value = href.group(1) if href else ""
        if not (":" in value or "&" in value or value.lstrip().startswith(("//", "/\\", "\\"))):
            return tag  # no other site without a ":" (or a character reference, which could spell one) or a leading "//"
        # Browsers read a backslash as "/" in web addresses, and "//host/..." on this site's own scheme.
        target = urlsplit(html_text.unescape(value).strip().replace("\\", "/"))
        scheme = target.scheme or own.scheme or "https"
        if scheme not in {"http", "https"} or (scheme, target.netloc) == (own.scheme, own.netloc):
            return tag
        rel = REL.search(tag)
        if rel:
            tokens = " ".join(dict.fromkeys([*rel.group(1).split(), "noopener", "noreferrer"]))
            return tag[:rel.start()] + f' rel="{tokens}"' + tag[rel.end():]
        return tag[:-1] + ' rel="noopener noreferrer">'

    return ANCHOR.sub(no_referrer, page)


def _problem(finding: page_safety.Finding, built: str, source: tuple[str, Path] | None) -> Problem:
    """Where to fix it: the Markdown line when the text is found there, else the built page's line."""
    if source is not None:
        source_name, path = source
        text = path.read_text(encoding="utf-8")
        if finding.evidence in text:
            line, column = locate(text, finding.evidence)
            return Problem(source_name, line, column, "", f"{finding.what} (built page site/{built}, line {finding.line})")
    return Problem(f"site/{built}", finding.line, 1, "", finding.what)


def scan_site(site_dir: Path, pages: dict[Path, str], embed_dir: str, site_url: str,
              sources: dict[str, tuple[str, Path]]) -> tuple[set[str], set[str], list[Problem]]:
    """(hashes of the approved inline scripts, hashes of the head's styles,
    problems) of every built page (path → its text) and SVG image, each problem once."""
    patterns = page_safety.template_script_patterns()
    scripts: set[str] = set()
    styles: set[str] = set()
    problems: dict[str, Problem] = {}
    for page, text in pages.items():
        built = page.relative_to(site_dir).as_posix()
        scan = page_safety.scan_page(text, patterns, site_url)
        scripts |= {sha256_source(body) for body in scan.known_scripts}
        styles |= {sha256_source(body) for body in scan.styles}
        source = sources.get(built.removeprefix(embed_dir + "/"))
        _add_located(problems, scan.findings, built, source)
    # An SVG opened on its own is a document of this site: no script in it either.
    for image in sorted(site_dir.rglob("*.svg")):
        built = image.relative_to(site_dir).as_posix()
        scan = page_safety.scan_page(image.read_text(encoding="utf-8", errors="replace"), patterns, site_url, image=True)
        _add_located(problems, scan.findings, built, sources.get(built))
    return scripts, styles, list(problems.values())


def _add_located(problems: dict[str, Problem], findings: list[page_safety.Finding], built: str,
                 source: tuple[str, Path] | None) -> None:
    """Each finding as a Problem, once: an embed copy repeats its full page's."""
    for finding in findings:
        problem = _problem(finding, built, source)
        problems.setdefault(f"{problem.file}:{problem.line}:{finding.what}", problem)


def write_security_headers(site_dir: Path, embed_dir: str, embed_origins: tuple[str, ...] | None, site_url: str,
                           sources: dict[str, tuple[str, Path]] | None = None, policy_in_pages: bool = True,
                           unwritten: Mapping[str, str] | None = None) -> list[Problem]:
    """Check every built page, then write `_headers`, the nginx snippet and each
    page's <meta> policy; return the problems that block it (nothing written).

    `sources` maps a built page ('aftercare/index.html') to its Markdown file
    (name to show, path), so that a problem names the line to fix.
    `policy_in_pages` False leaves the pages as built: the live preview adds
    an inline reload script that a <meta> policy would block.
    `unwritten`: pages not yet on disk (built path → HTML, the embed pages),
    checked like the others and written here once, with their policy (as
    built when there are problems or no policy in pages)."""
    new_pages = {site_dir / built: text for built, text in (unwritten or {}).items()}
    for page in new_pages:
        page.parent.mkdir(parents=True, exist_ok=True)
    # Full pages first: a problem is then shown with the full page's line, not the embed copy's.
    # Each read once, for the scan and for its policy.
    pages = {page: new_pages[page] if page in new_pages else page.read_text(encoding="utf-8")
             for page in sorted({*site_dir.rglob("*.html"), *new_pages},
                                key=lambda p: (p.relative_to(site_dir).parts[0] == embed_dir, p))}
    scripts, styles, problems = scan_site(site_dir, pages, embed_dir, site_url, sources or {})

    def blocked(found: list[Problem]) -> list[Problem]:
        for page in new_pages:  # left as built, like the pages MkDocs wrote
            page.write_text(pages[page], encoding="utf-8")
        return found

    entries = [(p.name, p.is_dir()) for p in site_dir.iterdir() if p.name not in {HEADERS_FILE, NGINX_FILE}]
    problems += [Problem(f"site/{name}", 1, 1, "", "a top-level file or folder name with characters a headers rule "
                         "cannot hold; use letters, digits, '-', '_' and '.' only")
                 for name, _ in entries if not PLAIN_SEGMENT.fullmatch(name)]
    if problems:
        return blocked(problems)
    full_csp = content_security_policy(scripts, styles, "'self'")
    embed_csp = content_security_policy(scripts, styles, frame_ancestors(embed_origins))
    prefix = path_prefix(site_url)
    rules = header_rules(entries, prefix, embed_dir, full_csp, embed_csp)
    if len(rules) > MAX_RULES:
        return blocked([Problem(f"site/{HEADERS_FILE}", 1, 1, "", f"{len(rules)} header rules, over Cloudflare Pages' limit of "
                                f"{MAX_RULES}: there is one per top-level page or folder; group pages into sections (folders)")])
    (site_dir / HEADERS_FILE).write_text(headers_file(rules), encoding="utf-8")
    # Folders with a not-found page of their own: the languages other than the default (es/404.html).
    language_folders = tuple(sorted(page.parent.name for page in site_dir.glob("*/404.html")))
    (site_dir / NGINX_FILE).write_text(nginx_snippet(full_csp, prefix, embed_dir, embed_csp, language_folders), encoding="utf-8")
    for page, text in pages.items():
        if policy_in_pages:
            page.write_text(with_page_policy(text, full_csp, site_url), encoding="utf-8")
        elif page in new_pages:
            page.write_text(text, encoding="utf-8")
    return []
