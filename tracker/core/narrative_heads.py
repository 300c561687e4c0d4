"""The task restated at the head of a progress report: departments open with the task (建设口袋公园30个:…, 开设爱心
暑托班30个。…) before what is done of it, so the figure of such a heading is the plan, not the value.
"""

from __future__ import annotations

import re

from tracker.core import figure_roles, narrative_walk, phrases
from tracker.core.figure_stage import _DONE
from tracker.core.figure_words import _IN_SERVICE, _JOINERS, _REFUSE, _SCOPE, _SECTION, _TIME
from tracker.core.phrases import normalise as _normalise
from tracker.core.phrases import unit_is as _unit_is

# The end of a narrative's opening clause, and the marks by which a clause ties its figure to a time or says it done.
_CLAUSE_END = re.compile(r"(?<!\d),|,(?!\d{3}(?!\d))|[，:：;；。!！?？\n]")  # (2,000盏: a figure's comma)
_MARKED = re.compile(rf"{_DONE.pattern}|截[至止]|目前|现|至今|以来|\d{{1,2}}月|本月|当月|季度|半年|底|同比|较")
_STEP_CLAUSE = re.compile(r"(?<!\d),|,(?!\d{3}(?!\d))|[，、:：;；。!！?？\n]")  # (1,425个: a figure's comma)
# Verbs that report what came of work (新增, 增加) or what there is (共有), not the work to do.
_OUTCOME = frozenset("新增 增加 增长 共有 拥有 现有 保持".split())
# A clause that is no step of the task: a part of it or the rest (其中, 另有), the task itself (完成年度任务), or what
# will be (建成后可新增, 预计).
_NO_STEP = re.compile(r"^(?:其中|其余|剩余|另有|另外)|任务|目标|后可|预计|计划|将")


# A numbered heading's verb that only names the task (2.完成100所学校改造。).
_HEADING_VERB = re.compile(r"^完成")

def task_head(text: str, value: float, unit: str, name: str) -> frozenset | None:
    """Whether a figure is the task restated at the head of the report: it is the one of the narrative's opening
    clause (or repeats it), which names the work to do (a verb of work, or a heading that a colon ends) and ties it to no time
    nor says it done, and a clause after it reports a step or result of that work (a figure of the unit said done,
    no larger than the task's, of the same things: the clause names none of its own, or names the metric's head
    noun; 建成托育服务中心7个 after 开办爱心托管班412个 counts other things in the same measure word).  Departments open with the task before what is done of it, so the figure is the
    plan, not the value; a total of all years after it (larger), a part of it (其中) or the rest is no such report.
    A level (%) is held, not built, and a count of what is begun (新开工2,180套) is what it says: no task of this kind.  The task's verbs of work when it is one, else None."""
    text = text.lstrip()
    opening = opening_clause(text)
    end = len(_CLAUSE_END.split(text, 1)[0])
    heading = colon_heading(text)
    if heading and unit != "%" and any(_unit_is(heading, m.end(), unit) and phrases.number(m) == value
                                       for m in phrases.NUM.finditer(heading)):
        return figure_roles.work_verbs(heading) - _OUTCOME  # 新建未来社区4个,完成30个…整治:…: the tasks, restated
    if _numbered_item(text, value, unit):
        return frozenset()  # (四)金融业增加值增长6%。…: the task's item restated, a level's as a count's
    if unit == "%" or narrative_walk.begun(name) or not any(_unit_is(opening, m.end(), unit) and phrases.number(m) == value
                              for m in phrases.NUM.finditer(opening)):
        return None
    work = figure_roles.work_verbs(opening) - _OUTCOME
    head = (phrases.head_split(name) or ("", name))[1]
    numbered = _SECTION.match(opening)
    if _MARKED.search(_HEADING_VERB.sub("", opening[numbered.end():]) if numbered else opening) or not (
            work or text[end:end + 1] in ":："):
        return None
    if (work and text[end:end + 1] in ("。", "\n") and text[end + 1:].strip() and "了" not in opening
            and len(phrases.NUM.findall(opening[numbered.end():] if numbered else opening)) == 1):
        # 开设爱心暑托班30个。成立工作专班…: a sentence of one work and its one figure alone, with no time nor word of
        # it done (已, 了), that more of the report follows is its heading, the task; a numbered heading
        # (3.完成…改造。) may lead with 完成, the verb of the task as set.
        return work
    for clause in _STEP_CLAUSE.split(_normalise(text[end:])):
        if _NO_STEP.search(clause) or not _DONE.search(clause):
            continue
        if any(_unit_is(clause, m.end(), unit) and phrases.number(m) <= value and head in _things(clause, m, unit, head)
               for m in phrases.NUM.finditer(clause)):
            return work
    return None


