"""Issue 14: one build names every mistake in the data files and the pages,
each once, in plain words and without a Python traceback; nothing is
published.  The live preview (`make serve`) stays up, shows the problems in
the terminal and on the page, and recovers when the file is fixed."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request

import pytest

from site_checks.sitebuild import ROOT, build, copy_project, free_port

PROTOCOL = "docs/_data/protocol.yml"
INTERVAL = "interval_days: {typical: 28, min: 14, max: 42}"


def edit(project, name: str, old: str, new: str) -> int:
    """Replace `old` (which must be there) with `new`; returns its line number."""
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{name} no longer contains {old!r}: update this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


def three_mistakes(project) -> dict[str, int]:
    """A protocol slip (weeks typed as days), an unknown citation key on one
    page and a broken link on another: where each is, by file."""
    return {
        PROTOCOL: edit(project, PROTOCOL, INTERVAL, "interval_days: {typical: 3, min: 2, max: 6}"),
        "docs/aftercare.md": edit(project, "docs/aftercare.md", 'cite("Chu2021")', 'cite("Chu2012")'),
        "docs/faq.md": edit(project, "docs/faq.md", "(how-it-works.md)", "(how-it-work.md)"),
    }


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("three-mistakes"), ROOT)
    lines = three_mistakes(project)
    return project, lines, build(project)


def test_one_build_names_all_three_mistakes_in_three_files(broken_build):
    project, lines, result = broken_build
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert not (project / "site").exists(), "a failed build must leave nothing to publish"
    assert f"{PROTOCOL}:{lines[PROTOCOL]}:" in output and "did you mean 3 weeks = 21 days?" in output
    assert f"docs/aftercare.md:{lines['docs/aftercare.md']}:" in output and "Chu2012" in output and "'Chu2021'" in output
    assert f"docs/faq.md:{lines['docs/faq.md']}:" in output and "'how-it-work.md'" in output
    assert "Traceback" not in output and "Macro Rendering Error" not in output
    # Pages that show the broken plan wait for its fix: no second, misleading "unknown plan".
    assert "unknown plan" not in output


def test_each_problem_is_named_once(broken_build):
    _, _, result = broken_build
    report = result.stdout + result.stderr
    listed = re.findall(r"^\s+(docs/\S+:\d+:\d+:.*)$", report, flags=re.M)
    assert listed, report
    assert len(listed) == len(set(listed)), listed
    assert sum("Chu2012" in line for line in listed) == 1


def test_the_same_build_without_the_mistakes_passes(tmp_path):
    """Can fail: the three edits above are what makes the build fail."""
    project = copy_project(tmp_path / "project", ROOT)
    result = build(project)
    assert result.returncode == 0, result.stderr


def fetch(url: str) -> str:
    return urllib.request.urlopen(url, timeout=5).read().decode("utf-8")


def wait_for(check, server, seconds: float = 120):
    deadline = time.monotonic() + seconds
    while True:
        try:
            value = check()
            if value:
                return value
        except OSError:
            pass
        assert server.poll() is None, "the live preview stopped"
        assert time.monotonic() < deadline, "timed out waiting for the live preview"
        time.sleep(0.5)


def serve_options() -> list[str]:
    """The options `make serve` gives `mkdocs serve` (read from make's dry run)."""
    command = subprocess.run(["make", "-s", "-n", "-o", ".venv/.site-installed", "serve"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
    assert "LIVE_PREVIEW=1" in command
    return command.split("mkdocs serve", 1)[1].split()


def test_the_live_preview_stays_up_shows_the_problems_and_recovers(tmp_path):
    project = copy_project(tmp_path / "project", ROOT)
    three_mistakes(project)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    env.update(NO_MKDOCS_2_WARNING="1", LIVE_PREVIEW="1", PYTHONDONTWRITEBYTECODE="1")
    log = tmp_path / "serve.log"
    with open(log, "w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", *serve_options(), "-a", f"127.0.0.1:{port}"],
                                  cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}/"
        faq = wait_for(lambda: fetch(base + "faq/"), server)
        assert "build-problems" in faq and "how-it-work.md" in faq  # its own problem
        assert "did you mean 3 weeks = 21 days?" in faq  # the data file's, on every page
        aftercare = fetch(base + "aftercare/")
        assert "Chu2012" in aftercare and "how-it-work.md" not in aftercare
        assert "{{" not in aftercare and "Traceback" not in aftercare
        # The pages keep their stylesheet and scripts (search, the menu) while they show the problems.
        assets = re.findall(r'(?:href|src)="(?:\.\./)*(assets/(?:stylesheets|javascripts)/[^"]+)"', aftercare)
        assert any(a.endswith("page.js") for a in assets) and any(a.endswith(".css") for a in assets), assets
        for asset in assets:
            assert fetch(base + asset), asset
        terminal = log.read_text()
        assert "PROBLEMS - " in terminal and "Chu2012" in terminal and "Traceback" not in terminal
        # Fix all three: the preview rebuilds without the box.
        (project / PROTOCOL).write_text((ROOT / PROTOCOL).read_text(encoding="utf-8"), encoding="utf-8")
        (project / "docs/faq.md").write_text((ROOT / "docs/faq.md").read_text(encoding="utf-8"), encoding="utf-8")
        (project / "docs/aftercare.md").write_text((ROOT / "docs/aftercare.md").read_text(encoding="utf-8"), encoding="utf-8")
        fixed = wait_for(lambda: (lambda page: "build-problems" not in page and page)(fetch(base + "aftercare/")), server)
        assert "ref-chu2021" in fixed  # the citation is rendered again
        assert "build-problems" not in fetch(base + "faq/")
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_broken_source_is_named_once_not_as_unknown_wherever_it_is_cited(tmp_path):
    """A mistake in one entry of the reference list is reported there, once;
    the pages and files that cite the entry are not reported as citing an
    unknown key (Chu2021 is cited on several pages)."""
    project = copy_project(tmp_path / "project", ROOT)
    line = edit(project, "docs/_data/references.yml", "Chu2021:\n  label: Chu 2021", "Chu2021:\n  label: Chu 2021\n  colour: red") + 2
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and not (project / "site").exists()
    assert f"docs/_data/references.yml:{line}:" in output and "unknown key 'colour'" in output
    assert "Chu2021" not in output.split("unknown key 'colour'", 1)[1].split("\n", 1)[1], output[-2000:]
    assert "Traceback" not in output


def test_a_misspelt_value_in_an_instruction_is_named_at_its_line_with_the_others(tmp_path):
    """A call that only fails while the page is rendered used to print a
    traceback under "Macro Rendering Error" and exit (the preview too)."""
    project = copy_project(tmp_path / "project", ROOT)
    line = edit(project, "docs/treatment-plan.md", 'plan("acne-scars").sessions.typical }}', 'plan("acne-scars").sessions.typicall }}')
    link_line = edit(project, "docs/faq.md", "(how-it-works.md)", "(how-it-work.md)")
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and not (project / "site").exists()
    assert f"docs/treatment-plan.md:{line}:" in output and "'typicall'" in output and "did you mean 'typical'?" in output
    assert f"docs/faq.md:{link_line}:" in output
    assert "Traceback" not in output and "Macro Rendering Error" not in output
