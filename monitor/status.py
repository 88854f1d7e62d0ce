"""Status engine: evidence + deadline + an instant → a status that explains itself. Pure.

The rules, in order (each judgement names the evidence or the deadline behind it):
1. Only evidence published by the instant counts; rejected evidence never counts, and an
   automatic match older than the pledge itself is no evidence of it.
2. Human-vouched decisive pieces (a verdict written in pledges.yaml, or evidence confirmed
   by a person) win over everything automatic: the latest of them decides, and a person's
   decision stays final until a person changes it.
3. Otherwise automatic pieces are grouped into events (``monitor.events``: the same
   happening told by several outlets). An event counts once it is *confirmed*: one piece of
   it is strong (score ≥ ``Policy.strong``) or enough independent outlets reported it
   (``Policy.outlets``, default two, for fulfilled and broken; one for progress). Weaker
   pieces wait in the review queue and change nothing. Between fulfilled and broken the
   later confirmed event decides only when it is at least as strong as the earlier one.
   Fulfilment is dated by the event (the day the text says it happened, else its first
   report), so restatements corroborate it and never postpone it: an event that happened
   after the deadline is ``fulfilled_late``.
4. Otherwise, once the deadline plus grace has passed, the pledge is ``overdue``.
5. Otherwise any confirmed progress makes it ``in_progress``; with none it is ``pending``.

``timeline`` replays these rules over every instant at which the answer can change,
``standing`` is the last change of that timeline (what views show), and ``reconcile`` turns
the timeline into the events still missing from the stored trail.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from monitor.events import Event, Piece, group


class Status(StrEnum):
    PENDING = "pending"
    IN_PROGRESS = "in_progress"
    FULFILLED = "fulfilled"
    FULFILLED_LATE = "fulfilled_late"
    OVERDUE = "overdue"
    BROKEN = "broken"


DECISIVE = ("fulfilled", "broken")


@dataclass(frozen=True)
class Policy:
    """When automatic evidence may change a status on its own (the rest waits for a person)."""

    outlets: int = 2  # independent outlets that confirm a fulfilled or broken event
    progress_outlets: int = 1
    strong: float = 0.8  # one piece this sure is enough
    # The news of the first days after a pledge is made is news of the promise itself
    # ("Trump and Xi agree to cut tariffs"), however much it sounds like the act: such
    # pieces wait for a person instead of moving the status.
    promise_news_days: int = 2

    def needed(self, stance: str) -> int:
        return self.outlets if stance in DECISIVE else self.progress_outlets


@dataclass(frozen=True)
class Timing:
    """How a pledge is judged in time: made, deadline (end of the due day), overdue after
    grace, and the confirmation policy its evidence must meet."""

    made_at: datetime
    deadline: datetime | None
    overdue_at: datetime | None
    policy: Policy = field(default_factory=Policy)

    @classmethod
    def of(
        cls,
        made_on: date,
        due: date | None,
        grace: timedelta,
        zone: ZoneInfo,
        policy: Policy | None = None,
    ) -> Timing:
        made_at = datetime.combine(made_on, time.min, zone)
        rules = policy or Policy()
        if due is None:
            return cls(made_at, None, None, rules)
        # "due 30 November" means by the end of that day where the pledge was made
        deadline = datetime.combine(due + timedelta(days=1), time.min, zone)
        return cls(made_at, deadline, deadline + grace, rules)


@dataclass(frozen=True)
class EvidenceView:
    """What the engine needs to know of one piece of evidence (no ORM in here)."""

    id: int
    stance: str
    published_at: datetime
    human: bool = False
    rejected: bool = False
    title: str = ""
    score: float = 1.0
    outlet: str | None = None
    happened_at: datetime | None = None  # the day the text says the event happened
    text: str = ""  # what near-duplicates are told by (headline and sentence)


@dataclass(frozen=True)
class Judgement:
    status: Status
    since: datetime
    reason: str
    evidence_id: int | None = None


@dataclass(frozen=True)
class Transition:
    old: Status | None
    new: Status
    at: datetime
    reason: str
    evidence_id: int | None


def judge(timing: Timing, evidence: Sequence[EvidenceView], at: datetime) -> Judgement:
    """The status at instant ``at``, with the reason and the evidence behind it."""
    counted = [e for e in evidence if counts(e, timing, at)]
    vouched = [e for e in counted if e.human and e.stance in DECISIVE]
    if vouched:
        piece = max(vouched, key=lambda e: (e.published_at, e.id))
        return _decided_by(piece, timing)
    events = confirmed_events(timing, counted)
    decisive = [event for event in events if event.stance in DECISIVE]
    if decisive:
        return _decided_by_event(_deciding(decisive), timing)
    if timing.overdue_at is not None and at >= timing.overdue_at:
        assert timing.deadline is not None
        return Judgement(
            Status.OVERDUE,
            timing.overdue_at,
            f"deadline {_day(timing.deadline)} passed"
            f"{_grace_text(timing)} with no evidence of fulfilment",
        )
    firsts = {event.first.id for event in events if event.stance == "progress"}
    progress = [e for e in counted if e.id in firsts or (e.human and e.stance == "progress")]
    if progress:
        first = min(progress, key=lambda e: (e.published_at, e.id))
        return Judgement(
            Status.IN_PROGRESS, first.published_at, f"progress: {_describe(first)}", first.id
        )
    return Judgement(Status.PENDING, timing.made_at, "no evidence yet")


def confirmed_events(timing: Timing, counted: Sequence[EvidenceView]) -> list[Event]:
    """The events of automatic evidence that may change a status on their own."""
    return [event for event in events_of(counted) if _confirmed(event, timing.policy)]


def standing_evidence(timing: Timing, evidence: Sequence[EvidenceView], at: datetime) -> set[int]:
    """The pieces that count toward the status at ``at``: vouched by a person, or part of a
    confirmed event (the rest waits for review)."""
    counted = [e for e in evidence if counts(e, timing, at)]
    confirmed = {piece.id for event in confirmed_events(timing, counted) for piece in event.pieces}
    return confirmed | {e.id for e in counted if e.human}


def events_of(evidence: Sequence[EvidenceView]) -> list[Event]:
    return group([_piece(e) for e in evidence if not e.human])


def _piece(view: EvidenceView) -> Piece:
    return Piece(
        id=view.id,
        stance=view.stance,
        published_at=view.published_at,
        happened_at=view.happened_at,
        outlet=view.outlet,
        text=view.text or view.title,
        score=view.score,
        title=view.title,
    )


def _confirmed(event: Event, policy: Policy) -> bool:
    return event.score >= policy.strong or len(event.outlets) >= policy.needed(event.stance)


def _deciding(events: Sequence[Event]) -> Event:
    """The first confirmed decisive event stands until a later one of the other stance that
    is at least as strong (as many outlets, as high a score)."""
    standing_event = events[0]
    for event in events[1:]:
        if event.stance != standing_event.stance and _strength(event) >= _strength(standing_event):
            standing_event = event
    return standing_event


def _strength(event: Event) -> tuple[int, float]:
    return (len(event.outlets), round(event.score, 2))


def awaiting_review(
    timing: Timing, evidence: Sequence[EvidenceView], at: datetime
) -> list[tuple[EvidenceView, str]]:
    """Automatic pieces a person should look at, each with why: evidence that cannot change
    the status on its own yet, and strong evidence older than the pledge's ``made_on``."""
    waiting: list[tuple[EvidenceView, str]] = []
    unreviewed = [e for e in evidence if not e.human and not e.rejected and e.published_at <= at]
    counted = [e for e in unreviewed if counts(e, timing, at)]
    by_id = {e.id: e for e in unreviewed}
    for event in events_of(counted):
        if _confirmed(event, timing.policy):
            continue
        need = timing.policy.needed(event.stance)
        for piece in event.pieces:
            waiting.append(
                (
                    by_id[piece.id],
                    f"{len(event.outlets)} of {need} outlets, score {event.score:.2f} "
                    f"(alone needs {timing.policy.strong:.2f})",
                )
            )
    for view in unreviewed:
        if view.published_at < timing.made_at and view.score >= timing.policy.strong:
            waiting.append((view, "predates the pledge — check made_on"))
        elif timing.made_at <= view.published_at < _promise_news_until(timing):
            waiting.append((view, "published as the pledge was made — the promise or the act?"))
    return sorted(waiting, key=lambda pair: (pair[0].published_at, pair[0].id))


