"""The embedded default: the bundled pledges against the bundled sample feeds, offline.

Every seed pledge gets a status with a reason, and together they exercise every status.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from jobs import check, overview
from jobs.context import JobContext
from monitor.clock import FixedClock
from monitor.status import Status

ROOT = Path(__file__).parent.parent
EXPECTED = {
    "korea-task-force-launch": Status.FULFILLED_LATE,
    "travel-advisory-phnom-penh": Status.FULFILLED,
    "expedite-major-projects": Status.IN_PROGRESS,
    "deport-awaiting-koreans": Status.OVERDUE,
    "presidential-visit-cambodia": Status.BROKEN,
    "thirtieth-anniversary-events": Status.PENDING,
}


def test_the_demo_gives_every_seed_pledge_a_justified_status(
    sqlite_engine: Engine, make_ctx: Callable[..., JobContext]
) -> None:
    clock = FixedClock(datetime(2026, 11, 21, tzinfo=UTC))
    ctx = make_ctx(ROOT / "demo" / "pledges.yaml", sqlite_engine, clock)
    result = check.run(ctx)
    assert not result.poll.failed
    rows = {row.pledge.id: row for row in overview.run(ctx)}
    assert {pid: row.judgement.status for pid, row in rows.items()} == EXPECTED
    assert set(EXPECTED.values()) == set(Status)  # the demo exercises every status
    for row in rows.values():
        assert row.judgement.reason
        if (
            row.judgement.status is not Status.PENDING
            and row.judgement.status is not Status.OVERDUE
        ):
            assert row.judgement.evidence_id is not None


def test_the_demo_uses_korean_sources_and_ignores_evidence_older_than_the_pledge(
    sqlite_engine: Engine, make_ctx: Callable[..., JobContext]
) -> None:
    clock = FixedClock(datetime(2026, 11, 21, tzinfo=UTC))
    ctx = make_ctx(ROOT / "demo" / "pledges.yaml", sqlite_engine, clock)
    check.run(ctx)
    found = overview.evidence_list(ctx, "korea-task-force-launch", include_rejected=False)
    titles = [e.title for e in found]
    assert "한·캄보디아 코리아 전담반 공식 출범" in titles
    # the September "Korea Desk" item matches the words but predates the pledge
    korea_desk = next(e for e in found if e.title.startswith("Embassy opens Korea Desk"))
    task_force = next(r for r in overview.run(ctx) if r.pledge.id == "korea-task-force-launch")
    assert task_force.judgement.evidence_id != korea_desk.id


def test_the_demo_replayed_before_the_deadline_shows_the_pledge_in_progress(
    sqlite_engine: Engine, make_ctx: Callable[..., JobContext]
) -> None:
    ctx = make_ctx(
        ROOT / "demo" / "pledges.yaml",
        sqlite_engine,
        FixedClock(datetime(2025, 11, 20, tzinfo=UTC)),
    )
    check.run(ctx)
    rows = {row.pledge.id: row.judgement.status for row in overview.run(ctx)}
    assert rows["korea-task-force-launch"] == Status.IN_PROGRESS
    # pledges made after the as-of date did not exist yet
    assert "expedite-major-projects" not in rows
