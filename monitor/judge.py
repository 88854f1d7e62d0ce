"""Judge: (an article, a pledge) → at most one reading of what the article says of it.

A cascade, cheapest first; each step leaves its mark in ``Reading.parts``, so that every
piece of evidence can be explained to the reader who doubts it:

1. topic: the article must mention each of the pledge's ``context`` entries and none of
   its ``exclude`` terms (plain text search, no model);
2. meaning: each sentence (the headline first) is compared with the pledge's plain-language
   ``outcomes`` by multilingual sentence embeddings; the closest statement of the same
   polarity and direction of change gives the stance, unless the sentence is clearly
   closer to another pledge's statement (it is news of that pledge: two pledges of one
   story share its words); an opinion piece is read for nothing;
3. reading: a sentence that only announces, plans, agrees, conditions, negates, denies,
   asks or alleges is no report of a thing done (``cues``), and the next closest sentence
   is read instead; numbers in the sentence are read against the pledge's ``target``, the
   step of a process against the step the outcome names (``steps``), and the day the text
   says the event happened (``eventdate``) dates the event;
4. score: the parts add up to a confidence in [0, 1] (see ``_scored``); a sentence that
   scores too little is no evidence, and the next one is read.

Pledges written with keyword rules only (``evidence``) are matched by those rules, as before.
When a pledge has both, the rules are hints: a sentence that satisfies them counts as a
closer match. Pure: the caller passes the sentences' vectors (cached in the store).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Literal
from urllib.parse import urlsplit

import numpy as np

from monitor.countries import with_country_names
from monitor.cues import Cue, cues_with_deciding, is_factual, language_of
from monitor.embed import Embedder, Vectors
from monitor.eventdate import DateMention, date_mentions, event_date, later_date
from monitor.match import (
    MATCHER_VERSION,
    CompiledRules,
    Term,
    compile_rules,
    compile_term,
    fold,
    match_article,
    split_sentences,
)
from monitor.numbers import Quantity, is_the_target, meets, quantities
from monitor.ordinals import about_another, instance_of
from monitor.pledgefile import Pledge, Stance
from monitor.pledgefile.schema import Target
from monitor.steps import Process, Step, furthest

Direction = Literal["up", "down"]  # which way a sentence moves a quantity

# Bump when reading changes, so that every pledge is judged again over the stored articles.
JUDGE_VERSION = 23
MAX_SENTENCES = 60  # the headline and the first sentences carry the news; tails are boilerplate
SENTENCE_CHARS = 400
LEAD_SENTENCES = 4  # the headline and the first three sentences: where news says when
SCRIPT_SAMPLE = 2000  # characters enough to tell which script an article is written in

# Cosine similarity (multilingual USE) of a sentence to the closest statement: below FLOOR
# the sentence says something else; at FULL and above it says the statement's thing.
FLOOR = 0.4
FULL = 0.7
ACCEPT = 0.3  # a reading below this score is no evidence at all
RIVAL_MARGIN = 0.05  # a sentence this much closer to another pledge's statement is left to it
WEIGHTS = {
    "meaning": 0.45,  # times how close, between FLOOR and FULL
    "headline": 0.15,
    "keywords": 0.15,  # the editor's keyword rule for the same stance fires in the sentence
    "context": 0.1,  # the sentence itself names every context entry
    "done": 0.1,  # a verb of completion ("opened", "열었다", "แล้ว")
    "number": 0.15,  # a number that meets the pledge's target
}


@dataclass(frozen=True)
class Reading:
    """What the judge read in one article for one pledge."""

    stance: Stance
    score: float
    sentence: str
    statement: str | None
    cue: Cue | None
    event_day: date | None
    terms: tuple[str, ...]
    parts: dict[str, float | str] = field(default_factory=dict)


@dataclass(frozen=True)
class PreparedPledge:
    """A pledge made ready to read articles: terms compiled, statements embedded once."""

    pledge: Pledge
    context: tuple[Term, ...]
    context_scripts: tuple[frozenset[str], ...]  # the scripts each entry has words in
    context_homes: tuple[dict[str, str], ...]  # script → the home country each entry names
    context_countries: tuple[bool, ...]  # whether each entry names a country
    exclude: tuple[Term, ...]
    rules: list[CompiledRules]
    stances: tuple[Stance, ...]  # the stance of each statement row
    statements: tuple[str, ...]
    negated: tuple[bool, ...]  # whether each statement says something did not happen
    directions: tuple[Direction | None, ...]  # which way each statement moves a quantity
    vectors: Vectors
    rivals: Vectors  # the statements of every other pledge, which a sentence may be closer to
    rivals_negated: tuple[bool, ...]
    rivals_owner: tuple[str, ...]  # the pledge each rival statement belongs to
    topic_words: tuple[str, ...] = ()
    goals: dict[Process, int] = field(default_factory=dict)  # the step fulfilment reaches
    outcome_day: DateMention | None = None  # the day the outcome is to happen on, if named
    own_acts: re.Pattern[str] | None = None  # removal verbs that are the pledge's own act
    starts: tuple[str, ...] = ()  # "fulfilled" statements that tell a start or a first
    instance: int | None = None  # which one of a repeated thing: the 4th launch, phase 2
    resumes: bool = False  # a third of the outcomes or more resume something (see _ban_told)

    @property
    def reads_meaning(self) -> bool:
        return bool(self.statements)


def prepare(pledge: Pledge, embedder: Embedder | None) -> PreparedPledge:
    """One pledge alone, with no rivals (see ``prepare_all``)."""
    return prepare_all([pledge], embedder)[0]


def prepare_all(pledges: Sequence[Pledge], embedder: Embedder | None) -> list[PreparedPledge]:
    """Every pledge of a config, each statement embedded once; each pledge knows the others'
    statements as rivals, so that a sentence closer to another pledge's outcome ("Hamas
    returned the bodies" against "Hamas released the living hostages") is left to it."""
    rows = [
        (pledge.id, stance, text) for pledge in pledges for stance, text in _statements_of(pledge)
    ]
    texts = tuple(text for _, _, text in rows)
    acts = {pledge.id: _own_acts(pledge) for pledge in pledges}
    every = _Statements(
        owners=tuple(owner for owner, _, _ in rows),
        stances=tuple(stance for _, stance, _ in rows),
        texts=texts,
        vectors=embedder.encode(list(texts))
        if texts and embedder is not None
        else _no_vectors(len(texts)),
        negated=tuple(_says_not(text, acts[owner]) for owner, _, text in rows),
    )
    return [_prepared(pledge, every, acts[pledge.id]) for pledge in pledges]


@dataclass(frozen=True)
class _Statements:
    """The statements of every pledge of a config, in one table."""

    owners: tuple[str, ...]
    stances: tuple[Stance, ...]
    texts: tuple[str, ...]
    vectors: Vectors
    negated: tuple[bool, ...]

    def rows(self, pledge_id: str, own: bool) -> list[int]:
        return [i for i, owner in enumerate(self.owners) if (owner == pledge_id) == own]


def _no_vectors(rows: int) -> Vectors:
    return np.zeros((rows, 1), dtype=np.float32)


def _statements_of(pledge: Pledge) -> list[tuple[Stance, str]]:
    return [
        (s, text)
        for s, texts in (pledge.outcomes.stances() if pledge.outcomes else [])
        for text in texts
    ]


