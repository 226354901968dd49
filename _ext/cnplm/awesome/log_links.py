"""Which families and models a line of the list's changelog names.

Today's changelog links its lines to the list's sections (``[Ring-2.6-1T](#ReasoningLLM)``), not
to families, so a line names a model by writing its name. A name counts when it stands on its own
in the line's text (not inside a longer name: ``Qwen2`` is not named by ``Qwen2.5``, but
``Qwen1.5-110B`` names Qwen1.5) and it is the name of a model or family of the catalogue; names
shorter than three characters never count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..data.catalog import Catalog

NAME_CHARS = r"A-Za-z0-9"  # Chinese text runs names into words without spaces
MIN_LENGTH = 3
SIZE = r"\d+(?:\.\d+)?[BbMmKkTt](?![A-Za-z0-9])"  # a checkpoint size written after a name: -110B, -13B


@dataclass
class NameIndex:
    """Lower-cased names of the catalogue -> the families and models that carry them."""

    families: dict[str, list[str]] = field(default_factory=dict)
    models: dict[str, list[str]] = field(default_factory=dict)
    family_of: dict[str, str] = field(default_factory=dict)  # model id -> family id
    pattern: re.Pattern | None = None


def name_index(catalog: Catalog) -> NameIndex:
    index = NameIndex()
    for family in catalog.families.values():
        for name in {family.name, family.name_zh or ""}:
            if len(name) >= MIN_LENGTH:
                index.families.setdefault(name.lower(), []).append(family.id)
        for model in family.models:
            index.family_of[model.id] = family.id
            for name in {model.name, f"{model.name}-{model.version}" if model.version else ""}:
                if len(name) >= MIN_LENGTH:
                    index.models.setdefault(name.lower(), []).append(model.id)
    names = sorted({*index.families, *index.models}, key=len, reverse=True)  # longest first
    if names:
        alternatives = "|".join(re.escape(name) for name in names)
        # a name ends where no name character follows, nor "." or "-" and one (Qwen2 is not in
        # Qwen2.5), except a size: "Qwen1.5-110B" and "Ziya2-13B-Base" name Qwen1.5 and Ziya2
        index.pattern = re.compile(rf"(?<![{NAME_CHARS}.\-])({alternatives})"
                                   rf"(?![{NAME_CHARS}]|\.[{NAME_CHARS}]|-(?!{SIZE})[{NAME_CHARS}])", re.IGNORECASE)
    return index


def named_in(text: str, index: NameIndex) -> tuple[list[str], list[str]]:
    """(family ids, model ids) that the text names, in the order it names them."""
    families: list[str] = []
    models: list[str] = []
    if index.pattern is None:
        return families, models
    for match in index.pattern.finditer(text):
        name = match.group(1).lower()
        for model_id in index.models.get(name, ()):
            if model_id not in models:
                models.append(model_id)
            family_id = index.family_of[model_id]
            if family_id not in families:
                families.append(family_id)
        for family_id in index.families.get(name, ()):
            if family_id not in families:
                families.append(family_id)
    return families, models
