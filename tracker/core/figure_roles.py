"""The role of a figure in a progress narrative beyond its own clause's words: its time, and a stock.

A narrative does not say which month it reports; the latest month it names of work done (not a
month of a plan: 预计9月底前, 计划10月完成) stands for it.  A figure tied to an earlier month is of
no use to either kind of metric: `截至7月底累计建成58处` next to `8月份新建成6处` is no running total
to date, and `7月新开工12个` next to `8月新开工9个` is not the month's amount.  A date to the day
(`8月18日揭牌启用7个`) or a spell of days (`暴雨期间`) is neither, and `X以来` for anything but a
month (`汛期以来`, `专项行动开展以来`) is a total since some start, not the month's amount.

A figure of what exists (`全市有农村集贸市场96个`, 共有, 现有, 实有, 总数) is no count of work done when the
sentence goes on to an unread figure of the same measure word for work on those things
(`已完成标准化改造41个`); growth of the stock (今年新增112家, 较上年增加680人) is no such work.

This year's figure (今年新建45个, 较去年底新增1,160个) beside a total of all years is a cumulative metric's value
(the lead's convention, whatever the verb); a clause that gives it for the metric's noun without its word of kind
(今年新建绿道 for 城市绿道), in words the reader does not take, leaves that total in doubt.
"""

from __future__ import annotations

import dataclasses
import re

from tracker.core import phrases
from tracker.core.figure_words import _DONE, _JOINERS, _REFUSE, _TOTAL, _YEAR
from tracker.core.narrative_names import _KIND, counts_people
from tracker.core.phrases import NUM as _NUM
from tracker.core.phrases import unit_is as _unit_is

# A month named with a figure's time: 8月份, 截至8月底, 1-8月 (the 8), 8月以来; never 9月底前 or 8个月.
_MONTH = re.compile(r"(?<![\d.])(\d{1,2})月(?!底前|末前|前|中旬前|上旬前|下旬前|\d{1,2}日前)")
_CLAUSES = re.compile(r"[,，;；。!！?？\n]")
# Months a figure may be tied to: 截至7月底, 1-7月 (up to the 7), 7月份, 7月以来.
_TIED = re.compile(r"(?<![\d.])(\d{1,2})月(?!\d)")
# (截至2020年12月25日: a total to the day, its year named or not)
_DAY = re.compile(r"(?<![至止\d])(?<![至止]\d{4}年)\d{1,2}月\d{1,2}日(?!以来|起|至今)|期间")
# 9月12日,国新办举行…新闻发布会; 7月28日,交通运输部召开例行发布会: a day that opens the telling of figures (a news
# conference, a release) dates when they were told, not what they count, as a day of work does (8月18日揭牌启用7个).
_TOLD = re.compile(r"发布会|发布|公布|通报|透露|介绍|表示")
_PLAN = re.compile(r"计划|拟|将(?!近)|预计|力争|争取|目标|确保|安排")
_SINCE = re.compile(r"(?<![月年度季])以来")


def latest_month(text: str) -> int | None:
    """The latest month of 1..12 the text names outside clauses of plans, or None; the base of a change
    (较8月底增加11座) stands for the month after it, whose change it is."""
    months = [int(m.group(1)) + (clause[max(0, m.start() - 1):m.start()] in ("较", "比") and int(m.group(1)) < 12)
              for clause in _CLAUSES.split(text) if not _PLAN.search(clause)
              for m in _MONTH.finditer(clause) if 1 <= int(m.group(1)) <= 12]
    return max(months) if months else None


def told_on(clauses: list[str]) -> bool:
    """Whether a sentence opens on the day its figures were told: a date to the day, then a clause that tells."""
    return len(clauses) > 1 and bool(re.fullmatch(r"(?:今年)?\d{1,2}月\d{1,2}日", clauses[0])) and bool(_TOLD.search(clauses[1]))


def stale(context: str, latest: int | None) -> bool:
    """Whether the words around a figure tie it to an earlier month than the latest named, or to a day."""
    if _DAY.search(context):
        return True
    if latest is None:
        return False
    tied = [int(m.group(1)) for m in _TIED.finditer(context)]
    return bool(tied) and max(tied) < latest


