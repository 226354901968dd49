"""How fresh the data is: the date of the newest update-log entry (never the build date)."""

from __future__ import annotations

import datetime

from .catalog import Catalog


def data_date(catalog: Catalog) -> datetime.date | None:
    """The newest log entry's date; None when the log is empty."""
    return max((entry.date for entry in catalog.updates), default=None)
