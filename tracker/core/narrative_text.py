"""A narrative's wording recast before it is walked clause by clause (tracker/core/narratives.py), where the
order or the words of a clause hide the role its figure has: asides that are clauses of their own, a plan
beside what was actually done, a change written before the figure it changes, growth written before the
thing it counts, a ratio to the residents written as to the population, parts under 其中 named by their kind
and 项目 alone (projects of the whole's kind), rates listed that 均 gives one figure each, a share of a whole or
the change since the year began said after its thing's total, a level held down set against its target, the two
figures 城乡 gives 分别 (the towns', the countryside's), a sentence noted as foreseen (预计), the currency named after
a sum's measure word, and growth said per year for a metric of it.
"""

from __future__ import annotations

import itertools
import re

from tracker.core import figure_roles, phrases
from tracker.core.figure_words import _DONE, _SCOPE, _STAGE, SHARE_OF_WHOLE, _alt, _is_place, foreseen

# An aside in parentheses that begins with a month's words or 其中 and gives a figure: `32家(当月新建成5家)`,
# `183个(其中乡镇及农村59个)`.
_TIMED_ASIDE = re.compile(r"[(（]((?:本月|当月|其中|(?<!\d)\d{1,2}月份?)[^()（）,，;；。]*\d[^()（）,，;；。]*)[)）]")
# An aside of what the figure before it leaves out (3493户(不含高新区)): a clause of its own, which shows that figure
# short of the whole (figure_roles.leaves_out).
_LEFT_OUT_ASIDE = re.compile(r"[(（]((?:不含|不包括|未含|未包括|除)[^()（）,，;；。]*)[)）]")
# An aside that counts a part of the figure before it still being built (87家(在建6家)): that figure holds work not done,
# and is read as what it counts (含在建87家), no count done.
_UNDER_WAY_ASIDE = re.compile(r"(?<![\d.,])(\d[\d,.]*[^\d\s,，;；。、()（）]{1,3}?)[(（](?:其中|含)?(?:在建|正在建设|建设中|未建成|未完工)[^()（）]*[)）]")
# An aside of what is done of the figure before it (口袋公园30个(已完成22个)): that figure is the whole planned, the
# aside a clause of its own that gives what is done.
_DONE_ASIDE = re.compile(r"[(（]((?:现|目前)?已[^()（）,，;；。]*\d[^()（）,，;；。]*)[)）]")
# A figure that a task or target noun right after it shows to be the whole planned (口袋公园30个的任务已完成22个,
# 50个任务中已完成42个): the noun ends its clause, so what is done of it is a clause of its own.
# (七期年度任务新建…: the year's task, 年度任务 or 全年目标, is no figure's whole; the numeral before it names a phase)
_WHOLE_PLANNED = re.compile(r"((?:\d|[一二两三四五六七八九十百千万])[^\d,，;；。、()（）年]{0,4}?的?(?:任务|目标)(?:中|里)?)(?=[^,，;；。)）\n])")
# 为2,400户困难家庭安装燃气安全自闭阀的任务已完成1,876户: a task written out at length ends its clause where
# what is done of it begins.
_TASK_DONE = re.compile(r"(?<=的任务)(?=(?:现|目前)?已(?:经)?完成\d)")

# 计划完成20场,实际完成31场 (or 截至目前实际完成; the plan's noun may follow its figure: 计划改造123条街巷): the plan's
# figure with what was actually done after it in the same unit.  The clause is read as if it gave the actual figure with the plan's verb (完成31场); the planned one
# is no reading.
# The time of what was done (1-8月实际举办97场) is kept before the verb; the plan's year (全年计划) goes with the plan.
_PLAN_ACTUAL = re.compile(r"(?:全年|年度)?计划(累计)?([^,，;；。]*?)\d+(?:,\d{3})*(?:\.\d+)?([^\d\s,，;；。、]{1,4}?)([\u4e00-\u9fff]{0,8})[,，]"
                          r"(截至目前|目前|截至\d{1,2}月底|(?<!\d)1[-—~至]\d{1,2}月(?:份)?)?(?:实际(?:已|共)?|现已(?:经)?)(?:超额)?(?:完成|建成|开展|举办|实施|安装|改造|新建|新增)?"
                          r"(\d+(?:,\d{3})*(?:\.\d+)?)\3(?=[,，;；。)）]|$)")

