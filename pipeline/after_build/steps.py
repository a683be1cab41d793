"""The steps after MkDocs has written the pages, in order: the corrections
feed, the link check, the calculator's modules joined, our scripts minified
and the every-page ones joined (also for a build with problems: a live
preview shows them on pages that still work), then, only for a build
without problems, the embed pages and the security headers, which scan
every finished page.  Embed pages carry the stylesheet's rules they can
use inline (embed_styles.py)."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from ..data.problems import Problem
from ..urls import built_file
from ..pages.theme import SITE_CSS, Stylesheet
from . import embed, embed_styles, links, security_headers
from .corrections_feed import write_corrections_feed
from .join_modules import write_joined_modules
from .minify_scripts import minify_scripts, write_bundles


def after_build(site_dir: Path, docs_dir: Path, problems: list[Problem], *, use_directory_urls: bool, site_name: str,
                site_url: str, clinic, corrections, titles: dict[str, str], live_preview: bool, stylesheet: Stylesheet,
                embed_pages: Callable[[], Mapping[str, str]]) -> list[Problem]:
    """Every problem of the build, the pages' and these steps' own (none: the
    site is complete).  `embed_pages` renders the embed pages (built path →
    HTML), called only for a build without problems."""
    write_corrections_feed(site_dir, corrections, site_name, site_url, titles, use_directory_urls)
    problems = [*problems, *links.check_site_links(docs_dir, site_dir, use_directory_urls)]
    write_joined_modules(site_dir)
    minify_scripts(site_dir, docs_dir)
    write_bundles(site_dir)
    problems += embed_styles.inline_problems(stylesheet.text, f"overrides/{SITE_CSS}")
    if problems:
        return problems
    # Each built page and image with the source file a finding is reported against.
    sources = {built_file(src, use_directory_urls): (f"docs/{src}", docs_dir / src)
               for src in (p.relative_to(docs_dir).as_posix() for p in [*docs_dir.rglob("*.md"), *docs_dir.rglob("*.svg")])}
    # The embed pages go to disk once, with their policy, after the same check as every page.
    embeds = embed_styles.inline_used_styles({embed.embed_path(html_path): html for html_path, html in embed_pages().items()},
                                             site_dir, stylesheet.path, stylesheet.text)
    return security_headers.write_security_headers(site_dir, embed.EMBED_DIR, clinic.embed_origins, site_url, sources,
                                                   policy_in_pages=not live_preview, unwritten=embeds)