def counts(piece: EvidenceView, timing: Timing, at: datetime) -> bool:
    """Rule 1: does this piece count as evidence of the pledge at instant ``at``?"""
    return not_counted_because(piece, timing, at) is None


def not_counted_because(piece: EvidenceView, timing: Timing, at: datetime) -> str | None:
    """Why rule 1 leaves this piece out at instant ``at``; None when it counts."""
    if piece.rejected:
        return "rejected by a person"
    if piece.published_at > at:
        return "published after the moment judged"
    if piece.human:
        return None
    published = piece.published_at.astimezone(timing.made_at.tzinfo)  # the file's zone
    if piece.published_at < timing.made_at:
        return (
            f"older than the pledge: published {published:%Y-%m-%d}, "
            f"before it was made on {timing.made_at:%Y-%m-%d}"
        )
    if piece.published_at < _promise_news_until(timing):
        return (
            f"news of the promise itself: published {published:%Y-%m-%d}, within "
            f"{timing.policy.promise_news_days} days of the pledge made on "
            f"{timing.made_at:%Y-%m-%d}"
        )
    return None


def _promise_news_until(timing: Timing) -> datetime:
    """The end of the days whose news is taken as news of the promise itself; never past
    the start of the due day: a pledge made on the 18th and due on the 19th ("the outline
    adopted tomorrow") is kept by the news of the 19th."""
    until = timing.made_at + timedelta(days=timing.policy.promise_news_days)
    if timing.deadline is not None:
        until = min(until, timing.deadline - timedelta(days=1))
    return max(until, timing.made_at)


