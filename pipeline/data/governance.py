"""Front-matter rules for every page: who checked it, whether a clinician
reviewed it, when it is due again, and on what evidence.

Two checks are kept apart on purpose, because readers must be able to tell
them apart: the editorial check (our editors read the page against its
sources) and the clinical review (a clinician listed in the reviewers file
signed off the text).  A clinical sign-off carries a fingerprint of the text
it covers; when that text changes, the sign-off no longer covers the page and
the page says so.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

import yaml

from .checks import suggestion
from ..pages.wording import long_date, say
from .problems import Problem
from .reviewers import Reviewer

PAGE_TYPES = ("condition", "treatment", "info")
REQUIRED = ("title", "description", "editorial_check", "clinical_review", "next_review", "references", "page_type")
PENDING = "pending"
# `editorial_check.by` for the publisher's own editorial team (as opposed to a
# named person): the page says "Checked by our editors".
EDITORS = "our editors"
WHOLE_PAGE = "whole page"
CLINICAL_KEYS = ("reviewer", "date", "scope", "fingerprint")
EDITORIAL_KEYS = ("date", "by")
MAX_REVIEW_YEARS = 3
FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")


FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)
HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*(?:\{[^}]*\})?[ \t]*#*[ \t]*$")


def front_matter(source: str) -> dict:
    """A page's front matter as a mapping ({} when it has none, or when it is
    not valid YAML: the page's own check then names what is missing)."""
    match = FRONT_MATTER.match(source)
    try:
        data = yaml.load(match.group(1), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) if match else None
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def field_line(source: str, key: str, parent: str | None = None) -> int:
    """Line of `key:` in the page's front matter (of `parent.key` when a
    parent is given); when absent, the line of the parent, or of the closing
    `---`, where the missing line goes (1 when there is no front matter)."""
    closing = re.match(r"---[ \t]*\n(?:.*\n)*?(---)[ \t]*$", source, flags=re.M)
    end = closing.start(1) if closing else len(source)
    start = 0
    if parent is not None:
        owner = re.search(rf"^{re.escape(parent)}\s*:", source[:end], flags=re.M)
        if not owner:
            return field_line(source, parent)
        start = owner.start()
        following = re.compile(r"^\S", re.M).search(source, owner.end(), end)  # the next top-level key
        nested = re.compile(rf"^[ \t]+{re.escape(key)}\s*:|[{{,]\s*{re.escape(key)}\s*:", re.M)
        match = nested.search(source, owner.end(), following.start() if following else end)
        found = match.start() if match else start
        return source.count("\n", 0, found) + 1
    match = re.search(rf"^{re.escape(key)}\s*:", source[:end], flags=re.M)
    if match:
        return source.count("\n", 0, match.start()) + 1
    return source.count("\n", 0, end) + 1 if closing else 1


# --- what a clinical sign-off covers --------------------------------------------

def page_body(source: str) -> str:
    """The text a fingerprint covers: the page's Markdown after its front
    matter, with line endings made '\\n', trailing spaces of each line removed,
    and blank lines at the start and end dropped.  So a change of editor or
    operating system does not look like a change of text; any other edit does."""
    text = source.replace("\r\n", "\n").replace("\r", "\n")
    match = FRONT_MATTER.match(text)
    body = text[match.end():] if match else text
    return "\n".join(line.rstrip() for line in body.split("\n")).strip("\n")


def sections(body: str) -> dict[str, str]:
    """Each heading's text → its section: the heading line and everything up
    to the next heading of the same or a higher level."""
    lines = body.split("\n")
    found = [(i, len(m.group(1)), m.group(2).strip()) for i, line in enumerate(lines) if (m := HEADING.match(line))]
    result = {}
    for n, (start, level, title) in enumerate(found):
        end = next((i for i, lv, _ in found[n + 1:] if lv <= level), len(lines))
        result.setdefault(title, "\n".join(lines[start:end]).strip("\n"))
    return result


def covered_text(source: str, scope) -> str:
    """The text a sign-off with this scope covers ('whole page', or a list of
    section headings, taken in the order listed)."""
    body = page_body(source)
    if scope == WHOLE_PAGE:
        return body
    parts = sections(body)
    return "\n\n".join(parts.get(title, "") for title in scope)


