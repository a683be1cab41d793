"""The patient menu holds patient pages only; the glossary has A to Z jump
links to every letter it has; the plans table names every value's column
for phones (issue 13)."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_for_clinics_is_out_of_the_patient_menu_but_reachable(site):
    for page in site.pages():
        menu = soup(page).select_one(".md-nav--primary")
        if menu is None:  # embed pages have no menu
            continue
        assert "Embed these pages" not in menu.get_text() and "For clinics" not in menu.get_text(), page
    about = soup(site.root / "about" / "index.html").select_one("article")
    assert any(a["href"].rstrip("/").endswith("embedding") for a in about.select("a[href]")), "About links to the clinics' page"
    assert (site.root / "embedding" / "index.html").exists(), "its address is unchanged"
    assert not (site.root / "embed" / "embedding").exists(), "a page for clinics gets no embed version (embed: false)"


def test_glossary_jumps_to_every_letter_it_has(site):
    source = (site.project / "docs" / "glossary.md").read_text(encoding="utf-8")
    letters = re.findall(r"^## ([A-Z])\s*$", source, re.M)
    page = soup(site.root / "glossary" / "index.html")
    jumps = page.select("nav.jump-links a")
    assert [a.get_text() for a in jumps] == letters
    for a in jumps:
        assert page.find(id=a["href"].lstrip("#")), a["href"]


def test_plans_table_names_each_value_for_phones(site):
    table = soup(site.root / "index.html").select_one(".table-stack table")
    headers = [th.get_text() for th in table.select("thead th")]
    assert headers[-1] == "Strength of evidence"
    for row in table.select("tbody tr"):
        labels = [cell.select_one(".cell-label").get_text() if cell.select_one(".cell-label") else None for cell in row.select("td")]
        assert labels == [None] + [f"{h}: " for h in headers[1:]]
