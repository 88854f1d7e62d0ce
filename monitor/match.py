"""Match: (article text, a pledge's rules) → evidence findings. Pure; no I/O, no clock.

Text and terms are compared after Unicode NFKC normalisation and case folding, so full-width
letters, ligatures and capitals do not hide a match. Latin-script terms match whole words
("launch" does not fire inside "relaunched"; write "launch*" for any ending). Korean and
other CJK terms match inside words, because Korean attaches particles and endings to the
word itself: 출범 must also find 출범했다 and 출범식.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from opencc import OpenCC

from monitor.pledgefile import Pledge, Stance

# Bump when the matching algorithm changes, so stored pledges are matched again.
MATCHER_VERSION = 5
SNIPPET_MAX = 400
SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+|\n+")
# Scripts written without spaces between words (Thai, Lao, Khmer, Myanmar) or with endings
# attached to the word (Korean), and CJK: a term there matches inside a run of letters.
NO_WORD_BOUNDARY = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u3040-\u30ff\u3130-\u318f"
    r"\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)
# A full stop that ends an abbreviation, not a sentence: months, titles, initials (U.S.).
ABBREVIATION_END = re.compile(
    r"(?<!\w)(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mr|mrs|ms|dr|st|no|vs|"
    r"gen|gov|sen|rep|lt|col|corp|inc|ltd|co|jr|sr|(?:\w\.)+\w|[a-z])\.$",
    re.IGNORECASE,
)
TERM_SEPARATOR = re.compile(r"[\s\-‐–]+")


@dataclass(frozen=True)
class Term:
    """One rule term (its alternatives joined by '|') compiled to a single regex.

    ``needles`` holds each alternative's first word: a plain substring test on them
    rules most texts out far faster than the regex with its word-boundary look-arounds.
    """

    text: str
    pattern: re.Pattern[str]
    alternatives: tuple[str, ...]
    needles: tuple[str, ...]

    def found_in(self, folded: str) -> str | None:
        """The alternative (as written in the rule) that occurs in ``folded``, if any."""
        if not any(needle in folded for needle in self.needles):
            return None
        hit = self.pattern.search(folded)
        if hit is None:
            return None
        return next(
            alt for alt, group in zip(self.alternatives, hit.groups(), strict=True) if group
        )


@dataclass(frozen=True)
class CompiledRules:
    stance: Stance
    all: tuple[Term, ...]
    any: tuple[Term, ...]
    none: tuple[Term, ...]
    within: str


@dataclass(frozen=True)
class Finding:
    stance: Stance
    score: float
    terms: tuple[str, ...]
    snippet: str


def fold(text: str) -> str:
    """The form both text and terms are compared in. "US" and "U.S." name one country; once
    case is folded, "us" would be the pronoun, so the capitals take the dotted form first."""
    return _DOTTED.sub(_dotted, unicodedata.normalize("NFKC", text)).casefold()


# The capital abbreviations news writes with dots and without; only as a whole word.
_DOTTED = re.compile(r"(?<![\w.])(US|UK|UN|EU)(?![\w.])")


def _dotted(found: re.Match[str]) -> str:
    return ".".join(found.group(1)) + "."


def compile_term(text: str) -> Term:
    alternatives = tuple(alt.strip() for alt in text.split("|"))
    spellings = [han_spellings(alt) for alt in alternatives]
    groups = [f"({'|'.join(_alternative_regex(s) for s in each)})" for each in spellings]
    needles = tuple(_first_word(s) for each in spellings for s in each)
    return Term(text, re.compile("|".join(groups)), alternatives, needles)


def han_spellings(alternative: str) -> tuple[str, ...]:
    """The alternative and, when it is written in Chinese characters, its simplified and
    traditional spellings: an editor writes 水产品 or 暂停 once, and Taiwan and Hong Kong
    print 水產品 and 暫停 (or the other way round)."""
    if not _HAN.search(alternative):
        return (alternative,)
    return tuple(dict.fromkeys([alternative, *(c.convert(alternative) for c in _converters())]))


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@cache
def _converters() -> tuple[OpenCC, ...]:
    # s2hk as well as s2t: Taiwan and Hong Kong write 台灣, which s2t spells 臺灣
    return (OpenCC("t2s"), OpenCC("s2t"), OpenCC("s2hk"))


def _first_word(alternative: str) -> str:
    return TERM_SEPARATOR.split(fold(alternative).rstrip("*"))[0] or fold(alternative)


def _alternative_regex(alternative: str) -> str:
    folded = fold(alternative)
    wildcard = folded.endswith("*")
    words = [w for w in TERM_SEPARATOR.split(folded.rstrip("*")) if w]
    body = r"[\s\-‐–]+".join(re.escape(word) for word in words)
    first, last = words[0][0], words[-1][-1]
    start = r"(?<!\w)" if _needs_boundary(first) else ""
    end = r"\w*" if wildcard else (r"(?!\w)" if _needs_boundary(last) else "")
    return start + body + end


def _needs_boundary(char: str) -> bool:
    return (char.isalnum() or char == "_") and not NO_WORD_BOUNDARY.match(char)


def compile_rules(pledge: Pledge) -> list[CompiledRules]:
    if pledge.evidence is None:
        return []  # judged by its statements alone
    return [
        CompiledRules(
            stance=stance,
            all=tuple(compile_term(t) for t in rules.all),
            any=tuple(compile_term(t) for t in rules.any),
            none=tuple(compile_term(t) for t in rules.none),
            within=rules.within,
        )
        for stance, rules in pledge.evidence.stances()
    ]


def match_article(rules: list[CompiledRules], title: str, text: str) -> list[Finding]:
    """Every stance whose rules this article satisfies, at most one finding per stance."""
    sentences = [title, *split_sentences(text)] if title else split_sentences(text)
    folded = [fold(s) for s in sentences]
    findings = []
    for rule in rules:
        finding = _match_rule(rule, sentences, folded, has_title=bool(title))
        if finding is not None:
            findings.append(finding)
    return findings


def split_sentences(text: str) -> list[str]:
    """Sentences at a full stop, a question or exclamation mark and a space, or a line
    break; not after an abbreviation ("Nov. 10", "Mr. Lee", "U.S. officials")."""
    sentences: list[str] = []
    for piece in (p.strip() for p in SENTENCE_END.split(text)):
        if not piece:
            continue
        if sentences and ABBREVIATION_END.search(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return sentences


def _match_rule(
    rule: CompiledRules, sentences: list[str], folded: list[str], *, has_title: bool
) -> Finding | None:
    # 0. most articles lack a required term anywhere: one look at the whole text says so
    whole = "\n".join(folded)
    if any(term.found_in(whole) is None for term in rule.all) or (
        rule.any and all(term.found_in(whole) is None for term in rule.any)
    ):
        return None
    # 1. the terms meet in one sentence: the headline counts most, then the body
    for index, sentence in enumerate(folded):
        terms = _satisfied(rule, sentence)
        if terms is not None:
            score = 1.0 if index == 0 and has_title else 0.8
            return Finding(rule.stance, score, terms, _snippet(sentences[index], sentence, terms))
    # 2. for rules that allow it, the terms spread over the whole article
    if rule.within == "article":
        terms = _satisfied(rule, whole)
        if terms is not None:
            index = next(i for i, s in enumerate(folded) if any(_term_in(t, s) for t in terms))
            return Finding(
                rule.stance, 0.6, terms, _snippet(sentences[index], folded[index], terms)
            )
    return None


def _satisfied(rule: CompiledRules, folded: str) -> tuple[str, ...] | None:
    """The matched alternatives when ``folded`` satisfies the rule, else None."""
    if any(term.found_in(folded) for term in rule.none):
        return None
    matched: list[str] = []
    for term in rule.all:
        hit = term.found_in(folded)
        if hit is None:
            return None
        matched.append(hit)
    if rule.any:
        hits = [hit for term in rule.any if (hit := term.found_in(folded))]
        if not hits:
            return None
        matched.extend(hits)
    return tuple(dict.fromkeys(matched))


def _term_in(alternative: str, folded: str) -> bool:
    return compile_term(alternative).found_in(folded) is not None


def _snippet(original: str, folded: str, terms: tuple[str, ...]) -> str:
    """The sentence around the match, cut to a readable length around the first term."""
    if len(original) <= SNIPPET_MAX:
        return original
    first = compile_term(terms[0]).pattern.search(folded) if terms else None
    center = min(first.start(), len(original)) if first else 0
    start = max(0, center - SNIPPET_MAX // 2)
    end = min(len(original), start + SNIPPET_MAX)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(original) else ""
    return prefix + original[start:end].strip() + suffix


def highlight(text: str, terms: Sequence[str]) -> list[tuple[str, bool]]:
    """Split ``text`` into (piece, is_match) runs, marking where any of ``terms`` occurs.

    Reports use it to mark the matched words in a snippet; positions are found on the
    folded text, which has the same length as the original for the scripts we match
    (otherwise the text is returned unmarked rather than marked in the wrong place)."""
    folded = fold(text)
    if len(folded) != len(text) or not terms:
        return [(text, False)] if text else []
    spans: list[tuple[int, int]] = []
    for term in terms:
        spans += [(m.start(), m.end()) for m in compile_term(term).pattern.finditer(folded)]
    pieces: list[tuple[str, bool]] = []
    cursor = 0
    for start, end in sorted(spans):
        if start < cursor:
            continue  # overlaps a span already marked
        if start > cursor:
            pieces.append((text[cursor:start], False))
        pieces.append((text[start:end], True))
        cursor = end
    if cursor < len(text):
        pieces.append((text[cursor:], False))
    return pieces
