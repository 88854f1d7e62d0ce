"""A pledge whose deadline passed but whose grace has not run out is in the digest's
deadlines, with the day it becomes overdue; a deadline on the report's last day too."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from jobs import check, overview, report
from jobs.context import JobContext
from monitor import views
from monitor.clock import FixedClock
from monitor.reportdata import Period
from tests.conftest import PLEDGE
from tests.helpers.feed_server import FeedServer
from tests.helpers.feeds import OFFICERS, rss

SUNDAY_PLEDGE = """\
  - id: sunday
    title: Publish the plan by Sunday
    made_by: [Minister B]
    made_on: 2025-10-27
    source: https://example.org/plan
    due: 2025-12-07
    evidence:
      fulfilled:
        all: ["plan published"]
"""


def test_a_pledge_in_its_grace_period_is_listed_under_deadlines_with_its_overdue_day(
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    sqlite_engine: Engine,
    make_ctx: Callable[..., JobContext],
) -> None:
    feed_server.route("/a.xml", body=rss(OFFICERS))
    path = write_config({"a": feed_server.url("/a.xml")}, PLEDGE + SUNDAY_PLEDGE)
    # task-force: due 30 Nov with 7 days of grace, so overdue from 8 Dec; judged on 3 Dec
    ctx = make_ctx(path, sqlite_engine, FixedClock(datetime(2025, 12, 3, 12, tzinfo=UTC)))
    check.run(ctx)
    week = Period.iso_week(2025, 49, ctx.display_zone)
    result = report.run(ctx, week, send=False)

    [grace] = result.digest.in_grace
    assert (grace.id, grace.days_left, str(grace.overdue_on)) == ("task-force", -3, "2025-12-08")
    assert result.digest.overdue == []
    line = "2025-11-30 (deadline passed 3 days ago, overdue on 2025-12-08)"
    assert f"  - {line} Launch the task force in November [In progress]" in result.rendered.text
    assert f"- {line}: Launch the task force in November" in result.rendered.markdown
    assert "deadline passed 3 days ago, overdue on 2025-12-08" in result.rendered.html
    assert "2025-12-07 (4 days left) Publish the plan by Sunday" in result.rendered.text


def test_a_deadline_on_the_last_day_of_a_past_week_is_still_listed(
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    sqlite_engine: Engine,
    make_ctx: Callable[..., JobContext],
) -> None:
    feed_server.route("/a.xml", body=rss(OFFICERS))
    path = write_config({"a": feed_server.url("/a.xml")}, PLEDGE + SUNDAY_PLEDGE)
    ctx = make_ctx(path, sqlite_engine, FixedClock(datetime(2025, 12, 10, 12, tzinfo=UTC)))
    check.run(ctx)
    result = report.run(ctx, Period.iso_week(2025, 49, ctx.display_zone), send=False)
    # the week ends as the Sunday deadline does: not passed yet, and not left out
    assert [p.id for p in result.digest.upcoming] == ["sunday"]
    assert "2025-12-07 (0 days left) Publish the plan by Sunday [Pending]" in result.rendered.text
    assert [p.id for p in result.digest.in_grace] == ["task-force"]


def test_the_status_table_calls_a_pledge_in_grace_past_due_not_overdue(
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    sqlite_engine: Engine,
    make_ctx: Callable[..., JobContext],
) -> None:
    feed_server.route("/a.xml", body=rss(OFFICERS))
    path = write_config({"a": feed_server.url("/a.xml")})
    ctx = make_ctx(path, sqlite_engine, FixedClock(datetime(2025, 12, 3, 12, tzinfo=UTC)))
    check.run(ctx)
    table = views.status_table(overview.run(ctx), ctx.now(), ctx.display_zone, width=120)
    assert "3 past due (grace)" in table and "overdue" not in table
