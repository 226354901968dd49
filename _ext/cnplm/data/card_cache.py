"""Cards as read and validated by the last run, kept under a digest of each card's bytes.

Parsing a card with line marks and validating it against the schema is most of loading the
catalogue, and an edit changes one card. The results of the last run (the document with its line
marks, its problems and the model ids it declares) are kept in one pickle; a card whose bytes, or
the code and schema that read it, changed is read again. An unreadable cache is ignored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .kept import keep, read_kept
from .schemas import SCHEMA_DIR

READERS = [Path(__file__).parent / name for name in ("loading.py", "schemas.py", "yaml_source.py")]

CACHE_NAME = "cnplm-cards.pickle"


def code_digest() -> bytes:
    """The reading code and the card schema: any change to them reads every card again."""
    digest = hashlib.sha256()
    for path in [*READERS, SCHEMA_DIR / "card.schema.json"]:
        digest.update(path.read_bytes())
    return digest.digest()


class CardCache:
    """``read(path, reader)``: the reader's result for the card, from the last run when unchanged."""

    def __init__(self, folder: Path | None) -> None:
        self.path = folder / CACHE_NAME if folder is not None else None
        kept = read_kept(self.path) if self.path is not None else None
        self.kept: dict[str, tuple[str, Any]] = kept if isinstance(kept, dict) else {}
        self.used: dict[str, tuple[str, Any]] = {}
        self.read_again = False  # a card was read anew: the kept file is out of date
        self.code = code_digest() if self.path is not None else b""

    def read(self, path: Path, reader: Callable[[Path], Any]) -> Any:
        if self.path is None:
            return reader(path)
        try:
            digest = hashlib.sha256(self.code + path.read_bytes()).hexdigest()
        except OSError:
            return reader(path)  # the reader reports the unreadable file
        kept = self.kept.get(str(path))
        if kept is not None and kept[0] == digest:
            result = kept[1]
        else:
            result, self.read_again = reader(path), True
        self.used[str(path)] = (digest, result)
        return result

    def save(self) -> None:
        """Keep this run's cards (and only them) for the next run."""
        if self.path is not None and (self.read_again or self.used.keys() != self.kept.keys()):
            keep(self.path, self.used)
