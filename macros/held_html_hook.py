"""MkDocs hook (mkdocs.yml `hooks:`): tells MkDocs the anchors inside the HTML
our macros wrote.

That HTML reaches Markdown as tokens (pipeline/pages/held_html.py), so
MkDocs' own scan of a page's raw HTML for `id`s no longer sees it; without
them, a link to e.g. references.md#ref-alam2014 would be reported as
pointing nowhere.  mkdocs-macros passes on no `page_content` event.  Loaded
by MkDocs before mkdocs-macros has put the project's folder on the import
path: the project's module is imported inside the function.
"""


def on_page_content(html, page, config, files):
    from pipeline.pages.held_html import CONFIG_ATTRIBUTE
    held = getattr(config, CONFIG_ATTRIBUTE, None)
    if held is not None and page.present_anchor_ids is not None:
        page.present_anchor_ids |= held.anchor_ids(page.file.src_uri)
    return html
