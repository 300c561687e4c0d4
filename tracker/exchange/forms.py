"""The month's report form a lead unit fills in (`tracker forms`): one .xlsx, written with openpyxl.

One row per metric of each of the unit's started, unfinished tasks (a
qualitative task: one row, for its percent and status), last month's figure
beside the empty cells to fill in. The sheet is protected except those
cells; figures are validated as numbers ≥ 0 and the status is a list. A
very hidden sheet holds what the return is matched by (form_return.py):
the form's unit and month and, row by row, the task, the metric and its mode.
"""

from __future__ import annotations

import io

from tracker.core import months
from tracker.core.model import Task, TaskLog, number

SHEET, KEY_SHEET, MARK = "填报", "tracker", "tracker form 1"
HEADERS = ("序号", "目标任务", "指标", "计量单位", "目标值", "上月数", "本月数", "完成百分比", "状态",
           "进展情况", "存在问题", "下步计划")
COL = {h: i for i, h in enumerate(HEADERS, 1)}                  # header → column number
HEADER_ROW, FIRST_ROW = 4, 5
UNIT_CELL, MONTH_CELL, BY_LABEL, BY_CELL = "B2", "E2", "G2", "H2"
STATUS_WORDS = ("推进中", "已完成", "受阻")                    # labels.py's words for ongoing, done, blocked
WIDTHS = (6, 32, 20, 8, 8, 8, 9, 10, 9, 40, 24, 24)
FONT = "宋体"


class FormRow:
    """One row to fill in: a metric of a task, or (metric None) a qualitative task's percent and status."""

    __slots__ = ("task", "metric", "first", "last")

    def __init__(self, task: Task, metric, first: bool, last):
        self.task, self.metric, self.first, self.last = task, metric, first, last


def form_rows(tasks: list[Task], logs: dict, p: int) -> list[FormRow]:
    """The rows of a unit's form for month p, with each figure in force the month before."""
    rows = []
    for task in tasks:
        log = logs.get(task.id) or TaskLog()
        if not task.metrics:
            rows.append(FormRow(task, None, True, log.percent_at(p - 1)))
            continue
        for n, metric in enumerate(task.metrics):
            if metric.mode == "increment":
                last = log.values.get(metric.key, {}).get(p - 1)
            else:
                last = log.value(metric, p - 1) if log.last_month(p - 1) is not None else None
            rows.append(FormRow(task, metric, n == 0, last))
    return rows


LINE_PT = 15  # a line of 11-point 宋体, with its leading


