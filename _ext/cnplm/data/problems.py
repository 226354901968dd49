"""Problems found in the input: values with a location, turned into warnings by the Sphinx layer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: Path
    line: int  # 1-based; 0 when the whole file is concerned (shown as line 1)
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"

    @property
    def location(self) -> str:
        """``path:line`` as Sphinx prints locations (a bare path would be taken for a document name)."""
        return f"{self.path}:{self.line or 1}"
