"""Evaluate: new articles × pledges → evidence → status events.

Each pledge remembers the newest sighting it has matched and a fingerprint of its rules,
so an article is matched against a pledge once; when the rules (or its feeds) change, the
pledge is matched against every stored article again and findings the new rules no longer
make are dropped (unless a person reviewed them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from jobs.context import JobContext
from monitor.log import fields
from monitor.match import compile_rules, match_article, rules_fingerprint
from monitor.pledgefile import Pledge
from monitor.status import Status, reconcile, timeline
from monitor.store import articles, evidence, trail
from monitor.store.models import Evidence, PledgeState


@dataclass(frozen=True)
class NewEvidence:
    pledge_id: str
    evidence_id: int
    stance: str
    title: str
    url: str | None
    published_at: datetime
    origin: str


@dataclass(frozen=True)
class StatusChange:
    pledge_id: str
    old: Status | None
    new: Status
    at: datetime
    reason: str


@dataclass(frozen=True)
class EvaluateResult:
    new_evidence: list[NewEvidence]
    changes: list[StatusChange]


def run(ctx: JobContext) -> EvaluateResult:
    now = ctx.now()
    found: list[NewEvidence] = []
    changes: list[StatusChange] = []
    with ctx.session() as session:
        latest = articles.latest_sighting_id(session)
        for pledge in ctx.config.pledges:
            if ctx.should_stop:  # each pledge is committed on its own; the rest waits
                break
            new_rows = _match_new_articles(ctx, session, pledge, latest, now)
            new_rows += evidence.sync_verdicts(session, pledge, ctx.config.zone, now)
            found += [_new_evidence(row) for row in new_rows if row.published_at <= now]
            changes += _record_status(ctx, session, pledge, now)
            session.commit()
    return EvaluateResult(found, changes)


def _match_new_articles(
    ctx: JobContext, session: Session, pledge: Pledge, latest: int, now: datetime
) -> list[Evidence]:
    feed_ids = ctx.config.feeds_of(pledge)
    fingerprint = rules_fingerprint(pledge, feed_ids)
    state = trail.state_of(session, pledge.id)
    if state is None:
        state = PledgeState(pledge_id=pledge.id, rules_hash=fingerprint)
    rules_changed = state.rules_hash != fingerprint
    start = 0 if rules_changed else state.matched_through
    rules = compile_rules(pledge)
    keys: list[str] = []
    new_rows: list[Evidence] = []
    for article in articles.sighted_after(session, start, feed_ids):
        for finding in match_article(rules, article.title, article.text):
            assert article.id is not None
            keys.append(evidence.auto_key(pledge.id, article.id, finding.stance))
            row = evidence.add_finding(session, pledge.id, article, finding, now)
            if row is not None:
                new_rows.append(row)
                ctx.log.info(
                    "evidence found",
                    extra=fields(
                        pledge_id=pledge.id, evidence_id=row.id, stance=row.stance, url=row.url
                    ),
                )
    if rules_changed:
        dropped = evidence.drop_unreviewed_auto(session, pledge.id, keys)
        ctx.log.info(
            "rules changed; pledge matched again",
            extra=fields(pledge_id=pledge.id, dropped=dropped),
        )
    state.rules_hash, state.matched_through = fingerprint, latest
    trail.save_state(session, state)
    return new_rows


def _record_status(
    ctx: JobContext, session: Session, pledge: Pledge, now: datetime
) -> list[StatusChange]:
    state = trail.state_of(session, pledge.id)
    assert state is not None
    views = [evidence.as_view(row) for row in evidence.evidence_for(session, pledge.id)]
    history = timeline(ctx.timing(pledge.id), views, now)
    missing = reconcile(*trail.head(state), history, now)
    if not missing:
        return []
    trail.append(session, pledge.id, missing, now)
    state.status, state.status_effective_at = missing[-1].new.value, missing[-1].at
    trail.save_state(session, state)
    for change in missing:
        ctx.log.info(
            "status changed",
            extra=fields(
                pledge_id=pledge.id, old=change.old, status=change.new, reason=change.reason
            ),
        )
    return [StatusChange(pledge.id, c.old, c.new, c.at, c.reason) for c in missing]


def _new_evidence(row: Evidence) -> NewEvidence:
    assert row.id is not None
    return NewEvidence(
        row.pledge_id, row.id, row.stance, row.title, row.url, row.published_at, row.origin
    )
