"""What a translated page tells its readers about the translation, in the
page's language: which English text it follows, when and by whom it was
translated, whether a clinician checked the translation, and, when the
English page has changed since, a notice at the top with a link to it.

Pure: the translation's status in, plain text out (overrides/partials/
translation-note.html escapes it).  Only Spanish so far: a translation into
another language needs its words here first (a KeyError names it).
"""
from __future__ import annotations

import datetime as dt

from ..data.translation import Translation

MONTHS = {"es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                 "octubre", "noviembre", "diciembre")}

WORDS = {
    "es": {
        "label": "Sobre esta traducción",
        "follows": "Esta página es una traducción de la página en inglés, tal como estaba el {date}.",
        "follows_current": "El texto en inglés no ha cambiado desde entonces.",
        "by": "Tradujo: {by}.",
        "pending": "Revisión clínica de la traducción: pendiente. Ningún profesional clínico ha revisado esta traducción todavía.",
        "reviewed": "Revisión clínica de la traducción: {who}, el {date}{covers}.",
        "changed": "La traducción cambió después de la revisión clínica del {date} por {who}{covers}; "
                   "los cambios no los ha revisado un profesional clínico.",
        "covers": " (secciones: {sections})",
        "english_link": "Leer la página en inglés",
        "outdated": "La versión en inglés se actualizó el {date}; esta traducción puede estar desactualizada.",
        "outdated_undated": "La versión en inglés se actualizó después de esta traducción; esta traducción puede estar desactualizada.",
    },
}


def long_date(day: dt.date, language: str) -> str:
    """'1 de diciembre de 2026'."""
    return f"{day.day} de {MONTHS[language][day.month - 1]} de {day.year}"


def note_data(translation: Translation, language: str, english_href: str) -> dict:
    """The lines the page shows (and the notice at its top, when outdated)."""
    words = WORDS[language]
    lines = [words["follows"].format(date=long_date(translation.date, language))]
    if translation.current:
        lines.append(words["follows_current"])
    lines.append(words["by"].format(by=translation.by))
    review = translation.clinical
    if review is None:
        lines.append(words["pending"])
    else:
        who = f"{review.reviewer.name}, {review.reviewer.profession}"
        covers = words["covers"].format(sections=", ".join(review.scope)) if review.scope else ""
        key = "reviewed" if review.current else "changed"
        lines.append(words[key].format(who=who, date=long_date(review.date, language), covers=covers))
    notice = None
    if not translation.current:
        notice = (words["outdated"].format(date=long_date(translation.source_updated, language))
                  if translation.source_updated else words["outdated_undated"])
    return {"label": words["label"], "lines": lines, "outdated_notice": notice,
            "english_href": english_href, "english_link": words["english_link"]}
