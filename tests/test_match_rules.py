"""Match stage: rules over article text, in English and Korean. Pure functions."""

from __future__ import annotations

from datetime import date

from monitor.judge import fingerprint
from monitor.match import compile_rules, compile_term, fold, match_article, split_sentences
from monitor.pledgefile import Pledge


def pledge(**evidence: object) -> Pledge:
    return Pledge.model_validate(
        {
            "id": "p",
            "title": "P",
            "made_by": ["X"],
            "made_on": date(2025, 1, 1),
            "source": "s",
            "evidence": evidence,
        }
    )


def found(text: str, term: str) -> str | None:
    return compile_term(term).found_in(fold(text))


def test_latin_terms_match_whole_words_only() -> None:
    assert found("The task force launched today", "launch") is None
    assert found("They relaunched it", "launched") is None
    assert found("It was launched.", "launched") == "launched"


def test_a_trailing_star_matches_any_ending() -> None:
    assert found("Officials launched it", "launch*") == "launch*"
    assert found("the launching ceremony", "launch*") == "launch*"
    assert found("a relaunch", "launch*") is None


def test_phrases_match_across_spaces_hyphens_and_case() -> None:
    assert found("The KOREA   Task-Force", "korea task force") == "korea task force"
    assert found("korea\ntask force", "Korea Task Force") == "Korea Task Force"


def test_alternatives_report_the_one_that_matched() -> None:
    assert found("the Korea Desk opened", "korea task force|korea desk") == "korea desk"


def test_korean_terms_match_inside_words() -> None:
    assert found("코리아 전담반이 공식 출범했다", "출범") == "출범"
    assert found("출범식이 열렸다", "출범") == "출범"
    assert found("코리아전담반", "코리아 전담반") is None  # a phrase still needs its space


def test_full_width_and_compatibility_forms_are_folded() -> None:
    assert found("ＴＡＳＫ ＦＯＲＣＥ launched", "task force") == "task force"


RULES = {
    "fulfilled": {
        "all": ["task force|태스크포스"],
        "any": ["launched|출범"],
        "none": ["will launch"],
    },
    "progress": {"all": ["task force"], "any": ["budget"]},
}


def test_all_any_and_none_terms_decide_a_stance() -> None:
    rules = compile_rules(pledge(**RULES))
    [hit] = match_article(rules, "", "The task force launched in Phnom Penh.")
    assert hit.stance == "fulfilled" and hit.terms == ("task force", "launched")
    assert match_article(rules, "", "The task force was launched but we will launch more.") == []
    assert match_article(rules, "", "Something launched elsewhere.") == []


def test_terms_must_meet_in_one_sentence_by_default() -> None:
    rules = compile_rules(pledge(**RULES))
    assert match_article(rules, "", "The task force met. A rocket launched.") == []


def test_within_article_lets_terms_spread_over_sentences_with_a_lower_score() -> None:
    spread = {"fulfilled": {**RULES["fulfilled"], "within": "article"}}
    rules = compile_rules(pledge(**spread))
    [hit] = match_article(rules, "", "The task force met. A rocket launched.")
    assert hit.score == 0.6
    assert hit.snippet == "The task force met."


def test_a_headline_match_scores_higher_than_a_body_match() -> None:
    rules = compile_rules(pledge(**RULES))
    [in_title] = match_article(rules, "Task force launched", "Nothing here.")
    [in_body] = match_article(rules, "News", "The task force launched.")
    assert in_title.score == 1.0 and in_body.score == 0.8
    assert in_title.snippet == "Task force launched"


def test_one_article_can_support_several_stances() -> None:
    rules = compile_rules(pledge(**RULES))
    hits = match_article(rules, "", "The task force launched. The task force budget grew.")
    assert {h.stance for h in hits} == {"fulfilled", "progress"}


def test_a_korean_article_matches_korean_rules() -> None:
    rules = compile_rules(pledge(**RULES))
    [hit] = match_article(
        rules, "", "한국과 캄보디아의 태스크포스가 3일 출범했다. 합동 수사가 시작된다."
    )
    assert hit.stance == "fulfilled" and hit.terms == ("태스크포스", "출범")
    assert hit.snippet == "한국과 캄보디아의 태스크포스가 3일 출범했다."


def test_long_sentences_are_cut_around_the_match() -> None:
    rules = compile_rules(pledge(**RULES))
    text = "word " * 200 + "the task force launched " + "word " * 200
    [hit] = match_article(rules, "", text)
    assert len(hit.snippet) <= 402 and "task force" in hit.snippet
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")


def test_the_rules_fingerprint_changes_with_rules_and_feeds_only() -> None:
    a = pledge(**RULES)
    b = pledge(**{**RULES, "broken": {"any": ["scrapped"]}})
    assert fingerprint(a, ["x"], None) == fingerprint(
        a.model_copy(update={"title": "T"}), ["x"], None
    )
    assert fingerprint(a, ["x"], None) != fingerprint(b, ["x"], None)
    assert fingerprint(a, ["x"], None) != fingerprint(a, ["x", "y"], None)


def test_sentences_do_not_end_at_an_abbreviation() -> None:
    text = "Trump on Nov. 4 cut it; it takes effect on Nov. 10. The U.S. Treasury said so. Next."
    assert split_sentences(text) == [
        "Trump on Nov. 4 cut it; it takes effect on Nov. 10.",
        "The U.S. Treasury said so.",
        "Next.",
    ]


def test_us_with_or_without_dots_is_one_word_and_never_the_pronoun() -> None:
    term = compile_term("U.S.|United States")
    assert term.found_in(fold("Beijing secures 12 million tons of US soybeans")) == "U.S."
    assert term.found_in(fold("Let us buy soybeans")) is None
    assert compile_term("US").found_in(fold("the U.S. tariff")) == "US"
