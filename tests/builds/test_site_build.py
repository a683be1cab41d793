"""The strict build: complete pages, data that matches the table, nothing
from other hosts, nothing private published."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from pipeline.pages.language import source_language, translated_source
from pipeline.urls import built_file, page_address

from expected import from_first, raw_protocol, results_day, session_days, start_value


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_no_unrendered_template_code(site):
    for page in site.pages():
        text = page.read_text(encoding="utf-8")
        assert "{{" not in text and "{%" not in text, f"unrendered macro in {page.relative_to(site.root)}"


def test_no_script_waits_for_the_stylesheet_before_the_text_is_read(site):
    """A script the browser must run (inline, not deferred) after a stylesheet
    that is still loading stops it reading the page until the stylesheet
    arrives; the page's text is then read in one long task after the first
    paint, which a phone user feels as a page that does not respond.  Every
    page is read to the end of its article with no such script after the
    stylesheet.  (Data blocks like JSON-LD do not run and do not wait.)"""
    blocking = re.compile(r"<script(?![^>]*\b(?:src|defer|async)\b)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>")
    pages = list(site.pages())
    assert len(pages) > 40
    for page in pages:
        text = page.read_text(encoding="utf-8")
        # Embed pages carry their rules inline (pipeline/after_build/embed_styles.py): the first <style>.
        stylesheet = min(i for i in (text.find('rel="stylesheet"'), text.find("<style>"), len(text)) if i >= 0)
        article_end = text.find("</article>")
        assert stylesheet > 0 and article_end > stylesheet, page
        waiting = blocking.findall(text, stylesheet, article_end)
        assert waiting == [], f"{page.relative_to(site.root)}: {waiting}"


def test_every_page_gets_its_styles_from_one_cached_file_holding_materials_and_ours(site):
    """One stylesheet request per full page, the same file on every page (a
    reader's phone downloads it once), holding Material's rules and then
    every rule of overrides/partials/site.css; no full page repeats the
    site's rules inline.  Its name changes with its text, so a long cache
    never serves an old copy.  Embed pages make no such request: each
    carries the same part of it inline, the rules an embed page can use
    (tests/browser/test_embed_pages_styled_alike.py checks they style each page alike)."""
    import hashlib

    import material

    from pipeline.pages.render import minify_css

    ours = minify_css((site.project / "overrides/partials/site.css").read_text(encoding="utf-8"))
    material_css = next((Path(material.__file__).parent / "templates/assets/stylesheets").glob("main.*.min.css"))
    material_rules = material_css.read_text(encoding="utf-8").split("/*# sourceMappingURL")[0].strip()
    linked, inline = set(), set()
    for page in site.pages():
        text = page.read_text(encoding="utf-8")
        if page.relative_to(site.root).parts[0] == "embed":
            assert 'rel="stylesheet"' not in text, page.relative_to(site.root)
            inline.add(max(re.findall(r"<style>(.*?)</style>", text, re.S), key=len))
            continue
        hrefs = re.findall(r'<link rel="stylesheet" href="([^"]+)"', text)
        assert len(hrefs) == 1, f"{page.relative_to(site.root)}: {hrefs}"
        base = urljoin(site.url + page.relative_to(site.root).as_posix(), "".join(re.findall(r'<base href="([^"]+)"', text)))
        linked.add(urljoin(base, hrefs[0]).removeprefix(site.url))
        assert ours[:200] not in text, f"{page.relative_to(site.root)} repeats the site's CSS inline"
    assert len(linked) == 1, linked
    (path,) = linked
    shipped = (site.root / path).read_text(encoding="utf-8")
    assert shipped.startswith(material_rules) and shipped.rstrip().endswith(ours)
    assert len(inline) == 1, "every embed page carries the same rules"
    (embed_rules,) = inline
    assert 1000 < len(embed_rules) < len(shipped) / 3, "embed pages carry a small part of the stylesheet"
    digest = re.fullmatch(r"assets/stylesheets/site\.([0-9a-f]{8})\.min\.css", path)
    assert digest and hashlib.sha256(shipped.encode("utf-8")).hexdigest().startswith(digest.group(1))


def test_embed_pages_ask_for_nothing_but_their_scripts(site):
    """A clinic's frame needs one response to show the text: the embed page
    holds its rules and the site icon (the icon file's own text, read back
    from its data: address); before the content's own pictures, it asks only
    for the page's scripts."""
    from urllib.parse import unquote

    icon_file = re.search(r"^  favicon: (\S+)$", (site.project / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1)
    icon = (site.project / "docs" / icon_file).read_text(encoding="utf-8").strip()
    embeds = [page for page in site.pages() if page.relative_to(site.root).parts[0] == "embed"]
    assert len(embeds) >= 17
    for page in embeds:
        html = soup(page)
        [link] = html.select('link[rel="icon"]')
        assert unquote(link["href"].removeprefix("data:image/svg+xml,")) == icon, page.relative_to(site.root)
        assert [link["rel"] for link in html.select("link")] == [["canonical"], ["icon"]], page.relative_to(site.root)
        scripts = [script["src"].rsplit("/", 1)[-1] for script in html.select("script")]
        assert "embed-page.js" in scripts and set(scripts) <= {"embed-page.js", "calculator.js"}, (page, scripts)


def test_the_css_source_is_published_only_inside_the_stylesheet(site):
    """MkDocs copies a theme folder's files into the site: overrides/partials/site.css
    would be published again, unminified, at /partials/site.css (macros/theme_files_hook.py)."""
    assert not (site.root / "partials").exists()
    assert "/partials/" not in (site.root / "_headers").read_text(encoding="utf-8")


def test_protocol_and_data_files_are_not_published(site):
    assert not (site.root / "_data").exists()
    published = [p for p in site.root.rglob("*") if p.suffix in {".yml", ".yaml"}]
    assert published == []


def test_every_page_requests_nothing_from_another_host(site):
    """src of any element, and href of link elements, stay on our site; only
    ordinary <a> links may point elsewhere (e.g. DOIs on the reference page)."""
    own = {"", urlparse(site.url).netloc}
    for page in site.pages():
        document = soup(page)
        for element in document.find_all(src=True):
            assert urlparse(element["src"]).netloc in own, f"{page}: {element.name} loads {element['src']}"
        for element in document.find_all(["link", "script", "img", "iframe", "source", "form"]):
            for attribute in ("href", "action", "srcset"):
                value = element.get(attribute)
                assert not value or urlparse(value).netloc in own, f"{page}: {element.name} {attribute}={value}"
        for element in document.find_all(style=True):
            assert "url(" not in element["style"] or "//" not in element["style"]


# The one outside address every page may link to: the text's licence (rel="license").
CONTENT_LICENCE = "https://creativecommons.org/licenses/by/4.0/"


def test_external_links_only_on_the_reference_page(site):
    for page in site.pages():
        if page.relative_to(site.root).as_posix() in {"references/index.html", "embed/references/index.html",
                                                      "es/references/index.html", "embed/es/references/index.html"}:
            continue
        hosts = {urlparse(a["href"]).netloc for a in soup(page).find_all("a", href=True) if a["href"] != CONTENT_LICENCE}
        hosts -= {"", urlparse(site.url).netloc}
        assert not hosts, f"{page.relative_to(site.root)} links to {hosts}"


def calculator(site):
    document = soup(site.root / "treatment-plan" / "index.html")
    root = document.select_one("[data-calculator]")
    assert root is not None, "the treatment plan page has no calculator"
    return root, json.loads(root.select_one("template[data-calculator-data]").get_text())


def test_calculator_table_matches_the_protocol_file(site):
    root, data = calculator(site)
    plan = raw_protocol(site.project)["plans"][data["defaultPlan"]]
    rows = root.select("[data-calculator-rows] tr")
    sessions, interval = start_value(plan["sessions"]), start_value(plan["interval_days"])
    expected = session_days(sessions, interval)
    expected.append(results_day(sessions, interval, plan["results_check_weeks"], from_first(plan)))
    shown = [int(re.match(r"Day (\d+)", row.select("td")[0].get_text()).group(1)) for row in rows]
    assert shown == expected


def test_the_table_uses_the_words_the_script_receives(site):
    """The build writes every word once: the plain table and the script's
    words (no rows the script never reads)."""
    root, data = calculator(site)
    assert "rows" not in data
    text = data["words"]["text"]
    rows = root.select("[data-calculator-rows] tr")
    assert rows[0].th.get_text() == text["sessionLabel"].replace("{n}", "1")
    assert rows[-1].th.get_text() == text["resultsLabel"]
    first_title = data["aftercare"][0]
    assert rows[0].select("li")[0].get_text() == f"Day {first_title['day']}: {first_title['title']}"


def test_every_plan_is_offered_with_its_ranges(site):
    root, data = calculator(site)
    raw = raw_protocol(site.project)["plans"]
    assert [o["value"] for o in root.select("[data-calculator-plan] option")] == list(raw)
    for plan_id, plan in raw.items():
        assert data["plans"][plan_id]["sessions"] == {"min": plan["sessions"]["min"], "max": plan["sessions"]["max"]}
        assert data["plans"][plan_id]["resultsCheckDays"] == plan["results_check_weeks"] * 7
        # Only gaps the file names from studies: no 3- or 5-week gap in between
        # (the script offers the labelled gaps).
        gaps = plan["interval_days"]
        assert [int(days) for days in data["plans"][plan_id]["intervalLabels"]] == sorted({gaps["min"], gaps["max"], gaps.get("typical", gaps["min"])})


def test_every_plan_page_links_from_the_overview(site):
    document = soup(site.root / "treatment-plan" / "index.html")
    raw = raw_protocol(site.project)["plans"]
    links = {a.get_text(): a["href"] for a in document.select("table a")}
    for plan in raw.values():
        assert plan["name"] in links, f"overview lacks {plan['name']}"
        target = plan["page"].removesuffix(".md")
        assert links[plan["name"]].rstrip("/").endswith(target)
        assert (site.root / target / "index.html").exists()


def test_calculator_works_without_javascript_markup(site):
    root, _ = calculator(site)
    # The controls are written by the build (nothing moves when the script
    # starts) and hidden when JavaScript is off (the browser test checks it).
    head = soup(site.root / "treatment-plan" / "index.html").head
    noscript = "".join(str(n) for n in head.select("noscript"))
    assert re.search(r"\.calculator__form[^{}]*\{display:none\}", noscript), noscript
    assert root.select("[data-calculator-sessions] option[selected]"), "the starting number of sessions is chosen"
    table = root.select_one("table")
    assert table.caption and table.caption.get_text().strip()
    assert all(th.get("scope") == "col" for th in table.select("thead th"))
    assert "leaves your device" in root.get_text()


CARE_PAGES = ["aftercare", "safety", "conditions/acne-scars", "conditions/scars", "conditions/stretch-marks",
              "conditions/pigmentation", "conditions/wrinkles", "how-it-works", "comparisons"]
# The Spanish pages keep the section's address (#when-to-get-help) and its cards.
SPANISH_CARE_PAGES = [f"es/{page}" for page in CARE_PAGES]


def test_every_when_to_get_help_section_is_the_care_cards(site):
    """No page keeps its own list of warning signs: every page with a "When
    to get help" section is one of the pages checked below for the cards."""
    with_section = sorted(
        p.relative_to(site.root).parent.as_posix() for p in site.pages()
        if not p.relative_to(site.root).as_posix().startswith("embed/") and soup(p).find(id="when-to-get-help"))
    assert with_section == sorted(CARE_PAGES + SPANISH_CARE_PAGES)
    for page in SPANISH_CARE_PAGES:
        cards = soup(site.root / page / "index.html").find(id="when-to-get-help").find_all_next("section", class_="care-card", limit=3)
        assert len(cards) == 3, page


@pytest.mark.parametrize("page", CARE_PAGES)
def test_when_to_get_help_is_care_cards_from_one_list(site, page):
    """Each page's "When to get help" shows the same three care cards, from
    docs/_data/warning_signs.yml, each level named in its own heading."""
    data = site.project / "docs" / "_data"
    signs = yaml.safe_load((data / "warning_signs.yml").read_text(encoding="utf-8"))
    countries = yaml.safe_load((data / "site.yml").read_text(encoding="utf-8"))["countries"]
    document = soup(site.root / page / "index.html")
    section = document.find(id="when-to-get-help")
    cards = section.find_all_next("section", class_="care-card", limit=3)
    assert len(cards) == 3
    headings = [c.find(["h3"]).get_text() for c in cards]
    assert headings[0] == "Contact your clinic or a doctor" and headings[1] == "Get help now"
    assert all(c["emergency"] in headings[2] for c in countries), "the emergency card names each country's number"
    for card, level in zip(cards, ("contact_clinic", "urgent", "emergency")):
        assert [li.get_text() for li in card.select("li")] == signs[level]


def cited_keys_in_order(markdown_source: str) -> list[str]:
    """The page's sources in order of first citation, read from its Markdown."""
    keys = re.findall(r'"([^"]+)"', " ".join(re.findall(r"\{\{\s*cite\(([^)]*)\)\s*\}\}", markdown_source)))
    return list(dict.fromkeys(keys))


def test_citations_are_numbers_leading_to_the_pages_own_list_of_sources(site):
    """Every page cites by short numbers, numbered in order of first citation
    on that page (the third source cited is 3); each number leads to its
    entry in the page's "Sources for this page", which names that source and
    links to its full entry in the reference list."""
    docs = site.project / "docs"
    labels = {key: entry["label"] for key, entry in
              yaml.safe_load((docs / "_data" / "references.yml").read_text(encoding="utf-8")).items()}
    checked = 0
    for source in sorted(docs.rglob("*.md")):
        expected = cited_keys_in_order(source.read_text(encoding="utf-8"))
        src = source.relative_to(docs).as_posix()
        built = page_address(src).rstrip("/")
        # A Spanish page's sources lead to the Spanish reference list.
        references = "/" + page_address(translated_source("references.md", source_language(src)))
        document = soup(site.root / built_file(src))
        article = document.find("article")
        numbers = article.select("sup.cite a")
        if not expected:
            assert not numbers and not article.select("#page-sources"), source
            continue
        checked += 1
        for link in numbers:
            n = int(link.get_text())
            assert link["href"] == f"#source-{n}", source
            assert link["aria-label"].endswith(f" {n}: {labels[expected[n - 1]]}"), source
            assert source_language(src) != "en" or link["aria-label"] == f"Source {n}: {labels[expected[n - 1]]}", source
            assert "[" not in link.get_text() and link.get_text().isdigit()
        assert sorted({int(a.get_text()) for a in numbers}) == list(range(1, len(expected) + 1)), source
        entries = article.select("ol.page-sources > li")
        assert [li["id"] for li in entries] == [f"source-{n}" for n in range(1, len(expected) + 1)], source
        for li, key in zip(entries, expected):
            assert li.a.get_text() == labels[key]
            target = urlparse(urljoin(site.url + built + "/", li.a["href"]))
            assert (target.path, target.fragment) == (references, f"ref-{key.lower()}"), source
        # The embed version: the same numbers, leading to its own list, inside the frame.
        embed = soup(site.root / "embed" / built_file(src))
        embed_url = site.url + "embed/" + (built + "/" if built else "")
        base = urljoin(embed_url, embed.find("base")["href"])
        embed_numbers = embed.select("article sup.cite a")
        assert len(embed_numbers) == len(soup(site.root / built_file(src)).select("article sup.cite a")), source
        for link in embed_numbers:
            assert urljoin(base, link["href"]) == f"{embed_url}#source-{link.get_text()}"
            assert link["target"] == "_self"
    assert checked >= 15, "most pages cite sources"
    # Independently of the above: the aftercare page's third source.
    third = cited_keys_in_order((docs / "aftercare.md").read_text(encoding="utf-8"))[2]
    entry = soup(site.root / "aftercare" / "index.html").find(id="source-3")
    assert entry.a.get_text() == labels[third]


def test_short_forms_are_explained_in_the_page_s_language(site):
    """Pointing at "FDA" or "PRP" explains it in the page's own words: the
    Spanish page does not fall back to the English explanation."""
    def titles(path: str) -> dict[str, str]:
        return {a.get_text(): a["title"] for a in soup(site.root / path).find_all("abbr")}

    english, spanish = titles("safety/index.html"), titles("es/safety/index.html")
    assert english["FDA"].startswith("US Food and Drug Administration")
    assert spanish["FDA"].startswith("Administración de Alimentos y Medicamentos")
    assert spanish["PRP"] == "Plasma rico en plaquetas (un líquido hecho con su propia sangre)"
    # Every short form a Spanish page shows has a Spanish explanation, none an English one.
    english_titles = set(titles("safety/index.html").values()) | set(titles("aftercare/index.html").values())
    for page in sorted((site.root / "es").rglob("index.html")):
        if "embed" in page.parts:
            continue
        shown = {a["title"] for a in soup(page).find_all("abbr")}
        assert not shown & english_titles, page.relative_to(site.root)


def _search_words(text: str) -> set[str]:
    """Words as search sees them: split at white space and hyphens, tags and
    the punctuation around a word left out, lower case."""
    text = re.sub(r"<[^>]+>", " ", text)
    return {word.strip(".,:;()[]¿?¡!\"'").lower() for word in re.split(r"[\s\-]+", text)} - {""}


def test_search_finds_each_table_cell_and_source_note_as_words_of_their_own(site):
    """Search reads a page's text with its tags taken out: cells written
    without white space between them ("<th>Day 1</th><td>Make-up") were
    indexed as one word ("1make") that no reader types, and "Make-up" was
    not found on that page.  The first and last word of every table cell on
    the pages our code writes tables for, and of every source's "What we
    checked" note, are words of their own in that language's index."""
    for folder in ("", "es/"):
        index = json.loads((site.root / folder / "search/search_index.json").read_text(encoding="utf-8"))
        for page in ("aftercare", "treatment-plan", "references"):
            location = f"{page}/"
            words = _search_words(" ".join(doc["title"] + " " + doc["text"] for doc in index["docs"]
                                           if doc["location"].split("#")[0] == folder + location))
            document = soup(site.root / folder / page / "index.html")
            cells = [cell for cell in document.select("article table th, article table td, article li small")
                     if not cell.has_attr("hidden") and not cell.find_parent(attrs={"data-search-exclude": True})]
            assert cells, f"no table or source note on {folder}{page}"
            for cell in cells:
                text = sorted(_search_words(cell.get_text(" ")), key=cell.get_text(" ").lower().find)
                if text:
                    assert {text[0], text[-1]} <= words, f"{folder}{page}: '{cell.get_text(' ').strip()[:60]}' not searchable as written"
