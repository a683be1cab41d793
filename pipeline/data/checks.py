"""Small field checks that collect every problem instead of stopping at one."""
from __future__ import annotations

import difflib
import re

from . import limits, safe_text
from .problems import Problem
from .strict_yaml import Located, dotted

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def suggestion(word: str, valid) -> str:
    close = difflib.get_close_matches(str(word), [str(v) for v in valid], n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


class Checker:
    def __init__(self, file: str, data: Located):
        self.file = file
        self.data = data
        self.problems: list[Problem] = []

    def fail(self, path: tuple, message: str, at_key: bool = False) -> None:
        line, column = self.data.where_key(path) if at_key else self.data.where(path)
        self.problems.append(Problem(self.file, line, column, dotted(path), message))

    def mapping(self, value, path: tuple, required: set[str], optional: frozenset = frozenset()) -> bool:
        """A mapping with exactly the expected keys; reports missing and unknown ones."""
        if not isinstance(value, dict):
            self.fail(path, f"expected a mapping with keys {', '.join(sorted(required))}")
            return False
        allowed = required | optional
        for key in value:
            if key not in allowed:
                self.fail(path + (key,), f"unknown key '{key}'{suggestion(key, allowed)}; valid keys: {', '.join(sorted(allowed))}", at_key=True)
        unknown = [k for k in value if k not in allowed]
        for key in sorted(required - value.keys()):
            close = difflib.get_close_matches(key, [str(k) for k in unknown], n=1)
            if close:
                line, _ = self.data.where_key(path + (close[0],))
                self.fail(path, f"missing key '{key}'; is '{close[0]}' on line {line} a misspelling of it? Rename it to '{key}'")
            else:
                self.fail(path, f"missing key '{key}'; add it (the other entries in this file show the format)")
        return True

    def text(self, value, path: tuple) -> bool:
        if not isinstance(value, str) or not value.strip():
            self.fail(path, f"expected non-empty text, got {describe(value)}")
            return False
        return True

    def single_line(self, value, path: tuple, field: str, multi_line: bool = False) -> bool:
        """Non-empty text within the length limit of `field` (pipeline/data/limits.py),
        without line breaks (unless `multi_line`) or invisible characters."""
        if not self.text(value, path):
            return False
        problem = safe_text.text_problem(value, limits.TEXT[field], multi_line)
        if problem:
            self.fail(path, problem)
            return False
        return True

    def limited(self, value, path: tuple, limit: limits.NumberLimit) -> bool:
        """A whole number within a plausibility limit, with a hint at the likely slip."""
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(path, f"expected a whole number from {limit.low} to {limit.high}, got {describe(value)}")
            return False
        problem = limit.problem(value)
        if problem:
            self.fail(path, problem)
            return False
        return True

    def whole_number(self, value, path: tuple, minimum: int) -> bool:
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(path, f"expected a whole number ≥ {minimum}, got {describe(value)}")
            return False
        if value < minimum:
            self.fail(path, f"must be ≥ {minimum}, got {value}")
            return False
        return True

    def choice(self, value, path: tuple, valid) -> bool:
        if value not in valid:
            self.fail(path, f"{describe(value)} is not valid{suggestion(value, valid)}; choose one of: {', '.join(map(str, valid))}")
            return False
        return True

    def slug(self, value, path: tuple) -> bool:
        if not isinstance(value, str) or not SLUG.match(value):
            self.fail(path, f"{describe(value)} is not a valid id; use lower-case letters, digits and single hyphens, e.g. 'acne-scars'")
            return False
        return True

    def range_triple(self, value, path: tuple, limit: limits.NumberLimit) -> bool:
        """{min, max} and an optional typical: plausible whole numbers with min ≤ typical ≤ max.

        `typical` is left out where no source names a usual value."""
        if not self.mapping(value, path, {"min", "max"}, frozenset({"typical"})):
            return False
        ok = all([self.limited(value.get(k), path + (k,), limit) for k in ("min", "typical", "max") if k in value])
        if ok and value.keys() >= {"min", "max"}:
            low, high = value["min"], value["max"]
            if low > high:
                self.fail(path + ("min",), f"min ({low}) is greater than max ({high}); min ≤ typical ≤ max")
                return False
            if "typical" in value and not low <= value["typical"] <= high:
                self.fail(path + ("typical",), f"typical ({value['typical']}) must lie between min ({low}) and max ({high})")
                return False
        return ok and value.keys() >= {"min", "max"}


def describe(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "a mapping"
    return str(value)
