"""Feed repository: validators for conditional GET, and per-feed health as data."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, select

from monitor.clock import ensure_utc
from monitor.pledgefile import Feed
from monitor.store.models import FeedState


def sync_feeds(session: Session, feeds: Sequence[Feed]) -> dict[str, FeedState]:
    """Make a row for every configured feed. A feed whose URL changed starts afresh: the
    old validators belong to another document."""
    states = {state.id: state for state in session.exec(select(FeedState)).all()}
    for feed in feeds:
        state = states.get(feed.id)
        if state is None:
            state = FeedState(id=feed.id, url=feed.url, title=feed.title)
            session.add(state)
            states[feed.id] = state
        elif state.url != feed.url:
            state.url, state.etag, state.last_modified = feed.url, None, None
        state.title = feed.title
    session.flush()
    return {feed.id: states[feed.id] for feed in feeds}


def record_success(
    session: Session,
    state: FeedState,
    now: datetime,
    *,
    etag: str | None,
    last_modified: str | None,
    entries: int | None,
    next_poll_at: datetime,
    warning: str | None = None,
) -> None:
    """A fetch (and parse) that worked resets the error count; a warning is kept visible."""
    state.next_poll_at = next_poll_at
    state.last_checked_at = now
    state.last_ok_at = now
    state.etag = etag
    state.last_modified = last_modified
    state.error_count = 0
    state.failing_since = None
    state.last_error = warning
    state.last_error_kind = "warning" if warning else None
    if entries is not None:
        state.entries_seen = entries
    session.add(state)


def record_failure(
    session: Session, state: FeedState, now: datetime, kind: str, message: str
) -> None:
    state.last_checked_at = now
    state.last_error = message
    state.last_error_kind = kind
    state.error_count += 1
    if state.failing_since is None:
        state.failing_since = now
    session.add(state)


def failing_feeds(session: Session) -> list[FeedState]:
    rows = session.exec(select(FeedState).where(FeedState.error_count > 0)).all()
    return sorted(
        rows, key=lambda s: ensure_utc(s.failing_since or s.last_checked_at or datetime.min)
    )


def all_feeds(session: Session) -> list[FeedState]:
    return list(session.exec(select(FeedState).order_by(FeedState.id)).all())
