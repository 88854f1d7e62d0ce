"""The labelled news set (``eval/``) and how a judge's answers are scored against it. Pure.

A set is a manifest of cases, each split ``dev`` (may be looked at while building the judge)
or ``heldout`` (only ever scored). A case holds the pledges written from the promise alone,
the labelled articles and the checkpoints (the status a correct judge gives at the end of
chosen days). Scoring follows scikit-learn's classification report: precision, recall and F1
per stance and per pledge over (article, pledge, stance) triples, and status accuracy per
checkpoint.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from email.utils import format_datetime
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from ruamel.yaml import YAML

from monitor.errors import ConfigError, Problem
from monitor.pledgefile.schema import STANCES

Split = Literal["dev", "heldout"]


@dataclass(frozen=True)
class Item:
    id: str
    url: str
    outlet: str
    lang: str
    published: datetime
    title: str
    summary: str
    pledge: str | None
    stance: str  # fulfilled | progress | broken | none
    kind: str


@dataclass(frozen=True)
class Checkpoint:
    pledge: str
    day: date
    status: str


@dataclass(frozen=True)
class Case:
    id: str
    split: Split
    directory: Path
    items: list[Item]
    checkpoints: list[Checkpoint]

    @property
    def pledges_file(self) -> Path:
        return self.directory / "pledges.yaml"


@dataclass(frozen=True)
class Prediction:
    """What the judge said: this article is evidence of this stance for this pledge."""

    item: str
    pledge: str
    stance: str
    why: str = ""  # what the judge read: score, cue, sentence (for listing the errors)


@dataclass
class Tally:
    predicted: int = 0
    labelled: int = 0
    correct: int = 0

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.correct / self.labelled if self.labelled else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None
        return 2 * p * r / (p + r)


@dataclass
class Scores:
    by_stance: dict[str, Tally] = field(default_factory=dict)
    by_pledge: dict[str, Tally] = field(default_factory=dict)
    by_case: dict[str, Tally] = field(default_factory=dict)
    overall: Tally = field(default_factory=Tally)
    checkpoints: list[tuple[Checkpoint, str]] = field(default_factory=list)
    case_statuses: dict[str, list[bool]] = field(default_factory=dict)  # right at each point
    false_fulfilled_distractors: list[str] = field(default_factory=list)

    @property
    def status_accuracy(self) -> float | None:
        if not self.checkpoints:
            return None
        return sum(c.status == got for c, got in self.checkpoints) / len(self.checkpoints)


def load_set(root: Path, splits: Iterable[Split] = ("dev", "heldout")) -> list[Case]:
    """The cases of the set at ``root`` (a directory with manifest.yaml) in the given splits."""
    manifest = _yaml(root / "manifest.yaml")
    wanted = set(splits)
    cases = []
    for entry in manifest.get("cases", []):
        if entry["split"] not in ("dev", "heldout"):
            raise ConfigError([Problem(str(root / "manifest.yaml"), None, "split", "dev|heldout")])
        if entry["split"] in wanted:
            cases.append(_load_case(root / "cases" / entry["id"], entry["id"], entry["split"]))
    _check_unique_items(cases)
    return cases


def _check_unique_items(cases: list[Case]) -> None:
    """Items are told apart by id across the whole set (they are one feed's guids when
    scored): an id used twice would score one case's article as the other's."""
    first: dict[str, str] = {}
    problems = []
    for case in cases:
        for item in case.items:
            owner = first.setdefault(item.id, case.id)
            if owner != case.id:
                where = str(case.directory / "items.yaml")
                problems.append(Problem(where, None, "id", f"{item.id} is also an item of {owner}"))
    if problems:
        raise ConfigError(problems)


def _load_case(directory: Path, case_id: str, split: Split) -> Case:
    zone = ZoneInfo(str(_yaml(directory / "pledges.yaml").get("timezone", "UTC")))
    items = [_item(raw, zone) for raw in _yaml(directory / "items.yaml")["items"]]
    checkpoints = [
        Checkpoint(pledge_id, _day(point["date"]), str(point["status"]))
        for pledge_id, entry in _yaml(directory / "checkpoints.yaml")["pledges"].items()
        for point in entry["checkpoints"]
    ]
    return Case(case_id, split, directory, items, checkpoints)


def _item(raw: dict[str, Any], zone: ZoneInfo) -> Item:
    return Item(
        id=str(raw["id"]),
        url=str(raw["url"]),
        outlet=str(raw.get("outlet") or ""),
        lang=str(raw.get("lang") or ""),
        published=_moment(raw["published"], zone),
        title=str(raw.get("title") or ""),
        summary=str(raw.get("summary") or ""),
        pledge=raw.get("pledge"),
        stance=str(raw.get("stance") or "none"),
        kind=str(raw.get("kind") or ""),
    )


def _moment(value: object, zone: ZoneInfo) -> datetime:
    """A date alone is taken as noon where the pledge was made: its hour is unknown, and
    noon keeps it inside the right day in every nearby zone."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone)
    if isinstance(value, date):
        return datetime.combine(value, time(12), zone)
    text = str(value)
    if len(text) == 10:
        return datetime.combine(date.fromisoformat(text), time(12), zone)
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _yaml(path: Path) -> Any:
    try:
        return YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError([Problem(str(path), None, "", f"cannot read: {exc}")]) from None


