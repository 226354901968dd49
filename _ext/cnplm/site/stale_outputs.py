"""Remove what a build left behind for inputs that are gone: pages of deleted generated stubs and
BibTeX downloads of deleted families (Sphinx keeps the output of a removed document)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sphinx.application import Sphinx


def remove_unlisted(folder: Path, pattern: str, wanted: Iterable[Path]) -> list[Path]:
    """Delete the files of ``folder`` matching ``pattern`` that are not in ``wanted``."""
    keep = {path.resolve() for path in wanted}
    removed = []
    for path in sorted(folder.glob(pattern)) if folder.is_dir() else ():
        if path.resolve() not in keep:
            path.unlink()
            removed.append(path)
    return removed


def remove_stale_pages(app: Sphinx, folder: str) -> list[Path]:
    """HTML pages (and their copied sources) under ``folder`` whose document no longer exists
    (a deleted card's stub)."""
    builder = app.builder
    if not hasattr(builder, "get_outfilename"):
        return []
    docnames = [docname for docname in app.env.found_docs if docname.startswith(folder + "/")]
    suffix = getattr(builder, "out_suffix", ".html")
    removed = remove_unlisted(Path(app.outdir) / folder, f"*{suffix}",
                              [Path(builder.get_outfilename(docname)) for docname in docnames])
    sources = Path(app.outdir) / "_sources"
    source_suffix = app.config.html_sourcelink_suffix
    wanted_sources = [sources / (docname + Path(app.env.doc2path(docname)).suffix + source_suffix)
                      for docname in docnames]
    return removed + remove_unlisted(sources / folder, f"*{source_suffix}", wanted_sources)