# The end of the month before (上月底累计建成6个): a total as of then, neither to date nor the month's amount.
_MONTH_BEFORE = re.compile(r"上月(?:底|末)|上个月(?:底|末)")


def month_before(context: str) -> bool:
    """Whether the words of a figure tie it to the end of the month before the report's (上月底累计)."""
    return bool(_MONTH_BEFORE.search(context))


# The month before as a figure's own time (上月已有2个投入运营; 较上月 is a change, 上月底 a point: month_before),
# or a part of a month (9月下旬, 上旬): neither is the month's amount.
_NOT_THE_MONTH = re.compile(r"(?<![较比与同于])上个?月(?!底|末|份?以来)|[上中下]旬(?!前)")


def not_the_month(context: str) -> bool:
    """Whether the words of a figure tie it to the month before the report's or to a part of a month."""
    return bool(_NOT_THE_MONTH.search(context))


# Spans that begin with the year, and the month they end with.
_FROM_JANUARY = re.compile(r"(?<![二三四])(?:第?一季度|上半年)")
_SPAN_END = {"一季度": 3, "上半年": 6}


def to_date(context: str, latest: int | None) -> bool:
    """Whether a span (上半年已完成610公里, 一季度累计新增2.9万人) is the year to date: it begins with the year and
    ends with the latest month the text names (3月份 beside 一季度), or the text names no month (a report of the
    half-year); 二季度, or 一季度 beside 8月, is not."""
    m = _FROM_JANUARY.search(context)
    return bool(m) and latest in (None, _SPAN_END[m.group().removeprefix("第")])


# A change against the month before (较上月增加21处, 较4月底增加157个 in a report of May) of a figure to date is
# the month's amount.
_LAST_MONTH = re.compile(r"(?:(?:较|比)(?:上月(?:底|末)?|(\d{1,2})月(?:底|末))|环比)(?:增加|新增|增长|多)了?")
# 9月份无新增: nothing new in the month, of all the things the sentence before counted.
_NOTHING_NEW = re.compile(r"(?:均|都|暂|仍)?(?:无|没有|未)新(?:增|建成|完工|竣工)")


def month_change(clause: str, unit: str, latest: int | None = None) -> float | None:
    """The figure of `较上月增加21处` in the unit (the month's amount of a figure to date given before it), else None;
    a month named (较4月底) must be the one before the latest month the text names."""
    m = _LAST_MONTH.match(clause)
    if m and m.group(1) and (latest is None or int(m.group(1)) != latest - 1):
        return None
    n = _NUM.match(clause, m.end()) if m else None
    if n and _unit_is(clause, n.end(), unit) and n.end() + len(unit) == len(clause):
        return phrases.number(n)
    return None


def nothing_new(clause: str, month: re.Pattern, own: frozenset = frozenset()) -> bool:
    """Whether a clause says only that a month added nothing (9月份无新增, 本月暂无新增): a month's amount of 0,
    never a total of 0; words after it may be a verb of completion and words of the metric's name (`own`:
    9月份无新增完工小区 for 老旧小区改造)."""
    m = month.match(clause)
    if not m or m.group() == "上月":
        return False
    after = clause[m.end():].removeprefix("份")
    # 本月城市公厕建设无新完工项目: the metric's words and the work's before 无新… say what had nothing new.
    said = _NOTHING_NEW.search(after)
    if not said or not all(w in own or w in _GENERAL_WORK for w in phrases.words(after[:said.start()])):
        return False
    # what had nothing new after it: words of completion, of the metric's name, or 项目 (the projects of the work)
    return all(_DONE.fullmatch(w) or w in own or w == "项目" for w in phrases.words(after[said.end():]))


_GENERAL_WORK = frozenset("建设 改造 工程 项目".split())


def since_start(context: str) -> bool:
    """`汛期以来`, `专项行动开展以来`: a total since some start (a month's `8月以来` is not)."""
    return bool(_SINCE.search(context))


# What exists (全市有, 现有, 共有, 实有, 总数) rather than what was done.
# (既有多层住宅: 既有, existing, qualifies a noun; it says no stock.)
_THERE_ARE = re.compile(r"共有|现有|实有|拥有|(?<![已还既])有(?!序|效|力|关)")
_STOCK = re.compile(rf"{_THERE_ARE.pattern}|总数")


