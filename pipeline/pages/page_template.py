"""The syntax tree of a page's text, read for page_check and checked_page.

Jinja's parser reads a page's text token by token in Python: about 90 ms
of a 2.5 s build, for text that is almost all words.  Pages call the
site's macros in a few plain forms ({{ cite("Alam2014") }},
{{ milestone("healed").day }}, {{ plan("acne-scars").sessions.typical }}).
A text made only of words and those forms is read here, with one regular
expression, into the tree Jinja's parser gives for it: the same nodes,
fields and line numbers (tests/unit/test_page_template.py compares the two
on every page and on generated texts).  Any other text (another form or
spacing, a statement, a comment, whitespace control, a string with a
backslash or a brace, a number) is read by Jinja's own parser, so the check
still sees what Jinja sees and names what is not allowed.
"""
from __future__ import annotations

import re

from jinja2 import Environment, nodes

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
# A quoted string without escapes (Jinja's lexer decodes them) or line breaks
# (the call's nodes would not all be on one line); one with a brace is left
# to Jinja too, so that nothing inside a string looks like the end of a call.
_STRING = r""""[^"\\\n{}]*"|'[^'\\\n{}]*'"""
# {{ name("text", 'text') .field ["field"] }}, on one line.
_EXPRESSION = re.compile(
    rf"\{{\{{[ \t]*({_NAME})\(((?:[ \t]*(?:{_STRING})[ \t]*(?:,[ \t]*(?:{_STRING})[ \t]*)*)?)\)"
    rf"((?:\.{_NAME}|\[(?:{_STRING})\])*)[ \t]*\}}\}}")
_ARGUMENT = re.compile(_STRING)
_READ = re.compile(rf"\.({_NAME})|\[({_STRING})\]")
# Names Jinja's parser reads as something else: constants and operators.
_NOT_NAMES = {"true", "false", "True", "False", "none", "None", "not", "and", "or", "in", "is", "if", "else"}
# The environment settings under which the text reads as above (Jinja's defaults).
_PLAIN_SYNTAX = {"block_start_string": "{%", "variable_start_string": "{{", "variable_end_string": "}}",
                 "comment_start_string": "{#", "line_statement_prefix": None, "line_comment_prefix": None,
                 "keep_trailing_newline": False, "newline_sequence": "\n"}


def parse(text: str, environment: Environment) -> nodes.Template:
    """The page text's tree, as environment.parse(text) gives it."""
    return plain_tree(text, environment) or environment.parse(text)


def plain_tree(text: str, environment: Environment) -> nodes.Template | None:
    """The tree of a text of words and plain macro calls; None for any other."""
    if (environment.extensions or any(getattr(environment, key) != value for key, value in _PLAIN_SYNTAX.items())
            or "\r" in text or "{%" in text or "{#" in text):
        return None
    if text.endswith("\n"):
        text = text[:-1]  # Jinja's lexer drops one final line break (keep_trailing_newline is off)
    body: list[nodes.Node] = []
    line, position = 1, 0
    while True:
        start = text.find("{{", position)
        data = text[position:] if start < 0 else text[position:start]
        if data:
            body.append(nodes.TemplateData(data, lineno=line))
            line += data.count("\n")
        if start < 0:
            break
        match = _EXPRESSION.match(text, start)
        if not match or match.group(1) in _NOT_NAMES:
            return None
        name, arguments, reads = match.groups()
        node: nodes.Expr = nodes.Call(nodes.Name(name, "load", lineno=line),
                                      [nodes.Const(a[1:-1], lineno=line) for a in _ARGUMENT.findall(arguments)],
                                      [], None, None, lineno=line)
        for field, key in _READ.findall(reads):
            node = (nodes.Getattr(node, field, "load", lineno=line) if field else
                    nodes.Getitem(node, nodes.Const(key[1:-1], lineno=line), "load", lineno=line))
        body.append(node)
        position = match.end()
    tree = nodes.Template([nodes.Output(body, lineno=body[0].lineno)] if body else [], lineno=1)
    tree.set_environment(environment)
    return tree
