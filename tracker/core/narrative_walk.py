"""The walk of a progress narrative: its sentences and clauses read in order for one metric's figures (hits).

tracker/core/narratives.py recasts the narrative (tracker/core/narrative_text.py), splits it into sentences and
calls `hits` once for each form of the metric's name it tries; each clause is read by
tracker/core/figure_clauses.py, and what a clause says of the figures before it (a part under 其中, a step with no
noun of its own, the rest of the things, a month with nothing new, a stock with work on it) is judged here, in
the order the narrative writes it.  The hits are then pooled and decided by tracker/core/figure_pool.py.
"""

from __future__ import annotations

import dataclasses
import re

from tracker.core import figure_parts, figure_pool, figure_roles, figure_topic, figure_years, narrative_lists, narrative_names, phrases
from tracker.core.figure_clauses import (_BUILT, _BUILT_NEW, _DONE, _elided, _Hit, _hit, _hits_in_clause, _opening,
                                         month_only, repeated, subjectless)
from tracker.core.figure_words import (FORECAST, 
    _BEGUN,
    _CLAUSE,
    _LEAD,
    _NARRATIVE_VERBS,
    _PERIOD,
    _SCOPE,
    _SECTION,
    _SPAN,
    _TIME,
    _TOTAL,
    _alt,
    _is_place,
    growth_metric,
)
from tracker.core.phrases import NUM as _NUM, unit_is as _unit_is


def begun(name: str) -> bool:
    """Whether a metric counts what is begun (保障性住房新开工): a later step (基本建成) completes none of it."""
    return bool(_BEGUN.search(name))

# A time a part under 其中 may have of its own: a term, a season, a quarter, a half-year, a month or a part of one.
_PART_TIME = re.compile(r"学期|季度|[春夏秋冬]季|[上下]半年|(?<![\d.])\d{1,2}月|本月|当月|[上中下]旬")

# A month in a clause of its own (10月份,): it heads the clauses after it.
_MONTH_ALONE = re.compile(r"(?:\d{4}年)?\d{1,2}月份?|本月|当月")
# A clause on a part of the things just counted (其中) or on the rest of them (其余, 剩余, 另有).
_PART_OR_REST = re.compile(r"其中|其余|剩余|另有|另外")
# The things left when some are set aside (除新冠外,其余21种乙类传染病共报告发病…; 其余12个街道…): a figure of the rest is
# of the things but some, no figure of them all.
_REST = re.compile(r"^(?:其余|其他|剩余|余下)")

# A clause on all the things just counted that says they are still being built.
_ALL_UNFINISHED = re.compile(r"^(?!其余|其他|剩余|另).*?(?:均|全部|都).*(?:(?<!完成)施工(?!完成|完毕)|在建|开工|主体|装修|建设中)")


# 全市社会组织总数达到3142家 after 本月新增16家: a clause that names its scope again is a statement of its own.
_SCOPE_START = re.compile(_alt(_SCOPE))


