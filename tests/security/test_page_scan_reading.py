"""The page check's fast reading (page_safety._fast_scan) finds exactly what
HTMLParser finds, token by token, on hostile and odd markup and on every
built page; markup it does not know is left to HTMLParser itself.

The expected results are HTMLParser's (page_safety.html_parser_scan, the
reading the check used before), and each hostile case also says in its own
words what must be found, so that both readings agreeing on nothing fails."""
from __future__ import annotations

import pytest

from pipeline.after_build import page_safety

SITE = "https://clinic.example/microneedling/"
PATTERNS = page_safety.template_script_patterns()
HEAD = '<!doctype html>\n<html><head><meta charset="utf-8"><title>t</title></head>\n<body>\n'

needs_fast_reading = pytest.mark.skipif(not page_safety.fast_reading(), reason=(
    "this Python's HTMLParser is not one the fast reading was checked against "
    "(page_safety.REVIEWED_PARSERS): pages are read by HTMLParser itself"))

# (markup, words one finding must contain; None: nothing to find)
CASES = [
    ('<p onclick="alert(1)">x</p>', "event handler (onclick"),
    ("<p\tONMOUSEOVER=alert(1)>x</p>", "event handler (onmouseover"),
    ('<p/onclick="alert(1)">x</p>', "event handler (onclick"),
    ('<p title=\'a"b\'onclick=alert(1)>x</p>', "event handler (onclick"),
    ('<p title="one" on>x</p>', "event handler (on="),
    ("<img src=x.png onerror=alert(1)//>", "event handler (onerror"),
    ('<a href=x/ onclick=alert(1)>x</a>', "event handler (onclick"),
    ('<a href="&#106;avascript:alert(1)">x</a>', "script address"),
    ('<a href="java&Tab;script:alert(1)">x</a>', "script address"),
    ('<a href="javascript&colon;alert(1)">x</a>', "script address"),
    ("<a\nhref='VBScript:x'>x</a>", "script address"),
    ('<div data-go="javascript:alert(1)">x</div>', "script address"),
    ('<img\nsrc="https://tracker.example/p.gif"\nalt="">', "another host (tracker.example)"),
    ('<img srcset="a.png 1x,https://cdn.example/b.png 2x" alt="">', "another host (cdn.example)"),
    ('<img src="https://clinic.example/microneedling/a.png" alt="">', None),
    ("<SCRIPT>alert(1)</ScRiPt >", "inline <script>"),
    ('<script>a = "</scr" + "ipt>"; alert(1)</script>', "inline <script>"),
    ("<script>alert(1)</script\n>", "inline <script>"),
    ('<script type="application/ld+json">{"a": "</p>"}</script>', None),
    ('<script src="a.js">alert(1)</script>', "<script src=...> with text"),
    ("<script/><p onclick=x>", "event handler (onclick"),
    ("<style>p{color:red}</style>", "<style> element in the page"),
    ("<head><style>p{}</style></head>", "<style> element in the page"),
    ("<svg><foreignObject><p>x</p></foreignObject></svg>", "foreignObject"),
    ("<meta http-equiv=Refresh content=0>", "refresh"),
    ('<iframe srcdoc="x"></iframe>', "srcdoc"),
    ('<p style="color:red">x</p>', "inline style attribute"),
    ('<p STYLE=color:red>x</p>', "inline style attribute"),
    # Comments: what is inside is not markup, and one ends at "--" + ">".
    ("<!-- <script>alert(1)</script> -->", None),
    ("<!-- a -- > <script>alert(1)</script> -->", "inline <script>"),
    ("<!--> <script>alert(1)</script> -->", None),
    ("<!----><p onclick=x>", "event handler (onclick"),
    # Markup the fast reading leaves to HTMLParser.
    ("<?php echo 1 ?><p onclick=x>", "event handler (onclick"),
    ("<![CDATA[ x ]]><p onclick=x>", "event handler (onclick"),
    ("a < b <p onclick=x>", "event handler (onclick"),
    ("</ p></3><p onclick=x>", "event handler (onclick"),
    ("<!x><p onclick=x>", "event handler (onclick"),
    ("<p onclick=x", "event handler (onclick"),  # the tag ends at the next line's ">"
    ("<script>alert(1)", None),
    ('<p title="a>b" onclick=x>', "event handler (onclick"),
    ("<p title=a'b onclick=x>", "event handler (onclick"),
    ("<p =onclick=x>", None),
    ("<p\u00a0onclick=x>", None),
    # Plain-looking tags among plain ones (the run passed over in one step, page_safety._PLAIN_RUN):
    # a tag that changes state or could hold a finding, in any case, is still read.
    ('<div class="a"><p class="x" STYLE="x">x</p></div>', "inline style attribute"),
    ('<div class="a"><div class="x" OnClick="go()">x</div></div>', "event handler (onclick"),
    ('<div class="a"><div class="x" SRCDOC="x">x</div></div>', "srcdoc"),
    ('<span class="a"></span><IMG alt="" src="//tracker.example/p.gif">', "another host (tracker.example)"),
    ('<svg class="a"><ForeignObject class="b"><p>x</p></ForeignObject></svg>', "foreignObject"),
    ('<span class="a"></span><META name="a" http-equiv="REFRESH">', "refresh"),
    ('<span class="a"></span></HEAD><span class="b"></span><STYLE>p{}</STYLE>', "<style> element in the page"),
    ('<div class="a"><div title=" \tJavaScript:alert(1)">x</div></div>', "script address"),
    ('<div class="a"><div title="\x01\nvbscript:x">x</div></div>', "script address"),
    ('<div class="a"><a class="b" href="lIvEsCrIpT:x">x</a></div>', "script address"),
    ('<a href="#source-1" aria-label="Source 1: Chu 2021" title="Source 1: Chu 2021">1</a>', None),
    ('<a href="#source-3" aria-label="Source 3: Am J &#40;striae&#41;" title="x &#106;avascript:1">3</a>', None),
    ('<div class="a"><a class="b" title="Source" href=" &#106;avascript:x">x</a></div>', "script address"),
    ('<div class="a"><a class="b" title="Source" href="&#9;javascript:x">x</a></div>', "script address"),
    ('<span class="a"></span><div class="b" Style="x">x</div>', "inline style attribute"),
    ('<span class="a"></span><Div class="b" ONCLICK="x">x</Div>', "event handler (onclick"),
    ('<span class="a"></span><Meta name="a" content="0" http-equiv="refresh">', "refresh"),
    # An element that matters only through an attribute is passed over only without it.
    ('<span class="a"></span><LINK rel="stylesheet" HREF="//cdn.example/a.css">', "another host (cdn.example)"),
    ('<span class="a"></span><link rel="preload" imagesrcset="https://cdn.example/a.png 2x">', "another host (cdn.example)"),
    ('<span class="a"></span><input class="b" type="image" Src="https://t.example/x.png">', "another host (t.example)"),
    ('<span class="a"></span><form class="b" action="https://t.example/send">', "another host (t.example)"),
    ('<span class="a"></span><button class="b" formaction="//t.example/send">x</button>', "another host (t.example)"),
    ('<span class="a"></span><video class="b" poster="https://t.example/p.png"></video>', "another host (t.example)"),
    ('<span class="a"></span><meta name="a" content="0" Http-Equiv="refresh">', "refresh"),
    ('<span class="a"></span><meta name="viewport" content="width=device-width"><input class="b" type="checkbox" '
     'id="x" checked><button type="reset" class="c" title="Clear">x</button><form class="d" name="search"></form>', None),
    # Ordinary markup, as Material writes it.
    ('<nav class="md-nav" aria-label="Navigation"><ul><li class="md-nav__item"><a href="../faq/" '
     'class="md-nav__link"><span class="md-ellipsis">FAQ</span></a></li></ul></nav>', None),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M1 2h3"/></svg>', None),
    ("<button>Continue</button><input name=q placeholder='Search on'>", None),
]


