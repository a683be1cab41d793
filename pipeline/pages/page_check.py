"""What page text and front matter may contain, checked before anything runs.

Pages are Jinja templates under mkdocs-macros, and Jinja can reach Python's
internals, the whole configuration and any file.  Content edits are reviewed
for their words, not as code, so page text may only call the site's own
macros with literal arguments and read fields of what they return:

    {{ cite("Alam2014") }}   {{ plan("acne-scars").sessions.typical }}

Everything else (statements, filters, other names such as `config`, names
starting with '_') stops the build before the page is rendered, naming the
file and line.  The same goes for raw script in the Markdown, snippets of
files outside includes/, and front matter that is not plain data.
"""
from __future__ import annotations

import functools
import html
import inspect
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml
from jinja2 import Environment, TemplateSyntaxError, nodes

from ..data import limits, safe_text, strict_yaml
from ..data.problems import Problem
from . import page_template

# The front matter block exactly as MkDocs finds it (mkdocs/utils/meta.py).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
JINJA_MARKERS = ("{{", "{%", "{#")
# Front-matter fields the theme prints as they are (Material's <title>,
# navigation, heading and <meta name="description">), with their longest text.
# A field inside a mapping is written "mapping.field".
PLAIN_TEXT_FIELDS = {"title": "page title", "description": None, "editorial_check.by": "page editorial_check.by",
                     "translation.by": "page translation.by"}
_LITERALS = (str, int, float, bool)


@dataclass(frozen=True)
class MacroCall:
    name: str
    args: tuple
    line: int  # in the page file


def markdown_start_line(source: str, markdown: str) -> int:
    """File line on which `markdown` (the page without its front matter, as
    MkDocs hands it to plugins) starts.  Trailing line breaks are ignored:
    mkdocs-static-i18n hands the text on without its last one."""
    text, body = source.rstrip("\n"), markdown.rstrip("\n")
    if body and text.endswith(body):
        return text.count("\n", 0, len(text) - len(body)) + 1
    match = FRONT_MATTER.match(source)
    return source.count("\n", 0, match.end()) + 1 if match else 1


# --- Jinja in page text --------------------------------------------------------


# Jinja's node names for the statements a writer types.
_STATEMENTS = {"Assign": "set", "AssignBlock": "set", "ExprStmt": "do", "FromImport": "from", "CallBlock": "call",
               "FilterBlock": "filter", "OverlayScope": "with", "Scope": "with"}


def _describe(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return f"the name '{node.name}'"
    if isinstance(node, nodes.Filter):
        return f"the filter '| {node.name}'"
    if isinstance(node, (nodes.Getattr, nodes.Getitem)):
        return "reading a field whose name starts with '_' or is not written out"
    if isinstance(node, nodes.Call):
        return "calling something other than one of the site's macros"
    if isinstance(node, nodes.Stmt):
        name = type(node).__name__
        return f"the statement {{% {_STATEMENTS.get(name, name.lower())} %}}"
    return f"a {type(node).__name__.lower()} expression"


# Read once per macro, not once per call: a build checks about a thousand calls
# of some twenty macros (a signature never changes).
_signature = functools.lru_cache(maxsize=256)(inspect.signature)


@functools.lru_cache(maxsize=1024)
def _call_problem(function: Callable, positional: int, keywords: tuple[str, ...]) -> str | None:
    """Why a call of `function` with that many positional arguments and these
    keywords fails (None: it does not).  Binding never looks at the values,
    so a build's thousand calls of twenty macros are bound a few dozen times."""
    try:
        _signature(function).bind(*range(positional), **dict.fromkeys(keywords))
    except TypeError as error:
        return str(error)
    return None


class _TemplateChecker:
    def __init__(self, file: str, first_line: int, macros: Mapping[str, Callable]):
        self.file, self.offset, self.macros = file, first_line - 1, macros
        self.problems: list[Problem] = []
        self.calls: list[MacroCall] = []

    def fail(self, node: nodes.Node, message: str) -> None:
        self.problems.append(Problem(self.file, node.lineno + self.offset, 1, "", message))

    def refuse(self, node: nodes.Node) -> None:
        self.fail(node, f"{_describe(node)} is not allowed in page text; only the site's macros, with quoted "
                        "text or numbers, e.g. {{ cite(\"Alam2014\") }} or {{ plan(\"acne-scars\").sessions.typical }}")

    def template(self, tree: nodes.Template) -> None:
        for node in tree.body:
            if not isinstance(node, nodes.Output):
                self.refuse(node)
                continue
            for child in node.nodes:
                if not isinstance(child, nodes.TemplateData):
                    self.expression(child)

    def expression(self, node: nodes.Node) -> None:
        """A macro call, optionally followed by .field or ["field"] reads."""
        if isinstance(node, nodes.Getattr) and not node.attr.startswith("_"):
            return self.expression(node.node)
        if (isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const)
                and isinstance(node.arg.value, (str, int)) and not str(node.arg.value).startswith("_")):
            return self.expression(node.node)
        if not (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name)):
            return self.refuse(node)
        name = node.node.name
        if name not in self.macros:
            return self.fail(node, f"unknown macro '{name}'; the site's macros are: {', '.join(sorted(self.macros))}")
        arguments = list(node.args) + [k.value for k in node.kwargs]
        if node.dyn_args or node.dyn_kwargs or not all(
                isinstance(a, nodes.Const) and isinstance(a.value, _LITERALS) for a in arguments):
            return self.fail(node, f"{name}() may only be given quoted text or numbers, e.g. {name}(\"acne-scars\")")
        args = tuple(a.value for a in node.args)
        problem = _call_problem(self.macros[name], len(args), tuple(k.key for k in node.kwargs))
        if problem:
            return self.fail(node, f"{name}(): {problem}")
        self.calls.append(MacroCall(name, args, node.lineno + self.offset))


