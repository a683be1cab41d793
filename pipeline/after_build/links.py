"""Links between pages, checked after the build with the file and line of each.

MkDocs' own validation finds a broken link but names neither the line nor a
fix.  These functions read the Markdown source (links as the writer typed
them) and the built pages (the section ids that really exist), and report
each link that points nowhere as a Problem: file:line:column, what is wrong,
and what would be valid.  Links made by macros (citations, tables) are built
from checked data and are not in the source, so they are not re-checked here.
"""
from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from ..data.problems import Problem
from ..data.source_text import read_source
from ..pages.language import DEFAULT_LANGUAGE, source_language, translated_source
from ..urls import built_file

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,}).*?^\1\2[ \t]*$", re.S | re.M)
INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
# [text](target "title") and ![alt](target) (from its "["); the text may hold one level
# of [brackets].  Starting with a plain "[" lets the search skip to each "[".
INLINE_LINK = re.compile(r"\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(<[^>\n]*>|[^)\s]+)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:[ \t]*(<[^>\n]*>|\S+)", re.M)
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class Link:
    line: int
    column: int
    target: str


def _blank(match: re.Match) -> str:
    """Same length, same line breaks: positions in the rest stay right."""
    return "\n".join(" " * len(line) for line in match.group(0).split("\n"))


def markdown_links(source: str) -> list[Link]:
    """Every inline link and reference definition in a page, with its position.

    Code (fenced or inline), front matter and template code are skipped.
    """
    front = FRONT_MATTER.match(source)  # (a match, not a sub: that would try every position of the page)
    text = _blank(front) + source[front.end():] if front else source
    # A pattern is run only on a page with the characters it needs: each
    # tries every position of the page, and most pages have no code.
    if "```" in text or "~~~" in text:
        text = FENCE.sub(_blank, text)
    if "`" in text:
        text = INLINE_CODE.sub(_blank, text)
    text = JINJA.sub(_blank, text)
    found = []
    for pattern in (INLINE_LINK, REFERENCE_DEFINITION):
        for match in pattern.finditer(text):
            start = match.start(1)
            line = text.count("\n", 0, start) + 1
            column = start - (text.rfind("\n", 0, start) + 1) + 1
            found.append(Link(line, column, match.group(1).strip("<>")))
    return sorted(found, key=lambda link: (link.line, link.column))


# MkDocs writes every attribute in double quotes, so a regular expression
# reads the ids of a built page exactly, and ten times faster than a parser.
ID_OF_TAG = re.compile(r'<([a-zA-Z][a-zA-Z0-9]*)\s[^>]*?\bid="([^"]*)"')
NAME_OF_ANCHOR = re.compile(r'<a\s[^>]*?\bname="([^"]*)"')
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def html_ids(html: str) -> tuple[set[str], list[str]]:
    """(every id a link may point to, the ids of the headings in page order)."""
    tagged = ID_OF_TAG.findall(html)
    ids = {value for _, value in tagged if value} | {name for name in NAME_OF_ANCHOR.findall(html) if name}
    headings = [value for tag, value in tagged if tag.lower() in HEADINGS and value]
    return ids, headings


def _suggest(word: str, valid) -> str:
    close = difflib.get_close_matches(word, list(valid), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def check_links(
    file: str,
    page_src: str,
    source: str,
    known_pages: set[str],
    sections: Mapping[str, tuple[set[str], list[str]]] | None = None,
) -> list[Problem]:
    """Links to pages that do not exist, or to sections a page does not have.

    `known_pages`: source paths of every page (e.g. "conditions/acne-scars.md");
    `sections`: for each page, html_ids() of its built page (None: skip anchors).
    """
    problems = []
    folder = posixpath.dirname(page_src)
    language = source_language(page_src)
    for link in markdown_links(source):
        target = link.target
        if SCHEME.match(target) or target.startswith(("/", "//")):
            continue  # other sites, e-mail, absolute paths: MkDocs' validation covers these
        path, _, anchor = target.partition("#")
        path = unquote(path.split("?")[0])
        if path and not path.endswith(".md"):
            continue  # images and other files: MkDocs' validation covers these
        resolved = posixpath.normpath(posixpath.join(folder, path)) if path else page_src
        if language != DEFAULT_LANGUAGE and path:
            # A translation links to the English file name; mkdocs-static-i18n
            # (no fallback) leads it to the same page in the translation's language.
            resolved = translated_source(resolved, language)

        def fail(message: str) -> None:
            problems.append(Problem(file, link.line, link.column, "", message))

        if resolved not in known_pages:
            # Pages are linked by their English file name in every language.
            relative = sorted(posixpath.relpath(p, folder or ".") for p in known_pages
                              if source_language(p) == DEFAULT_LANGUAGE)
            fail(
                f"the link '{target}' points to a page that does not exist{_suggest(path, relative)}. "
                "Correct the file name or remove the link; write the path from this page's folder "
                "(e.g. '../aftercare.md' from a page in conditions/)"
            )
            continue
        if not anchor or sections is None or resolved not in sections:
            continue
        ids, headings = sections[resolved]
        if unquote(anchor) in ids:
            continue
        where = "this page" if resolved == page_src else resolved
        listed = ", ".join(f"#{h}" for h in headings[:12]) or "(none)"
        fail(
            f"the link '{target}' points to a section '#{anchor}' that {where} does not have{_suggest(anchor, headings)}. "
            f"A section's name comes from its heading (e.g. '## When to get help' is #when-to-get-help); "
            f"sections on {where}: {listed}"
        )
    return problems


class BuiltSections(Mapping):
    """html_ids() of each built page (source path → ids), read the first time
    a link needs them: most links name no section, and most pages are never
    the target of one that does."""

    def __init__(self, site_dir: Path, pages: Iterable[str], use_directory_urls: bool):
        self.site_dir, self.pages, self.use_directory_urls = site_dir, set(pages), use_directory_urls
        self._read: dict[str, tuple[set[str], list[str]]] = {}

    def __contains__(self, src: object) -> bool:
        return src in self.pages

    def __getitem__(self, src: str) -> tuple[set[str], list[str]]:
        if src not in self.pages:
            raise KeyError(src)
        if src not in self._read:
            self._read[src] = html_ids((self.site_dir / built_file(src, self.use_directory_urls)).read_text(encoding="utf-8"))
        return self._read[src]

    def __iter__(self) -> Iterator[str]:
        return iter(self.pages)

    def __len__(self) -> int:
        return len(self.pages)


def check_site_links(docs_dir: Path, site_dir: Path, use_directory_urls: bool = True, display_root: str = "docs") -> list[Problem]:
    """check_links() for every built page, with the sections of the built site."""
    pages = {
        p.relative_to(docs_dir).as_posix(): p
        for p in sorted(docs_dir.rglob("*.md"))
        if (site_dir / built_file(p.relative_to(docs_dir).as_posix(), use_directory_urls)).is_file()
    }
    sections = BuiltSections(site_dir, pages, use_directory_urls)
    known = {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")}
    problems = []
    for src, path in pages.items():
        problems += check_links(f"{display_root}/{src}", src, read_source(path), known, sections)
    return problems
