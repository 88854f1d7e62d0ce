"""Event date: the day a sentence of news says something happened on. Pure; no clock.

A report that a pledge was kept counts from the day the event happened, not the day the
article appeared, and a date after publication marks an event still to come. News rarely
writes full dates: "on Tuesday", "지난 23일", "5 มี.ค.", "23日" all lean on the
publication date, which the caller passes in; this module never looks at a clock.

Understood: English ("5 March 2025", "March 5th", "Mar. 5", "on Tuesday", "last
Tuesday", "yesterday", ISO "2025-12-23"), Korean ("2025년 12월 23일", "지난 23일",
"지난달 23일", "어제"), Japanese and Chinese ("2025年12月23日", "23日", "令和7年",
"昨日"), Thai (month names and their dotted abbreviations, Buddhist-era years such as
2568 and "68", "เมื่อวาน") and Khmer month names. Digits of any script count (Python
reads ๕ and ５ as 5). Invalid dates such as 31 February are skipped, never raised.
A bare day ("30일", "30日") past today's is the nearer of this month's and last month's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class DateMention:
    day: date
    text: str  # as it occurs


Resolve = Callable[[date], date | None]  # the publication date → the date meant


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    resolve: Resolve


BUDDHIST_ERA_OFFSET = 543
# A bare day number ("23일", "23日") is a date, but "23일간" or "23日間" is a duration.
_KO_NOT_A_DAY = r"(?!간|째|\s*동안|\s*만에|\s*이내|\s*내로)"
_JA_NOT_A_DAY = r"(?!間|目|連続|ぶり|以内|前後|後|で)"  # "開始8日で": in eight days

_EN_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_EN_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_TH_MONTHS = (
    ("มกราคม", "ม.ค."),
    ("กุมภาพันธ์", "ก.พ."),
    ("มีนาคม", "มี.ค."),
    ("เมษายน", "เม.ย."),
    ("พฤษภาคม", "พ.ค."),
    ("มิถุนายน", "มิ.ย."),
    ("กรกฎาคม", "ก.ค."),
    ("สิงหาคม", "ส.ค."),
    ("กันยายน", "ก.ย."),
    ("ตุลาคม", "ต.ค."),
    ("พฤศจิกายน", "พ.ย."),
    ("ธันวาคม", "ธ.ค."),
)
_KM_MONTHS = (
    "មករា",
    "កុម្ភៈ",
    "មីនា",
    "មេសា",
    "ឧសភា",
    "មិថុនា",
    "កក្កដា",
    "សីហា",
    "កញ្ញា",
    "តុលា",
    "វិច្ឆិកា",
    "ធ្នូ",
)


def _alternation(names: list[str]) -> str:
    return "|".join(sorted(names, key=len, reverse=True))


def _thai_abbreviation(abbr: str) -> str:
    """Dotted abbreviations lose dots and gain spaces in the wild: "มี.ค", "มี. ค."."""
    parts = [re.escape(p) for p in abbr.split(".") if p]
    return r"\.\s?".join(parts) + r"\.?"


_EN_MONTH = rf"(?P<month>(?i:{_alternation(list(_EN_MONTHS))}))(?![a-z])\.?"
_EN_WEEKDAY = rf"(?i:{'|'.join(_EN_WEEKDAYS)})"
_EN_DATE_WEEKDAY = rf"(?:{_EN_WEEKDAY},?\s+)?"
_TH_MONTH_PATTERNS = [(full, _thai_abbreviation(abbr)) for full, abbr in _TH_MONTHS]
_TH_MONTH = "|".join(
    f"(?P<th{n}>{full}|{abbr})" for n, (full, abbr) in enumerate(_TH_MONTH_PATTERNS)
)
_KM_MONTH = "|".join(f"(?P<km{n}>{name})" for n, name in enumerate(_KM_MONTHS))

# Month names are matched capitalised ("May 5", never the modal "may"), but any case
# for the rest of the letters ("MARCH 5" in a headline).
_EN_MONTH_CAPITALISED = _EN_MONTH.replace("(?i:", "(?=[A-Z])(?i:", 1)

_ISO = re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_EN_DAY_MONTH = re.compile(
    rf"{_EN_DATE_WEEKDAY}(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"{_EN_MONTH_CAPITALISED}(?:,?\s+(?P<year>\d{{4}})(?!\d))?"
)
_EN_MONTH_DAY = re.compile(
    rf"{_EN_DATE_WEEKDAY}{_EN_MONTH_CAPITALISED}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
    rf"(?:,?\s+(?P<year>\d{{4}})(?!\d))?"
)
_EN_WEEKDAY_ALONE = re.compile(
    rf"(?:(?P<which>(?i:on|last|this past|next|this))\s+)?(?P<wd>(?=[A-Z]){_EN_WEEKDAY})(?![a-z])"
)
_EN_RELATIVE = re.compile(r"(?<![a-z])(?P<word>(?i:yesterday|today|tomorrow))(?![a-z])")

_KO_FULL = re.compile(r"(?<!\d)(?P<year>\d{4})\s*년\s*(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일")
_KO_MONTH_DAY = re.compile(r"(?<!\d)(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일")
_KO_DAY = re.compile(
    rf"(?:(?P<which>지난\s?달|이번\s?달|이달|다음\s?달|내달|지난)\s*)?(?<![\d,.])(?P<d>\d{{1,2}})일"
    rf"{_KO_NOT_A_DAY}(?=(?P<onward>\s*(?:부터|시행|발효))?)"
)
_KO_RELATIVE = re.compile(r"(?P<word>어제|오늘(?!날)|내일)")

_JA_FULL = re.compile(r"(?<!\d)(?P<year>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
_JA_REIWA = re.compile(
    r"令和\s*(?P<era>\d{1,2}|元)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
)
_JA_MONTH_DAY = re.compile(r"(?<!\d)(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
_JA_DAY = re.compile(rf"(?<![\d,.月])(?P<d>\d{{1,2}})日{_JA_NOT_A_DAY}")
_JA_RELATIVE = re.compile(r"(?P<word>昨日|昨天|今日|本日|今天|明日|明天)")

_TH_DATE = re.compile(
    rf"(?:(?:เมื่อ)?วันที่\s*)?(?<!\d)(?P<d>\d{{1,2}})\s*(?:{_TH_MONTH})"
    r"(?:\s*(?P<era>พ\.\s?ศ\.|ค\.\s?ศ\.)?\s*(?P<year>\d{4}|\d{2})(?!\d))?"
)
_TH_DAY = re.compile(r"(?P<which>เมื่อ)?วันที่\s*(?P<d>\d{1,2})(?!\d)")
_TH_RELATIVE = re.compile(r"(?P<word>เมื่อวานนี้|เมื่อวาน|วันนี้|พรุ่งนี้)")

_KM_DATE = re.compile(
    rf"(?:ថ្ងៃទី\s*)?(?<!\d)(?P<d>\d{{1,2}})\s*(?:ខែ\s*)?(?:{_KM_MONTH})"
    r"(?:\s*ឆ្នាំ\s*(?P<year>\d{4})(?!\d))?"
)
_KM_RELATIVE = re.compile(r"(?P<word>ម្សិលមិញ|ថ្ងៃនេះ|ថ្ងៃស្អែក)")
# The end of the month or the year of publication, named without a day: "이달 말 청와대로
# 이전", "总统府月底迁回青瓦台", "later this month", "by year-end"
_MONTH_END = re.compile(
    r"이달\s?말|이번\s?달\s?말|今月末|本月底|(?<![0-9０-９一二三四五六七八九十])月底|ปลายเดือนนี้|สิ้นเดือนนี้|"
    r"(?i:(?<![a-z])(end of (this|the) month|later this month|this month's end)(?![a-z]))"
)
_YEAR_END = re.compile(
    r"올해\s?말|今年末|今年底|ปลายปีนี้|สิ้นปีนี้|"
    r"(?i:(?<![a-z])(end of this year|later this year)(?![a-z]))"
)

_DAYS_FROM_PUBLISHED = {
    "yesterday": -1,
    "today": 0,
    "tomorrow": 1,
    "어제": -1,
    "오늘": 0,
    "내일": 1,
    "昨日": -1,
    "昨天": -1,
    "今日": 0,
    "本日": 0,
    "今天": 0,
    "明日": 1,
    "明天": 1,
    "เมื่อวานนี้": -1,
    "เมื่อวาน": -1,
    "วันนี้": 0,
    "พรุ่งนี้": 1,
    "ម្សិលមិញ": -1,
    "ថ្ងៃនេះ": 0,
    "ថ្ងៃស្អែក": 1,
}


def date_mentions(text: str, published: date) -> list[DateMention]:
    """Every date ``text`` mentions that resolves to a real day, in order of position."""
    mentions = []
    for found in _outermost(list(_find_all(text))):
        day = found.resolve(published)
        if day is not None:
            mentions.append(DateMention(day, text[found.start : found.end]))
    return mentions


def event_date(text: str, published: date, since: date = date.min) -> DateMention | None:
    """The first mention on or before ``published`` (and not before ``since``): the day a
    reported event happened."""
    return next((m for m in date_mentions(text, published) if since <= m.day <= published), None)


def later_date(text: str, published: date) -> DateMention | None:
    """The first mention after ``published``: a day still to come when the text appeared."""
    return next((m for m in date_mentions(text, published) if m.day > published), None)


def date_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` writes a date, valid or not: numbers there are not quantities."""
    return [(found.start, found.end) for found in _outermost(list(_find_all(text)))]


