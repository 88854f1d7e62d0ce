"""Terminal views of results: the CLI's tables and summaries, as plain strings.

Kept apart from the CLI so that tests (and later the reports) can use the same wording.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from rich.console import Console
from rich.table import Table

from monitor.reportdata import describe_reading
from monitor.status import Status

if TYPE_CHECKING:  # views only read the jobs' result types
    from jobs.check import CheckResult
    from jobs.evaluate import StatusChange
    from jobs.overview import EvidenceSummary, HistoryEntry, PledgeOverview
    from monitor.deliver import DeliveryReport, OutboxEntry

STATUS_STYLE = {
    Status.PENDING: "white",
    Status.IN_PROGRESS: "cyan",
    Status.FULFILLED: "green",
    Status.FULFILLED_LATE: "yellow",
    Status.OVERDUE: "red",
    Status.BROKEN: "bold red",
}


def local(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def status_table(
    rows: Sequence[PledgeOverview], now: datetime, zone: ZoneInfo, width: int | None = None
) -> str:
    table = Table(title=f"Pledges as of {local(now, zone)} ({zone.key})", title_justify="left")
    # four columns (days left sit under the due date), each free to wrap, titles at words:
    # the table fits whatever width it is given, an 80-column terminal included
    for column in ("pledge", "status", "due", "latest evidence"):
        table.add_column(column, overflow="fold")
    for row in rows:
        status = row.judgement.status
        latest = row.latest
        latest_text = (
            f"{latest.published_at.astimezone(zone):%Y-%m-%d} {latest.stance}: {latest.title}"
            if latest
            else "—"
        )
        days = _days_text(row.days_left, status)
        table.add_row(
            row.pledge.id,
            f"[{STATUS_STYLE[status]}]{status.value}[/]",
            (row.pledge.due.isoformat() if row.pledge.due else "—") + (f"\n{days}" if days else ""),
            latest_text,
        )
    why = "\n".join(f"  {row.pledge.id}: {row.judgement.reason}" for row in rows)
    return _render(table, width) + f"Why:\n{why}\n"


def _days_text(days_left: int | None, status: Status) -> str:
    if days_left is None or status in (Status.FULFILLED, Status.FULFILLED_LATE, Status.BROKEN):
        return ""
    if days_left >= 0:
        return f"{days_left} left"
    if status is Status.OVERDUE:
        return f"{-days_left} overdue"
    return f"{-days_left} past due (grace)"


def check_summary(result: CheckResult, zone: ZoneInfo) -> str:
    lines = []
    for feed in result.poll.feeds:
        if feed.outcome == "ok":
            note = f" (warning: {feed.message})" if feed.message else ""
            lines.append(
                f"feed {feed.feed_id}: {feed.entries} entries, {feed.new_articles} new{note}"
            )
        elif feed.outcome == "not_modified":
            lines.append(f"feed {feed.feed_id}: not modified")
        else:
            lines.append(f"feed {feed.feed_id}: FAILED {feed.message}")
    found = result.evaluate.new_evidence
    lines.append(f"new evidence: {len(found)}")
    lines += [f"  #{e.evidence_id} {e.pledge_id} {e.stance}: {e.title}" for e in found]
    changes = result.evaluate.changes
    lines.append(f"status changes: {len(changes)}")
    lines += ["  " + change_line(c, zone) for c in changes]
    return "\n".join(lines) + "\n"


def delivery_line(report: DeliveryReport) -> str:
    parts = [f"sent {len(report.sent)}"]
    if report.retrying:
        parts.append(f"retrying {len(report.retrying)} (will try again)")
    if report.failed:
        parts.append(f"failed {len(report.failed)}")
    if report.held:
        parts.append(f"held {len(report.held)} (no channel)")
    return "delivery: " + ", ".join(parts)


def recipient_text(entry: OutboxEntry, names: Mapping[str, str]) -> str:
    """The channel and recipient; a notification URL only by its safe name (scheme, hash)."""
    return f"{entry.channel} {names.get(entry.recipient, entry.recipient)}"


def undelivered_text(
    entries: Sequence[OutboxEntry], zone: ZoneInfo, names: Mapping[str, str], max_attempts: int
) -> str:
    """What a command could not deliver: a count per state with the next attempt, then one
    line per message with its reason and what to do about it."""
    counts: dict[str, int] = {}
    for entry in entries:
        counts[entry.state] = counts.get(entry.state, 0) + 1
    summary = ", ".join(f"{n} {state}" for state, n in counts.items())
    upcoming = [e.next_attempt_at for e in entries if e.state == "retrying" and e.next_attempt_at]
    if upcoming:
        summary += f"; next attempt {local(min(upcoming), zone)} ({zone.key})"
    lines = [f"not delivered: {summary}"]
    for e in entries:
        reason = f" — {e.last_error}" if e.last_error else ""
        lines.append(
            f"  #{e.id} {e.state}: {e.what} to {recipient_text(e, names)}{reason}"
            f" ({_what_next(e, zone, max_attempts)})"
        )
    return "\n".join(lines) + "\n"


def _what_next(entry: OutboxEntry, zone: ZoneInfo, max_attempts: int) -> str:
    when = local(entry.next_attempt_at, zone) if entry.next_attempt_at else "?"
    match entry.state:
        case "failed":
            return f"fix the cause, then: pledge-monitor outbox retry {entry.id}"
        case "retrying":
            return (
                f"attempt {entry.attempts} of {max_attempts}, next at {when}; "
                f"now: pledge-monitor outbox retry {entry.id}"
            )
        case "held":
            return f"configure its channel, or: pledge-monitor outbox cancel {entry.id}"
        case "sending":
            return f"being sent; taken over at {when} if its sender died"
        case _:
            return f"due at {when}"


def outbox_text(
    entries: Sequence[OutboxEntry], zone: ZoneInfo, names: Mapping[str, str], max_attempts: int
) -> str:
    if not entries:
        return "no messages\n"
    lines = [f"Outbox (times in {zone.key}):"]
    for e in entries:
        when = ""
        if e.sent_at is not None:
            when = f"  sent {local(e.sent_at, zone)}"
        elif e.next_attempt_at is not None:
            when = f"  next {local(e.next_attempt_at, zone)}"
        lines.append(
            f"#{e.id}  {e.state:<9} {e.what}  {recipient_text(e, names)}"
            f"  attempts {e.attempts}/{max_attempts}{when}"
        )
        if e.last_error:
            lines.append(f"    {e.last_error}")
    return "\n".join(lines) + "\n"


def outbox_json(entry: OutboxEntry, names: Mapping[str, str]) -> dict[str, Any]:
    def iso(moment: datetime | None) -> str | None:
        return moment.isoformat() if moment else None

    return {
        "id": entry.id,
        "key": entry.key,
        "kind": entry.kind,
        "channel": entry.channel,
        "recipient": entry.recipient,
        "recipient_name": names.get(entry.recipient, entry.recipient),
        "state": entry.state,
        "attempts": entry.attempts,
        "last_error": entry.last_error,
        "next_attempt_at": iso(entry.next_attempt_at),
        "created_at": iso(entry.created_at),
        "sent_at": iso(entry.sent_at),
    }


def change_line(change: StatusChange, zone: ZoneInfo) -> str:
    old = change.old.value if change.old else "—"
    return (
        f"{change.pledge_id}: {old} → {change.new.value} "
        f"at {local(change.at, zone)} — {change.reason}"
    )


def history_text(pledge_id: str, entries: Sequence[HistoryEntry], zone: ZoneInfo) -> str:
    if not entries:
        return f"{pledge_id}: no recorded history yet (run `pledge-monitor check`)\n"
    lines = [f"History of {pledge_id} (times in {zone.key}):"]
    for entry in entries:
        if entry.kind == "review":
            lines.append(f"  {local(entry.at, zone)}  review: {entry.reason}")
            continue
        lines.append(
            f"  {local(entry.at, zone)}  {entry.old_status or '—'} → {entry.new_status}"
            f"  {entry.reason}  [recorded {local(entry.recorded_at, zone)}]"
        )
    return "\n".join(lines) + "\n"


def event_json(entry: HistoryEntry) -> dict[str, Any]:
    """A history entry for scripts; a review has ``kind: review``, its decision and note."""
    shown: dict[str, Any] = {
        "id": entry.id,
        "pledge_id": entry.pledge_id,
        "kind": entry.kind,
        "old_status": entry.old_status,
        "new_status": entry.new_status,
        "effective_at": entry.at.isoformat(),
        "recorded_at": entry.recorded_at.isoformat(),
        "evidence_id": entry.evidence_id,
        "reason": entry.reason,
    }
    if entry.kind == "review":
        shown.update(decision=entry.decision, note=entry.note)
    return shown


def evidence_text(found: Sequence[EvidenceSummary], zone: ZoneInfo) -> str:
    if not found:
        return "no evidence\n"
    lines = []
    for e in found:
        review = f" [{e.review}]" if e.review else ""
        origin = " (verdict)" if e.origin == "manual" else ""
        lines.append(
            f"#{e.id} {e.pledge_id} {e.published_at.astimezone(zone):%Y-%m-%d} {e.stance}"
            f"{origin}{review}  {e.title}"
        )
        if e.not_counted:
            lines.append(f"    does not count: {e.not_counted}")
        read = _how_read(e, zone)
        if read:
            lines.append(f"    {read}")
        if e.url:
            lines.append(f"    {e.url}")
        if e.snippet:
            lines.append(f"    “{e.snippet}”")
        if e.terms:
            lines.append(f"    matched: {', '.join(e.terms)}")
        for r in e.reviews:
            note = f": {r.note}" if r.note else ""
            lines.append(f"    {r.decision} {local(r.at, zone)}{note}")
    return "\n".join(lines) + "\n"


def _how_read(e: EvidenceSummary, zone: ZoneInfo) -> str:
    if e.origin == "manual" or not e.parts:
        return ""
    return describe_reading(e.score, e.parts, e.cue, e.happened_at, e.outlet, zone)


def _render(table: Table, width: int | None) -> str:
    buffer = io.StringIO()
    # no width: rich takes the terminal's (or COLUMNS), and 80 when there is none
    console = Console(file=buffer, width=width, force_terminal=False, color_system=None)
    console.print(table)
    return buffer.getvalue()
