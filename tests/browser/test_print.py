"""Printed handouts: the aftercare page and the treatment plan (with the
reader's own dates) printed to PDF by Chromium on A4 and Letter paper."""
from __future__ import annotations

import datetime as dt
import io
import re

import pytest
import yaml
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


def footer_date(day: dt.date) -> str:
    """The footer's print date (print-date.js) on an English page, written as
    the site writes every date: "1 December 2026" (not the US order)."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


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
    # The citation numbers and the list they lead to: on paper, [1] means the
    # first entry of "Sources for this page", printed at the end.
    flat = text.replace("\n", " ")
    assert "7 days[1]" in flat.replace(" [", "["), "the first citation prints as a short number"
    sources = flat.split("Sources for this page", 1)[1]
    references = yaml.safe_load((site.project / "docs" / "_data" / "references.yml").read_text(encoding="utf-8"))
    first = re.search(r'cite\("([^"]+)"', (site.project / "docs" / "aftercare.md").read_text(encoding="utf-8"))[1]
    assert sources.lstrip().startswith("1. " + references[first]["label"]), sources[:80]
    # The footer: address, review dates and the day it was printed.
    assert site.url + "aftercare/" in text.replace("\n", "")
    assert "Checked by our editors on" in text.replace("\n", " ") and "Next review due:" in text
    assert f"on {footer_date(dt.date.today())}" in text.replace("\n", " ")
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


def print_the_plan(page):
    """Press "Print this plan" (the browser's print dialog stubbed out), then
    print as Chromium would."""
    page.evaluate("window.print = () => {}")
    page.click("[data-calculator-print]")
    return printed(page, "A4")


@pytest.mark.parametrize("which", ["site", "clinic_site"])
def test_print_this_plan_is_one_a4_page_with_the_care_cards(browser, request, which):
    built = request.getfixturevalue(which)
    data = built.project / "docs" / "_data"
    signs = yaml.safe_load((data / "warning_signs.yml").read_text(encoding="utf-8"))
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    page = context.new_page()
    page.goto(built.url + "treatment-plan/")
    page.locator("[data-calculator-start]").fill("2027-12-03")
    page.locator("[data-calculator-start]").dispatch_event("change")
    text, reader = print_the_plan(page)
    flat = re.sub(r"\s+", " ", text)
    assert len(reader.pages) == 1, f"{len(reader.pages)} pages"
    # The title block: title, clinic when set, start date, valid until.
    assert "Your microneedling plan" in flat and "First session: Friday 3 December 2027" in flat
    # The day it is printed, once: in the footer (print-date.js), not again in the title block.
    assert f"on {footer_date(dt.date.today())}" in flat and "Printed on" not in flat
    assert "Valid until" in flat
    clinic = yaml.safe_load((data / "clinic.yml").read_text(encoding="utf-8")) or {}
    if clinic.get("name"):
        assert f"Clinic: {clinic['name']}" in flat
    # The schedule, when to get help, the source address.
    assert "Fri 3 Dec 2027" in flat
    for level in ("contact_clinic", "urgent", "emergency"):
        for sign in signs[level]:
            assert re.sub(r"\s+", " ", sign) in flat, sign
    assert built.url + "treatment-plan/" in text.replace("\n", "")
    # Nothing for the screen or the rest of the page.
    for web_only in ("Date of your first session", "Download to your calendar", "Print this plan",
                     "Nothing you enter here leaves your device", "How the plan is worked out"):
        assert web_only not in flat, web_only
    context.close()


def test_printing_the_page_from_the_menu_still_prints_the_whole_page(browser, site):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.goto(site.url + "treatment-plan/")
    text, reader = printed(page, "A4")
    assert "How the plan is worked out" in text and len(reader.pages) > 1
    assert "Your microneedling plan" not in text, "the plan's title block only with Print this plan"
    context.close()
