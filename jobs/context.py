"""JobContext: everything a job needs, built once by the caller and passed in (no globals)."""

from __future__ import annotations

import logging
import threading
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy.engine import Engine
from sqlmodel import Session

from monitor.clock import Clock
from monitor.deliver import (
    NotifyTransport,
    RetryPolicy,
    SmtpConfig,
    SmtpTransport,
    Transport,
)
from monitor.embed import Embedder, UniversalSentenceEncoder
from monitor.fetch import FetchLimits
from monitor.pledgefile import Config
from monitor.settings import Settings
from monitor.status import Policy, Timing
from monitor.store import lease


@dataclass
class JobContext:
    settings: Settings
    config: Config
    engine: Engine
    clock: Clock
    log: logging.Logger = field(default_factory=lambda: logging.getLogger("pledge_monitor"))
    # Tests may route HTTP through an httpx transport; production leaves it None.
    transport: httpx.AsyncBaseTransport | None = None
    # Set when the daemon is asked to stop: long jobs stop between units of work.
    stopping: threading.Event | None = None
    # The clock of processes (outbox claims and retries) when it differs from the clock of
    # judgements: an --as-of run replays judgements, but its mail goes out today.
    wall_clock: Clock | None = None
    # The sentence model (loaded on first use): the daemon keeps one for all its jobs.
    embedder: Embedder = field(default_factory=UniversalSentenceEncoder)

    @property
    def should_stop(self) -> bool:
        return self.stopping is not None and self.stopping.is_set()

    def writing(self, wait: timedelta | None = None) -> AbstractContextManager[None]:
        """Hold the database's writer lock: jobs of the daemon and commands run beside it
        take turns. Raises BusyError when it stays taken for ``wait`` (real time; default:
        the WRITER_WAIT setting)."""
        return lease.hold(self.engine, self.settings.writer_wait if wait is None else wait)

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def now(self) -> datetime:
        return self.clock.now()

    def wall_now(self) -> datetime:
        return (self.wall_clock or self.clock).now()

    @property
    def limits(self) -> FetchLimits:
        s = self.settings
        return FetchLimits(
            timeout=s.fetch_timeout,
            max_bytes=s.fetch_max_bytes,
            max_redirects=s.fetch_max_redirects,
            concurrency=s.fetch_concurrency,
            user_agent=s.user_agent,
        )

    def transports(self) -> dict[str, Transport]:
        """The delivery channels the settings configure: mail when SMTP_HOST is set,
        notify (Apprise) when any notification URL is."""
        s = self.settings
        channels: dict[str, Transport] = {}
        if s.smtp_host:
            channels["mail"] = SmtpTransport(
                SmtpConfig(
                    host=s.smtp_host,
                    port=s.smtp_port,
                    security=s.smtp_security,
                    user=s.smtp_user,
                    password=s.smtp_password,
                    timeout=s.smtp_timeout,
                    sender=s.mail_from,
                )
            )
        if s.digest_notify or s.alert_notify:
            channels["notify"] = NotifyTransport([*s.digest_notify, *s.alert_notify])
        return channels

    @property
    def retry_policy(self) -> RetryPolicy:
        return RetryPolicy(max_attempts=self.settings.outbox_max_attempts)

    @property
    def display_zone(self) -> ZoneInfo:
        """Where times are shown: the TIMEZONE setting, else the pledges file's zone."""
        zone = self.settings.timezone
        return ZoneInfo(zone) if zone else self.config.zone

    def timing(self, pledge_id: str) -> Timing:
        pledge = self.config.pledge(pledge_id)
        assert pledge is not None
        return Timing.of(
            pledge.made_on,
            pledge.due,
            self.config.file.grace_of(pledge),
            self.config.zone,
            Policy(outlets=self.settings.confirm_outlets, strong=self.settings.confirm_score),
        )
