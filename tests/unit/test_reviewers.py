"""The reviewers file: only complete entries count, and it is empty as shipped."""
import pytest

from pipeline.data.problems import DataFileError
from pipeline.data.reviewers import load_reviewers
from site_checks.sitebuild import ROOT

COMPLETE = """reviewers:
  a-name:
    name: Dr A. Name
    profession: Consultant dermatologist
    registration:
      body: General Medical Council (UK)
      number: 1234567
    conflicts: None
"""


def load(tmp_path, text):
    path = tmp_path / "reviewers.yml"
    path.write_text(text, encoding="utf-8")
    return load_reviewers(path, "docs/_data/reviewers.yml")


def test_no_clinician_is_listed_as_shipped():
    assert load_reviewers(ROOT / "docs" / "_data" / "reviewers.yml", "reviewers.yml") == {}


def test_a_complete_entry_is_a_reviewer(tmp_path):
    reviewer = load(tmp_path, COMPLETE)["a-name"]
    assert (reviewer.name, reviewer.profession, reviewer.registration_body, reviewer.registration_number, reviewer.conflicts) == (
        "Dr A. Name", "Consultant dermatologist", "General Medical Council (UK)", "1234567", "None")


@pytest.mark.parametrize("remove, line, field", [
    ("      number: 1234567\n", 5, "reviewers.a-name.registration: missing key 'number'"),
    ("    conflicts: None\n", 2, "reviewers.a-name: missing key 'conflicts'"),
    ("    profession: Consultant dermatologist\n", 2, "reviewers.a-name: missing key 'profession'"),
])
def test_an_incomplete_entry_stops_the_build_at_its_line(tmp_path, remove, line, field):
    with pytest.raises(DataFileError) as error:
        load(tmp_path, COMPLETE.replace(remove, ""))
    assert f"docs/_data/reviewers.yml:{line}:" in str(error.value) and field in str(error.value)


def test_empty_details_are_not_details(tmp_path):
    with pytest.raises(DataFileError) as error:
        load(tmp_path, COMPLETE.replace("conflicts: None", 'conflicts: ""'))
    assert "docs/_data/reviewers.yml:8:16: reviewers.a-name.conflicts: expected non-empty text" in str(error.value)
