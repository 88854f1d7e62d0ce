"""Steps: how far along a process a sentence says things have gone.

A sentence model cannot tell "the cabinet approved the budget" from "parliament enacted the
budget", nor "the charter plane left Incheon" from "the workers landed at Incheon": the
words are the same, the step differs. The news reports such processes in a few standard
steps, named with a few standard verbs in every language, so the step is read here by word
lists: a journey departs, then arrives; a law, a budget or an order is drafted, approved
by the cabinet or submitted, passed by a first chamber, enacted, promulgated or signed,
and takes effect.

The judge compares the step a sentence reports with the step the pledge's "fulfilled"
statements name: before it is progress, at or past it is fulfilment. Pure; no I/O.

A more specific phrase hides the general one it contains: "passed the lower house" is the
first chamber, not the whole parliament's "passed"; "귀국길에 올랐다" sets off home, it
does not arrive.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

Process = Literal["journey", "law"]


@dataclass(frozen=True)
class Step:
    process: Process
    rank: int  # higher is further along
    name: str
    text: str  # the words found, to show an editor


@dataclass(frozen=True)
class _Words:
    process: Process
    rank: int
    name: str
    regex: re.Pattern[str]


def _words(process: Process, rank: int, name: str, latin: str, inside: str) -> _Words:
    """Latin words match whole words; Korean, Japanese, Chinese and Thai ones inside words,
    as their particles and endings attach to them."""
    parts = [rf"\b(?:{latin})\b"] if latin else []
    parts += [inside] if inside else []
    return _Words(process, rank, name, re.compile("|".join(parts), re.IGNORECASE))


# Most specific first: a match hides the later, more general patterns over the same words.
_STEPS = (
    # A journey: under way, then there.
    _words(
        "journey",
        1,
        "departed",
        r"depart(s|ed|ing)?|departure|left for|leaves? for|leaving for|took off|takes? off|"
        r"set off|sets off|head(s|ed|ing)? (home|back)|board(s|ed|ing)?|en route|"
        r"on (their|its|the) way|bound for|d[ée]coll[ée]e?s?|s'envole|embarqu[ée]e?s?",
        r"귀국길|귀국 길|귀환길|출발|떠났|떠나|이륙|탑승|帰国の途|出発|離陸|搭乗|起飛|起飞|"
        r"啟程|启程|出發|出发|ออกเดินทาง|ขึ้นเครื่อง|เหินฟ้า|ออกจากสนามบิน",
    ),
    _words(
        "journey",
        2,
        "arrived",
        r"arriv(e|es|ed|ing|al)|lands|landed|land (at|in)|touch(es|ed) down|return(s|ed)? home|"
        r"back home|came home|come home|home at last|reunited|arriv[ée]e?s?|atterri|"
        r"de retour|rentr[ée]e?s?",
        r"도착|착륙|귀국했|귀국한|귀환했|귀환한|돌아왔|입국했|품에 안|到着|着陸|帰国した|"
        r"帰国し|帰還|抵達|抵达|返抵|降落|回到|ถึงสนามบิน|เดินทางถึง|กลับถึง|ลงจอด|ถึงบ้าน",
    ),
    # A law or a budget: drafted, approved by the cabinet or submitted, passed by a first
    # chamber, enacted, promulgated, in force.
    _words(
        "law",
        2,
        "first chamber",
        r"(passe[sd]?|pass(es|ed)? through|clear(s|ed)?|approve[sd]?|adopt(s|ed)?) "
        r"(by |in )?the (lower house|house of representatives|national assembly)|"
        r"lower house (passe[sd]|approve[sd]|vote[sd])|first reading|"
        r"adopt[ée]e?s? en premi[èe]re lecture|premi[èe]re lecture",
        r"중의원[^\s,.]{0,4} ?(본회의[를를]? ?)?(통과|가결)|하원[^\s,.]{0,4} ?(통과|가결)|"
        r"衆院[^、。]{0,4}(通過|可決)|衆議院[^、。]{0,4}(通過|可決)|眾議院通過|众议院通过|"
        r"วาระแรก|วาระที่ 1|วาระที่หนึ่ง|รับหลักการ",
    ),
    _words(
        "law",
        3,
        "enacted",
        r"enact(s|ed)?|became law|becomes law|final (approval|passage|vote)|"
        r"passe[sd]? (the )?(upper house|senate|house of councillors|parliament|the diet|"
        r"into law)|clear(s|ed)? (the )?(upper house|parliament|the diet)|"
        r"adopt[ée]e?s? d[ée]finitivement|d[ée]finitivement adopt[ée]e?s?|adoption d[ée]finitive",
        r"참의원[^\s,.]{0,4} ?(본회의[를를]? ?)?(통과|가결)|최종 통과|국회[^\s,.]{0,4} ?"
        r"(본회의[를를]? ?)?통과|본회의[를를]? ?통과|성립|参院[^、。]{0,4}(通過|可決)|"
        r"参議院[^、。]{0,4}(通過|可決)|成立|三讀|三读|ผ่านวาระสาม|วาระที่ 3|วาระสาม",
    ),
    _words(
        "law",
        1,
        "cabinet or submitted",
        r"cabinet (approv(es|ed|al)|endorse[sd]|adopt(s|ed))|"
        r"approved by (the )?cabinet|submit(s|ted)? (it |the \w+ )?to (parliament|the diet|"
        r"the national assembly)|tabled|conseil des ministres",
        r"국무회의[^\s,.]{0,4} ?(의결|통과)|각의 ?결정|국회(에)? 제출|閣議決定|国会に提出|"
        r"國會提出|(内阁|內閣)[^，。、,]{0,8}(通过|通過|批准)|"
        r"ครม\.? ?(มีมติ ?)?(เห็นชอบ|อนุมัติ|เลือก|ไฟเขียว)",
    ),
    _words(
        "law",
        5,
        "in force",
        r"took effect|has taken effect|came into (force|effect)|entered into force|"
        r"(is|are|was|were) now in (force|effect)|went into effect|"
        r"(est|sont) entr[ée]e?s? en vigueur",
        r"시행됐|시행되었|시행에 들어갔|발효됐|발효되었|施行された|発効した|生效|"
        r"มีผลบังคับใช้แล้ว",
    ),
    _words(
        "law",
        4,
        "promulgated",
        r"signed into law|sign(s|ed) (the )?(bill|law)|"
        r"sign(s|ed) (an |the )?(executive )?(order|decree)|promulgat(es|ed|ion)|royal assent|"
        r"published in the (official journal|gazette|federal register)|journal officiel|"
        r"promulgu[ée]e?s?",
        r"공포|公布|ราชกิจจา|โปรดเกล้า",
    ),
    _words(
        "law",
        0,
        "draft",
        r"draft|bill|proposed|projet de (loi|budget)|proposition de loi",
        r"예산안|추경안|법안|개정안|초안|予算案|法案|改正案|草案|預算案|预算案|ร่าง",
    ),
    _words(
        "law",
        3,
        "passed",
        r"passe[sd]|approved by parliament|vot(é|ée|és|ées)|adopt(é|ée|és|ées)",
        r"통과|가결|可決|通過|通过|過關|ผ่านสภา|ผ่านร่าง",
    ),
)


def steps_in(text: str) -> Iterator[Step]:
    """Every step the text names, a specific phrase hiding the general ones inside it."""
    taken: list[tuple[int, int]] = []
    for words in _STEPS:
        for match in words.regex.finditer(text):
            span = match.span()
            if any(start < span[1] and span[0] < end for start, end in taken):
                continue
            taken.append(span)
            yield Step(words.process, words.rank, words.name, match.group(0))


def furthest(text: str) -> dict[Process, Step]:
    """The furthest step the text names in each process."""
    found: dict[Process, Step] = {}
    for step in steps_in(text):
        if step.process not in found or step.rank > found[step.process].rank:
            found[step.process] = step
    return found
