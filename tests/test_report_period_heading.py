"""A report is headed by its real period: "this week" only for an ISO week."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from jobs import check, report
from jobs.context import JobContext
from monitor.clock import FixedClock
from monitor.reportdata import Period
from tests.helpers.feed_server import FeedServer
from tests.helpers.feeds import LAUNCH, OFFICERS, rss


def test_a_since_report_names_its_dates_and_a_week_report_says_this_week(
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    sqlite_engine: Engine,
    make_ctx: Callable[..., JobContext],
) -> None:
    feed_server.route("/a.xml", body=rss(OFFICERS, LAUNCH))
    path = write_config({"a": feed_server.url("/a.xml")})
    ctx = make_ctx(path, sqlite_engine, FixedClock(datetime(2025, 12, 10, 12, tzinfo=UTC)))
    check.run(ctx)

    since = Period.since(date(2025, 11, 15), ctx.now(), ctx.display_zone)
    rendered = report.run(ctx, since, send=False).rendered
    assert "WHAT CHANGED 15 NOV – 10 DEC 2025\n" in rendered.text
    assert "## What changed 15 Nov – 10 Dec 2025\n" in rendered.markdown
    assert "What changed 15 Nov – 10 Dec 2025</h2>" in rendered.html  # CSS inlined in <h2>
    assert "this week" not in (rendered.text + rendered.markdown + rendered.html).lower()

    week = report.run(ctx, Period.iso_week(2025, 49, ctx.display_zone), send=False).rendered
    assert "WHAT CHANGED THIS WEEK\n" in week.text
