"""Error messages for clinic staff: a typical mistake stops the build with
the file, the line, what is wrong and how to fix it (CONTRIBUTING.md tells
staff to read these).  Each test builds a copy of the project with one
mistake, exactly as `make build` would."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from site_checks.sitebuild import ROOT, build, copy_project

SOURCE = ROOT


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project", SOURCE)


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def failed_build(project: Path) -> str:
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, "the build should have failed:\n" + output[-3000:]
    return output


def error_lines(output: str, location: str) -> list[str]:
    return [line.strip() for line in output.splitlines() if line.strip().startswith(location)]


def test_typo_in_a_protocol_key(project):
    protocol = project / "docs" / "_data" / "protocol.yml"
    text = protocol.read_text(encoding="utf-8")
    protocol.write_text(text.replace("    sessions:", "    sesions:", 1), encoding="utf-8")
    line = line_of(protocol, "sesions:")
    output = failed_build(project)
    found = error_lines(output, f"docs/_data/protocol.yml:{line}:5:")
    assert found, output[-3000:]
    assert "unknown key 'sesions'" in found[0]  # what is wrong
    assert "did you mean 'sessions'?" in found[0]  # how to fix it
    # The "missing key" report points back at the misspelt line.
    assert re.search(rf"missing key 'sessions'; is 'sesions' on line {line} a misspelling of it\? Rename it to 'sessions'", output)


def test_broken_link_in_a_page(project):
    page = project / "docs" / "treatment-plan.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nRead about [aftercare](aftercar.md) and [when to call](aftercare.md#no-such-section).\n", encoding="utf-8")
    line = line_of(page, "(aftercar.md)")
    output = failed_build(project)
    missing_page = error_lines(output, f"docs/treatment-plan.md:{line}:")
    assert len(missing_page) == 2, output[-3000:]
    assert "the link 'aftercar.md' points to a page that does not exist (did you mean 'aftercare.md'?)" in missing_page[0]
    assert "Correct the file name or remove the link" in missing_page[0]
    assert "the link 'aftercare.md#no-such-section' points to a section '#no-such-section' that aftercare.md does not have" in missing_page[1]
    assert "sections on aftercare.md: #" in missing_page[1]  # the valid choices
    # Found after the pages were written: the build removes them, nothing half-built is left.
    assert not (project / "site").exists()


def test_missing_review_date(project):
    page = project / "docs" / "treatment-plan.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"^next_review:.*\n", "", text, count=1, flags=re.M), encoding="utf-8")
    closing = page.read_text(encoding="utf-8").splitlines().index("---", 1) + 1
    output = failed_build(project)
    found = error_lines(output, f"docs/treatment-plan.md:{closing}:1: next_review: missing;")
    assert found, output[-3000:]
    assert "add the line 'next_review: " in found[0] and "to the front matter" in found[0]


def test_sign_off_by_a_clinician_not_in_the_reviewers_file(project):
    page = project / "docs" / "treatment-plan.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("clinical_review: pending", "clinical_review:\n  reviewer: dr-someone\n  date: 2026-11-24\n"
                                 "  scope: whole page\n  fingerprint: \"0123456789abcdef\"", 1), encoding="utf-8")
    line = line_of(page, "reviewer: dr-someone")
    output = failed_build(project)
    found = error_lines(output, f"docs/treatment-plan.md:{line}:1: clinical_review.reviewer:")
    assert found, output[-3000:]
    assert "'dr-someone' is not in docs/_data/reviewers.yml" in found[0] and "write 'clinical_review: pending'" in found[0]


def test_incomplete_reviewer_entry(project):
    reviewers = project / "docs" / "_data" / "reviewers.yml"
    reviewers.write_text("reviewers:\n  dr-someone:\n    name: Dr Some One\n    profession: Dermatologist\n"
                         "    conflicts: None\n", encoding="utf-8")
    output = failed_build(project)
    found = error_lines(output, "docs/_data/reviewers.yml:2:3: reviewers.dr-someone: missing key 'registration'")
    assert found, output[-3000:]


def test_clinical_value_changed_without_a_log_entry(project):
    protocol = project / "docs" / "_data" / "protocol.yml"
    protocol.write_text(protocol.read_text(encoding="utf-8").replace("max: 6}", "max: 7}", 1), encoding="utf-8")
    log = project / "docs" / "_data" / "corrections.yml"
    line = next(n for n, text in enumerate(log.read_text(encoding="utf-8").splitlines(), 1)
                if text.strip().startswith("fingerprint:"))
    output = failed_build(project)
    found = error_lines(output, f"docs/_data/corrections.yml:{line}:")
    assert found, output[-3000:]
    assert "have changed since the newest entry" in found[0] and "add a new entry at the top" in found[0]
    assert re.search(r"'fingerprint: \"[0-9a-f]{16}\"'", found[0])


def test_mistake_in_the_publisher_setting(project):
    setting = project / "docs" / "_data" / "site.yml"
    text = setting.read_text(encoding="utf-8")
    setting.write_text(re.sub(r"^contact_email:.*$", "contact_email: editors at example", text, count=1, flags=re.M), encoding="utf-8")
    line = line_of(setting, "contact_email: editors")
    output = failed_build(project)
    found = error_lines(output, f"docs/_data/site.yml:{line}:16: contact_email:")
    assert found and "is not an e-mail address" in found[0], output[-3000:]


def test_unknown_reference_key(project):
    page = project / "docs" / "treatment-plan.md"
    text = page.read_text(encoding="utf-8")
    key = next(k for k in ("Harris2015", "Alam2014") if f'cite("{k}")' in text)
    typo = key[:-2] + key[-1] + key[-2]  # two digits swapped, e.g. Alam2041
    page.write_text(text.replace(f'cite("{key}")', f'cite("{typo}")', 1), encoding="utf-8")
    line = line_of(page, typo)
    output = failed_build(project)
    assert re.search(rf"docs/treatment-plan.md:{line}:\d+: unknown reference key\(s\) {typo} \(did you mean '{key}'\?\)", output), output[-3000:]
    assert "correct the key, or add the source there first" in output