# Verbs of removal: a pledge to abolish, scrap, cancel or lift something is kept by the very
# words that elsewhere tell a setback ("Diet OKs bill to scrap the gasoline surcharge").
_REMOVAL = re.compile(
    r"\b(scrap(s|ped|ping)?|abolish(es|ed|ing)?|abolition|eliminat(e|es|ed|ing|ion)|"
    r"repeal(s|ed|ing)?|cancel(s|led|ed|ling|lation)?|lift(s|ed|ing)?|"
    r"remov(e|es|ed|al)|supprim\w*|abrog\w*|"
    r"suspen(d|ds|ded|ding|sion)|suspendu\w*|suspendre|gel|gèle|geler|freez(e|es|ing)|frozen|"
    r"halt(s|ed|ing)?|pause[sd]?)\b|"
    r"폐지|철폐|없애|유예|중단|廃止|撤廃|凍結|停止|废除|廢除|取消|暂停|暫停|冻结|ยกเลิก|ระงับ",
    re.IGNORECASE,
)


# A pledge to resume or reopen something ("China resumes imports of Japanese seafood") is
# broken by a ban on it, though a ban is no setback word: elsewhere it is the act pledged.
_RESUMPTION = re.compile(
    r"\b(resum(e|es|ed|ing|ption)|restart(s|ed|ing)?|reopen(s|ed|ing)?|"
    r"lift(s|ed|ing)? (the |a |its )?(\w+ )?(ban|embargo|suspension))\b|"
    r"재개|再開|解禁|恢复|恢復|重启|重啟",
    re.IGNORECASE,
)
_BAN = re.compile(
    r"\b(ban|bans|banned|banning|embargo(es)?|shuts? (the )?door)\b|"
    r"禁止|禁令|禁輸|禁运|禁運|금지|금수",
    re.IGNORECASE,
)
# the ban told as the past the resumption ends: "the first shipment since the 2023 ban"
_SINCE_THE_BAN = re.compile(
    r"\b(since|after|before|until|pre-)\s+(the\s+)?(\d{4}\s+)?(\w+\s+){0,2}(ban|embargo)|"
    r"(禁止|禁輸|禁令|금지)[^、。，]{0,4}(以来|以降|後|后|이후|이래)",
    re.IGNORECASE,
)


# a ban that stays on what the resumption leaves out: "Macau keeps its import ban", "継続"
_KEPT_ON = re.compile(
    r"\b(remain(s|ed)?|still|continu\w*|keeps?|kept|maintain\w*|extend\w*)\b|"
    r"継続|維持|続け|続く|유지|계속|연장|继续|繼續|维持|延长|延長",
    re.IGNORECASE,
)


def _ban_told(prepared: PreparedPledge, sentence: str) -> Cue | None:
    """The ban on what the pledge promised to resume that the sentence tells, as the cue
    that decides its reading; None when it tells none."""
    if (
        not prepared.resumes
        or _RESUMPTION.search(sentence)
        or _SINCE_THE_BAN.search(sentence)
        or _KEPT_ON.search(sentence)
    ):
        return None
    ban = _BAN.search(sentence)
    if ban is None:
        return None
    return Cue("negation", ban.group(0), language_of(sentence), setback=True)


def _own_acts(pledge: Pledge) -> re.Pattern[str] | None:
    """The removal verbs that are this pledge's own act, when its "fulfilled" statements
    tell a removal; None for any other pledge."""
    removes = any(
        _REMOVAL.search(text) for stance, text in _statements_of(pledge) if stance == "fulfilled"
    )
    return _REMOVAL if removes else None


def _prepared(pledge: Pledge, every: _Statements, acts: re.Pattern[str] | None) -> PreparedPledge:
    written = tuple(compile_term(t) for t in pledge.context)
    # the scripts an entry must be met in are those the editor wrote it in
    context = tuple(_with_country_names(term) for term in written)
    own, others = every.rows(pledge.id, own=True), every.rows(pledge.id, own=False)
    outcomes = [
        every.texts[i] for i in own if every.stances[i] == "fulfilled" and not every.negated[i]
    ]
    return PreparedPledge(
        pledge=pledge,
        context=context,
        context_scripts=tuple(_scripts_of_term(term) for term in written),
        context_homes=tuple(_homes_named(term) for term in context),
        context_countries=tuple(c is not w for c, w in zip(context, written, strict=True)),
        exclude=tuple(compile_term(t) for t in pledge.exclude),
        rules=compile_rules(pledge),
        stances=tuple(every.stances[i] for i in own),
        statements=tuple(every.texts[i] for i in own),
        negated=tuple(every.negated[i] for i in own),
        directions=_directions([every.texts[i] for i in own], outcomes),
        vectors=every.vectors[own],
        rivals=every.vectors[others],
        rivals_negated=tuple(every.negated[i] for i in others),
        rivals_owner=tuple(every.owners[i] for i in others),
        topic_words=_topic_words(pledge.title),
        goals=_goals(outcomes),
        outcome_day=_outcome_day(outcomes, pledge.made_on, pledge.due),
        own_acts=acts,
        starts=tuple(fold(text) for text in outcomes if _tells_a_start(text)),
        instance=instance_of(pledge.title, outcomes),
        resumes=3 * sum(bool(_RESUMPTION.search(text)) for text in outcomes) >= len(outcomes) > 0,
    )


def _with_country_names(term: Term) -> Term:
    """The entry, also met by the other names of a country it names (``countries``)."""
    names = with_country_names(term.alternatives)
    return term if len(names) == len(term.alternatives) else compile_term("|".join(names))


def _outcome_day(
    fulfilled: Sequence[str], made_on: date, due: date | None = None
) -> DateMention | None:
    """The day the "fulfilled" statements say the outcome happens on ("the surcharge was
    abolished on December 31", "12月31日に廃止された"), the earliest when they name several;
    a deadline ("by December 31", "12月31日までに") names no such day. No report published
    before that day tells the outcome: the law that fixes it is a step. A statement tells
    of the day the pledge is due, so a bare day ("29일부터 시행됐다") is read in the month
    of the deadline, not in the month the pledge was made."""
    days = [
        mention
        for text in fulfilled
        for mention in _statement_dates(text, made_on, due)
        if mention.day > made_on and not _is_a_deadline(text, mention)
    ]
    return min(days, key=lambda mention: mention.day) if days else None


_NUMBERED = re.compile(r"[0-9０-９]")


def _statement_dates(text: str, made_on: date, due: date | None) -> list[DateMention]:
    """The days a statement names, a numbered day read near the deadline ("29일", "June
    30": the 29th of the deadline's month, the 30 June the pledge is due by); words of a
    day ("on Monday", "이달 말") are read from the day the pledge was made."""
    mentions = date_mentions(text, made_on)
    if due is None:
        return mentions
    by_due = {mention.text: mention for mention in date_mentions(text, due)}
    return [
        by_due.get(mention.text, mention) if _NUMBERED.search(mention.text) else mention
        for mention in mentions
    ]


_DEADLINE_BEFORE = re.compile(
    r"\b(by|before|until|no later than|within|d'ici|avant|au plus tard)\s+(the\s+|le\s+)?$|"
    r"ภายใน\s*$",
    re.IGNORECASE,
)
_DEADLINE_AFTER = re.compile(r"^\s*(까지|이전|전에|までに|まで|以前|之前|前|ก่อน)")


def _is_a_deadline(text: str, mention: DateMention) -> bool:
    at = text.find(mention.text)
    return bool(
        _DEADLINE_BEFORE.search(text[:at]) or _DEADLINE_AFTER.match(text[at + len(mention.text) :])
    )