def hits(sentences: list[str], names: list[str], unit: str, short: list | None = None,
          gap: bool = False, lead: frozenset = frozenset()) -> list[_Hit]:
    hits: list[_Hit] = []
    # An opening such as `8月以来,` governs the sentences after it, up to the next opening or section.
    opening = (False, False, "", figure_roles.latest_month("\n".join(sentences)))
    # Words a clause without the name may still take from it (评估, 办结 of 按期办结率).
    own = frozenset(n[i:j] for n in names for i in range(len(n)) for j in range(i + 1, len(n) + 1))
    growth = bool(names) and growth_metric(names[0], unit)
    named = unread = unread_total = False
    last, verbs = 0, frozenset()
    governing: frozenset = frozenset()  # the verbs of the last clause that gave the metric a figure
    placed: frozenset | None = None  # the verbs of figures of the metric's parts by place given since it was last read
    taken: frozenset = frozenset()  # verbs of unread figures since the clause that named the metric
    after_semicolon = False
    read_before, hits_at, previous, given = False, 0, "", names  # (whether the sentence before gave the metric a figure)
    will = heading = of_month = said_will = whole_planned = False  # (将新建…: what will be done; a month heads; 包括; below)
    for sentence in sentences:
        read_before, hits_at = len(hits) > hits_at, len(hits)
        carry, after_semicolon = after_semicolon, sentence.endswith((";", "；"))
        sentence = sentence.rstrip(";；")
        in_view, previous = previous if carry else "", sentence
        parts = _CLAUSE.split(sentence)
        clauses, seps = [p.strip() for p in parts[::2]], [""] + parts[1::2]
        # 国家统计局:2018年10月份,…: a heading (who tells, of what) before a month alone is no part of the opening
        headed = len(seps) > 1 and seps[1] in ":：" and not re.search(r"\d", clauses[0]) and bool(_MONTH_ALONE.fullmatch(clauses[1]))
        opening = _opening(clauses[headed:], opening)
        # A、B分别建成15个、117个; among shortened names a rest whose thing the sentence named (补装路灯…,亮灯率…分别为…)
        listed = names if short is None else narrative_names.heads_here(short, sentence, "")
        hits += [_hit(value, True, join, opening, False, part)
                 for value, join, part in narrative_lists.respectively(sentence, listed, unit)]
        if _SECTION.match(sentence):
            governing, placed = frozenset(), None
        if not carry:
            named = unread = unread_total = of_month = False
            last, verbs = 0, frozenset()
        stock: list[_Hit] = []
        said: list[_Hit] = []  # the hits of this sentence
        nothing: list[_Hit] = []  # a month with nothing new, said before the metric is read in the sentence
        # 按消费类型分,10月份,商品零售额…;餐饮收入…: a month in a clause of its own heads the list after ; too
        month_before = carry and heading and not re.match(_TIME, clauses[0])
        heading, now_before, under = month_before or any(map(_MONTH_ALONE.fullmatch, clauses)), False, False
        planned = whole_planned = carry and whole_planned  # (谋划储备项目172项,其中…;新开工项目91项: parts of a whole planned)
        will, involved = bool(will and _SAME_TIME.match(sentence)), False
        forecast, projects = bool(FORECAST.match(sentence)), _named_projects(clauses, seps)  # (预计全年…: all foreseen)
        led = False  # whether the verb that leads the list being read says its things only planned or begun
        spell = ("year" if figure_roles.to_date(clauses[0], opening[3]) else "span") if _SPAN.match(sentence) else ""
        for k, clause in enumerate(clauses):
            if short is not None:
                # 保障性住房已开建6.08万套,…;竣工1.77万套,竣工率为27.8%: after ; clauses with no noun of their own keep
                # the sentence before in view, and what it named
                names = narrative_names.heads_here(short, sentence, clauses[k - 1] if k else "", clause)
                if in_view and all(_goes_on(c, in_view, given) for c in clauses[:k]):
                    names += [r for r in narrative_names.heads_here(short, in_view + sentence, clauses[k - 1] if k else "", clause)
                              if r not in names and r in clause and (not clause.split(r)[0] or subjectless(clause.split(r)[0]))
                              and _hits_in_clause(clause, [r], unit, opening, False)]
            # `低保对象、特困人员共计3000人`: a bare name before 、 shares the figure.
            shared_head = (k > 0 and seps[k] == "、" and bool(clauses[k - 1])
                           and not re.search(r"\d", clauses[k - 1]) and not _LEAD.fullmatch(clauses[k - 1]))
            shared_head = 2 if shared_head and any(clauses[k - 1] in n for n in given) else shared_head
            found = _hits_in_clause(clause, names, unit, opening, shared_head, gap)
            # 年初确定新增供热面积500万平方米,普及率达到60%: what a plan set, listed after its verb, is no figure done.
            # …将新建牧区道路114公里。同时,…新建基站42个: what goes on at the same time as what will be done, in the
            # sentence or the next, speaks of what will be too, up to a clause with a state of its own; a sentence that opens on 今年 and says 将 (今年,我县将…作为主线,全年开发…30项) sets the year's plan
            # 精准施策,预计全市地区生产总值增长5%,…,固定资产投资增长25%: 预计 opening a later clause foresees it and the
            # clauses after it, up to the full stop, as one opening the sentence does
            forecast = forecast or bool(k and FORECAST.match(clause))
            planned = planned or bool(will and (_SAME_TIME.match(clause) or said_will)) or forecast or (whole_planned := whole_planned or (k > 0 and narrative_lists.planned_whole(clauses[k - 1], clause)))
            in_plan = planned and not _OWN_STATE.search(clause)
            # 涉及7个城市,28.05万套居民房屋、3884栋楼: what the work involves, listed after 涉及 in clauses with no verb
            # of their own, is its scope, no count of what was done (unless the metric counts that scope: …涉及居民).
            involved = ("涉及" in clause and not any("涉及" in n for n in names)) or (
                involved and not any(phrases.is_verb(w) for w in phrases.words(clause)))
            planned = in_plan or _sets_plan(clause)
            will_here = (w := _WILL.search(clause)) and not _OWN_STATE.search(clause)
            will, said_will = will or in_plan or bool(will_here), (k and said_will) or bool(will_here and w[1] and sentence.startswith(("今年", "明年")))
            if not found and k and seps[k] == "、" and (again := _measured_again(clauses[k - 1], clause, unit)):
                found = _hits_in_clause(again, names, unit, opening, False, gap)  # 已完工小区61个、5,260户
            if not k or seps[k] != "、":
                led, lead_at = narrative_lists.item_stage(clause), k  # the stage the verb that leads a list gives its items
            elif narrative_lists.item_stage(clause) is None:  # (…新改建工程210公里、桥梁5座: the list's work, its items')
                found = [] if led else [dataclasses.replace(h, listed=narrative_lists.lead(clauses[lead_at:k])) for h in found]
            if found:
                placed = None
            elif placed is not None and (summed := figure_parts.sum_of_parts(clause, unit, placed)):
                found, placed = [_hit(phrases.number(summed), True, clause, opening, False, clause)], None  # 三区合计建成20个
            elif figure_parts.by_place(clause, names, unit) or (placed is not None and _is_place(clause)):
                placed = (placed or frozenset()) | _verbs_of(clause)  # 兰山区新建成口袋公园9个;罗庄区新建成6个: parts
            if found and _year_planned(clause, clauses[k + 1:], unit):
                found = []  # 全年建设智慧社区50个,目前已完成42个: the year's whole planned, what is done of it after
            if found and k and figure_roles.yield_of_undertaken(sentence[: sentence.find(clause)], clause):
                found = [dataclasses.replace(h, doubt=True) if h.untimed else h for h in found]  # 建设…项目25个,新增学位…
            if found and k + 1 < len(clauses) and figure_roles.share_of_task(clauses[k + 1]):
                found = [figure_roles.to_date_total(h) for h in found]  # 更换路灯4,820盏,完成年度任务的80.3%
            # 其中省级示范家庭农场26家、市级示范家庭农场58家: parts listed with 、 after 其中 are parts too.
            under = clause.startswith("其中") or (k > 0 and seps[k] == "、" and under)
            # 6月审批核准项目23个,…,包括水利项目4个…;交通项目7个: the parts listed after 包括 are the month's, as its whole
            of_month = of_month or (clause.startswith("包括") and bool(_PERIOD.search(sentence[: sentence.find(clause)])))
            found = [dataclasses.replace(h, period=True, untimed=False, subset=True) for h in found] if of_month else found
            if under:
                found = [dataclasses.replace(h, subset=True) for h in found]
            if _REST.match(clause) and not any(n in clause for n in names if _REST.match(n)):
                found = [dataclasses.replace(h, doubt=True) for h in found]
            if clause.startswith("其中") and _PART_TIME.search(clause):
                # 新增学位2,160个,其中秋季学期新增1,020个: a part with a time of its own shows that the whole, with
                # none, spans more than that time: it is no month's amount (as beside a month named elsewhere).
                whole = {id(h) for h in said if h.untimed and not h.subset}
                hits = [dataclasses.replace(h, dated=True) if id(h) in whole else h for h in hits]
                said = [dataclasses.replace(h, dated=True) if id(h) in whole else h for h in said]
            if not found and named and last and (level := figure_roles.level_reached(clause, unit, hits[-last:], given[0] if given else "")) is not None:
                # 月人均补助新增18元,达到236元: the growth is no figure to date, the level reached is
                hits[-last:] = [dataclasses.replace(h, total=False, state=False) for h in hits[-last:]]
                found = [dataclasses.replace(_hit(level, True, clause, opening, False, clause),
                                             total=True, state=True, period=False, year=False, untimed=False)]
            if not found and (named or unread):
                part = named and last > 0 and all(h.subset and any(n in h.words for n in names) for h in hits[-last:])
                elided = _elided(clause, unit, opening, unread, verbs, own, lead, growth)
                if elided and growth and k and not any(n in clauses[k - 1] for n in names + [h.words for h in said]) \
                        and not figure_topic.growth_of(clauses[k - 1], names[0]):  # 其中…接待游客60万人,增长50%: the clause before's
                    elided = None
                if (elided and elided[0].year and not _BUILT_NEW.search(clause) and not unread_total
                        and not (named and any(h.total or h.untimed for h in hits[-last:]))):
                    elided = None  # 缺口约3万个,今年新增1.2万个: the year's growth counts beside a total of all years only
                # 累计建成…5000个,今年建成1200个: the year's work is the same work over another time, no completion
                # of what was begun.
                # 城镇新增就业…人,完成培训…人: a metric that is itself a work takes no completion of another work.
                if (elided and elided[1] and names and narrative_names.ends_in_verb(names[0])
                        and figure_roles.other_work(clause, own | verbs | _BUILT)):
                    elided = None
                if elided and elided[1] and named and not elided[0].year:
                    # 实施…18处,已完工12处: what is done, not what was begun, when the clause before said no more.
                    # A metric of what is begun (…新开工) keeps its own figure.
                    if any(_DONE.search(h.words) for h in hits[-last:]) or (names and begun(names[0])):
                        elided = None
                    else:  # the figure planned is no reading, here nor against a later one
                        said = [h for h in said if all(h is not p for p in hits[-last:])]
                        del hits[-last:]
                found = [dataclasses.replace(elided[0], before=clauses[k - 1] if k else "")] if elided else []
                if found and part:
                    # 充电桩3,200个,其中公共充电桩1,800个;8月新建120个: of the whole or of the part, not said.
                    found = [dataclasses.replace(h, doubt=True) for h in found]
                if not found and named and _ALL_UNFINISHED.search(clause) and not _NUM.search(clause):
                    del hits[-last:]  # 新建游泳池3座,均已完成主体施工: all of them are still being built
            if not found and governing:
                total = repeated(clause, unit, opening, governing)
                found = [total] if total else []
            if found and not any(n in clause for n in names) and taken & set(phrases.words(clause)):
                # 计划…,已开工118个,…累计开工…: the verb of a figure given since the name is that figure's.
                found = []
            on_stock = not found and bool(stock) and figure_roles.works_on(clause, unit)
            if on_stock:
                # 全市有农村集贸市场96个,已完成标准化改造41个: the stock is not what was done, nor clearly the metric's.
                hits += [dataclasses.replace(h, doubt=True) for h in stock]
                stock = []
            stock += [h for h in found if figure_roles.stock(h.words)]
            if k and spell:
                # 三季度完成…拆迁33万平方米,安置居民9618户: a spell that begins the sentence covers the clauses after
                # it that have no time of their own; the year to date (上半年…,新解决1075个…) makes them the year's.
                found = [(dataclasses.replace(h, year=True, untimed=False) if spell == "year" else
                          dataclasses.replace(h, span=True, total=False, period=False, year=False)) if h.untimed else h
                         for h in found]
            if month_before:  # 本月走访…,发放慰问金56.3万元: a month earlier in the sentence covers the clauses after it
                found = [dataclasses.replace(h, dated=False, period=h.period or (
                    h.untimed and not h.state and not h.total and not _SCOPE_START.match(clause))) for h in found]
            if now_before:  # 目前已开工9个,建成4个: 目前 leading a clause covers those after it: a state to date, no month's
                found = [dataclasses.replace(h, state=True) if h.untimed and not h.period else h for h in found]
            if not found and said and (year := figure_roles.years_figure(clause, unit, said)) is not None:
                found = [dataclasses.replace(_hit(year, True, clause, opening, False, clause), year=True, total=False)]  # 总数已达23个,今年新建成的2个均已对外开放
            if not found and said and figure_roles.leaves_out(clause):
                # 改造危房3493户(不含高新区): the figure before is short of the whole by what the aside leaves out
                hits += [dataclasses.replace(h, doubt=True) for h in said if h.words == clauses[k - 1]]
            if not found and said and figure_roles.unread_role(clause, unit, said, bool(names and begun(names[0]))):
                # 中小学校14所,其中竣工交付9所; 新培育8家,累计分别达到23家: the clause after gives what is done or
                # the total in words the reader does not take, so the figure before is not clearly the metric's.
                hits += [dataclasses.replace(h, doubt=True) for h in said]
            if not found and said and names and figure_roles.years_unkinded(clause, unit, names[0]) and not any(h.year for h in said):
                # 累计建成城市绿道412公里,今年新建绿道9.6公里: this year's figure, which the convention prefers, of
                # the metric's noun without its word of kind (城市): the total is not clearly the value.
                hits += [dataclasses.replace(h, doubt=True) for h in said]
            if not found:
                # 累计新增技能人才1.76万人,较上月增加1,420人: the figure to date just given in another magnitude is
                # what the change against the month before changes.
                other = [h for u in figure_roles.magnitudes(unit) for h in _hits_in_clause(
                    clauses[k - 1], names, u, opening, False)] if k and unread_total else []
                found = month_only(clause, unit, opening, said[-last:] if last else other, bool(said) or read_before, own)
                if not found and not said and figure_roles.nothing_new(clause, _PERIOD, own):
                    zero = _hit(0.0, True, clause, opening, False, clause)  # 9月份无新增完工小区,累计完工…12个
                    nothing = [zero] if zero.period and not zero.total else []
            # 剔除留抵退税因素完成6.8亿元: a figure adjusted, beside the one counted, is no reading
            if in_plan or involved or k in projects or figure_roles.adjusted(clauses[k - 1] if k else "", clause):
                found = []
            # 200处…创建工作,正在进行审查确认: a topic with no verb, its predicate after it saying the work is under way
            if found and k + 1 < len(clauses) and seps[k + 1] != "、" and figure_topic.predicate_unfinished(
                    clause, clauses[k + 1], names):
                found = []
            new = figure_pool.untimed_before_total(said, found)
            if new and any(h.total and h.value not in {n.value for n in new} for h in found):
                found = [dataclasses.replace(h, doubt=True) for h in found]
                hits += [dataclasses.replace(h, doubt=True) for h in new]
            said += found
            month_before = month_before or bool(_PERIOD.search(clause))
            now_before = now_before or bool(_NOW.match(clause))
            hits += found
            # (新增就业3.3万人 names the metric in words that are all verbs: it has a subject, the metric)
            if not found and not on_stock and (subjectless(clause) and not any(n in clause for n in names)
                                               or clause.startswith("其中")):
                # 计划改造老旧小区126个,已开工118个,其中完工63个: a step with no noun of its own (begun,
                # chosen, its rate) or a part (其中高校毕业生1.36万人) speaks of what the clause before
                # named, which stays in view; the verb of a figure it gives is that figure's, not the metric's.
                if any(_unit_is(clause, m.end(), unit) for m in _NUM.finditer(clause)):
                    taken |= {w for w in phrases.words(clause) if phrases.is_verb(w) and w not in own and w not in verbs}
                continue
            taken = frozenset()
            named, last = bool(found), len(found)
            unread = not found and (narrative_names.mentions(clause, names) if gap else any(n in clause for n in names)) \
                and not _is_place(re.sub(_alt(names), "", clause))  # 棚户区 of the name is no district
            # 5G基站累计达到1.32万个,较去年底新增1,860个: a total of all years in another magnitude of the unit is
            # still a total, beside which this year's figure is the value.
            # 公共充电桩保有量达到1,020根,较去年底新增286根: the stock held (保有量) is a total of all years too.
            unread_total = unread and (bool(_TOTAL.search(clause)) and any(
                _unit_is(clause, m.end(), u) for m in _NUM.finditer(clause) for u in figure_roles.magnitudes(unit))
                or "保有量" in clause and any(_unit_is(clause, m.end(), unit) for m in _NUM.finditer(clause)))
            if found:
                governing = _verbs_of(clause)
            elif not _PART_OR_REST.match(clause) and any(_unit_is(clause, m.end(), u) for m in _NUM.finditer(clause)
                                                         for u in (unit, *figure_roles.magnitudes(unit))):
                # another thing counted in the unit: a total further on may be its (a part, 其中, or the rest of the
                # same things, 其余6座正在装修, 另有3座…, counts no other thing)
                governing = frozenset()
            if found or unread:  # the verbs a running total after this clause may repeat
                verbs = _verbs_of(clause)
        if nothing and said:
            hits += nothing
    return _of_all_years(_of_past_years(hits, "\n".join(sentences)), sentences)


