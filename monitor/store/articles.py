"""Article repository: each story stored once, each feed that carried it a Sighting.

Dedupe, in order: the same guid on the same feed is the same entry; otherwise the same
canonical URL, or the same content fingerprint, is the same story seen on another feed (or
re-published with a new guid).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from monitor.parse import Entry
from monitor.store.models import Article, Sighting


@dataclass(frozen=True)
class StoreStats:
    new_articles: int = 0
    new_sightings: int = 0


def store_entries(
    session: Session, feed_id: str, entries: Sequence[Entry], now: datetime
) -> StoreStats:
    known_guids = set(
        session.exec(
            select(Sighting.guid).where(
                Sighting.feed_id == feed_id, col(Sighting.guid).in_([e.guid for e in entries])
            )
        ).all()
    )
    new_articles = new_sightings = 0
    for entry in entries:
        if entry.guid in known_guids:
            continue
        known_guids.add(entry.guid)
        article = _find_article(session, entry)
        if article is None:
            article = _new_article(entry, now)
            session.add(article)
            session.flush()
            new_articles += 1
        assert article.id is not None
        session.add(Sighting(article_id=article.id, feed_id=feed_id, guid=entry.guid, seen_at=now))
        new_sightings += 1
    session.flush()
    return StoreStats(new_articles, new_sightings)


def _find_article(session: Session, entry: Entry) -> Article | None:
    same_story = col(Article.fingerprint) == entry.fingerprint
    if entry.url:
        same_story = or_(col(Article.canonical_url) == entry.url, same_story)
    return session.exec(select(Article).where(same_story).order_by(col(Article.id))).first()


def _new_article(entry: Entry, now: datetime) -> Article:
    return Article(
        canonical_url=entry.url,
        fingerprint=entry.fingerprint,
        title=entry.title,
        text=entry.text,
        published_at=entry.published_at,
        first_seen_at=now,
    )


def latest_sighting_id(session: Session) -> int:
    return session.exec(select(func.max(Sighting.id))).one() or 0


def sighted_after(session: Session, after_id: int, feed_ids: Iterable[str]) -> list[Article]:
    """Articles carried by any of ``feed_ids`` in a sighting newer than ``after_id``, once each."""
    feeds = list(feed_ids)
    if not feeds:
        return []
    newer = (
        select(Sighting.article_id)
        .where(col(Sighting.id) > after_id, col(Sighting.feed_id).in_(feeds))
        .distinct()
    )
    return list(
        session.exec(
            select(Article).where(col(Article.id).in_(newer)).order_by(col(Article.id))
        ).all()
    )


def count_articles(session: Session) -> int:
    return session.exec(select(func.count()).select_from(Article)).one()


def sightings_of(session: Session, article_id: int) -> list[Sighting]:
    return list(session.exec(select(Sighting).where(Sighting.article_id == article_id)).all())
