"""A full check cycle (poll + evaluate) on a real database: SQLite and PostgreSQL alike.

Feeds come from the real HTTP server on 127.0.0.1; the clock is fixed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

import pytest
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from jobs import check, overview
from jobs import review as review_job
from jobs.context import JobContext
from monitor.clock import FixedClock
from monitor.status import Status
from monitor.store.models import Article, Evidence, FeedState, Sighting, StatusEvent
from tests.conftest import PLEDGE
from tests.helpers.feed_server import FeedServer
from tests.helpers.feeds import Item, rss

Maker = Callable[..., JobContext]

PROGRESS = Item(
    "Officers join the task force",
    link="https://example.org/news/officers",
    guid="n-1",
    published=datetime(2025, 11, 10, 3, tzinfo=UTC),
    description="Police officers joined the task force on Monday.",
)
LAUNCH = Item(
    "Task force launched",
    link="https://example.org/news/launch?utm_source=a",
    guid="n-2",
    published=datetime(2025, 12, 3, 3, tzinfo=UTC),
    description="The task force launched on Wednesday, three days late.",
)
NOISE = Item(
    "Rice prices steady",
    link="https://example.org/news/rice",
    guid="n-3",
    published=datetime(2025, 11, 12, tzinfo=UTC),
    description="Nothing to see.",
)


class Rig(NamedTuple):
    """The real parts a cycle test needs: feed server, pledges file writer, database, clock."""

    feed_server: FeedServer
    write_config: Callable[..., Path]
    engine: Engine
    clock: FixedClock
    make_ctx: Maker


@pytest.fixture
def rig(
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    engine: Engine,
    clock: FixedClock,
    make_ctx: Maker,
) -> Rig:
    return Rig(feed_server, write_config, engine, clock, make_ctx)


def count(engine: Engine, model: type) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(model)).one()


def setup(
    feed_server: FeedServer, write_config: Callable[..., Path], *items: Item, pledges: str = PLEDGE
) -> Path:
    feed_server.route("/a.xml", body=rss(*items), etag='"a1"')
    return write_config({"a": feed_server.url("/a.xml")}, pledges)


def status_of(ctx: JobContext, pledge_id: str = "task-force") -> Status:
    [row] = overview.run(ctx, pledge_id)
    return row.judgement.status


def test_a_check_stores_articles_finds_evidence_and_records_the_trail(rig: Rig) -> None:
    feed_server, write_config, engine, clock, make_ctx = rig
    ctx = make_ctx(setup(feed_server, write_config, PROGRESS, LAUNCH, NOISE), engine, clock)
    result = check.run(ctx)
    assert [f.outcome for f in result.poll.feeds] == ["ok"]
    assert result.poll.new_articles == 3
    assert sorted(e.stance for e in result.evaluate.new_evidence) == ["fulfilled", "progress"]
    assert [(c.old, c.new) for c in result.evaluate.changes] == [
        (None, Status.PENDING),
        (Status.PENDING, Status.IN_PROGRESS),
        (Status.IN_PROGRESS, Status.FULFILLED_LATE),
    ]
    assert status_of(ctx) == Status.FULFILLED_LATE
    history = overview.history(ctx, "task-force")
    assert history[-1].evidence_id is not None and "3 days after" in history[-1].reason


def test_rerunning_check_changes_nothing_and_records_nothing_twice(rig: Rig) -> None:
    feed_server, write_config, engine, clock, make_ctx = rig
    ctx = make_ctx(setup(feed_server, write_config, PROGRESS, LAUNCH), engine, clock)
    check.run(ctx)
    before = [count(engine, m) for m in (Article, Sighting, Evidence, StatusEvent)]
    again = check.run(ctx)
    assert [f.outcome for f in again.poll.feeds] == ["not_modified"]  # ETag → 304
    assert again.evaluate.new_evidence == [] and again.evaluate.changes == []
    assert [count(engine, m) for m in (Article, Sighting, Evidence, StatusEvent)] == before
    # even when the server ignores validators, nothing is stored twice
    feed_server.routes["/a.xml"].etag = None
    third = check.run(ctx)
    assert third.poll.feeds[0].outcome == "ok" and third.poll.new_articles == 0
    assert [count(engine, m) for m in (Article, Sighting, Evidence, StatusEvent)] == before


def test_a_failing_feed_is_recorded_and_the_other_feeds_go_on(rig: Rig) -> None:
    feed_server, write_config, engine, clock, make_ctx = rig
    feed_server.route("/good.xml", body=rss(PROGRESS))
    feed_server.route("/bad.xml", status=500)
    feed_server.route("/junk.xml", body=b"<html>not a feed</html>", content_type="text/html")
    path = write_config(
        {
            "good": feed_server.url("/good.xml"),
            "bad": feed_server.url("/bad.xml"),
            "junk": feed_server.url("/junk.xml"),
        }
    )
    ctx = make_ctx(path, engine, clock)
    result = check.run(ctx)
    outcomes = {f.feed_id: (f.outcome, f.error_kind) for f in result.poll.feeds}
    assert outcomes == {
        "good": ("ok", None),
        "bad": ("failed", "http_status"),
        "junk": ("failed", "not_a_feed"),
    }
    assert [e.stance for e in result.evaluate.new_evidence] == ["progress"]  # good feed counted
    with Session(engine) as session:
        bad = session.get(FeedState, "bad")
        assert bad is not None and bad.error_count == 1 and bad.failing_since == clock.now()
        assert bad.last_error is not None and "HTTP 500" in bad.last_error
    # it fails again, then recovers: the count grows, then resets
    check.run(ctx)
    feed_server.route("/bad.xml", body=rss(NOISE))
    clock.set(datetime(2025, 12, 11, tzinfo=UTC))
    check.run(ctx)
    with Session(engine) as session:
        bad = session.get(FeedState, "bad")
        assert bad is not None and bad.error_count == 0 and bad.failing_since is None
        assert bad.last_ok_at == clock.now() and bad.last_error is None


def test_the_same_story_on_two_feeds_is_one_article_seen_twice(rig: Rig) -> None:
    feed_server, write_config, engine, clock, make_ctx = rig
    other = Item(
        LAUNCH.title,
        link="https://EXAMPLE.org/news/launch?utm_source=b#top",
        guid="other-guid",
        published=LAUNCH.published,
        description="Shorter text.",
    )
    feed_server.route("/a.xml", body=rss(LAUNCH))
    feed_server.route("/b.xml", body=rss(other))
    path = write_config({"a": feed_server.url("/a.xml"), "b": feed_server.url("/b.xml")})
    result = check.run(make_ctx(path, engine, clock))
    assert count(engine, Article) == 1 and count(engine, Sighting) == 2
    assert len(result.evaluate.new_evidence) == 1


def test_entries_are_deduplicated_by_guid_and_by_content(rig: Rig) -> None:
    feed_server, write_config, engine, clock, make_ctx = rig
    republished = Item(
        NOISE.title,
        link="https://example.org/other-url",
        guid="n-99",
        description=NOISE.description,
    )
    same_guid = Item("Edited headline", link="https://example.org/news/rice-2", guid="n-3")
    ctx = make_ctx(setup(feed_server, write_config, NOISE, same_guid, republished), engine, clock)
    check.run(ctx)
    assert count(engine, Article) == 1  # guid n-3 once; the republished copy matched by content
    assert count(engine, Sighting) == 2


def test_a_rejected_piece_of_evidence_never_counts_again(rig: Rig) -> None:
    feed_server, write_config, engine, clock, make_ctx = rig
    path = setup(feed_server, write_config, PROGRESS, LAUNCH)
    ctx = make_ctx(path, engine, clock)
    first = check.run(ctx)
    launch = next(e for e in first.evaluate.new_evidence if e.stance == "fulfilled")
    clock.set(datetime(2025, 12, 11, tzinfo=UTC))
    result = review_job.run(ctx, launch.evidence_id, "rejected", "not this task force")
    assert result.evidence.review == "rejected"
    assert [(c.old, c.new) for c in result.evaluated.changes] == [
        (Status.FULFILLED_LATE, Status.OVERDUE)
    ]
    # overdue since deadline + grace, now that the launch report no longer counts
    assert result.evaluated.changes[0].at == datetime(2025, 12, 8, tzinfo=UTC)
    # editing the rules makes the pledge match every article again; the rejection stays
    path.write_text(path.read_text().replace('any: ["officers|budget"]', 'any: ["officers"]'))
    ctx = make_ctx(path, engine, clock)
    again = check.run(ctx)
    assert again.evaluate.new_evidence == [] and again.evaluate.changes == []
    assert status_of(ctx) == Status.OVERDUE


def test_confirmed_evidence_outranks_later_automatic_matches(rig: Rig) -> None:
    feed_server, write_config, engine, clock, make_ctx = rig
    scrapped = Item(
        "Task force scrapped?",
        link="https://example.org/news/rumour",
        guid="n-4",
        published=datetime(2025, 12, 5, tzinfo=UTC),
        description="A rumour said the task force was scrapped.",
    )
    ctx = make_ctx(setup(feed_server, write_config, LAUNCH, scrapped), engine, clock)
    result = check.run(ctx)
    assert status_of(ctx) == Status.BROKEN
    launch = next(e for e in result.evaluate.new_evidence if e.stance == "fulfilled")
    review_job.run(ctx, launch.evidence_id, "confirmed", None)
    assert status_of(ctx) == Status.FULFILLED_LATE


def test_a_verdict_written_in_the_file_wins_over_matching(rig: Rig) -> None:
    feed_server, write_config, engine, clock, make_ctx = rig
    verdict = (
        PLEDGE
        + """\
    verdicts:
      - url: https://example.org/official-statement
        stance: broken
        date: 2025-12-05
        title: Ministry says the task force is scrapped
        note: Recorded by the editors from the ministry's statement.
