"""Read quantitative targets out of task titles and values out of progress narratives (Chinese work-report text).

`targets_from_title("新建区域性居家养老服务中心100个,改造社区养老服务站300个")` gives two Targets;
`read_value(narrative, name, unit)` the figure a narrative gives for one metric with the clause it
stands in (`value_for` the figure alone).  A wrong official figure is worse than a missing one, so
whenever a figure is not clearly the metric's the reader gives nothing ([] or None).

Words, numbers and measure words come from tracker/core/phrases.py (jieba, cn2an): digits, full-width
digits, thousands separators in groups of three, and Chinese numerals that count a measure word
(两个); a measure word as written, magnitude included (12.2万人次 is 12.2 in 万人次), equal to the
metric's unit (2317人次 is none in 人, 50场次 none in 场; a metric an import declares in 万名 takes 6,850名 as 0.685
where the text writes none in 万名, and the reverse), a compound one read whole (100万台套 is none in 万台;
5万千瓦, 600万方, a per-day rate 3350吨/天), a magnitude before a measure word not known none (600万桶).
A metric whose name leads with a verb of work (新增公交线路) takes no figure another verb of work governs
(优化公交线路41条, 累计建成52个 for 新建…), only its own verb's or one with no verb; a name listed with 、
(幼儿园、中小学) is one noun, in titles and narratives.  Lists, ranges, ordinals, per-rates and
asides in parentheses give no figure.
Titles: a clause gives a target when a verb leads its name (新建, or any verb word: 募集, 改造提升,
新设; after 年内, 全年, 新; a verb that would leave too little stays: 完成营造林), the figure comes first
(完成40个…培育, 为1万名老年人购买…, a bare 20个NAME after a clause that read one), or a floor or level
follows a name (数量达到, 不少于, 突破, 提高到, 余: 三千余名, a rate's or a level's 达到: 健康素养水平提高到28%); a rate
listed after a clause that read a target is one (…,问题厕所整改率100%), and so is a part under 其中; 为全市, 在全市,
市本级, 城区范围内 and a level first are scope, a level after the verb the kind (建设区级…工作站).  新 before a verb is
a verb (新开工, 新建成), a verbal noun before a listed verb too (调整优化); a lone 二 is an order (二次供水).  What
is begun keeps its verb in the name (新开工保障房); NOUN新增NAME names what follows 新增 unless it is verbal
(城镇新增就业); a noun and a listed verb of work before the figure name it together (普通高中招生扩招2500人).  A count of households or couples names the thing done for them (为3000户…安装燃气泄漏报警器)
or the work a light verb carries (为3000户家庭开展适老化改造), and so does one of people a title does something for
(为1.2万名老年人提供免费健康体检: 免费健康体检; a word of manner after whom begins what is done: 妇女免费做宫颈癌筛查),
whom only where nothing done is named whole; a part under 其中 with a floor (不少于240个) is a
target.  左右 after a title's figure is the target as written, 以上 a floor (增长6.5%左右, 增长18%以上); 控制在 a ceiling.  A name may hold 和 (中央和省级补助资金).
Conditions and durations (60周岁以上, 为期3个月), changes (提高10%), per-head figures, approximations
and ceilings (以内, 不超过) give none, nor do listed verbs alone (更新改造) or what a target amounts to (总投资).
Targets whose names would be alike keep the verbs that set them apart (新建公厕, 改造提升公厕); a clause of
verbs alone after a target counts its noun in the same measure word (新建公厕326座、改造64座: 改造公厕), not
after a verb of plans or starts, and a figure alone in another measure word after a target measures it again
(改造老旧小区192个、1100万平方米); 对18个老旧小区进行综合改造 names 老旧小区综合改造; an area first (主城区) is
scope.  A growth rate names its thing's target in % (规上工业增加值增长7%; 增速, 递增 and 可比增长 say growth, and
what is spent grows: 企业研发投入增长15%), a rate's floor is its target (比例不低于85%), a share of things first that
reach what follows is a rate (80%的村建成卫生室), and 覆盖 that names a rate (覆盖人口比例) is no figure a target
leads to.  A magnitude alone before a measure word is a numeral (建设百所…, 开展万场…, 突破百亿元), and two figures in
two measure words written together measure the same things (建设23条65公里…公路, 22个老旧小区5776户…改造).
Narratives: the name (or the name without its verb, or with the verb first: 培训养老护理员 for
养老护理员培训) stands just before the figure, joined only by words such as 已建成, 累计, 8月新建, or
just after the measure word; it begins a word and is not the tail of a longer noun (a verb, scope
word or nothing before it, as whole words: the 共 of 公共充电桩 is none; a level, 市级智慧养老院, sets a kind).  Where that gives no figure of the kind the metric wants, looser forms
(tracker/core/narrative_names.py): the name without qualifiers (两癌筛查 for 适龄妇女两癌免费筛查, never
without a word of kind such as 农村, 市级, 区域性, and only where the name as written is nowhere), a
verb's object after it (临时救助困难群众; not when a verb of other work follows the object: 城镇新增就业困难人员就业), its words in another order after a count of people
(为1028名残疾儿童提供康复救助; after 为 the thing done for them in their unit: 为2860户…安装燃气泄漏报警器);
a name that lists kinds (公用和专用…充电桩) by the one noun of its head the text gives (公共充电桩), a kind's
part under 其中 by its words of kind alone (…充电桩104个,其中农村71个 for 农村充电桩; 183个(其中乡镇及农村59个),
an aside that is a clause of its own), and last the narrative's own
noun phrase beside a figure that holds the name's key words in any order around its head noun
(tracker/core/figure_match.py: 更新环保型公交车辆 for 更新公交车辆, 课桌椅更换 for 更换课桌椅, 秸秆还田面积 for
秸秆还田, 开工建设安置房 for 安置房开工, key words as the clause's subject: 全市中小学已更换老旧课桌椅 for
中小学课桌椅更换; words of kind agreeing, no plan's word, nothing after the head but the metric's verbs or a
quantity of it), after every other form the phrase that ends in the name's head noun with some of the name's words
left out and none added (村级服务站286个 for 村级寄递物流综合服务站; the head alone once the sentence has named a noun
of the name before it: 迪庆机场开通有…等11条航线 for 迪庆机场开通航线; never without a word of kind, size or place, nor where
the text writes the head after a word of kind the name lacks, 技术服务合同 beside 技术开发合同成交额, or gives a fuller
form of the name a figure of its own, 其中县财政配套资金3.35亿元 beside 已到位资金8.54亿元),
then its head word once the sentence has named what it belongs to
(社工站…,覆盖率达到100%; 资金 right after the clause that named the subsidy); a shortened name counts
where the name as written is nowhere, or after it (a later mention shortens it).  Figures given 分别 go
to the names in order, and 分别 with no names of its own over the list just given.  A clause without the name counts after one that named the metric: a running
total or a month's amount with a verb of that clause, of the name or of building (累计建成128个,8月
新增9个), a clause of completion (建成投用4个, 其中完工21个, 已发放3200万元 after 计划发放…), what is done
of a whole (20个示范村已完成14个; 已确定30个示范点位,其中12个已建成并投入使用), opening for use after a plan
alone (计划新增12家,目前已开放运营9家), a batch put in place by the metric's own verb (首批30台已配发… for
配发救护车).  What was actually done after a plan in the same unit (计划完成20场,实际完成31场) is read as the
figure done, 较上月新增NAME as 本月新增NAME and 较去年底新增NAME as 今年新增NAME, a change that opens a sentence
(较8月底增加11座,…累计…63座) after the figure to date it changes; 金额 right after the clause that
named a money metric in another unit is its sum; 每千常住人口 is 每千人口; after 为N名…, a light verb (开展)
carries a verb of the work named after the thing (开展HPV疫苗接种 for HPV疫苗).  A clause with no noun of its own (已开工118个, 已选址18个, 完工率66.7%)
or a part under 其中 keeps the subject named before it in view (计划改造…126个,已开工118个,其中完工63个), and
the verb of a figure it gives is no longer the metric's; further on, a running total or a month's amount
with no noun of its own that repeats the verb which governed the metric's figure is the metric's
(本月走访慰问…1,126人次,发放慰问金…;今年以来累计走访慰问8,940人次), until another thing is counted in the unit.
Refused: plans, steps of plans and what is only started (计划, 确定, 遴选, 选址, 启动, 开工, 正在),
remainders, a figure without the name whose verb leads the metric's noun elsewhere with another verb
(新建公厕…,改造提升公厕…;累计新建86座), a figure without a name after a part named under 其中, changes between a name and its figure (a level reached is none: 提高到96%, 由10个增至15个),
per-head figures, 分别 with a change, money for things, one district's figures, figures shared with
another name, and approximations (近, 约, 余, 多, 以上 …).
Totals and months: 累计, 截至, 目前, 1-8月 mark a running total, 本月 or 8月 a month's amount (also in an aside: 32家(当月新建成5家)), 上月底 neither, 今年 the
year's amount (neither, but a cumulative metric's value beside a total of all years, 累计 or a figure to date with
no time words, whatever its verb, named or not, under 其中 or not: 累计达到300个,其中今年新建45个 gives 45,
已建成…3,420个,较去年底新增1,160个 gives 1160, and a total in 万个 beside the year's 1,860个 gives none in 万个
and, being a total still, makes the year's 1,860个 the value;
without a total, the year's growth with no verb of building and no noun of its own is none),
较上月增加, 较4月底增加 (the month before the latest named; such a base month stands for the month after it)
or 环比增加 after a figure to date the month's amount,
9月份无新增 a month's 0 (9月份无新增完工小区 too, before the metric is read in the sentence), 一季度 in a report of March and 上半年 where no later month is named the year so far
(a total as an opening, the year's amount in a figure's own clause: 上半年新解决1075个 beside 累计解决2585个), a
spell that begins a sentence (三季度完成…,安置居民9618户) the clauses after it, a numbered year beside 今年 another
year (in a sentence that opens on it, up to a clause with 今年 of its own: 2022年计划…,实际完成147个), and an opening clause (截至目前, 8月以来) the sentences after it.  Verbs that say a building is finished are
one work (完工 for 建成).  A cumulative
metric wants the total, an increment metric the month's amount, a rate (%) its level whatever the time
words; figures under 其中 give way to others of the same role; what remains must be one value.  A sentence
that begins with a time of its own ends an earlier opening; a total of its own is not an opening span's.

Round 14 added: a level kept (保持100%) is a title's target; a noun, a verb of work and what it puts in
(既有多层住宅加装电梯150部) name one, a place after 在 and an area after 为 or 对 (为城区2.3万户…) being scope; kinds
listed with 、 and closed by 等 after a figure qualify one noun; a blank between a Latin letter and a digit parts a
name from its figure (AED 460台), and an acronym alone may be a name.  In narratives: the actual beside a plan keeps
its time (1-8月实际举办97场), a task's figure then 实际… is that plan; new things since the year began (今年以来新建)
beside a 总数, and this year's figure with no noun of its own after a total (今年新建成的2个均已对外开放), are the
year's value; a month with nothing new may name the metric and the step first (本月城市公厕建设无新完工项目: 0);
FIGURE NAME 通过竣工验收 and 已有4所完成竣工验收 are done; a verbal noun after 已 is the verb of people served
(已服务1.06万对); a metric in % with no rate's name is a growth rate (同比增长7.6%); 规上 is 规模以上.  Refused: a
part under 其中 read by a verb alone when the clause before, its whole, did not name the metric.

Round 15 added, in narratives: a task restated first (新建菜店15个, 新建改造公厕26座:) then, in a clause with no noun
of its own, a figure that 已 and a word of completion or of being open or in service governs (已开业运营11个, 已完成建设
并通电运行387个, 截至8月底已完工并验收投用17座) is the plan then the actual: the actual is the value (steps of the plan
between them, 二季度全面开工, name nothing of their own; the rest of the things, 其余6座…, count no other thing); a
figure the clause after gives as a share of its task (完成年度任务的88.2%, 占年度任务的87.2%) is a total to date, never
the month's amount, and 较上月末增加 after it the month's; a part under 其中 with a time of its own (其中秋季学期新增…)
makes the whole, with none, no month's amount.  A later mention without the words of kind that lead the name shortens
the name the narrative wrote whole (城镇口袋公园…,8月份建成口袋公园4个), unless another kind of the noun is named; a
month's amount may say the things opened (9月新开放2个); whom a count is for may begin with a verb that qualifies them
(为2,860户独居老人家庭安装…); 2021年以来累计 is a total of all years, its year a date, beside which this year's figure
is the value.  Titles: 斤 is a measure word; a second measure right after a target's figure measures it
again (老旧小区改造221个3万户).

Round 16 added: a district whose name ends as a kind of area does (兰山区: 山区) is a place when jieba holds it whole as
a proper noun, so its figure is a part; a clause with no noun of its own that sums (三区合计建成20个, 以上各区共计…)
after the metric's figures by place is the whole (tracker/core/figure_parts.py); where only parts are given, none.
Titles: a measure word per a round number of people (4批次/千人) is a ratio to the population, whose floor (不少于) is
its target; 每年 opening a title is the year's; a phrase of means (通过消费帮扶, 依托…) before the verb is no name.

Round 18 added: a task restated at the head of a report is no value only where a later clause counts the same things
(建成托育服务中心7个 after 开办爱心托管班412个 counts others; 新开工2,180套 is no task restated); a figure to date with no
time in a clause that opens on the whole place again, beside this year's figures of its verb (今年已建成…;全县已建成…), is
the stock of all years; a figure in a name sets its kind (10亿元以上项目 is no 1亿元以上项目); a plan's step on the work's
means (管材招标, 签订加装协议) keeps the subject in view; 并 after a verb of completion joins a second verb (建成并开餐);
涉及 is scope; a bare figure after 、 measures the things of the figure before again (小区61个、5,260户); 开通 is in
service and 新开通 a month's verb; AED1100台 is AED and 1100台.  Titles: a size before a noun (1亿元以上项目) stays in
the name and is no target; 标准箱 and 标箱 are measure words.

Round 19 added: a plan's verb (确定, 提出, 明确, 部署, 要求, 计划 leading its clause) governs the clauses after it in the
sentence, up to one that says done or has a time of its own (年初…确定…,普及率达到60%: none); 近年来, 近三年, 多年来 are
a span; an aside that leaves a part out (3493户(不含…)) makes the figure no total; items before 等N个项目 with a predicate
of their own name projects by their targets; 实施 of work on things is the work undertaken (for people or households,
done); a named project (…建设项目) or a closing quotation mark before the name ends the noun before it; after ; a
clause that goes on with the sentence before keeps what it named in view (…;竣工1.77万套,竣工率为27.8%); 完成91.9% is a
完成率.  Titles: a level alone (省级) names nothing; any verb after scope words leads a figure before its name.

Round 21 added: a shorter form of a name keeps a district or county that leads it and a word that begins with a word of
kind (城乡居民); a place named anywhere in the list under 其中 is that place's part; growth then the level reached
(新增18元,达到236元) gives the level to date; 有4件已完成 after a whole leaves it in doubt; 要 before a verb of work is a
plan, and 实际 after a plan that named the metric is done; a figure with a factor taken out (剔除…因素) is none; 计划 after
its subject sets a plan; a matched phrase gives none where the name's leading verb counts other figures (签约13个); a
money metric may drop 资金.  Titles: 在 and a count of places is where the work is put; a title that opens with its figure
counts what follows; 从/由…提高到 targets the level (not per head); a verb alone counts the work the clause before named
with it; 到12月底 is a lead; a figure after 和 shares the clause's verb.

Round 22 added: a metric that is a work (城镇新增就业) takes no completion of another work (完成培训…); kinds of building
that govern one figure together (新建续建, 新建改造) count them all, not the metric's one kind; this year's part under 其中
of another kind of the head noun (其中今年新增护理型床位…) leaves a total in doubt.  Titles: a magnitude alone (30万以上
农村人口) measures nothing.

Round 23 added: a comparative (高于, 低于, 多于) bounds a figure, no value; a clause that only names a figure's things, with
no verb, whose predicate after it says the work is under way or waiting (…创建工作,正在进行审查) gives none; 我省, 本市,
本县 are scope; a share named with its whole (A占B比例) may be written A占比; a noun with a generic head that jieba
holds whole (重点项目), written whole first, may be counted later by its head alone right after a figure (1个项目竣工投产).  Titles: the task of a work (改造任务) is the
work; 提升 after another verb of work is work, no change; an area (中心城区) or adverbs (大幅, 全面) before the verb, and an
area before an opening figure, are no part of the name; qualifiers that end alike (失能、半失能) qualify one noun; examples
before 等 and a figure are no part of the name; a verbal noun ending the name is its work (…监控安装), and a name in 工程
holds its verbs; 完成 and the last word of the work named before counts it; a word of kind after 对 stays in the name;
items that 分别 gives as many figures each take theirs (居民、职工…范围分别扩大到40种和30种); 新 before a verbal noun (新铺设)
leads; a project then 完成投资 and a sum of money is its investment.

Round 24 added: a shorter name keeps the word that says its work is only begun or signed (开工, 签约); a metric of what
is added (新增…) takes no level reached nor stock; a phrase that joins another noun to the metric's with 和 counts both;
a head word alone takes no clause that names another thing before it (人群完成接种); what goes on at the same time (同时)
as what will be done will be too; a plan's figure before its noun, then the actual (计划改造123条街巷,实际完成129条);
N个X全部/均已/实现 the metric's work is the work's; 户数, 人数, 件数 at a name's end may go unwritten; GDP is
地区生产总值.  Titles: a bare
万 or 亿 after a sum of money is in yuan; a figure after 和 shares the verb after a name jieba begins with a verb
(充电桩); a rate 在 a floor is a level to reach; 年均增长 is a growth rate; a verbal noun alone before a figure of
things (铺设) leads the name.

A list of growths after as many levels in one sentence gives each level's thing its growth, in order, 分别 or not
(引进内资253.1亿元、实际利用外资1830万美元,分别增长51.6%、144%: 实际利用外资 144 %; 收入和支出分别达4.78亿元、
20.2亿元,分别增长6.9%、0.8%: the growths go to the names the list gives, as levels would; tracker/core/figure_topic.py);
where the sentence holds more or fewer levels than growths, none.

Round 51 added: 预计 that opens a later clause of a sentence (精准施策,预计全市地区生产总值增长5%,…,固定资产投资增长25%)
foresees that clause and those after it up to the full stop, as one that opens the sentence does; a running total
beside a figure of the same verb tied to a year named by its number (累计完成投资68.39亿元,2024年完成投资19.23亿元) is
in doubt, the text not saying whether that year is the report's (its end, 2023年底, is a date); a metric that counts
programmes carried out (…项目, …工程) takes the figure 实施 governs, its own work done (实施扶贫项目31个, 实施黑土地保护
工程10万亩), while 实施 of work on things stays undertaken; a matched phrase of projects by a class of their size
(亿元以上重大项目) counts none of a name without a size (重大项目).

Risks of a wrong figure, and where the reader abstains (tracker/core/figure_roles.py):
- a time it cannot place: a figure tied to an earlier month than the latest month of work the text
  names (截至7月底累计58处 beside 8月份新建6处; the report's month is not given, the latest named stands
  for it), a date to the day (8月18日), a spell (暴雨期间), a quarter or half-year (本季度, 第三季度以来,
  上半年, 7-8月) are neither the total to date nor the month's amount; 汛期以来 is a total, no month's;
- two months' amounts (7月新建5家,8月新建7家): none for an increment metric;
- a state to date (已建成8个) is never the month's amount, nor is a figure without time words when the
  narrative names a month only for other figures (其中8月份改造1020户 after 完成示范村56个);
- a stock (全市有96个, 共有, 现有, 总数) followed by an unread figure of work on those things;
- the wanted role written in another magnitude (今年新增1260张 beside 累计达到1.86万张: none in 张);
- figures whose roles differ in one sentence (plan, begun, under construction, done, 其中 parts):
  plans and what is begun are refused, parts give way, and any two remaining values give none.
"""

from tracker.core.narratives import Reading, read_value, value_for
from tracker.core.titles import Target, targets_from_title

__all__ = ["Reading", "Target", "read_value", "targets_from_title", "value_for"]


def as_written(text: str, reading: Reading) -> str:
    """The words a reading of `text` came from, as the text writes them (phrases.as_written), over the
    conditions the narrative reader leaves out (为65岁以上老年人…). Where the reader read a clause it recast
    (计划完成20场,实际完成31场 read as 完成31场; 较上月新增… as 本月新增…), the clause of the text that holds
    the figure as written, so that a clerk always finds the words shown in the cell."""
    import re

    from tracker.core import phrases
    from tracker.core.figure_words import _CONDITION

    span = phrases.as_written(text, reading.words, _CONDITION)
    if span in text:
        return span
    figures = list(phrases.NUM.finditer(reading.words))
    if figures:
        last = figures[-1]
        figure = last.group(0) + phrases.unit_at(reading.words, last.end())  # the figure and its measure word: 31场
        for clause in re.split(r"[，；;。！？\n]|,(?!\d)", phrases.normalise(text)):  # (1,146: a figure's comma)
            if figure in clause:
                whole = phrases.as_written(text, clause.strip())
                if whole in text:
                    return whole
    return span
