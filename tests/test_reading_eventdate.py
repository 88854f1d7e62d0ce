"""Event date: the day a sentence says something happened on, against its publication."""

from __future__ import annotations

from datetime import date

import pytest

from monitor.eventdate import DateMention, date_mentions, date_spans, event_date, later_date

MARCH_10 = date(2025, 3, 10)  # a Monday
JAN_3 = date(2026, 1, 3)  # a Saturday
DEC_24 = date(2025, 12, 24)  # a Wednesday
TUESDAY = date(2025, 12, 23)


def days(text: str, published: date) -> list[date]:
    return [m.day for m in date_mentions(text, published)]


def when(text: str, published: date) -> date | None:
    mention = event_date(text, published)
    return None if mention is None else mention.day


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # English
        ("The office opened on 5 March.", MARCH_10, date(2025, 3, 5)),
        ("It opened on 5 March 2024.", MARCH_10, date(2024, 3, 5)),
        ("Talks began on 28 December.", JAN_3, date(2025, 12, 28)),
        ("Released on March 5.", MARCH_10, date(2025, 3, 5)),
        ("Released on Mar. 5.", MARCH_10, date(2025, 3, 5)),
        ("Released on March 5th, 2025.", MARCH_10, date(2025, 3, 5)),
        ("Released on the 5th of March.", MARCH_10, date(2025, 3, 5)),
        ("Released on Tuesday, March 4.", MARCH_10, date(2025, 3, 4)),
        ("The ministry said on Tuesday it had moved.", MARCH_10, date(2025, 3, 4)),
        ("The ministry moved last Tuesday.", MARCH_10, date(2025, 3, 4)),
        ("It moved on Monday.", MARCH_10, date(2025, 3, 10)),
        ("It moved last Monday.", MARCH_10, date(2025, 3, 3)),
        ("The prisoners were freed yesterday.", MARCH_10, date(2025, 3, 9)),
        ("The prisoners were freed today.", MARCH_10, date(2025, 3, 10)),
        ("The decree is dated 2025-12-23.", DEC_24, date(2025, 12, 23)),
        # Korean
        ("해수부는 12월 23일 부산에서 업무를 시작했다.", DEC_24, date(2025, 12, 23)),
        ("해수부는 지난 23일 업무를 시작했다.", DEC_24, date(2025, 12, 23)),
        ("해수부는 23일 업무를 시작했다.", DEC_24, date(2025, 12, 23)),
        ("해수부는 지난 28일 업무를 시작했다.", DEC_24, date(2025, 11, 28)),
        ("해수부는 지난달 23일 업무를 시작했다.", DEC_24, date(2025, 11, 23)),
        ("해수부는 어제 업무를 시작했다.", DEC_24, date(2025, 12, 23)),
        ("해수부는 오늘 업무를 시작했다.", DEC_24, date(2025, 12, 24)),
        ("해수부는 2025년 12월 23일 업무를 시작했다.", DEC_24, date(2025, 12, 23)),
        ("정부는 12월 28일 관세를 내렸다.", JAN_3, date(2025, 12, 28)),
        # Japanese and Chinese
        ("法案は12月23日に成立した。", DEC_24, date(2025, 12, 23)),
        ("法案は23日に成立した。", DEC_24, date(2025, 12, 23)),
        ("法案は2025年12月23日に成立した。", DEC_24, date(2025, 12, 23)),
        ("法案は昨日成立した。", DEC_24, date(2025, 12, 23)),
        ("法案は令和7年12月23日に成立した。", DEC_24, date(2025, 12, 23)),
        ("法案は１２月２３日に成立した。", DEC_24, date(2025, 12, 23)),
        # Thai
        ("ไทยปล่อยตัวทหารเมื่อวันที่ 5 มี.ค.", MARCH_10, date(2025, 3, 5)),
        ("ยุบสภาเมื่อ 5 ธันวาคม 2568", DEC_24, date(2025, 12, 5)),
        ("ยุบสภาเมื่อ 5 ธ.ค. 68", DEC_24, date(2025, 12, 5)),
        ("ยุบสภาเมื่อ 5 ธันวาคม พ.ศ. 2568", DEC_24, date(2025, 12, 5)),
        ("ยุบสภาเมื่อ ๕ ธ.ค. ๖๘", DEC_24, date(2025, 12, 5)),
        ("ยุบสภาเมื่อวาน", DEC_24, date(2025, 12, 23)),
        ("ยุบสภาวันนี้", DEC_24, date(2025, 12, 24)),
        ("ยุบสภาเมื่อวันที่ 12 ธันวาคม 2025", DEC_24, date(2025, 12, 12)),
        ("ยุบสภาเมื่อวันที่ 12", DEC_24, date(2025, 12, 12)),
        # Khmer
        ("ថ្ងៃទី ២៣ ខែធ្នូ ឆ្នាំ២០២៥", DEC_24, date(2025, 12, 23)),
        ("កម្ពុជាបានដោះលែងទាហាននៅថ្ងៃទី 5 ខែមីនា", MARCH_10, date(2025, 3, 5)),
    ],
)
def test_the_event_date_of_a_sentence(text: str, published: date, expected: date) -> None:
    assert when(text, published) == expected


