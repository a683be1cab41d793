"""Expected schedules computed independently of macros/: from the raw YAML,
with the plain rule "session n falls (n - 1) intervals after the first"."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml


def raw_protocol(project: Path) -> dict:
    return yaml.safe_load((project / "docs" / "_data" / "protocol.yml").read_text())


def session_days(sessions: int, interval: int) -> list[int]:
    return [n * interval for n in range(sessions)]


def expected_dates(start: dt.date, sessions: int, interval: int, results_weeks: int) -> list[dt.date]:
    dates = [start + dt.timedelta(days=day) for day in session_days(sessions, interval)]
    return dates + [dates[-1] + dt.timedelta(weeks=results_weeks)]
