"""Text in terminal cells as rich lays it out: widths, folding, word wrap, a table's column widths.

The answers are rich's (rich.cells' cell_len and chop_cells, Text.wrap,
Table's column widths), reached in fewer steps for the common text: a line
that fits is not wrapped, a Chinese title without spaces is folded in one
pass, and widths are summed with rich's own per-character cell sizes.
Lines come out exactly as wide as asked, as Grid lays them side by side.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, pairwise

from rich.cells import cell_len, chop_cells, get_character_cell_size
from rich.segment import Segment


def column_widths(longest: list[int], pads: list[int], min_widths: list[int | None], wrapable: list[bool],
                  available: int) -> list[int]:
    """Column widths, padding included, as rich's Table computes them when it does not expand.

    Each column asks for its longest line; when they do not fit, the widest
    wrapping columns give way first, down to the next widest, then all evenly
    as a last resort; then each is measured again within its share.
    """

    def wanted(i: int, room: int) -> int:
        if room < 1:
            return 0
        want = room if room - pads[i] < 1 else min(longest[i] + pads[i], room)
        if min_widths[i] is not None:
            want = max(want, min_widths[i] + pads[i])
        return want

    widths = [wanted(i, available) or 1 for i in range(len(longest))]
    if sum(widths) > available:
        widths = _collapse(widths, wrapable, available)
        if sum(widths) > available:
            widths = _reduce(sum(widths) - available, [1] * len(widths), widths, widths)
        widths = [wanted(i, w) for i, w in enumerate(widths)]
    return widths


def _collapse(widths: list[int], wrapable: list[bool], available: int) -> list[int]:
    excess = sum(widths) - available
    while excess > 0 and any(wrapable):
        widest = max(w for w, ok in zip(widths, wrapable) if ok)
        second = max((w for w, ok in zip(widths, wrapable) if ok and w != widest), default=0)
        ratios = [1 if ok and w == widest else 0 for w, ok in zip(widths, wrapable)]
        if widest == second:
            break
        widths = _reduce(excess, ratios, [min(excess, widest - second)] * len(widths), widths)
        excess = sum(widths) - available
    return widths


def _reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """Take `total` off `values` in proportion to `ratios`, no more than `maximums` from each."""
    ratios = [r if m else 0 for r, m in zip(ratios, maximums)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    result = []
    for ratio, maximum, value in zip(ratios, maximums, values):
        if ratio and total_ratio > 0:
            taken = min(maximum, round(ratio * total / total_ratio))
            result.append(value - taken)
            total -= taken
            total_ratio -= ratio
        else:
            result.append(value)
    return result


# rich's cell_len and chop_cells, the same answers in fewer steps for the common
# text (no zero-width joiner or emoji selector): a CJK title has no cache to hit
# in a fresh process, and chop_cells walks it grapheme by grapheme.
_JOINERS = re.compile("[\u200d\ufe0f]")


def cell_width(text: str) -> int:
    """rich's cell_len: the cells a line of text takes on a terminal (a Chinese character two)."""
    if text.isascii():  # printable: visible() has run, tabs are expanded, lines split
        return len(text)
    if _JOINERS.search(text):
        return cell_len(text)
    return sum(map(get_character_cell_size, text))


def fold(text: str, width: int) -> list[str]:
    """rich's chop_cells: text cut into lines of at most `width` cells."""
    return [line for line, _ in fold_sized(text, width)]


def fold_sized(text: str, width: int) -> list[tuple[str, int]]:
    """chop_cells, with the width of each line."""
    if width < 2 or _JOINERS.search(text):
        return [(line, cell_width(line)) for line in chop_cells(text, width)]
    if text.isascii():
        return [(text[i:i + width], min(width, len(text) - i)) for i in range(0, len(text), width)]
    ends = list(accumulate(map(get_character_cell_size, text)))
    lines, start, used = [], 0, 0
    while start < len(text):
        # a zero-width character stays with the one before it, as in chop_cells
        end = bisect_right(ends, used + width, start)
        if ends[end - 1] == used and end == len(text):
            break  # nothing left to show (chop_cells keeps no line of width 0 at the end)
        lines.append((text[start:end], ends[end - 1] - used))
        used, start = ends[end - 1], end
    return lines


