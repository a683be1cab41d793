"""The calculator in a real Chromium: dates, calendar file, no-JS fallback,
errors and privacy."""
from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlparse

import icalendar
import pytest
import yaml

from expected import raw_protocol, start_value

pytestmark = pytest.mark.browser

TIME_ZONES = ["America/Sao_Paulo", "Europe/London", "Pacific/Auckland"]
D = dt.date
# Worked out by hand for the plan the page starts with (acne scars: 3 sessions
# 28 days apart, results checked 26 weeks = 182 days after the first session):
# start → sessions on days 0, 28 and 56, the check on day 182.
SCHEDULES = {
    # 29 Jan + 28 = 26 Feb; + 28 = 26 Mar; + 182 = 30 Jul (2 + 28 + 31 + 30 + 31 + 30 + 30).
    D(2027, 1, 29): [D(2027, 1, 29), D(2027, 2, 26), D(2027, 3, 26), D(2027, 7, 30)],
    # A month end: 31 Jan + 28 = 28 Feb; + 28 = 28 Mar; + 182 = 1 Aug (28 + 31 + 30 + 31 + 30 + 31 = 181 is 31 Jul).
    D(2027, 1, 31): [D(2027, 1, 31), D(2027, 2, 28), D(2027, 3, 28), D(2027, 8, 1)],
    # A leap day: 29 Feb + 28 = 28 Mar (1 + 27); + 28 = 25 Apr (3 + 25); + 182 = 29 Aug (31 + 30 + 31 + 30 + 31 + 29).
    D(2028, 2, 29): [D(2028, 2, 29), D(2028, 3, 28), D(2028, 4, 25), D(2028, 8, 29)],
    # UK clocks go forward on 28 Mar 2027: 27 Mar + 28 = 24 Apr (4 + 24); + 28 = 22 May (6 + 22);
    # + 182 = 25 Sep (4 + 30 + 31 + 30 + 31 + 31 + 25).
    D(2027, 3, 27): [D(2027, 3, 27), D(2027, 4, 24), D(2027, 5, 22), D(2027, 9, 25)],
    # New Zealand's go forward on 26 Sep 2027, and a year end and a leap day follow: 25 Sep + 28 = 23 Oct (5 + 23);
    # + 28 = 20 Nov (8 + 20); + 182 = 25 Mar 2028 (5 + 31 + 30 + 31 + 31 + 29 + 25).
    D(2027, 9, 25): [D(2027, 9, 25), D(2027, 10, 23), D(2027, 11, 20), D(2028, 3, 25)],
}


@pytest.fixture
def open_page(browser, site):
    """Open a site page in a fresh context; fail the test on console errors or
    on any request that leaves the local server."""
    contexts = []

    def open_(path="treatment-plan/", **context_options):
        context = browser.new_context(**context_options)
        contexts.append(context)
        page = context.new_page()
        page.problems = []
        page.on("console", lambda m: m.type == "error" and page.problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))

        def check_request(request):
            host = urlparse(request.url).netloc
            if request.url.startswith(("data:", "blob:")) or host == urlparse(site.url).netloc:
                return
            page.problems.append(f"request to another host: {request.url}")

        page.on("request", check_request)
        page.goto(site.url + path)
        return page

    yield open_
    for context in contexts:
        pages = context.pages
        context.close()
        for page in pages:
            assert page.problems == [], page.problems


def acne(site):
    return raw_protocol(site.project)["plans"]["acne-scars"]


def assume(site, plan_id: str, sessions: dict, interval_days: dict, results_check_weeks: int, counted_from: str) -> None:
    """The dates a test works out by hand are for the plan as
    docs/_data/protocol.yml has it: if the file changes, work them out again."""
    plan = raw_protocol(site.project)["plans"][plan_id]
    found = (plan["sessions"], plan["interval_days"], plan["results_check_weeks"], plan["results_counted_from"])
    assert found == (sessions, interval_days, results_check_weeks, counted_from), \
        f"{plan_id} in protocol.yml is now {found}: work this test's dates out again"


