"""A figure's things as the subject of what is said of them: in the clause after it, or after them in its own.

`200处卫生服务机构创建工作,正在进行审查确认`: the first clause is a topic (a figure and the things or the work it
counts, with no verb of its own); what it says of them is in the clause after, which opens with the state and so has no subject of its own.  When
that predicate says the work is under way, planned or waiting (正在, 计划, 待, 尚未), the figure counts the things the
work concerns, not what is done.  Used by tracker/core/narrative_walk.py.

`…等16个项目在4月份实现开工`, `6个污水处理厂已通过验收并投入运营`: the things and their figure first, the work
done to them after, in the same clause; tracker/core/narratives.py writes such a clause name first
(`predicate_after`) before the narrative is walked.

`收入和支出分别达4.78亿元、20.2亿元,分别增长6.9%、0.8%`: levels, then their growths as a list; for a growth metric
tracker/core/narratives.py writes each growth in its level's place (`growths_each`), where its thing is named.
"""

from __future__ import annotations

import re

from tracker.core import phrases
from tracker.core.figure_clauses import _DONE_AFTER, subjectless
from tracker.core.figure_words import _BEGUN, _DONE, _IN_SERVICE, _SCOPE, _TIME, _strip_lead, growth_metric

# What a predicate says of work not done yet: under way, planned, waiting, not begun.
_NOT_YET = re.compile(r"(?:目前|现在|现|均|都|全部|仍|还)*(?:正在|正处于|仍在|尚在|尚未|尚|未(?!成年)|待|拟|计划|将(?!近)|筹备|在建)")


def _verbless(clause: str, names: list[str]) -> bool:
    """Whether a clause, the metric's name taken out, has no verb: a figure and what it counts, no predicate."""
    for n in sorted(names, key=len, reverse=True):
        clause = clause.replace(n, " ")
    rest = re.sub(_TIME, " ", clause)
    if "已" in rest or _DONE.search(rest):
        return False
    return not any(phrases.is_verb(w) or w in _IN_SERVICE for w in phrases.words(rest) if w.strip() and w not in _SCOPE)


def predicate_unfinished(clause: str, after: str, names: list[str]) -> bool:
    """Whether `clause` is a topic whose predicate, the clause `after` it, says the work is not done yet."""
    # (the predicate opens with the state, so it has no subject of its own: its subject is the topic)
    return bool(_NOT_YET.match(after)) and not re.search(r"\d", after) and _verbless(clause, names)


# What may stand between a figure's things and the predicate that says what was done to them: 已, 均, 全部 (100%: all of
# them), as planned or with success (顺利, 成功, 如期, 按期), a month
# (在4月份), 实现 (…等31个项目实现新开工).
_BETWEEN = re.compile(r"(?:已经|已|均|全部|100%|都|顺利|成功|如期|按期|实现|[在于]?(?:\d{1,2}[-—~至])?\d{1,2}月份?|今年|年内)*")
# A predicate that says the things are finished or in use (已通过验收并投入运营, 建成投产, 全部完工): the words of
# completion a clause may put after its figure, after an acceptance passed, or a plant's start of production.
_FINISHED = re.compile(rf"(?:通过(?:竣工)?验收并?)?(?:{_DONE_AFTER.pattern}|(?:建成)?投产)")
_THING = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


def _noun_and_work(name: str) -> tuple[str, str] | None:
    """A metric's name cut into the things it counts and the work it names of them, leading (新开工项目) or
    trailing (项目建成投产, 污水处理厂建设启用); None where it names no work or too little of a thing."""
    ws = list(phrases.words(name))
    work = [w for w in ws if _work_word(w)]
    k = 0
    while k < len(ws) and _work_word(ws[k]):
        k += 1
    j = len(ws)
    while j > k and _work_word(ws[j - 1]):
        j -= 1
    noun = "".join(ws[k:j])
    if not work or (k and j < len(ws)) or len(noun) < 2 or any(_work_word(w) for w in ws[k:j]):
        return None
    return noun, "".join(ws[:k] + ws[j:])


