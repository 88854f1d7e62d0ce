"""Outbox repository: queue once by key; claim with a conditional update; mark the result.

Claiming is the healthchecks pattern: an UPDATE that must change exactly one row. Two
workers (or a restarted one) can never both own a message.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from monitor.store.models import OutboxMessage


def enqueue(session: Session, message: OutboxMessage) -> bool:
    """Queue a message unless one with its key exists; True when it was queued now."""
    if session.exec(select(OutboxMessage.id).where(OutboxMessage.key == message.key)).first():
        return False
    try:
        with session.begin_nested():
            session.add(message)
    except IntegrityError:  # another writer queued the same key meanwhile
        return False
    return True


def _claimable(now: datetime, lease: timedelta) -> object:
    return or_(
        and_(col(OutboxMessage.status) == "pending", col(OutboxMessage.next_attempt_at) <= now),
        and_(col(OutboxMessage.status) == "sending", col(OutboxMessage.claimed_at) < now - lease),
    )


def due_ids(session: Session, now: datetime, lease: timedelta, limit: int = 100) -> list[int]:
    query = (
        select(OutboxMessage.id)
        .where(_claimable(now, lease))  # type: ignore[arg-type]
        .order_by(col(OutboxMessage.id))
        .limit(limit)
    )
    return [i for i in session.exec(query).all() if i is not None]


def claim(session: Session, message_id: int, now: datetime, lease: timedelta) -> bool:
    """Take a message for sending; False when someone else has it or it is not due."""
    result = session.execute(
        update(OutboxMessage)
        .where(col(OutboxMessage.id) == message_id, _claimable(now, lease))  # type: ignore[arg-type]
        .values(status="sending", claimed_at=now, attempts=OutboxMessage.attempts + 1)
    )
    session.commit()
    return result.rowcount == 1  # type: ignore[attr-defined, no-any-return]


def mark_sent(session: Session, message_id: int, now: datetime) -> None:
    _set(session, message_id, status="sent", sent_at=now, last_error=None)


def mark_retry(session: Session, message_id: int, error: str, next_attempt_at: datetime) -> None:
    _set(session, message_id, status="pending", last_error=error, next_attempt_at=next_attempt_at)


def mark_failed(session: Session, message_id: int, error: str) -> None:
    _set(session, message_id, status="failed", last_error=error)


def _set(session: Session, message_id: int, **values: object) -> None:
    session.execute(
        update(OutboxMessage).where(col(OutboxMessage.id) == message_id).values(**values)
    )
    session.commit()


def get(session: Session, message_id: int) -> OutboxMessage | None:
    return session.get(OutboxMessage, message_id)


def by_key_prefix(session: Session, prefix: str) -> list[OutboxMessage]:
    query = select(OutboxMessage).where(col(OutboxMessage.key).startswith(prefix))
    return list(session.exec(query.order_by(col(OutboxMessage.id))).all())
