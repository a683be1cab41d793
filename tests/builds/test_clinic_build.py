"""The site built twice, as shipped (no clinic) and with the sample clinic of
tests/fixtures/clinic/: what a clinic changes, and only that."""
from __future__ import annotations

import json
import re
from types import SimpleNamespace

import yaml
from bs4 import BeautifulSoup

from expected import raw_protocol, session_days, start_value
from site_checks.sitebuild import ROOT, build, copy_project

CLINIC = "Riverside Skin Clinic"


def soup(built, path: str) -> BeautifulSoup:
    return BeautifulSoup((built.root / path).read_text(encoding="utf-8"), "html.parser")


def clinic_settings(built) -> dict:
    return yaml.safe_load((built.project / "docs" / "_data" / "clinic.yml").read_text(encoding="utf-8"))


def brand_colour_styles(page: BeautifulSoup) -> list[str]:
    """The <style> elements of the head that set the clinic's brand colour (an
    embed page's inline rules also hold Material's own :root colours)."""
    return [style.get_text() for style in page.head.find_all("style")
            if style.get_text().startswith(":root{--md-primary-fg-color:")]


def test_without_a_clinic_no_clinic_is_named_and_advice_is_neutral(site):
    for path in ("index.html", "conditions/acne-scars/index.html", "embed/aftercare/index.html"):
        page = soup(site, path)
        assert page.select(".clinic-strip") == [], path
        assert brand_colour_styles(page) == [], f"{path}: no brand colour"
    advice = soup(site, "conditions/acne-scars/index.html").select_one(".clinic-cta").get_text(" ", strip=True)
    assert "qualified practitioner" in advice and "Call" not in advice
    assert soup(site, "faq/index.html").select(".clinic-cta") == [], "contact boxes only on condition and treatment pages"


def test_the_clinic_appears_in_the_header_pages_embeds_and_print_footer(clinic_site):
    settings = clinic_settings(clinic_site)
    for path in ("index.html", "safety/index.html", "embed/conditions/acne-scars/index.html"):
        strip = soup(clinic_site, path).select_one(".clinic-strip")
        assert strip is not None and CLINIC in strip.get_text(), path
        links = {a["href"] for a in strip.select("a")}
        assert links == {"tel:+442079460000", settings["booking_url"]}
        assert strip.img["src"].endswith("assets/images/clinic-logo.svg")
    for path in ("aftercare/index.html", "embed/aftercare/index.html"):
        [brand] = brand_colour_styles(soup(clinic_site, path))
        assert brand.startswith(f":root{{--md-primary-fg-color:{settings['brand_colour']}"), path
    page = soup(clinic_site, "aftercare/index.html")
    footer = page.select_one(".review-info .print-only").get_text(" ", strip=True)
    assert CLINIC in footer and settings["phone"] in footer and settings["address"] in footer


def test_the_clinic_plan_is_used_and_labelled_as_the_clinics(clinic_site):
    own = clinic_settings(clinic_site)["plans"]["acne-scars"]
    plan = raw_protocol(clinic_site.project)["plans"]["acne-scars"]
    box = soup(clinic_site, "conditions/acne-scars/index.html").select_one(".clinic-cta").get_text(" ", strip=True)
    weeks = own["interval_days"] // 7
    assert f"{CLINIC}'s usual plan for acne scars: {own['sessions']} sessions, {weeks} weeks apart" in box
    assert f"{plan['sessions']['min']} to {plan['sessions']['max']} sessions" in box, "the studies' range beside it"
    calculator = soup(clinic_site, "treatment-plan/index.html").select_one("[data-calculator]")
    assert calculator.caption.get_text().startswith(f"{CLINIC}'s usual schedule for acne scars")
    shown = [int(re.match(r"Day (\d+)", row.select("td")[0].get_text()).group(1)) for row in calculator.select("[data-calculator-rows] tr")]
    assert shown[:-1] == session_days(own["sessions"], own["interval_days"])
    data = json.loads(calculator.select_one("template").get_text())
    assert data["plans"]["acne-scars"]["defaults"] == {"sessions": own["sessions"], "intervalDays": own["interval_days"]}
    assert data["plans"]["acne-scars"]["defaultsCaption"] == f"{CLINIC}'s usual schedule for"
    stretch = raw_protocol(clinic_site.project)["plans"]["stretch-marks"]
    stretch_start = "Typical schedule for" if "typical" in stretch["sessions"] else "A schedule studies used for"
    assert data["plans"]["stretch-marks"]["defaultsCaption"] == stretch_start, "plans the clinic did not set keep the studies' plan"
    assert data["plans"]["stretch-marks"]["defaults"]["sessions"] == start_value(stretch["sessions"])
    # The clinic's own 5-week gap is offered beside the studied ones, and only for its plan.
    assert str(own["interval_days"]) in data["plans"]["acne-scars"]["intervalLabels"]
    assert str(own["interval_days"]) not in data["plans"]["fine-lines"]["intervalLabels"]


