"""Values read from a progress narrative: the figure it gives for one metric (name, unit), or None.

The narrative, recast where its wording hides a clause's role (tracker/core/narrative_text.py), is walked
sentence by sentence and clause by clause (tracker/core/narrative_walk.py; tracker/core/figure_clauses.py reads
one clause) once for each form of the metric's name tried in turn; the figures found are then pooled by the role the metric wants and decided
(tracker/core/figure_pool.py): one value or none.  A figure of the task restated at the report's head
(tracker/core/narrative_heads.py) is read again as the plan it is.
"""

from __future__ import annotations

import re
from decimal import Decimal

from tracker.core import (figure_match, figure_parts, figure_pool, figure_roles, figure_stage, figure_topic, figure_years,
                          narrative_heads, narrative_names, narrative_text, narrative_walk, phrases)
from tracker.core.figure_clauses import _Hit
from tracker.core.figure_pool import Reading
from tracker.core.figure_stage import _COMPLETES, _DONE
from tracker.core.figure_words import (
    _CONDITION,
    _NARRATIVE_VERBS,
    _REFUSE,
    _SCOPE,
    _alt,
    _variants,
    growth_metric,
    keeps_stage,
)
from tracker.core.phrases import normalise as _normalise
from tracker.core.phrases import unit_is as _unit_is

# A sentence ends at 。!? or a line break; one after ; keeps the one before in view (narrative_walk.hits).
_SENTENCE_OR_AFTER_SEMICOLON = re.compile(r"(?<=[;；])|[。!！?？\n]")


def value_for(text: str, name: str, unit: str, *, mode: str = "cumulative", target: float | None = None,
              any_magnitude: bool = False) -> float | None:
    """The figure a progress narrative gives for the metric (name, unit); None when it is not clearly there.

    `mode` is the metric's: "cumulative" wants the running total, "increment" the month's amount. `target`:
    the metric's target, where the caller knows it (an import does: see read_value); `any_magnitude`: see read_value.
    """
    reading = read_value(text, name, unit, mode=mode, target=target, any_magnitude=any_magnitude)
    return reading.value if reading else None


