"""Report: the digest for a period → archive in reports/ → (with send) outbox → delivery."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jobs import deliver
from jobs.context import JobContext
from jobs.reporting import build_digest, read_snapshot
from monitor.deliver import DeliveryReport, OutboxEntry
from monitor.files import ensure_directory, write_atomically
from monitor.render import Rendered, environment, render_digest
from monitor.reportdata import Digest, Period
from monitor.store import outbox


@dataclass(frozen=True)
class ReportResult:
    digest: Digest
    rendered: Rendered
    archived: list[Path]
    notes: list[str] = field(default_factory=list)
    queued: list[str] = field(default_factory=list)
    delivery: DeliveryReport | None = None
    messages: list[OutboxEntry] = field(default_factory=list)  # this digest's, once sent


def run(ctx: JobContext, period: Period, *, send: bool) -> ReportResult:
    digest = build_digest(ctx, period, read_snapshot(ctx))
    rendered = render_digest(environment(), digest)
    already_sent = _was_sent(ctx, period)
    archived, notes = archive(
        ctx.settings.reports_dir / "digests", period.label, rendered, keep_existing=already_sent
    )
    if not send:
        return ReportResult(digest, rendered, archived, notes)
    s = ctx.settings
    to = deliver.recipients(s.digest_to, s.digest_notify)
    if not to:
        notes.append("no recipients: set PLEDGE_MONITOR_DIGEST_TO or PLEDGE_MONITOR_DIGEST_NOTIFY")
    queued = deliver.enqueue(ctx, "digest", f"digest:{period.label}", rendered, to)
    if to and not queued:
        notes.append(f"the digest for {period.label} was queued before; nothing queued again")
    delivery = deliver.run(ctx)
    with ctx.session() as session:
        rows = outbox.by_key_prefix(session, f"digest:{period.label}:")
    messages = [OutboxEntry.of(row, ctx.retry_policy.lease) for row in rows]
    return ReportResult(digest, rendered, archived, notes, queued, delivery, messages)


def _was_sent(ctx: JobContext, period: Period) -> bool:
    with ctx.session() as session:
        return any(
            m.status == "sent" for m in outbox.by_key_prefix(session, f"digest:{period.label}:")
        )


def archive(
    directory: Path, label: str, rendered: Rendered, *, keep_existing: bool
) -> tuple[list[Path], list[str]]:
    """Write digest-<label>.html and .md. A digest that was sent is never overwritten:
    a different new version goes beside it as digest-<label>.r2.html (r3, …)."""
    ensure_directory(directory)
    contents = {".html": rendered.html, ".md": rendered.markdown}
    base = directory / f"digest-{label}"
    current = [base.with_name(base.name + ext) for ext in contents]
    if all(
        p.exists() and p.read_text() == text
        for p, text in zip(current, contents.values(), strict=True)
    ):
        return current, []
    notes = []
    if keep_existing and current[0].exists():
        revision = 2
        while directory.joinpath(f"digest-{label}.r{revision}.html").exists():
            revision += 1
        notes.append(f"digest {label} was sent already; kept it and wrote revision r{revision}")
        base = directory / f"digest-{label}.r{revision}"
    paths = []
    for ext, text in contents.items():
        path = base.with_name(base.name + ext)
        write_atomically(path, text)
        paths.append(path)
    return paths, notes
