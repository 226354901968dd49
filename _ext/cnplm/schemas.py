"""The published JSON Schemas of the data files, and validation that reports every error's path."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator

from .problems import Problem
from .yaml_source import YamlDocument

SCHEMA_DIR = Path(__file__).parent / "schemas"
SCHEMA_NAMES = ("card", "organisations", "domains", "updates")


@cache
def validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def schema_problems(document: YamlDocument, name: str) -> list[Problem]:
    """All schema violations of a document, each at the line of the offending node."""
    problems = []
    for error in validator(name).iter_errors(document.data):
        where = "/".join(str(step) for step in error.absolute_path) or "(top)"
        problems.append(document.problem(list(error.absolute_path), f"{where}: {error.message}"))
    return sorted(problems)
