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


CARDS = Path(__file__).parent.parent / "docs" / "cards"


def card_counts(cards: Path = CARDS) -> tuple[int, int]:
    """Families and models the card files hold, counted from the YAML alone (not through the loader).

    The 2022 list has 43 families and 128 rows; cards of the 2026 list add to both, so the real
    catalogue's tests compare with what the files hold and check the 2022 list by its own counts."""
    import yaml

    documents = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(cards.glob("*.yaml"))]
    return len(documents), sum(len(document["models"]) for document in documents)
