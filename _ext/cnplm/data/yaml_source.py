"""Read YAML keeping the line of every node, so problems can name the line that causes them.

Data files are untrusted, so reading is bounded: libyaml's C parser (PyYAML's ``CSafeLoader``)
yields events, and a small iterative builder turns them into plain dicts, lists and scalars.
It never recurses (nesting depth is capped), refuses anchors and aliases (no expansion bombs),
caps the length of every string and the size of the file, keeps the first of duplicate keys,
reads dates as the text written (the schema checks them), and rejects non-finite numbers and
integers beyond what JSON can hold exactly. Each of these is a located problem, never an exception.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml import events
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from .problems import Problem

try:  # the C parser (bundled in PyYAML's wheels); the pure-Python one keeps the same behaviour
    from yaml import CSafeLoader as EventLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as EventLoader  # type: ignore[assignment]

MAX_FILE_BYTES = 8_000_000
MAX_STRING_LENGTH = 20_000  # the schemas set tighter limits per field; this one bounds memory
MAX_DEPTH = 32
MAX_EXACT_INTEGER = 2**53  # beyond this JSON readers lose digits

STR, INT, FLOAT, BOOL, NULL, TIMESTAMP = (f"tag:yaml.org,2002:{name}"
                                          for name in ("str", "int", "float", "bool", "null", "timestamp"))
EXPLICIT_TAGS = {STR, INT, FLOAT, BOOL, NULL, TIMESTAMP, "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "!"}


class MarkedMap(dict):
    """A mapping that knows the 1-based line of each of its keys."""

    def __init__(self) -> None:
        super().__init__()
        self.key_lines: dict[Any, int] = {}


class MarkedList(list):
    """A sequence that knows the 1-based line of each of its items."""

    def __init__(self) -> None:
        super().__init__()
        self.item_lines: list[int] = []


@dataclass(frozen=True)
class YamlDocument:
    path: Path
    data: Any

    def line_of(self, path: tuple[str | int, ...] | list[str | int]) -> int:
        """1-based line of the node at ``path`` (keys and indexes); the nearest known ancestor otherwise."""
        node, line = self.data, 1
        for step in path:
            if isinstance(node, MarkedMap) and step in node:
                line = node.key_lines[step]
            elif isinstance(node, MarkedList) and isinstance(step, int) and 0 <= step < len(node):
                line = node.item_lines[step]
            else:
                break
            node = node[step]
        return line

    def problem(self, path: tuple[str | int, ...] | list[str | int], message: str) -> Problem:
        return Problem(self.path, self.line_of(path), message)


class YamlRejected(Exception):
    """The file cannot be read safely; carries the located problem."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


_RESOLVER = Resolver()
_CONSTRUCTOR = SafeConstructor()


def scalar_value(event: events.ScalarEvent, line: int) -> Any:
    """The plain Python value of a scalar, by YAML 1.1 core resolution (as PyYAML's safe loader)."""
    if len(event.value) > MAX_STRING_LENGTH:
        raise YamlRejected(line, f"text of {len(event.value)} characters; at most {MAX_STRING_LENGTH} are allowed")
    tag = event.tag if event.tag not in (None, "!") else _RESOLVER.resolve(ScalarNode, event.value, event.implicit)
    if tag not in EXPLICIT_TAGS:
        raise YamlRejected(line, f"YAML tag {tag} is not allowed in data files; write plain values")
    if tag in (STR, TIMESTAMP, "!"):  # a date stays the text written: the schema and loader check it
        return event.value
    try:
        value = {INT: _CONSTRUCTOR.construct_yaml_int, FLOAT: _CONSTRUCTOR.construct_yaml_float,
                 BOOL: _CONSTRUCTOR.construct_yaml_bool, NULL: _CONSTRUCTOR.construct_yaml_null,
                 }[tag](ScalarNode(tag, event.value))
    except (ConstructorError, ValueError, KeyError):
        raise YamlRejected(line, f"{event.value[:40]!s} is not a valid {tag.rsplit(':', 1)[1]}") from None
    if isinstance(value, float) and not math.isfinite(value):
        raise YamlRejected(line, f"{event.value} is not a finite number; write a real number or leave the field out")
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_EXACT_INTEGER:
        raise YamlRejected(line, f"integer of {len(str(abs(value)))} digits is too large (at most 2^53)")
    return value