def assume_acne(site) -> None:
    assume(site, "acne-scars", {"typical": 3, "min": 2, "max": 6}, {"typical": 28, "min": 14, "max": 42}, 26, "first-session")


def shown_dates(page):
    return [dt.date.fromisoformat(t) for t in page.locator("[data-calculator-rows] tr td time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")]


@pytest.mark.parametrize("zone", TIME_ZONES)
@pytest.mark.parametrize("start", SCHEDULES, ids=str)
def test_dates_in_every_time_zone(open_page, site, zone, start):
    assume_acne(site)
    page = open_page(timezone_id=zone, locale="en-GB")
    page.fill("[data-calculator-start]", start.isoformat())
    page.locator("[data-calculator-start]").dispatch_event("change")
    assert shown_dates(page) == SCHEDULES[start]
    # The first row's visible text is the start date itself, whatever the zone.
    first = page.locator("[data-calculator-rows] tr").first.locator("time").inner_text()
    assert str(start.day) in first and str(start.year) in first


def test_changing_sessions_and_interval_within_the_protocol(open_page, site):
    assume_acne(site)
    page = open_page(timezone_id="Pacific/Auckland")
    plan = acne(site)
    page.fill("[data-calculator-start]", "2027-12-31")
    page.select_option("[data-calculator-sessions]", "6")
    page.select_option("[data-calculator-interval]", "14")
    # By hand: 6 sessions 14 days apart from 31 Dec 2027, across the year end and
    # February 2028 (29 days): 31 Dec + 14 = 14 Jan; + 14 = 28 Jan; + 14 = 11 Feb (3 + 11);
    # + 14 = 25 Feb; + 14 = 10 Mar (4 + 10).  The check, 182 days after the first
    # (later than 14 days after the last, day 84): 31 + 29 + 31 + 30 + 31 + 30 = 182 is 30 Jun 2028.
    assert shown_dates(page) == [D(2027, 12, 31), D(2028, 1, 14), D(2028, 1, 28), D(2028, 2, 11), D(2028, 2, 25),
                                 D(2028, 3, 10), D(2028, 6, 30)]
    offered = page.locator("[data-calculator-sessions] option").evaluate_all("os => os.map(o => +o.value)")
    assert offered == list(range(plan["sessions"]["min"], plan["sessions"]["max"] + 1))
    intervals = page.locator("[data-calculator-interval] option").evaluate_all("os => os.map(o => +o.value)")
    gaps = plan["interval_days"]
    assert intervals == sorted({gaps["min"], gaps["max"], gaps.get("typical", gaps["min"])}), "only gaps studies used"
    assert "updated" in page.locator("[data-calculator-status]").inner_text()
    assert page.locator("[data-calculator-status]").get_attribute("aria-live") == "polite"


def test_a_plan_without_typical_starts_from_the_studies_plan_and_times_results_from_the_first_session(open_page, site):
    # fine-lines: no `typical` in the file; results counted from the first session.
    assume(site, "fine-lines", {"min": 2, "max": 6}, {"min": 14, "max": 28}, 21, "first-session")
    page = open_page(timezone_id="Europe/London")
    page.select_option("[data-calculator-plan]", "fine-lines")
    # No source names a usual plan: not called "typical".
    assert page.locator("[data-calculator-caption]").inner_text().startswith("A schedule studies used for fine lines")
    page.fill("[data-calculator-start]", "2027-01-04")
    page.locator("[data-calculator-start]").dispatch_event("change")
    # By hand (2 sessions, 14 days apart, check at week 21 from the first):
    # 4 Jan + 14 = 18 Jan; 4 Jan + 147 days = 31 May 2027 (27 + 28 + 31 + 30 + 31).
    assert shown_dates(page) == [D(2027, 1, 4), D(2027, 1, 18), D(2027, 5, 31)]


