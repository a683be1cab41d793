"""Expected schedules computed independently of pipeline/: from the raw YAML,
with the plain rule "session n falls (n - 1) intervals after the first"."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml


def raw_protocol(project: Path) -> dict:
    return yaml.safe_load((project / "docs" / "_data" / "protocol.yml").read_text())


def session_days(sessions: int, interval: int) -> list[int]:
    return [n * interval for n in range(sessions)]


def start_value(values: dict) -> int:
    """The value the calculator starts from: `typical`, or the studies' smallest."""
    return values.get("typical", values["min"])


def from_first(plan: dict) -> bool:
    return plan.get("results_counted_from") == "first-session"


def results_day(sessions: int, interval: int, results_weeks: int, first: bool) -> int:
    """The check falls `results_weeks` after the first (or last) session, and
    never before one more gap has passed after the last session."""
    last = (sessions - 1) * interval
    return max((0 if first else last) + results_weeks * 7, last + interval)


def expected_dates(start: dt.date, sessions: int, interval: int, results_weeks: int, first: bool = False) -> list[dt.date]:
    dates = [start + dt.timedelta(days=day) for day in session_days(sessions, interval)]
    return dates + [start + dt.timedelta(days=results_day(sessions, interval, results_weeks, first))]
