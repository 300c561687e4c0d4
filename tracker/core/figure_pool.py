"""Figures found for one metric pooled by the role it wants and decided: one value, with its words, or none.

tracker/core/narratives.py finds the figures (hits) clause by clause; this module picks, among them, the ones of
the kind the metric wants (a running total, the month's amount, this year's beside a total of all years, a level)
and decides: one value when they agree and are exact, none when they differ or any is in doubt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.core import figure_roles
from tracker.core.figure_clauses import _Hit
from tracker.core.figure_words import _OWN_PERIOD, _SCOPE, _TOTAL, _alt


@dataclass(frozen=True, slots=True)
class Reading:
    """A figure read from a narrative, with the words (the clause) it was read from."""

    value: float
    words: str


def wanted(hit: _Hit, cumulative: bool) -> bool:
    """Whether the words of a hit say it is what the metric wants: a running total, or the month's amount."""
    return hit.total if cumulative else hit.period


def pool(hits: list[_Hit], cumulative: bool, level: bool = False) -> list[_Hit]:
    """The hits of the kind the metric wants: a cumulative one the running total (a month's amount alone is
    not one), an increment one the month's amount (a running total alone is not one); a level (a rate in
    %) whatever the time words say (8月份按时办结率99.1%)."""
    # The month's amount, even under 其中 (新增73户,其中8月新增12户: 12 is the month's), before any other.
    # Amounts of two months (7月新建5家,8月新建7家): which is the report's is not said.
    # A part under 其中 gives way to a figure of the same role only (已开工118个,其中完工63个,8月份新完工11个:
    # 63 is the total done, 11 the month's).
    if level:
        return wholes(hits)
    months = wholes([h for h in hits if h.period or h.early])
    whole_years = [h for h in hits if h.span and _WHOLE_YEAR.search(h.words)]
    hits = [h for h in hits if not h.span]
    if cumulative:
        # A metric runs within the plan's year: beside a total of all years (累计…1.2万户), this year's figure
        # (本年度完成1860户, 其中今年新建45个) is the value, whatever its verb (the lead's convention).
        # A figure to date with no time words (已建成…3,420个) is a total of all years as much as 累计 is.
        totals = [h for h in hits if h.total]
        year = [h for h in hits if figure_roles.this_year(h)] or _new_to_date(totals) or _new_beside_stock(hits, totals)
        if year and any(h.total or h.untimed for h in hits):
            return wholes(year)
        if whole_years and any(_ALL_YEARS.search(h.words) for h in totals):
            # 累计建成5G基站142.5万个,去年全年新建超过65万个: a whole year's figure of its own beside a total of all
            # years: the total is not the value, and which year is the plan's is not said.
            return []
        return wholes(totals) or wholes([h for h in hits if not h.period])
    # 已建成8个: a state to date, never the month's amount unless a month is named.  A figure without
    # time words is the month's only where the narrative names no month at all: beside `8月份改造1020户`,
    # `完成示范村56个` is not said to be August's.
    return months or wholes([h for h in hits if not h.total and not h.year and not h.state and not (h.untimed and h.dated)])


def wholes(hits: list[_Hit]) -> list[_Hit]:
    """The hits not under 其中, or the parts where there is nothing else."""
    return [h for h in hits if not h.subset] or hits


def of_named_period(hits: list[_Hit], name: str) -> list[_Hit]:
    """The hits a metric that names its period in its name may take: no total of all years (统筹基金当期结存4119.75
    亿元,累计结存30445.50亿元 for 统筹基金当期结存: the 累计 one is another metric's), unless it says this year's."""
    if not _OWN_PERIOD.search(name):
        return hits
    return [h for h in hits if not _ALL_YEARS.search(h.words) or h.year]


# A figure of new things (新培育, 新增, 新建) with no time words before it.
_NEW_UNTIMED = re.compile(rf"(?:{_alt(_SCOPE)})*新(?!.*(?:累计|其中))")


