"""The monthly progress table as an .xlsx an office would print: one sheet, landscape A4, header on every page.

Widths are measured in the units Excel uses (one per narrow character; a
Chinese character counts two), and row heights are set from the wrapped
line count, because neither Excel nor LibreOffice grows a row to fit wrapped
text in every case. A row taller than Excel allows (409 pt) goes on in the
rows below it, its number and task merged down beside it: nothing is cut
off. Every cell names a Chinese font (else LibreOffice may pick a Japanese
one); every text cell is stored as text, never as a formula; each status
has its colour.
"""

from __future__ import annotations

import io
import math
import re
from copy import copy

from tracker.core import months
from tracker.core.rows import MonthlyTable, completion_text, monthly_cells, shown_status, status_text
from tracker.core.model import shown_percent

PAGE_WIDTH = 140        # columns' total width that fits landscape A4 at 100 % (about 1.9 mm a unit)
MIN_PROGRESS = 40
LINE_POINTS = 15        # one line of 11 pt text, Chinese included
MAX_CELL = 32767        # Excel's limit on a cell's characters
MAX_ROW_POINTS = 409    # Excel's limit on a row's height
MAX_LINES = (MAX_ROW_POINTS - 6) // LINE_POINTS
FONT = "宋体"           # SimSun: in every Chinese Windows and WPS; GB2312 charset so others pick a Chinese face
# Each status's colour (dark text on a light fill, readable printed in black and white too).
STATUS_FILL = {
    "done": ("1B5E20", "E8F5E9"), "on_track": ("1B5E20", "E8F5E9"), "pending": ("424242", "F5F5F5"),
    "behind": ("8A4B00", "FFF3E0"), "stalled": ("6A1B9A", "F3E5F5"), "blocked": ("B71C1C", "FFEBEE"),
    "overdue": ("B71C1C", "FFEBEE"), "unmeasured": ("424242", "F5F5F5"),
}


def _kinds(table: MonthlyTable) -> list[str]:
    """What each column holds: no, task, progress [, problems, next_steps] [, completion, status]."""
    kinds = ["no", "task", "progress"]
    if table.with_texts:
        kinds += ["problems", "next_steps"]
    if table.with_status:
        kinds += ["completion", "status"]
    return kinds


MAX_WIDTH = {"no": 8, "task": 40, "progress": 90, "completion": 12, "status": 24}
# with 存在问题 and 下步计划: the other columns narrower, to leave the progress its room
NARROW = {"no": 6, "task": 32, "progress": 90, "problems": 26, "next_steps": 26, "completion": 9, "status": 16}


def text_width(text: str) -> int:
    """The widest line of `text` in Excel's column units: a wide (Chinese) character counts two."""
    from rich.cells import cell_len

    return max((cell_len(line) for line in text.split("\n")), default=0)


def column_widths(table: MonthlyTable) -> list[float]:
    kinds = _kinds(table)
    natural = [text_width(h) + 2 for h in table.headers]
    for row in table.rows:
        for i, text in enumerate(monthly_cells(table, row)):
            natural[i] = max(natural[i], text_width(text) + 2)
    most = NARROW if table.with_texts else MAX_WIDTH
    # a column is never narrower than its header's longest Latin word: "Completion" is not cut to "Completi|on"
    words = [max((len(w) for w in re.findall(r"[A-Za-z]+", h)), default=0) + 2 for h in table.headers]
    widths = [max(6, words[i], min(natural[i], most[k])) for i, k in enumerate(kinds)]
    others = sum(widths) - widths[2]
    # with 存在问题 and 下步计划 the sheet is wider than a page at 100 %: printing scales it to the page width
    page = PAGE_WIDTH + (30 if table.with_texts else 0)
    widths[2] = max(MIN_PROGRESS, min(widths[2], page - others))
    return [float(w) for w in widths]


def lines_needed(text: str, width: float) -> int:
    """How many lines `text` takes when wrapped in a column `width` units wide."""
    from rich.cells import cell_len

    usable = max(1.0, width - 1.5)
    # 1.05: a Chinese glyph is a little wider than two digits in the default font.
    return sum(max(1, math.ceil(cell_len(part) * 1.05 / usable)) for part in text.split("\n"))


def pieces(text: str, width: float, max_lines: int = MAX_LINES) -> list[str]:
    """`text` cut into pieces that each fit a row of at most max_lines wrapped lines, at line breaks
    where it can, else inside a paragraph; joined again they are the text."""
    if lines_needed(text, width) <= max_lines:
        return [text]
    out, current = [], ""
    for para in text.split("\n"):
        candidate = para if not current else current + "\n" + para
        if lines_needed(candidate, width) <= max_lines:
            current = candidate
            continue
        if current:
            out.append(current + "\n")
            current = ""
        while lines_needed(para, width) > max_lines:  # one paragraph longer than a row: cut by characters
            lo, hi = 1, len(para)
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if lines_needed(para[:mid], width) <= max_lines:
                    lo = mid
                else:
                    hi = mid - 1
            out.append(para[:lo])
            para = para[lo:]
        current = para
    out.append(current)
    return out


