"""Structured logging: one line per event, ``key=value`` fields (logfmt), to stderr.

Field names used across stages: feed_id, feed_url, pledge_id, evidence_id, kind, status.
Pass them as ``extra={"fields": {...}}`` so that every stage logs them the same way.
"""

from __future__ import annotations

import logging
import sys
from typing import Any, TextIO


class LogfmtFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        fields: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        extra = getattr(record, "fields", {}) or {}
        fields.update({key: value for key, value in extra.items() if value is not None})
        if record.exc_info:
            fields["error"] = self.formatException(record.exc_info).replace("\n", " | ")
        return " ".join(f"{key}={_quote(value)}" for key, value in fields.items())


def _quote(value: Any) -> str:
    text = str(value)
    if text and not any(c in text for c in ' "=\n\t'):
        return text
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def setup_logging(level: str, stream: TextIO | None = None) -> logging.Logger:
    """Configure the package logger once per process (called by the CLI only)."""
    logger = logging.getLogger("pledge_monitor")
    logger.handlers.clear()
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(LogfmtFormatter())
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False
    return logger


def fields(**values: Any) -> dict[str, Any]:
    """``log.info("...", extra=fields(feed_id=...))``"""
    return {"fields": values}
