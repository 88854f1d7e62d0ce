"""The shape of pledges.yaml, as pydantic models: validation rules and the JSON Schema in one.

These models are the typed, frozen definitions the rest of the package works with.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

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


class Verdict(_Strict):
    """A person's judgement of one piece of evidence; it wins over automatic matching."""

    url: str = Field(pattern=r"^https?://\S+$", description="The article the verdict rests on.")
    stance: Stance
    date: dt.date = Field(description="When the evidence was published (YYYY-MM-DD).")
    title: str | None = Field(None, description="Headline, for reports.")
    note: str | None = Field(None, description="Why this verdict was recorded, and by whom.")


class Feed(_Strict):
    id: str = Field(pattern=SLUG, description="Stable id, referenced by pledges.")
    title: str = Field(min_length=1)
    url: str = Field(
        min_length=1,
        description="http(s):// URL, file:// URL or a path relative to this file.",
    )


class Pledge(_Strict):
    id: str = Field(pattern=SLUG, description="Stable id; never reuse one for another pledge.")
    title: str = Field(min_length=1)
    made_by: Annotated[list[str], BeforeValidator(_one_or_many)] = Field(min_length=1)
    made_on: dt.date = Field(description="When the pledge was made (YYYY-MM-DD).")
    source: str = Field(min_length=1, description="Where it was made: text or a URL.")
    due: dt.date | None = Field(None, description="Deadline (inclusive, in the file's time zone).")
    grace: str | None = Field(
        None,
        pattern=GRACE,
        description="How long after the deadline before it counts as overdue: 36h, 7d, 2w. "
        "Default: defaults.grace, else none.",
    )
    feeds: list[str] | None = Field(None, description="Feed ids to watch; default: every feed.")
    evidence: EvidenceRules
    verdicts: list[Verdict] = Field(default_factory=list)
    notes: str | None = None

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
