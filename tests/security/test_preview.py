"""The live preview (`make serve`) keeps reloading as staff save: the pages'
<meta> policy, which blocks every inline script but Material's, is left out
of the preview, whose server adds an inline reload script to each page."""
from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request

import pytest

from site_checks.sitebuild import ROOT, copy_project, free_port

pytestmark = pytest.mark.browser

WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


def test_make_serve_asks_for_a_preview_without_the_page_policy():
    command = subprocess.run(["make", "-s", "-n", "-o", ".venv/.site-installed", "serve"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
    assert "LIVE_PREVIEW=1" in command and "mkdocs serve" in command and "-u SITE_URL" in command


def preview_violations(browser, project, live_preview: bool) -> list[str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "LIVE_PREVIEW"}}
    env["NO_MKDOCS_2_WARNING"] = "1"
    if live_preview:
        env["LIVE_PREVIEW"] = "1"
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/aftercare/"
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(url, timeout=2).read()
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "mkdocs serve did not start"
                time.sleep(0.5)
        context = browser.new_context()
        context.add_init_script(WATCH_CSP)
        page = context.new_page()
        page.goto(url)
        page.wait_for_load_state("load")
        violations = page.evaluate("window.__cspViolations")
        context.close()
        return violations
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_live_preview_runs_its_reload_script(browser, tmp_path):
    project = copy_project(tmp_path / "project", ROOT)
    assert preview_violations(browser, project, live_preview=True) == []
    # Can fail: with the page policy, the preview's reload script is blocked.
    assert any(v.startswith("script-src") for v in preview_violations(browser, project, live_preview=False))
