"""The monthly progress table as an .xlsx an office would print: one sheet, landscape A4, header on every page.

Widths are measured in the units Excel uses (one per narrow character; a
Chinese character counts two), and row heights are set from the wrapped
line count, because neither Excel nor LibreOffice grows a row to fit wrapped
text in every case. Every text cell is stored as text, never as a formula.
"""

from __future__ import annotations

import io
import math

from tracker.core import months
from tracker.core.rows import MonthlyTable, completion_text, monthly_cells, status_text

PAGE_WIDTH = 140        # columns' total width that fits landscape A4 at 100 % (about 1.9 mm a unit)
MAX_WIDTH = {0: 8, 1: 40, 2: 90, 3: 12, 4: 24}   # per column, before the progress column gives way
MIN_PROGRESS = 40
LINE_POINTS = 15        # one line of 11 pt text, Chinese included
MAX_CELL = 32767        # Excel's limit on a cell's characters
MAX_ROW_POINTS = 409    # Excel's limit on a row's height


def text_width(text: str) -> int:
    """The widest line of `text` in Excel's column units: a wide (Chinese) character counts two."""
    from rich.cells import cell_len

    return max((cell_len(line) for line in text.split("\n")), default=0)


def column_widths(table: MonthlyTable) -> list[float]:
    cols = len(table.headers)
    natural = [text_width(h) + 2 for h in table.headers]
    for row in table.rows:
        for i, text in enumerate(monthly_cells(table, row)):
            natural[i] = max(natural[i], text_width(text) + 2)
    widths = [max(6, min(natural[i], MAX_WIDTH[i])) for i in range(cols)]
    others = sum(widths) - widths[2]
    widths[2] = max(MIN_PROGRESS, min(widths[2], PAGE_WIDTH - others))
    return [float(w) for w in widths]


def lines_needed(text: str, width: float) -> int:
    """How many lines `text` takes when wrapped in a column `width` units wide."""
    from rich.cells import cell_len

    usable = max(1.0, width - 1.5)
    # 1.05: a Chinese glyph is a little wider than two digits in the default font.
    return sum(max(1, math.ceil(cell_len(part) * 1.05 / usable)) for part in text.split("\n"))


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
    cols = len(table.headers)
    widths = column_widths(table)
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w

    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap_top = Alignment(wrap_text=True, vertical="top")
    centred = Alignment(wrap_text=True, horizontal="center", vertical="center")

    title = _text(ws.cell(1, 1), table.heading)
    title.font = Font(bold=True, size=14)
    title.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=cols)
    ws.row_dimensions[1].height = max(28, LINE_POINTS * lines_needed(table.heading, sum(widths) / 1.4) + 8)

    for i, head in enumerate(table.headers, 1):
        c = _text(ws.cell(2, i), head)
        c.font = Font(bold=True)
        c.alignment = centred
        c.border = border
        c.fill = PatternFill("solid", fgColor="D9D9D9")
    ws.row_dimensions[2].height = LINE_POINTS * max(lines_needed(h, widths[i]) for i, h in enumerate(table.headers)) + 6

    for r, row in enumerate(table.rows, 3):
        texts = monthly_cells(table, row)
        ws.cell(r, 1, row.no).alignment = Alignment(horizontal="center", vertical="top")
        for i in (2, 3):
            _text(ws.cell(r, i), texts[i - 1]).alignment = wrap_top
        if table.with_status:
            c = ws.cell(r, 4)
            if row.standing.measured:
                c.value = row.completion
                c.number_format = "0%"
            else:
                _text(c, completion_text(table, row))
            c.alignment = Alignment(horizontal="right", vertical="top")
            _text(ws.cell(r, 5), status_text(table, row)).alignment = wrap_top
        for i in range(1, cols + 1):
            ws.cell(r, i).border = border
        need = max(lines_needed(t, widths[i]) for i, t in enumerate(texts))
        ws.row_dimensions[r].height = min(MAX_ROW_POINTS, LINE_POINTS * need + 6)

    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0          # as many pages down as it takes
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "&P / &N"

    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _text(cell, text: str):
    """Store `text` as text: never a formula (a note may begin with `=`), control and invisible characters
    shown (textfile.visible; which also leaves none of those that XML cannot hold)."""
    from tracker.textfile import visible

    text = visible(text)
    if len(text) > MAX_CELL:
        text = text[: MAX_CELL - 1] + "…"
    cell.value = text
    cell.data_type = "s"
    return cell
