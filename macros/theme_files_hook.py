"""MkDocs hook (mkdocs.yml `hooks:`): the site's CSS source is not published.

MkDocs copies every file of the theme folder that is not a template into the
site, so overrides/partials/site.css was published a second time, unminified,
at /partials/site.css (with a headers rule of its own), where no page uses
it.  The build reads it and ships it inside the one stylesheet
(pipeline/pages/theme.py).  Loaded by MkDocs on its own, so it imports
nothing of ours: the path is theme.SITE_CSS's.
"""

SITE_CSS = "partials/site.css"


def on_files(files, config):
    for file in [f for f in files if f.src_uri == SITE_CSS and not f.is_documentation_page()]:
        if not file.abs_src_path.startswith(config.docs_dir):
            files.remove(file)
    return files