def _find_all(text: str) -> Iterator[_Found]:
    finders: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], Resolve]], ...] = (
        (_ISO, _absolute),
        (_EN_DAY_MONTH, _english_month),
        (_EN_MONTH_DAY, _english_month),
        (_EN_WEEKDAY_ALONE, _english_weekday),
        (_EN_RELATIVE, _relative),
        (_KO_FULL, _absolute),
        (_KO_MONTH_DAY, _absolute),
        (_KO_DAY, _korean_day),
        (_KO_RELATIVE, _relative),
        (_JA_FULL, _absolute),
        (_JA_REIWA, _reiwa),
        (_JA_MONTH_DAY, _absolute),
        (_JA_DAY, _day_only),
        (_JA_RELATIVE, _relative),
        (_TH_DATE, _thai),
        (_TH_DAY, _day_only),
        (_TH_RELATIVE, _relative),
        (_KM_DATE, _khmer),
        (_KM_RELATIVE, _relative),
        (_MONTH_END, _month_end),
        (_NAMED_MONTH_END, _named_month_end),
        (_YEAR_END, _year_end),
    )
    for pattern, reader in finders:
        for match in pattern.finditer(text):
            yield _Found(match.start(), match.end(), reader(match))


def _outermost(found: list[_Found]) -> list[_Found]:
    """Mentions not inside a longer one: "23일" inside "12월 23일" is the same date."""
    kept: list[_Found] = []
    for item in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if not any(k.start <= item.start and item.end <= k.end for k in kept):
            kept.append(item)
    return kept


