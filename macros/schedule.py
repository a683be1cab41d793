"""Turn a plan into a dated-free schedule: days counted from the first session.

Pure arithmetic on whole days; the browser adds real dates to these offsets
(scripts in docs/assets/javascripts/calculator.js do the same sum).
"""
from __future__ import annotations

from dataclasses import dataclass

from .protocol import Milestone, Plan


@dataclass(frozen=True)
class Checkpoint:
    """An aftercare milestone after one session, as days from the first session."""

    milestone_id: str
    title: str
    day: int


@dataclass(frozen=True)
class Step:
    kind: str  # "session" or "results"
    label: str
    day: int
    aftercare: tuple[Checkpoint, ...] = ()


def interval_choices(plan: Plan) -> list[int]:
    """Intervals a reader may pick: whole weeks within the range, plus both ends."""
    low, high = plan.interval_days.min, plan.interval_days.max
    return sorted({*range(low, high + 1, 7), high, plan.interval_days.typical})


def compute_schedule(plan: Plan, aftercare: tuple[Milestone, ...], sessions: int | None = None, interval_days: int | None = None) -> list[Step]:
    sessions = plan.sessions.typical if sessions is None else sessions
    interval_days = plan.interval_days.typical if interval_days is None else interval_days
    if not plan.sessions.min <= sessions <= plan.sessions.max:
        raise ValueError(f"{plan.id}: {sessions} sessions is outside the protocol's range {plan.sessions.min}–{plan.sessions.max}")
    if not plan.interval_days.min <= interval_days <= plan.interval_days.max:
        raise ValueError(f"{plan.id}: an interval of {interval_days} days is outside the protocol's range {plan.interval_days.min}–{plan.interval_days.max}")
    steps = []
    for number in range(1, sessions + 1):
        day = (number - 1) * interval_days
        checkpoints = tuple(Checkpoint(m.id, m.title, day + m.day) for m in aftercare if m.day > 0)
        steps.append(Step("session", f"Session {number}", day, checkpoints))
    last = steps[-1].day
    steps.append(Step("results", "Results check", last + plan.results_check_weeks * 7))
    return steps


def describe_day(day: int) -> str:
    """'Day 0', 'Day 28 (4 weeks)', 'Day 31 (4 weeks 3 days)'."""
    if day < 7:
        return f"Day {day}"
    whole, rest = divmod(day, 7)
    weeks_text = f"{whole} week{'s' if whole != 1 else ''}"
    if rest:
        weeks_text += f" {rest} day{'s' if rest != 1 else ''}"
    return f"Day {day} ({weeks_text})"