def stock(words: str) -> bool:
    """Whether the words around a figure say it counts what exists."""
    return bool(_STOCK.search(words))
_ADDS = re.compile(r"新|增|较|比|减少|下降")
_PER_HEAD = re.compile(r"每|人均|户均|平均|[日月年周]均|占|率")


def works_on(clause: str, unit: str) -> bool:
    """Whether a clause gives an unread figure of the unit with a verb of work on what exists (已完成标准化改造41个;
    not 今年新增112家 nor 较上年增加680人, which add to the stock)."""
    return not _PER_HEAD.search(clause) and not _ADDS.search(clause) and any(
        _unit_is(clause, m.end(), unit) for m in _NUM.finditer(clause)) and any(
        w in phrases.VERBS for w in phrases.words(clause))  # 低保 of 城市低保0.86万人 is a noun here, no work


_RUNNING = re.compile(r"(?:累计|截[至止]目前|至今)(?:分别)?(?:达到|达|为)")


# A part that opens a clause (其中9个, 首批30台, 2座, 有4件) and is said to be in place already (已安装到位, 均已开放).
_PART_DONE = re.compile(r"^(?:其中|首批|第[一二三1-3]批)?(?:已?有)?\d[\d,.]*[^\d,]{1,3}?(?:均|都|全部)?已")
# A whole made, bought or listed (制作完成, 政府采购, 3座城市书房中), short of the work the part after it has done.
# Some of the things a work counts, said completed (新改扩建学校21所、9所已完成): the figure before is the work set.
_COMPLETED = re.compile(r"^\d[\d,.]*[^\d,]{1,3}?(?:均|都|全部)?已(?:经)?(?:完成|完工|建成|竣工)$")
_PREPARED = re.compile(r"制作|采购|购置|购买|生产|签约|中$")
# This year's figure with no noun of its own (其中今年新认定培育211家, 今年新建的3座): of what the clause before counted.
_YEARS_OWN = re.compile(r"^(?:其中)?(?:(?:今年|本年|年内)(?:以来)?|[比较](?:(?:上|去)年[末底]|年初)(?=净?(?:新增|增加|增)))(?P<verbs>[^\d,]*?)的?\d")


def _years_own(clause: str, before: list) -> bool:
    """Whether a clause gives this year's figure with no noun of its own, only verbs of the work (其中今年新认定培育
    211家, 今年新建成的2个; the change since the year began: 比上年末净增45.5万个), the figures before it giving no
    year's figure."""
    own = _YEARS_OWN.match(clause)
    return bool(own) and not _REFUSE.search(clause[own.start("verbs"):]) and not _TOTAL.search(clause) and not any(
        h.year for h in before) and all(w == "新" or phrases.is_verb(w) for w in phrases.words(own.group("verbs")))


_IN_USE = re.compile(r"开放|开业|运营|启用")


def in_use(word: str) -> bool:
    """Whether a word says a thing is open or in use (运营, 开业, 对外开放)."""
    return bool(_IN_USE.search(word)) and len(word) <= 4


def other_work(clause: str, known: frozenset) -> bool:
    """Whether a verb of completion in `clause` takes as its object a verb of work not `known` (完成培训): the
    clause says that other work is done."""
    ws = phrases.words(clause)
    return any(_DONE.fullmatch(w) and k + 1 < len(ws) and phrases.is_verb(o := ws[k + 1]) and o not in known
               and not _DONE.fullmatch(o) and o not in _JOINERS and not in_use(o)
               for k, w in enumerate(ws))


# What may follow this year's figure of its own: the things are all in use or done (均已对外开放), or nothing.
_YEARS_REST = re.compile(r"(?:(?:均|都|全部)?已(?:经)?[\u4e00-\u9fff]{2,6})?")


def years_figure(clause: str, unit: str, before: list) -> float | None:
    """This year's figure a clause with no noun of its own gives of what the total just read counts (城市书房总数已达
    23个,今年新建成的2个均已对外开放: 2; 累计建成城市书房11座,今年新建的3座均已开放): by the lead's convention the
    value beside a total of all years.  Only an exact figure of the unit, the words after it saying the things are
    done or in use, after a total of all years (under 其中 too: 达到1,352家,其中今年新认定培育211家)."""
    # (a figure to date with no time words is a total; so is a stock said with 有, 共有示范社区420个,其中今年新创建35个:
    # whatever the verb of the total, this year's figure beside it is the value, by the lead's convention)
    if not _years_own(clause, before) or not before or not all(
            (h.total or h.untimed) and not h.subset for h in before):
        return None
    m = next(_NUM.finditer(clause), None)
    if not m or not _unit_is(clause, m.end(), unit) or not _YEARS_REST.fullmatch(clause[m.end() + len(unit):]):
        return None
    rest = clause[m.end() + len(unit):]
    return phrases.number(m) if not rest or _DONE.search(rest) or _IN_USE.search(rest) else None


