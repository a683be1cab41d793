"""pipeline/pages/checked_page.py: a checked page renders as Jinja would
render it compiled (Jinja itself gives the expected text), fails at the
line Jinja would name, and never turns page text into code."""
from __future__ import annotations

from types import SimpleNamespace

import jinja2
import pytest
from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from pipeline.data.problems import Problem
from pipeline.pages import page_check, problem_report
from pipeline.pages.checked_page import CallFailed, CheckedPage, NotChecked


class Sessions:
    typical = 3
    label = "three sessions"

    def __str__(self):
        return "3 sessions"


def plan(key, detail="short"):
    return {"sessions": Sessions(), "key": key, "detail": detail, "steps": ["first", "second"], 7: "by number"}


def cite(key):
    return Markup(f'<sup class="cite">[{key}]</sup>')


def nothing():
    return None


def broken(key):
    raise KeyError(f"no plan called {key!r}")


MACROS = {"plan": plan, "cite": cite, "nothing": nothing, "broken": broken}


def environment() -> Environment:
    env = Environment(undefined=StrictUndefined)  # as mkdocs.yml sets mkdocs-macros: on_undefined: strict
    env.globals.update(MACROS)
    return env


def checked(text: str, env: Environment) -> CheckedPage:
    problems, _, tree = page_check.check_template(text, "docs/page.md", 1, MACROS, env)
    assert problems == [], problems
    return CheckedPage(tree, env)


PAGE_TEXTS = [
    "Plain words, no template code at all.\n",
    "Source {{ cite(\"Alam2014\") }} and {{ cite('Harris2015') }}.",
    "{{ plan(\"acne-scars\").sessions.typical }} sessions; {{ plan('x').sessions }}; {{ plan('x').sessions.label }}",
    "{{ plan('x')['key'] }} {{ plan('x')[\"steps\"][1] }} {{ plan('x')[7] }} {{ plan('x').steps[0] }}",
    "{{ plan('x', detail='long').detail }} {{ plan(key='y').key }} {{ plan('x', 'mid')['detail'] }}",
    "Nothing: {{ nothing() }}. Numbers: {{ plan(3).key }} {{ plan(2.5).key }} {{ plan(True).key }}",
    "line one\n  {{- cite('A') -}}  \nline two {# a note for editors #}\n{% raw %}{{ not code }}{% endraw %}\n\n",
    "Trailing newline kept off, as Jinja does\n",
    "Ünïcode — “quotes” & <b>markup</b> {{ cite('Ø') }}\n\n\n",
]


@pytest.mark.parametrize("text", PAGE_TEXTS)
def test_a_checked_page_renders_as_jinja_renders_it_compiled(text):
    env = environment()
    assert checked(text, env).render() == env.from_string(text).render()


def test_the_render_variables_come_before_the_globals_as_in_jinja():
    env = environment()
    text = "{{ cite('A') }} {{ plan('x').key }}"
    variables = {"cite": lambda key: f"[variable {key}]", "page": object()}
    assert checked(text, env).render(**variables) == env.from_string(text).render(**variables)
    assert checked(text, env).render(variables) == "[variable A] x"


@pytest.mark.parametrize("text, line", [
    ("one\ntwo {{ plan('x').sessions.typicall }}\n", 2),  # a misspelt field (Undefined, written)
    ("one\n\nthree\n{{ plan('x').nope.deeper }}", 4),  # a field of a missing field
    ("{{ plan('x')['missing'] }}", 1),
    ("a\n{{ broken('acne') }}", 2),  # the macro itself raises
])
def test_a_failure_names_the_line_and_the_error_jinja_would_give(text, line):
    env = environment()
    with pytest.raises(CallFailed) as failed:
        checked(text, env).render()
    with pytest.raises(Exception) as compiled:
        env.from_string(text).render()
    assert failed.value.line == line == problem_report.render_error_line(compiled.value)
    assert type(failed.value.error) is type(compiled.value) and str(failed.value.error) == str(compiled.value)
    # What the editor is told is the same as for a compiled page.
    assert problem_report.render_error_line(failed.value) == line
    assert problem_report.render_error_message(failed.value) == problem_report.render_error_message(compiled.value)


