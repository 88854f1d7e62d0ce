"""Overview: where every pledge stands at the context's clock — the read side of the CLI.

Statuses are judged afresh from the stored evidence at ``ctx.now()``, so ``--as-of`` shows
any past date exactly as the engine would have judged it then; each is told by the change
that brought it (``standing``), the same change the trail records for ``history``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from jobs.context import JobContext
from monitor.pledgefile import Pledge
from monitor.status import Judgement, standing
from monitor.store import evidence as evidence_repo
from monitor.store import feeds as feeds_repo
from monitor.store import trail
from monitor.store.models import Evidence, FeedState, StatusEvent


@dataclass(frozen=True)
class EvidenceSummary:
    id: int
    stance: str
    origin: str
    review: str | None
    title: str
    url: str | None
    published_at: datetime
    snippet: str
    terms: list[str]
    score: float

    def to_json(self) -> dict[str, Any]:
        return {**self.__dict__, "published_at": self.published_at.isoformat()}


@dataclass(frozen=True)
class PledgeOverview:
    pledge: Pledge
    judgement: Judgement
    days_left: int | None
    latest: EvidenceSummary | None
    evidence_count: int

    def to_json(self) -> dict[str, Any]:
        p = self.pledge
        return {
            "id": p.id,
            "title": p.title,
            "made_by": p.made_by,
            "made_on": p.made_on.isoformat(),
            "source": p.source,
            "due": p.due.isoformat() if p.due else None,
            "days_left": self.days_left,
            "status": self.judgement.status.value,
            "status_since": self.judgement.since.isoformat(),
            "reason": self.judgement.reason,
            "status_evidence_id": self.judgement.evidence_id,
            "evidence_count": self.evidence_count,
            "latest_evidence": self.latest.to_json() if self.latest else None,
        }


def run(ctx: JobContext, pledge_id: str | None = None) -> list[PledgeOverview]:
    now = ctx.now()
    today = now.astimezone(ctx.config.zone).date()
    # a pledge made after the as-of instant did not exist yet, so it has no status then
    pledges = [
        p
        for p in ctx.config.pledges
        if pledge_id in (None, p.id) and ctx.timing(p.id).made_at <= now
    ]
    with ctx.session() as session:
        overviews = []
        for pledge in pledges:
            rows = evidence_repo.evidence_for(session, pledge.id)
            views = [evidence_repo.as_view(row) for row in rows]
            judgement = standing(ctx.timing(pledge.id), views, now)
            counted = evidence_repo.counted(rows, ctx.timing(pledge.id), now)
            latest = summarize(counted[-1]) if counted else None
            overviews.append(
                PledgeOverview(
                    pledge, judgement, _days_left(pledge.due, today), latest, len(counted)
                )
            )
    return overviews


def evidence_list(
    ctx: JobContext, pledge_id: str | None, *, include_rejected: bool
) -> list[EvidenceSummary]:
    now = ctx.now()
    with ctx.session() as session:
        rows = evidence_repo.evidence_for(session, pledge_id)
    return [
        summarize(row)
        for row in rows
        if row.published_at <= now and (include_rejected or row.review != "rejected")
    ]


def history(ctx: JobContext, pledge_id: str) -> list[StatusEvent]:
    with ctx.session() as session:
        return trail.events_for(session, pledge_id, until=ctx.now())


def feed_health(ctx: JobContext) -> list[FeedState]:
    with ctx.session() as session:
        return feeds_repo.all_feeds(session)


def summarize(row: Evidence) -> EvidenceSummary:
    assert row.id is not None
    return EvidenceSummary(
        id=row.id,
        stance=row.stance,
        origin=row.origin,
        review=row.review,
        title=row.title,
        url=row.url,
        published_at=row.published_at,
        snippet=row.snippet,
        terms=evidence_repo.matched_terms(row),
        score=row.score,
    )


def _days_left(due: date | None, today: date) -> int | None:
    return (due - today).days if due is not None else None
