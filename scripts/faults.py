"""Fault injection: run pledge-monitor as real processes under faults; print a table.

    .venv/bin/python scripts/faults.py [--rounds 10] [--fuzz 300] [--seed 7]

Scenarios: SIGKILL of ``check`` at a random moment then another ``check`` (SQLite and, when
reachable, PostgreSQL); SIGKILL of the daemon then a restart; a full disk at start, mid-cycle
and while writing the page, read-only data and reports directories (root only: a small
tmpfs); wrong storage settings; mutations of the shipped pledges.yaml through ``validate``.
Every row counts tracebacks (there should be none) and the slowest run. Asserts nothing: the
suite's tests do that; this prints the figures for the issue's table.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from scripts.pledgefile_faults import alias_bomb  # noqa: E402
from tests.helpers.feed_server import FeedServer  # noqa: E402
from tests.helpers.feeds import LAUNCH, OFFICERS, Item, rss  # noqa: E402
from tests.helpers.small_disk import CannotMount, small_disk  # noqa: E402
from tests.helpers.smtp_server import free_port  # noqa: E402

PLEDGE = (ROOT / "tests" / "conftest.py").read_text().split('PLEDGE = """\\\n')[1].split('"""')[0]
POSTGRES = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


@dataclass
class Row:
    scenario: str
    runs: int = 0
    clean: int = 0  # ended as expected, with at most one line of error
    tracebacks: int = 0
    worst: float = 0.0
    notes: list[str] = field(default_factory=list)

    def record(self, ok: bool, seconds: float, stderr: str) -> None:
        self.runs += 1
        self.clean += ok and "Traceback" not in stderr
        self.tracebacks += "Traceback" in stderr
        self.worst = max(self.worst, seconds)


@dataclass
class Run:
    code: int
    out: str
    err: str
    seconds: float


class Lab:
    """A temporary directory, a feed server and a pledges file to run commands against."""

    def __init__(self, base: Path, server: FeedServer, feeds: int = 4, delay: float = 0.0):
        self.base = base
        start = datetime(2025, 11, 1, tzinfo=UTC)
        urls = {}
        for n in range(feeds):
            items = [
                Item(
                    f"Story {n}-{i}",
                    link=f"https://example.org/{n}/{i}",
                    published=start + timedelta(hours=i),
                    description="The ministry said the talks went on. " * 20,
                )
                for i in range(200)
            ]
            body = rss(*items, *((OFFICERS, LAUNCH) if n == 0 else ()))
            urls[f"f{n}"] = server.route(f"/{base.name}/{n}.xml", body=body, delay=delay)
        lines = "".join(
            f'  - id: {k}\n    title: Feed {k}\n    url: "{u}"\n' for k, u in urls.items()
        )
        self.config = base / "pledges.yaml"
        self.config.write_text(f"version: 1\ntimezone: UTC\nfeeds:\n{lines}pledges:\n{PLEDGE}")

    def env(self, **settings: str | Path) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PLEDGE_MONITOR_")}
        env.update(
            PLEDGE_MONITOR_CONFIG=str(self.config),
            PLEDGE_MONITOR_DATA_DIR=str(self.base / "data"),
            PLEDGE_MONITOR_REPORTS_DIR=str(self.base / "reports"),
            PLEDGE_MONITOR_WRITER_WAIT="5s",
        )
        env.update({f"PLEDGE_MONITOR_{k.upper()}": str(v) for k, v in settings.items()})
        return env

    def run(self, *args: str, timeout: float = 120, **settings: str | Path) -> Run:
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "monitor", *args],
            env=self.env(**settings),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        return Run(done.returncode, done.stdout, done.stderr, time.monotonic() - started)

    def spawn(self, *args: str, **settings: str | Path) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-m", "monitor", *args],
            env=self.env(**settings),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )


def kill_check_rounds(lab: Lab, rounds: int, rng: random.Random, **settings: str) -> Row:
    row = Row(f"kill -9 of check, then check ({settings.get('database_url', 'sqlite')[:10]})")
    for _ in range(rounds):
        victim = lab.spawn("check", **settings)
        time.sleep(rng.uniform(0.3, 3.0))
        victim.kill()
        victim.communicate()
        after = lab.run("check", **settings)
        row.record(
            after.code in (0, 1) and "another pledge-monitor" not in after.err,
            after.seconds,
            after.err,
        )
        if "another pledge-monitor" in after.err:
            row.notes.append("refused by a dead writer's lock")
    database = lab.base / "data" / "pledge-monitor.db"
    if "database_url" not in settings and database.exists():
        with sqlite3.connect(database) as connection:
            row.notes.append(
                f"integrity_check: {connection.execute('PRAGMA integrity_check').fetchone()[0]}"
            )
    return row


def kill_daemon_restart(lab: Lab, rng: random.Random) -> Row:
    row = Row("kill -9 of the daemon, restart until a good cycle")
    port = free_port()
    settings = {
        "poll_interval": "2s",
        "poll_jitter": "0",
        "http_port": str(port),
        "heartbeat_interval": "0.5s",
    }
    victim = lab.spawn("run", **settings)
    time.sleep(rng.uniform(2.0, 4.0))
    victim.kill()
    victim.communicate()
    started = time.monotonic()
    daemon = lab.spawn("run", **settings)
    healthy = False
    while time.monotonic() - started < 60 and not healthy:
        time.sleep(0.5)
        healthy = lab.run("health").out.startswith("healthy: last good cycle")
    seconds = time.monotonic() - started
    daemon.send_signal(signal.SIGTERM)
    log, _ = daemon.communicate(timeout=30)
    row.record(healthy, seconds, log)
    row.notes.append(
        f"{log.count('job skipped')} 'job skipped' lines; healthy after {seconds:.1f}s"
    )
    return row


def storage_faults(lab: Lab) -> list[Row]:
    rows = []
    cases: list[tuple[str, Callable[[Path], Run], str]] = [
        (
            "disk full at start: check",
            lambda d: lab.run("check", data_dir=d / "data"),
            "error: storage: full",
        ),
        (
            "disk full mid-cycle: check",
            lambda d: lab.run("check", data_dir=d / "data"),
            "error: storage: full",
        ),
        (
            "disk full writing the page",
            lambda d: lab.run("page", reports_dir=d),
            "error: storage: full",
        ),
        (
            "read-only data dir: check",
            lambda d: lab.run("check", data_dir=d / "data"),
            "read-only file system",
        ),
        (
            "read-only reports dir: page",
            lambda d: lab.run("page", reports_dir=d),
            "read-only file system",
        ),
    ]
    lab.run("check")  # a database for the page
    for name, command, expected in cases:
        row = Row(name)
        try:
            with small_disk(lab.base / "disk") as disk:
                if "mid-cycle" in name:
                    (disk.path / "data").mkdir()
                    disk.fill(leave=400_000)
                elif "full" in name:
                    disk.fill()
                else:
                    disk.read_only()
                failed = command(disk.path)
                row.record(failed.code != 0 and expected in failed.err, failed.seconds, failed.err)
                disk.read_only(False)
                disk.free()
                again = command(disk.path)
                row.record(again.code == 0, again.seconds, again.err)
                row.notes.append(f"exit {failed.code}, then {again.code} once the fault was gone")
        except CannotMount as reason:
            row.notes.append(f"skipped: {reason}")
        rows.append(row)
    return rows


def bad_settings(lab: Lab) -> Row:
    row = Row("bad storage settings (exit 2, server down exit 1)")
    (lab.base / "a-file").write_text("x")
    cases = [
        (("check",), {"database_url": "garbage"}, 2),
        (("check",), {"database_url": "postgresql+psycopg://u:secret@127.0.0.1:1/x"}, 1),
        (("check",), {"data_dir": str(lab.base / "a-file" / "data")}, 2),
        (("health",), {"database_url": "garbage"}, 2),
        (("health",), {"database_url": "postgresql+psycopg://u:secret@127.0.0.1:1/x"}, 1),
        (("check",), {"poll_interval": "abc"}, 2),
    ]
    for args, settings, code in cases:
        done = lab.run(*args, **settings)
        row.record(
            done.code == code and "secret" not in done.out + done.err, done.seconds, done.err
        )
    return row


MUTATIONS: list[Callable[[bytes, random.Random], bytes]] = [
    lambda b, r: b[: r.randrange(len(b))],
    lambda b, r: bytes(x ^ (1 << r.randrange(8)) if r.random() < 0.002 else x for x in b),
    lambda b, r: b.replace(b"\n", b"\r\n"),
    lambda b, r: b"\xef\xbb\xbf" + b,
    lambda b, r: b + b"\nx: " + b"[" * 5000 + b"]" * 5000 + b"\n",
    lambda b, r: b.replace(b"grace: 7d", b"grace: " + b"9" * 5000, 1),
    lambda b, r: b.replace(b"version: 1", b"version: !!float x", 1),
    lambda b, r: b.replace(b"timezone:", b"timezone: UTC\ntimezone:", 1),
    lambda b, r: b[: r.randrange(len(b))] + bytes([r.randrange(32)]) + b[r.randrange(len(b)) :],
    lambda b, r: alias_bomb(),
    lambda b, r: b.replace(b"title:", b"title: " + b"x" * 2_000_000 + b" #", 1),
]


def fuzz_pledges(lab: Lab, count: int, rng: random.Random) -> Row:
    row = Row(f"pledges.yaml mutations through validate ({count})")
    original = (ROOT / "pledges.yaml").read_bytes()
    target = lab.base / "fuzz.yaml"
    for _ in range(count):
        mutate = rng.choice(MUTATIONS)
        target.write_bytes(mutate(original, rng))
        try:
            done = lab.run("validate", str(target), timeout=30)
        except subprocess.TimeoutExpired:
            row.record(False, 30.0, "")
            row.notes.append("a run over 30 s")
            continue
        row.record(done.code in (0, 2), done.seconds, done.err)
    slow = [n for n in row.notes if "30 s" in n]
    row.notes = [f"{len(slow)} runs over 30 s"] if slow else []
    return row


def print_table(rows: list[Row]) -> None:
    print(f"{'scenario':58} {'runs':>5} {'clean':>6} {'tracebacks':>10} {'slowest':>8}  notes")
    for r in rows:
        notes = "; ".join(dict.fromkeys(r.notes))
        print(
            f"{r.scenario:58} {r.runs:>5} {r.clean:>6} {r.tracebacks:>10} {r.worst:>7.1f}s  {notes}"
        )


def fresh_postgres_database() -> str | None:
    """A new empty database on the local server for the kill rounds, or None without one."""
    from sqlalchemy import create_engine, make_url, text

    try:
        admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("drop database if exists pledge_monitor_faults with (force)"))
            connection.execute(text("create database pledge_monitor_faults"))
        admin.dispose()
    except Exception:
        return None
    url = make_url(POSTGRES).set(database="pledge_monitor_faults")
    return url.render_as_string(hide_password=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=10, help="kill -9 rounds per database")
    parser.add_argument("--fuzz", type=int, default=300, help="pledges.yaml mutations")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    server = FeedServer()
    server.start()
    rows: list[Row] = []
    try:
        with tempfile.TemporaryDirectory(prefix="pm-faults-") as base:

            def lab(name: str, **kw: float) -> Lab:
                path = Path(base) / name
                path.mkdir()
                return Lab(path, server, **kw)  # type: ignore[arg-type]

            rows.append(kill_check_rounds(lab("kill-sqlite", delay=0.5), args.rounds, rng))
            postgres = fresh_postgres_database()
            if postgres:
                pg_lab = lab("kill-pg", delay=0.5)
                rows.append(kill_check_rounds(pg_lab, args.rounds, rng, database_url=postgres))
            else:
                rows.append(
                    Row("kill -9 of check, then check (postgres)", notes=["skipped: no PostgreSQL"])
                )
            rows.append(kill_daemon_restart(lab("daemon", delay=0.5), rng))
            rows.extend(storage_faults(lab("storage", feeds=2)))
            rows.append(bad_settings(lab("settings", feeds=1)))
            rows.append(fuzz_pledges(lab("fuzz", feeds=1), args.fuzz, rng))
    finally:
        server.stop()
    print_table(rows)


if __name__ == "__main__":
    main()
