"""Every failure pledge-monitor knows about, as a named kind.

    PledgeMonitorError
    ├── ConfigError          pledges.yaml is wrong; carries every Problem (file, line, field)
    ├── SettingsError        an environment setting is wrong; names the variable
    ├── StageError(kind)     a stage failed, in a named way
    │   ├── FetchError       "fetch: ..."  timeout | connect | dns | tls | http_status |
    │   │                                  too_large | too_many_redirects | not_found |
    │   │                                  invalid_url | io
    │   ├── ParseError       "parse: ..."  not_a_feed | malformed
    │   ├── DeliveryError    "deliver: ..." connect | timeout | tls | auth | temporary |
    │   │                                  rejected | config | notify | no_route
    │   │                                  (+ transient: bool)
    │   └── StorageError     "storage: ..." full | read_only | denied | not_a_directory |
    │                                      unreachable | io
    ├── BusyError            another process holds the writer lock too long
    ├── NotFoundError        a command named a pledge, evidence or message that does not exist
    └── NotRetryableError    `outbox retry/cancel` named a message that was sent or is in flight

httpx and OS errors are translated into FetchError at one seam (``monitor.fetch``),
feedparser's bozo results into ParseError in ``monitor.parse``, database driver errors into
StorageError by the engine's error hook (``monitor.store.db``) and OS errors of the files we
write in ``monitor.files``; nothing else in the code base sees third-party exceptions.
Only the CLI turns these into messages and exit codes.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from enum import StrEnum


class PledgeMonitorError(Exception):
    """Base class of every error this package raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a pledges file, located as precisely as the file allows."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class ConfigError(PledgeMonitorError):
    """pledges.yaml could not be loaded; ``problems`` lists every error found, not just one."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.field))
        count = len(self.problems)
        header = f"{count} problem{'s' if count != 1 else ''} in the pledges file"
        super().__init__(header + ":\n" + "\n".join(f"  {p}" for p in self.problems))


class SettingsError(PledgeMonitorError):
    """An environment setting is unknown or has a value of the wrong kind."""


class FetchErrorKind(StrEnum):
    TIMEOUT = "timeout"
    CONNECT = "connect"
    DNS = "dns"
    TLS = "tls"
    HTTP_STATUS = "http_status"
    TOO_LARGE = "too_large"
    TOO_MANY_REDIRECTS = "too_many_redirects"
    NOT_FOUND = "not_found"
    INVALID_URL = "invalid_url"
    IO = "io"


class StageError(PledgeMonitorError):
    """A failure of one stage, of a named kind; the message reads "<stage>: <kind>: ..."."""

    stage = "stage"

    def __init__(self, kind: StrEnum, message: str) -> None:
        self.kind = kind
        self.detail = message
        super().__init__(f"{self.stage}: {kind}: {message}")


class FetchError(StageError):
    stage = "fetch"
    kind: FetchErrorKind

    def __init__(
        self, kind: FetchErrorKind, message: str, *, retry_after: str | None = None
    ) -> None:
        super().__init__(kind, message)
        self.retry_after = retry_after  # the server's Retry-After header, as sent


class ParseErrorKind(StrEnum):
    NOT_A_FEED = "not_a_feed"
    MALFORMED = "malformed"


class ParseError(StageError):
    stage = "parse"
    kind: ParseErrorKind


class DeliveryErrorKind(StrEnum):
    CONNECT = "connect"
    TIMEOUT = "timeout"
    TLS = "tls"
    AUTH = "auth"
    TEMPORARY = "temporary"  # the server said 4xx: try again later
    REJECTED = "rejected"  # the server said 5xx: trying again will not help
    CONFIG = "config"
    NOTIFY = "notify"
    # no configured channel reaches this recipient (SMTP off, or its notification URL was
    # changed): the message is held, without using an attempt, until one does again
    NO_ROUTE = "no_route"


class DeliveryError(StageError):
    """Sending failed. ``transient`` errors are retried with backoff; others are final."""

    stage = "deliver"
    kind: DeliveryErrorKind

    def __init__(self, kind: DeliveryErrorKind, message: str, *, transient: bool) -> None:
        super().__init__(kind, message)
        self.transient = transient


class StorageErrorKind(StrEnum):
    FULL = "full"  # no space left: free some, and the next run goes on
    READ_ONLY = "read_only"
    DENIED = "denied"
    NOT_A_DIRECTORY = "not_a_directory"
    UNREACHABLE = "unreachable"  # the database server is down or refuses us
    IO = "io"


_KIND_OF_ERRNO = {
    errno.ENOSPC: StorageErrorKind.FULL,
    errno.EDQUOT: StorageErrorKind.FULL,
    errno.EROFS: StorageErrorKind.READ_ONLY,
    errno.EACCES: StorageErrorKind.DENIED,
    errno.EPERM: StorageErrorKind.DENIED,
    errno.ENOTDIR: StorageErrorKind.NOT_A_DIRECTORY,
    errno.EEXIST: StorageErrorKind.NOT_A_DIRECTORY,  # mkdir over a file
}


class StorageError(StageError):
    """The database or a directory we write to failed: full, read-only, unreachable…"""

    stage = "storage"
    kind: StorageErrorKind

    @classmethod
    def from_os_error(cls, error: OSError, path: object) -> StorageError:
        kind = _KIND_OF_ERRNO.get(error.errno or 0, StorageErrorKind.IO)
        reason = error.strerror or str(error)
        return cls(kind, f"{reason}: {path}")


class BusyError(PledgeMonitorError):
    """Another process (the daemon, say) is writing to the database; try again shortly."""


class NotFoundError(PledgeMonitorError):
    """A command named something (a pledge id, an evidence id) that does not exist."""


class NotRetryableError(PledgeMonitorError):
    """An outbox command named a message it must leave alone: one that was sent (nothing
    is sent twice) or one being sent right now."""
