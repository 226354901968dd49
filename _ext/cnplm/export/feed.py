"""The Atom feed of the update log (更新日志), written by feedgen, so readers can follow new models."""

from __future__ import annotations

import datetime
import hashlib
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator

from ..data.catalog import Catalog, UpdateEntry

FEED_TITLE = "中文预训练模型知识库 · 更新日志 Chinese PLM Knowledge Base · Updates"
FEED_AUTHOR = "Chinese PLM knowledge base contributors"


def entry_id(base_url: str, entry: UpdateEntry) -> str:
    """A tag URI that stays the same when the site moves between versions (latest, stable)."""
    host = urlsplit(base_url).hostname or "localhost"
    digest = hashlib.sha1(f"{entry.date.isoformat()} {entry.text}".encode()).hexdigest()[:12]
    return f"tag:{host},{entry.date.isoformat()}:{digest}"


def moment(date: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(date, datetime.time(), tzinfo=datetime.UTC)


def chronology_feed(catalog: Catalog, base_url: str, page_url: str, feed_url: str,
                    family_url: dict[str, str]) -> bytes:
    """Every log entry, newest first: its text, links to the families it adds, dated by the log.

    ``page_url`` is the chronology page, ``feed_url`` the feed itself, ``family_url`` the page of each
    family (absolute URLs). The feed's ``updated`` is its newest entry's date, so an unchanged log
    gives the same bytes.
    """
    feed = FeedGenerator()
    feed.id(feed_url)
    feed.title(FEED_TITLE)
    feed.author({"name": FEED_AUTHOR})
    feed.link(href=page_url, rel="alternate")
    feed.link(href=feed_url, rel="self")
    feed.language("zh-CN")
    feed.generator("feedgen")
    entries = sorted(catalog.updates, key=lambda e: e.date)  # feedgen prepends: newest ends first
    for entry in entries:
        item = feed.add_entry()
        item.id(entry_id(base_url, entry))
        item.title(f"{entry.date.isoformat()} {entry.text}")
        families = [catalog.families[f] for f in entry.families if f in catalog.families]
        links = [family_url[f.id] for f in families if f.id in family_url]
        item.link(href=links[0] if links else f"{page_url}#log-{entry.date.year}-{entry.date.month:02d}")
        names = ", ".join(f.title for f in families)
        item.content(entry.text + (f"（系列 Families: {names}）" if names else ""), type="text")
        item.updated(moment(entry.date))
        item.published(moment(entry.date))
    if entries:
        feed.updated(moment(entries[-1].date))
    return feed.atom_str(pretty=True)
