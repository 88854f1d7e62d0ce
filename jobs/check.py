"""Check: one full cycle — poll every feed, then evaluate every pledge."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from jobs import evaluate, poll
from jobs.context import JobContext
from monitor.fetch import Outcome


@dataclass(frozen=True)
class CheckResult:
    poll: poll.PollResult
    evaluate: evaluate.EvaluateResult


def run(
    ctx: JobContext,
    on_feed_done: Callable[[Outcome], None] | None = None,
    *,
    due_only: bool = False,
) -> CheckResult:
    polled = poll.run(ctx, on_feed_done, due_only=due_only)
    evaluated = evaluate.run(ctx)
    return CheckResult(polled, evaluated)
