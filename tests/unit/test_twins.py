"""The Spanish twins of the data files: words only, checked against the
English files with file:line:field errors; the shipped twins pass."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.data.problems import DataFileError
from pipeline.data.protocol import load_protocol
from pipeline.data.publisher import load_publisher
from pipeline.data.site_data import load_site_data
from pipeline.data.corrections import Correction, log_html
from pipeline.data.references import Reference
from pipeline.data.twins import (Content, load_corrections_twin, load_protocol_twin, load_references_twin, load_site_twin,
                                 load_warning_signs_twin, untranslated)
from pipeline.data.warning_signs import WarningSigns
from pipeline.pages import render
from site_checks.sitebuild import ROOT

FIXTURE = Path(__file__).parents[1] / "fixtures" / "protocol" / "valid.yml"


@pytest.fixture(scope="module")
def english():
    return load_protocol(FIXTURE, "valid.yml", {"conditions/acne-scars.md"}, {"Alam2014"})


def twin_text(english) -> str:
    plans = "".join(f"  {plan_id}:\n    name: Plan {'ABCDEFGH'[index]}\n" for index, plan_id in enumerate(english.plans))
    milestones = "".join(f"  {m.id}:\n    title: Título\n    advice: Consejo\n" for m in english.aftercare)
    return f"plans:\n{plans}aftercare:\n{milestones}"


def load(tmp_path, loader, text, english, name="twin.es.yml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return loader(path, name, english)


def messages(tmp_path, loader, text, english) -> list[str]:
    with pytest.raises(DataFileError) as error:
        load(tmp_path, loader, text, english)
    return [str(p) for p in error.value.problems]


def test_a_complete_protocol_twin_gives_spanish_words_and_the_english_numbers(tmp_path, english):
    spanish = load(tmp_path, load_protocol_twin, twin_text(english), english)
    first = next(iter(english.plans))
    assert spanish.plan(first).name == "Plan A"
    assert spanish.plan(first).sessions == english.plan(first).sessions
    assert [m.day for m in spanish.aftercare] == [m.day for m in english.aftercare]
    assert {m.title for m in spanish.aftercare} == {"Título"}


def test_a_missing_plan_an_unknown_id_and_a_changed_number_are_named(tmp_path, english):
    first = next(iter(english.plans))
    text = twin_text(english).replace(f"  {first}:\n    name: Plan A\n", "  acne-scar:\n    name: Cicatrices\n")
    found = messages(tmp_path, load_protocol_twin, text, english)
    assert any(f"twin.es.yml:2:3: plans.acne-scar: unknown key 'acne-scar' (did you mean '{first}'?)" in m for m in found), found
    assert any(f"plans: missing key '{first}'" in m for m in found), found
    text = twin_text(english).replace("    name: Plan A\n", "    name: Plan A de 3 sesiones\n")
    found = messages(tmp_path, load_protocol_twin, text, english)
    assert len(found) == 1 and "plans." in found[0] and ".name: has the numbers 3 but the English has none" in found[0], found


def test_the_shipped_protocol_twin_refuses_a_number_typed_differently(tmp_path):
    problems: list = []
    import datetime as dt
    english = load_site_data(ROOT / "docs", ROOT, "", dt.date.today(), problems).protocol
    text = (ROOT / "docs/_data/protocol.es.yml").read_text(encoding="utf-8")
    assert "FPS 30" in text
    found = messages(tmp_path, load_protocol_twin, text.replace("FPS 30", "FPS 50"), english)
    assert len(found) == 1 and "aftercare.makeup.advice: has the numbers 50 but the English has 30" in found[0], found


def test_warning_signs_twin_needs_one_sign_for_each(tmp_path):
    english = WarningSigns(("blisters", "pus"), ("a fever",), ("trouble breathing",))
    good = "contact_clinic:\n  - ampollas\n  - pus\nurgent:\n  - fiebre\nemergency:\n  - dificultad para respirar\n"
    assert load(tmp_path, load_warning_signs_twin, good, english).contact_clinic == ("ampollas", "pus")
    found = messages(tmp_path, load_warning_signs_twin, good.replace("  - pus\n", ""), english)
    assert found == ["twin.es.yml:1:1: contact_clinic: expected a list of 2 signs, one for each in the English file, in its order"]
    found = messages(tmp_path, load_warning_signs_twin, good.replace("fiebre", "fiebre\n    de 38 grados"), english)
    assert len(found) == 1 and found[0].startswith("twin.es.yml:5:5: urgent[0]: has the numbers 38 but the English has none"), found


def test_site_twin_keeps_names_and_numbers(tmp_path):
    english = load_publisher(ROOT / "docs/_data/site.yml", "site.yml")
    spanish = load_site_twin(ROOT / "docs/_data/site.es.yml", "site.es.yml", english)
    assert [c.emergency for c in spanish.countries] == [c.emergency for c in english.countries]
    assert spanish.name == english.name and spanish.countries[0].name != english.countries[0].name
    text = (ROOT / "docs/_data/site.es.yml").read_text(encoding="utf-8").replace("  - name: Reino Unido\n", "")
    found = messages(tmp_path, load_site_twin, text, english)
    assert len(found) == 1 and ": countries: expected 2 countries, in the English file's order" in found[0], found


def test_the_shipped_twins_pass_and_are_used_for_spanish(tmp_path):
    import datetime as dt
    problems: list = []
    data = load_site_data(ROOT / "docs", ROOT, "", dt.date.today(), problems)
    assert problems == []
    spanish = data.in_language("es")
    assert spanish.protocol.plan("acne-scars").name == "Cicatrices de acné"
    assert spanish.protocol.plan("acne-scars").sessions == data.protocol.plan("acne-scars").sessions
    assert spanish.warning_signs.emergency[-1] == "dificultad para respirar"
    assert data.in_language("en").protocol is data.protocol
    # Every correction and every source's note in Spanish; dates, pages and citations the English ones.
    assert [(c.date, c.pages, c.sources) for c in spanish.corrections] == [(c.date, c.pages, c.sources) for c in data.corrections]
    assert not {c.what for c in spanish.corrections} & {c.what for c in data.corrections}
    assert not {c.why for c in spanish.corrections} & {c.why for c in data.corrections}
    noted = [key for key, ref in data.references.items() if ref.note]
    assert len(noted) >= 40 and all(spanish.references[key].note != data.references[key].note for key in noted)
    assert all(spanish.references[key].citation == data.references[key].citation for key in data.references)


ENTRIES = (  # newest first, as the log lists them
    Correction(dt.date(2026, 12, 1), ("aftercare.md",), "Sessions now 4 weeks apart.", "As the studies did.", ("Alam2014",), "0" * 16),
    Correction(dt.date(2026, 11, 1), ("safety.md",), "One list of signs.", "The pages differed.", ("Alam2014",), "1" * 16),
)
CORRECTIONS_TWIN = """corrections:
  correction-2:
    what: Ahora hay 4 semanas entre sesiones.
    why: Como en los estudios.
  correction-1:
    what: Una sola lista de señales.
    why: Las páginas no coincidían.
