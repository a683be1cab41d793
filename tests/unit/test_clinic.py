"""Clinic settings: empty means no clinic; each mistake is reported with
file:line:column, the field, and what would be valid."""
from pathlib import Path

import pytest

from pipeline.data.clinic import NO_CLINIC, contrast_with_white, darken_until_readable, load_clinic
from pipeline.data.problems import DataFileError
from pipeline.data.protocol import Plan, Protocol, Range

FIXTURES = Path(__file__).parents[1] / "fixtures" / "clinic"
ACNE = Plan("acne-scars", "Acne scars", "conditions/acne-scars.md", Range(3, 2, 6), Range(28, 14, 42), "moderate", 26, ("Alam2014",))
PROTOCOL = Protocol({"acne-scars": ACNE}, ())


def load(path: Path, docs: Path = FIXTURES):
    return load_clinic(path, path.name, docs, PROTOCOL)


def test_the_shipped_file_sets_no_clinic():
    shipped = Path(__file__).parents[2] / "docs" / "_data" / "clinic.yml"
    clinic = load(shipped)
    assert not clinic.shown and clinic.plans == {} and clinic.embed_origins is None


def test_a_missing_file_means_no_clinic(tmp_path):
    assert load(tmp_path / "clinic.yml") == NO_CLINIC


def test_sample_clinic_loads(tmp_path):
    (tmp_path / "assets" / "images").mkdir(parents=True)
    (tmp_path / "assets" / "images" / "clinic-logo.svg").write_text("<svg/>")
    text = (FIXTURES / "sample.yml").read_text().replace("HOST_ORIGIN", "https://www.riverside-clinic.example")
    (tmp_path / "clinic.yml").write_text(text)
    clinic = load(tmp_path / "clinic.yml", tmp_path)
    assert clinic.name == "Riverside Skin Clinic"
    assert clinic.phone_link == "tel:+442079460000"
    assert clinic.sessions(ACNE) == 5 and clinic.interval_days(ACNE) == 35
    assert clinic.embed_origins == ("https://www.riverside-clinic.example",)


def test_every_mistake_is_reported_at_its_line():
    with pytest.raises(DataFileError) as caught:
        load(FIXTURES / "broken.yml")
    problems = [str(p) for p in caught.value.problems]

    def reported(location: str, *words: str) -> None:
        found = [p for p in problems if p.startswith(location)]
        assert found, f"nothing at {location}:\n" + "\n".join(problems)
        assert all(any(w in p for p in found) for w in words), found

    reported("broken.yml:3:8: phone:", "not a phone number", "+44 20 7946 0000")
    reported("broken.yml:4:14: booking_url:", "https://")
    reported("broken.yml:6:7: logo:", "not found under docs/")
    reported("broken.yml:7:15: brand_colour:", "contrast of 1.63:1", "4.5:1", "darker shade")
    reported("broken.yml:9:26: plans.acne-scars.sessions:", "9 is outside the range", "2 to 6")
    reported("broken.yml:9:44: plans.acne-scars.interval_days:", "7 is outside the range", "14 to 42")
    reported("broken.yml:10:3: plans.acne-scar:", "unknown plan", "did you mean 'acne-scars'?")
    reported("broken.yml:11:17: embed_origins[0]:", "has a path", "'https://www.riverside-clinic.example'")
    reported("broken.yml:11:61: embed_origins[1]:", "not a web origin")
    reported("broken.yml:12:1: website:", "unknown key", "booking_url")
    assert len(problems) == 10


def test_contrast_matches_wcag_reference_values():
    # WCAG's own examples: white on #767676 is 4.54:1, on black 21:1, on white 1:1.
    assert round(contrast_with_white("#767676"), 2) == 4.54
    assert round(contrast_with_white("#000000"), 2) == 21.0
    assert round(contrast_with_white("#ffffff"), 2) == 1.0


def test_suggested_darker_shade_is_readable_and_close():
    shade = darken_until_readable("#ffc107")
    assert contrast_with_white(shade) >= 4.5
    # One step lighter would not be readable: the suggestion is the nearest.
    lighter = "#" + "".join(f"{min(255, int(shade[i:i + 2], 16) + 3):02x}" for i in (1, 3, 5))
    assert contrast_with_white(lighter) < 4.5


