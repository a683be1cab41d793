"""List the pages whose review is due within N days (or already overdue).

  python -m scripts.review_due [--within 30] [--today YYYY-MM-DD]

One line per page, soonest first: due date, page, title, separated by tabs.
The weekly workflow .github/workflows/review-reminders.yml opens a reminder
issue for each line that has none yet.  Exit status 0 whether or not pages
are listed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
from pipeline.data.governance import front_matter
from pipeline.data.source_text import read_source


def pages_due(docs: Path, today: dt.date, within_days: int) -> list[tuple[dt.date, str, str]]:
    """(next_review, page under docs/, title) of each page due on or before today + within_days."""
    limit = today + dt.timedelta(days=within_days)
    due = []
    for path in sorted(docs.rglob("*.md")):
        meta = front_matter(read_source(path))
        day = meta.get("next_review")
        if isinstance(day, dt.date) and day <= limit:
            due.append((day, path.relative_to(docs).as_posix(), str(meta.get("title") or "")))
    return sorted(due)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--within", type=int, default=30, help="days ahead (default 30)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(), help="YYYY-MM-DD (default: today)")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs")
    args = parser.parse_args(argv)
    for day, page, title in pages_due(args.docs, args.today, args.within):
        print(f"{day.isoformat()}\tdocs/{page}\t{title}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
