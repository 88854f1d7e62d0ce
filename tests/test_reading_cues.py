"""Cues: each test is one sentence of news and how the judge must read it."""

from __future__ import annotations

import pytest

from monitor.cues import Cue, deciding_cue, is_factual, read_cues


def kind(sentence: str) -> str | None:
    cue = deciding_cue(sentence)
    return None if cue is None else cue.kind


def factual(sentence: str) -> bool:
    return is_factual(deciding_cue(sentence))


# --- English -------------------------------------------------------------------------


def test_a_plain_report_is_factual() -> None:
    assert deciding_cue("Thailand released 18 prisoners on Friday.") is None
    assert factual("Thailand released 18 prisoners on Friday.")


def test_will_not_until_is_a_negation() -> None:
    assert kind("Cambodia will not do so until the border reopens.") == "negation"


def test_an_agreement_to_launch_is_not_a_launch() -> None:
    assert kind("The two sides agreed to launch talks next month.") == "agreement"
    assert not factual("The two sides agreed to launch talks next month.")


def test_to_be_held_on_is_future() -> None:
    assert kind("The summit, to be held on 5 March, will open in Busan.") == "future"


def test_a_plan_is_not_a_report() -> None:
    assert kind("The two sides plan to resume flights.") == "plan"


def test_expected_to_is_future() -> None:
    assert kind("The ministry is expected to open its Busan office.") == "future"


def test_could_is_not_a_report() -> None:
    assert not factual("The deal could lift soybean purchases to 12 million tons.")


def test_if_approved_is_a_condition() -> None:
    assert kind("The tariff falls to 15% if approved by parliament.") == "condition"


def test_once_approved_is_a_condition() -> None:
    sentence = "Imports rise once the bill is approved by the assembly."
    assert kind(sentence) == "condition"


def test_has_yet_to_is_a_negation() -> None:
    assert kind("Seoul has yet to release the funds.") == "negation"


def test_denied_reports_is_a_denial() -> None:
    assert kind("The ministry denied reports that the office had opened.") == "denial"


def test_dismissed_reports_is_a_denial() -> None:
    assert kind("Officials dismissed reports of a deal.") == "denial"


def test_allegedly_is_an_allegation() -> None:
    assert kind("Troops allegedly crossed the border.") == "allegation"


def test_reportedly_is_an_allegation() -> None:
    assert kind("The army reportedly released the soldiers.") == "allegation"


def test_a_question_headline_is_a_question() -> None:
    assert kind("Will Thailand release the 18 soldiers?") == "question"


def test_announced_that_it_had_released_is_a_report() -> None:
    assert factual("Thailand announced on Friday that it had released 18 prisoners.")


def test_announced_plans_to_is_a_plan() -> None:
    assert kind("The ministry announced plans to move to Busan.") == "plan"


def test_not_only_but_also_is_not_a_negation() -> None:
    sentence = "The ministry not only moved its staff but also opened a new office."
    assert factual(sentence)


def test_political_will_is_not_future() -> None:
    assert factual("The release showed political will and goodwill on both sides.")


def test_signed_and_agreed_the_text_reads_as_a_report() -> None:
    # "agreed" without "to" reports a completed act; only "agreed to <verb>" announces.
    assert factual("The two countries signed and agreed the text on Monday.")


def test_is_to_launch_is_future() -> None:
    assert kind("The agency is to launch the scheme in May.") == "future"


def test_set_to_and_scheduled_for_are_future() -> None:
    assert kind("Parliament is set to vote on the bill.") == "future"
    assert kind("The vote is scheduled for Tuesday.") == "future"


def test_pledged_promised_vowed_are_plans() -> None:
    assert kind("He pledged to cut tariffs.") == "plan"
    assert kind("She promised to return the prisoners.") == "plan"
    assert kind("They vowed to rebuild the bridge.") == "plan"


def test_signed_an_agreement_to_is_an_agreement() -> None:
    assert kind("They signed an agreement to build a plant.") == "agreement"


def test_contracted_negation_is_a_negation() -> None:
    assert kind("Seoul didn't pay the tariff.") == "negation"
    assert kind("The plant won’t open this year.") == "negation"


def test_failed_and_refused_are_negations() -> None:
    assert kind("The bill failed to pass.") == "negation"
    assert kind("Thailand refused to release them.") == "negation"


