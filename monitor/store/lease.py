"""The writer lock: one writer at a time across processes (the daemon and commands beside it).

The lock is one the operating system or the database server holds for the holder's life, so
a holder killed with SIGKILL, or one that fails while releasing (a full disk), frees it at
once — no expiry to wait out, no clock to compare:
- SQLite: ``flock`` on a file beside the database (``<database>-writer.lock``); the kernel
  drops it when the holder's last descriptor closes, also across containers sharing a volume;
- PostgreSQL: a session advisory lock on a connection held open while writing; the server
  drops it when that connection ends;
- an in-memory SQLite database lives in one process, whose jobs take turns already.

Only the wait for the lock runs on time, and on the monotonic clock with an injectable
sleep, never on the (possibly replayed) clock of the judgements.
"""

from __future__ import annotations

import fcntl
import os
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Protocol

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from monitor.errors import BusyError, StorageError

# pg_advisory_lock takes a bigint; this one spells "pldgwrtr"
ADVISORY_KEY = 0x706C646777727472
POLL = 0.2


class WriterLock(Protocol):
    def try_acquire(self) -> bool: ...

    def release(self) -> None: ...

    def holder(self) -> str | None:
        """Who holds it, as far as can be told (for the message of a waiting process)."""


def me() -> str:
    return f"pid {os.getpid()} on {socket.gethostname()}"


class FileLock:
    """flock on a file beside the SQLite database; the file holds its holder's name."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[str] | None = None

    def try_acquire(self) -> bool:
        try:
            handle = self.path.open("a+", encoding="utf-8")
        except OSError as exc:
            raise StorageError.from_os_error(exc, self.path) from None
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        self._file = handle
        self._write_holder(handle)
        return True

    @staticmethod
    def _write_holder(handle: IO[str]) -> None:
        # only a courtesy for the message of whoever waits: a full disk must not stop a writer
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(f"{me()} since {datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC\n")
            handle.flush()
        except OSError:
            pass

    def release(self) -> None:
        handle, self._file = self._file, None
        if handle is not None:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
            finally:
                handle.close()

    def holder(self) -> str | None:
        try:
            return self.path.read_text(encoding="utf-8").strip() or None
        except OSError:
            return None


class AdvisoryLock:
    """A PostgreSQL session advisory lock on a connection of its own, open while it is held."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._connection: Connection | None = None

    def try_acquire(self) -> bool:
        connection = self.engine.connect()
        taken = connection.execute(
            text("SELECT pg_try_advisory_lock(:key)"), {"key": ADVISORY_KEY}
        ).scalar_one()
        if not taken:
            connection.close()
            return False
        # the name others see in pg_stat_activity while they wait
        connection.execute(
            text("SELECT set_config('application_name', :name, false)"),
            {"name": f"pledge-monitor writer, {me()}"[:63]},
        )
        connection.commit()
        self._connection = connection
        return True

    def release(self) -> None:
        connection, self._connection = self._connection, None
        if connection is None:
            return
        try:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": ADVISORY_KEY})
            connection.execute(text("RESET application_name"))
            connection.commit()
            connection.close()
        except Exception:
            # the server is gone or the connection broke: either way the lock went with it
            connection.invalidate()

    def holder(self) -> str | None:
        with self.engine.connect() as connection:
            row = connection.execute(
                text(
                    "SELECT a.application_name, a.backend_start FROM pg_locks l "
                    "JOIN pg_stat_activity a ON a.pid = l.pid "
                    "WHERE l.locktype = 'advisory' AND l.granted "
                    "AND l.database = (SELECT oid FROM pg_database "
                    "WHERE datname = current_database()) "
                    "AND (l.classid::bigint << 32 | l.objid::bigint) = :key"
                ),
                {"key": ADVISORY_KEY},
            ).first()
        return str(row[0]) if row is not None and row[0] else None


class ProcessOnly:
    """An in-memory database is seen by this process alone, whose jobs take turns already."""

    def try_acquire(self) -> bool:
        return True

    def release(self) -> None:
        pass

    def holder(self) -> str | None:
        return None


def writer_lock(engine: Engine) -> WriterLock:
    url = engine.url
    if url.get_backend_name() == "postgresql":
        return AdvisoryLock(engine)
    if not url.database or url.database == ":memory:":
        return ProcessOnly()
    database = Path(url.database)
    return FileLock(database.with_name(database.name + "-writer.lock"))


@contextmanager
def hold(
    engine: Engine,
    wait: timedelta,
    *,
    sleep: Callable[[float], None] = time.sleep,
    monotonic: Callable[[], float] = time.monotonic,
) -> Iterator[None]:
    """Hold the writer lock, waiting up to ``wait``; BusyError names the holder if it stays
    taken. The lock is released even when the body fails."""
    lock = writer_lock(engine)
    deadline = monotonic() + wait.total_seconds()
    while not lock.try_acquire():
        if monotonic() >= deadline:
            held_by = lock.holder()
            raise BusyError(
                "another pledge-monitor process is writing to the database"
                + (f" ({held_by})" if held_by else "")
                + f"; waited {wait.total_seconds():g}s, try again shortly"
            )
        sleep(POLL)
    try:
        yield
    finally:
        lock.release()
