"""The warning signs file: checked with file:line errors, and shown as care
cards with the publisher's emergency numbers."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from pipeline.data.problems import DataFileError
from pipeline.data.publisher import Country, Publisher
from site_checks.sitebuild import ROOT
from pipeline.data.warning_signs import care_cards, care_cards_html, care_cards_text, load_warning_signs

GOOD = """contact_clinic:
  - blisters or cold sores
urgent:
  - a fever with redness that is spreading
emergency:
  - trouble breathing
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "warning_signs.yml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(tmp_path, text) -> str:
    with pytest.raises(DataFileError) as error:
        load_warning_signs(write(tmp_path, text), "docs/_data/warning_signs.yml")
    return str(error.value)


def test_a_good_file_loads(tmp_path):
    signs = load_warning_signs(write(tmp_path, GOOD), "docs/_data/warning_signs.yml")
    assert signs.emergency == ("trouble breathing",)


def test_a_misspelt_level_is_named_with_its_line(tmp_path):
    message = problems(tmp_path, GOOD.replace("urgent:", "urgnet:"))
    assert "docs/_data/warning_signs.yml:3:" in message and "urgnet" in message and "urgent" in message


def test_an_empty_level_and_a_non_text_sign_are_refused(tmp_path):
    message = problems(tmp_path, GOOD.replace("  - trouble breathing\n", ""))
    assert "emergency" in message and "one or more signs" in message
    message = problems(tmp_path, GOOD.replace("- blisters or cold sores", "- {a: 1}"))
    assert "docs/_data/warning_signs.yml:2:" in message and "contact_clinic[0]" in message


def test_the_emergency_card_calls_the_publishers_numbers():
    signs = load_warning_signs(ROOT / "docs/_data/warning_signs.yml", "warning_signs.yml")
    cards = care_cards(signs, _publisher((Country("United Kingdom", "999", "111"), Country("United States", "911"))))
    assert [c.heading for c in cards] == ["Contact your clinic or a doctor", "Get help now",
                                          "Call 999 (United Kingdom) or 911 (United States)"]
    assert "call 111 (United Kingdom) for advice" in cards[1].action
    # No countries set: no number is made up.
    assert care_cards(signs, _publisher(()))[2].heading == "Call your local emergency number"


def test_cards_escape_the_text_and_keep_their_headings():
    signs = load_warning_signs(ROOT / "docs/_data/warning_signs.yml", "warning_signs.yml")
    html = care_cards_html(dataclasses.replace(signs, urgent=("<b>hot</b> & red",)), _publisher(()))
    assert "&lt;b&gt;hot&lt;/b&gt; &amp; red" in html and "<b>" not in html
    assert html.count("<h3") == 3
    text = care_cards_text(signs, _publisher(()))
    assert "- trouble breathing" in text and "Get help now." in text


def _publisher(countries):
    return Publisher("A publisher", countries=countries)