def test_no_longer_is_a_negation_but_no_fewer_than_is_not() -> None:
    assert kind("The rule no longer applies.") == "negation"
    assert factual("Thailand released no fewer than 18 prisoners.")


def test_a_headline_infinitive_is_future() -> None:
    assert kind("South Korea to open ministry office in Busan") == "future"
    assert factual("According to officials, the office opened on Monday.")


def test_as_planned_is_a_report() -> None:
    assert factual("The office opened in Busan as planned.")


def test_the_month_may_is_not_a_modal() -> None:
    assert factual("The ministry opened the office on May 5.")
    assert kind("The ministry may open the office.") == "future"


def test_a_name_will_is_not_future() -> None:
    assert factual("The actor Will Smith attended the opening.")


def test_a_past_promise_in_a_relative_clause_is_background() -> None:
    assert factual("President Lee, who pledged to move the ministry, attended the opening.")
    assert kind("President Lee pledged to move the ministry.") == "plan"


def test_took_effect_is_done() -> None:
    assert kind("The tariff cut took effect on Monday.") == "done"


def test_negation_outranks_future() -> None:
    cues = read_cues("The minister said it will never happen.")
    assert [c.kind for c in cues] == ["future", "negation"]
    assert kind("The minister said it will never happen.") == "negation"


# --- Korean --------------------------------------------------------------------------


def test_korean_started_work_is_a_report() -> None:
    assert kind("해수부가 부산 청사에서 업무를 시작했다.") == "done"
    assert factual("해수부가 부산 청사에서 업무를 시작했다.")


def test_korean_scheduled_is_a_plan() -> None:
    assert kind("해수부는 다음 달 부산으로 이전할 예정이다.") == "plan"


def test_korean_will_ending_is_future() -> None:
    assert kind("정부는 관세를 15%로 낮추겠다고 밝혔다.") == "future"


def test_korean_decided_to_is_an_agreement() -> None:
    cue = deciding_cue("양국은 관세를 낮추기로 합의했다.")
    assert cue == Cue("agreement", "기로 합의했", "ko")


def test_korean_agreed_on_is_an_agreement_not_the_act() -> None:
    # a pledge is usually an agreement: news that one was reached is not news it was kept
    assert kind("양국은 관세 인하에 합의했다.") == "agreement"
    assert kind('트럼프 "中과 희토류 문제 해결…펜타닐 관세 10%p 인하 합의"') == "agreement"
    assert factual("합의에 따라 중국은 미국산 대두 구매를 재개했다.")


def test_a_headline_of_an_order_or_a_promise_is_a_plan() -> None:
    assert kind("Lee orders swift preparation for relocating oceans ministry to Busan") == "plan"
    assert kind("Lee pledges swift relocation of oceans ministry to Busan") == "plan"
    assert kind("이 대통령, 첫 국무회의서 해수부 부산 이전 빠른 준비 지시") == "plan"
    assert factual('이 대통령 "해수부 연내 이전 약속 지켰다"')


def test_korean_not_done_is_a_negation() -> None:
    assert kind("정부는 아직 관세를 내리지 않았다.") == "negation"
    assert kind("해수부는 이전을 마치지 못했다.") == "negation"


def test_korean_if_it_passes_is_a_condition() -> None:
    assert kind("법안이 통과될 경우 관세는 15%가 된다.") == "condition"
    assert kind("국회가 승인하면 관세가 내려간다.") == "condition"


def test_korean_case_of_is_not_a_condition() -> None:
    assert factual("미국의 경우 관세를 15%로 낮췄다.")


def test_korean_while_doing_is_not_a_condition() -> None:
    assert factual("장관은 청사를 방문하면서 업무를 시작했다.")


def test_korean_as_planned_then_completed_is_a_report() -> None:
    assert kind("해수부는 계획대로 이전을 완료했다.") == "done"
    assert kind("이전은 예정대로 마무리됐다.") == "done"


def test_korean_denial() -> None:
    assert kind("정부는 합의설을 부인했다.") == "denial"
    assert kind("국방부는 사실무근이라고 밝혔다.") == "denial"


def test_korean_wife_is_not_a_denial() -> None:
    assert factual("대통령 부인이 개청식에 참석했다.")


