"""Settings: one table, read from the environment once at start, validated, then passed in.

Every setting is an environment variable ``PLEDGE_MONITOR_<NAME>``. Secrets may instead be
read from a file named by ``PLEDGE_MONITOR_<NAME>_FILE`` (Docker secrets). An unknown
``PLEDGE_MONITOR_*`` variable is an error with a did-you-mean hint, because a typo in a
daemon's environment should fail loudly at start, not be ignored for months.
"""

from __future__ import annotations

import difflib
import importlib.util
import re
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator

from monitor import __version__
from monitor.errors import SettingsError

PREFIX = "PLEDGE_MONITOR_"
DEFAULT_USER_AGENT = (
    f"pledge-monitor/{__version__} (news-feed pledge tracker; polite conditional GET)"
)


def _duration(value: object) -> object:
    """'90s', '30m', '2h', '1d' (or seconds as a number) → timedelta."""
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", value)
        if match is None:
            raise ValueError(f"{value!r} is not a duration such as 90s, 30m, 2h or 1d")
        unit = {"s": "seconds", "": "seconds", "m": "minutes", "h": "hours", "d": "days"}
        return timedelta(**{unit[match[2]]: float(match[1])})
    return value


Duration = Annotated[timedelta, BeforeValidator(_duration)]


