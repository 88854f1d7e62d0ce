"""Shared fixtures: a fixed clock, a real feed server on 127.0.0.1, real databases.

The ``engine`` fixture runs a test twice: on a SQLite file and on PostgreSQL. PostgreSQL is
found at TEST_POSTGRES_URL (default: the local server, user postgres). When it cannot be
reached the PostgreSQL runs are skipped with the reason, except under CI=true, where
they fail: CI must test both.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlmodel import SQLModel

from jobs.context import JobContext
from monitor.clock import FixedClock
from monitor.embed import UniversalSentenceEncoder
from monitor.pledgefile import load_config
from monitor.settings import load_settings
from monitor.store.db import make_engine
from tests.helpers.feed_server import FeedServer
from tests.helpers.smtp_server import SmtpServer

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2025, 12, 10, 12, 0, tzinfo=UTC))


@pytest.fixture(scope="session")
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _fresh_routes(feed_server: FeedServer) -> None:
    feed_server.reset()


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def smtp(smtp_server: SmtpServer) -> SmtpServer:
    smtp_server.reset()
    return smtp_server


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="Rewrite tests/data/golden/ from the current output.",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[str]:
    """A throwaway database on the PostgreSQL server, dropped at the end of the session."""
    admin_url = os.environ.get("TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("select 1"))
    except Exception as exc:
        reason = f"PostgreSQL not reachable at {make_url(admin_url).render_as_string()}: {exc}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (CI=true: the PostgreSQL tests must run)")
        pytest.skip(reason)
    name = f"pledge_monitor_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'create database "{name}"'))
    yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'drop database if exists "{name}" with (force)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        (tmp_path / "data").mkdir(exist_ok=True)
        yield f"sqlite:///{tmp_path / 'data' / 'pledge-monitor.db'}"
        return
    url = request.getfixturevalue("postgres_server_url")
    engine = create_engine(url)
    SQLModel.metadata.drop_all(engine)
    with engine.begin() as connection:  # migrations start from nothing again
        connection.execute(text("drop table if exists alembic_version"))
    engine.dispose()
    yield url


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'data' / 'pledge-monitor.db'}")
    yield engine
    engine.dispose()


PLEDGE = """\
  - id: task-force
    title: Launch the task force in November
    made_by: [President A]
    made_on: 2025-10-27
    source: https://example.org/summit
    due: 2025-11-30
    grace: 7d
    evidence:
      fulfilled:
        all: ["task force|태스크포스"]
        any: ["launched|출범"]
      progress:
        all: ["task force|태스크포스"]
        any: ["officers|budget"]
      broken:
        all: ["task force"]
        any: ["scrapped|called off"]
"""


@pytest.fixture
def write_config(tmp_path: Path) -> Callable[..., Path]:
    """Write a pledges file watching the given feeds; returns its path."""

    def write(
        feeds: dict[str, str], pledges: str = PLEDGE, name: str = "pledges.yaml", extra: str = ""
    ) -> Path:
        feed_lines = "".join(
            f'  - id: {fid}\n    title: Feed {fid}\n    url: "{url}"\n'
            for fid, url in feeds.items()
        )
        body = f"version: 1\ntimezone: UTC\n{extra}feeds:\n{feed_lines}pledges:\n{pledges}"
        path = tmp_path / name
        path.write_text(body, encoding="utf-8")
        return path

    return write


@pytest.fixture
def make_ctx(tmp_path: Path, embedder: UniversalSentenceEncoder) -> Callable[..., JobContext]:
    def make(
        config_path: Path, engine: Engine, clock: FixedClock, **settings: object
    ) -> JobContext:
        values = {
            "PLEDGE_MONITOR_DATA_DIR": str(tmp_path / "data"),
            "PLEDGE_MONITOR_REPORTS_DIR": str(tmp_path / "reports"),
            "PLEDGE_MONITOR_FETCH_TIMEOUT": "2",
        }
        values.update({f"PLEDGE_MONITOR_{k.upper()}": str(v) for k, v in settings.items()})
        return JobContext(
            settings=load_settings(values),
            config=load_config(config_path),
            engine=engine,
            clock=clock,
            embedder=embedder,
        )

    return make


@pytest.fixture(scope="session")
def embedder() -> UniversalSentenceEncoder:
    """One sentence model for the whole run, as the daemon keeps one for all its jobs."""
    return UniversalSentenceEncoder()
