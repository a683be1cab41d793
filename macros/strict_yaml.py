"""Read YAML strictly, keeping the line and column of every value.

PyYAML follows YAML 1.1: it silently keeps the last of two duplicate keys,
reads `no` as False and `12:30` as the number 750.  For a file edited by
clinic staff each of these is a mistake to report, not a value to use.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem

# YAML 1.1 booleans that are not spelled true/false: almost always a typo or
# an answer meant as text ("no", "off"), so we refuse to guess.
PLAIN_BOOLEANS = {"true", "false"}
# libyaml's parser when PyYAML has it (same nodes and marks, several times faster).
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Located:
    """Plain Python data plus the (line, column) of every key path."""

    value: object
    marks: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[tuple, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: tuple) -> tuple[int, int]:
        """Position of `path`, or of its nearest located parent."""
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))

    def where_key(self, path: tuple) -> tuple[int, int]:
        """Position of the key itself (for unknown or misspelt keys)."""
        return self.key_marks.get(path) or self.where(path)


def dotted(path: tuple) -> str:
    return ".".join(f"[{part}]" if isinstance(part, int) else str(part) for part in path).replace(".[", "[")


class _Reader:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self.marks: dict[tuple, tuple[int, int]] = {}
        self.key_marks: dict[tuple, tuple[int, int]] = {}

    def problem(self, node: yaml.Node, path: tuple, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.file, mark.line + 1, mark.column + 1, dotted(path), message))

    def build(self, node: yaml.Node, path: tuple) -> object:
        self.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (index,)) for index, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: tuple) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, path, "a key must be a plain word, not a list or mapping")
                continue
            key = key_node.value
            if key == "<<":
                self.problem(key_node, path, "merge keys (<<) are not supported; write the values out")
                continue
            if key in result:
                first_line = self.marks[path + (key,)][0]
                self.problem(key_node, path + (key,), f"duplicate key '{key}' (first defined on line {first_line}); keep only one")
                continue
            self.key_marks[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, path + (key,))
            # Point at the value for scalars, at the key for nested blocks.
            if not isinstance(value_node, yaml.ScalarNode):
                self.marks[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return result

    def _scalar(self, node: yaml.ScalarNode, path: tuple) -> object:
        if node.style:  # quoted or block text: always a string
            return node.value
        tag = node.tag.rsplit(":", 1)[-1]
        text = node.value
        if tag == "bool" and text.lower() not in PLAIN_BOOLEANS:
            self.problem(node, path, f"'{text}' would be read as true/false; write true or false, or put text in quotes (\"{text}\")")
            return text
        if tag in {"int", "float"} and ":" in text:
            self.problem(node, path, f"'{text}' would be read as a base-60 number; put it in quotes (\"{text}\") or write a plain number")
            return text
        if tag in {"int", "float", "bool", "null", "timestamp"}:
            return yaml.safe_load(text)  # a lone plain scalar types itself the same way
        return text


def load(path: Path, display_name: str | None = None) -> tuple[Located, list[Problem]]:
    """Parse `path`; return the data with positions and every problem found."""
    name = display_name or str(path)
    if not path.is_file():
        return Located(None), [Problem(name, 1, 1, "", "file not found; it must exist (see CONTRIBUTING.md)")]
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=FAST_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = f"not valid YAML: {error.problem or error.context}"
        return Located(None), [Problem(name, line, column, "", message)]
    if root is None:
        return Located(None), [Problem(name, 1, 1, "", "the file is empty")]
    reader = _Reader(name)
    value = reader.build(root, ())
    return Located(value, reader.marks, reader.key_marks), reader.problems
