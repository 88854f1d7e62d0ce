"""Alerts: one message per event, once, to every configured recipient — mail and webhook."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy.engine import Engine

from jobs import alerts, check
from jobs.context import JobContext
from monitor.clock import FixedClock
from tests.conftest import PLEDGE
from tests.helpers.feed_server import FeedServer
from tests.helpers.feeds import OFFICERS, Item, rss
from tests.helpers.smtp_server import SmtpServer, assert_in_both


def setup(feed_server: FeedServer, write_config: Callable[..., Path], *items: Item) -> Path:
    feed_server.route("/a.xml", body=rss(*items))
    return write_config({"a": feed_server.url("/a.xml")}, PLEDGE)


def subjects(smtp: SmtpServer) -> list[str]:
    # Python folds long non-ASCII subjects with a doubled space at the fold; compare words
    return [" ".join(m["Subject"].split()) for m in smtp.messages]


def test_new_evidence_and_a_status_change_each_send_one_alert_once(
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    sqlite_engine: Engine,
    make_ctx: Callable[..., JobContext],
    smtp: SmtpServer,
) -> None:
    path = setup(feed_server, write_config, OFFICERS)
    clock = FixedClock(datetime(2025, 11, 21, tzinfo=UTC))
    ctx = make_ctx(
        path,
        sqlite_engine,
        clock,
        alert_to="ann@example.org",
        public_url="https://pledges.example.org/",
        **smtp.settings(),
    )
    check.run(ctx)
    result = alerts.run(ctx)
    assert sorted(a.kind for a in result.alerts) == ["evidence", "status"]
    assert sorted(subjects(smtp)) == [
        "[pledge-monitor] Launch the task force in November: Pending → In progress",
        "[pledge-monitor] New progress evidence: Launch the task force in November",
    ]
    evidence_mail = next(m for m in smtp.messages if "evidence" in m["Subject"])
    assert_in_both(evidence_mail, "https://example.org/officers")
    assert_in_both(evidence_mail, "https://example.org/summit")  # the pledge's source
    assert_in_both(evidence_mail, "https://pledges.example.org/#task-force")
    again = alerts.run(ctx)
    assert again.queued == [] and len(smtp.messages) == 2


def test_deadline_warnings_come_once_each_and_only_the_nearest(
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    sqlite_engine: Engine,
    make_ctx: Callable[..., JobContext],
    smtp: SmtpServer,
) -> None:
    path = setup(feed_server, write_config)
    # a pause of more than a week before a run 12 hours before the deadline: one warning
    clock = FixedClock(datetime(2025, 11, 30, 12, tzinfo=UTC))
    ctx = make_ctx(
        path,
        sqlite_engine,
        clock,
        alert_to="ann@example.org",
        alert_deadline_days="7,1",
        **smtp.settings(),
    )
    check.run(ctx)
    alerts.run(ctx)
    assert subjects(smtp) == [
        "[pledge-monitor] Deadline in 1 day: Launch the task force in November"
    ]
    clock.set(datetime(2025, 12, 1, 6, tzinfo=UTC))
    check.run(ctx)
    alerts.run(ctx)
    assert subjects(smtp)[1:] == [
        "[pledge-monitor] Deadline passed: Launch the task force in November"
    ]
    clock.advance(timedelta(days=8))  # past grace: overdue
    check.run(ctx)
    alerts.run(ctx)
    assert subjects(smtp)[2:] == [
        "[pledge-monitor] Launch the task force in November: Pending → Overdue"
    ]


def test_old_events_are_history_not_alerts(
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    sqlite_engine: Engine,
    make_ctx: Callable[..., JobContext],
    smtp: SmtpServer,
) -> None:
    path = setup(feed_server, write_config, OFFICERS)
    ctx = make_ctx(
        path,
        sqlite_engine,
        FixedClock(datetime(2026, 3, 1, tzinfo=UTC)),
        alert_to="ann@example.org",
        **smtp.settings(),
    )
    check.run(ctx)  # a new install reading an old archive
    assert alerts.run(ctx).alerts == [] and smtp.messages == []


def test_alerts_also_go_to_a_webhook_through_apprise(
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    sqlite_engine: Engine,
    make_ctx: Callable[..., JobContext],
) -> None:
    path = setup(feed_server, write_config, OFFICERS)
    webhook = feed_server.url("/hook").replace("http://", "json://")
    ctx = make_ctx(
        path, sqlite_engine, FixedClock(datetime(2025, 11, 21, tzinfo=UTC)), alert_notify=webhook
    )
    check.run(ctx)
    result = alerts.run(ctx)
    assert result.delivery is not None and len(result.delivery.sent) == 2
    bodies = [json.loads(body) for path_, body in feed_server.posts if path_ == "/hook"]
    assert len(bodies) == 2
    assert any("New progress evidence" in b["title"] for b in bodies)
    assert all(webhook not in key for key in result.queued)  # tokens never stored


def test_no_recipients_means_no_alerts(
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    sqlite_engine: Engine,
    make_ctx: Callable[..., JobContext],
) -> None:
    path = setup(feed_server, write_config, OFFICERS)
    ctx = make_ctx(path, sqlite_engine, FixedClock(datetime(2025, 11, 21, tzinfo=UTC)))
    check.run(ctx)
    assert alerts.run(ctx).alerts == []
