"""The shape of pledges.yaml, as pydantic models: validation rules and the JSON Schema in one.

These models are the typed, frozen definitions the rest of the package works with.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)

from monitor.pledgefile.terms import term_problem

SLUG = r"^[a-z0-9][a-z0-9-]*$"
GRACE = r"^\d+[hdw]$"
Stance = Literal["fulfilled", "progress", "broken"]
STANCES: tuple[Stance, ...] = ("fulfilled", "progress", "broken")


def _one_or_many(value: object) -> object:
    """Let an editor write ``made_by: Someone`` for a single maker."""
    return [value] if isinstance(value, str) else value


def _check_term(term: str) -> str:
    shown = term if term.isprintable() else repr(term)[1:-1]
    alternatives = term.split("|")
    if any(not alt.strip() for alt in alternatives):
        raise ValueError(f"term '{shown}' has an empty alternative (look for a stray '|')")
    for alt in alternatives:
        if "*" in alt.strip().rstrip("*"):
            raise ValueError(f"term '{shown}': '*' is only allowed at the end of a word")
    problem = term_problem(term)
    if problem is not None:
        raise ValueError(f"term '{shown}': {problem}")
    return term


Term = Annotated[
    str,
    AfterValidator(_check_term),
    Field(
        min_length=1,
        description="Plain text to find (not a regular expression), case-insensitively. "
        "'a|b' matches either; several words match as a phrase; a trailing '*' matches any "
        "word ending (launch* → launched). "
        "Latin-script terms match whole words; Korean/CJK terms match inside words, "
        "so 출범 also finds 출범했다.",
    ),
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleSet(_Strict):
    """Terms that decide one stance. A text matches when it holds every ``all`` term, at
    least one ``any`` term (if any are given) and no ``none`` term."""

    all: list[Term] = Field(default_factory=list, description="Every one of these must appear.")
    any: list[Term] = Field(default_factory=list, description="At least one of these must appear.")
    none: list[Term] = Field(default_factory=list, description="None of these may appear.")
    within: Literal["sentence", "article"] = Field(
        "sentence",
        description="Where the terms must meet: in one sentence (default, precise) or "
        "anywhere in the article.",
    )

    @model_validator(mode="after")
    def _not_empty(self) -> RuleSet:
        if not self.all and not self.any:
            raise ValueError("empty rules: give at least one term under 'all' or 'any'")
        return self


class EvidenceRules(_Strict):
    fulfilled: RuleSet | None = Field(None, description="Evidence that the pledge was kept.")
    progress: RuleSet | None = Field(None, description="Evidence of steps toward it.")
    broken: RuleSet | None = Field(None, description="Evidence it was reversed or abandoned.")

    @model_validator(mode="after")
    def _at_least_one_stance(self) -> EvidenceRules:
        if self.fulfilled is None and self.progress is None and self.broken is None:
            raise ValueError("empty rules: give at least one of fulfilled, progress, broken")
        return self

    def stances(self) -> list[tuple[Stance, RuleSet]]:
        rules = {"fulfilled": self.fulfilled, "progress": self.progress, "broken": self.broken}
        return [(stance, rules[stance]) for stance in STANCES if rules[stance] is not None]  # type: ignore[misc]


def _printable_statement(text: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned.isprintable():
        raise ValueError("a statement may not hold control characters")
    return cleaned


Statement = Annotated[
    str,
    Field(
        min_length=8,
        max_length=300,
        description="One short sentence, in any language, saying what the news would report "
        "(e.g. 'Thailand released the 18 Cambodian prisoners of war').",
    ),
    AfterValidator(_printable_statement),
]
STATEMENTS_PER_STANCE = 12


class Outcomes(_Strict):
    """What the outcome looks like, per stance, in plain language: the judge compares the
    sentences of the news with these by meaning, so they need not guess the news's words."""

    fulfilled: list[Statement] = Field(
        default_factory=list, max_length=STATEMENTS_PER_STANCE, description="The pledge kept."
    )
    progress: list[Statement] = Field(
        default_factory=list,
        max_length=STATEMENTS_PER_STANCE,
        description="A concrete step toward it (not an announcement or a plan).",
    )
    broken: list[Statement] = Field(
        default_factory=list,
        max_length=STATEMENTS_PER_STANCE,
        description="The pledge reversed, abandoned or refused.",
    )

    @model_validator(mode="after")
    def _at_least_one_statement(self) -> Outcomes:
        if not (self.fulfilled or self.progress or self.broken):
            raise ValueError("empty outcomes: give a statement under fulfilled, progress or broken")
        return self

    def stances(self) -> list[tuple[Stance, list[str]]]:
        statements = {"fulfilled": self.fulfilled, "progress": self.progress, "broken": self.broken}
        return [(stance, statements[stance]) for stance in STANCES if statements[stance]]


