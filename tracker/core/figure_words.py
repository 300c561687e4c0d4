"""The words the figure reader (tracker/core/figures.py) reads around a figure: verbs, scope and time
words, joining words, approximations, refusals, clauses, and a metric's name with and without its verb."""

from __future__ import annotations

import re

from tracker.core import phrases
from tracker.core.phrases import UNITS as _UNITS
from tracker.core.phrases import normalise as _normalise


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
_NARRATIVE_VERBS = _VERBS + "登记 资助 受理 办理 解决 走访 慰问 帮扶 筹集 举办 投入 拨付 下拨 录入 签订 惠及 覆盖 认定 进行 救助 接待".split()
# Words of manner or range before a name that do not make it another noun (举办线上线下招聘会, 登记在册志愿者).
_MANNER = "各类 各种 各项 线上线下 线上 线下 在册 登记在册 免费 集中".split()
# Levels: scope first in a title, a kind right before a name.
_LEVELS = ("市级", "区级", "县级")
# (a banner, 旗, is a county of Inner Mongolia: 全旗 is its whole, as 全县 is a county's; 我国 a ministry's, as 我市 a city's)
_SCOPE = "我国 全市 全区 全县 全旗 全省 全州 全镇 我市 我区 我县 我旗 我省 我州 本市 本区 本县 本旗 本省 各区 各县 各地 市级 区级 县级 年内 全年 今年 年度 力争 确保 累计".split()
_TIME = (
    r"(?:\d{1,2}[-—~至])?\d{1,2}月份?(?:\d{1,2}日)?(?:以来|底|末|中旬|上旬|下旬)?"
    r"|截[至止](?:目前|(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|底|末|份)?)"
    r"|目前|至今|今年以来|年初以来|(?<!\d)20\d\d年以来|本月|当月|上半年|前三季度|三季度"
)
# A comparative (高于35%, 低于, 多于, 优于) bounds the figure, as 超过 and a milestone passed (突破4万场) do: it does not
# give it (a title reads 突破 as a floor: see titles.py).
_APPROX_BEFORE = "近 约 大约 将近 接近 超过 超 逾 突破 不少于 不低于 至少 最多 不足 不到 基本 高于 低于 大于 小于 多于 少于 优于".split()
_APPROX_AFTER = re.compile(r"以上|以下|以内|左右|上下")
# (占 before a rate's figure gives it as 为 does: 竣工率占84.7%; before another whole, 占全年任务的…, the words between are
# no joiners)
_JOINERS = ("占 现已 已经 已 累计 共计 共 总计 合计 总数 总量 规模 数量 个数 数 人数 户数 达到 达 高达 多达 为 有 已有 现有 又 再 了 是 "
            "全部 均 由 增至 发展到 发展至 提高到 提升到 提高至 提升至 上升到 上升至 增加到 增加至 降为 降至 降到 下降到 下降至 降低到 降低至 "
            "保持在 稳定在 维持在").split()

_FIG = rf"\d+(?:\.\d+)?(?:余|多)?(?:{_alt(_UNITS)})"
# What may join a name to its figure: 已建成, 累计达到, 8月新建, 6195户 (a pair 户/人).
# Possessive (*+): words are tried longest first and never re-split, which keeps
# a long run of them from taking exponential time.
_JOIN = re.compile(rf"(?:{_TIME}|{_FIG}|{_alt(_JOINERS + _NARRATIVE_VERBS + _APPROX_BEFORE)})*+")


# Approximations of two characters or more are found as written; 近, 约, 超, 逾 only as words (签约 holds none).
_APPROX_LONG = re.compile(_alt(w for w in _APPROX_BEFORE if len(w) > 1))


def _approx_in(join: str) -> bool:
    """Whether words of approximation stand in `join` (近, 约, 超过, 不低于)."""
    return bool(_APPROX_LONG.search(join)) or any(w in _APPROX_BEFORE for w in phrases.words(join))


def _approx_end(pre: str) -> bool:
    """Whether `pre` ends with a word of approximation (约3万, 超过2000)."""
    return bool(approx_ending(pre))


