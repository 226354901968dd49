"""Values kept between builds in a file (a pickle in the doctree folder), written and read safely.

A kept value is only ever a shortcut: whatever is wrong with the file (missing, damaged, written by
other code), reading gives None and the caller computes the value again. Writing goes through a
temporary file, so a build stopped half-way leaves the old file or none.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any


def read_kept(path: Path) -> Any | None:
    try:
        return pickle.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 (a cache: whatever is wrong with it, the value is made again)
        return None


def keep(path: Path, value: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(path)
    except (OSError, pickle.PicklingError):
        pass
