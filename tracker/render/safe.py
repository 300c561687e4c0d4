"""Rich, made safe for user text: control characters are shown, never sent to the terminal.

rich prints an ESC inside a Text as it is, so a note holding `\\x1b[2J` would
clear the screen and `\\x1b]0;…\\x07` retitle the window. `Text` here makes
them visible where a renderable is built (so widths are measured right);
`SafeConsole` does the same for plain strings and, as a last line, for every
segment it renders, whatever renderable it came from.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.containers import Lines
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import DEFAULT_JUSTIFY, DEFAULT_OVERFLOW
from rich.text import Text as _RichText

from tracker.textfile import visible


WIDEST = 20  # cells: the most a cell asks of its column so as not to break a piece (see __rich_measure__)


class Text(_RichText):
    """rich's Text, with control characters in the text shown as symbols (␛ for ESC), and lines broken by
    the rules of Chinese typesetting (linebreak.py): never inside a figure and its measure word, nor
    before a closing mark, nor inside a span appended with keep=True (a unit's name)."""

    def __init__(self, text: str = "", *args, keep: bool = False, **kwargs):
        super().__init__(visible(text), *args, **kwargs)
        self.keep: list[tuple[int, int]] = [(0, len(self.plain))] if keep and self.plain else []

    def append(self, text, style=None, keep: bool = False):
        start = len(self.plain)
        out = super().append(visible(text) if isinstance(text, str) else text, style)
        if keep and len(self.plain) > start:
            self.keep.append((start, len(self.plain)))
        return out

    def wrap(self, console, width: int, *, justify=None, overflow=None, tab_size: int = 8, no_wrap=None) -> Lines:
        """rich's Text.wrap, breaking each line where linebreak.divide() allows."""
        from tracker.render.linebreak import divide

        wrap_justify = justify or self.justify or DEFAULT_JUSTIFY
        wrap_overflow = overflow or self.overflow or DEFAULT_OVERFLOW
        no_wrap = (no_wrap if no_wrap is not None else self.no_wrap or False) or overflow == "ignore"
        lines = Lines()
        at = 0
        for line in self.split(allow_blank=True):
            length = len(line.plain)
            keep = [(a - at, b - at) for a, b in self.keep if a < at + length and b > at]
            at += length + 1
            if "\t" in line:
                line.expand_tabs(tab_size)
            if no_wrap:
                if overflow == "ignore":
                    lines.append(line)
                    continue
                new_lines = Lines([line])
            else:
                new_lines = line.divide(divide(line.plain, width, keep, fold=wrap_overflow == "fold"))
                for part in new_lines:
                    part.rstrip_end(width)
            if wrap_justify:
                new_lines.justify(console, width, justify=wrap_justify, overflow=wrap_overflow)
            for part in new_lines:
                part.truncate(width, overflow=wrap_overflow)
            lines.extend(new_lines)
        return lines

    def __rich_measure__(self, console, options) -> Measurement:
        from tracker.render.linebreak import widest

        text = self.plain
        lines = text.splitlines()
        longest = max(cell_len(line) for line in lines) if lines else 0
        # A piece wider than WIDEST may still fold when the table has no more room: a minimum above
        # what 80 columns can give one column would make rich crop the table instead.
        return Measurement(min(widest(text, self.keep), longest, WIDEST) if lines else 0, longest)


class _Whole:
    """A Text printed as itself: rich's print joins the Text objects it is given into a Text of its own, whose
    lines break by rich's rule, not by Text.wrap's (`Ctrl` / `-C`, `8.` alone on a line before its title)."""

    def __init__(self, text: Text):
        self.text = text

    def __rich_console__(self, console, options):
        return self.text.__rich_console__(console, options)

    def __rich_measure__(self, console, options):
        return self.text.__rich_measure__(console, options)


class SafeConsole(Console):
    """A Console that never writes a control character taken from user text."""

    def print(self, *objects, **kwargs):
        if len(objects) == 1 and isinstance(objects[0], Text) and not kwargs.get("soft_wrap"):
            objects = (_Whole(objects[0]),)
        return super().print(*objects, **kwargs)

    def render_str(self, text: str, *args, **kwargs):
        return super().render_str(visible(text), *args, **kwargs)

    _depth = 0

    def render(self, renderable, options=None):
        # rich renders nested renderables through this same method: check the
        # segments once, at the outermost call, not again at every level.
        if self._depth:
            return super().render(renderable, options)
        self._depth += 1
        try:
            segments = list(super().render(renderable, options))
        finally:
            self._depth -= 1
        # Almost always every segment is printable text (a line break or a tab stays as visible() keeps it):
        # one test over their joined text then, instead of one a segment. rich's own cursor moves are control
        # segments, and styles are added after this.
        text = "".join([segment[0] for segment in segments if segment[2] is None])
        if text.replace("\n", "").replace("\t", "").isprintable():
            return segments
        return [Segment(visible(s.text), s.style, None) if s.control is None and not s.text.isprintable() else s
                for s in segments]