def approx_ending(pre: str) -> str:
    """The word of approximation that ends `pre` (超过 of 企业数量超过), "" for none."""
    if m := re.search(rf"(?:{_APPROX_LONG.pattern})$", pre):
        return m.group()
    ws = phrases.words(pre)
    return ws[-1] if ws and ws[-1] in _APPROX_BEFORE else ""


# What may stand just before a name in its clause (else the name is the tail of another noun).
# 市级以上 is a level of scope, as 市级 is.
# A level (市级, 区级) right before a name sets a kind the name lacks (市级智慧养老院 is no 智慧养老院): not here.
# A clause of completion with 的 (通过验收的床位, 已经实施的项目, 已放款的贷款) says which of the things are done, no
# kind of them (a clause of a step, 已申报的, is refused with its words).
# A named project (四好农村路建设项目农村公路扩面延伸…) is the programme the work is done under, no noun the name ends.
_LEFT = re.compile(rf"(?:{_TIME}|{_alt(_JOINERS + _NARRATIVE_VERBS + [w for w in _SCOPE if w not in _LEVELS] + _MANNER)}|(?<=[\u4e00-\u9fff]{{2}})(?:建设)?项目|[市区县省]级(?:及)?以上|对|向|给|为|并|同时|其中|此外|另外|服务|(?:改造|建成|完成|提升|整治|实施)后"
                   r"|(?:建成|完工|竣工|完成|验收|投用|投入使用|已(?:经)?[\u4e00-\u9fff]{2,12}?)的)$")
# What may follow a name that stands after its figure (else the name begins a longer noun); 全面 as 全部 (18个…全面建成).
_RIGHT = re.compile(rf"(?:{_alt(_NARRATIVE_VERBS + _JOINERS)}|的|中|内|等|对|并|正式|陆续|全部|全面"
                    r"|(?:建设|改造|培育|创建)(?:任务|工作)?(?:$|[并已均]))")
_COMPOUND = re.compile(r"和|及(?!时)|与|或")
# `3个服务中心建设资金`: money for some things is no count of them done.
_FUNDS = re.compile(r"(?:建设|改造|运营)?(?:资金|经费|补贴|补助)")
# A name after 和/及/与 shares its figure with the noun before, unless these end a verb (惠及, 参与).
_CONJ_END = re.compile(r"(?<!惠|涉|普|顾|参)(?:和|及|与)$")
# A second noun with a count of its own after a counted one (…和8个大气本底站): a list, nothing shared with it.
_COUNTED_NEXT = re.compile(rf"(?:和|及|与|以及)(?:{phrases.NUM.pattern})[^\d\W]{{1,3}}?(?![已均都全正在尚未仍])[\u4e00-\u9fff]{{2}}")
# A date after things counted first (均在2024年完成): no figure of them.
_DATED = re.compile(rf"{_TIME}|(?<!\d)20\d\d年")
# A change (提高10%), refused where it joins a name to its figure, not as the verb before a name (改造提升X).
# A level reached (提高到96%, 由10个增至15个) is no change.
# 提升 after a verb of work (改造提升, 优化提升, 整治提升) or before one (提升改造) is one verb of work with it, no change.
# (in titles and narratives alike; every verb two characters, as a lookbehind needs)
_RAISE = r"(?<!改造|优化|整治|改建|扩建|修复|维修|巩固|美化|绿化|亮化|扩容|修缮)提升"
_CHANGE = re.compile(rf"增长|下降(?![到至])|减少|降低(?![到至])|上升(?![到至])|提高(?![到至])|{_RAISE}(?![到至]|改造)|增加(?![到至])|压缩")
# The name of a rate or a level (覆盖率, 满意度, 比例, 水平): a figure in % is its level.  A metric in % whose name is
# none of these is the growth rate of the thing named (规上工业增加值 in %, a title's 规上工业增加值增长8%).
_RATE = re.compile(r"(?:率|度|比例|比重|占比|水平)$")
# A stock's name (存栏, 余额, 保有量): what there is at a date, not the year's flow a growth rate is given for.
_STOCK_NAME = re.compile(r"存栏|存量|余额|保有量|实有|总数")
# The growth of the year (同比增长7.6%, 增幅7.6%): a growth metric's figure; 环比, 较上月 are other changes.
_GROWTH_WORDS = re.compile(r"(?<![环较比])(?:同比)?(?:增长了?|增幅(?:为|达到?)?)$")


