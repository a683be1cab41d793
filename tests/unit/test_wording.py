"""Every word the build writes exists in English and Spanish, with the same
{slots}, and the Spanish pages' pieces read as a Spanish reader expects:
dates, ranges, the calculator, care cards, the review box, sources."""
from __future__ import annotations

import datetime as dt
import json
import re
from html import unescape
from pathlib import Path

import pytest

from pipeline.data import governance
from pipeline.data.clinic import NO_CLINIC
from pipeline.data.protocol import Range, load_protocol
from pipeline.data.publisher import Country, Publisher
from pipeline.data.references import Reference
from pipeline.data.warning_signs import WarningSigns, care_cards_html, care_cards_text
from pipeline.pages import calculator_text, page_footer, render, wording
from pipeline.pages.language import LANGUAGES

FIXTURE = Path(__file__).parents[1] / "fixtures" / "protocol" / "valid.yml"
SLOT = re.compile(r"\{(\w+)\}")


def differences(tables: dict[str, dict]) -> list[str]:
    """What one language's table has that another's lacks: keys, or slots of a key."""
    found = []
    english = tables["en"]
    for lang, table in tables.items():
        for key in english.keys() ^ table.keys():
            found.append(f"{lang}: key '{key}' is in only one language")
        for key in english.keys() & table.keys():
            if sorted(SLOT.findall(json.dumps(english[key]))) != sorted(SLOT.findall(json.dumps(table[key]))):
                found.append(f"{lang}: '{key}' has other slots than the English")
    return found


TABLES = {
    "wording.WORDS": wording.WORDS,
    "wording.TEMPLATE_WORDS": wording.TEMPLATE_WORDS,
    "calculator_text.TEXT": calculator_text.TEXT,
    "calculator_text.PLURALS": calculator_text.PLURALS,
    "calculator_text.CALENDAR": calculator_text.CALENDAR,
    "calculator_text.DATES": calculator_text.DATES,
}


@pytest.mark.parametrize("name", TABLES)
def test_every_language_has_the_same_keys_and_slots(name):
    assert set(TABLES[name]) == set(LANGUAGES)
    assert differences(TABLES[name]) == []


def test_a_missing_key_or_a_lost_slot_is_found():
    broken = {"en": {"a": "Source {number}: {label}", "b": "x"}, "es": {"a": "Fuente {number}"}}
    assert sorted(differences(broken)) == ["es: 'a' has other slots than the English", "es: key 'b' is in only one language"]


def test_spanish_words_are_not_the_english_ones():
    # A copied English table would pass the key check; words a reader sees differ.
    same = [k for k, v in wording.WORDS["es"].items() if v == wording.WORDS["en"][k] and SLOT.sub("", v).strip(" .,:;()")]
    assert same == []
    assert calculator_text.TEXT["es"]["sessionLabel"] != calculator_text.TEXT["en"]["sessionLabel"]


# --- dates and numbers ------------------------------------------------------------------

def test_dates_in_spanish_words():
    # 3 December 2027 is a Friday; 6 December 2027 a Monday (a 2027 calendar).
    friday = dt.date(2027, 12, 3)
    assert calculator_text.date_in_words(friday, "full", "es") == "viernes, 3 de diciembre de 2027"
    assert calculator_text.date_in_words(dt.date(2027, 12, 6), "table", "es") == "lun 6 dic 2027"
    assert calculator_text.date_in_words(dt.date(2028, 1, 2), "card", "es") == "dom 2 ene"
    assert wording.long_date(dt.date(2026, 12, 1), "es") == "1 de diciembre de 2026"
    assert calculator_text.date_in_words(friday, "full") == "Friday 3 December 2027"


def test_ranges_and_plurals_in_spanish():
    assert render.range_text(2, 6, "es") == "2 a 6"
    assert render.range_text(3, 3, "es") == "3"
    assert render.interval_range_text(Range(None, 14, 42), "es") == "2 a 6 semanas"
    assert render.interval_range_text(Range(None, 10, 30), "es") == "10 a 30 días"
    assert render.interval_range_text(Range(None, 28, 28), "es") == "4 semanas"
    assert calculator_text.plural("session", 1, "es") == "1 sesión"
    assert calculator_text.plural("session", 3, "es") == "3 sesiones"
    assert calculator_text.describe_day(31, "es") == "Día 31 (4 semanas y 3 días)"
    assert calculator_text.describe_day(7, "es") == "Día 7 (1 semana)"


