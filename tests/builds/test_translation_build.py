"""Translation provenance as readers see it (issue 17).

Every Spanish page says which English text it follows, when and by whom it
was translated and whether a clinician checked the translation.  A copy of
the project whose English page changes after translation shows the
"may be out of date" notice on the Spanish page only, links to the English
page, and the build lists the translation without failing."""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import yaml
from bs4 import BeautifulSoup

from site_checks.sitebuild import build, copy_project


def html_of(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def spanish_pages(root):
    """Built path and document of every Spanish content page, full and embed."""
    for path in sorted([*(root / "es").rglob("index.html"), *(root / "embed" / "es").rglob("index.html")]):
        document = html_of(path)
        if document.select_one("article.md-content__inner") is not None:
            yield path.relative_to(root).as_posix(), document


def text_of(element) -> str:
    return " ".join(element.get_text(" ").split())


def test_every_spanish_page_shows_its_provenance(site):
    checked = 0
    for name, document in spanish_pages(site.root):
        info = document.select_one("aside.translation-info")
        assert info is not None, f"{name}: no provenance"
        text = text_of(info)
        assert re.search(r"traducción de la página en inglés, tal como estaba el \d{1,2} de \w+ de \d{4}", text), (name, text)
        assert "Tradujo: nuestro equipo editorial" in text, (name, text)
        assert "Revisión clínica de la traducción: pendiente" in text, (name, text)
        # As shipped every translation follows the current English text.
        assert "El texto en inglés no ha cambiado desde entonces." in text, (name, text)
        assert document.select_one(".translation-outdated") is None, name
        link = info.find("a", hreflang="en")
        assert link is not None and link.get_text() == "Leer la página en inglés", name
        checked += 1
    assert checked == 2 * 21 - 1, "every Spanish page and its embed copy (embedding.es.md has none)"
    english = html_of(site.root / "aftercare" / "index.html")
    assert english.select_one("aside.translation-info") is None, "English pages are not translations"


def test_an_english_change_marks_its_translation_outdated(tmp_path):
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    spanish = docs / "aftercare.es.md"
    spanish.write_text(spanish.read_text(encoding="utf-8").replace("  date: 2026-12-01\n  by: nuestro",
                                                                    "  date: 2026-11-20\n  by: nuestro", 1), encoding="utf-8")
    english = docs / "aftercare.md"
    text = english.read_text(encoding="utf-8")
    text = re.sub(r"(editorial_check:\n  date: )\S+", r"\g<1>2026-11-30", text, count=1)
    english.write_text(text + "\nOne more sentence that was never translated.\n", encoding="utf-8")

    result = build(project)  # --strict, as make build runs it

    assert result.returncode == 0, result.stderr[-3000:]
    log = result.stdout + result.stderr
    assert "TRANSLATION OUTDATED - docs/aftercare.es.md: docs/aftercare.md has changed since it was translated" in log
    assert log.count("TRANSLATION OUTDATED") == 1, "only the translation whose English page changed"
    site = project / "site"
    for page in ("es/aftercare/index.html", "embed/es/aftercare/index.html"):
        document = html_of(site / page)
        notice = document.select_one("p.translation-outdated")
        assert notice is not None, page
        base = document.find("base")  # embed pages: relative addresses start from the full page's folder
        folder = (site / page).parent.joinpath(base["href"] if base else "")
        assert text_of(notice).startswith(
            "La versión en inglés se actualizó el 30 de noviembre de 2026; esta traducción puede estar desactualizada."), page
        link = notice.find("a", hreflang="en")
        assert folder.joinpath(link["href"], "index.html").resolve() == (site / "aftercare" / "index.html").resolve()
        assert "El texto en inglés no ha cambiado" not in text_of(html_of(site / page).select_one("aside.translation-info"))
    for page in ("es/safety/index.html", "aftercare/index.html"):
        assert html_of(site / page).select_one("p.translation-outdated") is None, page


def test_a_wrong_provenance_stops_the_build_at_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "safety.es.md"
    text = page.read_text(encoding="utf-8").replace("  source: safety.md", "  source: no-such-page.md", 1)
    page.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  source: no-such-page.md") + 1

    result = build(project)

    assert result.returncode != 0 and not (project / "site").exists(), "nothing is published"
    assert (f"docs/safety.es.md:{line}:1: translation.source: 'no-such-page.md' is not a page under docs/; "
            "a translation follows the English page beside it: write 'source: safety.md'") in result.stdout + result.stderr


def test_every_page_s_switcher_and_alternates_lead_to_its_twin(site):
    """Every page's switcher and <link rel=alternate hreflang> name both languages,
    each the same page in that language, and the alternates name the English
    page for every other language (x-default).  The switcher's links are
    relative (the home pages' too), so the site works under any path it is
    served from; the alternates are full addresses on the site's own host,
    which search engines require."""
    checked = 0
    for path in sorted(site.root.rglob("index.html")):
        name = path.relative_to(site.root).as_posix()
        if name.startswith(("embed/", "search/")):
            continue
        document = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        english = name.removeprefix("es/")
        for selector, expected in (("link[rel=alternate][hreflang]", {"en": english, "es": "es/" + english, "x-default": english}),
                                   ("a.md-select__link", {"en": english, "es": "es/" + english})):
            found = {}
            for element in document.select(selector):
                if selector.startswith("link"):
                    assert element["href"].startswith(site.url), (name, str(element))
                    target = element["href"].removeprefix(site.url)
                else:
                    assert not urlsplit(element["href"]).netloc and not element["href"].startswith("/"), (name, str(element))
                    # As a browser resolves it on the test server (the site at its root).
                    target = urlsplit(urljoin(f"http://test/{name}", element["href"])).path.lstrip("/")
                found[element["hreflang"]] = target + "index.html" if target.endswith("/") or not target else target
            assert found == expected, (name, selector, found)
        checked += 1
    english = [p for p in (site.project / "docs").rglob("*.md") if "_data" not in p.parts and not p.name.endswith(".es.md")]
    assert checked == 2 * len(english), "every English page and its Spanish twin"


def test_the_not_found_pages_offer_the_home_pages(site):
    """A 404 page is served at any address: its alternates and switcher lead
    to the home pages, absolute (as every link of a 404 page), not to
    whichever page the build wrote last."""
    for name in ("404.html", "es/404.html"):
        document = html_of(site.root / name)
        alternates = {link["hreflang"]: link["href"] for link in document.select("link[rel=alternate][hreflang]")}
        switcher = {link["hreflang"]: link["href"] for link in document.select("a.md-select__link")}
        assert alternates == {"en": "/", "es": "/es/", "x-default": "/"}, (name, alternates)
        assert switcher == {"en": "/", "es": "/es/"}, (name, switcher)


def english_sentences(texts) -> set[str]:
    """The sentences of the English data files' texts (read here, not through the build)."""
    return {sentence.strip() for text in texts for sentence in re.split(r"(?<=[.;])\s+", " ".join(text.split()))
            if len(sentence.strip()) > 15}


def test_the_spanish_corrections_and_references_say_nothing_in_english(site):
    """What each correction changed and why, the sources' notes and the
    headings' link titles are in Spanish on the Spanish pages; the English
    pages show the English ones (so the check would see them)."""
    data = site.project / "docs" / "_data"
    log = yaml.safe_load((data / "corrections.yml").read_text(encoding="utf-8"))["corrections"]
    sources = yaml.safe_load((data / "references.yml").read_text(encoding="utf-8"))
    for page, texts in (("corrections", [e[field] for e in log for field in ("what", "why")]),
                        ("references", [s["note"] for s in sources.values() if "note" in s])):
        sentences = english_sentences(texts)
        assert len(sentences) >= 10, page
        english = text_of(html_of(site.root / page / "index.html").select_one("article"))
        spanish = text_of(html_of(site.root / "es" / page / "index.html").select_one("article"))
        assert all(sentence in english for sentence in sentences), page
        assert [sentence for sentence in sentences if sentence in spanish] == [], page
    for name, document in spanish_pages(site.root):
        titles = {link.get("title") for link in document.select("a.headerlink")}
        assert titles <= {"Enlace a esta sección"}, (name, titles)
    assert {link["title"] for link in html_of(site.root / "aftercare" / "index.html").select("a.headerlink")} == {"Link to this section"}


def test_spanish_pages_lead_to_spanish_pages(site):
    """Every link of a Spanish page to the site's own pages (the header's
    "Sobre este sitio", the review box, the footer's statements, the text)
    stays in Spanish; only the links marked hreflang="en" lead to English."""
    checked = 0
    for path in sorted((site.root / "es").rglob("*.html")):
        name = path.relative_to(site.root).as_posix()
        english = []
        for link in html_of(path).select("a[href]"):
            target = urlsplit(urljoin(f"http://test/{name}", link["href"]))
            page = target.path.lstrip("/")
            if target.netloc != "test" or link.get("hreflang") == "en" or page.startswith("assets/") \
                    or not (page.endswith("/") or page == ""):
                continue
            if not page.startswith("es/"):
                english.append(f"{link.get_text(' ', strip=True)} → /{page}")
        assert english == [], name
        checked += 1
    assert checked >= 21
