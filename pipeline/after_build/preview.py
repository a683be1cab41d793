"""The live preview's problems, shown on the built pages instead of stopping it."""
from __future__ import annotations

from pathlib import Path

from ..pages import problem_report
from ..urls import built_file


def show_in_pages(site_dir: Path, docs_dir: Path, problems: list, use_directory_urls: bool) -> None:
    """Each built page of the preview with a box of its own problems and those
    of every file that is not a page (data files, snippets)."""
    pages = {f"docs/{p.relative_to(docs_dir).as_posix()}": p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")}
    shared = [p for p in problems if p.file not in pages]
    for name, src in pages.items():
        own = [p for p in problems if p.file == name]
        built = site_dir / built_file(src, use_directory_urls)
        if (own or shared) and built.is_file():
            built.write_text(problem_report.with_box(built.read_text(encoding="utf-8"), problem_report.error_box(own, shared)),
                             encoding="utf-8")
