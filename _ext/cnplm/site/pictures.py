"""The pictures of the field, drawn before reading into ``<srcdir>/_pictures/`` (not in git).

A picture is drawn again only when the data it shows changed (a digest beside it), so its file
keeps its mtime and the pages that show it are not re-read; a build whose inputs did not change
does not even parse the catalogue for them.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from ..export.pictures import PICTURES, data_digest, picture_data, render
from .state import catalog_of, inputs_unchanged

PICTURES_DIR = "_pictures"


def picture_path(srcdir: str | Path, name: str, suffix: str) -> Path:
    return Path(srcdir) / PICTURES_DIR / f"{name}.{suffix}"


def write_if_changed(path: Path, content: bytes) -> None:
    if not path.exists() or path.read_bytes() != content:
        path.write_bytes(content)


def draw_pictures(app: Sphinx) -> None:
    """builder-inited: redraw each picture whose data changed."""
    present = all(picture_path(app.srcdir, name, "digest").exists() for name in PICTURES)
    if inputs_unchanged(app.env) and present:
        return
    catalog = catalog_of(app.env)
    folder = Path(app.srcdir) / PICTURES_DIR
    folder.mkdir(exist_ok=True)
    for name in PICTURES:
        data = picture_data(catalog, name)
        digest = data_digest(data)
        stamp = picture_path(app.srcdir, name, "digest")
        if stamp.exists() and stamp.read_text(encoding="utf-8") == digest \
                and picture_path(app.srcdir, name, "svg").exists():
            continue
        picture = render(name, data)
        write_if_changed(picture_path(app.srcdir, name, "svg"), picture.svg.encode("utf-8"))
        write_if_changed(picture_path(app.srcdir, name, "pdf"), picture.pdf)
        stamp.write_text(digest, encoding="utf-8")
