"""One-page quality report: for every built page, its reading grade, words,
next review date, number of references, accessibility (axe) violations and
HTML errors.

`make report` builds the site, runs axe (phone and desktop width) and the Nu
Html Checker, and prints the table.  `make test` prints the same table at the
end of the test session from the results of its own checks.

Usage: python -m site_checks.report [--site DIR]
  --site DIR  report on an already built site folder instead of building a copy
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
from . import readability
from . import (
    VIEWPORTS, axe_violations, front_matter, html_pages, name_of, run_vnu, source_of, split_filtered, url_of,
)


@dataclass(frozen=True)
class Row:
    page: str
    grade: float | None  # English pages: Flesch-Kincaid grade
    ease: float | None  # Spanish pages: Fernández-Huerta reading ease
    words: int | None
    review_due: dt.date | None
    references: int | None
    axe: int | None  # violations summed over the widths checked; None: not checked
    html_errors: int | None  # None: not checked


def page_rows(site_root: Path, project: Path, axe: dict[str, dict[str, int]], html_errors: dict[str, int]) -> list[Row]:
    rows = []
    for path in html_pages(site_root):
        name = name_of(site_root, path)
        source = source_of(project, site_root, path)
        meta = front_matter(source) if source else {}
        html = path.read_text(encoding="utf-8")
        measured = readability.measure(html) if source else None
        spanish = source is not None and source.name.endswith(".es.md")
        due = meta.get("next_review")
        rows.append(Row(
            page=name,
            grade=measured.grade if measured and not spanish else None,
            ease=readability.reading_ease_es(html) if spanish else None,
            words=measured.words if measured else None,
            review_due=due if isinstance(due, dt.date) else None,
            references=len(meta.get("references") or []) if source else None,
            axe=sum(axe[name].values()) if name in axe else None,
            html_errors=html_errors.get(name),
        ))
    return rows


def format_report(rows: list[Row], today: dt.date | None = None) -> str:
    today = today or dt.date.today()

    def show(value, width, fmt="{}"):
        return ("—" if value is None else fmt.format(value)).rjust(width)

    width = max([len(r.page) for r in rows] + [4])
    lines = [
        "Quality report: reading grade (Flesch-Kincaid, body text; aim ≤ 7, limit 8), Spanish reading ease "
        "(Fernández-Huerta; at least 60), words, next review, references, axe violations (phone + desktop), HTML errors",
        f"{'page'.ljust(width)}  {'grade':>5}  {'ease':>5}  {'words':>5}  {'review due':>10}  {'refs':>4}  {'axe':>3}  {'html':>4}",
    ]
    for r in rows:
        due = "—" if r.review_due is None else r.review_due.isoformat() + (" !" if r.review_due < today else "")
        lines.append(
            f"{r.page.ljust(width)}  {show(r.grade, 5, '{:.1f}')}  {show(r.ease, 5, '{:.1f}')}  {show(r.words, 5)}  {due:>10}  "
            f"{show(r.references, 4)}  {show(r.axe, 3)}  {show(r.html_errors, 4)}"
        )
    checked = [r for r in rows if r.axe is not None or r.html_errors is not None]
    soon = [r.page for r in rows if r.review_due and (r.review_due - today).days <= 60]
    lines.append(
        f"{len(rows)} pages; axe violations {sum(r.axe or 0 for r in rows)}, HTML errors {sum(r.html_errors or 0 for r in rows)}"
        + ("" if checked else " (accessibility and HTML not checked in this run)")
        + (f"; review due within 60 days: {', '.join(soon)}" if soon else "")
    )
    return "\n".join(lines)


def check_site(site_root: Path, url: str) -> tuple[dict, dict]:
    """Run axe at both widths and the Nu Html Checker over a served site."""
    from playwright.sync_api import sync_playwright

    axe: dict[str, dict[str, int]] = {}
    pages = html_pages(site_root)
    chromium = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        for viewport, size in VIEWPORTS.items():
            context = browser.new_context(viewport=size)
            page = context.new_page()
            for path in pages:
                page.goto(url_of(site_root, url, path))
                axe.setdefault(name_of(site_root, path), {})[viewport] = len(axe_violations(page))
            context.close()
        browser.close()
    results = run_vnu(pages)
    html_errors = {name_of(site_root, p): len(split_filtered(results.get(p.resolve(), []))[0]) for p in pages}
    return axe, html_errors


@contextlib.contextmanager
def served_site(site: Path | None = None):
    """(site folder, project, address): a strict build of a copy of the project
    served on a free local port, or an already built `site` folder served."""
    from .sitebuild import build, copy_project, free_port, serve, set_config

    with tempfile.TemporaryDirectory(prefix="site-check-") as temporary:
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        if site:
            site_root, project = site.resolve(), ROOT
        else:
            project = copy_project(Path(temporary) / "project", ROOT)
            set_config(project, "site_url", url)
            result = build(project)
            if result.returncode != 0:
                sys.exit(f"The strict build failed; fix it first:\n{result.stderr[-4000:]}")
            site_root = project / "site"
        server = serve(site_root, port)
        try:
            yield site_root, project, url
        finally:
            server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="an already built site folder (default: build a copy of the project)")
    args = parser.parse_args()
    with served_site(args.site) as (site_root, project, url):
        axe, html_errors = check_site(site_root, url)
        print(format_report(page_rows(site_root, project, axe, html_errors)))


if __name__ == "__main__":
    main()
