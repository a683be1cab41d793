"""Every word the schedule calculator shows, written once.

The build renders the plain table with these words and sends them, as they
are, to the calculator's scripts (docs/assets/javascripts/), which only fill
the `{slots}` with numbers and dates.  So the page reads the same with or
without JavaScript, and the scripts hold no reader-facing English.
"""
from __future__ import annotations

import datetime as dt
import re

# Plural forms: (one, other); English needs only "1 or not".
PLURALS = {
    "session": ("{n} session", "{n} sessions"),
    "week": ("{n} week", "{n} weeks"),
    "day": ("{n} day", "{n} days"),
    "event": ("{n} event", "{n} events"),
}

TEMPLATES = {
    "dayShort": "Day {day}",
    "dayLong": "Day {day} ({span})",
    "weeksAndDays": "{weeks} {days}",
    "sessionLabel": "Session {n}",
    "resultsLabel": "Results check",
    "milestone": "{when}: {title}",
    "summary": "{plan}: {sessions}, {interval} apart",
    "captionDefault": "{whose} {summary}",
    "captionChanged": "Schedule for {summary}",
    "captionDated": "Your schedule for {summary}, starting {date}",
    "statusUpdated": "Schedule updated. {summary}.",
    "statusUpdatedDated": "Schedule updated. {summary}. Last session {date}.",
    "statusDownloaded": "Calendar file downloaded with {events}.",
    "dateError": "Enter a real date between the years 2000 and 2099.",
    "chosenDate": "You chose {date}.",
    # The field shows the browser's own order of day, month and year; the
    # hint names none, and the chosen date is repeated in words.
    "dateHint": "Type the date in the order the box shows, or pick it from the calendar. Then check the date we show in words.",
    "cardHeading": "{label}: {when}",
    # The printed plan (one A4 page after "Print this plan").
    "printTitle": "Your microneedling plan",
    "printClinic": "Clinic: {clinic}",
    "printStart": "First session:",
    "printNoStart": "not chosen yet",
    "printedOn": "Printed on:",
    "printValidUntil": "Valid until {date}, when we next check this information.",
    "printCareHeading": "When to get help",
}

CALENDAR = {
    "productId": "-//Microneedling explained//Schedule calculator//EN",
    "fileName": "microneedling-plan.ics",
    "calendarName": "Microneedling plan: {plan}",
    "eventSummary": "Microneedling: {label} ({plan})",
    "aftercareHeading": "Aftercare milestones after this session:",
    "reminder": "Tomorrow: {label} ({plan})",
}

# Dates in words, e.g. "Mon 6 Dec 2027" in the table, "Friday 3 December
# 2027" beside the date field, "Mon 6 Dec" on a session card.
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
DATES = {
    # Sunday first, as JavaScript's getUTCDay() counts.
    "weekdaysShort": [d[:3] for d in (WEEKDAYS[6],) + WEEKDAYS[:6]],
    "weekdaysLong": list((WEEKDAYS[6],) + WEEKDAYS[:6]),
    "monthsShort": [m[:3] for m in MONTHS],
    "monthsLong": list(MONTHS),
    "table": "{weekdayShort} {day} {monthShort} {year}",
    "card": "{weekdayShort} {day} {monthShort}",
    "full": "{weekdayLong} {day} {monthLong} {year}",
}

_SLOT = re.compile(r"\{(\w+)\}")


def fill(template: str, **values) -> str:
    """The same substitution the scripts make (dates.js fill)."""
    return _SLOT.sub(lambda m: str(values[m.group(1)]), template)


def plural(word: str, n: int) -> str:
    one, other = PLURALS[word]
    return fill(one if n == 1 else other, n=n)


def describe_day(day: int) -> str:
    """'Day 0', 'Day 28 (4 weeks)', 'Day 31 (4 weeks 3 days)'."""
    if day < 7:
        return fill(TEMPLATES["dayShort"], day=day)
    whole, rest = divmod(day, 7)
    span = plural("week", whole)
    if rest:
        span = fill(TEMPLATES["weeksAndDays"], weeks=span, days=plural("day", rest))
    return fill(TEMPLATES["dayLong"], day=day, span=span)


def interval_text(days: int) -> str:
    return plural("week", days // 7) if days % 7 == 0 else plural("day", days)


def date_in_words(date: dt.date, pattern: str = "table") -> str:
    weekday = (date.weekday() + 1) % 7  # Sunday first
    return fill(DATES[pattern], weekdayShort=DATES["weekdaysShort"][weekday], weekdayLong=DATES["weekdaysLong"][weekday],
                day=date.day, monthShort=DATES["monthsShort"][date.month - 1], monthLong=DATES["monthsLong"][date.month - 1],
                year=date.year)


def words() -> dict:
    """What the scripts receive (beside the per-plan words in render.calculator_data)."""
    return {"plurals": {k: list(v) for k, v in PLURALS.items()}, "text": TEMPLATES, "calendar": CALENDAR, "dates": DATES}
