"""Review: a person confirms or rejects a piece of evidence; statuses are judged again."""

from __future__ import annotations

from dataclasses import dataclass

from jobs import evaluate
from jobs.context import JobContext
from jobs.overview import EvidenceSummary, summarize
from monitor.store import evidence


@dataclass(frozen=True)
class ReviewResult:
    evidence: EvidenceSummary
    evaluated: evaluate.EvaluateResult


def run(
    ctx: JobContext, evidence_id: int, decision: evidence.Decision, note: str | None
) -> ReviewResult:
    with ctx.session() as session:
        row = evidence.review(session, evidence_id, decision, note, ctx.now())
        session.commit()
        reviewed = summarize(row)
    return ReviewResult(reviewed, evaluate.run(ctx))
