"""Pacing: failing feeds back off, and servers' hints (Retry-After, Cache-Control, RSS ttl)
set the next poll; the daemon's cycle polls only feeds that are due."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from jobs import check, cycle
from jobs.context import JobContext
from monitor.clock import FixedClock
from monitor.pacing import next_poll, parse_max_age, parse_retry_after
from monitor.store.models import FeedState
from tests.helpers.feed_server import FeedServer
from tests.helpers.feeds import OFFICERS, rss

NOW = datetime(2025, 12, 1, 12, tzinfo=UTC)
HALF_HOUR = timedelta(minutes=30)


def test_a_healthy_feed_waits_the_interval_or_what_the_server_asks() -> None:
    assert next_poll(NOW, HALF_HOUR) == NOW + HALF_HOUR
    assert next_poll(NOW, HALF_HOUR, max_age=timedelta(hours=2)) == NOW + timedelta(hours=2)
    assert next_poll(NOW, HALF_HOUR, ttl=timedelta(minutes=60)) == NOW + timedelta(hours=1)
    assert next_poll(NOW, HALF_HOUR, max_age=timedelta(seconds=5)) == NOW + HALF_HOUR


def test_a_failing_feed_backs_off_doubling_up_to_a_day() -> None:
    delays = [next_poll(NOW, HALF_HOUR, failures=n) - NOW for n in range(1, 9)]
    assert (
        delays
        == [timedelta(minutes=m) for m in (30, 60, 120, 240, 480, 960)] + [timedelta(hours=24)] * 2
    )
    assert next_poll(NOW, HALF_HOUR, failures=1, retry_after=timedelta(hours=3)) == NOW + timedelta(
        hours=3
    )
    assert next_poll(NOW, HALF_HOUR, failures=1, retry_after=timedelta(days=30)) == NOW + timedelta(
        hours=24
    )


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("120", timedelta(seconds=120)),
        ("Mon, 01 Dec 2025 13:00:00 GMT", timedelta(hours=1)),
        ("soon", None),
        (None, None),
    ],
)
def test_retry_after_is_seconds_or_a_date(header: str | None, expected: timedelta | None) -> None:
    assert parse_retry_after(header, NOW) == expected


def test_max_age_is_read_from_cache_control() -> None:
    assert parse_max_age("public, max-age=600") == timedelta(minutes=10)
    assert parse_max_age("no-cache") is None and parse_max_age(None) is None


def state(engine: Engine, feed_id: str) -> FeedState:
    with Session(engine) as session:
        row = session.get(FeedState, feed_id)
        assert row is not None
        return row


def test_the_daemon_cycle_respects_retry_after_and_backoff_but_check_polls_all(
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    sqlite_engine: Engine,
    make_ctx: Callable[..., JobContext],
) -> None:
    feed_server.route("/busy.xml", status=429, headers={"Retry-After": "7200"})
    feed_server.route("/cached.xml", body=rss(OFFICERS), headers={"Cache-Control": "max-age=3600"})
    feed_server.route("/broken.xml", status=500)
    path = write_config(
        {
            "busy": feed_server.url("/busy.xml"),
            "cached": feed_server.url("/cached.xml"),
            "broken": feed_server.url("/broken.xml"),
        }
    )
    clock = FixedClock(NOW)
    ctx = make_ctx(path, sqlite_engine, clock, poll_interval="30m", poll_jitter="0")
    cycle.run(ctx)
    assert state(sqlite_engine, "busy").next_poll_at == NOW + timedelta(hours=2)
    assert state(sqlite_engine, "cached").next_poll_at == NOW + timedelta(hours=1)
    assert state(sqlite_engine, "broken").next_poll_at == NOW + HALF_HOUR

    clock.advance(HALF_HOUR)
    polled = {f.feed_id for f in cycle.run(ctx).check.poll.feeds}
    assert polled == {"broken"}  # the others asked for more time
    assert state(sqlite_engine, "broken").next_poll_at == clock.now() + timedelta(hours=1)

    clock.advance(timedelta(minutes=29))  # within a minute of its time: polled now
    assert {f.feed_id for f in cycle.run(ctx).check.poll.feeds} == {"cached"}

    # an explicit `check` is a full check: every feed, due or not
    assert {f.feed_id for f in check.run(ctx).poll.feeds} == {"busy", "cached", "broken"}
