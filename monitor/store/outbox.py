"""Outbox repository: queue once by key; claim with a conditional update; mark the result.

Claiming is the healthchecks pattern: an UPDATE that must change exactly one row. Two
workers (or a restarted one) can never both own a message.

Statuses: pending → sending → sent; back to pending after a transient failure; failed;
held (no configured channel reaches the recipient: waits without using attempts);
cancelled (an operator gave it up). Operator commands change only messages that are not
sent and not in flight, by a conditional update, so they can never cause a second send.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import defer
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

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


def hold(session: Session, message_id: int, reason: str) -> None:
    """Park a claimed message that no channel can reach, giving back the attempt its claim
    counted: a missing channel is the configuration's fault, not the recipient's."""
    session.execute(
        update(OutboxMessage)
        .where(col(OutboxMessage.id) == message_id, col(OutboxMessage.status) == "sending")
        .values(
            status="held",
            last_error=reason,
            claimed_at=None,
            attempts=OutboxMessage.attempts - 1,
        )
    )
    session.commit()


def held(session: Session) -> list[OutboxMessage]:
    return list(session.exec(_listing().where(col(OutboxMessage.status) == "held")).all())


def release(session: Session, ids: Collection[int], now: datetime) -> None:
    """Held messages whose channel is configured again become due (the caller commits)."""
    session.execute(
        update(OutboxMessage)
        .where(col(OutboxMessage.id).in_(ids), col(OutboxMessage.status) == "held")
        .values(status="pending", next_attempt_at=now)
    )


# What an operator may retry or cancel: never a message that was sent or is in flight.
RESTARTABLE = ("pending", "held", "failed", "cancelled")


def make_due(session: Session, ids: Collection[int], now: datetime) -> int:
    """Give messages a fresh start now: attempts back to 0, due at once; same key, so the
    same Message-ID. Returns how many changed (the caller commits)."""
    result = session.execute(
        update(OutboxMessage)
        .where(col(OutboxMessage.id).in_(ids), col(OutboxMessage.status).in_(RESTARTABLE))
        .values(status="pending", attempts=0, next_attempt_at=now, claimed_at=None)
    )
    return result.rowcount  # type: ignore[attr-defined, no-any-return]


def cancel(session: Session, ids: Collection[int]) -> int:
    """Give messages up for good (the caller commits); returns how many changed."""
    result = session.execute(
        update(OutboxMessage)
        .where(
            col(OutboxMessage.id).in_(ids),
            col(OutboxMessage.status).in_(("pending", "held", "failed")),
        )
        .values(status="cancelled")
    )
    return result.rowcount  # type: ignore[attr-defined, no-any-return]


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


def _listing() -> SelectOfScalar[OutboxMessage]:
    """Rows without their bodies (a digest's HTML is large, and a list needs none of it)."""
    return (
        select(OutboxMessage)
        .options(
            defer(OutboxMessage.subject),  # type: ignore[arg-type]
            defer(OutboxMessage.body_text),  # type: ignore[arg-type]
            defer(OutboxMessage.body_html),  # type: ignore[arg-type]
        )
        .order_by(col(OutboxMessage.id))
    )


def with_status(session: Session, statuses: Collection[str]) -> list[OutboxMessage]:
    query = _listing().where(col(OutboxMessage.status).in_(statuses))
    return list(session.exec(query).all())


def by_ids(session: Session, ids: Collection[int]) -> list[OutboxMessage]:
    query = _listing().where(col(OutboxMessage.id).in_(ids))
    return list(session.exec(query).all())