# --- readers: a match → how to resolve it against the publication date ----------------


def _absolute(match: re.Match[str]) -> Resolve:
    month, day = int(match["m"]), int(match["d"])
    year = match.groupdict().get("year")
    return _on_year_or_nearest(int(year) if year else None, month, day)


def _english_month(match: re.Match[str]) -> Resolve:
    month = _EN_MONTHS[match["month"].casefold()]
    year = match["year"]
    return _on_year_or_nearest(int(year) if year else None, month, int(match["d"]))


def _reiwa(match: re.Match[str]) -> Resolve:
    # Reiwa 1 (written 元, "first") is 2019.
    era_year = 1 if match["era"] == "元" else int(match["era"])
    return _on_year_or_nearest(2018 + era_year, int(match["m"]), int(match["d"]))


def _thai(match: re.Match[str]) -> Resolve:
    month = next(
        int(name[2:]) + 1
        for name, value in match.groupdict().items()
        if value and name.startswith("th")
    )
    year = _thai_year(match["year"], match["era"])
    return _on_year_or_nearest(year, month, int(match["d"]))


def _thai_year(written: str | None, era: str | None) -> int | None:
    """Thai news counts years in the Buddhist era (2568 = 2025), often cut to "68"."""
    if written is None:
        return None
    year = int(written)
    if len(written) == 2:
        year += 2500
    is_buddhist = (era is not None and era.startswith("พ")) or (era is None and year >= 2400)
    return year - BUDDHIST_ERA_OFFSET if is_buddhist else year