# What describes a thing built rather than counting it: its ground (占地面积为140亩) and a facility's yearly or daily
# capacity (日最大处理量280吨垃圾处理站, 年出栏3万只…的养殖场), each before its figure.
GROUND = r"占地(?:面积)?(?:约|为)?"
CAPACITY = r"(?<![全今本当])[年日](?:最大)?(?:产|出栏|处理|加工|生产|接待|供水|屠宰)(?:能力|量)?(?:达到?|为)?"


# A share of the plan done (地区生产总值完成年计划, 完成年度任务, 工程进度): how far the work is, no growth.
_SHARE_DONE = re.compile(r"完成[^增]*(?:计划|任务|目标)$|进度$")


def growth_metric(name: str, unit: str) -> bool:
    """Whether a metric is a growth rate: in %, and its name no rate's, level's, stock's nor share of the plan's
    (牲畜存栏 in % is no growth of the year: 存栏…,增长4% is none for it; nor 同比增长2.2% for 完成年计划)."""
    return unit == "%" and not _RATE.search(name) and not _STOCK_NAME.search(name) and not _SHARE_DONE.search(name)


# The growth a growth metric's name ends in (外贸出口增长, 工业投资增速): the rest names the thing that grows.
_GROWN = re.compile(r"(?:同比)?(?:增长|增速|增幅)$")


def _grown(name: str, unit: str) -> str:
    """The thing a growth metric's name says grows (外贸出口 of 外贸出口增长 in %), as a report writes it before its
    growth (外贸出口118.3亿元、增长5.2%); '' for another metric.  Its head alone names no such thing (工业增加值 of
    some enterprises is no 规上工业增加值), nor does the 增长 of another thing (社零额…,增长3%) give it a figure."""
    return _GROWN.sub("", name) if growth_metric(name, unit) else ""


# Words that say the work is begun or under way, not done (开工, 在建, 施工).
_BEGUN = re.compile(r"开工|复工|在建|施工")
# Words that say the work is only begun or signed (开工, 在建, 签约).
_STAGE = re.compile(rf"{_BEGUN.pattern}|签约")


def keeps_stage(name: str, form: str) -> bool:
    """Whether a shorter form of a metric's name keeps the word that says its work is only begun or signed: 签约融资
    is no 融资, 新开工重点项目 no 重点项目 (竣工重点项目196个); a form that drops it would count the work at any stage."""
    return not _STAGE.search(name) or bool(_STAGE.search(form))
# Words of completion: what is built, finished, handed over or accepted as done (验收合格 after 上报).
_DONE = re.compile(r"建成|完工|竣工|完成|办结|投入使用|投用|交付|验收合格|通过验收")
# Words that say a thing is open or in service (开业运营, 通电运行, 通水, 通车): after 已, the thing is done.
_IN_SERVICE = frozenset("开业 开放 开通 运营 运行 通电 通水 通车 投运 启用 上线 投入运营 投入使用 交付使用".split())
# (涉及: what a task or a work involves, 涉及小区126个, is its scope, no count of what was done.)
# (申请: a sum applied for is asked, not got; 再 before a verb of work, 再建6个, says more is still to come, as 又 says
# more was done.)
_REFUSE = re.compile(
    r"计划|拟|将(?!近)|(?<![需重主只必纪摘概提])要(?=新|建|改|完成|实现|达到|培育|打造|创建|开展|发放|增加)|目标|任务|尚|仍|剩余|还有|还剩|未(?!成年)|再(?=新?[建改增装设办])|正在|在建|开工|复工|(?<![接招款])待|预计|力争"
    r"|确定|遴选|选定|选址|启动|谋划|储备|预留|摸排|排查|申报|申请|立项|招(?:投)?标|规划|设计|论证|审批|批复"
    r"|施工|进场|装修|主体(?:完工|封顶|竣工|建设)|签订(?:协议|合同|框架)|签约|意向"
    r"|(?<![占例])比(?!对|率|重|例)|较|同比|环比|每|人均|户均|平均|[日月年周]均|分别|缺口|涉及"
    r"|过半|进入[^\d,，]{0,6}阶段|收尾|(?:推进|进行)(?:当中|之中)"
    # a horizon of years ahead (5年内…共计37个: a plan's whole), and the things there before (连同已有的55个)
    r"|(?<![\d.])[2-9两三四五六七八九十]年内|(?:已有|原有|既有)的|连同"
)
# A running total to date; a sum of what the clause lists (共: within the period, if one is named).
# 1-8月 and 前三季度 are the year to date.
_TOTAL = re.compile(r"累计|截[至止]|至今|目前|今年以来|年初以来|前三季度|(?<!\d)1[-—~至]\d{1,2}月")
# The year's amount (今年新增112家): no month's amount, nor a stock to date.
_YEAR = re.compile(r"今年|年内|本年|全年")
# Some months that are neither the month's nor the year to date (7-8月新增240个, 上半年, 三季度); the last few months,
# weeks or days (近3个月新建…): a span counted back from the report, which begins with the year only by chance; the
# last few years (近年来, 近三年, 多年来): a span of years, of which the report's year is only the last.
_SPAN = re.compile(r"上半年|下半年|本季度?|(?<!前)[一二三四]季度|(?<![\d.])(?:[2-9]|1[0-2])[-—~至]\d{1,2}月"
                   r"|近\d+(?:个月|个?星期|周|天|日)|近(?:\d+|[一二两三四五六七八九十几]+)?年|多年来|历年")
