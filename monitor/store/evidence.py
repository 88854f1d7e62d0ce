"""Evidence repository: findings stored once by key, verdicts synced from the file, reviews.

Keys: ``auto:<pledge>:<article id>:<stance>`` for matches, ``manual:<pledge>:<url>`` for
verdicts written in pledges.yaml. A reviewed row (confirmed or rejected) is never deleted
or replaced by matching, which is how a rejected piece stays rejected for good; each review
is also logged with its note (EvidenceReview), so a later one never erases an earlier one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime, time
from typing import Any, Literal
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from monitor.clock import ensure_utc
from monitor.errors import NotFoundError
from monitor.judge import Reading
from monitor.match import SNIPPET_MAX
from monitor.parse import clip
from monitor.pledgefile import Pledge
from monitor.status import EvidenceView, Timing, awaiting_review, standing_evidence
from monitor.store.models import Article, Evidence, EvidenceReview

Decision = Literal["confirmed", "rejected"]


def auto_key(pledge_id: str, article_id: int, stance: str) -> str:
    return f"auto:{pledge_id}:{article_id}:{stance}"


def add_reading(
    session: Session,
    pledge_id: str,
    article: Article,
    reading: Reading,
    now: datetime,
    zone: ZoneInfo,
) -> Evidence | None:
    """Store what the judge read unless the same finding is already stored; return the new
    row, if any. A day the text gives for the event counts from noon of that day."""
    assert article.id is not None
    key = auto_key(pledge_id, article.id, reading.stance)
    if session.exec(select(Evidence.id).where(Evidence.key == key)).first() is not None:
        return None
    cue = reading.cue
    row = Evidence(
        key=key,
        pledge_id=pledge_id,
        article_id=article.id,
        origin="auto",
        stance=reading.stance,
        score=reading.score,
        matched_terms=json.dumps(list(reading.terms), ensure_ascii=False),
        snippet=clip(reading.sentence, SNIPPET_MAX),
        url=article.canonical_url,
        title=article.title,
        published_at=ensure_utc(article.published_at or article.first_seen_at),
        found_at=now,
        outlet=article.outlet,
        cue=f"{cue.kind}: {cue.text}" if cue else None,
        event_at=datetime.combine(reading.event_day, time(12), zone) if reading.event_day else None,
        parts=json.dumps(
            {**reading.parts, **({"statement": reading.statement} if reading.statement else {})},
            ensure_ascii=False,
        ),
    )
    session.add(row)
    session.flush()
    return row


def drop_unreviewed_auto(session: Session, pledge_id: str, keep: Iterable[str]) -> int:
    """After a rules change, forget automatic findings the new rules no longer make."""
    keep_keys = set(keep)
    stale = session.exec(
        select(Evidence).where(
            Evidence.pledge_id == pledge_id,
            Evidence.origin == "auto",
            col(Evidence.review).is_(None),
        )
    ).all()
    dropped = 0
    for row in stale:
        if row.key not in keep_keys:
            session.delete(row)
            dropped += 1
    session.flush()
    return dropped


def sync_verdicts(
    session: Session, pledge: Pledge, zone: ZoneInfo, now: datetime
) -> list[Evidence]:
    """Make the stored manual verdicts exactly those written in the file; return new rows.

    A verdict dated D counts from noon of D in the file's time zone (the hour is unknown)."""
    stored = {
        row.key: row
        for row in session.exec(
            select(Evidence).where(Evidence.pledge_id == pledge.id, Evidence.origin == "manual")
        ).all()
    }
    added = []
    for verdict in pledge.verdicts:
        key = f"manual:{pledge.id}:{verdict.url}"
        published = datetime.combine(verdict.date, time(12), zone)
        row = stored.pop(key, None)
        if row is None:
            row = Evidence(
                key=key,
                pledge_id=pledge.id,
                origin="manual",
                found_at=now,
                stance=verdict.stance,
                published_at=published,
                url=verdict.url,
            )
            added.append(row)
        row.stance, row.published_at = verdict.stance, published
        row.title = verdict.title or verdict.url
        row.snippet = verdict.note or ""
        row.score = 1.0
        session.add(row)
    for removed in stored.values():
        session.delete(removed)
    session.flush()
    return added


def evidence_for(session: Session, pledge_id: str | None = None) -> list[Evidence]:
    query = select(Evidence).order_by(col(Evidence.published_at), col(Evidence.id))
    if pledge_id is not None:
        query = query.where(Evidence.pledge_id == pledge_id)
    return list(session.exec(query).all())


def get_evidence(session: Session, evidence_id: int) -> Evidence:
    row = session.get(Evidence, evidence_id)
    if row is None:
        raise NotFoundError(f"no evidence with id {evidence_id}")
    return row


def review(
    session: Session, evidence_id: int, decision: Decision, note: str | None, now: datetime
) -> Evidence:
    row = get_evidence(session, evidence_id)
    if row.origin == "manual":
        raise NotFoundError(
            f"evidence {evidence_id} is a verdict written in the pledges file; edit it there"
        )
    row.review, row.reviewed_at, row.review_note = decision, now, note
    session.add(row)
    session.add(EvidenceReview(evidence_id=evidence_id, decision=decision, note=note, at=now))
    session.flush()
    return row


def reviews_of(session: Session, evidence_ids: Iterable[int]) -> dict[int, list[EvidenceReview]]:
    """Every review of these pieces, oldest first, by evidence id."""
    ids = list(evidence_ids)
    found: dict[int, list[EvidenceReview]] = {}
    if not ids:
        return found
    query = (
        select(EvidenceReview)
        .where(col(EvidenceReview.evidence_id).in_(ids))
        .order_by(col(EvidenceReview.at), col(EvidenceReview.id))
    )
    for review_row in session.exec(query).all():
        found.setdefault(review_row.evidence_id, []).append(review_row)
    return found


def as_view(row: Evidence) -> EvidenceView:
    assert row.id is not None
    return EvidenceView(
        id=row.id,
        stance=row.stance,
        published_at=ensure_utc(row.published_at),
        human=row.origin == "manual" or row.review == "confirmed",
        rejected=row.review == "rejected",
        title=row.title,
        score=row.score,
        outlet=row.outlet,
        happened_at=ensure_utc(row.event_at) if row.event_at else None,
        text=f"{row.title}\n{row.snippet}",
    )


def counted(rows: list[Evidence], timing: Timing, at: datetime) -> list[Evidence]:
    """The rows that count toward the status at ``at``, by the status engine's own rules
    (published, not rejected, not older than the pledge, and vouched for or confirmed)."""
    standing = standing_evidence(timing, [as_view(row) for row in rows], at)
    return [row for row in rows if row.id in standing]


def waiting(rows: list[Evidence], timing: Timing, at: datetime) -> list[tuple[Evidence, str]]:
    """The rows that wait for a person at ``at``, each with why, by the status engine's
    own rules (``status.awaiting_review``), oldest first."""
    by_id = {row.id: row for row in rows}
    views = [as_view(row) for row in rows]
    return [(by_id[view.id], why) for view, why in awaiting_review(timing, views, at)]


def parts_of(row: Evidence) -> dict[str, Any]:
    """The parts of the judge's score, as it stored them (empty for keyword rules)."""
    parts = json.loads(row.parts or "{}")
    return parts if isinstance(parts, dict) else {}


def matched_terms(row: Evidence) -> list[str]:
    terms = json.loads(row.matched_terms or "[]")
    return [str(t) for t in terms]
