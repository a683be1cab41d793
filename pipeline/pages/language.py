"""The language of a page: the one rule every part of the build uses.

mkdocs-static-i18n builds the site once per language and sets `file.locale`
on each page it builds ("es" for `aftercare.es.md`); a build without the
plugin (or a file it did not touch) has no locale, which means English.
Outside a build (link check, tests, scripts) the source path says the same:
a translation is `<path>.<language>.md` beside the English `<path>.md`
(the plugin's "suffix" structure, mkdocs.yml).
"""
from __future__ import annotations

import re
from html import escape, unescape
from urllib.parse import urljoin, urlsplit

LANGUAGES = ("en", "es")
DEFAULT_LANGUAGE = "en"


def page_language(page) -> str:
    """The language code of `page` ("en" or "es")."""
    return getattr(page.file, "locale", None) or DEFAULT_LANGUAGE


def source_language(src_uri: str) -> str:
    """'aftercare.es.md' → 'es'; 'aftercare.md', 'a/b.svg' → 'en'."""
    stem, _, extension = src_uri.rpartition(".")
    name = stem.rpartition("/")[2]
    suffix = name.rpartition(".")[2] if "." in name else ""
    return suffix if extension and suffix in LANGUAGES and suffix != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


def default_source(src_uri: str) -> str:
    """The English file a translation follows: 'conditions/scars.es.md' →
    'conditions/scars.md' (an English path is returned as it is)."""
    language = source_language(src_uri)
    if language == DEFAULT_LANGUAGE:
        return src_uri
    stem, _, extension = src_uri.rpartition(".")
    return stem.removesuffix("." + language) + "." + extension


def translated_source(src_uri: str, language: str) -> str:
    """The file of `src_uri` in `language`: ('aftercare.md', 'es') → 'aftercare.es.md'."""
    english = default_source(src_uri)
    if language == DEFAULT_LANGUAGE:
        return english
    stem, _, extension = english.rpartition(".")
    return f"{stem}.{language}.{extension}"


def language_folder(language: str) -> str:
    """Where `language`'s pages are built, relative to site/: '' for English
    (at the root), 'es/' for Spanish (mkdocs-static-i18n's /es/)."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def search_index_path(language: str) -> str:
    """The search index of `language`'s pages, relative to site/: English at
    Material's own address, each other language in its folder beside its
    pages ('es' → 'es/search/search_index.json')."""
    return language_folder(language) + "search/search_index.json"


def site_relative_link(link: str, site_url: str) -> str:
    """A link of the language switcher as an address inside the site, which
    the templates' `url` filter then makes relative to the page.
    mkdocs-static-i18n gives the two home pages root-relative links
    ('/es/', or '/guide/es/' for site_url https://example.org/guide/),
    which break wherever the site is served from another path (a mirror,
    a clinic's proxy, a local copy): '/guide/es/' → 'es/', '/guide/' → './'.
    Relative and external links are returned as they are."""
    base = urlsplit(site_url).path or "/"
    base = base if base.endswith("/") else base + "/"
    if not link.startswith(base) or link.startswith("//"):
        return link
    return link[len(base):] or "./"


_ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')


def absolute_alternates(html: str, page_url: str) -> str:
    """The page's <link rel=alternate hreflang> tags with full addresses
    (Material writes them relative to the page, like every link).  Search
    engines read hreflang only from full addresses; Lighthouse's SEO audit
    fails the page otherwise.  The language switcher's links (the same
    addresses, in the header) stay relative, so the site still works from
    any folder or host."""
    return _ALTERNATE.sub(lambda m: f'<link rel="alternate" href="{escape(urljoin(page_url, unescape(m[1])))}" hreflang="{m[2]}">', html)
