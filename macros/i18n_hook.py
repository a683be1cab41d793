"""MkDocs hook (mkdocs.yml `hooks:`): where mkdocs-static-i18n's output needs
finishing, after the plugin's own step for the same event.

- Each page's language alternates (the header's switcher and the
  <link rel=alternate hreflang> tags): the home pages' links become relative
  like every other link (site_relative_link()), and the default language's
  link is marked for the `x-default` alternate (overrides/main.html).
- The <link rel=alternate hreflang> tags get full addresses, as search
  engines require (the switcher's links stay relative).
- The 404 pages get the home pages' alternates (the plugin leaves the last
  page's there); absolute, as MkDocs writes every link of a 404 page, which
  hosts serve at any address.
- One search index per language (pipeline/after_build/search_index.py).  The
  plugin writes the combined index at the very end of its post-build step
  (priority -100), after every language's build and after our site-wide
  steps (macros/__init__.py), so the split runs later still, once: in the
  plugin's outer run, when it is no longer `building` a language.

Loaded by MkDocs before mkdocs-macros has put the project's folder on the
import path: the project's modules are imported inside the functions.
"""
from copy import deepcopy
from pathlib import Path

from mkdocs.plugins import event_priority


def _alternates(config, i18n, links_in_site: bool) -> None:
    from pipeline.pages.language import site_relative_link
    # The plugin sets them as an attribute of `extra` (what the templates
    # read first), not as its key.
    for alternate in getattr(config.extra, "alternate", None) or []:
        if links_in_site:
            alternate["link"] = site_relative_link(alternate["link"], config["site_url"] or "/")
        alternate["x_default"] = alternate.get("lang") == i18n.default_language


@event_priority(-50)  # after the plugin's (50), which sets this page's alternates
def on_page_context(context, page, config, nav):
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        _alternates(config, i18n, links_in_site=True)
    return context


def on_post_page(output, page, config):
    if not page.canonical_url:  # no site_url: no full address to give
        return output
    from pipeline.pages.language import absolute_alternates
    return absolute_alternates(output, page.canonical_url)


def on_template_context(context, template_name, config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and template_name == "404.html" and i18n.extra_alternate:
        config.extra.alternate = deepcopy(i18n.extra_alternate)
        _alternates(config, i18n, links_in_site=False)
    return context


@event_priority(-200)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.building:
        return
    from pipeline.after_build.search_index import write_language_indexes
    write_language_indexes(Path(config["site_dir"]), i18n.build_languages)
