"""``pledge-monitor run`` as a real process: local feeds, a local SMTP server, signals.

Intervals are shortened through the settings; everything else is as in production.
"""

from __future__ import annotations

import json
import os
import signal
import time
import urllib.request
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from monitor.store.db import make_engine
from monitor.store.models import (
    Article,
    ConfigChange,
    DaemonState,
    Evidence,
    OutboxMessage,
    Sighting,
)
from tests.helpers.daemon_process import DaemonProcess, daemon_env, health
from tests.helpers.feed_server import FeedServer
from tests.helpers.feeds import LAUNCH, Item, rss
from tests.helpers.smtp_server import SmtpServer, free_port


@pytest.fixture
def spawn(tmp_path: Path) -> Iterator[Callable[..., DaemonProcess]]:
    started: list[DaemonProcess] = []

    def start(config: Path, **settings: str) -> DaemonProcess:
        env = daemon_env(tmp_path, config, **settings)
        process = DaemonProcess(env, tmp_path / f"daemon-{len(started)}.log").start()
        started.append(process)
        return process

    yield start
    for process in started:
        process.kill()


def count(tmp_path: Path, model: type) -> int:
    engine = make_engine(f"sqlite:///{tmp_path / 'data' / 'pledge-monitor.db'}")
    try:
        with Session(engine) as session:
            return session.exec(select(func.count()).select_from(model)).one()
    finally:
        engine.dispose()


def rows(tmp_path: Path, model: type) -> list:  # type: ignore[type-arg]
    engine = make_engine(f"sqlite:///{tmp_path / 'data' / 'pledge-monitor.db'}")
    try:
        with Session(engine) as session:
            return list(session.exec(select(model)).all())
    finally:
        engine.dispose()


def test_it_checks_on_schedule_and_reports_its_health(
    spawn: Callable[..., DaemonProcess],
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    tmp_path: Path,
) -> None:
    feed_server.route("/a.xml", body=rss(LAUNCH), etag='"1"')
    port = free_port()
    daemon = spawn(write_config({"a": feed_server.url("/a.xml")}), http_port=str(port))
    daemon.wait_for("two polls", lambda: len(feed_server.requests_to("/a.xml")) >= 2)
    assert count(tmp_path, Evidence) == 1
    assert health(daemon.env).returncode == 0
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as answer:
        assert json.loads(answer.read())["healthy"] is True
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as answer:
        metrics = answer.read().decode()
    assert 'pledge_monitor_cycles_total{outcome="ok"}' in metrics
    assert "pledge_monitor_evidence_found_total 1.0" in metrics
    assert "pledge_monitor_last_success_timestamp_seconds" in metrics
    assert (tmp_path / "reports" / "index.html").exists()  # the page is rebuilt every cycle
    assert daemon.terminate() == 0
    assert 'msg="daemon stopped"' in daemon.log
    stopped = health(daemon.env)
    assert stopped.returncode == 1 and "stopped" in stopped.stdout


def test_a_good_edit_is_taken_and_a_bad_edit_rejected_while_it_runs(
    spawn: Callable[..., DaemonProcess],
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    smtp: SmtpServer,
    tmp_path: Path,
) -> None:
    feed_server.route("/a.xml", body=rss(LAUNCH))
    feed_server.route("/b.xml", body=rss())
    config = write_config({"a": feed_server.url("/a.xml")})
    daemon = spawn(config, alert_to="ann@example.org", alert_max_age_days="0", **smtp.settings())
    daemon.wait_for("the first poll", lambda: bool(feed_server.requests_to("/a.xml")))
    # a good edit: a second feed; it is polled from the next cycle on
    write_config({"a": feed_server.url("/a.xml"), "b": feed_server.url("/b.xml")})
    daemon.wait_for_log('msg="pledges file reloaded"')
    daemon.wait_for("the new feed polled", lambda: bool(feed_server.requests_to("/b.xml")))
    # a bad edit: rejected with the line, the daemon lives on with the last good file
    good = config.read_text()
    config.write_text(
        good.replace("    title: Launch the task force", "    titel: Launch the task force")
    )
    daemon.wait_for_log('msg="pledges file edit rejected; the last good version stays in force"')
    assert f"{config}:12: pledges.task-force.titel: unknown key" in daemon.log
    daemon.wait_for(
        "the alert about it", lambda: any("rejected" in (m["Subject"] or "") for m in smtp.messages)
    )
    polled = len(feed_server.requests_to("/b.xml"))
    daemon.wait_for(
        "polls with the old file", lambda: len(feed_server.requests_to("/b.xml")) > polled + 1
    )
    assert daemon.alive()
    [alert] = [m for m in smtp.messages if "rejected" in m["Subject"]]
    assert "titel" in alert.get_content() and "last good version" in alert.get_content()
    changes = rows(tmp_path, ConfigChange)
    assert [c.accepted for c in changes] == [True, False]
    assert daemon.terminate() == 0


def peak_memory_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    [line] = [line for line in status.splitlines() if line.startswith("VmHWM:")]
    return int(line.split()[1]) / 1024


