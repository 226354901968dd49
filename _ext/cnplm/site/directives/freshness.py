"""``.. plm-freshness::``: how fresh the data is, said on the home page.

The data's date is the newest update-log entry, and the list snapshot is the awesome list's
commit the data follows (``cnplm_list_snapshot`` in conf.py); never the build date.
"""

from __future__ import annotations

from docutils import nodes

from ...data.freshness import data_date
from ..digests import view_key
from ..render import external_link, para
from .base import CatalogDirective


def snapshot_parts(snapshot: dict) -> list[nodes.Node | str]:
    if not snapshot.get("url"):
        return []
    label = f"{snapshot.get('name', '')} @ {snapshot.get('commit', '')}".strip(" @")
    date = f"（{snapshot['date']}）" if snapshot.get("date") else ""
    return ["依据列表快照 Following the list snapshot ", external_link(label, snapshot["url"]), f"{date}。"]


class FreshnessDirective(CatalogDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        self.plm_domain.note_aggregate({view_key("data-date")})
        newest = data_date(self.catalog)
        parts: list[nodes.Node | str] = []
        if newest:
            parts.append(f"数据截至 Data as of {newest.isoformat()}（最新一条更新日志 the newest log entry）。")
        parts += snapshot_parts(self.config.cnplm_list_snapshot)
        return [para(*parts, classes=["plm-freshness"])] if parts else []
