"""The corrections log: a clinical value cannot change without a log entry
carrying the new fingerprint; the fingerprint ignores comments and layout;
the log is published as a page and a valid Atom feed."""
import datetime as dt
import shutil
import xml.etree.ElementTree as ET

import pytest
import yaml

from pipeline.data.corrections import atom_feed, clinical_fingerprint, clinical_values, load_corrections, log_html
from pipeline.data.problems import DataFileError
from site_checks.sitebuild import ROOT, clinical_fingerprint as independent_fingerprint

DOCS = ROOT / "docs"
TODAY = dt.date(2026, 12, 1)
# What the log may name: the real pages and reference keys.
PAGES = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")}
SOURCES = set(yaml.safe_load((DOCS / "_data" / "references.yml").read_text(encoding="utf-8")))


def expected_fingerprint(docs) -> str:
    return independent_fingerprint(docs.parent)


@pytest.fixture
def docs(tmp_path):
    copy = tmp_path / "docs" / "_data"
    copy.mkdir(parents=True)
    for name in ("protocol.yml", "warning_signs.yml", "corrections.yml"):
        shutil.copy(DOCS / "_data" / name, copy / name)
    return tmp_path / "docs"


def load(docs):
    return load_corrections(docs / "_data" / "corrections.yml", "docs/_data/corrections.yml", PAGES, SOURCES,
                            clinical_fingerprint(clinical_values(docs)), TODAY)


def test_shipped_log_matches_the_shipped_clinical_values():
    current = clinical_fingerprint(clinical_values(DOCS))
    assert current == expected_fingerprint(DOCS)
    newest = yaml.safe_load((DOCS / "_data" / "corrections.yml").read_text(encoding="utf-8"))["corrections"][0]
    assert newest["fingerprint"] == current


def test_comments_and_layout_do_not_count(docs):
    protocol = docs / "_data" / "protocol.yml"
    before = clinical_fingerprint(clinical_values(docs))
    text = protocol.read_text(encoding="utf-8")
    text = text.replace("sessions: {typical: 3, min: 2, max: 6}", "sessions:  { min: 2, typical: 3, max: 6 }  # reordered")
    protocol.write_text("# a new comment\n" + text, encoding="utf-8")
    assert clinical_fingerprint(clinical_values(docs)) == before
    assert load(docs)


def test_a_changed_number_without_an_entry_stops_the_build(docs):
    protocol = docs / "_data" / "protocol.yml"
    protocol.write_text(protocol.read_text(encoding="utf-8").replace("max: 6}", "max: 8}", 1), encoding="utf-8")
    new = expected_fingerprint(docs)
    with pytest.raises(DataFileError) as error:
        load(docs)
    message = str(error.value)
    log = (docs / "_data" / "corrections.yml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(log, 1) if "fingerprint:" in text and not text.lstrip().startswith("#"))
    assert f"docs/_data/corrections.yml:{line}:" in message
    assert "the clinical values in docs/_data/protocol.yml, docs/_data/warning_signs.yml have changed since the newest entry" in message
    assert f"'fingerprint: \"{new}\"'" in message and "python -m scripts.fingerprint --clinical" in message


def test_an_entry_with_the_new_fingerprint_lets_it_through(docs):
    shipped = len(load(docs))
    protocol = docs / "_data" / "protocol.yml"
    protocol.write_text(protocol.read_text(encoding="utf-8").replace("max: 6}", "max: 8}", 1), encoding="utf-8")
    log = docs / "_data" / "corrections.yml"
    entry = (f"  - date: {TODAY}\n    pages: [treatment-plan.md]\n    what: Up to 8 sessions.\n    why: A new trial.\n"
             f"    sources: [AlsterLi2020]\n    fingerprint: \"{expected_fingerprint(docs)}\"\n")
    log.write_text(log.read_text(encoding="utf-8").replace("corrections:\n", "corrections:\n" + entry, 1), encoding="utf-8")
    entries = load(docs)
    assert [e.what for e in entries][0] == "Up to 8 sessions." and len(entries) == shipped + 1


def test_entries_name_real_pages_and_sources_newest_first(docs):
    log = docs / "_data" / "corrections.yml"
    text = log.read_text(encoding="utf-8")
    bad = text.replace("treatment-plan.md]", "treatment-plans.md]").replace("Bailey2022]", "Bailey2021]")
    log.write_text(bad, encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load(docs)
    assert "'treatment-plans.md' is not one of the pages under docs/" in str(error.value)
    assert "(did you mean 'treatment-plan.md'?)" in str(error.value)
    assert "'Bailey2021' is not one of the keys of docs/_data/references.yml" in str(error.value)
    older = "  - date: 2025-01-01\n    pages: [treatment-plan.md]\n    what: a\n    why: b\n    sources: [Bailey2022]\n    fingerprint: \"0123456789abcdef\"\n"
    log.write_text(text.replace("corrections:\n", "corrections:\n" + older, 1), encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load(docs)
    assert "newest first" in str(error.value)


def test_page_and_feed_escape_the_log_and_the_feed_parses(docs):
    entries = load(docs)
    tricky = type(entries[0])(TODAY, ("treatment-plan.md",), "<script>alert(1)</script> & more", "why", ("Bailey2022",), "0" * 16)
    html = log_html((tricky, *entries), lambda s: f"../{s}", lambda s: s, lambda k: f"../references/#{k}", lambda k: k)
    assert "<script>" not in html and "&lt;script&gt;" in html
    feed = atom_feed((tricky, *entries), "Site & co", "https://x.org/corrections/", "https://x.org/corrections.xml",
                     lambda s: f"https://x.org/{s}", lambda s: s)
    root = ET.fromstring(feed)
    atom = "{http://www.w3.org/2005/Atom}"
    assert root.tag == f"{atom}feed" and root.find(f"{atom}title").text == "Site & co: corrections"
    found = root.findall(f"{atom}entry")
    assert len(found) == len(entries) + 1 and "<script>alert(1)</script> & more" in found[0].find(f"{atom}summary").text
    assert root.find(f"{atom}updated").text == f"{TODAY}T00:00:00Z"
    assert len({e.find(f"{atom}id").text for e in found}) == len(found), "every entry has its own id"
