"""A cell of a terminal table (render/table.py): its text and styled pieces, measured and laid out in one step.

A cell is a plain string, a list of (text, style[, keep]) pieces (keep: never
break inside the piece: a unit's name), or a rich Text (safe.Text); a "\\n"
starts a new line. User text goes through `visible`, as safe.Text's does.
Lines are broken where `linebreak.divide` allows (safe.Text's rule), padded
and justified as rich's Table pads and justifies; a line rich would crop or
cut with …, or one holding a tab, is left to rich itself (`console.render_lines`).
"""

from __future__ import annotations

from functools import partial
from itertools import pairwise
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text as _RichText

from tracker.render.linebreak import divide
from tracker.render.safe import Text
from tracker.textfile import visible

if TYPE_CHECKING:
    from tracker.render.table import Column


# A Segment made from its fields without the Python-level __new__ of a named tuple (a table makes thousands).
segment = partial(tuple.__new__, Segment)


def runs(pieces) -> list[Segment]:
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
            out.append(segment((text, style, None)))
        text, style = piece, piece_style
    if text:
        out.append(segment((text, style, None)))
    return out


class Cell:
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
    def header(cls, text: str) -> Cell:
        text = visible(text)
        return cls(text, [(text, None)], None, [], text, True)

    @classmethod
    def of(cls, cell, console) -> Cell:
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
            out.append(runs(line))
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
