"""`make test` stops when it cannot find or install a tool the tests need
(class 10): a missing Chromium, Java or nginx must not pass as a shorter,
greener run."""
from __future__ import annotations

import os
import subprocess

import pytest

from site_checks.sitebuild import ROOT

pytestmark = pytest.mark.tools  # runs the tool finders, which install Chromium, Java and nginx

QUICK = "--collect-only -q tests/unit/test_schedule.py"  # what pytest would run if make carried on


def make_test(**tools: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **tools}
    # -o: never re-install the virtual environment or node_modules from here.
    return subprocess.run(["make", "-s", "-o", ".venv/.test-installed", "-o", "node_modules/.installed", "test",
                           f"PYTEST_ARGS={QUICK}"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("variable", ["CHROMIUM_PATH", "JAVA", "NGINX"])
def test_make_test_stops_when_a_tool_finder_fails(variable):
    result = make_test(**{variable: "/nonexistent/tool"})
    assert result.returncode != 0
    assert f"{variable} is set to '/nonexistent/tool', which is not an executable file." in result.stderr
    assert "collected" not in result.stdout, "pytest must not run without the tool"
