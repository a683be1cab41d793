"""The reference list loader: clear errors for staff editing references.yml."""
import markdown
import pytest

from pipeline.data.problems import DataFileError
from pipeline.data.references import load_references


def load(tmp_path, text):
    path = tmp_path / "references.yml"
    path.write_text(text)
    return load_references(path, "references.yml")


def test_entry_with_doi_and_pmid_links_both(tmp_path):
    refs = load(tmp_path, 'Alam2014:\n  label: Alam 2014\n  citation: A trial.\n  checked: abstract\n  doi: 10.1001/x.1\n  pmid: "123"\n')
    assert refs["Alam2014"].links == [("doi:10.1001/x.1", "https://doi.org/10.1001/x.1"), ("PMID 123", "https://pubmed.ncbi.nlm.nih.gov/123/")]
    assert refs["Alam2014"].anchor == "ref-alam2014"


def test_mistakes_are_all_reported_with_positions(tmp_path):
    text = (
        "Alam2014:\n  label: Alam 2014\n  citation: A trial.\n  checked: maybe\n  doi: https://doi.org/10.1/x\n"
        "Harris2015:\n  label: Alam 2014\n  citation: A review.\n  checked: abstract\n  pmid: 12a\n  year: 2015\n"
    )
    with pytest.raises(DataFileError) as caught:
        load(tmp_path, text)
    problems = [str(p) for p in caught.value.problems]
    assert any(p.startswith("references.yml:4:12: Alam2014.checked:") and "full text, abstract" in p for p in problems)
    assert any(p.startswith("references.yml:5:8: Alam2014.doi:") and "without https://doi.org/" in p for p in problems)
    assert any(p.startswith("references.yml:7:10: Harris2015.label:") and "already used by Alam2014" in p for p in problems)
    assert any(p.startswith("references.yml:10:9: Harris2015.pmid:") for p in problems)
    assert any(p.startswith("references.yml:11:3: Harris2015.year:") and "unknown key" in p for p in problems)


# --- citations in a page: short numbers, and the page's list of sources -----------------

from bs4 import BeautifulSoup  # noqa: E402

from pipeline.data.references import Reference  # noqa: E402
from pipeline.pages.render import cite, page_sources  # noqa: E402

REFS = {key: Reference(key, label, f"{label}. A study.", "abstract")
        for key, label in (("Alam2014", "Alam 2014"), ("Chu2021", "Chu 2021"), ("Harris2015", "Harris 2015"))}


def numbers(html: str) -> list[tuple[str, str, str]]:
    """(shown text, address, name a screen reader hears) of each citation link."""
    return [(a.get_text(), a["href"], a["aria-label"]) for a in BeautifulSoup(html, "html.parser").select("sup.cite a")]


def test_sources_are_numbered_in_order_of_first_citation_on_the_page():
    order: list[str] = []
    first = cite(("Chu2021",), REFS, order)
    second = cite(("Alam2014", "Chu2021"), REFS, order)   # Chu keeps 1, Alam is new: 2
    third = cite(("Harris2015", "Chu2021"), REFS, order)  # the third distinct source is 3
    assert numbers(first) == [("1", "#source-1", "Source 1: Chu 2021")]
    assert numbers(second) == [("1", "#source-1", "Source 1: Chu 2021"), ("2", "#source-2", "Source 2: Alam 2014")]
    assert numbers(third) == [("1", "#source-1", "Source 1: Chu 2021"), ("3", "#source-3", "Source 3: Harris 2015")]
    shown = BeautifulSoup(third, "html.parser").get_text()
    assert shown == "[1, 3]", "short numbers, not the long labels, in the running text"
    # A new page starts again at 1.
    assert numbers(cite(("Harris2015",), REFS, [])) == [("1", "#source-1", "Source 1: Harris 2015")]


def test_the_page_ends_with_its_sources_each_number_leading_to_its_entry():
    order: list[str] = []
    for keys in (("Chu2021",), ("Alam2014",), ("Chu2021", "Harris2015")):
        cite(keys, REFS, order)
    html = markdown.markdown(page_sources(order, REFS, lambda key: f"../references/#ref-{key.lower()}"),
                             extensions=["attr_list"])
    page = BeautifulSoup(html, "html.parser")
    assert page.find("h2").get_text() == "Sources for this page"
    entries = page.select("ol.page-sources > li")
    assert [li["id"] for li in entries] == ["source-1", "source-2", "source-3"]
    third = entries[2]
    assert third.a.get_text() == "Harris 2015" and third.a["href"] == "../references/#ref-harris2015"
    assert "Harris 2015. A study." in third.get_text()
    assert page_sources([], REFS, str) == "", "a page that cites nothing has no list"


def test_a_citation_stays_on_the_line_of_the_word_before_it():
    """The space typed before {{ cite(...) }} is where a line could break,
    leaving the number alone at the start of the next line."""
    from pipeline.pages.render import attach_citations

    number = cite(("Chu2021",), REFS, [])
    text = attach_citations(f"Redness can last 7 days {number}.\n\n- {number} starts an item\n")
    assert f"7 days{number}." in text
    assert f"- {number} starts an item" in text, "a citation at the start of a line keeps its place"


@pytest.mark.parametrize("before, joined", [("7 days", True), ("(PIH)", True), ('"sterile"', True), ("**bold**", True),
                                            ("-", False), ("1.", False), ("*", False), ("", False)])
def test_only_a_word_or_its_closing_mark_takes_the_citation(before, joined):
    from pipeline.pages.render import attach_citations

    number = cite(("Chu2021",), REFS, [])
    text = attach_citations(f"{before} {number}")
    assert text == (f"{before}{number}" if joined else f"{before} {number}")


def test_citations_are_joined_as_the_pattern_over_every_space_joined_them():
    """attach_citations looks back from each citation; on random texts of
    spaces, tabs, words, marks, line breaks and citations it joins the same
    ones as a substitution of the spaces before every citation (the reading
    it replaced)."""
    import random
    import re

    from pipeline.pages.render import CITATION_START, _JOINS_AFTER, attach_citations

    def by_pattern(markdown: str) -> str:
        def join(spaces: re.Match) -> str:
            start = spaces.start()
            return "" if _JOINS_AFTER.search(markdown, max(0, start - 2), start) else spaces.group()
        return re.sub(f"[ \t]+(?={CITATION_START})", join, markdown)

    number = cite(("Chu2021",), REFS, [])
    parts = [" ", "  ", "\t", "\n", "word", "1.", "-", "*", ")", "\u201d", "_", '"', "x*", number, number]
    rng = random.Random(16)
    texts = ["".join(rng.choice(parts) for _ in range(rng.randint(0, 12))) for _ in range(20_000)]
    assert sum(by_pattern(text) != text for text in texts) > 500  # the cases join something
    assert [attach_citations(text) for text in texts] == [by_pattern(text) for text in texts]
