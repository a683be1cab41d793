"""The language of a page: the one rule every part of the build uses.

mkdocs-static-i18n builds the site once per language and sets `file.locale`
on each page it builds ("es" for `aftercare.es.md`); a build without the
plugin (or a file it did not touch) has no locale, which means English.
"""

LANGUAGES = ("en", "es")
DEFAULT_LANGUAGE = "en"


def page_language(page) -> str:
    """The language code of `page` ("en" or "es")."""
    return getattr(page.file, "locale", None) or DEFAULT_LANGUAGE
