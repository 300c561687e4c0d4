"""The monthly progress table as GitHub-flavoured Markdown, in the form offices exchange and `import` reads back."""

from __future__ import annotations

import re

from tracker.core.rows import MonthlyTable, monthly_cells
from tracker.textfile import visible

_BREAK = re.compile(r"\r\n|\r|\n")


def cell(text: str) -> str:
    """A cell's text on one line, as text and nothing else: control and invisible characters shown
    (textfile.visible), `&`, `<`, `>` written as entities (no tag or link of the text's own is ever
    rendered), `|` written `\\|`, a line break `<br>`. The table importer reads all of them back."""
    text = visible(text.strip()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _BREAK.sub("<br>", text.replace("|", r"\|"))


def monthly_md(table: MonthlyTable) -> str:
    lines = [f"# {cell(table.heading)}", "", _row(table.headers)]
    # 序号 right-aligned; the completion column too, when there is one.
    align = ["---:", "---", "---"] + (["---", "---"] if table.with_texts else []) \
        + (["---:", "---"] if table.with_status else [])
    lines.append(_row(align, escape=False))
    lines += [_row(monthly_cells(table, r)) for r in table.rows]
    return "\n".join(lines) + "\n"


def _row(cells, escape: bool = True) -> str:
    return "| " + " | ".join(cell(c) if escape else c for c in cells) + " |"
