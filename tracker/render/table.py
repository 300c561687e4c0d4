"""The terminal's tables: rich's Table(box=SIMPLE_HEAD, pad_edge=False) as it lays them out, each cell in one step.

rich's Table measures and renders every cell through its generic machinery
(a Padding, a Text wrapped, cropped, re-shaped, measured twice): ~300 ms for
an office's 300 tasks, the whole budget of `status` several times over. Here
the column widths come by rich's rules (its `_collapse_widths`, `ratio_reduce`),
each distinct cell of a column is measured and laid out once (render/cell.py),
and the cells' lines are set side by side between the box's edges; a table
wider than the console is cut at its edge here, column by column, so that it
is printed with crop=False.
"""

from __future__ import annotations

import io

from rich import box as boxes
from rich._ratio import ratio_reduce
from rich.cells import cell_len
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table as _RichTable
from rich.text import Text as _RichText

from tracker.render.cell import Cell, runs, segment as _segment
from tracker.render.safe import Text


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

    def _cells(self, console) -> list[tuple[list[Cell], list[Cell]]]:
        """Each column's cells, header first, and its distinct ones: a cell repeated in its column (a status, a
        bar, a month) is one Cell, measured and laid out once."""
        out = []
        for i, column in enumerate(self.columns):
            seen: dict = {}
            cells = [Cell.header(column.header)]
            for row in self.rows:
                cell = row[i]
                key = cell if cell.__class__ is str else tuple(map(tuple, cell)) if cell.__class__ is list else id(cell)
                got = seen.get(key)
                if got is None:
                    got = seen[key] = Cell.of(cell, console)
                cells.append(got)
            out.append((cells, [cells[0], *seen.values()]))
        return out

    def _measure_column(self, i: int, cells: tuple[list[Cell], list[Cell]], width: int, console, options,
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

    def fits(self, width: int) -> bool:
        """Whether the table is laid out whole on a console `width` cells wide: no column squeezed below its
        min_width (or to nothing), none cut at the console's edge."""
        from rich.console import Console

        console = Console(width=width, file=io.StringIO())
        extra = len(self.columns) + 1
        widths = self._widths(self._cells(console), width - extra, console, console.options)
        return sum(widths) + extra <= width and all(
            w >= (c.min_width or 1) + sum(self._pads(i)) for i, (w, c) in enumerate(zip(widths, self.columns)))

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
        # a heading wider than its table (units' of one unit) breaks at the screen's edge, not the table's
        heading = max(table_width, min(cell_len(str(self.title or "")), options.max_width))
        for segments in self._lines(console, options.update(width=table_width, highlight=False, height=None),
                                    cells, widths, limit, heading):
            yield from segments
            yield line

    def _lines(self, console, options, cells, widths, limit: int | None, heading: int):
        """The lines, each a list of segments; cut at `limit` cells (a table wider than the console): the columns
        past it left out, the one it falls in cut, as the console would cut every line."""
        def cut(segments: list) -> list:
            return Segment.adjust_line_length(segments, limit, pad=False) if limit is not None else segments

        if self.title:
            # a heading: broken as a cell's text is (linebreak.py), so that `3. 新建…` goes on after the number,
            # where rich would break only at its spaces and leave `3.` alone on its line
            title = self.title if isinstance(self.title, _RichText) else Text(self.title, style="table.title")
            for segments in Segment.split_lines(console.render(title, options.update(width=heading, justify="left"))):
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
        blanks = [[_segment((" " * width, body, None))] for width, (_head, body) in zip(shown, styles)]
        for r in range(rows):
            row = [column[r] for column in laid]
            height = heights[r]
            left, divider, right = ends[0 if r == 0 else (2 if r == rows - 1 else 1)]
            for i, lines in enumerate(row):
                if len(lines) < max(1, height):  # the header at the bottom of its row, a cell at the top of its own
                    # (in the cell's style; a row of columns too narrow for any text is one blank line)
                    blank = [blanks[i] if r and height else [Segment(" " * shown[i], styles[i][0] if height else None)]]
                    blank *= max(1, height) - len(lines)
                    row[i] = blank + lines if r == 0 else lines + blank
            for k in range(max(1, height)):  # the cells' lines side by side, neighbours of one style merged
                line = []
                text, style = left, None
                for i, lines in enumerate(row):
                    if i:
                        if style is not None:
                            line.append(_segment((text, style, None)))
                            text, style = "", None
                        text += divider
                    for segment in lines[k]:
                        if segment[1] is style:
                            text += segment[0]
                        else:
                            if text:
                                line.append(_segment((text, style, None)))
                            text, style = segment[0], segment[1]
                if style is not None:
                    line.append(_segment((text, style, None)))
                    text = ""
                line.append(_segment((text + right if whole else text, None, None)))
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
