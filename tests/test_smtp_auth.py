"""SMTP login with the password from a file (Docker secrets), against a real aiosmtpd."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from monitor.deliver import SmtpConfig, SmtpTransport
from monitor.errors import DeliveryError, DeliveryErrorKind
from monitor.settings import load_settings
from monitor.store.models import OutboxMessage
from tests.helpers.smtp_server import Recorder, free_port

NOW = datetime(2025, 12, 1, tzinfo=UTC)


def only_the_right_password(
    server: Any, session: Any, envelope: Any, mechanism: str, data: Any
) -> AuthResult:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (b"pm", b"s3cret!")
    return AuthResult(success=ok, handled=False)


# a test server on loopback: plain-text AUTH is what these tests exercise
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")


@pytest.fixture
def auth_server() -> Iterator[tuple[int, Recorder]]:
    recorder = Recorder()
    port = free_port()
    controller = Controller(
        recorder,
        hostname="127.0.0.1",
        port=port,
        auth_required=True,
        auth_require_tls=False,
        authenticator=only_the_right_password,
    )
    controller.start()
    yield port, recorder
    controller.stop()


def message() -> OutboxMessage:
    return OutboxMessage(
        key="k",
        kind="alert",
        channel="mail",
        recipient="ann@example.org",
        subject="Hello",
        body_text="text",
        body_html="<p>html</p>",
        next_attempt_at=NOW,
        created_at=NOW,
    )


def test_it_logs_in_with_the_password_read_from_a_file(
    auth_server: tuple[int, Recorder], tmp_path: Path
) -> None:
    port, recorder = auth_server
    secret = tmp_path / "smtp_password"
    secret.write_text("s3cret!\n")
    s = load_settings(
        {"PLEDGE_MONITOR_SMTP_PASSWORD_FILE": str(secret), "PLEDGE_MONITOR_SMTP_USER": "pm"}
    )
    config = SmtpConfig("127.0.0.1", port, "none", s.smtp_user, s.smtp_password)
    SmtpTransport(config).send(message(), NOW)
    assert [m["Subject"] for m in recorder.messages] == ["Hello"]


def test_a_wrong_password_is_a_permanent_auth_failure(auth_server: tuple[int, Recorder]) -> None:
    port, recorder = auth_server
    with pytest.raises(DeliveryError) as caught:
        SmtpTransport(SmtpConfig("127.0.0.1", port, "none", "pm", "wrong")).send(message(), NOW)
    assert caught.value.kind == DeliveryErrorKind.AUTH and not caught.value.transient
    assert recorder.messages == []


def test_starttls_against_a_server_without_it_is_a_configuration_error(
    auth_server: tuple[int, Recorder],
) -> None:
    port, _ = auth_server
    with pytest.raises(DeliveryError) as caught:
        SmtpTransport(SmtpConfig("127.0.0.1", port, "starttls")).send(message(), NOW)
    assert caught.value.kind == DeliveryErrorKind.CONFIG and not caught.value.transient
