"""The command line: output, JSON, exit codes (0 fine, 1 problems found, 2 bad input)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from monitor.cli import main
from tests.helpers.feed_server import FeedServer
from tests.helpers.feeds import rss
from tests.test_check_cycle import LAUNCH, PROGRESS

DATA = Path(__file__).parent / "data" / "pledges"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(list(args))
    out, err = capsys.readouterr()
    code = exited.value.code
    return (code if isinstance(code, int) else 0), out, err


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name in ("PLEDGE_MONITOR_CONFIG", "PLEDGE_MONITOR_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PLEDGE_MONITOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PLEDGE_MONITOR_REPORTS_DIR", str(tmp_path / "reports"))
    monkeypatch.setenv("PLEDGE_MONITOR_FETCH_TIMEOUT", "2")
    return tmp_path


@pytest.fixture
def config(feed_server: FeedServer, write_config: Callable[..., Path], env: Path) -> Path:
    feed_server.route("/a.xml", body=rss(PROGRESS, LAUNCH))
    return write_config({"a": feed_server.url("/a.xml")})


def test_validate_accepts_a_good_file(capsys: pytest.CaptureFixture[str], env: Path) -> None:
    code, out, _ = run(capsys, "validate", str(DATA / "good_minimal.yaml"))
    assert code == 0 and "ok (1 feeds, 1 pledges)" in out


def test_validate_advises_a_statement_in_each_language_of_the_context(
    capsys: pytest.CaptureFixture[str], env: Path, tmp_path: Path
) -> None:
    path = tmp_path / "pledges.yaml"
    path.write_text(
        """\
version: 1
feeds:
  - {id: news, title: News, url: "https://news.example.org/feed"}
pledges:
  - id: ministry-move
    title: Move the oceans ministry to Busan
    made_by: [President Lee]
    made_on: 2025-06-24
    source: https://example.org/promise
    outcomes:
      fulfilled: ["The oceans ministry moved its headquarters to Busan"]
    context: ["oceans ministry|해수부", "Busan|부산"]
