"""Front-matter governance: the editorial check and the clinical review kept
apart, sign-offs only by listed reviewers, fingerprints of the reviewed text,
overdue pages flagged (not refused), and known references."""
import datetime as dt
import hashlib

from pipeline.data.governance import (
    check_citations, check_front_matter, covered_text, page_body, review_status, status_text,
)
from pipeline.data.reviewers import Reviewer

TODAY = dt.date(2026, 11, 23)
BODY = "# Acne scars\n\nIntro.\n\n## How it may help\n\nIt may help.\n\n## Risks and side effects\n\nRedness.\n"
SOURCE = """---
title: Acne scars
description: x
editorial_check:
  date: 2026-01-10
  by: our editors
clinical_review:
  reviewer: a-name
  date: 2026-02-01
  scope: whole page
  fingerprint: "0000000000000000"
next_review: 2027-01-10
references: [Alam2014, Nobody1999]
page_type: condition
---
""" + BODY
REVIEWER = Reviewer("a-name", "Dr A. Name", "Consultant dermatologist", "General Medical Council", "1234567", "None")
REVIEWERS = {"a-name": REVIEWER}
GOOD = {
    "title": "Acne scars",
    "description": "How microneedling may help acne scars, how well it works and what else you can do.",
    "editorial_check": {"date": dt.date(2026, 1, 10), "by": "our editors"},
    "clinical_review": "pending",
    "next_review": dt.date(2027, 1, 10),
    "references": ["Alam2014"],
    "page_type": "condition",
}


