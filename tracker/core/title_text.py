"""A task title's wording recast before its clauses are read (tracker/core/titles.py), where a list or a change
would cut a figure from its noun: kinds listed with 、 that qualify one noun, a level raised from one figure to
another, examples before 等, and nouns listed with 、 before one figure.
"""

from __future__ import annotations

import re

from tracker.core import phrases
from tracker.core.figure_words import _CONDITION, _LEAD, _NARRATIVE_VERB
from tracker.core.phrases import NUM as _NUM
from tracker.core.phrases import normalise as _normalise
from tracker.core.title_names import without_examples

# 1万名中度、重度失能老年人: words of one kind listed with 、 after a figure, before the noun they qualify and with
# no figure of their own after them, are one qualifier (中度和重度); the 、 would cut the figure from its noun.
# (失能、半失能: the second may add a character before the one they end alike in)
_QUALIFIERS = re.compile(r"(\d[^\d,，、;；。]*?[\u4e00-\u9fff])([\u4e00-\u9fff])、(?=[\u4e00-\u9fff]{1,2}\2[^\d,，、;；。]*(?:$|[,，;；。]))")


# 为2000户高龄、失能等困难老人家庭…: kinds listed with 、 and closed by 等 after a figure, with no figure of their
# own after them, are one qualifier of the noun after 等 (高龄和失能等困难老人家庭), as above.
_KINDS_ETC = re.compile(r"(\d[^\d,，、;；。]*?[\u4e00-\u9fff])、(?=[\u4e00-\u9fff、]{1,16}?等[\u4e00-\u9fff][^\d,，、;；。]*(?:$|[,，;；。]))")


# 将补贴标准从每月95元提高至115元: a level raised from one figure to another; the level to reach is the target, as
# 提高到115元 says alone (the figure it is raised from is none).  A per-head figure (由每人每年670元…) stays none.
_FROM_TO = re.compile(r"(?:^|(?<=[,，;；:：]))将?([^,，;；。\d将从由]{2,}?)(?:从|由)(?:每[月年])?\d+(?:\.\d+)?[^\d,，;；。、]{1,3}?"
                      r"(?:提高|提升|上调|增加)(?:至|到)(?=\d)")


# 完成20所学校的改扩建: the work done to the things counted, joined to them by 的 at the end of its clause, names
# them as 学校改扩建 does.
_OF_WORK = re.compile(r"(?<=[\u4e00-\u9fff])的([\u4e00-\u9fff]{2,6})(?=$|[,，;；。])")


def _work_of(m: re.Match) -> str:
    ws = phrases.words(m[1])
    return m[1] if (re.search(r"\d", m.string[: m.start()].rsplit(",", 1)[-1])
                    and all(w in phrases.VERBS for w in ws)) else m.group()


def recast(title: str) -> str:
    """The title normalised, with conditions dropped and its lists of kinds, changes and examples recast."""
    title = _QUALIFIERS.sub(r"\1\2和", _CONDITION.sub("", _normalise(title)))
    title = _OF_WORK.sub(_work_of, title)
    title = without_examples(_FROM_TO.sub(r"\1提高到", title))
    while (etc := _KINDS_ETC.sub(r"\1和", title)) != title:
        title = etc
    return title


def noun_lists(parts: list[str]) -> list[str]:
    """The clauses of a title, nouns listed with 、 before one figure kept as one (新建成中小学、幼儿园90所,
    改造城市燃气、供水、排水管网合计420公里): a part with no figure joins the next when that one begins with a
    noun (no verb, scope or list word) and holds a figure; short parts before it with no figure (供水, a noun
    here though jieba holds it a verb) are items of the same list, up to the part that carries the verb."""
    out: list[str] = []
    joined: list[bool] = []  # whether 、 stands before out[j]
    clauses, seps = parts[::2], [*parts[1::2], ""]
    for k, clause in enumerate(clauses):
        if (out and seps[k - 1] == "、" and _NUM.search(clause)
                and not re.search(r"\d", out[-1]) and not _LEAD.match(clause) and not phrases.leading_verbs(clause)
                and not _NARRATIVE_VERB.match(clause)):
            merged = out.pop() + "、" + clause
            before = joined.pop()
            while (out and before and not re.search(r"\d", out[-1]) and len(item := merged.split("、")[0]) <= 4
                   and not phrases.leading_verbs(item, listed_only=True)):
                merged = out.pop() + "、" + merged
                before = joined.pop()
            out.append(merged)
            joined.append(before)
        else:
            out.append(clause)
            joined.append(k > 0 and seps[k - 1] == "、")
    return out
