"""Engine from a database URL: SQLite (the embedded default, WAL mode) or PostgreSQL.

The engine's error hook is the one seam where database driver errors that are about the
storage itself (disk full, read-only, server unreachable) become StorageError, so that every
command and job reports them in one line instead of a traceback.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import event, inspect
from sqlalchemy.engine import Connection, Engine, ExceptionContext, make_url
from sqlmodel import create_engine

from monitor.errors import StorageError, StorageErrorKind
from monitor.store import models  # noqa: F401  (registers the tables on SQLModel.metadata)

BASELINE = "0001"
BUSY_TIMEOUT_MS = 30_000  # a writer waits this long for another's transaction to end
WAL_SWITCH_WAIT_MS = 2_000


def make_engine(url: str, *, create_schema: bool = True) -> Engine:
    """Create the engine and (unless told not to) the schema. SQLite gets WAL, foreign keys
    and a busy timeout, so that a reader (the CLI) and a writer (the daemon) can share it."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and create_schema:
            directory = Path(database).parent
            try:
                directory.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageError.from_os_error(exc, directory) from None
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    event.listen(engine, "handle_error", _storage_errors)
    if create_schema:
        migrate(engine)
    return engine


def alembic_config(connection: Connection | None = None) -> AlembicConfig:
    config = AlembicConfig()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    config.attributes["connection"] = connection
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision; a database made before migrations existed
    (tables, no alembic_version) is stamped as the baseline first, then upgraded."""
    with engine.begin() as connection:
        tables = set(inspect(connection).get_table_names())
        config = alembic_config(connection)
        if "alembic_version" not in tables and "feed" in tables:
            command.stamp(config, BASELINE)
        command.upgrade(config, "head")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL is a property of the file: switch only once, since switching needs the file to
    # itself while another process may have it open; wait a little for a brief reader,
    # not the full busy timeout
    cursor.execute(f"PRAGMA busy_timeout={WAL_SWITCH_WAIT_MS}")
    if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc):
                raise
            # Another process has the file open (`health` polling as the daemon starts):
            # this connection works in the file's present mode, under the busy timeout,
            # and a connection made once the file is free switches it.
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


# What the drivers say, and what it means for the person reading the error
_SQLITE_MESSAGES = {
    "database or disk is full": StorageErrorKind.FULL,
    "attempt to write a readonly database": StorageErrorKind.READ_ONLY,
    "unable to open database file": StorageErrorKind.DENIED,
    "disk i/o error": StorageErrorKind.IO,
}
_POSTGRES_STATES = {
    "53100": StorageErrorKind.FULL,  # disk_full
    "25006": StorageErrorKind.READ_ONLY,  # read_only_sql_transaction (a standby)
    "57P03": StorageErrorKind.UNREACHABLE,  # cannot_connect_now (starting up)
    "28P01": StorageErrorKind.DENIED,  # invalid_password
    "28000": StorageErrorKind.DENIED,  # invalid_authorization_specification
    "3D000": StorageErrorKind.UNREACHABLE,  # invalid_catalog_name: no such database
}


def _storage_errors(context: ExceptionContext) -> None:
    """Replace a driver error about the storage itself by a StorageError; leave the rest
    (constraint violations and the like are the code's to handle) untouched."""
    error = context.original_exception
    kind = _storage_kind(error, connecting=context.connection is None)
    if kind is None and context.is_disconnect:
        kind = StorageErrorKind.UNREACHABLE
    if kind is None:
        return
    where = context.engine.url.render_as_string(hide_password=True) if context.engine else ""
    detail = " ".join(str(error).split())[:300]
    raise StorageError(kind, f"{detail} ({where})") from None


def _storage_kind(error: BaseException, *, connecting: bool) -> StorageErrorKind | None:
    message = str(error).lower()
    for text, kind in _SQLITE_MESSAGES.items():
        if text in message:
            return kind
    state = getattr(error, "sqlstate", None)
    if state in _POSTGRES_STATES:
        return _POSTGRES_STATES[state]
    if "no space left on device" in message or "could not extend file" in message:
        return StorageErrorKind.FULL
    if connecting and type(error).__name__ == "OperationalError":
        return StorageErrorKind.UNREACHABLE  # refused, timed out, unknown host
    return None
