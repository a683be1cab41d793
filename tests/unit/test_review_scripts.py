"""scripts/review_due.py (the weekly reminder's list) and scripts/fingerprint.py
(what a sign-off and the corrections log record)."""
import datetime as dt
import hashlib
import subprocess
import sys

from site_checks.sitebuild import ROOT

PAGE = """---
title: {title}
next_review: {due}
---
# {title}

Text.
"""


def write_pages(docs, dues):
    for name, due in dues.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(title=name.upper(), due=due), encoding="utf-8")


def run(script, *args):
    """A command as its usage line says: `python -m scripts.<name>` from the repository root."""
    return subprocess.run([sys.executable, "-m", f"scripts.{script}", *args], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout


def test_pages_due_within_30_days_and_overdue_are_listed_soonest_first(tmp_path):
    write_pages(tmp_path, {
        "late.md": "2026-10-01",             # overdue: still listed
        "soon.md": "2026-12-31",             # exactly 30 days after 2026-12-01
        "later/page.md": "2027-01-01",       # 31 days: not yet
    })
    output = run("review_due", "--today", "2026-12-01", "--docs", str(tmp_path))
    assert output.splitlines() == ["2026-10-01\tdocs/late.md\tLATE.MD", "2026-12-31\tdocs/soon.md\tSOON.MD"]


def test_nothing_due_prints_nothing(tmp_path):
    write_pages(tmp_path, {"page.md": "2028-01-01"})
    assert run("review_due", "--today", "2026-12-01", "--docs", str(tmp_path)) == ""


def test_page_fingerprint_is_the_sha256_of_the_body(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(PAGE.format(title="T", due="2027-01-01"), encoding="utf-8")
    expected = hashlib.sha256("# T\n\nText.".encode("utf-8")).hexdigest()[:16]
    assert run("fingerprint", str(page)).strip() == f'fingerprint: "{expected}"'


def test_clinical_fingerprint_is_the_one_the_log_needs():
    import yaml

    log = yaml.safe_load((ROOT / "docs" / "_data" / "corrections.yml").read_text(encoding="utf-8"))
    assert run("fingerprint", "--clinical").strip() == f'fingerprint: "{log["corrections"][0]["fingerprint"]}"'


def test_workflows_remind_weekly_and_republish_weekly():
    """The reminder workflow runs the tested script weekly with the right to
    open issues; the site workflow rebuilds and republishes on a schedule."""
    import yaml

    workflows = ROOT / ".github" / "workflows"
    reminders = yaml.safe_load((workflows / "review-reminders.yml").read_text(encoding="utf-8"))
    triggers = reminders[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["schedule"] and reminders["permissions"]["issues"] == "write"
    steps = " ".join(step.get("run", "") for step in reminders["jobs"]["remind"]["steps"])
    assert "python -m scripts.review_due --within 30" in steps and "gh issue create" in steps
    site = yaml.safe_load((workflows / "site.yml").read_text(encoding="utf-8"))
    assert site[True]["schedule"]
    assert "github.event_name == 'schedule'" in site["jobs"]["deploy"]["if"]


def test_a_page_saved_with_a_byte_order_mark_is_the_same_page(tmp_path):
    # Windows Notepad saves UTF-8 with a mark at the start; MkDocs drops it.
    # The reminder must still list the page, and its fingerprint must not change.
    write_pages(tmp_path, {"marked.md": "2026-12-10"})
    page = tmp_path / "marked.md"
    plain = run("fingerprint", str(page))
    page.write_bytes("\ufeff".encode("utf-8") + page.read_bytes())
    assert run("fingerprint", str(page)) == plain
    assert run("review_due", "--today", "2026-12-01", "--docs", str(tmp_path)).splitlines() == ["2026-12-10\tdocs/marked.md\tMARKED.MD"]
