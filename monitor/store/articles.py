"""Article repository: each story stored once, each feed that carried it a Sighting.

Dedupe, in order: the same guid on the same feed is the same entry; otherwise the same
canonical URL, or the same content fingerprint, is the same story seen on another feed (or
re-published with a new guid).

A headline is stored up to TITLE_MAX characters and an article's text up to TEXT_MAX: a
feed can send megabytes in one field, and every alert, digest and page would carry them.
Matching reads the stored text, and the first 20,000 characters hold the story.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from monitor.parse import Entry, clip
from monitor.store.models import Article, Sighting

TITLE_MAX = 500
TEXT_MAX = 20_000


@dataclass(frozen=True)
class StoreStats:
    new_articles: int = 0
    new_sightings: int = 0


def store_entries(
    session: Session, feed_id: str, entries: Sequence[Entry], now: datetime
) -> StoreStats:
    """Store a feed's entries in three queries, whatever their number: the guids this feed
    already carried, the stored articles they might duplicate, then one flush of the new."""
    fresh = _unseen_on_feed(session, feed_id, entries)
    known = _Index(_articles_like(session, fresh))
    new_articles: list[Article] = []
    pairs: list[tuple[Entry, Article]] = []
    for entry in fresh:
        article = known.find(entry)
        if article is None:
            article = _new_article(entry, now)
            known.add(article)
            new_articles.append(article)
        pairs.append((entry, article))
    session.add_all(new_articles)
    session.flush()  # assigns the new articles their ids
    session.add_all(
        Sighting(article_id=id_of(article), feed_id=feed_id, guid=entry.guid, seen_at=now)
        for entry, article in pairs
    )
    session.flush()
    return StoreStats(len(new_articles), len(pairs))


def _unseen_on_feed(session: Session, feed_id: str, entries: Sequence[Entry]) -> list[Entry]:
    """Entries whose guid this feed has not carried before (and no repeats within it)."""
    seen = set(
        session.exec(
            select(Sighting.guid).where(
                Sighting.feed_id == feed_id, col(Sighting.guid).in_([e.guid for e in entries])
            )
        ).all()
    )
    fresh = []
    for entry in entries:
        if entry.guid not in seen:
            seen.add(entry.guid)
            fresh.append(entry)
    return fresh


def _articles_like(session: Session, entries: Sequence[Entry]) -> list[Article]:
    if not entries:
        return []
    urls = [e.url for e in entries if e.url]
    fingerprints = [e.fingerprint for e in entries]
    same_story = or_(
        col(Article.canonical_url).in_(urls), col(Article.fingerprint).in_(fingerprints)
    )
    return list(session.exec(select(Article).where(same_story).order_by(col(Article.id))).all())


class _Index:
    """Stored and just-created articles by canonical URL and by fingerprint. When an
    entry's URL and fingerprint point at different articles, the URL wins."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self.by_url: dict[str, Article] = {}
        self.by_fingerprint: dict[str, Article] = {}
        for article in articles:
            self.add(article)

    def add(self, article: Article) -> None:
        if article.canonical_url:
            self.by_url.setdefault(article.canonical_url, article)
        self.by_fingerprint.setdefault(article.fingerprint, article)

    def find(self, entry: Entry) -> Article | None:
        if entry.url and entry.url in self.by_url:
            return self.by_url[entry.url]
        return self.by_fingerprint.get(entry.fingerprint)


def id_of(article: Article) -> int:
    """The id of a stored article (one read back from the store always has one)."""
    assert article.id is not None
    return article.id


def _new_article(entry: Entry, now: datetime) -> Article:
    return Article(
        canonical_url=entry.url,
        fingerprint=entry.fingerprint,
        title=clip(entry.title, TITLE_MAX),
        text=clip(entry.text, TEXT_MAX),
        published_at=entry.published_at,
        first_seen_at=now,
        outlet=entry.outlet,
    )


def latest_sighting_id(session: Session) -> int:
    return session.exec(select(func.max(Sighting.id))).one() or 0


def sighted_after(
    session: Session, after_id: int, feed_ids: Iterable[str], batch: int = 500
) -> Iterator[Article]:
    """Articles carried by any of ``feed_ids`` in a sighting newer than ``after_id``, once
    each, oldest first. Read in batches, so matching a pledge again against a large archive
    never holds the whole archive in memory."""
    feeds = list(feed_ids)
    if not feeds:
        return
    newer = (
        select(Sighting.article_id)
        .where(col(Sighting.id) > after_id, col(Sighting.feed_id).in_(feeds))
        .distinct()
    )
    last_id = 0
    while True:
        page = session.exec(
            select(Article)
            .where(col(Article.id).in_(newer), col(Article.id) > last_id)
            .order_by(col(Article.id))
            .limit(batch)
        ).all()
        if not page:
            return
        yield from page
        last_id = id_of(page[-1])


def count_articles(session: Session) -> int:
    return session.exec(select(func.count()).select_from(Article)).one()


def sightings_of(session: Session, article_id: int) -> list[Sighting]:
    return list(session.exec(select(Sighting).where(Sighting.article_id == article_id)).all())
