"""Deliver: send every outbox message that is due, through the configured channels; and
the operator's side of the outbox: list messages, retry or cancel them."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from sqlmodel import Session

from jobs.context import JobContext
from monitor.deliver import (
    DeliveryReport,
    OutboxEntry,
    deliver_due,
    notify_names,
    notify_recipient,
    state_of,
)
from monitor.errors import NotFoundError, NotRetryableError
from monitor.outboxstate import OPEN, State
from monitor.render import Rendered
from monitor.settings import Settings
from monitor.store import outbox
from monitor.store.models import OutboxMessage


@dataclass(frozen=True)
class Recipient:
    channel: str  # mail | notify
    address: str  # an email address, or the hashed id of a notification URL


def recipients(emails: Iterable[str], notify_urls: Iterable[str]) -> list[Recipient]:
    return [Recipient("mail", e) for e in emails] + [
        Recipient("notify", notify_recipient(url)) for url in notify_urls
    ]


def enqueue(
    ctx: JobContext, kind: str, key: str, rendered: Rendered, to: list[Recipient]
) -> list[str]:
    """Queue one message per recipient under ``<key>:<channel>:<address>``; return the keys
    queued now (a key already queued, or sent, is left alone: nothing is sent twice)."""
    queued = []
    now = ctx.wall_now()
    with ctx.session() as session:
        for recipient in to:
            message_key = f"{key}:{recipient.channel}:{recipient.address}"
            message = OutboxMessage(
                key=message_key,
                kind=kind,
                channel=recipient.channel,
                recipient=recipient.address,
                subject=rendered.subject,
                body_text=rendered.text,
                body_html=(rendered.html or None) if recipient.channel == "mail" else None,
                next_attempt_at=now,
                created_at=now,
            )
            if outbox.enqueue(session, message):
                queued.append(message_key)
        session.commit()
    return queued


def run(ctx: JobContext) -> DeliveryReport:
    return deliver_due(ctx.session, ctx.transports(), ctx.wall_now(), ctx.retry_policy)


def recipient_names(settings: Settings) -> dict[str, str]:
    """How to show each notification recipient configured now, without its secret URL."""
    return notify_names([*settings.digest_notify, *settings.alert_notify])


# the stored statuses each shown state comes from
_STATUSES: dict[State, str] = {
    "queued": "pending",
    "retrying": "pending",
    "held": "held",
    "sending": "sending",
    "failed": "failed",
    "sent": "sent",
    "cancelled": "cancelled",
}


def messages(ctx: JobContext, states: Collection[State] = OPEN) -> list[OutboxEntry]:
    """The outbox in queue order, in the given states (default: those not done with)."""
    with ctx.session() as session:
        rows = outbox.with_status(session, {_STATUSES[state] for state in states})
        return [_entry(ctx, row) for row in rows if state_of(row) in states]


def entries(ctx: JobContext, ids: Collection[int]) -> list[OutboxEntry]:
    with ctx.session() as session:
        return [_entry(ctx, row) for row in outbox.by_ids(session, ids)]


def _entry(ctx: JobContext, row: OutboxMessage) -> OutboxEntry:
    return OutboxEntry.of(row, ctx.retry_policy.lease)


@dataclass(frozen=True)
class RetryResult:
    retried: list[OutboxEntry]  # as they were before
    delivery: DeliveryReport
    after: list[OutboxEntry]  # the same messages once the delivery run is over


def retry(ctx: JobContext, ids: Collection[int] | None) -> RetryResult:
    """Make messages due now with a fresh set of attempts, then deliver. ``ids=None`` takes
    every failed message. The key, hence the Message-ID, stays: a retry is the same message,
    and a message that was sent (or is being sent) is refused, never sent again."""
    with ctx.session() as session:
        chosen = outbox.with_status(session, ["failed"]) if ids is None else _named(session, ids)
        retried = [_entry(ctx, row) for row in chosen]
        outbox.make_due(session, [e.id for e in retried], ctx.wall_now())
        session.commit()
    if not retried:
        return RetryResult([], DeliveryReport(), [])
    delivery = run(ctx)
    return RetryResult(retried, delivery, entries(ctx, [e.id for e in retried]))


def cancel(ctx: JobContext, ids: Collection[int]) -> list[OutboxEntry]:
    """Give messages up: they are never sent and no longer count as undelivered."""
    with ctx.session() as session:
        chosen = _named(session, ids)
        outbox.cancel(session, [row.id for row in chosen if row.id is not None])
        session.commit()
    return entries(ctx, ids)


def _named(session: Session, ids: Collection[int]) -> list[OutboxMessage]:
    """The messages an operator named, all of them open to a retry or a cancel; else the
    whole command is refused before anything changes."""
    rows = outbox.by_ids(session, ids)
    missing = sorted(set(ids) - {row.id for row in rows})
    if missing:
        raise NotFoundError(f"no outbox message {', '.join(f'#{i}' for i in missing)}")
    for row in rows:
        if row.status == "sent":
            raise NotRetryableError(
                f"message #{row.id} was sent at {row.sent_at:%Y-%m-%d %H:%M} UTC: nothing to "
                "retry or cancel (a message is never sent twice)"
            )
        if row.status == "sending":
            raise NotRetryableError(
                f"message #{row.id} is being sent (claimed at {row.claimed_at:%Y-%m-%d %H:%M} "
                "UTC); if its sender died, it is sent again once that claim runs out"
            )
    return rows
