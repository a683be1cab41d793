"""Printed handouts: the aftercare page and the treatment plan (with the
reader's own dates) printed to PDF by Chromium on A4 and Letter paper."""
from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from expected import expected_dates, from_first, raw_protocol, start_value

pytestmark = pytest.mark.browser

PAPER = {"A4": (210, 297), "Letter": (215.9, 279.4)}  # millimetres
POINTS_PER_MM = 72 / 25.4


def printed(page, paper: str) -> tuple[str, PdfReader]:
    """Print the open page as the reader's browser would (print media, the
    paper's size, no browser-added headers) and return the PDF's text."""
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    reader = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=False)))
    text = "\n".join(p.extract_text() for p in reader.pages)
    return re.sub(r"[ \t]+", " ", text), reader


def long_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"


@pytest.mark.parametrize("paper", PAPER)
def test_aftercare_handout(browser, site, paper):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.goto(site.url + "aftercare/")
    text, reader = printed(page, paper)
    width, height = PAPER[paper]
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - width * POINTS_PER_MM) < 2 and abs(float(box.height) - height * POINTS_PER_MM) < 2
    # Content, not navigation or search.
    assert "Aftercare after microneedling" in text
    assert "Search" not in text and "Compare treatments" not in text.split("Aftercare after microneedling", 1)[0]
    # Every day of the aftercare table is printed (the table is not cut off).
    for milestone in raw_protocol(site.project)["aftercare"]:
        assert milestone["title"] in text, milestone["title"]
    # The footer: address, review dates and the day it was printed.
    assert site.url + "aftercare/" in text.replace("\n", "")
    assert "Checked by our editors on" in text.replace("\n", " ") and "Next review due:" in text
    assert f"on {long_date(dt.date.today())}" in text
    context.close()


@pytest.mark.parametrize("paper", PAPER)
def test_treatment_plan_prints_with_the_readers_dates(browser, site, paper):
    plan = raw_protocol(site.project)["plans"]["acne-scars"]
    start = dt.date(2027, 5, 3)
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    page = context.new_page()
    page.goto(site.url + "treatment-plan/")
    page.locator("[data-calculator-start]").fill(start.isoformat())
    page.locator("[data-calculator-start]").dispatch_event("change")
    text, _ = printed(page, paper)
    flat = text.replace("\n", " ")
    dates = expected_dates(start, start_value(plan["sessions"]), start_value(plan["interval_days"]), plan["results_check_weeks"], from_first(plan))
    for day in dates:
        # Chromium's en-GB short form, e.g. "Mon, 3 May 2027" or "Mon 3 May 2027".
        assert re.search(rf"{day.strftime('%a')},? {day.day} {day.strftime('%b')} {day.year}", flat), day
    # The form is for the screen; the plan and its footer are for paper.
    assert "Date of your first session" not in text and "Download to your calendar" not in text
    assert "Next review due:" in text and "Printed from" in text
    context.close()