def _khmer(match: re.Match[str]) -> Resolve:
    month = next(
        int(name[2:]) + 1
        for name, value in match.groupdict().items()
        if value and name.startswith("km")
    )
    year = match["year"]
    return _on_year_or_nearest(int(year) if year else None, month, int(match["d"]))


def _english_weekday(match: re.Match[str]) -> Resolve:
    weekday = _EN_WEEKDAYS.index(match["wd"].casefold())
    which = (match["which"] or "on").casefold()
    if which == "next":
        return lambda published: _next_weekday(weekday, published)
    # "on Tuesday" in an article of a Tuesday most often means that very day.
    same_day_counts = which in ("on", "this")
    return lambda published: _previous_weekday(weekday, published, same_day_counts)


# The end of a named month: "8月底", "8月末", "8월 말"
_NAMED_MONTH_END = re.compile(r"(?P<m>[0-9０-９]{1,2})\s?(月底|月末|월\s?말)")


def _named_month_end(match: re.Match[str]) -> Resolve:
    month = int(match["m"])
    if not 1 <= month <= 12:
        return lambda published: None
    last = (date(2001, month % 12 + 1, 1) - timedelta(days=1)).day  # 28 for February
    return _on_year_or_nearest(None, month, last)


def _month_end(match: re.Match[str]) -> Resolve:
    def last_day(published: date) -> date:
        year, month = _month_after(published.year, published.month)
        return date(year, month, 1) - timedelta(days=1)

    return last_day


def _year_end(match: re.Match[str]) -> Resolve:
    return lambda published: date(published.year, 12, 31)


def _relative(match: re.Match[str]) -> Resolve:
    days = _DAYS_FROM_PUBLISHED[match["word"].casefold()]
    return lambda published: published + timedelta(days=days)


def _korean_day(match: re.Match[str]) -> Resolve:
    which = re.sub(r"\s", "", match["which"] or "")
    day = int(match["d"])
    if which == "지난달":
        return lambda published: _safe_date(*_month_before(published.year, published.month), day)
    if which in ("이번달", "이달"):
        return lambda published: _safe_date(published.year, published.month, day)
    if which in ("다음달", "내달"):
        return lambda published: _safe_date(*_month_after(published.year, published.month), day)
    if match["onward"] and not which:
        # "10일부터 시행", "10일 발효": the day something starts, still ahead
        return lambda published: (
            _safe_date(published.year, published.month, day)
            if day >= published.day
            else _safe_date(*_month_after(published.year, published.month), day)
        )
    return _day_only(match)


def _day_only(match: re.Match[str]) -> Resolve:
    """A bare day number is this month's when that day has come. A later number is the
    nearer of next-to-come this month ("30일 첫 회의" written on the 28th) and last month
    ("30일(현지시간)" written on the 1st), unless the text marks it as past ("지난 28일",
    "เมื่อวันที่ 28"), which is last month's."""
    day = int(match["d"])
    past = bool(match.groupdict().get("which"))

    def resolve(published: date) -> date | None:
        if day <= published.day:
            return _safe_date(published.year, published.month, day)
        before = _safe_date(*_month_before(published.year, published.month), day)
        ahead = _safe_date(published.year, published.month, day)
        if past or ahead is None:
            return before
        if before is None or (ahead - published) < (published - before):
            return ahead
        return before

    return resolve


# --- calendar arithmetic ----------------------------------------------------------------


def _on_year_or_nearest(year: int | None, month: int, day: int) -> Resolve:
    if year is not None:
        return lambda published: _safe_date(year, month, day)
    return lambda published: _nearest(month, day, published)


def _nearest(month: int, day: int, published: date) -> date | None:
    """The year that puts month/day nearest to ``published``: "28 December" in an
    article of 3 January is last year's."""
    candidates = [
        d
        for year in (published.year - 1, published.year, published.year + 1)
        if (d := _safe_date(year, month, day)) is not None
    ]
    return min(candidates, key=lambda d: abs(d - published), default=None)


def _previous_weekday(weekday: int, published: date, same_day_counts: bool) -> date:
    back = (published.weekday() - weekday) % 7
    if back == 0 and not same_day_counts:
        back = 7
    return published - timedelta(days=back)


def _next_weekday(weekday: int, published: date) -> date:
    ahead = (weekday - published.weekday()) % 7 or 7
    return published + timedelta(days=ahead)


def _month_before(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


def _month_after(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