"""


def test_the_corrections_twin_gives_each_entry_in_spanish_by_its_number(tmp_path):
    spanish = load(tmp_path, load_corrections_twin, CORRECTIONS_TWIN, ENTRIES)
    assert [(c.what, c.why) for c in spanish] == [("Ahora hay 4 semanas entre sesiones.", "Como en los estudios."),
                                                 ("Una sola lista de señales.", "Las páginas no coincidían.")]
    assert [(c.date, c.pages, c.sources, c.fingerprint) for c in spanish] == \
        [(c.date, c.pages, c.sources, c.fingerprint) for c in ENTRIES]


def test_a_new_correction_is_published_in_english_until_translated_and_listed(tmp_path):
    """An urgent correction is never held back by its translation."""
    newer = (Correction(dt.date(2026, 12, 2), ("faq.md",), "A new answer.", "A reader asked.", ("Alam2014",), "2" * 16), *ENTRIES)
    spanish = load(tmp_path, load_corrections_twin, CORRECTIONS_TWIN, newer)
    assert [(c.what, c.language) for c in spanish] == [("A new answer.", "en"), ("Ahora hay 4 semanas entre sesiones.", "es"),
                                                       ("Una sola lista de señales.", "es")]
    html = log_html(spanish, str, str, str, str, lang="es")
    assert '<span lang="en">A new answer.</span>' in html and '<span>Como en los estudios.</span>' in html
    content = Content(None, None, None, spanish, {})
    assert untranslated(content, "es") == [
        "docs/_data/corrections.es.yml: no 'correction-3' (2026-12-02) yet; the corrections page shows it in English"]


def test_a_correction_twin_with_an_unknown_entry_or_other_numbers_is_named(tmp_path):
    found = messages(tmp_path, load_corrections_twin, CORRECTIONS_TWIN.replace("correction-1:", "correction-9:"), ENTRIES)
    assert len(found) == 1 and found[0].startswith("twin.es.yml:5:3: corrections.correction-9: unknown key 'correction-9'") \
        and found[0].endswith("valid keys: correction-1, correction-2"), found
    found = messages(tmp_path, load_corrections_twin, CORRECTIONS_TWIN.replace("4 semanas", "6 semanas"), ENTRIES)
    assert len(found) == 1 and found[0].startswith(
        "twin.es.yml:3:11: corrections.correction-2.what: has the numbers 6 but the English has 4"), found


def test_ids_given_as_a_list_name_the_ids_expected_whether_all_or_some_are_required(tmp_path, english):
    """The same message for a twin that needs every English id (plans) and
    one that may lack newer ones (corrections)."""
    plans = ", ".join(english.plans)
    found = messages(tmp_path, load_protocol_twin, "plans:\n  - a\naftercare: {}\n", english)
    assert f"twin.es.yml:1:1: plans: expected a mapping of the English file's plan ids: {plans}" in found, found
    found = messages(tmp_path, load_corrections_twin, "corrections:\n  - a\n", ENTRIES)
    assert found == ["twin.es.yml:1:1: corrections: expected a mapping of the English file's entry ids: correction-2, correction-1"], found


def test_the_references_twin_translates_every_note_and_nothing_else(tmp_path):
    english = {"A": Reference("A", "A 2020", "A. A study. 2020.", "abstract", note="A study in rats."),
               "B": Reference("B", "B 2021", "B. Another. 2021.", "abstract")}
    spanish = load(tmp_path, load_references_twin, "A:\n  note: Un estudio en ratas.\n", english)
    assert spanish["A"].note == "Un estudio en ratas." and spanish["A"].citation == english["A"].citation
    assert spanish["B"] == english["B"]
    assert spanish["A"].note_language == "es" and untranslated(Content(None, None, None, (), spanish), "es") == []
    found = messages(tmp_path, load_references_twin, "A:\n  note: Un estudio en ratas.\nB:\n  note: Otra nota.\n", english)
    assert any("B: unknown key 'B'" in m for m in found), found
    # A note not yet translated: shown in English, marked, and listed.
    waiting = load(tmp_path, load_references_twin, "{}\n", english)
    assert waiting["A"] == english["A"] and '<em lang="en">A study in rats.</em>' in render.reference_list(waiting, "es")
    assert untranslated(Content(None, None, None, (), waiting), "es") == [
        "docs/_data/references.es.yml: no note for 'A' yet; the references page shows it in English"]

