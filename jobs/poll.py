"""Poll: every configured feed → fetch → parse → store articles. Per-feed errors are data.

Each feed's outcome is stored in its own transaction, so a feed that fails (or whose
entries trip over anything at all) never costs the other feeds their work.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from jobs.context import JobContext
from monitor import parse
from monitor.errors import ParseError
from monitor.fetch import FetchFailure, FetchRequest, FetchResult, Outcome, fetch_all
from monitor.log import fields
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


@dataclass(frozen=True)
class PollResult:
    feeds: list[FeedReport]

    @property
    def failed(self) -> list[FeedReport]:
        return [f for f in self.feeds if f.outcome == "failed"]

    @property
    def new_articles(self) -> int:
        return sum(f.new_articles for f in self.feeds)


def run(ctx: JobContext, on_feed_done: Callable[[Outcome], None] | None = None) -> PollResult:
    now = ctx.now()
    with ctx.session() as session:
        states = feeds.sync_feeds(session, ctx.config.feeds)
        requests = [FetchRequest(s.id, s.url, s.etag, s.last_modified) for s in states.values()]
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


def _store_outcome(ctx: JobContext, outcome: Outcome, now: datetime) -> FeedReport:
    log_fields = fields(feed_id=outcome.feed_id, feed_url=outcome.url)
    with ctx.session() as session:
        state = session.get(FeedState, outcome.feed_id)
        assert state is not None
        try:
            report = _apply(session, state, outcome, now)
            session.commit()
        except Exception as exc:
            session.rollback()
            ctx.log.exception("feed could not be stored", extra=log_fields)
            state = session.get(FeedState, outcome.feed_id)
            assert state is not None
            message = f"store: {type(exc).__name__}: {exc}"
            feeds.record_failure(session, state, now, "internal", message)
            session.commit()
            report = FeedReport(
                outcome.feed_id, outcome.url, "failed", error_kind="internal", message=message
            )
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
        ),
    )
    return report


def _apply(session: Session, state: FeedState, outcome: Outcome, now: datetime) -> FeedReport:
    if isinstance(outcome, FetchFailure):
        feeds.record_failure(session, state, now, outcome.error.kind, str(outcome.error))
        return FeedReport(
            state.id,
            outcome.url,
            "failed",
            error_kind=outcome.error.kind,
            message=str(outcome.error),
        )
    return _apply_result(session, state, outcome, now)


def _apply_result(
    session: Session, state: FeedState, result: FetchResult, now: datetime
) -> FeedReport:
    if result.not_modified:  # 304: nothing to parse (RFC 9110 §15.4.5)
        feeds.record_success(
            session, state, now, etag=result.etag, last_modified=result.last_modified, entries=None
        )
        return FeedReport(state.id, result.url, "not_modified")
    assert result.body is not None
    try:
        parsed = parse.parse_feed(result.body, result.url, result.content_type)
    except ParseError as error:
        feeds.record_failure(session, state, now, error.kind, str(error))
        return FeedReport(state.id, result.url, "failed", error_kind=error.kind, message=str(error))
    stats = articles.store_entries(session, state.id, parsed.entries, now)
    feeds.record_success(
        session,
        state,
        now,
        etag=result.etag,
        last_modified=result.last_modified,
        entries=len(parsed.entries),
        warning=parsed.warning,
    )
    return FeedReport(
        state.id,
        result.url,
        "ok",
        entries=len(parsed.entries),
        new_articles=stats.new_articles,
        message=parsed.warning,
    )