def test_choosing_another_plan_uses_its_ranges(open_page, site):
    page = open_page()
    raw = raw_protocol(site.project)["plans"]
    for plan_id, plan in raw.items():
        page.select_option("[data-calculator-plan]", plan_id)
        assert page.locator("[data-calculator-rows] tr").count() == start_value(plan["sessions"]) + 1
        assert page.locator("[data-calculator-sessions]").input_value() == str(start_value(plan["sessions"]))
        assert plan["name"].lower() in page.locator("[data-calculator-caption]").inner_text().lower()


def test_calendar_download_is_valid_icalendar(open_page, site):
    assume_acne(site)
    page = open_page(timezone_id="America/Sao_Paulo", accept_downloads=True)
    start = dt.date(2028, 2, 29)
    page.fill("[data-calculator-start]", start.isoformat())
    page.locator("[data-calculator-start]").dispatch_event("change")
    with page.expect_download() as download_info:
        page.click("[data-calculator-ics]")
    raw_bytes = open(download_info.value.path(), "rb").read()
    assert download_info.value.suggested_filename.endswith(".ics")
    assert b"\r\n" in raw_bytes and b"\n" not in raw_bytes.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw_bytes.split(b"\r\n")), "lines must be folded at 75 octets"
    calendar = icalendar.Calendar.from_ical(raw_bytes)
    events = list(calendar.walk("VEVENT"))
    plan = acne(site)
    assert [e.decoded("DTSTART") for e in events] == SCHEDULES[start]
    for event in events:
        event_day = event.decoded("DTSTART")
        assert type(event_day) is dt.date, "all-day events use VALUE=DATE"
        assert event.decoded("DTEND") == event_day + dt.timedelta(days=1)
        assert event.get("DTSTAMP") and event.get("UID")
    assert len({str(e["UID"]) for e in events}) == len(events)
    assert "Aftercare" in str(events[0]["DESCRIPTION"])
    # Busy, with a reminder the day before each session; dates in words; when to get help.
    assert all(str(e["TRANSP"]) == "OPAQUE" for e in events)
    alarms = [e for e in events if list(e.walk("VALARM"))]
    assert len(alarms) == start_value(plan["sessions"])
    assert all(a.decoded("TRIGGER") == -dt.timedelta(hours=15) for e in alarms for a in e.walk("VALARM"))
    description = str(events[0]["DESCRIPTION"])
    # The first milestone after the session (make-up, day 1): 29 Feb 2028 + 1 = Wednesday 1 March
    # (1 Jan 2028 is a Saturday, so are 29 Jan and 26 Feb; 29 Feb a Tuesday).
    assert "Wed 1 Mar 2028:" in description
    assert not re.search(r"\d{4}-\d{2}-\d{2}", description), "milestone dates in words, not ISO"
    signs = yaml.safe_load((site.project / "docs/_data/warning_signs.yml").read_text(encoding="utf-8"))
    assert all(sign in description for sign in signs["emergency"]) and "Get help now" in description
    # Same input, same identifiers: re-importing updates instead of duplicating.
    with page.expect_download() as again:
        page.click("[data-calculator-ics]")
    uids_again = [str(e["UID"]) for e in icalendar.Calendar.from_ical(open(again.value.path(), "rb").read()).walk("VEVENT")]
    assert uids_again == [str(e["UID"]) for e in events]


def test_invalid_date_gets_an_inline_accessible_error(open_page):
    page = open_page()
    page.fill("[data-calculator-start]", "2150-06-01")
    page.locator("[data-calculator-start]").dispatch_event("change")
    error = page.locator("[data-calculator-error]")
    assert error.is_visible() and "real date" in error.inner_text()
    start = page.locator("[data-calculator-start]")
    assert start.get_attribute("aria-invalid") == "true"
    assert error.get_attribute("id") in start.get_attribute("aria-describedby").split()
    assert page.locator("[data-calculator-ics]").is_disabled()
    page.fill("[data-calculator-start]", "2027-05-10")
    page.locator("[data-calculator-start]").dispatch_event("change")
    assert not error.is_visible() and start.get_attribute("aria-invalid") is None