"""
    )
    ctx = make_ctx(setup(feed_server, write_config, LAUNCH, pledges=verdict), engine, clock)
    check.run(ctx)
    [row] = overview.run(ctx)
    assert row.judgement.status == Status.BROKEN
    assert row.latest is not None and row.latest.origin == "manual"
    # removing the verdict from the file removes its effect, with a recorded correction
    ctx = make_ctx(setup(feed_server, write_config, LAUNCH), engine, clock)
    result = check.run(ctx)
    assert [(c.old, c.new) for c in result.evaluate.changes] == [
        (Status.BROKEN, Status.FULFILLED_LATE)
    ]


def test_as_of_replays_the_past_from_the_stored_evidence(rig: Rig) -> None:
    feed_server, write_config, engine, clock, make_ctx = rig
    path = setup(feed_server, write_config, PROGRESS, LAUNCH)
    check.run(make_ctx(path, engine, clock))
    past = make_ctx(path, engine, FixedClock(datetime(2025, 11, 15, tzinfo=UTC)))
    assert status_of(past) == Status.IN_PROGRESS
    assert [e.new_status for e in overview.history(past, "task-force")] == [
        "pending",
        "in_progress",
    ]
    assert [e.stance for e in overview.evidence_list(past, None, include_rejected=False)] == [
        "progress"
    ]
    # a check replayed in the past records nothing behind the stored trail
    events = count(engine, StatusEvent)
    assert check.run(past).evaluate.changes == []
    assert count(engine, StatusEvent) == events


def test_a_first_check_run_as_of_a_past_date_then_today_builds_one_consistent_trail(
    rig: Rig,
) -> None:
    feed_server, write_config, engine, _, make_ctx = rig
    path = setup(feed_server, write_config, PROGRESS, LAUNCH)
    check.run(make_ctx(path, engine, FixedClock(datetime(2025, 11, 15, tzinfo=UTC))))
    later = make_ctx(path, engine, FixedClock(datetime(2025, 12, 20, tzinfo=UTC)))
    check.run(later)
    trail = [(e.old_status, e.new_status) for e in overview.history(later, "task-force")]
    assert trail == [
        (None, "pending"),
        ("pending", "in_progress"),
        ("in_progress", "fulfilled_late"),
    ]


def test_a_changed_feed_url_forgets_the_old_validators(rig: Rig) -> None:
    feed_server, write_config, engine, clock, make_ctx = rig
    ctx = make_ctx(setup(feed_server, write_config, PROGRESS), engine, clock)
    check.run(ctx)
    feed_server.route("/moved.xml", body=rss(PROGRESS), etag='"a1"')
    ctx = make_ctx(write_config({"a": feed_server.url("/moved.xml")}), engine, clock)
    check.run(ctx)
    [seen] = feed_server.requests_to("/moved.xml")
    assert "If-None-Match" not in seen.headers


def test_a_malformed_feed_keeps_what_it_can_and_the_warning_is_visible(rig: Rig) -> None:
    feed_server, write_config, engine, clock, make_ctx = rig
    truncated = (Path(__file__).parent / "data" / "feeds" / "malformed_truncated.xml").read_bytes()
    feed_server.route("/truncated.xml", body=truncated)
    ctx = make_ctx(write_config({"t": feed_server.url("/truncated.xml")}), engine, clock)
    [report] = check.run(ctx).poll.feeds
    assert (report.outcome, report.entries, report.new_articles) == ("ok", 1, 1)
    with Session(engine) as session:
        state = session.get(FeedState, "t")
        assert state is not None and state.error_count == 0
        assert state.last_error_kind == "warning" and "no element found" in (state.last_error or "")
