"""A banner at the end of the test session when screenshot comparisons were
skipped because the baselines came from another Chromium or font: a skip
must not quietly hide a changed page (see test_screenshots.py)."""
from screenshots import SKIPPED


def pytest_terminal_summary(terminalreporter):
    if not SKIPPED:
        return
    terminalreporter.write_sep("!", "SCREENSHOT BASELINES NOT CHECKED", red=True, bold=True)
    terminalreporter.write_line("These screenshots differ from baselines made with another Chromium or font:", red=True)
    for line in SKIPPED:
        terminalreporter.write_line(f"  {line}", red=True)
    terminalreporter.write_line("Look at tests/visual/output/*.diff.png; if only the browser or font changed, run `make screenshots` and commit.", red=True)