# 较上月新增智慧安防小区22个: growth since the month before, written before the thing it counts, is the month's
# amount (本月新增) as much as after a figure to date (…,较上月增加21处: figure_roles.month_change); growth since
# last year's end (较去年底新增城市绿道42公里) is this year's (今年新增), as after a figure (figure_clauses._elided).
_SINCE_BEFORE = re.compile(r"(^|[,，;；。])(?:较|比)(?:(上个?月)(?:底|末)?|(?:去年|上年)(?:底|末))(新增|增加)了?(?=[\u4e00-\u9fff])")

# 全年选派科技特派员150名的任务已全部完成,实际选派162名: a task given by its figure, then what was actually done in
# the same unit, is read as the plan beside the actual one is (选派科技特派员162名).
_TASK_ACTUAL = re.compile(r"(?:全年|年度)?([^,，;；。\d]{0,200}?)\d+(?:,\d{3})*(?:\.\d+)?([^\d\s,，;；。、]{1,4}?)的?(?:任务|目标)"
                          r"[^,，;；。\d]{0,200}[,，]实际(?:已|共)?([^,，;；。\d]{0,200}?)(\d+(?:,\d{3})*(?:\.\d+)?)\2(?=[,，;；。)）]|$)")

_CHANGE_FIRST = re.compile(r"(^|[。;；\n])((?:较|比)(?:上个?月|\d{1,2}月)(?:底|末)?(?:增加|新增)了?\d[\d,.]*[^\d,，;；。]{1,4}?)"
                           r"[,，]([^,，;；。\n]*?累计[^,，;；。\n]*?\d[^,，;；。\n]*)([。;；\n]|$)")
# 改造提升背街小巷35条已完工28条: a figure right before 已 and a verb of completion with a figure of its own is the
# whole the work began with; what is done of it, in the same unit, is a clause of its own.
_DONE_AFTER_WHOLE = re.compile(r"(\d([^\d\s,，;；。、()（）年月日任务目标]{1,4}?))"
                               r"(?=(?:现|目前)?已(?:经)?(?:完工|完成|建成|竣工)\d[\d,.]*\2)")
# 80辆新能源公交车已有56辆上线运营, 6所中,已有4所完成竣工验收: the verb of putting in use or of completion after
# the figure is read before it (已上线运营56辆, 已完成竣工验收4所).
_IN_USE_AFTER = re.compile(r"已有(\d[\d,.]*)([^\d\s,，;；。、()（）]{1,3}?)"
                           r"(上线运营|投入运营|投入使用|(?:完成)?(?:竣工验收|建成投用|建成|完工|竣工)|通过(?:竣工)?验收)(?=[,，;；。]|$)")
_PER_RESIDENT = re.compile(r"(每[十百千万]+)常住(?=人口)")
# 新建7公里长的绿道: a length said as the thing's attribute (长, 长的) measures the thing, as 新建7公里绿道 does.
_LONG = re.compile(r"(\d(?:公里|千米|米))长的?(?=[\u4e00-\u9fff])")


# 累计开工数92个, 完成投资额1.8亿元: a count or an amount (数, 额) that a verb of work names, its figure right after it, as
# a progress table's columns are headed, is that verb's figure (累计开工92个); not where the metric's name writes the
# noun whole (商品零售额 beside 零售额40444亿元): the amount is the metric's thing itself.
_COUNT_OF = re.compile(r"(?<=[\u4e00-\u9fff])(?:数|额|数量)(?=\d)")


def _count_of(text: str, name: str = "") -> str:
    def drop(m: re.Match) -> str:
        ws = phrases.words(text[max(0, m.start() - 6) : m.start()])
        verb = ws[-1] if ws else ""
        return "" if len(verb) >= 2 and phrases.is_verbal(verb) and verb + m.group() not in name else m.group()
    return _COUNT_OF.sub(drop, text)


# 重点民生实事(城镇老旧小区改造)完成进度: an aside of words alone after a programme's word (实事, 工程, 项目) names which
# of them the report is of; it is the subject of the figures after it, no aside to drop.
_ITEM_NAMED = re.compile(r"(?<=实事|工程|项目|任务|行动|事项)[(（]([\u4e00-\u9fff“”]{2,20})[)）]")


