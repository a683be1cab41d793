"""Schedule arithmetic at the edges of the protocol's ranges."""
from pathlib import Path

import pytest

from macros.protocol import load_protocol
from macros.render import interval_range_text, range_text
from macros.schedule import compute_schedule, describe_day, interval_choices

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


def test_interval_choices_are_whole_weeks_within_range(protocol):
    assert interval_choices(protocol.plan("acne-scars")) == [14, 21, 28, 35, 42]


@pytest.mark.parametrize("day, text", [(0, "Day 0"), (6, "Day 6"), (7, "Day 7 (1 week)"), (31, "Day 31 (4 weeks 3 days)"), (238, "Day 238 (34 weeks)")])
def test_day_wording(day, text):
    assert describe_day(day) == text


def test_prose_ranges(protocol):
    plan = protocol.plan("acne-scars")
    assert range_text(plan.sessions.min, plan.sessions.max) == "2 to 6"
    assert interval_range_text(plan.interval_days) == "2 to 6 weeks"
    assert plan.results_check_months == 6
