"""Which instance of a repeated thing a text names, and when a text is about another one."""

from __future__ import annotations

import pytest

from monitor.ordinals import about_another, instance_of, ordinals_in


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("South Korea's Nuri rocket succeeds in fourth launch", {4}),
        ("Launch the Nuri rocket for the 4th time", {4}),
        ("누리호 5차, 올해 6월까지 조립…3분기 발사", {5}),
        ('우주청 "누리호 5호기 올해 3분기 발사 목표"', {5}),
        ("누리호 네 번째 발사", {4}),
        ("2차 소비쿠폰 신청 시작", {2}),
        ("ヌリ号4回目の打ち上げに成功", {4}),
        ("韩国“世界”号运载火箭第四次发射成功", {4}),
        ("第二十一次会议", {21}),
        ("Phase 2 of the Half-Half Plus scheme", {2}),
        ("คนละครึ่งพลัส เฟส 2", {2}),
        ("the 119th Congress", {119}),
    ],
)
def test_it_reads_the_instance_a_text_names(text: str, named: set[int]) -> None:
    assert ordinals_in(text) == named


@pytest.mark.parametrize(
    "text",
    [
        "for the first time in two years",  # "first" is mostly no count of instances
        "a third of households",
        "in the third quarter",
        "by the second week of December",
        "passed in the third reading",
        "중국 해관총서 공고 제140호",  # a number of a document, not an instance
        "차세대중형위성 3호",  # a satellite's name
        "누리호 1~3차 발사 때는",  # a range of the earlier ones
    ],
)
def test_numbers_that_count_no_instances_are_left_out(text: str) -> None:
    assert ordinals_in(text) == frozenset()


def test_a_pledge_is_about_the_instance_its_title_and_outcomes_name() -> None:
    outcomes = ["누리호 4차 발사 성공", "Nuri places CAS500-3 into orbit in first night launch"]
    assert instance_of("Launch the Nuri rocket for the 4th time", outcomes) == 4
    # named in the title only in passing, by none of the outcomes
    assert (
        instance_of("Return 6,000 bodies, as agreed at the second talks", ["bodies returned"])
        is None
    )


def test_a_text_about_another_instance_is_told_apart() -> None:
    assert about_another(4, "누리호 5호기 3분기 발사 목표")
    assert not about_another(4, "누리호 4차 발사, 1~3차와 달리 민간 주도")
    assert not about_another(4, "누리호 발사 성공")  # names no instance
    assert not about_another(None, "누리호 5차 발사")
