"""HTML held out of Markdown's reading (pipeline/pages/held_html.py) comes out
of Markdown as if it had stood in the page's text."""
import re

import markdown
import pytest

from pipeline.pages.held_html import HeldHtml
from pipeline.pages.render import attach_citations

# The site's Markdown extensions that read raw HTML (mkdocs.yml).
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc"]
BLOCK = '\n<div class="care-cards"><section id="card-1"><h3>Call 999</h3><p>If you <em>cannot</em> breathe.</p></section></div>\n'
INLINE = '<sup class="cite" data-search-exclude>[<a href="#source-1" aria-label="Source 1: FDA 2007">1</a>]</sup>'
PAGE = ("# Safety\n\nThe FDA has warned about numbing cream{inline}. More text.\n\n{block}\n\n"
        "## Next\n\n- an item{inline}\n\n*[FDA]: US Food and Drug Administration\n")


def convert(text: str, held: HeldHtml | None = None) -> markdown.Markdown:
    md = markdown.Markdown(extensions=EXTENSIONS + ([held.extension()] if held else []))
    md.html = md.convert(text)
    return md


def blank_lines_out(html: str) -> str:
    """Markdown's md_in_html keeps the line break after a raw block's closing
    tag (a blank line between two blocks); held HTML does not."""
    return re.sub(r"\n\n+", "\n", html)


def test_held_html_comes_out_as_the_html_in_the_text_would():
    written = convert(PAGE.format(inline=INLINE, block=BLOCK))
    held = HeldHtml()
    tokens = PAGE.format(inline=held.hold(INLINE, "safety.md", "cite"), block=held.hold(BLOCK, "safety.md"))
    assert "<" not in tokens.split("*[FDA]")[0].replace("<sup", ""), "the page's Markdown holds tokens, not the HTML"
    through_tokens = convert(tokens, held)
    assert blank_lines_out(through_tokens.html) == blank_lines_out(written.html)
    # What a reader sees: the block is not wrapped in a paragraph, the citation stays in its sentence,
    # the abbreviation before it is still marked, and the heading inside the block is not in the contents.
    assert "<p><div" not in through_tokens.html and "<p>\x1a" not in through_tokens.html
    assert f'<abbr title="US Food and Drug Administration">FDA</abbr> has warned about numbing cream{INLINE}.' in through_tokens.html
    assert f"<li>an item{INLINE}</li>" in through_tokens.html
    assert [t["name"] for t in through_tokens.toc_tokens[0]["children"]] == ["Next"]
    assert through_tokens.toc_tokens == written.toc_tokens


def test_the_anchors_inside_held_html_are_known_per_page():
    held = HeldHtml()
    held.hold(BLOCK, "safety.md")
    held.hold('<ol><li id="source-1">A &amp; B</li><li id="a&amp;b">x</li></ol>', "safety.md")
    held.hold(INLINE, "faq.md")
    assert held.anchor_ids("safety.md") == {"card-1", "source-1", "a&b"}
    assert held.anchor_ids("faq.md") == set(), "a link's href is not an anchor of the page"
    assert held.anchor_ids("index.md") == set()


def test_a_token_of_another_build_or_typed_in_page_text_is_left_as_text():
    theirs, ours = HeldHtml(), HeldHtml()
    typed = theirs.hold("<script>alert(1)</script>", "index.md")
    assert ours.nonce != theirs.nonce
    html = convert(f"Text {typed} and {ours.hold('<b>ours</b>', 'index.md')}.", ours).html
    assert "<script>" not in html and "<b>ours</b>" in html


@pytest.mark.parametrize("held", [False, True])
def test_citations_join_the_word_before_them_as_html_or_as_tokens(held):
    store = HeldHtml()
    number = store.hold(INLINE, "safety.md", "cite") if held else INLINE
    start = store.token_start("cite") if held else None
    text = f"Redness can last 7 days {number}.\n\n- {number} starts an item\n"
    joined = attach_citations(text, start) if held else attach_citations(text)
    assert f"7 days{number}." in joined
    assert f"- {number} starts an item" in joined, "a citation at the start of a line keeps its place"
    if held:
        other = store.hold("<b>not a citation</b>", "safety.md")
        assert attach_citations(f"word {other}", start) == f"word {other}", "only citations are joined"
