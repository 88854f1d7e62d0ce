"""Status engine: every transition, judged at fixed instants. Pure; no database, no clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from monitor.status import (
    EvidenceView,
    Status,
    Timing,
    awaiting_review,
    judge,
    not_counted_because,
    reconcile,
    standing,
    timeline,
)

SEOUL = ZoneInfo("Asia/Seoul")
TIMING = Timing.of(date(2025, 10, 27), date(2025, 11, 30), timedelta(days=7), SEOUL)
NO_DEADLINE = Timing.of(date(2025, 10, 27), None, timedelta(0), SEOUL)


def at(day: str, hour: int = 12) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)


def piece(ident: int, stance: str, day: str, **kw: object) -> EvidenceView:
    return EvidenceView(id=ident, stance=stance, published_at=at(day), title=f"e{ident}", **kw)  # type: ignore[arg-type]


def test_a_pledge_without_evidence_is_pending() -> None:
    result = judge(TIMING, [], at("2025-11-01"))
    assert result.status == Status.PENDING and result.reason == "no evidence yet"


def test_progress_evidence_makes_it_in_progress() -> None:
    result = judge(TIMING, [piece(1, "progress", "2025-11-10")], at("2025-11-15"))
    assert result.status == Status.IN_PROGRESS and result.evidence_id == 1


def test_fulfilment_by_the_deadline_is_fulfilled() -> None:
    result = judge(TIMING, [piece(1, "fulfilled", "2025-11-20")], at("2025-12-20"))
    assert result.status == Status.FULFILLED and result.since == at("2025-11-20")


def test_the_deadline_is_the_end_of_the_due_day_in_the_file_time_zone() -> None:
    # 30 Nov 23:30 in Seoul is 14:30 UTC: still on time
    on_time = EvidenceView(1, "fulfilled", datetime(2025, 11, 30, 14, 30, tzinfo=UTC))
    assert judge(TIMING, [on_time], at("2025-12-20")).status == Status.FULFILLED
    # 1 Dec 00:30 in Seoul is 30 Nov 15:30 UTC: late
    late = EvidenceView(2, "fulfilled", datetime(2025, 11, 30, 15, 30, tzinfo=UTC))
    assert judge(TIMING, [late], at("2025-12-20")).status == Status.FULFILLED_LATE


def test_fulfilment_after_the_deadline_is_fulfilled_late_with_the_delay() -> None:
    result = judge(TIMING, [piece(1, "fulfilled", "2025-12-03")], at("2025-12-20"))
    assert result.status == Status.FULFILLED_LATE
    assert result.reason.startswith("fulfilled 3 days after the deadline 2025-11-30")


def test_it_turns_overdue_only_after_deadline_plus_grace() -> None:
    evidence = [piece(1, "progress", "2025-11-10")]
    assert judge(TIMING, evidence, at("2025-12-06")).status == Status.IN_PROGRESS
    overdue_at = datetime(2025, 12, 8, 0, 0, tzinfo=SEOUL)
    assert judge(TIMING, evidence, overdue_at - timedelta(seconds=1)).status == Status.IN_PROGRESS
    result = judge(TIMING, evidence, overdue_at)
    assert result.status == Status.OVERDUE and result.since == overdue_at
    assert result.reason == "deadline 2025-11-30 passed (+7d grace) with no evidence of fulfilment"


def test_an_overdue_pledge_fulfilled_later_becomes_fulfilled_late() -> None:
    evidence = [piece(1, "fulfilled", "2026-01-05")]
    assert judge(TIMING, evidence, at("2025-12-20")).status == Status.OVERDUE
    assert judge(TIMING, evidence, at("2026-01-06")).status == Status.FULFILLED_LATE


def test_a_pledge_without_deadline_is_never_overdue() -> None:
    assert judge(NO_DEADLINE, [], at("2030-01-01")).status == Status.PENDING


def test_broken_evidence_makes_it_broken_and_the_latest_decisive_piece_wins() -> None:
    evidence = [piece(1, "fulfilled", "2025-11-20"), piece(2, "broken", "2025-12-01")]
    assert judge(TIMING, evidence, at("2025-11-25")).status == Status.FULFILLED
    assert judge(TIMING, evidence, at("2025-12-02")).status == Status.BROKEN


def test_a_hand_recorded_verdict_wins_over_later_automatic_matches() -> None:
    evidence = [piece(1, "fulfilled", "2025-11-20", human=True), piece(2, "broken", "2025-12-01")]
    result = judge(TIMING, evidence, at("2025-12-20"))
    assert result.status == Status.FULFILLED and result.evidence_id == 1
    assert "verdict #1" in result.reason


def test_rejected_evidence_never_counts() -> None:
    evidence = [piece(1, "fulfilled", "2025-11-20", rejected=True)]
    assert judge(TIMING, evidence, at("2025-11-25")).status == Status.PENDING


def test_evidence_published_after_the_instant_does_not_count() -> None:
    evidence = [piece(1, "fulfilled", "2025-11-20")]
    assert judge(TIMING, evidence, at("2025-11-19")).status == Status.PENDING


def test_an_automatic_match_older_than_the_pledge_is_no_evidence_of_it() -> None:
    assert (
        judge(TIMING, [piece(1, "fulfilled", "2025-09-10")], at("2025-11-01")).status
        == Status.PENDING
    )
    vouched = piece(2, "progress", "2025-09-10", human=True)
    assert judge(TIMING, [vouched], at("2025-11-01")).status == Status.IN_PROGRESS


def test_the_news_of_the_days_the_pledge_is_made_is_the_promise_not_the_act() -> None:
    """Made on 27 October (Seoul): pieces of the 27th and 28th wait for a person, however
    strong; from the 29th they count; a person may vouch for one at any time."""
    summit = piece(1, "fulfilled", "2025-10-28", score=1.0, outlet="a")
    echo = piece(2, "fulfilled", "2025-10-28", score=1.0, outlet="b")
    assert judge(TIMING, [summit, echo], at("2025-11-01")).status == Status.PENDING
    waiting = awaiting_review(TIMING, [summit, echo], at("2025-11-01"))
    assert [(view.id, why) for view, why in waiting] == [
        (1, "published as the pledge was made — the promise or the act?"),
        (2, "published as the pledge was made — the promise or the act?"),
    ]
    assert "news of the promise itself" in (
        not_counted_because(summit, TIMING, at("2025-11-01")) or ""
    )
    later = piece(3, "fulfilled", "2025-10-29", score=1.0, outlet="a")
    assert judge(TIMING, [later], at("2025-11-01")).status == Status.FULFILLED
    vouched = piece(4, "fulfilled", "2025-10-27", human=True)
    assert judge(TIMING, [vouched], at("2025-11-01")).status == Status.FULFILLED


def test_the_news_of_the_due_day_is_the_act_even_within_the_first_two_days() -> None:
    """Made on 27 October, due on the 28th ("the outline is adopted tomorrow"): the news of
    the 28th is the act, not the promise; that of the 27th still waits."""
    tomorrow = Timing.of(date(2025, 10, 27), date(2025, 10, 28), timedelta(days=7), SEOUL)
    same_day = piece(1, "fulfilled", "2025-10-27", score=1.0, outlet="a")
    due_day = piece(2, "fulfilled", "2025-10-28", score=1.0, outlet="b")
    assert judge(tomorrow, [same_day], at("2025-10-29")).status == Status.PENDING
    assert judge(tomorrow, [due_day], at("2025-10-29")).status == Status.FULFILLED
    assert "news of the promise itself" in (
        not_counted_because(same_day, tomorrow, at("2025-10-29")) or ""
    )


def test_the_timeline_replays_every_change_in_order() -> None:
    evidence = [piece(1, "progress", "2025-11-10"), piece(2, "fulfilled", "2026-01-05")]
    changes = timeline(TIMING, evidence, at("2026-02-01"))
    assert [(c.old, c.new) for c in changes] == [
        (None, Status.PENDING),
        (Status.PENDING, Status.IN_PROGRESS),
        (Status.IN_PROGRESS, Status.OVERDUE),
        (Status.OVERDUE, Status.FULFILLED_LATE),
    ]
    assert changes[0].reason == "pledge made; no evidence yet"
    assert changes[3].evidence_id == 2


def test_reconcile_takes_the_whole_timeline_for_an_empty_trail() -> None:
    changes = timeline(TIMING, [piece(1, "progress", "2025-11-10")], at("2025-11-20"))
    assert reconcile(None, None, changes, at("2025-11-20")) == changes


def test_reconcile_appends_only_what_is_new() -> None:
    evidence = [piece(1, "progress", "2025-11-10")]
    first = timeline(TIMING, evidence, at("2025-11-20"))
    later = timeline(TIMING, evidence, at("2025-12-20"))
    missing = reconcile(first[-1].new, first[-1].at, later, at("2025-12-20"))
    assert [(m.old, m.new) for m in missing] == [(Status.IN_PROGRESS, Status.OVERDUE)]
    assert reconcile(later[-1].new, later[-1].at, later, at("2025-12-20")) == []


def test_reconcile_records_a_correction_when_the_past_changed() -> None:
    # the trail says fulfilled; then that evidence is rejected
    evidence = [piece(1, "fulfilled", "2025-11-20", rejected=True)]
    now = at("2025-11-25")
    missing = reconcile(Status.FULFILLED, at("2025-11-20"), timeline(TIMING, evidence, now), now)
    assert [(m.old, m.new, m.at) for m in missing] == [(Status.FULFILLED, Status.PENDING, now)]
    assert missing[0].reason.startswith("re-evaluated:")


def test_reconcile_records_nothing_when_replaying_before_the_recorded_trail() -> None:
    changes = timeline(TIMING, [], at("2025-11-01"))
    assert reconcile(Status.OVERDUE, at("2025-12-08"), changes, at("2025-11-01")) == []


def test_the_standing_names_the_change_the_trail_records_not_a_later_repeat() -> None:
    # two reports of the same launch: one event; the first report made the pledge
    # fulfilled and the second corroborates it: judge, trail and views all name the first
    evidence = [piece(1, "fulfilled", "2025-11-20"), piece(2, "fulfilled", "2025-11-22")]
    now = at("2025-12-20")
    assert judge(TIMING, evidence, now).evidence_id == 1
    shown = standing(TIMING, evidence, now)
    last = timeline(TIMING, evidence, now)[-1]
    assert (shown.status, shown.since, shown.evidence_id) == (last.new, last.at, 1)
    assert shown.reason == last.reason == "fulfilled: evidence #1 “e1” (2025-11-20)"


def test_the_standing_of_a_pledge_without_evidence_is_pending_since_it_was_made() -> None:
    shown = standing(TIMING, [], at("2025-11-01"))
    assert (shown.status, shown.since, shown.reason) == (
        Status.PENDING,
        TIMING.made_at,
        "no evidence yet",
    )
