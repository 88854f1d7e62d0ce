"""Leases: one writer at a time across processes (the daemon and a command run beside it).

Taken with a conditional UPDATE that must change exactly one row (or the INSERT of the
first row); a holder that dies without releasing loses it when it expires.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from monitor.store.models import Lease


def acquire(engine: Engine, name: str, holder: str, now: datetime, ttl: timedelta) -> bool:
    with Session(engine) as session:
        result = session.execute(
            update(Lease)
            .where(
                col(Lease.name) == name,
                or_(col(Lease.holder) == holder, col(Lease.expires_at) <= now),
            )
            .values(holder=holder, expires_at=now + ttl)
        )
        session.commit()
        if result.rowcount == 1:  # type: ignore[attr-defined]
            return True
        if session.get(Lease, name) is not None:
            return False  # held by someone else
        try:
            session.add(Lease(name=name, holder=holder, expires_at=now + ttl))
            session.commit()
        except IntegrityError:  # another process created it first
            session.rollback()
            return False
        return True


def release(engine: Engine, name: str, holder: str, now: datetime) -> None:
    with Session(engine) as session:
        session.execute(
            update(Lease)
            .where(col(Lease.name) == name, col(Lease.holder) == holder)
            .values(expires_at=now)
        )
        session.commit()
