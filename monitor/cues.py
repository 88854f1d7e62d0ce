"""Cues: does one sentence of news report that something happened, or only talk about it?

The judge must not count "will release 18 prisoners" or "agreed to launch" as the pledge
kept. This module finds the words that mark a sentence as future, planned, agreed,
conditional, negated, denied, asked or alleged, and the words that mark it as done, in
English, Korean, Thai, Japanese and Khmer. Pure; no I/O, no clock.

Precision matters more than coverage. A sentence wrongly read as "not factual" costs one
piece of evidence; a future cue missed turns an announcement into a false "fulfilled".
So the lists are short and each entry is a phrase newsrooms actually use, and the phrases
that look like cues but are not ("political will", "not only", "계획대로", "ไม่ว่า") are
listed too, as shields: a cue found inside a shield is dropped.

Korean, Thai, Japanese and Khmer attach particles and endings to the word (Thai and
Japanese do not even space words), so their cues match inside words, as in
``monitor.match``; Latin cues match whole words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Literal

CueKind = Literal[
    "future",
    "plan",
    "agreement",
    "condition",
    "negation",
    "denial",
    "question",
    "allegation",
    "done",
]


@dataclass(frozen=True)
class Cue:
    kind: CueKind
    text: str  # the cue exactly as it occurs in the sentence (for showing to an editor)
    lang: str  # "en" | "fr" | "ko" | "th" | "ja" | "zh" | "km"
    # a negation that is a setback of a plan or an act: postponed, shelved, withdrawn,
    # 보류, 見送り, 暂停, ระงับ (a plain "not" is none)
    setback: bool = False
    # a future that names what the sentence's act leads up to, not the act: "ahead of the
    # launch", "앞두고", "D-3", "まで10日" (the act itself may be done)
    lead_up: bool = False


@dataclass(frozen=True)
class _Pattern:
    kind: CueKind | None  # None: a shield, which silences any cue inside it
    lang: str  # "" for script-neutral cues ("?"), which take the sentence's language
    regex: re.Pattern[str]
    weak: bool = False  # yields to a cue of the same precedence: "예정" over "다음 달"
    setback: bool = False
    lead_up: bool = False


def _setbacks(patterns: list[_Pattern]) -> list[_Pattern]:
    return [replace(pattern, setback=True) for pattern in patterns]


def _lead_ups(patterns: list[_Pattern]) -> list[_Pattern]:
    return [replace(pattern, lead_up=True) for pattern in patterns]


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    pattern: _Pattern


def _hangul_with_final(final: int) -> str:
    """Every Hangul syllable whose final consonant has index ``final``."""
    return "".join(chr(0xAC00 + lead_vowel * 28 + final) for lead_vowel in range(19 * 21))


# Korean future and conditional endings fuse into the verb's last syllable as a final ㄹ
# (할, 될, 늘어날 ...); the past tense as a final ㅆ (했, 됐, 지켰, 마쳤).
_RIEUL_FINAL = _hangul_with_final(8)
_PAST_FINAL = _hangul_with_final(20)
# A Thai consonant followed by a vowel sign or tone mark is the middle of a syllable, so a
# cue ending right before one is only a fragment of another word (ไหม in ไหม้ "burn").
_THAI_SYLLABLE_GOES_ON = r"(?![\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])"

_PRECEDENCE: dict[CueKind, int] = {
    "negation": 5,
    "denial": 5,
    "condition": 4,
    "question": 3,
    "allegation": 2,
    "future": 1,
    "plan": 1,
    "agreement": 1,
    "done": 0,
}


def _latin(kind: CueKind | None, *phrases: str, lang: str = "en") -> list[_Pattern]:
    """Whole-word phrases of a Latin-script language; a space matches any run of spaces."""
    spaced = (phrase.replace(" ", r"\s+") for phrase in phrases)
    return [_Pattern(kind, lang, re.compile(rf"(?<!\w){p}(?!\w)", re.I)) for p in spaced]


def _inside(kind: CueKind | None, lang: str, *phrases: str) -> list[_Pattern]:
    """Phrases of scripts that attach endings to words: matched anywhere, as regexes."""
    guard = _THAI_SYLLABLE_GOES_ON if lang == "th" else ""
    return [_Pattern(kind, lang, re.compile(p + guard)) for p in phrases]


def _french(kind: CueKind | None, *phrases: str) -> list[_Pattern]:
    return _latin(kind, *phrases, lang="fr")


_WEAK_VERB = r"(?-i:[a-z]+)"  # a lowercase word: a verb in "is to launch", not a name

# English: the modal and reporting vocabulary of wire-service style (AP, Reuters, Yonhap
# English); "is to", "set to" and headline "X to launch" are the usual news futures.
_ENGLISH: list[_Pattern] = [
    *_latin(
        None,
        "political will",
        "good will",
        "ill will",
        "free will",
        "popular will",
        r"the will of",
        r"(?<=\S\s)(?-i:Will) (?-i:[A-Z][a-z]+)",  # a name mid-sentence: "Will Smith"
        "military might",
        "not only",
        "not just",
        "not least",
        "as planned",
        "as scheduled",
        "as promised",
        "as pledged",
        "as agreed",
        "ahead of schedule",
        "on schedule",
        r"no (later|less|fewer|more|sooner) than",
        r"(first|last|only) to be",
        # A past promise in a relative clause is background to the main verb's report.
        r"(who|which) (had )?(pledged|promised|vowed) to",
        # a motion's name, not a negation: "survives no-confidence votes"
        r"no[- ]confidence",
    ),
    *_latin("future", "will", "would", "shall", "could", "might", r"(?-i:may)", "should"),
    *_latin(
        "future",
        rf"(is|are|was|were) to (?!(the|a|an)\b){_WEAK_VERB}",
        rf"(is|are) due to (?!(the|a|an)\b){_WEAK_VERB}",
        r"(was|were) due to be",
        r"to be (held|hosted|launched|signed|opened|introduced|implemented|completed|"
        r"released|built|unveiled|submitted|decided|finalized|finalised|reviewed|"
        r"discussed|considered|named|appointed|enacted|tabled|voted on)",
        r"(is|are|was|were) expected",
        "expected to",
        r"(is|are|was|were) set to",
        r"(is|are|was|were) likely to",
        "scheduled (to|for)",
        "slated (to|for)",
        # still to be done: "still needs the Senate", "remains the last task" ("has yet to"
        # is a negation, below)
        r"still (needs?|needed|has to|have to|had to|must|requires?)",
        r"remains? to be",
        r"remains? (the|a) ['‘\"“]?(last|final|only|remaining|main) (task|step|hurdle|obstacle)",
    ),
    # the event a sentence leads up to is still to come: "focus turns to health care
    # ahead of long-anticipated vote" ("ahead of schedule" is shielded above)
    *_lead_ups(_latin("future", r"ahead of", r"in the run-up to", r"on the eve of")),
    # Headline style drops the verb: "Thailand to release prisoners", and puts a second
    # clause's future after a comma: "Trump seals deal with Xi, to cut China tariffs".
    _Pattern("future", "en", re.compile(r",\s+to\s+(?!(?:the|a|an|be)\b)(?-i:[a-z]+)\b")),
    _Pattern(
        "future",
        "en",
        re.compile(
            r"^[\[\"'“‘]?(?!(?:According|Due|Thanks|Prior|Contrary|Close|Owing|Ahead|Next|Up)\b)"
            r"(?:(?-i:[A-Z])[\w.'’-]*,?\s+(?:and\s+|&\s+)?){1,5}"
            r"to\s+(?!(?:the|a|an|be)\b)(?-i:[a-z]+)\b"
        ),
    ),
    # the same in Title Case, where only a usual verb of news tells the verb from a place
    # ("Cabinet to Discuss Second Phase", but "Workers Return to Seoul"), and a measure's
    # purpose is no future ("Diet OKs Bill to Scrap Add-On Gasoline Tax")
    _Pattern(
        "future",
        "en",
        re.compile(
            r"^[\[\"'“‘]?(?!(?:According|Due|Thanks|Prior|Contrary|Close|Owing|Ahead|Next|Up)\b)"
            r"(?:(?!(?:Bill|Law|Legislation|Measure|Plan|Deal|Order|Decree|Move|Proposal|Budget|"
            r"Motion|Agreement|Pact|Vote|Rule|Push|Bid|Effort|Funds?|Money)\s+to\b)"
            r"(?-i:[A-Z])[\w.'’-]*\s+(?:and\s+|&\s+)?){1,5}"
            r"to\s+(?-i:(?:Discuss|Launch|Hold|Cut|Raise|Impose|Open|Start|Begin|Resume|Release|"
            r"Sign|Meet|Vote|Submit|Approve|Consider|Review|Extend|Lift|Scrap|Abolish|End|Pay|"
            r"Send|Deploy|Introduce|Implement|Announce|Seek|Hike|Ban|Allow|Build|Relocate|"
            r"Unveil|Issue|Offer|Expand|Reduce|Suspend|Halt|Delay|Postpone|Restart|Reopen|"
            r"Set Up|Create|Establish|Form|Complete|Finish|Decide|Propose|Table|Pass|Enact|"
            r"Adopt|Finalize|Finalise|Buy|Purchase|Sell|Give|Provide|Distribute|Hand)\b)"
        ),
    ),
    *_latin(
        "plan",
        r"plans? (to|for)",
        r"plann(ed|ing)",
        r"intends? to",
        r"intend(ed|ing) to",
        r"aims? to",
        r"aim(ed|ing) to",
        r"(is|are|was|were) preparing to",
        r"prepares? to",
        r"pledged? to",
        r"pledges to",
        r"promised? to",
        r"promises to",
        r"vow(s|ed)? to",
        r"(is|are|was|were|remains?|stays?) committed to",
        r"commit(s|ted)? (itself |themselves )?to",
        r"seeks? to",
        r"(is|are|was|were) considering",
        # headline verbs of an aim: "Koizumi eyes ¥2,000 rice", "Cabinet mulls extension"
        r"(eyes|eyeing|mulls|mulling|mulled|weighs|weighing|weighed)(?! on\b)",
        # a demand is another's wish, not the act: "US calls for 5% of GDP"
        r"call(s|ed|ing)? (for|on)",
        r"urg(e|es|ed|ing)",
        r"demand(s|ed|ing)? (that|to)",
        r"press(es|ed|ing)? for",
        r"proposed to",
        r"proposals? to",
        # headlines of a promise or an order, not of its execution: "Lee pledges swift
        # relocation", "Lee orders preparation for relocating the ministry"
        r"(pledges|vows|promises|orders|ordered|directs|directed|instructs|instructed|urges)",
        r"(calls|called) for",
    ),
    *_latin(
        "agreement",
        r"agree(s|d)? to",
        r"agree(s|d)? (on|with|upon)",
        r"agreed on (a|the) (plan|deal|framework) to",
        r"(agreement|deal|accord|memorandum|mou) to",
        # headline present: "Trump and Xi Agree Tariff Cuts"
        r"(?-i:Agree|Agrees)",
    ),
    *_latin(
        "condition",
        "if",
        "unless",
        "provided that",
        "providing that",
        r"on (the )?condition that",
        r"subject to (approval|ratification|parliamentary approval)",
        r"once\b[^.;,]*?\b(is|are|has been|have been|gets?|get) "
        r"(approved|passed|ratified|signed|completed|finali[sz]ed|enacted)",
    ),
    *_latin(
        "negation",
        "not",
        "cannot",
        "never",
        "no longer",
        r"no(?!\.\s*\d)(?!-)",  # "no-bid contracts", "no-fly zone": a compound, no negation
        "none",
        "nobody",
        "no one",
        "neither",
        "nor",
        r"yet to",
        r"fail(s|ed)? to",
        r"refus(e|es|ed) to",
        r"declin(e|es|ed) to",
    ),
    # a setback is no step of the act: "flight postponed", "Senate votes against"
    *_setbacks(
        _latin(
            "negation",
            r"(postpone|postpones|postponed|delay|delays|delayed|cancel|cancels|cancell?ed|"
            r"scrap|scraps|scrapped|overturn|overturns|overturned)",
            r"call(s|ed)? off",
            r"(shelve|shelves|shelved|suspend|suspends|suspended|halt|halts|halted)",
            r"(withdraw|withdraws|withdrew|withdrawn|abandon|abandons|abandoned)",
            r"put (off|on hold)",
            r"on hold",
            r"back(s|ed)? (off|down) (from|on)",
            r"(stall|stalls|stalled|derail|derails|derailed)",
            r"fell through",
            r"(cannot|can't|could not|couldn't|will not|won't) (go ahead|proceed|go forward)",
            # "voted 146 to 255 against", "voted on Tuesday against": the words between are few
            r"vot(e|es|ed)((?!\bfor\b|\bin favou?r\b)[^.;:!?]){0,30}?\bagainst",
        )
    ),
    _Pattern("negation", "en", re.compile(r"\w+n['’]t\b", re.I)),
    *_latin(
        "denial",
        r"den(y|ies|ied|ying)",
        r"(rejected|dismissed|refuted) (the )?(media )?(reports?|claims?|allegations?|rumou?rs?)",
        # a report marked false by a fact check: "Fake news! Cabinet approved phase 2"
        r"fake news",
        "hoax",
        r"debunk(s|ed)?",
        r"fact[- ]check(s|ed)?",
        "misinformation",
        "disinformation",
    ),
    *_latin(
        "allegation",
        "allegedly",
        "reportedly",
        "alleged",
        r"alleges?",
        r"allegations?",
        r"claim(s|ed)?",
        r"accus(ed|es|ing)",
        "purportedly",
    ),
    *_latin(
        "done",
        "completed",
        "took effect",
        r"came into (force|effect)",
        r"entered into force",
        r"went into effect",
        "already",
    ),
]

# French: the futur proche and the conditional of French wire style (AFP, Le Monde);
# "ne … pas" negates; the passé composé reports. "projet de loi" is a bill, not a plan.
_FRENCH: list[_Pattern] = [
    *_french(None, "projet de loi", "projets de loi", "comme prévu", "comme promis"),
    *_french(
        "future",
        r"(va|vont|allait|allaient) (?!être\b)(?-i:[a-zé]+)(er|ir|re)",
        r"(devrait|devraient|pourrait|pourraient|sera|seront|aura|auront)",
        r"s'apprête(nt)? à",
        "prochainement",
        r"à l'approche d(e|u|es)",
        r"en amont d(e|u|es)",
    ),
    *_french(
        "plan",
        r"prévoi(t|ent) de",
        r"envisage(nt)?",
        r"compte(nt)? (?-i:[a-zé]+)(er|ir|re)",
        r"(veut|veulent|souhaite|souhaitent|entend|entendent) (?-i:[a-zé]+)(er|ir|re)",
        r"annonce(nt)? (qu'(il|elle)s? (va|vont)|vouloir|recourir)",
        r"(promet|promettent|s'engage|s'engagent) à",
        r"propose(nt)? de",
        r"appelle(nt)? à",
        r"r[ée]clame(nt)?",
        r"exige(nt)?",
    ),
    *_french("agreement", r"(accord|accepte(nt)?) (pour|de)"),
    *_french("condition", "si", "sauf si", r"à condition (que|de)", "en cas de", "faute de"),
    *_french(
        "negation",
        r"n(e\s|')(?-i:[\w']+)\s(pas|jamais|plus|point|aucun(e)?)",
        r"(ne|n') (pas|jamais|plus)",
        r"ni",
    ),
    *_setbacks(
        _french(
            "negation",
            r"(refuse|renonce|rejette|annule|supprime|reporte)(nt)?",
            r"(a |ont )?vot(e|ent|é)((?!\bpour\b|\ben faveur\b)[^.;:!?]){0,40}?\bcontre",
            r"(reporté|reportée|annulé|annulée|ajourné|ajournée|suspendu|suspendue|abandonné|"
            r"abandonnée|repoussé|repoussée)s?",
            r"(suspend|abandonne|repousse)(nt)?",
            r"mise? en pause",
        )
    ),
    *_french("denial", r"dément(ent)?", r"démenti", r"fausse(s)? information(s)?", "infox"),
    *_french("allegation", r"(aurait|auraient) (?-i:[a-zé]+)(é|i|u|is|it)", "présumé", "présumée"),
    *_french(
        "done",
        r"(a|ont) (été )?(?-i:[a-zé]+)(é|ée|és|ées|i|is|it|u)",
        r"est (entré|entrée)e? en vigueur",
    ),
]

# Spanish and German: their negations and setbacks only, so that an editor's statements in
# them ("Australia aplazó la prohibición", "wurde verschoben") say that something did not
# happen; the sentence model reads both languages.
_SPANISH_GERMAN: list[_Pattern] = [
    *_latin("negation", "nunca", r"ning[uú]n(a|o)?", lang="es"),
    *_setbacks(
        _latin(
            "negation",
            r"(aplaz|pospus|pospuest|suspendi|suspend|cancel|retir|anul|rechaz|frustr)"
            r"(ó|aron|ado|ada|ados|adas|ido|ida|idos|idas|o|a|os|as)",
            lang="es",
        )
    ),
    *_latin("negation", "nicht", r"kein(e|en|em|er|es)?", "nie", lang="de"),
    *_setbacks(
        _latin(
            "negation",
            r"(verschoben|ausgesetzt|gestoppt|abgesagt|zurückgezogen|gekippt|abgelehnt|"
            r"aufgeschoben|gescheitert|auf Eis gelegt)",
            lang="de",
        )
    ),
]

# Korean: endings and nouns from Korean newswire style (Yonhap, KBS): -ㄹ 예정/계획/방침
# /전망 and -기로 했다 announce, -았/었다 and 완료/마무리/출범 report; the
# "예정대로/계획대로" adverbials describe a thing done on schedule, so they are shields.
_KOREAN: list[_Pattern] = [
    *_inside(
        None,
        "ko",
        r"(예정|계획|방침|일정)(대로|에 따라|보다)",
        r"뿐(만)?\s*아니라",
        r"현지\s?시간",  # "30일(현지시간)" holds 지시, an order, by accident
    ),
    *_inside(
        "future",
        "ko",
        rf"[{_RIEUL_FINAL}]\s*것",
        rf"[{_RIEUL_FINAL}]\s*전망",
        "전망",
        "겠",
        r"뒤이어\s*[\]」』\"'”’]?\s*$",  # a headline ending "…노란봉투법은 뒤이어": to follow
        "아직",  # not yet: "아직 도착 전"
        r"과제로 남",
    ),
    *_lead_ups(
        _inside(
            "future",
            "ko",
            "앞두고",
            "앞둔",
            r"앞으로",  # "발사 한 달 앞으로": a month to go
            # a countdown, "발사 D-3" (not the D-2 or D-4 visa)
            r"(?<![\w-])D-\d{1,3}(?!\d)(?!\s*(비자|visa))",
        )
    ),
    *_inside(
        "plan",
        "ko",
        rf"[{_RIEUL_FINAL}]\s*(예정|계획|방침)",
        "예정",
        "계획",
        "방침",
        "추진",
        "검토",
        "기로",
        "예고",
    ),
    *_inside("agreement", "ko", r"기로\s*(합의했|합의|결정했|결정|약속했|약속|했|뜻을 모)"),
    # an agreement, a directive or a promise reported as news is not yet the act agreed,
    # directed or promised ("관세 인하 합의", "빠른 준비 지시", "연내 이전 약속")
    *_inside("agreement", "ko", r"합의(?!서에 따라|에 따라|대로)"),
    *_inside(
        "plan", "ko", r"지시", r"약속(?!대로|을? ?지[켰킨키]|이 지켜)", r"공약(?!대로)", r"다짐"
    ),
    *_inside("plan", "ko", r"촉구", r"요구(했|하|해|한)"),  # a demand, not the act
    *_inside(
        "condition",
        "ko",
        rf"[{_RIEUL_FINAL}]\s*경우",
        r"(하|되|으|한다|된다|는다|이라)면(?!서)",
        "조건으로",
        "전제로",
    ),
    *_inside(
        "negation",
        "ko",
        "않",
        r"못\s?(했|한|하|할|해|된|됐)",
        r"(?<![가-힣])안\s+(?=[가-힣])",
        r"없(다|었)",
        r"아니|아닌",
    ),
    # a setback of a plan or an act: fell through, postponed, cancelled, withdrawn, put on
    # hold, deferred, halted, shelved
    *_setbacks(
        _inside(
            "negation",
            "ko",
            "무산",
            "불발",
            r"연기(됐|되|했|하기로|돼)",
            r"취소(됐|되|했|돼)",
            r"지연(됐|되|돼)",
            r"철회",
            r"보류",
            r"유예",
            r"백지화",
            r"좌초",
            r"중단(?=됐|되|했|하|한|돼|키로)",
            r"미뤄|미룬|미루",
            r"폐기(?=됐|되|했|돼)",
            r"(하|주|급|행)지\s?않기로",  # decided not to: "지급하지 않기로"
        )
    ),
    *_inside(
        "denial", "ko", r"부인(했|하|한|해)", "사실무근", "반박", r"가짜\s?뉴스", "허위", "팩트체크"
    ),
    *_inside(
        "question",
        "ko",
        rf"[{_RIEUL_FINAL}]까(?!지)",  # 말까지 is "until the end of", no question
        r"(인가|는가)(요)?\s*[?]?\s*$",
    ),
    *_inside("allegation", "ko", "의혹", "주장"),
    *_inside(
        "done",
        "ko",
        r"했(다|습니다)",
        r"됐(다|습니다)",
        r"되었(다|습니다)",
        "완료",
        "마쳤",
        "마무리",
        "개청",
        "단행",
        r"서명(?!식)",  # a headline's "행정명령 서명": the order was signed
    ),
]

# Thai: markers from Thai news style (Thai PBS, Matichon): จะ and เตรียม announce,
# แล้ว and มีผล report; ไม่ว่า ("no matter") and ไม่เพียงแต่ ("not only") are not
# negation, and ไม่ต่ำกว่า/ไม่เกิน bound a number.
_THAI: list[_Pattern] = [
    *_inside(
        None,
        "th",
        "ไม่ว่า",
        "ไม่เพียง",
        "ไม่ต่ำกว่า",
        "ไม่เกิน",
        "ไม่กี่",  # a few: "ภายในไม่กี่ชั่วโมง", within a few hours
        r"(ยัง)?ไม่ถึง(?=\s*[0-9๐-๙])",  # under a number: "ยังไม่ถึง 2 ชั่วโมง"
        "ไม่น้อย",  # not a few: many
        "ไม่ยั้ง",  # without restraint: "ถล่มเคียฟไม่ยั้ง", pounding Kyiv nonstop
        "ไม่ขาดสาย",  # without a break: continuously
        "ไม่หยุดหย่อน",  # ceaselessly
        r"ได้\s*[-–/]?\s*(หรือ)?ไม่ได้",  # whether or not: "ได้-ไม่ได้รับสิทธิ"
        "ตามกำหนด",
        "ตามแผน",
        "หากิน",
        "หากัน",
        "ต่างหาก",
        "ผ้าไหม",
        "ไม่ไว้วางใจ",  # (motion of) no confidence: a noun, no negation
        "ความไม่",  # ความ/การ make a noun of what follows: "ความไม่แน่นอน", uncertainty
        "การไม่",
        r"ไม่เห็นชอบ(?=\s*[0-9๐-๙])",  # the "disapprove" count of a vote: "ไม่เห็นชอบ 11 ล้าน"
        r"คำถาม(คือ|ว่า)[^.?!]*?หรือไม่",  # a ballot's question, reported, not asked
    ),
    *_inside("future", "th", "จะ", "คาดว่า", "ยังต้อง"),  # ยังต้อง: still has to
    *_inside("plan", "th", "เรียกร้อง", "เตรียม", "วางแผน", "มีแผน", "กำหนด", "ตั้งเป้า", "มีมติให้"),
    *_inside("agreement", "th", "ตกลงที่จะ", "ตกลงกันที่จะ", "เห็นชอบให้"),
    *_inside("condition", "th", "หากว่า", "หาก", "ถ้า"),
    *_inside("negation", "th", "ไม่ได้", "ยังไม่", "ไม่"),
    # a setback: suspended, slowed, called off, postponed, came to nothing
    *_setbacks(
        _inside(
            "negation",
            "th",
            "ระงับ",
            "ชะลอ",
            "ยกเลิก",
            "ล้มเลิก",
            "เป็นหมัน",
            "เลื่อนออกไป",
            "หยุดไว้ก่อน",
            "พับแผน",
            "ไม่ได้ไปต่อ",
        )
    ),
    *_inside("denial", "th", "ปฏิเสธ", "ข่าวปลอม", "ไม่เป็นความจริง", "เฟคนิวส์"),
    *_inside("question", "th", "หรือไม่", "หรือเปล่า", "ไหม"),
    *_inside("done", "th", "แล้ว", "เสร็จ", "มีผล"),
]

# Japanese: newswire endings (NHK, Kyodo): 予定/方針/見通し announce, した/された/成立
# /施行 report; 予定通り is done on schedule, and 少ない/危ない are adjectives, not ない.
_JAPANESE: list[_Pattern] = [
    *_inside(
        None,
        "ja",
        r"予定(通り|どおり|より)",
        r"(少|危|間も|まも|ほど|汚|幼|切)ない",
        "まず",
    ),
    *_inside(
        "future",
        "ja",
        "見通し",
        "見込み",
        "まだ",
        "これから",
        r"へ[」』\]]?\s*$",  # headline "初会合へ"
        r"ます[。」』\]]?\s*$",  # the non-past polite form ends with what is to come
    ),
    # "採決控え", "採決を控え": ahead of the vote
    *_lead_ups(_inside("future", "ja", r"控え", "を前に")),
    *_inside("plan", "ja", "予定", "方針", r"(する|したい|いく)考え", "目指す", "目指し", "検討"),
    # arranging it, not done: "延長を認める調整に入った", "する方向で調整している"
    *_inside("plan", "ja", r"調整に入", r"調整して(いる|います)", "調整中", r"方向で調整"),
    *_inside("plan", "ja", "提唱", "要求", r"求め(た|る|て)", "要請"),  # a demand
    *_inside("agreement", "ja", r"ことで(合意|一致)"),
    *_inside("condition", "ja", "れば", r"なら(?![なず])", "場合"),
    *_inside(
        "negation",
        "ja",
        "なかった",
        "ない",
        r"(?<=[かがさざただなはばぱまやらわせれ])ず(?![つかれ])",
    ),
    # a setback of a bill or a plan: put off, postponed, called off, scrapped with the
    # session, carried over, given up, withdrawn, shelved, frozen, halted
    *_setbacks(
        _inside(
            "negation",
            "ja",
            "見送",
            "延期",
            "中止",
            "廃案",
            "継続審議",
            "先送り",
            "断念",
            "撤回",
            "棚上げ",
            "取り下げ",
            "白紙",
            "頓挫",
            "見合わせ",
            "凍結",
            "停止",
            # the non-past negative of "carry out" is a decision not to: 給付は「行わない」,
            # 実施せず (実施していない, not yet done, is a plain negation)
            r"(行わ|おこなわ|実施し|実行し|支給し)(ない|ず)(?!場合|と(?!し)|か)",
        )
    ),
    *_inside("denial", "ja", "否定", "否認", "デマ", "フェイク", "事実無根", "誤情報", "偽情報"),
    *_inside("question", "ja", r"か[。？?]"),
    *_inside(
        "done",
        "ja",
        "した",
        "された",
        "ました",
        "完了",
        "成立",
        r"施行(?!計画|案|予定|方針|に備|を前|前|へ|日|令|規則)",
    ),
]

# Chinese: markers of Chinese newswire (CNA, Xinhua) that never occur in Japanese text, so
# that both can be read by the same patterns: 可望/預計 expect, 計劃/擬 plan, 已/通過 report.
_CHINESE: list[_Pattern] = [
    *_inside(
        "future",
        "zh",
        "可望",
        "有望",
        "預計",
        "预计",
        "即將",
        "即将",
        "將於",
        "将于",
        # 将 before a verb of action is "will" ("美方将对我国加征100%关税"); before a
        # noun it marks the object of a done act ("俄方将1200具遗体移交乌方")
        r"[将將](?=对|對|在|会|會|继续|繼續|进一步|進一步|加征|加徵|举行|舉行|实施|實施|"
        r"推出|开始|開始|启动|啟動|出台|采取|採取|恢复|恢復|取消|暂停|暫停)",
    ),
    *_lead_ups(_inside("future", "zh", "前夕")),
    *_inside(
        "plan",
        "zh",
        "計劃",
        "计划",
        "擬",
        "拟",
        "呼籲",
        "呼吁",
        "敦促",
        r"考慮(?![しすにさ])",  # Japanese 考慮して: taking into account
        "考虑",
        "研擬",
        "研拟",
    ),
    *_inside("condition", "zh", "如果", "若是"),
    *_inside(
        "negation",
        "zh",
        "沒有",
        "没有",
        "未能",
        "尚未",
        "否決",
        "否决",
    ),
    # a setback: suspended, deferred, shelved, postponed, given up, called off
    *_setbacks(
        _inside(
            "negation",
            "zh",
            "暂停",
            "暫停",
            "暂缓",
            "暫緩",
            "搁置",
            "擱置",
            "推迟",
            "推遲",
            "延后",
            "延後",
            "放弃",
            "放棄",
            "叫停",
            "喊停",
            "撤回",
            "取消",
        )
    ),
    *_inside(
        "denial",
        "zh",
        "否認",
        "否认",
        "谣言",
        "謠言",
        "假消息",
        "假新闻",
        "假新聞",
        "辟谣",
        "闢謠",
        "不实",
        "不實",
    ),
    *_inside("done", "zh", "已經", "已经", "已", "過關", "通過", "通过", "完成", "批准"),
]

# Khmer: the verb particles of Khmer-language news (Khmer Times' Khmer edition, AKP):
# នឹង marks the future, បាន the completed act, មិន/ពុំ negate (មិនបាន: did not).
_KHMER: list[_Pattern] = [
    *_inside("future", "km", "នឹង"),
    *_inside("plan", "km", "គ្រោង"),
    *_inside("condition", "km", "ប្រសិនបើ"),
    *_inside("negation", "km", "មិនបាន", "មិន", "ពុំ"),
    *_inside("done", "km", "បាន"),
]

# A day still to come, which a headline may name without any verb ("다음 주 논의 착수",
# "LDP begins talks next week"). Weak: a verb's own cue in the sentence is shown instead.
# "Next year" is left out in Korean, Japanese and Chinese, where it mostly names a later,
# separate event after a reported act ("의회 해산…내년 초 총선").
_DAYS_TO_COME: list[_Pattern] = [
    replace(pattern, weak=True)
    for pattern in (
        *_latin(
            "future",
            "tomorrow",
            "next (week|month|year|spring|summer|autumn|fall|winter)",
            r"(early|later) (next|this) (week|month|year)",
            r"in the (coming|next few) (days|weeks|months)",
        ),
        *_french("future", "demain", "la semaine prochaine", "le mois prochain"),
        # 내주 is also the verb "give" (내주고, 내주며): only the noun, next week, counts
        *_inside("future", "ko", r"다음\s?(주|달)", r"내주(?![고며는기지면어었던])", "내달"),
        *_inside("future", "ja", "来週", "来月", "来春"),
        *_lead_ups(_inside("future", "ja", r"まで(あと)?\s?\d+日")),
        # "within the year", of an act not yet done: "給付「年内に」開始", "현금 연내 지급";
        # not "연내 복귀 완료" (done within the year) nor "年内改定へ議論開始" (the 年内
        # of a noun, while the act reported is the start of the talks)
        *_inside("future", "ja", r"年内に(?![^。…]{0,8}(完了|終え|終了|した|された))"),
        *_inside(
            "future", "ko", rf"연내(?![^.…]{{0,15}}([{_PAST_FINAL}]|완료|마무리|착수|시작|돌입))"
        ),
        *_inside("future", "zh", "下週", "下周", "下個月", "下个月"),
        *_inside("future", "th", "สัปดาห์หน้า", "เดือนหน้า"),
    )
]

_EVERYWHERE: list[_Pattern] = [
    _Pattern("question", "", re.compile(r"[?][\s\"'”’)\]」』]*$")),
]

_PATTERNS: tuple[_Pattern, ...] = (
    *_ENGLISH,
    *_FRENCH,
    *_SPANISH_GERMAN,
    *_KOREAN,
    *_THAI,
    *_JAPANESE,
    *_CHINESE,
    *_KHMER,
    *_DAYS_TO_COME,
    *_EVERYWHERE,
)

_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("ja", re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")),
    ("km", re.compile(r"[\u1780-\u17ff]")),
)


def read_cues(sentence: str) -> list[Cue]:
    """Every cue found in ``sentence``, in order of position."""
    return [cue for _, cue in _cue_hits(sentence)]


def deciding_cue(sentence: str) -> Cue | None:
    """The cue that decides how the sentence reads; None when it has no cue at all.

    Negation and denial decide over condition, condition over question, question over
    allegation, allegation over future, plan and agreement, and those over done; the
    first cue wins among equals. Korean puts the main verb last: a plan or a promise in a
    clause that only describes a noun ("정상회담에서 약속한 구매를 완료했다") is background
    to the report the sentence ends with."""
    return _decide(sentence, _cue_hits(sentence))


def cues_with_deciding(
    sentence: str, own_acts: re.Pattern[str] | None = None
) -> tuple[list[Cue], Cue | None]:
    """``read_cues`` and ``deciding_cue`` together, reading the sentence once.
    ``own_acts``: words that are the act a pledge promises, never a setback of it ("scrap"
    in "Diet OKs bill to scrap the gasoline surcharge", when scrapping it is the pledge)."""
    found = [
        (hit, cue)
        for hit, cue in _cue_hits(sentence)
        if not (own_acts is not None and cue.kind == "negation" and own_acts.fullmatch(cue.text))
    ]
    return [cue for _, cue in found], _decide(sentence, found)


def _decide(sentence: str, found: list[tuple[_Hit, Cue]]) -> Cue | None:
    if not found:
        return None
    strongest = max(found, key=_strength)[1]  # max keeps the first of equals
    last = found[-1][1]
    if last.kind == "done" and last.lang == "ko" and _PRECEDENCE[strongest.kind] <= 1:
        folded = _fold_keeping_length(sentence)
        foreground = [
            cue
            for hit, cue in found
            if cue.kind != "done" and not _KO_ADNOMINAL.match(folded, hit.end)
        ]
        if not foreground:
            return last
    return strongest


def _strength(found: tuple[_Hit, Cue]) -> tuple[int, bool]:
    """A cue's rank; a weak cue yields to another of the same rank ("예정" over "다음 달")."""
    hit, cue = found
    return _PRECEDENCE[cue.kind], not hit.pattern.weak


