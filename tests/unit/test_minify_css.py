"""The site's CSS is inlined, minified, in every page: smaller, same rules."""
from macros.render import minify_css


def test_comments_and_layout_go_strings_stay():
    css = '/* why */\n.a ,\n.b  {\n  color: #fff;\n}\n.e::before { content: "Error: "; }\n@media print {\n  .x { display: none !important; }\n}\n'
    assert minify_css(css) == '.a , .b{color: #fff;}.e::before{content: "Error: ";}@media print{.x{display: none !important;}}'