def test_korean_question() -> None:
    assert kind("해수부 부산 이전, 연내 가능할까") == "question"


def test_korean_allegation() -> None:
    assert kind("돈이 전달됐다는 의혹이 제기됐다.") == "allegation"


def test_korean_not_only_is_not_a_negation() -> None:
    assert factual("해수부뿐만 아니라 산하기관도 이전을 완료했다.")


def test_korean_ahead_of_is_future() -> None:
    assert kind("부산 이전을 앞두고 직원들이 짐을 쌌다.") == "future"


def test_korean_approval_is_not_a_question() -> None:
    assert factual("정부는 신약 인가를 완료했다.")


# --- Thai ----------------------------------------------------------------------------


def test_thai_dissolved_already_is_a_report() -> None:
    assert kind("ยุบสภาแล้ว") == "done"


def test_thai_will_is_future() -> None:
    assert kind("รัฐบาลจะยุบสภาในเดือนหน้า") == "future"


def test_thai_prepares_is_a_plan() -> None:
    assert kind("กระทรวงเตรียมปล่อยตัวทหาร 18 นาย") == "plan"


def test_thai_not_yet_is_a_negation() -> None:
    assert kind("ไทยยังไม่ปล่อยตัวทหารกัมพูชา") == "negation"


def test_thai_wood_is_not_a_negation() -> None:
    assert factual("ชาวบ้านตัดไม้แล้ว")


def test_thai_no_matter_is_not_a_negation() -> None:
    assert kind("ไม่ว่าอย่างไร รัฐบาลปล่อยตัวทหารแล้ว") == "done"


def test_thai_whether_is_a_question() -> None:
    assert kind("ไทยจะปล่อยตัวทหารหรือไม่") == "question"


def test_thai_if_is_a_condition() -> None:
    assert kind("หากสภาเห็นชอบ กฎหมายจะมีผลทันที") == "condition"


def test_thai_burn_is_not_a_question() -> None:
    assert factual("บ้านไหม้แล้ว")


def test_thai_took_effect_is_done() -> None:
    assert kind("กฎหมายมีผลบังคับใช้วันนี้") == "done"


def test_thai_denied() -> None:
    assert kind("กองทัพปฏิเสธข่าวการปล่อยตัว") == "denial"


def test_thai_make_a_living_is_not_a_condition() -> None:
    assert factual("ชาวบ้านออกไปหากินแล้ว")


# --- Japanese ------------------------------------------------------------------------


def test_japanese_bill_passed_is_a_report() -> None:
    assert kind("議員定数削減法案が成立した。") == "done"


def test_japanese_scheduled_is_a_plan() -> None:
    assert kind("政府は来月に法案を提出する予定だ。") == "plan"


def test_japanese_agreed_that_is_an_agreement() -> None:
    assert kind("両党は定数を削減することで合意した。") == "agreement"


def test_japanese_did_not_is_a_negation() -> None:
    assert kind("法案は今国会で成立しなかった。") == "negation"
    assert kind("政府は提出を見送った。") == "negation"


def test_japanese_if_is_a_condition() -> None:
    assert kind("法案が成立すれば定数は減る。") == "condition"


def test_japanese_few_is_not_a_negation() -> None:
    assert factual("少ない予算で工事を完了した。")


def test_japanese_as_scheduled_is_a_report() -> None:
    assert kind("工事は予定通り完了した。") == "done"


def test_japanese_question() -> None:
    assert kind("法案は成立するか？") == "question"


def test_japanese_without_doing_is_a_negation() -> None:
    assert kind("法案は採決されず廃案となった。") == "negation"


# --- Khmer ---------------------------------------------------------------------------


def test_khmer_did_is_done() -> None:
    assert kind("កម្ពុជាបានដោះលែងទាហាន") == "done"


def test_khmer_did_not_is_a_negation() -> None:
    cues = read_cues("ថៃមិនបានដោះលែងទាហាន")
    assert [c.text for c in cues] == ["មិនបាន"]
    assert kind("ថៃមិនបានដោះលែងទាហាន") == "negation"


def test_khmer_will_is_future() -> None:
    assert kind("ថៃនឹងដោះលែងទាហាន") == "future"


