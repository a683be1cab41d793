"""Which of the stylesheet's rules embed pages carry inline
(pipeline/after_build/embed_styles.py): only rules that cannot apply to any
embed page are left out, and states a reader can reach are never judged.
(The browser test tests/browser/test_embed_pages_styled_alike.py compares the result
with the whole stylesheet, element by element.)"""
from __future__ import annotations

import pytest

from pipeline.after_build.embed_styles import inline_problems, inline_used_styles, needed_words, page_words, parse_stylesheet, used_rules


@pytest.mark.parametrize("selector, needed", [
    (".md-typeset h1:hover", {"md-typeset", "h1"}),
    (".md-typeset a::after", {"md-typeset", "a"}),
    ("a:not(.absent)", {"a"}),  # what :not() names need not be on the page
    (".box:is(.b, .c) > p::before", {"box", "p"}),
    ("[data-md-color-scheme=slate] .x", {"data-md-color-scheme", "x"}),  # the attribute, whatever its value
    ('[title="a,b]{"] + em', {"title", "em"}),
    ("DETAILS[OPEN] > Summary", {"details", "open", "summary"}),
    ("#top ~ .note", {"top", "note"}),
    ("*", set()),
    (".\\31 0", set()),  # an escaped name: not judged, kept
])
def test_a_selector_needs_its_classes_ids_elements_and_attribute_names(selector, needed):
    assert needed_words(selector) == needed


def test_only_rules_no_embed_page_can_use_are_left_out():
    css = ('@charset "UTF-8";.kept{color:red}.gone{color:blue}.kept,.gone{margin:0}'
           "@media print{.gone{x:1}}@media screen{.kept:hover{y:2}.gone{z:3}}"
           "@keyframes spin{0%{a:b}to{a:c}}"
           '.x::after{content:"}{"}.y[title="a,b"],.gone2{q:1}'
           "/* .kept{} */")
    words = page_words(['<div class="kept x y" title="t">'], [])
    # Worked out by hand: .gone and .gone2 are on no page; the print group is left empty;
    # keyframes are kept whole; braces and commas inside strings count for nothing.
    assert used_rules(parse_stylesheet(css), words) == (
        '@charset "UTF-8";.kept{color:red}.kept{margin:0}@media screen{.kept:hover{y:2}}'
        '@keyframes spin{0%{a:b}to{a:c}}.x::after{content:"}{"}.y[title="a,b"]{q:1}')


def test_words_come_from_tags_and_scripts_not_from_the_text():
    words = page_words(['<p class="Lead">gone</p><a title="a>b" class="late">x</a>'],
                       ['document.body.classList.add("printing-plan")'])
    assert {"p", "lead", "a", "title", "late", "printing-plan"} <= words
    assert "gone" not in words and "x" not in words


@pytest.mark.parametrize("css, refused", [
    (".a{color:red}</style><script>", True),
    ('.a{background:url("icon.svg")}', True),
    (".a{background:url( ../images/x.png)}", True),
    ('.a{background:url("data:image/svg+xml;charset=utf-8,<svg/>")}', False),
    (".a{background:url(/assets/x.svg)}", False),
    (".a{background:url('https://example.org/x.png')}", False),
])
def test_rules_that_cannot_be_inline_stop_the_build(css, refused):
    problems = inline_problems(css, "overrides/partials/site.css")
    assert bool(problems) == refused
    assert all(p.file == "overrides/partials/site.css" for p in problems)


PAGE = ('<html><head><base href="../../aftercare/" target="_blank">'
        '<link rel="stylesheet" href="../assets/stylesheets/site.abc.min.css"></head>'
        '<body class="embed-page"><p>Text</p><script src="../assets/javascripts/embed-page.js" defer></script></body></html>')


def test_each_embed_page_carries_the_same_rules_in_place_of_the_link(tmp_path):
    (tmp_path / "assets/javascripts").mkdir(parents=True)
    (tmp_path / "assets/javascripts/embed-page.js").write_text('el.classList.add("opened")', encoding="utf-8")
    css = ".embed-page{margin:0}.md-header{height:3rem}.opened{color:red}p{line-height:1.5}"
    pages = {"embed/aftercare/index.html": PAGE,
             "embed/conditions/scars/index.html": PAGE.replace("../../aftercare/", "../../../conditions/scars/")
                                                       .replace('="../assets', '="../../assets')}
    inlined = inline_used_styles(pages, tmp_path, "assets/stylesheets/site.abc.min.css", css)
    style = "<style>.embed-page{margin:0}.opened{color:red}p{line-height:1.5}</style>"
    for path, html in inlined.items():
        assert "rel=\"stylesheet\"" not in html and html.count(style) == 1, path
        assert html.index(style) < html.index("</head>")


def test_a_page_that_does_not_link_the_stylesheet_is_left_as_it_is(tmp_path):
    """A theme without our templates (the benchmark's stock Material) links its own."""
    page = PAGE.replace("site.abc", "main.xyz")
    assert inline_used_styles({"embed/aftercare/index.html": page}, tmp_path,
                              "assets/stylesheets/site.abc.min.css", ".a{b:c}") == {"embed/aftercare/index.html": page}
