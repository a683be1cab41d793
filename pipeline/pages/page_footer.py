"""What every page says about itself at its end: who checked it and whether a
clinician reviewed it, when it is due again, the licence of its text, and how
to report a problem.  overrides/main.html prints it inside the article, so
the embed pages (overrides/embed.html shows the same article) carry the same lines.

Pure: the page's review status, the publisher setting and the page's language
in, plain text and addresses out (the template escapes them).
"""
from __future__ import annotations

from ..data.governance import ReviewStatus, status_text
from ..data.publisher import CONTENT_LICENCE, Publisher
from .wording import long_date, say, template_words


def footer_data(status: ReviewStatus, publisher: Publisher, page_title: str, page_url: str, lang: str = "en") -> dict:
    review = status_text(status, lang)
    # The pre-filled report is read by the maintainers: its review line stays English.
    english_review = review if lang == "en" else status_text(status)
    return {
        "review": " ".join(review),
        "next_review": status.next_review.isoformat(),
        "next_review_text": long_date(status.next_review, lang),
        "overdue": status.overdue,
        "due_notice": say("dueNotice", lang),
        "licence_name": CONTENT_LICENCE["name"],
        "licence_url": CONTENT_LICENCE["url"],
        "reuse": say("reuse", lang),
        "words": template_words(lang),
        "report_links": [
            {"label": label, "href": href}
            for label, href in publisher.report_links(page_title, page_url,
                                                      f"{' '.join(english_review)} Next review due: {status.next_review.isoformat()}.",
                                                      lang)
        ],
    }
