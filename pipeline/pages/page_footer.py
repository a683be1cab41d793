"""What every page says about itself at its end: who checked it and whether a
clinician reviewed it, when it is due again, the licence of its text, and how
to report a problem.  overrides/main.html prints it inside the article, so
the embed pages (overrides/embed.html shows the same article) carry the same lines.

Pure: the page's review status and the publisher setting in, plain text and
addresses out (the template escapes them).
"""
from __future__ import annotations

from ..data.governance import ReviewStatus, long_date, status_text
from ..data.publisher import CONTENT_LICENCE, Publisher

DUE_NOTICE = "This page is due for review; the information may be out of date."
REUSE = "You may reuse it if you keep the credit to this site, the review dates and a link to this page."


def footer_data(status: ReviewStatus, publisher: Publisher, page_title: str, page_url: str) -> dict:
    review = status_text(status)
    return {
        "review": " ".join(review),
        "next_review": status.next_review.isoformat(),
        "next_review_text": long_date(status.next_review),
        "overdue": status.overdue,
        "due_notice": DUE_NOTICE,
        "licence_name": CONTENT_LICENCE["name"],
        "licence_url": CONTENT_LICENCE["url"],
        "reuse": REUSE,
        "report_links": [
            {"label": label, "href": href}
            for label, href in publisher.report_links(page_title, page_url, f"{' '.join(review)} Next review due: {status.next_review.isoformat()}.")
        ],
    }