def _lines(text: str, width: int) -> int:
    """The lines a text takes in a wrapped column `width` characters wide (a Chinese character is two)."""
    from rich.cells import cell_len

    return max(1, -(-cell_len(text) // max(width - 2, 1)))


def metric_label(metric) -> str:
    """A row's 指标 cell: the metric's name and what 本月数 wants of it (a heading of 本月数 reads as the month's
    amount to many), or — for a qualitative task's row. The return is matched against it (form_return.py)."""
    if metric is None:
        return "—"
    if metric.mode == "increment":
        return metric.name + "（本月新增）"
    return metric.name + ("（截至本月）" if metric.rate else "（截至本月累计）")  # a rate is not summed


def form_xlsx(plan_title: str | None, unit: str, p: int, rows: list[FormRow]) -> bytes:
    """The form as the bytes of an .xlsx."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.workbook.protection import WorkbookProtection
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.properties import PageSetupProperties

    from tracker.textfile import visible

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    wb.properties.creator = "tracker"
    wb.properties.title = visible(f"{unit} {months.fmt(p)}")
    font, bold = Font(name=FONT, size=10.5, charset=134), Font(name=FONT, size=10.5, bold=True, charset=134)
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    centred = Alignment(wrap_text=True, horizontal="center", vertical="top")  # 序号 apart from the task's `73.` beside it
    open_cell, shut = Protection(locked=False), Protection(locked=True)
    to_fill = PatternFill("solid", fgColor="FFF2CC")      # the cells to fill in: light yellow
    closed = PatternFill("solid", fgColor="EDEDED")       # not for this row
    year, month = months.year_of(p), months.month_of_year(p)

    for i, w in enumerate(WIDTHS, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    title = f"{plan_title + ' · ' if plan_title else ''}{year}年{month}月进展填报表"
    _text(ws["A1"], f"{title}。请在黄色单元格中填写{month}月份情况：本月数填截至{month}月底的累计数（标“截至本月累计”），标“本月新增”的指标填当月数，"
                f"无指标的任务填完成百分比（0–100）；状态从列表中选择；进展情况、存在问题、下步计划填在任务的第一行。"
                f"填好后原样发回，请勿增删行或改动其他单元格。")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    ws["A1"].alignment = Alignment(wrap_text=True, vertical="center")
    ws["A1"].font = bold
    ws.row_dimensions[1].height = 48
    for ref, text in (("A2", "填报单位"), (UNIT_CELL, unit), ("D2", "月份"), (MONTH_CELL, months.fmt(p)),
                      (BY_LABEL, "填报人")):
        _text(ws[ref], text).font = bold if ref in ("A2", "D2", BY_LABEL) else font
    ws.merge_cells("B2:C2")
    ws[BY_CELL].protection = open_cell
    ws[BY_CELL].fill = to_fill
    ws[BY_CELL].border = border
    ws[BY_CELL].font = font
    ws.merge_cells(f"{BY_CELL}:I2")
    for i, head in enumerate(HEADERS, 1):
        c = _text(ws.cell(HEADER_ROW, i), head)
        c.font, c.border = bold, border
        c.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        c.fill = PatternFill("solid", fgColor="D9D9D9")
    ws.row_dimensions[HEADER_ROW].height = 30

    figures = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                             showErrorMessage=True, errorTitle="数字", error="请填写不小于0的数字")
    percents = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True,
                              showErrorMessage=True, errorTitle="完成百分比", error="请填写0到100之间的数字")
    statuses = DataValidation(type="list", formula1='"' + ",".join(STATUS_WORDS) + '"', allow_blank=True,
                              showErrorMessage=True, errorTitle="状态", error="请从列表中选择")
    for dv in (figures, percents, statuses):
        ws.add_data_validation(dv)

    no = 0
    for r, row in enumerate(rows, FIRST_ROW):
        task, metric = row.task, row.metric
        if row.first:
            no += 1
        values = {
            "序号": no if row.first else None,
            "目标任务": f"{task.id}.{task.title}",
            "指标": metric_label(metric),
            "计量单位": metric.unit if metric else "%",
            "目标值": number(metric.target) if metric else 100,
            "上月数": number(row.last),
        }
        fill_in = {"本月数"} if metric else {"完成百分比"}
        if row.first:
            fill_in |= {"状态", "进展情况", "存在问题", "下步计划"}
        for head, col in COL.items():
            c = ws.cell(r, col)
            value = values.get(head)
            if isinstance(value, str):
                _text(c, value)
            elif value is not None:
                c.value = value
            c.font, c.border = font, border
            c.alignment = centred if head in ("序号", "计量单位") else wrap
            c.protection = open_cell if head in fill_in else shut
            if head in fill_in:
                c.fill = to_fill
            elif head in ("本月数", "完成百分比", "状态", "进展情况", "存在问题", "下步计划"):
                c.fill = closed
        for head, dv in (("本月数", figures), ("完成百分比", percents), ("状态", statuses)):
            if head in fill_in:
                dv.add(ws.cell(r, COL[head]))
        # tall enough for the task's title and the metric's name to show whole (LibreOffice clips, as Excel
        # does, a row whose height is set); a task's first row has room for its notes too
        ws.row_dimensions[r].height = max(60 if row.first else 30,
                                          LINE_PT * max(_lines(values["目标任务"], WIDTHS[1]), _lines(values["指标"], WIDTHS[2])) + 6)

    ws.freeze_panes = ws.cell(FIRST_ROW, 1)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0   # one page wide, as many down as it takes
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.protection.sheet = True
    ws.protection.formatRows = False        # a row may be made taller to read a long note
    ws.protection.formatColumns = False

    keys = wb.create_sheet(KEY_SHEET)
    keys.sheet_state = "veryHidden"
    # the unit as every output shows it (XML holds no control character): form_return compares it so
    keys.append([MARK, visible(unit), months.fmt(p), visible(plan_title or "")])
    for r, row in enumerate(rows, FIRST_ROW):
        keys.append([r, row.task.id, row.metric.key if row.metric else "", row.metric.mode if row.metric else "",
                     number(row.metric.target) if row.metric else 100, number(row.last)])  # 目标值, 上月数 as sent
    for line in keys.iter_rows():
        for c in line:
            if isinstance(c.value, str):
                c.data_type = "s"
    keys.protection.sheet = True
    wb.security = WorkbookProtection(lockStructure=True)

    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def file_name(unit: str, p: int) -> str:
    """市民政局-2024-08.xlsx: the unit's name, with what a file name cannot hold replaced."""
    safe = "".join("_" if ch in '/\\:*?"<>|' or ord(ch) < 32 else ch for ch in unit).strip(". ") or "unit"
    return f"{safe}-{months.fmt(p)}.xlsx"


def _text(cell, text: str):
    """Text stored as text, never as a formula (a title may begin with `=`); control and invisible
    characters shown (textfile.visible), as in every output."""
    from tracker.textfile import visible

    cell.value = visible(text)
    cell.data_type = "s"
    return cell
