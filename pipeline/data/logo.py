"""The clinic's logo: a file inside docs/ that cannot run script.

An SVG is a document: opened at its own address it runs any <script> it
holds, and it can load from other hosts.  The logo is shown as an <img>,
where none of that is needed, so an SVG with any of it is refused.
"""
from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

PATH = re.compile(r"[A-Za-z0-9_-]+(?:/[A-Za-z0-9_.-]+)*\.[A-Za-z]+")
# Elements that run script, embed other documents, or animate attributes (an
# <animate>/<set> can turn a harmless attribute into a javascript: link).
ACTIVE_ELEMENTS = {"script", "foreignobject", "iframe", "object", "embed", "handler", "listener", "animate", "set",
                   "animatemotion", "animatetransform", "discard"}
REFERENCE_ATTRIBUTES = {"href", "src"}
# How PNG, JPEG and WebP files begin (bytes 0-7, then bytes 8-11).
SIGNATURES = ((b"\x89PNG\r\n\x1a\n", b""), (b"\xff\xd8\xff", b""), (b"RIFF", b"WEBP"))
EXTERNAL_CSS = re.compile(r"url\s*\(\s*['\"]?\s*(?!#)|@import", re.I)


def logo_problem(logo: str, docs_dir: Path, types: tuple[str, ...]) -> str | None:
    """What is wrong with the `logo` setting (a path under docs/), or None."""
    if not PATH.fullmatch(logo) or ".." in logo.split("/"):
        return (f"'{logo}' is not a path inside docs/; write it from docs/ with letters, digits, - and _ only, "
                "e.g. 'assets/images/clinic-logo.svg'")
    if not logo.lower().endswith(types):
        return f"'{logo}' is not an image this site can show; use one of {', '.join(types)}"
    file = docs_dir / logo
    if not file.is_file() or not file.resolve().is_relative_to(docs_dir.resolve()):
        return (f"file '{logo}' not found under docs/; put the logo in docs/ (e.g. docs/assets/images/) "
                "and write its path from there")
    data = file.read_bytes()
    if logo.lower().endswith(".svg"):
        problem = svg_problem(data)
        if problem:
            return f"'{logo}' {problem}; use a plain drawing (save it again as 'plain SVG', or use a PNG)"
    elif not any(data.startswith(start) and data[8:12].startswith(rest) for start, rest in SIGNATURES):
        return f"'{logo}' is not a PNG, JPEG or WebP image inside, whatever its name; export the logo again as an image"
    return None


def svg_problem(data: bytes) -> str | None:
    """Why an SVG could run script or load from elsewhere (None: it cannot)."""
    if re.search(rb"<!(DOCTYPE|ENTITY)", data, re.I):
        return "declares a DOCTYPE or entities"
    if re.search(rb"<\?xml-stylesheet", data, re.I):
        return "loads a style sheet"
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return f"is not a readable SVG file ({error})"
    if _local(root.tag) != "svg":
        return "is not an SVG drawing"
    for element in root.iter():
        tag = _local(element.tag)
        if tag in ACTIVE_ELEMENTS:
            return f"contains a <{tag}> element"
        for name, value in element.attrib.items():
            attribute = _local(name).lower()
            if attribute.startswith("on"):
                return f"has an event handler ({attribute}=) on <{tag}>"
            if attribute in REFERENCE_ATTRIBUTES and not value.strip().startswith("#"):
                return f"refers to another file or address ({attribute}=\"{value[:60]}\") on <{tag}>"
            if EXTERNAL_CSS.search(value):
                return f"loads from another file or address in its style on <{tag}>"
        if tag == "style" and EXTERNAL_CSS.search(element.text or ""):
            return "loads from another file or address in its <style>"
    return None


def _local(name: str) -> str:
    """Element or attribute name without its XML namespace, lower case."""
    return name.rsplit("}", 1)[-1].lower()
