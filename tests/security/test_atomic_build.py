"""Nothing half-built is published (`make build`, scripts/build.py).

A failed, interrupted or killed build leaves the previous site/ exactly as
it was, byte for byte; a publishable build must be told its address."""
from __future__ import annotations

import importlib
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from site_checks.sitebuild import ROOT, copy_project, snapshot

ADDRESS = "https://clinic.example/microneedling/"


def load_build_script():
    return importlib.import_module("scripts.build")


def start_build(project: Path, site_url: str | None = ADDRESS, **popen) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    if site_url is not None:
        env["SITE_URL"] = site_url
    # Its own process group: a kill reaches mkdocs too, as Ctrl-C or a CI
    # cancel reaches every process of `make build`.
    return subprocess.Popen([sys.executable, "-m", "scripts.build", "--project", str(project)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True, **popen)


def run_build(project: Path, site_url: str | None = ADDRESS, **popen) -> subprocess.CompletedProcess:
    process = start_build(project, site_url, **popen)
    out, err = process.communicate(timeout=600)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith((".site-build-", ".site-old-")))


@pytest.fixture(scope="module")
def built_project(tmp_path_factory):
    """A copied project with one finished build; (project, seconds the build took)."""
    project = copy_project(tmp_path_factory.mktemp("atomic"), ROOT)
    started = time.monotonic()
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project, time.monotonic() - started


def change_a_page(project: Path, marker: str) -> None:
    """A new build then differs from the one in site/ (so keeping site/ is not an accident)."""
    page = project / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")


def test_the_build_is_published_for_its_address_and_swapped_in_whole(built_project):
    project, _ = built_project
    page = (project / "site" / "aftercare" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{ADDRESS}aftercare/">' in page
    assert (project / "site" / "_headers").is_file() and (project / "site" / "index.html.gz").is_file()
    assert leftovers(project) == []
    change_a_page(project, "A sentence added for the rebuild test.")
    assert run_build(project).returncode == 0
    assert "A sentence added for the rebuild test." in (project / "site" / "about" / "index.html").read_text(encoding="utf-8")
    assert leftovers(project) == []


def test_without_an_address_the_build_stops_and_says_how_to_set_it(built_project):
    project, _ = built_project
    before = snapshot(project / "site")
    result = run_build(project, site_url=None)
    assert result.returncode != 0
    assert "SITE_URL is not set" in result.stderr and "SITE_URL=https://" in result.stderr and "make build" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project / "site") == before


@pytest.mark.parametrize("value", ["https://clinic.example/no-slash", "javascript:alert(1)//", "https://clinic.example/\"/",
                                   "https://clinic.example/?q=1/"])
def test_an_address_that_is_not_a_plain_web_address_is_refused(value):
    assert load_build_script().site_url_problem(value)
    assert load_build_script().site_url_problem("https://your-name.github.io/your-repository/") is None


def test_a_strict_mode_warning_leaves_the_previous_site_as_it_was(built_project):
    project, _ = built_project
    before = snapshot(project / "site")
    page = project / "docs" / "faq.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\nSee [the missing page](no-such-page.md).\n", encoding="utf-8")
    try:
        result = run_build(project)
    finally:
        page.write_text(original, encoding="utf-8")
    assert result.returncode != 0 and "no-such-page.md" in result.stdout + result.stderr
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_a_full_disk_leaves_the_previous_site_as_it_was(built_project):
    """A file size limit makes every write past 100 KB fail, as a full disk does."""
    project, _ = built_project
    before = snapshot(project / "site")
    change_a_page(project, "A sentence the full disk never publishes.")

    def small_disk():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))

    result = run_build(project, preexec_fn=small_disk)
    assert result.returncode != 0
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


@pytest.mark.parametrize("signal_number", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_a_build_killed_at_any_point_leaves_the_previous_site_as_it_was(built_project, signal_number):
    project, seconds = built_project
    before = snapshot(project / "site")
    landed = 0
    for fraction in (0.05, 0.3, 0.55, 0.8, 0.95):
        change_a_page(project, f"A sentence from an interrupted build at {fraction}.")
        process = start_build(project)
        time.sleep(seconds * fraction)
        if process.poll() is None:
            os.killpg(process.pid, signal_number)
            landed += 1
        process.communicate(timeout=600)
        after = snapshot(project / "site")
        marker = f"from an interrupted build at {fraction}."
        if process.returncode == 0 or after != before:
            # Finished before the signal, or killed after the swap while the
            # previous site was being deleted: then site/ must be the whole
            # new build (every file the previous one had, and the new text).
            assert after.keys() == before.keys(), f"site/ is neither the previous build nor a whole new one at {fraction:.0%}"
            assert marker in (project / "site" / "about" / "index.html").read_text(encoding="utf-8")
            before = after
            continue
        if signal_number == signal.SIGINT:
            assert leftovers(project) == [], "an interrupted build cleans up after itself"
    assert landed >= 3, "most signals should arrive while the build runs"
    # The next build removes what a killed one left beside site/.
    assert run_build(project).returncode == 0 and leftovers(project) == []


def test_a_previous_site_set_aside_by_a_killed_swap_is_put_back(tmp_path):
    """Where folders cannot be exchanged in one step, site/ is renamed aside
    first; a kill right then must not lose it."""
    build_script = load_build_script()
    aside = tmp_path / ".site-old-abc"
    aside.mkdir()
    (aside / "index.html").write_text("previous", encoding="utf-8")
    (tmp_path / ".site-build-def").mkdir()
    build_script.recover_interrupted_swap(tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "previous"
    assert leftovers(tmp_path) == []
