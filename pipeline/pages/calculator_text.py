"""Every word the schedule calculator shows, written once per language.

The build renders the plain table with these words and sends them, as they
are, to the calculator's scripts (docs/assets/javascripts/), which only fill
the `{slots}` with numbers and dates.  So the page reads the same with or
without JavaScript, and the scripts hold no reader-facing words.  The page's
language (pipeline/pages/language.py) chooses the table; English and Spanish
have the same keys and the same slots (tests/unit/test_wording.py).
"""
from __future__ import annotations

import datetime as dt
import re

# Plural forms: (one, other); English and Spanish need only "1 or not"
# (dates.js plural makes the same choice).
PLURALS = {
    "en": {
        "session": ("{n} session", "{n} sessions"),
        "week": ("{n} week", "{n} weeks"),
        "day": ("{n} day", "{n} days"),
        "event": ("{n} event", "{n} events"),
    },
    "es": {
        "session": ("{n} sesión", "{n} sesiones"),
        "week": ("{n} semana", "{n} semanas"),
        "day": ("{n} día", "{n} días"),
        "event": ("{n} evento", "{n} eventos"),
    },
}

TEXT = {
    "en": {
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
        "printValidUntil": "Valid until {date}, when we next check this information.",
        "printCareHeading": "When to get help",
    },
    "es": {
        "dayShort": "Día {day}",
        "dayLong": "Día {day} ({span})",
        "weeksAndDays": "{weeks} y {days}",
        "sessionLabel": "Sesión {n}",
        "resultsLabel": "Revisión de resultados",
        "milestone": "{when}: {title}",
        "summary": "{plan}: {sessions}, cada {interval}",
        "captionDefault": "{whose} {summary}",
        "captionChanged": "Calendario para {summary}",
        "captionDated": "Su calendario para {summary}, a partir del {date}",
        "statusUpdated": "Calendario actualizado. {summary}.",
        "statusUpdatedDated": "Calendario actualizado. {summary}. Última sesión: {date}.",
        "statusDownloaded": "Se descargó el archivo de calendario con {events}.",
        "dateError": "Escriba una fecha real entre los años 2000 y 2099.",
        "chosenDate": "Usted eligió el {date}.",
        "dateHint": "Escriba la fecha en el orden que muestra la casilla, o elíjala en el calendario. Luego revise la fecha que le mostramos en palabras.",
        "cardHeading": "{label}: {when}",
        "printTitle": "Su plan de microneedling",
        "printClinic": "Clínica: {clinic}",
        "printStart": "Primera sesión:",
        "printNoStart": "todavía sin elegir",
        "printValidUntil": "Válido hasta el {date}, cuando volveremos a revisar esta información.",
        "printCareHeading": "Cuándo pedir ayuda",
    },
}

CALENDAR = {
    "en": {
        "productId": "-//Microneedling explained//Schedule calculator//EN",
        "fileName": "microneedling-plan.ics",
        "calendarName": "Microneedling plan: {plan}",
        "eventSummary": "Microneedling: {label} ({plan})",
        "aftercareHeading": "Aftercare milestones after this session:",
        "reminder": "Tomorrow: {label} ({plan})",
    },
    "es": {
        "productId": "-//Microneedling explained//Schedule calculator//ES",
        "fileName": "plan-de-microneedling.ics",
        "calendarName": "Plan de microneedling: {plan}",
        "eventSummary": "Microneedling: {label} ({plan})",
        "aftercareHeading": "Cuidados después de esta sesión:",
        "reminder": "Mañana: {label} ({plan})",
    },
}

# Dates in words, e.g. "Mon 6 Dec 2027" in the table, "Friday 3 December
# 2027" beside the date field, "Mon 6 Dec" on a session card; written by the
# build (not the browser's Intl), so the table with and without JavaScript reads the same.
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
# Spanish names are lower case; the short forms are the usual abbreviations.
SPANISH_WEEKDAYS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
SPANISH_WEEKDAYS_SHORT = ("lun", "mar", "mié", "jue", "vie", "sáb", "dom")
SPANISH_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                  "septiembre", "octubre", "noviembre", "diciembre")
SPANISH_MONTHS_SHORT = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic")


def _sunday_first(week: tuple[str, ...]) -> list[str]:
    """Sunday first, as JavaScript's getUTCDay() counts."""
    return list((week[6],) + week[:6])


DATES = {
    "en": {
        "weekdaysShort": [d[:3] for d in _sunday_first(WEEKDAYS)],
        "weekdaysLong": _sunday_first(WEEKDAYS),
        "monthsShort": [m[:3] for m in MONTHS],
        "monthsLong": list(MONTHS),
        "table": "{weekdayShort} {day} {monthShort} {year}",
        "card": "{weekdayShort} {day} {monthShort}",
        "full": "{weekdayLong} {day} {monthLong} {year}",
    },
    "es": {
        "weekdaysShort": _sunday_first(SPANISH_WEEKDAYS_SHORT),
        "weekdaysLong": _sunday_first(SPANISH_WEEKDAYS),
        "monthsShort": list(SPANISH_MONTHS_SHORT),
        "monthsLong": list(SPANISH_MONTHS),
        "table": "{weekdayShort} {day} {monthShort} {year}",
        "card": "{weekdayShort} {day} {monthShort}",
        "full": "{weekdayLong}, {day} de {monthLong} de {year}",
    },
}

_SLOT = re.compile(r"\{(\w+)\}")


def fill(template: str, **values) -> str:
    """The same substitution the scripts make (dates.js fill)."""
    return _SLOT.sub(lambda m: str(values[m.group(1)]), template)


def plural(word: str, n: int, lang: str = "en") -> str:
    one, other = PLURALS[lang][word]
    return fill(one if n == 1 else other, n=n)


def describe_day(day: int, lang: str = "en") -> str:
    """'Day 0', 'Day 28 (4 weeks)', 'Day 31 (4 weeks 3 days)'."""
    text = TEXT[lang]
    if day < 7:
        return fill(text["dayShort"], day=day)
    whole, rest = divmod(day, 7)
    span = plural("week", whole, lang)
    if rest:
        span = fill(text["weeksAndDays"], weeks=span, days=plural("day", rest, lang))
    return fill(text["dayLong"], day=day, span=span)


def interval_text(days: int, lang: str = "en") -> str:
    return plural("week", days // 7, lang) if days % 7 == 0 else plural("day", days, lang)


def date_in_words(date: dt.date, pattern: str = "table", lang: str = "en") -> str:
    dates = DATES[lang]
    weekday = (date.weekday() + 1) % 7  # Sunday first
    return fill(dates[pattern], weekdayShort=dates["weekdaysShort"][weekday], weekdayLong=dates["weekdaysLong"][weekday],
                day=date.day, monthShort=dates["monthsShort"][date.month - 1], monthLong=dates["monthsLong"][date.month - 1],
                year=date.year)


def words(lang: str = "en") -> dict:
    """What the scripts receive (beside the per-plan words in render.calculator_data)."""
    return {"plurals": {k: list(v) for k, v in PLURALS[lang].items()}, "text": TEXT[lang],
            "calendar": CALENDAR[lang], "dates": DATES[lang]}
