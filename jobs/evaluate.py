"""Evaluate: new articles × pledges → the judge's readings → evidence → status events.

Each pledge remembers the newest sighting it has judged and a fingerprint of what it is
judged by (statements, context, rules, target, feeds, model), so an article is read for a
pledge once; when any of it changes, the pledge is judged again over every stored article
and findings no longer made are dropped (unless a person reviewed them). Only articles on
the pledge's topic are embedded, and their vectors are kept, so a cycle's cost grows with
what is new.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from jobs.context import JobContext
from monitor import judge
from monitor.log import fields
from monitor.pledgefile import Pledge
from monitor.status import Status, reconcile, timeline
from monitor.store import articles, evidence, trail
from monitor.store.models import Article, Evidence, PledgeState
from monitor.store.vectors import sentence_vectors


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
    pages = _Pages()
    pledges = ctx.config.pledges
    with ctx.session() as session:
        latest = articles.latest_sighting_id(session)
        every = judge.prepare_all(pledges, ctx.embedder)
        for pledge, prepared in zip(pledges, every, strict=True):
            if ctx.should_stop:  # each pledge is committed on its own; the rest waits
                break
            new_rows = _match_new_articles(ctx, session, prepared, every, latest, now, pages)
            new_rows += evidence.sync_verdicts(session, pledge, ctx.config.zone, now)
            found += [_new_evidence(row) for row in new_rows if row.published_at <= now]
            changes += _record_status(ctx, session, pledge, now)
            session.commit()
    return EvaluateResult(found, changes)


class _Pages:
    """Each article folded for the topic filter once per run, not once per pledge; bounded,
    as a pledge judged again reads every stored article."""

    LIMIT = 5_000

    def __init__(self) -> None:
        self._pages: dict[int, judge.Page] = {}
        self._topics: dict[int, frozenset[str]] = {}

    def of(self, article: Article) -> judge.Page:
        key = articles.id_of(article)
        page = self._pages.get(key)
        if page is None:
            if len(self._pages) >= self.LIMIT:
                self._pages.clear()
                self._topics.clear()
            page = self._pages[key] = judge.page_of(
                article.title, article.text, article.canonical_url
            )
        return page

    def topics_of(self, article: Article, every: list[judge.PreparedPledge]) -> frozenset[str]:
        """The pledges the article is on topic for (rivals for its sentences), found once
        per run rather than once per pledge that reads it."""
        key = articles.id_of(article)
        topics = self._topics.get(key)
        if topics is None:
            topics = self._topics[key] = judge.pledges_on_topic(every, self.of(article))
        return topics


def _match_new_articles(
    ctx: JobContext,
    session: Session,
    prepared: judge.PreparedPledge,
    every: list[judge.PreparedPledge],
    latest: int,
    now: datetime,
    pages: _Pages,
) -> list[Evidence]:
    pledge = prepared.pledge
    feed_ids = ctx.config.feeds_of(pledge)
    model = ctx.embedder.name if pledge.outcomes else None
    fingerprint = judge.fingerprint(pledge, feed_ids, model, ctx.config.pledges)
    state = trail.state_of(session, pledge.id)
    if state is None:
        state = PledgeState(pledge_id=pledge.id, rules_hash=fingerprint)
    rules_changed = state.rules_hash != fingerprint
    start = 0 if rules_changed else state.matched_through
    keys: list[str] = []
    new_rows: list[Evidence] = []
    for batch in _batches(articles.sighted_after(session, start, feed_ids)):
        for article, reading in _readings(ctx, session, prepared, every, batch, pages):
            assert article.id is not None
            keys.append(evidence.auto_key(pledge.id, article.id, reading.stance))
            row = evidence.add_reading(session, pledge.id, article, reading, now, ctx.config.zone)
            if row is not None:
                new_rows.append(row)
                ctx.log.info(
                    "evidence found",
                    extra=fields(
                        pledge_id=pledge.id,
                        evidence_id=row.id,
                        stance=row.stance,
                        score=row.score,
                        url=row.url,
                    ),
                )
    if rules_changed:
        dropped = evidence.drop_unreviewed_auto(session, pledge.id, keys)
        ctx.log.info(
            "pledge judged again (its statements, rules or feeds changed)",
            extra=fields(pledge_id=pledge.id, dropped=dropped),
        )
    state.rules_hash, state.matched_through = fingerprint, latest
    trail.save_state(session, state)
    return new_rows


def _batches(found: Iterable[Article], size: int = 200) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in found:
        batch.append(article)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _readings(
    ctx: JobContext,
    session: Session,
    prepared: judge.PreparedPledge,
    every: list[judge.PreparedPledge],
    batch: list[Article],
    pages: _Pages,
) -> Iterator[tuple[Article, judge.Reading]]:
    """What the judge reads in each article of the batch; topic first, then (for pledges
    with statements) meaning, over the articles' cached sentence vectors."""
    on_topic = []
    for article in batch:
        found = judge.on_topic(prepared, pages.of(article))
        if found is None:
            continue
        if not prepared.reads_meaning:
            yield from (
                (article, r) for r in judge.read_by_rules(prepared, article.title, article.text)
            )
        else:
            on_topic.append((article, found))
    if not on_topic:
        return
    split = {articles.id_of(a): judge.sentences_of(a.title, a.text) for a, _ in on_topic}
    vectors = sentence_vectors(session, [a for a, _ in on_topic], ctx.embedder, split)
    zone = ctx.config.zone
    for article, found in on_topic:
        sentences, rows = vectors[articles.id_of(article)]
        published = (article.published_at or article.first_seen_at).astimezone(zone).date()
        rivals = pages.topics_of(article, every)
        reading = judge.read(prepared, sentences, rows, published, found, rivals)
        if reading is not None:
            yield article, reading


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
