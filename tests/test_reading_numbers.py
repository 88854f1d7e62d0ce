"""Numbers: quantities as news writes them, and comparing one with a pledge's target."""

from __future__ import annotations

import pytest

from monitor.numbers import Quantity, is_the_target, meets, quantities, scale_of


def values(text: str) -> list[float]:
    return [q.value for q in quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # digits, separators, decimals
        ("Thailand released 60 prisoners.", 60.0),
        ("Some 1,200 troops withdrew.", 1200.0),
        ("Exports rose 1.5 times.", 1.5),
        ("Exports reached 1,234,567.5 tons.", 1234567.5),
        # English scales
        ("China will buy 12 million tons.", 12e6),
        ("China will buy 12m tons.", 12e6),
        ("China will buy 12 mmt of soybeans.", 12e6),
        ("Korea pledged $350 billion.", 350e9),
        ("Korea pledged 350bn.", 350e9),
        ("Korea pledged US$350 billion.", 350e9),
        ("It costs $2.5 trillion.", 2.5e12),
        ("About 10k people came.", 1e4),
        # English words
        ("Thailand released sixty prisoners.", 60.0),
        ("Thailand released eighteen soldiers.", 18.0),
        ("Thailand released a dozen soldiers.", 12.0),
        ("Seventy-five ships docked.", 75.0),
        ("One hundred and twenty ships docked.", 120.0),
        ("Three thousand workers moved.", 3000.0),
        ("Two dozen lawmakers voted.", 24.0),
        ("Ten million doses arrived.", 10e6),
        # percentages
        ("The tariff falls to 15%.", 15.0),
        ("The tariff falls to 15 per cent.", 15.0),
        ("The tariff falls to 15 percent.", 15.0),
        ("관세는 15퍼센트로 내려간다.", 15.0),
        ("関税は15％に下がる。", 15.0),
        # Korean
        ("60명이 석방됐다.", 60.0),
        ("1,200만 명이 참여했다.", 12e6),
        ("3억5천만 달러를 투자한다.", 3.5e8),
        ("3500억 달러를 투자한다.", 3.5e11),
        ("1조 원을 투입했다.", 1e12),
        ("만 명이 모였다.", 1e4),
        ("1만2000명이 모였다.", 12000.0),
        ("3억 5천만 달러를 투자한다.", 3.5e8),
        # Chinese and Japanese
        ("大豆を1200万トン購入する。", 12e6),
        ("3500億ドルを投資する。", 3.5e11),
        ("60人が解放された。", 60.0),
        # Thai
        ("ปล่อยตัว 60 คน", 60.0),
        ("ลงทุน 12 ล้าน บาท", 12e6),
        ("มีผู้ชุมนุม 3.5 แสน คน", 3.5e5),
        ("ภาษีลดลงร้อยละ 15", 15.0),
        ("ลงทุน 1 ล้านล้าน บาท", 1e12),
    ],
)
def test_the_quantity_a_sentence_states(text: str, expected: float) -> None:
    assert values(text) == [pytest.approx(expected)]


def test_a_quantity_keeps_its_text() -> None:
    assert quantities("Korea pledged US$350 billion and 3500억 달러.") == [
        Quantity(350e9, "US$350 billion"),
        Quantity(3.5e11, "3500억 달러"),
    ]


def test_quantities_come_in_order_of_position() -> None:
    assert values("18 soldiers, then 60 prisoners, then 1,200 troops") == [18, 60, 1200]


@pytest.mark.parametrize(
    "text",
    [
        "The deal was signed in 2025.",
        "해수부는 2025년 이전했다.",
        "法案は2025年に成立した。",
        "ยุบสภาเมื่อปี 2568",
        "ยุบสภาใน พ.ศ. 2568",
        "It opened on 5 March.",
        "It opened on March 5th.",
        "해수부는 23일 이전했다.",
        "法案は12月23日に成立した。",
        "ยุบสภาเมื่อวันที่ 5 มี.ค.",
        "3월에 이전한다.",
        "The 5th round of talks began.",
        "헌법 제3조에 따라",
        "The G20 summit opened.",
        "The F-35 deal stalled.",
        "The meeting began at 10:30.",
        "One of them spoke.",
        "",
    ],
)
def test_years_dates_ordinals_and_names_are_not_quantities(text: str) -> None:
    assert quantities(text) == []


def test_a_year_with_a_count_word_is_a_count() -> None:
    assert values("Some 2000 people marched.") == [2000.0]
    assert values("It cost $2025.") == [2025.0]


