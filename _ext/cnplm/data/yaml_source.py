"""Read YAML keeping the line of every node, so problems can name the line that causes them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .problems import Problem


@dataclass(frozen=True)
class YamlDocument:
    path: Path
    data: Any

    def line_of(self, path: tuple[str | int, ...] | list[str | int]) -> int:
        """1-based line of the node at ``path`` (keys and indexes); the nearest known ancestor otherwise."""
        node, line = self.data, 1
        for step in path:
            position = None
            if isinstance(node, CommentedMap) and step in node:
                position = node.lc.key(step)
            elif isinstance(node, CommentedSeq) and isinstance(step, int) and step < len(node):
                position = node.lc.item(step)
            else:
                break
            line = position[0] + 1
            node = node[step]
        return line

    def problem(self, path: tuple[str | int, ...] | list[str | int], message: str) -> Problem:
        return Problem(self.path, self.line_of(path), message)


def read_yaml(path: Path) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one YAML file; a syntax error becomes a located problem instead of an exception."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(path, 0, f"cannot read file: {error}")]
    try:
        data = YAML(typ="rt", pure=True).load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        reason = error.problem or error.context or "invalid YAML"
        return None, [Problem(path, line, f"invalid YAML: {reason}")]
    except YAMLError as error:
        return None, [Problem(path, 0, f"invalid YAML: {error}")]
    return YamlDocument(path, data), []
