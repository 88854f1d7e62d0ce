"""Rule terms are plain text: a term that could never match is refused with what to write
instead, and the advice is checked against the real matcher, both ways.

The refused files themselves are tests/data/pledges/bad_regex_terms.yaml and
bad_term_never_matches.yaml (read by test_pledgefile_validation.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from monitor.match import TERM_SEPARATOR, compile_term, fold
from monitor.pledgefile import load_config
from monitor.pledgefile.terms import SEPARATOR, term_problem

DATA = Path(__file__).parent / "data" / "pledges"

# term as a regex-minded editor writes it → a sentence it was meant to find
MEANT = {
    "launch(ed|es)": "The task force launched on Monday.",
    "launch(es)?": "The ministry launches the desk.",
    "began\\s+operations": "The desk began operations in Phnom Penh.",
    "(began|started) operations": "The desk started operations in Phnom Penh.",
    "[abc]": "Plan b was chosen.",
    "^launched": "Launched at last, the desk opened.",
    "opened$": "The desk opened",
    "colou?r": "The colour of the report.",
    "inaugurat.*": "The office was inaugurated.",
    "U\\.S\\.": "The U.S. embassy agreed.",
}


@pytest.mark.parametrize("term", MEANT)
def test_a_regex_term_misses_what_it_meant_and_the_suggested_term_finds_it(term: str) -> None:
    text = fold(MEANT[term])
    problem = term_problem(term)
    assert problem is not None and problem.startswith("terms are plain text")
    assert compile_term(term).found_in(text) is None  # why it is refused
    suggestion = re.findall(r"'([^']+)'", problem)[-1]  # the advice ends with the term to write
    assert term_problem(suggestion) is None
    assert compile_term(suggestion).found_in(text) is not None, suggestion


@pytest.mark.parametrize("term", ["a+", ".?", "x{2,3}", "C++", "began.*operations", "x\\d"])
def test_other_regex_shapes_are_refused_with_a_way_to_write_them(term: str) -> None:
    problem = term_problem(term)
    assert problem is not None and problem.startswith("terms are plain text")
    assert "write" in problem or "list each form" in problem or "separate terms" in problem


def test_punctuation_and_scripts_of_news_text_are_accepted_and_match_as_written() -> None:
    config = load_config(DATA / "good_plain_terms.yaml")
    rules = config.pledges[0].evidence.fulfilled
    assert rules is not None
    alternatives = [alt for term in [*rules.all, *rules.any] for alt in term.split("|")]
    assert {"U.S.", "O'Brien", "LGBTQ+", "AT&T", "코리아 전담반", "ประเทศไทย"} <= set(alternatives)
    for alternative in alternatives:
        written = alternative.replace("*", "ed")  # launch* finds "launched"
        text = fold(f"Reported on Monday: {written} was in the news.")
        assert compile_term(alternative).found_in(text) == alternative, alternative


def test_the_checks_split_words_where_the_matcher_does() -> None:
    assert SEPARATOR.pattern == TERM_SEPARATOR.pattern


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("水产品|seafood", "中國通報暫停進口日本水產品", "水产品"),  # simplified term, Taiwan text
        ("暫停", "中国暂停进口日本水产品", "暫停"),  # traditional term, mainland text
        ("台湾", "台灣外交部回應", "台湾"),  # Taiwan's own spelling, not s2t's 臺灣
    ],
)
def test_a_chinese_term_finds_its_other_spelling(term: str, text: str, found: str) -> None:
    assert compile_term(term).found_in(fold(text)) == found


def test_terms_without_chinese_characters_keep_their_one_spelling() -> None:
    assert compile_term("수산물|scallop*").needles == ("수산물", "scallop")
    assert compile_term("水産物").found_in(fold("日本産水産物の輸入")) == "水産物"
