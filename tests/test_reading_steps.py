"""Which step of a process a sentence reports: the specific phrase wins over the general
word it contains, in each language."""

from __future__ import annotations

import pytest

from monitor.steps import furthest


@pytest.mark.parametrize(
    ("text", "process", "name"),
    [
        ("추경안 중의원 통과", "law", "first chamber"),
        ("174조 원 추경안 통과", "law", "passed"),
        ("補正予算案を閣議決定", "law", "cabinet or submitted"),
        ("日本內閣今天正式通過新經濟對策", "law", "cabinet or submitted"),  # not the Diet's passage
        ("内阁批准补充预算案", "law", "cabinet or submitted"),
        ("補正予算が参院本会議で可決、成立", "law", "enacted"),
        ("The bill passed the lower house on Tuesday", "law", "first chamber"),
        ("Budget passes upper house", "law", "enacted"),
        ("La loi a été publiée au Journal officiel", "law", "promulgated"),
        ("Japan's draft budget", "law", "draft"),
        ("근로자들이 귀국길에 올랐다", "journey", "departed"),
        ("근로자들이 인천공항에 도착했다", "journey", "arrived"),
        ("チャーター機、仁川に到着", "journey", "arrived"),
        ("คนงานขึ้นเครื่องกลับบ้าน", "journey", "departed"),
    ],
)
def test_it_reads_the_furthest_step(text: str, process: str, name: str) -> None:
    assert furthest(text)[process].name == name


def test_a_sentence_that_names_no_step_has_none() -> None:
    assert furthest("The ministry opened its new offices in Busan") == {}


def test_an_english_noun_vote_is_no_passage() -> None:
    assert "law" not in furthest("A vote on the plan is expected next week")