def _goals(fulfilled: Sequence[str]) -> dict[Process, int]:
    """The step of each process the "fulfilled" statements name (the least, when they name
    several): "The Diet enacted the budget" makes a cabinet approval progress. A draft is
    never an outcome."""
    goals: dict[Process, int] = {}
    for text in fulfilled:
        for process, step in furthest(text).items():
            if step.rank > 0:
                goals[process] = min(step.rank, goals.get(process, step.rank))
    return goals


def _topic_words(title: str) -> tuple[str, ...]:
    """Words of a title long enough to name a topic (stems of four letters or more; Korean
    and CJK words of two syllables or more, which carry particles in running text)."""
    words = [w.strip(".,:;!?()[]\"'") for w in fold(title).split()]
    stems = []
    for word in words:
        if len(word) >= 2 and not word.isascii():
            stems.append(word[:2] if "\uac00" <= word[0] <= "\ud7af" else word)
        elif len(word) >= 5 and word not in STOPWORDS:
            stems.append(word[:5])
    return tuple(dict.fromkeys(stems))


STOPWORDS = frozenset(
    {
        "about",
        "after",
        "against",
        "before",
        "their",
        "there",
        "these",
        "under",
        "within",
        "which",
        "while",
        "would",
    }
)


def fingerprint(
    pledge: Pledge, feed_ids: list[str], model: str | None, rivals: Sequence[Pledge] = ()
) -> str:
    """Changes whenever what the judge would find could change, the other pledges'
    statements included (a sentence closer to one of them is left to it)."""
    material = {
        "matcher": MATCHER_VERSION,
        "judge": JUDGE_VERSION,
        "model": model,
        "pledge": pledge.model_dump(
            mode="json", include={"evidence", "outcomes", "context", "exclude", "target"}
        ),
        "rivals": sorted(_statements_of(p) for p in rivals if p.id != pledge.id) if model else [],
        "feeds": sorted(feed_ids),
    }
    return hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()


def sentences_of(title: str, text: str) -> list[str]:
    """What the judge reads of an article: the headline, then its first sentences."""
    body = [s[:SENTENCE_CHARS] for s in split_sentences(text)]
    return [title[:SENTENCE_CHARS], *body][:MAX_SENTENCES]


@dataclass(frozen=True)
class Page:
    """An article as the topic filter reads it: folded once and shared by every pledge of a
    cycle (folding and telling the script cost more than the filter itself)."""

    folded: str
    site_script: str | None = None  # the script of the home country of the site's domain

    @cached_property
    def script(self) -> str:
        return _script_of(self.folded[:SCRIPT_SAMPLE])

    @cached_property
    def searchable(self) -> str:
        """The text the topic filter searches: Korean headlines name countries by one hanja
        ("日 추경 통과", "中, 美 대두 구매"), so those are spelled out too."""
        if self.script != "hangul":
            return self.folded
        names = {name for mark, name in _HANJA_COUNTRIES.items() if mark in self.folded}
        opening = _HANGUL_COUNTRY_OPENING.match(self.folded)
        if opening is not None:
            names.add(_HANGUL_COUNTRIES[opening.group(1)])
        return f"{self.folded}\n{' '.join(sorted(names))}" if names else self.folded


_HANJA_COUNTRIES = {
    "日": "일본",
    "美": "미국",
    "中": "중국",
    "韓": "한국",
    "北": "북한",
    "佛": "프랑스",
    "英": "영국",
    "獨": "독일",
    "露": "러시아",
    "泰": "태국",
    "柬": "캄보디아",
    "越": "베트남",
    "豪": "호주",
}
# Or by one hangul syllable, at the head of a headline before a comma or a quotation:
# "일 '코로나 이후 최대' 추경안 통과", "미, 중국산 제품 관세 인하". Elsewhere such a
# syllable is mostly part of a word.
_HANGUL_COUNTRIES = {"일": "일본", "미": "미국", "중": "중국", "러": "러시아", "태": "태국"}
_HANGUL_COUNTRY_OPENING = re.compile(r"^[\[\"'“‘]?(일|미|중|러|태)(?=\s*[,·]|\s+[\"'“‘\[])")

# A country's own press rarely names it: a Japanese report of "the Diet passed the budget"
# is about Japan without saying 日本. A context entry that names the home country of the
# article's script, or of its site's domain (``_SITE_SCRIPTS``), is taken as met.
_HOME_COUNTRY = {
    "kana": ("日本",),
    "hangul": ("한국", "대한민국"),
    "thai": ("ไทย", "ประเทศไทย"),
    "khmer": ("កម្ពុជា",),
}


def page_of(title: str, text: str, url: str | None = None) -> Page:
    return Page(fold(f"{title}\n{text}"), _site_script(url))


# The country a site's domain belongs to, by the script of its language: the English
# edition of a Korean broadcaster (world.kbs.co.kr) no more names Korea than its Korean one.
_SITE_SCRIPTS = {"kr": "hangul", "jp": "kana", "th": "thai", "kh": "khmer"}


