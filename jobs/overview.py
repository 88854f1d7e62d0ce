"""Overview: where every pledge stands at the context's clock — the read side of the CLI.

Statuses are judged afresh from the stored evidence at ``ctx.now()``, so ``--as-of`` shows
any past date exactly as the engine would have judged it then; each is told by the change
that brought it (``standing``), the same change the trail records for ``history``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from jobs.context import JobContext
from monitor.pledgefile import Pledge
from monitor.status import Judgement, not_counted_because, standing
from monitor.store import evidence as evidence_repo
from monitor.store import feeds as feeds_repo
from monitor.store import trail
from monitor.store.models import Evidence, EvidenceReview, FeedState, StatusEvent


@dataclass(frozen=True)
class ReviewNote:
    """One review of a piece: what a person decided, when, and why (if they said)."""

    decision: str
    at: datetime
    note: str | None

    def to_json(self) -> dict[str, Any]:
        return {"decision": self.decision, "at": self.at.isoformat(), "note": self.note}


@dataclass(frozen=True)
class EvidenceSummary:
    id: int
    pledge_id: str
    stance: str
    origin: str
    review: str | None
    title: str
    url: str | None
    published_at: datetime
    snippet: str
    terms: list[str]
    score: float
    reviews: list[ReviewNote] = field(default_factory=list)
    not_counted: str | None = None  # why the status engine leaves it out, if it does
    outlet: str | None = None
    cue: str | None = None  # the cue that decided how the sentence reads ("done: 열었다")
    happened_at: datetime | None = None  # the day the text says the event happened
    parts: dict[str, Any] = field(default_factory=dict)  # the score, part by part

    def to_json(self) -> dict[str, Any]:
        return {
            **self.__dict__,
            "published_at": self.published_at.isoformat(),
            "happened_at": self.happened_at.isoformat() if self.happened_at else None,
            "reviews": [r.to_json() for r in self.reviews],
        }


@dataclass(frozen=True)
class HistoryEntry:
    """One line of a pledge's history: a recorded status change, or a person's review of
    one of its pieces of evidence (which may be what caused the next change)."""

    pledge_id: str
    kind: str  # status_changed | review
    at: datetime  # when it took effect
    recorded_at: datetime
    reason: str
    id: int | None = None
    old_status: str | None = None
    new_status: str | None = None
    evidence_id: int | None = None
    decision: str | None = None
    note: str | None = None

    @classmethod
    def of_event(cls, event: StatusEvent) -> HistoryEntry:
        return cls(
            pledge_id=event.pledge_id,
            kind=event.kind,
            at=event.effective_at,
            recorded_at=event.recorded_at,
            reason=event.reason,
            id=event.id,
            old_status=event.old_status,
            new_status=event.new_status,
            evidence_id=event.evidence_id,
        )

    @classmethod
    def of_review(cls, pledge_id: str, review: EvidenceReview) -> HistoryEntry:
        note = f": {review.note}" if review.note else ""
        return cls(
            pledge_id=pledge_id,
            kind="review",
            at=review.at,
            recorded_at=review.at,
            reason=f"evidence #{review.evidence_id} {review.decision} by a person{note}",
            id=review.id,
            evidence_id=review.evidence_id,
            decision=review.decision,
            note=review.note,
        )


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
    """Evidence published by the context's clock, each with its pledge, its reviews, and
    why it does not count when the status engine leaves it out."""
    now = ctx.now()
    pledges = {p.id for p in ctx.config.pledges}
    with ctx.session() as session:
        rows = [
            row
            for row in evidence_repo.evidence_for(session, pledge_id)
            if row.published_at <= now and (include_rejected or row.review != "rejected")
        ]
        reviews = evidence_repo.reviews_of(session, (row.id for row in rows if row.id))
    waiting = _waiting_reasons(ctx, rows, now)
    return [
        summarize(
            row,
            [r for r in reviews.get(row.id or 0, []) if r.at <= now],
            (
                not_counted_because(evidence_repo.as_view(row), ctx.timing(row.pledge_id), now)
                or waiting.get(row.id or 0)
            )
            if row.pledge_id in pledges
            else "its pledge is no longer in the pledges file",
        )
        for row in rows
    ]


def _waiting_reasons(ctx: JobContext, rows: list[Evidence], now: datetime) -> dict[int, str]:
    """Why each of these pieces waits for review (pieces that do not wait are left out);
    pieces of pledges no longer in the file wait for nothing."""
    by_pledge: dict[str, list[Evidence]] = {}
    for row in rows:
        if ctx.config.pledge(row.pledge_id) is not None:
            by_pledge.setdefault(row.pledge_id, []).append(row)
    reasons: dict[int, str] = {}
    for pledge_id, own in by_pledge.items():
        for row, why in evidence_repo.waiting(own, ctx.timing(pledge_id), now):
            assert row.id is not None
            reasons[row.id] = f"waits for review: {why}"
    return reasons


def history(ctx: JobContext, pledge_id: str) -> list[HistoryEntry]:
    """The recorded status changes and the reviews of the pledge's evidence, in the order
    they were recorded, up to the context's clock."""
    now = ctx.now()
    with ctx.session() as session:
        events = trail.events_for(session, pledge_id, until=now)
        ids = [row.id for row in evidence_repo.evidence_for(session, pledge_id) if row.id]
        reviews = [r for found in evidence_repo.reviews_of(session, ids).values() for r in found]
    waiting = sorted((r for r in reviews if r.at <= now), key=lambda r: (r.at, r.id or 0))
    entries: list[HistoryEntry] = []
    # the trail keeps its own order; each review goes in before the first change recorded
    # at or after it (the change it caused, if it caused one)
    for event in events:
        while waiting and waiting[0].at <= event.recorded_at:
            entries.append(HistoryEntry.of_review(pledge_id, waiting.pop(0)))
        entries.append(HistoryEntry.of_event(event))
    return entries + [HistoryEntry.of_review(pledge_id, r) for r in waiting]


def feed_health(ctx: JobContext) -> list[FeedState]:
    with ctx.session() as session:
        return feeds_repo.all_feeds(session)


def summarize(
    row: Evidence, reviews: list[EvidenceReview] | None = None, not_counted: str | None = None
) -> EvidenceSummary:
    assert row.id is not None
    return EvidenceSummary(
        id=row.id,
        pledge_id=row.pledge_id,
        stance=row.stance,
        origin=row.origin,
        review=row.review,
        title=row.title,
        url=row.url,
        published_at=row.published_at,
        snippet=row.snippet,
        terms=evidence_repo.matched_terms(row),
        score=row.score,
        reviews=[ReviewNote(r.decision, r.at, r.note) for r in reviews or []],
        not_counted=not_counted,
        outlet=row.outlet,
        cue=row.cue,
        happened_at=row.event_at,
        parts=evidence_repo.parts_of(row),
    )


def review_queue(ctx: JobContext, pledge_id: str | None = None) -> list[EvidenceSummary]:
    """Evidence that waits for a person: it changes no status until confirmed. Each piece
    says why it waits (too few outlets and too weak alone, or older than its pledge)."""
    now = ctx.now()
    with ctx.session() as session:
        rows = evidence_repo.evidence_for(session, pledge_id)
    waiting = _waiting_reasons(ctx, rows, now)
    return [summarize(row, not_counted=waiting[row.id]) for row in rows if row.id in waiting]


def _days_left(due: date | None, today: date) -> int | None:
    return (due - today).days if due is not None else None
