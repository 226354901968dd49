"""BibTeX as shown on a page: two-space indentation and lines wrapped at 78 characters.

The text stays valid BibTeX with the same entries (a line break inside a value is a blank to
BibTeX); a word longer than the line (a URL, a key) is never broken.
"""

from __future__ import annotations

WIDTH = 78
INDENT = "  "


def wrap_field(line: str, indent: str) -> list[str]:
    """``key = {value}`` over several lines, continuation lines indented further."""
    head, separator, value = line.partition(" = ")
    if not separator:
        return [line]
    words = value.split(" ")
    lines, current = [], head + separator + words[0]
    for word in words[1:]:
        if len(current) + 1 + len(word) > WIDTH:
            lines.append(current)
            current = indent + INDENT * 2 + word
        else:
            current += " " + word
    return [*lines, current]


def display_bibtex(text: str) -> str:
    lines = []
    for line in text.splitlines():
        stripped = line.lstrip("\t ")
        indent = INDENT if stripped != line else ""
        line = indent + stripped
        lines.extend([line] if len(line) <= WIDTH else wrap_field(line, indent))
    return "\n".join(lines) + ("\n" if text.endswith("\n") else "")
