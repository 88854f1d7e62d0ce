"""Poll: every configured feed → fetch → parse → store articles. Per-feed errors are data.

Each feed's outcome is stored in its own transaction, so a feed that fails (or whose
entries trip over anything at all) never costs the other feeds their work.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from jobs.context import JobContext
from monitor import parse
from monitor.errors import FetchError, ParseError, StorageError
from monitor.fetch import FetchFailure, FetchRequest, FetchResult, Outcome, fetch_all
from monitor.log import fields
from monitor.pacing import next_poll, parse_max_age, parse_retry_after
from monitor.store import articles, feeds
from monitor.store.models import FeedState


@dataclass(frozen=True)
class FeedReport:
    feed_id: str
    url: str
    outcome: str  # ok | not_modified | failed
    entries: int = 0
    new_articles: int = 0
    error_kind: str | None = None
    message: str | None = None
    next_poll_at: datetime | None = None


@dataclass(frozen=True)
class PollResult:
    feeds: list[FeedReport]

    @property
    def failed(self) -> list[FeedReport]:
        return [f for f in self.feeds if f.outcome == "failed"]

    @property
    def new_articles(self) -> int:
        return sum(f.new_articles for f in self.feeds)


def run(
    ctx: JobContext,
    on_feed_done: Callable[[Outcome], None] | None = None,
    *,
    due_only: bool = False,
) -> PollResult:
    """Poll every feed (``due_only``: only those whose next poll time has come, as the
    daemon does, so that backoff and the servers' pacing hints are respected)."""
    now = ctx.now()
    with ctx.session() as session:
        states = feeds.sync_feeds(session, ctx.config.feeds)
        # a feed due a little after this cycle is polled now: cycles start with jitter,
        # and waiting for the next one would double its interval
        slack = ctx.settings.poll_jitter + timedelta(minutes=1)
        due = [s for s in states.values() if not due_only or _is_due(s, now + slack)]
        requests = [FetchRequest(s.id, s.url, s.etag, s.last_modified) for s in due]
        session.commit()
    outcomes = asyncio.run(
        fetch_all(requests, ctx.limits, transport=ctx.transport, on_done=on_feed_done)
    )
    reports = []
    for outcome in outcomes:
        if ctx.should_stop:  # abandon the rest cleanly: each feed is its own transaction
            break
        reports.append(_store_outcome(ctx, outcome, now))
    return PollResult(reports)


def _is_due(state: FeedState, by: datetime) -> bool:
    return state.next_poll_at is None or state.next_poll_at <= by


def _store_outcome(ctx: JobContext, outcome: Outcome, now: datetime) -> FeedReport:
    log_fields = fields(feed_id=outcome.feed_id, feed_url=outcome.url)
    interval = ctx.settings.poll_interval
    with ctx.session() as session:
        state = session.get(FeedState, outcome.feed_id)
        assert state is not None
        try:
            report = _apply(session, state, outcome, now, interval)
            session.commit()
        except StorageError:  # a full disk is no fault of this feed: the whole cycle stops
            session.rollback()
            raise
        except Exception as exc:
            session.rollback()
            ctx.log.exception("feed could not be stored", extra=log_fields)
            state = session.get(FeedState, outcome.feed_id)
            assert state is not None
            report = _fail(
                session, state, outcome.url, now, interval, internal=f"{type(exc).__name__}: {exc}"
            )
            session.commit()
    level = logging.WARNING if report.outcome == "failed" else logging.INFO
    ctx.log.log(
        level,
        f"feed {report.outcome}",
        extra=fields(
            feed_id=report.feed_id,
            feed_url=report.url,
            entries=report.entries,
            new_articles=report.new_articles,
            kind=report.error_kind,
            error=report.message,
            next_poll_at=report.next_poll_at.isoformat() if report.next_poll_at else None,
        ),
    )
    return report


def _fail(
    session: Session,
    state: FeedState,
    url: str,
    now: datetime,
    interval: timedelta,
    error: FetchError | ParseError | None = None,
    *,
    internal: str | None = None,
) -> FeedReport:
    """Count a failure, back off (or wait as the server asked), and report it."""
    kind = str(error.kind) if error is not None else "internal"
    message = str(error) if error is not None else f"store: {internal}"
    feeds.record_failure(session, state, now, kind, message)
    retry_after = error.retry_after if isinstance(error, FetchError) else None
    state.next_poll_at = next_poll(
        now,
        interval,
        failures=state.error_count,
        retry_after=parse_retry_after(retry_after, now),
    )
    return FeedReport(
        state.id, url, "failed", error_kind=kind, message=message, next_poll_at=state.next_poll_at
    )


def _apply(
    session: Session, state: FeedState, outcome: Outcome, now: datetime, interval: timedelta
) -> FeedReport:
    if isinstance(outcome, FetchFailure):
        return _fail(session, state, outcome.url, now, interval, outcome.error)
    return _apply_result(session, state, outcome, now, interval)


def _apply_result(
    session: Session, state: FeedState, result: FetchResult, now: datetime, interval: timedelta
) -> FeedReport:
    max_age = parse_max_age(result.cache_control)
    if result.not_modified:  # 304: nothing to parse (RFC 9110 §15.4.5)
        feeds.record_success(
            session,
            state,
            now,
            etag=result.etag,
            last_modified=result.last_modified,
            entries=None,
            next_poll_at=next_poll(now, interval, max_age=max_age),
        )
        return FeedReport(state.id, result.url, "not_modified", next_poll_at=state.next_poll_at)
    assert result.body is not None
    try:
        parsed = parse.parse_feed(result.body, result.url, result.content_type)
    except ParseError as error:
        return _fail(session, state, result.url, now, interval, error)
    stats = articles.store_entries(session, state.id, parsed.entries, now)
    ttl = timedelta(minutes=parsed.ttl_minutes) if parsed.ttl_minutes else None
    feeds.record_success(
        session,
        state,
        now,
        etag=result.etag,
        last_modified=result.last_modified,
        entries=len(parsed.entries),
        warning=parsed.warning,
        next_poll_at=next_poll(now, interval, max_age=max_age, ttl=ttl),
    )
    return FeedReport(
        state.id,
        result.url,
        "ok",
        entries=len(parsed.entries),
        new_articles=stats.new_articles,
        message=parsed.warning,
        next_poll_at=state.next_poll_at,
    )
