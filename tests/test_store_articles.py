"""Article store on SQLite and PostgreSQL: dedupe inside one batch, batched reading."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session

from monitor.parse import Entry, content_fingerprint
from monitor.store import articles

NOW = datetime(2025, 12, 1, tzinfo=UTC)


def entry(guid: str, url: str | None, title: str, text: str = "body") -> Entry:
    return Entry(
        guid=guid,
        title=title,
        url=url,
        text=text,
        published_at=NOW,
        fingerprint=content_fingerprint(title, text),
    )


def test_duplicates_inside_one_feed_document_are_stored_once(engine: Engine) -> None:
    batch = [
        entry("g1", "https://example.org/a", "A"),
        entry("g1", "https://example.org/a", "A"),  # the same guid twice
        entry("g2", "https://example.org/a", "A, updated"),  # the same URL, new guid
        entry("g3", None, "A"),  # the same content, no link
    ]
    with Session(engine) as session:
        stats = articles.store_entries(session, "wire", batch, NOW)
        session.commit()
    assert stats == articles.StoreStats(new_articles=1, new_sightings=3)
    with Session(engine) as session:
        assert articles.count_articles(session) == 1


def test_articles_are_read_back_in_batches_and_once_each(engine: Engine) -> None:
    with Session(engine) as session:
        articles.store_entries(
            session, "a", [entry(f"a{n}", f"https://e.org/{n}", f"T{n}") for n in range(5)], NOW
        )
        # feed b carries two of the same stories and one of its own
        articles.store_entries(
            session,
            "b",
            [
                entry("b1", "https://e.org/1", "T1"),
                entry("b3", "https://e.org/3", "T3"),
                entry("b9", "https://e.org/9", "T9"),
            ],
            NOW,
        )
        session.commit()
        everything = list(articles.sighted_after(session, 0, ["a", "b"], batch=2))
        assert [a.title for a in everything] == ["T0", "T1", "T2", "T3", "T4", "T9"]
        only_b = list(articles.sighted_after(session, 0, ["b"], batch=2))
        assert [a.title for a in only_b] == ["T1", "T3", "T9"]
        newest = articles.latest_sighting_id(session)
        assert list(articles.sighted_after(session, newest, ["a", "b"])) == []
        assert list(articles.sighted_after(session, 0, [])) == []


def test_an_overlong_link_is_dropped_and_the_story_still_stored(engine: Engine) -> None:
    from monitor.parse import parse_feed
    from tests.helpers.feeds import Item, rss

    link = "https://example.org/" + "a" * 3000  # past PostgreSQL's index entry limit
    [parsed] = parse_feed(rss(Item("Long link", link=link, guid="x")), "https://f/").entries
    assert parsed.url is None
    with Session(engine) as session:
        assert articles.store_entries(session, "wire", [parsed], NOW).new_articles == 1
        session.commit()


def test_control_characters_from_a_broken_feed_never_reach_the_database(engine: Engine) -> None:
    from monitor.parse import parse_feed

    body = (
        b"<rss version='2.0'><channel><title>t</title><item><title>Nul\x00 here\x07</title>"
        b"<guid>g\x00</guid><description>a\x00b\x1bc</description></item></channel></rss>"
    )
    [entry] = parse_feed(body, "https://f/").entries
    assert (entry.title, entry.text) == ("Nul here", "abc")
    # feedparser reads a bare guid as a relative permalink: the link must be clean too
    assert entry.guid.endswith("/g") and entry.url == "https://f/g"
    with Session(engine) as session:  # PostgreSQL would refuse a NUL byte outright
        assert articles.store_entries(session, "wire", [entry], NOW).new_articles == 1
        session.commit()
