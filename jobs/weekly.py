"""Weekly: the digest of the week that just ended, sent once; and catch-up after downtime."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from jobs import report
from jobs.context import JobContext
from monitor.reportdata import Period
from monitor.store import outbox

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def last_slot(now: datetime, zone: ZoneInfo, day: str, at: str) -> datetime:
    """The most recent scheduled digest moment at or before ``now`` (e.g. Monday 08:00)."""
    local = now.astimezone(zone)
    hour, minute = (int(part) for part in at.split(":"))
    back = (local.weekday() - WEEKDAYS.index(day)) % 7
    slot = datetime.combine(local.date() - timedelta(days=back), time(hour, minute), zone)
    return slot if slot <= now else slot - timedelta(days=7)


def period_for(slot: datetime, zone: ZoneInfo) -> Period:
    """A digest sent at ``slot`` covers the ISO week before it."""
    return Period.week_of(slot - timedelta(days=7), zone)


def run(ctx: JobContext, slot: datetime) -> report.ReportResult:
    return report.run(ctx, period_for(slot, ctx.display_zone), send=True)


def catch_up(ctx: JobContext, first_started_at: datetime) -> report.ReportResult | None:
    """Send the last scheduled digest if the daemon existed then and it was never queued.

    A fresh install has nothing to catch up; a restart after the digest went out sends
    nothing again; a restart after downtime over Monday morning sends it once, now."""
    s = ctx.settings
    slot = last_slot(ctx.now(), ctx.display_zone, s.digest_day, s.digest_at)
    if first_started_at >= slot:
        return None
    label = period_for(slot, ctx.display_zone).label
    with ctx.session() as session:
        if outbox.by_key_prefix(session, f"digest:{label}:"):
            return None
    return run(ctx, slot)
