"""A full disk, a read-only directory or a wrong storage setting ends in one clear line and a
non-zero exit — never a traceback — and the next run after the fault is gone succeeds.

The commands run as real processes. Disk-full and read-only cases use a small tmpfs mounted
for the test (root only; skipped with the reason elsewhere), since neither permission bits
nor a fake can reproduce ENOSPC or EROFS faithfully.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.helpers.feed_server import FeedServer
from tests.helpers.feeds import LAUNCH, OFFICERS, Item, rss
from tests.helpers.small_disk import CannotMount, SmallDisk
from tests.helpers.small_disk import small_disk as mount_small_disk

ROOT = Path(__file__).resolve().parents[1]
Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    """Run ``pledge-monitor`` as a process with the given settings; no traceback allowed."""

    def run(*args: str, **settings: str | Path) -> tuple[int, str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PLEDGE_MONITOR_")}
        env.update(
            {
                "PLEDGE_MONITOR_DATA_DIR": str(tmp_path / "data"),
                "PLEDGE_MONITOR_REPORTS_DIR": str(tmp_path / "reports"),
                "PLEDGE_MONITOR_FETCH_TIMEOUT": "5",
                "PLEDGE_MONITOR_WRITER_WAIT": "2s",
            }
        )
        env.update({f"PLEDGE_MONITOR_{k.upper()}": str(v) for k, v in settings.items()})
        done = subprocess.run(
            [sys.executable, "-m", "monitor", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert "Traceback" not in done.stderr, done.stderr
        return done.returncode, done.stdout, done.stderr

    return run


@pytest.fixture
def config(feed_server: FeedServer, write_config: Callable[..., Path]) -> Path:
    feed_server.route("/feed.xml", body=rss(OFFICERS, LAUNCH))
    return write_config({"a": feed_server.url("/feed.xml")})


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    try:
        with mount_small_disk(tmp_path / "small") as disk:
            yield disk
    except CannotMount as reason:
        pytest.skip(str(reason))


def one_line_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, err
    return lines[0]


# --- settings that point the store at the wrong place: exit 2 --------------------------------


def test_a_database_url_that_is_no_url_is_a_bad_setting(cli: Cli, config: Path) -> None:
    code, _, err = cli("--config", str(config), "check", database_url="garbage")
    assert code == 2
    assert "PLEDGE_MONITOR_DATABASE_URL: not a database URL" in err


def test_an_unreachable_postgresql_is_server_down_and_hides_the_password(
    cli: Cli, config: Path
) -> None:
    url = "postgresql+psycopg://someone:hunter2@127.0.0.1:1/pledges"
    code, out, err = cli("--config", str(config), "check", database_url=url)
    assert code == 1
    assert one_line_error(err).startswith("error: storage: unreachable: ")
    assert "hunter2" not in out + err
    code, out, _ = cli("health", database_url=url)
    assert code == 1 and out.startswith("unhealthy: cannot read the daemon's state")
    assert "hunter2" not in out


def test_health_with_a_bad_database_url_is_a_bad_setting(cli: Cli) -> None:
    code, _, err = cli("health", database_url="mysql://x@y/z")
    assert code == 2 and "unsupported database 'mysql'" in err


def test_a_data_dir_under_a_file_is_a_bad_setting(cli: Cli, config: Path, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("in the way")
    data_dir = tmp_path / "a-file" / "data"
    code, _, err = cli("--config", str(config), "check", data_dir=data_dir)
    assert code == 2
    assert f"PLEDGE_MONITOR_DATA_DIR={data_dir} is not a directory" in err


def test_read_only_data_and_reports_directories_are_bad_settings(
    cli: Cli, config: Path, small_disk: SmallDisk
) -> None:
    small_disk.read_only()
    code, _, err = cli("--config", str(config), "check", data_dir=small_disk.path / "data")
    assert code == 2
    assert "PLEDGE_MONITOR_DATA_DIR=" in err and "is on a read-only file system" in err
    code, _, err = cli("--config", str(config), "page", reports_dir=small_disk.path)
    assert code == 2
    assert f"PLEDGE_MONITOR_REPORTS_DIR={small_disk.path} is on a read-only" in err


# --- a full disk: exit 1, the data intact, the next run succeeds -----------------------------


def integrity(database: Path) -> str:
    with sqlite3.connect(database) as connection:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


def test_a_disk_full_at_start_stops_check_in_one_line_and_the_next_run_succeeds(
    cli: Cli, config: Path, small_disk: SmallDisk
) -> None:
    data_dir = small_disk.path / "data"
    small_disk.fill()
    code, _, err = cli("--config", str(config), "check", data_dir=data_dir)
    assert code == 1
    assert one_line_error(err).startswith("error: storage: full: ")
    small_disk.free()
    code, out, _ = cli("--config", str(config), "check", data_dir=data_dir)
    assert code == 0 and "new evidence: 2" in out


def test_a_disk_full_mid_cycle_keeps_the_database_whole(
    cli: Cli, feed_server: FeedServer, write_config: Callable[..., Path], small_disk: SmallDisk
) -> None:
    start = datetime(2025, 11, 1, tzinfo=UTC)
    many = [
        Item(
            f"Story {n}",
            link=f"https://example.org/{n}",
            published=start + timedelta(minutes=n),
            description=f"Item {n}: " + "words that take room " * 80,
        )
        for n in range(1500)
    ]
    feed_server.route("/many.xml", body=rss(*many))
    feed_server.route("/news.xml", body=rss(OFFICERS, LAUNCH))
    config = write_config({"many": feed_server.url("/many.xml"), "a": feed_server.url("/news.xml")})
    data_dir = small_disk.path / "data"
    code, _, _ = cli("--config", str(config), "validate")
    assert code == 0
    small_disk.fill(leave=600_000)  # room for the schema, not for 1,500 stories
    code, _, err = cli("--config", str(config), "check", data_dir=data_dir)
    assert code == 1
    assert one_line_error(err).startswith("error: storage: full: ")
    assert integrity(data_dir / "pledge-monitor.db") == "ok"
    small_disk.free()
    code, out, err = cli("--config", str(config), "check", data_dir=data_dir)
    assert code == 0 and "new evidence: 2" in out, out + err
    assert integrity(data_dir / "pledge-monitor.db") == "ok"


def test_a_disk_full_while_writing_the_page_leaves_no_half_file(
    cli: Cli, config: Path, small_disk: SmallDisk
) -> None:
    assert cli("--config", str(config), "check")[0] == 0
    small_disk.fill()
    code, _, err = cli("--config", str(config), "page", reports_dir=small_disk.path)
    assert code == 1
    assert one_line_error(err).startswith("error: storage: full: No space left on device: ")
    assert not list(small_disk.path.glob(".*.tmp"))
    small_disk.free()
    code, out, _ = cli("--config", str(config), "page", reports_dir=small_disk.path)
    assert code == 0 and f"wrote {small_disk.path / 'index.html'}" in out


def test_a_reader_holding_the_file_as_it_is_first_opened_does_not_stop_the_writer(
    tmp_path: Path,
) -> None:
    """Switching a file to WAL needs it to itself and fails at once, with no busy wait,
    while another process reads it (`health` polling as the daemon starts): the writer
    carries on in the file's present mode, and a connection made once the file is free
    switches it."""
    from sqlalchemy import text

    from monitor.store.db import make_engine

    path = tmp_path / "pledge-monitor.db"
    reader = sqlite3.connect(path)
    reader.execute("CREATE TABLE probe (x)")
    reader.commit()
    reader.execute("BEGIN")
    reader.execute("SELECT * FROM probe").fetchall()  # a shared lock, held
    engine = make_engine(f"sqlite:///{path}", create_schema=False)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM probe")).scalar() == 0
        assert connection.execute(text("PRAGMA journal_mode")).scalar() != "wal"
    engine.dispose()
    reader.rollback()
    reader.close()
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    engine.dispose()