# 开(复)工率: one character in brackets inside a word is a second reading of the one before it (开工 and 复工), the word
# read with both (开复工率), in a narrative and a metric's name alike; an aside between words (社区(村)卫生室) is none of this.
_SECOND_READING = re.compile(r"(?<=[\u4e00-\u9fff])[(（]([\u4e00-\u9fff])[)）](?=[\u4e00-\u9fff])")


def second_reading(text: str) -> str:
    def read(m: re.Match) -> str:
        pair = text[m.start() - 1] + text[m.end()]
        return m[1] if pair in phrases.words(pair) else m.group()
    return _SECOND_READING.sub(read, text)


# 新登记市场主体突破百万大关,达100.56万户: a milestone passed (突破, 超过, a round figure or 大关) then the figure
# reached; the milestone is no figure (not exact), the figure reached is the name's, read as if written beside it.
_MILESTONE = re.compile(r"(?:突破|超过|跨越|迈上|站上)[^,，;；。\n]{1,8}?[,，](?=(?:达到?|为)\d)")
# 在征收率由3%降至1%的基础上,…免征增值税: the basis a new step was taken on is what was there before, no figure of it.
_BASIS = re.compile(r"在[^,，;；。\n在]+?的基础上[,，]?")


# 在建工业项目197个,其中续建项目20个、新开工项目177个: parts under 其中 named by their kind and the head 项目 alone are
# projects of the whole's kind (新开工工业项目), which the report leaves unsaid.
_KIND_OF_WHOLE = re.compile(r"(?P<whole>[\u4e00-\u9fff]{2,8}?)项目\d[\d,]*个[,，]其中(?P<parts>[^;；。\n]*)")


def _kind_of_whole(m: re.Match) -> str:
    ws = phrases.words(m["whole"])
    kind = ws[-1] if ws and len(ws[-1]) >= 2 and not phrases.is_verb(ws[-1]) and not _STAGE.search(ws[-1]) else ""
    if not kind:
        return m.group()
    parts = re.sub(rf"(?<=[\u4e00-\u9fff])(?<!{kind})项目(?=\d)", kind + "项目", m["parts"])
    return m.group()[: m.start("parts") - m.start()] + parts


# 地区生产总值从35.5亿元增长至96.91亿元, 从2020年的23.2%提升到2024年的31.9%, 从2006年的19.8亿元增至2011年的48.6亿元: a change from one level to another,
# in one measure; the level it came to is the figure now (达到, of the year it names), the one it left a past one.
FROM_TO = re.compile(r"[从由](?:20\d\d年(?:底|末)?的?)?(?P<was>\d[\d,]*(?:\.\d+)?)(?P<unit>(?![年月日])[^\d,，、;；。\n]{0,4}?)"
                      r"(?:增长|提升|提高|增加|上升|下降|减少|降低|跃升|攀升|扩大|缩小|增|升|降)?(?:至|到)(?P<when>20\d\d年(?:底|末)?)?的?"
                      r"(?=(?P<now>\d[\d,]*(?:\.\d+)?)(?P=unit)(?![\d、]))")


def _level_reached(m: re.Match) -> str:
    return (m["when"] or "") + "达到" if m["unit"] and m["was"] != m["now"] else m.group()


# 今年5月份完成…: a month of this year in the clause of its work is that month; 今年 adds nothing (no year's amount).
_THIS_YEARS_MONTH = re.compile(r"今年(?=\d{1,2}月份?(?![-—~至,，]))")
# 同比去年增加22天, 同比上年同期增长5%: 同比 says against the same time last year already.
_SAME_TIME_LAST_YEAR = re.compile(r"(?<=同比)(?:去年|上年)(?:同期)?")


# 街道清扫机械化率和喷水降尘作业率均达到76%: rates listed, each with a noun of its own, then 均 (each) and one figure,
# each reach that figure (a verb's rates, 开工率和竣工率均为100%, are of the clause before: subjectless).
_RATES_EACH = re.compile(r"(?P<rates>[\u4e00-\u9fff]{2,14}?率(?:(?:和|及|与|、)[\u4e00-\u9fff]{2,14}?率)+)(?:均|都)"
                         r"(?P<said>(?:达到?|为|保持在?)?\d[\d.]*%)")