def test_a_clinic_that_sets_only_sessions_keeps_the_typical_interval(tmp_path):
    (tmp_path / "clinic.yml").write_text("name: Riverside Skin Clinic\nplans:\n  acne-scars: {sessions: 4}\n")
    clinic = load(tmp_path / "clinic.yml", tmp_path)
    assert clinic.sets_sessions(ACNE) and not clinic.sets_interval(ACNE)
    assert clinic.sessions(ACNE) == 4 and clinic.interval_days(ACNE) == 28  # the protocol's typical interval


def test_a_clinic_that_sets_only_the_interval_keeps_the_typical_sessions(tmp_path):
    (tmp_path / "clinic.yml").write_text("name: Riverside Skin Clinic\nplans:\n  acne-scars: {interval_days: 35}\n")
    clinic = load(tmp_path / "clinic.yml", tmp_path)
    assert clinic.sets_interval(ACNE) and not clinic.sets_sessions(ACNE)
    assert clinic.sessions(ACNE) == 3 and clinic.interval_days(ACNE) == 35


@pytest.mark.parametrize("entry", ["{}", ""])
def test_an_empty_plan_entry_is_refused(tmp_path, entry):
    (tmp_path / "clinic.yml").write_text(f"name: Riverside Skin Clinic\nplans:\n  acne-scars: {entry}\n")
    with pytest.raises(DataFileError) as caught:
        load(tmp_path / "clinic.yml", tmp_path)
    (problem,) = caught.value.problems
    assert str(problem).startswith("clinic.yml:3:3: plans.acne-scars: sets no value; give sessions, interval_days or both")


def test_an_interval_typed_in_weeks_gets_a_hint(tmp_path):
    (tmp_path / "clinic.yml").write_text("name: Riverside Skin Clinic\nplans:\n  acne-scars: {interval_days: 4}\n")
    with pytest.raises(DataFileError) as caught:
        load(tmp_path / "clinic.yml", tmp_path)
    assert "did you mean 4 weeks = 28 days?" in str(caught.value.problems[0])


def test_pages_credit_the_clinic_only_with_the_value_it_set():
    from pipeline.data.clinic import Clinic, ClinicPlan
    from pipeline.pages.render import calculator, clinic_contact, interval_hint, sessions_hint

    clinic = Clinic(name="Riverside Skin Clinic", plans={"acne-scars": ClinicPlan(sessions=4, interval_days=None)})
    assert sessions_hint(ACNE, clinic) == "Studies used 2 to 6; Riverside Skin Clinic usually plans 4."
    assert interval_hint(ACNE, clinic) == "Studies used 2 to 6 weeks."  # 4 weeks is the studies' value, not the clinic's
    html = calculator(PROTOCOL, "acne-scars", clinic)
    assert "<caption data-calculator-caption>Schedule for acne scars: 4 sessions, 4 weeks apart</caption>" in html
    assert "usual schedule" not in html
    box = clinic_contact(clinic, ACNE, "conditions/acne-scars.md")
    assert "Riverside Skin Clinic usually plans 4 sessions for acne scars. This is the clinic's own choice, " \
           "within what studies used: 2 to 6 sessions." in box
    assert "weeks apart" not in box

    clinic = Clinic(name="Riverside Skin Clinic", plans={"acne-scars": ClinicPlan(sessions=None, interval_days=35)})
    assert sessions_hint(ACNE, clinic) == "Studies used 2 to 6; 3 is typical."
    assert interval_hint(ACNE, clinic) == "Studies used 2 to 6 weeks; Riverside Skin Clinic usually plans 5 weeks."
    box = clinic_contact(clinic, ACNE, "conditions/acne-scars.md")
    assert "Riverside Skin Clinic usually plans 5 weeks between sessions for acne scars. This is the clinic's own " \
           "choice, within what studies used: 2 to 6 weeks apart." in box


# --- the brand colour beside the page's boxes -------------------------------------------

ROOT = Path(__file__).parents[2]


