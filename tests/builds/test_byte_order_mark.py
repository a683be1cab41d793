"""A page saved with a byte-order mark (as Windows Notepad saves UTF-8) is
the same page: MkDocs drops the mark, and so must every reader of ours."""
from __future__ import annotations

from site_checks.sitebuild import build, copy_project, set_config, snapshot

MARK = "\ufeff".encode("utf-8")
# An English page with a translation (its fingerprint), that translation,
# the page with the calculator and the abbreviations list.
SAVED_WITH_MARK = ("docs/aftercare.md", "docs/aftercare.es.md", "docs/treatment-plan.md", "includes/abbreviations.md")


def test_files_saved_with_a_byte_order_mark_build_the_same_site(site, tmp_path):
    project = copy_project(tmp_path / "project", site.project)
    set_config(project, "site_url", site.url)  # the shipped site's own address, as in the fixture
    for name in SAVED_WITH_MARK:
        path = project / name
        assert not path.read_bytes().startswith(MARK)
        path.write_bytes(MARK + path.read_bytes())
    result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "TRANSLATION OUTDATED" not in result.stderr, "the English text did not change"
    shipped, marked = snapshot(site.root), snapshot(project / "site")
    assert sorted(path for path in shipped.keys() | marked.keys() if shipped.get(path) != marked.get(path)) == []
