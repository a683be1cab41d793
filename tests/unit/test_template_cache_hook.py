"""macros/template_cache_hook.py: each language's Jinja environment reuses
the templates another compiled, and never code compiled for an environment
set up differently (the English and Spanish builds must each render as if
compiled alone)."""
from __future__ import annotations

import importlib.util

import jinja2

from site_checks.sitebuild import ROOT


def fresh_hook():
    """The hook as MkDocs loads it: a module of its own, with an empty cache."""
    spec = importlib.util.spec_from_file_location("template_cache_hook", ROOT / "macros" / "template_cache_hook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class CountingEnvironment(jinja2.Environment):
    """An environment that counts the templates it compiles from their text."""

    def __init__(self, templates: dict[str, str], **settings):
        super().__init__(loader=jinja2.DictLoader(templates), **settings)
        self.compiled = 0

    def _parse(self, *args, **kwargs):
        self.compiled += 1
        return super()._parse(*args, **kwargs)


def built(hook, templates: dict[str, str], filters: dict | None = None, **settings) -> CountingEnvironment:
    env = CountingEnvironment(templates, **settings)
    env.filters.update(filters or {})
    return hook.on_env(env, config=None, files=None)


def test_a_second_environment_set_up_alike_compiles_nothing():
    hook = fresh_hook()
    templates = {"base.html": "<p>{% block body %}{% endblock %}</p>", "page.html": '{% extends "base.html" %}{% block body %}{{ lang }}{% endblock %}'}
    english, spanish = built(hook, templates), built(hook, templates)
    assert english.get_template("page.html").render(lang="en") == "<p>en</p>"
    assert english.compiled == 2
    assert spanish.get_template("page.html").render(lang="es") == "<p>es</p>"
    assert spanish.compiled == 0, "the second language loads the first one's compiled templates"


def test_code_compiled_for_another_filter_is_not_reused():
    # Jinja applies a plain filter to a constant while compiling: code from an
    # environment whose `mark` differs would print the other's result.
    hook = fresh_hook()
    templates = {"page.html": '{{ "note" | mark }}'}
    first = built(hook, templates, {"mark": lambda text: text.upper()})
    second = built(hook, templates, {"mark": lambda text: text + "!"})
    assert first.get_template("page.html").render() == "NOTE"
    assert second.get_template("page.html").render() == "note!"
    assert second.compiled == 1


def test_other_syntax_or_edited_text_compiles_afresh():
    hook = fresh_hook()
    assert built(hook, {"page.html": "[[ x ]]{{ x }}"}).get_template("page.html").render(x=1) == "[[ x ]]1"
    other_syntax = built(hook, {"page.html": "[[ x ]]{{ x }}"}, variable_start_string="[[", variable_end_string="]]")
    assert other_syntax.get_template("page.html").render(x=1) == "1{{ x }}"
    edited = built(hook, {"page.html": "[[ x ]]{{ x }}!"})
    assert edited.get_template("page.html").render(x=1) == "[[ x ]]1!"
    assert other_syntax.compiled == edited.compiled == 1
