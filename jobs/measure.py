"""Measure: run the real pipeline over a labelled set and score what it says.

Each case is checked on its own: its articles served as one local feed, its pledges file,
a fresh SQLite store in a temporary directory, the clock set after the last article. The
evidence found and the statuses judged at each checkpoint are then scored by
``monitor.evalset``. Nothing here tunes anything: it only runs and counts.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

from sqlmodel import Session, select

from jobs import check, overview
from jobs.context import JobContext
from monitor.clock import FixedClock
from monitor.embed import Embedder, UniversalSentenceEncoder
from monitor.evalset import Case, Prediction, Scores, feed_xml, score
from monitor.pledgefile import load_config
from monitor.settings import load_settings
from monitor.store import evidence as evidence_repo
from monitor.store.db import make_engine
from monitor.store.models import Evidence, Sighting


@dataclass(frozen=True)
class Measurement:
    scores: Scores
    predictions: list[Prediction]  # the evidence that counts toward a status
    waiting: list[Prediction]  # the evidence that waits for a person's review
    seconds: float  # the judge's time: check (fetch, store, match, judge) of every case
    articles: int


def run(cases: list[Case], embedder: Embedder | None = None) -> Measurement:
    predictions: list[Prediction] = []
    waiting: list[Prediction] = []
    statuses: dict[tuple[str, date], str] = {}
    seconds = 0.0
    model = embedder or UniversalSentenceEncoder()
    for case in cases:
        with tempfile.TemporaryDirectory(prefix=f"pm-eval-{case.id}-") as work:
            found, held, judged, took = _run_case(case, Path(work), model)
        predictions += found
        waiting += held
        statuses.update(judged)
        seconds += took
    articles = sum(len(case.items) for case in cases)
    scores = score(cases, predictions, statuses)
    return Measurement(scores, predictions, waiting, seconds, articles)


def _run_case(
    case: Case, work: Path, embedder: Embedder
) -> tuple[list[Prediction], list[Prediction], dict[tuple[str, date], str], float]:
    (work / "news.xml").write_text(feed_xml(case), encoding="utf-8")
    config_path = work / "pledges.yaml"
    shutil.copyfile(case.pledges_file, config_path)
    config = load_config(config_path)
    settings = load_settings(
        {
            "PLEDGE_MONITOR_DATA_DIR": str(work / "data"),
            "PLEDGE_MONITOR_REPORTS_DIR": str(work / "reports"),
        }
    )
    engine = make_engine(settings.resolved_database_url)
    last = max(item.published for item in case.items)
    ctx = JobContext(
        settings, config, engine, FixedClock(last + timedelta(days=1)), embedder=embedder
    )
    started = time.perf_counter()
    with ctx.writing():
        check.run(ctx)
    took = time.perf_counter() - started
    predictions, waiting = _predictions(ctx)
    statuses = {}
    for point in case.checkpoints:
        end = datetime.combine(point.day + timedelta(days=1), clock_time.min, config.zone)
        at = JobContext(
            settings, config, engine, FixedClock(end - timedelta(microseconds=1)), embedder=embedder
        )
        judged = overview.run(at, point.pledge)
        statuses[(point.pledge, point.day)] = (
            judged[0].judgement.status.value if judged else "not made yet"
        )
    engine.dispose()
    return predictions, waiting, statuses, took


def _predictions(ctx: JobContext) -> tuple[list[Prediction], list[Prediction]]:
    """Every (item, pledge, stance) the judge asserts: evidence that counts toward a status;
    and the evidence that waits for review, which asserts nothing. An item the store took as
    a copy of another (same content) shares that article's findings."""
    now = ctx.now()
    with Session(ctx.engine) as session:
        items_of: dict[int, list[str]] = {}
        for sighting in session.exec(select(Sighting)).all():
            items_of.setdefault(sighting.article_id, []).append(sighting.guid)
        found: list[Prediction] = []
        waiting: list[Prediction] = []
        for pledge in ctx.config.pledges:
            rows = evidence_repo.evidence_for(session, pledge.id)
            standing = {row.id for row in evidence_repo.counted(rows, ctx.timing(pledge.id), now)}
            for row in rows:
                if row.article_id is None:
                    continue
                into = found if row.id in standing else waiting
                for item in items_of.get(row.article_id, []):
                    into.append(Prediction(item, pledge.id, row.stance, _why(row)))
    return found, waiting


def _why(row: Evidence) -> str:
    parts = evidence_repo.parts_of(row)
    shown = " ".join(f"{k}={v}" for k, v in parts.items())
    return f"score {row.score:.2f} cue {row.cue or '-'} [{shown}] «{row.snippet[:160]}»"
