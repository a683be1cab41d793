"""What a built page may contain, so that page text can never run script.

The Content-Security-Policy allows inline scripts by their hashes.  Hashing
whatever the build produced would approve a `<script>` written into a
Markdown page, so only the theme's own inline scripts are approved: those
of Material's `partials/javascripts/*.html` templates (reviewed for
Material 9.8.1, listed in MATERIAL_SCRIPT_PARTIALS), read from the installed
package and matched in full, with each template value (`{{ base_url }}`)
allowed to be a plain address only.

Any other inline script, an inline event handler (`onclick=`), a
`javascript:` address, an inline `style` attribute, a `<style>` element in
the page body or an element that loads something from another host stops
the build with the file and line.  Links (`<a href>`) to other sites are
fine; they get rel="noopener noreferrer" (security_headers.py).  SVG images
are read the same way (an SVG opened on its own runs its scripts), except
that their own styles are allowed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

# Reviewed: the inline scripts of these Material templates are small
# start-up helpers (storage scope, palette, tabs, banners, cookie consent).
# A new Material version with another partial fails tests/security/ until
# someone reads it and adds it here.
MATERIAL_REVIEWED_VERSION = "9.8.1"
MATERIAL_SCRIPT_PARTIALS = ("announce.html", "base.html", "consent.html", "content.html", "outdated.html", "palette.html")
TEMPLATE_VALUE = r"[A-Za-z0-9._:/-]*"  # what a {{ ... }} in those scripts may become: an address, no quote
DATA_BLOCK_TYPES = {"application/json", "application/ld+json"}  # never run by browsers
# Attributes through which an element loads something into the page (or sends a form).
LOADING_ATTRIBUTES = {
    "script": ("src",), "img": ("src", "srcset"), "iframe": ("src",), "frame": ("src",), "embed": ("src",),
    "object": ("data",), "link": ("href", "imagesrcset"), "source": ("src", "srcset"), "audio": ("src",),
    "video": ("src", "poster"), "track": ("src",), "input": ("src", "formaction"), "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"), "form": ("action",), "button": ("formaction",), "feimage": ("href", "xlink:href"),
}
SCRIPT_SCHEME = re.compile(r"(?:javascript|vbscript|livescript):", re.I)
URL_NOISE = re.compile(r"[\x00-\x20]")  # browsers drop tabs and newlines inside addresses, and spaces around them


def material_templates() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


def template_script_patterns(templates: Path | None = None) -> list[re.Pattern]:
    """One full-match pattern per inline script of the reviewed Material partials."""
    folder = (templates or material_templates()) / "partials" / "javascripts"
    patterns = []
    for name in MATERIAL_SCRIPT_PARTIALS:
        for body in re.findall(r"<script>(.*?)</script>", (folder / name).read_text(encoding="utf-8"), re.S):
            parts = re.split(r"\{\{.*?\}\}", body)
            patterns.append(re.compile(TEMPLATE_VALUE.join(re.escape(part) for part in parts)))
    return patterns


@dataclass(frozen=True)
class Finding:
    line: int  # in the built page
    what: str  # plain words, for the person who wrote the page
    evidence: str  # the text to look for in the page's Markdown source


@dataclass
class PageScan:
    known_scripts: list[str]  # bodies of the approved inline scripts
    styles: list[str]  # bodies of the <style> elements of <head>
    findings: list[Finding]


def is_executable(attributes: dict[str, str | None]) -> bool:
    return (attributes.get("type") or "").strip().lower() not in DATA_BLOCK_TYPES


def foreign_origin(value: str, own_origin: tuple[str, str]) -> str | None:
    """The host an address points to when it is not this site's own, else None."""
    cleaned = URL_NOISE.sub("", value).replace("\\", "/")
    parts = urlsplit(cleaned)
    if not parts.netloc and not parts.scheme:
        return None  # relative: this site
    if parts.scheme in {"data", "blob"}:
        return None  # no request; the policy governs what may use them
    if (parts.scheme, parts.netloc.lower()) == own_origin:
        return None
    return parts.netloc or cleaned