def read_value(text: str, name: str, unit: str, *, mode: str = "cumulative",
               target: float | None = None, any_magnitude: bool = False) -> Reading | None:
    """The figure a narrative gives for the metric and the clause it stands in; None when it is not clearly there.

    With the metric's `target`: the target's own figure in a clause that says nothing of it being done
    (`建设口袋公园30个:…已开工18个`, `今年建设高标准农田26万亩,…已完工验收21.7万亩`) is the task restated as
    departments open their reports with it, not what is done. That clause is read again as the plan it is
    (`计划` before it), so that what is done of it, said after, is read by the rules of a plan beside its
    actual (`今年建设口袋公园30个,目前已建成22个`: 22; after `已完成招标22个`, a step of the plan: none). The
    same figure said done (`已建成口袋公园30个`, `30个已全部建成`) is the value.

    With `any_magnitude` (a metric declared in a plan, whose unit is the plan's choice): where the narrative writes
    no figure in the metric's unit, the reading it gives in another magnitude of the same measure word
    (`累计服务6,850名` for a metric in 万名, `1.2万名` for one in 名) is converted exactly into the metric's; its words
    are shown as written.  Without it a figure counts only in the unit as given (12.2万人次 is none in 人次).
    """
    read = _read_any if any_magnitude else _read
    # 新(改)建城镇公厕: a name is read as the narrative is, a character in brackets inside a word a second reading
    name, unit = narrative_text.second_reading(name), narrative_text.same_measure(unit)
    reading = read(text, name, unit, mode)
    if reading is None or not figure_stage.said_at_stage(reading.words, reading.value, name, text) or figure_stage.heading_begun(text, name):
        # 重点推进项目建成 beside 纳入重点推进项目14个: a metric of things completed takes only a figure said done.
        return None
    from tracker.core.figures import as_written  # (figures is the API over this module)

    said = as_written(text, reading)
    if (place := narrative_names.place(name)) and not figure_parts.of_place(text, said or reading.words, place):
        return None  # 郴州市老旧小区开工 beside 全省已开工小区1110个: a metric named for a part takes only the part's figure
    if figure_stage.under_way(text, said or reading.words, unit) or figure_stage.described(text, said or reading.words) \
            or figure_years.growth_over_years(text, said or reading.words, name, unit) \
            or figure_topic.other_predicate(said or reading.words, name, unit) \
            or figure_years.earlier_span(text, said or reading.words) or figure_years.one_day(text, said or reading.words):
        # 对24栋民居实施改造,…总体进度达65%: the scope of a work under way; a growth of several years; 240家企业实现IPO
        # for 退市企业; 而第一季度… in a report of the half-year: a span past
        return None
    if figure_parts.some_or_more(text, said or reading.words, reading, name, unit):
        return None  # …又对28栋楼房…进行改造: one batch's figure; 省级…34个,…州级…74个: one part's. The whole not given
    restated = target is not None and _restated(reading, target)
    if restated or figure_stage.set_then_done(text, said or reading.words, unit):
        if not said or said not in text:
            return None
        again = read(text.replace(said, "计划" + said, 1), name, unit, mode)
        return None if again is None or (_restated(again, target) if restated else again.value == reading.value) else again
    work = narrative_heads.task_head(text, reading.value, unit, name)
    if work is not None:
        # The task restated without its target known: read again as the plan it is (see narrative_heads.task_head); what is done
        # of it is the value only where it is said by the step that completes the work (建成, 完工, or the task's
        # own verb: 改造…,已改造320盏), not by one on the way (已完成采购500盏, 已完成招标).
        again = read("计划" + text.lstrip(), name, unit, mode)
        if again is None or again.words in "计划" + narrative_heads.opening_clause(text) or again.words in narrative_heads.colon_heading(text):
            return None
        return again if _COMPLETES.search(again.words) or any(v in again.words for v in work) else None
    return reading


def _last_word(name: str) -> str:
    """A metric name's last word (建成 of 重点推进项目建成, 投产 of 项目建成投产 is its own)."""
    ws = phrases.words(name)
    return ws[-1] if ws else ""


def _restated(reading: Reading, target: float) -> bool:
    """Whether a reading is the target's own figure in a clause that says nothing of it being done."""
    return reading.value == target and not _DONE.search(reading.words)


# The magnitudes a reading is converted between, by their power of ten.
_POWERS = {"": 0, "万": 4, "亿": 8}


def _read_any(text: str, name: str, unit: str, mode: str) -> Reading | None:
    """The reading in the metric's unit; where the narrative writes no figure at all in that unit, the one it gives
    in another magnitude of the same measure word (累计服务6,850名 for a metric in 万名: 0.685), converted exactly,
    its words as written; none where two magnitudes give different figures."""
    reading = _read(text, name, unit, mode)
    unit, plain = _normalise(unit).strip(), _normalise(text)
    power = _power(unit)
    if reading is not None or power is None or unit == "%" or any(
            _unit_is(plain, m.end(), unit) for m in phrases.NUM.finditer(plain)):
        return reading
    found = [(r, p) for u in figure_roles.magnitudes(unit) if (p := _power(u)) is not None
             and (r := _read(text, name, u, mode)) is not None]
    values = {float(Decimal(repr(r.value)) * Decimal(10) ** (p - power)) for r, p in found}
    return Reading(values.pop(), found[0][0].words) if len(values) == 1 else None


def _power(unit: str) -> int | None:
    """The power of ten of a unit's magnitude (万名: 4, 名: 0), None for one not converted (千米, 百万元)."""
    mag = next((m for m in phrases.MAGNITUDES if unit.startswith(m) and len(unit) > len(m)), "")
    return _POWERS.get(mag)


