"""The published JSON Schemas of the data files, and validation that reports every error's path."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, ValidationError

from .problems import Problem
from .yaml_source import YamlDocument

SCHEMA_DIR = Path(__file__).parent / "schemas"
URL_PATTERN_PREFIX = "^https?://"


@cache
def validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def describe(error: ValidationError) -> tuple[list, str]:
    """Where an error is (path into the document) and a message a card author understands."""
    path = list(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        unknown = [key for key in error.instance if key not in allowed]
        if unknown:
            return [*path, unknown[0]], f"unknown field {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})"
    if error.validator == "pattern" and str(error.validator_value).startswith(URL_PATTERN_PREFIX):
        return path, f"not an http(s) URL: {error.instance!r}"
    return path, error.message


def schema_problems(document: YamlDocument, name: str) -> list[Problem]:
    """All schema violations of a document, each at the line of the offending node."""
    problems = []
    for error in validator(name).iter_errors(document.data):
        path, message = describe(error)
        where = "/".join(str(step) for step in path) or "(top)"
        problems.append(document.problem(path, f"{where}: {message}"))
    return sorted(problems)