_SUM = re.compile(r"共计|总计|合计|总数|共有")
# The report's own period named in a metric's name or a figure's clause (当期结存, 本期缴存额, 当年入库率).
_OWN_PERIOD = re.compile(r"当期|本期|当年|本年|今年|当月|本月")


def _sum_in(words: str) -> bool:
    """Whether words sum what they list: 共计, 合计, 总数, or 共 as a word of its own (not in 公共, 共享)."""
    return bool(_SUM.search(words)) or "共" in phrases.words(words)
_PERIOD = re.compile(r"本月|当月|上月|(?<![至止\d\-—~])\d{1,2}月份?(?!底|末)")


# A sentence that opens on what is foreseen (预计全年…, 预计:…, 经济指标增幅预计:…); the year it opens on is no part of
# what it says (2025年,同安区预计…, 2024年全区预计…: foreseen as 预计… is).
FORECAST = re.compile(r"(?:20\d\d年度?[,，]?)?[^,，\d]{0,12}?(?:预计|预估|估计)")
# A time or a state a part of a sentence has of its own (1-8月, 截至目前, 已…, 累计…, 实际完成…): none foreseen by the
# sentence; 实际 naming what is used (实际利用外资, 实际使用外资) is a metric's name, no state.
_OWN_TIME = re.compile(rf"已|目前|至今|以来|累计|实际(?![利使]用)|截[至止]|\d{{1,2}}[-—~至]\d{{1,2}}月|{_PERIOD.pattern}")
# 实现地区生产总值1121亿元、增长7.1%(预计,下同);一般公共预算收入54.1亿元。: a note in brackets that says the figures
# are foreseen makes its sentence, up to the full stop, one of forecasts: each of its parts after ; opens on 预计, as
# a forecast does.
_FORESEEN_NOTE = re.compile(r"(^|[。!！?？\n])([^。!！?？\n]*?)[(（](?:预计|预估|估计)数?(?:[,，、][^()（）]*)?[)）]([^。!！?？\n]*)")


def _foreseen_note(m: re.Match) -> str:
    return m[1] + re.sub(r"(^|[;；])(?=[^;；])", r"\1预计", m[2] + m[3])


def _foreseen_parts(sentence: str) -> str:
    """预计全年地区生产总值超600亿元;实现财政总收入78.4亿元;固定资产投资193亿元。: a sentence that opens on what is
    foreseen foresees each part after ; (the year's figures a report gives before the year ends), unless the part
    has a time or state of its own (;1-8月已完成投资65亿元 is done)."""
    parts = re.split(r"([;；])", sentence)
    if len(parts) < 3 or not FORECAST.match(parts[0]):
        return sentence
    return "".join(p if k % 2 or k == 0 or not p or FORECAST.match(p) or _OWN_TIME.search(p) else "预计" + p
                   for k, p in enumerate(parts))


