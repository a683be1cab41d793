"""Class 2 of issue 10: what staff type into data files is shown as typed,
never read as HTML or Markdown; addresses are https only, of safe
characters; an SVG logo cannot run script or load from elsewhere."""
from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from pipeline.data.clinic import Clinic, load_clinic
from pipeline.data.logo import svg_problem
from pipeline.data.problems import DataFileError
from pipeline.data.protocol import Plan, Protocol, Range
from pipeline.data.references import Reference
from pipeline.pages.render import cite, clinic_contact, page_sources, plans_overview
from pipeline.data.safe_text import markdown_text

HOSTILE_TEXT = [
    "[Riverside](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    "**bold** _under_ `code` # not a heading",
    "a | table | cell",
    "<script>alert(1)</script>",
    "&lt;b&gt; entity, back\\slash \\[x\\]",
    "![image](https://other.example/x.png)",
    "{: onclick=alert(1) }",
    "*[HTML]: abbreviation",
]


def rendered(text: str) -> BeautifulSoup:
    """Markdown as the site renders it (the extensions of mkdocs.yml that read inline text)."""
    html = markdown.markdown(text, extensions=["abbr", "attr_list", "def_list", "md_in_html", "tables", "admonition"])
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_markdown_text_is_shown_exactly_as_typed(text):
    page = rendered(f"Talk to {markdown_text(text)} today.")
    assert page.get_text() == f"Talk to {text} today."
    assert [tag.name for tag in page.find_all(True)] == ["p"], str(page)


ACNE = Plan("acne-scars", "<img src=x onerror=alert(1)> [x](javascript:alert(1))", "conditions/acne-scars.md",
            Range(3, 2, 6), Range(28, 14, 42), "moderate", 26, ("Alam2014",))
PROTOCOL = Protocol({"acne-scars": ACNE}, ())


def test_a_plan_name_with_html_is_literal_text_in_the_plans_table():
    table = rendered(plans_overview(PROTOCOL, "index.md"))
    link = table.select_one("td a")
    assert link.get_text() == ACNE.name and link["href"] == "conditions/acne-scars.md"
    assert table.find("img") is None and len(table.find_all("a")) == 1


def test_a_reference_label_with_markup_is_literal_text_in_citations():
    label = "Alam](javascript:alert(1)) <b>2014</b>"
    reference = Reference("Alam2014", label, "Citation.", "abstract")
    page = rendered(cite(("Alam2014",), {"Alam2014": reference}, []))
    (link,) = page.find_all("a")
    assert link.get_text() == "1" and link["href"] == "#source-1"
    assert link["aria-label"] == link["title"] == f"Source 1: {label}"
    sources = rendered(page_sources(["Alam2014"], {"Alam2014": reference}, lambda key: "references.md#ref-alam2014"))
    (entry,) = sources.select("li")
    assert entry.a.get_text() == label and entry.a["href"] == "references.md#ref-alam2014"
    assert page.find("b") is None and sources.find("b") is None


def test_clinic_text_in_the_contact_box_is_literal():
    clinic = Clinic(name="[Riverside](javascript:alert(1))", phone="+44 20 7946 0000",
                    booking_url="https://booking.example/x", address="<h1>Second heading</h1> **1 River Walk**")
    box = rendered(clinic_contact(clinic, None, "conditions/acne-scars.md"))
    text = box.get_text(" ", strip=True)
    assert "Talk to [Riverside](javascript:alert(1))." in text and "<h1>Second heading</h1> **1 River Walk**" in text
    assert box.find("h1") is None
    assert {a["href"] for a in box.find_all("a")} == {"tel:+442079460000", "https://booking.example/x",
                                                     "../safety.md#questions-to-ask-a-practitioner"}


# --- the clinic file ----------------------------------------------------------------------------

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 8 8">{}</svg>'


