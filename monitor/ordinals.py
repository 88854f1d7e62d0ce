"""Ordinals: which instance of a repeated thing a text names — the 4th launch, the second
round of coupons, phase 2. Pure; no I/O.

A pledge about one instance ("the Nuri rocket's 4th launch", "phase 2 from January") shares
every word with the news of the others ("누리호 5차 발사 3분기 목표", "phase 1 spending
begins"), and sentence meaning cannot tell 4 from 5. The ordinal can: a text that names
instances, none of them the pledge's, is about another one.

Only forms that count instances are read: "4th", "fourth", "phase 2", "4차", "5호기",
"네 번째", "4回目", "第四次", "ระยะที่ 2". Not "first" (mostly "for the first time"), nor
numbers of things ("第140号", "3호" of a satellite's name), nor quarters ("3분기",
"third quarter") and fractions ("a third of").
"""

from __future__ import annotations

import re

_KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九", start=0)}
_ENGLISH_WORDS = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_KOREAN_WORDS = {"두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}

# a time ("second week", "third quarter"), a part ("a third of") or a reading of a bill
_NOT_AN_INSTANCE = r"(?!\s+(quarter|half|of|day|week|month|year|term|reading)s?\b)"
_PATTERNS = (
    re.compile(rf"(?<![\d.,])(?P<n>\d{{1,3}})(st|nd|rd|th)\b{_NOT_AN_INSTANCE}", re.I),
    re.compile(
        rf"\b(?P<w>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b{_NOT_AN_INSTANCE}",
        re.I,
    ),
    re.compile(r"\b(phase|round|stage|tranche)\s+(?P<n>\d{1,2}|(?P<r>i{1,3}|iv|v))\b", re.I),
    re.compile(r"(?<![\d.,~∼〜-])(?P<n>\d{1,2})\s?(차|호기|번째|단계|회차)(?![\d.])"),
    re.compile(r"(?P<k>두|세|네|다섯|여섯|일곱|여덟|아홉)\s?번째"),
    re.compile(r"(?<![\d.,])(?P<n>\d{1,2})\s?(回目|号機)"),
    re.compile(
        r"第\s?(?P<n>\d{1,2}|(?P<c>[一二三四五六七八九十]{1,3}))\s?"
        r"(次|轮|輪|期|批|阶段|階段|回|弾|段階)"
    ),
    re.compile(r"(ระยะที่|เฟส|ครั้งที่)\s?(?P<n>\d{1,2})"),
)


def ordinals_in(text: str) -> frozenset[int]:
    """The instance numbers a text names."""
    found = set()
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            found.add(_value(match))
    return frozenset(found)


def _value(match: re.Match[str]) -> int:
    groups = match.groupdict()
    if groups.get("r"):
        return _ROMAN[groups["r"].lower()]
    if groups.get("c"):
        return _kanji_number(groups["c"])
    if groups.get("n"):
        return int(groups["n"])
    if groups.get("w"):
        return _ENGLISH_WORDS[groups["w"].lower()]
    return _KOREAN_WORDS[groups["k"]]


def _kanji_number(text: str) -> int:
    """一 … 九十九 (十 alone is ten, 十二 twelve, 二十 twenty)."""
    if "十" not in text:
        return _KANJI_DIGITS[text[-1]]
    tens, _, ones = text.partition("十")
    return (_KANJI_DIGITS[tens] if tens else 1) * 10 + (_KANJI_DIGITS[ones] if ones else 0)


def instance_of(title: str, outcomes: list[str]) -> int | None:
    """The instance a pledge is about: the one ordinal its title names and an outcome
    statement too, or that half of its outcome statements or more name ("누리호 4차 발사
    성공"); else None. An ordinal named in passing ("as agreed at the second Istanbul
    talks") is not the pledge's."""
    counts: dict[int, int] = {}
    for text in outcomes:
        for number in ordinals_in(text):
            counts[number] = counts.get(number, 0) + 1
    often = {number for number, n in counts.items() if 2 * n >= len(outcomes)}
    named = often | (ordinals_in(title) & counts.keys())
    return next(iter(named)) if len(named) == 1 else None


def about_another(instance: int | None, text: str) -> bool:
    """Whether the text names instances of the thing, none of them the pledge's."""
    if instance is None:
        return False
    named = ordinals_in(text)
    return bool(named) and instance not in named