def test_khmer_if_is_a_condition() -> None:
    assert kind("ប្រសិនបើថៃដោះលែងទាហាន") == "condition"


# --- the cue itself ------------------------------------------------------------------


def test_a_cue_keeps_the_sentence_spelling_and_language() -> None:
    assert read_cues("They PLAN TO go.") == [Cue("plan", "PLAN TO", "en")]
    assert read_cues("해수부가 이전할까？") == [
        Cue("question", "할까", "ko"),
        Cue("question", "？", "ko"),
    ]


def test_a_full_width_question_mark_is_a_question_in_the_sentence_language() -> None:
    assert deciding_cue("法案は成立した？") == Cue("question", "？", "ja")


def test_cues_come_in_order_of_position() -> None:
    cues = read_cues("If approved, the ministry will move.")
    assert [c.kind for c in cues] == ["condition", "future"]


@pytest.mark.parametrize("cue", [None, Cue("done", "했다", "ko")])
def test_no_cue_or_a_done_cue_is_factual(cue: Cue | None) -> None:
    assert is_factual(cue)


def test_an_empty_sentence_has_no_cue() -> None:
    assert read_cues("") == []
    assert deciding_cue("") is None


# --- seen on the labelled set's dev cases ----------------------------------------------


def test_until_the_end_of_is_no_question() -> None:
    assert kind("당초 지난해 말까지 사기로 했으나 기한은 연장됐다.") == "agreement"


def test_a_promise_describing_a_noun_is_background_to_the_korean_report() -> None:
    sentence = "중국이 정상회담에서 약속한 미국산 대두 1천200만t 구매를 완료했다."
    assert kind(sentence) == "done"


def test_an_agreement_reported_as_said_stays_an_agreement() -> None:
    sentence = "트럼프는 중국이 대두 구매를 재개하기로 했고, 관세를 낮췄다고 말했다."
    assert kind(sentence) == "agreement"


def test_a_headline_future_after_a_comma() -> None:
    assert kind("Trump seals rare earths deal with Xi, to cut China tariffs 10%") == "future"


def test_a_headline_agreement_in_the_present() -> None:
    assert kind("Trump and Xi Agree Tariff Cuts and Fentanyl Deal in Asia Summit") == "agreement"


def test_a_no_confidence_motion_is_no_negation() -> None:
    assert kind("พรรคประชาชนเร่งล่าชื่ออภิปรายไม่ไว้วางใจรัฐบาล") is None


def test_a_thai_noun_made_with_khwam_is_no_negation() -> None:
    assert kind("รัฐบาลเสียงข้างน้อยต้องเผชิญความไม่แน่นอนหลายประการ") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("日補充預算案創新高 可望實現防衛費達GDP2%", "future"),
        ("预计下月公布", "future"),
        ("政府計劃明年修法", "plan"),
        ("高市早苗期末考 日本史上最大補充預算案過關", "done"),
        ("工作组尚未成立", "negation"),
        ("官員否認有關報道", "denial"),
    ],
)
def test_chinese_cues(sentence: str, expected: str) -> None:
    assert kind(sentence) == expected


def test_chinese_cues_leave_japanese_alone() -> None:
    assert kind("補正予算案を閣議決定した") == "done"
    assert kind("補正予算が成立する見通し") == "future"


def test_a_vote_against_is_a_setback_even_with_words_between() -> None:
    assert kind("The Senate voted 60-40 against the repeal") == "negation"
    assert kind("The Senate voted on Tuesday against the repeal") == "negation"
    assert kind("Lawmakers voted for the bill against the odds") != "negation"


def test_a_signature_in_a_korean_headline_is_done() -> None:
    assert kind("트럼프, 中 펜타닐 관세 인하 행정명령 서명") == "done"
    assert kind("트럼프, 행정명령에 서명할 예정") == "plan"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lecornu va recourir au 49.3 mardi", "future"),
        ("Le budget pourrait être adopté en février", "future"),
        ("Lecornu annonce recourir au 49.3", "plan"),
        ("Le gouvernement prévoit de suspendre la réforme", "plan"),
        ("Si les socialistes votent la censure, le gouvernement tombe", "condition"),
        ("Le gouvernement n'a pas utilisé le 49.3", "negation"),
        ("Le Sénat vote contre la suspension de la réforme des retraites", "negation"),
        ("Le Sénat a voté mardi soir (25 novembre) contre la suspension", "negation"),
        ("Les députés ont voté pour le texte, contre l'avis du gouvernement", "done"),
        ("Le Sénat annule la suspension", "negation"),
        ("Matignon dément tout recours au 49.3", "denial"),
        ("Le Parlement a adopté le budget", "done"),
        ("Le projet de loi de finances a été adopté", "done"),
    ],
)
def test_french_cues(sentence: str, expected: str) -> None:
    assert kind(sentence) == expected


