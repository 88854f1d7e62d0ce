"""The weekly digest by mail: a real SMTP server on 127.0.0.1, a real database, a fixed clock.

Never lost, never sent twice: SMTP down then up, a crash between send and mark, permanent
and transient refusals.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from jobs import deliver as deliver_job
from jobs import report
from jobs.context import JobContext
from monitor.clock import FixedClock
from monitor.deliver import SmtpConfig, SmtpTransport, deliver_due
from monitor.reportdata import Period
from monitor.store.models import OutboxMessage
from tests.helpers.smtp_server import SmtpServer, assert_in_both, text_and_html

ROOT = Path(__file__).parent.parent
WEEK = (2025, 49)  # 1–7 Dec 2025: the task force launch, late


@pytest.fixture
def demo(
    sqlite_engine: Engine, make_ctx: Callable[..., JobContext], smtp: SmtpServer
) -> Callable[..., JobContext]:
    """A context over the demo data, checked once, mailing through the local server."""
    clock = FixedClock(datetime(2025, 12, 8, 1, tzinfo=UTC))

    def make(**settings: object) -> JobContext:
        values = {**smtp.settings(), "digest_to": "ann@example.org, bob@example.org", **settings}
        return make_ctx(ROOT / "demo" / "pledges.yaml", sqlite_engine, clock, **values)

    from jobs import check

    check.run(make())
    return make


def period(ctx: JobContext) -> Period:
    return Period.iso_week(*WEEK, ctx.display_zone)


def outbox_rows(ctx: JobContext) -> list[OutboxMessage]:
    with Session(ctx.engine) as session:
        return list(session.exec(select(OutboxMessage).order_by(OutboxMessage.id)).all())


def test_the_digest_arrives_as_one_well_formed_multipart_mail_per_recipient(
    demo: Callable[..., JobContext], smtp: SmtpServer
) -> None:
    ctx = demo()
    result = report.run(ctx, period(ctx), send=True)
    assert result.delivery is not None and len(result.delivery.sent) == 2
    assert sorted(m["To"] for m in smtp.messages) == ["ann@example.org", "bob@example.org"]
    mail = smtp.messages[0]
    assert mail.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in mail.iter_parts()] == ["text/plain", "text/html"]
    assert mail["Subject"] == "Pledge digest 2025-W49: 1 change, 2 new evidence"
    assert mail["From"] == "pledge-monitor <pledge-monitor@localhost>"
    assert mail["Message-ID"].endswith("@pledge-monitor>") and mail["Date"]
    assert mail["Auto-Submitted"] == "auto-generated"
    assert_in_both(mail, "https://example.org/sample-wire/2025/12/task-force-launch")
    assert_in_both(mail, "Korea Task Force launched in Phnom Penh")
    _, html = text_and_html(mail)
    assert "<mark style=" in html  # matched terms marked, CSS inlined
    assert "<script" not in html and "<img" not in html  # no scripts, no external images


def test_rerunning_the_report_sends_nothing_twice(
    demo: Callable[..., JobContext], smtp: SmtpServer
) -> None:
    ctx = demo()
    report.run(ctx, period(ctx), send=True)
    again = report.run(ctx, period(ctx), send=True)
    assert again.queued == [] and again.delivery is not None and again.delivery.sent == []
    assert any("queued before" in note for note in again.notes)
    assert len(smtp.messages) == 2


def test_smtp_down_then_up_delivers_the_digest_exactly_once(
    demo: Callable[..., JobContext], smtp: SmtpServer
) -> None:
    ctx = demo(digest_to="ann@example.org")
    smtp.stop()
    first = report.run(ctx, period(ctx), send=True)
    assert first.delivery is not None and len(first.delivery.retrying) == 1
    [row] = outbox_rows(ctx)
    assert row.status == "pending" and row.attempts == 1 and "connect" in (row.last_error or "")
    assert row.next_attempt_at > ctx.now()  # backs off
    smtp.start()
    assert deliver_job.run(ctx).sent == []  # not due yet: the backoff is respected
    assert isinstance(ctx.clock, FixedClock)
    ctx.clock.advance(timedelta(minutes=5))
    assert len(deliver_job.run(ctx).sent) == 1
    assert len(deliver_job.run(ctx).sent) == 0
    assert len(smtp.messages) == 1
    [row] = outbox_rows(ctx)
    assert row.status == "sent" and row.attempts == 2 and row.last_error is None


class CrashAfterSending:
    """Sends for real, then dies before the outbox can be marked (as a killed process)."""

    def __init__(self, inner: SmtpTransport) -> None:
        self.inner = inner

    def routes(self, recipient: str) -> bool:
        return self.inner.routes(recipient)

    def send(self, message: OutboxMessage, now: datetime) -> None:
        self.inner.send(message, now)
        raise KeyboardInterrupt("killed between send and mark")


def test_a_crash_between_send_and_mark_does_not_lose_the_message(
    demo: Callable[..., JobContext], smtp: SmtpServer
) -> None:
    ctx = demo(digest_to="ann@example.org")
    report.run(ctx, period(ctx), send=False)
    rendered = report.run(ctx, period(ctx), send=False).rendered
    deliver_job.enqueue(
        ctx, "digest", "digest:test", rendered, deliver_job.recipients(["ann@example.org"], [])
    )
    transport = SmtpTransport(SmtpConfig("127.0.0.1", smtp.port, "none"))
    with pytest.raises(KeyboardInterrupt):
        deliver_due(
            ctx.session, {"mail": CrashAfterSending(transport)}, ctx.now(), ctx.retry_policy
        )
    [row] = outbox_rows(ctx)
    assert row.status == "sending"
    # a restart within the lease does not send it again …
    assert deliver_job.run(ctx).sent == []
    # … and once the lease has run out it is sent rather than lost
    assert isinstance(ctx.clock, FixedClock)
    ctx.clock.advance(ctx.retry_policy.lease + timedelta(seconds=1))
    assert len(deliver_job.run(ctx).sent) == 1
    [row] = outbox_rows(ctx)
    assert row.status == "sent"
    first, second = smtp.messages
    assert first["Message-ID"] == second["Message-ID"]  # clients can fold the repeat


def test_a_permanent_refusal_is_marked_failed_and_not_retried(
    demo: Callable[..., JobContext], smtp: SmtpServer
) -> None:
    ctx = demo(digest_to="ann@example.org")
    smtp.recorder.reply = "550 5.1.1 mailbox unavailable"
    result = report.run(ctx, period(ctx), send=True)
    assert result.delivery is not None and len(result.delivery.failed) == 1
    [row] = outbox_rows(ctx)
    assert row.status == "failed" and row.attempts == 1
    assert row.last_error is not None and row.last_error.startswith("deliver: rejected: 550")


def test_a_deferral_is_retried_a_bounded_number_of_times(
    demo: Callable[..., JobContext], smtp: SmtpServer
) -> None:
    ctx = demo(digest_to="ann@example.org", outbox_max_attempts=3)
    smtp.recorder.reply = "451 4.3.0 try again later"
    report.run(ctx, period(ctx), send=True)
    assert isinstance(ctx.clock, FixedClock)
    for _ in range(5):
        ctx.clock.advance(timedelta(hours=7))
        deliver_job.run(ctx)
    [row] = outbox_rows(ctx)
    assert row.status == "failed" and row.attempts == 3
    assert "temporary: 451" in (row.last_error or "")
