"""JSON-LD rendering: honest schema.org properties, numbers from the plan."""
import datetime as dt
import json

from pipeline.data.governance import ClinicalReview, ReviewStatus
from pipeline.data.protocol import Plan, Protocol, Range
from pipeline.data.publisher import Publisher
from pipeline.data.references import Reference
from pipeline.data.reviewers import Reviewer
from pipeline.pages.structured_data import how_performed, page_structured_data, to_script_text

PLAN = Plan(id="acne-scars", name="Acne scars", page="conditions/acne-scars.md", sessions=Range(3, 2, 6),
            interval_days=Range(28, 14, 42), evidence="moderate", results_check_weeks=26, references=("Alam2014",))
PROTOCOL = Protocol(plans={"acne-scars": PLAN}, aftercare=())
REFERENCES = {"Alam2014": Reference(key="Alam2014", label="Alam 2014", citation="Alam M. A trial.", checked="abstract", doi="10.1/x")}
META = {"title": "Acne scars", "description": "About acne scars.", "references": ["Alam2014"]}
PENDING = ReviewStatus(dt.date(2026, 11, 23), "our editors", None, dt.date(2027, 11, 23), False)
REVIEWER = Reviewer("a-name", "Dr A. Name", "Consultant dermatologist", "GMC", "1234567", "None")
PUBLISHER = Publisher("Example project", "an independent open-source project")


def render(page_src="conditions/acne-scars.md", has_calculator=False, status=PENDING):
    return page_structured_data(page_src=page_src, meta=META, url="https://example.org/conditions/acne-scars/", language="en",
                                status=status, publisher=PUBLISHER, site_name="Site", site_url="https://example.org/",
                                protocol=PROTOCOL, references=REFERENCES, has_calculator=has_calculator)


def signed(current: bool) -> ReviewStatus:
    review = ClinicalReview(REVIEWER, dt.date(2026, 12, 1), (), current)
    return ReviewStatus(dt.date(2026, 11, 23), "our editors", review, dt.date(2027, 11, 23), False)


def test_an_editorial_check_is_not_presented_as_a_review():
    data = render()
    assert "lastReviewed" not in data and "reviewedBy" not in data
    assert data["dateModified"] == "2026-11-23"
    assert data["editor"] == {"@type": "Organization", "name": "Editors of the Example project"}
    assert data["publisher"] == {"@type": "Organization", "name": "Example project",
                                 "description": "an independent open-source project", "url": "https://example.org/"}
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"


def test_only_a_current_clinical_sign_off_is_a_review():
    data = render(status=signed(current=True))
    assert data["lastReviewed"] == "2026-12-01"
    assert data["reviewedBy"] == {"@type": "Person", "name": "Dr A. Name", "jobTitle": "Consultant dermatologist"}
    stale = render(status=signed(current=False))
    assert "lastReviewed" not in stale and "reviewedBy" not in stale


def test_medical_web_page_from_front_matter():
    data = render()
    assert data["@context"] == "https://schema.org" and data["@type"] == "MedicalWebPage"
    assert (data["name"], data["description"]) == ("Acne scars", "About acne scars.")
    assert data["audience"] == {"@type": "MedicalAudience", "audienceType": "Patient"}
    assert data["about"] == {"@type": "MedicalCondition", "name": "Acne scars"}
    assert data["citation"] == ["https://doi.org/10.1/x"], "a source with a DOI is cited by its address"
    assert "mainEntity" not in data


def test_procedure_numbers_come_from_the_plan():
    procedure = render("treatment-plan.md", has_calculator=True)["mainEntity"][0]
    assert procedure["@type"] == "MedicalProcedure"
    assert procedure["procedureType"] == "https://schema.org/PercutaneousProcedure"
    assert "2 to 6 sessions (3 is typical), 14 to 42 days apart (28 days is typical)" in procedure["howPerformed"]
    assert "26 weeks after the last session" in procedure["followup"]
    assert procedure["url"] == "https://example.org/conditions/acne-scars/"


def test_a_plan_whose_studies_used_one_value_states_it_once():
    single = Plan(id="pigmentation", name="Melasma", page="conditions/pigmentation.md", sessions=Range(3, 3, 3),
                  interval_days=Range(28, 28, 28), evidence="low", results_check_weeks=12, references=("Alam2014",))
    assert how_performed(single).endswith("Studies used 3 sessions, 28 days apart.")


def test_script_text_cannot_close_the_script_element():
    text = to_script_text({"name": "</script><b>&"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><b>&"}
