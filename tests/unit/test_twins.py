"""The Spanish twins of the data files: words only, checked against the
English files with file:line:field errors; the shipped twins pass."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.data.problems import DataFileError
from pipeline.data.protocol import load_protocol
from pipeline.data.publisher import load_publisher
from pipeline.data.site_data import load_site_data
from pipeline.data.twins import load_protocol_twin, load_site_twin, load_warning_signs_twin
from pipeline.data.warning_signs import WarningSigns
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
