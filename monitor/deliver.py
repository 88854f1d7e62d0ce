"""Deliver: outbox claim → send → mark, over SMTP or a notification service.

Exactly once as far as a process can promise it: a message is claimed by a conditional
update before it is sent and marked right after. Transient failures (connection refused,
timeouts, 4xx replies) are retried with exponential backoff up to a bound; permanent ones
(5xx, bad credentials) are marked failed at once and shown, not retried forever. If the
process dies between sending and marking, the claim's lease runs out and the message is
sent again rather than lost; its fixed Message-ID lets mail clients fold the repeat.
"""

from __future__ import annotations

import hashlib
import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Literal, Protocol

import apprise
from sqlmodel import Session

from monitor.errors import DeliveryError, DeliveryErrorKind
from monitor.store import outbox
from monitor.store.models import OutboxMessage

Security = Literal["starttls", "tls", "none"]


class Transport(Protocol):
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

    def send(self, message: OutboxMessage, now: datetime) -> None:
        url = self.urls.get(message.recipient)
        if url is None:
            raise DeliveryError(
                DeliveryErrorKind.CONFIG,
                f"no notification URL {message.recipient} is configured now",
                transient=False,
            )
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


@dataclass
class DeliveryReport:
    sent: list[str] = field(default_factory=list)
    retrying: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def deliver_due(
    session_factory: Callable[[], Session],
    transports: dict[str, Transport],
    now: datetime,
    policy: RetryPolicy,
) -> DeliveryReport:
    """Send every message that is due; one message's failure never stops the others."""
    report = DeliveryReport()
    with session_factory() as session:
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
        if transport is None:
            raise DeliveryError(
                DeliveryErrorKind.CONFIG,
                f"channel {message.channel!r} is not configured",
                transient=False,
            )
        # 2. send
        transport.send(message, now)
    except DeliveryError as error:
        # 3a. a transient failure waits and tries again, a bounded number of times
        if error.transient and message.attempts < policy.max_attempts:
            outbox.mark_retry(
                session, message_id, str(error), policy.next_attempt(message.attempts, now)
            )
            report.retrying.append(message.key)
        else:
            outbox.mark_failed(session, message_id, str(error))
            report.failed.append(message.key)
        return
    # 3b. mark it sent
    outbox.mark_sent(session, message_id, now)
    report.sent.append(message.key)