def _read(text: str, name: str, unit: str, mode: str) -> Reading | None:
    if mode not in ("cumulative", "increment"):
        raise ValueError(f"mode must be 'cumulative' or 'increment', not {mode!r}")
    unit = _normalise(unit).strip()
    if not unit or not text:
        return None
    text, name = narrative_text.per_population(text), narrative_text.task_rate(narrative_text.per_population(name), text)
    text, name = narrative_text.per_year_growth(text, name, unit)
    text = figure_topic.growths_each(text, name, unit)
    # 中小学、幼儿园: nouns the metric's name lists with 、 are one noun, wherever the narrative writes them so
    # (the 、 would cut them into clauses); they are read as the name joined by 和.
    for listed in sorted((v for v in _variants(name) if "、" in v), key=len, reverse=True):
        text = _normalise(text).replace(listed, listed.replace("、", "和"))
    names, headed = _variants(name.replace("、", "和"), unit), _variants(name.replace("、", "和"))
    if not names:
        return None
    text = narrative_text.said_after(narrative_text.after_quote(text, names), names[0])
    text = narrative_text.share_of_whole(text, names[0])
    text = narrative_text.per_head_standard(narrative_text.share_as_rate(text, names[0]), names[0])
    text = narrative_text.recast(figure_topic.predicate_after(figure_topic.level_first(text), names[0], unit), names[0])
    # A sentence after ; keeps the one before in view (办结179件;年内累计办结1364件).
    sentences = [s.strip() for s in _SENTENCE_OR_AFTER_SEMICOLON.split(_CONDITION.sub("", _normalise(text)))]
    whole = "\n".join(sentences)
    cumulative = mode != "increment"
    # The name as written; then looser forms (tracker/core/narrative_names.py: with its object after a verb,
    # the shortened ones where it is nowhere or after it); then its head word (社工站…,覆盖率达到100%).  A form is
    # tried only when the ones before gave no figure of the kind the metric wants.
    # (新登记企业增长 in %: a growth metric's verbs name the things that grow; its figure is the growth, no work)
    lead = frozenset() if growth_metric(names[0], unit) else _lead_verbs(names[0])
    # 发放创业担保贷款2,416笔、金额11.82亿元: the sum of what a money metric names, right after the clause that
    # named it in another unit, is its figure.
    money = [(names[0], "金额", True)] if unit.endswith("元") else []
    tiers = (
        lambda u: narrative_walk.hits(sentences, names, u, lead=lead),
        lambda u: narrative_walk.hits(sentences, names + _later(narrative_names.shortened(names), names, whole)
                        + narrative_names.unkinded(names[0], whole) + narrative_names.unfunded(names[0], unit)
                        + narrative_names.generic_again(names[0], whole) + narrative_names.verb_first(names[0]),
                        u, gap=True, lead=lead),
        lambda u: narrative_walk.hits(sentences, names, u, short=narrative_names.heads(headed) + money, lead=lead),
    )
    # The one noun of the narrative with the metric's head noun and another modifier (公共充电桩 for
    # 公用和专用电动汽车充电桩): tried last, as written only.
    other = narrative_names.other_modifier(names[0], whole)
    if other:
        tiers = (*tiers, lambda u: narrative_walk.hits(sentences, [other], u))
    # …充电桩104个,其中农村71个 for 农村充电桩: the part under 其中 named by its word of kind alone.
    kind = narrative_names.kind_part(names[0], whole)
    # (only in a sentence whose whole is the metric's: 优化公交线路41条,其中长乐市4条 is no part of 新增公交线路)
    of_whole = [s for s in sentences if narrative_names.kind_part(names[0], s)]
    by_kind = (lambda u: [h for h in narrative_walk.hits(of_whole, [kind], u) if h.subset]) if kind else None
    if by_kind:
        tiers = (*tiers, by_kind)
    # The narrative's own phrase of the metric's key words around its head noun (更新环保型公交车辆 for
    # 更新公交车辆, 课桌椅更换 for 更换课桌椅): tried last, where no form of the name gave a figure.
    # (计划新开工项目 for 新开工项目: a phrase that takes in a word of plan or step the name does not have is no name)
    matched = [m for m in figure_match.matching(names[0], sentences, [unit, *figure_roles.magnitudes(unit)])
               if keeps_stage(names[0], m) and not {r[0] for r in _REFUSE.finditer(m)} - {r[0] for r in _REFUSE.finditer(names[0])}]
    by_match = (lambda u: narrative_walk.hits(sentences, matched, u, lead=lead)) if matched else None
    if by_match:
        tiers = (*tiers, by_match)
    # The narrative's phrase that ends in the metric's head noun and leaves some of its words out (村级服务站 for
    # 村级寄递物流综合服务站; the head alone after the sentence named a noun of the name): tried after every other.
    headed_alike = [m for m in figure_match.by_head(names[0], sentences, [unit, *figure_roles.magnitudes(unit)])
                    if m not in matched and keeps_stage(names[0], m)]
    if headed_alike:
        tiers = (*tiers, lambda u: narrative_walk.hits(sentences, headed_alike, u, lead=lead))
    level = unit == "%" and not growth_metric(names[0], unit)  # (a growth is over a time: a span's is not the year's)
    if "、" in name:  # a shorter form of a list names one of its items (排水管网 of 燃气、供水、排水管网): as written only
        tiers = tiers[:1]
    for tier in tiers:
        hits = figure_pool.of_named_period(tier(unit), names[0])
        if lead:
            # 新增公交线路 beside 优化公交线路41条, 改造提升老旧小区 beside 完工96个: a metric whose name carries a verb
            # takes no figure that a verb of other work governs (its own verb, or none, must).
            hits = [h for h in hits if _own_work(h, names, lead)]
        if not figure_pool.pool(hits, cumulative, level):
            continue
        reading = figure_pool.decide(hits, cumulative, level)
        if reading is None and len(names) > 1 and names[0] != names[1] and names[0].endswith(names[1]):
            # 新建公厕15座,改造提升公厕32座: the metric's own verb tells two figures of its noun apart.
            reading = figure_pool.decide([h for h in hits if names[0] in h.words], cumulative, level)
        if reading is None and len(things := names[0][: -len(_last_word(names[0]))]) >= 4 and tier is not tiers[0]:
            # 205个市级重大产业项目完成投资… beside 45个…的重大产业项目…完成投资…: read by a shorter form, the figure
            # whose clause names the metric's things whole is theirs; the other counts some of them, named otherwise.
            reading = figure_pool.decide([h for h in hits if things in h.words], cumulative, level)
        if reading and len(tiers) > 2 and tier is tiers[2] and (figure_parts.rival_head(whole, reading.words, reading.value, [
                (modifier, rest) for modifier, rest, _g in narrative_names.heads(headed)], unit)):
            return None  # …完成率达215%;(2)大专…,完成率214.75%: the head alone names two figures
        if reading and _sibling_verb(reading, hits, names):
            return None  # 新建公厕12座,改造提升公厕20座;累计新建86座: 86 is 新建's, not 改造提升公厕's
        if reading and tier is not tiers[0] and tier is not by_kind and not growth_metric(name, unit) and any(
                v not in reading.words and not any(m.group() in h.words for h in hits)
                for v in figure_roles.own_verbs(names[0])
                for m in re.finditer(rf"{re.escape(v)}\d[\d,.]*(?:{_alt([unit, *figure_roles.magnitudes(unit)])})", whole)):
            # 下达…资金2.8亿元 for 资金拨付 beside 已拨付2.35亿元: the metric's own verb gives another figure (a part by
            # its kind or place is of the whole that verb counts: 改造120公里,其中南溪县38公里)
            return None
        if reading and _verb_counts_more(reading, names[0], unit, whole, tier is by_match):
            # 签约关联项目443个 for 签约项目 beside 签约13个: one of the things the metric's verb counted; 收集…问题106个,
            # 化解101个 for 化解…问题: the noun read without the verb that leads the name, which counts another figure
            return None
        if reading and cumulative and not level and not any(figure_roles.this_year(h) for h in figure_pool.pool(hits, cumulative)) and any(
                figure_roles.this_year(h) for u in figure_roles.magnitudes(unit) for h in tier(u)):
            return None  # 已完成…2.46万户,今年完成1,860户 for a metric in 万户: the year's figure is in another magnitude
        beside_total = cumulative and any(h.total or h.untimed for u in (unit, *figure_roles.magnitudes(unit))
                                          for h in (hits if u == unit else tier(u)))
        if reading and not level and not all(figure_pool.wanted(h, cumulative) or (beside_total and figure_roles.this_year(h))
                                             for h in figure_pool.pool(hits, cumulative)):
            # 今年新增1260张 beside 累计达到1.86万张: the figure the metric wants is written in another magnitude.
            if any(figure_pool.wanted(h, cumulative) for u in figure_roles.magnitudes(unit) for h in tier(u) if not h.subset):
                return None
        return reading
    return None