@pytest.mark.parametrize(
    "headline",
    [
        "[French PM Lecornu to bypass vote, trigger Article 49.3 for 2026 budget]",
        "South Korea, US to launch working group for visa system this week: Report",
        "韓米 ビザ制度改善の議論本格化=作業部会が初会合へ",
    ],
)
def test_headline_futures(headline: str) -> None:
    assert kind(headline) == "future"


@pytest.mark.parametrize(
    "sentence",
    [
        "Charter flight for the detained workers postponed",
        "[韓国人労働者帰国のチャーター便、出発延期]",
        "전세기 출발이 하루 연기됐다",
    ],
)
def test_a_setback_is_no_step_of_the_act(sentence: str) -> None:
    assert kind(sentence) == "negation"


def test_a_purpose_clause_after_a_verb_is_no_headline_future() -> None:
    assert kind("Plane leaves South Korea for US to bring back workers") is None


# --- demands, things still to do, quoted questions --------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The US calls for allies to spend 5% of GDP on defence.",
        "Washington urged Tokyo to raise spending further.",
        "米国防戦略のGDP比5%提唱に日本政府が警戒感",
        "야당은 정부에 국민투표 실시를 촉구했다.",
        "ณัฐพงษ์เรียกร้องให้ ครม. ทำประชามติพร้อมเลือกตั้ง",
        "美國敦促日本增加國防開支",
    ],
)
def test_a_demand_is_not_the_act(sentence: str) -> None:
    assert kind(sentence) == "plan"


@pytest.mark.parametrize(
    "sentence",
    [
        "The referendum remains the 'last task' of the coalition.",
        "The bill still needs the Senate's approval.",
        "ร่างรัฐธรรมนูญใหม่ยังต้องได้เสียง สว.",
        "개헌은 여전히 과제로 남았다.",
    ],
)
def test_what_is_still_to_be_done_is_not_done(sentence: str) -> None:
    assert kind(sentence) == "future"


def test_a_quoted_ballot_question_is_not_a_question() -> None:
    sentence = "ครม.เลือกคำถามประชามติ “สมควรมีรัฐธรรมนูญใหม่หรือไม่” ส่ง กกต."
    assert factual(sentence)
    assert kind("The ballot asked voters: “Do you approve of drafting a new charter?”") is None


def test_the_disapprove_count_of_a_vote_is_no_negation() -> None:
    assert factual("ผลประชามติ เห็นชอบ 21 ล้านคน ไม่เห็นชอบ 11 ล้านคน")


@pytest.mark.parametrize(
    "sentence",
    [
        "LDP begins talks next week on the security documents.",
        "The exchange will be carried out in the coming days.",
        "일본 자민당, 다음 주 3대 안보문서 개정 논의 착수",
        "해수부, 내달 부산 이사 시작",
        "政府、来月に有識者会議を設置",
        "日本下個月設立專家會議",
        "ครม. ส่งคำถามประชามติให้ กกต. สัปดาห์หน้า",
        "Le gouvernement dépose le texte la semaine prochaine.",
    ],
)
def test_a_day_still_to_come_named_without_a_verb_is_future(sentence: str) -> None:
    assert kind(sentence) == "future"


def test_next_years_event_after_a_done_act_is_not_read_as_future() -> None:
    # "dissolved … election early next year": the act is done, the election a later step
    assert factual("泰의회, 공식 해산…내년 초 새 총선 실시")