def sha16(text: str) -> str:
    """The fingerprint as CONTRIBUTING.md defines it, computed here on its own."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def signed(fingerprint: str, scope="whole page", reviewer="a-name") -> dict:
    return {**GOOD, "clinical_review": {"reviewer": reviewer, "date": dt.date(2026, 2, 1), "scope": scope, "fingerprint": fingerprint}}


def messages(meta, reviewers=REVIEWERS, source=SOURCE):
    return [str(p) for p in check_front_matter("docs/acne.md", source, meta, {"Alam2014"}, reviewers, TODAY)]


def test_complete_front_matter_passes():
    assert messages(GOOD) == []
    assert messages(signed(sha16(BODY.rstrip("\n")))) == []


def test_pending_page_says_plainly_what_checks_it_had():
    status = review_status(SOURCE, GOOD, REVIEWERS, TODAY)
    assert status_text(status) == ["Checked by our editors on 10 January 2026.", "Not yet reviewed by a clinician."]
    assert not status.clinically_reviewed and not status.overdue


def test_signed_page_names_the_reviewer_while_its_text_is_unchanged():
    meta = signed(sha16(BODY.rstrip("\n")))
    status = review_status(SOURCE, meta, REVIEWERS, TODAY)
    assert status.clinically_reviewed
    assert status_text(status)[1:] == ["Reviewed by Dr A. Name, Consultant dermatologist, on 1 February 2026.",
                                       "Registered with General Medical Council, number 1234567. Declared conflicts of interest: None."]


def test_a_changed_text_is_no_longer_covered_by_the_sign_off():
    meta = signed(sha16(BODY.rstrip("\n")))
    edited = SOURCE.replace("Redness.", "Redness and swelling.")
    status = review_status(edited, meta, REVIEWERS, TODAY)
    assert not status.clinically_reviewed
    assert "changed since clinical review on 1 February 2026" in status_text(status)[1]


def test_fingerprint_ignores_line_endings_and_trailing_spaces_only():
    windows = SOURCE.replace("\n", "\r\n").replace("Intro.", "Intro.   ")
    assert covered_text(windows, "whole page") == covered_text(SOURCE, "whole page") == BODY.rstrip("\n")
    assert page_body(SOURCE.replace("Intro.", "Intro!")) != page_body(SOURCE)


def test_a_sign_off_of_named_sections_covers_only_them():
    section = "## Risks and side effects\n\nRedness."
    meta = signed(sha16(section), scope=["Risks and side effects"])
    assert messages(meta) == []
    outside = SOURCE.replace("It may help.", "It may help a lot.")
    assert review_status(outside, meta, REVIEWERS, TODAY).clinically_reviewed
    inside = SOURCE.replace("Redness.", "Redness for a week.")
    assert not review_status(inside, meta, REVIEWERS, TODAY).clinically_reviewed
    assert "(sections: Risks and side effects)" in status_text(review_status(SOURCE, meta, REVIEWERS, TODAY))[1]


def test_a_sign_off_by_someone_not_in_the_reviewers_file_is_refused():
    problems = messages(signed(sha16(BODY), reviewer="dr-nobody"))
    assert len(problems) == 1
    assert problems[0].startswith("docs/acne.md:8:1: clinical_review.reviewer: 'dr-nobody' is not in docs/_data/reviewers.yml")
    assert "listed reviewers: a-name" in problems[0]
    # With the reviewers file as shipped (empty), no sign-off at all is accepted.
    assert "listed reviewers: none yet" in messages(signed(sha16(BODY)), reviewers={})[0]


def test_an_incomplete_sign_off_is_refused():
    meta = {**GOOD, "clinical_review": {"reviewer": "a-name", "date": dt.date(2026, 2, 1)}}
    problems = messages(meta)
    assert any("clinical_review.scope: missing" in p for p in problems)
    assert any("clinical_review.fingerprint: missing" in p for p in problems)
    assert "'signed' is not valid; write 'pending'" in messages({**GOOD, "clinical_review": "signed"})[0]


def test_sign_off_scope_and_fingerprint_must_be_real():
    problems = messages(signed("not-a-hash", scope=["How it may hlep"]))
    assert any("clinical_review.scope: the page has no section 'How it may hlep' (did you mean 'How it may help'?)" in p for p in problems)
    assert any("clinical_review.fingerprint: 'not-a-hash' is not a fingerprint" in p for p in problems)


def test_overdue_review_is_not_an_error_but_is_flagged():
    meta = {**GOOD, "next_review": dt.date(2026, 11, 1)}
    assert messages(meta) == []
    assert review_status(SOURCE, meta, REVIEWERS, TODAY).overdue


def test_old_review_fields_are_named_with_their_replacement():
    meta = {**GOOD, "last_reviewed": dt.date(2026, 1, 1), "reviewed_by": "Site editorial team"}
    problems = messages(meta, source=SOURCE + "last_reviewed: x\n")
    assert any("last_reviewed: is no longer used" in p and "editorial_check:" in p for p in problems)
    assert any("reviewed_by: is no longer used" in p and "clinical_review: pending" in p for p in problems)


def test_missing_fields_are_each_reported():
    meta = {k: v for k, v in GOOD.items() if k not in {"clinical_review", "editorial_check"}}
    source = SOURCE.replace("editorial_check:", "editorial_chek:").replace("clinical_review:", "clinical_reveiw:")
    problems = messages(meta, source=source)
    closing = source.splitlines().index("---", 1) + 1
    assert any(p.startswith(f"docs/acne.md:{closing}:1: clinical_review: missing") for p in problems)
    assert any(p.startswith(f"docs/acne.md:{closing}:1: editorial_check: missing") for p in problems)
    no_by = {**GOOD, "editorial_check": {"date": dt.date(2026, 1, 10)}}
    without_by = SOURCE.replace("  by: our editors\n", "")
    assert any(p.startswith("docs/acne.md:4:1: editorial_check.by: missing") for p in messages(no_by, source=without_by))


def test_review_cycle_at_most_three_years():
    problems = messages({**GOOD, "next_review": dt.date(2029, 1, 11)})
    assert len(problems) == 1 and "more than 3 years" in problems[0]


def test_dates_must_be_dates_and_in_order():
    assert "is not a date" in messages({**GOOD, "editorial_check": {"date": "last week", "by": "our editors"}})[0]
    later = {**GOOD, "editorial_check": {"date": dt.date(2026, 11, 20), "by": "our editors"}, "next_review": dt.date(2026, 11, 20)}
    assert any("must come after" in p for p in messages(later))
    assert "in the future" in messages({**GOOD, "editorial_check": {"date": dt.date(2026, 12, 1), "by": "our editors"}})[0]


def test_unknown_reference_key_suggests_the_close_one():
    problems = messages({**GOOD, "references": ["Alam2041"]})
    assert problems == ["docs/acne.md:13:1: references: unknown reference key 'Alam2041' (did you mean 'Alam2014'?); "
                        "keys are defined in docs/_data/references.yml"]


def test_cited_and_listed_keys_must_match():
    problems = [str(p) for p in check_citations("docs/acne.md", SOURCE, ["Alam2014", "Nobody1999"], {"Alam2014", "Harris2015"})]
    assert "'Harris2015' is cited in the text but not listed" in problems[0]
    assert "'Nobody1999' is listed but never cited" in problems[1]