def _lead_verbs(name: str) -> frozenset:
    """The listed verbs of work that lead a metric's name (新增 of 新增公交线路, 改造提升 of 改造提升老旧小区, 新建 and
    改扩建 of 新建、改扩建公办幼儿园), after scope words; none when too little would be left of the name.  Words
    jieba alone calls verbs (持证, 停车, 就业) qualify the noun and are no work."""
    ws, k, lead = phrases.words(name), 0, set()
    while k < len(ws) and (ws[k] in _SCOPE or (not k and ws[k] == narrative_names.place(name))):
        k += 1
    while k < len(ws):
        if ws[k] == "新" and k + 1 < len(ws) and ws[k + 1] in _WORK:
            ws = (*ws[:k], "新" + ws[k + 1], *ws[k + 2:])  # 新改扩建: 新 and a verb of work are one verb (work_verbs)
        elif not (ws[k] in _WORK or (lead and ws[k] in ("、", "和", "及") and k + 1 < len(ws) and ws[k + 1] in _WORK)):
            break
        lead |= {ws[k]} - {"、", "和", "及"}
        k += 1
    rest = "".join(ws[k:])
    if not lead and (kind := _BUILDING_KIND.match(rest)) and len(rest) - kind.end() >= 2:
        return frozenset({kind.group()})  # 新建国省干线: jieba's 建国 hides the verb of building that leads the name
    return frozenset(lead) if len(rest) >= 2 else frozenset()


