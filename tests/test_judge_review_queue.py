"""The judge reads by meaning, and what it is unsure of waits for a person.

A pledge written with plain statements (no keyword rules) meets real feeds served on
127.0.0.1: an announcement never counts, a lone report from one outlet waits in the review
queue and changes nothing (the digest and the status page list it with why it waits and
how it was read), a person confirms it, the status changes and the digest says so; a second outlet
reporting the same happening confirms an event on its own, dated by the day its text says.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from jobs import check, overview, page, report, review
from jobs.context import JobContext
from monitor.clock import FixedClock
from monitor.embed import UniversalSentenceEncoder
from monitor.reportdata import Period
from monitor.status import Status
from tests.helpers.feed_server import FeedServer
from tests.helpers.feeds import Item, rss

PLEDGE = """\
  - id: ring-road
    title: Open the Phnom Penh ring road by the end of 2025
    made_by: [Ministry of Public Works]
    made_on: 2025-10
    source: https://example.org/promise
    due: 2025-12-31
    outcomes:
      fulfilled:
        - "The Phnom Penh ring road was opened to traffic"
        - "프놈펜 순환도로가 개통됐다"
      progress:
        - "Construction work on the Phnom Penh ring road advanced"
    context: ["ring road|순환도로"]
"""

ANNOUNCED = Item(
    "Ministry says ring road will open in December",
    link="https://wire.example.org/announce",
    published=datetime(2025, 11, 3, tzinfo=UTC),
    description="The ministry said the Phnom Penh ring road will open to traffic in December.",
)
OPENED = Item(
    "Phnom Penh traffic news",
    link="https://wire.example.org/opened",
    published=datetime(2025, 12, 20, 9, tzinfo=UTC),
    description="Drivers crowded the new road on Saturday. "
    "The Phnom Penh ring road was opened to traffic on 18 December, officials said.",
)
OPENED_ELSEWHERE = Item(
    "프놈펜 순환도로 개통",
    link="https://daily.example.kr/ring-road",
    published=datetime(2026, 1, 8, tzinfo=UTC),
    description="캄보디아 프놈펜 순환도로가 지난달 18일 개통됐다.",
)


def _context(
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    make_ctx: Callable[..., JobContext],
    engine: Engine,
    embedder: UniversalSentenceEncoder,
    when: datetime,
    *items: Item,
) -> JobContext:
    feed_server.route("/wire.xml", body=rss(*items))
    path = write_config({"wire": feed_server.url("/wire.xml")}, PLEDGE)
    ctx = make_ctx(path, engine, FixedClock(when))
    ctx.embedder = embedder
    return ctx


def test_a_lone_report_waits_for_a_person_who_confirms_it(
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    make_ctx: Callable[..., JobContext],
    sqlite_engine: Engine,
    embedder: UniversalSentenceEncoder,
) -> None:
    ctx = _context(
        feed_server,
        write_config,
        make_ctx,
        sqlite_engine,
        embedder,
        datetime(2025, 12, 21, tzinfo=UTC),
        ANNOUNCED,
        OPENED,
    )
    check.run(ctx)
    found = overview.evidence_list(ctx, "ring-road", include_rejected=False)
    assert [e.title for e in found] == ["Phnom Penh traffic news"]  # the announcement: none
    piece = found[0]
    assert piece.stance == "fulfilled"
    assert piece.happened_at is not None and piece.happened_at.date().isoformat() == "2025-12-18"
    assert piece.outlet == "wire.example.org"
    assert 0 < piece.score < 0.8 and "similarity" in piece.parts
    waiting = overview.review_queue(ctx)
    assert [e.id for e in waiting] == [piece.id]
    assert waiting[0].not_counted is not None and "1 of 2 outlets" in waiting[0].not_counted
    assert overview.run(ctx)[0].judgement.status is Status.PENDING  # nothing changed
    week = Period.week_of(ctx.now(), ctx.display_zone)
    digest = report.run(ctx, week, send=False).rendered
    for text in (digest.text, digest.markdown, digest.html):
        assert "aiting for review" in text.replace("WAITING FOR REVIEW", "Waiting for review")
        assert f"#{piece.id}" in text and "1 of 2 outlets" in text
    assert "closest to “The Phnom Penh ring road was opened to traffic”" in digest.text
    page.run(ctx)
    index = (ctx.settings.reports_dir / "index.html").read_text(encoding="utf-8")
    assert "Waiting for review (1)" in index and "Phnom Penh traffic news" in index
    published = json.loads((ctx.settings.reports_dir / "status.json").read_text(encoding="utf-8"))
    assert [w["id"] for w in published["waiting_for_review"]] == [piece.id]

    result = review.run(ctx, piece.id, "confirmed", "checked with the ministry")

    assert [c.new for c in result.evaluated.changes] == [Status.FULFILLED]
    assert overview.review_queue(ctx) == []
    assert overview.run(ctx)[0].judgement.status is Status.FULFILLED
    after = report.run(ctx, week, send=False).rendered.text
    assert "WAITING FOR REVIEW" not in after
    assert "Pending -> Fulfilled" in after and "Phnom Penh traffic news" in after


def test_a_second_outlet_confirms_the_event_dated_by_its_text_not_by_the_restatement(
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    make_ctx: Callable[..., JobContext],
    sqlite_engine: Engine,
    embedder: UniversalSentenceEncoder,
) -> None:
    ctx = _context(
        feed_server,
        write_config,
        make_ctx,
        sqlite_engine,
        embedder,
        datetime(2026, 1, 10, tzinfo=UTC),
        ANNOUNCED,
        OPENED,
        OPENED_ELSEWHERE,
    )
    check.run(ctx)
    standing = overview.run(ctx)[0].judgement
    # reported again in January by a Korean outlet, but it happened on 18 December: on time
    assert standing.status is Status.FULFILLED
    assert "2 outlets" in standing.reason
    assert overview.review_queue(ctx) == []
