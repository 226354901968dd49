"""After an incremental build, drop from ``searchindex.js`` the words that no page contains any more.

Sphinx prunes the pages of re-read and removed documents from each word's page list but keeps the
word with an empty list, so an incremental build's index differs from a clean build's (a deleted
family's words stay). A clean build has none of them; removing them makes both agree byte for byte.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.search import js_index

WORD_TABLES = ("terms", "titleterms")


def drop_words_without_pages(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    path = Path(app.outdir) / getattr(app.builder, "searchindex_filename", "searchindex.js")
    try:
        index = js_index.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    empty = {table: [word for word, pages in index.get(table, {}).items() if pages == []] for table in WORD_TABLES}
    if not any(empty.values()):
        return
    for table, words in empty.items():
        for word in words:
            del index[table][word]
    path.write_text(js_index.dumps(index), encoding="utf-8")
