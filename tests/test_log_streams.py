"""Logs go to stderr in every command, the daemon too; stdout carries only a command's output."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.helpers.daemon_process import daemon_env
from tests.helpers.feed_server import FeedServer
from tests.helpers.feeds import LAUNCH, rss


def test_check_prints_its_summary_on_stdout_and_its_logs_on_stderr(
    feed_server: FeedServer, write_config: Callable[..., Path], tmp_path: Path
) -> None:
    feed_server.route("/a.xml", body=rss(LAUNCH))
    env = daemon_env(tmp_path, write_config({"a": feed_server.url("/a.xml")}))
    done = subprocess.run(
        [sys.executable, "-m", "monitor", "check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "feed a: 1 entries, 1 new" in done.stdout and "level=" not in done.stdout
    assert 'level=info logger=pledge_monitor msg="feed ok"' in done.stderr


def test_the_daemon_logs_to_stderr_and_writes_nothing_to_stdout(
    feed_server: FeedServer, write_config: Callable[..., Path], tmp_path: Path
) -> None:
    feed_server.route("/a.xml", body=rss(LAUNCH))
    env = daemon_env(tmp_path, write_config({"a": feed_server.url("/a.xml")}))
    out_path, err_path = tmp_path / "stdout.txt", tmp_path / "stderr.txt"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        daemon = subprocess.Popen(
            [sys.executable, "-m", "monitor", "run"], env=env, stdout=out, stderr=err
        )
    try:
        deadline = time.monotonic() + 30
        while 'msg="feed ok"' not in err_path.read_text() and time.monotonic() < deadline:
            assert daemon.poll() is None, err_path.read_text()
            time.sleep(0.1)
        daemon.terminate()
        assert daemon.wait(timeout=30) == 0
    finally:
        if daemon.poll() is None:
            daemon.kill()
            daemon.wait()
    logs = err_path.read_text()
    assert 'msg="daemon started"' in logs and 'msg="daemon stopped"' in logs
    assert out_path.read_text() == ""
