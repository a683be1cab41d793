"""The language of a page: the one rule every part of the build uses.

mkdocs-static-i18n builds the site once per language and sets `file.locale`
on each page it builds ("es" for `aftercare.es.md`); a build without the
plugin (or a file it did not touch) has no locale, which means English.
Outside a build (link check, tests, scripts) the source path says the same:
a translation is `<path>.<language>.md` beside the English `<path>.md`
(the plugin's "suffix" structure, mkdocs.yml).
"""
from __future__ import annotations

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