@pytest.mark.parametrize(
    "sentence",
    [
        "French government survives no-confidence votes",
        "외교부는 한미 대표단이 30일(현지시간) 워싱턴에서 워킹그룹을 공식 출범시켰다고 밝혔다.",
        "ราชกิจจาฯ ประกาศวันออกเสียงประชามติแล้ว คำถามคือท่านเห็นชอบว่าสมควรมีรัฐธรรมนูญฉบับใหม่หรือไม่",
    ],
)
def test_words_that_only_look_like_a_cue_are_no_cue(sentence: str) -> None:
    """A motion's name, the "local time" of a dateline, a ballot question reported."""
    assert factual(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Senate focus turns to health care ahead of long-anticipated vote this week",
        "Markets steady on the eve of the referendum",
        "Le Sénat se divise à l'approche du vote sur Obamacare",
        "米共和党、オバマケア補助金の採決控え代替策まとまらず",
        "連邦政府の従業員は給与の支払いを開始します",
        "公投前夕 泰國選民排隊",
    ],
)
def test_what_a_sentence_leads_up_to_is_still_to_come(sentence: str) -> None:
    """ "Ahead of the vote" (앞두고, 控え, 前夕) tells an event not yet held; the Japanese
    non-past polite form ("開始します") tells what is to come."""
    assert kind(sentence) in ("future", "negation")
    assert any(cue.kind == "future" for cue in read_cues(sentence))


def test_ahead_of_schedule_and_the_past_polite_form_stay_reports() -> None:
    assert kind("Japan reached the 2% goal two years ahead of schedule") != "future"
    assert kind("連邦職員への給与の支払いを開始しました") == "done"


@pytest.mark.parametrize(
    "sentence",
    [
        "แห่ลงทะเบียน คนละครึ่งพลัส ผ่านไปยังไม่ถึง 2 ชั่วโมง สิทธิคงเหลือ 7.2 ล้านสิทธิ",
        "สิทธิหมดเกลี้ยงภายในไม่กี่ชั่วโมง",
        "ลงทะเบียนแล้วขึ้นข้อความแบบนี้ ได้-ไม่ได้รับสิทธิ",
    ],
)
def test_thai_idioms_of_quantity_and_whether_are_no_negation(sentence: str) -> None:
    """ "ไม่ถึง 2 ชั่วโมง" is under two hours, "ไม่กี่" a few, "ได้-ไม่ได้" whether or not."""
    assert all(cue.kind != "negation" for cue in read_cues(sentence))
    assert kind("รัฐบาลไม่ได้อนุมัติโครงการ") == "negation"


def test_chinese_jiang_before_a_verb_is_will_and_before_an_object_is_not() -> None:
    assert kind("商务部回应美方将对我国加征100%关税说法") == "future"
    assert kind("俄方将1200具遗体移交乌方") is None


def test_chinese_considering_is_a_plan_and_japanese_taking_into_account_is_not() -> None:
    assert kind("路透：川普政府考慮限制含美國軟體產品出口中國") == "plan"
    assert kind("美国考虑对中国软件实施出口管制") == "plan"
    assert kind("事情を考慮して補正予算を成立させた") != "plan"


def test_setbacks_are_negations_that_tell_a_setback() -> None:
    for sentence in (
        "The second phase was put on hold.",
        "Washington shelved the export controls.",
        "Phase 2 cannot go ahead after the talks.",
        "정부는 2단계 시행을 보류했다.",
        "議員定数削減法案は廃案となった。",
        "法案は継続審議となった。",
        "美国暂缓对华加征关税。",
        "รัฐบาลระงับโครงการเฟส 2",
        "La réforme est suspendue.",
        "Australia aplazó la prohibición de las redes sociales.",
        "Das Social-Media-Verbot wurde verschoben.",
    ):
        cue = deciding_cue(sentence)
        assert cue is not None and cue.kind == "negation" and cue.setback, sentence
    for sentence in ("Meta comenzó a eliminar las cuentas.", "Das Verbot gilt ab heute."):
        assert deciding_cue(sentence) is None, sentence
    plain = deciding_cue("The ministry has not moved yet.")
    assert plain is not None and plain.kind == "negation" and not plain.setback


def test_korean_next_week_is_a_day_to_come_but_the_verb_give_is_not() -> None:
    assert kind("내주 초 첫 회의를 연다") == "future"
    assert kind("중국은 희토류 수출 허가를 내주고 대두를 샀다.") != "future"


