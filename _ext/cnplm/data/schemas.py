"""The published JSON Schemas of the data files, and validation that reports every error's path.

Rules every string of every schema gets for free (so new fields and new kinds of card are covered):
no HTML-like tag, one line (unless its schema says ``"x-multiline": true``), no control, bidi-override or invisible
formatting characters, and at most ``DEFAULT_MAX_LENGTH`` characters unless the schema sets
``maxLength``. ``integer`` means a whole number written without a fraction (``12``, not ``12.0``),
numbers are finite, and a pattern's ``$`` is the end of the text, not "before a final newline"
(ECMA-262 semantics, as JSON Schema means it).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError, validators
from jsonschema.exceptions import best_match

from .problems import Problem
from .yaml_source import YamlDocument

SCHEMA_DIR = Path(__file__).parent / "schemas"
URL_PATTERN_PREFIX = "^https?://"
DEFAULT_MAX_LENGTH = 2000
HTML_LIKE = re.compile(r"<\s*[A-Za-z/!?]")  # a tag, comment or declaration; "a < b" stays allowed
# C0/C1 controls (tab allowed), line separators, bidi embeddings/overrides/isolates, zero-width marks
FORBIDDEN_CHARACTERS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def shown(value: Any, limit: int = 60) -> str:
    """A value as a reader of the data file would write it (JSON, not a Python repr), shortened."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def ecma_pattern(pattern: str) -> str:
    """JSON Schema's ``$`` is the end of the text; Python's also matches before a final newline."""
    return pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith("\\$") else pattern


@cache
def compiled(pattern: str) -> re.Pattern:
    return re.compile(ecma_pattern(pattern))


def strict_pattern(validator, pattern: str, instance: Any, schema: dict) -> Iterator[ValidationError]:
    if isinstance(instance, str) and not compiled(pattern).search(instance):
        yield ValidationError(f"{shown(instance)} does not match {pattern}")


def text_rules(instance: str, schema: dict) -> Iterator[ValidationError]:
    """What every string must be, whatever field it is in."""
    if HTML_LIKE.search(instance):
        yield ValidationError(validator="text", message="looks like HTML markup (<tag>); write plain text")
    bad = FORBIDDEN_CHARACTERS.search(instance)
    if bad:
        yield ValidationError(validator="text",
                              message=f"contains the invisible or control character U+{ord(bad.group()):04X}; "
                                      "remove it")
    if not schema.get("x-multiline") and ("\n" in instance or "\r" in instance):
        yield ValidationError(validator="text", message="must be one line (a line break was found)")
    if "maxLength" not in schema and len(instance) > DEFAULT_MAX_LENGTH:
        yield ValidationError(validator="text",
                              message=f"text of {len(instance)} characters; at most {DEFAULT_MAX_LENGTH} are allowed")


_base_type = Draft202012Validator.VALIDATORS["type"]


def type_and_text(validator, types, instance: Any, schema: dict) -> Iterator[ValidationError]:
    yield from _base_type(validator, types, instance, schema)
    if isinstance(instance, str) and "string" in ([types] if isinstance(types, str) else types):
        yield from text_rules(instance, schema)


def is_integer(checker, instance: Any) -> bool:
    return isinstance(instance, int) and not isinstance(instance, bool)


def is_number(checker, instance: Any) -> bool:
    return (isinstance(instance, (int, float)) and not isinstance(instance, bool)
            and math.isfinite(instance))


StrictValidator = validators.extend(
    Draft202012Validator,
    validators={"type": type_and_text, "pattern": strict_pattern},
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine_many({"integer": is_integer, "number": is_number}),
)


