"""Values read from a progress narrative: the figure it gives for one metric (name, unit), or None."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.core import phrases
from tracker.core.figure_words import (
    _APPROX_AFTER,
    _APPROX_END,
    _APPROX_IN_JOIN,
    _CHANGE,
    _CLAUSE,
    _CONDITION,
    _COMPOUND,
    _CONJ_END,
    _FUNDS,
    _GENERIC,
    _JOIN,
    _JOINERS,
    _LEAD,
    _LEFT,
    _MANNER,
    _OPENING,
    _PERIOD,
    _REFUSE,
    _RIGHT,
    _SECTION,
    _SCOPE,
    _SENTENCE,
    _SUM,
    _TIME,
    _TOTAL,
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


def _joins(join: str, more: tuple[str, ...] | frozenset = ()) -> bool:
    """Whether words may stand between a name and its figure: joining and time words, figures, and
    verbs of any kind (累计接待, 已完工, 改造提升已完成; refusals and changes are judged apart)."""
    if _JOIN.fullmatch(join):
        return True
    return all(w in _JOINERS or w in more or phrases.is_verb(w) or _JOIN.fullmatch(w)
               for w in phrases.words(join))


def _name_before(pre: str, names: list[str]) -> tuple[str, str] | None:
    """(head, join) when `pre` ends NAME [joining words], the name not the tail of another noun."""
    for name in names:
        at = pre.rfind(name)
        while at >= 0:
            head, join = pre[:at], pre[at + len(name) :]
            if _joins(join) and (not head or _LEFT.search(head) or phrases.is_verb(
                    phrases.word_before(pre, at) or "")) and not _CHANGE.search(join):
                return head, join
            at = pre.rfind(name, 0, at + len(name) - 1)
    return None


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


def _hits_in_clause(clause: str, names: list[str], unit: str, opening: tuple[bool, bool],
                    shared_head: bool) -> list[_Hit]:
    hits: list[_Hit] = []
    for m in _NUM.finditer(clause):
        i, exact = m.end(), True
        if clause[i : i + 1] in ("余", "多"):
            i, exact = i + 1, False
        if not _unit_is(clause, i, unit):
            continue
        end = i + len(unit)
        pre, rest = clause[: m.start()], clause[end:]
        if _APPROX_AFTER.match(rest):
            exact, rest = False, rest[2:]
        before = _name_before(pre, names)
        # NAME [joining words] FIGURE, and the figure not that of a noun after it (`中心2个项目`)
        if before is not None and (not rest or _RIGHT.match(rest) or rest[0].isdigit()):
            head, join = before
            context = head + join + rest
            shared = bool(_CONJ_END.search(head)) or (not head and shared_head)
            exact = exact and not _APPROX_IN_JOIN.search(join)
        elif (after := _name_after(rest, names)) is not None and not _CHANGE.search(pre[-2:]):  # FIGURE UNIT NAME
            context, shared = pre + after, bool(_COMPOUND.match(after))
            exact = exact and not _APPROX_END.search(pre)
        else:
            continue
        if _REFUSE.search(context) or _is_place(context):
            continue
        hits.append(_hit(_value(m), exact, context, opening, shared, clause))
    return hits


def _hit(value: float, exact: bool, context: str, opening: tuple[bool, bool], shared: bool, words: str) -> _Hit:
    total_opening, period_opening = opening
    running = bool(_TOTAL.search(context))
    period = bool(_PERIOD.search(context)) or (period_opening and not running)
    total = running or (not period and (total_opening or bool(_SUM.search(context))))
    return _Hit(value, exact, total, period, "其中" in context, shared, words)


# `累计培训500个` after a clause on centres is not about centres: only verbs of building go unnamed.
_BUILT = frozenset("建成 完成 新建 新增 改造 改建 建设 培育 打造 创建".split())
_ELIDED_JOIN = re.compile(rf"(?:{_TIME}|{_alt(_JOINERS + list(_BUILT))})*+")
_DONE = re.compile(r"建成|完工|完成|投入使用|投用")
_RATE_JOIN = re.compile(r"(?:已|均|平均)?(?:达到|达|为)")


def _only(join: str, allowed) -> bool:
    """Whether `join` is time and joining words and the allowed words only."""
    return bool(_ELIDED_JOIN.fullmatch(join)) or all(
        w in _JOINERS or w in _SCOPE or w in allowed or re.fullmatch(_TIME, w) for w in phrases.words(join))


def _elided(clause: str, unit: str, opening: tuple[bool, bool], unread: bool,
            verbs: frozenset) -> tuple[_Hit, bool] | None:
    """`累计建成15个` right after a clause that named the metric: the name is understood.

    A running total may repeat the verb of the clause before (办理…4860件,年内累计办理3.9万件) or one of
    building; a clause of completion alone (建成投用4个, 已完工23处, 完成整治15处) counts after a clause
    that named the metric with no count done (unread), or with a count only planned or begun (实施18处,
    已完工12处): (hit, done).
    """
    # The first figure that is no date (8月新增12户: 8 is the month's).
    m = next((m for m in _NUM.finditer(clause) if not clause.startswith(("月", "日"), m.end())), None)
    if not m or not _unit_is(clause, m.end(), unit):
        return None
    join, rest = clause[: m.start()], clause[m.end() + len(unit) :]
    if (rest and not _APPROX_AFTER.fullmatch(rest)) or _REFUSE.search(join):
        return None
    total = bool(_TOTAL.search(join)) and _only(join, _BUILT | verbs)
    part = join.startswith("其中") and bool(_PERIOD.search(join)) and _only(join[2:], _BUILT | verbs)  # 其中8月新增12户
    done = bool(_DONE.search(join)) and _joins(join.removeprefix("其中"))
    rate = unread and unit == "%" and bool(_RATE_JOIN.fullmatch(join))  # `…覆盖率同比提高5个百分点,达到98%`
    if not (total or done or rate or part):
        return None
    hit = _hit(_value(m), not rest and not _APPROX_IN_JOIN.search(join), join, opening, False, clause)
    return hit, done and not total and not join.startswith("其中")


def _opening(clauses: list[str], before: tuple[bool, bool]) -> tuple[bool, bool]:
    """(total, period) for a sentence: set by an opening clause (截至目前, 8月以来), else as before."""
    if _SECTION.match(clauses[0]):
        before = (False, False)
    if len(clauses) < 2 or not _OPENING.fullmatch(clauses[0]):
        return before
    running = bool(_TOTAL.search(clauses[0]))
    return running or bool(_SUM.search(clauses[0])), bool(_PERIOD.search(clauses[0])) and not running


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
    sentences = [s.strip() for s in _SENTENCE.split(_CONDITION.sub("", _normalise(text)))]
    hits = _hits(sentences, names, unit)
    if not hits:  # `社工站…,覆盖率达到100%`: a metric's head word, once the sentence has named what it belongs to
        hits = _hits(sentences, names, unit, short=_short_names(names))
    reading = _decide(hits, cumulative=mode != "increment")
    if reading is None and len(names) > 1 and names[0] != names[1] and names[0].endswith(names[1]):
        # 新建公厕15座,改造提升公厕32座: the metric's own verb tells two figures of its noun apart.
        reading = _decide([h for h in hits if names[0] in h.words], cumulative=mode != "increment")
    return reading


def _short_names(names: list[str]) -> list[tuple[str, str]]:
    out = []
    for name in names:
        split = phrases.head_split(name)
        if split and len(split[0]) >= 2 and split[1] not in _GENERIC:
            out.append(split)
    return out


def _hits(sentences: list[str], names: list[str], unit: str, short: list | None = None) -> list[_Hit]:
    hits: list[_Hit] = []
    # An opening such as `8月以来,` governs the sentences after it, up to the next opening or section.
    opening = (False, False)
    for sentence in sentences:
        parts = _CLAUSE.split(sentence)
        clauses, seps = [p.strip() for p in parts[::2]], [""] + parts[1::2]
        opening = _opening(clauses, opening)
        if short is not None:
            names = [head for modifier, head in short if modifier in sentence.split(head)[0]]
            if not names:
                continue
        named = unread = False
        last = 0
        verbs: frozenset = frozenset()
        for k, clause in enumerate(clauses):
            # `低保对象、特困人员共计3000人`: a bare name before 、 shares the figure.
            shared_head = (k > 0 and seps[k] == "、" and bool(clauses[k - 1])
                           and not re.search(r"\d", clauses[k - 1]) and not _LEAD.fullmatch(clauses[k - 1]))
            found = _hits_in_clause(clause, names, unit, opening, shared_head)
            if not found and (named or unread):
                elided = _elided(clause, unit, opening, unread, verbs)
                if elided and elided[1] and named:
                    # 实施…18处,已完工12处: what is done, not what was begun, when the clause before said no more.
                    if any(_DONE.search(h.words) for h in hits[-last:]):
                        elided = None
                    else:
                        del hits[-last:]
                found = [elided[0]] if elided else []
            hits += found
            named, last = bool(found), len(found)
            unread = not found and any(n in clause for n in names) and not _is_place(clause)
            if found or unread:  # the verbs a running total after this clause may repeat
                verbs = frozenset(w for w in phrases.words(clause) if phrases.is_verb(w))
    return hits


def _decide(hits: list[_Hit], cumulative: bool) -> Reading | None:
    # The month's amount, even under 其中 (新增73户,其中8月新增12户: 12 is the month's), before any other.
    months = [h for h in hits if h.period]
    months = [h for h in months if not h.subset] or months
    hits = [h for h in hits if not h.subset] or hits
    if cumulative:  # the running total; a month's amount alone is not one
        pool = [h for h in hits if h.total] or [h for h in hits if not h.period]
    else:  # the month's amount; a running total alone is not one
        pool = months or [h for h in hits if not h.total]
    if not pool or any(h.shared or not h.exact for h in pool):
        return None
    values = {h.value for h in pool}
    return Reading(pool[0].value, pool[0].words) if len(values) == 1 else None

