"""The site-wide steps once, after the last language.

mkdocs-static-i18n builds the default language, then each other language
from its own post-build step, each time into the same site folder and each
time calling our on_post_build.  The steps that read or change the whole
site (link check, embed pages, security headers, the feed) must run once,
when every language is written: run earlier, English pages would get a
second policy <meta> and the link check would miss the Spanish pages.  What
each language's build knows only while it runs (its embed pages, rendered
with its own theme language and strings; its 404 page, which every build
writes to the site's root) is kept here until then.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..pages.language import DEFAULT_LANGUAGE

NOT_FOUND = "404.html"


@dataclass
class LanguageBuilds:
    expected: int  # how many languages this build writes
    languages: list[str] = field(default_factory=list)  # built so far, in order
    site_names: dict[str, str] = field(default_factory=dict)
    embed_pages: dict[str, str] = field(default_factory=dict)  # built path → embed page, every language
    not_found: dict[str, bytes] = field(default_factory=dict)  # language → its 404 page

    def add(self, language: str, site_name: str) -> None:
        self.languages.append(language)
        self.site_names[language] = site_name

    @property
    def last(self) -> bool:
        """Every language is written: the site-wide steps may run."""
        return len(self.languages) >= self.expected

    @property
    def default_site_name(self) -> str:
        return self.site_names.get(DEFAULT_LANGUAGE) or next(iter(self.site_names.values()))


def keep_not_found_page(site_dir: Path, language: str, builds: LanguageBuilds) -> None:
    """Take this language's 404 page out of the site's root before the next
    language's build overwrites it."""
    page = site_dir / NOT_FOUND
    if page.is_file():
        builds.not_found[language] = page.read_bytes()
        page.unlink()


def place_not_found_pages(site_dir: Path, builds: LanguageBuilds) -> None:
    """The default language's 404 page at the root (what hosts serve for any
    missing address), each other language's in its folder (es/404.html)."""
    for language, html in builds.not_found.items():
        target = site_dir / (NOT_FOUND if language == DEFAULT_LANGUAGE else f"{language}/{NOT_FOUND}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(html)
