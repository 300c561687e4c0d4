"""A clause that only names what a figure counts, its predicate in the clause after it.

`200处卫生服务机构创建工作,正在进行审查确认`: the first clause is a topic (a figure and the things or the work it
counts, with no verb of its own); what it says of them is in the clause after, which opens with the state and so has no subject of its own.  When
that predicate says the work is under way, planned or waiting (正在, 计划, 待, 尚未), the figure counts the things the
work concerns, not what is done.  Used by tracker/core/narrative_walk.py.
"""

from __future__ import annotations

import re

from tracker.core import phrases
from tracker.core.figure_words import _DONE, _IN_SERVICE, _SCOPE, _TIME

# What a predicate says of work not done yet: under way, planned, waiting, not begun.
_NOT_YET = re.compile(r"(?:目前|现在|现|均|都|全部|仍|还)*(?:正在|正处于|仍在|尚在|尚未|尚|未(?!成年)|待|拟|计划|将(?!近)|筹备|在建)")


def _verbless(clause: str, names: list[str]) -> bool:
    """Whether a clause, the metric's name taken out, has no verb: a figure and what it counts, no predicate."""
    for n in sorted(names, key=len, reverse=True):
        clause = clause.replace(n, " ")
    rest = re.sub(_TIME, " ", clause)
    if "已" in rest or _DONE.search(rest):
        return False
    return not any(phrases.is_verb(w) or w in _IN_SERVICE for w in phrases.words(rest) if w.strip() and w not in _SCOPE)


def predicate_unfinished(clause: str, after: str, names: list[str]) -> bool:
    """Whether `clause` is a topic whose predicate, the clause `after` it, says the work is not done yet."""
    # (the predicate opens with the state, so it has no subject of its own: its subject is the topic)
    return bool(_NOT_YET.match(after)) and not re.search(r"\d", after) and _verbless(clause, names)
