"""The rules of the site's stylesheet that embed pages can use, inline in
each embed page's <head> instead of a link to the whole stylesheet.

Why: a linked stylesheet is one more request before an embed page can show
its text: a round trip on a phone, and its bytes.  Most of the ~25 KB
compressed of Material's rules style the header, navigation, search and
footer, which embed pages do not have.  The rules kept are one text, the
same on every embed page: one hash in the Content-Security-Policy, and what
a clinic embedding two pages downloads is alike.

Which rules are kept is judged by words, and only ever errs towards keeping:
a selector is dropped only when it names a class, id, element or attribute
that is not a word anywhere in the embed pages or in the scripts they load.
Pseudo-classes (:hover, :focus), attribute values ([open], [aria-expanded=
true]) and everything inside :not(), :is(), :where() and :has() are not
judged, so a rule for a state a reader can reach (an opened box, a focused
link, a filled-in calculator) is kept whenever its element can be on the
page.  Scripts must write the class names they add whole (not built from
pieces), as every script of the site does.
"""
from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ..data.problems import Problem
from .embed import base_href

# At-rules whose block holds rules: judged rule by rule.  Any other at-rule
# (@font-face, @keyframes, @page ...) is kept whole.
_GROUPS = ("@media", "@supports", "@container", "@layer")
_STRING = r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\''
# Where a list of rules can end a rule or a statement; strings and comments
# are matched whole so that braces inside them count for nothing.
_IN_LIST = re.compile(rf'{_STRING}|/\*.*?\*/|[{{}};]', re.S)
_IN_BLOCK = re.compile(rf'{_STRING}|/\*.*?\*/|[{{}}]', re.S)
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
# A selector list splits at commas outside brackets, parentheses and strings.
_SELECTOR_PARTS = re.compile(rf'{_STRING}|[\[\](),]')
_STRINGS = re.compile(_STRING)
_NOT_PLAIN = re.compile(r"""[(\["']""")  # a selector with brackets, parentheses or strings
_ARGUMENTS = re.compile(r"\([^()]*\)")  # innermost first: :not(.a:is(.b))
_ATTRIBUTE = re.compile(r"\[\s*(?:[-\w*]*\|(?!=))?([-\w]+)[^\]]*\]")
_PSEUDO = re.compile(r"::?[-\w]+")
# A name starts with a letter, "_" or any character past ASCII (written as a
# negated class: the range \u0080-\U0010ffff took milliseconds to compile, each build).
_NAME = re.compile(r"([.#]?)(-?(?:[_a-zA-Z]|[^\x00-\x7f])[-\w]*)")
_WORD = re.compile(r"[-\w]+")
# A start or end tag, quoted attribute values read whole (they may hold '>').
_TAG = re.compile(r"""</?[a-zA-Z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>""")
# A link to the site's stylesheet, as the embed template writes it.
_STYLESHEET_LINK = re.compile(r'<link rel="stylesheet" href="([^"]*)">')
_SCRIPT_SOURCE = re.compile(r'<script\b[^>]*\bsrc="([^"]*)"')
# What inline rules cannot hold: the end of their <style> element, and an
# address relative to the stylesheet's folder (inline, it would be read
# against the embed page's <base>, the full page's folder).
_STYLE_END = re.compile(r"</style", re.I)
_RELATIVE_URL = re.compile(r"""url\(\s*(?!['"]?(?:data:|/|[a-z][-+.a-z0-9]*:))""", re.I)


@dataclass(frozen=True)
class StyleRule:
    selectors: tuple[tuple[str, frozenset[str]], ...]  # each selector, with the words it needs
    body: str  # the declarations, as written


@dataclass(frozen=True)
class GroupRule:
    prelude: str  # e.g. "@media screen and (min-width:45em)"
    rules: tuple[Rule, ...]


Rule = StyleRule | GroupRule | str  # a str is any other rule or statement, kept whole


@functools.lru_cache(maxsize=8192)  # the same selectors recur from one @media group to the next
def needed_words(selector: str) -> frozenset[str]:
    """The words (lower case) a page must contain for `selector` to match
    anything in it: its classes, ids, elements and attribute names, outside
    functional pseudo-classes.  Nothing for a selector with escapes."""
    if "\\" in selector:
        return frozenset()
    if not _NOT_PLAIN.search(selector):  # most selectors: names, combinators and plain pseudo-classes
        return frozenset(name.lower() for _, name in _NAME.findall(_PSEUDO.sub(" ", selector)))
    text = _STRINGS.sub("", selector)
    while "(" in text:
        shorter = _ARGUMENTS.sub("", text)
        if shorter == text:
            return frozenset()  # unbalanced: not judged
        text = shorter
    words = {name.lower() for name in _ATTRIBUTE.findall(text)}
    text = _PSEUDO.sub(" ", _ATTRIBUTE.sub(" ", text))
    words.update(name.lower() for _, name in _NAME.findall(text))
    return frozenset(words)


def _split_selectors(prelude: str) -> list[str]:
    if not _NOT_PLAIN.search(prelude):
        return [part.strip() for part in prelude.split(",")]
    parts, depth, start = [], 0, 0
    for match in _SELECTOR_PARTS.finditer(prelude):
        char = match.group()
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:match.start()])
            start = match.end()
    parts.append(prelude[start:])
    return [part.strip() for part in parts]


