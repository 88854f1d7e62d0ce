"""Outbox states beyond the happy path: held for want of a channel (no attempt used), made
due again by an operator, cancelled — on a real database, SQLite and PostgreSQL alike."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from jobs import deliver as deliver_job
from jobs import report
from jobs.context import JobContext
from monitor.clock import FixedClock
from monitor.deliver import notify_names
from monitor.reportdata import Period
from monitor.store import outbox
from monitor.store.models import OutboxMessage
from tests.helpers.feed_server import FeedServer
from tests.helpers.smtp_server import SmtpServer

NOW = datetime(2025, 12, 8, 1, tzinfo=UTC)


def rows(engine: Engine) -> list[OutboxMessage]:
    with Session(engine) as session:
        return list(session.exec(select(OutboxMessage).order_by(OutboxMessage.id)).all())


def queue_digest(ctx: JobContext) -> None:
    period = Period.iso_week(2025, 49, ctx.display_zone)
    rendered = report.run(ctx, period, send=False).rendered
    s = ctx.settings
    to = deliver_job.recipients(s.digest_to, s.digest_notify)
    deliver_job.enqueue(ctx, "digest", f"digest:{period.label}", rendered, to)


def test_a_message_for_a_replaced_url_is_held_at_no_cost_and_sent_once_it_is_back(
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    sqlite_engine: Engine,
    make_ctx: Callable[..., JobContext],
) -> None:
    path = write_config({"a": feed_server.url("/a.xml")})
    clock = FixedClock(NOW)
    old = feed_server.url("/old").replace("http://", "json://")
    new = feed_server.url("/new").replace("http://", "json://")

    def ctx(url: str) -> JobContext:  # one attempt only: a burnt attempt would fail it
        return make_ctx(path, sqlite_engine, clock, digest_notify=url, outbox_max_attempts=1)

    queue_digest(ctx(old))
    runs = []
    for _ in range(3):  # the operator replaced the URL; the daemon keeps delivering
        runs.append(deliver_job.run(ctx(new)))
        clock.advance(timedelta(hours=1))
    assert [len(run.held) for run in runs] == [1, 0, 0]  # held once, then not claimed again
    [row] = rows(sqlite_engine)
    assert row.status == "held" and row.attempts == 0
    assert "was DIGEST_NOTIFY or ALERT_NOTIFY changed?" in (row.last_error or "")
    assert feed_server.posts == []
    sent = deliver_job.run(ctx(f"{new},{old}"))  # the old URL set again
    assert [e.key for e in sent.sent] == [row.key]
    assert [p for p, _ in feed_server.posts] == ["/old"]
    [row] = rows(sqlite_engine)
    assert row.status == "sent" and row.attempts == 1 and row.last_error is None


def test_mail_queued_while_smtp_is_off_waits_for_it(
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    sqlite_engine: Engine,
    make_ctx: Callable[..., JobContext],
    smtp: SmtpServer,
) -> None:
    path = write_config({"a": feed_server.url("/a.xml")})
    clock = FixedClock(NOW)
    off = make_ctx(path, sqlite_engine, clock, digest_to="ann@example.org")
    result = report.run(off, Period.iso_week(2025, 49, off.display_zone), send=True)
    assert result.delivery is not None and len(result.delivery.held) == 1
    assert [m.state for m in result.messages] == ["held"]
    assert "mail is off (PLEDGE_MONITOR_SMTP_HOST is not set)" in (
        result.messages[0].last_error or ""
    )
    on = make_ctx(path, sqlite_engine, clock, digest_to="ann@example.org", **smtp.settings())
    assert len(deliver_job.run(on).sent) == 1
    assert [m["To"] for m in smtp.messages] == ["ann@example.org"]


def test_a_notification_url_is_named_by_scheme_and_hash_only() -> None:
    url = "slack://T0KEN-A/T0KEN-B/T0KEN-C/#general"
    [(recipient, name)] = notify_names([url]).items()
    assert recipient.startswith("notify-") and name == f"slack:// {recipient}"
    assert "T0KEN" not in name
    [(recipient, name)] = notify_names(["no scheme at all"]).items()
    assert name == recipient


def message(key: str, status: str, attempts: int = 1) -> OutboxMessage:
    return OutboxMessage(
        key=key,
        kind="alert",
        channel="mail",
        recipient="ann@example.org",
        subject="s",
        body_text="t",
        status=status,
        attempts=attempts,
        next_attempt_at=NOW + timedelta(hours=1),
        claimed_at=NOW if status == "sending" else None,
        sent_at=NOW if status == "sent" else None,
        created_at=NOW,
    )


def test_operator_changes_never_touch_a_sent_or_claimed_message(engine: Engine) -> None:
    statuses = ["pending", "sending", "sent", "failed", "held", "cancelled"]
    later = NOW + timedelta(minutes=5)  # within the claim of the message being sent
    with Session(engine) as session:
        session.add_all(message(f"k-{s}", s, attempts=3) for s in statuses)
        session.commit()
        ids = [m.id for m in outbox.with_status(session, statuses) if m.id is not None]
        assert len(ids) == 6
        assert outbox.make_due(session, ids, later) == 4
        session.commit()
    after = {m.key: m for m in rows(engine)}
    for status in ("pending", "failed", "held", "cancelled"):
        m = after[f"k-{status}"]
        assert (m.status, m.attempts, m.next_attempt_at) == ("pending", 0, later)
    assert (after["k-sending"].status, after["k-sending"].attempts) == ("sending", 3)
    assert (after["k-sent"].status, after["k-sent"].attempts) == ("sent", 3)
    with Session(engine) as session:
        assert outbox.due_ids(session, later, timedelta(minutes=10)) == [
            after[f"k-{s}"].id for s in ("pending", "failed", "held", "cancelled")
        ]
        assert outbox.cancel(session, ids) == 4
        session.commit()
        by_status = {m.key: m.status for m in outbox.by_ids(session, ids)}
    assert by_status == {
        "k-pending": "cancelled",
        "k-sending": "sending",
        "k-sent": "sent",
        "k-failed": "cancelled",
        "k-held": "cancelled",
        "k-cancelled": "cancelled",
    }


def test_only_a_claimed_message_can_be_held_and_only_a_held_one_released(engine: Engine) -> None:
    with Session(engine) as session:
        session.add_all([message("k-sending", "sending"), message("k-sent", "sent")])
        session.commit()
        sending, sent = (m.id for m in outbox.with_status(session, ["sending", "sent"]))
        assert sending is not None and sent is not None
        outbox.hold(session, sending, "no channel")
        outbox.hold(session, sent, "no channel")
        [held] = outbox.held(session)
        assert (held.key, held.attempts, held.claimed_at) == ("k-sending", 0, None)
        outbox.release(session, [sending, sent], NOW)
        session.commit()
    statuses = {m.key: (m.status, m.next_attempt_at) for m in rows(engine)}
    assert statuses == {"k-sending": ("pending", NOW), "k-sent": ("sent", NOW + timedelta(hours=1))}
