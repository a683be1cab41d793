"""Class 1 of issue 10: page text cannot run code.  Page text may only call
the site's own macros with literal arguments (and read fields of what they
return); anything else is refused at its file line, before rendering."""
from __future__ import annotations

import re

import pytest
from jinja2 import Environment

from pipeline.pages.page_check import check_html, check_meta, check_snippets, check_template, markdown_start_line
from site_checks.sitebuild import ROOT

FILE = "docs/page.md"


def plan(plan_id: str):
    return None


def cite(*keys: str):
    return ""


def milestone(milestone_id: str):
    return None


MACROS = {"plan": plan, "cite": cite, "milestone": milestone}


def problems(markdown: str, first_line: int = 1) -> list[str]:
    found, _, _ = check_template(markdown, FILE, first_line, MACROS, Environment())
    return [str(p) for p in found]


HOSTILE = {
    "a dunder escape that runs a shell command":
        '{{ cite.__globals__["__builtins__"]["__import__"]("os").popen("touch /tmp/pwned").read() }}',
    "reading Python internals through a macro's result": '{{ plan("acne-scars").__class__.__mro__ }}',
    "the whole configuration": "{{ config }}",
    "a statement that sets a variable": "{% set x = 1 %}",
    "a loop": "{% for i in range(3) %}x{% endfor %}",
    "an include of a repository file": '{% include "mkdocs.yml" %}',
    "an unknown name": '{{ secret("x") }}',
    "mkdocs-macros' built-in macro that prints everything": "{{ context() }}",
    "a filter that reaches attributes": '{{ plan("acne-scars") | attr("__class__") }}',
    "a computed argument": '{{ cite(config.site_name) }}',
    "a computed field name": '{{ plan("acne-scars")[config] }}',
    "calling a method of a macro's result": '{{ plan("acne-scars").name.upper() }}',
    "an underscore item": '{{ plan("acne-scars")["_secret"] }}',
    "argument unpacking": "{{ cite(*keys) }}",
    "a macro named but not called": "{{ cite }}",
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_jinja_is_refused_at_its_line(text):
    found = problems("---\ntitle: x\n---\n\nFirst line.\n\n" + text + "\n", first_line=1)
    assert len(found) >= 1, f"not refused: {text}"
    assert all(p.startswith(f"{FILE}:7:1: ") for p in found), found


def test_line_numbers_count_the_front_matter():
    source = "---\ntitle: A page\ndescription: x\n---\n\n# A page\n\nText {{ config }}\n"
    markdown = source.split("---\n", 2)[2].lstrip("\n")  # as MkDocs hands it to plugins
    first_line = markdown_start_line(source, markdown)
    assert first_line == 6
    assert problems(markdown, first_line) == [
        f"{FILE}:8:1: the name 'config' is not allowed in page text; only the site's macros, with quoted text or "
        'numbers, e.g. {{ cite("Alam2014") }} or {{ plan("acne-scars").sessions.typical }}']


def test_a_broken_macro_is_reported_at_its_file_line():
    found = problems("# Title\n\nText {{ cite(\"Alam2014\" }} more.\n", first_line=6)
    assert len(found) == 1 and found[0].startswith(f"{FILE}:8:1: broken macro: "), found


def test_plain_messages_name_what_is_wrong():
    assert "the statement {% set %}" in problems("{% set x = 1 %}")[0]
    assert "the statement {% for %}" in problems("{% for i in x %}{% endfor %}")[0]
    assert "unknown macro 'secret'; the site's macros are: cite, milestone, plan" in problems('{{ secret("x") }}')[0]
    assert "plan(): too many positional arguments" in problems('{{ plan("a", "b") }}')[0]
    assert "broken macro: " in problems("{{ cite('x') ")[0]


def site_macro_names() -> list[str]:
    """The macros macros/__init__.py offers pages (functions marked @site_macro),
    read from its source so that a new macro cannot be missed here."""
    import ast

    tree = ast.parse((ROOT / "macros" / "__init__.py").read_text(encoding="utf-8"))
    names = [f.name for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)
             and any(isinstance(d, ast.Name) and d.id == "site_macro" for d in f.decorator_list)]
    assert "cite" in names and "plan" in names, names
    return names


def test_every_use_in_the_real_pages_is_allowed():
    """Every {{ }} the pages use today keeps working (the check has no false alarms)."""
    from mkdocs.utils.meta import get_data

    macros = {name: (lambda *args, **kwargs: None) for name in site_macro_names()}
    pages = sorted((ROOT / "docs").rglob("*.md"))
    used = 0
    for page in pages:
        source = page.read_text(encoding="utf-8")
        markdown, _ = get_data(source)
        found, calls, _ = check_template(markdown, page.name, 1, macros, Environment())
        assert found == [], found
        used += len(calls)
        assert check_html(markdown, page.name, 1) == []
    assert used > 300, "the pages' macro calls were all seen"


def test_attribute_reads_after_a_macro_are_allowed():
    assert problems('{{ plan("acne-scars").sessions.typical }} {{ milestone("healed").day }} {{ plan("x")["name"] }}') == []


# --- raw script in Markdown -------------------------------------------------------