def foreseen(text: str) -> str:
    """The text with each part of a sentence that is foreseen opening on 预计, as a forecast does."""
    text = _FORESEEN_NOTE.sub(_foreseen_note, text)
    return "".join(map(_foreseen_parts, re.split(r"([。!！?？\n])", text)))
# (2018年10月份: a year right before a month dates it, as the month alone does)
_OPENING = re.compile(rf"(?:{_TIME}|\d{{4}}年(?=(?:\d{{1,2}}[-—~至])?\d{{1,2}}月)|{_alt(_SCOPE + _JOINERS)})++")
# `1.重点支持…`, `二、…`: a new section, whose figures no earlier opening governs.
_SECTION = re.compile(r"\d{1,2}[.、]|[一二三四五六七八九十]+、")
# 2-character words ending in 区 or 县 that are not the name of a district.
_NOT_PLACES = set(
    "社区 户区 全区 我区 各区 本区 该区 城区 辖区 小区 园区 景区 片区 街区 市区 山区 灾区 地区 库区 "
    "矿区 林区 牧区 老区 全县 我县 各县 本县 该县 郡县 市县 区县 全旗 我旗 各旗 本旗 该旗".split()
)

_SENTENCE = re.compile(r"[;；。!！?？\n]")
# A comma between a digit and exactly three digits is a thousands separator.
_CLAUSE = re.compile(r"((?<!\d),|,(?!\d{3}(?!\d))|[，、:：])")
# A name may hold digits and Latin letters (5G基站, 12345热线), but at least two Chinese characters, or be an
# acronym of capitals alone (AED, ETC), as departments name devices and programmes.
# Nouns listed with 、 before one figure name one target (中小学、幼儿园), never 、 at an end.
# (\ue000-\ue009: a title's digits inside quotation marks, held apart from its figures: see title_text.py)
_NAME_CHARS = re.compile(r"(?=(?:.*[\u4e00-\u9fff]){2}|[A-Z]{2,}$)(?!、)[\u4e00-\u9fffA-Za-z0-9·、\ue000-\ue009]{2,30}(?<!、)")
# A condition or a duration qualifies a name; it is no figure (`60周岁以上老年人`, `为期3个月`).
# An age is a condition of the people counted (65岁以上老年人, 3-6岁儿童, 60周岁的); a level that ends its clause
# (期望寿命达到78.6岁。) is a figure, a part of a figure (78.6岁) no age at all.
_CONDITION = re.compile(r"(?<![\d.])(?:\d+[-—~至])?\d+周?岁(?:(?:及以上|以上|以下)的?|的|(?![\d.,，;；。\n]|$))"
                        r"|为期\d+(?:个月|天|年|周)的?")
_GENERIC = set("任务 目标 工作 全年任务 年度任务 进度 总量 项目 资金 机构 人员 对象 中心 基地".split())


def model_head(words: tuple[str, ...]) -> int:
    """The end of a model's or pilot's word (示范点, 试点, 样板) a verb right before qualifies (美丽乡村建设示范点,
    海绵城市建设样板区: one noun, the verb's thing and the model's), past a noun before the verb; 0 if none."""
    return next((k + 1 for k in range(2, len(words)) if re.match("示范|试点|样板", words[k]) and phrases.is_verb(words[k - 1])), 0)


# Areas of a city that jieba names as places but that are no district of their own: the city's core or old town.
_CITY_AREAS = frozenset("主城区 老城区 中心城区".split())


def _is_place(text: str) -> bool:
    """Whether words name a district or county (兰山区, 罗庄区, 各县): a place smaller than a city's scope.  A word
    ending in 区 or 县 is one unless it is a kind of area (社区, 山区, 城区); but a district's own name may end in
    such a word (兰山区, 柯城区, 西城区), which jieba then holds whole as a proper noun."""
    for m in re.finditer(r"([\u4e00-\u9fff])([区县旗])(?![域级县])", text):
        if m.group(1) + m.group(2) not in _NOT_PLACES:
            return True
    return any(len(w) >= 3 and w[-1] in "区县旗" and w[-2:] in _NOT_PLACES and w not in _CITY_AREAS
               and phrases._tags().get(w) in ("ns", "nr") for w in phrases.words(text))


