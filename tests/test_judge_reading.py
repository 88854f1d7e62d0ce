"""How the judge reads one article for one pledge, with the real sentence model: an act
signed now that takes effect on a later day is progress, a beginning of the act is
progress unless the outcome is itself a beginning, and a step set for a day to come is
only announced."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from monitor import judge
from monitor.cues import cues_with_deciding
from monitor.embed import UniversalSentenceEncoder
from monitor.pledgefile import Pledge, load_config
from monitor.pledgefile.schema import Outcomes, Target

PLEDGES = """\
version: 1
timezone: Asia/Seoul
feeds:
  - {id: news, title: News, url: "https://news.example.org/feed"}
pledges:
  - id: tariff-cut
    title: Cut the fentanyl tariff on Chinese goods to 10%
    made_by: [President Trump]
    made_on: 2025-10-30
    source: https://example.org/promise
    due: 2025-12-31
    outcomes:
      fulfilled:
        - "Trump signed an executive order cutting the fentanyl tariff on Chinese goods to 10%"
      progress: ["US officials drafted the order to cut the fentanyl tariff"]
    context: ["fentanyl", "tariff|tariffs"]
  - id: ministry-move
    title: Move the oceans ministry to Busan within 2025
    made_by: [President Lee]
    made_on: 2025-06-24
    source: https://example.org/promise
    due: 2025-12-31
    outcomes:
      fulfilled: ["The oceans ministry moved its headquarters from Sejong to Busan"]
      progress: ["The ministry signed a lease on office space in Busan"]
      broken: ["The oceans ministry dropped its plan to move to Busan"]
    context: ["oceans ministry|해양수산부|해수부", "Busan|부산"]
  - id: task-force
    title: Launch the Korea task force in Phnom Penh
    made_by: [Korean government]
    made_on: 2025-10-16
    source: https://example.org/promise
    due: 2025-11-30
    outcomes:
      fulfilled: ["The Korea task force began operating in Phnom Penh"]
      progress: ["Officials chose the members of the Korea task force"]
    context: ["task force"]
  - id: soybeans
    title: China buys 12 million tons of US soybeans
    made_by: [China]
    made_on: 2025-10-30
    source: https://example.org/promise
    outcomes:
      fulfilled: ["China's purchases of US soybeans reached the 12 million ton commitment"]
      progress: ["China bought more US soybeans"]
    context: ["China|Chinese|Beijing", "soybean|soybeans", "U.S.|United States"]
    target: {at_least: 12, of: "million tons of US soybeans"}
  - id: no-49-3
    title: No use of Article 49.3 to pass the 2026 budget
    made_by: [Prime Minister Lecornu]
    made_on: 2025-10-03
    source: https://example.org/promise
    outcomes:
      fulfilled: ["Parliament adopted the 2026 budget by a vote, without Article 49.3"]
      broken: ["Lecornu used Article 49.3 to push the 2026 budget through"]
    context: ["49.3", "budget"]
  - id: extra-budget
    title: Pass the extra defence budget this fiscal year
    made_by: [Prime Minister Takaichi]
    made_on: 2025-10-24
    source: https://example.org/promise
    outcomes:
      fulfilled: ["The Diet enacted the supplementary budget with extra defence spending"]
      progress: ["The ruling parties negotiated the size of the extra budget"]
    context: ["budget|予算|預算|예산"]
  - id: charter-return
    title: Bring the detained workers home
    made_by: [Korean government]
    made_on: 2025-09-07
    source: https://example.org/promise
    outcomes:
      fulfilled: ["The released Korean workers arrived home on a charter flight"]
      progress: ["A charter plane left Incheon for Atlanta to bring the Korean workers home"]
    context: ["workers|근로자|労働者"]
  - id: surcharge-abolition
    title: Abolish the provisional gasoline tax surcharge
    made_by: [Six Japanese parties]
    made_on: 2025-10-31
    source: https://example.org/promise
    outcomes:
      fulfilled: ["Japan's provisional gasoline tax surcharge was abolished on December 31"]
      progress: ["The Diet passed the bill abolishing the provisional gasoline tax surcharge"]
      broken: ["The abolition of the gasoline tax surcharge was postponed"]
    context: ["gasoline", "tax"]
"""


@pytest.fixture(scope="module")
def pledges(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Pledge]:
    path = Path(tmp_path_factory.mktemp("judge")) / "pledges.yaml"
    path.write_text(PLEDGES, encoding="utf-8")
    return {pledge.id: pledge for pledge in load_config(path).pledges}


def one_pledge(folder: Path, entry: str) -> Pledge:
    """The pledge of ``entry`` (YAML of one list item), in a file with PLEDGES' header."""
    path = folder / "pledges.yaml"
    path.write_text(PLEDGES.split("pledges:")[0] + "pledges:\n" + entry, encoding="utf-8")
    return load_config(path).pledges[0]


def reading(
    embedder: UniversalSentenceEncoder, pledge: Pledge, title: str, text: str, published: date
) -> judge.Reading | None:
    prepared = judge.prepare(pledge, embedder)
    context = judge.on_topic(prepared, judge.page_of(title, text))
    assert context is not None, "the article is on the pledge's topic"
    sentences = judge.sentences_of(title, text)
    return judge.read(prepared, sentences, embedder.encode(sentences), published, context)