def untimed_before_total(said: list[_Hit], found: list[_Hit]) -> list[_Hit]:
    """The figures said before a clause's, with no time of their own, that a total in it leaves in doubt: new things
    (新培育…16家,全市累计达到238家) or those the total's verb counts (向南充市推送…93个,累计推送339个).  They may be this
    year's, which the convention prefers to the total of all years, or some other span's or part's: neither is
    clearly the value.  A figure whose clause names the report's period (当期结存…) is timed."""
    return [h for h in said if h.untimed and not h.total and not h.period and (_NEW_UNTIMED.match(h.words) or any(
        t.words.startswith("累计") and figure_roles.work_verbs(t.words) & figure_roles.work_verbs(h.words)
        for t in found) and not _OWN_PERIOD.search(h.words))]


def decide(hits: list[_Hit], cumulative: bool, level: bool = False) -> Reading | None:
    """The one value the pool of the metric's kind gives, with its words; None when the pool is empty, its
    figures differ, or any of them is shared, inexact or in doubt."""
    chosen = pool(hits, cumulative, level)
    if not chosen or any(h.shared or not h.exact or h.doubt for h in chosen):
        return None
    values = {h.value for h in chosen}
    return Reading(chosen[0].value, chosen[0].words) if len(values) == 1 else None


# 全市新增充电桩1,536个 under 截至9月底, 今年以来新建5G基站1,206个: new things counted to a date of the year (since
# it began), no 累计 of their own.
_SINCE_NEW_YEAR = re.compile(r"^(?:今年以来|年初以来|今年)")
_NEW_TO_DATE = re.compile(r"^(?:全市|全县|全区|全省)?(?:新增|新建)")
# A total of all years: 累计, or the stock's sum (总数达到8,530个).
_ALL_YEARS = re.compile(rf"{_TOTAL.pattern}|总数|总量|保有量")
# A year's whole amount (全年, 去年全年).
_WHOLE_YEAR = re.compile(r"全年")


def _new_to_date(totals: list[_Hit]) -> list[_Hit]:
    """The totals that count new things to the date an opening set or since the year began (截至9月底,全市新增充电桩
    1,536个; 今年以来新建5G基站1,206个), where another total says 累计 or 总数 of its own (累计建成充电桩已达6,280个,
    全市5G基站总数达到8,530个): the year's growth beside a total of all years."""
    new = [h for h in totals if _NEW_TO_DATE.match(w := _SINCE_NEW_YEAR.sub("", h.words)) and not _TOTAL.search(w)]
    return new if new and any(_ALL_YEARS.search(h.words) for h in totals if h not in new) else []


# Things added, with no time of their own (增加了护理型床位50张), and the stock they joined (护理型床位共159张); before
# them, their subject and a verb of making them known (国家文物局公布了新增的123家…), no other verb nor figure.
_ADDED = re.compile(r"(?:新增|新建|增加)了?")
_ANNOUNCED = re.compile(r"(?:公布|发布|公示)了?$")
_STOCK = re.compile(r"(?<!公)共(?:有|计)?\d|总数|总量|保有量")


def _new_beside_stock(hits: list[_Hit], totals: list[_Hit]) -> list[_Hit]:
    """The figures of things added with no time words (增加了护理型床位50张), beside a stock of the same things said
    whole (护理型床位共159张): the year's growth beside a total of all years, as the lead's convention reads it."""
    new = [h for h in hits if h.untimed and not h.total and not h.subset and _added(h.words)]
    return new if new and any(_STOCK.search(h.words) for h in totals) else []


def _added(words: str) -> bool:
    """Whether a clause counts things added: 新增, 新建 or 增加 leads it, after its subject alone or a verb that makes
    them known (国家文物局公布了新增的123家国家一级博物馆)."""
    m = _ADDED.search(words)
    before = _ANNOUNCED.sub("", words[: m.start()]) if m else ""
    return bool(m) and not re.search(r"\d", before) and not figure_roles.work_verbs(before)
