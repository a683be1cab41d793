"""Modules import each other as packages from the repository root (pytest's
`pythonpath`, `python -m scripts.<name>`, mkdocs-macros' project folder): no
file edits the import path, so what a file imports is what it says."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

from site_checks.sitebuild import ROOT

PATH_EDIT = re.compile(r"\bsys\.path\s*(?:\.|\[|\+?=)")


def path_edits(files: list[Path], root: Path) -> list[str]:
    return [f"{path.relative_to(root)}:{number}"
            for path in files
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if PATH_EDIT.search(line)]


def test_no_file_of_the_project_edits_the_import_path():
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.py"],
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    files = [ROOT / name for name in listed if (ROOT / name).is_file()]
    assert len(files) > 50, "the project's Python files are listed"
    assert path_edits(files, ROOT) == []


def test_an_import_path_edit_is_found(tmp_path):
    script = tmp_path / "tool.py"
    script.write_text("import sys\n" + "sys" + '.path.insert(0, "scripts")\nimport helper\n', encoding="utf-8")
    assert path_edits([script], tmp_path) == ["tool.py:2"]
