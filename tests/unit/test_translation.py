"""Translation provenance: the `translation:` block's checks, the English
text's fingerprint, a translation's built path and links (issue 17)."""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from pipeline import urls
from pipeline.after_build import links
from pipeline.data import governance
from pipeline.data.reviewers import Reviewer
from pipeline.data.translation import check_translation, source_fingerprint, translation_status
from pipeline.pages.language import absolute_alternates, default_source, site_relative_link, source_language, translated_source
from pipeline.pages.translation_note import note_data

TODAY = dt.date(2026, 12, 1)
ENGLISH = "---\ntitle: Aftercare\neditorial_check:\n  date: 2026-11-30\n  by: our editors\n---\n\n# Aftercare\n\nKeep it clean.\n"
SHA = hashlib.sha256(b"# Aftercare\n\nKeep it clean.").hexdigest()


def spanish(block: str) -> str:
    return f"---\ntitle: Cuidados\n{block}---\n\n# Cuidados\n\nMantenga la piel limpia.\n"


GOOD = (f"translation:\n  source: aftercare.md\n  source_sha256: {SHA}\n  date: 2026-11-20\n"
        "  by: nuestro equipo editorial\n  clinical_review: pending\n")


@pytest.fixture
def docs(tmp_path) -> Path:
    (tmp_path / "aftercare.md").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "safety.md").write_text(ENGLISH, encoding="utf-8")
    return tmp_path


def problems_of(docs: Path, source: str, src: str = "aftercare.es.md", reviewers=None) -> list[str]:
    return [str(p) for p in check_translation(f"docs/{src}", src, source, governance.front_matter(source), docs,
                                              reviewers or {}, TODAY)]


def test_the_fingerprint_is_of_the_english_text_not_its_dates():
    assert source_fingerprint(ENGLISH) == SHA
    assert source_fingerprint(ENGLISH.replace("2026-11-30", "2026-12-01").replace("\n", "\r\n")) == SHA
    assert source_fingerprint(ENGLISH + "More.\n") != SHA


def test_a_complete_block_passes(docs):
    assert problems_of(docs, spanish(GOOD)) == []


@pytest.mark.parametrize("change, expected", [
    (("source: aftercare.md", "source: safety.md"),
     "docs/aftercare.es.md:4:1: translation.source: 'safety.md' is not the page this file translates; a translation follows the English page beside it: write 'source: aftercare.md'"),
    (("source: aftercare.md", "source: no-such-page.md"),
     "docs/aftercare.es.md:4:1: translation.source: 'no-such-page.md' is not a page under docs/"),
    ((f"source_sha256: {SHA}", "source_sha256: 12ab"),
     "docs/aftercare.es.md:5:1: translation.source_sha256: '12ab' is not a SHA-256 (64 hexadecimal digits, 0-9 and a-f)"),
    (("date: 2026-11-20", "date: 2027-01-01"),
     "docs/aftercare.es.md:6:1: translation.date: 2027-01-01 is in the future"),
    (("date: 2026-11-20", "date: last week"),
     "docs/aftercare.es.md:6:1: translation.date: 'last week' is not a date"),
    (("by: nuestro equipo editorial", "by: [a, b]"),
     "docs/aftercare.es.md:7:1: translation.by: must be text"),
    (("clinical_review: pending", "clinical_review: maybe"),
     "docs/aftercare.es.md:8:1: translation.clinical_review: 'maybe' is not valid; write 'pending', or a sign-off"),
    (("clinical_review: pending", "clinical_review:\n    reviewer: dr-nobody\n    date: 2026-11-25\n    scope: whole page\n    fingerprint: \"0123456789abcdef\""),
     "docs/aftercare.es.md:9:1: translation.clinical_review.reviewer: 'dr-nobody' is not in docs/_data/reviewers.yml"),
    (("  clinical_review: pending\n", "  clinical_review: pending\n  colour: red\n"),
     "docs/aftercare.es.md:9:1: translation.colour: unknown key 'colour'"),
    (("  date: 2026-11-20\n", ""),
     "docs/aftercare.es.md:3:1: translation.date: missing"),
])
def test_a_wrong_field_is_named_with_its_line(docs, change, expected):
    problems = problems_of(docs, spanish(GOOD.replace(*change)))
    assert any(p.startswith(expected) for p in problems), problems


def test_a_translation_without_a_block_and_an_english_page_with_one_are_refused(docs):
    assert problems_of(docs, spanish(""))[0].startswith(
        "docs/aftercare.es.md:3:1: translation: missing or not a block; a translation records what it was translated from")
    assert problems_of(docs, spanish(GOOD), src="aftercare.md")[0].startswith(
        "docs/aftercare.md:3:1: translation: only a translation")