_WORD = re.compile(r"\s*\S+\s*")
_SPACE = re.compile(r"\s")


def _breaks(text: str, width: int) -> list[int]:
    """Where a line of text breaks to fit `width` cells: between words, and inside a word longer than the width."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        size = cell_width(word.rstrip())
        if width - offset >= size:
            offset += cell_width(word)
        elif size > width:
            *parts, last = fold(word, width)
            for part in parts:
                if start:
                    breaks.append(start)
                start += len(part)
            if start:
                breaks.append(start)
            offset = cell_width(last)
        elif offset and start:
            breaks.append(start)
            offset = cell_width(word)
    return breaks


def cell_lines(paragraphs, width: int, justify: str, wrap: bool) -> list:
    """A cell's lines, each exactly `width` cells wide: a string when unstyled, else a list of strings and Segments."""
    out = []
    for plain, size, pieces in paragraphs:
        if size <= width and (justify == "left" or not plain[-1:].isspace()):
            pad = " " * (width - size)
            if len(pieces) == 1 and pieces[0][1] is None:
                out.append(plain + pad if justify == "left" else pad + plain)
            else:
                pad = [(pad, None)] if pad else []
                out.append(styled(pieces + pad if justify == "left" else pad + pieces))
            continue
        plain_text = len(pieces) == 1 and pieces[0][1] is None  # lines of it are strings
        if wrap and plain_text and justify == "left" and not _SPACE.search(plain):
            # one word (a Chinese title): folded, each line as wide as the fold says
            out += [line + " " * (width - size) for line, size in fold_sized(plain, width)]
            continue
        if wrap:  # a line's spaces past the width are cut below
            cuts = [0, *_breaks(plain, width), len(plain)]
            ranges = list(pairwise(cuts))
        else:
            ranges = [(0, len(plain))]
        for a, b in ranges:
            if justify == "right":
                b = a + len(plain[a:b].rstrip())
            text = plain[a:b]
            size = cell_width(text)
            tail = []
            if size > width:  # folded text is cut at the width; a line that must not wrap ends in …
                keep = width if wrap else width - 1
                kept = (fold(text, keep) or [""])[0] if keep > 0 else ""
                size = cell_width(kept)
                if not wrap:  # a wide character cut in two leaves a space before the …, as in rich
                    tail = [(" " * (keep - size) + "…", _style_at(pieces, a + len(kept)))]
                    size = keep + 1
                b = a + len(kept)
            if plain_text:
                line = plain[a:b] + "".join(text for text, _ in tail)
                out.append(line + " " * (width - size) if justify == "left" else " " * (width - size) + line)
                continue
            line = _slice(pieces, a, b) + tail
            pad = [(" " * (width - size), None)] if size < width else []
            out.append(styled(line + pad if justify == "left" else pad + line))
    return out


def styled(pieces) -> list:
    """A line's pieces as _join takes them: unstyled text a string, styled text a Segment (made once)."""
    return [Segment(text, style) if style else text for text, style in pieces if text]


def _slice(pieces, a: int, b: int) -> list[tuple[str, str | None]]:
    if len(pieces) == 1:
        text, style = pieces[0]
        return [(text[a:b], style)] if b > a else []
    out, at = [], 0
    for text, style in pieces:
        end = at + len(text)
        if end > a and at < b:
            out.append((text[max(a, at) - at:min(b, end) - at], style))
        at = end
    return out


def _style_at(pieces, index: int):
    at = 0
    for text, style in pieces:
        at += len(text)
        if index < at:
            return style
    return pieces[-1][1] if pieces else None
