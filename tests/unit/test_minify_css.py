"""The site's CSS ships minified after Material's, in the one stylesheet: smaller, same rules.
(tests/browser/test_site_css.py has Chromium compare the real stylesheet.)"""
from pipeline.pages.render import minify_css

SOURCE = """/* a comment with a "quote" and a ; */
.a ,
.b  {
  color: #fff;
}
.e::before { content: "Error :  {x}; "; }
.f::after { content: 'it\\'s  ;'; }
@media print {
  .x { display: none !important; }
}
"""


STRINGS = ('"Error :  {x}; "', "'it\\'s  ;'")


def test_comments_and_layout_white_space_go():
    out = minify_css(SOURCE)
    outside_strings = out
    for string in STRINGS:
        outside_strings = outside_strings.replace(string, "")
    assert "comment" not in out and "\n" not in out and "  " not in outside_strings
    assert len(out) < len(SOURCE) * 0.75


def test_text_inside_strings_is_kept_exactly():
    out = minify_css(SOURCE)
    for string in STRINGS:
        assert f"content: {string}" in out


def test_rules_and_declarations_survive():
    out = minify_css(SOURCE)
    for kept in (".a , .b{", "color: #fff;", "@media print{", ".x{display: none !important;}"):
        assert kept in out
