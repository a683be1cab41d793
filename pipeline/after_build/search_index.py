"""One search index per language, so that a reader searches the pages of
the language they read, with that language's word rules.

Material's search plugin writes one index at search/search_index.json;
mkdocs-static-i18n fills it with every language's pages (lunr set to all
languages at once) after its last language's build.  This splits that file:
each language's pages go to its own index (search_index_path()), set to
that language alone (lunr's support for it) with that language's word rules
(PIPELINE), and the page's search loader fetches the index of the page's
language (search-on-demand.js).  The pages' locations are kept
as they are: Material resolves them against the site's root, which is
where every page's search starts, in either language.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..pages.language import DEFAULT_LANGUAGE, search_index_path


# lunr's word rules per language; a language not listed keeps Material's
# default (stop words only).  Spanish also trims the punctuation that the
# separator leaves around a word ("¿qué", "(tratamiento"), so that the word
# is found.  Its words are not stemmed here: the Spanish search worker
# matches each word typed by the beginning its Snowball stem keeps
# (docs/assets/javascripts/search-stemming-es.js, which English search does
# not load).
PIPELINE = {"es": ["stopWordFilter", "trimmer"]}


def location_language(location: str, languages: tuple[str, ...] | list[str]) -> str:
    """The language of a search entry by its location: 'es/aftercare/#x' → 'es';
    'aftercare/', '' (the English home page) → the default language."""
    first = location.split("/", 1)[0].split("#", 1)[0]
    return first if first in languages and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


def split_search_index(index: dict, languages: tuple[str, ...] | list[str]) -> dict[str, dict]:
    """Language → its own index (same config, lunr set to that language only,
    with its PIPELINE where it has one)."""
    return {
        language: {
            **index,
            "config": {**index.get("config", {}), "lang": [language],
                       **({"pipeline": PIPELINE[language]} if language in PIPELINE else {})},
            "docs": [doc for doc in index.get("docs", []) if location_language(doc.get("location", ""), languages) == language],
        }
        for language in languages
    }


def write_language_indexes(site_dir: Path, languages: tuple[str, ...] | list[str]) -> None:
    """Replace the combined index with one per language (nothing to do when
    the build wrote no search index)."""
    combined = site_dir / search_index_path(DEFAULT_LANGUAGE)
    if not combined.is_file():
        return
    for language, index in split_search_index(json.loads(combined.read_text(encoding="utf-8")), languages).items():
        target = site_dir / search_index_path(language)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")  # as Material writes it