_WORK = (frozenset(phrases.VERBS) | frozenset(_NARRATIVE_VERBS)) - figure_roles._NOT_WORK


def _own_work(hit: _Hit, names: list[str], lead: frozenset) -> bool:
    """Whether a figure may be the metric's by its verb, the metric's name leading with verbs of work (`lead`):
    the clause writes the name with its verb (新增公交线路20条), or no verb of work governs the figure, or one of
    the metric's own does (现已新增20条), or the figure is a part (其中) of what the clause before did with it
    (新建、改扩建公办幼儿园11所,其中已竣工投用6所)."""
    if names[0] in hit.words or any(v[0] == "新" and "新增" + v[1:] in hit.words for v in lead):
        return True  # (新增登记 is 新登记 written out)
    rest = _without(hit.words, names)
    # 新增规上工业企业 beside 规上工业企业达到106户: what a metric adds is no level reached nor what there is.
    if lead & _ADDING and (figure_roles.stock(rest) or figure_roles._REACHED.search(rest)):
        return False
    # 新建续建国省干线147.2公里, 新建改造公厕26座: a figure that kinds of building govern together counts them all,
    # not the one kind that leads the metric's name (新建国省干线).
    kinds = set(_BUILDING_KIND.findall(rest.split(" ")[0]))
    if kinds - set(_BUILDING_KIND.findall("".join(lead))) and _BUILDING_KIND.search("".join(lead)):
        return False
    # (…公路维修及新改建工程210公里、桥梁5座: an item of a list with no verb of its own is the work that leads the list)
    verbs = figure_roles.work_verbs(rest) or figure_roles.work_verbs(_without(hit.listed, names))
    return (not verbs or figure_roles.same_work(verbs, lead)
            or (hit.words.startswith("其中") and figure_roles.same_work(figure_roles.work_verbs(hit.before), lead)))


