"""``status`` and ``history`` tell the same change: the same evidence, the same moment."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.helpers.feed_server import FeedServer
from tests.helpers.feeds import Item, rss
from tests.test_check_cycle import LAUNCH, PROGRESS
from tests.test_cli import run

# a second outlet's report of the same launch, six hours later: it repeats, it changes nothing
LAUNCH_AGAIN = Item(
    "Officials confirm the task force launched",
    link="https://example.org/news/launch-confirmed",
    guid="n-3",
    published=datetime(2025, 12, 3, 15, tzinfo=UTC),
    description="The task force launched this week, officials said.",
)


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name in ("PLEDGE_MONITOR_CONFIG", "PLEDGE_MONITOR_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PLEDGE_MONITOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PLEDGE_MONITOR_REPORTS_DIR", str(tmp_path / "reports"))
    return tmp_path


def test_status_names_the_evidence_and_time_of_the_change_history_records(
    capsys: pytest.CaptureFixture[str],
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    cli_env: Path,
) -> None:
    feed_server.route("/a.xml", body=rss(PROGRESS, LAUNCH, LAUNCH_AGAIN))
    config = str(write_config({"a": feed_server.url("/a.xml")}))
    run(capsys, "--config", config, "check", "--as-of", "2025-12-10")

    _, out, _ = run(capsys, "--config", config, "status", "--json", "--as-of", "2025-12-10")
    [shown] = json.loads(out)["pledges"]
    _, out, _ = run(capsys, "--config", config, "history", "task-force", "--json")
    last = json.loads(out)[-1]

    assert shown["status"] == last["new_status"] == "fulfilled_late"
    assert shown["status_since"] == last["effective_at"]
    assert shown["status_evidence_id"] == last["evidence_id"]
    assert shown["reason"] == last["reason"]
    assert "Task force launched" in shown["reason"]
    # the later report is still the latest evidence, but not the cause of the change
    assert shown["latest_evidence"]["title"] == LAUNCH_AGAIN.title