def test_a_report_marked_false_is_a_denial() -> None:
    assert kind("[ข่าวปลอม! รัฐบาลอนุมัติโครงการคนละครึ่ง เฟส 2 แล้ว]") == "denial"
    assert kind("Fact check: no, the cabinet did not approve phase 2") in ("denial", "negation")
    assert kind("정부가 2단계를 승인했다는 가짜뉴스가 퍼졌다") == "denial"
    assert kind("第2弾が承認されたというのはデマだ") == "denial"
    assert kind("第二期已获批准的说法是谣言") == "denial"


def test_a_commitment_is_a_plan() -> None:
    assert kind("Japan tells US it is committed to boosting defense spending") == "plan"


def test_a_title_case_headline_future_needs_a_verb_of_news_after_to() -> None:
    assert kind("Cabinet to Discuss Second Phase of Co-Pay Plus Scheme") == "future"
    assert kind("South Korean Workers Return to Seoul After Raid") is None
    # a bill's purpose is no future: the bill was passed
    assert kind("Japan Diet OKs Bill to Approve Tax Cut") != "future"
    # a second clause of a headline is no Title Case future of the whole
    assert kind("Federal Workers Return, Paychecks to Start as Shutdown Ends") != "future"


def test_thai_idioms_of_nonstop_are_not_negations() -> None:
    assert kind("รัสเซีย-ยูเครน แลกเปลี่ยนนักโทษอีก 307 คน หลังมอสโกถล่มเคียฟไม่ยั้ง") != "negation"
    assert kind("ประชาชนเดินทางมาลงทะเบียนไม่ขาดสาย") != "negation"


def test_a_no_hyphen_compound_is_no_negation() -> None:
    assert kind("The government signed no-bid contracts with retailers") != "negation"
    assert kind("There was no bid for the rice") == "negation"


def test_japanese_arranging_is_a_plan() -> None:
    assert kind("農水省は8月末の販売期限の延長を認める調整に入った。") == "plan"
    assert kind("政府は延長する方向で調整している") == "plan"


def test_a_korean_headline_ending_with_to_follow_is_a_future() -> None:
    assert kind("[국회, 오늘 본회의서 방송문화진흥회법 표결…노란봉투법은 뒤이어]") == "future"
    assert kind("뒤이어 노란봉투법도 통과됐다.") == "done"


def test_a_japanese_enforcement_noun_is_no_report_of_enforcement() -> None:
    """施行 reports the act ("改正法が10日施行"), but 施行計画 is a plan and 施行に備えた
    prepares for it."""
    assert kind("改正労働組合法が10日施行") == "done"
    assert kind("施行に備えた企業の対応") is None
    assert kind("ビザ免除の施行計画") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "高市首相が初の所信表明演説 現金給付は「実施しない」",
        "2万円現金給付「行わず」 連立合意書",
        "정부, 현금 지급하지 않기로",
    ],
)
def test_a_decision_not_to_carry_it_out_is_a_setback(sentence: str) -> None:
    cue = deciding_cue(sentence)
    assert cue is not None and cue.kind == "negation" and cue.setback


def test_not_yet_carried_out_is_a_plain_negation() -> None:
    cue = deciding_cue("現金給付はまだ実施していない")
    assert cue is not None and not cue.setback


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("石破首相、2万～4万円給付「年内に」開始", "future"),
        ('이시바 "전 국민 최대 4만엔 현금 연내 지급"', "future"),
        ("이 대통령, 청와대 첫 출근…연내 복귀 완료", "done"),  # done within the year
    ],
)
def test_within_the_year_is_to_come_unless_it_is_done(sentence: str, kind: str) -> None:
    cue = deciding_cue(sentence)
    assert cue is not None and cue.kind == kind


@pytest.mark.parametrize(
    "sentence",
    ["누리호 4차 발사 D-3…조립 마치고", "누리호 4차 발사 한 달 앞으로", "ヌリ号打ち上げまで10日"],
)
def test_a_countdown_is_to_come(sentence: str) -> None:
    """A countdown names what the sentence's act leads up to, not the act."""
    cue = deciding_cue(sentence)
    assert cue is not None and cue.kind == "future" and cue.lead_up


def test_a_visa_class_is_no_countdown() -> None:
    assert deciding_cue("D-2 비자 발급 요건 완화") is None