def test_hostile_edits_are_rejected_alerted_and_recorded_without_hurting_the_daemon(
    spawn: Callable[..., DaemonProcess],
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    smtp: SmtpServer,
    tmp_path: Path,
) -> None:
    feed_server.route("/a.xml", body=rss(LAUNCH))
    config = write_config({"a": feed_server.url("/a.xml")})
    daemon = spawn(config, alert_to="ann@example.org", alert_max_age_days="0", **smtp.settings())
    daemon.wait_for("the first poll", lambda: bool(feed_server.requests_to("/a.xml")))
    good = config.read_text()
    # a "billion laughs": 9**9 strings once expanded (it took a daemon to 1.8 GB before)
    bomb = "".join(
        f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
        for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
    )
    config.write_text("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + bomb)
    daemon.wait_for_log("more than 20,000 values (alias *")
    config.write_text(good.replace("title: Feed a", "title: Feed\x00a"))
    daemon.wait_for_log("control character U+0000 in column 16")
    daemon.wait_for(
        "two alerts", lambda: sum("rejected" in (m["Subject"] or "") for m in smtp.messages) == 2
    )
    assert daemon.alive() and peak_memory_mb(daemon.process.pid) < 400  # type: ignore[union-attr]
    assert [c.accepted for c in rows(tmp_path, ConfigChange)] == [False, False]
    assert "Traceback" not in daemon.log
    assert daemon.terminate() == 0


def test_sigterm_mid_cycle_exits_cleanly_with_nothing_half_written(
    spawn: Callable[..., DaemonProcess],
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    tmp_path: Path,
) -> None:
    items = [Item(f"Story {n}", link=f"https://example.org/{n}", guid=f"g{n}") for n in range(50)]
    feed_server.route("/fast.xml", body=rss(*items[:25]))
    feed_server.route("/slow.xml", body=rss(*items[25:]), delay=2.0)
    config = write_config(
        {"fast": feed_server.url("/fast.xml"), "slow": feed_server.url("/slow.xml")}
    )
    daemon = spawn(config, poll_interval="1h")
    daemon.wait_for("the slow feed requested", lambda: bool(feed_server.requests_to("/slow.xml")))
    started = time.monotonic()
    assert daemon.terminate() == 0
    assert time.monotonic() - started < 15
    [state] = rows(tmp_path, DaemonState)
    assert state.stopped_at is not None
    # each feed is stored whole or not at all
    sightings = rows(tmp_path, Sighting)
    per_feed = {feed: sum(1 for s in sightings if s.feed_id == feed) for feed in ("fast", "slow")}
    assert per_feed["fast"] in (0, 25) and per_feed["slow"] in (0, 25)
    assert count(tmp_path, Article) == sum(per_feed.values())


def test_a_missed_weekly_digest_is_sent_once_after_a_restart(
    spawn: Callable[..., DaemonProcess],
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    smtp: SmtpServer,
    tmp_path: Path,
) -> None:
    feed_server.route("/a.xml", body=rss(LAUNCH))
    config = write_config({"a": feed_server.url("/a.xml")})
    # the daemon ran two weeks ago and was down over the last digest time
    engine = make_engine(f"sqlite:///{tmp_path / 'data' / 'pledge-monitor.db'}")
    long_ago = datetime.now(UTC) - timedelta(days=14)
    with Session(engine) as session:
        session.add(
            DaemonState(
                first_started_at=long_ago,
                started_at=long_ago,
                heartbeat_at=long_ago,
                stopped_at=long_ago,
            )
        )
        session.commit()
    engine.dispose()
    settings = {"digest_to": "ann@example.org", **smtp.settings()}
    first = spawn(config, **settings)
    first.wait_for("the missed digest", lambda: len(smtp.messages) >= 1)
    first.wait_for_log('msg="missed weekly digest sent on start"')
    assert first.terminate() == 0
    second = spawn(config, **settings)
    second.wait_for(
        "two cycles",
        lambda: (
            second.log.count('msg="feed ok"') + second.log.count('msg="feed not_modified"') >= 2
        ),
    )
    assert second.terminate() == 0
    [digest] = smtp.messages
    assert digest["Subject"].startswith("Pledge digest 20")
    assert [m.kind for m in rows(tmp_path, OutboxMessage)] == ["digest"]


def test_health_turns_unhealthy_when_cycles_stop(
    spawn: Callable[..., DaemonProcess],
    feed_server: FeedServer,
    write_config: Callable[..., Path],
) -> None:
    feed_server.route("/a.xml", body=rss(LAUNCH))
    daemon = spawn(write_config({"a": feed_server.url("/a.xml")}), health_max_cycle_age="3s")
    daemon.wait_for("a healthy daemon", lambda: health(daemon.env).returncode == 0)
    assert daemon.process is not None
    os.kill(daemon.process.pid, signal.SIGSTOP)  # frozen: no cycles, no heartbeats
    try:
        time.sleep(3.5)
        frozen = health(daemon.env)
        assert frozen.returncode == 1 and "unhealthy" in frozen.stdout
    finally:
        os.kill(daemon.process.pid, signal.SIGCONT)
    daemon.wait_for("health back", lambda: health(daemon.env).returncode == 0)
    assert daemon.terminate() == 0
