"""Change the protocol file in a copy of the project: the table, the prose and
the calendar all change with it.  Nothing clinical is typed twice."""
from __future__ import annotations

import datetime as dt
import json
import re

import icalendar
import pytest
import yaml
from bs4 import BeautifulSoup

from expected import expected_dates, from_first, raw_protocol, start_value
from site_checks.sitebuild import build, copy_project, free_port, log_clinical_change, serve, set_config


def other_value(current: int, low: int, high: int) -> int:
    return high if current != high else low


@pytest.fixture(scope="module")
def changed(tmp_path_factory, site):
    """A second build whose acne-scars plan and make-up day differ from the real file."""
    project = copy_project(tmp_path_factory.mktemp("changed"), site.project)
    path = project / "docs" / "_data" / "protocol.yml"
    data = yaml.safe_load(path.read_text())
    plan = data["plans"]["acne-scars"]
    sessions, interval = plan["sessions"], plan["interval_days"]
    sessions["typical"] = other_value(sessions["typical"], sessions["min"], sessions["max"])
    interval["typical"] = other_value(interval["typical"], interval["min"], interval["max"])
    makeup = next(m for m in data["aftercare"] if m["id"] == "makeup")
    makeup["day"] += 1
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    log_clinical_change(project, "Test values.")
    port = free_port()
    set_config(project, "site_url", f"http://127.0.0.1:{port}/")
    result = build(project)
    assert result.returncode == 0, result.stderr
    server = serve(project / "site", port)
    yield project, f"http://127.0.0.1:{port}/", data
    server.shutdown()


def page(root, path):
    return BeautifulSoup((root / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def prose(document) -> str:
    for hidden in document.select("[data-calculator], table, .md-sidebar, header, footer, nav"):
        hidden.decompose()
    return " ".join(p.get_text(" ") for p in document.select("article p, article li"))


def sentence_numbers(site_root, plan):
    text = prose(page(site_root, "treatment-plan"))
    return f"{plan['sessions']['typical']} sessions, {plan['interval_days']['typical'] // 7} weeks apart" in text


def test_table_follows_the_file(changed):
    project, _, data = changed
    plan = data["plans"]["acne-scars"]
    document = page(project / "site", "treatment-plan")
    rows = document.select("[data-calculator-rows] tr")
    days = [int(re.match(r"Day (\d+)", r.select("td")[0].get_text()).group(1)) for r in rows]
    step = start_value(plan["interval_days"])
    assert days[:-1] == [n * step for n in range(start_value(plan["sessions"]))]
    embedded = json.loads(document.select_one("template[data-calculator-data]").get_text())
    assert embedded["plans"]["acne-scars"]["defaults"]["sessions"] == plan["sessions"]["typical"]
    makeup_day = next(m["day"] for m in data["aftercare"] if m["id"] == "makeup")
    assert f"Day {makeup_day}: " in rows[0].get_text()


def test_prose_follows_the_file(changed, site):
    project, _, data = changed
    original = raw_protocol(site.project)["plans"]["acne-scars"]
    assert sentence_numbers(site.root, original), "the real build states the real typical plan in prose"
    assert sentence_numbers(project / "site", data["plans"]["acne-scars"]), "the changed build states the changed plan"
    assert not sentence_numbers(project / "site", original)


@pytest.mark.browser
def test_calendar_follows_the_file(changed, browser):
    project, url, data = changed
    plan = data["plans"]["acne-scars"]
    context = browser.new_context(accept_downloads=True, timezone_id="Europe/London")
    page_ = context.new_page()
    page_.goto(url + "treatment-plan/")
    page_.fill("[data-calculator-start]", "2027-10-30")
    page_.locator("[data-calculator-start]").dispatch_event("change")
    with page_.expect_download() as download:
        page_.click("[data-calculator-ics]")
    events = icalendar.Calendar.from_ical(open(download.value.path(), "rb").read()).walk("VEVENT")
    context.close()
    expected = expected_dates(dt.date(2027, 10, 30), start_value(plan["sessions"]), start_value(plan["interval_days"]), plan["results_check_weeks"], from_first(plan))
    assert [e.decoded("DTSTART") for e in events] == expected


def test_prose_on_every_page_follows_the_file(changed, site):
    """The condition page and the aftercare guide say the numbers of whichever
    file they were built from, not numbers typed into the page."""
    project, _, data = changed
    for root, protocol in ((site.root, raw_protocol(site.project)), (project / "site", data)):
        plan = protocol["plans"]["acne-scars"]
        acne = prose(page(root, "conditions/acne-scars"))
        assert f"most common plan was {plan['sessions']['typical']} sessions, {plan['interval_days']['typical'] // 7} weeks apart" in acne
        makeup = next(m["day"] for m in protocol["aftercare"] if m["id"] == "makeup")
        assert f"This guide says day {makeup}," in prose(page(root, "aftercare"))