def _decided_by(piece: EvidenceView, timing: Timing) -> Judgement:
    if piece.stance == "broken":
        return Judgement(Status.BROKEN, piece.published_at, f"broken: {_describe(piece)}", piece.id)
    late = timing.deadline is not None and piece.published_at >= timing.deadline
    if late:
        assert timing.deadline is not None
        days = (piece.published_at - timing.deadline).days + 1
        return Judgement(
            Status.FULFILLED_LATE,
            piece.published_at,
            f"fulfilled {days} day{'s' if days != 1 else ''} after the deadline "
            f"{_day(timing.deadline)}: {_describe(piece)}",
            piece.id,
        )
    return Judgement(
        Status.FULFILLED, piece.published_at, f"fulfilled: {_describe(piece)}", piece.id
    )


def _decided_by_event(event: Event, timing: Timing) -> Judgement:
    first = event.first
    described = _describe_event(event, timing)
    happened = event.happened_at
    if event.stance == "broken":
        return Judgement(Status.BROKEN, first.published_at, f"broken: {described}", first.id)
    if timing.deadline is not None and happened >= timing.deadline:
        days = (happened - timing.deadline).days + 1
        return Judgement(
            Status.FULFILLED_LATE,
            first.published_at,
            f"fulfilled {days} day{'s' if days != 1 else ''} after the deadline "
            f"{_day(timing.deadline)}: {described}",
            first.id,
        )
    return Judgement(Status.FULFILLED, first.published_at, f"fulfilled: {described}", first.id)


