"""The site's CSS as shipped (minified by pipeline/pages/render.py, after Material's
in the one stylesheet) means to Chromium exactly what overrides/partials/site.css says."""
import pytest

from pipeline.pages.render import minify_css
from site_checks.sitebuild import ROOT

pytestmark = pytest.mark.browser

RULES = """css => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return [...sheet.cssRules].map(rule => rule.cssText);
}"""


def test_minified_site_css_parses_to_the_same_rules(browser):
    source = (ROOT / "overrides" / "partials" / "site.css").read_text(encoding="utf-8")
    page = browser.new_page()
    try:
        original, minified = page.evaluate(RULES, source), page.evaluate(RULES, minify_css(source))
    finally:
        page.close()
    assert len(original) > 20, "the stylesheet did not parse"
    assert minified == original