@cache
def schema_of(name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def inline_refs(node: Any, defs: dict, depth: int = 0) -> Any:
    """The schema with its local ``$ref``s replaced by their definitions (validation then skips the
    reference lookups, a third of its time); our schemas are not recursive."""
    if depth > 20:
        raise ValueError("recursive schema")
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith("#/$defs/") and len(node) <= 2:  # a $ref with at most a description beside it
            return inline_refs(defs[ref.removeprefix("#/$defs/")], defs, depth + 1)
        return {key: inline_refs(value, defs, depth + 1) for key, value in node.items()}
    if isinstance(node, list):
        return [inline_refs(value, defs, depth + 1) for value in node]
    return node


@cache
def validator(name: str):
    schema = schema_of(name)
    return StrictValidator(inline_refs(schema, schema.get("$defs", {})))


# what a pattern means, in words (a pattern not named here is shown as it is)
EXPECTED_PATTERNS = {
    "^[a-z0-9]+(?:[-.][a-z0-9]+)*$": "an id of lowercase ASCII letters and digits joined by - or . (e.g. macbert-base)",
    "^[^<>]*$": "text without < or >",
    "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$": "a hub id owner/name (e.g. hfl/chinese-macbert-base)",
    "^\\d{4}-\\d{2}-\\d{2}$": "a date YYYY-MM-DD",
    "^\\d{4}-\\d{2}$": "a month YYYY-MM",
    "^[a-z]{2,3}$": "a language code of 2 or 3 lowercase letters (zh, en)",
    "^[A-Za-z0-9_:.-]+$": "a BibTeX key (letters, digits, _ : . -)",
    "^[A-Za-z0-9]{4}$": "a 4-character extraction code",
}
EXPECTED_TYPES = {"string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
                  "array": "a list", "object": "a mapping of fields", "null": "nothing"}


def expected_type(types: Any) -> str:
    names = [types] if isinstance(types, str) else list(types)
    return " or ".join(EXPECTED_TYPES.get(name, name) for name in names)


def describe(error: ValidationError) -> Iterator[tuple[list, str]]:
    """Where each error is (path into the document) and a message a card author understands."""
    path = list(error.absolute_path)
    kind, expected, instance = error.validator, error.validator_value, error.instance
    if kind in ("oneOf", "anyOf") and error.context:
        # the alternative of the value's own type (a list for a list) says what is wrong in it
        typed = [sub for sub in error.context if sub.validator != "type"] or list(error.context)
        yield from describe(best_match(typed, key=lambda sub: -len(sub.absolute_path)))
        return
    if kind == "additionalProperties" and isinstance(instance, dict):
        allowed = set(error.schema.get("properties", {}))
        for key in instance:
            if key not in allowed:
                yield [*path, key], f"unknown field {shown(key)} (allowed: {', '.join(sorted(allowed))})"
        return
    if kind == "pattern" and str(expected).startswith(URL_PATTERN_PREFIX):
        message = f"not an http(s) URL: {shown(instance)}"
    elif kind == "pattern" and expected in EXPECTED_PATTERNS:
        message = f"{shown(instance)}: expected {EXPECTED_PATTERNS[expected]}"
    elif kind == "type":
        message = f"expected {expected_type(expected)}, got {shown(instance)}"
    elif kind == "enum":
        message = f"{shown(instance)} is not one of: {', '.join(shown(value) for value in expected)}"
    elif kind == "required":
        missing = [name for name in expected if name not in instance]
        message = f"missing required field {', '.join(shown(name) for name in missing)}"
    elif kind == "minItems" and expected == 1:
        message = "must not be empty"
    elif kind == "minLength" and expected == 1:
        message = "must not be empty"
    elif kind in ("maxLength", "minimum", "exclusiveMinimum", "maximum", "uniqueItems", "minItems"):
        message = f"{shown(instance)}: {kind} {expected} not met"
    else:
        message = error.message
    yield path, message


def where(path: list) -> str:
    return "/".join(str(step) for step in path) or "(top)"


def error_paths(document: YamlDocument, name: str) -> list[tuple[list, list, str]]:
    """(error path, reported path, message) of every schema violation."""
    found = []
    for error in validator(name).iter_errors(document.data):
        for path, message in describe(error):
            found.append((list(error.absolute_path), path, message))
    return found


def schema_problems(document: YamlDocument, name: str) -> list[Problem]:
    """All schema violations of a document, each at the line of the offending node."""
    return sorted(document.problem(path, f"{where(path)}: {message}")
                  for _, path, message in error_paths(document, name))


def innermost_item(data: Any, path: list) -> list | None:
    """The path of the innermost list item containing ``path`` (None: the document itself is wrong)."""
    node, found = data, None
    for depth, step in enumerate(path):
        if isinstance(node, list) and isinstance(step, int):
            found = path[: depth + 1]
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    return found


def remove(data: Any, item: list) -> None:
    container = data
    for step in item[:-1]:
        container = container[step]
    del container[item[-1]]
    lines = getattr(container, "item_lines", None)
    if lines is not None:
        del lines[item[-1]]


def validate_pruning(document: YamlDocument, name: str) -> tuple[bool, list[Problem]]:
    """Validate; drop each list item that has an error (a bad entry drops only itself) and validate
    again. False when the document as a whole is invalid; every problem found on the way is returned."""
    problems: list[Problem] = []
    for attempt in range(4):
        found = error_paths(document, name)
        after = " once the invalid entries reported here are left out" if attempt else ""
        problems += [document.problem(path, f"{where(path)}: {message}{after}") for _, path, message in found]
        if not found:
            return True, problems
        items = [innermost_item(document.data, error_path) for error_path, _, _ in found]
        if any(item is None for item in items):
            return False, problems
        unique = {tuple(item) for item in items}
        for item in sorted(unique, key=lambda steps: [str(s).zfill(12) for s in steps], reverse=True):
            if not any(other != item and item[: len(other)] == other for other in unique):
                remove(document.data, list(item))
    return False, problems
