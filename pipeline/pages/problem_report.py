"""Every problem of one build, reported together: in the terminal as one list,
and in the live preview on the page it concerns.

The build collects problems from the data files and from every page instead
of stopping at the first; the glue (macros/__init__.py) fails the build once,
at its end, with all of them.  Pure functions only.
"""
from __future__ import annotations

import dataclasses
import difflib
import re
from html import escape

from ..data.problems import Problem
from ..data.protocol import Milestone, Plan, Range
from .checked_page import CallFailed

# What page text can reach with a dot: {{ plan("x").sessions.typical }}.
VALUE_TYPES = {"Plan": Plan, "Range": Range, "Milestone": Milestone}

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


# --- A macro call that fails while the page is rendered -----------------------

MISSING_ATTRIBUTE = re.compile(r"'(?:[\w.]+\.)?(\w+) object' has no attribute '([^']*)'")


def _names(cls) -> list[str]:
    """What `{{ … }}.name` may ask for on a plan, range or milestone."""
    fields = [f.name for f in dataclasses.fields(cls)]
    properties = [name for name, value in vars(cls).items() if isinstance(value, property)]
    return fields + properties


def render_error_line(error: BaseException) -> int:
    """Line within the page text (1-based) of the failing call: where a
    checked page's rendering says it failed (checked_page.CallFailed), else
    from the traceback frame of a compiled template ('<template>'); 1 if none."""
    if isinstance(error, CallFailed):
        return error.line
    line, tb = 1, error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def render_error_message(error: BaseException) -> str:
    """A failed instruction, in plain words (never a traceback)."""
    if isinstance(error, CallFailed):
        error = error.error
    text = str(error.args[0]) if error.args else type(error).__name__
    missing = MISSING_ATTRIBUTE.search(text)
    if missing:
        kind, name = missing.groups()
        valid = _names(VALUE_TYPES[kind]) if kind in VALUE_TYPES else []
        close = difflib.get_close_matches(name, valid, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        listed = f"; valid: {', '.join(valid)}" if valid else ""
        return f"an instruction in {{{{ }}}} asks for '{name}', which it does not have{hint}{listed}"
    return f"an instruction in {{{{ }}}} could not be shown: {text}"