def test_an_order_signed_now_that_takes_effect_later_is_progress(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    found = reading(
        embedder,
        pledges["tariff-cut"],
        "Trump signs order cutting fentanyl tariff on China to 10%",
        "Trump on Nov. 4 signed the order cutting the fentanyl tariff on Chinese goods to 10%. "
        "The lower rate takes effect on Nov. 10.",
        date(2025, 11, 5),
    )
    assert found is not None
    assert found.stance == "progress"
    assert found.parts["from"] == "Nov. 10"


def test_the_same_report_after_that_day_is_fulfilment(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    found = reading(
        embedder,
        pledges["tariff-cut"],
        "Trump signs order cutting fentanyl tariff on China to 10%",
        "Trump on Nov. 4 signed the order cutting the fentanyl tariff on Chinese goods to 10%. "
        "The lower rate took effect on Nov. 10.",
        date(2025, 11, 12),
    )
    assert found is not None and found.stance == "fulfilled"
    assert "from" not in found.parts


def test_a_move_that_has_begun_is_progress(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    found = reading(
        embedder,
        pledges["ministry-move"],
        "Oceans ministry begins its move from Sejong to Busan",
        "The first trucks left Sejong for the ministry's new Busan offices.",
        date(2025, 12, 9),
    )
    assert found is not None
    assert found.stance == "progress" and found.parts["begun"] == "begins"


def test_a_beginning_is_fulfilment_when_the_outcome_is_a_beginning(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    found = reading(
        embedder,
        pledges["task-force"],
        "Korea task force began operating in Phnom Penh",
        "The Korea task force began operating in Phnom Penh on Monday with 30 officers.",
        date(2025, 11, 18),
    )
    assert found is not None and found.stance == "fulfilled"
    assert "begun" not in found.parts


def test_a_step_set_for_a_day_to_come_is_only_announced(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    found = reading(
        embedder,
        pledges["ministry-move"],
        "해수부, 다음달 8일부터 부산 이전",
        "해양수산부가 다음달 8일부터 세종에서 부산으로 청사를 옮긴다.",
        date(2025, 11, 20),
    )
    assert found is None


def test_part_of_the_way_to_the_pledged_number_is_progress(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    found = reading(
        embedder,
        pledges["soybeans"],
        "China buys 10 more cargoes of US soybeans",
        "The purchases brought Beijing closer to its commitment to buy 12 million tons of "
        "US soybeans.",
        date(2026, 1, 5),
    )
    assert found is not None
    assert found.stance == "progress"
    assert "target" not in found.parts  # the pledge's own number, told again


def test_an_act_is_not_read_as_its_absence(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    """ "Lecornu invokes 49.3" sits close to "adopted without 49.3" by meaning; the two say
    opposite things. A pledge not to do something is broken by doing it: the act is read
    as the breach, with no keyword rule needed."""
    found = reading(
        embedder,
        pledges["no-49-3"],
        "Lecornu invokes Article 49.3 on the 2026 budget",
        "Prime Minister Lecornu invoked Article 49.3 on the budget's revenue part on Tuesday.",
        date(2026, 1, 20),
    )
    assert found is not None and found.stance == "broken"


def test_a_setback_of_the_act_is_read_as_a_reversal_without_the_keyword_rule(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    """A verb of setback ("abandons", "보류", "見送り") tells a reversal even where the
    editor wrote no keyword rule for broken; the status still waits for a second outlet or
    a strong score (``status.Policy``)."""
    found = reading(
        embedder,
        pledges["ministry-move"],
        "Oceans ministry abandons its move to Busan",
        "The oceans ministry dropped its plan to move its headquarters to Busan this year.",
        date(2025, 11, 20),
    )
    assert found is not None and found.stance == "broken"
    assert found.cue is not None and found.cue.setback


def test_a_headline_clause_that_tells_the_setback_is_read_beside_a_plan_of_another_matter(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    """A headline joins two reports: "orders a budget review" is a plan of something else,
    and does not make "cancels the move" an announcement."""
    found = reading(
        embedder,
        pledges["ministry-move"],
        "President orders budget review, cancels oceans ministry move to Busan",
        "",
        date(2025, 11, 20),
    )
    assert found is not None and found.stance == "broken"


def test_a_plain_not_is_no_reversal_without_the_keyword_rule(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    """Obstacles on the way to a kept pledge ("has not moved yet") sit close to the
    statements of its reversal; without a setback or the editor's rule they are no breach."""
    found = reading(
        embedder,
        pledges["ministry-move"],
        "Oceans ministry has not moved to Busan",
        "The oceans ministry has not moved its headquarters to Busan.",
        date(2025, 11, 20),
    )
    assert found is None or found.stance != "broken"


def test_the_absence_of_the_act_is_read_as_such(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    found = reading(
        embedder,
        pledges["no-49-3"],
        "Parliament adopts 2026 budget without 49.3",
        "The National Assembly adopted the 2026 budget by a vote, without Article 49.3.",
        date(2026, 2, 3),
    )
    assert found is not None and found.stance == "fulfilled"


RIVALS = """\
version: 1
timezone: Asia/Seoul
feeds:
  - {id: news, title: News, url: "https://news.example.org/feed"}
pledges:
  - id: charter
    title: Bring the detained workers home on a charter plane
    made_by: [Korean government]
    made_on: 2025-09-07
    source: https://example.org/promise
    outcomes:
      fulfilled: ["The charter plane carrying the detained Korean workers landed at Incheon"]
    context: ["Korean|Korea", "workers"]
  - id: re-entry
    title: The workers may return to the US with no penalty
    made_by: [US government]
    made_on: 2025-09-12
    source: https://example.org/promise
    outcomes:
      fulfilled: ["The Korean workers detained in Georgia went back to work at the US site"]
    context: ["Korean|Korea", "workers"]
"""


@pytest.fixture(scope="module")
def rivals(tmp_path_factory: pytest.TempPathFactory) -> list[Pledge]:
    path = Path(tmp_path_factory.mktemp("rivals")) / "pledges.yaml"
    path.write_text(RIVALS, encoding="utf-8")
    return load_config(path).pledges


def test_a_sentence_closer_to_another_pledges_outcome_is_left_to_it(
    embedder: UniversalSentenceEncoder, rivals: list[Pledge]
) -> None:
    """Two pledges of one story share its words; the pledge whose outcome a sentence tells
    takes it, the other does not (judged alone, the charter pledge would take it too)."""
    title = "Korean workers detained in Georgia raid return to their jobs at the US site"
    text = "Some of the Korean workers detained in the raid went back to work at the site."
    sentences = judge.sentences_of(title, text)
    vectors = embedder.encode(sentences)
    page = judge.page_of(title, text)

    every = judge.prepare_all(rivals, embedder)

    def read(prepared: judge.PreparedPledge) -> judge.Reading | None:
        context = judge.on_topic(prepared, page)
        assert context is not None
        others = judge.pledges_on_topic(every, page)
        return judge.read(prepared, sentences, vectors, date(2025, 11, 3), context, others)

    charter, re_entry = every
    assert read(judge.prepare(rivals[0], embedder)) is not None, "alone, it reads the article"
    assert read(charter) is None
    found = read(re_entry)
    assert found is not None and found.stance == "fulfilled"


def test_a_pledge_off_the_articles_topic_takes_none_of_its_sentences(
    embedder: UniversalSentenceEncoder, rivals: list[Pledge]
) -> None:
    title = "Korean workers detained in Georgia raid return to their jobs at the US site"
    page = judge.page_of(title, "")
    charter, re_entry = judge.prepare_all(rivals, embedder)
    assert judge.pledges_on_topic([charter, re_entry], page) == {"charter", "re-entry"}
    narrow = judge.prepare_all(
        [rivals[0], rivals[1].model_copy(update={"context": ["visa|visas"]})], embedder
    )
    assert judge.pledges_on_topic(narrow, page) == {"charter"}


def test_a_change_to_another_pledges_statements_judges_a_pledge_again(
    rivals: list[Pledge],
) -> None:
    charter, re_entry = rivals
    before = judge.fingerprint(charter, ["news"], "use", rivals)
    edited = re_entry.model_copy(
        update={"outcomes": re_entry.outcomes.model_copy(update={"fulfilled": ["Other words"]})}
        if re_entry.outcomes
        else {}
    )
    assert judge.fingerprint(charter, ["news"], "use", [charter, edited]) != before
    assert judge.fingerprint(charter, ["news"], "use", [charter, re_entry]) == before


def test_a_countrys_own_press_need_not_name_it(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    """Korean news of a Korean ministry rarely says 한국; the entry naming the home country
    of the article's script is met, and only that entry."""
    prepared = judge.prepare(
        pledges["ministry-move"].model_copy(
            update={"context": ["Korea|한국", "oceans ministry|해양수산부|해수부"]}
        ),
        embedder,
    )
    assert judge.on_topic(prepared, judge.page_of("해수부, 부산 이전 완료", "")) == (
        "(한국)",
        "해수부",
    )
    assert judge.on_topic(prepared, judge.page_of("Oceans ministry moves", "")) is None
    assert judge.on_topic(prepared, judge.page_of("한국 부산 이전 완료", "")) is None
    # nor does its English edition: the site's domain tells the country
    english = judge.page_of("Oceans ministry moves", "", "http://world.kbs.co.kr/news?id=1")
    assert judge.on_topic(prepared, english) == ("(한국)", "oceans ministry")
    abroad = judge.page_of("Oceans ministry moves", "", "https://www.example.com/news/1")
    assert judge.on_topic(prepared, abroad) is None


def test_korean_headlines_name_countries_by_one_hanja(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    korean = {"context": ["China|중국", "soybeans|대두", "U.S.|미국"]}
    prepared = judge.prepare(pledges["soybeans"].model_copy(update=korean), embedder)
    found = judge.on_topic(prepared, judge.page_of("中, 美 대두 25만t 추가 구매", ""))
    assert found == ("중국", "대두", "미국")
    assert judge.on_topic(prepared, judge.page_of("中 대두 구매", "")) is None  # no U.S.
    japanese = judge.page_of("中部で大豆の収穫", "")
    assert japanese.searchable == japanese.folded  # 中 is no country in Japanese


def test_a_headline_names_a_country_by_one_hangul_syllable_at_its_head(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    prepared = judge.prepare(
        pledges["extra-budget"].model_copy(update={"context": ["Japan|일본", "budget|추경"]}),
        embedder,
    )
    found = judge.on_topic(prepared, judge.page_of("일 '코로나 이후 최대' 추경안 통과", ""))
    assert found == ("일본", "추경")
    assert judge.on_topic(prepared, judge.page_of("일부 추경안 통과", "")) is None


def test_a_country_is_also_met_by_its_people_capital_and_currency(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    """The editor wrote "Japan"; the news wrote yen, Tokyo or ญี่ปุ่น. An entry naming a
    country in English alone still asks nothing of a Korean article (meaning decides)."""
    prepared = judge.prepare(
        pledges["extra-budget"].model_copy(
            update={"context": ["Japan", "budget|予算|งบประมาณ|예산"]}
        ),
        embedder,
    )
    yen = judge.page_of("Cabinet approves 18.3 trillion yen extra budget", "")
    assert judge.on_topic(prepared, yen) == ("yen", "budget")
    thai = judge.page_of("ญี่ปุ่นอนุมัติงบประมาณเพิ่มเติม", "")
    assert judge.on_topic(prepared, thai) == ("ญี่ปุ่น", "งบประมาณ")
    assert judge.on_topic(prepared, judge.page_of("Cabinet approves extra budget", "")) is None


def test_a_cabinet_approval_is_progress_when_the_outcome_is_enactment(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    """The words are those of the enacted budget; the step is an earlier one."""
    found = reading(
        embedder,
        pledges["extra-budget"],
        "Cabinet approves supplementary budget with extra defence spending",
        "",
        date(2025, 11, 28),
    )
    assert found is not None
    assert found.stance == "progress" and found.parts["step"] == "Cabinet approves"


def test_passing_the_upper_house_is_enactment(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    found = reading(
        embedder,
        pledges["extra-budget"],
        "Supplementary budget with record defence spending passes upper house",
        "",
        date(2025, 12, 16),
    )
    assert found is not None
    assert found.stance == "fulfilled"


def test_a_departure_is_progress_and_a_landing_fulfilment(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    departed = reading(
        embedder,
        pledges["charter-return"],
        "'석방' 한국 근로자 태운 전세기 인천으로 출발",
        "",
        date(2025, 9, 11),
    )
    landed = reading(
        embedder,
        pledges["charter-return"],
        "Detained Korean workers land at Incheon after a week in US custody",
        "",
        date(2025, 9, 12),
    )
    assert departed is not None and departed.stance == "progress"
    assert landed is not None and landed.stance == "fulfilled"
    assert landed.parts["step"] == "land at"


def test_an_official_act_that_fixes_a_day_to_come_is_progress(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    """The day belongs to the outcome the act schedules, so the act is progress; a step
    named for that day alone is only announced (see above)."""
    found = reading(
        embedder,
        pledges["extra-budget"],
        "Cabinet approves supplementary budget, Diet vote set for December 16",
        "",
        date(2025, 11, 28),
    )
    assert found is not None
    assert found.stance == "progress" and found.parts["scheduled"] == "December 16"


def test_a_step_done_with_the_outcome_only_expected_is_progress(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    """ "Expected" would make the sentence an announcement; the cabinet's approval in it
    is done, and is a step toward the outcome."""
    found = reading(
        embedder,
        pledges["extra-budget"],
        "日本內閣批准補充預算案 防衛費可望提前達成GDP 2%目標",
        "",
        date(2025, 11, 28),
    )
    assert found is not None
    assert found.stance == "progress" and found.cue is not None and found.cue.kind == "future"


def test_a_number_short_of_the_target_outweighs_a_step_at_the_goal(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    """A landing is the journey's last step, yet 100 of 300 workers is short of the target."""
    pledge = pledges["charter-return"].model_copy(
        update={"target": Target(at_least=300, of="workers")}
    )
    found = reading(
        embedder,
        pledge,
        "First 100 released Korean workers arrived home on a charter flight",
        "",
        date(2025, 9, 12),
    )
    assert found is not None
    assert found.stance == "progress" and found.parts["target"] == "short"


SHARED_LAW = """\
version: 1
timezone: Asia/Tokyo
feeds:
  - {id: news, title: News, url: "https://news.example.org/feed"}
pledges:
  - id: gasoline
    title: Abolish the provisional gasoline tax
    made_by: [Six parties]
    made_on: 2025-10-31
    source: https://example.org/promise
    outcomes:
      progress: ["The lower house passed the bill abolishing the provisional gasoline tax"]
    context: ["gasoline|diesel", "tax"]
  - id: diesel
    title: Abolish the provisional diesel tax
    made_by: [Six parties]
    made_on: 2025-10-31
    source: https://example.org/promise
    outcomes:
      progress:
        - "The lower house passed the law ending the gasoline tax and the diesel tax in April"
    context: ["gasoline|diesel", "tax"]
"""


def test_an_article_is_evidence_for_the_pledge_its_headline_is_about(
    embedder: UniversalSentenceEncoder, tmp_path: Path
) -> None:
    """The body names both taxes and sits closer to the diesel statement, which names both;
    the headline is about gasoline, so the gasoline pledge reads the body and diesel not."""
    path = tmp_path / "pledges.yaml"
    path.write_text(SHARED_LAW, encoding="utf-8")
    every = judge.prepare_all(load_config(path).pledges, embedder)
    title = "Lower house passes bill to end provisional gasoline tax"
    text = (
        "The lower house passed on Tuesday the bill ending the gasoline tax on 31 December "
        "and the diesel tax on 1 April."
    )
    sentences = judge.sentences_of(title, text)
    vectors = embedder.encode(sentences)
    page = judge.page_of(title, text)
    on_topic = judge.pledges_on_topic(every, page)
    assert on_topic == {"gasoline", "diesel"}
    gasoline, diesel = (
        judge.read(
            p, sentences, vectors, date(2025, 11, 25), judge.on_topic(p, page) or (), on_topic
        )
        for p in every
    )
    assert gasoline is not None and gasoline.stance == "progress"
    assert diesel is None


def test_before_the_day_the_outcome_is_to_happen_on_an_enacted_law_is_progress(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    """The statement names the day ("abolished on December 31"): a report of 28 November
    that the law is enacted is a step; one that only tells the outcome is no evidence."""
    pledge = pledges["extra-budget"].model_copy(
        update={
            "title": "Abolish the gasoline surcharge",
            "outcomes": Outcomes(
                fulfilled=["The provisional gasoline surcharge was abolished on December 31"]
            ),
            "context": ["gasoline"],
        }
    )
    enacted = reading(
        embedder,
        pledge,
        "Diet enacts law abolishing the provisional gasoline surcharge",
        "",
        date(2025, 11, 28),
    )
    assert enacted is not None
    assert enacted.stance == "progress" and enacted.parts["before"] == "December 31"
    told = "The provisional gasoline surcharge is abolished, says a columnist"
    assert reading(embedder, pledge, told, "", date(2025, 11, 28)) is None
    after = reading(embedder, pledge, told, "", date(2026, 1, 2))
    assert after is not None and after.stance == "fulfilled"


def test_a_deadline_is_no_day_of_the_outcome() -> None:
    made_on = date(2025, 10, 31)
    assert judge._outcome_day(["The surcharge was abolished by December 31"], made_on) is None
    assert judge._outcome_day(["暫定税率が12月31日までに廃止された"], made_on) is None
    found = judge._outcome_day(["가솔린세 잠정세율이 12월 31일 폐지됐다"], made_on)
    assert found is not None and found.day == date(2025, 12, 31)


def test_a_removal_verb_is_the_pledges_own_act_when_the_pledge_is_a_removal(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    """ "Scrap" tells a setback of most pledges ("the plan was scrapped"); of a pledge to
    abolish a tax it tells the act itself."""
    found = reading(
        embedder,
        pledges["surcharge-abolition"],
        "Upper house enacts law that scraps the gasoline tax surcharge",
        "Lawmakers voted unanimously on Friday.",
        date(2025, 11, 28),
    )
    assert found is not None and found.stance == "progress"
    assert found.cue is None or found.cue.kind != "negation"
    still_a_setback = reading(
        embedder,
        pledges["surcharge-abolition"],
        "Abolition of the gasoline tax surcharge postponed",
        "The parties postponed the abolition of the gasoline tax surcharge to next year.",
        date(2025, 12, 10),
    )
    assert still_a_setback is None or still_a_setback.stance != "progress"


def test_a_report_right_after_the_day_the_outcome_was_set_for_tells_that_day(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    """Abolished "on December 31": a report of 6 January that it ended dates the event by
    the 31st, though it names only the day its prices were taken (Monday the 5th); weeks
    later, a report keeps its own day."""
    title = "Japan's provisional gasoline tax surcharge was abolished after 50 years"
    text = "Regular gasoline averaged 155.7 yen on Monday."
    right_after = reading(embedder, pledges["surcharge-abolition"], title, text, date(2026, 1, 6))
    assert right_after is not None and right_after.stance == "fulfilled"
    assert right_after.event_day == date(2025, 12, 31)
    weeks_later = reading(embedder, pledges["surcharge-abolition"], title, text, date(2026, 2, 4))
    assert weeks_later is not None and weeks_later.event_day == date(2026, 2, 2)


def test_the_target_told_beside_a_smaller_count_is_progress(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    """ "1천명씩 교환의 첫 순서로 390명": the pledge's own number told again beside the
    count done is no report that the count was reached; a sentence that says the whole is
    done (complete, 총, 累计) is."""
    part = reading(
        embedder,
        pledges["soybeans"],
        "China bought 6 million tons of the 12 million tons of US soybeans",
        "Traders said prices held steady.",
        date(2025, 12, 20),
    )
    assert part is not None and part.stance == "progress"
    assert part.parts["target"] == "short"
    whole = reading(
        embedder,
        pledges["soybeans"],
        "China completed purchases of 12 million tons of US soybeans, with 2 million tons in "
        "the last week",
        "Traders said prices held steady.",
        date(2026, 1, 20),
    )
    assert whole is not None and whole.stance == "fulfilled"
    assert whole.parts["target"] == "meets"


class _ChosenVectors:
    """An embedder whose similarities a test sets: each known text is a unit vector at a
    chosen cosine to the first statement's axis."""

    name = "chosen"

    def __init__(self, closeness: dict[str, float]) -> None:
        self._closeness = closeness
        self._texts: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        rows = []
        for text in texts:
            if text not in self._texts:
                self._texts.append(text)
            row = np.zeros(64, dtype=np.float32)
            cosine = self._closeness.get(text, 0.0)
            row[0], row[1 + self._texts.index(text)] = cosine, (1 - cosine**2) ** 0.5
            rows.append(row)
        return np.array(rows, dtype=np.float32)


def test_a_weak_closest_sentence_does_not_stop_a_stronger_one(pledges: dict[str, Pledge]) -> None:
    """The closest sentence may score too little to be evidence (no headline, no context, no
    verb of completion); the headline, a little less close, names the ministry and Busan
    and says it is done: it is read."""
    pledge = pledges["ministry-move"]
    statement = "The oceans ministry moved its headquarters from Sejong to Busan"
    headline = "Oceans ministry opens its new Busan headquarters, move completed"
    closest = "Officials said the relocation went smoothly."
    embedder = _ChosenVectors({statement: 1.0, headline: 0.5, closest: 0.55})
    prepared = judge.prepare(pledge, embedder)
    context = judge.on_topic(prepared, judge.page_of(headline, closest))
    assert context is not None
    sentences = judge.sentences_of(headline, closest)
    found = judge.read(prepared, sentences, embedder.encode(sentences), date(2025, 12, 24), context)
    assert found is not None and found.sentence == headline


@pytest.mark.parametrize(
    "headline",
    [
        "[社説 ガソリン暫定税率廃止 道路財源の確保に与野党は責任を]",
        "Editorial: Japan's gasoline tax surcharge was abolished, now fund the roads",
        "คอลัมน์: ภาษีน้ำมันของญี่ปุ่น gasoline tax",
    ],
)
def test_an_opinion_piece_reports_nothing_done(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge], headline: str
) -> None:
    text = "Japan's provisional gasoline tax surcharge was abolished on December 31."
    assert (
        reading(embedder, pledges["surcharge-abolition"], headline, text, date(2026, 1, 3)) is None
    )
    assert (
        reading(
            embedder,
            pledges["surcharge-abolition"],
            "Japan's gasoline tax surcharge was abolished",
            text,
            date(2026, 1, 3),
        )
        is not None
    )


def test_a_day_before_the_pledge_was_made_does_not_date_its_event(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    """Made on 24 June: "first proposed on June 5" is background, not the day of the move."""
    found = reading(
        embedder,
        pledges["ministry-move"],
        "The oceans ministry moved its headquarters from Sejong to Busan",
        "The relocation, first proposed on June 5, 2025, was completed on Dec. 21.",
        date(2025, 12, 24),
    )
    assert found is not None and found.event_day == date(2025, 12, 21)


def test_the_opposite_change_is_no_report_of_the_pledge(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    """ "Cuts the fentanyl tariff" sits next to "imposes a tariff" by its words; the change
    goes the other way. A pledge to cut a tariff is reported by a cut."""
    statements = judge._directions(
        ["Trump imposed a 100% tariff on Chinese goods", "Officials drafted the order"],
        ["Trump imposed a 100% tariff on Chinese goods", "A 100% tariff was raised on China"],
    )
    assert statements == ("up", "up")
    assert judge._direction("Trump cuts the fentanyl tariff on China to 10%") == "down"
    assert judge._direction("The lower house passed the bill") is None
    assert judge._direction("The vote fell short of 60") is None
    found = reading(
        embedder,
        pledges["tariff-cut"],
        "Trump signs order cutting fentanyl tariff on China to 10%",
        "The lower rate took effect on Nov. 10.",
        date(2025, 11, 12),
    )
    assert found is not None and found.stance == "fulfilled"
    raised = reading(
        embedder,
        pledges["tariff-cut"],
        "Trump raises fentanyl tariff on Chinese goods to 30%",
        "The higher rate took effect on Nov. 10.",
        date(2025, 11, 12),
    )
    assert raised is None or raised.stance != "fulfilled"


def test_a_plan_told_in_the_past_and_given_up_is_a_reversal(
    embedder: UniversalSentenceEncoder, pledges: dict[str, Pledge]
) -> None:
    """ "Shelved its move, which was to begin in December": the future names what was given
    up; the setback is the news."""
    found = reading(
        embedder,
        pledges["ministry-move"],
        "Oceans ministry shelves Busan relocation",
        "The oceans ministry shelved its relocation to Busan, which was to begin in December.",
        date(2025, 11, 20),
    )
    assert found is not None and found.stance == "broken"
    korean = reading(
        embedder,
        pledges["ministry-move"],
        "해수부, 부산 이전 계획 보류",
        "해양수산부는 연내 부산 이전 계획을 보류했다.",
        date(2025, 11, 20),
    )
    assert korean is not None and korean.stance == "broken"


def test_a_future_still_to_come_beside_a_setback_is_no_plan_given_up() -> None:
    def given_up(sentence: str) -> bool:
        return judge._plan_given_up(sentence, cues_with_deciding(sentence)[0])

    assert given_up(
        "In return, the US withdraws its threat of an additional 100% tariff that was to "
        "start on 1 November."
    )
    assert given_up("미국은 11월 100% 관세 시행 계획을 중단한다고 밝혔다.")
    assert not given_up("米共和党、オバマケア補助金の採決控え代替策まとまらず")  # vote ahead
    assert not given_up("The ministry will postpone the move to next year.")
    assert not given_up("The ministry said it would not move until the new building is ready.")


def test_a_suspension_is_the_pledges_own_act_when_the_pledge_is_to_suspend(
    embedder: UniversalSentenceEncoder, tmp_path: Path
) -> None:
    """ "유예", "suspended": a setback of most pledges, the act itself of a pledge to
    suspend (a reform, export controls)."""
    pledge = one_pledge(
        tmp_path,
        """\
  - id: reform-suspension
    title: Suspend the pension reform until 2028
    made_by: [Prime Minister]
    made_on: 2025-10-14
    source: https://example.org/promise
    outcomes:
      fulfilled: ["The law suspending the pension reform until 2028 was promulgated"]
    context: ["pension|연금"]
""",
    )
    found = reading(
        embedder,
        pledge,
        "연금개혁 2028년까지 유예…법 공포",
        "연금개혁을 2028년까지 유예하는 법이 공포됐다.",
        date(2025, 12, 31),
    )
    assert found is not None and found.stance == "fulfilled"


def test_a_beginning_told_as_background_is_no_beginning() -> None:
    """ "The applications that began on 22 September closed": the news is the close; "開始
    8日で" counts the days since the start."""
    statement = "2차 소비쿠폰 지급이 완료됐다"
    assert judge._begun_only("9월 22일 시작한 2차 신청이 31일 마감됐다.", statement) is None
    assert judge._begun_only("開始8日で170億バーツが使われた", statement) is None
    assert judge._begun_only("Spending since it began passed 11 billion baht", statement) is None
    assert judge._begun_only("2차 소비쿠폰 신청이 오늘 시작됐다.", statement) == "시작"


def test_the_last_stretch_and_the_act_in_full_swing_are_not_the_outcome() -> None:
    statement = "대통령 집무실이 청와대로 이전을 완료했다"
    part = judge._PART_WAY.search("용산 대통령실의 청와대 이전이 마무리 단계에 들어갔다")
    assert part is not None
    assert judge._PART_WAY.search("韓国大統領府、龍山から青瓦台へ 移転作業が大詰め") is not None
    assert (
        judge._begun_only("대통령실, 오늘부터 청와대로 업무시설 이전 본격화", statement) is not None
    )
    # after the opening, the next project's start is no beginning of the move
    opened = "해양수산부 부산 청사 개청…해양 수도 조성 본격화"
    assert judge._begun_only(opened, "해수부가 부산으로 이전을 완료했다") is None


def test_a_first_day_is_the_outcome_when_the_outcome_is_a_first() -> None:
    assert judge._FIRST.search("이재명 대통령이 청와대로 첫 출근했다")
    assert not judge._FIRST.search("2차 소비쿠폰 지급이 완료됐다")


def dated_pledge(
    tmp_path: Path, made_on: str, due: str, fulfilled: list[str]
) -> judge.PreparedPledge:
    """A pledge with a deadline and its "fulfilled" statements, prepared with no model."""
    folder = tmp_path / f"pledge-{made_on}-{due}"
    folder.mkdir()
    statements = ", ".join(json.dumps(text, ensure_ascii=False) for text in fulfilled)
    entry = f"""\
  - id: dated
    title: A dated pledge
    made_by: [Government]
    made_on: {made_on}
    due: {due}
    source: https://example.org/promise
    outcomes:
      fulfilled: [{statements}]
"""
    return judge.prepare(one_pledge(folder, entry), None)


def test_the_start_of_the_promised_thing_is_the_outcome_but_a_start_of_another_is_a_step(
    tmp_path: Path,
) -> None:
    """A pledge to open applications on 22 September is kept by "신청 시작", whichever of
    its statements the sentence sits closest to; a ministry that "begins relocation" has
    not yet "begun working in Busan"."""
    launch = dated_pledge(
        tmp_path,
        "2025-09-12",
        "2025-09-22",
        [
            "2차 소비쿠폰 신청이 22일 오전 9시부터 시작됐다",
            "韓国で第2次消費クーポンの申請が始まった",
        ],
    )
    closest = "2차 소비쿠폰 신청 첫날 수백만 명이 신청해 10만 원씩 지급받았다"
    day = date(2025, 9, 22)
    said = "2차 쿠폰 신청이 오늘(22일) 시작됐다"
    assert judge._in_time(launch, said, [], closest, "fulfilled", None, {}, day) == (
        "fulfilled",
        {},
    )
    assert judge._the_outcome_starts("대구 2차 소비쿠폰 신청 첫날", "첫날", launch.starts)
    assert judge._the_outcome_starts("消費クーポンの申請開始", "開始", launch.starts)
    move = dated_pledge(
        tmp_path,
        "2025-06-25",
        "2025-12-31",
        ["Ministry staff started work at the ministry's temporary Busan office"],
    )
    begins = "Oceans Ministry begins relocation to Busan"
    assert not judge._the_outcome_starts(begins, "begins", move.starts)
    moved = "The ministry moved its headquarters to Busan"
    assert judge._in_time(move, begins, [], moved, "fulfilled", None, {}, date(2025, 12, 8)) == (
        "progress",
        {"begun": "begins"},
    )


def test_a_bare_day_in_a_statement_is_read_in_the_month_of_the_deadline(
    tmp_path: Path,
) -> None:
    """A pledge made on 6 August and due on 29 September whose outcome "started on the 29th"
    happens on 29 September, not on 29 August."""
    waiver = dated_pledge(
        tmp_path, "2025-08-06", "2025-09-29", ["중국인 단체관광객 무비자 입국이 29일부터 시행됐다"]
    )
    assert waiver.outcome_day is not None and waiver.outcome_day.day == date(2025, 9, 29)
    # a deadline ("before the end of August") is no day of the outcome
    sold = dated_pledge(tmp_path, "2025-05-26", "2025-08-31", ["储备米在8月底前全部售出"])
    assert sold.outcome_day is None


def test_a_setback_of_the_deadline_itself_is_told_now(tmp_path: Path) -> None:
    """ "The sales deadline to be extended past the end of August" names the day the pledge
    is due: the breach is told now, not announced for that day."""
    sold = dated_pledge(tmp_path, "2025-05-26", "2025-08-31", ["備蓄米30万トンが売り切れた"])
    extended = "備蓄米の販売期限延長へ 8月末から"
    staged = judge._in_time(
        sold, extended, [], "販売期限が延長された", "broken", None, {}, date(2025, 8, 20)
    )
    assert staged == ("broken", {})
    later = "備蓄米の販売 9月15日から再開"
    assert (
        judge._in_time(sold, later, [], "販売が中止された", "broken", None, {}, date(2025, 8, 20))
        is None
    )


def test_what_begins_is_read_where_each_language_puts_it() -> None:
    def begun(sentence: str, verb: str) -> str:
        folded = judge.fold(sentence)
        at = folded.find(judge.fold(verb))
        return judge._what_begins(folded[:at], folded[at + len(verb) :])

    assert begun("Oceans Ministry begins relocation to Busan", "begins") == "relo"
    assert begun("Applications began on Monday", "began") == "appl"
    assert begun("2차 소비쿠폰 신청이 오늘 시작됐다", "시작") == "신청"
    assert begun("備蓄米の店頭販売開始", "開始") == "販売"
    assert begun("韩国开始申请消费券", "开始") == "申请"


def test_a_fulfilment_must_name_what_the_pledge_is_about(
    embedder: UniversalSentenceEncoder, tmp_path: Path
) -> None:
    """An article may name the pledge's law in passing ("the day before, the Yellow Envelope
    Act passed too") while its headline reports another law: that headline is no
    fulfilment. Entries the editor wrote no word for in the sentence's script cannot be
    checked and do not count against it."""
    pledge = one_pledge(
        tmp_path,
        """\
  - id: yellow-envelope
    title: Pass the Yellow Envelope Act
    made_by: [Democratic Party]
    made_on: 2025-07-28
    source: https://example.org/promise
    outcomes:
      fulfilled:
        - "노란봉투법이 국회 본회의를 통과했다"
        - "노조법 2·3조 개정안이 국회 본회의에서 가결됐다"
    context: ["Korea|국회|한국", "Yellow Envelope|노란봉투|노조법"]
""",
    )
    prepared = judge.prepare(pledge, embedder)
    assert not judge._names_the_subject(prepared, "재계 반발에도…2차 상법 개정안 본회의 통과")
    assert judge._names_the_subject(prepared, "노란봉투법, 국회 본회의 통과")
    assert judge._names_the_subject(prepared, "ร่างกฎหมายผ่านสภาแล้ว")  # no Thai words written
    other_law = reading(
        embedder,
        pledge,
        "재계 반발에도…2차 상법 개정안 본회의 통과",
        "민주당은 전날 노란봉투법도 통과시켰다는 설명이 붙었다.",
        date(2025, 8, 25),
    )
    assert other_law is None or other_law.sentence != "재계 반발에도…2차 상법 개정안 본회의 통과"


def test_only_a_pledge_to_refrain_is_broken_by_a_plain_act(tmp_path: Path) -> None:
    """ "No 49.3 for the budget" says "not" in its every outcome: using 49.3 breaks it. A
    ban whose one statement says "under-16s can no longer hold accounts" is no such pledge:
    "the ban starts" sits close to "the ban was postponed" and breaks nothing."""

    def prepared(folder: str, fulfilled: list[str], broken: str) -> judge.PreparedPledge:
        (tmp_path / folder).mkdir()
        kept = ", ".join(json.dumps(text) for text in fulfilled)
        entry = f"""\
  - id: {folder}
    title: A pledge
    made_by: [Government]
    made_on: 2025-11-05
    source: https://example.org/promise
    outcomes:
      fulfilled: [{kept}]
      broken: [{json.dumps(broken)}]
"""
        return judge.prepare(one_pledge(tmp_path / folder, entry), None)

    no_49_3 = prepared(
        "refrain",
        ["The budget passed without Article 49.3", "Le budget a été adopté sans le 49.3"],
        "The government forced the budget through with Article 49.3",
    )
    ban = prepared(
        "ban",
        [
            "Australia's social media ban for under-16s came into force",
            "From today, Australians under 16 can no longer hold social media accounts",
            "Platforms began enforcing the under-16 ban",
        ],
        "Australia aplazó la prohibición de las redes sociales para menores de 16 años",
    )
    assert judge._breach_is_an_act(no_49_3, no_49_3.stances.index("broken"))
    assert not judge._breach_is_an_act(ban, ban.stances.index("broken"))


def test_news_of_another_instance_of_the_thing_is_no_evidence(
    embedder: UniversalSentenceEncoder, tmp_path: Path
) -> None:
    """A pledge about the 4th launch shares every word with the news of the 5th."""
    pledge = one_pledge(
        tmp_path,
        """\
  - id: nuri-4
    title: Launch the Nuri rocket for the 4th time on 27 November
    made_by: [KASA]
    made_on: 2025-09-30
    due: 2025-11-27
    source: https://example.org/promise
    outcomes:
      fulfilled: ["누리호 4차 발사 성공", "Nuri rocket succeeds in its fourth launch"]
    context: ["누리호|Nuri"]
""",
    )
    other = reading(
        embedder, pledge, "누리호 5차 발사 성공", "누리호 5차 발사가 성공했다.", date(2026, 8, 30)
    )
    assert other is None
    own = reading(
        embedder, pledge, "누리호 4차 발사 성공", "누리호 4차 발사가 성공했다.", date(2025, 11, 27)
    )
    assert own is not None and own.stance == "fulfilled"


RESUMPTION = """\
  - id: seafood-resumption
    title: China resumes imports of Japanese seafood
    made_by: [China]
    made_on: 2025-06-29
    source: https://example.org/promise
    outcomes:
      fulfilled:
        - "Japanese seafood exports to China resumed"
        - "China resumed imports of Japanese seafood"
      broken: ["China suspended imports of Japanese seafood again"]
    context: ["Japan|Japanese", "China|Chinese", "seafood|scallops"]
"""


@pytest.mark.parametrize(
    ("title", "broken"),
    [
        ("China notifies Japan of import ban on Japanese seafood", True),
        ("China shuts door on Japanese seafood again", True),
        ("First Japanese seafood shipment to China since the 2023 ban", False),
        ("China keeps its ban on seafood from ten Japanese prefectures", False),
    ],
)
def test_a_ban_breaks_a_pledge_to_resume(
    embedder: UniversalSentenceEncoder, tmp_path: Path, title: str, broken: bool
) -> None:
    """A ban is no setback word (elsewhere it is the act pledged), but it breaks a pledge to
    resume the thing banned; a ban told as the past, or one that stays on what the
    resumption leaves out, breaks nothing."""
    found = reading(embedder, one_pledge(tmp_path, RESUMPTION), title, "", date(2025, 11, 19))
    assert (found is not None and found.stance == "broken") is broken
    if broken:
        assert found is not None and found.cue is not None and found.cue.setback


def test_a_step_done_ahead_of_the_outcome_is_progress(
    embedder: UniversalSentenceEncoder, tmp_path: Path
) -> None:
    """ "Ahead of the launch" tells that the launch is still to come, not that the act the
    sentence reports is: the rocket set on the pad is a step."""
    pledge = one_pledge(
        tmp_path,
        """\
  - id: nuri-4
    title: Launch the Nuri rocket for the 4th time on 27 November
    made_by: [KASA]
    made_on: 2025-09-30
    due: 2025-11-27
    source: https://example.org/promise
    outcomes:
      fulfilled: ["Nuri rocket succeeds in its fourth launch"]
      progress: ["The Nuri rocket was erected on the launch pad"]
    context: ["Nuri"]
""",
    )
    found = reading(
        embedder,
        pledge,
        "Nuri rocket positioned on launchpad ahead of fourth launch",
        "",
        date(2025, 11, 25),
    )
    assert found is not None and found.stance == "progress"
