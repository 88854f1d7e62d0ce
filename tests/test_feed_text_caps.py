"""Feed text is capped where it is stored: a megabyte headline makes no megabyte mail or page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from jobs import alerts, check, page
from jobs.context import JobContext
from monitor.clock import FixedClock
from monitor.parse import clip
from monitor.store.articles import TEXT_MAX, TITLE_MAX
from monitor.store.models import Article, Evidence
from tests.conftest import PLEDGE
from tests.helpers.feed_server import FeedServer
from tests.helpers.feeds import Item, rss
from tests.helpers.smtp_server import SmtpServer

MEGABYTE = 1_000_000


def test_a_megabyte_title_is_stored_capped_and_mails_and_pages_stay_small(
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    sqlite_engine: Engine,
    make_ctx: Callable[..., JobContext],
    smtp: SmtpServer,
    tmp_path: Path,
) -> None:
    title = "Officers join the task force " + "again " * (MEGABYTE // 6)
    body = "Police officers joined the task force. " + "More words here. " * (MEGABYTE // 17)
    item = Item(
        title,
        link="https://example.org/huge",
        guid="huge",
        published=datetime(2025, 11, 20, tzinfo=UTC),
        description=body,
    )
    feed_server.route("/huge.xml", body=rss(item))
    path = write_config({"a": feed_server.url("/huge.xml")}, PLEDGE)
    ctx = make_ctx(
        path,
        sqlite_engine,
        FixedClock(datetime(2025, 11, 21, tzinfo=UTC)),
        alert_to="ann@example.org",
        **smtp.settings(),
    )

    check.run(ctx)
    alerts.run(ctx)
    written = page.run(ctx).written

    with Session(sqlite_engine) as session:
        [article] = session.exec(select(Article)).all()
        [found] = session.exec(select(Evidence)).all()
    assert len(article.title) <= TITLE_MAX and article.title.endswith("again…")
    assert article.title.startswith("Officers join the task force again")
    assert len(article.text) <= TEXT_MAX and article.text.endswith("here.…")
    assert found.stance == "progress" and len(found.title) <= TITLE_MAX  # still matched
    assert len(smtp.messages) == 2
    assert all(len(m.as_bytes()) < 20_000 for m in smtp.messages)
    index = next(p for p in written if p.name == "index.html")
    assert index.stat().st_size < 100_000
    assert all(p.stat().st_size < 100_000 for p in written)


def test_clipping_cuts_at_a_word_and_marks_the_cut() -> None:
    assert clip("short enough", 20) == "short enough"
    assert clip("one two three four", 12) == "one two…"
    assert len(clip("one two three four", 12)) <= 12
    # text with no spaces (Korean, Japanese, a URL) is cut at the limit itself
    assert clip("가" * 30, 10) == "가" * 9 + "…"