# A verb by which someone sets what is to be done (市政府确定…, 报告提出:, 计划 leading its clause): the clauses after it
# in the sentence list what it set, up to one that says something is done or ties its figure to a time of its own.
_PLAN_SET = re.compile(rf"确定|提出|明确|部署|要求|草拟|起草|拟订|拟定|(?:目标|任务)(?:是|为)|^(?:{_alt(_SCOPE)}|{_TIME})*计划|测算|(?<![必无急])需(?!求)"
                       rf"|(?<![年度的])计划(?:{_TIME}|今年|年内|全年)*(?:实现|完成|新增|新建|建成|达到)")
# What will be done (将新建, 拟建, 计划实施, 预计完成), and a sentence that opens on the same time as the one before.
_WILL = re.compile(r"(将(?!近|其|之))|拟|计划|预计")  # (group 1: 将, what the sentence's subject will do)
_SAME_TIME = re.compile(r"同时[,，]?")
_OWN_STATE = re.compile(rf"已|现|目前|至今|以来|累计|实际|截[至止]|{_DONE.pattern}|{_PERIOD.pattern}")


def _sets_plan(clause: str) -> bool:
    """Whether a clause sets what is to be done (年初市政府确定…, 政府工作报告提出, 今年计划…, or drafts it: 草拟《…》), not what is done under a
    plan (按照…要求, 根据…部署)."""
    return bool(_PLAN_SET.search(clause)) and not re.match(r"按照|根据|依据|对照|围绕|结合|落实", clause)


