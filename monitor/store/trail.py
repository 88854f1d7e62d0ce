"""Pledge state and the status-event trail (the audit log of every status change)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from monitor.clock import ensure_utc
from monitor.status import Status, Transition
from monitor.store.models import PledgeState, StatusEvent


def state_of(session: Session, pledge_id: str) -> PledgeState | None:
    return session.get(PledgeState, pledge_id)


def save_state(session: Session, state: PledgeState) -> None:
    session.add(state)
    session.flush()


def append(
    session: Session, pledge_id: str, changes: list[Transition], now: datetime
) -> list[StatusEvent]:
    """Record transitions in order; the state's head moves to the last one."""
    events = []
    for change in changes:
        event = StatusEvent(
            pledge_id=pledge_id,
            old_status=change.old.value if change.old else None,
            new_status=change.new.value,
            effective_at=change.at,
            recorded_at=now,
            evidence_id=change.evidence_id,
            reason=change.reason,
        )
        session.add(event)
        events.append(event)
    session.flush()
    return events


def events_for(
    session: Session, pledge_id: str | None = None, *, until: datetime | None = None
) -> list[StatusEvent]:
    query = select(StatusEvent).order_by(col(StatusEvent.id))
    if pledge_id is not None:
        query = query.where(StatusEvent.pledge_id == pledge_id)
    if until is not None:
        query = query.where(StatusEvent.effective_at <= until)
    return list(session.exec(query).all())


def head(state: PledgeState | None) -> tuple[Status | None, datetime | None]:
    if state is None or state.status is None:
        return None, None
    at = state.status_effective_at
    return Status(state.status), ensure_utc(at) if at else None
