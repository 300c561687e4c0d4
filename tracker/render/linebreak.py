"""Where a line of a table cell may break, by the rules of Chinese typesetting.

rich breaks lines at spaces and folds a longer run anywhere, which splits
`28/310人次` into `28/310人` + `次` and starts lines with `。`. Here a line
is cut into pieces that are never broken: an invisible character as every output shows it
(`<U+2066>`, textfile.visible), a figure with its measure word
(`99.5%`, `12.2万人次`, `10/100个`), a Latin word, a span the renderer asks
to keep whole (a unit's name), and any other character; a closing mark
(`，。、）》…`) and white space stay with the piece before them, an opening
mark (`（《“`) with the piece after it. Between pieces a line may break, as Chinese text
may between any two characters. A piece wider than the whole line is
folded as rich would (nothing else can be done with it), or, in a column that
cuts a long line with … instead of folding it, stands on a line of its own.
"""

from __future__ import annotations

import re

from rich.cells import cached_cell_len, cell_len, chop_cells

CLOSING = frozenset("，。、；：？！）》」』】〕〉”’,.;:?!)]}%％…—·»")
OPENING = frozenset("（《「『【〔〈“‘([{«")
_MEASURE = ("微克/立方米|平方公里|平方米|万人次|人次|公里|千米|千瓦|兆瓦|小时|万元|亿元|个|所|人|次|家|户|套|张|条|米|亩|吨|元|项|座|处|部|"
            "台|辆|间|床|名|位|件|批|场|篇|期|天|日|月|年|倍|宗|份|本|艘|架|株|棵|只|头|例|单|笔|轮|道|根|盏|片|栋|幢|层|"
            "镇|村|园|校|所|公顷|万|亿")
# A figure (digits, Latin letters and the marks inside numbers and codes) and the measure word after it.
# (万 or 亿 may lead any measure word: 3.5万人, 1.2万平方米.)
_CORE = r"<U\+[0-9A-F]{4,6}>\s*|[0-9０-９A-Za-z][0-9０-９A-Za-z_\-.,．/／:%％+]*(?:\s?(?:万|亿)?(?:" + _MEASURE + r"))?\s*|.\s*"
# A piece: its core (an invisible character as shown, a figure with its measure word, any other character), the
# opening marks before it and the closing marks after it, each with the white space after it.
_PIECE = re.compile("(?:[" + "".join(map(re.escape, OPENING)) + r"]\s*)*(?:" + _CORE + ")(?:["
                    + "".join(map(re.escape, CLOSING)) + r"]\s*)*", re.S)


def pieces(line: str, keep=()) -> list[tuple[int, int]]:
    """The unbreakable pieces of one line as (start, end) offsets, each with the white space after it."""
    if not keep:
        return [m.span() for m in _PIECE.finditer(line)]
    out: list[list[int]] = []
    for m in _PIECE.finditer(line):
        start, end = m.span()
        if out and _inside(start, keep):
            out[-1][1] = end
        else:
            out.append([start, end])
    return [(a, b) for a, b in out]


def _inside(offset: int, keep) -> bool:
    """Whether a break before `offset` would split a span to keep whole."""
    return any(a < offset < b for a, b in keep)


def divide(line: str, width: int, keep=(), fold: bool = True) -> list[int]:
    """The offsets at which to break `line` so that each part fits `width` cells (rich's divide_line, by pieces).
    fold: a piece wider than the line is folded across lines; without, it stands on a line of its own (to be cut
    with …, as rich does for a column whose overflow is not "fold")."""
    breaks: list[int] = []
    used = 0
    measure = cached_cell_len  # cell_len without its check of length: the same cache, one call less a piece
    for start, end in pieces(line, keep):
        piece = line[start:end]
        full = measure(piece)
        size = measure(piece.rstrip()) if piece[-1].isspace() else full
        if used + size <= width:
            used += full
            continue
        if size > width and not fold:
            if start:
                breaks.append(start)
            used = full
            continue
        if size > width:  # wider than a whole line: folded, as rich does, but never before a closing mark
            if start and used:
                breaks.append(start)
            at = start
            while width > 0 and cell_len(rest := line[at:end].rstrip()) > width:
                cut = at + max(1, len(chop_cells(rest, width)[0]))  # (a character at least: one wider than the line)
                if cut >= at + len(rest):  # what is left is one character wider than the line: it stays alone
                    break
                while cut - 1 > at and line[cut] in CLOSING:  # (the character before it goes down with it)
                    cut -= 1
                breaks.append(cut)
                at = cut
            used = cell_len(line[at:end])
            continue
        if start:
            breaks.append(start)
        used = full
    return breaks


def widest(text: str, keep=()) -> int:
    """The widest unbreakable piece of the text: the least width its column can have without folding one."""
    best, at = 0, 0
    for line in text.split("\n"):
        local = [(a - at, b - at) for a, b in keep if at <= a < at + len(line) + 1]
        for start, end in pieces(line, local):
            best = max(best, cell_len(line[start:end].rstrip()))
        at += len(line) + 1
    return best