""",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 0
    assert (
        f"advice: {path}:5: pledge 'ministry-move' has context words in Korean but no "
        "outcome statement in them" in out
    )


def test_validate_lists_every_problem_with_its_line_and_exits_2(
    capsys: pytest.CaptureFixture[str], env: Path
) -> None:
    path = DATA / "bad_many.yaml"
    code, _, err = run(capsys, "validate", str(path))
    assert code == 2
    assert "5 problems" in err
    assert f"{path}:16: pledges.Bad_Id.due: due 2025-01-01 is before made_on" in err


def test_validate_uses_the_config_option_or_variable(
    capsys: pytest.CaptureFixture[str], env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLEDGE_MONITOR_CONFIG", str(DATA / "good_minimal.yaml"))
    assert run(capsys, "validate")[0] == 0
    code, _, err = run(capsys, "--config", str(DATA / "bad_yaml.yaml"), "validate")
    assert code == 2 and "invalid YAML" in err


def test_schema_prints_json_schema(capsys: pytest.CaptureFixture[str], env: Path) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0 and json.loads(out)["title"] == "pledge-monitor pledges file"


def test_check_prints_what_changed_and_status_shows_the_table(
    capsys: pytest.CaptureFixture[str], config: Path
) -> None:
    code, out, _ = run(capsys, "--config", str(config), "check", "--as-of", "2025-12-10")
    assert code == 0
    assert "feed a: 2 entries, 2 new" in out
    assert "new evidence: 2" in out
    assert "task-force: in_progress → fulfilled_late" in out
    code, out, _ = run(capsys, "--config", str(config), "status", "--as-of", "2025-12-10")
    assert code == 0 and "task-force" in out and "fulfilled_late" in out
    assert "task-force: fulfilled 3 days after the deadline 2025-11-30: evidence #" in out


def test_status_json_is_for_scripts(capsys: pytest.CaptureFixture[str], config: Path) -> None:
    run(capsys, "--config", str(config), "check", "--as-of", "2025-12-10")
    code, out, _ = run(capsys, "--config", str(config), "status", "--json", "--as-of", "2025-11-20")
    payload = json.loads(out)
    assert code == 0 and payload["as_of"].startswith("2025-11-20T23:59:59")
    [pledge] = payload["pledges"]
    assert pledge["status"] == "in_progress" and pledge["days_left"] == 10
    assert pledge["latest_evidence"]["stance"] == "progress"


def test_status_output_file(
    capsys: pytest.CaptureFixture[str], config: Path, tmp_path: Path
) -> None:
    out_file = tmp_path / "reports" / "status.json"
    run(capsys, "--config", str(config), "status", "--json", "--output", str(out_file))
    assert json.loads(out_file.read_text())["pledges"][0]["id"] == "task-force"


def test_check_exits_1_when_a_feed_fails(
    capsys: pytest.CaptureFixture[str],
    feed_server: FeedServer,
    write_config: Callable[..., Path],
    env: Path,
) -> None:
    feed_server.route("/ok.xml", body=rss(PROGRESS))
    feed_server.route("/down.xml", status=503)
    path = write_config({"ok": feed_server.url("/ok.xml"), "down": feed_server.url("/down.xml")})
    code, out, _ = run(capsys, "--config", str(path), "check")
    assert code == 1
    assert "feed down: FAILED fetch: http_status: HTTP 503" in out
    assert "feed ok: 1 entries, 1 new" in out


def test_history_shows_the_audit_trail(capsys: pytest.CaptureFixture[str], config: Path) -> None:
    run(capsys, "--config", str(config), "check", "--as-of", "2025-12-10")
    code, out, _ = run(capsys, "--config", str(config), "history", "task-force", "--json")
    assert code == 0
    assert [e["new_status"] for e in json.loads(out)] == [
        "pending",
        "in_progress",
        "fulfilled_late",
    ]
    code, out, _ = run(capsys, "--config", str(config), "history", "task-force")
    assert "pending → in_progress" in out


def test_unknown_ids_are_bad_input(capsys: pytest.CaptureFixture[str], config: Path) -> None:
    code, _, err = run(capsys, "--config", str(config), "history", "nope")
    assert code == 2 and "no pledge with id 'nope'" in err
    code, _, err = run(capsys, "--config", str(config), "evidence", "reject", "999")
    assert code == 2 and "no evidence with id 999" in err


def test_evidence_list_confirm_and_reject(capsys: pytest.CaptureFixture[str], config: Path) -> None:
    run(capsys, "--config", str(config), "check", "--as-of", "2025-12-10")
    code, out, _ = run(capsys, "--config", str(config), "evidence", "list", "--json")
    found = json.loads(out)
    assert code == 0 and [e["stance"] for e in found] == ["progress", "fulfilled"]
    launch = found[1]
    assert launch["terms"] == ["task force", "launched"] and launch["url"].endswith("/news/launch")
    code, out, _ = run(
        capsys,
        "--config",
        str(config),
        "evidence",
        "reject",
        str(launch["id"]),
        "--note",
        "wrong task force",
    )
    assert code == 0 and f"evidence #{launch['id']} rejected" in out
    assert "fulfilled_late → overdue" in out
    code, out, _ = run(capsys, "--config", str(config), "evidence", "list")
    assert "Task force launched" not in out
    code, out, _ = run(capsys, "--config", str(config), "evidence", "list", "--all")
    assert "[rejected]" in out
    code, out, _ = run(capsys, "--config", str(config), "evidence", "confirm", str(found[0]["id"]))
    assert code == 0 and "confirmed" in out


def test_a_bad_as_of_date_is_bad_input(capsys: pytest.CaptureFixture[str], config: Path) -> None:
    code, _, err = run(capsys, "--config", str(config), "status", "--as-of", "yesterday")
    assert code == 2 and "--as-of" in err


def test_an_unknown_setting_is_bad_input_with_a_hint(
    capsys: pytest.CaptureFixture[str], config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLEDGE_MONITOR_DATABSE_URL", "sqlite://")
    code, _, err = run(capsys, "--config", str(config), "status")
    assert code == 2 and "did you mean PLEDGE_MONITOR_DATABASE_URL?" in err


def test_python_dash_m_monitor_is_the_same_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "monitor", "--help"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and "validate" in done.stdout and "check" in done.stdout


def test_times_are_shown_in_the_timezone_setting(
    capsys: pytest.CaptureFixture[str], config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "--config", str(config), "check", "--as-of", "2025-12-10")
    _, out, _ = run(capsys, "--config", str(config), "history", "task-force")
    assert "(times in UTC)" in out and "2025-12-03 03:00" in out
    monkeypatch.setenv("PLEDGE_MONITOR_TIMEZONE", "Asia/Seoul")
    _, out, _ = run(capsys, "--config", str(config), "history", "task-force")
    assert "(times in Asia/Seoul)" in out and "2025-12-03 12:00" in out


def test_report_prints_the_digest_and_archives_it(
    capsys: pytest.CaptureFixture[str], config: Path, env: Path
) -> None:
    run(capsys, "--config", str(config), "check", "--as-of", "2025-12-10")
    code, out, err = run(
        capsys, "--config", str(config), "report", "--week", "2025-W49", "--as-of", "2025-12-10"
    )
    assert code == 0 and out.startswith("Pledge digest 2025-W49 (1–7 Dec 2025)")
    assert (env / "reports" / "digests" / "digest-2025-W49.md").exists()
    assert "archived:" in err
    code, out, _ = run(
        capsys,
        "--config",
        str(config),
        "report",
        "--week",
        "2025-W49",
        "--format",
        "md",
        "--as-of",
        "2025-12-10",
    )
    assert out.startswith("# Pledge digest 2025-W49")
    code, out, _ = run(
        capsys,
        "--config",
        str(config),
        "report",
        "--since",
        "2025-12-01",
        "--format",
        "html",
        "--as-of",
        "2025-12-10",
    )
    assert code == 0 and "<!DOCTYPE html>" in out and "2025-12-01_2025-12-10" in out


def test_report_send_mails_the_digest_once(
    capsys: pytest.CaptureFixture[str],
    config: Path,
    smtp: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.helpers.smtp_server import SmtpServer

    assert isinstance(smtp, SmtpServer)
    for key, value in smtp.settings().items():
        monkeypatch.setenv(f"PLEDGE_MONITOR_{key.upper()}", value)
    monkeypatch.setenv("PLEDGE_MONITOR_DIGEST_TO", "ann@example.org")
    run(capsys, "--config", str(config), "check", "--as-of", "2025-12-10")
    args = (
        "--config",
        str(config),
        "report",
        "--week",
        "2025-W49",
        "--send",
        "--as-of",
        "2025-12-10",
    )
    code, _, err = run(capsys, *args)
    assert code == 0 and "delivery: sent 1" in err
    code, _, err = run(capsys, *args)
    assert code == 0 and "delivery: sent 0" in err and "queued before" in err
    assert len(smtp.messages) == 1


def test_report_send_exits_1_while_the_mail_server_is_down(
    capsys: pytest.CaptureFixture[str], config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.helpers.smtp_server import free_port

    monkeypatch.setenv("PLEDGE_MONITOR_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("PLEDGE_MONITOR_SMTP_PORT", str(free_port()))
    monkeypatch.setenv("PLEDGE_MONITOR_SMTP_SECURITY", "none")
    monkeypatch.setenv("PLEDGE_MONITOR_DIGEST_TO", "ann@example.org")
    code, _, err = run(capsys, "--config", str(config), "report", "--send")
    assert code == 1 and "retrying 1 (will try again)" in err


def test_report_rejects_a_bad_week(capsys: pytest.CaptureFixture[str], config: Path) -> None:
    code, _, err = run(capsys, "--config", str(config), "report", "--week", "2025-48")
    assert code == 2 and "not an ISO week" in err
    code, _, err = run(
        capsys, "--config", str(config), "report", "--week", "2025-W48", "--since", "2025-11-01"
    )
    assert code == 2 and "not both" in err


def test_page_writes_the_static_files(
    capsys: pytest.CaptureFixture[str], config: Path, env: Path
) -> None:
    run(capsys, "--config", str(config), "check", "--as-of", "2025-12-10")
    code, out, _ = run(capsys, "--config", str(config), "page", "--as-of", "2025-12-10")
    assert code == 0
    for name in ("index.html", "status.json", "changes.xml"):
        assert f"wrote {env / 'reports' / name}" in out


def test_a_command_waits_for_the_writer_and_gives_up_with_exit_1(
    capsys: pytest.CaptureFixture[str], config: Path, env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import timedelta

    from monitor.store import lease
    from monitor.store.db import make_engine

    engine = make_engine(f"sqlite:///{env / 'data' / 'pledge-monitor.db'}")
    monkeypatch.setenv("PLEDGE_MONITOR_WRITER_WAIT", "0.5s")
    with lease.hold(engine, timedelta(0)):
        code, _, err = run(capsys, "--config", str(config), "check")
    engine.dispose()
    assert code == 1
    assert "another pledge-monitor process is writing to the database (pid " in err
    assert "waited 0.5s, try again shortly" in err


def test_check_as_of_a_past_date_on_a_used_database_does_not_wait_for_itself(
    capsys: pytest.CaptureFixture[str], config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the lock once compared a real-time expiry with the replayed clock and waited on itself
    monkeypatch.setenv("PLEDGE_MONITOR_WRITER_WAIT", "0s")
    assert run(capsys, "--config", str(config), "check")[0] == 0
    assert run(capsys, "--config", str(config), "check", "--as-of", "2025-12-10")[0] == 0
    assert run(capsys, "--config", str(config), "check")[0] == 0


def test_help_loads_no_heavy_library() -> None:
    # --help once took 2-3 s importing SQLAlchemy, pydantic and Apprise it never used;
    # the commands import them when they run (timing itself is `farm-bench`'s job)
    import subprocess
    import sys

    probe = (
        "import sys; from monitor.cli import cli; "
        "print(sorted(m for m in ('sqlalchemy', 'pydantic', 'apprise', 'rich', 'httpx', "
        "'apscheduler', 'jinja2') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stdout + done.stderr