def _is_city(word: str) -> bool:
    """Whether a word is a city or prefecture by its proper name (郴州市, 长乐市, 恩施州), as jieba tags it: in a
    province's or a city's report, one part of the whole the report counts when it leads a metric's name."""
    return len(word) >= 3 and word[-1] in "市州盟" and phrases._tags().get(word) == "ns"


# Words of range before a name (各类招聘会): no part of it.
_RANGE = ["各类", "各种", "各项"]
# A scope phrase: the level or the area a target is set for (市本级, 城区范围内), no part of the name.
_SCOPE_PHRASE = r"[市区县省]本级|(?:[\u4e00-\u9fff]{2})?范围内"
# A level (市级, 区级) first is the scope of the whole; after a verb it sets the kind of what is named
# (建设区级未成年人保护工作站): only the first words of a lead may be one.  将 (will) before a verb says when, no name.
_LEAD_WORD = (rf"(?:{_alt([w for w in _VERBS + _SCOPE + _RANGE if w not in _LEVELS])}|{_SCOPE_PHRASE}"
              rf"|在(?:{_alt(_SCOPE)})|每年|将|和|及|与|并|或|\d{{4}}年(?:底|末)?前?|到\d{{4}}年(?:底|末)?|年底前?|到?\d{{1,2}}月(?:底|末)前?)")
_LEAD = re.compile(rf"^(?:(?:{_alt(_LEVELS)}){_LEAD_WORD}*+|{_LEAD_WORD}++)")
_VERB = re.compile(_alt(_VERBS))
_NARRATIVE_VERB = re.compile(_alt(_NARRATIVE_VERBS))


def _lead_end(name: str, start: int, end: int) -> int:
    """Where a lead matched from start to end stops: not inside a verb (新建成 is 新 and 建成, never 新建 and 成);
    inside another word (新建村卫生室, where jieba joins 新建村) the match stands."""
    at = max(b for b in phrases.starts(name) if b <= end)
    if at == end or at <= start:
        return end
    nxt = min(b for b in phrases.starts(name) if b > end)
    return at if phrases.is_verb(name[at:nxt]) else end


def _strip_lead(name: str) -> tuple[str, bool]:
    """The name without its leading verbs and scope words, and whether a verb was among them."""
    end, ends = 0, []
    while True:  # list words, then verbs by the word (募集, 改造提升, 新设), then scope words again
        m = _LEAD.match(name[end:])  # (^ holds at the string's start only: the rest is matched as a string)
        ends.append(end)
        end = _lead_end(name, end, end + m.end()) if m else end
        verbs = phrases.leading_verbs(name[end:], listed_only=end > 0) if len(name) - end > 2 else 0
        if not verbs:
            break
        ends.append(end)
        end += verbs
    while len(name) - end < 2 and ends:  # 完成营造林: a verb (营造) that leaves too little is the name's own
        end = ends.pop()
    # 市级以上龙头企业: a scope word that 以上 qualifies belongs to the name.
    if name.startswith(("以上", "以下", "及以上"), end):
        end -= next((len(w) for w in _SCOPE if name[:end].endswith(w)), 0)
    # 培训机构 and 建设项目 are nouns: a verb before a generic head word stays; before 项目 it still leads what it
    # names, the projects counted by how they are carried (续建项目15个, 新建项目30个).
    if not end or len(name) - end < 2:
        return name, False
    lead = name[:end]
    verb = bool(_VERB.search(lead)) or phrases.leading_verbs(lead) > 0 or lead != _LEAD.sub("", lead)
    return (name, verb and name[end:] == "项目") if name[end:] in _GENERIC else (name[end:], verb)


