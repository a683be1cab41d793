"""Hostile content edits, built for real: each fails the build with the file,
the line and a plain message, runs nothing, and publishes nothing.  The rules
themselves are unit-tested beside this file; these builds prove the wiring
(one project copy per scenario, each built once)."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from site_checks.sitebuild import ROOT, build, copy_project

SECRET = "ghp_SECRET_TOKEN_FROM_CHECKOUT"


def failed(project: Path) -> str:
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, "the build should have failed:\n" + output[-3000:]
    assert "Traceback" not in output, output[-3000:]
    assert list((project / "site").rglob("*.html")) == [], "nothing is published"
    return output


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_page_text_that_would_run_code_or_read_files_fails_at_each_line(tmp_path):
    project = copy_project(tmp_path / "project", ROOT)
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text(f"[http]\n\textraheader = AUTHORIZATION: basic {SECRET}\n")
    marker = tmp_path / "shell-ran"
    page = project / "docs" / "about.md"
    hostile = {
        # Runs `touch` on the code before this check (verified against it).
        "shell": f'{{{{ cite.__globals__["__builtins__"]["__import__"]("os").popen("touch {marker}").read() }}}}',
        "config": "Our settings: {{ config }}",
        "set": "{% set x = 1 %}",
        "for": "{% for i in [1, 2] %}{{ i }}{% endfor %}",
        "unknown": '{{ secret("x") }}',
        "git": '--8<-- ".git/config"',
        "mkdocs": '--8<-- "../mkdocs.yml"',
        "script": "<script>alert(1)</script>",
    }
    text = page.read_text(encoding="utf-8") + "\n" + "\n\n".join(hostile.values()) + "\n"
    # Front matter is page text too: mkdocs-macros renders the title, the theme prints the description.
    text = text.replace("title: About this site", "title: About {{ config.site_dir }}", 1)
    text = text.replace("  by: our editors", "  by: <img src=x onerror=alert(1)> our editors", 1)
    page.write_text(text, encoding="utf-8")
    # A page outside the menu takes its title from its front matter, which mkdocs-macros renders
    # after the page, whatever the page's check found (it ran before the glue kept it inert).
    title_marker = tmp_path / "title-ran"
    outside_menu = project / "docs" / "embedding.md"
    title = f'Embed {{{{ cite.__globals__["__builtins__"]["__import__"]("os").popen("touch {title_marker}").read() }}}}'
    outside_menu.write_text(outside_menu.read_text(encoding="utf-8").replace("title: Embed these pages", f"title: '{title}'", 1),
                            encoding="utf-8")
    output = failed(project)
    assert "docs/about.md:2:1: title: front matter is plain text" in output, output[-4000:]
    assert "docs/embedding.md:2:1: title: front matter is plain text" in output
    assert "docs/about.md:4:1: editorial_check.by: contains '<'" in output
    expected = {
        "shell": "calling something other than one of the site's macros is not allowed in page text",
        "config": "the name 'config' is not allowed in page text",
        "set": "the statement {% set %} is not allowed",
        "for": "the statement {% for %} is not allowed",
        "unknown": "unknown macro 'secret'",
        "git": "'.git/config' is not one",
        "mkdocs": "'../mkdocs.yml' is not one",
        "script": "<script> is not allowed in page text",
    }
    for key, message in expected.items():
        line = line_of(page, hostile[key])
        reported = [text.strip() for text in output.splitlines() if text.strip().startswith(f"docs/about.md:{line}:1: ")]
        assert any(message in text for text in reported), f"{key}: not reported at line {line}:\n{output[-4000:]}"
    assert not marker.exists(), "the shell command ran"
    assert not title_marker.exists(), "the shell command in the title ran"
    assert SECRET not in output


def test_a_macro_error_is_reported_at_the_page_line_not_the_markdown_line(tmp_path):
    project = copy_project(tmp_path / "project", ROOT)
    page = project / "docs" / "faq.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace('{{ cite("', '{{ cite("Nope2099", "', 1), encoding="utf-8")
    output = failed(project)
    line = line_of(page, "Nope2099")
    assert f"docs/faq.md:{line}:1: unknown reference key(s) Nope2099" in output, output[-3000:]


def test_front_matter_slips_aliases_and_bad_bytes_are_each_blamed_on_their_own_page(tmp_path):
    project = copy_project(tmp_path / "project", ROOT)
    docs = project / "docs"

    def edit(name: str, old: str, new: str, encoding: str = "utf-8") -> None:
        text = (docs / name).read_text(encoding="utf-8")
        assert old in text
        (docs / name).write_bytes(text.replace(old, new, 1).encode(encoding))

    edit("glossary.md", "title: Glossary", "title: Glossary: words")  # a YAML slip
    edit("faq.md", "title: Common questions", "title: &t Common questions\nx: *t")  # an alias
    edit("about.md", "title: About this site", "title: About this sit\xe9", encoding="latin-1")  # not UTF-8
    output = failed(project)
    assert "4 problems in docs/about.md, docs/faq.md, docs/glossary.md:" in output, output[-3000:]
    assert "docs/glossary.md:2:16: not valid YAML: mapping values are not allowed" in output
    assert "docs/faq.md:2:8: YAML anchor '&t' is not allowed" in output
    assert "docs/faq.md:3:4: YAML alias '*t' is not allowed" in output
    assert "docs/about.md:2:22: byte 0xe9 is not UTF-8 text" in output


def test_billion_laughs_in_the_protocol_file_fails_at_once(tmp_path):
    project = copy_project(tmp_path / "project", ROOT)
    laughs = "lol0: &l0 [lol]\n" + "".join(f"lol{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 12))
    protocol = project / "docs" / "_data" / "protocol.yml"
    protocol.write_text(protocol.read_text(encoding="utf-8") + laughs, encoding="utf-8")
    started = time.monotonic()
    output = failed(project)
    assert time.monotonic() - started < 120
    line = line_of(protocol, "lol0: &l0")
    assert f"docs/_data/protocol.yml:{line}:7: YAML anchor '&l0' is not allowed" in output, output[-3000:]


def test_hostile_clinic_addresses_and_logo_fail_the_build(tmp_path):
    project = copy_project(tmp_path / "project", ROOT)
    (project / "docs" / "assets" / "images" / "evil.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>')
    (project / "docs" / "_data" / "clinic.yml").write_text(
        "name: Riverside Skin Clinic\n"
        "booking_url: 'https://book.example/x)<svg onload=alert(1)>'\n"
        "logo: assets/images/evil.svg\n", encoding="utf-8")
    output = failed(project)
    assert "docs/_data/clinic.yml:2:14: booking_url: 'https://book.example/x)<svg onload=alert(1)>' is not a plain secure web address" in output
    assert "docs/_data/clinic.yml:3:7: logo: 'assets/images/evil.svg' contains a <script> element" in output


def test_snippets_read_only_from_includes_even_without_the_page_check():
    """The second lock: pymdownx.snippets itself is confined to includes/
    (mkdocs.yml), and the abbreviations list is still read from there."""
    import markdown
    from pymdownx.snippets import SnippetMissingError

    from mkdocs.utils import yaml_load  # reads mkdocs.yml's !ENV tags as MkDocs does

    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    options = next(e["pymdownx.snippets"] for e in config["markdown_extensions"]
                   if isinstance(e, dict) and "pymdownx.snippets" in e)
    assert options["base_path"] == ["includes"]

    def convert(text: str) -> str:
        return markdown.markdown(text, extensions=["abbr", "pymdownx.snippets"],
                                 extension_configs={"pymdownx.snippets": options})

    import os
    here = os.getcwd()
    os.chdir(ROOT)  # MkDocs runs from the project folder
    try:
        assert "<abbr" in convert('The FDA approved it.\n\n--8<-- "abbreviations.md"')
        for name in (".git/config", "../mkdocs.yml", "mkdocs.yml"):
            with pytest.raises(SnippetMissingError):
                convert(f'--8<-- "{name}"')
    finally:
        os.chdir(here)
