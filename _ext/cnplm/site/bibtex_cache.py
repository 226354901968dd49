"""The BibTeX texts of models kept between builds, in the doctree folder.

Writing entries with bibtexparser is the largest cost of the exports; with the texts of the last
build, editing one card rewrites only that card's entries (and all.bib is joined from the rest).
A text is reused only under the same key: the digests of everything its family's page shows and
of the code that writes BibTeX (export/bibtex_texts.py). A missing or unreadable file is ignored.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .. import __version__
from ..data.kept import keep, read_kept
from ..export import bibtex_export, bibtex_texts, citation_date
from .digests import bibtex_keys

CACHE_FILE = "cnplm-bibtex.pickle"


def code_digest() -> str:
    sources = [Path(module.__file__).read_bytes() for module in (bibtex_export, bibtex_texts, citation_date)]
    return hashlib.sha1(b"\0".join([__version__.encode(), *sources])).hexdigest()


def model_keys(loaded) -> dict[str, str]:
    return bibtex_keys(loaded.catalog, loaded.digests, code_digest())


def seed_bibtex(doctreedir: Path, loaded) -> None:
    """Give the catalogue of this build the texts of the last build that are still right."""
    saved = read_kept(doctreedir / CACHE_FILE)
    if isinstance(saved, dict):
        loaded.bibtex.seed(saved, model_keys(loaded))


def save_bibtex(doctreedir: Path, loaded) -> None:
    keep(doctreedir / CACHE_FILE, loaded.bibtex.saved(model_keys(loaded)))
