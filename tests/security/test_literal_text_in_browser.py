"""Class 2 of issue 10 in a real Chromium: staff text fields holding HTML,
Markdown links and javascript: addresses are shown as the literal text on
every page they reach; no dialog opens, no injected element exists, and
nothing is requested from another host, with no security headers at all
(escaping alone must hold) and with the headers the build writes."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from site_checks.sitebuild import ROOT, build, copy_project, free_port, log_clinical_change, parse_headers_file, serve, set_config

pytestmark = pytest.mark.browser

NAME = "Riverside <img src=x onerror=alert(1)> [Book](javascript:alert(2))"
ADDRESS = "**1 River Walk** <h1>Second heading</h1> `code`"
PLAN = "Acne scars <img src=x onerror=alert(3)>"
LABEL = "Alam <img src=x onerror=alert(4)> 2014"
PAGES = {  # page: the hostile texts it shows
    "": [NAME, PLAN],  # clinic strip; plans table
    "conditions/acne-scars/": [NAME, ADDRESS, LABEL],  # strip, contact box, citations
    "treatment-plan/": [PLAN.lower()],  # calculator caption
    "references/": [LABEL],
    "embed/conditions/acne-scars/": [NAME, ADDRESS],
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    port = free_port()
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project", ROOT)
    set_config(project, "site_url", f"http://127.0.0.1:{port}/")
    data = project / "docs" / "_data"
    (data / "clinic.yml").write_text(
        f"name: '{NAME}'\naddress: '{ADDRESS}'\nphone: '+44 20 7946 0000'\n"
        "booking_url: https://booking.riverside-clinic.example/x\n", encoding="utf-8")
    protocol = (data / "protocol.yml").read_text(encoding="utf-8")
    (data / "protocol.yml").write_text(protocol.replace("name: Acne scars", f"name: '{PLAN}'", 1), encoding="utf-8")
    # The Spanish words carry the same numbers as the English (the twin check), so the same attack.
    spanish = (data / "protocol.es.yml").read_text(encoding="utf-8")
    (data / "protocol.es.yml").write_text(spanish.replace("name: Cicatrices de acné", f"name: '{PLAN.replace('Acne scars', 'Cicatrices de acné')}'", 1), encoding="utf-8")
    log_clinical_change(project, "A hostile plan name.")
    references = (data / "references.yml").read_text(encoding="utf-8")
    (data / "references.yml").write_text(references.replace("label: Alam 2014", f"label: '{LABEL}'", 1), encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    bare = serve(site, port)  # no headers: escaping alone must hold
    headers_port = free_port()
    guarded = serve(site, headers_port, parse_headers_file((site / "_headers").read_text(encoding="utf-8")))
    yield {"without headers": f"http://127.0.0.1:{port}/", "with headers": f"http://127.0.0.1:{headers_port}/"}
    bare.shutdown()
    guarded.shutdown()


@pytest.mark.parametrize("served", ["without headers", "with headers"])
def test_hostile_text_fields_show_as_literal_text(browser, hostile_site, served):
    base = hostile_site[served]
    context = browser.new_context()
    page = context.new_page()
    events: list[str] = []
    page.on("dialog", lambda dialog: (events.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("request", lambda request: urlparse(request.url).netloc not in ("", urlparse(base).netloc)
            and not request.url.startswith(("data:", "blob:")) and events.append(f"request: {request.url}"))
    for path, texts in PAGES.items():
        page.goto(base + path)
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)  # an injected handler would have fired by now
        shown = page.evaluate("document.body.innerText")
        for text in texts:
            assert text in shown, f"{path}: {text!r} is not shown as typed"
        injected = page.evaluate("""() => [
            ...document.querySelectorAll('img[src="x"], article h1 ~ h1, a[href^="javascript:" i]')
        ].map(e => e.outerHTML)""")
        assert injected == [], f"{path}: {injected}"
    context.close()
    assert events == []
