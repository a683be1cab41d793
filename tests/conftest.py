"""Shared fixtures: one strict build of the site per test session, a local
HTTP server for it, and the system Chromium driven by Playwright."""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from site_checks import sampled_pages
from site_checks.sitebuild import ROOT, build, copy_project, free_port, parse_headers_file, serve, set_config

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass(frozen=True)
class BuiltSite:
    project: Path  # the copied project it was built from
    root: Path  # the built site/ folder
    url: str  # where the local server serves it, ending in "/"

    def pages(self) -> list[Path]:
        """Every built HTML page except search and 404 helpers."""
        return sorted(p for p in self.root.rglob("*.html") if p.name != "404.html")

    def sampled_pages(self) -> list[Path]:
        """pages(): every English one and a sample of the Spanish ones, for checks in a browser."""
        return sampled_pages(self.pages(), self.root)


def build_and_serve(project: Path, port: int):
    """Strict build of a copied project, served with the security headers the
    build wrote (site/_headers), as a static host would send them."""
    result = build(project)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    rules = parse_headers_file((project / "site" / "_headers").read_text(encoding="utf-8"))
    return serve(project / "site", port, rules)


def new_project(tmp_path_factory, port: int) -> Path:
    project = copy_project(tmp_path_factory.mktemp("project"), ROOT)
    # Instant navigation only works when site_url is the origin it is served from.
    set_config(project, "site_url", f"http://127.0.0.1:{port}/")
    return project


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    """The site as shipped: no clinic set."""
    port = free_port()
    project = new_project(tmp_path_factory, port)
    server = build_and_serve(project, port)
    yield BuiltSite(project, project / "site", f"http://127.0.0.1:{port}/")
    server.shutdown()


@dataclass(frozen=True)
class ClinicSite(BuiltSite):
    host_url: str  # a second local origin, listed in the clinic's embed_origins


@pytest.fixture(scope="session")
def clinic_site(tmp_path_factory) -> ClinicSite:
    """The same site built with the sample clinic of tests/fixtures/clinic/."""
    port, host_port = free_port(), free_port()
    host_url = f"http://127.0.0.1:{host_port}/"
    project = new_project(tmp_path_factory, port)
    settings = (FIXTURES / "clinic" / "sample.yml").read_text(encoding="utf-8")
    (project / "docs" / "_data" / "clinic.yml").write_text(settings.replace("HOST_ORIGIN", host_url.rstrip("/")), encoding="utf-8")
    shutil.copy(FIXTURES / "clinic" / "clinic-logo.svg", project / "docs" / "assets" / "images" / "clinic-logo.svg")
    server = build_and_serve(project, port)
    yield ClinicSite(project, project / "site", f"http://127.0.0.1:{port}/", host_url)
    server.shutdown()


@pytest.fixture
def clinic_host(clinic_site, tmp_path):
    """A clinic's page with one iframe (pageview.HOST_PAGE), served on the
    sample clinic's second origin; its address."""
    from pageview import HOST_PAGE

    (tmp_path / "index.html").write_text(HOST_PAGE, encoding="utf-8")
    port = int(clinic_site.host_url.rsplit(":", 1)[1].strip("/"))
    server = serve(tmp_path, port)
    yield clinic_site.host_url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail("No Chromium: run the tests with `make test`, which finds or installs one (see README).")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        yield browser
        browser.close()


def pytest_terminal_summary(terminalreporter):
    """The one-page quality report (site_checks/report.py), from the
    results the quality tests recorded in this session; before it, a banner
    listing any screenshot comparison skipped for another Chromium or font."""
    from site_checks import RECORD
    from screenshots import skipped_banner

    skipped_banner(terminalreporter)
    if RECORD.site_root is None or not RECORD.site_root.exists():
        return
    from site_checks.report import format_report, page_rows

    terminalreporter.write_sep("=", "quality report")
    terminalreporter.write_line(format_report(page_rows(RECORD.site_root, RECORD.project, RECORD.axe, RECORD.html_errors)))


COLLECTED_FILES: set[Path] = set()


def pytest_itemcollected(item):
    """Every file a test came from, before any -k or -m selection (see
    tests/unit/test_suite_layout.py)."""
    COLLECTED_FILES.add(Path(item.path).resolve())
