"""Every problem of one build, reported together: in the terminal as one list,
and in the live preview on the page it concerns.

The build collects problems from the data files and from every page instead
of stopping at the first; the glue (macros/__init__.py) fails the build once,
at its end, with all of them.  Pure functions only.
"""
from __future__ import annotations

import re
from html import escape

from .problems import Problem

# Macro calls, template tags and snippet markers (--8<--, which read other
# files) of a page that cannot be rendered as written (its problems are
# reported): replaced so that the page's headings and links can still be
# checked, and nothing in it is executed or read.
TEMPLATE_CODE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|-{1,}8<-{1,}|\{[{%#]|[}%#]\}", re.S)
NOT_SHOWN = "[…]"
# Material's admonition markup: styled by the theme, no CSS of our own.
ARTICLE_START = re.compile(r'<article\b[^>]*>')
BODY_START = re.compile(r'<body\b[^>]*>')


def without_template_code(markdown: str) -> str:
    """The page text with every macro call, template tag and snippet marker replaced by a marker."""
    return TEMPLATE_CODE.sub(NOT_SHOWN, markdown)


def unique(problems: list[Problem]) -> list[Problem]:
    """Each problem once, in file then line order."""
    return sorted(dict.fromkeys(problems), key=lambda p: (p.file, p.line, p.column, p.path, p.message))


def summary(problems: list[Problem]) -> str:
    """The terminal report: how many, in which files, then one line each."""
    problems = unique(problems)
    files = list(dict.fromkeys(p.file for p in problems))
    noun = "problem" if len(problems) == 1 else "problems"
    lines = [f"{len(problems)} {noun} in {len(files)} file{'' if len(files) == 1 else 's'} ({', '.join(files)}):"]
    lines += [f"  {problem}" for problem in problems]
    lines.append("Fix them and save: the preview rebuilds. Nothing was published.")
    return "\n".join(lines)


def error_box(problems: list[Problem], data_problems: list[Problem] = ()) -> str:
    """The box the live preview shows at the top of a page: its own problems,
    and those of the data files every page reads (escaped: they quote staff text)."""
    items = [f"<li><code>{escape(p.file)}:{p.line}</code> {escape(p.path + ': ' if p.path else '')}{escape(p.message)}</li>"
             for p in unique([*problems, *data_problems])]
    return ('<div class="admonition failure build-problems" role="alert">'
            '<p class="admonition-title">This page cannot be published yet: fix these problems, then save</p>'
            f'<ul>{"".join(items)}</ul></div>')


def with_box(html: str, box: str) -> str:
    """A built page with the box at the start of its content (or of its body)."""
    for start in (ARTICLE_START, BODY_START):
        match = start.search(html)
        if match:
            return html[:match.end()] + box + html[match.end():]
    return box + html
