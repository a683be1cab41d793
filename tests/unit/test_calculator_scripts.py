"""The calculator's scripts: their Node tests pass (so the README's test
command runs them), and they hold no reader-facing English: every word they
show comes from the build (pipeline/pages/calculator_text.py)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

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


@pytest.mark.skipif(not shutil.which("node"), reason="Node.js is needed (it is also needed for the HTML checker; see README)")
def test_node_tests_of_the_scripts_pass():
    env = dict(os.environ, PYTHON=sys.executable)
    result = subprocess.run(["node", "--test", "tests/js"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert re.search(r"^# pass [1-9]", result.stdout, re.M), "no Node test ran"
