"""Alerts: one short message per event — evidence found, status changed, a deadline near
or passed — queued once per recipient and delivered.

Each alert has a key (``alert:status:<event id>``, ``alert:deadline:<pledge>:<due>:7d``…),
so it is queued once whatever the number of runs. Events older than ALERT_MAX_AGE_DAYS are
history, not news: a new install that replays a feed archive does not flood its readers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from jobs import deliver
from jobs.context import JobContext
from jobs.reporting import Snapshot, change_line, evidence_line, pledge_line, read_snapshot
from monitor.deliver import DeliveryReport
from monitor.pledgefile import Pledge
from monitor.render import environment, render_alert
from monitor.reportdata import STATUS_LABELS, Alert, PledgeLine
from monitor.status import Status
from monitor.store import evidence as evidence_repo

SETTLED = {Status.FULFILLED.value, Status.FULFILLED_LATE.value, Status.BROKEN.value}


@dataclass(frozen=True)
class AlertResult:
    alerts: list[Alert]
    queued: list[str] = field(default_factory=list)
    delivery: DeliveryReport | None = None


def run(ctx: JobContext) -> AlertResult:
    s = ctx.settings
    to = deliver.recipients(s.alert_to, s.alert_notify)
    if not to:
        return AlertResult([])
    alerts = collect(ctx, read_snapshot(ctx))
    env = environment()
    queued = []
    for alert in alerts:
        queued += deliver.enqueue(ctx, "alert", alert.key, render_alert(env, alert), to)
    return AlertResult(alerts, queued, deliver.run(ctx) if queued else None)


@dataclass(frozen=True)
class _Scope:
    """What every kind of alert is judged against in one run."""

    snap: Snapshot
    pledges: dict[str, Pledge]
    lines: dict[str, PledgeLine]
    oldest: datetime
    now: datetime


def collect(ctx: JobContext, snap: Snapshot) -> list[Alert]:
    now = ctx.now()
    pledges = {p.id: p for p in ctx.config.pledges if ctx.timing(p.id).made_at <= now}
    scope = _Scope(
        snap=snap,
        pledges=pledges,
        lines={pid: pledge_line(ctx, p, snap, now) for pid, p in pledges.items()},
        oldest=now - timedelta(days=ctx.settings.alert_max_age_days),
        now=now,
    )
    alerts = _evidence_alerts(ctx, scope) + _status_alerts(ctx, scope)
    for pid, pledge in pledges.items():
        alerts += _deadline_alerts(ctx, pledge, scope.lines[pid], scope.oldest, now)
    return sorted(alerts, key=lambda a: a.at)


def _evidence_alerts(ctx: JobContext, scope: _Scope) -> list[Alert]:
    alerts = []
    for pid, rows in scope.snap.evidence.items():
        if pid not in scope.pledges:
            continue
        pledge = scope.pledges[pid]
        for row in evidence_repo.counted(rows, ctx.timing(pid), scope.now):
            if row.published_at < scope.oldest:
                continue
            line = evidence_line(ctx, row, pledge, scope.snap)
            alerts.append(
                Alert(
                    key=f"alert:evidence:{row.id}",
                    kind="evidence",
                    pledge=scope.lines[pid],
                    headline=f"New {row.stance} evidence: {pledge.title}",
                    detail=f"{line.outlet or 'A feed'} reported evidence of {row.stance}.",
                    at=line.published,
                    evidence=line,
                    public_url=ctx.settings.public_url,
                )
            )
    return alerts


def _status_alerts(ctx: JobContext, scope: _Scope) -> list[Alert]:
    alerts = []
    for event in scope.snap.events:
        pledge = scope.pledges.get(event.pledge_id)
        if pledge is None or event.old_status is None:
            continue
        if scope.oldest <= event.effective_at <= scope.now:
            change = change_line(ctx, event, pledge, scope.snap)
            old, new = STATUS_LABELS[event.old_status], STATUS_LABELS[event.new_status]
            alerts.append(
                Alert(
                    key=f"alert:status:{event.id}",
                    kind="status",
                    pledge=scope.lines[event.pledge_id],
                    headline=f"{pledge.title}: {old} → {new}",
                    detail=event.reason,
                    at=change.at,
                    evidence=change.evidence,
                    public_url=ctx.settings.public_url,
                )
            )
    return alerts


def _deadline_alerts(
    ctx: JobContext, pledge: Pledge, line: PledgeLine, oldest: datetime, now: datetime
) -> list[Alert]:
    deadline = ctx.timing(pledge.id).deadline
    if deadline is None or line.status in SETTLED:
        return []
    zone = ctx.display_zone
    if deadline <= now:
        if deadline < oldest:
            return []
        return [
            Alert(
                key=f"alert:deadline-passed:{pledge.id}:{pledge.due}",
                kind="deadline_passed",
                pledge=line,
                headline=f"Deadline passed: {pledge.title}",
                detail=f"The deadline {pledge.due} has passed with no evidence of fulfilment "
                f"(status: {line.status_label}).",
                at=deadline.astimezone(zone),
                public_url=ctx.settings.public_url,
            )
        ]
    # only the nearest warning that is due, so a long pause never sends 7d and 1d at once
    due_warnings = [
        n for n in ctx.settings.alert_deadline_days if deadline - timedelta(days=n) <= now
    ]
    if not due_warnings:
        return []
    days = min(due_warnings)
    moment = deadline - timedelta(days=days)
    if moment < oldest:
        return []
    return [
        Alert(
            key=f"alert:deadline:{pledge.id}:{pledge.due}:{days}d",
            kind="deadline_approaching",
            pledge=line,
            headline=f"Deadline in {days} day{'s' if days != 1 else ''}: {pledge.title}",
            detail=f"Due {pledge.due}; status: {line.status_label}.",
            at=moment.astimezone(zone),
            public_url=ctx.settings.public_url,
        )
    ]