def monthly_xlsx(table: MonthlyTable) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    wb = Workbook()
    ws = wb.active
    ws.title = months.fmt(table.month)
    from tracker.textfile import visible

    wb.properties.title = visible(table.heading)  # a control character here made a file Excel cannot open
    wb.properties.creator = "tracker"
    kinds = _kinds(table)
    cols = len(table.headers)
    widths = column_widths(table)
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w

    font = Font(name=FONT, size=11, charset=134)
    bold = Font(name=FONT, size=11, bold=True, charset=134)
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap_top = Alignment(wrap_text=True, vertical="top")
    centred = Alignment(wrap_text=True, horizontal="center", vertical="center")

    title = _text(ws.cell(1, 1), table.heading)
    title.font = Font(name=FONT, bold=True, size=14, charset=134)
    title.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=cols)
    ws.row_dimensions[1].height = max(28, LINE_POINTS * lines_needed(table.heading, sum(widths) / 1.4) + 8)

    for i, head in enumerate(table.headers, 1):
        c = _text(ws.cell(2, i), head)
        c.font, c.alignment, c.border = bold, centred, border
        c.fill = PatternFill("solid", fgColor="D9D9D9")
    ws.row_dimensions[2].height = LINE_POINTS * max(lines_needed(h, widths[i]) for i, h in enumerate(table.headers)) + 6

    r = 3
    for row in table.rows:
        texts = monthly_cells(table, row)
        # A text longer than a row can show goes on in the rows below (Excel's 409 pt limit).
        split = {i: pieces(texts[i], widths[i]) for i, k in enumerate(kinds)
                 if k in ("progress", "problems", "next_steps")}
        span = max(len(p) for p in split.values())
        for i, kind in enumerate(kinds, 1):
            c = ws.cell(r, i)
            if kind == "no":
                c.value = row.no
                c.alignment = Alignment(horizontal="center", vertical="top")
            elif kind == "task":
                _text(c, texts[i - 1]).alignment = wrap_top
            elif kind == "completion":
                if row.standing.measured:
                    # as every format prints it: Excel's 0% would round 61.4 of 61.7 up to 100%
                    c.value = shown_percent(row.completion) / 100
                    c.number_format = "0%"
                else:
                    _text(c, completion_text(table, row))
                c.alignment = Alignment(horizontal="right", vertical="top")
            elif kind == "status":
                _text(c, status_text(table, row)).alignment = wrap_top
                ink, fill = STATUS_FILL.get(shown_status(row), STATUS_FILL["pending"])
                c.fill = PatternFill("solid", fgColor=fill)
            else:
                _text(c, split[i - 1][0]).alignment = wrap_top
            c.font = font if kind != "status" else Font(name=FONT, size=11, bold=True, color=ink, charset=134)
            c.border = border
            for k in range(1, span):  # the continuation rows of a long text
                more = ws.cell(r + k, i)
                more.font, more.border = copy(c.font), border
                if i - 1 in split:
                    _text(more, split[i - 1][k] if k < len(split[i - 1]) else "").alignment = wrap_top
            if span > 1 and i - 1 not in split:
                ws.merge_cells(start_row=r, start_column=i, end_row=r + span - 1, end_column=i)
        for k in range(span):
            need = max([lines_needed(texts[i], widths[i]) for i in range(cols) if i not in split]
                       + [lines_needed(p[k], widths[i]) for i, p in split.items() if k < len(p)])
            ws.row_dimensions[r + k].height = min(MAX_ROW_POINTS, LINE_POINTS * need + 6)
        r += span

    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0          # as many pages down as it takes
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.8           # room below the table for the page number
    ws.page_margins.header, ws.page_margins.footer = 0.3, 0.3
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "&P / &N"
    ws.oddFooter.center.font = FONT
    ws.oddFooter.center.size = 10

    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _text(cell, text: str):
    """Store `text` as text: never a formula (a note may begin with `=`), control and invisible characters
    shown (textfile.visible; which also leaves none of those that XML cannot hold)."""
    from tracker.textfile import visible

    text = visible(text)
    if len(text) > MAX_CELL:  # cannot happen for a note (20,000 characters at most); a title is shorter still
        text = text[: MAX_CELL - 1] + "…"
    cell.value = text
    cell.data_type = "s"
    return cell
