"""Whether a figure read for a metric that names a stage of its work (建成, 办结, 开工) is said at that stage.

A metric of things completed (重点项目建成, 办结…事项) takes only a figure its clause says done; a metric of things
started (…项目开工) only one its clause says started, in words other than the things' own name (a batch called
“开工一批” is not said started by its name).  A word of completion that governs another figure after the one read
(203个…项目累计完成投资298.5亿元) says that amount done, not the things counted.  A figure whose sentence goes on to
give the work's progress as a share short of the whole (对24栋民居实施改造,…总体进度达65%) counts the work's scope,
under way, not what is done.  A work set out with no time nor word of it done, that a later clause says done with 已
of the same things (新增便民停车泊位50个,目前已新增…15个), is the task as set, not what is done.
"""

from __future__ import annotations

import re

from tracker.core import figure_roles, phrases
from tracker.core.figure_words import _RATE, CAPACITY, GROUND

# Words by which a clause says that what it counts is done, in place or reached (已建成, 累计, 全部完成…).
_DONE = re.compile(r"已|累计|完成|建成|竣工|完工|投产|投用|投入|运营|开放|达|共计|合计|全部|实现")
# Words that say the work itself is completed, not a step on its way.
_COMPLETES = re.compile(r"建成|完工|竣工|投产|验收|投用|投入使用|投入运营|通水|通车|开放|全部完成|完成\d")
# Words that say tasks done (已完成, 办结, 落实), not set (下达).
_TASKS_DONE = re.compile(r"已|累计|完成|办结|落实|实现")
# A word of completion that qualifies the things a name counts (竣工项目, 完工工程).
_FINISHED_KIND = re.compile(r"竣工|完工")
# A verb that leads a metric's name and says its things are concluded (办结信访事项).
_CONCLUDED = re.compile(r"办结")
# Words that say work is begun (开工, 动工), and what says so of a figure to date (已开工).
_STARTS = re.compile(r"开工|动工|开建")
_STARTED = re.compile(rf"{_STARTS.pattern}|已")


def said_at_stage(words: str, value: float, name: str, text: str = "") -> bool:
    """Whether a figure (`value`, in its clause `words`) is said at the stage the metric's name gives its work: done
    for a name that ends in a word of completion or leads with one of concluding (or whose things are those finished:
    竣工项目…) or counts tasks (a task is set to be done), started for one that ends in a word of starting; any
    figure for a name of no stage or a rate's."""
    ws = phrases.words(name)
    if not ws or _RATE.search(name):
        return True  # (办结率: a rate's level, no count of things at a stage)
    if _COMPLETES.search(ws[-1]) or _CONCLUDED.match(name):
        return bool(_DONE.search(_about(words, value)))
    if any(_FINISHED_KIND.fullmatch(w) for w in ws[:-1]):
        # 竣工项目完成投资: the things are those finished, so their figure's clause must say them finished (共完成投资
        # 30.5亿元 of projects only begun is not theirs)
        return bool(_COMPLETES.search(_about(words, value)))
    if ws[-1] == "任务":
        # 专项行动共2815项工作任务: tasks are set to be done; their count is what is to do, unless said done
        at = text.find(words)
        rest = re.split(r"[,，;；。!！?？\n]", text[at + len(words):])[0] if at >= 0 else ""
        return bool(_TASKS_DONE.search(words + rest))  # (…等48项重点任务全面完成: said done after them)
    if _STARTS.fullmatch(ws[-1]):
        # (已竣工1700套 is no count begun: a clause that says its things finished, and not begun, speaks of another stage)
        things = phrases.normalise(name[: -len(ws[-1])])
        about = _about(words.replace(things, " ") if len(things) >= 2 else words, value)
        return bool(_STARTED.search(about)) and (bool(_STARTS.search(about)) or not _COMPLETES.search(about))
    return True


def heading_begun(text: str, name: str) -> bool:
    """Whether a report whose heading sets a task of starting work (开工改造城镇老旧小区:目标86个,已完成86个) is read for
    a metric of the work finished (…改造完工): what it says done is the start."""
    head = re.match(r"[^:：。]{2,30}[:：]", text.strip())
    ws = phrases.words(name)
    return bool(head and ws and _STARTS.search(head[0]) and not _COMPLETES.search(head[0]) and _COMPLETES.search(ws[-1]))


