"""The daemon's reload job, in-process: every rejected edit of pledges.yaml is recorded and
alerted, whatever made it fail, and the last good version stays in force.

The job runs as the scheduler runs it (``Daemon._reload``: the work lock, the writer lease,
then the job) against a real database and a local SMTP server; only the clock is fixed.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from jobs import reload
from jobs.context import JobContext
from monitor.clock import FixedClock
from monitor.daemon import Daemon
from monitor.store.models import ConfigChange
from tests.helpers.smtp_server import SmtpServer

BOMB = "notes:\n" + "".join(
    f"  {name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.fixture
def daemon(
    write_config: Callable[..., Path],
    engine: Engine,
    make_ctx: Callable[..., JobContext],
    smtp: SmtpServer,
) -> Iterator[Daemon]:
    # the feed is never polled: only the reload job runs here
    config = write_config({"wire": "https://example.org/feed.xml"})
    ctx = make_ctx(
        config,
        engine,
        FixedClock(datetime(2025, 12, 10, 12, 0, tzinfo=UTC)),
        alert_to="desk@example.org",
        **smtp.settings(),
    )
    yield Daemon(ctx.settings, ctx.config, engine, ctx.clock, logging.getLogger("pm.test"))


def changes(engine: Engine) -> list[ConfigChange]:
    with Session(engine) as session:
        return list(session.exec(select(ConfigChange).order_by(ConfigChange.id)).all())  # type: ignore[arg-type]


def rejection_alerts(smtp: SmtpServer) -> list[str]:
    return [m.get_content() for m in smtp.messages if "rejected" in (m["Subject"] or "")]


def make_fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


HOSTILE_EDITS: dict[str, tuple[Callable[[Path], None], str]] = {
    "a NUL byte": (
        lambda p: p.write_bytes(p.read_bytes().replace(b"title: Feed", b"title: F\x00eed")),
        ":5: control character U+0000 in column 13",
    ),
    "nesting 10,000 deep": (
        lambda p: p.write_text(p.read_text() + "notes: " + "[" * 10_000 + "]" * 10_000 + "\n"),
        ": nested more than 20 levels deep",
    ),
    "an integer of 5,000 digits": (
        lambda p: p.write_text(p.read_text().replace("version: 1", "version: " + "7" * 5000)),
        ":1: a number of 5,000 digits",
    ),
    "an alias bomb": (
        lambda p: p.write_text("x: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + BOMB),
        ": more than 20,000 values (alias *",
    ),
    "more than a megabyte": (
        lambda p: p.write_text(p.read_text() + "# " + "x" * 1_000_000 + "\n"),
        ": too large: ",
    ),
    "a FIFO in its place": (make_fifo, ": is not a regular file (a device, FIFO or socket)"),
}


@pytest.mark.parametrize("edit", HOSTILE_EDITS, ids=list(HOSTILE_EDITS))
def test_a_hostile_edit_is_recorded_and_alerted_and_the_last_good_version_stays(
    daemon: Daemon, engine: Engine, smtp: SmtpServer, edit: str
) -> None:
    hostile, expected = HOSTILE_EDITS[edit]
    path, good = daemon.live.path, daemon.live.current
    hostile(path)
    daemon._reload()
    [change] = changes(engine)
    assert not change.accepted and f"{path}" in change.message and expected in change.message
    [alert] = rejection_alerts(smtp)
    assert expected in alert and "keeps the last good version in force" in alert
    assert daemon.live.current is good
    daemon._reload()  # nothing new: no second record, no second alert
    assert len(changes(engine)) == 1 and len(rejection_alerts(smtp)) == 1


def test_a_good_edit_after_a_hostile_one_is_taken(daemon: Daemon, engine: Engine) -> None:
    path = daemon.live.path
    good = path.read_text()
    path.write_text(good.replace("title: Feed wire", "title: Feed\x00wire"))
    daemon._reload()
    path.write_text(good.replace("title: Feed wire", "title: The wire"))
    daemon._reload()
    assert [c.accepted for c in changes(engine)] == [False, True]
    assert daemon.live.current.feeds[0].title == "The wire"


def test_an_unexpected_loader_failure_is_recorded_alerted_once_and_tried_again(
    daemon: Daemon,
    engine: Engine,
    smtp: SmtpServer,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    real_load = reload.load_config
    failures = iter([RecursionError("maximum recursion depth exceeded")] * 2)

    def failing_load(path: Path) -> object:
        failure = next(failures, None)
        if failure is not None:
            raise failure
        return real_load(path)

    monkeypatch.setattr(reload, "load_config", failing_load)
    path = daemon.live.path
    path.write_text(path.read_text().replace("title: Feed wire", "title: The wire"))
    with caplog.at_level(logging.ERROR, logger="pm.test"):
        daemon._reload()  # fails: recorded, alerted, logged with its traceback
        daemon._reload()  # fails again on the same version: said once only
    [change] = changes(engine)
    assert not change.accepted and "RecursionError" in change.message
    assert "bug in pledge-monitor" in change.message
    [alert] = rejection_alerts(smtp)
    assert "RecursionError" in alert
    [logged] = [r for r in caplog.records if "edit rejected" in r.getMessage()]
    assert logged.exc_info is not None
    daemon._reload()  # the fault is gone: the same, unchanged file is taken now
    assert [c.accepted for c in changes(engine)] == [False, True]
    assert daemon.live.current.feeds[0].title == "The wire"


def test_a_rejection_the_database_failed_to_record_is_recorded_at_the_next_watch(
    daemon: Daemon,
    engine: Engine,
    smtp: SmtpServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_record = reload.daemon_store.record_config
    calls = {"n": 0}

    def record_once_failing(*args: object, **kwargs: object) -> bool:
        calls["n"] += 1
        if calls["n"] == 1:
            raise OperationalError("insert into config_change", {}, Exception("disk I/O error"))
        return real_record(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reload.daemon_store, "record_config", record_once_failing)
    path = daemon.live.path
    path.write_bytes(path.read_bytes().replace(b"version: 1", b"version: !!float x"))
    daemon._reload()  # the job fails while recording
    assert changes(engine) == [] and rejection_alerts(smtp) == []
    daemon._reload()  # the file did not change since, but its rejection was never recorded
    [change] = changes(engine)
    assert not change.accepted and "cannot read 'x' as !!float" in change.message
    assert len(rejection_alerts(smtp)) == 1