def test_a_name_missing_at_render_time_is_undefined_as_in_jinja():
    env = environment()
    page = checked("{{ cite('A') }}", env)
    del env.globals["cite"]
    with pytest.raises(CallFailed) as failed:
        page.render()
    assert isinstance(failed.value.error, jinja2.UndefinedError) and "'cite' is undefined" in str(failed.value.error)


@pytest.mark.parametrize("text", [
    "{% if plan %}yes{% endif %}",
    "{{ config }}",
    "{{ plan('x') | upper }}",
    "{{ plan('x')() }}",  # a call of what a call returned
    "{{ plan(other) }}",
    "{{ plan(*args) }}",
    "{{ plan('x')[key] }}",
])
def test_a_tree_the_check_refuses_is_not_rendered(text):
    env = environment()
    with pytest.raises(NotChecked):
        CheckedPage(env.parse(text), env).render()


def test_no_page_text_is_compiled(monkeypatch):
    env = environment()
    page = checked("Day {{ plan('x').sessions.typical }} {{ cite('A') }}", env)

    def refuse(*args, **kwargs):
        raise AssertionError("page text was compiled")

    monkeypatch.setattr(Environment, "compile", refuse)
    monkeypatch.setattr(Environment, "from_string", refuse)
    assert page.render() == 'Day 3 <sup class="cite">[A]</sup>'


# --- the glue: mkdocs-macros renders a checked page from its tree ------------------

def glued_env(text: str):
    """mkdocs-macros' side as the glue sees it: its Jinja environment, the page, the site data."""
    import macros

    env = SimpleNamespace(env=environment(), markdown=text, variables={"_site_data": {
        "checked": {}, "first_line": {"page.md": 5}, "problems": [], "held": set()}},
        page=SimpleNamespace(file=SimpleNamespace(src_uri="page.md")))
    macros._render_checked_pages(env)
    return env, env.variables["_site_data"]


def passed(text: str, env) -> None:
    """What on_pre_page_macros does with a page that passed its check."""
    problems, _, tree = page_check.check_template(text, "docs/page.md", 5, MACROS, env.env)
    assert problems == []
    env.variables["_site_data"]["checked"][text] = tree


def test_the_glue_renders_a_page_that_passed_from_the_checked_tree(monkeypatch):
    text = "Day {{ plan('x').sessions.typical }}"
    env, data = glued_env(text)
    passed(text, env)
    monkeypatch.setattr(Environment, "compile", lambda *a, **k: pytest.fail("page text was compiled"))
    template = env.env.from_string(text)
    assert isinstance(template, CheckedPage) and template.render() == "Day 3"
    assert data["checked"] == {}


def test_text_no_check_passed_is_shown_without_running_its_template_code():
    env, data = glued_env("x")
    passed("{{ cite('A') }}", env)
    ran = []
    env.env.globals["nothing"] = lambda: ran.append(True)
    # e.g. a page title, which mkdocs-macros renders after the page whatever the check found
    template = env.env.from_string("About {{ nothing() }} {% if true %}x{% endif %}")
    assert not isinstance(template, CheckedPage)
    assert template.render() == "About […] […]x[…]" and ran == []


@pytest.mark.parametrize("setting", [{"autoescape": True}, {"finalize": lambda value: value or "-"}])
def test_an_environment_that_writes_values_otherwise_compiles_the_page(setting):
    text = "Nothing: {{ nothing() }} {{ cite('<A>') }}"
    env, data = glued_env(text)
    env.env = Environment(undefined=StrictUndefined, **setting)
    env.env.globals.update(MACROS)
    import macros

    macros._render_checked_pages(env)
    passed(text, env)
    template = env.env.from_string(text)
    assert not isinstance(template, CheckedPage)
    assert template.render() == Environment(**setting, undefined=StrictUndefined).from_string(text).render(**MACROS)


def test_the_glue_records_a_failed_call_at_its_file_line():
    text = "one\n{{ plan('x').sessions.typicall }}"
    env, data = glued_env(text)
    passed(text, env)
    shown = env.env.from_string(text).render()
    assert shown == problem_report.without_template_code(text)  # the page is kept inert
    assert data["held"] == {"page.md"}
    [problem] = data["problems"]
    assert isinstance(problem, Problem) and (problem.file, problem.line) == ("docs/page.md", 6)
    assert "'typicall'" in problem.message