# The progress of a work as a share of it (总体进度达65%, 完成总工程量的81%, 形象进度为40%).
_PROGRESS = re.compile(r"(?:进度|工程量|工作量)的?(?:已?达到?|为|已完成|完成)?(?P<share>\d+(?:\.\d+)?)%")


# The things a work is carried out on (对24栋民居实施改造, 对12座桥梁进行加固): its scope, done or not.
_UNDERTAKEN = re.compile(r"对\d|实施|进行")


def under_way(text: str, words: str, unit: str) -> bool:
    """Whether a figure (in its clause `words`, not a share nor money) counts the things a work is carried out on, a
    work its sentence goes on to say is under way by a share of progress below the whole (…对24栋民居实施保护性改造,
    目前已完成投资…,总体进度达65%), the clause saying nothing of it done; or any figure whose first part under 其中 is
    under way so (建成保障性住房1721套,其中A地块(828套)已完成总工程量的90%)."""
    if unit == "%" or unit.endswith("元") or words not in text:
        return False
    at = text.index(words) + len(words)
    end = re.search(r"[。!！?？\n]", text[at:])
    rest = text[at: at + end.start()] if end else text[at:]
    # (建成保障性住房2处1721套,其中A地块(828套)已完成总工程量的90%: a part under way, so is the whole)
    part = re.split(r"[,，;；]", rest.lstrip(",，"), 1)[0]
    if part.startswith("其中") and any(float(m["share"]) < 100 for m in _PROGRESS.finditer(part)):
        return True
    # …多项乡村振兴助推工程也在同步推进,维修0.4kV线路1000.52公里: a clause that says works are under way, then one that opens
    # on a verb of work with no subject of its own: the figure is those works' scope
    before = re.split(r"[,，;；:：。!！?？\n]", text[: text.index(words)].rstrip(",，"))[-1]
    if _GOING_ON.search(before) and not re.search(r"\d", before) and "已" not in words and not _DONE.search(words) \
            and phrases.is_verb(phrases.words(words)[0]):
        return True
    if _DONE.search(words) or not _UNDERTAKEN.search(words):
        return False
    return any(float(m["share"]) < 100 for m in _PROGRESS.finditer(rest))


# Words that describe what a project is to be (占地280亩, 主要功能包括…): its ground and contents.
_DESCRIBES = re.compile(rf"{GROUND}\d|主要功能|建设内容|设计规模")
_SAID_WHEN = re.compile(r"截[至止]|目前|至今|以来|\d{1,2}月|本月|当月")


# A yearly or daily capacity that qualifies a facility (年出栏3万只白鹅的养殖场, 日处理500吨的污水处理厂).
_CAPACITY = re.compile(rf"{CAPACITY}\d[\d,.]*[^\d,，、;；。]{{1,8}}?的")


def described(text: str, words: str) -> bool:
    """Whether a figure describes what a thing is to be or can do, not what is done: it stands in a sentence that
    describes a project (its ground, 占地280亩, or contents) and says nothing done nor when (总部经济园工程占地280亩,总部
    办公楼70幢,…总投资12.8亿元。), or it is the yearly capacity of a facility (年出栏3万只白鹅的现代化养殖场建成投产)."""
    at = text.find(words)
    if at < 0 or _CAPACITY.search(words):
        return at >= 0
    start = max(text.rfind(c, 0, at) for c in "。!！?？\n") + 1
    end = re.search(r"[。!！?？\n]", text[at:])
    sentence = text[start: at + end.start()] if end else text[start:]
    return bool(_DESCRIBES.search(sentence)) and not _DONE.search(sentence) and not _SAID_WHEN.search(sentence)


# A clause that ends saying its works are under way (正在推进, 也在同步推进, 正加快实施).
_GOING_ON = re.compile(r"(?:正在|[正也均]?在|正)(?:同步|加快|加速|全力|有序|稳步|紧张)?(?:推进|实施|施工)(?:中|当中)?$")


