"""A lean table for long reports: the look of rich's Table(box=SIMPLE_HEAD), laid out by hand.

rich's Table measures, wraps and renders each cell through its generic
machinery: at an office's 300 tasks that is ~2M calls and ~250 ms, against
~13 ms here. `Grid` lays its rows out as that Table does (pad_edge off,
expand off): the same column widths, the same word wrap with words longer
than the column folded by terminal cells (a Chinese character is two), the
header at the bottom of its row, the title wrapped to the table's width
(wrap.py does the measuring and wrapping, with rich.cells). Styles are
rich's, resolved by the console, which also decides on colour and writes.

A cell is a plain string or a sequence of (text, style) pieces; a "\\n" in
the text starts a new line. Every text goes through `visible`: control
characters in user text are shown as symbols, as safe.Text shows them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from rich.segment import Segment

from tracker.render.wrap import cell_lines, cell_width, column_widths
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
                    size = len(cell) if cell.isascii() else cell_width(cell)
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
        widths = column_widths(longest, [left + right for left, right in pads], [c.min_width for c in columns],
                               [c.wrap for c in columns], options.max_width - extra)
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
        plain = console.color_system is None
        if self.title:
            for line in cell_lines(_paragraphs(self.title, _styles(console, "table.title")), table_width, "left", True):
                out += [Segment(line)] if isinstance(line, str) else [Segment(x) if isinstance(x, str) else x for x in line]
                out.append(newline)
        out += [Segment(_border(widths, box.top)), newline]
        _join(out, [cell_lines(cell, inner, column.justify, column.wrap) if inner.__class__ is int else [inner]
                    for column, cell, inner in zip(columns, head, inners)], inners, leads, bottom=True)
        out += [Segment(_border(widths, box.head_rule)), newline]
        laid = [_column(cells, cell_sizes, inner, column, base)
                for column, cells, cell_sizes, inner, base in zip(columns, body, sizes, inners, bases)]
        for row in zip(*laid):
            _join(out, list(row), inners, leads, plain=plain)
        out += [Segment(_border(widths, box.bottom)), newline]
        if table_width > options.max_width:  # columns narrower than their minimum: cut as the console would
            for line in Segment.split_lines(out):
                yield from Segment.adjust_line_length(line, options.max_width, pad=False)
                yield newline
            return
        yield from out


def _column(cells: list, sizes: list[int], inner, column: Column, base) -> list:
    """The lines of each cell of a column (see cell_lines); one line of plain text that fits without a call."""
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
            append(cell_lines(((cell, size, [(cell, base)]),), inner, column.justify, column.wrap))
            continue
        lines = seen.get(id(cell))
        if lines is None:
            lines = seen[id(cell)] = cell_lines(cell, inner, column.justify, column.wrap)
        append(lines)
    return out


def _join(out: list, laid: list, inners: list, leads: list[str], bottom: bool = False, plain: bool = False) -> None:
    """Append the lines of one row: its cells' lines side by side, a short cell filled with blank lines.
    plain: no style will be written (no colour system: a pipe, a file), so a line is one segment: rich
    handles each segment on its way out, and a province's 30,000 rows otherwise make a million."""
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
                elif plain:
                    text += item.text
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
            return [(cell, cell_width(cell), [(cell, resolve(None))])]
        parts = cell.split("\n")
        if all(map(str.isprintable, parts)):  # lines of plain text (a task's figures)
            return [(part, cell_width(part), [(part, resolve(None))] if part else []) for part in parts]
        cell = ((cell, None),)
    joined = "".join([text for text, _ in cell])
    if joined.isprintable():
        return [(joined, cell_width(joined), [(text, resolve(name)) for text, name in cell if text])]
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
        out.append((plain, cell_width(plain), pieces))
    return out


def _expand_tabs(pieces, size: int = 8):
    """A tab becomes the spaces to the next multiple of 8 cells, as rich expands it."""
    out, at = [], 0
    for text, style in pieces:
        first, *rest = text.split("\t")
        at += cell_width(first)
        for part in rest:
            first += " " * (size - at % size) + part
            at += size - at % size + cell_width(part)
        out.append((first, style))
    return out


def _plain(pieces) -> str:
    return pieces[0][0] if len(pieces) == 1 else "".join(text for text, _ in pieces)
