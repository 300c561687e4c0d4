"""What keeps a title's figure from being a target: a floor's or an approximation's words before it, a change, a
ceiling, what a work leads to or involves, things there already, a condition each must meet, a line held, what a plan
covers."""

from __future__ import annotations

import re

from tracker.core.figure_words import _RAISE, CAPACITY, GROUND, _alt

_TITLE_TRAIL = re.compile(
    rf"(?:{_alt('大约 约 将 达到 达 不少于 不低于 至少 共 合计 总数 数量 累计 为 总量 规模 突破 提高到 提升到 提高至 提升至 稳定在 保持在 保持 超过 超 逾'.split())})++$")
# (超过, 超, 逾 before a title's figure are a floor, as 突破 is: 实际利用外资超过160亿美元; 不超过 a ceiling; 约 a
# target as written, as 左右 after it is: 新建社区老年食堂约50个)
_FLOOR_FOR = re.compile(r"(?<=.)(?:不少于|不低于|至少|超过|逾|大约|约)$")
_TITLE_APPROX = re.compile(r"(?:近|将近|接近|不超过|不超|不足|不到|最多|基本|控制在|控制到)$")
# A change stands right before its figure (提高10%); before a name it is the work (改造提升农村敬老院).
# What a figure leads to (惠及居民2万户, 带动就业3000人) is no target of the work; 覆盖 naming a rate (覆盖率,
# 覆盖人口比例) is.  The things listed before 列为 or 列入 and a figure (…、农村生活污水处理等列为十件民生实事) make up the set it
# counts, a programme's count, no work to do.  What each thing has at least or all have (确保“零就业家庭”至少有1人
# 稳定就业) is a condition they must meet, no count.  What is there already (做好已建成13个…快检室运营工作) is no work
# to do (巩固已建成的20个示范村成果); the things a work is done on (对已建成的…) are its count.  A line held (守住18万亩耕地
# 保护红线) is a bound kept, no work to do.
_THERE_ALREADY = r"^[^对为把将给\d]*已(?!婚)经?[^\d,，]{0,5}$"
_TITLE_REFUSE = re.compile(rf"{_THERE_ALREADY}|(?:列为|列入|确定为)$|(?:至少|均|都)有$|(?:提高|{_RAISE}|增长|下降|降低|减少|压缩|缩短)$|(?<![占例])比(?!对|率|重|例)|较|(?<!^)每|^每(?!年)|人均|户均|平均"
                           r"|分别|由|从|惠及|涉及|受益|带动|覆盖(?!率|面|[^\d,，、]{0,4}?(?:比例|比重))"
                           r"|(?:守住|坚守|守牢)$")
# A verb that takes the figure after it out of the targets (涉及, 惠及, 守住) governs every item listed after it with 、
# (涉及楼栋625栋、建筑面积56.91万平方米: both are what the work involves), as 已 does (已申报的35个…、90个…).
_OUT_OF_TARGETS = re.compile(r"(?:涉及|惠及|受益|带动|守住|坚守|守牢)[^\d,，、]{0,6}$")


# A plan's word ending a name: its figure in a measure of land or length is what the plan covers; one in a measure of
# documents counts plans.
_PLAN_END = re.compile(r"(?:规划|方案|计划|设计)$")
_DOCUMENTS = frozenset("个 项 份 部 本 件 篇 套".split())


def _done_raising(pre: str, unit: str) -> bool:
    """Whether `pre` is 完成 and a work of raising that leads to a count (完成成人学历提升416人): work done, no change."""
    return unit != "%" and bool(re.fullmatch(r"完成[^\d,，]{2,}(?:提升|提高)", pre)) and not _TITLE_REFUSE.search(pre[:-2])


# A level that counted things 均 (each, all) reach (98个村和25个社区集体收入均达到15万元以上) is the condition they
# must meet, not a target of its own: the counts before it are the targets.
_EACH_MEETS = re.compile(r"均(?:达到?|不低于|不少于|超过|在)$")

# A ceiling (以下, 以内) declares no target; 左右 after a figure is the target as written (地区生产总值增长6.5%左右,
# 新建…100个左右: the lead's convention), a floor's 以上 too, unless a verb of holding down (控制在) makes it one.
_TITLE_CEILING = re.compile(r"上下|以下|以内")
_AS_WRITTEN = ("以上", "左右")


def describes(pre: str, after: str, counted: bool = True) -> bool:
    """Whether a title's figure describes the thing built rather than counting it: its ground (建设占地面积为140亩…),
    the capacity of the facility its noun right after names (日处理280吨垃圾处理站; 新增日供水能力5万吨 is a target), or
    a floor area alone after a clause that names what is built and counts none (新建友乐家园、…幼儿园,建筑面积1.29万平方米:
    their size; `counted` when a count or nothing stands before it, where the rules of a figure after a target or of
    an opening one judge it)."""
    return bool(re.search(rf"{GROUND}$", pre)) or (not counted and bool(re.fullmatch(r"总?建筑面积(?:约|为|达到?)?", pre))) or (bool(re.search(rf"{CAPACITY}$", pre)) and bool(re.match(r"的?[\u4e00-\u9fff]", after)))
