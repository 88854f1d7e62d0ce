"""Build small RSS documents for tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape


@dataclass
class Item:
    title: str
    link: str | None = None
    guid: str | None = None
    published: datetime | None = None
    description: str = ""


# News about the conftest PLEDGE (a task force due 30 Nov 2025), shared by several tests.
OFFICERS = Item(
    "Officers join the task force",
    link="https://example.org/officers",
    guid="o",
    published=datetime(2025, 11, 20, tzinfo=UTC),
    description="Police officers joined the task force.",
)
LAUNCH = Item(
    "Task force launched",
    link="https://example.org/launch",
    guid="l",
    published=datetime(2025, 12, 3, 9, tzinfo=UTC),
    description="The task force launched on Wednesday.",
)


def rss(*items: Item, title: str = "Test feed") -> bytes:
    head = "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
    parts = [head, f"<title>{escape(title)}</title>"]
    for item in items:
        parts.append("<item>")
        parts.append(f"<title>{escape(item.title)}</title>")
        if item.link:
            parts.append(f"<link>{escape(item.link)}</link>")
        if item.guid:
            parts.append(f"<guid isPermaLink='false'>{escape(item.guid)}</guid>")
        if item.published:
            parts.append(f"<pubDate>{format_datetime(item.published)}</pubDate>")
        parts.append(f"<description>{escape(item.description)}</description>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode()