def fingerprint(text: str) -> str:
    """First 16 hexadecimal digits of the SHA-256 of the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# --- what readers are told --------------------------------------------------------

@dataclass(frozen=True)
class ClinicalReview:
    reviewer: Reviewer
    date: dt.date
    scope: tuple[str, ...]  # () for the whole page, else section headings
    current: bool  # the text it covers is unchanged since the sign-off


@dataclass(frozen=True)
class ReviewStatus:
    checked_on: dt.date
    checked_by: str
    clinical: ClinicalReview | None  # None: not yet reviewed by a clinician
    next_review: dt.date
    overdue: bool

    @property
    def clinically_reviewed(self) -> bool:
        """A review that vouches for the page as readers see it now."""
        return self.clinical is not None and self.clinical.current


def review_status(source: str, meta: dict, reviewers: dict[str, Reviewer], today: dt.date) -> ReviewStatus:
    """What is true of a page whose front matter passed check_front_matter."""
    editorial, review = meta["editorial_check"], meta["clinical_review"]
    clinical = None
    if isinstance(review, dict):
        scope = () if review["scope"] == WHOLE_PAGE else tuple(review["scope"])
        current = fingerprint(covered_text(source, review["scope"])) == review["fingerprint"]
        clinical = ClinicalReview(reviewers[review["reviewer"]], review["date"], scope, current)
    return ReviewStatus(editorial["date"], editorial["by"], clinical, meta["next_review"], meta["next_review"] < today)


def status_text(status: ReviewStatus, lang: str = "en") -> list[str]:
    """The sentences a page shows about its review, in plain words, in `lang`."""
    # The usual value of `by` is said in the page's language; a name is a name.
    checked_by = say("ourEditors", lang) if status.checked_by == say("ourEditors") else status.checked_by
    lines = [say("checkedBy", lang, who=checked_by, date=long_date(status.checked_on, lang))]
    review = status.clinical
    if review is None:
        lines.append(say("notReviewed", lang))
    else:
        who = f"{review.reviewer.name}, {review.reviewer.profession}"
        covers = say("sections", lang, sections=", ".join(review.scope)) if review.scope else ""
        key = "reviewedBy" if review.current else "changedSince"
        lines.append(say(key, lang, who=who, date=long_date(review.date, lang), covers=covers))
        # What a reader needs to judge the reviewer, from the reviewers file.
        reviewer = review.reviewer
        lines.append(say("registered", lang, body=reviewer.registration_body, number=reviewer.registration_number,
                         conflicts=reviewer.conflicts.rstrip(".")))
    return lines


# --- checks ---------------------------------------------------------------------

def example_line(key: str, today: dt.date) -> str:
    """A line a writer can copy into the front matter, with what it means."""
    next_year = today + dt.timedelta(days=365)
    return {
        "title": "'title: Acne scars' (the page's short name; no other page may use it)",
        "description": "'description: One plain sentence of 50 to 170 characters that search results show.'",
        "editorial_check": f"'editorial_check: {{date: {today.isoformat()}, by: our editors}}' (when our editors last checked the page, and who)",
        "clinical_review": "'clinical_review: pending' (until a clinician from docs/_data/reviewers.yml signs the page off)",
        "next_review": f"'next_review: {next_year.isoformat()}' (when the page must be checked again, at most {MAX_REVIEW_YEARS} years after the editorial check)",
        "references": "'references: [Alam2014, Harris2015]' (the reference keys the page cites, or [] for none)",
        "page_type": f"'page_type: info' (one of {', '.join(PAGE_TYPES)})",
    }[key]


def check_front_matter(
    file: str, source: str, meta: dict, known_references: set[str], reviewers: dict[str, Reviewer], today: dt.date,
) -> list[Problem]:
    problems: list[Problem] = []

    def fail(key: str, message: str, parent: str | None = None) -> None:
        path = f"{parent}.{key}" if parent else key
        problems.append(Problem(file, field_line(source, key, parent), 1, path, message))

    for key in REQUIRED:
        if key not in meta or meta[key] in (None, ""):
            fail(key, f"missing; add the line {example_line(key, today)} to the front matter, between the two '---' lines "
                      "at the top of the page (see 'Front matter' in CONTRIBUTING.md)")
    for key in ("title", "description"):
        if key in meta and not isinstance(meta[key], str):
            fail(key, "must be text")
    for old, new in (("last_reviewed", "editorial_check"), ("reviewed_by", "clinical_review")):
        if old in meta:
            fail(old, f"is no longer used: an editorial check and a clinical review are recorded apart; "
                      f"replace it with {example_line(new, today)}")
    description = meta.get("description")
    if isinstance(description, str) and not 50 <= len(description) <= 170:
        fail("description", f"is {len(description)} characters; search engines show 50 to 170")
    if meta.get("page_type") is not None and meta.get("page_type") not in PAGE_TYPES:
        fail("page_type", f"'{meta.get('page_type')}' is not valid; choose one of: {', '.join(PAGE_TYPES)}")
    checked = _check_editorial(meta.get("editorial_check"), today, fail)
    reviewed = check_clinical_review(meta.get("clinical_review"), source, reviewers, today, fail)
    due = meta.get("next_review")
    if due is not None and not isinstance(due, dt.date):
        fail("next_review", f"'{due}' is not a date; write it as YYYY-MM-DD, e.g. {today.isoformat()}")
    latest = max((d for d in (checked, reviewed) if d is not None), default=None)
    if isinstance(due, dt.date) and latest is not None:
        # An overdue date is not a mistake in the file: the page shows readers a
        # notice and the build warns (review_status), but other pages publish.
        if due <= latest:
            fail("next_review", f"{due} must come after the last check ({latest})")
        elif checked is not None and due > checked.replace(year=checked.year + MAX_REVIEW_YEARS):
            fail("next_review", f"{due} is more than {MAX_REVIEW_YEARS} years after the editorial check ({checked})")
    keys = meta.get("references")
    if keys is not None and not isinstance(keys, list):
        fail("references", "must be a list of reference keys, e.g. [Alam2014, Harris2015], or [] for none")
    for key in keys if isinstance(keys, list) else ():
        if key not in known_references:
            fail("references", f"unknown reference key '{key}'{suggestion(key, sorted(known_references))}; keys are defined in docs/_data/references.yml")
    return problems


def date_problem(value, today: dt.date) -> str | None:
    if not isinstance(value, dt.date):
        return f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. {today.isoformat()}"
    if value > today:
        return f"{value} is in the future; write the date the check happened"
    return None


def _check_editorial(value, today: dt.date, fail) -> dt.date | None:
    """The editorial check's date when the field is valid."""
    if value is None:
        return None
    if not isinstance(value, dict):
        fail("editorial_check", f"expected a date and who checked, e.g. {{date: {today.isoformat()}, by: our editors}}")
        return None
    for key in value:
        if key not in EDITORIAL_KEYS:
            fail(key, f"unknown key '{key}'{suggestion(key, EDITORIAL_KEYS)}; valid keys: date, by", "editorial_check")
    by = value.get("by")
    if not isinstance(by, str) or not by.strip():
        fail("by", "missing; name who checked the page, e.g. 'by: our editors'", "editorial_check")
    problem = date_problem(value.get("date"), today)
    if problem:
        fail("date", problem, "editorial_check")
        return None
    return value["date"]