@pytest.fixture(scope="module")
def protocol():
    return load_protocol(FIXTURE, "valid.yml", {"conditions/acne-scars.md"}, {"Alam2014"})


def test_results_time_in_spanish(protocol):
    plan = protocol.plan("acne-scars")  # valid.yml: 26 weeks after the last session
    assert render.results_time_text(plan, "es") == "unos 6 meses después de su última sesión"


# --- the calculator --------------------------------------------------------------------

def visible_text(html: str) -> str:
    html = re.sub(r"<template.*?</template>|<script.*?</script>", " ", html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", html))


def test_the_calculator_in_spanish(protocol):
    html = render.calculator(protocol, "acne-scars", NO_CLINIC, valid_until=dt.date(2027, 12, 3), lang="es")
    text = visible_text(html)
    for words in ("Calcule sus propias fechas", "Fecha de su primera sesión", "Número de sesiones", "Tiempo entre sesiones",
                  "Descargar a su calendario (.ics)", "Imprimir este plan", "Días desde la primera sesión", "Sesión 1",
                  "Día 28 (4 semanas)", "Revisión de resultados", "Válido hasta el viernes, 3 de diciembre de 2027",
                  "Nada de lo que escribe aquí sale de su dispositivo"):
        assert words in text, words
    for english in ("Session", "Day ", "Print", "Download", "weeks", "Studies", "Nothing"):
        assert english not in text, english
    data = json.loads(unescape(re.search(r"<template data-calculator-data[^>]*>(.*?)</template>", html, re.S).group(1)))
    assert data["words"]["dates"]["full"] == "{weekdayLong}, {day} de {monthLong} de {year}"
    assert data["words"]["calendar"]["eventSummary"].startswith("Microneedling: ")
    assert data["words"]["calendar"]["reminder"].startswith("Mañana")
    plan = data["plans"]["acne-scars"]
    assert plan["intervalLabels"]["28"] == "4 semanas"
    assert plan["resultsNote"].startswith("Los estudios valoraron los resultados unos 6 meses")


def test_the_english_calculator_has_no_spanish(protocol):
    text = visible_text(render.calculator(protocol, "acne-scars", NO_CLINIC))
    assert "Session 1" in text and "Sesión" not in text and "Día" not in text


def test_the_schedule_rows_with_a_date_in_spanish(protocol):
    steps = render.compute_schedule(protocol.plan("acne-scars"), protocol.aftercare, 2, 28, "es")
    rows = render.schedule_rows(steps, protocol.plan("acne-scars"), dt.date(2027, 12, 6), "es")
    # Session 2 is 28 days after Monday 6 December 2027: Monday 3 January 2028.
    assert '<time datetime="2028-01-03">lun 3 ene 2028</time>' in rows
    assert "Sesión 2" in rows


# --- care cards, review box, publisher ----------------------------------------------------

SPANISH_PUBLISHER = Publisher("Microneedling, explained project", "un proyecto independiente", funding="ninguna", adverts=False,
                              countries=(Country("Estados Unidos", "911"), Country("Reino Unido", "999", "111")))
SIGNS = WarningSigns(("ampollas",), ("fiebre",), ("dificultad para respirar",))


def test_care_cards_in_spanish():
    html = care_cards_html(SIGNS, SPANISH_PUBLISHER, lang="es")
    assert ">Contacte a su clínica o a un médico<" in html
    assert ">Llame al 911 (Estados Unidos) o al 999 (Reino Unido)<" in html
    assert "o llame al 111 (Reino Unido) para pedir consejo" in html
    text = care_cards_text(SIGNS, SPANISH_PUBLISHER, "es")
    assert "Llame ahora si tiene:\n- dificultad para respirar" in text


def test_spanish_readers_elsewhere_are_told_to_call_their_own_emergency_number():
    """The card gives the numbers of the countries served; a Spanish reader
    may live in any other: one plain line, with no number of its own."""
    line = "Si está en otro país, llame al número de emergencias de ese país."
    html = care_cards_html(SIGNS, SPANISH_PUBLISHER, lang="es")
    emergency = html[html.index("care-card--emergency"):]
    assert emergency.index(">Llame al 911 (Estados Unidos)") < emergency.index(f">{line}<") < emergency.index(">Llame ahora si tiene:<")
    assert html.count(line) == 1 and not re.search(r"\d", line)
    assert f"(Reino Unido). {line} Llame ahora si tiene:" in care_cards_text(SIGNS, SPANISH_PUBLISHER, "es")
    # The English cards are unchanged; without countries the heading itself says it.
    english = care_cards_html(SIGNS, Publisher("P", countries=(Country("United States", "911"),)))
    assert 'care-card__note' not in english and "<h3 class=\"care-card__heading\">Call 911 (United States)</h3><p>Call now if you have:</p>" in english
    assert 'care-card__note' not in care_cards_html(SIGNS, Publisher("P"), lang="es")


def test_publisher_lines_in_spanish():
    assert SPANISH_PUBLISHER.statement("es") == ("Publicado por: Microneedling, explained project, un proyecto independiente. "
                                                 "Financiación: ninguna. Sin publicidad.")
    assert SPANISH_PUBLISHER.emergency_text("es") == (
        "En una emergencia, llame al 911 en Estados Unidos o al 999 en Reino Unido. "
        "En Reino Unido, llame al 111 para pedir consejo urgente cuando no sea una emergencia.")
    assert SPANISH_PUBLISHER.countries_text("es") == "Estados Unidos y Reino Unido"


def status(overdue=False):
    return governance.ReviewStatus(checked_on=dt.date(2026, 12, 1), checked_by="our editors", clinical=None,
                                   next_review=dt.date(2027, 11, 23), overdue=overdue)


def test_the_review_box_in_spanish():
    footer = page_footer.footer_data(status(True), Publisher("P", repository="https://github.com/o/r"), "Cuidados", "https://example.org/es/aftercare/", "es")
    assert footer["review"] == "Control editorial: nuestro equipo editorial, el 1 de diciembre de 2026. Todavía sin revisión clínica."
    assert footer["next_review_text"] == "23 de noviembre de 2027"
    assert footer["due_notice"].startswith("Esta página debe revisarse")
    assert footer["words"]["nextReview"] == "Próxima revisión:"
    assert footer["report_links"][0]["label"] == "Informar de un problema en esta página"
    # The pre-filled issue is read by the maintainers: in English.
    assert "Checked%20by%20our%20editors" in footer["report_links"][0]["href"]


# --- sources ------------------------------------------------------------------------------

REFERENCE = Reference(key="Alam2014", label="Alam 2014", citation="Alam M, et al. 2014.", checked="abstract")


def test_citations_and_sources_in_spanish():
    order: list[str] = []
    cite = render.cite(("Alam2014",), {"Alam2014": REFERENCE}, order, "es")
    assert 'aria-label="Fuente 1: Alam 2014"' in cite
    sources = render.page_sources(order, {"Alam2014": REFERENCE}, lambda key: "../references/#alam2014", "es")
    assert "## Fuentes de esta página {#page-sources" in sources
    listed = render.reference_list({"Alam2014": REFERENCE}, "es")
    assert "Qué revisamos: Resumen." in listed
    page = Reference(key="FDA", label="FDA", citation="FDA.", checked="full text", doi="10.1/x", url="https://example.org/fda")
    listed = render.reference_list({"FDA": page}, "es")
    assert '>doi:10.1/x</a> <a href="https://example.org/fda" rel="noopener">Página de la fuente</a>' in listed
    assert "Qué revisamos: Texto completo." in listed


def test_tables_in_spanish(protocol):
    table = render.aftercare_table(protocol, "es")
    assert "<caption>Qué esperar después de cada sesión, día a día</caption>" in table
    assert '<th scope="row">Día del tratamiento</th>' in table
    overview = render.plans_overview(protocol, "treatment-plan.md", "es")
    assert "| Qué se trata | Sesiones en los estudios | Tiempo entre sesiones | Fuerza de las pruebas |" in overview
    assert "2 a 6 (a menudo 3)" in overview


def test_structured_data_in_spanish(protocol):
    from pipeline.pages import structured_data
    plan = protocol.plan("acne-scars")  # valid.yml: 2 to 6 sessions (3 typical), 14 to 42 days (28 typical)
    procedure = structured_data.medical_procedure(plan, "https://example.org/", lang="es")
    assert procedure["name"] == "Microneedling para acne scars"  # the plan name comes in the page's language with `protocol`
    assert procedure["howPerformed"].endswith("Los estudios usaron 2 a 6 sesiones (lo típico es 3), cada 14 a 42 días (lo típico es 28 días).")
    assert procedure["bodyLocation"] == "Piel"
    english = structured_data.medical_procedure(plan, "https://example.org/")
    assert english["howPerformed"].endswith("Studies used 2 to 6 sessions (3 is typical), 14 to 42 days apart (28 days is typical).")
