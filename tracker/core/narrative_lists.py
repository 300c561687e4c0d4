"""Figures given `分别` to a list of names, paired with the names in order (`A、B分别建成15个、117个`,
`A、B分别新增学位2400个和1100个` for A学位, `18个重大项目、30个重点项目分别完成投资…` for 重大项目完成投资); 分别 with no names
before it goes over the list just given (`新培育A8家、B64家,累计分别达到23家、312家`), or over the clauses just given,
each a thing and its figure (`接待游客510万人次,实现旅游总收入34.8亿元,分别增长30.5%和31.4%`).  Used by
tracker/core/narrative_walk.py beside the looser names of tracker/core/narrative_names.py.

An item of a list with no verb of its own is done at the stage the verb that led the list says
(`启动建设乡村振兴示范乡镇6个、示范村24个`: the villages are only begun, as the towns are): `item_stage`; and its
work is the work that leads the list (`完成…公路维修及新改建工程210公里、桥梁5座`: no bridges built new): `lead`.
"""

from __future__ import annotations

import re

from tracker.core import phrases
from tracker.core.figure_words import _CHANGE, _DONE, _LEAD, _OPENING, _REFUSE
from tracker.core.narrative_names import _ITEM_SEP
from tracker.core.phrases import NUM as _NUM
from tracker.core.phrases import unit_is as _unit_is

# A comma between a digit and exactly three digits is a thousands separator, no break.
_PARTS = re.compile(r"(?<!\d),|,(?!\d{3}(?!\d))|[，;；:：]")
_FIG_SEP = re.compile(r"[、和]")


_TIME_ITEM = re.compile(r"\d{1,2}月|季度|半年")


def _listed(part: str, unit: str) -> list[str]:
    """The names of a list whose every item is NAME FIGURE UNIT (`新培育A8家、B64家`), leading verbs and
    scope words dropped; [] when it is no such list."""
    part = part[_LEAD.match(part).end():] if _LEAD.match(part) else part
    part = part[phrases.leading_verbs(part):]
    names = []
    for item in _FIG_SEP.split(part):
        m = next(iter(_NUM.finditer(item)), None)
        if not m or not _unit_is(item, m.end(), unit) or m.end() + len(unit) != len(item) or m.start() < 2:
            return []
        names.append(item[: m.start()])
    return names


def respectively(sentence: str, names: list[str], unit: str) -> list[tuple[float, str, str]]:
    """`A、B分别建成15个、117个`: (value, the words before the figures, the part) for a name in the list."""
    out = []
    parts = _PARTS.split(sentence)
    for n, part in enumerate(parts):
        if part.count("分别") != 1:
            continue
        left, right = part.split("分别")
        time = left
        left = left[_OPENING.match(left).end():] if _OPENING.match(left) else left
        left = left[_LEAD.match(left).end():] if _LEAD.match(left) else left
        # 新培育A8家、B64家,累计分别达到23家、312家: 分别 with no names of its own goes over the list just given.
        figures = list(_NUM.finditer(right))
        items = _ITEM_SEP.split(left) if left or not n else (_listed(parts[n - 1], unit) or _measured(
            parts[max(0, n - len(figures)): n], len(figures)))
        time = "" if left or not n else time  # 累计 of 累计分别达到 says what the figures are
        if any(_TIME_ITEM.search(item) for item in items):  # 7月、8月分别接待游客…: months, not names
            continue
        if len(items) < 2 or len(figures) != len(items):
            continue
        join = right[: figures[0].start()]
        # (分别增长 gives changes, no counts: the figures of a metric that names the change, 旅游总收入增长, alone)
        if (_CHANGE.search(join) and not any(item + join in names for item in items)) or _REFUSE.search(join):
            continue
        pos, matched = figures[0].start(), []
        for k, m in enumerate(figures):
            same = _unit_is(right, m.end(), unit)
            written = unit if same else phrases.unit_at(right, m.end())
            if m.start() != pos or not written:
                break
            matched.append(same)
            pos = m.end() + len(written)
            if k + 1 < len(figures) and _FIG_SEP.match(right, pos):
                pos += 1
        if len(matched) != len(figures) or pos != len(right):
            continue
        # 公办幼儿园、民办幼儿园分别新增学位2400个和1100个: the noun after the verb completes each name.
        noun = join[phrases.leading_verbs(join):] if phrases.leading_verbs(join) else ""
        for k, item in enumerate(items):
            # 18个重大项目、30个重点项目分别完成投资…: each item's count is no name; its things and the verb are (重大项目完成投资)
            item = item[c.end() + len(u):] if (c := _NUM.match(item)) and (u := phrases.unit_at(item, c.end())) else item
            item = next((whole for whole in phrases.in_parallel(item, items[-1]) if whole in names), item)
            if (item in names or (noun and item + noun in names) or item + join in names) and matched[k]:
                out.append((phrases.number(figures[k]), time + join, part))
    return out


def _measured(parts: list[str], n: int) -> list[str]:
    """The things of the clauses just before a bare 分别, each VERB THING FIGURE MEASURE (接待国内游客510万人次,实现旅游
    总收入34.8亿元,分别增长30.5%和31.4%), one a figure after 分别; [] when they are no such clauses."""
    names = []
    for part in parts if len(parts) == n >= 2 else []:
        part = part[_LEAD.match(part).end():] if _LEAD.match(part) else part
        part = part[phrases.leading_verbs(part):]
        m = next(iter(_NUM.finditer(part)), None)
        if not m or m.start() < 2 or m.end() + len(phrases.unit_at(part, m.end()) or "?") != len(part):
            return []
        names.append(part[: m.start()])
    return names


def item_stage(clause: str) -> bool | None:
    """Whether the words before a clause's first figure say its things only planned, begun or chosen (启动建设…6个):
    True or False when they hold a verb, None when they hold none (示范村24个: an item of a list, which the verb
    that led the list governs)."""
    m = _NUM.search(clause)
    head = clause[: m.start()] if m else clause
    if not any(w in phrases.VERBS or phrases.is_verb(w) or _REFUSE.search(w) or _DONE.search(w) or _IN_PLACE.search(w)
               for w in phrases.words(head)):
        return None
    return bool(_REFUSE.search(head))


def lead(before: list[str]) -> str:
    """The clauses that lead a list, for an item of it with no verb of its own: they and the items before, where they
    give figures of their own (完成…公路维修及新改建工程210公里、桥梁5座: the bridges are of that work); '' where they
    only name places or things before one figure (建成罗阳镇、西旸镇、柳峰乡3所老年大学)."""
    return "、".join(before) if any(_NUM.search(c) for c in before) else ""


# Words that say a thing is in place (资金到位, 项目落地): verbs that jieba's dictionary does not tag as verbs.
_IN_PLACE = re.compile(r"到位|落地|落户|入驻")


# A whole counted as planned or reserved (谋划储备项目172项, 计划实施项目50个): its parts under 其中 are planned too, and
# so are those that go on listing them after ; (其中前期项目61项;新开工项目91项;…), up to one with a state of its own.
# (年度计划投资完成率77.9%,其中…: a share of a plan done is no whole planned)
_PLANNED_WHOLE = re.compile(r"(?:谋划|储备|计划|规划|拟)(?:(?!完成|率)[^\d,，;；。])*\d[\d.]*(?![\d.]|%)")


def planned_whole(before: str, clause: str) -> bool:
    """Whether `clause` opens on 其中 after a clause that counts things planned or reserved."""
    return clause.startswith("其中") and bool(_PLANNED_WHOLE.search(before))
