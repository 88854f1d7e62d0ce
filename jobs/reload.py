"""Reload: notice an edit of pledges.yaml and take it, or reject it and keep the last good one.

The daemon never stops for a bad edit: the error is logged exactly as ``validate`` prints
it, recorded, and sent as an alert once per rejected version; the last good configuration
stays in force until a good edit arrives.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from jobs import deliver
from jobs.context import JobContext
from monitor.errors import ConfigError
from monitor.pledgefile import Config, load_config
from monitor.render import Rendered
from monitor.store import daemon as daemon_store


@dataclass(frozen=True)
class ReloadOutcome:
    accepted: bool
    digest: str
    message: str


class LiveConfig:
    """The configuration in force, and the file it came from."""

    def __init__(self, path: Path, config: Config) -> None:
        self.path = path
        self.current = config
        self._stamp = _stamp(path)

    def check(self) -> ReloadOutcome | None:
        """Load the file again if it changed on disk; None when there is nothing new."""
        stamp = _stamp(self.path)
        if stamp == self._stamp:
            return None
        self._stamp = stamp
        try:
            fresh = load_config(self.path)
        except ConfigError as error:
            return ReloadOutcome(False, _digest(self.path), str(error))
        if fresh.digest == self.current.digest:
            return None
        self.current = fresh
        return ReloadOutcome(
            True, fresh.digest, f"loaded {len(fresh.feeds)} feeds, {len(fresh.pledges)} pledges"
        )


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "unreadable"


def record(ctx: JobContext, outcome: ReloadOutcome) -> list[str]:
    """Record the version; for a rejected one, alert the alert recipients (once per version)."""
    with ctx.session() as session:
        new = daemon_store.record_config(
            session, ctx.now(), outcome.digest, outcome.accepted, outcome.message
        )
    s = ctx.settings
    if outcome.accepted or not new:
        return []
    to = deliver.recipients(s.alert_to, s.alert_notify)
    text = (
        f"pledge-monitor rejected an edit of {ctx.config.path} and keeps the last good "
        f"version in force.\n\n{outcome.message}\n"
    )
    rendered = Rendered(
        subject=f"[pledge-monitor] Edit of {ctx.config.path.name} rejected", text=text, html=""
    )
    return deliver.enqueue(ctx, "alert", f"alert:config:{outcome.digest[:16]}", rendered, to)
