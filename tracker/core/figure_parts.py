"""Parts of a metric's whole by place, and the sum a narrative gives of them.

A department reporting for a city often counts its work district by district (兰山区新建成口袋公园9个;罗庄区新建成6个;
…), then sums it (三区合计建成20个, 全市共计20个).  A figure that a place smaller than the metric's scope qualifies
(a district or county named before it: tracker/core/figure_words.py `_is_place`) is a part, never the whole: the
clause reader refuses it (tracker/core/figure_clauses.py).  Where the parts are followed by a clause that sums
them with no noun of its own, that sum is the metric's: the words 合计, 共计, 总计 or 共 say the figure adds up what
was listed, and the places summed (三区, 以上各区) or the whole scope (全市) may lead it.  Where only the parts are
given, the metric has no figure: the reader does not add them up itself (a place left out, or counted twice,
would make a wrong official figure).
"""

from __future__ import annotations

import re

from tracker.core import phrases
from tracker.core.figure_words import _JOINERS, _SCOPE, _SUM, _TIME, _alt, _is_place
from tracker.core.phrases import NUM as _NUM
from tracker.core.phrases import unit_is as _unit_is

# The places summed, before the word of the sum: 三区, 5个县(市、区), 以上各区, 上述街道, 各县区.
_PLACES_SUMMED = re.compile(
    r"^(?:以上|上述|这|此)?(?:[一二两三四五六七八九十\d]+个?|各)?(?:区|县|市|区县|县区|县市区|县(?:市)?区|乡镇|镇|街道)")


def by_place(clause: str, names: list[str], unit: str) -> bool:
    """Whether a clause gives the metric's noun a figure in its unit that a place qualifies (兰山区新建成口袋公园9个):
    a part of the metric's whole."""
    for name in names:
        at = clause.find(name)
        if at >= 0 and _is_place(clause[:at]) and any(_unit_is(clause, m.end(), unit) for m in _NUM.finditer(clause, at)):
            return True
    return False


def sum_of_parts(clause: str, unit: str, verbs: frozenset) -> re.Match | None:
    """The figure of a clause that sums the parts just given, with no noun of its own (三区合计建成20个, 全市共计
    20个, 合计20个): the places summed or the scope, then a word of the sum, then joining words, time words or
    the verbs of the parts' clauses (`verbs`), then the figure in the unit and nothing after it."""
    m = next(iter(_NUM.finditer(clause)), None)
    if not m or not _unit_is(clause, m.end(), unit) or clause[m.end() + len(unit):].strip():
        return None
    join = re.sub(_TIME, "", clause[: m.start()])
    join = _PLACES_SUMMED.sub("", re.sub(rf"^(?:{_alt(_SCOPE)})+", "", join))
    if not _SUM.match(join) and not join.startswith("共"):
        return None
    ws = phrases.words(join)
    if not all(w in _JOINERS or w in verbs or w == "新" or (phrases.is_verb(w) and w in verbs) for w in ws):
        return None
    return m
