"""HTML the macros write, kept out of Markdown's reading.

Python-Markdown reads every raw HTML tag of a page several times over: MkDocs'
scan for anchors, md_in_html's block parser, the inline HTML pattern.  For
the calculator, the tables, the reference lists and the page's many
citation links that was most of the time our code added to a build's
Markdown.  So a macro puts a short token in the page's Markdown instead,
and this Markdown extension hands each token's HTML to Markdown's own store
for raw HTML (its `htmlStash`) before anything else reads the text: the page
comes out as if the HTML had stood in the text (less the blank line
md_in_html leaves after a raw block).  A block alone in
its paragraph replaces that paragraph, inline HTML stays inline, a heading
inside it stays out of the table of contents (as raw HTML always did).
One difference: inside a code block or span, where Markdown shows raw HTML
as text, held HTML goes in as HTML.  No page puts a macro's output in code
(the built site is the same), and a macro there is a writer's slip either way.

MkDocs learns the page's anchors from the raw HTML it scans: the `id`s of
held HTML are given to it after the page is rendered (anchor_ids(),
macros/held_html_hook.py), so links to them are checked as before.
"""
from __future__ import annotations

import re
import secrets
from collections import defaultdict
from html import unescape

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

# The attribute of MkDocs' config that holds the build's HeldHtml (set by
# macros/__init__.py, read by macros/held_html_hook.py).
CONFIG_ATTRIBUTE = "held_html"
# Around a token: a control character Markdown leaves alone (it strips only
# its own STX and ETX); the build's random nonce inside keeps page text from
# spelling a token.
MARK = "\x1a"
# Our own HTML quotes every attribute with " and escapes " inside values.
_ID = re.compile(r'\sid="([^"]*)"')
# After MkDocs' normalising of the text (30) and snippets (32), before MkDocs'
# anchor scan (21) and the raw HTML blocks (20): no reader of HTML sees it.
PRIORITY = 25


class HeldHtml:
    """One build's held HTML.  The random part of the tokens keeps page text
    from naming one."""

    def __init__(self, nonce: str | None = None):
        self.nonce = nonce or secrets.token_hex(6)
        self._html: list[str] = []
        self._anchor_ids: dict[str, set[str]] = defaultdict(set)
        self.token = re.compile(f"{MARK}{self.nonce}:(\\w+):(\\d+){MARK}")

    def hold(self, html: str, page: str, kind: str = "html") -> str:
        """The token that stands for `html` in `page`'s Markdown (`kind`, a
        word, lets a later step find tokens of one sort: token_start()).
        The white space around the HTML stays in the text, where it ends or
        starts a paragraph as before; Markdown's stash holds the rest, as it
        holds a raw HTML block."""
        body = html.strip()
        self._html.append(body)
        self._anchor_ids[page].update(unescape(value) for value in _ID.findall(body))
        token = f"{MARK}{self.nonce}:{kind}:{len(self._html) - 1}{MARK}"
        start = len(html) - len(html.lstrip())
        return html[:start] + token + html[start + len(body):]

    def token_start(self, kind: str) -> str:
        """A regular expression for the start of a token of `kind`."""
        return re.escape(f"{MARK}{self.nonce}:{kind}:")

    def anchor_ids(self, page: str) -> set[str]:
        """The `id`s in the HTML held for `page`."""
        return self._anchor_ids.get(page, set())

    def release(self, text: str, store) -> str:
        """`text` with each token replaced by `store(its HTML)`."""
        return self.token.sub(lambda match: store(self._html[int(match.group(2))]), text)

    def extension(self) -> HeldHtmlExtension:
        return HeldHtmlExtension(self)


class _Release(Preprocessor):
    def __init__(self, md: Markdown, held: HeldHtml):
        super().__init__(md)
        self.held = held

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if MARK not in text:
            return lines
        return self.held.release(text, self.md.htmlStash.store).split("\n")


class HeldHtmlExtension(Extension):
    def __init__(self, held: HeldHtml):
        super().__init__()
        self.held = held

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_Release(md, self.held), "held_html", PRIORITY)
