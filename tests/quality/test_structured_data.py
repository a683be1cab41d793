"""Structured data: every patient page carries a JSON-LD MedicalWebPage that
matches its front matter, and the page with the calculator a MedicalProcedure
per plan whose numbers are the protocol file's (read here with plain YAML)."""
from __future__ import annotations

import copy
import json

import yaml

from expected import raw_protocol
from site_checks import (
    front_matter, html_pages, json_ld, name_of, of_type, procedure_problems, source_of, web_page_problems,
)


def patient_pages(site):
    """(name, built page, source) of every full page built from Markdown."""
    for path in html_pages(site.root):
        name = name_of(site.root, path)
        source = source_of(site.project, site.root, path)
        if source is not None and not name.startswith("embed/"):
            yield name, path, source


def publisher_name(site) -> str:
    return yaml.safe_load((site.project / "docs" / "_data" / "site.yml").read_text(encoding="utf-8"))["publisher"]


def test_every_patient_page_is_a_medical_web_page(site):
    problems, checked = [], 0
    for name, path, source in patient_pages(site):
        problems += web_page_problems(name, path.read_text(encoding="utf-8"), front_matter(source), publisher_name(site))
        checked += 1
    assert checked >= 2
    assert not problems, "\n".join(problems)


def calculator_page(site):
    return site.root / "treatment-plan" / "index.html"


def test_treatment_plan_page_describes_each_plan_as_a_medical_procedure(site):
    plans = raw_protocol(site.project)["plans"]
    problems = procedure_problems("treatment-plan/index.html", calculator_page(site).read_text(encoding="utf-8"), plans, site.url)
    assert not problems, "\n".join(problems)


def test_every_page_says_its_language(site):
    """inLanguage and <html lang> are the page's language: es under /es/, en elsewhere."""
    languages = {}
    for name, path, _ in patient_pages(site):
        html = path.read_text(encoding="utf-8")
        page = of_type(json_ld(html), "MedicalWebPage")[0]
        languages[name] = page["inLanguage"]
        assert f'<html lang="{page["inLanguage"]}"' in html, name
    assert {n for n, lang in languages.items() if lang == "es"} == {n for n in languages if n.startswith("es/")}
    assert set(languages.values()) == {"en", "es"}


def test_a_wrong_language_is_reported(site):
    path = site.root / "es" / "aftercare" / "index.html"
    html = path.read_text(encoding="utf-8").replace('"inLanguage": "es"', '"inLanguage": "en"').replace('"inLanguage":"es"', '"inLanguage":"en"')
    source = site.project / "docs" / "aftercare.es.md"
    problems = web_page_problems("es/aftercare/index.html", html, front_matter(source), publisher_name(site))
    assert problems == ["es/aftercare/index.html: MedicalWebPage inLanguage (the page's lang) is 'en', expected 'es'"]


def test_only_the_calculator_page_carries_procedures(site):
    calculators = {calculator_page(site), site.root / "es" / "treatment-plan" / "index.html"}
    for path in calculators:
        assert of_type(json_ld(path.read_text(encoding="utf-8")), "MedicalProcedure"), path
    for name, path, _ in patient_pages(site):
        if path not in calculators:
            assert not of_type(json_ld(path.read_text(encoding="utf-8")), "MedicalProcedure"), name


def test_condition_pages_say_what_they_are_about(site):
    for plan in raw_protocol(site.project)["plans"].values():
        path = site.root / plan["page"].removesuffix(".md") / "index.html"
        about = of_type(json_ld(path.read_text(encoding="utf-8")), "MedicalWebPage")[0].get("about")
        assert about == {"@type": "MedicalCondition", "name": plan["name"]}, plan["page"]


def replace_json_ld(html: str, change) -> str:
    start = html.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
    end = html.index("</script>", start)
    data = json.loads(html[start:end])
    change(data)
    return html[:start] + json.dumps(data) + html[end:]


def test_structured_data_checks_find_mistakes(site):
    """Can fail: a page without editorial date or audience, a clinical review
    claimed for a page no clinician signed off, another publisher or licence,
    a procedure with a wrong session count, invalid JSON."""
    name, path, source = next(p for p in patient_pages(site) if p[1] == calculator_page(site))
    html, meta = path.read_text(encoding="utf-8"), front_matter(source)
    assert meta["clinical_review"] == "pending"
    assert web_page_problems(name, html, meta, publisher_name(site)) == []

    def break_page(data):
        del data["dateModified"], data["audience"]
        data["lastReviewed"] = "2026-11-24"  # the false claim this site once made
        data["reviewedBy"] = {"@type": "Organization", "name": "Site editorial team"}
        data["publisher"]["name"] = "A clinic"
        data["license"] = "https://example.org/all-rights-reserved"

    problems = "\n".join(web_page_problems(name, replace_json_ld(html, break_page), meta, publisher_name(site)))
    assert "lacks dateModified" in problems and "lacks audience" in problems
    assert "has lastReviewed, but the front matter records no clinical review" in problems
    assert "has reviewedBy, but the front matter records no clinical review" in problems
    assert "publisher.name" in problems and "license" in problems

    plans = raw_protocol(site.project)["plans"]
    plan_id, plan = next(iter(plans.items()))
    wrong = copy.deepcopy(plans)
    wrong[plan_id]["sessions"]["max"] += 1
    problems = "\n".join(procedure_problems(name, html, wrong, site.url))
    assert f"MedicalProcedure for {plan_id}: howPerformed gives sessions" in problems
    wrong = copy.deepcopy(plans)
    wrong[plan_id]["results_check_weeks"] += 1
    assert "followup" in "\n".join(procedure_problems(name, html, wrong, site.url))

    broken = html.replace('<script type="application/ld+json">{', '<script type="application/ld+json">{,', 1)
    assert "not valid JSON" in web_page_problems(name, broken, meta)[0]