def relative_luminance_of(colour: str) -> float:
    """WCAG 2.x relative luminance, written out here independently of pipeline/data/clinic.py."""
    def linear(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(int(colour[i:i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: str, b: str) -> float:
    la, lb = sorted((relative_luminance_of(a), relative_luminance_of(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def load_colour(tmp_path, colour: str) -> list[str]:
    (tmp_path / "clinic.yml").write_text(f'name: Riverside\nphone: "+44 20 7946 0000"\nbrand_colour: "{colour}"\n')
    try:
        load(tmp_path / "clinic.yml", tmp_path)
    except DataFileError as error:
        return [str(p) for p in error.problems]
    return []


@pytest.mark.parametrize("colour", ["#8a1c1c", "#b71c1c", "#c62828", "#d32f2f", "#bf360c"])
def test_a_red_like_the_urgent_care_cards_is_refused(tmp_path, colour):
    """Each of these passes the contrast rules with white text (checked
    below): only the hue makes the clinic strip look like a warning."""
    assert ratio(colour, "#ffffff") >= 4.5
    (problem,) = load_colour(tmp_path, colour)
    assert problem.startswith("clinic.yml:3:15: brand_colour:"), problem
    assert "red like the urgent and emergency care cards" in problem and "'#0d47a1'" in problem


@pytest.mark.parametrize("colour, box", [("#1976d2", "#f4f6f8"), ("#0277bd", "#f4f6f8"), ("#767676", "#f4f6f8")])
def test_a_colour_readable_under_white_text_but_not_in_the_boxes_is_refused(tmp_path, colour, box):
    """White text on these passes (4.5:1), but as links in the key points
    box (and the emergency care card) they fall below 4.5:1."""
    assert ratio(colour, "#ffffff") >= 4.5 and ratio(colour, box) < 4.5
    (problem,) = load_colour(tmp_path, colour)
    assert problem.startswith("clinic.yml:3:15: brand_colour:"), problem
    assert f"links in {colour} on the" in problem and "darker shade such as '#" in problem
    shade = problem.split("darker shade such as '")[1][:7]
    assert all(ratio(shade, bg) >= 4.5 for bg in ("#ffffff", "#f4f6f8", "#f5f5f5", "#fdf0f0"))
    assert load_colour(tmp_path, shade) == [], "the suggested shade is accepted"


@pytest.mark.parametrize("colour", ["#1b5e20", "#0d47a1", "#6a1b9a", "#ad1457", "#00695c", "#795548", "#37474f"])
def test_colours_that_do_not_clash_are_accepted(tmp_path, colour):
    assert load_colour(tmp_path, colour) == []


def test_the_checked_backgrounds_are_those_of_the_stylesheets():
    """The boxes' colours are written in the CSS: if they change, the
    brand colour check must change with them."""
    from pipeline.data.clinic import BRAND_TEXT_BACKGROUNDS, WARNING_RED

    css = (ROOT / "overrides" / "partials" / "site.css").read_text(encoding="utf-8")

    def rule(selector: str) -> str:
        return css.split(selector + " {", 1)[1].split("}", 1)[0]

    assert "background: #f4f6f8" in rule(".md-typeset .admonition.abstract")
    assert BRAND_TEXT_BACKGROUNDS["the key points box"] == "#f4f6f8"
    assert "background: #fff;" in rule(".md-typeset .care-card")
    assert "background: #fdf0f0" in rule(".md-typeset .care-card--emergency")
    assert BRAND_TEXT_BACKGROUNDS["the emergency care card"] == "#fdf0f0"
    assert f"border-color: {WARNING_RED}" in rule(".md-typeset .care-card--urgent")
    assert "background: var(--md-code-bg-color)" in rule(".md-typeset .clinic-cta")
    material = next((ROOT / ".venv").glob("lib/python*/site-packages/material/templates/assets/stylesheets/main.*.min.css"))
    assert "--md-code-bg-color:#f5f5f5;" in material.read_text(encoding="utf-8")
    assert BRAND_TEXT_BACKGROUNDS["the clinic's box"] == "#f5f5f5"