def test_each_month_abbreviation_in_thai() -> None:
    abbreviations = [
        "ม.ค.",
        "ก.พ.",
        "มี.ค.",
        "เม.ย.",
        "พ.ค.",
        "มิ.ย.",
        "ก.ค.",
        "ส.ค.",
        "ก.ย.",
        "ต.ค.",
        "พ.ย.",
        "ธ.ค.",
    ]
    for month, abbr in enumerate(abbreviations, start=1):
        assert days(f"วันที่ 1 {abbr} 2568", DEC_24) == [date(2025, month, 1)]


def test_each_month_name_in_thai() -> None:
    names = [
        "มกราคม",
        "กุมภาพันธ์",
        "มีนาคม",
        "เมษายน",
        "พฤษภาคม",
        "มิถุนายน",
        "กรกฎาคม",
        "สิงหาคม",
        "กันยายน",
        "ตุลาคม",
        "พฤศจิกายน",
        "ธันวาคม",
    ]
    for month, name in enumerate(names, start=1):
        assert days(f"1 {name} 2025", DEC_24) == [date(2025, month, 1)]


def test_a_mention_keeps_its_text() -> None:
    assert date_mentions("Freed on March 5th, 2025, officials said.", MARCH_10) == [
        DateMention(date(2025, 3, 5), "March 5th, 2025")
    ]
    assert date_mentions("해수부는 지난달 23일 이전했다", DEC_24) == [
        DateMention(date(2025, 11, 23), "지난달 23일")
    ]


def test_mentions_come_in_order_of_position() -> None:
    text = "Announced on 1 March, the release came on 5 March."
    assert days(text, MARCH_10) == [date(2025, 3, 1), date(2025, 3, 5)]


def test_a_future_date_is_not_an_event_date() -> None:
    text = "The office will open on 20 March."
    assert days(text, MARCH_10) == [date(2025, 3, 20)]
    assert event_date(text, MARCH_10) is None


def test_the_first_past_mention_is_the_event_date() -> None:
    text = "Due on 20 March, the release came early, on 5 March."
    assert when(text, MARCH_10) == date(2025, 3, 5)


def test_next_tuesday_is_after_publication() -> None:
    assert days("Talks resume next Tuesday.", MARCH_10) == [date(2025, 3, 11)]
    assert days("Talks resume tomorrow.", MARCH_10) == [date(2025, 3, 11)]


def test_on_the_same_weekday_as_publication_is_that_day() -> None:
    assert when("The bill passed on Tuesday.", TUESDAY) == TUESDAY
    assert when("The bill passed last Tuesday.", TUESDAY) == date(2025, 12, 16)


def test_earlier_this_week_is_ignored() -> None:
    assert date_mentions("The bill passed earlier this week.", TUESDAY) == []


def test_an_invalid_date_is_skipped_not_raised() -> None:
    assert date_mentions("It happened on 31 February 2025.", MARCH_10) == []
    assert date_mentions("2025-13-45", MARCH_10) == []
    assert date_mentions("해수부는 32일 이전했다", date(2025, 12, 5)) == []


