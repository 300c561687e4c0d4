"""Values read from a progress narrative: the figure it gives for one metric (name, unit), or None."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from tracker.core import figure_roles, narrative_names, phrases
from tracker.core.figure_words import (
    _APPROX_AFTER,
    _approx_end,
    _approx_in,
    _CHANGE,
    _CLAUSE,
    _CONDITION,
    _COMPOUND,
    _CONJ_END,
    _FUNDS,
    _JOIN,
    _JOINERS,
    _LEAD,
    _LEFT,
    _MANNER,
    _NARRATIVE_VERBS,
    _OPENING,
    _PERIOD,
    _REFUSE,
    _RIGHT,
    _SECTION,
    _SCOPE,
    _SUM,
    _TIME,
    _TOTAL,
    _YEAR,
    _SPAN,
    _alt,
    _is_place,
    _variants,
)
from tracker.core.phrases import NUM as _NUM
from tracker.core.phrases import normalise as _normalise
from tracker.core.phrases import number as _value
from tracker.core.phrases import unit_is as _unit_is




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


def _joins(join: str, more: tuple[str, ...] | frozenset = ()) -> bool:
    """Whether words may stand between a name and its figure: joining and time words, figures, and
    verbs of any kind (累计接待, 已完工, 改造提升已完成; refusals and changes are judged apart)."""
    if _JOIN.fullmatch(join):
        return True
    return all(w in _JOINERS or w in more or phrases.is_verb(w) or _JOIN.fullmatch(w)
               for w in phrases.words(join))


def _name_before(pre: str, names: list[str], gap: bool = False, money: bool = False) -> tuple[str, str] | None:
    """(head, join) when `pre` ends NAME [joining words], the name not the tail of another noun.

    `gap`: a name that ends in a verb may have its object after it (临时救助困难群众1120人次); `money`: a sum
    may be named as the money of it (耕地地力保护补贴资金3.26亿元).
    """
    for name in names:
        at = pre.rfind(name)
        while at >= 0:
            head, join = pre[:at], pre[at + len(name) :]
            skip = narrative_names.object_gap(join) if gap and narrative_names.ends_in_verb(name) else 0
            if _joins(join[skip:], _MONEY if money else ()) and (not head or _LEFT.search(head) or phrases.is_verb(
                    phrases.word_before(pre, at) or "") or (_WHOLE.search(head) and (_DONE.search(join) or join.startswith("已")))) \
                    and not _CHANGE.search(join):
                return head, join
            at = pre.rfind(name, 0, at + len(name) - 1)
    return None


_MONEY = frozenset("资金 金额 补贴资金 款".split())

# `20个示范村已完成14个`, `270场送戏进万村已送出231场`: the whole before the name, what is done of it after.
_WHOLE = re.compile(rf"(?<![\d.])\d+(?:\.\d+)?(?:{_alt(phrases.UNITS)})$")
_DONE = re.compile(r"建成|完工|竣工|完成|办结|投入使用|投用")

# `已为2300名老年人免费体检`: a manner word or a verb after the name begins what is done for them.
_MANNER_START = re.compile(_alt(_MANNER))


def _name_after(rest: str, names: list[str]) -> str | None:
    """What follows the name when `rest` starts with it and the name does not begin a longer noun."""
    for name in names:
        after = rest[len(name) :]
        if (rest.startswith(name) and not _FUNDS.match(after)
                and (not after or _RIGHT.match(after) or _COMPOUND.match(after) or _MANNER_START.match(after)
                     or phrases.is_verb(phrases.words(after)[0]))):
            return after
    return None


def _hits_in_clause(clause: str, names: list[str], unit: str, opening: tuple,
                    shared_head: bool, gap: bool = False) -> list[_Hit]:
    hits: list[_Hit] = []
    for m in _NUM.finditer(clause):
        i, exact = m.end(), True
        if clause[i : i + 1] in ("余", "多"):
            i, exact = i + 1, False
        if not _unit_is(clause, i, unit):
            continue
        end = i + len(unit)
        pre, rest = clause[: m.start()], clause[end:]
        if pre.endswith(("由", "从")):  # 由10个增至15个: a level left behind
            continue
        if _APPROX_AFTER.match(rest):
            exact, rest = False, rest[2:]
        before = _name_before(pre, names, gap, unit.endswith("元"))
        # NAME [joining words] FIGURE, and the figure not that of a noun after it (`中心2个项目`)
        if before is not None and (not rest or _RIGHT.match(rest) or rest[0].isdigit()):
            head, join = before
            context = head + join + rest
            shared = bool(_CONJ_END.search(head)) or (not head and shared_head)
            exact = exact and not _approx_in(join)
        elif (after := _name_after(rest, names)) is not None and not _CHANGE.search(pre[-2:]):  # FIGURE UNIT NAME
            if any(_unit_is(after, n.end(), unit) for n in _NUM.finditer(after)):
                continue  # 15个农村幸福院已完成8个: the first is the whole, of which the second is done
            context, shared = pre + after, bool(_COMPOUND.match(after))
            exact = exact and not _approx_end(pre)
        elif gap and narrative_names.covers(rest, names, unit, pre) and not _CHANGE.search(pre[-2:]):
            context, shared = pre, False  # 为1028名残疾儿童提供康复救助
            exact = exact and not _approx_end(pre)
        else:
            continue
        if _REFUSE.search(context) or _is_place(context):
            continue
        hits.append(_hit(_value(m), exact, context, opening, shared, clause))
    return hits


def _hit(value: float, exact: bool, context: str, opening: tuple, shared: bool, words: str) -> _Hit:
    total_opening, period_opening, span_opening, latest = opening
    month_word = bool(_PERIOD.search(context))
    # A time of its own (截至7月底 beside 8月, 8月18日, 暴雨期间) that is no month's and no total to date,
    # or an opening such time governs (截至7月底,累计建成58处).
    old = figure_roles.stale(context, latest) or (span_opening and not month_word)
    running = bool(_TOTAL.search(context)) or figure_roles.since_start(context)
    period = month_word or (period_opening and not running)
    total = running or (not period and (total_opening or bool(_SUM.search(context))))
    year = not running and bool(_YEAR.search(context))
    span = old or (not running and bool(_SPAN.search(context)))
    early = old and month_word and not figure_roles.stale(context, None)
    return _Hit(value, exact, total and not old, period and not year and not span, "其中" in context, shared, words,
                year, span, state=not period and "已" in context, early=early,
                untimed=not (running or period or year or span or total_opening), dated=latest is not None)


# `累计培训500个` after a clause on centres is not about centres: only verbs of building go unnamed.
_BUILT = frozenset("建成 完成 新建 新增 改造 改建 建设 培育 打造 创建".split())
_ELIDED_JOIN = re.compile(rf"(?:{_TIME}|{_alt(_JOINERS + list(_BUILT))})*+")
_WORK_VERBS = frozenset(phrases.VERBS) | frozenset(_NARRATIVE_VERBS)
_RATE_JOIN = re.compile(r"(?:已|均|平均)?(?:达到|达|为)")


def _only(join: str, allowed) -> bool:
    """Whether `join` is time and joining words and the allowed words only."""
    return bool(_ELIDED_JOIN.fullmatch(join)) or all(
        w in _JOINERS or w in _SCOPE or w in allowed or w == "新" for w in phrases.words(re.sub(_TIME, "", join)))


def _elided(clause: str, unit: str, opening: tuple, unread: bool,
            verbs: frozenset, own: frozenset) -> tuple[_Hit, bool] | None:
    """`累计建成15个` right after a clause that named the metric: the name is understood.

    A running total or a month's amount (累计建成128个,8月新增9个) may repeat the verb of the clause
    before (办理…4860件,年内累计办理3.9万件), a word of the metric's name (`own`: 评估) or one of building;
    a clause of completion alone (建成投用4个, 已完工23处, 完成整治15处, or 已 with the verb of a plan:
    计划发放…,已发放3200万元) counts after a clause that named the metric with no count done (unread), or
    with a count only planned or begun (实施18处,已完工12处): (hit, done).
    """
    # 年度任务16个已完成9个: the task's figure first, what is done of it after.
    task = re.match(rf"(?:年度|全年)?(?:目标)?任务数?\d+(?:\.\d+)?{re.escape(unit)}(?=已|完成|建成)", clause)
    clause = clause[task.end():] if task else clause
    # The first figure that is no date (8月新增12户: 8 is the month's; 1-8月累计…).
    m = next((m for m in _NUM.finditer(clause) if not clause.startswith(("月", "日", "-", "—", "至", "~"), m.end())), None)
    if not m or not _unit_is(clause, m.end(), unit):
        return None
    join, rest = clause[: m.start()], clause[m.end() + len(unit) :]
    if (rest and not _APPROX_AFTER.fullmatch(rest)) or _REFUSE.search(join):
        return None
    allowed = _BUILT | verbs | own
    total = bool(_TOTAL.search(join)) and _only(join, allowed)
    # 其中8月新增12户; a month's amount may name any verb of the work (累计建成…,8月份新筹集180套)
    month = bool(_PERIOD.search(join)) and _only(join.removeprefix("其中"), allowed | _WORK_VERBS)
    done = ((bool(_DONE.search(join)) and _joins(join.removeprefix("其中")))
            or (unread and join.startswith("已") and _only(join, verbs | own) and join not in _JOINERS))
    rate = unread and unit == "%" and bool(_RATE_JOIN.fullmatch(join))  # `…覆盖率同比提高5个百分点,达到98%`
    if not (total or done or rate or month):
        return None
    hit = _hit(_value(m), not rest and not _approx_in(join), join, opening, False, clause)
    # 改造危桥23座,其中已完工17座: what is done of what was begun, under 其中 too; never a month's amount.
    return hit, done and not total and not month


_BEGUN = re.compile(r"开工|在建|施工")
_SENTENCE_OR_AFTER_SEMICOLON = re.compile(r"(?<=[;；])|[。!！?？\n]")

# A clause on all the things just counted that says they are still being built.
_ALL_UNFINISHED = re.compile(r"(?:均|全部|都).*(?:(?<!完成)施工(?!完成|完毕)|在建|开工|主体|装修|建设中)")


def _opening(clauses: list[str], before: tuple) -> tuple:
    """(total, period, span, latest) for a sentence: set by an opening clause (截至目前, 8月以来,
    汛期以来; 截至7月底 beside a later month is a span), else as before."""
    latest = before[3]
    if _SECTION.match(clauses[0]):
        before = (False, False, False, latest)
    first = clauses[0]
    # 汛期以来, 专项行动开展以来, 第三季度以来, 上半年: a short opening of a time the lists do not hold.
    other = len(first) <= 12 and not re.search(r"\d", first) and (
        figure_roles.since_start(first) or bool(_SPAN.search(first)))
    if len(clauses) < 2 or not (_OPENING.fullmatch(first) or other):
        return before
    if figure_roles.stale(first, latest) or (_SPAN.search(first) and not _TOTAL.search(first)):
        return False, False, True, latest
    since = figure_roles.since_start(first)
    running = bool(_TOTAL.search(first)) or since
    return running or bool(_SUM.search(first)), bool(_PERIOD.search(first)) and not running, False, latest


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
    # A sentence after ; keeps the one before in view (办结179件;年内累计办结1364件).
    sentences = [s.strip() for s in _SENTENCE_OR_AFTER_SEMICOLON.split(_CONDITION.sub("", _normalise(text)))]
    whole = "\n".join(sentences)
    cumulative = mode != "increment"
    # The name as written; then looser forms (tracker/core/narrative_names.py: with its object after a verb,
    # the shortened ones where it is nowhere); then its head word (社工站…,覆盖率达到100%).  A form is
    # tried only when the ones before gave no figure of the kind the metric wants.
    tiers = (
        lambda u: _hits(sentences, names, u),
        lambda u: _hits(sentences, names + ([] if any(n in whole for n in names) else narrative_names.shortened(names)),
                        u, gap=True),
        lambda u: _hits(sentences, names, u, short=narrative_names.heads(names)),
    )
    level = unit == "%"
    for tier in tiers:
        hits = tier(unit)
        if not _pool(hits, cumulative, level):
            continue
        reading = _decide(hits, cumulative, level)
        if reading is None and len(names) > 1 and names[0] != names[1] and names[0].endswith(names[1]):
            # 新建公厕15座,改造提升公厕32座: the metric's own verb tells two figures of its noun apart.
            reading = _decide([h for h in hits if names[0] in h.words], cumulative, level)
        if reading and tier is not tiers[0] and any(
                v not in reading.words and re.search(rf"{re.escape(v)}\d[\d,.]*(?:{_alt([unit, *figure_roles.magnitudes(unit)])})", whole)
                for v in figure_roles.own_verbs(names[0])):
            return None  # 下达…资金2.8亿元 for 资金拨付 beside 已拨付2.35亿元: the metric's own verb gives another figure
        if reading and not level and not all(_wanted(h, cumulative) for h in _pool(hits, cumulative)):
            # 今年新增1260张 beside 累计达到1.86万张: the figure the metric wants is written in another magnitude.
            if any(_wanted(h, cumulative) for u in figure_roles.magnitudes(unit) for h in tier(u) if not h.subset):
                return None
        return reading
    return None


def _wanted(hit: _Hit, cumulative: bool) -> bool:
    """Whether the words of a hit say it is what the metric wants: a running total, or the month's amount."""
    return hit.total if cumulative else hit.period


