"""Translation provenance: which English text a translated page follows, when
and by whom it was translated, whether a clinician checked the translation,
and whether the English page has changed since.

A translation (docs/<page>.es.md) records it in its front matter:

    translation:
      source: aftercare.md        # the English page it translates, beside it
      source_sha256: 3f9a…        # source_fingerprint() of that page's text when translated
      date: 2026-12-01
      by: nuestro equipo editorial
      clinical_review: pending    # or a sign-off, as for any page (governance.py)

The fingerprint is a SHA-256 of the English page's text (governance.page_body:
after the front matter, line endings and trailing spaces normalised), so it
works in shallow clones and survives squash merges, unlike a commit id, and a
change of the English page's dates alone does not make a translation outdated.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..pages.language import DEFAULT_LANGUAGE, default_source, source_language
from .checks import suggestion
from .governance import (PENDING, WHOLE_PAGE, ClinicalReview, check_clinical_review, covered_text, date_problem, field_line,
                         fingerprint, front_matter, page_body)
from .problems import Problem
from .reviewers import Reviewer
from .source_text import read_source

FIELD = "translation"
KEYS = ("source", "source_sha256", "date", "by", "clinical_review")
SHA256 = re.compile(r"^[0-9a-f]{64}$")


def source_fingerprint(english_source: str) -> str:
    """The SHA-256 (64 hexadecimal digits) of an English page's text."""
    return hashlib.sha256(page_body(english_source).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Translation:
    source: str  # the English page, path under docs/
    date: dt.date  # when it was translated
    by: str
    clinical: ClinicalReview | None  # a clinician's check of the translation; None: pending
    current: bool  # the English text is the one translated
    source_updated: dt.date | None  # the English page's editorial check, when it is later than the translation


def check_translation(file: str, src_uri: str, source: str, meta: dict, docs_dir: Path,
                      reviewers: dict[str, Reviewer], today: dt.date) -> list[Problem]:
    """A translation's `translation:` block, as file:line: translation.<field> problems."""
    problems: list[Problem] = []

    def fail(key: str, message: str, parent: str | None = None) -> None:
        path = FIELD if key == FIELD else ".".join(p for p in (FIELD, parent, key) if p)
        line = field_line(source, key, FIELD) if key != FIELD else field_line(source, FIELD)
        problems.append(Problem(file, line, 1, path, message))

    language = source_language(src_uri)
    english = default_source(src_uri)
    value = meta.get(FIELD)
    if language == DEFAULT_LANGUAGE:
        if value is not None:
            fail(FIELD, f"only a translation (a page named like {english.removesuffix('.md')}.es.md) records where it "
                        "was translated from; remove this block from the English page")
        return problems
    example = (f"'translation: {{source: {english}, source_sha256: <python -m scripts.fingerprint --translation "
               f"docs/{english}>, date: {today.isoformat()}, by: nuestro equipo editorial, clinical_review: pending}}'")
    if not isinstance(value, dict):
        fail(FIELD, f"missing or not a block; a translation records what it was translated from, e.g. {example} "
                    "(see 'Translations' in CONTRIBUTING.md)")
        return problems
    for key in value:
        if key not in KEYS:
            fail(key, f"unknown key '{key}'{suggestion(str(key), KEYS)}; valid keys: {', '.join(KEYS)}")
    for key in KEYS:
        if value.get(key) in (None, ""):
            fail(key, f"missing; a translation records {', '.join(KEYS)}, e.g. {example}")
    named = value.get("source")
    if named not in (None, "") and named != english:
        exists = isinstance(named, str) and (docs_dir / named).is_file()
        fail("source", f"'{named}' {'is not the page this file translates' if exists else 'is not a page under docs/'}; "
                       f"a translation follows the English page beside it: write 'source: {english}'")
    mark = value.get("source_sha256")
    if mark not in (None, "") and not (isinstance(mark, str) and SHA256.match(mark)):
        fail("source_sha256", f"'{mark}' is not a SHA-256 (64 hexadecimal digits, 0-9 and a-f); get it with "
                              f"'python -m scripts.fingerprint --translation docs/{english}'")
    if value.get("date") not in (None, ""):
        problem = date_problem(value["date"], today)
        if problem:
            fail("date", problem)
    by = value.get("by")
    if by not in (None, "") and (not isinstance(by, str) or not by.strip()):
        fail("by", "must be text: who translated the page, e.g. 'by: nuestro equipo editorial'")
    review = value.get("clinical_review")
    if review not in (None, ""):
        check_clinical_review(review, source, reviewers, today,
                        lambda key, message, parent=None: fail(key, message, "clinical_review" if parent else None))
        if review == PENDING or isinstance(review, dict):  # otherwise named above
            problems += _same_review(file, source, meta, review)
    return problems


def _review_text(review) -> str:
    if isinstance(review, dict):
        return f"a sign-off by '{review.get('reviewer')}' dated {review.get('date')}"
    return f"'{review}'"


def _same_review(file: str, source: str, meta: dict, review) -> list[Problem]:
    """On a translation, the page's own `clinical_review` (what its review box
    and structured data claim) and `translation.clinical_review` (the
    provenance note) speak of the same thing, a clinician's check of this
    text: they must say the same, or one would claim a review the other denies."""
    top = meta.get("clinical_review")
    if "clinical_review" not in meta or top == review:
        return []
    same = ("'clinical_review: pending'" if review == PENDING
            else "the same sign-off (reviewer, date, scope and fingerprint)")
    return [Problem(file, field_line(source, "clinical_review"), 1, "clinical_review",
                    f"{_review_text(top)} does not match translation.clinical_review ({_review_text(review)}); both record "
                    f"a clinician's check of this translation: write {same} in both, or change both")]


def translation_status(src_uri: str, source: str, meta: dict, docs_dir: Path,
                       reviewers: dict[str, Reviewer], front_matters: Mapping[str, dict] | None = None) -> Translation | None:
    """What is true of a translation whose block passed check_translation (None: not a translation).
    `front_matters`: each page's front matter, as the build read it (else the English page's is read here)."""
    value = meta.get(FIELD)
    if source_language(src_uri) == DEFAULT_LANGUAGE or not isinstance(value, dict):
        return None
    english_source = read_source(docs_dir / value["source"])
    current = source_fingerprint(english_source) == value["source_sha256"]
    english_meta = (front_matters or {}).get(value["source"])
    checked = ((front_matter(english_source) if english_meta is None else english_meta).get("editorial_check") or {}).get("date")
    updated = checked if not current and isinstance(checked, dt.date) and checked > value["date"] else None
    clinical = None
    review = value["clinical_review"]
    if isinstance(review, dict):
        scope = () if review["scope"] == WHOLE_PAGE else tuple(review["scope"])
        clinical = ClinicalReview(reviewers[review["reviewer"]], review["date"], scope,
                                  fingerprint(covered_text(source, review["scope"])) == review["fingerprint"])
    return Translation(value["source"], value["date"], value["by"], clinical, current, updated)