def check_template(markdown: str, file: str, first_line: int, macros: Mapping[str, Callable],
                   environment: Environment) -> tuple[list[Problem], list[MacroCall], nodes.Template | None]:
    """Problems with the Jinja in a page's text, the macro calls it makes, and
    its syntax tree (None when it cannot be read), which checked_page renders
    once there are no problems.

    `environment` is the one that will render the page (for its delimiters);
    parsing runs no code."""
    checker = _TemplateChecker(file, first_line, macros)
    try:
        tree = page_template.parse(markdown, environment)
    except TemplateSyntaxError as error:
        line = (error.lineno or 1) + first_line - 1
        return [Problem(file, line, 1, "", f"broken macro: {error.message}; a macro is written like "
                                           "{{ cite(\"Alam2014\") }}")], [], None
    checker.template(tree)
    return checker.problems, checker.calls, tree


def check_page_text(markdown: str, file: str, first_line: int, macros: Mapping[str, Callable], environment: Environment,
                    argument_problem: Callable[[str, tuple], str | None],
                    includes_dir: Path) -> tuple[list[Problem], nodes.Template | None]:
    """Every problem in a page's text: its Jinja, the literal arguments of its
    macro calls (`argument_problem` says why one would fail), raw script,
    snippets; and the text's syntax tree (check_template)."""
    problems, calls, tree = check_template(markdown, file, first_line, macros, environment)
    for call in calls:
        message = argument_problem(call.name, call.args)
        if message:
            problems.append(Problem(file, call.line, 1, "", message))
    return problems + check_html(markdown, file, first_line) + check_snippets(markdown, file, first_line, includes_dir), tree


# --- raw HTML and snippets in page text ----------------------------------------

# Elements that run, load or redirect something; the site's scripts and
# styles come from its templates, never from page text.
_ACTIVE_ELEMENT = re.compile(r"<\s*(script|iframe|frame|frameset|object|embed|applet|base|meta|link|form|style)\b", re.I)
_EVENT_HANDLER = re.compile(r"<[a-z][^>]*?[\s/\"']on[a-z]+\s*=", re.I | re.S)
# Browsers ignore spaces, tabs and character references inside a scheme.
# (The lookahead for the first letter lets the search pass over any other
# character with one test instead of trying each alternative.)
_SCRIPT_URL = re.compile(r"(?=[jvd])(?:(j\s*a\s*v\s*a|v\s*b)\s*s\s*c\s*r\s*i\s*p\s*t\s*:|data\s*:\s*text/html)", re.I)
_SNIPPET_MARKER = re.compile(r"^[ \t]*;*-+8<-+(.*)$")
_SNIPPET_NAME = re.compile(r"[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*\.md")


def _line_of(text: str, index: int, first_line: int) -> int:
    return text.count("\n", 0, index) + first_line


