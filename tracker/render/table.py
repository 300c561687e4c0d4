"""The terminal's tables: rich's Table(box=SIMPLE_HEAD, pad_edge=False) as it lays them out, each cell in one step.

rich's Table measures and renders every cell through its generic machinery
(a Padding, a Text wrapped, cropped, re-shaped, measured twice): ~400 ms for
an office's 300 tasks, the whole budget of `status` several times over. Here
the same layout takes a cell's text and its styled pieces as they are: the
column widths by rich's rules (its `_collapse_widths`, `ratio_reduce`), a
line broken where `linebreak.divide` allows (safe.Text's rule, the one every
terminal cell keeps), padded and justified as rich pads and justifies. A cell
whose line must be cropped or cut with … , or holds a tab, is rendered by rich
itself (`console.render_lines`), exactly as rich's Table would.

A cell is a plain string, a list of (text, style[, keep]) pieces (keep: never
break inside the piece: a unit's name), or a rich Text (safe.Text); a "\\n"
starts a new line. User text goes through `visible`, as safe.Text's does.
"""

from __future__ import annotations

from itertools import pairwise

from rich import box as boxes
from rich._ratio import ratio_reduce
from rich.cells import cell_len
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.table import Table as _RichTable
from rich.text import Text as _RichText

from tracker.render.linebreak import divide
from tracker.render.safe import Text
from tracker.textfile import visible


class Column:
    """A column's header and how its cells are laid out (rich's Column's options of the same names)."""

    __slots__ = ("header", "justify", "no_wrap", "overflow", "style", "header_style", "min_width", "max_width")

    def __init__(self, header: str, *, justify: str = "left", no_wrap: bool = False, overflow: str = "ellipsis",
                 style: str = "", header_style: str = "", min_width: int | None = None, max_width: int | None = None):
        self.header = header
        self.justify = justify  # or "right"
        self.no_wrap = no_wrap
        self.overflow = overflow  # what a line too long for the column becomes: "fold" or "ellipsis" (rich's)
        self.style = style  # of the body cells
        self.header_style = header_style  # over the table's header style
        self.min_width = min_width
        self.max_width = max_width


