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

import _markupbase
import functools
import hashlib
import inspect
import linecache
import re
from dataclasses import dataclass
from html import parser as html_parser, unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from ..pages.theme import material_templates

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

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]], line: int | None = None) -> None:
        line = line or self.getpos()[0]
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

    def handle_startendtag(self, tag: str, attrs, line: int | None = None) -> None:
        self.handle_starttag(tag, attrs, line)
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


# --- a faster reading of the same tokens ---------------------------------------
#
# Reading every built page with HTMLParser was most of what the site's own
# code added to a build.  _fast_scan reads the tokens of ordinary markup the
# way HTMLParser (Python 3.11) does, with HTMLParser's own expressions, and
# gives each tag that could matter to the same _Scanner methods.  A start tag
# is passed over only when nothing in it could be a finding or change the
# scanner's state (_STATE_TAGS, _MAYBE_FINDING).  Anything else in a page (an unclosed tag, a
# `<?`, `<![`, a stray `<`, an unclosed <script>) makes it read the whole page
# again with HTMLParser itself, so the findings are HTMLParser's on any input
# (tests/security/test_page_scan_reading.py compares the two).
_STATE_TAGS = {"head", "body", "meta", "foreignobject", "script", "style", *LOADING_ATTRIBUTES}
# In a start tag without these, no attribute can start with "on", be `style`
# or `srcdoc`, or hold an address with a scheme (unescaped or not).
_MAYBE_FINDING = re.compile(r"[\s'\"/]on|style|srcdoc|[:&]")
# A run of text and of tags that change nothing, in their simplest form,
# passed over in one step (most of a page: Material's navigation): end tags
# other than </head>, and start tags of elements outside _STATE_TAGS whose
# attributes are plain names (none starting with "on", "style" or "srcdoc")
# with double-quoted values holding no "&" (no character reference) and no
# ":" unless their first character, white space and controls aside (what
# URL_NOISE drops), cannot start a SCRIPT_SCHEME (any "&" and ":" when the
# first character itself is none of those).  Only ASCII, so that its
# tokens are exactly HTMLParser's; anything else (other spacing, unquoted
# values, a name with ":") is read tag by tag below.  Its start tags have
# lowercase names, as MkDocs and Material write them, compared without case
# folding (which took most of the expression's time); a tag name with a
# capital is read tag by tag.
_SPACE = r"[ \t\n\r\f]"
# A value starting with a character that is none of these can start no
# scheme, whatever character references follow it ("Source 3: Chu &#40;2021&#41;").
_PLAIN_VALUE = r'"(?:[^"<>&:]*|(?![\x00-\x20]*[jvlJVL])[^"<>&]*|[^"<>&\x00-\x20jvlJVL][^"<>]*)"'
# A <meta> matters only through http-equiv, an element that loads something
# only through its LOADING_ATTRIBUTES: without any of those names (and
# plain, as above) they change nothing either (<meta name=...>, <link rel=...>
# without href, Material's <input>, <button> and <form> in every page).
_BY_ATTRIBUTE_TAGS = {"meta", *LOADING_ATTRIBUTES} - {"script"}  # <script> is read as a whole below
_BY_ATTRIBUTE_NAMES = {"http-equiv", *(name for names in LOADING_ATTRIBUTES.values() for name in names)}


def _plain_attributes(refused_names: set[str] = frozenset()) -> str:
    """Plain attributes and the tag's end; no name starting with "on", "style"
    or "srcdoc", or equal to one of `refused_names`, in any case."""
    refused = "|".join(["on", "style", "srcdoc", *(rf"{re.escape(name)}[ \t\n\r\f=/>]" for name in sorted(refused_names))])
    return rf"(?:{_SPACE}+(?!(?i:{refused}))[a-zA-Z_][-a-zA-Z0-9_.]*(?:={_PLAIN_VALUE})?)*{_SPACE}*/?>"


_PLAIN_RUN = re.compile(
    r"(?:[^<]+"
    r"|</(?!(?i:head)>)[a-zA-Z][-.a-zA-Z0-9:_]*>"
    rf"|<(?!(?:{'|'.join(sorted(_STATE_TAGS))})[ \t\n\r\f/>])[a-z][a-z0-9-]*{_plain_attributes()}"
    rf"|<(?:{'|'.join(sorted(_BY_ATTRIBUTE_TAGS))})(?=[ \t\n\r\f/>]){_plain_attributes(_BY_ATTRIBUTE_NAMES)}"
    r")*", re.A)
_START_TAG_END = html_parser.locatestarttagend_tolerant
_TAG_NAME = html_parser.tagfind_tolerant
_ATTRIBUTE = html_parser.attrfind_tolerant
_END_TAG = html_parser.endtagfind
_COMMENT_END = _markupbase._commentclose  # what HTMLParser.parse_comment uses


def _last_line(code) -> int:
    """The last source line any instruction of `code` (or of a function,
    class or comprehension inside it) comes from."""
    return max([end for _, end, _, _ in code.co_positions() if end is not None] +
               [_last_line(const) for const in code.co_consts if inspect.iscode(const)])


def function_source(function) -> str:
    """inspect.getsource(function), read without tokenizing the module (which
    took most of a build's page check set-up): the lines from its `def` (or
    first decorator) to the last line of its code.  tests/security compares
    the two for the functions parser_fingerprint reads; a Python on which
    they differed would get another fingerprint, and HTMLParser's reading."""
    code = function.__code__
    lines = linecache.getlines(code.co_filename)
    if not lines:
        raise OSError(f"no source for {code.co_filename}")
    return "".join(lines[code.co_firstlineno - 1:_last_line(code)])


