"""Cards as read and validated by the last run, kept under a digest of each card's bytes.

Parsing a card with line marks and validating it against the schema is most of loading the
catalogue, and an edit changes one card. The results of the last run (the document with its line
marks, its problems and the model ids it declares) are kept in one pickle; a card whose bytes, or
the code and schema that read it, changed is read again. An unreadable cache is ignored.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
        self.folder = folder
        self.kept: dict[str, tuple[str, Any]] = {}
        self.used: dict[str, tuple[str, Any]] = {}
        self.code = code_digest() if folder is not None else b""
        if folder is not None:
            try:
                kept = pickle.loads((folder / CACHE_NAME).read_bytes())
                self.kept = kept if isinstance(kept, dict) else {}
            except (OSError, EOFError, ValueError, TypeError, AttributeError, ImportError, pickle.UnpicklingError):
                pass

    def read(self, path: Path, reader: Callable[[Path], Any]) -> Any:
        if self.folder is None:
            return reader(path)
        try:
            digest = hashlib.sha256(self.code + path.read_bytes()).hexdigest()
        except OSError:
            return reader(path)  # the reader reports the unreadable file
        kept = self.kept.get(str(path))
        result = kept[1] if kept is not None and kept[0] == digest else reader(path)
        self.used[str(path)] = (digest, result)
        return result

    def save(self) -> None:
        """Keep this run's cards (and only them) for the next run."""
        if self.folder is None or self.used == self.kept:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            cache = self.folder / CACHE_NAME
            partial = cache.with_suffix(f".{os.getpid()}.tmp")
            partial.write_bytes(pickle.dumps(self.used, protocol=pickle.HIGHEST_PROTOCOL))
            partial.replace(cache)  # a build stopped half-way leaves the old cache or none
        except (OSError, pickle.PicklingError):
            pass