def test_without_javascript_the_table_is_still_there(open_page, site):
    page = open_page(java_script_enabled=False)
    plan = acne(site)
    assert page.locator("[data-calculator-rows] tr").count() == start_value(plan["sessions"]) + 1
    assert page.locator("[data-calculator-rows] tr").first.is_visible()
    assert not page.locator("[data-calculator-form]").is_visible()


def test_print_view_hides_the_controls_and_keeps_the_dates(open_page):
    page = open_page()
    page.fill("[data-calculator-start]", "2027-01-31")
    page.locator("[data-calculator-start]").dispatch_event("change")
    page.emulate_media(media="print")
    assert not page.locator("[data-calculator-form]").is_visible()
    assert page.locator("[data-calculator-rows] time").first.is_visible()
    assert not page.locator(".md-header").is_visible()


TABLE_TEXT = """root => ({
  caption: root.querySelector('[data-calculator-caption]').innerText,
  rows: [...root.querySelectorAll('[data-calculator-rows] tr')].map(tr => tr.innerText.replace(/\\s+/g, ' ').trim()),
})"""


@pytest.mark.parametrize("which", ["site", "clinic_site"])
def test_the_script_words_the_table_exactly_as_the_build_does(browser, request, which):
    """calculator.js redraws the table the build wrote; its wording (days,
    weeks, caption, whose schedule it is) is a second copy of pipeline/pages/, so the
    two must not drift apart."""
    built = request.getfixturevalue(which)
    tables = []
    for javascript in (False, True):
        context = browser.new_context(java_script_enabled=javascript)
        page = context.new_page()
        page.goto(built.url + "treatment-plan/")
        if javascript:
            page.wait_for_selector("[data-calculator][data-ready]", state="attached")
        tables.append(page.locator("[data-calculator]").evaluate(TABLE_TEXT))
        context.close()
    as_built, as_scripted = tables
    assert len(as_built["rows"]) > 2
    assert as_scripted == as_built


def build_protocol(project):
    """The site's protocol file as the build reads it."""
    from pipeline.data.protocol import load_protocol
    from pipeline.data.references import load_references

    docs = project / "docs"
    references = load_references(docs / "_data/references.yml", "references.yml")
    pages = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    return load_protocol(docs / "_data/protocol.yml", "protocol.yml", pages, set(references))