@pytest.mark.parametrize("image", [False, True], ids=["page", "svg"])
@pytest.mark.parametrize("markup, words", CASES)
def test_the_fast_reading_finds_what_html_parser_finds(markup, words, image):
    page = HEAD + markup + "\n<p>end</p></body></html>"
    fast = page_safety.scan_page(page, PATTERNS, SITE, image=image)
    assert fast == page_safety.html_parser_scan(page, PATTERNS, SITE, image=image)
    found = [f.what for f in fast.findings]
    if words and not (image and "style" in words):  # an SVG's own styles are allowed
        assert any(words in f for f in found), found
    if words is None:
        assert found == []


def test_findings_keep_the_line_of_the_built_page():
    page = HEAD + "<p>a</p>\n<p>b</p>\n\n<p onclick=x>c</p>\n<img\nsrc=https://t.example/p.gif>"
    lines = [f.line for f in page_safety.scan_page(page, PATTERNS, SITE).findings]
    assert lines == [7, 8]  # counted by hand: HEAD ends with its third line break, the markup starts on line 4


@needs_fast_reading
def test_odd_markup_is_read_by_html_parser_and_ordinary_pages_are_not():
    def read_fast(markup: str) -> bool:
        scanner = page_safety._Scanner(PATTERNS, ("https", "clinic.example"), False)
        try:
            page_safety._fast_scan(HEAD + markup, scanner)
        except page_safety._NotOrdinary:
            return False
        return True

    assert read_fast('<p class="a">x</p><!-- c --><script>1</script>')
    assert not any(read_fast(odd) for odd in ("<?x?>", "<![CDATA[x]]>", "a < b", "</3>", "<p", "<script>x", "<!x>"))


def test_every_built_page_is_read_alike(site):
    """On the built site (both languages, embed pages, drawings) the two
    readings give the same scripts, styles and findings, and no page needs
    HTMLParser (else the build is as slow as before)."""
    files = [*site.root.rglob("*.html"), *site.root.rglob("*.svg")]
    assert len(files) > 80
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        image = path.suffix == ".svg"
        fast = page_safety.scan_page(text, PATTERNS, SITE, image=image)
        assert fast == page_safety.html_parser_scan(text, PATTERNS, SITE, image=image), path
        if page_safety.fast_reading():
            scanner = page_safety._Scanner(PATTERNS, ("https", "clinic.example"), image)
            page_safety._fast_scan(text, scanner)  # raises _NotOrdinary for a page left to HTMLParser


def _ends_in_a_call_over_lines(value):
    def inner():
        return value
    return dict(
        value=inner(),
    )


@pytest.mark.parametrize("function", [*page_safety.PARSER_FUNCTIONS, _ends_in_a_call_over_lines])
def test_the_parser_fingerprint_reads_each_function_s_whole_source(function):
    """parser_fingerprint reads the parser's functions without tokenizing
    them; it must read the same text as inspect.getsource, or a change at a
    function's end (here: the closing line of a call over several lines,
    after an inner function) would pass unnoticed."""
    import inspect

    assert page_safety.function_source(function) == inspect.getsource(function)
