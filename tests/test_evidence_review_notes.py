"""Reviews keep their notes, and `evidence list` says whose evidence it is and whether it counts."""

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

# the same words as the launch, two months before the pledge was made (27 Oct 2025)
OLD_LAUNCH = Item(
    "Regional task force launched",
    link="https://example.org/news/old-task-force",
    guid="n-0",
    published=datetime(2025, 8, 20, 3, tzinfo=UTC),
    description="A regional task force launched in August.",
)


@pytest.fixture
def config(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    feed_server: FeedServer,
    write_config: Callable[..., Path],
) -> str:
    for name in ("PLEDGE_MONITOR_CONFIG", "PLEDGE_MONITOR_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PLEDGE_MONITOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PLEDGE_MONITOR_REPORTS_DIR", str(tmp_path / "reports"))
    feed_server.route("/a.xml", body=rss(OLD_LAUNCH, PROGRESS, LAUNCH))
    return str(write_config({"a": feed_server.url("/a.xml")}))


def launch_id(capsys: pytest.CaptureFixture[str], config: str) -> int:
    _, out, _ = run(capsys, "--config", config, "evidence", "list", "--json")
    return next(e["id"] for e in json.loads(out) if e["title"] == LAUNCH.title)


def test_a_later_review_keeps_the_note_of_an_earlier_one_in_list_and_history(
    capsys: pytest.CaptureFixture[str], config: str
) -> None:
    run(capsys, "--config", config, "check", "--as-of", "2025-12-10")
    piece = launch_id(capsys, config)
    run(capsys, "--config", config, "evidence", "reject", str(piece), "--note", "wrong task force")
    code, _, _ = run(capsys, "--config", config, "evidence", "confirm", str(piece))
    assert code == 0

    _, out, _ = run(capsys, "--config", config, "evidence", "list")
    assert "rejected " in out and ": wrong task force\n" in out
    assert out.index("wrong task force") < out.index("    confirmed ")
    _, out, _ = run(capsys, "--config", config, "evidence", "list", "--json")
    [launch] = [e for e in json.loads(out) if e["id"] == piece]
    assert [(r["decision"], r["note"]) for r in launch["reviews"]] == [
        ("rejected", "wrong task force"),
        ("confirmed", None),
    ]

    _, out, _ = run(capsys, "--config", config, "history", "task-force")
    assert f"review: evidence #{piece} rejected by a person: wrong task force" in out
    assert f"review: evidence #{piece} confirmed by a person" in out
    # the rejection undid the launch, and the review is told before the change it caused
    assert out.index("rejected by a person") < out.index("fulfilled_late → overdue")
    _, out, _ = run(capsys, "--config", config, "history", "task-force", "--json")
    reviews = [e for e in json.loads(out) if e["kind"] == "review"]
    assert [(r["decision"], r["note"], r["evidence_id"]) for r in reviews] == [
        ("rejected", "wrong task force", piece),
        ("confirmed", None, piece),
    ]


def test_evidence_list_names_the_pledge_and_why_a_piece_older_than_it_does_not_count(
    capsys: pytest.CaptureFixture[str], config: str
) -> None:
    run(capsys, "--config", config, "check", "--as-of", "2025-12-10")
    _, out, _ = run(capsys, "--config", config, "evidence", "list")
    first = out.splitlines()[:2]
    assert first[0].endswith(f"task-force 2025-08-20 fulfilled  {OLD_LAUNCH.title}")
    assert first[1] == (
        "    does not count: older than the pledge: published 2025-08-20, "
        "before it was made on 2025-10-27"
    )
    assert out.count("does not count") == 1  # the others count
    _, out, _ = run(capsys, "--config", config, "evidence", "list", "--json")
    found = json.loads(out)
    assert {e["pledge_id"] for e in found} == {"task-force"}
    assert [e["not_counted"] is None for e in found] == [False, True, True]


def test_the_review_commands_say_confirmed_and_rejected_in_their_help(
    capsys: pytest.CaptureFixture[str], config: str
) -> None:
    _, out, _ = run(capsys, "evidence", "confirm", "--help")
    assert "Mark evidence ID as confirmed by a person." in out
    _, out, _ = run(capsys, "evidence", "reject", "--help")
    assert "Mark evidence ID as rejected by a person." in out