def _rates_each(m: re.Match) -> str:
    rates = re.split("和|及|与|、", m["rates"])
    return m.group() if any(len(r) <= 3 or phrases.is_verbal(r[:-1]) for r in rates) else ",".join(r + m["said"] for r in rates)


# 城镇登记失业率控制在3.37%,比年目标任务4%低0.63个百分点: a level held down that is set against its target is the
# level reached (控制在 alone is a ceiling, as in a title).
_HELD_BELOW_TARGET = re.compile(r"控制在(?=\d[\d.]*%?[,，](?:比|较)[^,，。;；]*?(?:目标|计划)[^,，。;；]*?(?:低|少))")


# 城乡居民人均可支配收入分别增长4.6%和7.1%: 城乡 given two figures 分别 gives the towns' first, the countryside's second;
# so do 城镇、农村 listed (城镇、农村常住居民…为56586元和28433元), 分别 said or not.
_TOWN_AND_COUNTRY = re.compile(r"(?:城乡|城镇[、和]农村)(?P<who>常住)?居民(?P<what>[\u4e00-\u9fff]{2,12}?)"
                               r"(?:分别(?P<verb>[^\d,，;；。]{0,4}?)|(?P<is>为|达到|达|是))"
                               r"(?P<a>\d[\d,.]*[^\d,，、;；。和]{0,3}?)(?:、|和)(?P<b>\d[\d,.]*[^\d,，、;；。]{0,3}?)(?=[,，;；。\n]|$)")


def _town_and_country(m: re.Match) -> str:
    who, verb = f"{m['who'] or ''}居民{m['what']}", m["verb"] if m["verb"] is not None else m["is"]
    return f"城镇{who}{verb}{m['a']},农村{who}{verb}{m['b']}"


# 12.1万亿元人民币: the currency named after a sum's measure word says which 元 they are, no other measure; in the
# text and in the metric's unit alike (a metric in 亿元人民币 is one in 亿元).
_CURRENCY_AFTER = re.compile(r"(?<=元)人民币")


def same_measure(unit: str) -> str:
    """The metric's unit without the currency named after its measure word (亿元人民币: 亿元), as the text is read."""
    return _CURRENCY_AFTER.sub("", unit)


# 滦南县今年建成棚改安置房665套: the county or district that opens a narrative, its time right after, is the one
# that reports, as a label is (滦南县:今年…); a figure of its clause is no part's, where the text names no other.
# The time may come first (2024年镇海区全体居民…).
_SPEAKER = re.compile(r"^([\u4e00-\u9fff]{1,10}?[县区旗])(?=今年|本年|全年|年内|\d{4}年|截[至止]|1[-—至]\d{1,2}月)")
_TIME_FIRST = re.compile(r"^(?:\d{4}年(?:上半年|前三季度|1[-—至]\d{1,2}月|\d{1,2}月份?)?|今年(?:以来)?|年内|上半年)(?=[\u4e00-\u9fff])")


def _speaker(text: str) -> str:
    m = _SPEAKER.match(text)
    if not m and (t := _TIME_FIRST.match(text)):
        rest = text[t.end():]
        ends = itertools.accumulate(len(w) for w in phrases.words(rest[:16]))  # (2020年新建区域性…: no 新建区)
        return next((f"{rest[:k]}:{t.group()}{rest[k:]}" for k in ends if 2 <= k <= 11 and rest[k - 1] in "县区旗"
                     and _is_place(rest[:k]) and not _is_place(rest[k:])), text)
    return f"{m[1]}:{text[m.end():]}" if m and _is_place(m[1]) and not _is_place(text[m.end():]) else text


