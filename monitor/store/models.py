"""Database tables (SQLModel). Times are stored as UTC; read them back with ``ensure_utc``.

Articles are stored once however many feeds carry them; a Sighting records each feed that
carried one. Evidence is keyed so that the same finding is never stored twice, and a
person's latest review (confirmed/rejected) lives on the row, so a rejected piece never
counts again; every review, with its note, is kept in EvidenceReview.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    Dialect,
    LargeBinary,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel

from monitor.clock import ensure_utc


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, on SQLite and PostgreSQL alike
    (SQLite keeps no offset, and PostgreSQL would otherwise shift to the session zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        utc = ensure_utc(value)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return ensure_utc(value) if value is not None else None


class FeedState(SQLModel, table=True):
    """What we know of one feed between polls: validators for conditional GET and health."""

    __tablename__ = "feed"

    id: str = Field(primary_key=True, max_length=100)
    url: str = Field(sa_column=Column(Text, nullable=False))
    title: str | None = Field(default=None, sa_column=Column(Text))
    etag: str | None = Field(default=None, sa_column=Column(Text))
    last_modified: str | None = Field(default=None, sa_column=Column(Text))
    last_checked_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    last_ok_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    last_error_kind: str | None = Field(default=None, max_length=40)
    error_count: int = 0
    failing_since: datetime | None = Field(default=None, sa_type=UtcDateTime)
    entries_seen: int = 0
    next_poll_at: datetime | None = Field(default=None, sa_type=UtcDateTime)


class Article(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    canonical_url: str | None = Field(default=None, sa_column=Column(Text, unique=True))
    fingerprint: str = Field(unique=True, max_length=64)
    title: str = Field(sa_column=Column(Text, nullable=False))
    text: str = Field(sa_column=Column(Text, nullable=False))
    published_at: datetime | None = Field(default=None, index=True, sa_type=UtcDateTime)
    first_seen_at: datetime = Field(sa_type=UtcDateTime)
    outlet: str | None = Field(default=None, sa_column=Column(Text))


class ArticleVector(SQLModel, table=True):
    """The sentence embeddings of one article under one model, computed once: a cycle's cost
    grows with what is new, and a pledge edited later is judged again without embedding."""

    __tablename__ = "article_vector"

    article_id: int = Field(foreign_key="article.id", primary_key=True)
    model: str = Field(primary_key=True, max_length=60)
    sentences: str = Field(sa_column=Column(Text, nullable=False))  # JSON list, in order
    vectors: bytes = Field(sa_column=Column(LargeBinary, nullable=False))  # float16, row-major


class Sighting(SQLModel, table=True):
    """One feed carried one article. The id orders sightings: matching resumes after the
    highest id it has already looked at."""

    __table_args__ = (UniqueConstraint("feed_id", "guid", name="uq_sighting_feed_guid"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    feed_id: str = Field(max_length=100, index=True)
    guid: str = Field(sa_column=Column(Text, nullable=False))
    seen_at: datetime = Field(sa_type=UtcDateTime)


class Evidence(SQLModel, table=True):
    """One finding: an article (or a hand-recorded URL) that bears on one pledge."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, max_length=400)
    pledge_id: str = Field(max_length=100, index=True)
    article_id: int | None = Field(default=None, foreign_key="article.id")
    origin: str = Field(max_length=10)  # auto | manual
    stance: str = Field(max_length=10)  # fulfilled | progress | broken
    score: float = 0.0
    matched_terms: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # JSON list
    snippet: str = Field(default="", sa_column=Column(Text, nullable=False))
    url: str | None = Field(default=None, sa_column=Column(Text))
    title: str = Field(default="", sa_column=Column(Text, nullable=False))
    published_at: datetime = Field(sa_type=UtcDateTime)
    found_at: datetime = Field(sa_type=UtcDateTime)
    review: str | None = Field(default=None, max_length=10)  # confirmed | rejected
    reviewed_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    review_note: str | None = Field(default=None, sa_column=Column(Text))  # the latest review's
    # what the judge read (schema 2 pledges): the outlet, the cue that decided, the day the
    # text says the event happened, and the parts of the score, as JSON
    outlet: str | None = Field(default=None, sa_column=Column(Text))
    cue: str | None = Field(default=None, sa_column=Column(Text))
    event_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    parts: str = Field(default="{}", sa_column=Column(Text, nullable=False))


