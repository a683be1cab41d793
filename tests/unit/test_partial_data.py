"""A data file with problems still hands back what passed (issue 14), so one
build can go on and report the pages' problems too; its broken entries are
named as such, never as "unknown"."""
from __future__ import annotations

import pytest
import yaml

from pipeline.data.problems import DataFileError
from pipeline.data.protocol import UnusableEntry, load_protocol
from site_checks.sitebuild import ROOT

SOURCE = ROOT / "docs" / "_data" / "protocol.yml"


def load(tmp_path, text: str):
    path = tmp_path / "protocol.yml"
    path.write_text(text, encoding="utf-8")
    raw = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    pages = {fields["page"] for fields in raw["plans"].values()}
    references = {key for fields in raw["plans"].values() for key in fields["references"]}
    return load_protocol(path, "docs/_data/protocol.yml", pages, references)


def test_a_slip_in_one_plan_keeps_the_others(tmp_path):
    text = SOURCE.read_text(encoding="utf-8")
    slipped = text.replace("interval_days: {typical: 28, min: 14, max: 42}", "interval_days: {typical: 3, min: 2, max: 6}", 1)
    assert slipped != text
    with pytest.raises(DataFileError) as caught:
        load(tmp_path, slipped)
    partial = caught.value.partial
    others = set(yaml.safe_load(text)["plans"]) - {"acne-scars"}
    assert set(partial.plans) == others
    with pytest.raises(UnusableEntry):
        partial.plan("acne-scars")
    with pytest.raises(KeyError) as unknown:
        partial.plan("acne-scar")
    assert not isinstance(unknown.value, UnusableEntry) and "unknown plan" in unknown.value.args[0]


def test_a_file_that_is_not_a_mapping_gives_nothing_to_go_on_with(tmp_path):
    with pytest.raises(DataFileError) as caught:
        load(tmp_path, "- just a list\n")
    assert caught.value.partial is None