def feed_xml(case: Case) -> str:
    """The case's articles as one RSS feed: headline as title, our summary as description,
    the outlet as the item's source."""
    parts = ["<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"]
    parts.append(f"<title>{escape(case.id)}</title>")
    for item in sorted(case.items, key=lambda i: i.published):
        parts.append(
            "<item>"
            f"<title>{escape(item.title)}</title><link>{escape(item.url)}</link>"
            f"<guid isPermaLink='false'>{escape(item.id)}</guid>"
            f"<pubDate>{format_datetime(item.published.astimezone(UTC))}</pubDate>"
            f"<source url='{escape(item.url)}'>{escape(item.outlet)}</source>"
            f"<description>{escape(item.summary)}</description></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts)


def score(
    cases: Iterable[Case],
    predictions: Iterable[Prediction],
    statuses: dict[tuple[str, date], str],
) -> Scores:
    """Compare the judge's evidence and statuses with the labels."""
    scores = Scores()
    cases = list(cases)
    items = {item.id: item for case in cases for item in case.items}
    case_of = {item.id: case.id for case in cases for item in case.items}
    scores.by_case = {case.id: Tally() for case in cases}
    labelled = {
        (item.id, item.pledge, item.stance)
        for item in items.values()
        if item.pledge and item.stance in STANCES
    }
    predicted = {(p.item, p.pledge, p.stance) for p in predictions}
    for item_id, pledge, stance in labelled:
        for tally in _tallies(scores, pledge, stance, case_of.get(item_id)):
            tally.labelled += 1
            tally.correct += (item_id, pledge, stance) in predicted
    for found_item, found_pledge, found_stance in predicted:
        for tally in _tallies(scores, found_pledge, found_stance, case_of.get(found_item)):
            tally.predicted += 1
        item = items.get(found_item)
        if found_stance == "fulfilled" and item is not None and item.kind == "distractor":
            scores.false_fulfilled_distractors.append(f"{found_item} → {found_pledge}")
    for case in cases:
        for point in case.checkpoints:
            judged = statuses.get((point.pledge, point.day), "?")
            scores.checkpoints.append((point, judged))
            scores.case_statuses.setdefault(case.id, []).append(point.status == judged)
    return scores


def _tallies(scores: Scores, pledge: str, stance: str, case: str | None) -> list[Tally]:
    tallies = [
        scores.by_stance.setdefault(stance, Tally()),
        scores.by_pledge.setdefault(pledge, Tally()),
        scores.overall,
    ]
    return tallies + ([scores.by_case.setdefault(case, Tally())] if case else [])


def errors_text(
    cases: Iterable[Case], predictions: Iterable[Prediction], waiting: Iterable[Prediction]
) -> str:
    """Every wrong answer of the judge on the given cases, one line each, with what it read:
    evidence asserted that the labels do not hold ("wrong"), and labelled evidence it did
    not assert ("missed"), with the reading that waits for review when there is one."""
    items = {item.id: item for case in cases for item in case.items}
    asserted = {(p.item, p.pledge, p.stance): p for p in predictions if p.item in items}
    pending = {(p.item, p.pledge, p.stance): p for p in waiting if p.item in items}
    lines = []
    for (item_id, pledge, stance), found in sorted(asserted.items()):
        item = items[item_id]
        if (item.pledge, item.stance) != (pledge, stance):
            label = f"{item.pledge or '-'} {item.stance}/{item.kind}"
            lines.append(f"wrong  {item_id} {pledge} {stance} (labelled {label}): {item.title}")
            lines.append(f"         {found.why}")
    for item in sorted(items.values(), key=lambda i: i.id):
        key = (item.id, item.pledge or "", item.stance)
        if item.stance not in STANCES or key in asserted:
            continue
        lines.append(f"missed {item.id} {item.pledge} {item.stance}/{item.kind}: {item.title}")
        held = pending.get(key)
        other = [p for k, p in asserted.items() if k[0] == item.id and k[1] == item.pledge]
        if held is not None:
            lines.append(f"         waits for review: {held.why}")
        elif other:
            lines.append(f"         read as {other[0].stance}: {other[0].why}")
    return "\n".join(lines) + "\n" if lines else "no errors\n"


def report_text(scores: Scores, seconds: float, articles: int) -> str:
    """The figures as a table, like scikit-learn's classification report."""

    def cell(value: float | None) -> str:
        return "   -" if value is None else f"{value:.2f}"

    lines = [f"{'':44} precision  recall     f1  labelled  predicted"]
    rows = [*((f"stance {k}", v) for k, v in sorted(scores.by_stance.items()))]
    rows += [(f"pledge {k}", v) for k, v in sorted(scores.by_pledge.items())]
    rows += [(f"case {k}", v) for k, v in scores.by_case.items()]
    rows.append(("all evidence", scores.overall))
    for name, t in rows:
        lines.append(
            f"{name[:44]:44} {cell(t.precision):>9} {cell(t.recall):>7} {cell(t.f1):>6}"
            f" {t.labelled:>9} {t.predicted:>10}"
        )
    lines.append("")
    lines.append("checkpoints (pledge, day: expected → judged)")
    for point, got in scores.checkpoints:
        mark = "ok " if point.status == got else "BAD"
        lines.append(f"  {mark} {point.pledge} {point.day}: {point.status} → {got}")
    accuracy = scores.status_accuracy
    right = sum(c.status == g for c, g in scores.checkpoints)
    lines.append(
        f"status accuracy: {right}/{len(scores.checkpoints)}"
        + (f" = {accuracy:.2f}" if accuracy is not None else "")
    )
    if len(scores.case_statuses) > 1:
        lines.append(
            "statuses by case: "
            + ", ".join(f"{k} {sum(v)}/{len(v)}" for k, v in scores.case_statuses.items())
        )
    lines.append(
        f"distractors judged fulfilled: {len(scores.false_fulfilled_distractors)}"
        + (
            f" ({', '.join(scores.false_fulfilled_distractors)})"
            if scores.false_fulfilled_distractors
            else ""
        )
    )
    rate = articles / seconds if seconds > 0 else float("inf")
    lines.append(f"judge speed: {articles} articles in {seconds:.2f}s = {rate:.0f} articles/s")
    return "\n".join(lines) + "\n"
