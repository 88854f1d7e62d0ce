"""The states an outbox message is shown in: one closed set, light enough for the CLI's
option parsing (``--state``) without importing the delivery stage."""

from __future__ import annotations

from typing import Literal

State = Literal["queued", "retrying", "held", "sending", "failed", "sent", "cancelled"]
STATES: tuple[State, ...] = ("queued", "retrying", "held", "sending", "failed", "sent", "cancelled")
# the states that still need something: delivery, a retry, a channel, or an operator
OPEN: tuple[State, ...] = ("queued", "retrying", "held", "sending", "failed")