class Table:
    """A renderable table: add_column, add_row, then print it with a rich Console (or measure it)."""

    def __init__(self, title: str | None = None, *, padding: int = 1, header_style: str = "bold"):
        self.title = title
        self.padding = padding  # spaces each side of a divider (none at the table's outer edges)
        self.header_style = header_style
        self.columns: list[Column] = []
        self.rows: list[tuple] = []

    def add_column(self, header: str, **options) -> None:
        self.columns.append(Column(header, **options))

    def add_row(self, *cells) -> None:
        if len(cells) != len(self.columns):
            raise ValueError(f"{len(cells)} cells for {len(self.columns)} columns")
        self.rows.append(cells)

    # -- layout ------------------------------------------------------------------------------------------

    def _pads(self, i: int) -> tuple[int, int]:
        n = len(self.columns)
        return (0 if i == 0 else self.padding), (0 if i == n - 1 else self.padding)

    def _cells(self, console) -> list[tuple[list[_Cell], list[_Cell]]]:
        """Each column's cells, header first, and its distinct ones: a cell repeated in its column (a status, a
        bar, a month) is one _Cell, measured and laid out once."""
        out = []
        for i, column in enumerate(self.columns):
            seen: dict = {}
            cells = [_Cell.header(column.header)]
            for row in self.rows:
                cell = row[i]
                key = cell if cell.__class__ is str else tuple(map(tuple, cell)) if cell.__class__ is list else id(cell)
                got = seen.get(key)
                if got is None:
                    got = seen[key] = _Cell.of(cell, console)
                cells.append(got)
            out.append((cells, [cells[0], *seen.values()]))
        return out

    def _measure_column(self, i: int, cells: tuple[list[_Cell], list[_Cell]], width: int, console, options,
                        least: bool = False) -> Measurement:
        """rich's Table._measure_column: each cell (padding included) within `width`, the column's bounds."""
        if width < 1:
            return Measurement(0, 0)
        left, right = self._pads(i)
        pad = left + right
        padded = bool(self.padding)
        lows, highs = zip(*(cell.measure(width, pad, padded, console, options, least) for cell in cells[1]))
        column = self.columns[i]
        return Measurement(max(lows), max(highs)).with_maximum(width).clamp(
            None if column.min_width is None else column.min_width + pad,
            None if column.max_width is None else column.max_width + pad)

    def _widths(self, cells, available: int, console, options) -> list[int]:
        """rich's Table._calculate_column_widths (expand off)."""
        widths = [self._measure_column(i, c, available, console, options).maximum or 1 for i, c in enumerate(cells)]
        if sum(widths) > available:
            widths = _RichTable._collapse_widths(widths, [not c.no_wrap for c in self.columns], available)
            if sum(widths) > available:
                widths = ratio_reduce(sum(widths) - available, [1] * len(widths), widths, widths)
            widths = [self._measure_column(i, c, w, console, options).maximum or 0
                      for i, (c, w) in enumerate(zip(cells, widths))]
        return widths

    def __rich_measure__(self, console, options) -> Measurement:
        """rich's Table.__rich_measure__: the least width the table can take and the most it wants."""
        if options.max_width < 0:
            return Measurement(0, 0)
        extra = len(self.columns) + 1
        cells = self._cells(console)
        most = sum(self._widths(cells, options.max_width - extra, console, options))
        measured = [self._measure_column(i, c, most, console, options, True) for i, c in enumerate(cells)]
        return Measurement(sum(m.minimum for m in measured) + extra, sum(m.maximum for m in measured) + extra)

    def __rich_console__(self, console, options):
        """The table's lines, each cut to the console's width where the columns' least widths exceed it (as the
        console would cut them: print a Table with crop=False and it is not measured a second time)."""
        if not self.columns:
            yield Segment("\n")
            return
        extra = len(self.columns) + 1  # the outer edges and a divider between columns
        cells = self._cells(console)
        widths = self._widths(cells, options.max_width - extra, console, options)
        table_width = sum(widths) + extra
        line = Segment.line()
        limit = options.max_width if table_width > options.max_width else None
        for segments in self._lines(console, options.update(width=table_width, highlight=False, height=None),
                                    cells, widths, limit):
            yield from segments
            yield line

    def _lines(self, console, options, cells, widths, limit: int | None):
        """The lines, each a list of segments; cut at `limit` cells (a table wider than the console): the columns
        past it left out, the one it falls in cut, as the console would cut every line."""
        def cut(segments: list) -> list:
            return Segment.adjust_line_length(segments, limit, pad=False) if limit is not None else segments

        if self.title:
            # a heading: broken at its spaces (around its ·), as rich breaks a table's title
            title = self.title if isinstance(self.title, _RichText) else \
                console.render_str(self.title, style="table.title", highlight=False)
            for segments in Segment.split_lines(console.render(title, options.update(justify="left"))):
                yield cut(segments)
        box = boxes.SIMPLE_HEAD.substitute(options, safe=console.safe_box)
        header = console.get_style(self.header_style)
        # (a style that sets nothing is None: pieces are then told apart by identity, see _runs)
        styles = [(header + console.get_style(c.header_style) or None, console.get_style(c.style) or None)
                  for c in self.columns]
        laid = []
        for i, (column, (column_cells, _), width) in enumerate(zip(self.columns, cells, widths)):
            pads = self._pads(i)
            head, body = styles[i]
            laid.append([cell.lay(width, pads, column, body if r else head, console, options)
                         for r, cell in enumerate(column_cells)])
        heights = [max(map(len, row)) for row in zip(*laid)]  # of every row, its columns left out or not
        shown, whole = self._shown(widths, limit)
        if len(shown) < len(widths) or not whole:  # the column the limit falls in, cut; those after it, left out
            last, done = len(shown) - 1, {}
            laid = laid[:len(shown)]
            for r, lines in enumerate(laid[last]):  # (a repeated cell's lines are one list: cut once)
                if id(lines) not in done:
                    done[id(lines)] = [Segment.adjust_line_length(line, shown[last], pad=False) for line in lines]
                laid[last][r] = done[id(lines)]
        yield cut([Segment(box.get_top(widths))])
        rows = len(cells[0][0])
        ends = [(box.head_left, box.head_vertical, box.head_right), (box.mid_left, box.mid_vertical, box.mid_right),
                (box.foot_left, box.foot_vertical, box.foot_right)]
        for r in range(rows):
            row = [column[r] for column in laid]
            height = heights[r]
            left, divider, right = ends[0 if r == 0 else (2 if r == rows - 1 else 1)]
            for i, lines in enumerate(row):
                if len(lines) < max(1, height):  # the header at the bottom of its row, a cell at the top of its own
                    # (in the cell's style; a row of columns too narrow for any text is one blank line)
                    blank = [[Segment(" " * shown[i], styles[i][0 if r == 0 else 1] if height else None)]]
                    blank *= max(1, height) - len(lines)
                    row[i] = blank + lines if r == 0 else lines + blank
            for k in range(max(1, height)):  # the cells' lines side by side, neighbours of one style merged
                line = []
                text, style = left, None
                for i, lines in enumerate(row):
                    if i:
                        if style is not None:
                            line.append(Segment(text, style))
                            text, style = "", None
                        text += divider
                    for segment in lines[k]:
                        if segment[1] is style:
                            text += segment[0]
                        else:
                            if text:
                                line.append(Segment(text, style))
                            text, style = segment[0], segment[1]
                if style is not None:
                    line.append(Segment(text, style))
                    text = ""
                line.append(Segment(text + right if whole else text))
                yield line
            if r == 0:
                yield cut([Segment(box.get_row(widths, "head", edge=True))])
        yield cut([Segment(box.get_bottom(widths))])

    @staticmethod
    def _shown(widths: list[int], limit: int | None) -> tuple[list[int], bool]:
        """How much of each column a line of `limit` cells shows (the columns past it left out), and whether
        the line ends with the table's right edge."""
        if limit is None:
            return widths, True
        shown, used = [], 1  # the left edge
        for i, width in enumerate(widths):
            if used + (i > 0) > limit:  # not even the divider before it
                return shown, False
            used += i > 0
            if used + width > limit:
                return shown + [limit - used], False
            shown.append(width)
            used += width
        return shown, used + 1 <= limit