# 약속한, 합의한, 계획된, 약속했던: the cue ends a clause that describes the next noun
_KO_ADNOMINAL = re.compile(r"(한|된|했던|됐던|하였던)\s")


def _cue_hits(sentence: str) -> list[tuple[_Hit, Cue]]:
    """Every cue in ``sentence`` with where it sits, in order of position. A question in
    quotation marks is quoted, not asked: the ballot's “สมควรมีรัฐธรรมนูญใหม่หรือไม่”, a
    minister's "why now?"."""
    text = _fold_keeping_length(sentence)
    lang = language_of(text)
    quoted = [match.span() for match in _QUOTED.finditer(text)]
    return [
        (
            hit,
            Cue(
                hit.pattern.kind,
                sentence[hit.start : hit.end],
                hit.pattern.lang or lang,
                hit.pattern.setback,
                hit.pattern.lead_up,
            ),
        )
        for hit in _outermost(_hits(text))
        if hit.pattern.kind is not None
        and not (hit.pattern.kind == "question" and _inside_any(hit, quoted))
    ]


# Straight single quotes are left out: they are also apostrophes ("Korea's").
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|「[^」]*」|『[^』]*』|«[^»]*»|‘[^’]*’")


def _inside_any(hit: _Hit, spans: list[tuple[int, int]]) -> bool:
    # A question mark may sit right after the closing quote: "asked “…”?" is still quoted.
    return any(start <= hit.start and hit.end <= end + 1 for start, end in spans)


