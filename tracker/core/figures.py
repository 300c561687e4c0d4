"""Read quantitative targets out of task titles and values out of progress narratives (Chinese work-report text).

`targets_from_title("新建区域性居家养老服务中心100个,改造社区养老服务站300个")` gives two Targets;
`read_value(narrative, name, unit)` the figure a narrative gives for one metric with the clause it
stands in (`value_for` the figure alone).  A wrong official figure is worse than a missing one, so
whenever a figure is not clearly the metric's the reader gives nothing ([] or None).

Words, numbers and measure words come from tracker/core/phrases.py (jieba, cn2an): digits, full-width
digits, thousands separators in groups of three, and Chinese numerals that count a measure word
(两个); a measure word as written, magnitude included (12.2万人次 is 12.2 in 万人次), equal to the
metric's unit (2317人次 is none in 人, 50场次 none in 场).  Lists, ranges, ordinals, per-rates and
asides in parentheses give no figure.
Titles: a clause gives a target when a verb leads its name (新建, or any verb word: 募集, 改造提升,
新设; after 年内, 全年, 新), or the figure comes first (完成40个…培育, 为1万名老年人购买…, a bare
20个NAME after a clause that read one), or a floor or level follows a name (数量达到, 不少于, 提高到,
a rate's 达到).  Conditions and durations (60周岁以上, 为期3个月), changes (提高10%), per-head
figures, approximations and ceilings give none.
Narratives: the name (or the name without its verb, or with the verb first: 培训养老护理员 for
养老护理员培训) stands just before the figure, joined only by words such as 已建成, 累计, 8月新建, or
just after the measure word; it begins a word and is not the tail of a longer noun (a verb, scope
word or nothing before it).  When the full name is nowhere, its head word counts once the sentence
has named what it belongs to (社工站…,覆盖率达到100%).  A clause of completion alone (建成投用4个,
其中完工21个) counts for the metric the clause before named without a count done.
Refused: plans, steps of plans and what is only started (计划, 确定, 遴选, 选址, 启动, 开工, 正在),
remainders, changes between a name and its figure, per-head figures, 分别, money for things, one
district's figures, figures shared with another name, and approximations (近, 约, 余, 多, 以上 …).
Totals and months: 累计, 截至, 目前 mark a running total, 本月 or 8月 a month's amount, and an opening
clause (截至目前, 8月以来) the sentences after it.  A cumulative metric wants the total, an increment
metric the month's amount; figures under 其中 give way to others; what remains must be one value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from tracker.core import phrases
from tracker.core.phrases import NUM as _NUM
from tracker.core.phrases import UNITS as _UNITS
from tracker.core.phrases import normalise as _normalise
from tracker.core.phrases import number as _value
from tracker.core.phrases import unit_at as _unit_at
from tracker.core.phrases import unit_is as _unit_is


@dataclass(frozen=True, slots=True)
class Target:
    """One quantitative target that a task title declares."""

    name: str
    target: float
    unit: str
    words: str = field(default="", compare=False)  # the clause of the title it was read from


def _alt(words) -> str:
    # Longest first, so that 新建 is tried before 新 and 人次 before 人.
    return "|".join(sorted({re.escape(w) for w in words}, key=len, reverse=True))


# Dates, ordinals, durations and changes: never a title's target.
_NOT_TARGET = set("年 月 日 周 天 小时 号 届 岁 倍 批 期 ‰ 个百分点 个月 个工作日".split())

# Verbs that may lead a name and are dropped from it.  Nouns that begin with
# a verb-like character (服务中心, 救助站, 登记) are why 服务, 救助 and 登记 are not here.
_VERBS = (
    "新改建 改扩建 新建 新增 新设 改造 改建 扩建 建设 建成 建立 完成 培育 培训 打造 创建 实施 "
    "开展 提供 发放 扶持 安装 配备 设立 开设 增设 增加 招募 吸纳 引进 孵化 实现 落实 推进 推动"
).split()
# Verbs that may stand before a name in a narrative without being part of it.
_NARRATIVE_VERBS = _VERBS + "登记 资助 受理 办理 解决 走访 慰问 帮扶 筹集 举办 投入 拨付 下拨 录入 签订 惠及 覆盖 认定 进行 救助".split()
_SCOPE = "全市 全区 全县 全省 全镇 我市 我区 我县 各区 各县 各地 市级 区级 县级 年内 全年 今年 年度 力争 确保 累计".split()
_TIME = (
    r"\d{1,2}月份?(?:以来|底|末|中旬|上旬|下旬)?|截[至止](?:目前|\d{1,2}月(?:底|末|份)?)"
    r"|目前|至今|今年以来|年初以来|本月|当月|上半年"
)
_APPROX_BEFORE = "近 约 大约 将近 接近 超过 超 逾 不少于 不低于 至少 最多 不足 不到 基本".split()
_APPROX_AFTER = re.compile(r"以上|以下|以内|左右|上下")
_JOINERS = "已经 已 累计 共计 共 总计 合计 总数 数量 个数 数 达到 达 高达 多达 为 有 已有 现有 又 再 了 是 全部 均".split()

_FIG = rf"\d+(?:\.\d+)?(?:余|多)?(?:{_alt(_UNITS)})"
# What may join a name to its figure: 已建成, 累计达到, 8月新建, 6195户 (a pair 户/人).
# Possessive (*+): words are tried longest first and never re-split, which keeps
# a long run of them from taking exponential time.
_JOIN = re.compile(rf"(?:{_TIME}|{_FIG}|{_alt(_JOINERS + _NARRATIVE_VERBS + _APPROX_BEFORE)})*+")
_APPROX_IN_JOIN = re.compile(_alt(_APPROX_BEFORE))
_APPROX_END = re.compile(rf"(?:{_alt(_APPROX_BEFORE)})$")
# What may stand just before a name in its clause (else the name is the tail of another noun).
_LEFT = re.compile(rf"(?:{_TIME}|{_alt(_JOINERS + _NARRATIVE_VERBS + _SCOPE)}|对|向|给|为|并|同时|其中|此外|另外)$")
# What may follow a name that stands after its figure (else the name begins a longer noun).
_RIGHT = re.compile(rf"(?:{_alt(_NARRATIVE_VERBS + _JOINERS)}|的|中|内|等|对|并|正式|陆续|全部"
                    r"|(?:建设|改造|培育|创建)(?:任务|工作)?(?:$|[并已均]))")
_COMPOUND = re.compile(r"和|及(?!时)|与|或")
# `3个服务中心建设资金`: money for some things is no count of them done.
_FUNDS = re.compile(r"(?:建设|改造|运营)?(?:资金|经费|补贴|补助)")
# A name after 和/及/与 shares its figure with the noun before, unless these end a verb (惠及, 参与).
_CONJ_END = re.compile(r"(?<!惠|涉|普|顾|参)(?:和|及|与)$")
# A change (提高10%), refused where it joins a name to its figure, not as the verb before a name (改造提升X).
_CHANGE = re.compile(r"增长|下降|减少|降低|提高|提升|增加|增至|压缩")
_REFUSE = re.compile(
    r"计划|拟|将(?!近)|目标|任务|尚|仍|剩余|还有|还剩|未(?!成年)|正在|在建|开工|待|预计|力争"
    r"|确定|遴选|选定|选址|启动|谋划|储备|摸排|申报|立项"
    r"|(?<![占例])比(?!对)|较|同比|环比|每|人均|户均|平均|分别|缺口"
)
# A running total to date; a sum of what the clause lists (共: within the period, if one is named).
_TOTAL = re.compile(r"累计|截[至止]|至今|目前|今年以来|年初以来")
_SUM = re.compile(r"共计|总计|合计|总数|共")
_PERIOD = re.compile(r"本月|当月|上月|(?<![至止\d\-—~])\d{1,2}月份?(?!底|末)")
_OPENING = re.compile(rf"(?:{_TIME}|{_alt(_SCOPE + _JOINERS)})++")
# `1.重点支持…`, `二、…`: a new section, whose figures no earlier opening governs.
_SECTION = re.compile(r"\d{1,2}[.、]|[一二三四五六七八九十]+、")
# 2-character words ending in 区 or 县 that are not the name of a district.
_NOT_PLACES = set(
    "社区 全区 我区 各区 本区 该区 城区 辖区 小区 园区 景区 片区 街区 市区 山区 灾区 地区 库区 "
    "矿区 林区 牧区 老区 全县 我县 各县 本县 该县 郡县 市县 区县".split()
)

_SENTENCE = re.compile(r"[;；。!！?？\n]")
# A comma between a digit and exactly three digits is a thousands separator.
_CLAUSE = re.compile(r"((?<!\d),|,(?!\d{3}(?!\d))|[，、:：])")
_NAME_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z·]{2,30}")
_GENERIC = set("任务 目标 工作 全年任务 年度任务 进度 总量 项目 资金 机构 人员 对象 中心 基地".split())



def _is_place(text: str) -> bool:
    for m in re.finditer(r"([\u4e00-\u9fff])([区县旗])(?![域级县])", text):
        if m.group(1) + m.group(2) not in _NOT_PLACES:
            return True
    return False


_LEAD = re.compile(
    rf"^(?:{_alt(_VERBS + _SCOPE)}|和|及|与|并|\d{{4}}年(?:底|末)?前?|到\d{{4}}年(?:底|末)?|年底前?)++"
)
_VERB = re.compile(_alt(_VERBS))
_NARRATIVE_VERB = re.compile(_alt(_NARRATIVE_VERBS))


def _strip_lead(name: str) -> tuple[str, bool]:
    """The name without its leading verbs and scope words, and whether a verb was among them."""
    end = 0
    while True:  # list words, then verbs by the word (募集, 改造提升, 新设), then scope words again
        m = _LEAD.match(name, end)
        end = m.end() if m else end
        verbs = phrases.leading_verbs(name[end:], listed_only=end > 0) if len(name) - end > 2 else 0
        if not verbs:
            break
        end += verbs
    # 培训机构 and 建设项目 are nouns: a verb before a generic head word stays.
    if not end or len(name) - end < 2 or name[end:] in _GENERIC:
        return name, False
    lead = name[:end]
    return name[end:], bool(_VERB.search(lead)) or phrases.leading_verbs(lead) > 0 or lead != _LEAD.sub("", lead)


def _variants(name: str) -> list[str]:
    whole = _normalise(name).strip()
    core, _ = _strip_lead(whole)
    swapped = phrases.verb_last(core)  # 养老护理员培训, written 培训养老护理员
    return [v for v in dict.fromkeys((whole, core, swapped or core)) if len(v) >= 2]


# ---------------------------------------------------------------- targets


_TITLE_TRAIL = re.compile(
    rf"(?:{_alt('达到 达 不少于 不低于 至少 共 合计 总数 数量 累计 为 总量 规模 提高到 提升到 提高至 提升至'.split())})++$")
_TITLE_APPROX = re.compile(r"(?:近|约|大约|将近|接近|超过|超|逾|不足|不到|最多|基本)$")
# A change stands right before its figure (提高10%); before a name it is the work (改造提升农村敬老院).
_TITLE_REFUSE = re.compile(r"(?:提高|提升|增长|下降|降低|减少|压缩|缩短)$|(?<![占例])比(?!对)|较|每|人均|户均|平均|分别|由|从|其中")
# A condition or a duration qualifies the name; it is no figure of the title (`60周岁以上`, `为期3个月`).
_CONDITION = re.compile(r"\d+周?岁(?:及以上|以上|以下)?|为期\d+(?:个月|天|年|周)的?")
_FOR = re.compile(r"^(?:为|向|给|对)")
_TITLE_CEILING = re.compile(r"左右|上下|以下|以内")
_RATE = re.compile(r"(?:率|度|比例|比重|占比)$")
_NAME_TAIL = re.compile(r"(?:培育|建设|改造|创建|升级|工作|任务)$")


def _good_name(name: str) -> bool:
    return (bool(_NAME_CHARS.fullmatch(name)) and name not in _GENERIC
            and not any(w in ("的", "和", "及", "与", "或", "以及") for w in phrases.words(name)))


def _title_name(pre: str, after: str, unit: str, inherited: bool = False) -> str | None:
    """The name a figure in a title counts: `新建NAME100个`, `新增3000张NAME`, `为1万名NAME购买…`.

    `inherited`: the clause before read a target, so its verb governs a bare `20个NAME` after it.
    """
    trail = _TITLE_TRAIL.search(pre)
    floor = bool(trail) and ("达" in trail.group() or "到" in trail.group() or "至" in trail.group())
    core = pre[: trail.start()] if trail else pre
    if _FOR.match(core):  # 为困难群众发放NAME: the name is the object of the verb after whom it is for
        ws = phrases.words(core[1:])
        k = next((k for k, w in enumerate(ws) if k and phrases.is_verb(w)), 0)
        core = "".join(ws[k:]) if k else core
    name, verb = _strip_lead(core)
    if unit == "%":  # a percentage is only a target of a named rate
        ok = _RATE.search(name) and (verb or floor)
        return name if ok and _good_name(name) else None
    if core and (verb or (floor and name == core)) and _good_name(name):
        return name
    if core and not verb and "新增" in phrases.words(core)[1:-1] and _good_name(core):  # 城镇新增就业4万人
        return core
    if _FOR.match(pre) and _strip_lead(pre[1:])[0] == pre[1:] and after:  # 为1万名老年人购买…: the name ends at a verb
        ws = phrases.words(after)
        k = next((k for k, w in enumerate(ws) if phrases.is_verb(w) or w in _NARRATIVE_VERBS), len(ws))
        name = "".join(ws[:k])
        return name if k < len(ws) and not pre[1:] and _good_name(name) else None
    if inherited and not pre and after:
        pre = "新建"
    # The figure before the name: all that precedes it is verbs and scope words.
    lead = _LEAD.match(pre)
    if pre and lead and lead.end() == len(pre) and _VERB.search(pre) and not re.search(r"\d", after):
        name = _NAME_TAIL.sub("", after) if len(after) > 4 else after
        # `推动100个社区开展星级社区创建`: a verb inside means the clause goes on past the name.
        return name if _good_name(name) and not _NARRATIVE_VERB.search(name) else None
    return None


def targets_from_title(title: str) -> list[Target]:
    """The quantitative targets a task title declares, in order; [] when none is clear."""
    found: list[Target] = []
    inherited = False
    for clause in _CLAUSE.split(_SENTENCE.sub("，", _normalise(title)))[::2]:
        clause, start = _CONDITION.sub("", clause.strip()), 0
        read = False
        for m in _NUM.finditer(clause):
            i = m.end()
            unit = _unit_at(clause, i)
            base = unit.lstrip("十百千万亿") or unit
            pre, after = clause[start : m.start()], clause[i + len(unit) :]
            if base not in ("年", "月", "日"):  # `2020年底前新建…`: a date belongs to the next name's lead
                start = i + len(unit)
            if (not unit or clause[i : i + 1] in ("余", "多") or base in _NOT_TARGET or after.startswith("/")
                    or _TITLE_APPROX.search(pre) or _TITLE_CEILING.match(after)
                    or _TITLE_REFUSE.search(pre) or _value(m) <= 0):
                continue
            after = after.removeprefix("以上")
            name = _title_name(pre, after if not re.search(r"\d", after) else "", unit, inherited)
            if name:
                found.append(Target(name, _value(m), unit, clause))
                read = True
        inherited = read
    return found


# ---------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class _Hit:
    value: float
    exact: bool
    total: bool  # a running total to date
    period: bool  # the amount of one month
    subset: bool  # under 其中
    shared: bool  # the figure counts this metric together with another
    words: str = ""  # the clause the figure stands in


def _name_before(pre: str, names: list[str]) -> tuple[str, str] | None:
    """(head, join) when `pre` ends NAME [joining words], the name not the tail of another noun."""
    for name in names:
        at = pre.rfind(name)
        while at >= 0:
            head, join = pre[:at], pre[at + len(name) :]
            if _JOIN.fullmatch(join) and (not head or _LEFT.search(head) or phrases.is_verb(
                    phrases.word_before(pre, at) or "")) and not _CHANGE.search(join):
                return head, join
            at = pre.rfind(name, 0, at + len(name) - 1)
    return None


def _name_after(rest: str, names: list[str]) -> str | None:
    """What follows the name when `rest` starts with it and the name does not begin a longer noun."""
    for name in names:
        after = rest[len(name) :]
        if (rest.startswith(name) and not _FUNDS.match(after)
                and (not after or _RIGHT.match(after) or _COMPOUND.match(after))):
            return after
    return None


def _hits_in_clause(clause: str, names: list[str], unit: str, opening: tuple[bool, bool],
                    shared_head: bool) -> list[_Hit]:
    hits: list[_Hit] = []
    for m in _NUM.finditer(clause):
        i, exact = m.end(), True
        if clause[i : i + 1] in ("余", "多"):
            i, exact = i + 1, False
        if not _unit_is(clause, i, unit):
            continue
        end = i + len(unit)
        pre, rest = clause[: m.start()], clause[end:]
        if _APPROX_AFTER.match(rest):
            exact, rest = False, rest[2:]
        before = _name_before(pre, names)
        # NAME [joining words] FIGURE, and the figure not that of a noun after it (`中心2个项目`)
        if before is not None and (not rest or _RIGHT.match(rest) or rest[0].isdigit()):
            head, join = before
            context = head + join + rest
            shared = bool(_CONJ_END.search(head)) or (not head and shared_head)
            exact = exact and not _APPROX_IN_JOIN.search(join)
        elif (after := _name_after(rest, names)) is not None and not _CHANGE.search(pre[-2:]):  # FIGURE UNIT NAME
            context, shared = pre + after, bool(_COMPOUND.match(after))
            exact = exact and not _APPROX_END.search(pre)
        else:
            continue
        if _REFUSE.search(context) or _is_place(context):
            continue
        hits.append(_hit(_value(m), exact, context, opening, shared, clause))
    return hits


def _hit(value: float, exact: bool, context: str, opening: tuple[bool, bool], shared: bool, words: str) -> _Hit:
    total_opening, period_opening = opening
    running = bool(_TOTAL.search(context))
    period = bool(_PERIOD.search(context)) or (period_opening and not running)
    total = running or (not period and (total_opening or bool(_SUM.search(context))))
    return _Hit(value, exact, total, period, "其中" in context, shared, words)


# `累计培训500个` after a clause on centres is not about centres: only verbs of building go unnamed.
_ELIDED_JOIN = re.compile(rf"(?:{_TIME}|{_alt(_JOINERS + '建成 完成 新建 新增 改造 改建 建设 培育 打造 创建'.split())})*+")
# After a clause that names the metric but gives no count of it done (`已开工9个`, `计划新建40个`),
# a clause of completion alone counts for it: `建成投用4个`, `目前已建成28个`, `其中完工21个`.
_DONE_JOIN = re.compile(rf"(?:{_TIME}|其中|{_alt(_JOINERS + '建成投用 投入使用 建成 完工 完成建设 完成'.split())})*+")
_DONE = re.compile(r"建成|完工|完成")
_RATE_JOIN = re.compile(r"(?:已|均|平均)?(?:达到|达|为)")


def _elided(clause: str, unit: str, opening: tuple[bool, bool], unread: bool) -> _Hit | None:
    """`累计建成15个` right after a clause that named the metric: the name is understood."""
    m = _NUM.search(clause)
    if not m or not _unit_is(clause, m.end(), unit):
        return None
    join, rest = clause[: m.start()], clause[m.end() + len(unit) :]
    if rest and not _APPROX_AFTER.fullmatch(rest):
        return None
    total = bool(_TOTAL.search(join)) and bool(_ELIDED_JOIN.fullmatch(join))
    done = unread and bool(_DONE_JOIN.fullmatch(join)) and bool(_DONE.search(join))
    rate = unread and unit == "%" and bool(_RATE_JOIN.fullmatch(join))  # `…覆盖率同比提高5个百分点,达到98%`
    if not (total or done or rate):
        return None
    return _hit(_value(m), not rest and not _APPROX_IN_JOIN.search(join), join, opening, False, clause)


def _opening(clauses: list[str], before: tuple[bool, bool]) -> tuple[bool, bool]:
    """(total, period) for a sentence: set by an opening clause (截至目前, 8月以来), else as before."""
    if _SECTION.match(clauses[0]):
        before = (False, False)
    if len(clauses) < 2 or not _OPENING.fullmatch(clauses[0]):
        return before
    running = bool(_TOTAL.search(clauses[0]))
    return running or bool(_SUM.search(clauses[0])), bool(_PERIOD.search(clauses[0])) and not running


@dataclass(frozen=True, slots=True)
class Reading:
    """A figure read from a narrative, with the words (the clause) it was read from."""

    value: float
    words: str


def value_for(text: str, name: str, unit: str, *, mode: str = "cumulative") -> float | None:
    """The figure a progress narrative gives for the metric (name, unit); None when it is not clearly there.

    `mode` is the metric's: "cumulative" wants the running total, "increment" the month's amount.
    """
    reading = read_value(text, name, unit, mode=mode)
    return reading.value if reading else None


def read_value(text: str, name: str, unit: str, *, mode: str = "cumulative") -> Reading | None:
    """The figure a narrative gives for the metric and the clause it stands in; None when it is not clearly there."""
    if mode not in ("cumulative", "increment"):
        raise ValueError(f"mode must be 'cumulative' or 'increment', not {mode!r}")
    names = _variants(name)
    unit = _normalise(unit).strip()
    if not names or not unit or not text:
        return None
    sentences = [s.strip() for s in _SENTENCE.split(_normalise(text))]
    hits = _hits(sentences, names, unit)
    if not hits:  # `社工站…,覆盖率达到100%`: a metric's head word, once the sentence has named what it belongs to
        hits = _hits(sentences, names, unit, short=_short_names(names))
    return _decide(hits, cumulative=mode != "increment")


def _short_names(names: list[str]) -> list[tuple[str, str]]:
    out = []
    for name in names:
        split = phrases.head_split(name)
        if split and len(split[0]) >= 2 and split[1] not in _GENERIC:
            out.append(split)
    return out


def _hits(sentences: list[str], names: list[str], unit: str, short: list | None = None) -> list[_Hit]:
    hits: list[_Hit] = []
    # An opening such as `8月以来,` governs the sentences after it, up to the next opening or section.
    opening = (False, False)
    for sentence in sentences:
        parts = _CLAUSE.split(sentence)
        clauses, seps = [p.strip() for p in parts[::2]], [""] + parts[1::2]
        opening = _opening(clauses, opening)
        if short is not None:
            names = [head for modifier, head in short if modifier in sentence.split(head)[0]]
            if not names:
                continue
        named = unread = False
        for k, clause in enumerate(clauses):
            # `低保对象、特困人员共计3000人`: a bare name before 、 shares the figure.
            shared_head = (k > 0 and seps[k] == "、" and bool(clauses[k - 1])
                           and not re.search(r"\d", clauses[k - 1]) and not _LEAD.fullmatch(clauses[k - 1]))
            found = _hits_in_clause(clause, names, unit, opening, shared_head)
            if not found and (named or unread):
                elided = _elided(clause, unit, opening, unread)
                found = [elided] if elided else []
            hits += found
            named = bool(found)
            unread = not found and any(n in clause for n in names) and not _is_place(clause)
    return hits


def _decide(hits: list[_Hit], cumulative: bool) -> Reading | None:
    hits = [h for h in hits if not h.subset] or hits
    if cumulative:  # the running total; a month's amount alone is not one
        pool = [h for h in hits if h.total] or [h for h in hits if not h.period]
    else:  # the month's amount; a running total alone is not one
        pool = [h for h in hits if h.period] or [h for h in hits if not h.total]
    if not pool or any(h.shared or not h.exact for h in pool):
        return None
    values = {h.value for h in pool}
    return Reading(pool[0].value, pool[0].words) if len(values) == 1 else None
