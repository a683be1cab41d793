"""A page's text rendered from the syntax tree its check read, never compiled.

mkdocs-macros renders a page by compiling its text, as a Jinja template, into
Python code and running that code.  page_check.check_template already
limits page text to literal text and calls of the site's macros with quoted
text or numbers, optionally read further with `.field` or `["field"]`.  Such
a tree is evaluated here directly, node by node:

- no code is ever generated from what an editor typed, so a slip in the
  check or in Jinja's code generator cannot turn page text into a program;
- a build skips compiling every page, most of what rendering a page cost.

The meaning is Jinja's own: names are looked up in the render's variables,
then the environment's globals; macros are called, fields read and missing
names made Undefined by the environment's and a Jinja context's own methods;
each value is written with str(), as a template without autoescaping does.
tests/unit/test_checked_page.py compares the two renderings.
"""
from __future__ import annotations

from jinja2 import Environment, nodes
from jinja2.runtime import new_context
from jinja2.utils import missing


class CallFailed(Exception):
    """A macro call, field read or written value of a page failed: on `line`
    of the page text (1-based), with `error` (also the __cause__)."""

    def __init__(self, line: int, error: BaseException):
        super().__init__(line, error)
        self.line, self.error = line, error


class NotChecked(TypeError):
    """A node page_check never lets through: the tree was not checked."""


def renders_alike(environment: Environment) -> bool:
    """Whether CheckedPage writes values as the environment's compiled
    templates would: not when it escapes them or passes them through a
    finalize function (mkdocs-macros sets neither; its j2_ settings could)."""
    return not environment.autoescape and environment.finalize is None and not environment.is_async


class CheckedPage:
    """Stands in for the jinja2.Template that mkdocs-macros would compile from
    a page's text; give it only a tree that passed page_check.check_template."""

    def __init__(self, tree: nodes.Template, environment: Environment):
        self.tree, self.environment = tree, environment

    def render(self, *args, **kwargs) -> str:
        # As Template.render: the variables given, over the environment's globals.
        context = new_context(self.environment, None, {}, dict(*args, **kwargs), False, self.environment.globals, None)
        written = []
        for output in self.tree.body:
            if not isinstance(output, nodes.Output):
                raise NotChecked(f"{type(output).__name__} at line {output.lineno}")
            for node in output.nodes:
                if isinstance(node, nodes.TemplateData):
                    written.append(node.data)
                    continue
                try:
                    written.append(str(self._value(node, context)))
                except NotChecked:
                    raise
                except Exception as error:
                    raise CallFailed(node.lineno, error) from error
        return "".join(written)

    def _value(self, node: nodes.Node, context):
        if isinstance(node, nodes.Getattr):
            return self.environment.getattr(self._value(node.node, context), node.attr)
        if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            return self.environment.getitem(self._value(node.node, context), node.arg.value)
        if (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and not node.dyn_args
                and not node.dyn_kwargs and all(isinstance(a, nodes.Const) for a in node.args)
                and all(isinstance(k.value, nodes.Const) for k in node.kwargs)):
            function = context.resolve_or_missing(node.node.name)
            if function is missing:
                function = self.environment.undefined(name=node.node.name)
            return context.call(function, *(a.value for a in node.args), **{k.key: k.value.value for k in node.kwargs})
        raise NotChecked(f"{type(node).__name__} at line {node.lineno}")