class Target(_Strict):
    """A number the pledge promises: the judge reads numbers in a matching sentence
    against it (a report of 75 deported meets 'at least 60')."""

    at_least: float | None = Field(None, ge=0, description="The pledge is met at this or more.")
    at_most: float | None = Field(None, ge=0, description="The pledge is met at this or less.")
    of: str = Field(
        min_length=1,
        max_length=200,
        description="What is counted, with its scale: 'million metric tons of soybeans', "
        "'nationals deported', 'percent tariff on cars'.",
    )

    @model_validator(mode="after")
    def _a_bound(self) -> Target:
        if self.at_least is None and self.at_most is None:
            raise ValueError("a target needs at_least or at_most")
        if self.at_least is not None and self.at_most is not None and self.at_least > self.at_most:
            raise ValueError(f"at_least {self.at_least:g} is above at_most {self.at_most:g}")
        return self


class MonthDate(dt.date):
    """A ``made_on`` given as YYYY-MM: the day is unknown, the pledge counts from the 1st."""

    def isoformat(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    __str__ = isoformat


def _month_or_day(value: object) -> object:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}", value.strip()):
        year, month = (int(part) for part in value.strip().split("-"))
        if not 1 <= month <= 12:
            raise ValueError(f"month {month} does not exist (write YYYY-MM or YYYY-MM-DD)")
        return MonthDate(year, month, 1)
    return value


MadeOn = Annotated[
    dt.date,
    BeforeValidator(_month_or_day),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}(-\d{2})?$",
            "description": "When the pledge was made: YYYY-MM-DD, or YYYY-MM when the day "
            "is not known (the pledge then counts from the month's first day).",
        }
    ),
]


class Verdict(_Strict):
    """A person's judgement of one piece of evidence; it wins over automatic matching."""

    url: str = Field(pattern=r"^https?://\S+$", description="The article the verdict rests on.")
    stance: Stance
    date: dt.date = Field(description="When the evidence was published (YYYY-MM-DD).")
    title: str | None = Field(None, description="Headline, for reports.")
    note: str | None = Field(None, description="Why this verdict was recorded, and by whom.")


def _parsable_url(url: str) -> str:
    try:
        urlsplit(url)
    except ValueError as error:  # "http://[1, *a]": a bracketed host that is no address
        raise ValueError(f"not a URL or a path: {error}") from None
    return url


class Feed(_Strict):
    id: str = Field(pattern=SLUG, description="Stable id, referenced by pledges.")
    title: str = Field(min_length=1)
    url: Annotated[str, AfterValidator(_parsable_url)] = Field(
        min_length=1,
        description="http(s):// URL, file:// URL or a path relative to this file.",
    )


class Pledge(_Strict):
    id: str = Field(pattern=SLUG, description="Stable id; never reuse one for another pledge.")
    title: str = Field(min_length=1)
    made_by: Annotated[list[str], BeforeValidator(_one_or_many)] = Field(min_length=1)
    made_on: MadeOn
    source: str = Field(min_length=1, description="Where it was made: text or a URL.")
    due: dt.date | None = Field(None, description="Deadline (inclusive, in the file's time zone).")
    grace: str | None = Field(
        None,
        pattern=GRACE,
        description="How long after the deadline before it counts as overdue: 36h, 7d, 2w. "
        "Default: defaults.grace, else none.",
    )
    feeds: list[str] | None = Field(None, description="Feed ids to watch; default: every feed.")
    outcomes: Outcomes | None = Field(
        None, description="Plain statements of the outcome per stance; the judge reads by them."
    )
    context: list[Term] = Field(
        default_factory=list,
        max_length=6,
        description="Terms an article must mention to be read for this pledge: each entry "
        "once, by any of its '|' alternatives (the country, the actor, the topic).",
    )
    exclude: list[Term] = Field(
        default_factory=list,
        max_length=20,
        description="An article that mentions any of these is about something else.",
    )
    target: Target | None = None
    evidence: EvidenceRules | None = Field(
        None, description="Keyword rules: on their own (older files) or as hints beside outcomes."
    )
    verdicts: list[Verdict] = Field(default_factory=list)
    notes: str | None = None

    @model_validator(mode="after")
    def _something_to_judge_by(self) -> Pledge:
        if self.outcomes is None and self.evidence is None:
            raise ValueError(
                "nothing to judge by: give outcomes (plain statements) or evidence (keyword rules)"
            )
        return self

    @property
    def source_url(self) -> str | None:
        return self.source if re.match(r"^https?://\S+$", self.source) else None


class Defaults(_Strict):
    grace: str | None = Field(None, pattern=GRACE, description="Grace for pledges that set none.")


class PledgeFile(_Strict):
    """The whole of pledges.yaml."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    version: Literal[1] = 1
    timezone: str = Field(
        "UTC", description="Time zone of every date in this file (IANA name, e.g. Asia/Seoul)."
    )
    defaults: Defaults = Field(default_factory=lambda: Defaults())
    feeds: list[Feed] = Field(min_length=1)
    pledges: list[Pledge] = Field(min_length=1)

    def grace_of(self, pledge: Pledge) -> dt.timedelta:
        return parse_grace(pledge.grace or self.defaults.grace)


def parse_grace(text: str | None) -> dt.timedelta:
    """'36h' → 36 hours, '7d' → 7 days, '2w' → 14 days; None → no grace."""
    if not text:
        return dt.timedelta(0)
    amount, unit = int(text[:-1]), text[-1]
    return {
        "h": dt.timedelta(hours=amount),
        "d": dt.timedelta(days=amount),
        "w": dt.timedelta(weeks=amount),
    }[unit]