def recast(text: str, name: str = "") -> str:
    """The narrative with the clauses its wording hides written out as the clause reader reads them (for the metric
    `name`, where given)."""
    text = _speaker(_BASIS.sub("", text))
    text = _CURRENCY_AFTER.sub("", foreseen(text))
    text = _TOWN_AND_COUNTRY.sub(_town_and_country, text)
    text = _THIS_YEARS_MONTH.sub("", text)
    text = _SAME_TIME_LAST_YEAR.sub("", FROM_TO.sub(_level_reached, _HELD_BELOW_TARGET.sub("为", text)))
    text = _RATES_EACH.sub(_rates_each, text)
    text = _ITEM_NAMED.sub(r":\1", _count_of(second_reading(_MILESTONE.sub("", text)), name))
    text = _KIND_OF_WHOLE.sub(_kind_of_whole, text)
    # An aside of the month's work (当月新建成5家) or of a part (其中农村59个) is a clause of its own; normalise
    # drops other asides.
    text = _LONG.sub(r"\1", _TIMED_ASIDE.sub(r",\1,", text))
    text = _LEFT_OUT_ASIDE.sub(r",\1,", _UNDER_WAY_ASIDE.sub(r"含在建\1", text))
    text = _TASK_ACTUAL.sub(lambda m: m[1] + m[4] + m[2] if not m[3] or m[3] in m[1] else m[0], text)
    text = _PLAN_ACTUAL.sub(lambda m: (m[5] if m[5] and m[5][0].isdigit() else "") + (m[1] or "") + m[2] + m[6] + m[3] + m[4], text)
    text = _ACTUAL_AFTER.sub(_plan_before_actual, text)
    # 较8月底增加11座,全市累计建成城市公厕63座: a change against the month before that opens a sentence is
    # read after the figure to date it changes, as it is usually written.
    text = _CHANGE_FIRST.sub(r"\1\3,\2\4", text)
    text = _SINCE_BEFORE.sub(lambda m: m[1] + ("本月" if m[2] else "今年") + m[3], text)
    text = _DONE_AFTER_WHOLE.sub(r"\1,", text)
    text = _TASK_DONE.sub(",", text)
    text = _IN_USE_AFTER.sub(r"已\3\1\2", text)
    text = _BARE_LIST.sub(_respectively_unsaid, text)
    text = _TARGETS_NAMED.sub(r"目标为\1", text)
    return _WHOLE_PLANNED.sub(r"\1,", _DONE_ASIDE.sub(r",\1,", text))


# 新改建农村公路20万公里,新增5000个建制村通硬化路,实际完成新改建农村公路25万公里,新增通硬化路建制村5560个: figures
# followed in their sentence by what was actually (实际) done of the same things (named again, in the same measure
# word) are the plan's, however it is worded (a task's list, 一是…), in the sentence after too (…危桥改造2500座。实际完成
# …危桥改造4263座): its first clause with a figure is read as the plan it is (计划…).
_ACTUAL_AFTER = re.compile(r"(?P<plan>[^。;；!！?？\n]{0,500}?)(?P<actual>[,，。;；]实际[^。;；!！?？\n]*)")


_CJK2 = re.compile(r"[\u4e00-\u9fff]{2}")


def _verbs_only(words: str) -> bool:
    """Whether words are verbs alone (实际已建成12个: the things are those named before)."""
    words = re.sub(r"^(?:已|共|已经)", "", words)
    return bool(words) and phrases.leading_verbs(words) == len(words)


def _plan_before_actual(m: re.Match) -> str:
    plan, actual = m["plan"], m["actual"]
    units = {u for f in phrases.NUM.finditer(plan) if (u := phrases.unit_at(plan, f.end()))}
    if "计划" in plan or not any(
            (u := phrases.unit_at(actual, f.end())) in units and _CJK2.fullmatch(near := actual[f.start() - 2 : f.start()])
            and (near in plan or _verbs_only(actual[3 : f.start()]))
            or _CJK2.match(after := actual[f.end() + len(u or "") :]) and after[:2] in plan
            for f in phrases.NUM.finditer(actual)):
        return m[0]  # (实际利用外资: the words 实际 begins name another thing, no actual of the plan's)
    first = phrases.NUM.search(plan)
    start = max(plan.rfind(c, 0, first.start()) for c in ",，:：、") + 1
    return plan[:start] + "计划" + plan[start:] + actual


# 超额完成PM2.5平均浓度同比下降4%、重污染天数同比减少6%的改善目标: figures a clause gives to a target or task it
# names last (…的目标, …的年度任务) are the target's, said to be met, not what was done: read as a target (目标为…).
_TARGETS_NAMED = re.compile(r"(?:(?<=^)|(?<=[,，;；。:：\n]))([^,，;；。:：\n]*\d[^,，;；。:：\n]*的[\u4e00-\u9fff]{0,4}(?:目标|任务))"
                            r"(?=[,，;；。)）\n]|$)")