PARSER_FUNCTIONS = (HTMLParser.goahead, HTMLParser.parse_starttag, HTMLParser.check_for_whole_start_tag,
                    HTMLParser.parse_endtag, HTMLParser.set_cdata_mode, HTMLParser.parse_html_declaration,
                    _markupbase.ParserBase.parse_comment, _markupbase.ParserBase.updatepos)


def parser_fingerprint() -> str:
    """What _fast_scan copies from the running Python's HTMLParser: its code
    and expressions.  Python's patch releases have changed how HTMLParser
    reads comments and <script>, so the fast reading is used only on a parser
    it was checked against (REVIEWED_PARSERS); any other reads with HTMLParser."""
    parts = [function_source(function) for function in PARSER_FUNCTIONS]
    parts += [pattern.pattern for pattern in (html_parser.starttagopen, _START_TAG_END, _TAG_NAME, _ATTRIBUTE, _END_TAG,
                                              _COMMENT_END)]
    parts.append(repr(HTMLParser.CDATA_CONTENT_ELEMENTS))
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


# Fingerprints of the HTMLParsers _fast_scan was compared with (tests/security/
# test_page_scan_reading.py): Python 3.11.7.
REVIEWED_PARSERS = {"1443fc100d2655f1"}


@functools.cache
def fast_reading() -> bool:
    try:
        return parser_fingerprint() in REVIEWED_PARSERS
    except OSError:  # no standard library sources to compare
        return False


class _NotOrdinary(Exception):
    """Markup the fast reading leaves to HTMLParser."""


def _attributes(html: str, start: int, end: int) -> tuple[list[tuple[str, str | None]], str]:
    """HTMLParser.parse_starttag's attributes of the tag html[start:end], and
    how it ends: ">" (a start tag), "/>" (self-closing) or else (HTMLParser
    reads it as text)."""
    attrs = []
    k = _TAG_NAME.match(html, start + 1).end()
    while k < end:
        m = _ATTRIBUTE.match(html, k)
        if not m:
            break
        name, rest, value = m.group(1, 2, 3)
        if not rest:
            value = None
        elif value[:1] == "'" == value[-1:] or value[:1] == '"' == value[-1:]:
            value = value[1:-1]
        if value:
            value = unescape(value)
        attrs.append((name.lower(), value))
        k = m.end()
    return attrs, html[k:end].strip()


def _fast_scan(html: str, scanner: _Scanner) -> None:
    i, n = 0, len(html)
    line, counted = 1, 0  # line of html[counted]

    def line_at(at: int) -> int:
        nonlocal line, counted
        line += html.count("\n", counted, at)
        counted = at
        return line

    while True:
        i = html.find("<", _PLAIN_RUN.match(html, i).end())
        if i < 0:
            return
        if html.startswith("<!--", i):
            m = _COMMENT_END.search(html, i + 4)
            if not m:
                raise _NotOrdinary
            i = m.end()
        elif html.startswith("</", i):
            m = _END_TAG.match(html, i)
            if not m:
                raise _NotOrdinary
            if m.group(1).lower() == "head":
                scanner.handle_endtag("head")
            i = m.end()
        elif html[i:i + 9].lower() == "<!doctype":
            i = html.find(">", i + 9)
            if i < 0:
                raise _NotOrdinary
            i += 1
        elif html_parser.starttagopen.match(html, i):
            j = _START_TAG_END.match(html, i).end()
            end = j + 1 if html.startswith(">", j) else j + 2 if html.startswith("/>", j) else -1
            if end < 0:
                raise _NotOrdinary
            tag = _TAG_NAME.match(html, i + 1).group(1).lower()
            if tag in _STATE_TAGS or _MAYBE_FINDING.search(html[i:end].lower()):
                attrs, ending = _attributes(html, i, end)
                if ending == "/>":
                    scanner.handle_startendtag(tag, attrs, line_at(i))
                elif ending == ">":
                    scanner.handle_starttag(tag, attrs, line_at(i))
                    if tag in ("script", "style"):
                        # HTMLParser's CDATA mode: the text up to the closing tag, as it is.
                        m = re.compile(r"</\s*%s\s*>" % tag, re.I).search(html, end)
                        if not m:
                            raise _NotOrdinary
                        scanner.handle_data(html[end:m.start()])
                        scanner.handle_endtag(tag)
                        end = m.end()
            i = end
        else:
            raise _NotOrdinary


def scan_page(html: str, patterns: list[re.Pattern], site_url: str, image: bool = False) -> PageScan:
    """The approved inline scripts, the head's styles, and every finding of one
    built page, or of an SVG image (`image`: its styles are its own, and
    browsers never apply the page's policy to it on a host without headers)."""
    own = urlsplit(site_url)
    origin = (own.scheme, own.netloc.lower())
    if not fast_reading():
        return html_parser_scan(html, patterns, site_url, image)
    scanner = _Scanner(patterns, origin, image)
    try:
        _fast_scan(html, scanner)
    except _NotOrdinary:
        return html_parser_scan(html, patterns, site_url, image)
    return scanner.scan


def html_parser_scan(html: str, patterns: list[re.Pattern], site_url: str, image: bool = False) -> PageScan:
    """scan_page read by HTMLParser itself, token by token (slower; the reference)."""
    own = urlsplit(site_url)
    scanner = _Scanner(patterns, (own.scheme, own.netloc.lower()), image)
    scanner.feed(html)
    scanner.close()
    return scanner.scan
