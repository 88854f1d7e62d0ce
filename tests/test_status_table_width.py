"""The status table fits the terminal it is printed to, wrapping long titles at words."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.helpers.daemon_process import daemon_env
from tests.helpers.feed_server import FeedServer
from tests.helpers.feeds import Item, rss

LONG_TITLE = (
    "Officers from the national police and the immigration service join the task force "
    "as it prepares its first joint operations along the border"
)


@pytest.mark.parametrize("columns", [80, 60, 160])
def test_the_status_table_fits_the_terminal_width_and_wraps_titles(
    columns: int, feed_server: FeedServer, write_config: Callable[..., Path], tmp_path: Path
) -> None:
    item = Item(
        LONG_TITLE,
        link="https://example.org/officers",
        guid="o",
        published=datetime(2025, 11, 20, tzinfo=UTC),
        description="Police officers joined the task force.",
    )
    feed_server.route("/a.xml", body=rss(item))
    env = daemon_env(tmp_path, write_config({"a": feed_server.url("/a.xml")}))
    env["COLUMNS"] = str(columns)  # what a terminal of that width tells rich

    def cli(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "monitor", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return done.stdout

    cli("check", "--as-of", "2025-11-21")
    out = cli("status", "--as-of", "2025-11-21")
    table = out.split("Why:")[0].rstrip("\n").splitlines()
    assert max(len(line) for line in table) <= columns
    assert table[-1].startswith("└") and table[-1].endswith("┘")  # drawn whole, not cut off
    cells = " ".join(line.split("│")[-2].strip() for line in table if line.startswith("│"))
    assert LONG_TITLE in cells  # every word there, wrapped between words
