"""`report --send` exit codes and messages, and `outbox list|retry|cancel`, run as a user
would: the real command, a real aiosmtpd server on 127.0.0.1, a real SQLite file.

Exit 0 only when every message went out; 1 when one failed for good, waits for a retry or
has no configured channel, each printed with its reason; 2 for an id that cannot be retried.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from monitor.store import lease
from monitor.store.db import make_engine
from tests.helpers.feed_server import FeedServer
from tests.helpers.smtp_server import Recorder, SmtpServer, free_port
from tests.test_cli import run
from tests.test_smtp_auth import only_the_right_password

SEND = ("report", "--week", "2025-W49", "--send")


@pytest.fixture
def pm(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    write_config: Callable[..., Path],
) -> Callable[..., tuple[int, str, str]]:
    """`pledge-monitor` with its own data directory and pledges file; returns (code, out, err)."""
    for name in ("PLEDGE_MONITOR_CONFIG", "PLEDGE_MONITOR_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PLEDGE_MONITOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PLEDGE_MONITOR_REPORTS_DIR", str(tmp_path / "reports"))
    config = write_config({"a": "http://127.0.0.1:9/never-polled.xml"})

    def pledge_monitor(*args: str) -> tuple[int, str, str]:
        return run(capsys, "--config", str(config), *args)

    return pledge_monitor


@pytest.fixture
def mail_to_ann(smtp: SmtpServer, monkeypatch: pytest.MonkeyPatch) -> SmtpServer:
    for key, value in smtp.settings().items():
        monkeypatch.setenv(f"PLEDGE_MONITOR_{key.upper()}", value)
    monkeypatch.setenv("PLEDGE_MONITOR_DIGEST_TO", "ann@example.org")
    return smtp


def listed(pm: Callable[..., tuple[int, str, str]], *args: str) -> list[dict[str, object]]:
    code, out, _ = pm("outbox", "list", "--json", *args)
    assert code == 0
    rows: list[dict[str, object]] = json.loads(out)
    return rows


def message_id(key: str) -> str:
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:24]}@pledge-monitor>"


def test_starttls_refused_is_printed_with_its_reason_and_exits_1_on_every_rerun(
    pm: Callable[..., tuple[int, str, str]],
    mail_to_ann: SmtpServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PLEDGE_MONITOR_SMTP_SECURITY", "starttls")  # the server has none
    code, _, err = pm(*SEND)
    assert code == 1
    assert "delivery: sent 0, failed 1" in err
    assert "not delivered: 1 failed" in err
    assert (
        "#1 failed: digest:2025-W49 to mail ann@example.org — "
        "deliver: config: STARTTLS extension not supported by server" in err
    )
    assert "pledge-monitor outbox retry 1" in err
    code, _, err = pm(*SEND)  # a rerun owns up to it too
    assert code == 1 and "queued before" in err and "#1 failed:" in err
    assert mail_to_ann.messages == []


def test_a_5xx_refusal_is_printed_and_exits_1(
    pm: Callable[..., tuple[int, str, str]], mail_to_ann: SmtpServer
) -> None:
    mail_to_ann.recorder.reply = "550 5.1.1 mailbox unavailable"
    code, _, err = pm(*SEND)
    assert code == 1
    assert "#1 failed: digest:2025-W49 to mail ann@example.org — deliver: rejected: 550" in err


@pytest.fixture
def auth_port() -> Iterator[int]:
    port = free_port()
    controller = Controller(
        Recorder(),
        hostname="127.0.0.1",
        port=port,
        auth_required=True,
        auth_require_tls=False,
        authenticator=only_the_right_password,
    )
    controller.start()
    yield port
    controller.stop()


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
def test_a_refused_login_is_printed_without_the_password(
    pm: Callable[..., tuple[int, str, str]], auth_port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key, value in {
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(auth_port),
        "SMTP_SECURITY": "none",
        "SMTP_USER": "pm",
        "SMTP_PASSWORD": "not-the-Pa55word",
        "DIGEST_TO": "ann@example.org, bob@example.org",
    }.items():
        monkeypatch.setenv(f"PLEDGE_MONITOR_{key}", value)
    code, out, err = pm(*SEND)
    assert code == 1 and "not delivered: 2 failed" in err
    failures = [line for line in err.splitlines() if " failed: digest:2025-W49 to mail" in line]
    assert len(failures) == 2  # one line per recipient
    assert all("deliver: auth: 535" in line for line in failures)
    code, listing, _ = pm("outbox", "list")
    assert code == 0 and "deliver: auth: 535" in listing
    assert all("not-the-Pa55word" not in text for text in (out, err, listing))


def test_a_rerun_while_a_message_waits_says_how_many_and_when_then_retry_sends_it_once(
    pm: Callable[..., tuple[int, str, str]], mail_to_ann: SmtpServer
) -> None:
    mail_to_ann.stop()
    code, _, err = pm(*SEND)
    assert code == 1 and "retrying 1 (will try again)" in err
    code, _, err = pm(*SEND)  # used to exit 0 without a word
    assert code == 1 and "delivery: sent 0" in err
    summary = re.search(r"not delivered: 1 retrying; next attempt (\S+ \S+) \(UTC\)", err)
    assert summary is not None, err
    [due] = [row["next_attempt_at"] for row in listed(pm)]
    assert isinstance(due, str)
    assert datetime.fromisoformat(due).strftime("%Y-%m-%d %H:%M") == summary[1]
    assert "#1 retrying: digest:2025-W49 to mail ann@example.org — deliver: connect:" in err
    assert "attempt 1 of 8" in err
    mail_to_ann.start()
    code, out, _ = pm("outbox", "retry", "1")  # now, not after the backoff
    assert code == 0 and "retrying #1 digest:2025-W49 to mail ann@example.org" in out
    assert "delivery: sent 1" in out
    code, _, err = pm(*SEND)
    assert code == 0 and "not delivered" not in err
    assert len(mail_to_ann.messages) == 1


def test_a_failed_week_is_resent_by_retry_as_the_same_message_and_never_twice(
    pm: Callable[..., tuple[int, str, str]],
    mail_to_ann: SmtpServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PLEDGE_MONITOR_SMTP_SECURITY", "starttls")
    assert pm(*SEND)[0] == 1
    [row] = listed(pm, "--state", "failed")
    assert row["state"] == "failed" and row["attempts"] == 1
    monkeypatch.setenv("PLEDGE_MONITOR_SMTP_SECURITY", "none")  # the operator fixes it
    code, out, _ = pm("outbox", "retry", "--failed")
    assert code == 0 and "delivery: sent 1" in out
    [mail] = mail_to_ann.messages
    assert mail["Message-ID"] == message_id("digest:2025-W49:mail:ann@example.org")
    [row] = listed(pm, "--state", "sent")
    assert row["key"] == "digest:2025-W49:mail:ann@example.org" and row["last_error"] is None
    assert listed(pm) == []  # nothing open any more
    code, _, err = pm("outbox", "retry", "1")
    assert code == 2 and "message #1 was sent at" in err and "never sent twice" in err
    assert pm("outbox", "retry", "--failed")[1] == "no failed messages\n"
    assert pm(*SEND)[0] == 0
    assert len(mail_to_ann.messages) == 1


def test_a_retry_that_fails_again_exits_1_with_the_reason(
    pm: Callable[..., tuple[int, str, str]], mail_to_ann: SmtpServer
) -> None:
    mail_to_ann.recorder.reply = "554 5.7.1 message refused"
    assert pm(*SEND)[0] == 1
    code, out, _ = pm("outbox", "retry", "1")
    assert code == 1 and "#1 failed: digest:2025-W49" in out and "rejected: 554" in out
    [row] = listed(pm, "--state", "failed")
    assert row["attempts"] == 1  # a retry starts the count afresh


def test_retry_and_cancel_refuse_unknown_ids_and_need_something_to_act_on(
    pm: Callable[..., tuple[int, str, str]], mail_to_ann: SmtpServer
) -> None:
    pm(*SEND)
    code, _, err = pm("outbox", "retry", "7")
    assert code == 2 and "no outbox message #7" in err
    code, _, err = pm("outbox", "cancel", "1")
    assert code == 2 and "message #1 was sent" in err
    code, _, err = pm("outbox", "retry")
    assert code == 2 and "name message IDs or give --failed" in err
    code, _, err = pm("outbox", "retry", "1", "--failed")
    assert code == 2


def test_retry_waits_for_the_daemon_and_changes_nothing_when_it_gives_up(
    pm: Callable[..., tuple[int, str, str]],
    mail_to_ann: SmtpServer,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    mail_to_ann.recorder.reply = "550 5.1.1 mailbox unavailable"
    assert pm(*SEND)[0] == 1
    mail_to_ann.recorder.reply = "250 OK"
    engine = make_engine(f"sqlite:///{tmp_path / 'data' / 'pledge-monitor.db'}")
    monkeypatch.setenv("PLEDGE_MONITOR_WRITER_WAIT", "0.5s")
    with lease.hold(engine, timedelta(0)):  # as the daemon would, in the middle of a job
        code, _, err = pm("outbox", "retry", "--failed")
    engine.dispose()
    assert code == 1 and "another pledge-monitor process is writing" in err
    assert [row["state"] for row in listed(pm)] == ["failed"]  # not reset behind its back
    assert mail_to_ann.messages == []


def test_a_changed_notification_url_leaves_its_message_held_listed_and_cancellable(
    pm: Callable[..., tuple[int, str, str]],
    feed_server: FeedServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old = f"json://pm:t0ken-old@127.0.0.1:{free_port()}/hook"  # nobody listens: it fails
    monkeypatch.setenv("PLEDGE_MONITOR_DIGEST_NOTIFY", old)
    code, _, err = pm(*SEND)
    assert code == 1 and "#1 retrying: digest:2025-W49 to notify json:// notify-" in err
    new = feed_server.url("/hook").replace("http://", "json://pm:t0ken-new@")
    monkeypatch.setenv("PLEDGE_MONITOR_DIGEST_NOTIFY", new)
    code, _, err = pm(*SEND)  # the new URL gets the week; the old one's message waits
    assert code == 1 and "delivery: sent 1" in err
    assert len([p for p, _ in feed_server.posts if p == "/hook"]) == 1
    code, out, _ = pm("outbox", "retry", "1")
    assert code == 1
    assert "held 1 (no channel)" in out
    assert "#1 held: digest:2025-W49 to notify notify-" in out
    assert "no configured channel for this recipient" in out and "outbox cancel 1" in out
    [row] = listed(pm)
    assert row["state"] == "held" and row["attempts"] == 0  # holding costs no attempt
    code, listing, _ = pm("outbox", "list", "--state", "held", "--state", "sent")
    assert re.search(r"#1  held +digest:2025-W49  notify notify-\w{12}  attempts 0/8", listing)
    assert re.search(r"#2  sent +digest:2025-W49  notify json:// notify-\w{12}", listing)
    every = [*map(json.dumps, listed(pm, *(f"--state={s}" for s in ("held", "sent")))), listing]
    assert all("t0ken" not in text for text in every)  # the secret URLs never show
    code, out, _ = pm("outbox", "cancel", "1")
    assert code == 0 and "#1 cancelled: digest:2025-W49" in out
    assert pm(*SEND)[0] == 0  # an operator's decision is not a delivery problem
    assert [row["state"] for row in listed(pm, "--state", "cancelled")] == ["cancelled"]