# 全市社会组织总数达到3142家 after 本月新增16家: a clause that names its scope again is a statement of its own.
_SCOPE_START = re.compile(_alt(_SCOPE))


def _hits(sentences: list[str], names: list[str], unit: str, short: list | None = None,
          gap: bool = False) -> list[_Hit]:
    hits: list[_Hit] = []
    # An opening such as `8月以来,` governs the sentences after it, up to the next opening or section.
    opening = (False, False, False, figure_roles.latest_month("\n".join(sentences)))
    # Words a clause without the name may still take from it (评估, 办结 of 按期办结率).
    own = frozenset(n[i:j] for n in names for i in range(len(n)) for j in range(i + 1, len(n) + 1))
    named = unread = False
    last, verbs = 0, frozenset()
    after_semicolon = False
    for sentence in sentences:
        carry, after_semicolon = after_semicolon, sentence.endswith((";", "；"))
        sentence = sentence.rstrip(";；")
        parts = _CLAUSE.split(sentence)
        clauses, seps = [p.strip() for p in parts[::2]], [""] + parts[1::2]
        opening = _opening(clauses, opening)
        if short is None:  # A、B分别建成15个、117个
            hits += [_hit(value, True, join, opening, False, part)
                     for value, join, part in narrative_names.respectively(sentence, names, unit)]
        if not carry:
            named = unread = False
            last, verbs = 0, frozenset()
        stock: list[_Hit] = []
        said: list[_Hit] = []  # the hits of this sentence
        month_before = False
        for k, clause in enumerate(clauses):
            if short is not None:
                names = narrative_names.heads_here(short, sentence, clauses[k - 1] if k else "")
            # `低保对象、特困人员共计3000人`: a bare name before 、 shares the figure.
            shared_head = (k > 0 and seps[k] == "、" and bool(clauses[k - 1])
                           and not re.search(r"\d", clauses[k - 1]) and not _LEAD.fullmatch(clauses[k - 1]))
            found = _hits_in_clause(clause, names, unit, opening, shared_head, gap)
            if not found and (named or unread):
                elided = _elided(clause, unit, opening, unread, verbs, own)
                if elided and elided[1] and named:
                    # 实施…18处,已完工12处: what is done, not what was begun, when the clause before said no more.
                    # A metric of what is begun (…新开工) keeps its own figure.
                    if any(_DONE.search(h.words) for h in hits[-last:]) or _BEGUN.search(names[0]):
                        elided = None
                    else:
                        del hits[-last:]
                found = [elided[0]] if elided else []
                if not found and named and _ALL_UNFINISHED.search(clause) and not _NUM.search(clause):
                    del hits[-last:]  # 新建游泳池3座,均已完成主体施工: all of them are still being built
            if not found and stock and figure_roles.works_on(clause, unit):
                # 全市有农村集贸市场96个,已完成标准化改造41个: the stock is not what was done, nor clearly the metric's.
                hits += [dataclasses.replace(h, doubt=True) for h in stock]
                stock = []
            stock += [h for h in found if figure_roles.stock(h.words)]
            if month_before:  # 本月走访…,发放慰问金56.3万元: a month earlier in the sentence covers the clauses after it
                found = [dataclasses.replace(h, dated=False, period=h.period or (
                    h.untimed and not h.state and not h.total and not _SCOPE_START.match(clause))) for h in found]
            if not found and said and figure_roles.unread_role(clause, unit, said):
                # 中小学校14所,其中竣工交付9所; 新培育8家,累计分别达到23家: the clause after gives what is done or
                # the total in words the reader does not take, so the figure before is not clearly the metric's.
                hits += [dataclasses.replace(h, doubt=True) for h in said]
            said += found
            month_before = month_before or bool(_PERIOD.search(clause))
            hits += found
            named, last = bool(found), len(found)
            unread = not found and (narrative_names.mentions(clause, names) if gap else any(n in clause for n in names)) \
                and not _is_place(clause)
            if found or unread:  # the verbs a running total after this clause may repeat
                verbs = frozenset(w for w in phrases.words(clause) if phrases.is_verb(w) or w in _NARRATIVE_VERBS)
    return hits