SCRIPT = {
    "script element": "<script>alert(1)</script>",
    "script element in capitals, spaced": "< SCRIPT src=x>",
    "event handler": '<img src="x.png" onerror="alert(1)">',
    "event handler after a slash": "<svg/onload=alert(1)>",
    "javascript: link": "[Book](javascript:alert(1))",
    "javascript: with a character reference": "[Book](&#106;avascript:alert(1))",
    "javascript: with spaces": '<a href="java script:alert(1)">x</a>',
    "iframe": '<iframe src="https://other.example"></iframe>',
    "style element": "<style>body{display:none}</style>",
}


@pytest.mark.parametrize("text", SCRIPT.values(), ids=SCRIPT.keys())
def test_raw_script_in_page_text_fails_at_its_line(text):
    found = [str(p) for p in check_html(f"# Title\n\nSome text.\n{text}\n", FILE, 5)]
    assert found and all(p.startswith(f"{FILE}:8:1: ") for p in found), found


def test_harmless_html_and_words_pass():
    text = '<figure markdown>\n![Pen](pen.png)\n<figcaption>Onerous: on=1, JavaScript is needed</figcaption>\n</figure>\n'
    assert check_html(text, FILE, 1) == []


# --- snippets -------------------------------------------------------------------------


@pytest.mark.parametrize("line", ['--8<-- ".git/config"', "--8<-- '../mkdocs.yml'", '-8<- "/etc/passwd"',
                                  '--8<-- "https://other.example/x.md"', '--8<-- "missing.md"'])
def test_snippets_outside_includes_fail_at_their_line(tmp_path, line):
    (tmp_path / "abbreviations.md").write_text("*[X]: x\n")
    found = [str(p) for p in check_snippets(f"Text.\n\n{line}\n", FILE, 10, tmp_path)]
    assert len(found) == 1 and found[0].startswith(f"{FILE}:12:1: a snippet may only include a Markdown file from includes/")


def test_block_snippets_are_checked_line_by_line(tmp_path):
    (tmp_path / "abbreviations.md").write_text("*[X]: x\n")
    found = [str(p) for p in check_snippets("--8<--\nabbreviations.md\n.git/config\n--8<--\n", FILE, 1, tmp_path)]
    assert len(found) == 1 and found[0].startswith(f"{FILE}:3:1:") and "'.git/config'" in found[0]
    assert check_snippets('--8<-- "abbreviations.md"\n', FILE, 1, tmp_path) == []


# --- front matter ---------------------------------------------------------------------

SOURCE = "---\ntitle: T\ndescription: D\neditorial_check:\n  by: R\ncite: x\n---\n"


def meta_problems(meta: dict) -> list[str]:
    def line_of(key: str) -> int:
        match = re.search(rf"^{key}:", SOURCE, re.M)
        return SOURCE.count("\n", 0, match.start()) + 1 if match else 1
    return [str(p) for p in check_meta(meta, FILE, line_of, MACROS)]


def test_a_front_matter_key_cannot_hide_a_macro():
    assert meta_problems({"cite": "x"}) == [
        f"{FILE}:6:1: cite: 'cite' is the name of a macro; a front-matter key may not hide it, rename or remove it"]


@pytest.mark.parametrize("value", ['{{ cite.__globals__ }}', "{% set x = 1 %}", "{# x #}"])
def test_front_matter_is_plain_text(value):
    found = meta_problems({"title": value})
    assert found and found[0].startswith(f"{FILE}:2:1: title: front matter is plain text")


@pytest.mark.parametrize("field,value,words", [
    ("title", "Acne <img src=x onerror=alert(1)>", "contains '<'"),
    ("description", 'Scars" http-equiv="refresh', "contains '\"'"),
    ("description", "Scars &lt;/title&gt;", "contains '&lt;'"),
    ("editorial_check.by", "Dr A\u202eevil", "U+202E"),
    ("editorial_check.by", "Dr A\u200bName", "U+200B"),
    ("title", "Two\nlines", "line break"),
    ("editorial_check.by", "x" * 121, "at most 120"),
])
def test_fields_the_theme_prints_must_be_plain_single_line_text(field, value, words):
    line = {"title": 2, "description": 3, "editorial_check.by": 4}[field]
    outer, _, inner = field.partition(".")
    found = meta_problems({outer: {inner: value} if inner else value})
    assert found and found[0].startswith(f"{FILE}:{line}:1: {field}: ") and words in found[0], found


@pytest.mark.parametrize("call, words", [
    ('{{ plan("a", "b") }}', "plan(): too many positional arguments"),
    ("{{ plan() }}", "plan(): missing a required argument: 'plan_id'"),
    ('{{ plan(plan_id="a", extra=1) }}', "plan(): got an unexpected keyword argument 'extra'"),
    ('{{ milestone(1.5, "x") }}', "milestone(): too many positional arguments"),
])
def test_each_call_is_bound_to_its_macro_whatever_the_calls_before_it(call, words):
    """A call's arguments are bound once per number and names of arguments
    (the values never matter to binding): a good call first does not let a
    bad one through."""
    assert problems('{{ plan("acne-scars") }} {{ plan(plan_id="x") }} {{ milestone(2) }} {{ cite("A", "B", "C") }}') == []
    assert words in problems(call)[0]