# Names listed with 、, then as many figures in one measure word, each right after the one before, ending the clause
# (城镇居民、农村居民人均可支配收入3.5万元、1.7万元): the figures go to the names in order, as 分别 would say.
_BARE_LIST = re.compile(r"(?P<items>[\u4e00-\u9fff]{2,60}(?:、[\u4e00-\u9fff]{2,60})+)"
                        r"(?P<figures>\d[\d.]*(?P<unit>[^\d、,，;；。\s]{1,4}?)(?:、\d[\d.]*(?P=unit))+)(?=[,，;；。\n]|$)")


def _respectively_unsaid(m: re.Match) -> str:
    figures = re.findall(r"\d[\d.]*", m["figures"])
    if "分别" in m["items"] or len(figures) != m["items"].count("、") + 1 or phrases.unit_at(m["figures"], len(figures[0])) != m["unit"]:
        return m[0]
    return m["items"] + "分别" + m["figures"]


# A closing quotation mark ends the name it closes (农村环境“三大革命”自然村改厕已完工…): what follows begins a noun of its
# own, though normalise drops the marks.
_CLOSING_QUOTE = "”」』\""


def after_quote(text: str, names: list[str]) -> str:
    """The text with a clause ended at a closing quotation mark that the metric's name follows: the quoted words are
    the programme or slogan the work is done under, no noun whose tail the name would be."""
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(rf"([{_CLOSING_QUOTE}])(?={re.escape(name)})", r"\1,", text)
    return text


# 年度任务完成率, 计划完成率, 完成比例: the share of its task a work reached is its completion rate, whichever task
# (the year's, the plan's) the name says, for no other task is a work's.
_TASK_RATE = re.compile(r"(?:年度|全年)?(?:目标)?(?:任务|计划)?完成(?:率|比例)$")


def task_rate(name: str, text: str) -> str:
    """The metric's name with the rate of its task completed written 完成率 (高标准农田年度任务完成比例: 高标准农田完成率),
    where the text does not write the rate as the name does (改造任务完成率82.5%)."""
    tail = _TASK_RATE.search(name)
    return name if tail is None or tail.group() in text else name[: tail.start()] + "完成率"


# 固定资产投资年均增长 in %: the growth of each year on average over several, as a five-year review writes it
# (固定资产投资74.1亿元,年均增长15.5%); the year's own growth (增长5%) is another figure.
_PER_YEAR_GROWTH = re.compile(r"(?P<thing>.{2,}?)年均(?P<growth>增长|增速|增幅)")
_YEAR_GROWTH = re.compile(r"(?<!年均)(?<!较上年)(?:增长|增速|增幅)(?=[为达了]?\d)")


def per_year_growth(text: str, name: str, unit: str) -> tuple[str, str]:
    """For a metric of growth per year (地区生产总值年均增长, in %): the text with that growth written as the year's is
    (增长7.1%) and the year's own set against the year before (较上年增长), which a growth metric does not read, and the
    name as a growth metric's (地区生产总值增长); the text and name as they are for any other metric."""
    m = _PER_YEAR_GROWTH.fullmatch(name)
    if unit != "%" or not m:
        return text, name
    text = _YEAR_GROWTH.sub(lambda g: "较上年" + g.group(), text).replace("年均" + m["growth"], m["growth"])
    return text, m["thing"] + m["growth"]


def per_population(text: str) -> str:
    """The text with 每千常住人口 written 每千人口: a ratio to the population counts the residents either way."""
    return _PER_RESIDENT.sub(r"\1", text)


def share_as_rate(text: str, name: str) -> str:
    """The text with the share of the task a work reached (完成全年目标的126.7%) written as its completion rate
    (完成126.7%) for a metric that is that rate (创业培训完成率): for it the task's words name no plan."""
    if not re.search(r"完成(?:率|比例)$", name):
        return text

    def rate(m: re.Match) -> str:
        clause = m.group()
        # (占年度任务量的24.3%: the share of the task a figure said done is, not of one begun: 开工…,占改造任务总量的92.5%)
        before = re.split(r"[,，;；。\n]", text[: m.start()].rstrip(",，"))[-1]
        if not figure_roles.share_of_task(clause) or "完成率" in clause or not (re.match(r"(?:已|累计)?完成", clause) or (
                clause.startswith("占") and _DONE.search(before) and not _STAGE.search(before))):
            return clause
        return "完成" + clause[phrases.NUM.search(clause).start():]

    return re.sub(r"[^,，;；。\n]+", rate, text)