def _site_script(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return _SITE_SCRIPTS.get(host.rsplit(".", 1)[-1]) if host else None


def on_topic(prepared: PreparedPledge, page: Page) -> tuple[str, ...] | None:
    """Step 1: the context alternatives found, or None when the article is off topic.
    A pledge with no context asks for two words of its own title instead."""
    whole = page.searchable
    if any(term.found_in(whole) for term in prepared.exclude):
        return None
    if not prepared.context and not prepared.reads_meaning:
        return ()  # keyword rules alone: they decide, as they always have
    if not prepared.context:
        shared = tuple(word for word in prepared.topic_words if word in whole)
        return shared if len(shared) >= min(2, len(prepared.topic_words)) else None
    found = []
    entries = zip(prepared.context, prepared.context_scripts, prepared.context_homes, strict=True)
    for term, scripts, homes in entries:
        hit = term.found_in(whole) or homes.get(page.script) or homes.get(page.site_script or "")
        if hit is None and page.script in scripts:
            return None
        if hit is not None:
            found.append(hit)
    # An entry the editor wrote no word for in the article's script ("Thailand|ไทย" and a
    # Korean article) cannot be checked by search: meaning decides, with no context part.
    return tuple(found)


_SCRIPTS = (
    ("hangul", re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")),
    ("thai", re.compile(r"[\u0e00-\u0e7f]")),
    ("khmer", re.compile(r"[\u1780-\u17ff]")),
    ("kana", re.compile(r"[\u3040-\u30ff]")),
    ("han", re.compile(r"[\u4e00-\u9fff]")),
    ("latin", re.compile(r"[a-z]")),
)
_SCRIPT = dict(_SCRIPTS)  # each pattern by the name of its script


def _homes_named(term: Term) -> dict[str, str]:
    """The scripts whose home country the entry names, each with that name as its hit."""
    named = {fold(alternative) for alternative in term.alternatives}
    found = {}
    for script, homes in _HOME_COUNTRY.items():
        home = next((home for home in homes if home in named), None)
        if home is not None:
            found[script] = f"({home})"
    return found


def _script_of(folded: str) -> str:
    """The script most of a text is written in (Japanese counts as kana: it mixes in han)."""
    counts = {name: len(pattern.findall(folded)) for name, pattern in _SCRIPTS}
    if counts["kana"]:
        counts["kana"] += counts.pop("han")
    return max(counts, key=lambda name: counts[name])


# Khmer is left out: the sentence model does not read it, so a Khmer statement adds nothing.
_LANGUAGES = {
    "latin": "English (or another Latin-script language)",
    "hangul": "Korean",
    "kana": "Japanese",
    "han": "Chinese characters",
    "thai": "Thai",
}


def missing_languages(pledge: Pledge) -> list[str]:
    """The languages the pledge's context has words in but none of its outcome statements
    is written in. The sentence model matches a sentence best to a statement in its own
    language (on the labelled set, a report's best similarity to statements in its own
    script has a median of 0.63–0.66, against 0.45–0.55 across scripts), so news in those
    languages is read less well."""
    statements = [text for _, text in _statements_of(pledge)]
    if not statements:
        return []
    written = {_script_of(fold(text)) for text in statements}
    if "kana" in written:
        written.add("han")  # Japanese statements are written in kanji too
    named = set().union(*(_scripts_named(compile_term(entry)) for entry in pledge.context))
    return [_LANGUAGES[script] for script in _LANGUAGES if script in named - written]


def _scripts_named(term: Term) -> set[str]:
    """The scripts the term's alternatives are written in."""
    return {_script_of(fold(alternative)) for alternative in term.alternatives}


def _scripts_of_term(term: Term) -> frozenset[str]:
    """The scripts of articles the term can be searched in (kanji words in Japanese ones)."""
    scripts = _scripts_named(term)
    return frozenset(scripts | ({"kana"} if "han" in scripts else set()))


def read(
    prepared: PreparedPledge,
    sentences: Sequence[str],
    vectors: Vectors,
    published: date,
    context_found: tuple[str, ...],
    rivals: frozenset[str] = frozenset(),
) -> Reading | None:
    """Steps 2–4 on an article that is on topic; ``sentences[0]`` is its headline.
    ``rivals`` are the pledges the article is on topic for (``pledges_on_topic``; the
    pledge's own id among them is ignored): only they may be closer to one of its
    sentences."""
    if sentences and _OPINION.search(sentences[0]):
        return None  # an editorial or a column argues; it reports nothing done
    if sentences and about_another(prepared.instance, sentences[0]):
        return None  # "누리호 5호기 3분기 발사 목표": news of another launch than the 4th
    similarity = vectors @ prepared.vectors.T  # sentences × statements
    rivalry = vectors @ prepared.rivals.T if rivals else None
    rival_columns = _rival_columns(prepared, rivals)
    if rivalry is not None:
        headline = _headline_owner(similarity[0], rivalry[0], rival_columns)
        if headline == "rival":
            return None  # the article is about another pledge's outcome
        if headline == "own":
            rivalry = None  # about this pledge: its sentences are read for it
    keyword = _keyword_stances(prepared, sentences)
    outcome_ahead = _outcome_day_ahead(prepared, published)
    for index in _closest_first(similarity):
        if float(similarity[index].max()) < FLOOR:
            return None
        sentence = sentences[index]
        if about_another(prepared.instance, sentence):
            continue
        cues, cue = cues_with_deciding(sentence, prepared.own_acts)
        banned = _ban_told(prepared, sentence)
        if banned is not None:
            cues, cue = [*cues, banned], banned
        negative = _says_not(sentence, prepared.own_acts, cues)
        steps = furthest(sentence)
        expects = _expects_after_a_step(prepared, steps, cue)
        leads_up = _leads_up(cues)
        reports_setback = negative and (
            _only_negation(cues)
            or _plan_given_up(sentence, cues)
            or (index == 0 and _a_clause_tells_a_setback(prepared, sentence))
        )
        if not is_factual(cue) and not reports_setback and not expects and not leads_up:
            continue  # an announcement or a plan: perhaps another sentence reports the act
        hinted = set(keyword.get(index, set()))
        if _tells_a_setback(cues):
            hinted.add("broken")
        best = _closest_statement(
            prepared, similarity[index], hinted, negative, _direction(sentence)
        )
        if best is None:
            continue
        closeness = float(similarity[index, best])
        if (
            rivalry is not None
            and _closest_rival(rivalry[index], rival_columns[negative]) > closeness + RIVAL_MARGIN
        ):
            continue  # the sentence reports another pledge's outcome
        stance, number = _against_target(prepared, sentence, prepared.stances[best])
        stance, step = _by_step(prepared, steps, stance, negative or number == "short")
        if expects and stance != "progress":
            continue
        if leads_up and stance == "fulfilled":
            stance = "progress"  # a step done on the way to what it leads up to
        staged = _in_time(
            prepared, sentence, sentences, prepared.statements[best], stance, cue, steps, published
        )
        if staged is None:
            continue  # a step named for a day to come is only announced
        stance, stage = staged
        if stance == "fulfilled" and outcome_ahead is not None:
            # the outcome told before its day is a forecast or another matter, unless an
            # official act or a start was done now ("merchant registration kicks off")
            if _official_act(steps) is None and not _BEGINS.search(sentence):
                continue
            stance, stage = "progress", {"before": outcome_ahead.text}
        if stance in SUBJECT_NAMED and not _names_the_subject(prepared, sentence):
            continue
        scored = _scored(
            prepared, sentence, index, closeness, stance, cue, number, keyword, context_found
        )
        scored.parts.update(stage | step)
        if scored.score < ACCEPT:
            continue
        day = _event_day(sentence, sentences, published, prepared.pledge.made_on)
        if stance == "fulfilled":
            day = _on_the_outcome_day(prepared, published, day)
        return Reading(
            stance=stance,
            score=scored.score,
            sentence=sentence,
            statement=prepared.statements[best],
            cue=cue,
            event_day=day,
            terms=context_found,
            parts=scored.parts,
        )
    return None


# The label a headline of opinion opens with: "[社説 …]", "คอลัมน์: …", "Editorial: …",
# or the guest of a broadcast talk ("(출연: 김열수 실장)").
_OPINION = re.compile(
    r"^[\[(「【《\s]*(社説|社论|社論|사설|칼럼|시론|기고|오피니언|editorial|opinion|op-ed|"
    r"commentary|column|analysis|éditorial|tribune|chronique|point de vue|คอลัมน์|"
    r"บทวิเคราะห์|บทบรรณาธิการ)(\s*[:：|\]】」》]|\s)|\(출연\s*:",
    re.IGNORECASE,
)


SUBJECT_NAMED: frozenset[Stance] = frozenset({"fulfilled"})


def _names_the_subject(prepared: PreparedPledge, sentence: str) -> bool:
    """Whether the sentence names what the pledge is about (an entry of its context that is
    no country), where the editor wrote that entry in the sentence's script: "2차 상법
    개정안 본회의 통과" tells of another law than the Yellow Envelope Act, though the article
    names both."""
    folded = fold(sentence)
    script = _script_of(folded[:SCRIPT_SAMPLE])
    checkable = [
        term
        for term, scripts, country in zip(
            prepared.context, prepared.context_scripts, prepared.context_countries, strict=True
        )
        if not country and script in scripts
    ]
    return not checkable or any(term.found_in(folded) for term in checkable)


def _by_step(
    prepared: PreparedPledge, steps: dict[Process, Step], stance: Stance, held_back: bool
) -> tuple[Stance, dict[str, str]]:
    """The stance read from the step of a process the sentence reports (``steps``, its
    furthest step in each process), when the pledge's
    "fulfilled" statements name a step of it: before that step is progress ("補正予算案を
    閣議決定" for "the Diet enacted the budget"), at or past it fulfilment ("workers land at
    Incheon", however close the sentence sits to "the plane left Incheon"). ``held_back``:
    the sentence is negative, or names a number short of the target ("初日は390人帰還"
    of 1,000), which no step overrules."""
    if held_back or stance == "broken" or not prepared.goals:
        return stance, {}
    for process, step in steps.items():
        goal = prepared.goals.get(process)
        if goal is None:
            continue
        reached: Stance = "fulfilled" if step.rank >= goal else "progress"
        if reached != stance:
            return reached, {"step": step.text}
    return stance, {}


def _expects_after_a_step(
    prepared: PreparedPledge, steps: dict[Process, Step], cue: Cue | None
) -> bool:
    """Whether a sentence reports a step of a law done, short of the outcome, and only
    expects or plans the rest ("內閣批准補充預算案 可望達成2%目標", "the cabinet approved
    the bill, which is expected to pass next month"): progress, though not a report of
    the outcome."""
    goal = prepared.goals.get("law")
    if cue is None or cue.kind not in ("future", "plan") or goal is None:
        return False
    act = _official_act(steps)
    return act is not None and act.rank < goal


def _leads_up(cues: Sequence[Cue]) -> bool:
    """Whether every cue of a sentence that is not "done" names what its act leads up to
    ("positioned on the launchpad ahead of the fourth launch", "발사 D-3…조립 마치고"): the
    act is a step, and the outcome it leads up to is not yet reported."""
    pending = [c for c in cues if c.kind != "done"]
    return bool(pending) and all(c.lead_up for c in pending)


def _in_time(
    prepared: PreparedPledge,
    sentence: str,
    sentences: Sequence[str],
    statement: str,
    stance: Stance,
    cue: Cue | None,
    steps: dict[Process, Step],
    published: date,
) -> tuple[Stance, dict[str, str]] | None:
    """The stance once time and stage are read, with the part that changed it; None for
    a step named for a day still to come, which is only announced. An act reported done
    that takes effect on a later day, that has only begun or gone part of the way, is
    progress, unless the pledge's outcome is the start of that very thing (``starts``, the
    "fulfilled" statements that tell a start: "applications began on 22 September")."""
    ahead = later_date(sentence, published)
    if ahead is not None:
        # An official act done now that fixes the day ("the Royal Gazette announced the
        # referendum for 8 Feb") is progress, even in the words of the outcome; otherwise
        # the dated thing is the step itself, still to come ("8일 첫 이삿짐 출발").
        if _official_act(steps) is not None:
            return "progress", {"scheduled": ahead.text}
        # a setback of the deadline itself ("販売期限延長へ 8月末から") is told now
        missed_deadline = stance == "broken" and ahead.day == prepared.pledge.due
        if (stance != "fulfilled" or cue is None) and not missed_deadline:
            return None
    if stance != "fulfilled":
        return stance, {}
    ahead = ahead or _takes_effect_later(sentences[:LEAD_SENTENCES], published)
    if ahead is not None:
        return "progress", {"from": ahead.text}
    starts = prepared.starts
    begun = _begun_only(sentence, statement)
    if begun is not None and not _the_outcome_starts(sentence, begun, starts):
        return "progress", {"begun": begun}
    part = _PART_WAY.search(sentence)
    if part is None or _PART_WAY.search(statement) or _FIRST.search(statement):
        return stance, {}
    # the first group is the outcome when the outcome is a first ("第1陣が到着した")
    a_first = _FIRST.search(part.group(0)) and any(_FIRST.search(text) for text in starts)
    if not a_first and not _the_outcome_starts(sentence, part.group(0), starts):
        return "progress", {"part way": part.group(0)}
    return stance, {}


# An outcome that is itself a first ("이재명 대통령이 청와대로 첫 출근했다"): its first day is
# the outcome, not the first of several stages
_FIRST = re.compile(r"첫|\bfirst\b|初(?!め)|首次|首日", re.IGNORECASE)


def _tells_a_start(text: str) -> bool:
    return bool(_BEGINS.search(text) or _FIRST.search(text))


def _the_outcome_starts(sentence: str, begun: str, starts: Sequence[str]) -> bool:
    """Whether what the sentence says has begun ("2차 소비쿠폰 신청 시작", "신청 첫날") is what
    one of the pledge's "fulfilled" statements says begins ("신청이 22일 시작됐다"): then the
    start is the outcome. A start of something else ("begins relocation" for "began working
    in Busan") is only a step."""
    folded = fold(sentence)
    at = folded.find(fold(begun))
    if at < 0 or not starts:
        return False
    stem = _what_begins(folded[:at], folded[at + len(begun) :])
    return bool(stem) and any(stem in text for text in starts)


_FUNCTION_WORDS = frozenset(
    {"with", "from", "into", "today", "this", "that", "their", "over", "amid", "after"}
)
_PUNCTUATION = ".,:;!?()[]\"'“”‘’…·"


def _what_begins(before: str, after: str) -> str:
    """The stem of the thing begun: the word after the verb in English, Chinese and Thai
    ("begins relocation", "開始申請", "เริ่มจ่าย"), the one before it in Korean and
    Japanese ("신청 시작", "販売開始"), or the subject of an English verb with no object
    ("applications began")."""
    following = after.split()[:1]
    word = following[0].strip(_PUNCTUATION) if following else ""
    if _is_a_latin_noun(word) and word not in _FUNCTION_WORDS:
        return word[:4]
    head = after.lstrip()[:3]
    japanese = bool(_SCRIPT["kana"].search(before[-6:]))
    if head and _SCRIPT["han"].match(head) and not japanese:
        return head[:2]
    if head and _SCRIPT["thai"].match(head):
        return head
    words = re.sub(r"\([^)]*\)", " ", before).split()
    preceding = [w for w in words if not _WHEN_WORD.match(w.strip(_PUNCTUATION))]
    word = preceding[-1].strip(_PUNCTUATION) if preceding else ""
    if not word:
        return ""
    if "\uac00" <= word[0] <= "\ud7af":
        return word[:2]
    if word.isascii():
        return word[:4] if _is_a_latin_noun(word) else ""
    return word[-2:]  # Japanese: the noun right before 開始


def _is_a_latin_noun(word: str) -> bool:
    return word.isascii() and word.isalpha() and len(word) >= 4 and word not in STOPWORDS


# Words of time and manner between a thing and its start ("신청이 오늘 시작됐다")
_WHEN_WORD = re.compile(
    r"^(오늘|내일|어제|이날|당일|본격|본격적으로|공식|정식|정식으로|일제히|드디어|마침내|"
    r"[0-9]+(일|시|분)(부터|에)?|오전|오후|부터|에|today|officially|finally|formally|"
    r"本日|今日|きょう|正式|今天)$"
)


def _outcome_day_ahead(prepared: PreparedPledge, published: date) -> DateMention | None:
    """The day the outcome is to happen on, if it is still ahead of ``published``."""
    day = prepared.outcome_day
    return day if day is not None and published < day.day else None


# How long after the day the outcome was set for a report that says it happened is taken
# to tell that day ("Japan's provisional gasoline tax ends after 50 years", published on
# 1 January of a surcharge abolished on 31 December).
OUTCOME_REPORT_DAYS = 7


def _on_the_outcome_day(
    prepared: PreparedPledge, published: date, told: date | None
) -> date | None:
    """The day a report of the outcome dates it by (``told``, the day its text names):
    in the days right after the day the outcome was set for, that day, unless the text
    names an earlier one. A later day such a report names is mostly its own ("regular
    gasoline averaged 155.7 yen on Monday"), not the outcome's."""
    scheduled = prepared.outcome_day
    if scheduled is None or not 0 <= (published - scheduled.day).days <= OUTCOME_REPORT_DAYS:
        return told
    return scheduled.day if told is None or told > scheduled.day else told


def _official_act(steps: dict[Process, Step]) -> Step | None:
    """The step of a law the sentence reports, past a mere draft (cabinet approval,
    submission, a chamber's vote, promulgation …), if it reports one."""
    step = steps.get("law")
    return step if step is not None and step.rank >= 1 else None


# "effective 10 November", "takes effect on", "10일부터 시행", "มีผลบังคับใช้": an act decided
# now that starts on a later day
_TAKES_EFFECT = re.compile(
    r"effective|takes? effect|come into (force|effect)|comes into (force|effect)|"
    r"enters? into force|시행|발효|มีผลบังคับ|施行|発効|生效",
    re.IGNORECASE,
)


_IN_FORCE_NOW = re.compile(
    r"effective immediately|with immediate effect|took effect|즉시|มีผลทันที|即日|立即", re.I
)
_UNTIL = re.compile(r"\b(until|till|through|to)\b|ถึง", re.IGNORECASE)
_UNTIL_AFTER = re.compile(r"\S+\s*(까지|まで)")  # "11월 10일까지": the postposition follows


def _takes_effect_later(lead: Sequence[str], published: date) -> DateMention | None:
    """The later day the lead says the act takes effect on, if it says one: a date right
    after the words ("effective 10 November") or right before them ("10일부터 시행"), and
    not the day it lasts until ("effective immediately until 10 November 2026"). A lead
    that says the act is already in force speaks of some other act's later day."""
    if any(_IN_FORCE_NOW.search(text) for text in lead):
        return None
    for text in lead:
        for match in _TAKES_EFFECT.finditer(text):
            after = _UNTIL.split(text[match.end() : match.end() + 30], maxsplit=1)[0]
            before = text[max(0, match.start() - 12) : match.start()]
            for window in (after, "" if _UNTIL.search(before) else before):
                if (ahead := later_date(_UNTIL_AFTER.sub("", window), published)) is not None:
                    return ahead
    return None


# Verbs of beginning: "begins relocation", "이전 시작", "첫발", "เริ่ม"
_BEGINS = re.compile(
    r"\b(begin|begins|began|begun|beginning|start|starts|started|starting|kicks? off|"
    r"kicked off|under ?way)\b|시작|착수|첫발|돌입|개시|เริ่ม|開始|着手|始ま",
    re.IGNORECASE,
)


# Part of the way: "brought Beijing closer to its commitment", "절반 넘게", "1000만t 육박",
# and the first of several stages ("1천명씩 교환의 첫 순서로 390명", "first batch")
_PART_WAY = re.compile(
    r"\b(closer to|close to (its|the) (goal|target|commitment|pledge)|"
    r"toward(s)? (its|the) (goal|target|commitment|pledge)|halfway|more than half|"
    r"first (stage|round|phase|batch|part|group|wave|leg)|premi[èe]re (étape|phase|vague))\b|"
    r"절반|육박|근접|ครึ่งหนึ่ง|เกือบครบ|半分|過半|"
    # the last stretch is not the end: "이전이 마무리 단계에 들어가", "移転作業が大詰め"
    r"마무리 ?단계|막바지|大詰め|最終段階|进入尾声|收尾阶段|"
    r"\b(nearing completion|nearly complete[d]?|almost complete[d]?|in (its|the) final stages?)\b|"
    r"첫 ?(단계|순서|회차|교환|날)|첫날|1차 ?(교환|송환|인도|석방)|1단계|"
    r"第一(阶段|階段|批)|第1(弾|陣|段階)|初日|ชุดแรก|ระยะแรก|รอบแรก",
    re.IGNORECASE,
)


def _begun_only(sentence: str, statement: str) -> str | None:
    """A sentence that says the fulfilling act has begun reports progress, unless the
    outcome itself is a beginning ("the task force began operating")."""
    if _BEGINS.search(statement):
        return None
    for begins in _BEGINS.finditer(sentence):
        if not _BEGUN_BEFORE.match(sentence, begins.end()) and not _SINCE.search(
            sentence[max(0, begins.start() - 12) : begins.start()]
        ):
            return begins.group(0)
    for swing in _IN_FULL_SWING.finditer(sentence):
        if swing.group(1)[:2] in statement:
            return swing.group(0)
    return None


# The act itself gets into full swing ("오늘부터 청와대로 업무시설 이전 본격화"): begun,
# not done. What gets into full swing must be the act of the outcome: after an opening
# ceremony, "해양 수도 조성 본격화" is the next project's start.
_IN_FULL_SWING = re.compile(r"(\w+)\s*(?:본격화|本格化|進入全面|全面展开)")


# A beginning told as background, not as the news: one that describes a noun ("9월 22일
# 시작한 2차 신청이 마감됐다") or counts the time since ("開始8日で170億使用", "시작 3일 만에")
_BEGUN_BEFORE = re.compile(r"(한|된|했던|됐던)\s|\s?[0-9０-９]+\s?(일|日|days?|weeks?|주)")
_SINCE = re.compile(r"\b(since|after|which|that)\s+(it\s+|they\s+|its\s+|the\s+)?$", re.I)


def _event_day(
    sentence: str, sentences: Sequence[str], published: date, made_on: date
) -> date | None:
    """The day the sentence says the event happened; a headline rarely says, so then the
    first date of the lead (news puts when in its first sentences). A day before the
    pledge was made is background ("the subsidies that expired on October 1"), not the
    day of an act that keeps or breaks it."""
    for text in (sentence, *sentences[:LEAD_SENTENCES]):
        mention = event_date(text, published, since=made_on)
        if mention is not None:
            return mention.day
    return None


# Which way a quantity moves. A sentence model puts "cuts the fentanyl tariff" next to
# "imposes a 100% tariff", and "prices rose" next to "prices fell": the words are the same,
# the change is the opposite one.
_UP = re.compile(
    r"\b(rais(e|es|ed|ing)|increas(e|es|ed|ing)|hik(e|es|ed|ing)|impos(e|es|ed|ing)|"
    r"ris(e|es|en|ing)|rose|soar\w*|surg(e|es|ed|ing)|climb\w*|jump(s|ed)?|hausse|"
    r"augment\w*|relev\w*)\b|인상|상승|올려|올렸|올랐|오른|급등|値上げ|値上がり|引き上げ|"
    r"上昇|高騰|急騰|加征|加徵|上调|上調|提高|上涨|上漲|ปรับขึ้น|เพิ่มขึ้น|ขึ้นราคา",
    re.IGNORECASE,
)
_DOWN = re.compile(
    r"\b(cut(s|ting)?|reduc(e|es|ed|ing|tion)(?![- ]in[- ]force)|"
    r"lower(s|ed|ing)?(?! (house|chamber))|slash\w*|halv(e|es|ed|ing)|decreas(e|es|ed|ing)|"
    r"f(a|e)ll(s|en|ing)?(?! short)|declin\w*|"
    r"plung\w*|baisse|rédui\w*|diminu\w*)\b|인하|하락|내려|내렸|내린|삭감|値下げ|値下がり|"
    r"引き下げ|下落|低下|下调|下調|降低|下降|下跌|ปรับลด|ลดลง",
    re.IGNORECASE,
)


def _direction(text: str) -> Direction | None:
    """ "up" or "down" when the text moves a quantity one way only; None otherwise."""
    up, down = bool(_UP.search(text)), bool(_DOWN.search(text))
    return "up" if up and not down else "down" if down and not up else None


def _directions(
    statements: Sequence[str], fulfilled: Sequence[str]
) -> tuple[Direction | None, ...]:
    """Which way each statement moves a quantity: its own words, else the way the
    pledge's "fulfilled" statements move it, when two or more say so and none says the
    other way ("a 100% tariff imposed", "100%関税を引き上げ": up)."""
    ways = [way for text in fulfilled if (way := _direction(text)) is not None]
    pledge_way = ways[0] if len(ways) >= 2 and len(set(ways)) == 1 else None
    return tuple(_direction(text) or pledge_way for text in statements)


def _closest_statement(
    prepared: PreparedPledge,
    row: Vectors,
    hinted: set[Stance],
    negative: bool,
    direction: Direction | None = None,
) -> int | None:
    """The statement this sentence is closest to, among those of the same polarity: "Lecornu
    invokes 49.3" sits close to "the budget passed without 49.3" by meaning, yet says the
    opposite. A sentence is read as "broken" only when it is hinted (the editor's keyword
    rule for broken fires in it, or it tells a setback) or when the breach is a plain act
    (see ``_breach_is_an_act``): a reversal is rare and costly to announce wrongly, and news
    of obstacles on the way to a kept pledge sits close to the "broken" statements."""
    order = [int(i) for i in np.argsort(-row, kind="stable")]
    for index in order:
        if row[index] < FLOOR:
            return None
        if prepared.negated[index] != negative:
            continue
        if direction is not None and prepared.directions[index] not in (None, direction):
            continue  # the opposite change: "tariff cut" is no report of "tariff imposed"
        if (
            prepared.stances[index] != "broken"
            or "broken" in hinted
            or _breach_is_an_act(prepared, index)
        ):
            return index
    return None


def pledges_on_topic(every: Sequence[PreparedPledge], page: Page) -> frozenset[str]:
    """The pledges read by meaning that this article is on topic for: each one's rivals for
    its sentences. A pledge off the article's topic never takes a sentence: "Korea Task
    Force launched in Phnom Penh" sits closer to "Seoul raised its travel alert for Phnom
    Penh" by their shared names than to the launch."""
    return frozenset(
        p.pledge.id for p in every if p.reads_meaning and on_topic(p, page) is not None
    )


def _rival_columns(prepared: PreparedPledge, rivals: frozenset[str]) -> dict[bool, list[int]]:
    """The rival statements a sentence of each polarity is compared with: those of the
    on-topic rivals that say the same (something happened, or did not)."""
    columns: dict[bool, list[int]] = {False: [], True: []}
    for i, (negated, owner) in enumerate(
        zip(prepared.rivals_negated, prepared.rivals_owner, strict=True)
    ):
        if owner in rivals:
            columns[negated].append(i)
    return columns


def _headline_owner(
    own: Vectors, rivalry: Vectors, columns: dict[bool, list[int]]
) -> Literal["own", "rival"] | None:
    """Whose outcome the headline names: "own", "rival" (closer to another on-topic
    pledge's statement by ``RIVAL_MARGIN``), or None (neither clearly). An article is
    evidence for the pledge its headline is about: "Diet passes bill ending the gasoline
    surcharge" may add in its body that the diesel one ends in April, yet it is no report
    of the diesel pledge, and the gasoline pledge keeps the body's sentences even where
    they name diesel too."""
    closest_own = float(own.max())
    closest_rival = _closest_rival(rivalry, columns[False] + columns[True])
    if max(closest_own, closest_rival) < FLOOR:
        return None
    if closest_rival > closest_own + RIVAL_MARGIN:
        return "rival"
    if closest_own > closest_rival + RIVAL_MARGIN:
        return "own"
    return None


def _closest_rival(row: Vectors, columns: list[int]) -> float:
    return float(row[columns].max()) if columns else -1.0


def _breach_is_an_act(prepared: PreparedPledge, index: int) -> bool:
    """A pledge not to do something ("no 49.3") is broken by doing it: a plain act, told
    apart from the kept pledge by polarity alone, with no need of the editor's rule. Such
    a pledge says "not" in half of its "fulfilled" statements or more: one statement of a
    ban that says "under-16s can no longer hold accounts" does not make the ban a pledge
    to refrain, whose every start would be its breach."""
    kept = [n for s, n in zip(prepared.stances, prepared.negated, strict=True) if s == "fulfilled"]
    return not prepared.negated[index] and bool(kept) and 2 * sum(kept) >= len(kept)


# "without 49.3", "sans 49.3", "49조 3항 발동 없이": the absence of an act, said as a fact
_WITHOUT = re.compile(r"\b(without|sans)\b|없이|ไม่มี|なしで|せずに", re.IGNORECASE)
# an act undone or given up: "dropped its plan", "a renoncé", "censuré", "철회했다", "撤回"
_UNDONE = re.compile(
    r"\b(drop(s|ped)|abandon(s|ed)?|withdr(ew|awn|aws)|rescind(s|ed)?|revok(es|ed)|"
    r"reject(s|ed)|struck down|strikes? down|"
    r"renonc[ée]e?s?|abandonn[ée]e?s?|censur[ée]e?s?|retir[ée]e?s?|rejet[ée]e?s?)\b|"
    r"철회|포기|무산|백지화|撤回|断念|撤销|放弃|ยกเลิก|ล้มเลิก",
    re.IGNORECASE,
)
_NEGATIVE_KINDS = frozenset({"negation", "denial"})


def _says_not(
    text: str, own_acts: re.Pattern[str] | None, cues: Sequence[Cue] | None = None
) -> bool:
    """Whether a text (with ``cues``, its cues, read here when not given) says that
    something did not happen or was undone; ``own_acts`` are words of the pledge's own act
    (``_own_acts``), which undo nothing."""
    if cues is None:
        cues = cues_with_deciding(text, own_acts)[0]
    acts = own_acts.sub(" ", text) if own_acts is not None else text
    return bool(_WITHOUT.search(acts) or _UNDONE.search(acts)) or any(
        c.kind in _NEGATIVE_KINDS for c in cues
    )


# A plan told in the past, which the sentence then reports given up: "the tariff that was to
# start on 1 November", "censés entrer en vigueur", "위협했던", "予定だった", "原定"
_PAST_FUTURE = re.compile(
    r"\b(was|were) (set |due |scheduled |slated |expected |supposed )?to\b|"
    r"\bhad (planned|threatened|pledged|promised|vowed)\b|\bcensée?s?\b|"
    r"(예정|계획)이?(던|었던)|위협했던|계획했던|予定だった|予定していた|原定|原本|原訂",
    re.IGNORECASE,
)
GIVEN_UP_REACH = 16  # characters between a plan's word and the setback that governs it


def _plan_given_up(sentence: str, cues: Sequence[Cue]) -> bool:
    """Whether every plan or future in a sentence that tells a setback is the thing given
    up: a future told in the past ("a 100% tariff that was to start on 1 November"), or a
    plan that the setback governs ("시행 계획을 중단한다고 밝혔다", "dropped its plan to").
    Such a sentence reports the setback as a fact; "ahead of the vote, no plan agreed" does
    not, as its future is still to come."""
    setbacks = [_span(sentence, c) for c in cues if c.kind in _NEGATIVE_KINDS]
    if not setbacks:
        return False
    past = [m.span() for m in _PAST_FUTURE.finditer(sentence)]
    for cue in cues:
        if cue.kind not in ("future", "plan"):
            if cue.kind not in _NEGATIVE_KINDS and cue.kind != "done":
                return False
            continue
        start, end = _span(sentence, cue)
        if any(a <= start < b or start <= a < end for a, b in past):
            continue
        if cue.kind == "future" or not any(
            -GIVEN_UP_REACH <= s_start - end <= GIVEN_UP_REACH
            or -GIVEN_UP_REACH <= start - s_end <= GIVEN_UP_REACH
            for s_start, s_end in setbacks
        ):
            return False
    return True


# Where a headline joins two reports: "Takaichi orders economic package, cancels handout"
# (or, in Japanese and Chinese, a space or 、: "現金給付「行わず」 連立合意書 導入検討")
_CLAUSE_END = re.compile(
    r"\s*(?:(?<!\d)[,;](?!\d)|[，；、])\s*|\s+but\s+|"
    r"(?<=[\u3040-\u30ff\u4e00-\u9fff」』])\s+(?=[\u3040-\u30ff\u4e00-\u9fff「『\d])"
)


def _a_clause_tells_a_setback(prepared: PreparedPledge, sentence: str) -> bool:
    """Whether one clause of a headline names the pledge's subject and tells only its
    setback, while a plan or a future elsewhere in it is about something else: "orders
    economic package" does not make "cancels 20,000-yen handout" an announcement. Only
    headlines: they join reports side by side, where a clause of a body sentence often
    gives the reason of its main verb ("since the layoffs were withdrawn, … if passed")."""
    clauses = [c for c in _CLAUSE_END.split(sentence) if c]
    if len(clauses) < 2:
        return False
    for clause in clauses:
        cues = cues_with_deciding(clause, prepared.own_acts)[0]
        if _tells_a_setback(cues) and _only_negation(cues) and _names_the_subject(prepared, clause):
            return True
    return False


def _span(sentence: str, cue: Cue) -> tuple[int, int]:
    start = sentence.find(cue.text)
    return start, start + len(cue.text)


def _tells_a_setback(cues: Sequence[Cue]) -> bool:
    """A setback of the pledge's act ("postponed", "보류", "見送り", "暂停", "ระงับ"), not a
    plain "not": with it a sentence may be read as "broken" even where the editor wrote no
    keyword rule for broken."""
    return any(cue.setback for cue in cues)


def _only_negation(cues: Sequence[Cue]) -> bool:
    """A sentence whose only cues are of negation (and completion) reports a negative fact;
    one that also plans, conditions or asks ("will not do so until…") announces."""
    return all(c.kind in _NEGATIVE_KINDS or c.kind == "done" for c in cues)


@dataclass(frozen=True)
class _Scored:
    score: float
    parts: dict[str, float | str]


def _closest_first(similarity: Vectors) -> list[int]:
    best = similarity.max(axis=1) if similarity.size else np.zeros(0)
    return [int(i) for i in np.argsort(-best, kind="stable")]


def _scored(
    prepared: PreparedPledge,
    sentence: str,
    index: int,
    closeness: float,
    stance: Stance,
    cue: Cue | None,
    number: str | None,
    keyword: dict[int, set[Stance]],
    context_found: tuple[str, ...],
) -> _Scored:
    """The confidence, as a sum of parts an editor can check one by one (``WEIGHTS``).
    Closeness of meaning alone never reaches the strong score: a sentence close to a
    statement must also be a headline, satisfy the editor's keyword rule, name the context
    itself, use a verb of completion or meet the target."""
    parts: dict[str, float | str] = {"similarity": round(closeness, 3)}
    parts["meaning"] = round(WEIGHTS["meaning"] * _meaning(closeness), 3)
    if index == 0 and sentence:
        parts["headline"] = WEIGHTS["headline"]
    if stance in keyword.get(index, set()):
        parts["keywords"] = WEIGHTS["keywords"]
    folded = fold(sentence)
    if context_found and all(term.found_in(folded) for term in prepared.context):
        parts["context"] = WEIGHTS["context"]
    if cue is not None and cue.kind == "done":
        parts["done"] = WEIGHTS["done"]
    if number is not None:
        parts["target"] = number
        if number == "meets":
            parts["number"] = WEIGHTS["number"]
    score = sum(v for k, v in parts.items() if k in WEIGHTS and isinstance(v, float))
    return _Scored(round(min(1.0, score), 3), parts)


def _meaning(closeness: float) -> float:
    return min(1.0, max(0.0, (closeness - FLOOR) / (FULL - FLOOR)))


def _against_target(
    prepared: PreparedPledge, sentence: str, stance: Stance
) -> tuple[Stance, str | None]:
    """A number that meets the target makes a report of progress one of fulfilment; one
    that falls short makes a claimed fulfilment progress."""
    target = prepared.pledge.target
    if target is None or stance == "broken":
        return stance, None
    judged = [
        (quantity, verdict)
        for quantity in quantities(sentence)
        if (verdict := meets(target.at_least, target.at_most, target.of, quantity)) is not None
    ]
    if not judged:
        return stance, None
    meeting = [quantity for quantity, verdict in judged if verdict]
    if meeting and not _target_told_beside_a_count(target, meeting, judged, sentence):
        return "fulfilled", "meets"
    return "progress", "short"


# Words that say a process of several stages is over, or count all of it: "completing the
# 1,000-for-1,000 swap", "지난주부터 총 6000여구"
_COMPLETE = re.compile(
    r"\b(complet(e|es|ed|ing|ion)|final|finish(es|ed)?|conclud(es|ed)|achev[ée]e?s?|"
    r"derni[èe]re?|in total|in all|altogether|a total of|au total)\b|"
    r"완료|마무리|마쳤|마지막|총 ?\d|모두|完成|完了|完結|最終|最后|最後|累计|累計|合計|"
    r"ครบ|เสร็จสิ้น|รวมทั้งสิ้น",
    re.IGNORECASE,
)


def _target_told_beside_a_count(
    target: Target, meeting: list[Quantity], judged: list[tuple[Quantity, bool]], sentence: str
) -> bool:
    """Whether the numbers that meet the target are only the target's own, told beside a
    count that falls short of it ("1천명씩 교환의 첫 순서로 390명"), in a sentence that
    does not say the whole is done."""
    return (
        any(not verdict for _, verdict in judged)
        and all(is_the_target(target.at_least, target.at_most, target.of, q) for q in meeting)
        and _COMPLETE.search(sentence) is None
    )


def _keyword_stances(prepared: PreparedPledge, sentences: Sequence[str]) -> dict[int, set[Stance]]:
    """Which stances the editor's keyword rules (hints) find in each sentence."""
    found: dict[int, set[Stance]] = {}
    if not prepared.rules:
        return found
    for index, sentence in enumerate(sentences):
        for finding in match_article(prepared.rules, "", sentence):
            found.setdefault(index, set()).add(finding.stance)
    return found


def read_by_rules(prepared: PreparedPledge, title: str, text: str) -> list[Reading]:
    """Pledges with keyword rules only: the rules decide, one reading per stance they find,
    as they always have."""
    return [
        Reading(
            stance=finding.stance,
            score=finding.score,
            sentence=finding.snippet,
            statement=None,
            cue=None,
            event_day=None,
            terms=finding.terms,
            parts={"keywords": finding.score},
        )
        for finding in match_article(prepared.rules, title, text)
    ]
