"""Rich, made safe for user text: control characters are shown, never sent to the terminal.

rich prints an ESC inside a Text as it is, so a note holding `\\x1b[2J` would
clear the screen and `\\x1b]0;…\\x07` retitle the window. `Text` here makes
them visible where a renderable is built (so widths are measured right);
`SafeConsole` does the same for plain strings and, as a last line, for every
segment it renders, whatever renderable it came from.
"""

from __future__ import annotations

from rich.console import Console
from rich.segment import Segment
from rich.text import Text as _RichText

from tracker.textfile import visible


class Text(_RichText):
    """rich's Text, with control characters in the text shown as symbols (␛ for ESC)."""

    def __init__(self, text: str = "", *args, **kwargs):
        super().__init__(visible(text), *args, **kwargs)

    def append(self, text, style=None):
        return super().append(visible(text) if isinstance(text, str) else text, style)


class SafeConsole(Console):
    """A Console that never writes a control character taken from user text."""

    def render_str(self, text: str, *args, **kwargs):
        return super().render_str(visible(text), *args, **kwargs)

    _depth = 0

    def render(self, renderable, options=None):
        # rich renders nested renderables through this same method: check the
        # segments once, at the outermost call, not again at every level.
        if self._depth:
            yield from super().render(renderable, options)
            return
        self._depth += 1
        try:
            for segment in super().render(renderable, options):
                # rich's own cursor moves are control segments; styles are added after this.
                if segment.control is None and segment.text != "\n" and not segment.text.isprintable():
                    segment = Segment(visible(segment.text), segment.style, None)
                yield segment
        finally:
            self._depth -= 1
