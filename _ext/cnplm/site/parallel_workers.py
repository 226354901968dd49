"""Workers of a parallel build (``-j``) are forked from the main process, which holds the catalogue,
the environment and, while writing, the doctrees it resolved. Python's garbage collector in a worker
walks the objects the worker inherited and writes to each one's header, so every worker copied much
of its parent's memory. ``gc.freeze()`` before the workers start moves the objects that exist then
out of the collector's reach, and they stay shared; they are unfrozen when the build ends, so a
process that builds again (tests, autobuild) can still collect them."""

from __future__ import annotations

import gc
from typing import Any

from sphinx.application import Sphinx


def freeze_before_forking(app: Sphinx, *args: Any) -> None:
    if app.parallel > 1:
        gc.freeze()


def unfreeze_after_build(app: Sphinx, exception: BaseException | None) -> None:
    if app.parallel > 1:
        gc.unfreeze()