def _work_word(word: str) -> bool:
    return len(word) >= 2 and (phrases.is_verb(word) or bool(_DONE.search(word)) or word in _IN_SERVICE
                               or bool(re.fullmatch(r"新?开工|投产|启用", word)))


def predicate_after(text: str, name: str, unit: str) -> str:
    """The text with a figure of the metric's things whose clause then says the metric's work was done to them
    (…等16个项目在4月份实现开工, 6个污水处理厂已通过验收并投入运营, 73个项目建成投产, 13个小区改造工程全部完工)
    written name first, as a report writes it (4月份新开工项目16个): the things are the subject, the predicate after
    them the work done.  So is a part of a whole that has it done (59个项目已有31个开工建设).  The predicate is the
    metric's own verb (开工 for 新开工, or it with 建设 after) or, for a metric of building or putting to use, one
    that says the things are finished; a clause with words of its own between the things and the predicate, or
    things of a kind the metric lacks (重大项目 for 项目), is left as written."""
    split = _noun_and_work(name)
    if not split or not unit:
        return text
    noun, work = split
    own = [work, work.removeprefix("新")]
    begun = bool(_BEGUN.search(work))
    finished = "" if begun else rf"|(?=[\u4e00-\u9fff]){_FINISHED.pattern}"  # (never empty)
    verb = rf"(?P<verb>(?:{'|'.join(map(re.escape, own))})(?:建设)?{finished})"
    end = r"(?=[,，、;；。\n]|$)"
    figure, u = r"\d[\d,]*(?:\.\d+)?", re.escape(unit)
    # 115个早期棚改小区实施维修改造…34个小区已经完工: after the things are named whole, their head noun names them.
    head = phrases.words(noun)[-1]
    nouns = noun if len(head) < 2 or head == noun else rf"{re.escape(noun)}|{re.escape(head)}"
    at = text.find(noun)
    said = re.compile(rf"(?P<n>{figure}){u}(?:{nouns})(?:{re.escape(work)}[\u4e00-\u9fff]{{0,2}}?)?"
                      rf"(?P<mid>{_BETWEEN.pattern}){verb}{end}")
    part = re.compile(rf"(?<={u}{re.escape(noun)})(?P<mid>中?[,，]?(?:目前|现)?已有)(?P<n>{figure}){u}{verb}{end}")

    def again(m: re.Match) -> str:
        if not m["verb"]:
            return m.group()
        finished = not any(m["verb"].startswith(o) for o in own)
        time = "".join(re.findall(r"\d{1,2}[-—~至]?\d{0,2}月份?|今年|年内", m["mid"]))
        done = "已" if "已" in m["mid"] or finished else ""
        return f",{time}{done}{name}{m['verb'] if finished else ''}{m['n']}{unit}"

    def first(m: re.Match) -> str:
        start = m.start()
        if start and _THING.match(m.string[start - 1]) and not m.string[:start].endswith(("等", "的")):
            return m.group()  # (2个…: the figure is inside a longer phrase; after 等 or 的 it begins one, 总投资5亿元的3个项目)
        if noun not in m.group() and not 0 <= at < start:
            return m.group()  # (the head noun alone only after the things were named whole)
        return again(m)

    return part.sub(again, said.sub(first, text))



def other_predicate(words: str, name: str, unit: str) -> bool:
    """Whether a metric read by its name without the verb that leads it (企业 of 退市企业) is read a figure whose things
    a predicate of their own follows (240家企业实现IPO): the things did that, not the name's work."""
    core = _strip_lead(name)[0]
    if core == name or name in words or name[: -len(core)] in words:
        return False
    m = re.search(rf"\d[\d,.]*{re.escape(unit)}{re.escape(core)}(?P<rest>[\u4e00-\u9fff].*)?$", words)
    rest = re.sub(r"^(?:已经|已|均|全部|都)+", "", m["rest"] or "") if m else ""
    ws = phrases.words(rest) if rest else ()
    return bool(ws) and (phrases.is_verb(ws[0]) or ws[0] in _IN_SERVICE or bool(_DONE.match(rest)))