# 新建通屯油路350公里、大中修农村公路400公里等6个项目提前完成了节点任务: items listed with 、 and closed by 等 and a count
# of projects (tasks, works) that is the subject of a predicate after it name the projects by their own targets.
_PROJECTS_ETC = re.compile(r"等\d+(?:个|项|件)(?:子|重点|民生|具体)*(?:项目|工程|任务|实事|事项|子项(?!目))(?=[\u4e00-\u9fff])")

_WORK_NOUN = re.compile(r"的?(?:建设|改造|工作|任务|实施)")


def _named_projects(clauses: list[str], seps: list[str]) -> set[int]:
    """The places of the clauses whose figures name projects: the items of a list closed by 等N个项目 with a predicate
    of its own after it (what is said of the projects, not how much of the work is done); a list that is the object
    of a verb before it (已完成…8个口袋公园、…等82个子项目) counts what is done."""
    out: set[int] = set()
    for j, clause in enumerate(clauses):
        m = _PROJECTS_ETC.search(clause)
        if not m or _WORK_NOUN.fullmatch(clause[m.end():]):  # (…等82个子项目建设: the work of them, no predicate)
            continue
        i = j
        while i and seps[i] == "、":
            i -= 1
        out |= set(range(i, j)) | ({j} if re.search(r"\d", clause[: m.start()]) else set())
    return out


