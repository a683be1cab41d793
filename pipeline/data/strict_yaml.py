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
from .source_text import ENCODING

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


def decode(data: bytes, name: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text of a file, or a problem at the line and column of the first
    byte that is not UTF-8 (Python's own error names only a byte offset)."""
    try:
        return data.decode(ENCODING), []
    except UnicodeDecodeError as error:
        before = data[:error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", errors="replace")) + 1
        return None, [Problem(name, line, column, "", f"byte 0x{data[error.start]:02x} is not UTF-8 text; "
                                                     "save the file as UTF-8 (retype the character at this place)")]


def anchor_problems(text: str, name: str, first_line: int = 1) -> list[Problem]:
    """Every YAML anchor (&name) and alias (*name) in `text`.

    An alias repeats a whole block, and aliases of aliases grow exponentially
    ("billion laughs": a 4 KB file can fill the memory), so they are refused
    from the parser's events, before anything is built.  `first_line` is the
    file line of the text's first line (front matter starts on line 2)."""
    # An anchor is written with '&', an alias with '*': a text with neither
    # (every front matter, most data files) has none, without parsing it.
    if "&" not in text and "*" not in text:
        return []
    problems = []
    for event in yaml.parse(text, Loader=FAST_LOADER):
        kind = "alias" if isinstance(event, yaml.AliasEvent) else "anchor" if getattr(event, "anchor", None) else ""
        if kind:
            mark = event.start_mark
            sign = "*" if kind == "alias" else "&"
            problems.append(Problem(name, mark.line + first_line, mark.column + 1, "",
                                    f"YAML {kind} '{sign}{event.anchor}' is not allowed; write the value out in full "
                                    "(anchors and aliases can make a small file expand without limit)"))
    return problems


def parse_problem(error: yaml.YAMLError, name: str, first_line: int = 1) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, column = (mark.line + first_line, mark.column + 1) if mark else (first_line, 1)
    detail = getattr(error, "problem", None) or getattr(error, "context", None) or str(error)
    return Problem(name, line, column, "", f"not valid YAML: {detail}")


def load(path: Path, display_name: str | None = None) -> tuple[Located, list[Problem]]:
    """Parse `path`; return the data with positions and every problem found."""
    name = display_name or str(path)
    if not path.is_file():
        return Located(None), [Problem(name, 1, 1, "", "file not found; it must exist (see CONTRIBUTING.md)")]
    text, problems = decode(path.read_bytes(), name)
    if text is None:
        return Located(None), problems
    try:
        problems = anchor_problems(text, name)
        if problems:
            return Located(None), problems
        root = yaml.compose(text, Loader=FAST_LOADER)
    except yaml.YAMLError as error:
        return Located(None), [parse_problem(error, name)]
    if root is None:
        return Located(None), [Problem(name, 1, 1, "", "the file is empty")]
    reader = _Reader(name)
    value = reader.build(root, ())
    return Located(value, reader.marks, reader.key_marks), reader.problems
