"""Plausibility limits for every number and text field staff edit, in one place.

A value outside these limits is almost always a slip (weeks typed into a
days field) or an attack on the build (a 200,000-session plan builds a
7 MB page).  The protocol and clinic loaders and the page checks read their
limits from here; CONTRIBUTING.md lists them (a test keeps that list equal
to `staff_table()`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class NumberLimit:
    field: str  # as staff see it in the file
    low: int
    high: int
    unit: str
    hint: Callable[[int], str] = lambda value: ""

    def problem(self, value: int) -> str | None:
        """None when `value` is plausible, else what is wrong and the likely slip."""
        if self.low <= value <= self.high:
            return None
        return f"{value} is outside {self.low} to {self.high} {self.unit}{self.hint(value)}"


def weeks_as_days(value: int, low: int | None = None, high: int | None = None) -> str:
    """The hint for a gap typed in weeks where days are asked, when that
    many weeks in days lies between low and high (default: any gap the
    protocol file may hold); used for the clinic's plan choices too."""
    low = INTERVAL_DAYS.low if low is None else low
    high = INTERVAL_DAYS.high if high is None else high
    return f"; did you mean {value} week{'' if value == 1 else 's'} = {value * 7} days?" if low <= value * 7 <= high else ""


def _hours_as_days(value: int) -> str:
    days = value // 24
    return f"; did you mean {value} hours = {days} days?" if value % 24 == 0 and days <= AFTERCARE_DAY.high else ""


def _days_as_weeks(value: int) -> str:
    weeks = round(value / 7)
    return f"; did you mean {value} days = about {weeks} weeks?" if 1 <= weeks <= RESULTS_CHECK_WEEKS.high else ""


def _interval_as_sessions(value: int) -> str:
    return "; is that the days between sessions? This field counts treatments" if value >= 7 else ""


SESSIONS = NumberLimit("sessions (typical, min, max)", 1, 10, "sessions", _interval_as_sessions)
INTERVAL_DAYS = NumberLimit("interval_days (typical, min, max)", 7, 90, "days", weeks_as_days)
AFTERCARE_DAY = NumberLimit("aftercare day", 0, 60, "days after a session", _hours_as_days)
RESULTS_CHECK_WEEKS = NumberLimit("results_check_weeks", 1, 104, "weeks (two years)", _days_as_weeks)
NUMBERS = (SESSIONS, INTERVAL_DAYS, AFTERCARE_DAY, RESULTS_CHECK_WEEKS)

# Longest text, in characters, per field (single-line fields also refuse
# line breaks and invisible characters: pipeline/data/safe_text.py).
TEXT = {
    "plan name": 80,
    "aftercare title": 80,
    "aftercare advice": 600,
    "reference label": 60,
    "reference citation and note": 600,
    "page title": 80,
    "page editorial_check.by": 120,
    "page translation.by": 120,
    "sign": 160,
    "clinic name": 80,
    "clinic address": 200,
    "clinic phone": 30,
    "web address (booking_url, reference url)": 300,
    "logo path": 200,
}


def staff_table() -> str:
    """The limits as the Markdown table in CONTRIBUTING.md ("Limits")."""
    rows = ["| Field | Allowed |", "|---|---|"]
    rows += [f"| `{limit.field}` | {limit.low} to {limit.high} {limit.unit} |" for limit in NUMBERS]
    rows += [f"| {field} | at most {length} characters |" for field, length in TEXT.items()]
    return "\n".join(rows)


if __name__ == "__main__":
    print(staff_table())
