"""The calculator's scripts: their Node tests pass (so the README's test
command runs them), they hold no reader-facing English: every word they
show comes from the build (pipeline/pages/calculator_text.py), and the
build sends them no field they do not read."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from pipeline.data.clinic import Clinic, ClinicPlan
from pipeline.data.protocol import load_protocol
from pipeline.pages.render import calculator_data
from site_checks.sitebuild import ROOT

SCRIPTS = ("dates.js", "calendar.js", "calculator.js")
# Strings a script may hold: calendar-file keywords, a MIME type, selectors
# of the page's data attributes; none of them is read by a person.
TECHNICAL = re.compile(r"^(?:[A-Z][A-Z0-9-]*(?:[;=:][A-Z0-9=:;-]*)?|text/calendar;charset=utf-8|[a-z ]*\[data-[a-z-]+\])$")
LITERAL = re.compile(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|`(?:\\.|[^`\\])*`')
COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)


def english_in(source: str) -> list[str]:
    """String literals that read as words: a space between letters, or a
    capitalised word ("Session"), unless they are technical keywords."""
    code = COMMENT.sub(" ", source)
    found = []
    for literal in LITERAL.findall(code):
        body = literal[1:-1]
        if TECHNICAL.match(body):
            continue
        if re.search(r"[A-Za-z]{2,}[^\n]*\s[^\n]*[A-Za-z]|\b[A-Z][a-z]{2,}", body):
            found.append(body)
    return found


def test_the_scripts_hold_no_reader_facing_english():
    for name in SCRIPTS:
        source = (ROOT / "docs/assets/javascripts" / name).read_text(encoding="utf-8")
        assert english_in(source) == [], f"{name}: words for readers belong in pipeline/pages/calculator_text.py"


def test_the_english_check_finds_the_words_of_yesterdays_script():
    # The script as it was before the build wrote its words.
    old = ('function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }\n'
           'status.textContent = "Calendar file downloaded with " + n;\n'
           'rows.push({ kind: "results", label: "Results check" });\n'
           'var label = "Session";  // a single word, capitalised\n'
           'lines.push("TRANSP:OPAQUE", "DTSTART;VALUE=DATE:" + day);')
    assert english_in(old) == ["Calendar file downloaded with ", "Results check", "Session"]


# Maps the scripts index by a value (a plan's id, a gap's days), not by name.
LOOKUPS = {"plans", "intervalLabels"}


def unread_fields(data, code: str, path: str = "") -> list[str]:
    """Fields of the calculator's data that no script reads as `.field`.
    The words (`words`) are the build's whole word list, shared with the
    plain table, and are not checked here."""
    found = []
    if isinstance(data, list):
        for item in data:
            found += unread_fields(item, code, path + "[]")
    elif isinstance(data, dict):
        for key, value in data.items():
            if key == "words":
                continue
            if not re.search(rf"\.{re.escape(key)}\b", code):
                found.append(f"{path}.{key}")
            elif key in LOOKUPS:
                for entry in value.values():
                    found += unread_fields(entry, code, f"{path}.{key}[id]")
            else:
                found += unread_fields(value, code, f"{path}.{key}")
    return list(dict.fromkeys(found))


def scripts_code() -> str:
    return "\n".join(COMMENT.sub(" ", (ROOT / "docs/assets/javascripts" / name).read_text(encoding="utf-8")) for name in SCRIPTS)


def test_the_build_sends_the_scripts_only_what_they_read():
    protocol = load_protocol(ROOT / "tests/fixtures/protocol/valid.yml", "valid.yml", {"conditions/acne-scars.md"}, {"Alam2014"})
    plan = next(iter(protocol.plans.values()))
    clinic = Clinic(name="Riverside Skin Clinic", plans={plan.id: ClinicPlan(sessions=plan.sessions.max, interval_days=35)})
    data = dict(calculator_data(protocol, plan, clinic), careText="")
    assert data["aftercare"] and data["plans"], "nothing to check"
    assert unread_fields(data, scripts_code()) == []


def test_the_unread_field_check_finds_yesterdays_fields():
    # The data as it was: the gap range, the choices beside their labels, milestone ids.
    old = {"plans": {"acne-scars": {"name": "Acne scars", "intervalDays": {"min": 14, "max": 42}, "intervalChoices": [14, 42],
                                    "intervalLabels": {"14": "2 weeks", "42": "6 weeks"}}},
           "aftercare": [{"id": "makeup", "day": 1, "title": "Make-up"}]}
    assert unread_fields(old, scripts_code()) == [".plans[id].intervalChoices", ".aftercare[].id"]


@pytest.mark.skipif(not shutil.which("node"), reason="Node.js is needed (it is also needed for the HTML checker; see README)")
def test_node_tests_of_the_scripts_pass():
    env = dict(os.environ, PYTHON=sys.executable)
    result = subprocess.run(["node", "--test", "tests/js"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert re.search(r"^# pass [1-9]", result.stdout, re.M), "no Node test ran"
