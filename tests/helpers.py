"""Reading what a build wrote: HTML text without tags, warnings without colour codes."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path


def page(app, docname: str) -> str:
    return (Path(app.outdir) / f"{docname}.html").read_text(encoding="utf-8")


def visible_text(markup: str) -> str:
    """The article's text as a reader sees it (tags removed, entities decoded, blanks folded)."""
    start = markup.find('<div class="body"')
    body = markup[start:] if start >= 0 else markup
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def warnings(app) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())


def code_text(markup: str) -> str:
    """Text with tags removed but no blanks added (for highlighted code, split into spans)."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def build_copy(make_app, source: Path, target: Path, builder: str = "html", **options):
    """Copy a test project and build it in a fresh environment; the app is returned cleaned up."""
    shutil.copytree(source, target)
    app = make_app(builder, srcdir=target, freshenv=True, **options)
    app.build()
    app.cleanup()  # the next app registers its nodes in a clean docutils state
    return app