@pytest.mark.parametrize(
    ("words", "scale"),
    [
        ("million metric tons of soybeans", 1e6),
        ("mmt of soybeans", 1e6),
        ("billion dollars of investment", 1e9),
        ("people", 1.0),
        ("prisoners", 1.0),
        ("억 달러", 1e8),
        ("만 명", 1e4),
        ("백만 달러", 1e6),
        ("万トン", 1e4),
        ("ล้านบาท", 1e6),
        ("dozen eggs", 12.0),
        ("metric tons", 1.0),
        ("", 1.0),
    ],
)
def test_the_scale_of_a_target(words: str, scale: float) -> None:
    assert scale_of(words) == scale


def test_a_count_at_or_above_the_target_meets_it() -> None:
    assert meets(60, None, "prisoners", Quantity(60, "60")) is True
    assert meets(60, None, "prisoners", Quantity(18, "18")) is False


def test_the_target_is_counted_in_its_scale() -> None:
    soybeans = "million metric tons of soybeans"
    assert meets(12, None, soybeans, quantities("12 mmt")[0]) is True
    assert meets(12, None, soybeans, quantities("12.3 million tons")[0]) is True
    assert meets(12, None, soybeans, quantities("8 million tons")[0]) is False
    assert meets(3500, None, "억 달러", quantities("3500억 달러")[0]) is True
    assert meets(350, None, "billion dollars", quantities("US$350 billion")[0]) is True


def test_an_upper_bound_is_met_at_or_below_it() -> None:
    assert meets(None, 15, "percent", Quantity(15, "15%")) is True
    assert meets(None, 15, "percent", Quantity(25, "25%")) is False
    assert meets(10, 15, "%", Quantity(12.5, "12.5%")) is True


def test_a_year_is_not_comparable() -> None:
    assert meets(60, None, "prisoners", Quantity(2025, "2025")) is None


def test_a_percentage_is_not_a_count() -> None:
    assert meets(60, None, "prisoners", Quantity(60, "60%")) is None
    assert meets(None, 15, "percent", Quantity(15, "15")) is None


def test_a_day_number_is_not_comparable() -> None:
    assert meets(5, None, "prisoners", Quantity(5, "5 March")) is None
    assert meets(5, None, "명", Quantity(23, "23일")) is None


def test_money_is_not_people() -> None:
    assert meets(60, None, "people", quantities("$60")[0]) is None
    assert meets(60, None, "명", quantities("60달러")[0]) is None
    assert meets(60, None, "명", quantities("60명")[0]) is True


def test_no_target_is_not_comparable() -> None:
    assert meets(None, None, "people", Quantity(60, "60")) is None


def test_exactly_the_target_meets_it_despite_float_rounding() -> None:
    assert meets(0.3, None, "million tons", Quantity(0.1 * 3 * 1e6, "0.3 million")) is True


def test_the_pledges_own_number_told_again_is_no_count() -> None:
    assert values("It brought Beijing closer to its commitment to buy 12 million tonnes.") == []
    assert values("Seoul kept its pledge to release some 60 prisoners") == []
    assert values("China bought 12 million tonnes, its target of 12 million") == [12e6]


def test_a_number_that_names_the_goal_is_no_count() -> None:
    assert values("Japan moved up its 2%-of-GDP defense goal") == []
    assert values("可望提前達成防衛費占GDP 2%目標") == []
    assert values("방위비 GDP 2% 목표 달성") == []
    assert values("Spending reached 2% of GDP, meeting the target") == [2.0]


def test_clock_times_are_not_counts() -> None:
    assert values("전세기가 12일 오후 3시 23분께 330명을 태우고 도착했다") == [330.0]


def test_dots_group_thousands_unless_a_scale_or_per_cent_follows() -> None:
    """French and Ukrainian style writes 1.000 for 1,000; "2.125 trillion" is a decimal."""
    assert [q.value for q in quantities("l'échange 1.000/1.000 terminé")] == [1000.0, 1000.0]
    assert [q.value for q in quantities("la Russie a rendu 6.057 corps")] == [6057.0]
    assert [q.value for q in quantities("2.125 trillion yen")] == [2.125e12]
    assert [q.value for q in quantities("a rate of 1.500 %")] == [1.5]
    assert [q.value for q in quantities("version 0.500")] == [0.5]


def test_the_targets_own_number_is_told_apart_from_any_other() -> None:
    twelve_million, six_million = quantities("12 million tons, then 6 million tons")
    assert is_the_target(12, None, "million tons", twelve_million)
    assert not is_the_target(12, None, "million tons", six_million)
    assert not is_the_target(None, None, "people", twelve_million)