# Verbs by which a metric counts what was added (新增规上工业企业), not what there is.
_ADDING = frozenset("新增 增加".split())

# Kinds of building that exclude one another: what is built new is not rebuilt, extended or carried on.
_BUILDING_KIND = re.compile(r"改扩建|新建|续建|改建|扩建|迁建|改造")


def _without(words: str, names: list[str]) -> str:
    """The words of a clause with the metric's name taken out (its own verbs are not the figure's)."""
    for n in names:
        words = words.replace(n, " ")
    return words


def _sibling_verb(reading: Reading, hits: list[_Hit], names: list[str]) -> bool:
    """Whether a figure read without the name (累计新建86座) repeats a verb that, in another clause, leads the
    metric's noun with a verb other than the metric's own (新建公厕 beside the metric 改造提升公厕)."""
    if len(names) < 2 or names[0] == names[1] or not names[0].endswith(names[1]) or any(n in reading.words for n in names):
        return False
    own, noun = names[0][: -len(names[1])], names[1]
    return any(w in phrases.VERBS and w not in own and any(w + noun in h.words for h in hits)
               for w in phrases.words(reading.words))


def _later(short: list[str], names: list[str], whole: str) -> list[str]:
    """The shortened names that may stand for the metric: anywhere where the name as written is nowhere, else
    only a form first written after it (1-8月空气质量优良天数187天…。8月份优良天数29天: a later mention shortens)."""
    at = [whole.find(n) for n in names if n in whole]
    short = [s for s in short if not figure_match.another_kind(s, names + short, whole)]  # (贫困户农村安居房)
    return [s for s in short if s not in whole[: min(at)]] if at else short


def _verb_counts_more(reading: Reading, name: str, unit: str, whole: str, matched: bool = True) -> bool:
    """Whether the verb that leads the metric's name governs a figure of the unit other than the one read through a
    phrase like the name (签约13个 beside 签约关联项目443个 for 签约项目): the phrase names one of several things so
    counted; or, read through a shorter form of the name (not `matched`) whose words leave that verb out, the
    figure is another work's of the same things (累计收集…问题106个,及时化解101个 for 化解…问题)."""
    verbs = [w for w in phrases.words(name)[:1] if len(w) >= 2 and phrases.is_verb(w) and (matched or w not in reading.words)]
    return any(m.group() not in reading.words and (matched or _opens_clause(whole, m.start())) for v in verbs
               for m in re.finditer(rf"{re.escape(v)}\d[\d,.]*{re.escape(unit)}", whole))


def _opens_clause(whole: str, at: int) -> bool:
    """Whether the words before offset `at` in its clause name nothing (及时化解101个, 已办结5件): a verb whose
    object the clause leaves to the one before; not 残疾人就业120人, whose noun is its subject."""
    start = max(whole.rfind(p, 0, at) for p in ",,;;。、\n:") + 1
    tags = phrases._tags()  # (adverbs, conjunctions, times: 及时, 已, 本月; no noun, idiom or verb)
    return all(tags.get(w) in ("d", "ad", "c", "t", "r", "p", "a") for w in phrases.words(whole[start:at]))
