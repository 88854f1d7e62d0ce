"""Reporting data: the store and the status engine → the plain objects templates read.

One query pass per report: every pledge's evidence and the event trail are read once,
then each section of a digest or page is a filter over them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, select

from jobs.context import JobContext
from monitor.match import highlight
from monitor.pledgefile import Pledge
from monitor.reportdata import (
    STATUS_ORDER,
    ChangeLine,
    Digest,
    EvidenceLine,
    FeedLine,
    Period,
    PledgeLine,
    ReviewLine,
    StatusCount,
    StatusPage,
    Timeline,
    TimelineMark,
    describe_reading,
)
from monitor.status import Judgement, Status, Timing, standing
from monitor.store import evidence as evidence_repo
from monitor.store import feeds as feeds_repo
from monitor.store import trail
from monitor.store.models import Evidence, Sighting, StatusEvent

UPCOMING_DAYS = 30
TERMINAL = (Status.FULFILLED, Status.FULFILLED_LATE, Status.BROKEN)


@dataclass
class Snapshot:
    """Everything reports need, read in one session."""

    evidence: dict[str, list[Evidence]]
    events: list[StatusEvent]
    outlets: dict[int, str]  # article id → feed titles
    failing: list[FeedLine]


def read_snapshot(ctx: JobContext) -> Snapshot:
    zone = ctx.display_zone
    titles = {feed.id: feed.title for feed in ctx.config.feeds}
    with ctx.session() as session:
        by_pledge: dict[str, list[Evidence]] = defaultdict(list)
        for row in evidence_repo.evidence_for(session):
            by_pledge[row.pledge_id].append(row)
        events = trail.events_for(session)
        outlets = _outlets(session, titles)
        failing = [
            FeedLine(
                f.id,
                f.title or f.id,
                f.url,
                f.failing_since.astimezone(zone) if f.failing_since else None,
                f.last_error or "",
                f.error_count,
            )
            for f in feeds_repo.failing_feeds(session)
            if f.id in titles
        ]
    return Snapshot(dict(by_pledge), events, outlets, failing)


def _outlets(session: Session, titles: dict[str, str]) -> dict[int, str]:
    carried: dict[int, list[str]] = defaultdict(list)
    for article_id, feed_id in session.exec(select(Sighting.article_id, Sighting.feed_id)).all():
        name = titles.get(feed_id, feed_id)
        if name not in carried[article_id]:
            carried[article_id].append(name)
    return {article_id: ", ".join(names) for article_id, names in carried.items()}


def build_digest(ctx: JobContext, period: Period, snap: Snapshot) -> Digest:
    """The weekly digest: counts, changes, new evidence, deadlines passed in grace and
    ahead, overdue, feeds."""
    at = min(period.end - timedelta(microseconds=1), ctx.now())
    lines = [pledge_line(ctx, p, snap, at) for p in _existing(ctx, at)]
    pledges = {p.id: p for p in ctx.config.pledges}
    changes = [
        change_line(ctx, e, pledges[e.pledge_id], snap)
        for e in snap.events
        if e.pledge_id in pledges
        and period.start <= e.effective_at < period.end
        and e.effective_at <= at
        and e.old_status is not None
    ]
    new_evidence = [
        evidence_line(ctx, row, pledges[pid], snap)
        for pid, rows in snap.evidence.items()
        if pid in pledges
        for row in evidence_repo.counted(rows, ctx.timing(pid), at)
        if period.start <= row.published_at < period.end
    ]
    new_evidence.sort(key=lambda e: (e.published, e.id))
    # days are counted from the day of ``at``: a deadline on the report's last day is
    # still ahead ("0 days left"), one already passed is in its grace until overdue
    open_lines = [
        line
        for line in lines
        if line.days_left is not None and Status(line.status) not in (*TERMINAL, Status.OVERDUE)
    ]
    upcoming = [line for line in open_lines if 0 <= (line.days_left or 0) <= UPCOMING_DAYS]
    in_grace = [line for line in open_lines if (line.days_left or 0) < 0]
    overdue = sorted(
        (line for line in lines if line.status == Status.OVERDUE),
        key=lambda line: line.days_left or 0,
    )
    return Digest(
        period=period,
        generated_at=ctx.now().astimezone(ctx.display_zone),
        counts=status_counts(lines),
        changes=changes,
        evidence=new_evidence,
        upcoming=sorted(upcoming, key=lambda line: line.due or period.last_day),
        in_grace=sorted(in_grace, key=lambda line: line.due or period.last_day),
        overdue=overdue,
        failing_feeds=snap.failing,
        public_url=ctx.settings.public_url,
        review=review_lines(ctx, snap, at),
    )


def build_status_page(ctx: JobContext, snap: Snapshot) -> StatusPage:
    now = ctx.now()
    lines = [pledge_line(ctx, p, snap, now, with_evidence=True) for p in _existing(ctx, now)]
    pledges = {p.id: p for p in ctx.config.pledges}
    changes = [
        change_line(ctx, e, pledges[e.pledge_id], snap)
        for e in reversed(snap.events)
        if e.pledge_id in pledges and e.effective_at <= now and e.old_status is not None
    ]
    return StatusPage(
        generated_at=now.astimezone(ctx.display_zone),
        zone=ctx.display_zone.key,
        pledges=lines,
        counts=status_counts(lines),
        changes=changes,
        public_url=ctx.settings.public_url,
        review=review_lines(ctx, snap, now),
    )


def review_lines(ctx: JobContext, snap: Snapshot, at: datetime) -> list[ReviewLine]:
    """The evidence that waits for a person at ``at``, oldest first, each with why it
    waits and how the judge read it."""
    lines = [
        ReviewLine(
            evidence_line(ctx, row, pledge, snap),
            why,
            describe_reading(
                row.score,
                evidence_repo.parts_of(row),
                row.cue,
                row.event_at,
                row.outlet,
                ctx.display_zone,
            ),
        )
        for pledge in _existing(ctx, at)
        for row, why in evidence_repo.waiting(
            snap.evidence.get(pledge.id, []), ctx.timing(pledge.id), at
        )
    ]
    return sorted(lines, key=lambda r: (r.evidence.published, r.evidence.id))


def _existing(ctx: JobContext, at: datetime) -> list[Pledge]:
    return [p for p in ctx.config.pledges if ctx.timing(p.id).made_at <= at]


def status_counts(lines: list[PledgeLine]) -> list[StatusCount]:
    total = len(lines) or 1
    return [
        StatusCount(status, n, round(100 * n / total, 1))
        for status in STATUS_ORDER
        if (n := sum(1 for line in lines if line.status == status))
    ]


def pledge_line(
    ctx: JobContext, pledge: Pledge, snap: Snapshot, at: datetime, *, with_evidence: bool = False
) -> PledgeLine:
    rows = snap.evidence.get(pledge.id, [])
    timing = ctx.timing(pledge.id)
    verdict = standing(timing, [evidence_repo.as_view(r) for r in rows], at)
    today = at.astimezone(ctx.config.zone).date()
    counted = [evidence_line(ctx, r, pledge, snap) for r in evidence_repo.counted(rows, timing, at)]
    return PledgeLine(
        id=pledge.id,
        title=pledge.title,
        status=verdict.status.value,
        reason=verdict.reason,
        made_by=pledge.made_by,
        made_on=pledge.made_on,
        source=pledge.source,
        source_url=pledge.source_url,
        due=pledge.due,
        days_left=(pledge.due - today).days if pledge.due else None,
        overdue_on=timing.overdue_at.astimezone(ctx.config.zone).date()
        if timing.overdue_at
        else None,
        evidence=counted if with_evidence else [],
        timeline=timeline_marks(timing, counted, verdict, at) if with_evidence else None,
    )


def evidence_line(ctx: JobContext, row: Evidence, pledge: Pledge, snap: Snapshot) -> EvidenceLine:
    assert row.id is not None
    terms = evidence_repo.matched_terms(row)
    outlet = (
        "verdict recorded by hand"
        if row.origin == "manual"
        else snap.outlets.get(row.article_id or -1, "")
    )
    return EvidenceLine(
        id=row.id,
        pledge_id=pledge.id,
        pledge_title=pledge.title,
        stance=row.stance,
        title=row.title,
        url=row.url,
        outlet=outlet,
        published=row.published_at.astimezone(ctx.display_zone),
        snippet=highlight(row.snippet, terms),
        origin=row.origin,
        terms=terms,
    )


def change_line(ctx: JobContext, event: StatusEvent, pledge: Pledge, snap: Snapshot) -> ChangeLine:
    cause = None
    if event.evidence_id is not None:
        row = next((r for r in snap.evidence.get(pledge.id, []) if r.id == event.evidence_id), None)
        cause = evidence_line(ctx, row, pledge, snap) if row else None
    assert event.id is not None
    return ChangeLine(
        id=event.id,
        pledge_id=pledge.id,
        pledge_title=pledge.title,
        old=event.old_status,
        new=event.new_status,
        at=event.effective_at.astimezone(ctx.display_zone),
        reason=event.reason,
        evidence=cause,
    )


def timeline_marks(
    timing: Timing, evidence: list[EvidenceLine], verdict: Judgement, now: datetime
) -> Timeline:
    """Place made → deadline → evidence → now on one axis, in percent of its width."""
    points = [timing.made_at, now, *(e.published for e in evidence)]
    if timing.deadline:
        points.append(timing.deadline)
    if timing.overdue_at:
        points.append(timing.overdue_at)
    start, end = min(points), max(points)
    width = (end - start).total_seconds() or 1.0

    def x(moment: datetime) -> float:
        return round(100 * (moment - start).total_seconds() / width, 2)

    marks = [TimelineMark(x(timing.made_at), "made", None, f"made {timing.made_at:%Y-%m-%d}")]
    if timing.deadline:
        due = timing.deadline - timedelta(days=1)
        marks.append(TimelineMark(x(timing.deadline), "due", None, f"due {due:%Y-%m-%d}"))
    marks += [
        TimelineMark(
            x(e.published), "evidence", e.stance, f"{e.published:%Y-%m-%d} {e.stance}: {e.title}"
        )
        for e in evidence
    ]
    marks.append(TimelineMark(x(now), "now", verdict.status.value, f"now: {verdict.status.value}"))
    return Timeline(marks, f"{start:%Y-%m-%d}", f"{end:%Y-%m-%d}")