class Settings(BaseModel):
    """The settings table. Each field's description is its help text (shown in the README)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    config: Path = Field(Path("pledges.yaml"), description="Path of the pledges file.")
    data_dir: Path = Field(
        Path("data"), description="Directory for the SQLite database and other state."
    )
    database_url: str | None = Field(
        None,
        description="SQLAlchemy database URL; default: SQLite file pledge-monitor.db in "
        "DATA_DIR. PostgreSQL: postgresql+psycopg://user:pass@host/db. Secret (_FILE).",
    )
    fetch_timeout: float = Field(
        20.0, gt=0, le=600, description="Seconds a feed request may take, per phase."
    )
    fetch_max_bytes: int = Field(
        10 * 1024 * 1024,
        gt=0,
        description="Largest feed body accepted, counted after decompression.",
    )
    fetch_concurrency: int = Field(
        8, ge=1, le=64, description="How many feeds are fetched at once."
    )
    fetch_max_redirects: int = Field(
        5, ge=0, le=20, description="How many redirects a feed request may follow."
    )
    user_agent: str = Field(
        DEFAULT_USER_AGENT, min_length=1, description="User-Agent header sent to feeds."
    )
    timezone: str | None = Field(
        None,
        description="Time zone in which times are shown (IANA name, e.g. Asia/Seoul); "
        "default: the pledges file's time zone.",
    )
    log_level: str = Field("WARNING", description="DEBUG, INFO, WARNING or ERROR.")
    reports_dir: Path = Field(
        Path("reports"), description="Where digests, the status page and feeds are written."
    )
    public_url: str | None = Field(
        None, description="Public URL of the status page, linked from emails (optional)."
    )
    smtp_host: str | None = Field(None, description="SMTP server; mail is off while unset.")
    smtp_port: int = Field(587, ge=1, le=65535, description="SMTP port (465 for tls).")
    smtp_security: Literal["starttls", "tls", "none"] = Field(
        "starttls", description="starttls (port 587), tls (implicit, port 465) or none."
    )
    smtp_user: str | None = Field(None, description="SMTP user name, if the server wants one.")
    smtp_password: str | None = Field(None, description="SMTP password. Secret (_FILE).")
    smtp_timeout: float = Field(30.0, gt=0, le=600, description="Seconds per SMTP exchange.")
    mail_from: str = Field(
        "pledge-monitor <pledge-monitor@localhost>", min_length=3, description="From address."
    )
    digest_to: list[str] = Field(
        default_factory=list, description="Comma-separated addresses that get the weekly digest."
    )
    alert_to: list[str] = Field(
        default_factory=list, description="Comma-separated addresses that get alerts."
    )
    digest_notify: list[str] = Field(
        default_factory=list,
        description="Apprise URLs (chat, webhooks) that get the digest. Secret (_FILE).",
    )
    alert_notify: list[str] = Field(
        default_factory=list, description="Apprise URLs that get alerts. Secret (_FILE)."
    )
    alert_deadline_days: list[int] = Field(
        default_factory=lambda: [7, 1],
        description="Alert this many days before each deadline (comma-separated).",
    )
    alert_max_age_days: int = Field(
        7, ge=0, description="Events older than this are history, not alerts (first runs)."
    )
    outbox_max_attempts: int = Field(
        8, ge=1, le=100, description="Tries before a message is marked failed."
    )
    confirm_outlets: int = Field(
        2,
        ge=1,
        le=10,
        description="Independent outlets that must report the same event before it makes a "
        "pledge fulfilled or broken on its own (weaker evidence waits for review).",
    )
    confirm_score: float = Field(
        0.8,
        gt=0,
        le=1.01,
        description="A piece of evidence this sure (0–1) changes a status alone; above 1 "
        "nothing does.",
    )
    poll_interval: Duration = Field(
        timedelta(minutes=30), description="Daemon: how often every feed is polled (30m)."
    )
    poll_jitter: Duration = Field(
        timedelta(minutes=2), description="Daemon: random delay added to each poll (2m)."
    )
    sweep_at: str = Field(
        "00:05",
        pattern=r"^([01]\d|2[0-3]):[0-5]\d$",
        description="Daemon: daily deadline sweep, HH:MM in the display time zone.",
    )
    digest_day: Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"] = Field(
        "mon", description="Daemon: weekday of the weekly digest."
    )
    digest_at: str = Field(
        "08:00",
        pattern=r"^([01]\d|2[0-3]):[0-5]\d$",
        description="Daemon: time of the weekly digest, HH:MM in the display time zone.",
    )
    watch_interval: Duration = Field(
        timedelta(seconds=5), description="Daemon: how often pledges.yaml is checked for edits."
    )
    heartbeat_interval: Duration = Field(
        timedelta(seconds=30), description="Daemon: how often it records that it is alive."
    )
    delivery_interval: Duration = Field(
        timedelta(minutes=1), description="Daemon: how often queued messages are retried."
    )
    health_max_cycle_age: Duration | None = Field(
        None, description="health: the last good cycle may be this old (default: 2 polls + 10m)."
    )
    shutdown_timeout: Duration = Field(
        timedelta(seconds=30), description="Daemon: how long SIGTERM waits for a running job."
    )
    writer_wait: Duration = Field(
        timedelta(seconds=60),
        description="How long a command waits while another process writes (60s).",
    )
    http_port: int | None = Field(
        None, ge=0, le=65535, description="Daemon: port for /healthz and /metrics (off when unset)."
    )
    http_host: str = Field("127.0.0.1", description="Daemon: address the HTTP endpoint binds.")

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str | None) -> str | None:
        # the value may hold a password: messages never repeat it
        return None if value is None else check_database_url(value)

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator(
        "digest_to",
        "alert_to",
        "digest_notify",
        "alert_notify",
        "alert_deadline_days",
        mode="before",
    )
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.replace("\n", ",").split(",") if part.strip()]
        return value

    @field_validator("digest_to", "alert_to")
    @classmethod
    def _addresses(cls, value: list[str]) -> list[str]:
        for address in value:
            if "@" not in address or any(c in address for c in "\r\n"):
                raise ValueError(f"{address!r} is not an email address")
        return value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        upper = value.upper()
        if upper not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            raise ValueError("must be DEBUG, INFO, WARNING or ERROR")
        return upper

    @property
    def max_cycle_age(self) -> timedelta:
        return self.health_max_cycle_age or 2 * self.poll_interval + timedelta(minutes=10)

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'pledge-monitor.db'}"


def check_database_url(url: str) -> str:
    """A URL the store can open: SQLite, or PostgreSQL through psycopg (``postgresql://``
    and ``postgres://`` are taken to mean psycopg)."""
    # imported here: SQLAlchemy is heavy, and most commands never need a database URL parsed
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    hint = "expected sqlite:///path/to/file.db or postgresql+psycopg://user:pass@host/db"
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise ValueError(f"not a database URL ({hint})") from None
    backend, _, driver = parsed.drivername.partition("+")
    if backend == "sqlite" and driver in ("", "pysqlite"):
        return url
    if backend in ("postgresql", "postgres") and driver in ("", "psycopg", "psycopg2"):
        if importlib.util.find_spec("psycopg") is None:
            raise ValueError(
                "PostgreSQL needs the postgres extra: pip install 'pledge-monitor[postgres]'"
            )
        return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    raise ValueError(f"unsupported database {parsed.drivername!r} ({hint})")


SECRETS = frozenset({"database_url", "smtp_password", "digest_notify", "alert_notify"})


def setting_names() -> list[str]:
    """Every environment variable name the settings table accepts (for docs and checks)."""
    return [PREFIX + name.upper() for name in Settings.model_fields]


def load_settings(environ: Mapping[str, str], **overrides: Any) -> Settings:
    """Build Settings from an environment mapping; ``overrides`` (from CLI flags) win.

    Raises SettingsError naming every bad variable.
    """
    values = _values_from_environ(environ)
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings.model_validate(values)
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            name = PREFIX + str(err["loc"][0]).upper() if err["loc"] else PREFIX + "?"
            lines.append(f"{name}: {str(err['msg']).removeprefix('Value error, ')}")
        raise SettingsError("invalid settings:\n  " + "\n  ".join(lines)) from None


def _values_from_environ(environ: Mapping[str, str]) -> dict[str, Any]:
    fields = set(Settings.model_fields)
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, raw in environ.items():
        if not key.startswith(PREFIX):
            continue
        name = key[len(PREFIX) :].lower()
        if name.endswith("_file") and name[: -len("_file")] in SECRETS:
            secret = name[: -len("_file")]
            try:
                values[secret] = Path(raw).read_text(encoding="utf-8").strip()
            except OSError as exc:
                problems.append(f"{key}: cannot read {raw!r}: {exc.strerror}")
        elif name in fields:
            if raw.strip() != "":  # empty means "use the default", as in shell scripts
                values.setdefault(name, raw)
        else:
            hint = difflib.get_close_matches(key, setting_names(), n=1)
            suggestion = f" (did you mean {hint[0]}?)" if hint else ""
            problems.append(f"{key}: unknown setting{suggestion}")
    if problems:
        raise SettingsError("invalid settings:\n  " + "\n  ".join(sorted(problems)))
    return values
