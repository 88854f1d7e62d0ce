"""Sweep: the daily look at deadlines — statuses judged at today's clock, deadline alerts."""

from __future__ import annotations

from dataclasses import dataclass

from jobs import alerts, evaluate
from jobs.context import JobContext


@dataclass(frozen=True)
class SweepResult:
    evaluated: evaluate.EvaluateResult
    alerts: alerts.AlertResult


def run(ctx: JobContext) -> SweepResult:
    return SweepResult(evaluate.run(ctx), alerts.run(ctx))
