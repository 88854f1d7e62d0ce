"""The static status page, status.json and the Atom feed; and hostile feed text stays inert.

Pages are opened in a real browser (Chromium) at a phone's width, screenshot taken.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest
from sqlalchemy.engine import Engine

from jobs import alerts, check, page, report
from jobs.context import JobContext
from monitor.clock import FixedClock
from monitor.reportdata import Period
from tests.conftest import PLEDGE
from tests.helpers.browser import open_page
from tests.helpers.feed_server import FeedServer
from tests.helpers.feeds import Item, rss
from tests.helpers.smtp_server import SmtpServer, text_and_html

ROOT = Path(__file__).parent.parent
NOW = datetime(2026, 11, 21, tzinfo=UTC)


@pytest.fixture
def demo_page(sqlite_engine: Engine, make_ctx: Callable[..., JobContext]) -> page.PageResult:
    ctx = make_ctx(
        ROOT / "demo" / "pledges.yaml",
        sqlite_engine,
        FixedClock(NOW),
        public_url="https://pledges.example.org/",
    )
    check.run(ctx)
    return page.run(ctx)


def test_the_page_lists_every_seed_pledge_with_its_timeline(
    demo_page: page.PageResult, tmp_path: Path
) -> None:
    index = next(p for p in demo_page.written if p.name == "index.html")
    with open_page(index, tmp_path / "status-page.png") as visit:
        sections = visit.page.locator("section.pledge")
        assert sections.count() == 6
        assert visit.page.locator("section.pledge svg.timeline").count() == 6
        assert visit.page.locator("#deport-awaiting-koreans .badge").first.inner_text() == "Overdue"
        width = visit.page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360  # readable on a phone: no sideways scrolling
    assert visit.errors == [] and visit.dialogs == []
    assert [c for c in visit.console if c[0] == "error"] == []
    assert (tmp_path / "status-page.png").stat().st_size > 10_000


def test_status_json_carries_every_pledge_and_its_evidence(demo_page: page.PageResult) -> None:
    status = json.loads(next(p for p in demo_page.written if p.name == "status.json").read_text())
    by_id = {p["id"]: p for p in status["pledges"]}
    assert by_id["korea-task-force-launch"]["status"] == "fulfilled_late"
    assert len(by_id["korea-task-force-launch"]["evidence"]) == 3
    assert status["counts"] == {
        "pending": 1,
        "in_progress": 1,
        "fulfilled": 1,
        "fulfilled_late": 1,
        "overdue": 1,
        "broken": 1,
    }


def test_the_atom_feed_of_changes_parses_in_a_feed_reader(demo_page: page.PageResult) -> None:
    atom = next(p for p in demo_page.written if p.name == "changes.xml")
    parsed = feedparser.parse(atom.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.id == "https://pledges.example.org/changes.xml"
    titles = [e.title for e in parsed.entries]
    assert (
        titles[0] == "President Lee Jae-myung's planned visit to Cambodia: Broken"
    )  # newest first
    assert len(parsed.entries) == len({e.id for e in parsed.entries}) == 8
    assert parsed.entries[0].link == "https://example.org/sample-wire/2026/05/visit-called-off"


def test_the_digest_reads_at_360_pixels_without_errors(
    sqlite_engine: Engine, make_ctx: Callable[..., JobContext], tmp_path: Path
) -> None:
    ctx = make_ctx(ROOT / "demo" / "pledges.yaml", sqlite_engine, FixedClock(NOW))
    check.run(ctx)
    result = report.run(ctx, Period.iso_week(2025, 49, ctx.display_zone), send=False)
    html = next(p for p in result.archived if p.suffix == ".html")
    with open_page(html, tmp_path / "digest.png") as visit:
        assert visit.page.evaluate("document.documentElement.scrollWidth") <= 360
        assert visit.page.locator("mark").count() >= 4
    assert visit.errors == [] and visit.dialogs == [] and visit.console == []
    with open_page(html, tmp_path / "digest-dark.png", color_scheme="dark") as dark:
        background = dark.page.evaluate("getComputedStyle(document.body).backgroundColor")
        text = dark.page.evaluate("getComputedStyle(document.querySelector('h1')).color")
    assert background == "rgb(22, 22, 20)" and text == "rgb(232, 230, 223)"


HOSTILE = Item(
    'Task force launched <script>alert("title")</script>\r\nBcc: victim@example.org',
    link="javascript:alert('link')",
    guid="evil-1",
    published=datetime(2025, 12, 3, tzinfo=UTC),
    description='The task force launched. <img src=x onerror="alert(1)"> <b onclick="alert(2)">'
    "bold</b> ]]> & </summary> <![CDATA[ x ]]>",
)


def test_hostile_feed_text_stays_inert_in_mail_pages_and_feeds(
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    sqlite_engine: Engine,
    make_ctx: Callable[..., JobContext],
    smtp: SmtpServer,
    tmp_path: Path,
) -> None:
    feed_server.route("/evil.xml", body=rss(HOSTILE))
    # text that survives feed sanitising, because an editor typed it into pledges.yaml
    verdict = (
        PLEDGE
        + """\
    verdicts:
      - url: https://example.org/verdict?a=1&b=2
        stance: progress
        date: 2025-12-02
        title: "Officers <script>alert('verdict')</script> & <b>bold</b>"
        note: "1 < 2 && \\"quoted\\" </blockquote><img src=x onerror=alert(3)>"
"""
    )
    path = write_config({"evil": feed_server.url("/evil.xml")}, verdict)
    ctx = make_ctx(
        path,
        sqlite_engine,
        FixedClock(datetime(2025, 12, 4, tzinfo=UTC)),
        alert_to="ann@example.org",
        **smtp.settings(),
    )
    found = check.run(ctx).evaluate.new_evidence
    stances = sorted((e.stance, e.url) for e in found)
    assert stances == [("fulfilled", None), ("progress", "https://example.org/verdict?a=1&b=2")]
    sent = alerts.run(ctx)
    assert sent.delivery is not None and sent.delivery.sent
    for mail in smtp.messages:
        assert "\n" not in mail["Subject"] and "\r" not in mail["Subject"]
        assert mail["Bcc"] is None
        _, html = text_and_html(mail)
        assert "<script" not in html and "<img" not in html and "javascript:" not in html
    written = page.run(ctx).written
    index = next(p for p in written if p.name == "index.html")
    page_html = index.read_text()
    assert "<script" not in page_html and "javascript:" not in page_html
    assert "&lt;script&gt;alert(&#39;verdict&#39;)&lt;/script&gt;" in page_html  # shown as text
    with open_page(index, tmp_path / "hostile.png") as visit:
        assert visit.page.evaluate("document.querySelectorAll('script, img').length") == 0
        assert "<script>alert('verdict')</script>" in visit.page.text_content("body")
    assert visit.dialogs == [] and visit.errors == []
    atom = feedparser.parse(next(p for p in written if p.name == "changes.xml").read_bytes())
    assert not atom.bozo
    summaries = " ".join(e.summary for e in atom.entries)
    assert "<script>alert('verdict')</script>" in summaries  # text in the feed, not markup
    digest = report.run(ctx, Period.week_of(ctx.now(), ctx.display_zone), send=False)
    assert "<script" not in digest.rendered.html and "<img" not in digest.rendered.html
    assert "<script" not in digest.rendered.markdown.replace("\\<script", "")
