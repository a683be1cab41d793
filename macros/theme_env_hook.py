"""MkDocs hook (mkdocs.yml `hooks:`): hands the build's theme environment to
the embed pages.

mkdocs-macros passes on no `env` event.  The embed pages are rendered after
the build (macros/__init__.py, on_post_build) with the same Jinja environment
MkDocs rendered every full page with: its templates are compiled already, so
the embed pages cost a few milliseconds, not a second compile of Material's
(about a quarter of a second).  Without this hook they are the same, only
slower.  Loaded by MkDocs on its own (not as part of the `macros` package),
so it imports nothing of ours.
"""

THEME_ENV = "theme_env"  # the attribute of MkDocs' config that holds it (read in macros/__init__.py)


def on_env(env, config, files):
    setattr(config, THEME_ENV, env)
    return env