def check_clinical_review(value, source: str, reviewers: dict[str, Reviewer], today: dt.date, fail) -> dt.date | None:
    """The sign-off's date when the field holds a valid sign-off."""
    if value is None or value == PENDING:
        return None
    if not isinstance(value, dict):
        fail("clinical_review", f"'{value}' is not valid; write 'pending', or a sign-off with "
                                f"{', '.join(CLINICAL_KEYS)} (see 'Clinical review' in CONTRIBUTING.md)")
        return None
    ok = True
    for key in value:
        if key not in CLINICAL_KEYS:
            fail(key, f"unknown key '{key}'{suggestion(key, CLINICAL_KEYS)}; valid keys: {', '.join(CLINICAL_KEYS)}", "clinical_review")
            ok = False
    for key in CLINICAL_KEYS:
        if value.get(key) in (None, "", []):
            fail(key, "missing; a clinical sign-off records reviewer, date, scope and fingerprint "
                      "(see 'Clinical review' in CONTRIBUTING.md)", "clinical_review")
            ok = False
    reviewer = value.get("reviewer")
    if reviewer not in (None, "") and reviewer not in reviewers:
        listed = ", ".join(sorted(reviewers)) or "none yet"
        fail("reviewer", f"'{reviewer}' is not in docs/_data/reviewers.yml{suggestion(reviewer, sorted(reviewers))} "
                         f"(listed reviewers: {listed}); only a clinician listed there with name, profession, "
                         "registration and conflicts of interest can sign a page off: ask a maintainer to add them, "
                         "or write 'clinical_review: pending'", "clinical_review")
        ok = False
    problem = date_problem(value.get("date"), today) if value.get("date") is not None else None
    if problem:
        fail("date", problem, "clinical_review")
        ok = False
    scope = value.get("scope")
    if scope not in (None, "", []) and scope != WHOLE_PAGE:
        headings = sections(page_body(source))
        if not isinstance(scope, list) or not all(isinstance(s, str) for s in scope):
            fail("scope", f"write '{WHOLE_PAGE}', or a list of the section headings reviewed, e.g. "
                          "[How it may help, Risks and side effects]", "clinical_review")
            ok = False
        else:
            for title in scope:
                if title not in headings:
                    fail("scope", f"the page has no section '{title}'{suggestion(title, headings)}; "
                                  "write each heading exactly as it appears on the page", "clinical_review")
                    ok = False
    mark = value.get("fingerprint")
    if mark not in (None, "") and not (isinstance(mark, str) and FINGERPRINT.match(mark)):
        fail("fingerprint", f"'{mark}' is not a fingerprint (16 hexadecimal digits); get it with "
                            "'python -m scripts.fingerprint <page>' (put it in quotes)", "clinical_review")
        ok = False
    return value["date"] if ok else None


def check_citations(file: str, source: str, listed: list, cited: set[str]) -> list[Problem]:
    """Front matter must list exactly the keys the page cites."""
    problems = []
    listed_set = set(listed) if isinstance(listed, list) else set()
    line = field_line(source, "references")
    for key in sorted(cited - listed_set):
        problems.append(Problem(file, line, 1, "references", f"'{key}' is cited in the text but not listed; add it to references"))
    for key in sorted(listed_set - cited):
        problems.append(Problem(file, line, 1, "references", f"'{key}' is listed but never cited; cite it or remove it"))
    return problems
