"""The HTML our macros write reaches Markdown as tokens (pipeline/pages/held_html.py);
MkDocs' link check still knows the anchors inside it (macros/held_html_hook.py):
a page may link to an entry of the reference list or to a source of its own."""
from __future__ import annotations

import pytest

from site_checks.sitebuild import build, copy_project

HOOK = "  - macros/held_html_hook.py"
LINKS = ("\n\nSee [the Alam 2014 entry](references.md#ref-alam2014) and "
         "[this page's first source](#source-1).\n")


@pytest.mark.parametrize("with_hook", [True, False])
def test_links_to_anchors_in_macro_html_pass_the_strict_build(tmp_path, with_hook):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    assert HOOK in config.read_text(), "mkdocs.yml no longer lists the hook: update this test"
    if not with_hook:
        config.write_text("\n".join(line for line in config.read_text().split("\n") if not line.startswith(HOOK)))
    faq = project / "docs" / "faq.md"
    faq.write_text(faq.read_text(encoding="utf-8") + LINKS, encoding="utf-8")
    result = build(project, tmp_path / "site")
    if with_hook:
        assert result.returncode == 0, result.stderr[-3000:]
    else:  # what the hook prevents: MkDocs reports both anchors as missing
        assert result.returncode != 0
        assert "ref-alam2014" in result.stderr and "source-1" in result.stderr
