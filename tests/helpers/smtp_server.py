"""A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it receives.

``reply`` makes it answer DATA with a chosen code (451 to defer, 550 to reject); ``stop``
and ``start`` take it down and up on the same port, as a dead mail server would be.
"""

from __future__ import annotations

import socket
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller


class Recorder:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[Any] = []
        self.reply = "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if not self.reply.startswith("250"):
            return self.reply
        self.envelopes.append(envelope)
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        return self.reply


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class SmtpServer:
    def __init__(self) -> None:
        self.recorder = Recorder()
        self.port = free_port()
        self.controller: Controller | None = None

    @property
    def messages(self) -> list[EmailMessage]:
        return self.recorder.messages

    def start(self) -> None:
        self.controller = Controller(self.recorder, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def reset(self) -> None:
        self.recorder.messages.clear()
        self.recorder.envelopes.clear()
        self.recorder.reply = "250 OK"
        if self.controller is None:
            self.start()

    def settings(self) -> dict[str, str]:
        return {"smtp_host": "127.0.0.1", "smtp_port": str(self.port), "smtp_security": "none"}


def text_and_html(message: EmailMessage) -> tuple[str, str]:
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert text is not None and html is not None, "expected text and HTML parts"
    return text.get_content(), html.get_content()


def assert_in_both(message: EmailMessage, fragment: str) -> None:
    """The fragment must reach readers of the text part and of the HTML part alike."""
    text, html = text_and_html(message)
    assert fragment in text, f"{fragment!r} not in the text part"
    assert fragment in html, f"{fragment!r} not in the HTML part"
