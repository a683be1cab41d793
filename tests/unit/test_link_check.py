"""Links between pages in the Markdown source: position, target, and a fix."""
from pipeline.after_build.links import check_links, html_ids, markdown_links

PAGES = {"index.md", "aftercare.md", "safety.md", "conditions/acne-scars.md"}
SOURCE = """---
title: Acne scars
---
# Acne scars

Read the [aftercare guide](../aftercare.md) and [who should not have it](../safety.md#who-should-not-have-it).
See [the home page](../index.md), [a typo](../aftercar.md) and [a section](../aftercare.md#no-such).
A [DOI](https://doi.org/10.1/x), [mail](mailto:a@b.c) and an ![image](../assets/logo.png) are not page links.
`[code](nowhere.md)` and {{ cite("Alam2014") }} are skipped.

```
[fenced](nowhere.md)
```

[ref]: ../safty.md
"""
SECTIONS = {
    "aftercare.md": ({"day-by-day", "when-to-get-help"}, ["day-by-day", "when-to-get-help"]),
    "safety.md": ({"who-should-not-have-it"}, ["who-should-not-have-it"]),
    "index.md": ({"top"}, ["top"]),
}


def test_links_are_found_with_their_positions():
    links = markdown_links(SOURCE)
    assert [(link.line, link.target) for link in links][:2] == [(6, "../aftercare.md"), (6, "../safety.md#who-should-not-have-it")]
    assert SOURCE.splitlines()[5][links[0].column - 1:].startswith("../aftercare.md")
    assert "nowhere.md" not in {link.target for link in links}
    assert links[-1].target == "../safty.md" and links[-1].line == 15


def test_broken_links_name_line_column_and_fix():
    problems = [str(p) for p in check_links("docs/conditions/acne-scars.md", "conditions/acne-scars.md", SOURCE, PAGES, SECTIONS)]
    assert len(problems) == 3, problems
    assert problems[0].startswith("docs/conditions/acne-scars.md:7:")
    assert "the link '../aftercar.md' points to a page that does not exist (did you mean '../aftercare.md'?)" in problems[0]
    assert "the link '../aftercare.md#no-such' points to a section '#no-such' that aftercare.md does not have" in problems[1]
    assert "sections on aftercare.md: #day-by-day, #when-to-get-help" in problems[1]
    assert problems[2].startswith("docs/conditions/acne-scars.md:15:") and "'../safety.md'" in problems[2]


def test_anchors_are_only_checked_when_sections_are_known():
    problems = check_links("docs/conditions/acne-scars.md", "conditions/acne-scars.md", SOURCE, PAGES, None)
    assert len(problems) == 2


def test_ids_of_a_built_page():
    ids, headings = html_ids('<h1 id="t">T</h1><h2 id="a">A</h2><p id="p"></p><a name="old"></a>')
    assert ids == {"t", "a", "p", "old"} and headings == ["t", "a"]


def test_site_links_read_the_sections_of_linked_pages_only(tmp_path):
    """check_site_links reads a built page's ids only when a link names one of its
    sections (BuiltSections), and still reports the section a page lacks."""
    from pipeline.after_build.links import BuiltSections, check_site_links

    docs, site = tmp_path / "docs", tmp_path / "site"
    for name, text, built in [("a.md", "[here](b.md#here), [gone](b.md#gone) and [b](b.md)\n", "<h1 id=\"a\">A</h1>"),
                              ("b.md", "# B\n", '<h1 id="b">B</h1><h2 id="here">Here</h2>')]:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text)
        (site / name[:-3]).mkdir(parents=True)
        (site / name[:-3] / "index.html").write_text(built)
    problems = [str(p) for p in check_site_links(docs, site)]
    assert len(problems) == 1 and problems[0].startswith("docs/a.md:1:")
    assert "'#gone' that b.md does not have" in problems[0] and "#b, #here" in problems[0]
    sections = BuiltSections(site, ["a.md", "b.md"], True)
    assert "a.md" in sections and "c.md" not in sections and not sections._read, "asking whether a page is known reads nothing"
    assert sections["b.md"] == ({"b", "here"}, ["b", "here"]) and list(sections._read) == ["b.md"]
