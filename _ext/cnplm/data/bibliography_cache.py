"""The parsed ``.bib`` database, kept between builds under a digest of the files it was read from.

Parsing, LaTeX decoding and labelling the database took a third of loading the catalogue, on every
build whose inputs changed at all (editing one card). The pickle is keyed by the bytes of every
``.bib`` file and of the modules that read them, so any change to either reads the files again; an
unreadable or stale cache is ignored. Problems come back as they were found, with their locations.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from . import bibliography, citation_labels
from .bibliography import Bibliography, load_bibliography
from .kept import keep, read_kept
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
    kept = read_kept(cache)
    if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == digest:
        return kept[1]
    result = load_bibliography(paths)
    keep(cache, (digest, result))
    return result
