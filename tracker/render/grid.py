"""A lean table for long reports: the look of rich's Table(box=SIMPLE_HEAD), laid out by hand.

rich's Table measures, wraps and renders each cell through its generic
machinery: at an office's 300 tasks that is ~2M calls and ~250 ms, against
~15 ms here. `Grid` lays its rows out as that Table does (pad_edge off,
expand off): the same column widths, the same word wrap with words longer
than the column folded by terminal cells (a Chinese character is two), the
header at the bottom of its row, the title wrapped to the table's width. It
uses rich's own primitives for what they do well: cell widths
(rich.cells), styles (rich.style), and the console for colour and writing.

A cell is a plain string or a sequence of (text, style) pieces; a "\\n" in
the text starts a new line. Every text goes through `visible`: control
characters in user text are shown as symbols, as safe.Text shows them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, pairwise
from typing import NamedTuple

from rich.cells import cell_len, chop_cells, get_character_cell_size
from rich.segment import Segment

from tracker.textfile import visible

Cell = str | Sequence[tuple[str, str | None]]


@dataclass(frozen=True)
class Column:
    header: str
    justify: str = "left"  # or "right"
    wrap: bool = True  # False: one line, cut with … when the column is too narrow (rich's no_wrap)
    min_width: int | None = None
    style: str = ""  # of the body cells, not the header


class _Box(NamedTuple):
    left: str
    vertical: str
    right: str
    top: str  # each line across: its left end, the line, where it crosses a divider, its right end
    head_rule: str
    bottom: str


_SIMPLE_HEAD = _Box(" ", " ", " ", "    ", " ── ", "    ")
_ASCII = _Box("|", "|", "|", "+--+", "|-+|", "+--+")


def _border(widths: list[int], chars: str) -> str:
    left, line, cross, right = chars
    return left + cross.join(line * width for width in widths) + right


class Grid:
    """A renderable table; build it with add_row and print it with a rich Console."""

    def __init__(self, columns: Sequence[Column], title: str | None = None, header_style: str = "bold"):
        self.columns = list(columns)
        self.title = title
        self.header_style = header_style
        self.rows: list[tuple[Cell, ...]] = []

    def add_row(self, *cells: Cell) -> None:
        if len(cells) != len(self.columns):
            raise ValueError(f"{len(cells)} cells for {len(self.columns)} columns")
        self.rows.append(cells)

    def __rich_console__(self, console, options):
        columns = self.columns
        n = len(columns)
        if not n:
            yield Segment.line()
            return
        # One padding cell each side of a divider; none at the table's outer edges.
        pads = [(0 if i == 0 else 1, 0 if i == n - 1 else 1) for i in range(n)]
        header = _styles(console, self.header_style)
        head = [_paragraphs(c.header, header) for c in columns]
        # Column by column; the common cell, one line of plain text, stays a string (with its width
        # in `sizes`) and is laid out without a call: 300 rows of 10 cells add up.
        # Styled cells repeat (a status, a bar, a month): each distinct one is read once.
        body, sizes, bases, longest = [], [], [], []
        for i, column in enumerate(columns):
            resolve = _styles(console, column.style)
            cells, cell_sizes, most = [], [], max(size for _, size, _ in head[i])
            seen: dict = {}
            for row in self.rows:
                cell = row[i]
                if cell.__class__ is str and cell.isprintable():
                    size = len(cell) if cell.isascii() else _width(cell)
                else:
                    key = cell if cell.__class__ is str else tuple(cell)
                    got = seen.get(key)
                    if got is None:
                        paragraphs = _paragraphs(cell, resolve)
                        got = seen[key] = (paragraphs, max(size for _, size, _ in paragraphs))
                    cell, size = got
                cells.append(cell)
                cell_sizes.append(size)
                if size > most:  # noqa: PLR1730 (no call: this runs for every cell)
                    most = size
            body.append(cells)
            sizes.append(cell_sizes)
            bases.append(resolve(None))
            longest.append(most)
        extra = 2 + n - 1  # the outer edges and a divider between columns
        widths = _widths(columns, longest, [left + right for left, right in pads], options.max_width - extra)
        table_width = sum(widths) + extra

        # rich's box.SIMPLE_HEAD, or the ASCII box rich puts in its place where the output cannot
        # encode box drawing (a GBK console).
        box = _ASCII if options.ascii_only else _SIMPLE_HEAD
        # What goes before each column's text (the edge or the divider, and the padding), and
        # the width of its text; a column too narrow for any is blank (a str), as in rich.
        inners: list = []
        leads, right = [box.left], 0
        for c, (width, (left, pad_right)) in enumerate(zip(widths, pads)):
            if width - left - pad_right < 1:
                left = pad_right = 0
                inners.append(" " * max(0, width))
            else:
                inners.append(width - left - pad_right)
            if c:
                leads.append(" " * right + box.vertical)  # the padding before the divider, the divider
            leads[-1] += " " * left
            right = pad_right
        leads.append(" " * right + box.right)  # the right edge

        out: list[Segment] = []
        newline = Segment.line()
        if self.title:
            for line in _lines(_paragraphs(self.title, _styles(console, "table.title")), table_width, "left", True):
                out += [Segment(line)] if isinstance(line, str) else [Segment(x) if isinstance(x, str) else x for x in line]
                out.append(newline)
        out += [Segment(_border(widths, box.top)), newline]
        _join(out, [_lines(cell, inner, column.justify, column.wrap) if inner.__class__ is int else [inner]
                    for column, cell, inner in zip(columns, head, inners)], inners, leads, bottom=True)
        out += [Segment(_border(widths, box.head_rule)), newline]
        laid = [_column(cells, cell_sizes, inner, column, base)
                for column, cells, cell_sizes, inner, base in zip(columns, body, sizes, inners, bases)]
        for row in zip(*laid):
            _join(out, list(row), inners, leads)
        out += [Segment(_border(widths, box.bottom)), newline]
        if table_width > options.max_width:  # columns narrower than their minimum: cut as the console would
            for line in Segment.split_lines(out):
                yield from Segment.adjust_line_length(line, options.max_width, pad=False)
                yield newline
            return
        yield from out


def _column(cells: list, sizes: list[int], inner, column: Column, base) -> list:
    """The lines of each cell of a column (see _lines); one line of plain text that fits without a call."""
    if inner.__class__ is not int:  # too narrow for any text: blank
        return [[inner]] * len(cells)
    out = []
    append = out.append
    left = column.justify == "left"
    seen: dict = {}  # a repeated styled cell is the same list of paragraphs: laid out once
    for cell, size in zip(cells, sizes):
        if cell.__class__ is str:
            if size <= inner and (left or not cell[-1:].isspace()):
                pad = " " * (inner - size)
                if base is None:
                    append([cell + pad] if left else [pad + cell])
                else:
                    append([[Segment(cell, base), pad]] if left else [[pad, Segment(cell, base)]])
                continue
            append(_lines(((cell, size, [(cell, base)]),), inner, column.justify, column.wrap))
            continue
        lines = seen.get(id(cell))
        if lines is None:
            lines = seen[id(cell)] = _lines(cell, inner, column.justify, column.wrap)
        append(lines)
    return out


def _join(out: list, laid: list, inners: list, leads: list[str], bottom: bool = False) -> None:
    """Append the lines of one row: its cells' lines side by side, a short cell filled with blank lines."""
    height = max(map(len, laid))
    if height > 1:
        for c, (lines, inner) in enumerate(zip(laid, inners)):
            if len(lines) < height:
                missing = [" " * inner if inner.__class__ is int else inner] * (height - len(lines))
                laid[c] = missing + lines if bottom else lines + missing
    append = out.append
    for i in range(height):
        text = ""
        for lines, lead in zip(laid, leads):
            text += lead
            line = lines[i]
            if line.__class__ is str:  # unstyled, as most are
                text += line
                continue
            for item in line:
                if item.__class__ is str:
                    text += item
                else:
                    if text:
                        append(Segment(text))
                        text = ""
                    append(item)
        append(Segment(text + leads[-1]))
        append(Segment.line())


