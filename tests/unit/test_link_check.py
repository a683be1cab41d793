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