class EvidenceReview(SQLModel, table=True):
    """Every review of a piece of evidence, in order, each with its note: the row above
    holds only the latest decision, and a later review must not erase why an earlier one
    was made."""

    __tablename__ = "evidence_review"

    id: int | None = Field(default=None, primary_key=True)
    evidence_id: int = Field(foreign_key="evidence.id", index=True)
    decision: str = Field(max_length=10)  # confirmed | rejected
    note: str | None = Field(default=None, sa_column=Column(Text))
    at: datetime = Field(sa_type=UtcDateTime)


class PledgeState(SQLModel, table=True):
    """Per-pledge bookkeeping: which sightings were matched under which rules, and the
    status last recorded (the head of the event trail)."""

    __tablename__ = "pledge_state"

    pledge_id: str = Field(primary_key=True, max_length=100)
    rules_hash: str = Field(max_length=64)
    matched_through: int = 0
    status: str | None = Field(default=None, max_length=20)
    status_effective_at: datetime | None = Field(default=None, sa_type=UtcDateTime)


class StatusEvent(SQLModel, table=True):
    """The audit trail: every status change with its cause, in the order it was recorded."""

    __tablename__ = "status_event"

    id: int | None = Field(default=None, primary_key=True)
    pledge_id: str = Field(max_length=100, index=True)
    kind: str = Field(default="status_changed", max_length=30)
    old_status: str | None = Field(default=None, max_length=20)
    new_status: str = Field(max_length=20)
    effective_at: datetime = Field(sa_type=UtcDateTime)
    recorded_at: datetime = Field(sa_type=UtcDateTime)
    evidence_id: int | None = None
    reason: str = Field(sa_column=Column(Text, nullable=False))


class OutboxMessage(SQLModel, table=True):
    """A message to deliver exactly once: claimed, sent, then marked.

    ``key`` names what the message is and for whom (``digest:2025-W48:mail:ann@example.org``),
    so the same report can never be queued twice. ``status``: pending → sending → sent, or
    back to pending with a later ``next_attempt_at`` after a transient failure, or failed;
    held while no configured channel reaches the recipient; cancelled by an operator.
    A ``sending`` row whose lease ran out (the process died mid-send) is claimed again:
    a message is never lost, and its fixed Message-ID lets mail clients fold the rare repeat.
    """

    __tablename__ = "outbox"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, max_length=400)
    kind: str = Field(max_length=20)  # digest | alert
    channel: str = Field(max_length=20)  # mail | notify
    recipient: str = Field(sa_column=Column(Text, nullable=False))
    subject: str = Field(sa_column=Column(Text, nullable=False))
    body_text: str = Field(sa_column=Column(Text, nullable=False))
    body_html: str | None = Field(default=None, sa_column=Column(Text))
    status: str = Field(default="pending", max_length=10, index=True)
    attempts: int = 0
    next_attempt_at: datetime = Field(sa_type=UtcDateTime)
    claimed_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime = Field(sa_type=UtcDateTime)


class DaemonState(SQLModel, table=True):
    """The daemon's own record (one row): when it first ran, that it is alive, how its
    last cycle went. ``pledge-monitor health`` reads it; catch-up after downtime uses it."""

    __tablename__ = "daemon_state"

    id: int = Field(default=1, primary_key=True)
    first_started_at: datetime = Field(sa_type=UtcDateTime)
    started_at: datetime = Field(sa_type=UtcDateTime)
    stopped_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    heartbeat_at: datetime = Field(sa_type=UtcDateTime)
    pid: int = 0
    last_cycle_started_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    last_cycle_ok_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    last_cycle_error: str | None = Field(default=None, sa_column=Column(Text))
    config_digest: str | None = Field(default=None, max_length=64)
    # set when a job could not get the writer lock, cleared when one gets it again:
    # while jobs are being skipped the daemon is not doing its work, and health says so
    skipping_since: datetime | None = Field(default=None, sa_type=UtcDateTime)
    skip_reason: str | None = Field(default=None, sa_column=Column(Text))


class ConfigChange(SQLModel, table=True):
    """Every version of pledges.yaml the daemon saw: loaded, or rejected and why."""

    __tablename__ = "config_change"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_type=UtcDateTime)
    digest: str = Field(max_length=64)
    accepted: bool
    message: str = Field(sa_column=Column(Text, nullable=False))
