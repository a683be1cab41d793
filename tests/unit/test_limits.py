"""Plausibility limits (pipeline/data/limits.py): a slip of units is stopped with a
hint that names it, the shipped protocol passes, and the staff guide lists
the limits the build applies."""
from pathlib import Path

import pytest

from pipeline.data import limits
from pipeline.data.problems import DataFileError
from pipeline.data.protocol import load_protocol
from site_checks.sitebuild import ROOT

FIXTURES = Path(__file__).parents[1] / "fixtures" / "protocol"


def problems_of(name: str) -> list[str]:
    with pytest.raises(DataFileError) as caught:
        load_protocol(FIXTURES / name, name, {"conditions/acne-scars.md"}, {"Alam2014"})
    return [str(p) for p in caught.value.problems]


def test_weeks_typed_as_days_and_other_slips_are_named():
    problems = problems_of("implausible.yml")
    expected = {
        "implausible.yml:6:41: plans.acne-scars.sessions.max: 28 is outside 1 to 10 sessions; is that the days between sessions?",
        "implausible.yml:7:30: plans.acne-scars.interval_days.typical: 3 is outside 7 to 90 days; did you mean 3 weeks = 21 days?",
        "implausible.yml:7:38: plans.acne-scars.interval_days.min: 2 is outside 7 to 90 days; did you mean 2 weeks = 14 days?",
        "implausible.yml:7:46: plans.acne-scars.interval_days.max: 400 is outside 7 to 90 days",
        "implausible.yml:9:26: plans.acne-scars.results_check_weeks: 182 is outside 1 to 104 weeks (two years); did you mean 182 days = about 26 weeks?",
        "implausible.yml:13:23: aftercare[1].day: 168 is outside 0 to 60 days after a session; did you mean 168 hours = 7 days?",
    }
    for line in expected:
        assert any(p.startswith(line) for p in problems), f"{line!r} not in:\n" + "\n".join(problems)
    assert len(problems) == len(expected)


def test_the_shipped_protocol_is_within_the_limits():
    docs = ROOT / "docs"
    pages = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    from pipeline.data.references import load_references

    references = load_references(docs / "_data" / "references.yml", "references.yml")
    protocol = load_protocol(docs / "_data" / "protocol.yml", "protocol.yml", pages, set(references))
    for plan in protocol.plans.values():
        for value in (plan.sessions.min, plan.sessions.max):
            assert 1 <= value <= 10
        for value in (plan.interval_days.min, plan.interval_days.max):
            assert 7 <= value <= 90


def test_limits_are_the_ones_issue_14_asks_for():
    # Written out here, not read from the module: a change of limit must be deliberate.
    assert (limits.SESSIONS.low, limits.SESSIONS.high) == (1, 10)
    assert (limits.INTERVAL_DAYS.low, limits.INTERVAL_DAYS.high) == (7, 90)
    assert (limits.AFTERCARE_DAY.low, limits.AFTERCARE_DAY.high) == (0, 60)
    assert limits.RESULTS_CHECK_WEEKS.high == 104  # two years


def test_staff_guide_lists_the_limits_the_build_applies():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert limits.staff_table() in guide, (
        "CONTRIBUTING.md's list of limits differs from pipeline/data/limits.py; "
        "paste the output of `.venv/bin/python -m pipeline.data.limits` under 'Limits'")
