"""What the theme's templates (overrides/main.html) read from config.extra
besides the clinic: the path of Material's script bundle and the site's CSS."""
from __future__ import annotations

from pathlib import Path

from .render import minify_css

SITE_CSS = "partials/site.css"  # in the theme's custom_dir; inlined in every page (overrides/main.html)


def material_bundle() -> str:
    """Site path of the installed Material's JavaScript bundle (its name has a hash)."""
    import material

    scripts = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    (bundle,) = scripts.glob("bundle.*.min.js")
    return bundle.relative_to(scripts.parents[1]).as_posix()


def site_css(custom_dir: str | None) -> str:
    """The site's CSS, minified for inlining ('' for a theme without our overrides)."""
    path = Path(custom_dir) / SITE_CSS if custom_dir else None
    return minify_css(path.read_text(encoding="utf-8")) if path and path.is_file() else ""
