"""Two simulated weeks of the daemon, driven by a travelling clock (time-machine).

The real scheduler (APScheduler) and the real jobs run against local feeds and a local
SMTP server; the clock jumps an hour at a time and the scheduler is woken after each jump.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import time_machine
from apscheduler.events import (
    EVENT_JOB_ERROR,
    EVENT_JOB_EXECUTED,
    EVENT_JOB_MAX_INSTANCES,
    EVENT_JOB_MISSED,
    EVENT_JOB_SUBMITTED,
    JobEvent,
)
from sqlalchemy.engine import Engine

from jobs.context import JobContext
from monitor.clock import SystemClock
from monitor.daemon import Daemon
from monitor.pledgefile import load_config
from tests.helpers.feed_server import FeedServer
from tests.helpers.feeds import LAUNCH, OFFICERS, rss
from tests.helpers.smtp_server import SmtpServer

START = datetime(2025, 12, 1, 6, 0, tzinfo=UTC)  # a Monday, two hours before the digest


class Tracker:
    """Counts jobs submitted but not yet finished, from the scheduler's own events."""

    def __init__(self) -> None:
        self.pending = 0
        self.errors: list[str] = []
        self.lock = threading.Lock()

    def __call__(self, event: JobEvent) -> None:
        with self.lock:
            if event.code == EVENT_JOB_SUBMITTED:
                self.pending += 1
            elif event.code in (EVENT_JOB_EXECUTED, EVENT_JOB_ERROR):
                self.pending -= 1
                if event.code == EVENT_JOB_ERROR:
                    self.errors.append(f"{event.job_id}: {getattr(event, 'exception', '')}")


def start_daemon(ctx: JobContext) -> tuple[Daemon, Tracker]:
    daemon = Daemon(
        ctx.settings,
        load_config(ctx.config.path),
        ctx.engine,
        SystemClock(),
        logging.getLogger("pledge_monitor.test"),
    )
    tracker = Tracker()
    daemon.scheduler.add_listener(
        tracker,
        EVENT_JOB_SUBMITTED
        | EVENT_JOB_EXECUTED
        | EVENT_JOB_ERROR
        | EVENT_JOB_MISSED
        | EVENT_JOB_MAX_INSTANCES,
    )
    daemon.start()
    settle(daemon, tracker)
    return daemon, tracker


def settle(daemon: Daemon, tracker: Tracker) -> None:
    """Wait (in real time) until every job due at the travelled 'now' has run."""
    daemon.scheduler.wakeup()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        now = datetime.now(UTC)
        due = [j for j in daemon.scheduler.get_jobs() if j.next_run_time and j.next_run_time <= now]
        if not due and tracker.pending == 0:
            return
        time.sleep(0.02)
    raise AssertionError(f"jobs did not settle: pending={tracker.pending}")


def digest_weeks(smtp: SmtpServer) -> list[str]:
    return [
        m["Subject"].split(":")[0].removeprefix("Pledge digest ")
        for m in smtp.messages
        if m["Subject"].startswith("Pledge digest")
    ]


def test_two_simulated_weeks_send_exactly_one_digest_per_week_across_a_restart(
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    sqlite_engine: Engine,
    make_ctx: Callable[..., JobContext],
    smtp: SmtpServer,
) -> None:
    feed_server.route("/a.xml", body=rss(OFFICERS), etag='"1"')
    config = write_config({"a": feed_server.url("/a.xml")})
    with time_machine.travel(START, tick=False) as traveller:
        ctx = make_ctx(
            config,
            sqlite_engine,
            SystemClock(),
            digest_to="ann@example.org",
            alert_to="desk@example.org",
            poll_interval="2h",
            poll_jitter="0",
            heartbeat_interval="10m",
            delivery_interval="15m",
            watch_interval="1h",
            **smtp.settings(),
        )
        daemon, tracker = start_daemon(ctx)
        for _ in range(14 * 24 + 4):
            traveller.shift(timedelta(hours=1))
            now = datetime.now(UTC)
            if now == datetime(2025, 12, 3, 10, tzinfo=UTC):  # news arrives mid-week
                feed_server.route("/a.xml", body=rss(OFFICERS, LAUNCH), etag='"2"')
            if now == datetime(2025, 12, 8, 12, tzinfo=UTC):  # a restart after a digest
                daemon.shutdown()
                daemon, tracker = start_daemon(ctx)
            settle(daemon, tracker)
            assert daemon.health().healthy, f"unhealthy at {now}: {daemon.health().reason}"
        daemon.shutdown()
    assert tracker.errors == []
    assert digest_weeks(smtp) == ["2025-W48", "2025-W49", "2025-W50"]
    sent_at = [m["Date"].datetime for m in smtp.messages if m["Subject"].startswith("Pledge")]
    assert [d.strftime("%a %H:%M") for d in sent_at] == ["Mon 08:00"] * 3
    alerts = [m["Subject"] for m in smtp.messages if m["To"] == "desk@example.org"]
    assert any("New fulfilled evidence" in s for s in alerts)
    assert any("In progress → Fulfilled late" in " ".join(s.split()) for s in alerts)
    # polled every two hours, not piled up: about 12 a day for 14 days
    polls = len(feed_server.requests_to("/a.xml"))
    assert 14 * 12 <= polls <= 14 * 12 + 4
