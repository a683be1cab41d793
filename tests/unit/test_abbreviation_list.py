"""Each page gets only the abbreviation definitions its text can use, and
its HTML is the same as with the whole list (what a reader sees: the
dotted short forms with their long form on hover or tap)."""
from __future__ import annotations

import markdown
import pytest

from pipeline.pages.abbreviations import abbreviation_list

DEFINITIONS = ("*[FDA]: US Food and Drug Administration\n"
               "*[HA]: Hyaluronic acid\n"
               "*[Tip]: a short form that is also a box's default title\n")


@pytest.fixture
def includes(tmp_path):
    (tmp_path / "abbreviations.md").write_text(DEFINITIONS, encoding="utf-8")
    return tmp_path


def keys(appended: str) -> list[str]:
    return [line[2:line.index("]")] for line in appended.split("\n") if line.startswith("*[")]


def test_only_the_short_forms_the_page_contains(includes):
    # "has" and "tips" hold "ha" and "tip" in other letter cases: no abbr extension match.
    assert keys(abbreviation_list(includes, "en", "The FDA has tips.")) == ["FDA"]
    assert keys(abbreviation_list(includes, "en", "Nothing short here.")) == []


def test_a_box_titled_by_its_type_keeps_that_title_s_definition(includes):
    assert keys(abbreviation_list(includes, "en", "!!! tip\n    Wear sunscreen.")) == ["Tip"]
    assert keys(abbreviation_list(includes, "en", "??? tip\n    Wear sunscreen.")) == ["Tip"]


def test_a_page_with_a_snippet_or_without_its_text_gets_every_definition(includes):
    assert keys(abbreviation_list(includes, "en", 'Intro\n\n--8<-- "extra.md"\n')) == ["FDA", "HA", "Tip"]
    assert keys(abbreviation_list(includes, "en")) == ["FDA", "HA", "Tip"]


@pytest.mark.parametrize("page", [
    "The FDA has rules about HA fillers.",
    "!!! tip\n    Ask the FDA.",
    "!!! tip \"Your own title\"\n    No short form here.",
    "Nothing short here.",
    "| FDA | HA |\n|---|---|\n| 1 | 2 |",
])
def test_the_page_reads_the_same_as_with_every_definition(includes, page):
    def html(appended: str) -> str:
        return markdown.markdown(page + appended, extensions=["abbr", "admonition", "tables", "pymdownx.details"])

    assert html(abbreviation_list(includes, "en", page)) == html(abbreviation_list(includes, "en"))
    if "FDA" in page:
        assert '<abbr title="US Food and Drug Administration">FDA</abbr>' in html(abbreviation_list(includes, "en", page))