def _describe_event(event: Event, timing: Timing) -> str:
    """evidence #12 “…” (2025-12-24; happened 2025-12-23; 3 outlets)"""
    first = event.first
    zone = timing.made_at.tzinfo
    notes = [f"{first.published_at.astimezone(zone):%Y-%m-%d}"]
    happened = event.happened_at.astimezone(zone).date()
    if happened != first.published_at.astimezone(zone).date():
        notes.append(f"happened {happened}")
    if len(event.outlets) > 1:
        notes.append(f"{len(event.outlets)} outlets")
    title = f" “{first.title}”" if first.title else ""
    return f"evidence #{first.id}{title} ({'; '.join(notes)})"


def _describe(piece: EvidenceView) -> str:
    who = "verdict" if piece.human else "evidence"
    title = f" “{piece.title}”" if piece.title else ""
    return f"{who} #{piece.id}{title} ({piece.published_at:%Y-%m-%d})"


def _day(deadline: datetime) -> str:
    """The due date as written in the file (the deadline instant is the next midnight)."""
    return f"{(deadline - timedelta(days=1)):%Y-%m-%d}"


def _grace_text(timing: Timing) -> str:
    assert timing.deadline is not None and timing.overdue_at is not None
    grace = timing.overdue_at - timing.deadline
    if not grace:
        return ""
    days, hours = grace.days, grace.seconds // 3600
    return f" (+{days}d grace)" if not hours else f" (+{days * 24 + hours}h grace)"


def timeline(timing: Timing, evidence: Sequence[EvidenceView], until: datetime) -> list[Transition]:
    """Every status change from the day the pledge was made up to ``until``, in order."""
    turns = _turns(timing, evidence, until)
    return [
        Transition(
            before.status if before else None,
            turn.status,
            turn.since,
            turn.reason if before else f"pledge made; {turn.reason}",
            turn.evidence_id,
        )
        for before, turn in zip([None, *turns], turns, strict=False)
    ]


def standing(timing: Timing, evidence: Sequence[EvidenceView], at: datetime) -> Judgement:
    """The status at ``at`` told as the trail tells it: since the change that brought it,
    named by the piece that made that change.

    ``judge`` alone names the latest decisive piece, so a second report of a launch would
    move "fulfilled since" to the later report while the recorded trail (``timeline``) keeps
    the first. Views show this, so that ``status`` and ``history`` name the same change."""
    turns = _turns(timing, evidence, at)
    return turns[-1] if turns else judge(timing, evidence, at)


def _turns(timing: Timing, evidence: Sequence[EvidenceView], until: datetime) -> list[Judgement]:
    """The judgement at each instant the status changed, dated by that instant. Between
    two instants (made, a piece published, overdue) nothing can change the answer."""
    instants = {timing.made_at}
    instants.update(e.published_at for e in evidence if not e.rejected)
    if timing.overdue_at is not None:
        instants.add(timing.overdue_at)
    turns: list[Judgement] = []
    for instant in sorted(i for i in instants if timing.made_at <= i <= until):
        verdict = judge(timing, evidence, instant)
        if not turns or verdict.status != turns[-1].status:
            turns.append(replace(verdict, since=instant))
    return turns


def reconcile(
    head: Status | None, head_at: datetime | None, changes: list[Transition], now: datetime
) -> list[Transition]:
    """The transitions to append to a stored trail whose last entry is ``head`` at ``head_at``.

    1. An empty trail takes the whole timeline (a new install replays the feed archive).
    2. A trail recorded beyond ``now`` (an ``--as-of`` replay of the past) takes nothing.
    3. Otherwise the timeline's changes after ``head_at`` are appended; if what is now known
       says the pledge stands elsewhere (evidence rejected, an old article found late, rules
       edited) a correction is recorded at ``now``.
    """
    if head is None or head_at is None:
        return list(changes)
    if now < head_at:
        return []
    missing: list[Transition] = []
    current = head
    for change in changes:
        if change.at > head_at and change.new != current:
            missing.append(replace(change, old=current))
            current = change.new
    if changes and changes[-1].new != current:
        final = changes[-1]
        missing.append(
            Transition(current, final.new, now, f"re-evaluated: {final.reason}", final.evidence_id)
        )
    return missing
