"""What the theme's templates (overrides/main.html) read from config.extra
besides the clinic: the paths of Material's script bundle and stylesheet,
and the site's CSS."""
from __future__ import annotations

from pathlib import Path

from .render import minify_css

SITE_CSS = "partials/site.css"  # in the theme's custom_dir; inlined in every page (overrides/main.html)


def _material_asset(folder: str, pattern: str) -> str:
    """Site path of one of the installed Material's assets (their names carry a hash)."""
    import material

    templates = Path(material.__file__).parent / "templates"
    (asset,) = (templates / "assets" / folder).glob(pattern)
    return asset.relative_to(templates).as_posix()


def material_bundle() -> str:
    """Material's JavaScript bundle."""
    return _material_asset("javascripts", "bundle.*.min.js")


def material_stylesheet() -> str:
    """Material's main stylesheet (the palette stylesheet is not used: no palette)."""
    return _material_asset("stylesheets", "main.*.min.css")


def site_css(custom_dir: str | None) -> str:
    """The site's CSS, minified for inlining ('' for a theme without our overrides)."""
    path = Path(custom_dir) / SITE_CSS if custom_dir else None
    return minify_css(path.read_text(encoding="utf-8")) if path and path.is_file() else ""