def is_factual(cue: Cue | None) -> bool:
    """Whether a sentence whose deciding cue is ``cue`` reports something that happened."""
    return cue is None or cue.kind == "done"


def _fold_keeping_length(text: str) -> str:
    """NFKC per character where that keeps one character ("？" → "?"), so positions in
    the folded text are positions in the original."""
    folded = (unicodedata.normalize("NFKC", char) for char in text)
    return "".join(f if len(f) == 1 else c for f, c in zip(folded, text, strict=True))


def language_of(text: str) -> str:
    """The language a cue found in ``text`` is named by: its script's ("ko", "th", "ja"…)."""
    return next((lang for lang, script in _SCRIPTS if script.search(text)), "en")


def _hits(text: str) -> list[_Hit]:
    return [
        _Hit(match.start(), match.end(), pattern)
        for pattern in _PATTERNS
        for match in pattern.regex.finditer(text)
        if match.end() > match.start()
    ]


def _outermost(hits: list[_Hit]) -> list[_Hit]:
    """Hits not lying inside a longer one, by position: "하기로 했다" is one agreement,
    not an agreement and a "했다"; "หรือไม่" is a question, not a negation."""
    kept: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if not any(k.start <= hit.start and hit.end <= k.end for k in kept):
            kept.append(hit)
    return kept