class _Scanner(HTMLParser):
    def __init__(self, patterns: list[re.Pattern], own_origin: tuple[str, str], image: bool):
        super().__init__(convert_charrefs=True)
        self.patterns, self.own_origin, self.image = patterns, own_origin, image
        self.scan = PageScan([], [], [])
        self.in_head = False
        self.head_done = False  # a second <head> in the body (page text) is not the template's
        self.raw: tuple[str, int, dict, list[str]] | None = None  # an open <script> or <style>

    def find(self, line: int, what: str, evidence: str) -> None:
        self.scan.findings.append(Finding(line, what, evidence))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        attributes = dict(attrs)
        if tag == "head" and not self.head_done:
            self.in_head = True
        elif tag == "body":
            self.in_head, self.head_done = False, True
        for name, value in attrs:
            if name.startswith("on"):
                self.find(line, f"an inline event handler ({name}=...) on <{tag}>; pages may not run script", f"{name}=")
            elif name == "style" and not self.image:
                self.find(line, f"an inline style attribute on <{tag}>; the Content-Security-Policy blocks it. "
                                "Move the style into overrides/partials/site.css and use a class", "style=")
            elif name == "srcdoc":
                self.find(line, f"an <{tag} srcdoc=...> (a page inside the page); not allowed", "srcdoc")
            if value and SCRIPT_SCHEME.match(URL_NOISE.sub("", value)):
                self.find(line, f"a script address ({value[:40]}) in <{tag} {name}=...>; pages may not run script", value[:40])
            elif value and name in LOADING_ATTRIBUTES.get(tag, ()):
                for address in (value.split(",") if name.endswith("srcset") else [value]):
                    host = foreign_origin(address.strip().split(" ")[0], self.own_origin)
                    if host:
                        self.find(line, f"<{tag} {name}=...> loads from another host ({host}); patient pages may only "
                                        "load files of this site", host)
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.find(line, "a <meta http-equiv=\"refresh\"> (sends readers elsewhere); not allowed", "refresh")
        if tag == "foreignobject":
            self.find(line, "a <foreignObject> (HTML inside a drawing); not allowed", "foreignObject")
        if tag in ("script", "style"):
            self.raw = (tag, line, attributes, [])

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag in ("script", "style"):
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self.raw:
            self.raw[3].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head, self.head_done = False, True
        if not self.raw or tag != self.raw[0]:
            return
        kind, line, attributes, chunks = self.raw
        self.raw = None
        body = "".join(chunks)
        if kind == "style":
            if self.in_head or self.image:
                self.scan.styles.append(body)
            else:
                self.find(line, "a <style> element in the page; only the site's own styles are allowed. "
                                "Move the style into overrides/partials/site.css", "<style")
        elif "src" in attributes or not is_executable(attributes):
            if "src" in attributes and body.strip():
                self.find(line, "a <script src=...> with text inside; not allowed", "<script")
        elif any(pattern.fullmatch(body) for pattern in self.patterns):
            self.scan.known_scripts.append(body)
        else:
            self.find(line, "an inline <script> that is not one of the theme's own; pages may not run script. "
                            "Put behaviour in a file under docs/assets/javascripts/ (reviewed as code)", "<script")


def scan_page(html: str, patterns: list[re.Pattern], site_url: str, image: bool = False) -> PageScan:
    """The approved inline scripts, the head's styles, and every finding of one
    built page, or of an SVG image (`image`: its styles are its own, and
    browsers never apply the page's policy to it on a host without headers)."""
    own = urlsplit(site_url)
    scanner = _Scanner(patterns, (own.scheme, own.netloc.lower()), image)
    scanner.feed(html)
    scanner.close()
    return scanner.scan
