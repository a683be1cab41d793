"""Issue 14, docs by audience: the staff guide stays short, its lists that
mirror the protocol file are the file's, and the README's folder maps name
folders that exist.  Each rule is shown failing on a broken input."""
from __future__ import annotations

import re

import pytest
import yaml

from pipeline.data import staff_lists
from site_checks.sitebuild import ROOT

GUIDE = ROOT / "CONTRIBUTING.md"
PROSE_LIMIT = 6 * 1024  # bytes of prose: tables, code blocks and "When a check fails" not counted


def prose_bytes(guide: str) -> int:
    before_checks = guide.split("## When a check fails", 1)[0]
    without_code = re.sub(r"```.*?```", "", before_checks, flags=re.S)
    return len("\n".join(line for line in without_code.splitlines() if not line.startswith("|")).encode("utf-8"))


def plans_in_guide(guide: str) -> list[tuple[str, str, str]]:
    """(id, name, page) of each row of the guide's plan table."""
    return re.findall(r"^\| `([a-z0-9-]+)` \| (.+?) \| `docs/(.+?\.md)` \|$", guide, flags=re.M)


def plans_in_file(protocol: dict) -> list[tuple[str, str, str]]:
    """The same, read from the protocol file's YAML on its own (not with the site's loader)."""
    return [(plan_id, fields["name"], fields["page"]) for plan_id, fields in protocol["plans"].items()]


def raw_protocol() -> dict:
    return yaml.safe_load((ROOT / "docs" / "_data" / "protocol.yml").read_text(encoding="utf-8"))


def test_the_staff_guide_is_short():
    size = prose_bytes(GUIDE.read_text(encoding="utf-8"))
    assert size <= PROSE_LIMIT, f"the staff guide has {size} bytes of prose; keep it under {PROSE_LIMIT} (move developer material to DEVELOPING.md)"


def test_a_long_guide_is_caught():
    assert prose_bytes("Intro.\n" + "A sentence of prose.\n" * 400) > PROSE_LIMIT
    # Tables, code and the checks table do not count.
    assert prose_bytes("| a |\n" * 2000 + "```\n" + "x\n" * 9000 + "```\n## When a check fails\n" + "y" * 9000) < 10


def test_the_guide_lists_every_plan_of_the_protocol_file():
    guide = GUIDE.read_text(encoding="utf-8")
    assert plans_in_guide(guide) == plans_in_file(raw_protocol()), (
        "CONTRIBUTING.md's plan list differs from docs/_data/protocol.yml; "
        "paste the output of `.venv/bin/python -m pipeline.data.staff_lists` in its place")
    milestones = [m["id"] for m in raw_protocol()["aftercare"]]
    line = next(line for line in guide.splitlines() if line.startswith("Aftercare milestones"))
    assert re.findall(r"`([a-z0-9-]+)` \(day", line) == milestones


def test_the_guide_holds_what_the_generator_prints():
    guide = GUIDE.read_text(encoding="utf-8")
    assert staff_lists.staff_lists(staff_lists.load_site_protocol(ROOT / "docs")) in guide


def test_a_plan_added_to_the_file_but_not_the_guide_is_caught():
    protocol = raw_protocol()
    protocol["plans"]["new-plan"] = {"name": "New plan", "page": "faq.md"}
    assert plans_in_guide(GUIDE.read_text(encoding="utf-8")) != plans_in_file(protocol)


def map_paths(document: str) -> list[str]:
    """The paths at the start of each line of the document's 'Where things are' block."""
    block = document.split("## Where things are", 1)[1].split("```", 2)[1]
    return [line.split()[0] for line in block.splitlines() if line.strip() and not line.startswith(" ")]


@pytest.mark.parametrize("name", ["README.md", "DEVELOPING.md"])
def test_the_folder_maps_name_what_exists(name):
    paths = map_paths((ROOT / name).read_text(encoding="utf-8"))
    assert len(paths) >= 8
    assert [p for p in paths if not (ROOT / p).exists()] == []
    # The map used to put the site's CSS in docs/assets/.
    assert "overrides/partials/site.css" in (ROOT / name).read_text(encoding="utf-8")


def test_a_wrong_folder_map_is_caught():
    wrong = "## Where things are\n\n```\ndocs/assets/stylesheets/  the site's CSS\n```\n"
    assert [p for p in map_paths(wrong) if not (ROOT / p).exists()] == ["docs/assets/stylesheets/"]


def test_the_readme_keeps_its_two_commands_and_links_onward():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "| **Serve the site** | `make serve` |" in readme and "| **Run all tests** | `make test` |" in readme
    assert "runs every test" in readme
    assert "(CONTRIBUTING.md)" in readme and "(DEVELOPING.md)" in readme
    assert len(readme.encode("utf-8")) < 5000, "a newcomer reads the README in two minutes"
