"""Health: is the daemon alive, and did it check the feeds recently? Pure; for the
``health`` command (Docker HEALTHCHECK) and the /healthz endpoint alike."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from monitor.store.models import DaemonState


@dataclass(frozen=True)
class Health:
    healthy: bool
    reason: str


def judge_health(
    state: DaemonState | None,
    now: datetime,
    heartbeat_interval: timedelta,
    max_cycle_age: timedelta,
) -> Health:
    if state is None:
        return Health(False, "the daemon has never run against this database")
    if state.stopped_at is not None and state.stopped_at >= state.started_at:
        return Health(False, f"the daemon stopped at {state.stopped_at:%Y-%m-%d %H:%M:%S} UTC")
    if state.skipping_since is not None:
        return Health(
            False,
            f"jobs skipped since {state.skipping_since:%Y-%m-%d %H:%M:%S} UTC: "
            f"{state.skip_reason or 'the writer lock is taken'}",
        )
    # three missed heartbeats: the scheduler is not running jobs any more
    if now - state.heartbeat_at > 3 * heartbeat_interval:
        return Health(False, f"no heartbeat since {state.heartbeat_at:%Y-%m-%d %H:%M:%S} UTC")
    last = state.last_cycle_ok_at
    if last is None or last < state.started_at - max_cycle_age:
        if now - state.started_at <= max_cycle_age:
            return Health(True, "starting: no cycle finished yet")
        return Health(False, f"no good cycle since the start at {state.started_at:%H:%M:%S} UTC")
    if now - last > max_cycle_age:
        return Health(
            False, f"last good cycle at {last:%Y-%m-%d %H:%M:%S} UTC, older than {max_cycle_age}"
        )
    return Health(True, f"last good cycle at {last:%Y-%m-%d %H:%M:%S} UTC")
