"""Class 5 and 10 of issue 10: data files and front matter are read safely.
YAML anchors and aliases ("billion laughs") are refused before anything is
expanded; a byte that is not UTF-8 and a front-matter slip are reported at
the right file and line."""
from __future__ import annotations

import time

import pytest

from pipeline.pages.page_check import front_matter_problems
from pipeline.data.problems import DataFileError
from pipeline.data.protocol import load_protocol

# Ten levels of nine aliases each: expanded, 9**10 strings.
LAUGHS = "version: 1\nlol0: &l0 [lol]\n" + "".join(
    f"lol{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 11))


def protocol_problems(tmp_path, text: str | bytes) -> list[str]:
    path = tmp_path / "protocol.yml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with pytest.raises(DataFileError) as caught:
        load_protocol(path, "docs/_data/protocol.yml", set(), set())
    return [str(p) for p in caught.value.problems]


def test_billion_laughs_in_a_data_file_is_refused_at_once(tmp_path):
    started = time.monotonic()
    found = protocol_problems(tmp_path, LAUGHS)
    assert time.monotonic() - started < 2
    assert found[0] == ("docs/_data/protocol.yml:2:7: YAML anchor '&l0' is not allowed; write the value out in full "
                        "(anchors and aliases can make a small file expand without limit)")
    assert "docs/_data/protocol.yml:3:12: YAML alias '*l0' is not allowed" in found[2]


def test_a_single_alias_is_refused_too(tmp_path):
    text = "version: 1\nplans:\n  a: &same {typical: 3, min: 2, max: 6}\n  b: *same\n"
    found = protocol_problems(tmp_path, text)
    assert [p.split(": YAML ")[0] for p in found] == ["docs/_data/protocol.yml:3:6", "docs/_data/protocol.yml:4:6"]


def test_a_byte_that_is_not_utf8_is_reported_with_its_line(tmp_path):
    text = "version: 1\nplans:\n  acne-scars:\n    name: Acne sc\xe4rs\n".encode("latin-1")
    assert protocol_problems(tmp_path, text) == [
        "docs/_data/protocol.yml:4:18: byte 0xe4 is not UTF-8 text; save the file as UTF-8 (retype the character at this place)"]


def test_front_matter_alias_is_refused_with_the_page_and_line():
    page = b"---\ntitle: &t Acne scars\ndescription: *t\n---\n\n# Acne scars\n"
    found = [str(p) for p in front_matter_problems(page, "docs/conditions/acne-scars.md")]
    assert [p.split(": YAML ")[0] for p in found] == ["docs/conditions/acne-scars.md:2:8", "docs/conditions/acne-scars.md:3:14"]


def test_front_matter_billion_laughs_is_refused_quickly():
    page = ("---\n" + LAUGHS.replace("version: 1\n", "") + "---\n\n# Page\n").encode()
    started = time.monotonic()
    assert front_matter_problems(page, "docs/faq.md")
    assert time.monotonic() - started < 2


def test_a_front_matter_slip_is_blamed_on_its_own_page():
    page = b"---\ntitle: Acne scars\ndescription: Scars: what helps\n---\n\n# Acne scars\n"
    (problem,) = front_matter_problems(page, "docs/conditions/acne-scars.md")
    assert str(problem).startswith("docs/conditions/acne-scars.md:3:19: not valid YAML: mapping values are not allowed")


def test_a_page_with_a_byte_that_is_not_utf8_names_its_line():
    page = "---\ntitle: x\n---\n\n# Page\n\nCaf\xe9\n".encode("latin-1")
    (problem,) = front_matter_problems(page, "docs/faq.md")
    assert str(problem).startswith("docs/faq.md:7:4: byte 0xe9 is not UTF-8 text")


def test_pages_without_front_matter_or_with_plain_front_matter_pass():
    assert front_matter_problems(b"# Page\n", "docs/x.md") == []
    assert front_matter_problems(b"---\ntitle: x\nreferences: [A, B]\n---\n# x\n", "docs/x.md") == []


def test_anchors_are_looked_for_wherever_an_ampersand_or_asterisk_stands():
    """Texts without '&' and '*' are passed without parsing (no anchor can
    be written without them); any other is read event by event."""
    from pipeline.data.strict_yaml import anchor_problems

    assert anchor_problems('title: "Q&A, *new*"\nnote: a & b\n', "f.yml") == []
    found = anchor_problems("a: {b: &x 1, c: *x}\n", "f.yml")
    assert [(p.line, p.column) for p in found] == [(1, 8), (1, 17)]