def _about(words: str, value: float) -> str:
    """The words of a clause that may say something of its figure `value`: those after a later figure's (203个…累计完成
    投资298.5亿元: 累计完成 governs 298.5) are of that one."""
    nums = list(phrases.NUM.finditer(words))
    at = next((m for m in nums if phrases.number(m) == value), None)
    later = [m for m in nums if at is not None and m.start() > at.end()]
    return words[: at.end()] + words[later[-1].end():] if later else words



# What ties a clause's figure to a time or a state, or says it done (已, 了, 累计, 截至, 8月): no work as set.
_STATED = re.compile(r"已|了|累计|截[至止]|目前|现|至今|以来|\d{1,2}月|本月|当月|季度|半年|(?<!公)共|合计|总[数量计]")
# The year's task said done, with no figure (已完成全年目标任务, 提前完成年度任务).
_TASK_DONE = re.compile(r"(?:已经|已|均已|全面)*完成(?:了)?(?:全年|年度|今年)(?:的)?(?:目标)?任务")
# An item of a list of tasks quoted as it was set (四是“…”).
_QUOTED_ITEM = re.compile(r"[一二三四五六七八九十]+是[“\"](?P<task>[^”\"]+)[”\"]")
# The label a report puts before its progress (进展:, 截至6月底进展:, 进展情况:).
_PROGRESS_LABEL = re.compile(r"进展(?:情况)?[:：]")
# A later clause that speaks of a part or of others (其中, 另有, 其余).
_OTHERS = re.compile(r"^(?:其中|另|其余|剩余)")


def set_then_done(text: str, words: str, unit: str) -> bool:
    """Whether a figure (in its clause `words`, its sentence tying it to no time nor saying it done) is the work as
    set: a later clause of the report says the same work done, with 已, of the same things (新增便民停车泊位50个,目前已
    新增英才路路边便民停车泊位15个; 建成投用服务点2处。…服务点已于2月建成投用) and no figure of the unit larger
    (a total of more than the task), or right after it the year's task said done with no figure (…,已完成全年目标
    任务), or the report labels its progress after it (…安装空调300台。截至6月底进展:…: the label's first).  Departments set out the task first, then what of it is done."""
    at = text.find(words)
    if at >= 0 and any(q.start("task") < at + len(words) <= q.end("task") for q in _QUOTED_ITEM.finditer(text)):
        return True  # 四是“…标准分别提高到1820元/人/月和1110元/人/月”,…已按新标准发放: the item quoted as it was set
    start = max(text.rfind(c, 0, at) for c in "。!！?？\n:：") + 1
    if at < 0 or _STATED.search(text[start: at + len(words)]):
        return False
    labels = [m.start() for m in _PROGRESS_LABEL.finditer(text)]
    if labels and labels[0] >= at + len(words):
        return True  # 为教室安装空调300台。截至6月底进展:已完成施工招标: what stands before the progress label is the task
    value = max((phrases.number(m) for m in phrases.NUM.finditer(words) if phrases.unit_is(words, m.end(), unit)), default=None)
    clauses = [c for c in re.split(r"[,，。;；!！?？\n]", text[at + len(words):]) if not _OTHERS.match(c)]
    if _TASK_DONE.fullmatch(next((c for c in clauses if c.strip()), "").strip()) and not _COMPLETES.search(words) \
            and "完成" not in words:  # (超额完成 says more was done than the task: the figure is what was)
        return True  # 新增760张养老床位,已完成全年目标任务: the task, said done with no figure of what was done
    for verb in figure_roles.work_verbs(words):
        things = re.sub(rf"\d[\d,.]*(?:万|亿)?{re.escape(unit)}", "", words[words.find(verb) + len(verb):]).strip("的")
        if value is None or len(things) < 2 or re.search(r"[\d,，]", things):
            continue
        done = re.compile(rf"已(?:经)?(?:于[^,，。;；、]{{1,10}}?)?{re.escape(verb)}")
        if any(done.search(c) and things in c and all(phrases.number(n) <= value for n in phrases.NUM.finditer(c)
                                                     if phrases.unit_is(c, n.end(), unit)) for c in clauses):
            return True
    return False
