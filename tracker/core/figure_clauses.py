"""One clause of a progress narrative: whether it binds a figure to a metric's name, and what its words say of
the figure's role (a running total, the month's amount, a state, a plan step).

The narrative reader (tracker/core/narratives.py) walks the sentences and clauses; this module reads one
clause at a time: NAME [joining words] FIGURE, FIGURE UNIT NAME, a clause whose name is understood from
the clause before (`累计建成15个`), the month's amount a clause with no name gives of what was just counted
(`较上月增加21处`, `9月份无新增`), and the opening of a sentence that sets the time of those after it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from tracker.core import figure_roles, narrative_names, phrases
from tracker.core.figure_words import (
    _APPROX_AFTER, _CHANGE, _COMPOUND, _CONJ_END, _COUNTED_NEXT, _DATED, _DONE, _FUNDS, _GROWTH_WORDS, _IN_SERVICE,
    _JOIN, _JOINERS, _LEFT, _MANNER, _NARRATIVE_VERBS, _OPENING, _PERIOD, _REFUSE, _RIGHT, _SCOPE, _SECTION, _SPAN,
    _TIME, _TOTAL, _YEAR, _alt, _approx_end, _approx_in, _is_place, _sum_in, growth_metric, step_means,
    telling,
)
from tracker.core.phrases import NUM as _NUM, number as _value, unit_is as _unit_is


@dataclass(frozen=True, slots=True)
class _Hit:
    value: float
    exact: bool
    total: bool  # a running total to date
    period: bool  # the amount of one month
    subset: bool  # under 其中
    shared: bool  # the figure counts this metric together with another
    words: str = ""  # the clause the figure stands in
    year: bool = False  # the year's amount so far (今年新增112家)
    span: bool = False  # the amount of some months, not to date (7-8月, 上半年)
    state: bool = False  # a state to date (已建成8个): never the month's amount
    doubt: bool = False  # another figure of the unit says what was done to what the stock counts
    untimed: bool = False  # no time words of its own nor of an opening
    dated: bool = False  # the narrative names a month somewhere
    early: bool = False  # the amount of an earlier month than the latest named (7月新建5家 beside 8月)
    before: str = ""  # the clause before, for a figure whose name is understood from it
    named: bool = False  # the clause writes the metric's name (or a phrase of it) beside the figure
    listed: str = ""  # the clauses that lead the list the figure is an item of, with no verb of its own


_ACCEPTANCE = re.compile(r"(?<=.)并?通过(?:特检|竣工|综合|专项)?验收(?:合格)?")


def _joins(join: str, more: tuple[str, ...] | frozenset = (), people: bool = False) -> bool:
    """Whether words may stand between a name and its figure: joining and time words, figures, and
    verbs of any kind (累计接待, 已完工, 改造提升已完成; refusals and changes are judged apart)."""
    if _JOIN.fullmatch(join):
        return True
    # 完成更换并通过特检验收87台: passing an acceptance is the last step of the same work.
    # 截至8月底已完工并验收投用: time words join wherever they stand, as in _JOIN.
    join = re.sub(_TIME, "", _ACCEPTANCE.sub("", join))
    # 已建成…中心并投入使用46个: 并 joins a second verb of the same work; 已建成运营38个, 已完工开业7家: 运营 or 开业
    # after a verb of completion, or 上线运营, says the thing is in use, as 投用 does.
    ws = phrases.words(join)
    # 建成并开餐, 完成改造并挂床服务: what 并 adds after a verb of completion is a second verb of the same work,
    # whatever words jieba cuts it into (开 餐), when it is short and no step of a plan.
    j = next((k for k, w in enumerate(ws) if w == "并" and any(_DONE.fullmatch(v) for v in ws[:k])), None)
    if j is not None and 0 < len(second := "".join(ws[j + 1:])) <= 4 and not _REFUSE.search(second):
        ws = ws[:j]
    return all(w in _JOINERS or w in more or phrases.is_verb(w) or _JOIN.fullmatch(w)
               or (w == "并" and k + 1 < len(ws) and (phrases.is_verb(ws[k + 1]) or ws[k + 1] in more))
               or (figure_roles.in_use(w) and k > 0 and (_DONE.fullmatch(ws[k - 1]) or ws[k - 1] in ("上线", "投入")))
               or (w == "上线" and ws[k + 1 : k + 2] == ("运营",))
               # 已服务1.06万对: a verbal noun right after 已 or 累计 is used as the verb it names, of the people it
               # counts (those served); of things, 已运营38个 says what is in use, not that it was built
               or (people and k > 0 and ws[k - 1] in ("已", "累计") and len(w) >= 2 and phrases.is_verbal(w))
               for k, w in enumerate(ws))


def _name_before(pre: str, names: list[str], gap: bool = False, money: bool = False,
                 rate: bool = False, people: bool = False) -> tuple[str, str] | None:
    """(head, join) when `pre` ends NAME [joining words], the name not the tail of another noun.

    `gap`: a name that ends in a verb may have its object after it (临时救助困难群众1120人次); `money`: a sum
    may be named as the money of it (耕地地力保护补贴资金3.26亿元); `rate`: a rate may follow a count of
    the things it is the rate of (全市17个断面水质优良比例为88.2%).
    """
    for name in names:
        at = pre.rfind(name)
        while at >= 0:
            head, join = pre[:at], pre[at + len(name) :]
            skip = narrative_names.object_gap(join) if gap and narrative_names.ends_in_verb(name) else 0
            if skip and any(phrases.is_verb(w) and w not in _JOINERS and not _DONE.fullmatch(w)
                            for w in phrases.words(join[skip:])):
                # 城镇新增就业困难人员就业3000人, 老旧小区改造配套电梯加装120部: a verb after the object is that
                # object's own work, which the figure counts.
                skip = 0
            if _joins(_TASK_DONE.sub("", join[skip:]), _MONEY if money else (), people) and (not head or _left(head) or phrases.is_verb(
                    phrases.word_before(pre, at) or "") or phrases.verb_pair(phrases.word_before(pre, at) or "") or (_WHOLE.search(head) and (
                        rate or _DONE.search(join) or join.startswith("已") or (money and name == names[0] and _DONE.search(name))))) \
                    and not _CHANGE.search(join):
                return head, join
            at = pre.rfind(name, 0, at + len(name) - 1)
    return None


def _left(head: str) -> bool:
    """Whether the words before a name end with a word that may stand before it (已, 累计, 全市, 为) as a word of
    its own: the 共 of 公共 is none (公共充电桩 is no 充电桩)."""
    m = _LEFT.search(head)
    return bool(m) and (m.start() in phrases.starts(head) or len(m.group()) > 1)


# The task of the work, done: `新建农村文化礼堂任务已完成352家`, `完成8处公益性公墓建设任务` (a task's own figure,
# 任务30个, stays refused).
_TASK_DONE = re.compile(r"(?:建设|改造)?任务(?=(?:已经|已)?完成)|(?<=^完成)(?:建设|改造)任务$|(?<=^已完成)(?:建设|改造)任务$")

_MONEY = frozenset("资金 金额 补贴资金 款".split())

# `20个示范村已完成14个`, `270场送戏进万村已送出231场`: the whole before the name, what is done of it after.
_WHOLE = re.compile(rf"(?<![\d.])\d+(?:\.\d+)?(?:{_alt(phrases.UNITS)})$")

# `已为2300名老年人免费体检`: a manner word or a verb after the name begins what is done for them.
_MANNER_START = re.compile(_alt(_MANNER))


def _name_after(rest: str, names: list[str]) -> str | None:
    """What follows the name when `rest` starts with it and the name does not begin a longer noun."""
    for name in names:
        after = rest[len(name) :]
        # (2所公办幼儿园通过竣工验收: passing acceptance says the things are done, as a verb after them would)
        if (rest.startswith(name) and not _FUNDS.match(after)
                and (not after or _RIGHT.match(after) or _COMPOUND.match(after) or _MANNER_START.match(after)
                     or phrases.is_verb(phrases.words(after)[0]) or _ACCEPTANCE.match(rest, len(name)))):
            return after
    return None


def _hits_in_clause(clause: str, names: list[str], unit: str, opening: tuple,
                    shared_head: bool, gap: bool = False) -> list[_Hit]:
    hits: list[_Hit] = []
    growth = bool(names) and growth_metric(names[0], unit)
    for m in _NUM.finditer(clause):
        i, exact = m.end(), True
        if clause[i : i + 1] in ("余", "多"):
            i, exact = i + 1, False
        if not _unit_is(clause, i, unit):
            continue
        end = i + len(unit)
        pre, rest, listed = clause[: m.start()].rstrip(" "), clause[end:], ""  # (安装AED 460台: a space parts them)
        if pre.endswith(("由", "从")):  # 由10个增至15个: a level left behind
            continue
        if growth and (grew := _GROWTH_WORDS.search(pre)):
            pre = pre[: grew.start()]  # 规上工业增加值同比增长7.6%: the growth is the figure of a growth metric
        if _APPROX_AFTER.match(rest):
            exact, rest = False, rest[2:]
        before = _name_before(pre, names, gap, unit.endswith("元"), unit == "%", narrative_names.counts_people(unit))
        # NAME [joining words] FIGURE, and the figure not that of a noun after it (`中心2个项目`)
        if before is not None and (not rest or _RIGHT.match(rest) or rest[0].isdigit()):
            head, join = before
            context, said = head + join + rest, join + rest
            # (甲区、乙片区完成投资55.3亿元 for 甲区完成投资: shared_head 2, the item before is the one the metric names)
            shared = bool(_CONJ_END.search(head)) or (shared_head and not head) or shared_head == 2
            exact = exact and not _approx_in(join)
        # (a change right before the figure, 增加10个…, is none; the lookbehind sees 改造 of 改造提升438个)
        elif (after := _name_after(rest, names)) is not None and not _CHANGE.search(pre, len(pre) - 2):  # FIGURE UNIT NAME
            if _COUNTED_NEXT.match(after) and not any(n in after for n in names):
                # 建成27个气候观象台和8个大气本底站: a list, each count its own noun's (36件实事和5件票决实事: one); what
                # is said of the list after it is said of each (30所…建设和41所…招投标文件已发布: a step)
                listed, after = after, ""
            if any(_unit_is(after, n.end(), unit) for n in _NUM.finditer(after)) or _NUM.search(_DATED.sub("", after)) and not (
                    re.search(r"[为对向给]$", pre) or any(map(phrases.is_verb, phrases.words(pre)))):
                continue  # 15个幸福院已完成8个: the whole; 200幢楼宇实现税收622亿元: a scope (为13664户…发放60万元: served)
            context, shared, said = pre + after, bool(_COMPOUND.match(after)), pre[-4:] + after
            exact = exact and not _approx_end(pre)
        elif gap and narrative_names.covers(rest, names, unit, pre) and not _CHANGE.search(pre, len(pre) - 2):
            context, shared, said = pre, False, pre[-4:]  # 为1028名残疾儿童提供康复救助
            exact = exact and not _approx_end(pre)
        else:
            continue
        # (said: the words that join name and figure, or those right before the figure and after its things)
        if _REFUSE.search(_TASK_DONE.sub("", context + listed)) or _is_place(context) or figure_roles.undertaken(
                context, unit, said, bool(names) and figure_roles.programme(names[0])):
            continue
        hits.append(dataclasses.replace(_hit(_value(m), exact, context, opening, shared, clause), named=True))
    return hits


def _hit(value: float, exact: bool, context: str, opening: tuple, shared: bool, words: str) -> _Hit:
    total_opening, period_opening, span_opening, latest = opening
    month_word = bool(_PERIOD.search(context))
    # A time of its own (截至7月底 beside 8月, 8月18日, 暴雨期间) that is no month's and no total to date,
    # or an opening such time governs (截至7月底,累计建成58处).
    running = bool(_TOTAL.search(context)) or figure_roles.since_start(context)
    # 上半年新解决68个 in a report of the half-year: the year's amount so far, beside a total of all years.
    so_far = not running and figure_roles.to_date(context, latest)
    # 7-8月,…新增1,240个,累计建成1.18万个: a total of its own is not the opening's span.
    old = figure_roles.stale(context, latest) or figure_roles.month_before(context) or (
        not running and figure_roles.not_the_month(context)) or (
        bool(span_opening) and not month_word and not (running and span_opening == "span"))
    # 一季度累计新增2.9万人 in a report of March is the total to date; 二季度累计, or 一季度 beside 8月, is not.
    if running and _SPAN.search(context) and not figure_roles.to_date(context, latest):
        old = True
    period = month_word or (period_opening and not running)
    total = running or (not period and (total_opening or _sum_in(context)))
    year = not running and (bool(_YEAR.search(context)) or so_far)
    span = old or (not running and not so_far and bool(_SPAN.search(context)))
    # 上月底累计: a point in time, no month's amount at all.
    # 上月已有2个, 9月下旬126万人次: the month before, or a part of a month, is named as such, no rival month.
    early = old and month_word and not figure_roles.stale(context, None) and not figure_roles.month_before(context) \
        and not figure_roles.not_the_month(context)
    return _Hit(value, exact, total and not old, period and not year and not span, "其中" in context, shared, words,
                year, span, state=not period and "已" in context, early=early,
                untimed=not (running or period or year or span or total_opening), dated=latest is not None)


# `累计培训500个` after a clause on centres is not about centres: only verbs of building go unnamed.
_BUILT = frozenset("建成 完成 新建 新增 改造 改建 建设 培育 打造 创建".split())
_ELIDED_JOIN = re.compile(rf"(?:{_TIME}|{_alt(_JOINERS + list(_BUILT))})*+")
_WORK_VERBS = frozenset(phrases.VERBS) | frozenset(_NARRATIVE_VERBS)
_RATE_JOIN = re.compile(r"(?:已|均|平均)?(?:达到|达|为)")


_BUILT_NEW = re.compile(r"新建|建成|完工|竣工|完成")
_SINCE_LAST_YEAR = re.compile(r"^(?:较|比)(?:去年|上年)(?:底|末)(?:新增|增加)了?(?=$|\d)")
# 计划新增12家,目前已开放运营9家: opened for use after a clause that gave only a plan of the metric is done; after
# a count built (新建…14处,其中8处已投入运营) it is a part of it.
_IN_USE = re.compile(r"(?:目前|现)?已(?:经)?(?:开放运营|投入运营|开业|建成开放|开放)")
_PLACED = re.compile(r"(?:均|现)?已(?:经)?([\u4e00-\u9fff]{2})(?:到|至|给)?[\u4e00-\u9fff]*")
_DONE_AFTER = re.compile(r"(?:建成|完工|竣工)(?:投用|投入使用|并投入使用)?|投入使用|投用|投入运营|上线运营")
_YEAR_DONE = re.compile(r"(?:本年度|今年|年内|本年|全年)(?:已经|现已|已)?(?:完成|建成|完工|竣工)")


# What follows a figure that is a date, no count (8月新增, 1-8月累计, 2021年以来累计).
_DATE_AFTER = ("月", "日", "-", "—", "至", "~", "年以来")


def _only(join: str, allowed) -> bool:
    """Whether `join` is time and joining words and the allowed words only."""
    return bool(_ELIDED_JOIN.fullmatch(join)) or all(
        w in _JOINERS or w in _SCOPE or w in allowed or w == "新" or (w[:1] == "新" and w[1:] in allowed)  # 新开通
        for w in phrases.words(_SPAN.sub("", re.sub(_TIME, "", join))))


def _elided(clause: str, unit: str, opening: tuple, unread: bool,
            verbs: frozenset, own: frozenset, lead: frozenset = frozenset(), growth: bool = False) -> tuple[_Hit, bool] | None:
    """`累计建成15个` right after a clause that named the metric: the name is understood.

    A running total or a month's amount (累计建成128个,8月新增9个) may repeat the verb of the clause
    before (办理…4860件,年内累计办理3.9万件), a word of the metric's name (`own`: 评估) or one of building;
    a clause of completion alone (建成投用4个, 已完工23处, 完成整治15处, or 已 with the verb of a plan:
    计划发放…,已发放3200万元; 现已 as 已) counts after a clause that named the metric with no count done (unread), or
    with a count only planned or begun (实施18处,已完工12处), as does one of opening for use after a plan alone
    (计划新增12家,目前已开放运营9家): (hit, done).  A metric whose name leads with a
    verb of work (`lead`: 新建 of 新建智慧社区) takes a clause whose only verb is that one (其中今年新建17个).
    """
    # 年度任务16个已完成9个: the task's figure first, what is done of it after.
    task = re.match(rf"(?:年度|全年)?(?:目标)?任务数?\d+(?:\.\d+)?{re.escape(unit)}(?=已|完成|建成)", clause)
    clause = clause[task.end():] if task else clause
    # The first figure that is no date (8月新增12户: 8 is the month's; 1-8月累计…).
    m = next((m for m in _NUM.finditer(clause) if not clause.startswith(_DATE_AFTER, m.end())), None)
    if not m or not _unit_is(clause, m.end(), unit):
        return None
    join, rest = _TASK_DONE.sub("", clause[: m.start()].rstrip(" ")), clause[m.end() + len(unit) :]
    # 较去年底新增1,160个: growth since the year began is this year's new work, not a change of a level.
    join = _SINCE_LAST_YEAR.sub("今年新增", join)
    join = join.replace("实际", "") if unread else join  # 今年要新增2500个…,截至目前实际新增3020个: done after a plan
    # 本月又有2个建成投用: a verb of completion after the figure governs it as one before would.
    # 已确定30个示范点位,其中12个已建成并投入使用: so does one after a part, under 其中, of the whole named before.
    done_after = re.sub(r"^(?:均|现)?已(?:经)?", "", rest) if join == "其中" else rest
    after = frozenset()  # the words of completion after the figure, which join it as any verb of building would
    if _DONE_AFTER.fullmatch(done_after) and (_PERIOD.search(join) or join == "其中"):
        join, rest, after = join + rest, "", frozenset(phrases.words(rest))
    # 首批30台已配发到乡镇卫生院: a batch put in place by the metric's own verb (配发 of 配发救护车) is what it
    # counts; a metric that names no such verb takes no part in place of a whole bought.
    placed = _PLACED.fullmatch(rest) if lead and join in ("首批", "其中", "") else None
    if placed and figure_roles.same_work(frozenset({placed[1]}), lead):
        join, rest = "已" + placed[1], ""
    # 一般公共预算收入完成21.3亿元,同比增长5.2%: the year's growth of a growth metric named just before (同比 is no
    # refusal there)
    grew = unread and growth and bool(_GROWTH_WORDS.fullmatch(join))
    if (rest and not _APPROX_AFTER.fullmatch(rest)) or (_REFUSE.search(join) and not grew):
        return None
    allowed = _BUILT | verbs | own | after
    total = bool(_TOTAL.search(join)) and _only(join, allowed)
    # 其中8月新增12户; a month's amount may name any verb of the work (累计建成…,8月份新筹集180套), or of opening
    # for use (9月新开放2个)
    month = bool(_PERIOD.search(join)) and _only(join.removeprefix("其中"), allowed | _WORK_VERBS | _IN_SERVICE)
    # 本年度完成1860户: the year's words are the hit's time; the verb of completion alone joins it.
    done = ((bool(_DONE.search(join)) and (_joins(join.removeprefix("其中")) or _YEAR_DONE.fullmatch(join)))
            or (unread and join.removeprefix("现").startswith("已") and _only(join, verbs | own) and join not in _JOINERS)
            or (unread and bool(_IN_USE.fullmatch(join)))
            # 新建社区菜店15个,已开业运营11个; 已完成建设并通电运行387个: things open or in service to date (已) are
            # done, as a verb of completion says (under 其中 they are a part of what was built: 其中8处已投入运营).
            or ("已" in join and not join.startswith("其中") and any(w in _IN_SERVICE for w in phrases.words(join))
                and _joins(join, _IN_SERVICE)))
    mine = bool(lead) and figure_roles.same_work(figure_roles.work_verbs(join), lead) and _only(
        join.removeprefix("其中"), lead | own)
    rate = grew or (unread and unit == "%" and bool(_RATE_JOIN.fullmatch(join)))  # `…覆盖率同比提高5个百分点,达到98%`
    # 累计建成…1,024个,其中今年新建386个, 其中今年新增加装217台: this year's work, with any verb of the work.
    year = bool(_YEAR.search(join)) and bool(figure_roles.work_verbs(join)) and _only(join.removeprefix("其中"), allowed)
    if not (total or done or rate or month or mine or year):
        return None
    hit = _hit(_value(m), not rest and not _approx_in(join), join, opening, False, clause)
    # 改造危桥23座,其中已完工17座: what is done of what was begun, under 其中 too; never a month's amount.
    return hit, done and not total and not month


def _opening(clauses: list[str], before: tuple) -> tuple:
    """(total, period, span, latest) for a sentence: set by an opening clause (截至目前, 8月以来,
    汛期以来; span "span" for 7-8月 or 上半年, "stale" for 截至7月底 beside a later month), else as before."""
    latest = before[3]
    # A new section, or a sentence that begins with a time of its own (8月份新发放…), ends an earlier opening.
    if _SECTION.match(clauses[0]) or re.match(_TIME, clauses[0]):
        before = (False, False, "", latest)
    clauses = clauses[1:] if len(clauses) > 2 and telling(clauses[0]) else clauses  # 财政部…发布数据显示,今年一季度,…
    first = clauses[0]
    # 汛期以来, 专项行动开展以来, 第三季度以来, 上半年: a short opening of a time the lists do not hold.
    other = len(first) <= 12 and not re.search(r"\d", first) and (
        figure_roles.since_start(first) or bool(_SPAN.search(first)))
    if len(clauses) < 2 or not (_OPENING.fullmatch(first) or other) or figure_roles.told_on(clauses):
        return before
    if figure_roles.stale(first, latest):
        return False, False, "stale", latest  # 截至7月底, beside a later month: its totals are July's
    if _SPAN.search(first) and not _TOTAL.search(first) and not figure_roles.to_date(first, latest):
        return False, False, "span", latest  # 7-8月, 上半年 beside 8月: some months, a total of its own aside
    since = figure_roles.since_start(first) or figure_roles.to_date(first, latest)
    running = bool(_TOTAL.search(first)) or since
    return running or _sum_in(first), bool(_PERIOD.search(first)) and not running, False, latest


# Words a clause may hold and still name nothing of its own: steps of the work and of its plan
# (已开工118个, 已选址18个, 目前已开工19个, 另有3个正在评审, 完成主体施工78座: the frame of what is built is
# no other thing) and the rate of one (完工率66.7%).
_STEP_WORDS = frozenset("其中 另有 另 有 目前 新 正在 计划 已经 已 尚 仍 还 均 全部 并 和 及 的 主体".split())
_FIGURE = re.compile(rf"\d[\d,]*(?:\.\d+)?(?:余|多)?(?:{_alt(phrases.UNITS)})?")


def subjectless(clause: str) -> bool:
    """Whether a clause has no noun of its own, so that its subject is the one the clause before named: its
    words are time words, figures, verbs, joining and scope words, or the rate of a verb (开工率)."""
    # (一季度完成选址, 二季度全面开工: a quarter is a time as a month is; an adverb says how, never what)
    rest = _FIGURE.sub(" ", _SPAN.sub(" ", re.sub(_TIME, " ", clause)))
    ws = [w for w in phrases.words(rest) if w.strip()]
    means = step_means(ws)
    return bool(ws) and all(
        w in _STEP_WORDS or w in _JOINERS or w in _SCOPE or _REFUSE.fullmatch(w) or phrases.is_adverb(w) or w in _IN_SERVICE
        or k in means
        or (len(w) >= 2 and phrases.is_verbal(w))
        or (w.endswith("率") and (phrases.is_verb(w[:-1]) or (k and phrases.is_verb(ws[k - 1]))))
        for k, w in enumerate(ws))


def repeated(clause: str, unit: str, opening: tuple, verbs: frozenset) -> _Hit | None:
    """`今年以来累计走访慰问8,940人次`, `8月当月完成9.8亿元` further on than the clause after the metric's: a running
    total or a month's amount with no noun of its own whose verb repeats the one that governed the metric's
    figure (`verbs`) is the metric's."""
    if not subjectless(clause) or not (_TOTAL.search(clause) or _PERIOD.search(clause)):
        return None
    m = next((m for m in _NUM.finditer(clause) if not clause.startswith(_DATE_AFTER, m.end())), None)
    if not m or not _unit_is(clause, m.end(), unit):
        return None
    join, rest = clause[: m.start()].rstrip(" "), clause[m.end() + len(unit) :]
    if rest or _REFUSE.search(join) or not verbs & set(phrases.words(join)):
        return None
    hit = _hit(_value(m), not _approx_in(join), join, opening, False, clause)
    return hit if hit.total or hit.period else None


def month_only(clause: str, unit: str, opening: tuple, just_read: list[_Hit], read: bool,
                own: frozenset = frozenset()) -> list[_Hit]:
    """The month's amount a clause with no name gives of what was just counted: a change against the month
    before of a figure to date (已完成…137处,较上月增加21处), or nothing new in the month after the metric was
    read in this sentence or the one before (9月份无新增: 0, never a total of 0)."""
    if just_read and not any(h.period or h.span for h in just_read):
        change = figure_roles.month_change(clause, unit, opening[3])
        # 较4月底 (the month before the report's) and 较上月末 are 较上月, no figure of April's nor of the month before.
        said = re.sub(r"^([较比])(?:\d{1,2}|上个?)月[底末]", r"\1上月", clause)
        hit = None if change is None else _hit(change, True, said, opening, False, clause)
        if hit and not hit.span:  # 较上月, 环比: against the month before, so the month's amount
            return [dataclasses.replace(hit, period=True, total=False, state=False)]
    if read and figure_roles.nothing_new(clause, _PERIOD, own):
        hit = _hit(0.0, True, clause, opening, False, clause)
        return [hit] if hit.period and not hit.total else []
    return []
