"""Review status, licence, report links and the corrections log, as readers
and search engines see them in the built site.

The shipped site claims no clinical review.  Copies of the project show that
the claim turns on only with a complete reviewer entry and a matching
fingerprint, that a page whose text changed after its sign-off says so, that
an overdue page still publishes (strict build) with a notice, and that a
logged correction reaches the page and the feed."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit

import yaml
from bs4 import BeautifulSoup

from site_checks.sitebuild import build, copy_project, log_clinical_change

ATOM = "{http://www.w3.org/2005/Atom}"
LICENCE = "https://creativecommons.org/licenses/by/4.0/"
REVIEWER = """reviewers:
  dr-test:
    name: Dr Test Person
    profession: Consultant dermatologist
    registration:
      body: General Medical Council (UK)
      number: "7654321"
    conflicts: None
"""


def html_of(site_root, page: str) -> BeautifulSoup:
    return BeautifulSoup((site_root / page).read_text(encoding="utf-8"), "html.parser")


def structured(document: BeautifulSoup) -> dict:
    return json.loads(document.find("script", type="application/ld+json").string)


def footer_text(document: BeautifulSoup) -> str:
    return " ".join(document.select_one(".review-info").get_text(" ").split())


def body_fingerprint(page_text: str) -> str:
    """The documented definition: the Markdown after the front matter,
    trailing blank lines dropped, SHA-256, first 16 hex digits."""
    body = page_text.split("\n---\n", 1)[1]
    return hashlib.sha256(body.strip("\n").encode("utf-8")).hexdigest()[:16]


def sign(page, reviewer: str, fingerprint: str, day: str = "2026-11-30") -> None:
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("clinical_review: pending", f"clinical_review:\n  reviewer: {reviewer}\n  date: {day}\n"
                                 f"  scope: whole page\n  fingerprint: \"{fingerprint}\"", 1), encoding="utf-8")


def built_pages(site):
    """(built path relative to the site, document) of every full and embed content page."""
    for path in sorted(site.root.rglob("index.html")):
        document = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if document.select_one("article.md-content__inner") is not None and path.parent != site.root / "search":
            yield path.relative_to(site.root).as_posix(), document


# What the review box says as shipped, in each page's language (its <html lang>).
SHIPPED_WORDS = {
    "en": {"pending": "Not yet reviewed by a clinician.", "reviewed": "Reviewed by",
           "reuse": "keep the credit to this site, the review dates and a link to this page", "how_to_tell": "How to tell us"},
    "es": {"pending": "Todavía sin revisión clínica.", "reviewed": "Revisión clínica:",
           "reuse": "mantiene el crédito a este sitio, las fechas de revisión y un enlace a esta página", "how_to_tell": "Cómo avisarnos"},
}


def words_of(document) -> dict:
    return SHIPPED_WORDS[document.html["lang"]]


def test_no_page_claims_a_clinical_review_as_shipped(site):
    assert yaml.safe_load((site.project / "docs" / "_data" / "reviewers.yml").read_text(encoding="utf-8")) == {"reviewers": {}}
    checked = 0
    for name, document in built_pages(site):
        text = footer_text(document)
        words = words_of(document)
        assert words["pending"] in text and words["reviewed"] not in text, name
        if not name.startswith("embed/"):
            data = structured(document)
            assert "lastReviewed" not in data and "reviewedBy" not in data, name
            assert data["license"] == LICENCE and re.fullmatch(r"\d{4}-\d\d-\d\d", data["dateModified"]), name
        checked += 1
    assert checked >= 40, "every full page and its embed copy"


def test_every_page_and_embed_page_carries_the_licence_and_a_way_to_report(site):
    pages = list(built_pages(site))
    assert len(pages) >= 40, "every full page and its embed copy"
    for name, document in pages:
        box = document.select_one(".review-info")
        assert box.find("a", rel="license", href=LICENCE), name
        text = footer_text(document)
        assert words_of(document)["reuse"] in text, name
        # No repository or e-mail is set as shipped: the plain route, never an invented address.
        report = box.select_one(".review-info__report a")
        target = report["href"] if "about/" in name else report["href"].removesuffix("#feedback-and-corrections")
        assert report.get_text() == words_of(document)["how_to_tell"] and report["href"].endswith("#feedback-and-corrections"), name
        assert "about/" in name or target.endswith("about/"), name
        assert not box.select('a[href^="mailto:"]') and not box.select('a[href*="github.com"]'), name


def test_publisher_line_and_about_page_read_the_publisher_setting(site):
    setting = yaml.safe_load((site.project / "docs" / "_data" / "site.yml").read_text(encoding="utf-8"))
    home = html_of(site.root, "index.html")
    line = home.select_one(".publisher-line").get_text(" ", strip=True)
    assert f"Run by the {setting['publisher']}, {setting['description']}." in line and "No adverts." in line
    assert structured(home)["publisher"]["name"] == setting["publisher"]
    about = " ".join(html_of(site.root, "about/index.html").select_one("article").get_text(" ").split())
    pages = len([p for p in (site.project / "docs").rglob("*.md") if not p.name.endswith(".es.md")])  # translations are the same pages
    assert f"No clinician has reviewed any page of this site yet: all {pages} pages say so at their end." in about
    for country in setting["countries"]:
        assert f"call {country['emergency']}" in about or f"{country['emergency']} in the {country['name']}" in about
    assert "We do not have a public contact address or issue tracker yet." in about
    privacy = " ".join(html_of(site.root, "privacy/index.html").select_one("article").get_text(" ").split())
    assert f"Our host is {setting['host']}. {' '.join(setting['host_records'].split())}" in privacy


def test_corrections_page_and_feed(site):
    log = yaml.safe_load((site.project / "docs" / "_data" / "corrections.yml").read_text(encoding="utf-8"))["corrections"]
    page = html_of(site.root, "corrections/index.html")
    items = page.select("ol.corrections > li")
    assert len(items) == len(log)
    assert " ".join(log[0]["what"].split()) in " ".join(items[0].get_text(" ").split())
    feed = ET.parse(site.root / "corrections.xml").getroot()
    assert feed.tag == f"{ATOM}feed" and len(feed.findall(f"{ATOM}entry")) == len(log)
    assert feed.find(f"{ATOM}updated").text.startswith(str(log[0]["date"]))


def test_a_listed_reviewer_turns_the_claim_on_until_the_text_changes(tmp_path):
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    (docs / "_data" / "reviewers.yml").write_text(REVIEWER, encoding="utf-8")
    # With a repository and an e-mail address, every page links to both.
    setting = docs / "_data" / "site.yml"
    text = setting.read_text(encoding="utf-8")
    text = re.sub(r"^repository:.*$", "repository: https://github.com/example-owner/example-site", text, flags=re.M)
    setting.write_text(re.sub(r"^contact_email:.*$", "contact_email: editors@example.org", text, flags=re.M), encoding="utf-8")
    faq, glossary = docs / "faq.md", docs / "glossary.md"
    sign(faq, "dr-test", body_fingerprint(faq.read_text(encoding="utf-8")))
    sign(glossary, "dr-test", body_fingerprint(glossary.read_text(encoding="utf-8")))
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\nA sentence added after the sign-off.\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"

    signed = html_of(site, "faq/index.html")
    assert ("Reviewed by Dr Test Person, Consultant dermatologist, on 30 November 2026. Registered with General Medical "
            "Council (UK), number 7654321. Declared conflicts of interest: None.") in footer_text(signed)
    data = structured(signed)
    assert data["lastReviewed"] == "2026-11-30"
    assert data["reviewedBy"] == {"@type": "Person", "name": "Dr Test Person", "jobTitle": "Consultant dermatologist"}
    assert "Reviewed by Dr Test Person" in footer_text(html_of(site, "embed/faq/index.html"))

    changed = html_of(site, "glossary/index.html")
    assert "This page has changed since clinical review on 30 November 2026 by Dr Test Person" in footer_text(changed)
    assert "lastReviewed" not in structured(changed) and "reviewedBy" not in structured(changed)

    for page in ("faq/index.html", "embed/faq/index.html"):
        issue, mail = html_of(site, page).select(".review-info__report a")[:2]
        parts = urlsplit(issue["href"])
        assert (parts.netloc, parts.path) == ("github.com", "/example-owner/example-site/issues/new"), page
        body = parse_qs(parts.query)["body"][0]
        assert "Page: http://127.0.0.1:8000/faq/" in body and "Reviewed by Dr Test Person" in body, page
        assert mail["href"].startswith("mailto:editors@example.org?"), page


def test_an_overdue_page_publishes_with_a_notice_and_a_warning(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "aftercare.md"
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"^  date: .*$", "  date: 2020-01-01", text, count=1, flags=re.M)
    page.write_text(re.sub(r"^next_review: .*$", "next_review: 2021-01-01", text, count=1, flags=re.M), encoding="utf-8")
    result = build(project)  # --strict, as make build runs it
    output = result.stdout + result.stderr
    assert result.returncode == 0, "an overdue page must not stop the build:\n" + output[-3000:]
    assert "REVIEW DUE - docs/aftercare.md: review was due on 2021-01-01" in output
    assert "docs/safety.md" not in output.split("REVIEW DUE", 1)[1]
    notice = "This page is due for review; the information may be out of date."
    for built in ("aftercare/index.html", "embed/aftercare/index.html"):
        assert html_of(project / "site", built).select_one(".review-due").get_text(strip=True) == notice, built
    assert html_of(project / "site", "safety/index.html").select_one(".review-due") is None


def test_a_logged_correction_reaches_the_page_and_the_feed(tmp_path):
    project = copy_project(tmp_path / "project")
    protocol = project / "docs" / "_data" / "protocol.yml"
    protocol.write_text(protocol.read_text(encoding="utf-8").replace("max: 6}", "max: 7}", 1), encoding="utf-8")
    log_clinical_change(project, "Up to 7 sessions <b>now</b>.", page="conditions/acne-scars.md")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    first = html_of(project / "site", "corrections/index.html").select("ol.corrections > li")[0]
    assert "Up to 7 sessions <b>now</b>." in first.get_text() and first.find("b") is None, "log text is escaped"
    feed = ET.parse(project / "site" / "corrections.xml").getroot()
    assert feed.find(f"{ATOM}entry/{ATOM}summary").text.startswith("What changed: Up to 7 sessions <b>now</b>.")
    assert feed.find(f"{ATOM}updated").text == f"{dt.date.today().isoformat()}T00:00:00Z"