def build_rows_text(protocol, plan_id, sessions, interval, start):
    """The rows the build writes for these choices (with a date: the same
    function given the date), as a reader's text."""
    import html

    from pipeline.pages.render import schedule_rows
    from pipeline.pages.schedule import compute_schedule

    plan = protocol.plan(plan_id)
    markup = schedule_rows(compute_schedule(plan, protocol.aftercare, sessions, interval), plan, start)
    rows = re.findall(r"<tr>(.*?)</tr>", markup, re.S)
    # Hidden cells (the days column once a date is given, the empty date column) are not read.
    visible = [re.sub(r"<td[^>]*\bhidden\b[^>]*>.*?</td>", " ", r, flags=re.S) for r in rows]
    return [re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", r))).strip() for r in visible]


VARIANTS = [  # plan, sessions, days between them, date, the dates worked out by hand
    ("acne-scars", 3, 14, None, None),  # the plan's start, its shortest gap
    # Its most sessions, its longest gap, checked 26 weeks after the first but never before a gap after the last
    # (day 5 x 42 + 42 = 252): 3 Dec 2027 + 42 = 14 Jan 2028 (28 + 14); + 42 = 25 Feb (17 + 25);
    # + 42 = 7 Apr (4 + 31 + 7); + 42 = 19 May (23 + 19); + 42 = 30 Jun (12 + 30); + 42 = 11 Aug (31 + 11).
    ("acne-scars", 6, 42, "2027-12-03", [D(2027, 12, 3), D(2028, 1, 14), D(2028, 2, 25), D(2028, 4, 7), D(2028, 5, 19),
                                         D(2028, 6, 30), D(2028, 8, 11)]),
    # From a leap day: + 14 = 14 Mar; the check 21 weeks (147 days) after the first: 31 + 30 + 31 + 30 + 25 = 25 Jul.
    ("fine-lines", 2, 14, "2028-02-29", [D(2028, 2, 29), D(2028, 3, 14), D(2028, 7, 25)]),
    ("stretch-marks", 5, 28, None, None),  # its most sessions
]


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: "-".join(str(x) for x in v[:4]))
def test_after_changes_the_script_shows_what_the_build_would(open_page, site, variant):
    """The script redraws the table with the build's words: after changing the
    plan, sessions, interval and date, it reads as the build's rows for the
    same choices, with the dates worked out by hand."""
    plan_id, sessions, interval, start, dates = variant
    assume_acne(site)
    assume(site, "fine-lines", {"min": 2, "max": 6}, {"min": 14, "max": 28}, 21, "first-session")
    protocol = build_protocol(site.project)
    page = open_page(timezone_id="Pacific/Auckland", locale="en-US")
    page.select_option("[data-calculator-plan]", plan_id)
    page.select_option("[data-calculator-sessions]", str(sessions))
    page.select_option("[data-calculator-interval]", str(interval))
    if start:
        page.fill("[data-calculator-start]", start)
        page.locator("[data-calculator-start]").dispatch_event("change")
        assert shown_dates(page) == dates
    shown = page.locator("[data-calculator]").evaluate(TABLE_TEXT)["rows"]
    day = dt.date.fromisoformat(start) if start else None
    assert shown == build_rows_text(protocol, plan_id, sessions, interval, day)
    if day:
        # Worked out here, not by the code: the first row is the start date in words.
        assert f"{day.strftime('%a')} {day.day} {day.strftime('%b')} {day.year}" in shown[0]
        assert "Day 0" not in shown[0], "no days-from-first-session column once a date is entered"


def enter_date(page, text):
    page.fill("[data-calculator-start]", text)
    page.locator("[data-calculator-start]").dispatch_event("change")


def test_the_chosen_date_is_shown_in_words_and_the_hint_claims_no_format(open_page):
    # A US-English browser shows mm/dd/yyyy in the field: the words say which day it is.
    page = open_page(locale="en-US", timezone_id="America/Sao_Paulo")
    chosen = page.locator("[data-calculator-chosen]")
    assert chosen.get_attribute("aria-live") == "polite"
    assert not chosen.is_visible(), "nothing chosen yet"
    enter_date(page, "2027-12-03")
    assert chosen.inner_text() == "You chose Friday 3 December 2027."
    hint = page.locator("[data-calculator-start]").evaluate(
        "el => el.getAttribute('aria-describedby').split(' ').map(id => document.getElementById(id).innerText).join(' ')")
    assert not re.search(r"\d", hint), f"the hint must not show a date format the field may not use: {hint!r}"
    enter_date(page, "2150-06-01")
    assert chosen.inner_text() == "", "no words for a date that was refused"


@pytest.mark.parametrize("address, plan_id", [
    ("treatment-plan/?plan=stretch-marks", "stretch-marks"),
    ("treatment-plan/#plan-fine-lines", "fine-lines"),
    ("treatment-plan/?plan=constructor", "acne-scars"),  # not a plan id: ignored
    ("treatment-plan/?plan=%3Cb%3E", "acne-scars"),
])
def test_an_address_may_choose_a_known_plan(open_page, site, address, plan_id):
    page = open_page(address)
    page.wait_for_selector("[data-calculator][data-ready]", state="attached")
    assert page.locator("[data-calculator-plan]").input_value() == plan_id
    name = raw_protocol(site.project)["plans"][plan_id]["name"].lower()
    assert name in page.locator("[data-calculator-caption]").inner_text().lower()