class Builder:
    """Plain containers from parser events, with an explicit stack (no recursion)."""

    def __init__(self, problems: list[Problem], path: Path) -> None:
        self.problems, self.path = problems, path
        self.stack: list[list] = []  # [container, pending key, pending key line]
        self.root: Any = None
        self.documents = 0

    def add(self, value: Any, line: int) -> None:
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        container = frame[0]
        if isinstance(container, MarkedList):
            container.append(value)
            container.item_lines.append(line)
        elif frame[1] is _NO_KEY:
            if isinstance(value, (MarkedMap, MarkedList)):
                raise YamlRejected(line, "a mapping key must be plain text, not a list or mapping")
            frame[1], frame[2] = value, line
        else:
            key, key_line = frame[1], frame[2]
            frame[1] = _NO_KEY
            if key in container:
                self.problems.append(Problem(self.path, key_line, f"duplicate key {key} (first on line "
                                                                  f"{container.key_lines[key]}); the first is kept"))
                return
            container[key] = value
            container.key_lines[key] = key_line

    def skip(self, rejected: YamlRejected) -> None:
        """A bad value (not a key) is reported and left out, as if its field were absent; the schema
        then says what that costs (a missing required field drops its entry). A bad key stops the file."""
        frame = self.stack[-1] if self.stack else None
        if frame is None or (isinstance(frame[0], MarkedMap) and frame[1] is _NO_KEY):
            raise rejected
        self.problems.append(Problem(self.path, rejected.line, rejected.message))
        if isinstance(frame[0], MarkedMap):
            frame[1] = _NO_KEY

    def start(self, container: MarkedMap | MarkedList, line: int) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise YamlRejected(line, f"nested more than {MAX_DEPTH} levels deep")
        self.stack.append([container, _NO_KEY, 0, line])

    def end(self) -> None:
        container, _, _, line = self.stack.pop()
        self.add(container, line)

    def feed(self, event: events.Event) -> None:
        line = event.start_mark.line + 1 if event.start_mark else 0
        if isinstance(event, events.AliasEvent) or getattr(event, "anchor", None):
            raise YamlRejected(line, "YAML anchors and aliases (&name, *name) are not allowed in data files; "
                                     "write the value out")
        if isinstance(event, events.ScalarEvent):
            try:
                value = scalar_value(event, line)
            except YamlRejected as rejected:
                self.skip(rejected)
                return
            self.add(value, line)
        elif isinstance(event, (events.MappingStartEvent, events.SequenceStartEvent)):
            if event.tag not in (None, *EXPLICIT_TAGS):
                raise YamlRejected(line, f"YAML tag {event.tag} is not allowed in data files; write plain values")
            self.start(MarkedMap() if isinstance(event, events.MappingStartEvent) else MarkedList(), line)
        elif isinstance(event, (events.MappingEndEvent, events.SequenceEndEvent)):
            self.end()
        elif isinstance(event, events.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise YamlRejected(line, "more than one YAML document (---) in a data file")


_NO_KEY = object()


def parse_yaml_text(text: str, path: Path) -> tuple[Any, list[Problem]]:
    """The data of one YAML text and its problems; raises YamlRejected when nothing can be kept."""
    problems: list[Problem] = []
    builder = Builder(problems, path)
    try:
        for event in yaml.parse(text, Loader=EventLoader):
            builder.feed(event)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reason = error.problem or error.context or "invalid YAML"
        raise YamlRejected(mark.line + 1 if mark else 0, f"invalid YAML: {reason}") from None
    except yaml.YAMLError as error:
        raise YamlRejected(0, f"invalid YAML: {error}") from None
    return builder.root, problems


def read_yaml(path: Path) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one YAML file; every problem is located, nothing is raised for bad input."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None, [Problem(path, 0, f"file larger than {MAX_FILE_BYTES // 1_000_000} MB; split it")]
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(path, 0, f"cannot read file: {error}")]
    try:
        data, problems = parse_yaml_text(text, path)
    except YamlRejected as rejected:
        return None, [Problem(path, rejected.line, rejected.message)]
    return YamlDocument(path, data), problems
