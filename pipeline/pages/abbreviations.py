"""The short forms every page explains when a reader points at or taps them
(Markdown's abbr extension), in the page's own language: includes/abbreviations.md
for English, includes/abbreviations.<language>.md for a translation.

pymdownx.snippets' auto_append would give every page the same (English) list,
so the glue appends the page's list itself."""
from __future__ import annotations

import re
from pathlib import Path

from .language import translated_source

# One definition on its own line, as the abbr extension reads it: *[KEY]: title
DEFINITION = re.compile(r"\*\[([^\\\]\n]+)\] ?: *\S.*")
# The type of an admonition or details box: its title when none is given.
BOX_TYPE = re.compile(r"(?:!!!|\?\?\?)\+? ?([\w-]+)")


def abbreviations_file(includes: Path, language: str) -> Path:
    return includes / translated_source("abbreviations.md", language)


def abbreviation_list(includes: Path, language: str, page: str | None = None) -> str:
    """The page language's abbreviation definitions, to append to its Markdown.

    With the page's Markdown (`page`), only those whose short form it
    contains: the abbr extension tries every definition at every word of
    the page, and one the text never contains marks nothing.  The page's
    Markdown holds all the text Markdown makes, except a box's default title
    ("!!! tip" gives "Tip", added here) and what a snippet (--8<--) brings
    in: a page with one gets every definition."""
    lines = abbreviations_file(includes, language).read_text(encoding="utf-8").split("\n")
    if page is not None and "-8<-" not in page:  # a snippet line: --8<--
        text = page + "\n" + " ".join(kind.capitalize() for kind in BOX_TYPE.findall(page))

        def used(line: str) -> bool:
            definition = DEFINITION.fullmatch(line)
            return not definition or definition.group(1).strip() in text  # not a one-line definition: kept

        lines = [line for line in lines if used(line)]
    return "\n\n" + "\n".join(lines)
