"""Deliver: outbox claim → send → mark, over SMTP or a notification service.

Exactly once as far as a process can promise it: a message is claimed by a conditional
update before it is sent and marked right after. Transient failures (connection refused,
timeouts, 4xx replies) are retried with exponential backoff up to a bound; permanent ones
(5xx, bad credentials) are marked failed at once and shown, not retried forever. If the
process dies between sending and marking, the claim's lease runs out and the message is
sent again rather than lost; its fixed Message-ID lets mail clients fold the repeat.

A message that no configured channel can reach (mail is off, or the notification URL it
was queued for is no longer set) is held rather than failed: it uses no attempt, and goes
out on the first delivery run after its channel is configured again.
"""

from __future__ import annotations

import hashlib
import re
import smtplib
import ssl
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Literal, Protocol

import apprise
from sqlmodel import Session

from monitor.errors import DeliveryError, DeliveryErrorKind
from monitor.outboxstate import OPEN, STATES, State
from monitor.store import outbox
from monitor.store.models import OutboxMessage

Security = Literal["starttls", "tls", "none"]


class Transport(Protocol):
    def routes(self, recipient: str) -> bool:
        """Whether this channel, as configured now, can reach the recipient at all."""
        ...

    def send(self, message: OutboxMessage, now: datetime) -> None:
        """Send one message or raise DeliveryError."""
        ...


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int = 587
    security: Security = "starttls"
    user: str | None = None
    password: str | None = None
    timeout: float = 30.0
    sender: str = "pledge-monitor <pledge-monitor@localhost>"


class SmtpTransport:
    def __init__(self, config: SmtpConfig) -> None:
        self.config = config

    def routes(self, recipient: str) -> bool:
        return True  # any address: whether it exists is the server's answer

    def send(self, message: OutboxMessage, now: datetime) -> None:
        email = build_email(message, self.config.sender, now)
        try:
            with self._connect() as smtp:
                if self.config.security == "starttls":
                    smtp.starttls(context=ssl.create_default_context())
                if self.config.user:
                    smtp.login(self.config.user, self.config.password or "")
                smtp.send_message(email)
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryError(DeliveryErrorKind.AUTH, _reply(exc), transient=False) from None
        except smtplib.SMTPNotSupportedError as exc:
            raise DeliveryError(DeliveryErrorKind.CONFIG, str(exc), transient=False) from None
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            transient = all(400 <= code < 500 for code in codes)
            kind = DeliveryErrorKind.TEMPORARY if transient else DeliveryErrorKind.REJECTED
            raise DeliveryError(
                kind, f"recipient refused: {exc.recipients}", transient=transient
            ) from None
        except smtplib.SMTPResponseException as exc:
            transient = 400 <= exc.smtp_code < 500
            kind = DeliveryErrorKind.TEMPORARY if transient else DeliveryErrorKind.REJECTED
            raise DeliveryError(kind, _reply(exc), transient=transient) from None
        except ssl.SSLError as exc:
            raise DeliveryError(DeliveryErrorKind.TLS, str(exc), transient=False) from None
        except TimeoutError as exc:
            raise DeliveryError(
                DeliveryErrorKind.TIMEOUT, f"{self._where}: {exc}", transient=True
            ) from None
        except (smtplib.SMTPException, OSError) as exc:
            raise DeliveryError(
                DeliveryErrorKind.CONNECT, f"{self._where}: {exc}", transient=True
            ) from None

    @property
    def _where(self) -> str:
        return f"SMTP {self.config.host}:{self.config.port}"

    def _connect(self) -> smtplib.SMTP:
        c = self.config
        if c.security == "tls":
            return smtplib.SMTP_SSL(
                c.host, c.port, timeout=c.timeout, context=ssl.create_default_context()
            )
        return smtplib.SMTP(c.host, c.port, timeout=c.timeout)


def _reply(exc: smtplib.SMTPResponseException) -> str:
    text = (
        exc.smtp_error.decode(errors="replace")
        if isinstance(exc.smtp_error, bytes)
        else str(exc.smtp_error)
    )
    return f"{exc.smtp_code} {text}"