def _pool(hits: list[_Hit], cumulative: bool, level: bool = False) -> list[_Hit]:
    """The hits of the kind the metric wants: a cumulative one the running total (a month's amount alone is
    not one), an increment one the month's amount (a running total alone is not one); a level (a rate in
    %) whatever the time words say (8月份按时办结率99.1%)."""
    # The month's amount, even under 其中 (新增73户,其中8月新增12户: 12 is the month's), before any other.
    # Amounts of two months (7月新建5家,8月新建7家): which is the report's is not said.
    months = [h for h in hits if h.period or h.early]
    months = [h for h in months if not h.subset] or months
    hits = [h for h in hits if not h.subset] or hits
    if level:
        return hits
    hits = [h for h in hits if not h.span]
    if cumulative:
        return [h for h in hits if h.total] or [h for h in hits if not h.period]
    # 已建成8个: a state to date, never the month's amount unless a month is named.  A figure without
    # time words is the month's only where the narrative names no month at all: beside `8月份改造1020户`,
    # `完成示范村56个` is not said to be August's.
    return months or [h for h in hits if not h.total and not h.year and not h.state and not (h.untimed and h.dated)]


def _decide(hits: list[_Hit], cumulative: bool, level: bool = False) -> Reading | None:
    pool = _pool(hits, cumulative, level)
    if not pool or any(h.shared or not h.exact or h.doubt for h in pool):
        return None
    values = {h.value for h in pool}
    return Reading(pool[0].value, pool[0].words) if len(values) == 1 else None
