"""click's help formatter measuring in cells: a Chinese character takes two on a screen, and click counts it as one,
so an English help whose option says `2024年8月` ran past an 80-column terminal. The English help is click's own
where a list has no such character; cli/help.py builds the Chinese help on this.
"""

from __future__ import annotations

import re

from rich.cells import cell_len

try:  # typer ≥ 0.20 carries its own copy of click
    from typer._click.formatting import HelpFormatter
except ImportError:  # pragma: no cover - older typer on plain click
    from click.formatting import HelpFormatter

from tracker.render.linebreak import divide

# Never broken inside: an option, a path, a figure, an English word; a quoted example (--search "养老 中心"); an
# option's [默认：table].
_WHOLE = re.compile(r'"[^"]*"|\[[^\[\]\n]*\]|[!-~]+')


def wrap(text: str, width: int) -> list[str]:
    """One line of text in lines of at most `width` cells (a piece wider than that alone on its line, folded)."""
    cuts = [0, *divide(text, max(width, 1), [m.span() for m in _WHOLE.finditer(text)]), len(text)]
    return [text[a:b].rstrip() for a, b in zip(cuts, cuts[1:])]



class CellFormatter(HelpFormatter):
    """click's formatter whose option lists are laid out in cells (English text with Chinese examples in it)."""

    def row_text(self, text: str) -> str:
        """An option's help as shown (translated by the Chinese formatter)."""
        return text

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(first, self.row_text(second)) for first, second in rows]
        if all(cell_len(a) == len(a) and cell_len(b) == len(b) for a, b in rows):
            return super().write_dl(rows, col_max, col_spacing)  # nothing wide: click's own layout
        first_col = min(max(cell_len(first) for first, _ in rows), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if cell_len(first) <= first_col - col_spacing:
                self.write(" " * (first_col - cell_len(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap(second, max(self.width - first_col - 2, 10))
            self.write(lines[0] + "\n" + "".join(f"{'':>{first_col + self.current_indent}}{line}\n" for line in lines[1:]))