def _styles(console, base: str | None):
    """A piece's style name → its Style over the cell's own (a column's, the header's), resolved once."""
    base_style = console.get_style(base) if base else None
    cache: dict = {}

    def resolve(name):
        try:
            return cache[name]
        except KeyError:
            style = console.get_style(name) if name else None
            cache[name] = got = (base_style + style if base_style else style) if style else base_style
            return got

    return resolve


def _paragraphs(cell: Cell, resolve) -> list[tuple[str, int, list]]:
    """The lines of a cell (split at "\\n") as (text, cells wide, [(text, Style)…] pieces), made safe to show."""
    if isinstance(cell, str):
        if cell.isprintable():  # no line break, tab or control character: the common case
            return [(cell, _width(cell), [(cell, resolve(None))])]
        parts = cell.split("\n")
        if all(map(str.isprintable, parts)):  # lines of plain text (a task's figures)
            return [(part, _width(part), [(part, resolve(None))] if part else []) for part in parts]
        cell = ((cell, None),)
    joined = "".join([text for text, _ in cell])
    if joined.isprintable():
        return [(joined, _width(joined), [(text, resolve(name)) for text, name in cell if text])]
    paragraphs: list[list] = [[]]
    for text, name in cell:
        style = resolve(name)
        first, *rest = visible(text).split("\n")
        if first:
            paragraphs[-1].append((first, style))
        for part in rest:
            paragraphs.append([(part, style)] if part else [])
    out = []
    for pieces in paragraphs:
        if any("\t" in text for text, _ in pieces):
            pieces = _expand_tabs(pieces)
        plain = _plain(pieces) if pieces else ""
        out.append((plain, _width(plain), pieces))
    return out