# 地区生产总值增长7.0%,达394.2亿元: a growth, then the level it came to in a clause of its own.
_GROWTH_THEN_LEVEL = re.compile(r"((?:同比)?(?:增长|下降)\d+(?:\.\d+)?%)[,，](达到?\d[\d,]*(?:\.\d+)?[^\d\s,，;；。、:：]{1,4})(?=[,，;；。\n]|$)")


def level_first(text: str) -> str:
    """The text with a level said after its thing's growth (地区生产总值增长7.0%,达394.2亿元) written before it
    (地区生产总值达394.2亿元,增长7.0%), as a report mostly writes it: both are the thing's, the growth after its figure."""
    return _GROWTH_THEN_LEVEL.sub(r"\2,\1", text)


def growth_of(before: str, name: str) -> bool:
    """Whether a clause right before a growth with no noun of its own (增长50%) is still the subject the growth metric
    names: it names no thing of its own (1—9月完成428.3亿元), nor another kind of the metric's (旅游直接收入8000万元 for
    旅游总收入增长); 其中…接待游客60万人 names its own."""
    thing = re.sub(r"(?:同比)?(?:增长|下降|增速|增幅)$", "", name)
    return subjectless(before) and not (len(thing) >= 3 and thing[-2:] in before)


# 收入和支出分别达4.78亿元、20.2亿元,分别增长6.9%、0.8%: a list of growths (分别 or not) after a list of levels.
_RATE = r"-?\d+(?:\.\d+)?%"
_GROWTHS = re.compile(rf"[,，]?(?:同比|同口径|比上年)?(?:分别)?(?:增长|增加)了?(?P<rates>{_RATE}(?:[、和及]{_RATE})+)")
# The verb of the level a growth stands in place of (达到4.78亿元, 突破3000亿元).
_LEVEL_VERB = re.compile(r"(?:分别)?(?:达到?|突破|实现|完成|为|是)?$")


def growths_each(text: str, name: str, unit: str) -> str:
    """For a growth metric (地区生产总值增长 in %): the text with a list of growths after as many levels given each to
    its own level's thing, in order (引进内资253.1亿元、实际利用外资1830万美元,分别增长51.6%、144%: 实际利用外资增长144%;
    收入和支出分别达4.78亿元、20.2亿元,分别增长6.9%、0.8%: 收入和支出分别增长6.9%、0.8%, the list the names give), as
    a report means it; the text as it is where the levels of the sentence are not exactly as many, or for another
    metric."""
    if not growth_metric(name, unit) or not _GROWTHS.search(text):
        return text
    plain = phrases.normalise(text)
    sentences = re.split(r"(?<=[。;；\n])", plain)
    out = [_each(s) for s in sentences]
    return "".join(out) if out != sentences else text


def _each(sentence: str) -> str:
    m = _GROWTHS.search(sentence)
    if not m:
        return sentence
    rates, head = re.findall(_RATE, m["rates"]), sentence[: m.start()]
    figures = [(f, u) for f in phrases.NUM.finditer(head) if (u := phrases.unit_at(head, f.end()))]
    if len(figures) != len(rates) or any(u == "%" for _, u in figures):
        return sentence
    gaps = [head[a.end() + len(u): b.start()] for (a, u), (b, _) in zip(figures, figures[1:])]
    if all(re.fullmatch(r"[、和及]", g) for g in gaps):
        # 分别达到9807元和18817元: the levels are a list of their own, which the growths take the place of
        first, (last, unit) = figures[0][0], figures[-1]
        start = _LEVEL_VERB.search(head[: first.start()]).start()
        return head[:start] + "分别增长" + "、".join(rates) + head[last.end() + len(unit):] + sentence[m.end():]
    parts, at = [], 0
    for (f, u), rate in zip(figures, rates):
        before = head[at: f.start()]
        parts += [before[: _LEVEL_VERB.search(before).start()], "增长" + rate]
        at = f.end() + len(u)
    return "".join(parts) + head[at:] + sentence[m.end():]