class NotifyTransport:
    """Chat and webhook channels through Apprise (Slack, Matrix, Telegram, JSON webhooks…).

    URLs carry tokens, so the outbox stores only a short hash of each as its recipient."""

    def __init__(self, urls: list[str]) -> None:
        self.urls = {notify_recipient(url): url for url in urls}

    def routes(self, recipient: str) -> bool:
        return recipient in self.urls

    def send(self, message: OutboxMessage, now: datetime) -> None:
        url = self.urls.get(message.recipient)
        if url is None:
            raise no_route(message.channel)
        target = apprise.Apprise()
        if not target.add(url):
            raise DeliveryError(
                DeliveryErrorKind.CONFIG,
                f"unusable notification URL {message.recipient}",
                transient=False,
            )
        if not target.notify(title=one_line(message.subject), body=message.body_text):
            raise DeliveryError(
                DeliveryErrorKind.NOTIFY,
                f"notification {message.recipient} was not accepted",
                transient=True,
            )


def notify_recipient(url: str) -> str:
    return "notify-" + hashlib.sha256(url.encode()).hexdigest()[:12]


def notify_names(urls: Iterable[str]) -> dict[str, str]:
    """A name for each configured notification URL that gives away no token: its scheme
    and its hash (``slack:// notify-1a2b3c4d5e6f``)."""
    names = {}
    for url in urls:
        scheme = re.match(r"([a-z][a-z0-9+.-]{0,19})://", url, re.IGNORECASE)
        recipient = notify_recipient(url)
        names[recipient] = f"{scheme[1].lower()}:// {recipient}" if scheme else recipient
    return names


def no_route(channel: str) -> DeliveryError:
    why = (
        "mail is off (PLEDGE_MONITOR_SMTP_HOST is not set)"
        if channel == "mail"
        else "its notification URL is not set now (was DIGEST_NOTIFY or ALERT_NOTIFY changed?)"
    )
    return DeliveryError(
        DeliveryErrorKind.NO_ROUTE,
        f"no configured channel for this recipient: {why}",
        transient=True,
    )