# A report's numbered item ((四), （二）, 3., 二、) and its first sentence.
_ITEM = re.compile(rf"\s*(?:[(（][一二三四五六七八九十\d]{{1,3}}[)）]|{_SECTION.pattern})([^。!！?？\n]+)[。!！?？\n]")


def _numbered_item(text: str, value: float, unit: str) -> bool:
    """Whether a figure is the one of a report's numbered item whose first sentence is a single clause of a single
    figure that says nothing done nor when, before more of the report ((四)金融业增加值增长6%。…, 2.新建公厕20座。…): a
    report on tasks heads each with the task as set, so its figure is the target, not what came of it."""
    m = _ITEM.match(text)
    if not m or not text[m.end():].strip() or _CLAUSE_END.search(m[1]) or _MARKED.search(_HEADING_VERB.sub("", m[1])):
        return False
    figures = list(phrases.NUM.finditer(m[1]))
    return len(figures) == 1 and _unit_is(m[1], figures[0].end(), unit) and phrases.number(figures[0]) == value


def _things(clause: str, m: re.Match, unit: str, head: str) -> str:
    """What a figure of a clause counts: the noun the clause gives it, after the last verb before it (建成托育服务中心7个)
    or after its measure word (建成7个托育服务中心); `head` where it gives none of its own (已建成并通过验收5个,
    已完成招标120公里: a step's verbal noun is no thing)."""
    ws = phrases.words(re.sub(_TIME, "", clause[: m.start()]))
    last = max((k for k, w in enumerate(ws) if _verb_like(w)), default=-1)
    after = phrases.words(clause[m.end() + len(unit):])
    nouns = [w for w in ws[last + 1:] + after[: next((k for k, w in enumerate(after) if _verb_like(w)), len(after))]
             if w not in _JOINERS and w not in _SCOPE and w != "的"]
    named = "".join(nouns)
    return named if len(named) >= 2 and not _REFUSE.fullmatch(named) else head


def _verb_like(word: str) -> bool:
    """A verb that may govern a thing (建成, 验收, 选址, 开放), not one that joins a thing to its figure (达到, 共计)."""
    return (phrases.is_verb(word) or bool(_REFUSE.fullmatch(word)) or word in _IN_SERVICE) and word not in _JOINERS


def colon_heading(text: str) -> str:
    """The heading a colon ends at the head of a report, of up to three clauses that say nothing done nor when (a
    clause's opening 完成 is the task's verb: 新建未来社区4个,完成30个…整治:), else ''."""
    head = re.match(r"[^。!！?？\n:：;；]{4,80}[:：]", text)
    clauses = re.split(r"[,，]", _normalise(head[0][:-1])) if head else []
    if not head or len(clauses) > 3 or any(_MARKED.search(_HEADING_VERB.sub("", c)) for c in clauses):
        return ""
    return _normalise(head[0])


def opening_clause(text: str) -> str:
    """The narrative's opening clause, normalised."""
    return _normalise(_CLAUSE_END.split(text.lstrip(), 1)[0])
