"""Chrome-less embed pages, rendered from the theme's templates.

Clinics show these in an iframe on their own sites.  Each embed page is
overrides/embed.html, rendered in its full page's own template context: it
keeps the full page's article (content, clinic box, review dates) and
stylesheets, and has no header, navigation, search, footer or Material
scripts (those read localStorage at start-up, which throws in a frame whose
storage the browser blocks; an embed page needs none of them).

`<base href=... target="_blank">` points every relative address at the full
page's folder, so every link opens the full site in a new tab, never inside
the frame; links within the page (citation numbers to the page's sources,
A to Z letters) are the exception: they are pointed back at the embed page
itself and stay in the frame.
"""
from __future__ import annotations

import copy
import functools
import re
from collections.abc import Iterator, Mapping
from html import escape
from urllib.parse import quote

from jinja2 import Environment, Template, nodes

from ..urls import folder_of as page_folder, to_site_root

EMBED_DIR = "embed"
EMBED_TEMPLATE = "embed.html"  # in the theme's custom_dir (overrides/)
EMBED_BLOCK = "embed_page"
# The toc extension's permalink after each heading: on an embed page it would
# only open the full page at that heading in a new tab.
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
# A link to a place in the same page: href="#...".
IN_PAGE_LINK = re.compile(r'<a href="#([^"]*)"')


def embed_path(html_path: str) -> str:
    return f"{EMBED_DIR}/{html_path}"


def base_href(html_path: str) -> str:
    """From embed/<folder>/ back up to the full page's <folder>/: every
    address the full page's blocks write then works unchanged."""
    folder = page_folder(html_path)
    return "../" * (folder.count("/") + 1) + folder


def svg_icon_address(svg: str) -> str:
    """The site icon as a data: address, written into the embed page itself.
    Browsers ask for a page's icon only when it is opened on its own, never
    in a frame; then a linked icon is one more request (and a round trip on
    a slow phone) racing the page's first paint.  Percent-encoded, so no
    quote, angle bracket or ampersand of the file reaches the attribute."""
    return "data:image/svg+xml," + quote(svg.strip(), safe="/=:;,'")


def in_page_links(content: str, html_path: str) -> str:
    """Links to a place in the page, made to stay in the frame: with <base
    href> a bare '#source-1' would lead to the full page, in a new tab.  The
    address is the embed page's own, relative to <base>, so following it only
    scrolls the embed page."""
    own = to_site_root(html_path) + EMBED_DIR + "/" + page_folder(html_path)
    return IN_PAGE_LINK.sub(lambda m: f'<a href="{own}#{m.group(1)}" target="_self"', content)


# What a template's text means to the parser: its delimiters and extensions.
_SYNTAX = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
           "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix")


def _parent(env: Environment, name: str) -> str:
    """The name of the template that template `name` extends ('' for none)."""
    syntax = tuple((setting, getattr(env, setting)) for setting in _SYNTAX)
    return _extends(env.loader.get_source(env, name)[0], syntax, tuple(env.extensions))


# Read once per build, not once per language: each language's build has its
# own environment, with the same templates.  Keyed by the text itself, so an
# edited template in the live preview is read again.
@functools.lru_cache(maxsize=32)
def _extends(source: str, syntax: tuple[tuple[str, str | None], ...], extensions: tuple[str, ...]) -> str:
    """What a template that compiles extends: its first {% extends %}."""
    if "extends" not in source:
        return ""  # no {% extends %} without the word: Material's base.html, the largest, is not parsed
    settings = dict(syntax)
    # The usual first tag, {% extends "main.html" %}, is the first one a parse finds: the rest is not parsed.
    first = re.match(rf'{re.escape(settings["block_start_string"])}-?\s*extends\s+"([^"\\]*)"\s*-?'
                     rf'{re.escape(settings["block_end_string"])}', source)
    if first:
        return first.group(1)
    extends = Environment(extensions=extensions, **settings).parse(source).find(nodes.Extends)
    return extends.template.value if extends and isinstance(extends.template, nodes.Const) else ""


def _template_chain(env: Environment, name: str) -> Iterator[Template]:
    """The template and those it extends, nearest first (embed.html,
    main.html, Material's base.html)."""
    while name:
        yield env.get_template(name)
        name = _parent(env, name)


def render_embed_pages(env: Environment, contexts: Mapping[str, Mapping], icon_address: str = "") -> dict[str, str]:
    """Built path → the embed version of the page built there, from the
    context MkDocs renders its full page with.  `icon_address` is the site
    icon's data: address (svg_icon_address); without one, the page links
    to the icon's file.

    Only embed.html's own block is rendered, with every block of the chain
    it extends registered as {% extends %} registers them, so that
    self.content() and super() reach main.html's and Material's blocks."""
    template, *parents = _template_chain(env, EMBED_TEMPLATE)
    pages = {}
    for html_path, page_context in contexts.items():
        page = copy.copy(page_context["page"])
        page.content = in_page_links(HEADERLINK.sub("", page.content or ""), html_path)
        context = template.new_context({**page_context, "page": page, "embed_base_href": base_href(html_path),
                                         "embed_icon_address": icon_address})
        for parent in parents:
            for name, block in parent.blocks.items():
                context.blocks.setdefault(name, []).append(block)
        pages[html_path] = "".join(template.blocks[EMBED_BLOCK](context))
    return pages