def unread_role(clause: str, unit: str, before: list, begun: bool = False) -> bool:
    """Whether an unread clause gives a figure of the unit as what is done under 其中 (the figures before
    said no such thing, and the metric is no count of what is begun), as a part already in place after a
    whole made, bought or listed (标识牌14个已全部制作完成,其中9个已安装到位; 52台…已完成政府采购,首批30台已配发;
    3座城市书房中,2座已开放运营), as this year's figure (达到1,352家,其中今年新认定培育211家: the convention's
    value, in words the reader does not take), as a running total (those before were none) or as a step to
    date (已拨付)."""
    if not any(_unit_is(clause, m.end(), unit) for m in _NUM.finditer(clause)):
        return False
    done = not begun and clause.startswith("其中") and _DONE.search(clause) and not any(_DONE.search(h.words) for h in before)
    part = _PART_DONE.match(clause) and not any(h.subset for h in before) and any(
        _PREPARED.search(h.words) or (_COMPLETED.match(clause) and not _SAID_DONE.search(h.words)) for h in before)
    year = _years_own(clause, before)
    running = _RUNNING.search(clause) and not any(h.total for h in before)
    # 下达资金2.8亿元,已拨付2.35亿元: a later step to date of the same sum or things.
    step = clause.startswith("已") and not any("已" in h.words for h in before) and any(
        phrases.is_verb(w) for w in phrases.words(clause))
    return bool(done or part or year or running or step)


def own_verbs(name: str) -> list[str]:
    """The verbs inside a name after its leading ones (拨付 of 乡村振兴衔接资金拨付, 开工 of …新开工)."""
    return [w for w in phrases.words(name[phrases.leading_verbs(name):])[1:] if len(w) >= 2 and phrases.is_verb(w)]


def magnitudes(unit: str) -> list[str]:
    """The unit in other magnitudes (户: 万户, 亿户; 万元: 元, 亿元)."""
    base = next((unit[len(m):] for m in phrases.MAGNITUDES if unit.startswith(m) and len(unit) > len(m)), unit)
    return [m + base for m in ("", "万", "亿") if m + base != unit]


# Verbs that say how much there is, not which work was done (达到, 累计, 惠及): no verb of work.
_NOT_WORK = frozenset("达到 实现 累计 共计 覆盖 惠及 涉及 带动 受益 占 有 是 为 进行 组织 开展 推进 推动 落实".split())


def work_verbs(words: str) -> frozenset:
    """The verbs of work in some words (新建, 建成, 优化, 完工, 新建成; not 达到, 累计, 惠及)."""
    ws = phrases.words(words)
    # 新 before a verb makes one verb with it (新建成: jieba cuts 新 and 建成).
    ws = [("新" + ws[k + 1] if w == "新" and k + 1 < len(ws) else w) for k, w in enumerate(ws)]
    return frozenset(w for w in ws if len(w) >= 2 and (w in phrases.VERBS or phrases.is_verb(w))
                     and w not in _JOINERS and w not in _NOT_WORK)


# Verbs that say the same thing is finished: 完工102所 counts what 建成寄宿制学校 counts.
_FINISHED = frozenset("建成 完工 竣工 建成投用 完工投用 竣工验收".split())


def same_work(verbs: frozenset, own: frozenset) -> bool:
    """Whether one of `verbs` is one of the metric's own verbs, or holds it or is held by it (新建成 and 新建,
    改造 and 改造提升), or both say a building is finished (建成, 完工, 竣工); 建成 is not 新建, nor 优化 新增."""
    return any(w == v or w in v or v in w or (w in _FINISHED and v in _FINISHED) for w in verbs for v in own)


