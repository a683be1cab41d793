"""Turn a plan into a dated-free schedule: days counted from the first session.

Pure arithmetic on whole days; the browser adds real dates to these offsets
(docs/assets/javascripts/dates.js does the same sum).
"""
from __future__ import annotations

from dataclasses import dataclass

from .calculator_text import TEXT, fill
from ..data.protocol import Milestone, Plan


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


def interval_choices(plan: Plan, clinic_choice: int | None = None) -> list[int]:
    """Gaps a reader may pick: only those the protocol file names from studies
    (shortest, typical, longest), plus a clinic's own choice where it set one.
    Gaps in between (e.g. 3 or 5 weeks) were not used by any cited study."""
    i = plan.interval_days
    return sorted({i.min, i.max} | {v for v in (i.typical, clinic_choice) if v is not None})


def after_the_session(aftercare: tuple[Milestone, ...]) -> tuple[Milestone, ...]:
    """The milestones a schedule lists after each session: day 0 is the
    session day itself (the aftercare table has it; the schedule's own row
    for the session stands for it)."""
    return tuple(m for m in aftercare if m.day > 0)


def results_day(plan: Plan, sessions: int, interval_days: int) -> int:
    """Day of the results check, counted from the first session.

    Studies judged results a fixed time after the first or the last session
    (the protocol file says which).  A plan longer than the studies' may end
    after that day; then the check comes one gap after the last session."""
    last = (sessions - 1) * interval_days
    anchor = 0 if plan.results_from_first_session else last
    return max(anchor + plan.results_check_weeks * 7, last + interval_days)


def compute_schedule(plan: Plan, aftercare: tuple[Milestone, ...], sessions: int | None = None, interval_days: int | None = None,
                     lang: str = "en") -> list[Step]:
    sessions = plan.sessions.start if sessions is None else sessions
    interval_days = plan.interval_days.start if interval_days is None else interval_days
    if not plan.sessions.min <= sessions <= plan.sessions.max:
        raise ValueError(f"{plan.id}: {sessions} sessions is outside the protocol's range {plan.sessions.min}–{plan.sessions.max}")
    if not plan.interval_days.min <= interval_days <= plan.interval_days.max:
        raise ValueError(f"{plan.id}: an interval of {interval_days} days is outside the protocol's range {plan.interval_days.min}–{plan.interval_days.max}")
    steps = []
    for number in range(1, sessions + 1):
        day = (number - 1) * interval_days
        checkpoints = tuple(Checkpoint(m.id, m.title, day + m.day) for m in after_the_session(aftercare))
        steps.append(Step("session", fill(TEXT[lang]["sessionLabel"], n=number), day, checkpoints))
    steps.append(Step("results", TEXT[lang]["resultsLabel"], results_day(plan, sessions, interval_days)))
    return steps

