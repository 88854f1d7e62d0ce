"""What the digest says, and how it is archived: golden files for the demo data.

Refresh the golden files after an intended change with ``pytest --update-goldens``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from jobs import check, report
from jobs.context import JobContext
from monitor.clock import FixedClock
from monitor.reportdata import Period
from monitor.store import outbox
from tests.helpers.smtp_server import SmtpServer

ROOT = Path(__file__).parent.parent
GOLDEN = Path(__file__).parent / "data" / "golden"


@pytest.fixture
def demo_ctx(sqlite_engine: Engine, make_ctx: Callable[..., JobContext]) -> JobContext:
    ctx = make_ctx(
        ROOT / "demo" / "pledges.yaml",
        sqlite_engine,
        FixedClock(datetime(2026, 1, 26, 1, tzinfo=UTC)),
    )
    check.run(ctx)
    return ctx


def normalized(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip().splitlines()) + "\n"


def compare_golden(name: str, actual: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.write_text(normalized(actual), encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run pytest --update-goldens"
    assert normalized(actual) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("week", [(2025, 49), (2026, 4)], ids=["2025-W49", "2026-W04"])
def test_the_text_digest_of_the_demo_matches_its_golden_file(
    demo_ctx: JobContext, update_goldens: bool, week: tuple[int, int]
) -> None:
    period = Period.iso_week(*week, demo_ctx.display_zone)
    result = report.run(demo_ctx, period, send=False)
    compare_golden(f"digest-demo-{period.label}.txt", result.rendered.text, update_goldens)
    compare_golden(f"digest-demo-{period.label}.md", result.rendered.markdown, update_goldens)


def test_the_digest_names_overdue_pledges_and_upcoming_deadlines(demo_ctx: JobContext) -> None:
    period = Period.iso_week(2025, 50, demo_ctx.display_zone)  # 8–14 Dec 2025
    digest = report.run(demo_ctx, period, send=False).digest
    assert [p.id for p in digest.upcoming] == ["deport-awaiting-koreans"]
    assert digest.upcoming[0].days_left == 17
    later = report.run(demo_ctx, Period.iso_week(2026, 4, demo_ctx.display_zone), send=False)
    assert [(p.id, p.days_left) for p in later.digest.overdue] == [("deport-awaiting-koreans", -25)]


def test_failing_feeds_are_listed_with_since_when_and_why(
    sqlite_engine: Engine, make_ctx: Callable[..., JobContext], write_config: Callable[..., Path]
) -> None:
    path = write_config({"gone": "http://127.0.0.1:9/feed.xml"})
    ctx = make_ctx(path, sqlite_engine, FixedClock(datetime(2025, 12, 10, tzinfo=UTC)))
    check.run(ctx)
    text = report.run(ctx, Period.week_of(ctx.now(), ctx.display_zone), send=False).rendered.text
    assert "Feed gone: failing since 2025-12-10 00:00 UTC (1 error): fetch: connect:" in text


def test_each_week_is_archived_as_html_and_markdown(demo_ctx: JobContext) -> None:
    period = Period.iso_week(2025, 49, demo_ctx.display_zone)
    result = report.run(demo_ctx, period, send=False)
    names = sorted(p.name for p in result.archived)
    assert names == ["digest-2025-W49.html", "digest-2025-W49.md"]
    assert result.archived[0].read_text() == result.rendered.html


def test_a_sent_digest_is_never_overwritten_silently(
    demo_ctx: JobContext,
    smtp: SmtpServer,
    make_ctx: Callable[..., JobContext],
    sqlite_engine: Engine,
) -> None:
    ctx = make_ctx(
        ROOT / "demo" / "pledges.yaml",
        sqlite_engine,
        demo_ctx.clock,
        digest_to="ann@example.org",
        **smtp.settings(),
    )
    period = Period.iso_week(2025, 49, ctx.display_zone)
    sent = report.run(ctx, period, send=True)
    original = sent.archived[0].read_text()
    # the data changes afterwards (a later run sees a new clock): the report differs
    assert isinstance(ctx.clock, FixedClock)
    ctx.clock.set(datetime(2026, 2, 1, tzinfo=UTC))
    again = report.run(ctx, period, send=False)
    assert sent.archived[0].read_text() == original
    assert [p.name for p in again.archived] == ["digest-2025-W49.r2.html", "digest-2025-W49.r2.md"]
    assert any("kept it and wrote revision r2" in note for note in again.notes)
    with ctx.session() as session:
        assert [m.status for m in outbox.by_key_prefix(session, "digest:2025-W49:")] == ["sent"]