def this_year(hit) -> bool:
    """Whether a figure is this year's amount so far (今年新建1,860个, 本年度完成1860户, 其中今年新增加装217台,
    较去年底新增1,160个): beside a total of all years, the convention makes it a cumulative metric's value,
    whatever its verb, named or not, under 其中 or not."""
    return hit.year and not hit.period and not hit.span


def years_unkinded(clause: str, unit: str, name: str) -> bool:
    """Whether a clause gives this year's figure of the unit for the metric's noun written without the word of
    kind that leads the name (今年新建绿道9.6公里 for 城市绿道), with no word of plan, step or total."""
    if not _YEAR.search(clause) or _REFUSE.search(clause) or _TOTAL.search(clause):
        return False
    kind = next((k for k in _KIND if name.startswith(k) and len(name) - len(k) >= 2), "")
    at = clause.find(name[len(kind):]) if kind else -1
    if at < 0 and name not in clause and (split := phrases.head_split(name)):
        # 累计建成养老床位…,其中今年新增护理型床位86张: this year's figure of another kind of the metric's head noun
        at = clause.find(split[1]) if clause.startswith("其中") else -1
        kind = split[0]
    return at >= 0 and clause[at - len(kind): at] != kind and any(
        _unit_is(clause, m.end(), unit) for m in _NUM.finditer(clause, at))


# 实施 of things (实施道路改造62公里, 实施河道综合治理9条): the work undertaken, of which a later clause says what is done;
# 实施 for people or households (为320户…实施无障碍改造, 实施城乡医疗救助37255人次) is the work done for them.
# 实施的 qualifies the things as a set (年度实施的205个项目完成投资…, 已经实施的项目达356个): the clause's own verb says
# what is done of them.
_UNDERTAKEN = re.compile(r"实施(?!后|完成|完毕|的)")


# A metric that counts programmes carried out (扶贫项目, 重大项目, 黑土地保护工程): 实施 is its own work, done.
_PROGRAMME = re.compile(r"(?:项目|工程)$")


def programme(name: str) -> bool:
    """Whether a metric's name counts programmes carried out (实施扶贫项目31个, 实施黑土地保护工程10万亩), of which
    实施 says the work done, not only undertaken."""
    return bool(_PROGRAMME.search(name))


def undertaken(context: str, unit: str, said: str = "", of_programme: bool = False) -> bool:
    """Whether the words around a figure say the work on things was undertaken (实施), not that it is done.  An
    event (场, 场次) carried out is held: done.  Work pushed on (统筹推进276户…改造, …等项目加快推进) is under way, where
    推进 is in the words `said` right about the figure (the verb that governs it, the predicate of its things), never
    further off (印发《关于推进…的意见》两个文件); money or things arranged (共安排…投资119亿元, 安排…重点项目103个) are set
    aside, planned, not spent nor built; people arranged are placed (安排技术人员 sends staff, 安排就业 employs)."""
    return ((bool(_UNDERTAKEN.search(context)) and not counts_people(unit) and unit not in _EVENTS and not of_programme)
            or "推进" in said or (bool(_ARRANGED.search(context)) and not counts_people(unit)))


# 安排 of things or money (安排…重点项目103个, 共安排…投资119亿元): set aside; of people (安排技术人员走访社区21个), sent.
_ARRANGED = re.compile(r"安排(?![\u4e00-\u9fff]{0,6}?(?:人员|干部|专家|医生|教师|志愿者|队伍))")


# Measure words of events held (演出300场, 活动52场次).
_EVENTS = frozenset("场 场次".split())


# 建设…等教育项目25个, 实施城建项目12个: projects undertaken and counted, with no word that they are done.
_PROJECTS_UNDERTAKEN = re.compile(r"^[^已]*?(?:建设|实施|推进)(?!完成|完毕|后)[^已]*?项目\d+个$")
_SAID_DONE = re.compile(rf"{_DONE.pattern}|已")
_YIELD = re.compile(r"(?:可|能|将)?(?:新增|增加)")


def yield_of_undertaken(before: str, words: str) -> bool:
    """Whether the words of a figure (新增学位2.7万个) follow, with no time or word of completion of their own, the
    projects undertaken that the sentence counted just before them (建设…等教育项目25个): what the projects will
    give when done, no count of what is done."""
    before = before.rstrip(",，、;； ")
    return (bool(_PROJECTS_UNDERTAKEN.match(before)) and bool(_YIELD.match(words)) and not _SAID_DONE.search(before)
            and not _SAID_DONE.search(words))