def _variants(name: str, unit: str = "") -> list[str]:
    """The ways a narrative may write a metric's name: as given, without its leading verb, with a
    verb inside it written first (养老护理员培训 as 培训养老护理员, 城镇新增就业 as 新增城镇就业), and without a
    last noun of area or length or a count (造林绿化面积 as 造林绿化, 化解户数 as 化解, 疫苗接种人数 as 接种疫苗), which the
    measure word says;
    with the metric's `unit`, last, the thing a growth metric's name says grows (`_grown`)."""
    whole = _CONDITION.sub("", _normalise(name).strip())
    # 累计建成公园: 累计 says the metric's mode (a running total), no word of its things; the year's figure beside a
    # total is its value by the lead's convention, as for 建成公园
    whole = whole[2:] if whole.startswith("累计") and len(whole) >= 4 else whole
    core, _ = _strip_lead(whole)
    core = core if keeps_stage(whole, core) else whole
    # 造林绿化面积 as 造林绿化9,600亩: the measure word says the quantity the name's last noun names.
    measured = _QUANTITY_END.sub("", core)
    forms = (whole, core, *phrases.verb_first(core), measured, *phrases.verb_first(measured), *_verb_last(whole))
    # 装配式建筑占新建建筑比例 as 装配式建筑占比: the share of a thing in its whole, the whole left unsaid.
    forms += tuple(_SHARE_OF.sub("占比", f) for f in forms if _SHARE_OF.search(f))
    # 规上 is how reports shorten 规模以上 (above the designated size), GDP how they write 地区生产总值: either names
    # the same things.
    forms += tuple(f.replace(a, b) for f in forms for a, b in _SHORT_FORMS if a in f)
    # 公益性岗位 as 公益岗位: 性 that makes an adjective of a two-character word before the head noun alone is often
    # left out (区域性居家养老服务中心 keeps it: 区域 alone would read as a word the shorter forms may drop).
    forms += tuple(f[: m.start()] + f[m.end():] for f in forms if (m := _ADJECTIVE_XING.search(f))
                   and len(phrases.words(f[m.end():])) == 1)
    return [v for v in dict.fromkeys((*forms, _grown(whole, unit))) if len(v) >= 2]


def _verb_last(name: str) -> tuple[str, ...]:
    """完工项目 as 项目完工: things named by the stage of work they reached (竣工, 开工) are those things at that stage,
    as a report writes them (已开工101个项目,完工42个)."""
    stage = re.match(rf"(?:新)?(?:{_DONE.pattern}|{_BEGUN.pattern})", name)
    return (name[stage.end():] + stage.group(),) if stage and len(name) - stage.end() >= 2 else ()


_ADJECTIVE_XING = re.compile(r"(?<=[\u4e00-\u9fff]{2})性(?=[\u4e00-\u9fff]{2})")
_SHORT_FORMS = (("规上", "规模以上"), ("规模以上", "规上"), ("地区生产总值", "GDP"), ("GDP", "地区生产总值"))
# (a thing's share of a whole, 占新建建筑比例; narrative_text.share_of_whole reads the narrative's so too)
SHARE_OF_WHOLE = re.compile(r"占([\u4e00-\u9fff]{2,8}?)的?(?:比例|比重)")
_SHARE_OF = re.compile(rf"(?<=[\u4e00-\u9fff]{{2}}){SHARE_OF_WHOLE.pattern}$")


# (电量 of 外送电量, as 千瓦时 says; never the tail of a noun whose verb it completes: 用电量, 发电量)
_QUANTITY_END = re.compile(r"(?<=..)(?:面积|里程|长度|户数|人数|件数|数量|(?<![用发售供购耗])电量)$")


# Steps of the plan done on the work's means (管材招标, 设备采购) or signing its papers (签订加装协议, 签订施工合同).
_BOUGHT = frozenset("招标 采购".split())
_PAPERS = frozenset("协议 合同".split())


def step_means(ws: list[str]) -> set[int]:
    """The places in words `ws` of those that a step of the plan is done on (管材 of 管材招标) or that name the papers
    it signs (加装协议 of 签订加装协议): the work's own means, no other thing counted."""
    out = {k for k in range(len(ws) - 1) if ws[k + 1] in _BOUGHT and not phrases.is_verb(ws[k])}
    for k, w in enumerate(ws):
        end = next((j for j in range(k + 1, min(k + 4, len(ws))) if ws[j] in _PAPERS), None) if w == "签订" else None
        if end is not None:
            out |= set(range(k + 1, end + 1))
    return out


def telling(clause: str) -> bool:
    """Whether a clause only says who told the figures after it, and when (财政部18日发布数据显示, 据统计局公布)."""
    return bool(re.search(r"(?:发布|公布|通报|透露|介绍|表示)(?:的)?(?:数据|统计)?(?:显示|表明)?$|数据显示$", clause)) \
        and not re.search(r"\d[\d,.]*[^\d日]", clause)
