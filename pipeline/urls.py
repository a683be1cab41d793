"""Where a source file is built and the address it is served at: the one place
that maps docs/ paths to site/ paths and URLs.

MkDocs decides this (its `File` object: `dest_uri`, `url`), so these functions
ask it instead of re-implementing its rule; inside a build the glue reads the
same values from `page.file`.  They follow `use_directory_urls` as MkDocs
does (a/b.md → a/b/index.html and a/b/, or a/b.html).  A translation
(a/b.es.md) is built under /es/ (pipeline/pages/language.py).  Pure functions of
their arguments (no docs folder is read), for the build, feeds and tests.
"""
from __future__ import annotations

import functools
from urllib.parse import urljoin

from mkdocs.structure.files import File

from .pages.language import DEFAULT_LANGUAGE, default_source, language_folder, source_language


# Asked about the same pages by several steps (about 400 times a build);
# a File is slow to make.  The answer depends on the arguments only.
@functools.lru_cache(maxsize=4096)
def built_file(src_uri: str, use_directory_urls: bool = True) -> str:
    """The file MkDocs writes for a source file, relative to site/: a/b.md →
    a/b/index.html; a file that is not a page keeps its path.  A translation
    is built under its language's folder, as mkdocs-static-i18n does:
    a/b.es.md → es/a/b/index.html, a/b.es.svg → es/a/b.svg."""
    dest = File(default_source(src_uri), None, None, use_directory_urls).dest_uri
    return language_folder(source_language(src_uri)) + dest


def address(built_path: str, use_directory_urls: bool = True) -> str:
    """The site-relative address a built file is served at, as MkDocs' page.url
    writes it: 'a/b/index.html' → 'a/b/', the home page 'index.html' → ''."""
    folder, _, name = built_path.rpartition("/")
    if use_directory_urls and name == "index.html":
        return folder + "/" if folder else ""
    return built_path


def page_address(src_uri: str, use_directory_urls: bool = True) -> str:
    """The site-relative address of a source page: a/b.md → 'a/b/', index.md → ''."""
    return address(built_file(src_uri, use_directory_urls), use_directory_urls)


def page_url(site_url: str, src_uri: str, use_directory_urls: bool = True) -> str:
    """The full address of a source page under the site's URL."""
    return urljoin(site_url, page_address(src_uri, use_directory_urls))


def folder_of(built_path: str) -> str:
    """Site-relative folder of a built file: 'conditions/acne-scars/index.html' → 'conditions/acne-scars/'."""
    return built_path.rpartition("/")[0] + "/" if "/" in built_path else ""


def to_site_root(built_path: str) -> str:
    """Relative path from a built file back to the site's root: 'a/b/index.html' → '../../'."""
    return "../" * built_path.count("/")


def site_link(from_src: str, to_src: str, use_directory_urls: bool = True) -> str:
    """Address of a built page relative to another, for links in raw HTML
    (MkDocs rewrites '.md' links only in Markdown)."""
    here, there = built_file(from_src, use_directory_urls), built_file(to_src, use_directory_urls)
    return to_site_root(here) + address(there, use_directory_urls)
