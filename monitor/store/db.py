"""Engine from a database URL: SQLite (the embedded default, WAL mode) or PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import event, inspect
from sqlalchemy.engine import Connection, Engine, make_url
from sqlmodel import create_engine

from monitor.store import models  # noqa: F401  (registers the tables on SQLModel.metadata)

BASELINE = "0001"


def make_engine(url: str, *, create_schema: bool = True) -> Engine:
    """Create the engine and (unless told not to) the schema. SQLite gets WAL, foreign keys
    and a busy timeout, so that a reader (the CLI) and a writer (the daemon) can share it."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
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
    cursor.execute("PRAGMA busy_timeout=30000")
    # WAL is a property of the file: switch only once, since switching needs the file to
    # itself and fails at once (no busy wait) while another process has it open
    if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