def test_a_bare_later_day_is_the_nearer_of_this_month_and_last() -> None:
    """Korean, Japanese and Thai news name days of the current month bare: "30일 첫 회의"
    written on the 28th is two days ahead; "30일(현지시간)" written on the 1st, yesterday."""
    sept_28, oct_1 = date(2025, 9, 28), date(2025, 10, 1)
    assert days("한미 워킹그룹, 30일 워싱턴서 첫 회의", sept_28) == [date(2025, 9, 30)]
    assert days("30日に初会合を開く", sept_28) == [date(2025, 9, 30)]
    assert days("워킹그룹은 30일(현지시간) 첫 회의를 열었다", oct_1) == [date(2025, 9, 30)]
    assert days("해수부는 지난 30일 업무를 시작했다", sept_28) == [date(2025, 8, 30)]
    assert days("ยุบสภาเมื่อวันที่ 30", sept_28) == [date(2025, 8, 30)]


def test_a_duration_is_not_a_date() -> None:
    assert date_mentions("협상은 23일간 이어졌다", DEC_24) == []
    assert date_mentions("交渉は3日間続いた。", DEC_24) == []


def test_the_modal_may_is_not_a_month() -> None:
    assert date_mentions("The office may 5 times move.", MARCH_10) == []
    assert days("The office opened May 5.", date(2025, 5, 9)) == [date(2025, 5, 5)]


def test_a_year_and_month_alone_is_not_a_day() -> None:
    assert date_mentions("The office opened in March 2025.", MARCH_10) == []


def test_odd_input_never_raises() -> None:
    for text in ["", "99 March", "0월 0일", "令和99年13月1日", "วันที่ 99", "🙂 31日", "-" * 1000]:
        date_mentions(text, MARCH_10)


def test_date_spans_mark_dates_even_invalid_ones() -> None:
    text = "Released on 31 February, 18 prisoners."
    assert [text[a:b] for a, b in date_spans(text)] == ["31 February"]


def test_next_month_in_korean_is_ahead() -> None:
    assert days("다음달 8일부터 부산 대이동 시작", date(2025, 11, 20)) == [date(2025, 12, 8)]
    assert days("내달 8일께 이사 시작", date(2025, 11, 20)) == [date(2025, 12, 8)]


def test_a_day_from_which_a_rule_applies_is_ahead() -> None:
    published = date(2025, 11, 5)
    assert later_date("행정명령 서명…10일 시행", published) == DateMention(
        date(2025, 11, 10), "10일"
    )
    assert later_date("3일부터 발효", published) == DateMention(date(2025, 12, 3), "3일")
    assert later_date("지난 3일 발효", published) is None
    assert event_date("지난 3일 발효", published) == DateMention(date(2025, 11, 3), "지난 3일")


def test_a_japanese_count_of_days_is_no_date() -> None:
    """ "開始8日で170億使用": in eight days since the start, not on the 8th."""
    assert date_mentions("開始8日で170億使用、3日後に発表", date(2025, 11, 6)) == []
    assert [m.day for m in date_mentions("8日に開始", date(2025, 11, 6))] == [date(2025, 11, 8)]


def test_the_event_date_can_skip_days_before_a_given_one() -> None:
    text = "First proposed on June 5, 2025, the move was completed on Dec. 21."
    assert event_date(text, date(2025, 12, 24)) == DateMention(date(2025, 6, 5), "June 5, 2025")
    assert event_date(text, date(2025, 12, 24), since=date(2025, 6, 24)) == DateMention(
        date(2025, 12, 21), "Dec. 21"
    )


def test_the_end_of_this_month_or_year_is_a_day_to_come() -> None:
    published = date(2025, 12, 8)
    for text in (
        "한국 대통령실, 이달 말 청와대로 이전",
        "南韩总统府月底迁回青瓦台",
        "later this month",
    ):
        found = later_date(text, published)
        assert found is not None and found.day == date(2025, 12, 31), text
    found = later_date("The office will move by the end of this year", date(2025, 11, 3))
    assert found is not None and found.day == date(2025, 12, 31)
    # a year-end named as the goal of a step told now is no day of that step
    assert later_date("휘발유 보조금 확대 13일 시작…연말 가솔린세 폐지", date(2025, 11, 13)) is None


def test_the_end_of_a_named_month_is_that_month_s_last_day() -> None:
    """ "8月底前", "8月末まで", "8월 말": the end of August, not of the month of writing."""
    published = date(2025, 5, 26)
    for text in ("日本储备米在8月底前全部售出", "備蓄米は8月末までに販売", "8월 말까지 판매"):
        assert [m.day for m in date_mentions(text, published)] == [date(2025, 8, 31)], text
    february = date_mentions("2月末に締め切る", date(2025, 12, 1))
    assert [m.day for m in february] == [date(2026, 2, 28)]