def _expand_tabs(pieces, size: int = 8):
    """A tab becomes the spaces to the next multiple of 8 cells, as rich expands it."""
    out, at = [], 0
    for text, style in pieces:
        first, *rest = text.split("\t")
        at += _width(first)
        for part in rest:
            first += " " * (size - at % size) + part
            at += size - at % size + _width(part)
        out.append((first, style))
    return out


def _plain(pieces) -> str:
    return pieces[0][0] if len(pieces) == 1 else "".join(text for text, _ in pieces)


def _widths(columns: Sequence[Column], longest: list[int], pads: list[int], available: int) -> list[int]:
    """Column widths, padding included, as rich's Table computes them when it does not expand.

    Each column asks for its longest line; when they do not fit, the widest
    wrapping columns give way first, down to the next widest, then all evenly
    as a last resort; then each is measured again within its share.
    """

    def wanted(i: int, room: int) -> int:
        if room < 1:
            return 0
        want = room if room - pads[i] < 1 else min(longest[i] + pads[i], room)
        if columns[i].min_width is not None:
            want = max(want, columns[i].min_width + pads[i])
        return want

    widths = [wanted(i, available) or 1 for i in range(len(columns))]
    if sum(widths) > available:
        widths = _collapse(widths, [c.wrap for c in columns], available)
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


def _width(text: str) -> int:
    if text.isascii():  # printable: visible() has run, tabs are expanded, lines split
        return len(text)
    if _JOINERS.search(text):
        return cell_len(text)
    return sum(map(get_character_cell_size, text))


def _fold(text: str, width: int) -> list[str]:
    return [line for line, _ in _fold_sized(text, width)]


def _fold_sized(text: str, width: int) -> list[tuple[str, int]]:
    """chop_cells, with the width of each line."""
    if width < 2 or _JOINERS.search(text):
        return [(line, _width(line)) for line in chop_cells(text, width)]
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
        size = _width(word.rstrip())
        if width - offset >= size:
            offset += _width(word)
        elif size > width:
            *parts, last = _fold(word, width)
            for part in parts:
                if start:
                    breaks.append(start)
                start += len(part)
            if start:
                breaks.append(start)
            offset = _width(last)
        elif offset and start:
            breaks.append(start)
            offset = _width(word)
    return breaks


def _lines(paragraphs, width: int, justify: str, wrap: bool) -> list:
    """A cell's lines, each exactly `width` cells wide: a string when unstyled, else a list of strings and Segments."""
    out = []
    for plain, size, pieces in paragraphs:
        if size <= width and (justify == "left" or not plain[-1:].isspace()):
            pad = " " * (width - size)
            if len(pieces) == 1 and pieces[0][1] is None:
                out.append(plain + pad if justify == "left" else pad + plain)
            else:
                pad = [(pad, None)] if pad else []
                out.append(_styled(pieces + pad if justify == "left" else pad + pieces))
            continue
        plain_text = len(pieces) == 1 and pieces[0][1] is None  # lines of it are strings
        if wrap and plain_text and justify == "left" and not _SPACE.search(plain):
            # one word (a Chinese title): folded, each line as wide as the fold says
            out += [line + " " * (width - size) for line, size in _fold_sized(plain, width)]
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
            size = _width(text)
            tail = []
            if size > width:  # folded text is cut at the width; a line that must not wrap ends in …
                keep = width if wrap else width - 1
                kept = (_fold(text, keep) or [""])[0] if keep > 0 else ""
                size = _width(kept)
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
            out.append(_styled(line + pad if justify == "left" else pad + line))
    return out


def _styled(pieces) -> list:
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
