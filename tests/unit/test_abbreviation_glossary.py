"""Every page of a language's run explains the short forms of that
language's list (the abbr extension's glossary): its HTML is the same as
with the whole list typed at its end, as the abbr extension reads it (what
a reader sees: the dotted short forms with their long form on hover or
tap); a line of the list that is no definition stops the build with its line."""
from __future__ import annotations

import markdown
import pytest

from pipeline.pages.abbreviations import glossary

DEFINITIONS = ("*[FDA]: US Food and Drug Administration\n"
               "*[HA]: Hyaluronic acid\n"
               "*[ Tip ] :  a short form that is also a box's default title \n"
               "\n"
               "*[HA]: Hyaluronic acid (a later line wins)\n")


@pytest.fixture
def includes(tmp_path):
    folder = tmp_path / "includes"
    folder.mkdir()
    (folder / "abbreviations.md").write_text(DEFINITIONS, encoding="utf-8")
    (folder / "abbreviations.es.md").write_text("*[FDA]: Agencia de alimentos y medicamentos de EE. UU.\n", encoding="utf-8")
    return folder


def test_the_language_s_list_as_short_form_and_long_form(includes):
    assert glossary(includes, "en") == ({"FDA": "US Food and Drug Administration", "HA": "Hyaluronic acid (a later line wins)",
                                         "Tip": "a short form that is also a box's default title"}, [])
    assert glossary(includes, "es") == ({"FDA": "Agencia de alimentos y medicamentos de EE. UU."}, [])


@pytest.mark.parametrize("page", [
    "The FDA has rules about HA fillers.",
    "The FDA has tips.",  # "has" and "tips": other letter cases, no match
    "!!! tip\n    Ask the FDA.",
    "??? tip\n    Ask the FDA.",
    "!!! tip \"Your own title\"\n    No short form here.",
    "Nothing short here.",
    "| FDA | HA |\n|---|---|\n| 1 | 2 |",
])
def test_the_page_reads_the_same_as_with_the_list_at_its_end(includes, page):
    extensions = ["abbr", "admonition", "tables", "pymdownx.details"]
    words, _ = glossary(includes, "en")
    with_glossary = markdown.markdown(page, extensions=extensions, extension_configs={"abbr": {"glossary": words}})
    assert with_glossary == markdown.markdown(page + "\n\n" + DEFINITIONS, extensions=extensions)
    if "FDA" in page:
        assert '<abbr title="US Food and Drug Administration">FDA</abbr>' in with_glossary


def test_a_line_that_is_no_definition_is_named_with_its_line(includes):
    (includes / "abbreviations.md").write_text(DEFINITIONS + "*[UV] Ultraviolet light\n", encoding="utf-8")
    words, problems = glossary(includes, "en")
    assert "UV" not in words
    assert [str(p) for p in problems] == ["includes/abbreviations.md:6:1: not an abbreviation definition; write one per "
                                          "line, e.g. *[UV]: Ultraviolet light (the sun's rays that burn skin)"]


def test_an_empty_long_form_removes_the_short_form_as_in_a_page(includes):
    (includes / "abbreviations.md").write_text(DEFINITIONS + "*[HA]: ''\n", encoding="utf-8")
    assert "HA" not in glossary(includes, "en")[0]
    assert "<abbr" not in markdown.markdown("HA\n\n" + DEFINITIONS + "*[HA]: ''\n", extensions=["abbr"])
