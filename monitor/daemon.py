"""The daemon: APScheduler runs the jobs on the schedule in settings, until SIGTERM/SIGINT.

Jobs (each a function in ``jobs/``; the daemon only wires them):
    cycle      every POLL_INTERVAL (+ jitter), and once at start: poll, evaluate, alert, page
    sweep      daily at SWEEP_AT: statuses judged at today's clock, deadline alerts
    weekly     DIGEST_DAY at DIGEST_AT: last week's digest, sent once
    delivery   every DELIVERY_INTERVAL: queued messages retried
    reload     every WATCH_INTERVAL: pledges.yaml edits taken, or rejected with the old kept
    heartbeat  every HEARTBEAT_INTERVAL: proof of life for ``health``

No job overlaps itself (max_instances=1) and runs missed while one was busy are folded
into one (coalesce). Jobs that write also take one lock, so they never overlap each other:
a single writer keeps SQLite simple and the event trail in order. The store's writer lock
extends that to commands run beside the daemon (``check``, ``evidence reject``…), which wait
their turn; a job that cannot get it is skipped and recorded, and ``health`` reports it.
Signal handlers only set a flag; shutdown waits up to SHUTDOWN_TIMEOUT for the running job,
which stops between feeds and between pledges, so every unit of work is committed whole or
not at all.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.engine import Engine

from jobs import cycle, deliver, reload, sweep, weekly
from jobs.context import JobContext
from monitor.clock import Clock
from monitor.embed import UniversalSentenceEncoder
from monitor.errors import BusyError, PledgeMonitorError
from monitor.health import Health, judge_health
from monitor.httpd import serve
from monitor.log import fields
from monitor.metrics import Metrics
from monitor.pledgefile import Config
from monitor.settings import Settings
from monitor.store import daemon as daemon_store
from monitor.store import feeds as feeds_store

T = TypeVar("T")


class Daemon:
    def __init__(
        self, settings: Settings, config: Config, engine: Engine, clock: Clock, log: logging.Logger
    ) -> None:
        self.settings = settings
        self.engine = engine
        self.clock = clock
        self.log = log
        self.live = reload.LiveConfig(config.path, config)
        self.stopping = threading.Event()
        self.work = threading.Lock()
        self.metrics = Metrics()
        self.embedder = UniversalSentenceEncoder()
        self.zone = self.context().display_zone
        self.scheduler = BackgroundScheduler(
            timezone=self.zone,
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 3600},
        )
        self.httpd: Any = None
        self._skipping = True  # unknown after a restart: clear it on the first job

    def context(self) -> JobContext:
        """A fresh context per job run: the configuration in force right now."""
        return JobContext(
            settings=self.settings,
            config=self.live.current,
            engine=self.engine,
            clock=self.clock,
            log=self.log,
            stopping=self.stopping,
            embedder=self.embedder,
        )

    # --- life cycle -------------------------------------------------------------------

    def start(self) -> None:
        with self.context().session() as session:
            state = daemon_store.mark_started(session, self.clock.now(), self.live.current.digest)
        first_started_at = state.first_started_at
        s = self.settings
        add = self.scheduler.add_job
        now = self.clock.now()
        add(
            self._cycle,
            IntervalTrigger(
                seconds=s.poll_interval.total_seconds(),
                jitter=int(s.poll_jitter.total_seconds()) or None,
            ),
            id="cycle",
            name="cycle",
            next_run_time=now,
        )
        hour, minute = s.sweep_at.split(":")
        add(self._sweep, CronTrigger(hour=hour, minute=minute, timezone=self.zone), id="sweep")
        hour, minute = s.digest_at.split(":")
        add(
            self._weekly,
            CronTrigger(day_of_week=s.digest_day, hour=hour, minute=minute, timezone=self.zone),
            id="weekly",
        )
        add(
            self._deliver,
            IntervalTrigger(seconds=s.delivery_interval.total_seconds()),
            id="delivery",
        )
        add(self._reload, IntervalTrigger(seconds=s.watch_interval.total_seconds()), id="reload")
        add(
            self._heartbeat,
            IntervalTrigger(seconds=s.heartbeat_interval.total_seconds()),
            id="heartbeat",
        )
        add(self._catch_up, args=[first_started_at], id="catch-up", next_run_time=now)
        self.scheduler.start()
        if s.http_port is not None:
            self.httpd = serve(s.http_host, s.http_port, self.health, self.metrics)
            self.log.info(
                "http endpoint up",
                extra=fields(address=f"{s.http_host}:{self.httpd.server_address[1]}"),
            )
        self.log.info(
            "daemon started",
            extra=fields(
                pledges=len(self.live.current.pledges),
                feeds=len(self.live.current.feeds),
                poll_interval=str(s.poll_interval),
                timezone=self.zone.key,
            ),
        )

    def run_until_stopped(self) -> None:
        """Start, then wait for SIGTERM or SIGINT; the handlers only set the flag."""
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda number, _frame: self.request_stop(number))
        self.start()
        while not self.stopping.wait(1.0):
            pass
        self.shutdown()

    def request_stop(self, signum: int = 0) -> None:
        self.log.info("stop requested", extra=fields(signal=signum))
        self.stopping.set()

    def shutdown(self) -> None:
        self.stopping.set()
        self.scheduler.shutdown(wait=False)
        finished = self.work.acquire(timeout=self.settings.shutdown_timeout.total_seconds())
        if not finished:
            self.log.warning(
                "a job was still running at shutdown; its open unit of work is rolled back"
            )
        try:
            with self.context().session() as session:
                daemon_store.update(session, stopped_at=self.clock.now())
        finally:
            if finished:
                self.work.release()
            if self.httpd is not None:
                self.httpd.shutdown()
            self.engine.dispose()
            self.log.info("daemon stopped")

    def health(self) -> Health:
        with self.context().session() as session:
            state = daemon_store.state(session)
        return judge_health(
            state, self.clock.now(), self.settings.heartbeat_interval, self.settings.max_cycle_age
        )

    # --- jobs ---------------------------------------------------------------------------

    def _guarded(self, name: str, job: Callable[[JobContext], T]) -> T | None:
        """Run one job under the work lock; a failure is logged, never kills the scheduler."""
        if self.stopping.is_set():
            return None
        with self.work:
            if self.stopping.is_set():
                return None
            ctx = self.context()
            try:
                with ctx.writing(wait=self.settings.shutdown_timeout):
                    self._note_skipping(None)
                    return job(ctx)
            except BusyError as busy:  # a command run beside the daemon is writing
                self.log.warning("job skipped", extra=fields(job=name, reason=str(busy)))
                self._note_skipping(f"{name} skipped: {busy}")
            except PledgeMonitorError as error:  # a named failure: one line says it all
                self.log.error("job failed", extra=fields(job=name, error=str(error)))
            except Exception:
                self.log.exception("job failed", extra=fields(job=name))
            return None

    def _note_skipping(self, reason: str | None) -> None:
        """Record that jobs are being skipped (or no longer are), for ``health``."""
        if reason is None and not self._skipping:
            return
        try:
            with self.context().session() as session:
                daemon_store.note_skipping(session, self.clock.now(), reason)
            self._skipping = reason is not None
        except PledgeMonitorError as error:
            self.log.error("cannot record skipped jobs", extra=fields(error=str(error)))

    def _cycle(self) -> None:
        def run(ctx: JobContext) -> cycle.CycleResult:
            with ctx.session() as session:
                daemon_store.update(session, last_cycle_started_at=ctx.now())
            try:
                result = cycle.run(ctx)
            except Exception as exc:
                self.metrics.cycles.labels("error").inc()
                with ctx.session() as session:
                    daemon_store.update(session, last_cycle_error=f"{type(exc).__name__}: {exc}")
                raise
            if not self.stopping.is_set():
                with ctx.session() as session:
                    daemon_store.update(session, last_cycle_ok_at=ctx.now(), last_cycle_error=None)
                self._count_cycle(result)
            return result

        self._guarded("cycle", run)

    def _count_cycle(self, result: cycle.CycleResult) -> None:
        m = self.metrics
        m.cycles.labels("ok").inc()
        with self.context().session() as session:  # feeds not due this cycle count too
            m.feeds_failing.set(len(feeds_store.failing_feeds(session)))
        m.evidence_found.inc(len(result.check.evaluate.new_evidence))
        m.status_changes.inc(len(result.check.evaluate.changes))
        if result.alerts.delivery is not None:
            self._count_delivery(result.alerts.delivery)
        m.last_success.set(self.clock.now().timestamp())

    def _count_delivery(self, report: Any) -> None:
        self.metrics.messages.labels("sent").inc(len(report.sent))
        self.metrics.messages.labels("failed").inc(len(report.failed))
        self.metrics.messages.labels("retrying").inc(len(report.retrying))

    def _sweep(self) -> None:
        result = self._guarded("sweep", sweep.run)
        if result is not None and result.alerts.delivery is not None:
            self._count_delivery(result.alerts.delivery)

    def _weekly(self) -> None:
        slot = weekly.last_slot(
            self.clock.now(), self.zone, self.settings.digest_day, self.settings.digest_at
        )
        result = self._guarded("weekly", lambda ctx: weekly.run(ctx, slot))
        if result is not None and result.delivery is not None:
            self._count_delivery(result.delivery)

    def _catch_up(self, first_started_at: Any) -> None:
        result = self._guarded("catch-up", lambda ctx: weekly.catch_up(ctx, first_started_at))
        if result is not None:
            self.log.info(
                "missed weekly digest sent on start",
                extra=fields(period=result.digest.period.label, queued=len(result.queued)),
            )
            if result.delivery is not None:
                self._count_delivery(result.delivery)

    def _deliver(self) -> None:
        report = self._guarded("delivery", deliver.run)
        if report is not None:
            self._count_delivery(report)

    def _reload(self) -> None:
        def run(ctx: JobContext) -> None:
            outcome = self.live.check()
            if outcome is None:
                return
            recorded = reload.record(ctx, outcome)
            self.live.settle(outcome)
            if outcome.unexpected is not None and not recorded.new:
                return  # the same failure, looked at again: said once, not every watch
            self.metrics.config_reloads.labels("accepted" if outcome.accepted else "rejected").inc()
            if outcome.accepted:
                self.log.info(
                    "pledges file reloaded",
                    extra=fields(
                        path=str(self.live.path), digest=outcome.digest[:12], detail=outcome.message
                    ),
                )
                with ctx.session() as session:
                    daemon_store.update(session, config_digest=outcome.digest)
            else:
                self.log.error(
                    "pledges file edit rejected; the last good version stays in force",
                    extra=fields(path=str(self.live.path), error=outcome.message),
                    exc_info=outcome.unexpected,
                )
            if recorded.queued:
                self._count_delivery(deliver.run(ctx))

        self._guarded("reload", run)

    def _heartbeat(self) -> None:
        with self.context().session() as session:
            daemon_store.update(session, heartbeat_at=self.clock.now())