def share_of_whole(text: str, name: str) -> str:
    """The text with a thing's share of a whole written out (非房地产开发投资占固定资产投资比重), or said with no whole right
    after its count (…达260天,占86%), as the metric names it for short (…占比): the whole left unsaid is the text's."""
    if not name.endswith("占比") or len(thing := name[:-2]) < 2:
        return text
    if len(set(SHARE_OF_WHOLE.findall(text))) > 1:
        return text  # (占全省比重12%,占全市比重30%: shares of two wholes, neither the one the metric means)
    # (优良天数达260天,占86%: a share with no whole named, right after the thing's count, is that thing's)
    text = re.sub(rf"({re.escape(thing)}[^,，;；。\d]{{0,4}}\d[\d,.]*[^\d,，;；。]{{1,3}}[,，])占(?=\d[\d.]*%)", rf"\1{thing}占比", text)
    return re.sub(rf"{re.escape(thing)}{SHARE_OF_WHOLE.pattern}", thing + "占比", text)


def said_after(text: str, name: str) -> str:
    """The text with a share of a whole, or the change since the year began, said after its thing's figure (5G基站总数
    达470.5万个,比上年末净增45.5万个,占移动基站总数的36.6%) or right after the thing (…占移动基站总数的36.6%), written as
    the metric names it (5G基站占移动基站总数比重36.6%, 5G基站净增45.5万个): the share or the change is of the thing
    the clause names or that its sentence opened on, where only the changes of that thing (比上年末…, 同比增长…) stand
    between."""
    share = re.fullmatch(r"(?P<a>.{2,}?)占(?P<b>[\u4e00-\u9fff]{2,}?)的?(?:比重|比例)", name)
    change = re.fullmatch(r"(?P<a>.{2,}?)(?P<v>净增|新增|增加)", name)
    if share:
        # (占财政总支出的89%, 占我外贸总值的11.7%: the whole with 总 before its head, or after 我 for 我国, the text's
        # own; never after another scope: 占全省…的 is a share of a larger whole)
        b = share["b"]
        whole = re.escape(b) if "总" in b or len(b) < 4 else f"{re.escape(b[:-2])}总?{re.escape(b[-2:])}"
        said = rf"占(?:我国?)?{whole}的?(?:比重|比例)?(?:为|达到?|是)?(?=\d[\d.]*%)"
    elif change:
        said = rf"(?:比|较)(?:上年|去年)[末底]{change['v']}(?=\d)"
    else:
        return text
    thing = (share or change)["a"]

    def of_thing(c: re.Match) -> str:
        sentence = re.split(r"[。;；!！?？\n]", text[: c.start()])[-1]
        at = sentence.rfind(thing)  # (the thing whole: 新能源公交车 is no 公交车)
        whole = at >= 0 and re.search(rf"(?:^|[,，:：的]|{_alt(_SCOPE)})$", sentence[:at])
        between = re.split(r"[,，]", sentence[at:])[1:] if whole else [""]
        if not whole or not all(re.match(r"(?:同比|比|较|增长|下降|提高|净增|增加)", x) for x in between if x):
            return c.group()
        return ("" if text[c.start() - 1: c.start()] in ",，" else ",") + name
    return re.sub(said, of_thing, text)


# 每人每月420元, 每户每年, 年人均580元: the measure a standard is set in.
_PER_HEAD = re.compile(r"每(?:人|户)(?:每)?(?:月|年)|(?<![每])每(?:月|年)(?=\d)|(?:年|月)?(?:人均|户均)(?=\d)")


def per_head_standard(text: str, name: str) -> str:
    """The text without the per-head measure (每人每月) for a metric that is a standard (城市低保标准): a standard is
    set per person and month, so the words say its measure, no rate of another figure."""
    return _PER_HEAD.sub("", text) if name.endswith("标准") else text
