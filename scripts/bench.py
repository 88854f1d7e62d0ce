"""Benchmark: how fast and how big a check cycle is. Prints figures; asserts nothing.

    .venv/bin/python scripts/bench.py [--feeds 20] [--entries 200] [--database-url URL]

Serves synthetic feeds from a local HTTP server on 127.0.0.1 and runs the real jobs
against the bundled pledges (pledges.yaml's rules, these feeds): a cold cycle (everything
new), a warm cycle (every feed answers 304), and a cycle whose server ignores validators
(everything parsed again and deduplicated). Also times the matcher alone.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from jobs import check  # noqa: E402
from jobs.context import JobContext  # noqa: E402
from monitor.clock import FixedClock  # noqa: E402
from monitor.match import compile_rules, match_article  # noqa: E402
from monitor.pledgefile import load_config  # noqa: E402
from monitor.settings import load_settings  # noqa: E402
from monitor.store.db import make_engine  # noqa: E402
from tests.helpers.feed_server import FeedServer  # noqa: E402
from tests.helpers.feeds import Item, rss  # noqa: E402

WORDS = [
    "the",
    "ministry",
    "said",
    "officials",
    "police",
    "cooperation",
    "online",
    "scam",
    "crackdown",
    "investors",
    "trade",
    "road",
    "bridge",
    "province",
    "court",
    "council",
    "budget",
    "report",
    "week",
    "talks",
]
SIGNALS = [
    "The Korea Task Force launched operations in Phnom Penh.",
    "Seoul lowered the travel advisory for Phnom Penh.",
    "Cambodia deported 20 Korean nationals on Friday.",
    "The EDCF road project is running ahead of schedule in Korea-backed works.",
]


def article_text(rng: random.Random) -> str:
    sentences = [" ".join(rng.choices(WORDS, k=18)).capitalize() + "." for _ in range(8)]
    if rng.random() < 0.05:
        sentences.insert(rng.randrange(len(sentences)), rng.choice(SIGNALS))
    return " ".join(sentences)


def make_feeds(server: FeedServer, feeds: int, entries: int, rng: random.Random) -> dict[str, str]:
    start = datetime(2025, 11, 1, tzinfo=UTC)
    urls = {}
    for f in range(feeds):
        items = [
            Item(
                f"Story {f}-{e}",
                link=f"https://example.org/{f}/{e}",
                guid=f"{f}-{e}",
                published=start + timedelta(minutes=f * entries + e),
                description=article_text(rng),
            )
            for e in range(entries)
        ]
        urls[f"feed-{f}"] = server.route(f"/feed-{f}.xml", body=rss(*items), etag=f'"{f}"')
    return urls


def write_config(directory: Path, urls: dict[str, str]) -> Path:
    production = (ROOT / "pledges.yaml").read_text()
    pledges = production[production.index("\npledges:") :]
    feeds = "".join(
        f"  - id: {fid}\n    title: {fid}\n    url: {url}\n" for fid, url in urls.items()
    )
    path = directory / "pledges.yaml"
    path.write_text(f"version: 1\ntimezone: Asia/Phnom_Penh\nfeeds:\n{feeds}{pledges}")
    return path


def timed(label: str, run: Callable[[], object]) -> object:
    started = time.perf_counter()
    result = run()
    print(f"{label:<44} {time.perf_counter() - started:8.3f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--entries", type=int, default=200)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    rng = random.Random(7)
    server = FeedServer()
    server.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            directory = Path(tmp)
            config_path = write_config(directory, make_feeds(server, args.feeds, args.entries, rng))
            url = args.database_url or f"sqlite:///{directory / 'bench.db'}"
            settings = load_settings({"PLEDGE_MONITOR_DATA_DIR": str(directory)})
            ctx = JobContext(
                settings=settings,
                config=load_config(config_path),
                engine=make_engine(url),
                clock=FixedClock(datetime(2026, 1, 1, tzinfo=UTC)),
            )
            total = args.feeds * args.entries
            print(
                f"{args.feeds} feeds x {args.entries} entries = {total} articles; "
                f"{len(ctx.config.pledges)} pledges; {url.split(':')[0]}"
            )
            cold = timed("cold cycle (fetch, parse, store, match)", lambda: check.run(ctx))
            assert isinstance(cold, check.CheckResult)
            print(
                f"  new articles {cold.poll.new_articles}, "
                f"evidence {len(cold.evaluate.new_evidence)}"
            )
            timed("warm cycle (every feed 304)", lambda: check.run(ctx))
            for route in server.routes.values():
                route.etag = None
            timed("cycle without validators (parse + dedupe)", lambda: check.run(ctx))
            rules = [compile_rules(p) for p in ctx.config.pledges]
            texts = [article_text(rng) for _ in range(2000)]
            started = time.perf_counter()
            for text in texts:
                for compiled in rules:
                    match_article(compiled, "Headline", text)
            elapsed = time.perf_counter() - started
            print(
                f"{'matcher alone':<44} {len(texts) * len(rules) / elapsed:8.0f} article x pledge/s"
            )
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"{'peak RSS':<44} {peak:8.1f} MiB")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
