"""Error reporting shared by every loader: where, which field, what is valid."""
from __future__ import annotations

from dataclasses import dataclass

from mkdocs.exceptions import PluginError


@dataclass(frozen=True)
class Problem:
    """One mistake in a data file, located for the person who must fix it."""

    file: str
    line: int  # 1-based
    column: int  # 1-based
    path: str  # dotted key path, e.g. "plans.acne-scars.sessions.min"
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        field = f" {self.path}:" if self.path else ""
        return f"{where}:{field} {self.message}"


def locate(source: str, text: str) -> tuple[int, int]:
    """(line, column) of the first `text` in a file's source; (1, 1) if absent."""
    index = source.find(text)
    if index < 0:
        return 1, 1
    return source.count("\n", 0, index) + 1, index - (source.rfind("\n", 0, index) + 1) + 1


class DataFileError(PluginError):
    """All the problems found (in one file, or one per link across pages), reported together."""

    def __init__(self, problems: list[Problem], partial=None):
        self.problems = problems
        # What the loader could still read, without the broken entries (None:
        # nothing usable), so that one build can go on to report the problems
        # of the other files and pages too.  Never published: the build fails.
        self.partial = partial
        noun = "problem" if len(problems) == 1 else "problems"
        files = ", ".join(dict.fromkeys(problem.file for problem in problems))
        lines = [f"{len(problems)} {noun} in {files}:"]
        lines += [f"  {problem}" for problem in problems]
        super().__init__("\n".join(lines))
