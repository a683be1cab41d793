"""Schedule arithmetic at the edges of the protocol's ranges."""
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.data.protocol import load_protocol
from pipeline.pages.render import interval_range_text, range_text, results_time_text
from pipeline.pages.calculator_text import describe_day
from pipeline.pages.schedule import compute_schedule, interval_choices

FIXTURE = Path(__file__).parents[1] / "fixtures" / "protocol" / "valid.yml"


@pytest.fixture(scope="module")
def protocol():
    return load_protocol(FIXTURE, "valid.yml", {"conditions/acne-scars.md"}, {"Alam2014"})


def days(steps):
    return [(s.label, s.day) for s in steps]


def test_typical_plan(protocol):
    # valid.yml: 3 sessions, 28 days apart, results 26 weeks after the last.
    steps = compute_schedule(protocol.plan("acne-scars"), protocol.aftercare)
    assert days(steps) == [("Session 1", 0), ("Session 2", 28), ("Session 3", 56), ("Results check", 56 + 182)]


def test_fewest_sessions_longest_interval(protocol):
    steps = compute_schedule(protocol.plan("acne-scars"), protocol.aftercare, sessions=2, interval_days=42)
    assert days(steps) == [("Session 1", 0), ("Session 2", 42), ("Results check", 224)]


def test_most_sessions_shortest_interval(protocol):
    steps = compute_schedule(protocol.plan("acne-scars"), protocol.aftercare, sessions=6, interval_days=14)
    assert [s.day for s in steps if s.kind == "session"] == [0, 14, 28, 42, 56, 70]
    assert steps[-1].day == 70 + 26 * 7


@pytest.mark.parametrize("sessions, interval", [(1, 28), (7, 28), (3, 13), (3, 43)])
def test_values_outside_the_protocol_are_refused(protocol, sessions, interval):
    with pytest.raises(ValueError, match="outside the protocol's range"):
        compute_schedule(protocol.plan("acne-scars"), protocol.aftercare, sessions=sessions, interval_days=interval)


def test_aftercare_checkpoints_follow_each_session(protocol):
    steps = compute_schedule(protocol.plan("acne-scars"), protocol.aftercare, sessions=2, interval_days=14)
    # The day-0 milestone is the session itself; make-up is day 1 after each.
    assert [(c.milestone_id, c.day) for c in steps[1].aftercare] == [("makeup", 15)]
    assert steps[-1].aftercare == ()


def test_interval_choices_are_exactly_the_studied_gaps(protocol):
    # valid.yml: acne-scars gaps 14 (shortest), 28 (typical), 42 (longest):
    # no 3- or 5-week gap, which no cited study used.
    assert interval_choices(protocol.plan("acne-scars")) == [14, 28, 42]


def test_a_clinics_own_gap_is_added_to_the_studied_ones(protocol):
    assert interval_choices(protocol.plan("acne-scars"), clinic_choice=35) == [14, 28, 35, 42]


@pytest.fixture(scope="module")
def no_typical():
    return load_protocol(FIXTURE.with_name("no-typical.yml"), "no-typical.yml", {"conditions/stretch-marks.md"}, {"Alam2014"})


def test_without_typical_the_calculator_starts_from_the_studies_smallest_plan(no_typical):
    plan = no_typical.plan("stretch-marks")
    assert (plan.sessions.typical, plan.interval_days.typical) == (None, None)
    assert interval_choices(plan) == [14, 28]
    # Starts at 4 sessions, 14 days apart; results 21 weeks after the FIRST
    # session (day 147), later than one gap after the last (day 42 + 14).
    steps = compute_schedule(plan, no_typical.aftercare)
    assert days(steps) == [("Session 1", 0), ("Session 2", 14), ("Session 3", 28), ("Session 4", 42), ("Results check", 147)]


def test_results_counted_from_the_first_session_by_hand(no_typical):
    plan = no_typical.plan("stretch-marks")
    # 5 sessions 28 days apart: last on day 112; 21 weeks = day 147.
    assert compute_schedule(plan, no_typical.aftercare, sessions=5, interval_days=28)[-1].day == 147


def test_a_plan_longer_than_the_studies_checks_one_gap_after_its_last_session(protocol):
    plan = protocol.plan("acne-scars")
    first = replace(plan, results_counted_from="first-session")
    # 6 sessions 42 days apart end on day 210, after week 26 (day 182): check on day 252.
    assert compute_schedule(first, protocol.aftercare, sessions=6, interval_days=42)[-1].day == 252
    # 3 sessions 28 days apart end on day 56: the studies' day 182 stands.
    assert compute_schedule(first, protocol.aftercare, sessions=3, interval_days=28)[-1].day == 182


@pytest.mark.parametrize("day, text", [(0, "Day 0"), (6, "Day 6"), (7, "Day 7 (1 week)"), (31, "Day 31 (4 weeks 3 days)"), (238, "Day 238 (34 weeks)")])
def test_day_wording(day, text):
    assert describe_day(day) == text


def test_prose_ranges(protocol):
    plan = protocol.plan("acne-scars")
    assert range_text(plan.sessions.min, plan.sessions.max) == "2 to 6"
    assert interval_range_text(plan.interval_days) == "2 to 6 weeks"
    assert plan.results_check_months == 6
    assert results_time_text(plan) == "about 6 months after your last session"
    assert results_time_text(replace(plan, results_check_weeks=12, results_counted_from="first-session")) == "12 weeks after your first session"