# A clause that speaks of now (目前, 现已): the state to date.
_NOW = re.compile(rf"(?:{_alt(_SCOPE)})*(?:目前|现已)")


# A clause led by the year as a whole (全年, 年度), with no word of what is done.
_YEAR_WHOLE = re.compile(rf"(?:{_alt(_SCOPE)})*(?:全年|年度)(?!.*(?:已|累计))")


def _goes_on(clause: str, before: str, names: list[str]) -> bool:
    """Whether a clause after ; goes on with what the sentence before spoke of: it has no noun of its own, and its
    verbs are those of that sentence or of the metric's name (竣工1.77万套 for 保障性住房竣工率; 完成投资5.2亿元 speaks of
    investment, another thing)."""
    return subjectless(clause) and all(w in before or any(w in n for n in names) for w in phrases.words(clause)
                                       if len(w) >= 2 and (phrases.is_verb(w) or phrases.is_verbal(w)))


def _measured_again(before: str, clause: str, unit: str) -> str | None:
    """A clause that is only a figure of the unit (5,260户), listed with 、 right after a clause that ends in a figure
    of another unit (已完工小区61个), measures the same things again: that clause with this figure in place of its
    own (已完工小区5,260户), else None."""
    m = _LAST_FIGURE.search(before)
    n = _NUM.match(clause)
    if not m or not n or n.end() + len(unit) != len(clause) or not _unit_is(clause, n.end(), unit):
        return None
    other = phrases.unit_at(before, m.end())
    return before[: m.start()] + clause if other and other != unit and m.end() + len(other) == len(before) else None


