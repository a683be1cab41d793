"""What the theme's templates (overrides/main.html) read from config.extra
besides the clinic: the path of Material's script bundle, and the site's one
stylesheet (Material's with the site's own rules after it)."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .render import minify_css

SITE_CSS = "partials/site.css"  # in the theme's custom_dir
_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*$")


def material_templates() -> Path:
    """The installed Material's theme folder: its files are the built site's."""
    import material

    return Path(material.__file__).parent / "templates"


def _material_asset(folder: str, pattern: str) -> str:
    """Site path of one of the installed Material's assets (their names carry a hash)."""
    (asset,) = (material_templates() / "assets" / folder).glob(pattern)
    return asset.relative_to(material_templates()).as_posix()


def material_bundle() -> str:
    """Material's JavaScript bundle."""
    return _material_asset("javascripts", "bundle.*.min.js")


def material_stylesheet() -> str:
    """Material's main stylesheet (the palette stylesheet is not used: no palette)."""
    return _material_asset("stylesheets", "main.*.min.css")


def site_css(custom_dir: str | None) -> str:
    """The site's CSS, minified ('' for a theme without our overrides)."""
    path = Path(custom_dir) / SITE_CSS if custom_dir else None
    return minify_css(path.read_text(encoding="utf-8")) if path and path.is_file() else ""


@dataclass(frozen=True)
class Stylesheet:
    path: str  # in the built site; the name carries a hash of the text, so a long cache is safe
    text: str


def site_stylesheet(custom_dir: str | None) -> Stylesheet:
    """Material's stylesheet with the site's rules after it, as one file.

    Still one render-blocking request, now cached from page to page; the
    site's rules were inline in every page before (about 4 KB compressed),
    which pushed pages such as the Spanish aftercare page past the first
    round trip of a slow connection (about 14 KB) and delayed their text.
    Material's source-map comment is dropped: it would describe only the
    first part."""
    material = _SOURCE_MAP.sub("", (material_templates() / material_stylesheet()).read_text(encoding="utf-8"))
    text = f"{material.rstrip()}\n{site_css(custom_dir)}\n"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return Stylesheet(f"assets/stylesheets/site.{digest}.min.css", text)


def write_stylesheet(site_dir: Path, sheet: Stylesheet) -> None:
    target = site_dir / sheet.path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(sheet.text, encoding="utf-8")
