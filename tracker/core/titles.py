"""Targets read from a task title: `新建区域性居家养老服务中心100个,改造社区养老服务站300个` gives two."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from tracker.core import phrases, title_text
from tracker.core.figure_words import (
    _CLAUSE,
    _GENERIC,
    _LEAD,
    _MANNER,
    _NARRATIVE_VERB,
    _NARRATIVE_VERBS,
    _NOT_TARGET,
    _RATE,
    _SCOPE,
    _SENTENCE,
    _VERB,
    _alt,
    _strip_lead, model_head,
)
from tracker.core.narrative_names import _KIND, counts_people
from tracker.core.title_refused import (
    _AS_WRITTEN,
    _DOCUMENTS,
    _done_raising,
    describes,
    _EACH_MEETS,
    _FLOOR_FOR,
    _OUT_OF_TARGETS,
    _PLAN_END,
    _THERE_ALREADY,
    _TITLE_APPROX,
    _TITLE_CEILING,
    _TITLE_REFUSE,
    _TITLE_TRAIL,
)
from tracker.core.title_names import (
    _CARRIERS,
    _in_yuan,
    _area_first,
    _area_word,
    _done_to,
    _grows,
    _for_whom,
    _good_name,
    _invested,
    _new_verb,
    _of,
    _verbs_only,
    _work_on,
    respectively,
    sessions,
)
from tracker.core.phrases import NUM as _NUM
from tracker.core.phrases import number as _value
from tracker.core.phrases import unit_at as _unit_at


@dataclass(frozen=True, slots=True)
class Target:
    """One quantitative target that a task title declares."""

    name: str
    target: float
    unit: str
    words: str = field(default="", compare=False)  # the clause of the title it was read from


_FOR = re.compile(r"^(?:为|向|给|对)")
_MANNER_LEAD = re.compile(r"^(?:免费|无偿)(?=为|向|给)")
# A preposition of means (通过, 依托, 借助, 利用) opens a phrase that says how the work is done; the verb of the work
# follows it (通过消费帮扶销售脱贫地区农产品3.5亿元, 依托社区食堂提供助餐服务…).
_MEANS = frozenset("通过 依托 借助 利用".split())


def _without_means(pre: str) -> str:
    """The words from the verb of the work on, where a phrase of means opens them: the first listed verb after
    at least one word of the means (a listed verb, not any word jieba calls one: 帮扶 of 消费帮扶 is the means)."""
    ws = phrases.words(pre)
    if not ws or ws[0] not in _MEANS:
        return pre
    k = next((k for k in range(2, len(ws)) if ws[k] in phrases.VERBS), 0)
    return "".join(ws[k:]) if k else pre
# What is begun (新开工保障房) is counted apart from what is built: the verb stays in the name, so that a
# narrative's 建成 is never read for it.
_BEGUN = re.compile(r"新?开工(?:建设)?$")
# A title that raises a level (提高…保障水平, 提升…服务质量), and the noun of such a level.
_RAISED = re.compile(rf"(?:{_alt(_SCOPE)})*(?:提高|提升)")
_LEVEL_END = re.compile(r"(?:水平|标准|质量|能力)$")
# A ratio to the population (每千人口拥有执业医师数达到3.2人, 每万人拥有足球场地数量达到0.9块): the count per so many people
# is the target.
_PER_CAPITA = re.compile(r"^(?:全市|全区|全县|全省|全国)?(每[十百千万]+(?:常住)?人口?)(?:拥有)?(\w{2,}?数量?)(?:达到|提高到|提升到|达)$")
# A growth rate (规上工业增加值增长7%): the rate of growth is a target of the thing's name, in %; only a noun grows
# so (推动 or a scope word may lead it), never work done (完成投资增长); 年均增长 is the growth of each year on average, and
# 递增, 增速 (固定资产投资增速保持8%) and 可比增长 say growth as 增长 does; a floor after it
# (增长不低于8%) is the rate to reach, as 以上 after the figure is.
_GROWTH = re.compile(rf"^(?:{_alt(_SCOPE)})*(?:推动|实现|确保)?(\w{{2,}}?)(?:同比|年均|可比)?(?:增长|递增|增速)(?:不低于|达到|超过|保持)?$")
# (完成37个老旧小区改造任务: the task of a work is the work, and the work's verb ends no name)
_NAME_TAIL = re.compile(r"(?:(?:培育|建设|改造|创建|升级)(?:工作|任务)?|工作|任务)$")


def _adverbs_first(pre: str) -> int:
    """The length of the adverbs (大幅, 全面, 持续) that begin `pre` before a verb, else 0."""
    ws, at = phrases.words(pre), 0
    for w in ws:
        if not phrases.is_adverb(w):
            break
        at += len(w)
    return at if at and phrases.leading_verbs(pre[at:]) else 0


def _title_name(pre: str, after: str, unit: str, inherited: bool = False, opens: bool = False) -> str | None:
    """The name a figure in a title counts: `新建NAME100个`, `新增3000张NAME`, `为1万名NAME购买…`.

    `inherited`: the clause before read a target, so its verb governs a bare `20个NAME` after it.  `opens`: the figure
    opens the title (10个滨江生态公园建设, 5万名学生参加研学实践活动): a heading of the year's list, the words after it
    name what it counts.
    """
    if opens and not pre and after and not _NUM.search(after):
        ws = phrases.words(after)
        k = next((k for k, w in enumerate(ws) if k and (w in phrases.VERBS or w in _NARRATIVE_VERBS or phrases.is_verb(w))), 0)
        if k and counts_people(unit):
            name = _for_whom(ws, k, unit, done_for=True)
        else:  # 20个典型村挂牌: the things the verb after them says something of (not its adverb: 明显, 综合)
            j = k
            while j > 1 and phrases._tags().get(ws[j - 1]) in ("a", "ad", "d", "vn"):
                j -= 1
            name = "".join(ws[:j]) if k and _good_name("".join(ws[:j])) else _NAME_TAIL.sub("", after)
        return name if _good_name(name) else None
    pre = _MANNER_LEAD.sub("", pre)  # 免费为14000名白内障患者…: a word of manner before 为 is the whole clause's
    pre = _without_means(pre)  # 通过消费帮扶销售…: the means the work is done by is no part of what it counts
    trail = _TITLE_TRAIL.search(pre)
    # 比例不低于85%: a rate's floor is its target; 可容纳人数不少于10万人 is a capacity, no count of work.
    # A ratio to the population (抽检量不少于4批次/千人) is a rate, whichever word sets its floor.
    # 保持100%: a level to be kept is one to be reached, as 达到 is.
    floor = bool(trail) and (any(c in trail.group() for c in "达到至在破持超逾")
                             or (unit == "%" and "不低于" in trail.group())
                             or ("/" in unit and any(w in trail.group() for w in ("不低于", "不少于"))))
    core = pre[: trail.start()] if trail else pre
    # 全面开展义诊活动: how the work is to go leads no name (更新 of 更新健身设施 is a verb jieba holds an adverb too)
    core = core[k:] if (k := _adverbs_first(core)) and not set(phrases.words(core[:k])) & set(phrases.VERBS) else core
    whole = False  # 为60周岁以上老年人免费体检10万人次: the verb ends the words, so they all name what is counted
    if _FOR.match(core):  # 为困难群众发放NAME: the name is the object of the verb after whom it is for
        ws = phrases.words(core[1:])
        # A listed verb of the work first (配置 of 为独居老人配置…: 独居 qualifies whom), else any verb.
        k = next((k for k, w in enumerate(ws) if k and (w in phrases.VERBS or w in _NARRATIVE_VERBS)), 0) or next(
            (k for k, w in enumerate(ws) if k and phrases.is_verb(w)), 0)
        whole = bool(k) and k == len(ws) - 1 and len(ws[k]) >= 2 and _good_name(core[1:])
        core = core[1:] if whole else "".join(ws[k:]) if k else core
    name, verb = (core, True) if whole else _strip_lead(core)
    if not verb and (after_new := _new_verb(core)):  # 新招聘乡村教师: 新 and any verb of the dictionary lead
        name, verb = _strip_lead(core[after_new:])[0], True
    if not verb and (area := _area_first(core)):  # 主城区新建公厕: the area where the work is done is scope
        name, verb = _strip_lead(core[area:])
    if unit == "%":  # a percentage is only a target of a named rate
        # 完成农村户厕改造5000户,问题厕所整改率100%: a rate listed after a clause that read a target is one too.
        ok = _RATE.search(name) and (verb or floor or (inherited and name == core))
        return name if ok and _good_name(name) else None
    if core and (verb or (floor and name == core)) and _good_name(name):
        return name
    if (core and not verb and not inherited and not after and len(ws := phrases.words(core)) > 1 and ws[-1] in phrases.VERBS
            and len(ws[-1]) >= 2 and not phrases.is_verbal(ws[0]) and _good_name(core) and "新增" not in ws):
        return core  # 普通高中招生扩招2500人, 农村户厕改造5000户: the work done on a noun, named by both
    if core and not verb and not inherited and not after and (done_on := _work_on(core) or _invested(core, unit)):
        return done_on  # 既有多层住宅加装电梯150部: the thing the work puts in, in the place it is done, named by all
    if core and not verb and "新增" in (ws := phrases.words(core))[1:-1] and _good_name(core):
        # 城镇新增就业4万人 is one name (what follows 新增 is verbal); 住宅小区新增电动自行车充电端口6000个 counts
        # the nouns after 新增, the words before it the place.
        k = ws.index("新增")
        thing = _strip_lead("".join(ws[k + 1:]))[0]  # 新增配置自动体外除颤器: the verb after 新增 is no name
        return core if phrases.is_verbal(ws[-1]) or not _good_name(thing) else thing
    # 对18个老旧小区进行综合改造 (对全区56个…: a scope word after 对): what is done to them; a word of kind after 对
    # (对农村2万眼机井实施…) is the things' own kind and stays in the name.
    made = re.sub(r"^(?:已经|已)", "", pre[1:-1]) if pre.endswith("的") else ""  # (对新建的8个…: which, as scope says)
    scope = pre == "对" or pre[1:] in _SCOPE or _area_word(pre[1:]) or bool(made) and phrases.leading_verbs(made) == len(made)
    if pre[:1] == "对" and (scope or pre[1:] in _KIND) and (done := _done_to(after, unit)):
        return (pre[1:] if not scope and unit.lstrip("十百千万亿") not in ("户", "对") else "") + done
    # 为不少于9000名适龄女生提供…: a floor (or 约) between 为 and the figure sets the count, as it does after a verb.
    for_pre = _FLOOR_FOR.sub("", pre)
    if _FOR.match(for_pre) and _strip_lead(for_pre[1:])[0] == for_pre[1:] and after:  # 为1万名老年人购买…: the name ends at a verb
        # Whom ends at the verb; a figure after it (接种1针…疫苗) is none of theirs.
        ws = phrases.words(re.split(r"\d", after)[0])
        # A listed verb first (开展 of 为1500名农村留守儿童开展…: 留守 qualifies whom), else any verb.
        k = next((k for k, w in enumerate(ws) if k and (w in phrases.VERBS or w in _NARRATIVE_VERBS)), None)
        if k is None:  # any verb after whom (独居 of 独居老人 qualifies them), or a word of manner or a verbal noun
            # that begins what is done (妇女免费做宫颈癌筛查, 为8000名高危人群筛查大肠癌; 为1000人筛查…: 人 alone is whom)
            people, bare = counts_people(unit), unit.lstrip("十百千万亿") in ("人", "人次")  # (为800名独居老人: whom)
            k = next((k for k, w in enumerate(ws) if (k or bare) and (phrases.is_verb(w) or w in _NARRATIVE_VERBS or (
                people and (w in _MANNER or phrases.is_verbal(w))))), len(ws))
        name = _for_whom(ws, k, unit, done_for=True)
        # 为全市2.5万名老年人提供…, 为城区2.3万户居民…: a scope or area word between 为 and the figure is no part of the
        # name.
        return name if k < len(ws) and (not for_pre[1:] or for_pre[1:] in _SCOPE or _area_word(for_pre[1:])) and _good_name(name) else None
    if inherited and not pre and after:
        pre = "新建"
    # `新增托育机构15家,普惠性托位2000个`: a bare noun after a clause that read a target shares its verb.
    # (充电桩 begins with the verb 充电 but is a noun: no verb leads it, and it is not a verb alone as 开工 is; 在全市 of
    # 在全市70家农贸市场开展… is where the work is put, no noun)
    if (inherited and core and not trail and _good_name(core) and not _strip_lead(core)[1] and core[0] != "在"
            and phrases.leading_verbs(core) < len(core)):
        return core
    # The figure before the name: all that precedes it is verbs and scope words (an area first: 中心城区新开工).
    pre = pre[_area_first(pre):]
    pre = pre[_adverbs_first(pre):]  # 大幅改善4所学校…, 全面完成12个…: how the work is to go is no part of the name
    lead = _LEAD.match(pre)
    # (全年举办400场招聘会: any verb after scope words, as with none before it)
    after_lead = pre[lead.end():] if lead else pre
    # (铺设6个乡镇天然气管网: a verbal noun alone before a figure of things is its verb, as after 新; before people it
    # is the work done for them, which names the target: 筛查3万名适龄妇女)
    verbs = _VERB.search(pre) or (after_lead and phrases.leading_verbs(after_lead) == len(after_lead)) or (
        len(after_lead) >= 2 and phrases.words(after_lead) == (after_lead,) and phrases.is_verbal(after_lead)
        and not counts_people(unit))
    # 抓好15个特色小镇建设和40个…: the name ends at the joiner before the next figure.
    if (nxt := _NUM.search(after)) and (joined := re.search(r"(?:和|及|与|以及|、)$", after[: nxt.start()])):
        after = after[: joined.start()]
    if pre and (lead and lead.end() == len(pre) or verbs) and verbs and not re.search(r"\d", after):
        after = _of(phrases.words(after))  # 完成三个老旧街区的立面整治
        name = _NAME_TAIL.sub("", after) if len(after) > 4 else after
        # 帮助1200名就业困难人员实现再就业: a measure word that counts people (as written, no magnitude) counts them
        if counts_people(unit) and unit == unit.lstrip("十百千万亿") and _NARRATIVE_VERB.search(name):
            ws = phrases.words(name)
            k = next((k for k, w in enumerate(ws) if k and (phrases.is_verb(w) or w in _NARRATIVE_VERBS)), 0)
            name = _for_whom(ws, k, unit) if k else name
        # 229个老旧小区进行微改造: 进行 puts the work after what it is done to; the two name the target.
        if (done := _done_to(after, unit)) is not None:
            return done
        # `推动100个社区开展星级社区创建`: a verb inside means the clause goes on past the name; one right before a generic
        # head (城市更新片区改造项目, 道路增亮改造工程) or a model's (乡村建设示范点, 城市建设样板区) makes a compound noun with it.
        ws = phrases.words(name)
        if head := model_head(ws) or (len(ws) if len(ws) > 2 and (ws[-1] in _GENERIC or ws[-1] == "工程") else 0):
            clause_goes_on = any(_NARRATIVE_VERB.fullmatch(w) for w in ws[: head - 2])
        else:  # (a verb that ends the name is the work it names: 交通信号灯及监控安装)
            clause_goes_on = any(_NARRATIVE_VERB.search(w) for w in ws[:-1]) or (
                len(ws) > 1 and _NARRATIVE_VERB.search(ws[-1]) and (not phrases.is_verbal(ws[-1]) or ws[-1] in _CARRIERS))
        return name if _good_name(name) and not clause_goes_on else None
    return None


# Words of a title that qualify its noun and are no target: 一次 (once) before what is given (提供一次免费健康体检), and
# one round of it (开展1轮…测评).
_TITLE_CONDITION = re.compile(r"(?<![\d.])1[次轮](?=[^\d,，、;；。])")
# A second figure right after one, in another measure word (23条65公里…): see targets_from_title.
_SECOND_MEASURE = re.compile(r"(?P<gap>、|共|(?P<noun>[\u4e00-\u9fff]{2,6}?)(?=\d+(?:\.\d+)?万?[户人]))?\d+(?:\.\d+)?")


class _FirstMeasure(NamedTuple):
    """A figure held back until the one right after it, in another measure word, is read (23条 of 23条65公里)."""

    figure: object   # its match
    unit: str
    pre: str         # the words before it, which name both
    end: int         # where it ends in the clause
    gap: str         # what stands between the two figures (、, 共, or nothing)
    noun: str        # the things the first counts, when the second counts their households or people


# Words that may lead a share of things (实现90%以上的建制村通公交).
_SHARE_LEADS = frozenset("实现 推动 达到 年底 年内 年底前 到".split())
# A size that a noun follows (1亿元以上项目): a class of the things, see targets_from_title.
_SIZE_CLASS = re.compile(r"(?:以上|以下)[\u4e00-\u9fff]")


def targets_from_title(title: str) -> list[Target]:
    """The quantitative targets a task title declares, in order; [] when none is clear."""
    found: list[Target] = []
    inherited = described = False
    work = ""  # the work a clause with no figure named (推进既有住宅加装电梯), which a clause of its verb alone may count
    original, title = title, title_text.recast(title.replace("\x00", ""))  # (\x00 marks the items 分别 gives, below)
    # 居民、职工…范围分别扩大到40种和30种: each item's figure, read whole before the clauses are cut at 、
    # (a colon ends what leads the clause after it: 西藏自治区:城乡居民…分别增长8%和10%)
    given = [(part, r) for part in re.split(r"[,，;；。:：]", title) if (r := respectively(part.strip()))]
    for k, (part, _) in enumerate(given):
        title = title.replace(part, f"\x00{k}", 1)
    # 已申报的35个国债项目、90个专项债项目: things there already, said of a list's first count, are said of each count
    # listed after it with 、 that opens its item; `refused` is the clause whose last figure they refused.
    refused = ""
    for clause in title_text.noun_lists(_CLAUSE.split(_SENTENCE.sub("，", title))):
        listed, refused = bool(refused) and f"{refused}、{clause}" in title, ""
        raw = clause
        if clause.strip().startswith("\x00"):
            part, read = given[int(clause.strip()[1:])]
            found += [Target(n, v, u, part.strip()) for n, v, u in read]
            inherited = True
            continue
        clause, start = _TITLE_CONDITION.sub("", clause.strip()), 0
        # 新增养老床位1000张,其中护理型床位600张: a part of a target is one of its own (a clerk follows both);
        # a 其中 after no target is a part of nothing read.
        if clause.startswith("其中"):
            if not inherited:
                continue
            # 其中乡镇及农村地区不少于240个: the part's floor is its figure, as 以上 is.
            clause = re.sub(r"(?:不少于|不低于|至少)(?=\d)", "", clause[2:])
        read, two = False, None
        for m in _NUM.finditer(clause):
            i = m.end()
            # 300余个 and 1万余个 are floors, as 300个以上 is; 300多个 and 1万多个 are approximations.
            mag = next((g for g in "万亿千百" if clause.startswith(g, i) and clause[i + 1 : i + 2] in ("余", "多")), "")
            approx = clause[i + len(mag) : i + len(mag) + 1] if clause[i + len(mag) : i + len(mag) + 1] in ("余", "多") else ""
            end = i + len(mag) + len(approx)
            unit = _unit_at(clause, end)
            end += len(unit)
            unit = mag + unit if unit else ""
            base = unit.lstrip("十百千万亿") or unit
            pre, after = clause[start : m.start()].rstrip(" "), clause[end:]
            # (规上工业增加值增长14%以上, 100个左右: a floor, or the figure as written)
            bare = after[2:] if after.startswith(_AS_WRITTEN) else after
            # 引进1亿元以上项目110个: a size before a noun, with a figure of its own after, is a class of the things
            # the name counts, no target; it stays in the name (1亿元以上项目), which it sets apart from another class.
            if unit and _SIZE_CLASS.match(after) and _NUM.search(after):
                continue
            # 提高…两项补贴保障水平: a count of kinds (项, 类, 种) inside what a title raises to a level it gives no
            # figure of says which things are raised, no target (people whose level is raised are one: 6.5万名…).
            if base in ("项", "类", "种") and _RAISED.match(title) and _LEVEL_END.search(after) and not _NUM.search(after):
                continue
            # 为1.95万名新生儿提供先天性心脏病、两种遗传代谢病…筛查: a count of kinds opening an item listed after a
            # target of the people served says which kinds of the service they get, no target of its own.
            if base in ("类", "种") and not pre and inherited and found and counts_people(found[-1].unit):
                continue
            # `2020年底前新建…`: a date belongs to the next name's lead; a number with no measure word
            # to a name (12345热线).
            if unit and base not in ("年", "月", "日"):
                start = end
            if unit and unit != "%" and not bare and (per := _PER_CAPITA.match(pre)) and _good_name(per[2]):
                found.append(Target(per[1] + per[2], _value(m), unit, clause))
                read = True
                continue
            if unit == "%" and not bare and (grows := _GROWTH.match(pre)) and _grows(grows[1]):
                found.append(Target(grows[1], _value(m), unit, clause))
                read = True
                continue
            # 解决30万以上农村人口…: a magnitude alone before what it counts measures nothing (人口 is no measure
            # word); at the end of its clause (新增城镇就业5万以上) it counts the name before it.
            if (not unit or (not unit.strip("十百千万亿") and bare) or approx == "多" or (base in _NOT_TARGET and not sessions(clause, m, base))
                    or after.startswith("/")
                    or _TITLE_APPROX.search(pre) or _TITLE_CEILING.match(after)
                    or (_TITLE_REFUSE.search(pre) and not _done_raising(pre, unit)) or _value(m) <= 0 or describes(pre, bare, inherited or title.lstrip().startswith(raw.strip())) or (_EACH_MEETS.search(pre) and _NUM.search(clause, 0, m.start()))):
                refused = raw if re.search(_THERE_ALREADY, pre) or _OUT_OF_TARGETS.search(pre) or (listed and m.start() == 0) else ""
                continue
            if listed and (m.start() == 0 or not phrases.leading_verbs(pre)):
                refused = raw
                continue
            # 建设23条65公里农村通畅工程, 完成465幢23.25万平方米房屋…: a figure right before another in another measure
            # word measures the same things, and so do households or people after the things a figure counts
            # (实施22个老旧小区5776户主体改造: theirs); both are read with the words before the first.  Money is no
            # measure of things (投入6000万元对15所…), and after a name the second figure with words of its own counts
            # those (机构6家180个托位).
            if two and clause[two.end: m.start()] == two.gap:
                pre, after, bare = two.pre, two.noun + after, two.noun + bare
            else:
                two = None
            if (unit and unit != "%" and "元" not in unit and not two and (second := _SECOND_MEASURE.match(after))
                    and (other := _unit_at(after, second.end())) and (other.lstrip("十百千万亿") or other) not in (base, "%")
                    and (second["noun"] and base not in ("户", "人") and not phrases.leading_verbs(second["noun"])
                         or not second["noun"] and (phrases.leading_verbs(pre) == len(pre) or read and re.search(r"(?:和|及|与)$", pre) or not after[second.end() + len(other):]))):
                two = _FirstMeasure(m, unit, pre, end, second["gap"] or "", second["noun"] or "")
                continue
            floor, after = after != bare and not bare, bare
            # 完成35公里供水主管网和54个老旧小区…改造, 新建30个充电桩和2个口袋公园: the clause's verb governs the figure
            # after 和 too, after a noun or the name the figure before counted (充电桩, though jieba's 充电 is a verb)
            joined = re.search(r"(?:和|及|与|以及)$", pre)
            if read and joined and (not phrases.leading_verbs(pre) or pre[: joined.start()] == found[-1].name):
                pre = "新建"
            # 覆盖率在90%以上: a level 在 a floor (or a figure as written) is the level to reach, as 达到 says.
            if floor and pre.endswith("在") and _RATE.search(pre[:-1]):
                pre = pre[:-1] + "达到"
            # (城区50项…工程: an area or a scope word before the opening figure is the scope of the whole list)
            # (…拆除重建,共四层,12个教学班: after a clause of 共 and a figure with no verb nor target, one describing
            # what is built, a bare figure goes on describing it)
            opens = not found and not inherited and not described and (m.start() == 0 or pre in _SCOPE or _area_word(pre))
            name = _title_name("" if opens else pre, after, unit, inherited, opens=opens)
            # 粮食产量285万吨以上, 城镇调查失业率5.5%左右: a floor or a figure as written after a bare name says, as
            # 达到 would, the level the year is to reach.
            # 研发经费投入占GDP比重2.43%: so does a rate or share and its figure in % alone, an area in its unit.
            if not name and (floor or (not after and re.search(r"面积$" if unit != "%" else _RATE, pre))) and pre and not phrases.leading_verbs(pre):
                name = _title_name(pre + "达到", after, unit, inherited)
            # 80%的村建成卫生室, 实现90%以上的建制村通公交: a share of the things after 的 that do what the words after
            # them say is a rate to reach, named by those words (scope, time or 实现 before it, a verb after).
            if (not name and unit == "%" and after.startswith("的") and _good_name(after[1:])
                    and all(w in _SCOPE or w in _SHARE_LEADS for w in phrases.words(pre))
                    and any(phrases.is_verb(w) for w in phrases.words(after[1:])[1:])):
                name = after[1:]
            # 新建公厕326座、改造64座: a second clause of verbs alone and a figure in the same measure word counts
            # the noun of the target before it (the verbs set the two apart, see _apart).
            if (inherited and not after and start == end and m.start() == 0 + len(pre) and _verbs_only(pre)
                    and found and found[-1].unit == unit and unit != "%"):
                name = found[-1].name
            # 推进既有住宅加装电梯,加装139台: a clause of the verb alone after one that named the work with no figure
            # counts that work.
            # (完成培训 after 开展…技能培训: completing the work its last word names)
            if not name and work and not after and pre and _verbs_only(pre) and unit != "%" and (
                    pre in work or (pre.startswith("完成") and len(pre) > 3 and work.endswith(pre[2:]))):
                name = work
            # 改造老旧小区192个、1100万平方米, 老旧小区改造221个3万户: a figure alone in another measure word after a
            # target measures that target again, in its own unit.
            if (not name and (inherited or read) and not pre and not after and found and unit != "%"
                    and (found[-1].unit.lstrip("十百千万亿") or found[-1].unit) != base):
                name = found[-1].name
            # (the words before the name; all of them when the figure stands first: 新开工10个棚户区改造项目)
            if name and (begun := _BEGUN.search(pre[: at] if (at := pre.rfind(name)) >= 0 else pre)):
                name = begun.group() + name
            # 做好10万亩森林经营碳汇试点规划: a plan's figure in a measure of land or length is what the plan covers, no
            # work to do (编制规划3个 counts plans).
            if name and _PLAN_END.search(name) and base not in _DOCUMENTS:
                continue
            if name:
                if two:
                    found.append(Target(name, _value(two.figure), _in_yuan(name, two.unit), clause))
                found.append(Target(name, _value(m), _in_yuan(name, unit), clause))
                read, refused = True, ""
            two = None
        inherited = read
        described = not read and clause.startswith("共") and not any(phrases.is_verb(w) for w in phrases.words(clause))
        lead, led = _strip_lead(clause)
        work = lead if led and not _NUM.search(clause) and _good_name(lead) else ""
    return [Target(title_text.shown(t.name), t.target, title_text.measure_as_written(original, t.target, t.unit),
                   title_text.shown(t.words)) for t in _apart(found)]


def _apart(found: list[Target]) -> list[Target]:
    """Targets whose names are alike keep the verbs that set them apart: 新建公厕100座,改造提升公厕50座 names
    新建公厕 and 改造提升公厕 (a narrative's 新建公厕12座,改造提升公厕20座 is read by them).  Two measures of one
    target in different units (老旧小区192个、1100万平方米) need nothing to set them apart."""
    names = [(t.name, t.unit) for t in found]
    out = []
    for t in found:
        at = t.words.find(t.name)
        # A noun inherited from the clause before (改造64座) is not in its own words: the verbs lead them.
        lead = t.words[:at] if at > 0 else re.split(r"\d", t.words)[0] if at < 0 else ""
        if names.count((t.name, t.unit)) > 1 and lead:
            ws = phrases.words(lead)
            k = len(ws)
            while k and (ws[k - 1] in phrases.VERBS or phrases.is_verb(ws[k - 1]) or ws[k - 1] == "新"):
                k -= 1
            verbs = "".join(ws[k:])
            verbs = lead if at < 0 else verbs
            t = Target(verbs + t.name, t.target, t.unit, t.words) if verbs else t
        out.append(t)
    return out