_LAST_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?(?=[^\d]{1,4}$)")


def _year_planned(clause: str, after: list[str], unit: str) -> bool:
    """Whether a clause's figure is the year's whole planned: led by 全年/年度 with no word of what is done, and a
    clause after it in the sentence gives a figure of the unit as done (已, 目前已完成42个)."""
    return bool(_YEAR_WHOLE.match(clause)) and not _DONE.search(clause) and any(
        "已" in c and any(_unit_is(c, m.end(), unit) for m in _NUM.finditer(c)) for c in after)


# A clause that opens on the whole place again (全县已建成…): a statement of its own, under no earlier time.
_WHOLE_PLACE = re.compile(r"[全我][市县区旗省州镇]")
_THIS_YEARS_WORK = re.compile(r"(?:今年|本年度?|年内)(?:以来)?(?:已经|已|共|累计)*(?P<verb>[\u4e00-\u9fff]{2})")


def _of_all_years(hits: list[_Hit], sentences: list[str]) -> list[_Hit]:
    """The hits, a figure to date with no time words in a clause that opens on the whole place again in doubt where
    another sentence ties the same verb's figures to this year (今年已建成老年食堂12个…;全县已建成日间照料中心151个):
    the writer set this year apart, so the figure without it is the stock of all years, not what the year did."""
    out = []
    for h in hits:
        verbs = figure_roles.work_verbs(h.words)
        other = [c for s in sentences for c in _CLAUSE.split(s)[::2] if h.words not in c]
        if h.untimed and not h.period and verbs and _WHOLE_PLACE.match(h.words) and any(
                m["verb"] in verbs for s in other for m in _THIS_YEARS_WORK.finditer(s)):
            h = dataclasses.replace(h, doubt=True)
        elif h.total and not h.year and verbs & figure_years.numbered_years_work(
                next((s for s in sentences if h.words in s), ""), h.words):
            h = dataclasses.replace(h, doubt=True)
        out.append(h)
    return out


def _of_past_years(hits: list[_Hit], text: str) -> list[_Hit]:
    """The hits, those of an earlier year than the report's (or a sentence's opening), of a span from one (自2017年5月开始…,
    where the text names a later year), of several years (五年累计…) or of the year past: no total nor month's amount."""
    spanning = figure_years.since_past_years(text)
    return [dataclasses.replace(h, total=False, period=False, year=False, span=True)
            if figure_years.past_year(h.words, text) or figure_years.year_opened(h.words, text)
            or figure_years.over_years(h.words, text) or figure_years.earlier_span(text, h.words) or any(h.words in s for s in spanning) else h for h in hits]


def _verbs_of(clause: str) -> frozenset:
    return frozenset(w for w in phrases.words(clause) if phrases.is_verb(w) or w in _NARRATIVE_VERBS)


