"""The daemon's state row and the record of pledges.yaml versions it saw."""

from __future__ import annotations

import os
from datetime import datetime

from sqlmodel import Session, col, select

from monitor.store.models import ConfigChange, DaemonState


def state(session: Session) -> DaemonState | None:
    return session.get(DaemonState, 1)


def mark_started(session: Session, now: datetime, digest: str) -> DaemonState:
    """Record a start; ``first_started_at`` survives restarts (catch-up depends on it)."""
    row = state(session)
    if row is None:
        row = DaemonState(first_started_at=now, started_at=now, heartbeat_at=now)
    row.started_at, row.heartbeat_at, row.stopped_at = now, now, None
    row.pid, row.config_digest = os.getpid(), digest
    session.add(row)
    session.commit()
    return row


def update(session: Session, **values: object) -> None:
    row = state(session)
    if row is None:
        return
    for key, value in values.items():
        setattr(row, key, value)
    session.add(row)
    session.commit()


def note_skipping(session: Session, now: datetime, reason: str | None) -> None:
    """Start (or keep) a streak of skipped jobs with its latest reason; None ends it."""
    row = state(session)
    if row is None:
        return
    if reason is None:
        row.skipping_since, row.skip_reason = None, None
    else:
        row.skipping_since = row.skipping_since or now
        row.skip_reason = reason
    session.add(row)
    session.commit()


def record_config(
    session: Session, now: datetime, digest: str, accepted: bool, message: str
) -> bool:
    """Record a version of the file once; False when this version was recorded before."""
    seen = session.exec(
        select(ConfigChange.id).where(
            ConfigChange.digest == digest, ConfigChange.accepted == accepted
        )
    ).first()
    if seen is not None:
        return False
    session.add(ConfigChange(at=now, digest=digest, accepted=accepted, message=message))
    session.commit()
    return True


def config_changes(session: Session) -> list[ConfigChange]:
    return list(session.exec(select(ConfigChange).order_by(col(ConfigChange.id))).all())
