"""Numbers: the quantities one sentence of news states, and whether one meets a pledge's target.

A pledge such as "buy 12 million metric tons of soybeans" or "release 60 prisoners" is
kept only when the reported number reaches the target. News writes the same number many
ways: "12 million", "12m", "1,200만", "1200万", "12 ล้าน", "sixty". This module reads them
all to one float, so the judge can compare. Pure; no I/O.

Not every number is a quantity: the pledge's target told again ("its commitment to buy 12
million tonnes"), years ("2025", "2025년", "พ.ศ. 2568"), dates ("5 March",
"23일"), months ("3월"), ordinals ("5th", "제3조"), clock times and model names ("G20",
"F-35") are left out, and ``meets`` answers None rather than compare a percentage with a
head count or money with people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from monitor.eventdate import date_spans

UnitClass = Literal["percent", "money", "count"]


@dataclass(frozen=True)
class Quantity:
    value: float  # with scale applied: "12 million" -> 12_000_000.0
    text: str

    @property
    def unit_class(self) -> UnitClass | None:
        """What the number counts, when its own text says so."""
        return _unit_class(self.text)


# Korean, Chinese and Japanese count in myriads: 만/万 (10⁴), 억/億 (10⁸), 조/兆 (10¹²)
# each multiply everything written before them; 천/千, 백/百 multiply only the digit just
# before. Thai counts in millions: ล้าน multiplies, แสน (10⁵) down to ร้อย (10²) add.
_GROUPING_UNITS = {"만": 1e4, "万": 1e4, "억": 1e8, "億": 1e8, "亿": 1e8, "조": 1e12, "兆": 1e12}
_GROUPING_UNITS |= {"ล้าน": 1e6}
_DIGIT_UNITS = {"천": 1e3, "千": 1e3, "백": 1e2, "百": 1e2}
_DIGIT_UNITS |= {"แสน": 1e5, "หมื่น": 1e4, "พัน": 1e3, "ร้อย": 1e2}
_ENGLISH_SCALES = {
    "trillion": 1e12,
    "tn": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "mmt": 1e6,  # million metric tons, the grain trade's unit
    "thousand": 1e3,
    "k": 1e3,
    "hundred": 1e2,
}
_ENGLISH_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ENGLISH_MULTIPLIERS = {"dozen": 12, "hundred": 100}
_ENGLISH_GROUPS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

# "1.000/1.000", "1.212 corps": European grouping by dots. Read as thousands only when the
# number stands alone (``_value_of``): with a scale or per cent ("2.125 trillion", "1.500 %")
# it is a decimal.
_DOTTED_THOUSANDS = r"[1-9]\d{0,2}(?:\.\d{3})+(?![\d,]|\.\d)"
_NUM = rf"\d{{1,3}}(?:[,，]\d{{3}})+(?:\.\d+)?|{_DOTTED_THOUSANDS}|\d+(?:\.\d+)?"
# พัน before ธ is พันธ์ ("kind"), as in กุมภาพันธ์; ร้อยละ is "per cent", not "hundred".
_UNIT = r"조|억|만|천|백|兆|億|亿|万|千|百|ล้าน|แสน|หมื่น|พัน(?!ธ)|ร้อย(?!ละ)"
_GROUP = rf"(?:{_NUM})\s?(?:{_UNIT})(?:\s?(?:{_UNIT}))*"
_COUNTERS = r"명|人|คน|นาย|people|persons|달러|원|円|ドル|美元|元|บาท|dollars?|won|yen|baht|euros?"
_PERCENT_WORDS = r"%p|%|％|per\s?cent|percent|퍼센트|パーセント|เปอร์เซ็นต์"
_CURRENCY_PREFIX = r"(?:US|S|A|HK|NZ|C)?\$|[€£₩¥￥]"
_TAIL = (
    rf"(?P<percent>\s?(?i:{_PERCENT_WORDS}))?"
    rf"(?P<counter>\s?(?i:{_COUNTERS})(?![a-z]))?"
)

_NUMERIC = re.compile(
    rf"(?P<prefix>ร้อยละ\s?|(?:{_CURRENCY_PREFIX})\s?)?"
    rf"(?<![\d.,])(?P<body>{_GROUP}(?:\s?{_GROUP})*(?:\d+(?![\d.,]))?|{_NUM})"
    rf"(?P<scale>\s?(?i:trillion|billion|million|thousand|hundred|tn|bn|mn|mln|mmt)(?![a-z])"
    rf"|(?i:m|b|k)(?![a-z]))?"
    rf"{_TAIL}"
)
# A myriad written without a digit before a counter: "만 명" is 10,000 people.
_BARE_UNITS = re.compile(
    rf"(?<![가-힣\u0e00-\u0e7f\u4e00-\u9fff])(?P<body>(?:{_UNIT})+)(?=\s?(?:{_COUNTERS}))"
    rf"{_TAIL}"
)
_WORD = "|".join([*_ENGLISH_WORDS, *_ENGLISH_MULTIPLIERS, *_ENGLISH_GROUPS])
_WORDS = re.compile(
    rf"(?<![\w-])(?P<body>(?i:(?:a\s+)?(?:{_WORD})(?:(?:\s+and\s+|\s+|-)(?:{_WORD}))*))(?![\w-])"
    rf"{_TAIL}"
)

_YEAR_MARK_BEFORE = re.compile(r"(?:พ\.\s?ศ\.|ค\.\s?ศ\.|ปี|FY)\s*$")
_ORDINAL_MARK_BEFORE = re.compile(r"(?:제|第|No\.|#)\s*$|[A-Za-z]-?$|\d:$")
# "its commitment to buy 12 million tonnes", "a target of 60": the pledge's own number, told
# again, is no report of what was done.
_TARGET_BEFORE = re.compile(
    r"(?:commitment|pledge|promise|target|goal|quota|aim)s?\s+(?:to\s+[a-z]+\s+|of\s+)"
    r"(?:at\s+least\s+|about\s+|some\s+|around\s+|a\s+total\s+of\s+)?$",
    re.I,
)
# "the 2% of GDP target", "GDP比2%目標", "2% 목표": the number names the goal, not a count
_TARGET_AFTER = re.compile(
    r"^[^.;:!?,。、，]{0,16}?(?:target|goal|objective|objectif|cible|目標|目标|목표|เป้าหมาย)",
    re.I,
)
_NOT_A_COUNT_AFTER = re.compile(
    r"^(?:st|nd|rd|th)(?![a-z])|^\s?(?:월|月|년|年)|^:\d|^\s?(?:시|분|時|分)(?!\s?(?:간|間))", re.I
)  # ordinals, months, years and clock times ("오후 3시 23분", "15時")


def quantities(text: str) -> list[Quantity]:
    """Every quantity ``text`` states, in order of position; years and dates left out."""
    dates = date_spans(text)
    found: list[tuple[int, int, float]] = []
    left_out: list[tuple[int, int]] = []  # a scale word of a number left out is no number
    for pattern in (_NUMERIC, _BARE_UNITS, _WORDS):
        for match in pattern.finditer(text):
            value = _value_of(match)
            if value is None:
                continue
            if _is_not_a_quantity(text, match, dates):
                left_out.append(match.span())
            else:
                found.append((match.start(), match.end(), value))
    kept = [f for f in found if not any(a <= f[0] < b for a, b in left_out)]
    return [Quantity(value, text[start:end].strip()) for start, end, value in _outermost(kept)]


def scale_of(words: str) -> float:
    """The leading scale word of a target's "of" text: "million metric tons of soybeans"
    is 1e6, "억 달러" is 1e8, "people" is 1."""
    head = words.strip()
    english = re.match(rf"(?i:{'|'.join(_ENGLISH_SCALES)}|dozen)(?![a-z])", head)
    if english:
        return _ENGLISH_SCALES.get(english.group().casefold(), 12.0)
    units = re.match(rf"(?:{_UNIT})(?:\s?(?:{_UNIT}))*", head)
    if units:
        return _myriad_value(re.findall(_UNIT, units.group()))
    return 1.0


def meets(
    target_at_least: float | None, target_at_most: float | None, of: str, quantity: Quantity
) -> bool | None:
    """Whether ``quantity`` reaches the target (counted in ``of``'s scale); None when
    the two do not measure the same thing, or there is no target."""
    if target_at_least is None and target_at_most is None:
        return None
    if not _comparable(of, quantity):
        return None
    scale = scale_of(of)
    if target_at_least is not None:
        floor = target_at_least * scale
        if quantity.value < floor - abs(floor) * SLACK:
            return False
    if target_at_most is not None:
        ceiling = target_at_most * scale
        if quantity.value > ceiling + abs(ceiling) * SLACK:
            return False
    return True


# Float products such as 12.3 × 10⁶ are off in the last bit; a relative slack of 10⁻⁹ keeps
# "exactly the target" counting as the target.
SLACK = 1e-9


def is_the_target(
    target_at_least: float | None, target_at_most: float | None, of: str, quantity: Quantity
) -> bool:
    """Whether ``quantity`` is the target's own number (in ``of``'s scale), to the last bit."""
    scale = scale_of(of)
    return any(
        abs(quantity.value - bound * scale) <= abs(bound * scale) * SLACK
        for bound in (target_at_least, target_at_most)
        if bound is not None
    )


# --- reading one match ------------------------------------------------------------------


def _value_of(match: re.Match[str]) -> float | None:
    body = match["body"]
    if match.re is _WORDS:
        value = _english_words_value(body)
    else:
        tokens = re.findall(rf"{_NUM}|{_UNIT}", body)
        fields = match.groupdict()
        plain = len(tokens) == 1 and not fields.get("scale") and not fields.get("percent")
        value = _myriad_value(tokens, dotted=plain)
    if value is None:
        return None
    scale = match.groupdict().get("scale")
    if scale:
        value *= _ENGLISH_SCALES[scale.strip().casefold()]
    return value


def _myriad_value(tokens: list[str], dotted: bool = False) -> float:
    """Tokens of digits and units, in the East Asian and Thai way: 3 억 5 천 만 is
    350,000,000; a unit with no digit before it counts once (만 = 10,000). ``dotted``: a
    number grouped by dots ("1.212") is thousands."""
    total = 0.0
    section = 0.0
    current: float | None = None
    for token in tokens:
        if token in _DIGIT_UNITS:
            section += (1.0 if current is None else current) * _DIGIT_UNITS[token]
            current = None
        elif token in _GROUPING_UNITS:
            unit = _GROUPING_UNITS[token]
            if section == 0 and current is None and total:
                total *= unit  # ล้านล้าน: a million millions
            else:
                section += 0.0 if current is None else current
                total += (section or 1.0) * unit
            section, current = 0.0, None
        else:
            grouping = r"[,，.]" if dotted and re.fullmatch(_DOTTED_THOUSANDS, token) else r"[,，]"
            current = float(re.sub(grouping, "", token))
    return total + section + (current or 0.0)


def _english_words_value(body: str) -> float | None:
    words = [w for w in re.split(r"[\s-]+", body.casefold()) if w not in ("and", "a")]
    if words in (["one"], []):
        return None  # "one" is far more often a pronoun ("one of them") than a count
    total = 0.0
    current = 0.0
    for word in words:
        if word in _ENGLISH_WORDS:
            current += _ENGLISH_WORDS[word]
        elif word in _ENGLISH_MULTIPLIERS:
            current = (current or 1.0) * _ENGLISH_MULTIPLIERS[word]
        else:
            total += (current or 1.0) * _ENGLISH_GROUPS[word]
            current = 0.0
    return total + current


def _is_not_a_quantity(text: str, match: re.Match[str], dates: list[tuple[int, int]]) -> bool:
    start, end = match.span("body")
    if any(a <= start < b for a, b in dates):
        return True
    before, after = text[max(0, start - 8) : start], text[end : end + 4]
    if _ORDINAL_MARK_BEFORE.search(before) or _NOT_A_COUNT_AFTER.match(after):
        return True
    if _YEAR_MARK_BEFORE.search(before):
        return True
    if _TARGET_BEFORE.search(text[max(0, start - 60) : start]):
        return True
    if _TARGET_AFTER.match(text[match.end() : match.end() + 40]):
        return True
    return _is_bare_year(match)


def _is_bare_year(match: re.Match[str]) -> bool:
    """A plain 1900–2100 with nothing that makes it a count ("2025", "in 2025,")."""
    if any(match.groupdict().get(g) for g in ("prefix", "scale", "percent", "counter")):
        return False
    return _looks_like_year(match["body"])


def _looks_like_year(text: str) -> bool:
    return re.fullmatch(r"\d{4}", text.strip()) is not None and 1900 <= int(text) <= 2100


def _outermost(found: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    kept: list[tuple[int, int, float]] = []
    for item in sorted(found, key=lambda f: (f[0], -(f[1] - f[0]))):
        if not any(k[0] <= item[0] and item[1] <= k[1] for k in kept):
            kept.append(item)
    return kept


# --- what a number counts -----------------------------------------------------------------

_PERCENT = re.compile(rf"ร้อยละ|(?i:{_PERCENT_WORDS})")
_MONEY = re.compile(
    r"[$€£₩¥￥]|(?<![a-z])(?i:dollars?|usd|krw|won|yen|baht|thb|euros?|yuan)(?![a-z])"
    r"|달러|(?<![가-힣])원|(?<=[조억만천백])원|円|ドル|美元|元|บาท"
)
_COUNT = re.compile(r"(?<![a-z])(?i:people|persons)(?![a-z])|명|人|คน|นาย")
_UNIT_CLASSES: tuple[tuple[UnitClass, re.Pattern[str]], ...] = (
    ("percent", _PERCENT),
    ("money", _MONEY),
    ("count", _COUNT),
)


def _unit_class(text: str) -> UnitClass | None:
    return next((unit for unit, pattern in _UNIT_CLASSES if pattern.search(text)), None)


def _comparable(of: str, quantity: Quantity) -> bool:
    if _looks_like_year(quantity.text) or date_spans(quantity.text):
        return False
    target, found = _unit_class(of), quantity.unit_class
    if (target == "percent") != (found == "percent"):
        return False
    return target is None or found is None or target == found