def check_html(markdown: str, file: str, first_line: int) -> list[Problem]:
    """Raw script, event handlers and script addresses in a page's text."""
    problems = []
    for match in _ACTIVE_ELEMENT.finditer(markdown):
        problems.append(Problem(file, _line_of(markdown, match.start(), first_line), 1, "",
                                f"<{match.group(1).lower()}> is not allowed in page text; write the content in Markdown "
                                "(the site's scripts and styles come from its templates)"))
    for match in _EVENT_HANDLER.finditer(markdown):
        problems.append(Problem(file, _line_of(markdown, match.end(), first_line), 1, "",
                                "an event attribute (on...=) is not allowed in page text; remove it"))
    # Line by line only when the whole text has one: a reference never spans
    # lines, so a line's match is also one in the whole text.
    lines = markdown.split("\n") if _SCRIPT_URL.search(html.unescape(markdown)) else []
    for number, line in enumerate(lines, start=first_line):
        if _SCRIPT_URL.search(html.unescape(line)):
            problems.append(Problem(file, number, 1, "", "a javascript:, vbscript: or data:text/html address is not "
                                                         "allowed in page text; link to an https:// page instead"))
    return problems


def check_snippets(markdown: str, file: str, first_line: int, includes_dir: Path) -> list[Problem]:
    """Snippet lines (--8<--) may only name a Markdown file inside includes/."""
    problems = []
    lines = markdown.split("\n")
    in_block = False
    for number, line in enumerate(lines, start=first_line):
        marker = _SNIPPET_MARKER.match(line)
        if marker:
            rest = marker.group(1).strip()
            if not rest:
                in_block = not in_block
                continue
            name = rest.strip("\"'")
        elif in_block:
            name = line.strip()
            if not name:
                continue
        else:
            continue
        if not _SNIPPET_NAME.fullmatch(name) or not (includes_dir / name).is_file():
            problems.append(Problem(file, number, 1, "", f"a snippet may only include a Markdown file from includes/ "
                                                         f"(e.g. --8<-- \"abbreviations.md\"); '{name}' is not one"))
    return problems


# --- front matter ----------------------------------------------------------------


def front_matter_problems(data: bytes, file: str) -> list[Problem]:
    """Problems MkDocs would hide or choke on when it reads a page's front
    matter: bytes that are not UTF-8, a YAML slip (MkDocs silently drops the
    front matter), anchors and aliases (exponential expansion)."""
    text, problems = strict_yaml.decode(data, file)
    if text is None:
        return problems
    match = FRONT_MATTER.match(text.replace("\r\n", "\n"))
    if not match:
        return []
    try:
        problems = strict_yaml.anchor_problems(match.group(1), file, first_line=2)
        if not problems:
            yaml.compose(match.group(1), Loader=strict_yaml.FAST_LOADER)
    except yaml.YAMLError as error:
        problems = [strict_yaml.parse_problem(error, file, first_line=2)]
    return problems


def check_all_front_matter(docs_dir: Path, display: Callable[[Path], str]) -> list[Problem]:
    """front_matter_problems for every page, before MkDocs reads any."""
    return [problem for page in sorted(docs_dir.rglob("*.md"))
            for problem in front_matter_problems(page.read_bytes(), display(page))]


def check_meta(meta: dict, file: str, line_of: Callable[[str], int], macro_names) -> list[Problem]:
    """Front-matter values: plain data, no macros, no key named like a macro,
    and the fields the theme prints unescaped hold plain single-line text."""
    problems = []

    def fail(key: str, message: str) -> None:
        # A field inside a mapping is reported on the mapping's line.
        problems.append(Problem(file, line_of(key.split(".")[0]), 1, key, message))

    for key, value in meta.items():
        if key in macro_names:
            fail(key, f"'{key}' is the name of a macro; a front-matter key may not hide it, rename or remove it")
        if any(marker in text for text in _strings(value) for marker in JINJA_MARKERS):
            fail(key, "front matter is plain text: {{, {% and {# are not allowed here "
                      "(macros work only in the page text below the second '---')")
    for key, field in PLAIN_TEXT_FIELDS.items():
        value = meta
        for part in key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if not isinstance(value, str):
            continue
        problem = (safe_text.text_problem(value, limits.TEXT[field]) if field else safe_text.invisible_problem(value)) \
            or safe_text.markup_problem(value)
        if problem:
            fail(key, problem)
    return problems


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(k) + _strings(v)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []
