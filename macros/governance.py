"""Front-matter rules for every page: who reviewed it, when, and on what evidence."""
from __future__ import annotations

import datetime as dt
import re

import yaml

from .checks import suggestion
from .problems import Problem

PAGE_TYPES = ("condition", "treatment", "info")
REQUIRED = ("title", "description", "last_reviewed", "next_review", "reviewed_by", "references", "page_type")
MAX_REVIEW_YEARS = 3
# Headings a condition or treatment page must have (STANDARD.md rule 6).
REQUIRED_SECTIONS = (
    "How it may help", "How well it works", "Risks and side effects",
    "Other options", "What is uncertain", "When to get help",
)


FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)


def front_matter(source: str) -> dict:
    """A page's front matter as a mapping ({} when it has none)."""
    match = FRONT_MATTER.match(source)
    data = yaml.load(match.group(1), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) if match else None
    return data if isinstance(data, dict) else {}


def field_line(source: str, key: str) -> int:
    """Line of `key:` in the page's front matter; when absent, the line of the
    closing `---`, where the missing line goes (1 when there is no front matter)."""
    match = re.search(rf"^{re.escape(key)}\s*:", source, flags=re.M)
    if match:
        return source.count("\n", 0, match.start()) + 1
    closing = re.match(r"---[ \t]*\n(?:.*\n)*?(---)[ \t]*$", source, flags=re.M)
    return source.count("\n", 0, closing.start(1)) + 1 if closing else 1


def example_line(key: str, today: dt.date) -> str:
    """A line a writer can copy into the front matter, with what it means."""
    next_year = today + dt.timedelta(days=365)
    return {
        "title": "'title: Acne scars' (the page's short name; no other page may use it)",
        "description": "'description: One plain sentence of 50 to 170 characters that search results show.'",
        "last_reviewed": f"'last_reviewed: {today.isoformat()}' (the date a clinician last checked the page)",
        "next_review": f"'next_review: {next_year.isoformat()}' (when the page must be checked again, at most {MAX_REVIEW_YEARS} years after last_reviewed)",
        "reviewed_by": "'reviewed_by: Dr A. Name, dermatologist' (who checked the page)",
        "references": "'references: [Alam2014, Harris2015]' (the reference keys the page cites, or [] for none)",
        "page_type": f"'page_type: info' (one of {', '.join(PAGE_TYPES)})",
    }[key]


def check_front_matter(file: str, source: str, meta: dict, known_references: set[str], today: dt.date) -> list[Problem]:
    problems: list[Problem] = []

    def fail(key: str, message: str) -> None:
        problems.append(Problem(file, field_line(source, key), 1, key, message))

    for key in REQUIRED:
        if key not in meta or meta[key] in (None, ""):
            fail(key, f"missing; add the line {example_line(key, today)} to the front matter, between the two '---' lines "
                      "at the top of the page (see 'Front matter' in CONTRIBUTING.md)")
    for key in ("title", "description", "reviewed_by"):
        if key in meta and not isinstance(meta[key], str):
            fail(key, "must be text")
    description = meta.get("description")
    if isinstance(description, str) and not 50 <= len(description) <= 170:
        fail("description", f"is {len(description)} characters; search engines show 50 to 170")
    if meta.get("page_type") is not None and meta.get("page_type") not in PAGE_TYPES:
        fail("page_type", f"'{meta.get('page_type')}' is not valid; choose one of: {', '.join(PAGE_TYPES)}")
    last, due = meta.get("last_reviewed"), meta.get("next_review")
    for key, value in (("last_reviewed", last), ("next_review", due)):
        if value is not None and not isinstance(value, dt.date):
            fail(key, f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. {today.isoformat()}")
    if isinstance(last, dt.date) and last > today:
        fail("last_reviewed", f"{last} is in the future; write the date the review happened")
    if isinstance(due, dt.date) and due < today:
        fail("next_review", f"review was due on {due} and is overdue; review the page, then update last_reviewed and next_review")
    if isinstance(last, dt.date) and isinstance(due, dt.date):
        if due <= last:
            fail("next_review", f"{due} must come after last_reviewed ({last})")
        elif due > last.replace(year=last.year + MAX_REVIEW_YEARS):
            fail("next_review", f"{due} is more than {MAX_REVIEW_YEARS} years after last_reviewed ({last})")
    keys = meta.get("references")
    if keys is not None and not isinstance(keys, list):
        fail("references", "must be a list of reference keys, e.g. [Alam2014, Harris2015], or [] for none")
    for key in keys if isinstance(keys, list) else ():
        if key not in known_references:
            fail("references", f"unknown reference key '{key}'{suggestion(key, sorted(known_references))}; keys are defined in docs/_data/references.yml")
    return problems


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
