"""One search index per language (pipeline/after_build/search_index.py)."""
from __future__ import annotations

import json

from pipeline.after_build.search_index import location_language, split_search_index, write_language_indexes

COMBINED = {
    "config": {"lang": ["en", "es"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]},
    "docs": [
        {"location": "", "title": "Home", "text": "a"},
        {"location": "#key-points", "title": "Key points", "text": "b"},
        {"location": "aftercare/", "title": "Aftercare", "text": "c"},
        {"location": "es/", "title": "Inicio", "text": "d"},
        {"location": "es/#puntos-clave", "title": "Puntos clave", "text": "e"},
        {"location": "es/aftercare/", "title": "Cuidados después", "text": "f"},
        # An English page whose name only starts like the language code.
        {"location": "estimates/", "title": "Estimates", "text": "g"},
    ],
}


def test_each_location_belongs_to_one_language():
    assert [location_language(doc["location"], ["en", "es"]) for doc in COMBINED["docs"]] == \
        ["en", "en", "en", "es", "es", "es", "en"]


def test_each_language_gets_its_pages_and_its_language_only():
    indexes = split_search_index(COMBINED, ["en", "es"])
    assert [d["title"] for d in indexes["en"]["docs"]] == ["Home", "Key points", "Aftercare", "Estimates"]
    assert [d["title"] for d in indexes["es"]["docs"]] == ["Inicio", "Puntos clave", "Cuidados después"]
    # English as Material sets it; Spanish also trims the punctuation around a word.
    assert indexes["en"]["config"] == {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]}
    assert indexes["es"]["config"] == {"lang": ["es"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter", "trimmer"]}
    assert COMBINED["config"]["lang"] == ["en", "es"]  # the input is left as it was


def test_the_indexes_are_written_where_each_language_lives(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(COMBINED), encoding="utf-8")
    write_language_indexes(tmp_path, ["en", "es"])
    english = json.loads((tmp_path / "search" / "search_index.json").read_text(encoding="utf-8"))
    spanish = json.loads((tmp_path / "es" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert len(english["docs"]) == 4 and len(spanish["docs"]) == 3


def test_a_build_without_search_writes_no_index(tmp_path):
    write_language_indexes(tmp_path, ["en", "es"])
    assert list(tmp_path.iterdir()) == []
