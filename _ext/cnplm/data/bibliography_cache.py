"""The parsed ``.bib`` database, kept between builds under a digest of the files it was read from.

Parsing, LaTeX decoding and labelling the database took a third of loading the catalogue, on every
build whose inputs changed at all (editing one card). The pickle is keyed by the bytes of every
``.bib`` file and of the modules that read them, so any change to either reads the files again; an
unreadable or stale cache is ignored. Problems come back as they were found, with their locations.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from . import bibliography, citation_labels
from .bibliography import Bibliography, load_bibliography
from .problems import Problem

CACHE_NAME = "cnplm-bibliography.pickle"
READERS = (Path(bibliography.__file__), Path(citation_labels.__file__))


def inputs_digest(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in [*READERS, *paths]:
        digest.update(str(path).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"\0missing")
    return digest.hexdigest()


def cached_bibliography(paths: list[Path], folder: Path | None) -> tuple[Bibliography, list[Problem]]:
    """:func:`load_bibliography`, from ``folder`` when its files have not changed since it was kept."""
    if folder is None:
        return load_bibliography(paths)
    cache, digest = folder / CACHE_NAME, inputs_digest(paths)
    try:
        kept_digest, kept = pickle.loads(cache.read_bytes())
        if kept_digest == digest:
            return kept
    except (OSError, EOFError, ValueError, TypeError, AttributeError, ImportError, pickle.UnpicklingError):
        pass
    result = load_bibliography(paths)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(pickle.dumps((digest, result), protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(cache)  # a build stopped half-way leaves the old cache or none
    except (OSError, pickle.PicklingError):
        pass
    return result