def _block_end(css: str, start: int) -> int:
    """Index of the '}' closing the block whose '{' is just before `start`."""
    depth = 1
    for match in _IN_BLOCK.finditer(css, start):
        char = match.group()
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if not depth:
                return match.start()
    return len(css)


def _rule_list(css: str, start: int) -> tuple[list[Rule], int]:
    """The rules from `start` to the '}' closing their list (or the end),
    and the index just after it."""
    rules: list[Rule] = []
    position = start
    while True:
        match = _IN_LIST.search(css, position)
        while match and match.group()[0] in "\"'/":
            match = _IN_LIST.search(css, match.end())
        if not match:
            rest = _COMMENT.sub("", css[start:]).strip()
            if rest:
                rules.append(rest)
            return rules, len(css)
        char = match.group()
        prelude = css[start:match.start()]
        prelude = (_COMMENT.sub("", prelude) if "/*" in prelude else prelude).strip()
        if char == "}":
            if prelude:
                rules.append(prelude)
            return rules, match.end()
        if char == ";":
            if prelude:
                rules.append(prelude + ";")
        elif prelude.lower().startswith(_GROUPS):
            inner, after = _rule_list(css, match.end())
            rules.append(GroupRule(prelude, tuple(inner)))
            start = position = after
            continue
        else:
            end = _block_end(css, match.end())
            body = css[match.end():end]
            if prelude.startswith("@") or "{" in body:
                rules.append(css[start:end + 1].strip())  # kept whole: not a plain style rule
            else:
                rules.append(StyleRule(tuple((s, needed_words(s)) for s in _split_selectors(prelude)), body))
            start = position = end + 1
            continue
        start = position = match.end()


@functools.lru_cache(maxsize=4)
def parse_stylesheet(css: str) -> tuple[Rule, ...]:
    """The stylesheet's rules (read once per build: the same text for every language)."""
    return tuple(_rule_list(css, 0)[0])


def page_words(pages: Iterable[str], scripts: Iterable[str]) -> frozenset[str]:
    """Every word (letters, digits, '-' and '_'), in lower case, of the
    pages' tags (names, attributes and their values: not the text between
    tags, nor the rules of a <style>) and of the scripts."""
    tags: set[str] = set()  # each distinct tag read once: most repeat from page to page
    for page in pages:
        tags.update(_TAG.findall(page))
    words = set(_WORD.findall(" ".join(tags).lower()))
    for script in scripts:
        words.update(_WORD.findall(script.lower()))
    return frozenset(words)


def used_rules(rules: Iterable[Rule], words: frozenset[str]) -> str:
    """The rules, minified as they came, without the selectors whose needed
    words are not all in `words` (and without rules or groups left empty)."""
    out = []
    for rule in rules:
        if isinstance(rule, StyleRule):
            kept = [selector for selector, needed in rule.selectors if needed <= words]
            if kept:
                out.append(f"{','.join(kept)}{{{rule.body}}}")
        elif isinstance(rule, GroupRule):
            inner = used_rules(rule.rules, words)
            if inner:
                out.append(f"{rule.prelude}{{{inner}}}")
        else:
            out.append(rule)
    return "".join(out)


def inline_problems(css: str, source: str) -> list[Problem]:
    """What stops the stylesheet's rules being written inline."""
    found = []
    for pattern, what in ((_STYLE_END, "'</style' (it would end the embed pages' <style> element)"),
                          (_RELATIVE_URL, "a url() relative to the stylesheet's folder (embed pages carry the rules "
                                          "inline, where it would be read against the page's own address); use a "
                                          "data: URL or an address starting with /")):
        match = pattern.search(css)
        if match:
            found.append(Problem(source, 1, 1, "", f"the site's stylesheet holds {what}: {css[match.start():match.start() + 40]!r}"))
    return found


def _site_path(embed_path: str, address: str) -> str:
    """The site path an address in an embed page leads to (read against its <base>)."""
    full_page = embed_path.split("/", 1)[1]
    base = urljoin(f"http://site/{embed_path}", base_href(full_page))
    return posixpath.normpath(urlsplit(urljoin(base, address)).path).lstrip("/")


def inline_used_styles(pages: Mapping[str, str], site_dir: Path, stylesheet_path: str, css: str) -> dict[str, str]:
    """Embed path → page, each page's link to the site's stylesheet replaced
    by the rules any embed page can use, read from the pages and the scripts
    they load (files under site_dir).  A page that does not link the
    stylesheet (a theme without our templates) is left as it is."""
    scripts = {_site_path(path, address) for path, html in pages.items() for address in _SCRIPT_SOURCE.findall(html)}
    script_texts = [(site_dir / script).read_text(encoding="utf-8") for script in sorted(scripts)
                    if (site_dir / script).is_file()]
    style = f"<style>{used_rules(parse_stylesheet(css), page_words(pages.values(), script_texts))}</style>"
    inlined = {}
    for path, html in pages.items():
        links = [m for m in _STYLESHEET_LINK.finditer(html) if _site_path(path, m.group(1)) == stylesheet_path]
        for link in reversed(links):
            html = html[:link.start()] + style + html[link.end():]
        inlined[path] = html
    return inlined