def one_line(text: str, limit: int = 200) -> str:
    """Header-safe text: no CR/LF (header injection), no control characters, bounded."""
    flat = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def build_email(message: OutboxMessage, sender: str, now: datetime) -> EmailMessage:
    """A multipart/alternative email (text first, HTML second) with a Message-ID fixed by
    the outbox key, so a resend after a crash is recognisably the same message."""
    email = EmailMessage()
    email["From"] = sender
    email["To"] = message.recipient
    email["Subject"] = one_line(message.subject)
    email["Date"] = format_datetime(now)
    digest = hashlib.sha256(message.key.encode()).hexdigest()[:24]
    email["Message-ID"] = f"<{digest}@pledge-monitor>"
    email["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies, please
    email.set_content(message.body_text)
    if message.body_html:
        email.add_alternative(message.body_html, subtype="html")
    return email


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 8
    base: timedelta = timedelta(minutes=1)
    cap: timedelta = timedelta(hours=6)
    lease: timedelta = timedelta(minutes=10)

    def next_attempt(self, attempts: int, now: datetime) -> datetime:
        delay: timedelta = min(self.cap, self.base * (2 ** max(0, attempts - 1)))
        return now + delay


@dataclass(frozen=True)
class OutboxEntry:
    """One message as an operator sees it (no body). ``next_attempt_at``: when it is due
    (queued, retrying), or when an unfinished send is taken over (sending)."""

    id: int
    key: str
    kind: str
    channel: str
    recipient: str  # an email address, or the hash of a notification URL
    state: State
    attempts: int
    last_error: str | None
    next_attempt_at: datetime | None
    created_at: datetime
    sent_at: datetime | None

    @classmethod
    def of(cls, row: OutboxMessage, lease: timedelta) -> OutboxEntry:
        assert row.id is not None
        return cls(
            id=row.id,
            key=row.key,
            kind=row.kind,
            channel=row.channel,
            recipient=row.recipient,
            state=state_of(row),
            attempts=row.attempts,
            last_error=row.last_error,
            next_attempt_at=_next_attempt(row, lease),
            created_at=row.created_at,
            sent_at=row.sent_at,
        )

    @property
    def what(self) -> str:
        """The key without its recipient: ``digest:2025-W48``, ``alert:status:12``."""
        return self.key.removesuffix(f":{self.channel}:{self.recipient}")


def state_of(row: OutboxMessage) -> State:
    """The stored status, with pending told apart: never tried yet, or waiting for a retry."""
    if row.status == "pending":
        return "retrying" if row.attempts else "queued"
    return next(state for state in STATES if state == row.status)


def _next_attempt(row: OutboxMessage, lease: timedelta) -> datetime | None:
    if row.status == "pending":
        return row.next_attempt_at
    if row.status == "sending" and row.claimed_at is not None:
        return row.claimed_at + lease
    return None


@dataclass
class DeliveryReport:
    """What one delivery run did to each message it took."""

    sent: list[OutboxEntry] = field(default_factory=list)
    retrying: list[OutboxEntry] = field(default_factory=list)
    failed: list[OutboxEntry] = field(default_factory=list)
    held: list[OutboxEntry] = field(default_factory=list)

    @property
    def undelivered(self) -> list[OutboxEntry]:
        return sorted([*self.retrying, *self.failed, *self.held], key=lambda e: e.id)


def still_undelivered(report: DeliveryReport, watched: Iterable[OutboxEntry]) -> list[OutboxEntry]:
    """What a command has to own up to: every message its delivery run could not deliver,
    and every message it watches (a report's, the retried ones) that is still open."""
    found = {e.id: e for e in report.undelivered}
    found.update({e.id: e for e in watched if e.state in OPEN})
    return [found[i] for i in sorted(found)]


def deliver_due(
    session_factory: Callable[[], Session],
    transports: dict[str, Transport],
    now: datetime,
    policy: RetryPolicy,
) -> DeliveryReport:
    """Send every message that is due; one message's failure never stops the others."""
    report = DeliveryReport()
    with session_factory() as session:
        release_routable(session, transports, now)
        ids = outbox.due_ids(session, now, policy.lease)
    for message_id in ids:
        with session_factory() as session:
            deliver_one(session, message_id, transports, now, policy, report)
    return report


def deliver_one(
    session: Session,
    message_id: int,
    transports: dict[str, Transport],
    now: datetime,
    policy: RetryPolicy,
    report: DeliveryReport,
) -> None:
    # 1. claim: exactly one worker gets past this line for a given attempt
    if not outbox.claim(session, message_id, now, policy.lease):
        return
    message = outbox.get(session, message_id)
    assert message is not None
    transport = transports.get(message.channel)
    try:
        if transport is None or not transport.routes(message.recipient):
            raise no_route(message.channel)
        # 2. send
        transport.send(message, now)
    except DeliveryError as error:
        if error.kind == DeliveryErrorKind.NO_ROUTE:
            # 3a. nothing can reach it now: park it until a channel can, at no cost
            outbox.hold(session, message_id, str(error))
            outcome = report.held
        # 3b. a transient failure waits and tries again, a bounded number of times
        elif error.transient and message.attempts < policy.max_attempts:
            outbox.mark_retry(
                session, message_id, str(error), policy.next_attempt(message.attempts, now)
            )
            outcome = report.retrying
        else:
            outbox.mark_failed(session, message_id, str(error))
            outcome = report.failed
    else:
        # 3c. mark it sent
        outbox.mark_sent(session, message_id, now)
        outcome = report.sent
    session.refresh(message)
    outcome.append(OutboxEntry.of(message, policy.lease))


def release_routable(session: Session, transports: dict[str, Transport], now: datetime) -> None:
    """Held messages whose channel reaches them again (SMTP configured, the notification
    URL set back) become due now."""
    ready = [
        m.id
        for m in outbox.held(session)
        if m.id is not None
        and (transport := transports.get(m.channel)) is not None
        and transport.routes(m.recipient)
    ]
    if ready:
        outbox.release(session, ready, now)
        session.commit()