def test_the_status_and_what_readers_see(docs):
    source = spanish(GOOD)
    status = translation_status("aftercare.es.md", source, governance.front_matter(source), docs, {})
    assert status.current and status.clinical is None
    note = note_data(status, "es", "../../aftercare/")
    assert note["outdated_notice"] is None
    assert note["lines"] == ["Esta página es una traducción de la página en inglés, tal como estaba el 20 de noviembre de 2026.",
                             "El texto en inglés no ha cambiado desde entonces.", "Tradujo: nuestro equipo editorial.",
                             "Revisión clínica de la traducción: pendiente. Ningún profesional clínico ha revisado esta traducción todavía."]
    (docs / "aftercare.md").write_text(ENGLISH + "\nNew advice.\n", encoding="utf-8")
    status = translation_status("aftercare.es.md", source, governance.front_matter(source), docs, {})
    assert not status.current and status.source_updated == dt.date(2026, 11, 30)
    assert note_data(status, "es", "x")["outdated_notice"] == (
        "La versión en inglés se actualizó el 30 de noviembre de 2026; esta traducción puede estar desactualizada.")
    # English text changed but its editorial check is older than the translation: no date is claimed.
    (docs / "aftercare.md").write_text(ENGLISH.replace("2026-11-30", "2026-11-01") + "\nNew advice.\n", encoding="utf-8")
    status = translation_status("aftercare.es.md", source, governance.front_matter(source), docs, {})
    assert note_data(status, "es", "x")["outdated_notice"] == (
        "La versión en inglés se actualizó después de esta traducción; esta traducción puede estar desactualizada.")


def test_the_status_takes_the_english_page_s_front_matter_as_the_build_read_it(docs):
    # The build reads every front matter once (define_env) and hands it over.
    source = spanish(GOOD)
    (docs / "aftercare.md").write_text(ENGLISH + "\nNew advice.\n", encoding="utf-8")
    read = {"aftercare.md": governance.front_matter(ENGLISH.replace("2026-11-30", "2026-11-29"))}
    status = translation_status("aftercare.es.md", source, governance.front_matter(source), docs, {}, read)
    assert not status.current and status.source_updated == dt.date(2026, 11, 29)
    assert translation_status("aftercare.es.md", source, governance.front_matter(source), docs, {},
                              {}).source_updated == dt.date(2026, 11, 30)  # not handed over: read from the file

def test_a_signed_translation_review_names_the_clinician(docs):
    reviewer = Reviewer("dr-a", "Dr A. Name", "Consultant dermatologist", "GMC", "123", "None")
    body = "# Cuidados\n\nMantenga la piel limpia."
    mark = governance.fingerprint(body)
    block = GOOD.replace("clinical_review: pending", "clinical_review:\n    reviewer: dr-a\n    date: 2026-11-25\n"
                                                     f"    scope: whole page\n    fingerprint: \"{mark}\"")
    source = spanish(block)
    assert problems_of(docs, source, reviewers={"dr-a": reviewer}) == []
    status = translation_status("aftercare.es.md", source, governance.front_matter(source), docs, {"dr-a": reviewer})
    assert note_data(status, "es", "x")["lines"][-1] == (
        "Revisión clínica de la traducción: Dr A. Name, Consultant dermatologist, el 25 de noviembre de 2026.")


SIGNED = ("clinical_review:\n  reviewer: dr-a\n  date: 2026-11-25\n  scope: whole page\n"
          "  fingerprint: \"{mark}\"\n")


def test_the_page_s_review_and_the_translation_s_review_must_agree(docs):
    """The review box (top-level clinical_review) and the provenance note
    (translation.clinical_review) must not tell a reader different things."""
    reviewer = {"dr-a": Reviewer("dr-a", "Dr A. Name", "Consultant dermatologist", "GMC", "123", "None")}
    signed = SIGNED.format(mark=governance.fingerprint("# Cuidados\n\nMantenga la piel limpia."))
    assert problems_of(docs, spanish("clinical_review: pending\n" + GOOD)) == []
    assert problems_of(docs, spanish(signed + GOOD.replace("clinical_review: pending", signed.strip().replace("\n", "\n  "))),
                       reviewers=reviewer) == []
    # The page claims a sign-off; its translation is still pending.
    assert problems_of(docs, spanish(signed + GOOD), reviewers=reviewer) == [
        "docs/aftercare.es.md:3:1: clinical_review: a sign-off by 'dr-a' dated 2026-11-25 does not match "
        "translation.clinical_review ('pending'); both record a clinician's check of this translation: "
        "write 'clinical_review: pending' in both, or change both"]
    # The translation is signed; the page still says pending.
    found = problems_of(docs, spanish("clinical_review: pending\n" + GOOD.replace(
        "clinical_review: pending", signed.strip().replace("\n", "\n  "))), reviewers=reviewer)
    assert found == [
        "docs/aftercare.es.md:3:1: clinical_review: 'pending' does not match translation.clinical_review (a sign-off by "
        "'dr-a' dated 2026-11-25); both record a clinician's check of this translation: write the same sign-off "
        "(reviewer, date, scope and fingerprint) in both, or change both"], found