def _runs(pieces) -> list[Segment]:
    """(text, style) pieces as segments, neighbours of one style as one (a terminal line is written segment by
    segment). Styles are compared by identity: rich hands out one object for a style it has combined before."""
    out = []
    text, style = "", None
    for item in pieces:
        piece, piece_style = item[0], item[1]
        if piece_style is style:
            text += piece
            continue
        if text:
            out.append(Segment(text, style))
        text, style = piece, piece_style
    if text:
        out.append(Segment(text, style))
    return out


class _Cell:
    """A cell's text (each line split at "\\n") and its styled pieces, ready to measure and to lay out."""

    __slots__ = ("plain", "paragraphs", "sizes", "pieces", "base", "keep", "source", "is_header", "laid")

    def __init__(self, plain, pieces, base, keep, source, is_header=False):
        self.plain, self.pieces, self.base, self.keep, self.source, self.is_header = (
            plain, pieces, base, keep, source, is_header)
        self.paragraphs = plain.split("\n")
        # each line's width in terminal cells (a Chinese character is two)
        self.sizes = [len(p) if p.isascii() and p.isprintable() else cell_len(p) for p in self.paragraphs]
        self.laid = None  # (width, style, lines) of the last lay()

    @classmethod
    def header(cls, text: str) -> _Cell:
        text = visible(text)
        return cls(text, [(text, None)], None, [], text, True)

    @classmethod
    def of(cls, cell, console) -> _Cell:
        if isinstance(cell, str):
            text = visible(cell)
            return cls(text, [(text, None)], None, [], cell)
        if isinstance(cell, _RichText):
            if cell.justify or cell.overflow or cell.no_wrap is not None or cell.end != "\n" or not cell.plain:
                return cls(cell.plain, None, None, [], cell)  # laid out by rich
            base = console.get_style(cell.style) or None if cell.style else None
            # (Text.render leaves out the text's own style where it has no spans: rich adds it when it joins lines)
            pieces = [(s.text, ((base + s.style if s.style else base) if base else s.style) or None)
                      for s in cell.render(console, end="")]
            return cls(cell.plain, pieces, base, list(getattr(cell, "keep", ())), cell)
        pieces, keep, at = [], [], 0
        for text, style, *kept in cell:
            text = visible(text)
            pieces.append((text, console.get_style(style) or None if style else None))
            if kept and kept[0] and text:
                keep.append((at, at + len(text)))
            at += len(text)
        return cls("".join(t for t, _ in pieces), pieces, None, keep, cell)

    def text(self) -> _RichText:
        """The cell as a Text, for rich to measure or render."""
        if isinstance(self.source, _RichText):
            return self.source
        if self.is_header:
            return _RichText(self.source)
        if isinstance(self.source, str):
            return Text(self.source)
        text = Text()
        for piece, style, *keep in self.source:
            text.append(piece, style=style, keep=bool(keep and keep[0]))
        return text

    def measure(self, width: int, pad: int, padded: bool, console, options, least: bool) -> tuple[int, int]:
        """rich's Measurement.get of the cell (in its Padding when the table pads) within `width`;
        least: its minimum too (only a measure of the whole table needs it: 0 otherwise)."""
        if padded and width - pad < 1:
            return width, width
        high = min(max(self.sizes), width)
        if high < 1:
            low = high = 0
        else:
            low = min(max(0, self.text().__rich_measure__(console, options).minimum), high) if least else 0
        if padded:
            low, high = min(low + pad, width), min(high + pad, width)
        return low, high

    def lay(self, width: int, pads: tuple[int, int], column: Column, style: Style, console, options) -> list:
        """The cell's lines, each a list of segments exactly `width` cells wide (a repeated cell's, once)."""
        if self.laid is not None and self.laid[0] == width and self.laid[1] is style:
            return self.laid[2]
        lines = self._lay(width, pads, column, style, console, options)
        self.laid = (width, style, lines)
        return lines

    def _lay(self, width: int, pads: tuple[int, int], column: Column, style: Style, console, options) -> list:
        left, right = pads
        inner = width - left - right
        lines = self._lines(inner, column) if inner >= 1 and self.pieces is not None else None
        if lines is None:  # rich lays it out, as its Table would
            renderable = self.text()
            if left or right:
                renderable = Padding(renderable, (0, right, 0, left))
            opts = options.update(width=width, justify=column.justify, no_wrap=column.no_wrap,
                                  overflow=column.overflow, height=None, highlight=False)
            return console.render_lines(renderable, opts, style=style)
        out = []
        if style is None:
            padded = self.base  # justify's spaces: in the text's own style
        else:
            padded = style + self.base if self.base else style
            lines = [([(t, style + s if s else style) for t, s in pieces], before, after)
                     for pieces, before, after in lines]
        for pieces, pad_left, pad_right in lines:
            line = [(" " * left, style)] if left else []
            if pad_left:
                line.append((" " * pad_left, padded))
            line += pieces
            if pad_right:
                line.append((" " * pad_right, padded))
            if right:
                line.append((" " * right, style))
            out.append(_runs(line))
        return out

    def _lines(self, inner: int, column: Column):
        """Each line as (pieces, spaces before, spaces after), as safe.Text.wrap and rich's justify make it;
        None where rich must (a line to crop or cut with …, a tab)."""
        if "\t" in self.plain:
            return None
        out = []
        at = 0
        right = column.justify == "right"
        for paragraph, size in zip(self.paragraphs, self.sizes):
            n = len(paragraph)
            if size <= inner:
                cuts = [(0, n)]
            elif column.no_wrap or self.is_header:
                return None
            else:
                keep = [(a - at, b - at) for a, b in self.keep if a < at + n and b > at]
                cuts = list(pairwise([0, *divide(paragraph, inner, keep, fold=column.overflow == "fold"), n]))
            for a, b in cuts:
                if b - a > inner:  # rich's rstrip_end: white space beyond the width (in characters) goes
                    spaces = len(paragraph[a:b]) - len(paragraph[a:b].rstrip())
                    b -= min(spaces, b - a - inner)
                if right:
                    b = a + len(paragraph[a:b].rstrip())
                used = size if b - a == n else cell_len(paragraph[a:b])
                if used > inner:  # only spaces beyond the width: rich's truncate crops them (a line of a column
                    # that may not wrap is cut with … instead, and a right-justified one was stripped)
                    part = paragraph[a:b]
                    if right or column.overflow == "ellipsis" or len(part) - len(part.rstrip(" ")) < used - inner:
                        return None
                    b, used = b - (used - inner), inner
                whole = at == 0 and b - a == len(self.plain)
                pieces = self.pieces if whole else _slice(self.pieces, at + a, at + b)
                out.append((pieces, inner - used, 0) if right else (pieces, 0, inner - used))
            at += n + 1
        return out


def _slice(pieces: list, start: int, end: int) -> list:
    """The (text, style) pieces of the characters start:end of their joined text."""
    out, at = [], 0
    for text, style in pieces:
        stop = at + len(text)
        if stop > start and at < end:
            part = text[max(0, start - at):end - at]
            if part:
                out.append((part, style))
        at = stop
        if at >= end:
            break
    return out