def article_without_clinic(built, path: str) -> str:
    article = soup(built, path).select_one("article")
    for part in article.select(".clinic-cta, .print-only"):
        part.decompose()
    return str(article)


def test_a_clinic_changes_nothing_else_in_the_content(site, clinic_site):
    pages = list(site.pages())
    assert len(pages) >= 80, "both languages' pages and embed pages"
    for page in pages:
        path = page.relative_to(site.root).as_posix()
        if path.removeprefix("embed/").removeprefix("es/") in {"treatment-plan/index.html", "404.html", "embedding/index.html"}:
            continue  # the calculator carries the clinic's plan; tested above
        ours, theirs = article_without_clinic(site, path), article_without_clinic(clinic_site, path)
        assert ours.replace(site.url, "") == theirs.replace(clinic_site.url, ""), path


def test_a_clinic_value_outside_the_protocol_range_stops_the_build(site, tmp_path):
    project = copy_project(tmp_path / "project", site.project)
    (project / "docs" / "_data" / "clinic.yml").write_text(
        "name: Riverside Skin Clinic\nplans:\n  stretch-marks: {sessions: 12}\n", encoding="utf-8")
    result = build(project)
    output = result.stdout + result.stderr
    maximum = raw_protocol(project)["plans"]["stretch-marks"]["sessions"]["max"]
    assert result.returncode != 0 and not (project / "site").exists()
    assert "docs/_data/clinic.yml:3:29: plans.stretch-marks.sessions: 12 is outside the range" in output
    assert f"to {maximum})" in output


def test_a_clinic_that_sets_only_sessions_is_credited_with_sessions_only(tmp_path):
    project = copy_project(tmp_path / "project", ROOT)
    (project / "docs" / "_data" / "clinic.yml").write_text(
        f"name: {CLINIC}\nplans:\n  acne-scars: {{sessions: 4}}\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    typical_weeks = raw_protocol(project)["plans"]["acne-scars"]["interval_days"]["typical"] // 7
    built = SimpleNamespace(root=project / "site")
    calculator = soup(built, "treatment-plan/index.html").select_one("[data-calculator]")
    interval_hint = calculator.select_one("[data-calculator-interval-hint]").get_text()
    assert CLINIC not in interval_hint, f"the studies' {typical_weeks} weeks credited to the clinic: {interval_hint}"
    assert f"{CLINIC} usually plans 4." in calculator.select_one("[data-calculator-sessions-hint]").get_text()
    caption = calculator.caption.get_text()
    assert caption.startswith(f"Schedule for acne scars: 4 sessions, {typical_weeks} weeks apart"), caption
    box = soup(built, "conditions/acne-scars/index.html").select_one(".clinic-cta").get_text(" ", strip=True)
    assert f"{CLINIC} usually plans 4 sessions for acne scars. This is the clinic's own choice" in box
    assert "weeks apart" not in box


def test_an_empty_clinic_plan_entry_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project", ROOT)
    (project / "docs" / "_data" / "clinic.yml").write_text(
        f"name: {CLINIC}\nplans:\n  acne-scars: {{}}\n", encoding="utf-8")
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and not (project / "site").exists()
    assert "docs/_data/clinic.yml:3:3: plans.acne-scars: sets no value; give sessions, interval_days or both" in output
