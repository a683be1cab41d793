"""Front-matter governance: review dates, reviewer, and known references."""
import datetime as dt

from macros.governance import check_citations, check_front_matter

TODAY = dt.date(2026, 11, 23)
SOURCE = """---
title: Acne scars
description: x
last_reviewed: 2026-01-10
next_review: 2026-11-01
reviewed_by: Dr A
references: [Alam2014, Nobody1999]
page_type: condition
---
# Acne scars
"""
GOOD = {
    "title": "Acne scars",
    "description": "How microneedling may help acne scars, how well it works and what else you can do.",
    "last_reviewed": dt.date(2026, 1, 10),
    "next_review": dt.date(2027, 1, 10),
    "reviewed_by": "Dr A",
    "references": ["Alam2014"],
    "page_type": "condition",
}


def messages(meta):
    return [str(p) for p in check_front_matter("docs/acne.md", SOURCE, meta, {"Alam2014"}, TODAY)]


def test_complete_front_matter_passes():
    assert messages(GOOD) == []


def test_overdue_review_names_page_line_and_date():
    problems = messages({**GOOD, "next_review": dt.date(2026, 11, 1)})
    assert problems == ["docs/acne.md:5:1: next_review: review was due on 2026-11-01 and is overdue; "
                        "review the page, then update last_reviewed and next_review"]


def test_missing_fields_are_each_reported():
    meta = {k: v for k, v in GOOD.items() if k not in {"reviewed_by", "last_reviewed"}}
    problems = messages(meta)
    assert any(p.startswith("docs/acne.md:6:1: reviewed_by: missing") for p in problems)
    assert any(p.startswith("docs/acne.md:4:1: last_reviewed: missing") for p in problems)


def test_review_cycle_at_most_three_years():
    problems = messages({**GOOD, "next_review": dt.date(2029, 1, 11)})
    assert len(problems) == 1 and "more than 3 years" in problems[0]


def test_dates_must_be_dates_and_in_order():
    assert "is not a date" in messages({**GOOD, "last_reviewed": "last week"})[0]
    assert any("must come after" in p for p in messages({**GOOD, "last_reviewed": dt.date(2026, 11, 20), "next_review": dt.date(2026, 11, 20)}))
    assert "in the future" in messages({**GOOD, "last_reviewed": dt.date(2026, 12, 1)})[0]


def test_unknown_reference_key_suggests_the_close_one():
    problems = messages({**GOOD, "references": ["Alam2041"]})
    assert problems == ["docs/acne.md:7:1: references: unknown reference key 'Alam2041' (did you mean 'Alam2014'?); "
                        "keys are defined in docs/_data/references.yml"]


def test_cited_and_listed_keys_must_match():
    problems = [str(p) for p in check_citations("docs/acne.md", SOURCE, ["Alam2014", "Nobody1999"], {"Alam2014", "Harris2015"})]
    assert "'Harris2015' is cited in the text but not listed" in problems[0]
    assert "'Nobody1999' is listed but never cited" in problems[1]
