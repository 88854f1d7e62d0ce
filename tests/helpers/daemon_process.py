"""Run ``pledge-monitor run`` as a real process, with the environment the tests choose."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

BASE_ENV = {
    "PLEDGE_MONITOR_POLL_INTERVAL": "1s",
    "PLEDGE_MONITOR_POLL_JITTER": "0",
    "PLEDGE_MONITOR_WATCH_INTERVAL": "0.3s",
    "PLEDGE_MONITOR_HEARTBEAT_INTERVAL": "0.5s",
    "PLEDGE_MONITOR_DELIVERY_INTERVAL": "1s",
    "PLEDGE_MONITOR_FETCH_TIMEOUT": "10",
    "PLEDGE_MONITOR_LOG_LEVEL": "INFO",
}


def daemon_env(tmp_path: Path, config: Path, **settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLEDGE_MONITOR_")}
    env.update(BASE_ENV)
    env.update(
        {
            "PLEDGE_MONITOR_CONFIG": str(config),
            "PLEDGE_MONITOR_DATA_DIR": str(tmp_path / "data"),
            "PLEDGE_MONITOR_REPORTS_DIR": str(tmp_path / "reports"),
        }
    )
    env.update({f"PLEDGE_MONITOR_{k.upper()}": v for k, v in settings.items()})
    return env


class DaemonProcess:
    def __init__(
        self, env: dict[str, str], log_path: Path, command: list[str] | None = None
    ) -> None:
        self.env = env
        self.log_path = log_path
        self.command = command or [sys.executable, "-m", "monitor", "run"]
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> DaemonProcess:
        with self.log_path.open("ab") as log:  # the child keeps its own descriptor
            self.process = subprocess.Popen(
                [sys.executable, "-m", "monitor", "run"],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        return self

    @property
    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def wait_for(self, what: str, check: Callable[[], bool], timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if check():
                return
            if not self.alive():
                raise AssertionError(f"daemon exited while waiting for {what}:\n{self.log[-3000:]}")
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}:\n{self.log[-3000:]}")

    def wait_for_log(self, fragment: str, count: int = 1, timeout: float = 20.0) -> None:
        self.wait_for(
            f"log {fragment!r} x{count}", lambda: self.log.count(fragment) >= count, timeout
        )

    def terminate(self, timeout: float = 30.0) -> int:
        assert self.process is not None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def health(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "monitor", "health"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
