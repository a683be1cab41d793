"""The short forms every page explains when a reader points at or taps them
(Markdown's abbr extension), in the page's own language: includes/abbreviations.md
for English, includes/abbreviations.<language>.md for a translation.

pymdownx.snippets' auto_append would give every page the same (English) list,
so the glue appends the page's list itself."""
from __future__ import annotations

from pathlib import Path

from .language import LANGUAGES


def abbreviations_file(includes: Path, language: str) -> Path:
    return includes / ("abbreviations.md" if language == LANGUAGES[0] else f"abbreviations.{language}.md")


def abbreviation_list(includes: Path, language: str) -> str:
    """The page language's abbreviation definitions, to append to its Markdown."""
    return "\n\n" + abbreviations_file(includes, language).read_text(encoding="utf-8")
