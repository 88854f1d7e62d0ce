"""Cycle: what the daemon does every poll — check (poll + evaluate), alert, rebuild the page."""

from __future__ import annotations

from dataclasses import dataclass

from jobs import alerts, check, page
from jobs.context import JobContext


@dataclass(frozen=True)
class CycleResult:
    check: check.CheckResult
    alerts: alerts.AlertResult
    page: page.PageResult


def run(ctx: JobContext) -> CycleResult:
    """Only feeds that are due are polled: failing feeds back off, servers set the pace."""
    checked = check.run(ctx, due_only=True)
    alerted = alerts.run(ctx)
    return CycleResult(checked, alerted, page.run(ctx))
