"""Valid HTML and CSS: the Nu Html Checker (npm vnu-jar, run with Java) over
every built page and the site's own CSS, in one run.  Zero errors; the only
messages accepted are listed with their reasons in site_checks/__init__.py
(VNU_FILTERS)."""
from __future__ import annotations

import pytest

from pipeline.pages.theme import site_css
from site_checks import (
    RECORD, VNU_FILTERS, describe_vnu, html_pages, name_of, run_vnu, split_filtered,
)


def checked(files):
    try:
        return run_vnu(files)
    except RuntimeError as error:
        pytest.fail(str(error))


@pytest.fixture(scope="module")
def own_css(site, tmp_path_factory):
    """The site's CSS as it ships after Material's in the one stylesheet
    (tests/builds/test_site_build.py checks that it does); Material's own
    rules are Material's to check."""
    path = tmp_path_factory.mktemp("css") / "site.css"
    path.write_text(site_css(str(site.project / "overrides")), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def vnu_results(site, own_css):
    files = html_pages(site.root)
    return files, checked([*files, own_css])


@pytest.mark.tools
def test_the_sites_own_css_is_valid(own_css, vnu_results):
    _, results = vnu_results
    errors, _ = split_filtered(results.get(own_css.resolve(), []))
    assert not errors, "the Nu Html Checker found CSS errors:\n" + describe_vnu("overrides/partials/site.css (minified)", errors)


@pytest.mark.tools
def test_every_page_is_valid_html(site, vnu_results):
    RECORD.site(site.root, site.project)
    files, results = vnu_results
    failures, used_filters = [], set()
    for path in files:
        name = name_of(site.root, path)
        errors, filtered = split_filtered(results.get(path.resolve(), []))
        used_filters |= {f.reason for _, f in filtered}
        RECORD.html_errors[name] = len(errors)
        if errors:
            failures.append(describe_vnu(name, errors))
    assert len(files) >= 2
    assert not failures, "the Nu Html Checker found errors:\n" + "\n".join(failures)


@pytest.mark.tools
def test_every_filter_has_a_reason_and_is_still_needed(vnu_results):
    """A filter no page needs any more is removed, so it cannot hide a new error."""
    files, results = vnu_results
    used = {f.reason for messages in results.values() for _, f in split_filtered(messages)[1]}
    for rule in VNU_FILTERS:
        assert len(rule.reason) > 40, f"say why {rule.message!r} is accepted"
        assert rule.reason in used, f"no page needs the filter for {rule.message!r} any more: remove it"


BROKEN = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Broken</title></head>
<body>
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<input type="checkbox" id="remember" autocomplete="off">
<div id="twice"></div><div id="twice"></div>
<span><div>a block inside a line of text</div></span>
<img src="photo.png">
</body></html>
"""


@pytest.mark.tools
def test_checker_finds_a_broken_page(tmp_path):
    """Can fail: duplicate ids, a block inside a span, an image without alt.
    The autocomplete filter accepts Material's toggle but not the same
    mistake on any other element."""
    page = tmp_path / "broken.html"
    page.write_text(BROKEN, encoding="utf-8")
    errors, filtered = split_filtered(checked([page])[page.resolve()])
    text = describe_vnu("broken.html", errors)
    assert "Duplicate ID “twice”" in text
    assert "Element “div” not allowed as child of element “span”" in text
    assert "An “img” element must have an “alt” attribute" in text
    assert 'id="remember"' in text, "the filter must only accept Material's own toggles"
    assert [m["extract"].count("__drawer") for m, _ in filtered] == [1]
