"""Plain data the report templates read: no ORM objects, no queries, no clock.

Jobs build these from the store (``jobs/reporting.py``); ``monitor/render.py`` turns them into
email, Markdown, HTML pages and Atom. Text from feeds stays plain text here; escaping is
the templates' job (autoescape), so nothing from a feed is ever trusted as markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

STATUS_LABELS = {
    "pending": "Pending",
    "in_progress": "In progress",
    "fulfilled": "Fulfilled",
    "fulfilled_late": "Fulfilled late",
    "overdue": "Overdue",
    "broken": "Broken",
}
STATUS_ORDER = tuple(STATUS_LABELS)
STANCE_LABELS = {"fulfilled": "fulfilled", "progress": "progress", "broken": "broken"}


@dataclass(frozen=True)
class Period:
    """A reporting period [start, end) in a time zone; ``label`` names it (2025-W48)."""

    start: datetime
    end: datetime
    label: str
    zone: ZoneInfo
    is_iso_week: bool = False  # an ISO week, not a span of days (--since, the last 7 days)

    @classmethod
    def iso_week(cls, year: int, week: int, zone: ZoneInfo) -> Period:
        monday = date.fromisocalendar(year, week, 1)
        start = datetime.combine(monday, time.min, zone)
        end = datetime.combine(monday + timedelta(days=7), time.min, zone)
        return cls(start, end, f"{year}-W{week:02d}", zone, is_iso_week=True)

    @classmethod
    def week_of(cls, moment: datetime, zone: ZoneInfo) -> Period:
        year, week, _ = moment.astimezone(zone).isocalendar()
        return cls.iso_week(year, week, zone)

    @classmethod
    def since(cls, day: date, end: datetime, zone: ZoneInfo) -> Period:
        start = datetime.combine(day, time.min, zone)
        last = (end.astimezone(zone) - timedelta(microseconds=1)).date()
        return cls(start, end, f"{day.isoformat()}_{last.isoformat()}", zone)

    @property
    def first_day(self) -> date:
        return self.start.astimezone(self.zone).date()

    @property
    def last_day(self) -> date:
        return (self.end.astimezone(self.zone) - timedelta(microseconds=1)).date()

    @property
    def name(self) -> str:
        """How headings call it: 'this week' for an ISO week, otherwise its dates."""
        return "this week" if self.is_iso_week else self.span

    @property
    def span(self) -> str:
        """Human dates: '24–30 Nov 2025' or '28 Nov – 4 Dec 2025'."""
        first, last = self.first_day, self.last_day
        if first.year != last.year:
            return f"{first:%-d %b %Y} – {last:%-d %b %Y}"
        if first.month != last.month:
            return f"{first:%-d %b} – {last:%-d %b %Y}"
        return f"{first:%-d}–{last:%-d %b %Y}"


Segments = list[tuple[str, bool]]


@dataclass(frozen=True)
class EvidenceLine:
    id: int
    pledge_id: str
    pledge_title: str
    stance: str
    title: str
    url: str | None
    outlet: str
    published: datetime  # local to the report's zone
    snippet: Segments
    origin: str
    terms: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ReviewLine:
    """A piece of evidence that waits for a person: it changes no status until confirmed
    (``pledge-monitor review confirm ID``)."""

    evidence: EvidenceLine
    why: str  # "1 of 2 outlets, score 0.47 (alone needs 0.80)"
    read: str  # how the judge read it: score and parts, cue, event day, closest statement


def describe_reading(
    score: float,
    parts: dict[str, object],
    cue: str | None,
    happened_at: datetime | None,
    outlet: str | None,
    zone: ZoneInfo,
) -> str:
    """score 0.82 (similarity 0.66, headline, keywords) · cue done: 열었다 · happened … ·
    outlet … · closest to “…”: what an editor checks before trusting a piece."""
    named: list[str] = [
        k for k in ("headline", "keywords", "context", "done", "number") if k in parts
    ]
    similarity = parts.get("similarity")
    why = ", ".join(([f"similarity {similarity}"] if similarity is not None else []) + named)
    bits = [f"score {score:.2f}" + (f" ({why})" if why else "")]
    if cue:
        bits.append(f"cue {cue}")
    for key, label in (("from", "takes effect"), ("begun", "only begun"), ("part way", "part way")):
        if parts.get(key):
            bits.append(f"{label}: {parts[key]}")
    if happened_at:
        bits.append(f"happened {happened_at.astimezone(zone):%Y-%m-%d}")
    if outlet:
        bits.append(f"outlet {outlet}")
    if parts.get("statement"):
        bits.append(f"closest to “{parts['statement']}”")
    return " · ".join(bits)


@dataclass(frozen=True)
class ChangeLine:
    id: int
    pledge_id: str
    pledge_title: str
    old: str | None
    new: str
    at: datetime  # local
    reason: str
    evidence: EvidenceLine | None


@dataclass(frozen=True)
class PledgeLine:
    id: str
    title: str
    status: str
    reason: str
    made_by: list[str]
    made_on: date
    source: str
    source_url: str | None
    due: date | None
    days_left: int | None
    overdue_on: date | None = None  # the day grace ends, in the pledges file's zone
    evidence: list[EvidenceLine] = field(default_factory=list)
    timeline: Timeline | None = None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class TimelineMark:
    x: float  # 0..100, percent of the width
    kind: str  # made | due | overdue | evidence | now
    stance: str | None
    label: str


@dataclass(frozen=True)
class Timeline:
    """Positions for the inline SVG: made → deadline → evidence, on one axis."""

    marks: list[TimelineMark]
    start_label: str
    end_label: str


@dataclass(frozen=True)
class FeedLine:
    id: str
    title: str
    url: str
    failing_since: datetime | None  # local
    error: str
    error_count: int


@dataclass(frozen=True)
class StatusCount:
    status: str
    count: int
    percent: float

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class Digest:
    period: Period
    generated_at: datetime  # local
    counts: list[StatusCount]
    changes: list[ChangeLine]
    evidence: list[EvidenceLine]
    upcoming: list[PledgeLine]
    in_grace: list[PledgeLine]  # deadline passed, grace not yet over
    overdue: list[PledgeLine]
    failing_feeds: list[FeedLine]
    public_url: str | None = None
    review: list[ReviewLine] = field(default_factory=list)  # waiting at the report's end

    @property
    def total(self) -> int:
        return sum(c.count for c in self.counts)


@dataclass(frozen=True)
class Alert:
    """One event, told in a few lines: evidence found, status changed, deadline near/passed."""

    key: str
    kind: str  # evidence | status | deadline_approaching | deadline_passed
    pledge: PledgeLine
    headline: str
    detail: str
    at: datetime  # local
    evidence: EvidenceLine | None = None
    public_url: str | None = None


@dataclass(frozen=True)
class StatusPage:
    generated_at: datetime  # local
    zone: str
    pledges: list[PledgeLine]
    counts: list[StatusCount]
    changes: list[ChangeLine]  # newest first
    public_url: str | None = None
    review: list[ReviewLine] = field(default_factory=list)
