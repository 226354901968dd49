"""Checks of the organisations registry that a JSON Schema cannot express."""

from __future__ import annotations

from .catalog import Organisation
from .problems import Problem


def where(organisation: Organisation) -> tuple:
    location = organisation.location
    return (location.path, location.line) if location else ("organisations.yaml", 0)


def organisation_problems(organisations: dict[str, Organisation]) -> list[Problem]:
    """Institutions without a Chinese name or a note saying why; author cells claimed twice."""
    problems = []
    claimed: dict[str, str] = {}
    for organisation in organisations.values():
        if organisation.kind == "institution" and not organisation.name_zh and not organisation.note:
            problems.append(Problem(*where(organisation),
                                    f"institution {organisation.id!r} has no name_zh: give its official Chinese "
                                    "name, or a note saying why it has none"))
        for label in organisation.listed_as:
            if label in claimed:
                problems.append(Problem(*where(organisation),
                                        f"listed_as {label!r} of {organisation.id!r} is already "
                                        f"claimed by {claimed[label]!r}"))
            else:
                claimed[label] = organisation.id
    return problems