@pytest.mark.parametrize("src, language, english, built", [
    ("aftercare.es.md", "es", "aftercare.md", "es/aftercare/index.html"),
    ("index.es.md", "es", "index.md", "es/index.html"),
    ("conditions/scars.es.md", "es", "conditions/scars.md", "es/conditions/scars/index.html"),
    ("conditions/index.es.md", "es", "conditions/index.md", "es/conditions/index.html"),
    ("assets/images/healing-timeline.es.svg", "es", "assets/images/healing-timeline.svg", "es/assets/images/healing-timeline.svg"),
    ("aftercare.md", "en", "aftercare.md", "aftercare/index.html"),
    ("notes.v2.md", "en", "notes.v2.md", "notes.v2/index.html"),
])
def test_a_translation_is_built_under_its_language(src, language, english, built):
    assert (source_language(src), default_source(src), urls.built_file(src)) == (language, english, built)
    assert translated_source(english, language) == src or language == "en"


def test_a_translation_s_links_are_checked_against_its_own_language(tmp_path):
    known = {"aftercare.md", "aftercare.es.md", "safety.md", "safety.es.md"}
    # The English safety page has the section; its Spanish twin does not.
    sections = {"safety.md": ({"risks"}, ["risks"]), "safety.es.md": ({"riesgos"}, ["riesgos"]),
                "aftercare.md": (set(), []), "aftercare.es.md": (set(), [])}
    source = "# Cuidados\n\nVea [riesgos](safety.md#riesgos) y [otra](safety.md#risks) y [nada](safty.md).\n"
    problems = [str(p) for p in links.check_links("docs/aftercare.es.md", "aftercare.es.md", source, known, sections)]
    line = source.split("\n")[2]
    assert len(problems) == 2, problems
    assert problems[0].startswith(f"docs/aftercare.es.md:3:{line.index('safety.md#risks') + 1}: the link 'safety.md#risks' points to a section '#risks' that safety.es.md does not have")
    assert problems[1].startswith(f"docs/aftercare.es.md:3:{line.index('safty.md') + 1}: the link 'safty.md' points to a page that does not exist (did you mean 'safety.md'?)"), \
        "suggestions name the English file name a translation links to"


def test_who_translated_is_plain_text():
    from pipeline.pages.page_check import check_meta

    source = spanish(GOOD.replace("by: nuestro equipo editorial", 'by: "<img src=x onerror=alert(1)>"'))
    meta = governance.front_matter(source)
    problems = [str(p) for p in check_meta(meta, "docs/aftercare.es.md", lambda key: governance.field_line(source, key), set())]
    assert problems == ["docs/aftercare.es.md:3:1: translation.by: contains '<'; write plain words without <, >, \", ` "
                        "or HTML character references such as &lt;"], problems
    assert check_meta(governance.front_matter(spanish(GOOD)), "docs/aftercare.es.md", lambda key: 3, set()) == []


@pytest.mark.parametrize("link, site_url, expected", [
    ("/", "https://example.org/", "./"),
    ("/es/", "https://example.org/", "es/"),
    ("/guide/", "https://example.org/guide/", "./"),
    ("/guide/es/", "https://example.org/guide", "es/"),
    ("/es/index.html", "https://example.org/", "es/index.html"),  # use_directory_urls: false
    ("es/aftercare/", "https://example.org/", "es/aftercare/"),  # already inside the site
    ("https://example.net/es/", "https://example.org/", "https://example.net/es/"),
    ("/other/es/", "https://example.org/guide/", "/other/es/"),  # not under the site's path
])
def test_the_switcher_s_home_links_become_addresses_inside_the_site(link, site_url, expected):
    assert site_relative_link(link, site_url) == expected


def test_search_engines_get_the_alternates_as_full_addresses():
    page = ('<link rel="alternate" href="../es/aftercare/" hreflang="es">'
            '<link rel="alternate" href="./" hreflang="x-default">'
            '<a href="../es/aftercare/" hreflang="es" class="md-select__link">')
    done = absolute_alternates(page, "https://example.org/guide/aftercare/")
    assert '<link rel="alternate" href="https://example.org/guide/es/aftercare/" hreflang="es">' in done
    assert '<link rel="alternate" href="https://example.org/guide/aftercare/" hreflang="x-default">' in done
    # The switcher the reader clicks stays relative (the site works from any folder).
    assert '<a href="../es/aftercare/" hreflang="es" class="md-select__link">' in done