def clinic_problems(tmp_path: Path, settings: str, logo: str | None = None) -> list[str]:
    if logo is not None:
        (tmp_path / "logo.svg").write_text(logo)
    (tmp_path / "clinic.yml").write_text(settings, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_clinic(tmp_path / "clinic.yml", "clinic.yml", tmp_path, PROTOCOL)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("url", [
    "https://book.example/x)<svg onload=alert(1)>",
    "javascript:alert(1)",
    "https://book.example/a b",
    "https://book.example/\"onmouseover=\"alert(1)",
    "http://book.example/",
    "https://user@evil.example",
])
def test_booking_url_must_be_a_plain_https_address(tmp_path, url):
    found = clinic_problems(tmp_path, f"name: Riverside\nbooking_url: '{url}'\n")
    assert len(found) == 1 and found[0].startswith("clinic.yml:2:14: booking_url: "), found
    assert "https://" in found[0]


def test_booking_url_length_is_capped(tmp_path):
    found = clinic_problems(tmp_path, f"name: Riverside\nbooking_url: https://book.example/{'a' * 300}\n")
    assert found == ["clinic.yml:2:14: booking_url: is 321 characters long; at most 300 are allowed"]


@pytest.mark.parametrize("field,value,words", [
    ("name", "River\u202eside", "U+202E"),
    ("name", "River\u200bside", "U+200B"),
    ("address", "1 River Walk\r# Heading", "line break"),
    ("address", "1 River Walk\u2028# Heading", "line break"),
    ("name", "R" * 81, "at most 80"),
    ("address", "A" * 201, "at most 200"),
])
def test_clinic_text_fields_are_single_plain_lines_of_limited_length(tmp_path, field, value, words):
    quoted = value.replace("\\", "\\\\").replace("\r", "\\r").replace("\u2028", "\\L").replace('"', '\\"')
    settings = f'name: Riverside\n{field}: "{quoted}"\n' if field != "name" else f'name: "{quoted}"\n'
    found = clinic_problems(tmp_path, settings)
    assert len(found) == 1 and f" {field}: " in found[0] and words in found[0], found


@pytest.mark.parametrize("logo", ["../mkdocs.yml", "/etc/passwd.svg", "assets/../../x.svg", "logo.svg?x=1"])
def test_the_logo_must_be_a_file_inside_docs(tmp_path, logo):
    found = clinic_problems(tmp_path, f"name: Riverside\nlogo: '{logo}'\n")
    assert len(found) == 1 and found[0].startswith("clinic.yml:2:7: logo: ") and "docs/" in found[0], found


@pytest.mark.parametrize("inside,words", [
    ("<script>alert(1)</script>", "<script>"),
    ('<circle r="4" onload="alert(1)"/>', "onload="),
    ("<foreignObject><div>x</div></foreignObject>", "<foreignobject>"),
    ('<image href="https://other.example/x.png"/>', "href="),
    ('<a xlink:href="javascript:alert(1)"><circle r="4"/></a>', "href="),
    ('<use href="other.svg#a"/>', "href="),
    ('<circle r="4" style="fill:url(https://other.example/x)"/>', "style"),
    ("<style>@import url(https://other.example/x.css);</style>", "<style>"),
    ('<set attributeName="href" to="javascript:alert(1)"/>', "<set>"),
])
def test_an_svg_logo_that_could_run_script_or_load_elsewhere_is_refused(tmp_path, inside, words):
    found = clinic_problems(tmp_path, "name: Riverside\nlogo: logo.svg\n", SVG.format(inside))
    assert len(found) == 1 and found[0].startswith("clinic.yml:2:7: logo: 'logo.svg' ") and words in found[0], found


def test_an_svg_with_entities_is_refused():
    assert "DOCTYPE" in svg_problem(b'<!DOCTYPE svg [<!ENTITY a "b">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>')


def test_a_plain_svg_logo_passes(tmp_path):
    (tmp_path / "logo.svg").write_text(SVG.format('<circle r="4" fill="#1b5e20"/><use href="#a"/>'))
    (tmp_path / "clinic.yml").write_text("name: Riverside\nlogo: logo.svg\n")
    assert load_clinic(tmp_path / "clinic.yml", "clinic.yml", tmp_path, PROTOCOL).logo == "logo.svg"


def test_a_reference_address_must_be_a_plain_https_address(tmp_path):
    from pipeline.data.references import load_references

    (tmp_path / "references.yml").write_text(
        "A2014:\n  label: A 2014\n  citation: C.\n  checked: abstract\n  url: 'https://x.example/a\"><script>'\n")
    with pytest.raises(DataFileError) as caught:
        load_references(tmp_path / "references.yml", "references.yml")
    (problem,) = caught.value.problems
    assert str(problem).startswith("references.yml:5:8: A2014.url: ") and "https://" in str(problem)


def test_structured_data_cannot_end_its_script_element():
    import json

    from pipeline.pages.structured_data import to_script_text

    hostile = {"reviewedBy": {"name": "</script><script>alert(1)</script><!--"}, "name": "A & B > C"}
    text = to_script_text(hostile)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == hostile


def test_a_raster_logo_must_be_an_image_inside(tmp_path):
    (tmp_path / "logo.png").write_text("<html><script>alert(1)</script></html>")
    found = clinic_problems(tmp_path, "name: Riverside\nlogo: logo.png\n")
    assert found == ["clinic.yml:2:7: logo: 'logo.png' is not a PNG, JPEG or WebP image inside, whatever its name; "
                     "export the logo again as an image"]
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    (tmp_path / "clinic.yml").write_text("name: Riverside\nlogo: logo.png\n")
    assert load_clinic(tmp_path / "clinic.yml", "clinic.yml", tmp_path, PROTOCOL).logo == "logo.png"


def test_every_invisible_character_is_found_past_the_printable_text_shortcut():
    """invisible_problem passes printable text in one step (str.isprintable):
    no character of a refused category may be printable, and each is still
    named in a text that is otherwise plain, on one line or several."""
    import sys
    import unicodedata

    from pipeline.data.safe_text import _INVISIBLE_CATEGORIES, invisible_problem

    refused = [chr(point) for point in range(sys.maxunicode + 1)
               if unicodedata.category(chr(point)) in _INVISIBLE_CATEGORIES]
    assert len(refused) > 100_000  # private use and surrogates, controls, format characters
    assert not any(char.isprintable() for char in refused)
    for char in ("\u202e", "\u200b", "\x00", "\x7f", "\ue000", "\U000f0000", "\ud800"):
        assert f"U+{ord(char):04X}" in invisible_problem(f"River{char}side"), char
        assert f"U+{ord(char):04X}" in invisible_problem(f"Línea uno\nRiver{char}side", multi_line=True), char
    for char in ("\n", "\r", "\u2028", "\u2029"):
        assert "line break at character 6" in invisible_problem(f"River{char}side"), repr(char)
    assert invisible_problem("Línea uno\nlínea dos — ¿sí?", multi_line=True) is None
