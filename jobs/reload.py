"""Reload: notice an edit of pledges.yaml and take it, or reject it and keep the last good one.

The daemon never stops for a bad edit: the error is logged exactly as ``validate`` prints
it, recorded, and sent as an alert once per rejected version; the last good configuration
stays in force until a good edit arrives. That holds for a failure the loader does not
name, too (a bug): it is recorded and alerted as a rejection, and looked at again on every
watch, since trying again may well succeed. A look counts as done only once its outcome is
recorded, so an edit is never lost to a failure of the database in between.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jobs import deliver
from jobs.context import JobContext
from monitor.errors import ConfigError
from monitor.pledgefile import Config, load_config
from monitor.pledgefile.reader import file_digest
from monitor.render import Rendered
from monitor.store import daemon as daemon_store

# What tells one version of the file from another without reading it; the change time and
# inode make a chmod or a replaced file count as an edit too
Stamp = tuple[int, int, int, int]


@dataclass(frozen=True)
class ReloadOutcome:
    accepted: bool
    digest: str
    message: str
    stamp: Stamp | None = None
    config: Config | None = None  # the version to put in force, when accepted
    unexpected: Exception | None = None  # set when loading failed in a way it does not name


@dataclass(frozen=True)
class Recorded:
    new: bool  # False when this version was recorded before
    queued: list[str]


class LiveConfig:
    """The configuration in force, and the file it came from."""

    def __init__(self, path: Path, config: Config) -> None:
        self.path = path
        self.current = config
        self._stamp = _stamp(path)

    def check(self) -> ReloadOutcome | None:
        """Load the file again if it changed since the last settled look; None when there is
        nothing new. Nothing is put in force until ``settle``."""
        stamp = _stamp(self.path)
        if stamp == self._stamp:
            return None
        try:
            fresh = load_config(self.path)
        except ConfigError as error:
            return ReloadOutcome(False, file_digest(self.path), str(error), stamp)
        except Exception as exc:  # a bug in loading must not make an edit vanish unseen
            message = (
                f"{self.path}: could not be loaded ({type(exc).__name__}: {exc}); this is a "
                "bug in pledge-monitor, please report it"
            )
            return ReloadOutcome(False, file_digest(self.path), message, stamp, unexpected=exc)
        if fresh.digest == self.current.digest:
            self._stamp = stamp
            return None
        message = f"loaded {len(fresh.feeds)} feeds, {len(fresh.pledges)} pledges"
        return ReloadOutcome(True, fresh.digest, message, stamp, config=fresh)

    def settle(self, outcome: ReloadOutcome) -> None:
        """The outcome is recorded: put an accepted version in force, and look again only
        after the next edit (or, after an unexpected failure, at the next watch)."""
        if outcome.config is not None:
            self.current = outcome.config
        if outcome.unexpected is None:
            self._stamp = outcome.stamp


def _stamp(path: Path) -> Stamp | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size


def record(ctx: JobContext, outcome: ReloadOutcome) -> Recorded:
    """Record the version; for a rejected one, alert the alert recipients (once per version)."""
    with ctx.session() as session:
        new = daemon_store.record_config(
            session, ctx.now(), outcome.digest, outcome.accepted, outcome.message
        )
    s = ctx.settings
    if outcome.accepted or not new:
        return Recorded(new, [])
    to = deliver.recipients(s.alert_to, s.alert_notify)
    text = (
        f"pledge-monitor rejected an edit of {ctx.config.path} and keeps the last good "
        f"version in force.\n\n{outcome.message}\n"
    )
    rendered = Rendered(
        subject=f"[pledge-monitor] Edit of {ctx.config.path.name} rejected", text=text, html=""
    )
    key = f"alert:config:{outcome.digest[:16]}"
    return Recorded(new, deliver.enqueue(ctx, "alert", key, rendered, to))