def test_a_condition_page_links_to_its_plan(open_page, site):
    page = open_page("conditions/stretch-marks/")
    page.click("text=work out a schedule for stretch marks")
    page.wait_for_selector("[data-calculator][data-ready]", state="attached")
    assert page.locator("[data-calculator-plan]").input_value() == "stretch-marks"


def test_on_a_phone_each_session_is_a_card_with_dates_in_words(open_page, site):
    page = open_page(viewport={"width": 375, "height": 800}, locale="en-US")
    enter_date(page, "2027-12-06")
    assert not page.locator("[data-calculator-table]").is_visible()
    assert page.locator("[data-calculator-cards-caption]").inner_text() == page.locator("[data-calculator-caption]").text_content()
    assert "6 Dec 2027" in page.locator("[data-calculator-cards-caption]").inner_text()
    cards = page.locator("[data-calculator-cards] > li")
    plan = acne(site)
    assert cards.count() == start_value(plan["sessions"]) + 1
    first = cards.first
    assert first.locator("h3").inner_text() == "Session 1: Monday 6 December 2027"
    milestones = first.locator("li").all_inner_texts()
    # Worked out by hand: redness fades on day 3 (protocol.yml), and 6 December 2027, a Monday, + 3 is Thursday 9 December.
    assert "Thu 9 Dec: Redness usually fading" in milestones
    # Each card is no taller than a phone screen (a table row was about 1,200 px).
    assert max(c["height"] for c in cards.evaluate_all("cs => cs.map(c => c.getBoundingClientRect())")) < 800


def test_on_a_wide_screen_the_table_drops_the_days_column_once_dated(open_page):
    page = open_page(viewport={"width": 1280, "height": 900})
    days_header = page.locator("thead [data-days-cell]")
    assert days_header.is_visible() and not page.locator("[data-calculator-cards]").is_visible()
    enter_date(page, "2027-12-06")
    assert not days_header.is_visible()
    assert page.locator("[data-calculator-rows] tr").first.locator("td").first.is_hidden()


def test_without_javascript_a_phone_still_gets_the_table(open_page):
    page = open_page(java_script_enabled=False, viewport={"width": 375, "height": 800})
    assert page.locator("[data-calculator-table]").is_visible()
    assert not page.locator("[data-calculator-cards]").is_visible()


def test_the_spanish_page_calculator_and_calendar_file_are_in_spanish(open_page, site):
    # A Spanish reader with an English browser: the page's language decides, not the browser's.
    page = open_page("es/treatment-plan/", locale="en-US", timezone_id="Europe/London", accept_downloads=True)
    enter_date(page, "2027-12-03")  # a Friday
    assert page.locator("[data-calculator-chosen]").inner_text() == "Usted eligió el viernes, 3 de diciembre de 2027."
    first = page.locator("[data-calculator-rows] tr").first
    assert first.locator("th").inner_text() == "Sesión 1" and first.locator("time").inner_text() == "vie 3 dic 2027"
    assert page.locator("[data-calculator-status]").inner_text().startswith("Calendario actualizado. Cicatrices de acné: ")
    with page.expect_download() as download_info:
        page.click("[data-calculator-ics]")
    events = list(icalendar.Calendar.from_ical(open(download_info.value.path(), "rb").read()).walk("VEVENT"))
    assert str(events[0]["SUMMARY"]) == "Microneedling: Sesión 1 (Cicatrices de acné)"
    assert str(events[-1]["SUMMARY"]) == "Microneedling: Revisión de resultados (Cicatrices de acné)"
    description = str(events[0]["DESCRIPTION"])
    # The first milestone after a session (protocol.yml: day 1) is Saturday 4 December 2027.
    assert "sáb 4 dic 2027: Puede volver a usar maquillaje" in description
    assert "Pida ayuda ahora" in description and "dificultad para respirar" in description
    assert str(events[0].walk("VALARM")[0]["DESCRIPTION"]) == "Mañana: Sesión 1 (Cicatrices de acné)"
    assert not re.search(r"Session|Aftercare|Tomorrow|Get help", description + str(events[0]["SUMMARY"]))
