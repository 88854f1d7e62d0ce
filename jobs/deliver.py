"""Deliver: send every outbox message that is due, through the configured channels."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from jobs.context import JobContext
from monitor.deliver import DeliveryReport, deliver_due, notify_recipient
from monitor.render import Rendered
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
    now = ctx.now()
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
    return deliver_due(ctx.session, ctx.transports(), ctx.now(), ctx.retry_policy)
