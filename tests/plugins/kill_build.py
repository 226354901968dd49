"""A Sphinx extension for tests: kills its own build (SIGKILL, no clean-up) at the stage named by
``CNPLM_KILL_AT``: reading, pickled (environment saved, nothing written), writing (some pages
written) or exports (pages written, build-finished under way)."""

from __future__ import annotations

import os
import signal


def kill(*_args) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def setup(app):
    stage = os.environ.get("CNPLM_KILL_AT", "")
    pages: list[str] = []

    def on_page(app, pagename, *_args):
        pages.append(pagename)
        if len(pages) == 3:
            kill()

    if stage == "reading":
        app.connect("source-read", lambda app, docname, source: kill() if docname.startswith("families/") else None)
    elif stage == "pickled":
        app.connect("write-started", kill)
    elif stage == "writing":
        app.connect("html-page-context", on_page)
    elif stage == "exports":
        app.connect("build-finished", kill, priority=800)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
