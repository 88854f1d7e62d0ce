"""The writer lock: one writer at a time, and a holder that dies frees it at once.

The lock is held by the kernel (SQLite: flock) or the server (PostgreSQL: a session advisory
lock), so a writer killed with SIGKILL never blocks the next one, and nothing about it runs
on the judgements' clock: ``--as-of`` cannot confuse it.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from jobs.context import JobContext
from monitor.clock import FixedClock
from monitor.daemon import Daemon
from monitor.errors import BusyError
from monitor.store import daemon as daemon_store
from monitor.store import lease
from tests.helpers.feed_server import FeedServer
from tests.helpers.feeds import OFFICERS, rss

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2025, 12, 10, 12, 0, tzinfo=UTC)


def test_the_lock_is_held_by_one_writer_at_a_time_and_names_its_holder(engine: Engine) -> None:
    with lease.hold(engine, timedelta(0)):
        with pytest.raises(BusyError) as busy, lease.hold(engine, timedelta(0)):
            pass
        assert f"pid {os.getpid()} on " in str(busy.value)
    with lease.hold(engine, timedelta(0)):  # released: the next one takes it at once
        pass


def test_the_lock_is_released_when_the_body_fails(engine: Engine) -> None:
    with pytest.raises(RuntimeError), lease.hold(engine, timedelta(0)):
        raise RuntimeError("disk full, say")
    with lease.hold(engine, timedelta(0)):
        pass


def test_waiting_for_the_lock_uses_the_injected_sleep_not_the_clock(engine: Engine) -> None:
    elapsed = [0.0]
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        elapsed[0] += seconds

    with (
        lease.hold(engine, timedelta(0)),
        pytest.raises(BusyError, match="waited 1s"),
        lease.hold(engine, timedelta(seconds=1), sleep=sleep, monotonic=lambda: elapsed[0]),
    ):
        pass
    assert sleeps == [lease.POLL] * 5


@pytest.fixture
def holder(database_url: str) -> Iterator[subprocess.Popen[str]]:
    """Another process that takes the lock, says so, and waits to be killed."""
    script = textwrap.dedent(
        f"""
        import sys, time
        from datetime import timedelta
        from monitor.store import lease
        from monitor.store.db import make_engine
        engine = make_engine({database_url!r})
        with lease.hold(engine, timedelta(seconds=10)):
            print("held", flush=True)
            time.sleep(120)
        """
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "held"
    yield process
    process.kill()
    process.wait()
    process.stdout.close()


def test_a_writer_killed_with_sigkill_frees_the_lock_at_once(
    engine: Engine, holder: subprocess.Popen[str]
) -> None:
    with pytest.raises(BusyError, match=f"pid {holder.pid} on "), lease.hold(engine, timedelta(0)):
        pass
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    with lease.hold(engine, timedelta(seconds=5)):  # the server may need a moment to notice
        pass


def test_the_daemon_is_unhealthy_while_its_jobs_are_skipped_and_healthy_after(
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    engine: Engine,
    make_ctx: Callable[..., JobContext],
) -> None:
    feed_server.route("/feed.xml", body=rss(OFFICERS))
    ctx = make_ctx(write_config({"a": feed_server.url("/feed.xml")}), engine, FixedClock(NOW))
    daemon = Daemon(
        ctx.settings.model_copy(update={"shutdown_timeout": timedelta(0)}),
        ctx.config,
        engine,
        FixedClock(NOW),
        logging.getLogger("pledge_monitor.test"),
    )
    with daemon.context().session() as session:
        daemon_store.mark_started(session, NOW, ctx.config.digest)
    with lease.hold(engine, timedelta(0)):  # a command run beside it holds the lock
        daemon._cycle()
    verdict = daemon.health()
    assert not verdict.healthy
    assert verdict.reason.startswith("jobs skipped since 2025-12-10 12:00:00 UTC: cycle skipped")
    daemon._cycle()
    assert daemon.health().healthy
    engine.dispose()
