"""The image's entrypoint and healthcheck, run as plain processes with the Dockerfile's
environment (no Docker engine runs here). Paths under /data and /config are mapped into a
temporary directory; everything else is taken from the Dockerfile as written."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

from tests.helpers.daemon_process import DaemonProcess
from tests.helpers.feed_server import FeedServer
from tests.helpers.feeds import Item, rss
from tests.helpers.smtp_server import free_port

ROOT = Path(__file__).parent.parent
DOCKERFILE = (ROOT / "Dockerfile").read_text()


def final_stage() -> str:
    return DOCKERFILE.split("\nFROM ")[-1]


def dockerfile_env() -> dict[str, str]:
    block = re.search(r"^ENV (.+?)(?=^\S)", final_stage(), re.MULTILINE | re.DOTALL)
    assert block is not None
    pairs = shlex.split(block.group(1).replace("\\\n", " "))
    return dict(pair.split("=", 1) for pair in pairs)


def exec_form(instruction: str) -> list[str]:
    match = re.search(rf"^{instruction} (\[.*\])$", final_stage(), re.MULTILINE)
    assert match is not None, f"{instruction} must use the exec form (signals reach PID 1)"
    return list(json.loads(match.group(1)))


def healthcheck_command() -> list[str]:
    match = re.search(r"^HEALTHCHECK [^\n]*\\\n\s*CMD (\[.*\])$", final_stage(), re.MULTILINE)
    assert match is not None, "HEALTHCHECK must run a command in exec form"
    return list(json.loads(match.group(1)))


def as_local(command: list[str]) -> list[str]:
    """The installed console script, run by this test's interpreter."""
    assert command[0] == "pledge-monitor"
    return [sys.executable, "-m", "monitor", *command[1:]]


def test_the_image_runs_the_daemon_as_a_non_root_user_with_a_healthcheck() -> None:
    stage = final_stage()
    assert re.search(r"^USER (\d+)$", stage, re.MULTILINE) and "USER 0" not in stage
    assert exec_form("ENTRYPOINT") == ["pledge-monitor"] and exec_form("CMD") == ["run"]
    assert healthcheck_command() == ["pledge-monitor", "health"]
    assert 'VOLUME ["/data"]' in stage


def test_entrypoint_and_healthcheck_work_with_the_dockerfile_environment(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.route("/a.xml", body=rss(Item("Hello", link="https://example.org/h", guid="h")))
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    pledges = (ROOT / "pledges.yaml").read_text()
    # the production feeds are on the internet; here one local feed stands in for them all
    head, rest = pledges.split("\nfeeds:\n", 1)
    local = f"\nfeeds:\n  - id: local\n    title: Local\n    url: {feed_server.url('/a.xml')}\n"
    (config_dir / "pledges.yaml").write_text(
        head + local + "\npledges:" + rest.split("\npledges:", 1)[1]
    )
    env = {
        k: v.replace("/data", str(tmp_path / "data")).replace("/config", str(config_dir))
        for k, v in dockerfile_env().items()
    }
    env["PLEDGE_MONITOR_HTTP_PORT"] = str(free_port())  # 8080 may be taken on this machine
    env["PLEDGE_MONITOR_POLL_INTERVAL"] = "1s"
    env["PLEDGE_MONITOR_HEARTBEAT_INTERVAL"] = "0.5s"
    env["PATH"] = str(Path(sys.executable).parent) + ":/usr/bin:/bin"
    (tmp_path / "data").mkdir()

    def healthcheck() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            as_local(healthcheck_command()),
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )

    assert healthcheck().returncode == 1  # before the daemon ever ran
    command = as_local(exec_form("ENTRYPOINT") + exec_form("CMD"))
    daemon = DaemonProcess(env, tmp_path / "daemon.log", command).start()
    try:
        page = tmp_path / "data" / "reports" / "index.html"
        daemon.wait_for("a first cycle", page.exists)
        assert healthcheck().returncode == 0
        assert (tmp_path / "data" / "pledge-monitor.db").exists()
        assert daemon.terminate() == 0
        assert healthcheck().returncode == 1
    finally:
        daemon.kill()
