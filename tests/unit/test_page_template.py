"""pipeline/pages/page_template.py: the quick reading of page text gives the
tree Jinja's own parser gives (Jinja is the expected result), or leaves the
text to Jinja; every page of the site is read the quick way."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from jinja2 import Environment, StrictUndefined, TemplateSyntaxError, nodes
from jinja2.ext import Extension

from pipeline.pages.page_template import parse, plain_tree

DOCS = Path(__file__).resolve().parents[2] / "docs"
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def site_environment() -> Environment:
    return Environment(undefined=StrictUndefined)  # mkdocs-macros' settings in mkdocs.yml


def shape(tree: nodes.Node) -> list:
    """Every node's type, fields and line: Jinja's == compares fields only."""
    return [(type(node).__name__, node.lineno, list(node.iter_fields())) for node in tree.find_all(nodes.Node)]


def assert_same_as_jinja(text: str, env: Environment) -> bool:
    """The quick tree equals Jinja's; False when the quick reading left the text to Jinja."""
    quick = plain_tree(text, env)
    if quick is None:
        return False
    jinja = env.parse(text)
    assert quick == jinja and shape(quick) == shape(jinja), text
    return True


def page_texts() -> list[tuple[str, str]]:
    """Each page's text as MkDocs hands it to mkdocs-macros: without its front matter."""
    texts = []
    for page in sorted(DOCS.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        front = FRONT_MATTER.match(text)
        texts.append((page.relative_to(DOCS).as_posix(), text[front.end():] if front else text))
    return texts


@pytest.mark.parametrize("name, text", page_texts(), ids=lambda value: value if value.endswith(".md") else "")
def test_every_page_is_read_the_quick_way_into_jinjas_tree(name, text):
    assert assert_same_as_jinja(text, site_environment()), f"{name} is left to Jinja's parser (slower builds)"


DATA = ["Plain words. ", "line\n", "\n\n", "{", "}", "}}", "{ {", "%}", "#}", "é ü “quoted” ", "  ", "\t", "a}b",
        "x{", "<b>html</b>", "-", "'", '"', "[link](faq.md)", "—"]
CALLS = ['cite("Alam2014")', "cite('Alam2014')", 'cite("A", "B")', "cite('A','B' , \"C\")", "care_cards()",
         'milestone("healed").day', 'plan("acne-scars").sessions.typical', 'plan("x")["key"]', "plan('x')['a]b'].c",
         'cite("")', 'cite("é “ü”")', 'cite("it\'s")', "_hidden('x')", "x1('y').z_2",
         # Forms the quick reading leaves to Jinja (other spacing, escapes, operators, numbers...).
         'cite ("A")', 'cite( )', 'cite("A",)', 'cite("a" "b")', 'cite("a\\nb")', 'cite("a}}b")', "not('x')",
         "true('x')", "None('x')", "if('x')", 'plan("x"). day', 'plan("x").0', 'plan("x")[0]', 'plan(1)', "cite(key='A')",
         'cite("A") | upper', "cite", "config", "cite(\"A\"\n)", "cite('A')('B')", "plan('x').and", "plan('x').if", 'cite("a\nb").day', "plan('x\n')['k\n']"]
OPENS = ["{{ ", "{{", "{{\t", "{{  ", "{{- ", "{{+ ", "{{{ "]
CLOSES = [" }}", "}}", "\t}}", "  }}", " -}}", " }}}", " }"]
OTHER = ["{% raw %}{{ x }}{% endraw %}", "{# note #}", "{% if x %}y{% endif %}", "\r\n", "\r"]


def generated_texts(count: int, seed: int) -> list[str]:
    chance = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(chance.randint(0, 7)):
            roll = chance.random()
            if roll < 0.5:
                parts.append(chance.choice(DATA))
            elif roll < 0.95:
                parts.append(chance.choice(OPENS[:2] if chance.random() < 0.7 else OPENS) + chance.choice(CALLS) +
                             chance.choice(CLOSES[:2] if chance.random() < 0.7 else CLOSES))
            else:
                parts.append(chance.choice(OTHER))
        texts.append("".join(parts) + chance.choice(["", "\n", "\n\n"]))
    return texts


def test_generated_texts_read_the_quick_way_give_jinjas_tree():
    env = site_environment()
    quick = 0
    for text in generated_texts(4000, seed=7):
        try:
            env.parse(text)
        except TemplateSyntaxError:
            assert plain_tree(text, env) is None, text  # broken for Jinja: broken for the check too
            continue
        quick += assert_same_as_jinja(text, env)
    assert quick > 1000  # most are read the quick way: the comparison is not empty


@pytest.mark.parametrize("text", [
    '{{- cite("A") }}', '{{ cite("A") -}}\n', 'x {{ cite("a\\nb") }}', '{{ cite("a" "b") }}', "{{ not('x') }}",
    "{{ true('x') }}", "{% raw %}{{ cite('A') }}{% endraw %}", "{# {{ cite('A') }} #}", "a\r\n{{ cite('A') }}",
    "{{ cite('A') | upper }}", "{{{ cite('A') }}",
])
def test_what_the_quick_reading_would_misread_is_left_to_jinja(text):
    env = site_environment()
    assert plain_tree(text, env) is None
    try:
        expected = env.parse(text)
    except TemplateSyntaxError:
        with pytest.raises(TemplateSyntaxError):  # the check reports it as a broken macro
            parse(text, env)
        return
    assert parse(text, env) == expected


class Shout(Extension):
    def preprocess(self, source, name, filename=None):
        return source.upper()


@pytest.mark.parametrize("settings", [
    {"variable_start_string": "[[", "variable_end_string": "]]"}, {"keep_trailing_newline": True},
    {"newline_sequence": "\r\n"}, {"line_statement_prefix": "#"}, {"extensions": [Shout]},
])
def test_an_environment_set_up_otherwise_reads_with_jinja(settings):
    env = Environment(**settings)
    text = "Day {{ milestone('healed').day }}\n"
    assert plain_tree(text, env) is None
    assert parse(text, env) == env.parse(text)
