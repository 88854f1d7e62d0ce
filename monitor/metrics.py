"""Prometheus metrics of one daemon, in its own registry (no process-global state)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, generate_latest


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.cycles = Counter(
            "pledge_monitor_cycles",
            "Check cycles run, by outcome.",
            ["outcome"],
            registry=self.registry,
        )
        self.feeds_failing = Gauge(
            "pledge_monitor_feeds_failing", "Feeds whose last fetch failed.", registry=self.registry
        )
        self.evidence_found = Counter(
            "pledge_monitor_evidence_found", "Pieces of evidence found.", registry=self.registry
        )
        self.status_changes = Counter(
            "pledge_monitor_status_changes", "Status changes recorded.", registry=self.registry
        )
        self.messages = Counter(
            "pledge_monitor_messages",
            "Messages delivered, by outcome.",
            ["outcome"],
            registry=self.registry,
        )
        self.config_reloads = Counter(
            "pledge_monitor_config_reloads",
            "Edits of the pledges file, by outcome.",
            ["outcome"],
            registry=self.registry,
        )
        self.last_success = Gauge(
            "pledge_monitor_last_success_timestamp_seconds",
            "When the last good cycle ended (Unix time).",
            registry=self.registry,
        )

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