# 不含高新区, 不包括…, 除…外: what a figure before leaves out of the whole (narrative_text makes such an aside a clause).
_LEAVES_OUT = re.compile(r"^(?:不含|不包括|未含|未包括|除)")


def leaves_out(clause: str) -> bool:
    """Whether a clause says what the figure just given leaves out: that figure is short of the whole, no total."""
    return bool(_LEAVES_OUT.match(clause))


# 完成年度任务的88.2%, 占全年目标任务的87.9%, 完成省下达任务的100%, 完成率117%: the share of its task a figure has
# reached.
_SHARE_OF_TASK = re.compile(r"(?:已|累计)?(?:(?:完成|占|达到?)[^,，;；。\d]{0,8}?(?:任务|计划|目标)[^,，;；。\d]{0,4}?的"
                            r"|[^,，;；。\d]{0,6}?完成率(?:为|达到?|已达)?)\d[\d.]*%")


def share_of_task(clause: str) -> bool:
    """Whether a clause says only what share of the task (the year's, or as set) the figure before it has reached."""
    return bool(_SHARE_OF_TASK.fullmatch(clause))


def to_date_total(hit):
    """A figure that the clause after it gives as a share of its task (更换LED路灯4,820盏,完成年度任务的80.3%): the
    share is of what is done so far, so the figure is the running total to date, never the month's amount; one that
    names its month (8月份完成…) or this year (今年…) keeps its time."""
    if hit.period or hit.year or hit.span or hit.early:
        return hit
    return dataclasses.replace(hit, total=True, untimed=False, state=False)


# 月人均补助新增18元,达到236元: growth, then the level it brought the thing to, in a clause with no noun of its own.
_REACHED = re.compile(r"(?:总数|总量)?(?:达到|达|增至|发展到|发展至|增加到|提高到|提高至|提升到|提升至|上调至|上调到|升至)")
_GREW = r"(?:新增|增加|提高|提升|增长|上调)了?"
_LEVEL_NAME = re.compile(r"人均|户均|平均|标准|水平|价格|均价|率|比例|比重")


def level_reached(clause: str, unit: str, before: list, name: str) -> float | None:
    """The level a clause says the figures just read grew to (月人均补助新增18元,达到236元: 236), else None: its figure, of
    the unit and after a word of reaching only, follows a figure of growth in the same unit; the growth is the change
    over some time, the level the figure to date.  A level's (a standard, a mean, a rate), or a count's after its month's
    growth (4月新增建成…1744.8公里,达到4384.2公里); a count of things that grew with no time said (亿元楼新增6幢,达到88幢)
    gives the year's growth beside the total of all years, as the lead's convention says."""
    m = _NUM.match(clause, len(_REACHED.match(clause)[0])) if _REACHED.match(clause) else None
    # (总票房超400亿元,达401.26亿元: after a milestone passed, the level reached is the figure exact)
    passed = bool(before) and all(re.search(rf"(?:超过?|突破|首破|逾)\d[\d,]*(?:\.\d+)?{re.escape(unit)}$", h.words) for h in before)
    if not m or clause[m.end():] != unit or not before or not (
            passed or unit == "%" or _LEVEL_NAME.search(name) or all(h.period for h in before)):
        return None
    grew = re.compile(rf"{_GREW}[^\d,，]*\d[\d,]*(?:\.\d+)?{re.escape(unit)}$")  # (新增巩固退耕还林成果1183.61万亩)
    return phrases.number(m) if passed or all(grew.search(h.words) for h in before) else None


# 剔除留抵退税因素, 扣除价格因素后: a factor taken out of what is counted.
_ADJUSTED = re.compile(r"剔除|扣除")


def adjusted(before: str, clause: str) -> bool:
    """Whether a clause's figure is one adjusted by a factor taken out (剔除留抵退税因素完成6.8亿元; 工业增加值剔除…因素,
    同比增长2.2%: the clause before, with no figure of its own, takes the factor out), not the figure as counted."""
    return bool(_ADJUSTED.search(clause)) or (bool(_ADJUSTED.search(before)) and not _NUM.search(before))
