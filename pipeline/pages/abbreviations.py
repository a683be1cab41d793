"""The short forms every page explains when a reader points at or taps them
(Markdown's abbr extension), in the page's own language: includes/abbreviations.md
for English, includes/abbreviations.<language>.md for a translation.

The glue hands the list of each language's run to the abbr extension as its
glossary (mdx_configs, like the toc's permalink title), so every page of that
run has it.  pymdownx.snippets' auto_append would give every page the same
(English) list; definitions appended to each page's Markdown were read again
on every page, and the extension compiled a pattern for each page's list."""
from __future__ import annotations

import re
from pathlib import Path

from ..data.problems import Problem
from ..data.source_text import read_source
from .language import translated_source

# One definition on its own line, as the abbr extension reads it: *[KEY]: title
DEFINITION = re.compile(r"\*\[([^\\\]\n]+)\] ?: *(\S.*)")
# A title the abbr extension reads as "no definition" (it removes the short form).
REMOVED = ("''", '""')


def abbreviations_file(includes: Path, language: str) -> Path:
    return includes / translated_source("abbreviations.md", language)


def glossary(includes: Path, language: str) -> tuple[dict[str, str], list[Problem]]:
    """The language's definitions, short form → long form, as the abbr
    extension reads them in a page (a later line wins), and a problem for
    each line that is none (an empty line is fine)."""
    path = abbreviations_file(includes, language)
    shown = f"{includes.name}/{path.name}"
    words: dict[str, str] = {}
    problems = []
    for number, line in enumerate(read_source(path).split("\n"), start=1):
        definition = DEFINITION.fullmatch(line)
        if definition and definition.group(2).strip() in REMOVED:
            words.pop(definition.group(1).strip(), None)
        elif definition:
            words[definition.group(1).strip()] = definition.group(2).strip()
        elif line.strip():
            problems.append(Problem(shown, number, 1, "", "not an abbreviation definition; write one per line, "
                                                          "e.g. *[UV]: Ultraviolet light (the sun's rays that burn skin)"))
    return words, problems
