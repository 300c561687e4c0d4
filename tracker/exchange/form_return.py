"""A returned form (forms.py) read back: each filled row as its unit's report for the form's month.

A form is recognised and matched by its hidden sheet (unit, month, and row
by row the task, metric and mode), never by reading its visible text; the
visible cells are only checked against it, so that a form whose rows were
moved or whose month was changed is refused, naming the cell. Figures are
checked as `tracker log` checks them (entries.py). Every problem goes to
`problems` with its place, `FILE:填报!G7`.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

from tracker.core import months
from tracker.core.model import Plan, number
from tracker.errors import BadInput
from tracker.exchange.forms import (BY_CELL, COL, FIRST_ROW, HEADER_ROW, HEADERS, KEY_SHEET, MARK, MONTH_CELL, SHEET, STATUS_WORDS,
                                    UNIT_CELL, metric_label)


@dataclass
class FormReturn:
    path: str
    unit: str
    month: int
    by: str
    entries: list = field(default_factory=list)
    taken: list = field(default_factory=list)       # (task id, title, [what was taken: "养老床位 15张", "45%", "blocked",
    #                                                   "note", …]: labels.py's words, said in the run's language)
    places: list = field(default_factory=list)      # each entry's place: its task's first row, FILE:填报!B7
    empty: int = 0                                  # tasks left empty
    same_above: list = field(default_factory=list)  # (place, column) of each 进展情况 cell that said 同上, read as
    #                                                 the text above it: the import says each (a report to check)


def is_form(wb) -> bool:
    """Whether a workbook is a form tracker wrote (its hidden sheet says so)."""
    return KEY_SHEET in wb.sheetnames and wb[KEY_SHEET]["A1"].value == MARK


def lost_key(wb) -> bool:
    """Whether a workbook shows a form's header (上月数 beside 本月数) but has no hidden sheet to match it by: a
    form's cells copied into another workbook, whose figures a progress table's reading would leave out."""
    from tracker.exchange.sheets import visible_sheets

    for ws in visible_sheets(wb):
        for row in ws.iter_rows(max_row=20, max_col=len(HEADERS), values_only=True):
            if {"上月数", "本月数"} <= {str(v).strip() for v in row if v is not None}:
                return True
    return False


def form_month(wb) -> int:
    return months.parse(str(wb[KEY_SHEET]["C1"].value))


def read_form(path: str, wb, plan: Plan, problems: list, formulas=None) -> FormReturn:
    """The form's filled rows as entries of its unit for its month. `formulas`: the same workbook with its
    formulas' text, to tell a cell left empty from one whose formula's result was never saved (a form filled by
    a script: Excel, WPS and LibreOffice save the result)."""
    from tracker.core import entries as make
    from tracker.core.model import Entry
    from tracker.textfile import visible

    keys = wb[KEY_SHEET]
    unit, p = str(keys["B1"].value), form_month(wb)
    ws = _form_sheet(wb)
    if ws is None:
        problems.append(BadInput("the form's sheet {sheet} is gone", sheet=SHEET, place=path))
        return FormReturn(path, unit, p, unit)
    raw = formulas[ws.title] if formulas is not None else None

    def place(ref: str) -> str:
        return f"{path}:{ws.title}!{ref}"

    def text(ref: str) -> str:
        value = ws[ref].value
        return "" if value is None else str(value).strip()

    if _month_shown(ws[MONTH_CELL].value) != p:
        problems.append(BadInput("the form's month was changed to {shown}: it was sent out for {month}",
                                 shown=repr(text(MONTH_CELL)), month=months.fmt(p), place=place(MONTH_CELL)))
    if text(UNIT_CELL) != unit:
        problems.append(BadInput("the form's unit was changed to {shown}: it was sent out to {unit}",
                                 shown=repr(text(UNIT_CELL)), unit=unit, place=place(UNIT_CELL)))
    by = text(BY_CELL) or unit
    back = FormReturn(path, unit, p, by)
    if _columns_changed(ws, place, problems) or _merged_figures(ws, place, problems):
        return back
    parts: dict[str, dict] = {}
    broken: set[str] = set()
    keyed = list(keys.iter_rows(min_row=2, max_col=6, values_only=True))  # each row sent out: its task and metric
    for r, tid, key, mode, *sent in keyed:
        r, tid, key = int(r), str(tid), key or ""
        task = plan.task(tid)
        where = place(f"B{r}")
        if task is None:
            problems.append(BadInput("task {task} is no longer in tasks.toml", task=tid, place=where))
            broken.add(tid)
            continue
        if visible(task.unit) != unit:
            problems.append(BadInput("task {task} is no longer {unit}'s (its lead unit is now {now})",
                                     task=tid, unit=unit, now=task.unit, place=where))
            broken.add(tid)
            continue
        metric = task.metric(key) if key else None
        if (key and (metric is None or metric.mode != mode)) or (not key and task.metrics):
            problems.append(BadInput("task {task}'s metrics have changed since the form was made: send its unit "
                                     "a new form", task=tid, place=where))
            broken.add(tid)
            continue
        if not text(f"B{r}").startswith(f"{tid}."):
            problems.append(BadInput("this row was task {task} when the form was sent out: rows were moved or changed",
                                     task=tid, place=where))
            broken.add(tid)
            continue
        shown_metric = text(f"C{r}")
        if not (shown_metric == metric_label(metric) or (metric and shown_metric.partition("（")[0] == metric.name)):
            # a task's rows swapped (a sort in WPS): its figures would go to each other's metrics
            problems.append(BadInput("this row was task {task}'s {metric} when the form was sent out: rows were "
                                     "moved or changed", task=tid, metric=metric.name if metric else "—",
                                     place=place(f"C{r}")))
            broken.add(tid)
            continue
        if _shown_changed(ws, r, sent, place, problems):
            broken.add(tid)
            continue
        got = parts.setdefault(tid, {"task": task, "values": {}, "said": []})
        found = _read_row(ws, r, metric, got, place, make, raw, back.same_above)
        if found:
            problems += found
            broken.add(tid)
    _rows_added(ws, max((int(k[0]) for k in keyed), default=FIRST_ROW - 1), place, problems)
    for tid, got in parts.items():
        if tid in broken:
            continue
        task = got["task"]
        if p < months.of(task.start):
            problems.append(BadInput("task {task} starts {start}: it has no report for {month}", task=tid,
                                     start=months.fmt(months.of(task.start)), month=months.fmt(p),
                                     place=place(f"B{got['row']}")))
            continue
        entry = Entry("", tid, p, "", by, got["values"], got.get("percent"), got.get("status"), got.get("note"),
                      got.get("problems"), got.get("next_steps"))
        if not (entry.values or entry.percent is not None or entry.status or entry.note or entry.problems
                or entry.next_steps):
            back.empty += 1
            continue
        back.entries.append(entry._replace(id=_entry_id(unit, entry)))
        back.places.append(place(f"B{got['row']}"))
        back.taken.append((tid, task.title, got["said"] + got.get("texts", [])))
    return back


def _form_sheet(wb):
    """The sheet to fill in: 填报, or under another name the one sheet a liaison sees (renamed 8月 or after the
    unit); None when it is gone."""
    from tracker.exchange.sheets import visible_sheets

    if SHEET in wb.sheetnames:
        return wb[SHEET]
    shown = visible_sheets(wb)
    return shown[0] if len(shown) == 1 else None


# The sign-off lines offices write under a table (填报人：…, 联系电话：…, 审核人：…): no report of a task.
_SIGN_OFF = re.compile(r"\s*(?:填报|联系|审核|负责人|制表|签字|签发|分管|单位负责|主要负责)")


def _rows_added(ws, last: int, place, problems: list) -> None:
    """A row filled in below the form's tasks (the sheet unprotected) is named, never dropped unread: the form
    reads only the rows it was sent out with, and what the liaison wrote there would be lost unsaid.  A sign-off
    line (填报人：张三  联系电话：…) is none."""
    for row in ws.iter_rows(min_row=last + 1, max_col=len(HEADERS)):
        filled = [c for c in row if c.value is not None and str(c.value).strip()]
        if filled and not all(_SIGN_OFF.match(str(c.value)) for c in filled):
            cell = filled[0]
            problems.append(BadInput("a row was added below the form's tasks: the form reads only the rows it was "
                                     "sent out with; delete the row, or write what it says in a task's row",
                                     place=place(cell.coordinate)))
            return


def _month_shown(value) -> int | None:
    """The month cell as a month, however it was typed again (`2024年8月`, or a date Excel made of `2024-08`)."""
    import datetime as dt

    if isinstance(value, dt.date):
        return months.of(value)
    try:
        return months.parse(str(value))
    except BadInput:
        return None


def _shown_changed(ws, r: int, sent: list, place, problems: list) -> bool:
    """Whether a row's 目标值 or 上月数 (the sheet unprotected) no longer shows what went out: the unit means the
    target it now works to, or last month's figure corrected, which the form would otherwise drop unread.  A form
    made before its hidden sheet kept them (None) is not asked."""
    from tracker.core.entries import quoted

    if not sent or sent[0] is None:
        return False
    found = False
    for head, was in zip(("目标值", "上月数"), sent):
        ref = f"{_letter(COL[head])}{r}"
        value = ws[ref].value
        if _same(value, was):
            continue
        problems.append(BadInput("{head} was changed to {shown} (it was sent out as {sent}): a form changes neither "
                                 "the plan nor last month's report; put {sent} back, and tell the office what should "
                                 "change", head=head, shown=quoted(value), sent="—" if was is None else number(was),
                                 place=place(ref)))
        found = True
    return found


def _same(value, was) -> bool:
    if isinstance(value, str):
        value = value.strip() or None
    if value is None or was is None:
        return value is None and was is None
    try:
        return float(value) == float(was)
    except (TypeError, ValueError):
        return False


def _columns_changed(ws, place, problems: list) -> bool:
    """Whether the header row no longer reads as it went out (a column deleted or inserted, the sheet unprotected):
    the cells are read at the columns they went out in, so a 本月数 moved one column left would read as a form left
    empty. A hidden column is still there; a header row moved down with the rows is the rows' checks' to name."""
    shown_row = [("" if c.value is None else str(c.value).strip()) for c in ws[HEADER_ROW][:len(HEADERS)]]
    shown_row += [""] * (len(HEADERS) - len(shown_row))
    if not set(HEADERS) & set(shown_row):
        return False
    for col, (head, shown) in enumerate(zip(HEADERS, shown_row), 1):
        if shown != head:
            problems.append(BadInput("the form's columns were changed (this column was {head} when the form was sent "
                                     "out, it is {shown}): put them back as they were (hiding a column is fine), or "
                                     "fill in a new form", head=head, shown=shown or "—",
                                     place=place(f"{_letter(col)}{HEADER_ROW}")))
            return True
    return False


def _merged_figures(ws, place, problems: list) -> bool:
    """Whether cells of the figures' columns were merged down over several rows (in WPS, the sheet unprotected):
    the merge shows one figure where each row wants its own, and keeps only the top row's."""
    figures = {COL["本月数"], COL["完成百分比"]}
    found = False
    for rng in ws.merged_cells.ranges:
        if rng.max_row > rng.min_row and rng.max_row >= FIRST_ROW and figures & set(range(rng.min_col, rng.max_col + 1)):
            problems.append(BadInput("merged cells: each row's figure is its own; unmerge them (取消合并) and "
                                     "fill in each row", place=place(rng.coord)))
            found = True
    return found


def _read_row(ws, r: int, metric, got: dict, place, make, raw=None, same_above=None) -> list:
    """One row's filled cells into `got` (the task's report so far), each checked; every problem of the row
    (a BadInput naming its cell), none when the row is read. `raw`: the sheet with its formulas' text. A text
    cell that says 同上 is the text above it in its column (`same_above` gets a 进展情况 cell's place)."""
    from tracker.exchange.progress_table import SAME
    from tracker.exchange.sheets import shown

    got.setdefault("row", r)
    heads = ["本月数" if metric is not None else "完成百分比"]
    if r == got["row"]:  # status and texts are the task's first row's
        heads += ["状态", "进展情况", "存在问题", "下步计划"]
    found = []
    for head in heads:
        ref = f"{_letter(COL[head])}{r}"
        value = ws[ref].value
        if isinstance(value, str):
            value = value.strip() or None
        elif head in _TEXTS and value is not None:  # a date Excel made of 8月15日, a number: the text it shows
            value = shown(value, ws[ref].number_format)
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in ws[ref].number_format:
            value = round(value * 100, 9)  # `60%` typed: Excel keeps 0.6 shown as 60%, and 60 is what was meant
        try:
            if head in _TEXTS and isinstance(value, str) and SAME.match(value):
                value = _text_above(ws, r, COL[head])
                if value is None:
                    raise BadInput("the cell says 同上 (same as above), but there is no text above it to take: "
                                   "write the text in")
                if head == "进展情况" and same_above is not None:
                    same_above.append((place(ref), head))
            if value is None and raw is not None and isinstance(raw[ref].value, str) and raw[ref].value.startswith("="):
                raise BadInput("{head} holds a formula ({formula}) whose result was never saved: open the form in "
                               "Excel or WPS and save it, or type the figure", head=head, formula=raw[ref].value)
            if value is not None:
                _take(head, value, metric, got, make)
        except BadInput as e:
            found.append(BadInput(e.template, place=place(ref), **e.fields))
    return found


def _text_above(ws, r: int, col: int) -> str | None:
    """The text a 同上 in row `r` stands for: the nearest text above it in its column among the form's rows (a
    task's texts are on its first row, so the cell right above is often its own task's empty second row)."""
    from tracker.exchange.progress_table import SAME

    for above in range(r - 1, FIRST_ROW - 1, -1):
        value = ws.cell(above, col).value
        text = "" if value is None else str(value).strip()
        if text and not SAME.match(text):
            return text
    return None


# A 本月数 typed as a sentence: Chinese words and a figure (已完成9500人, 截至11月底1760个).
_WORDS_AND_FIGURE = re.compile(r"(?=.*[\u4e00-\u9fff]).*\d")

_TEXTS = {"进展情况": "note", "存在问题": "problems", "下步计划": "next_steps"}
_SAID = {"note": "note", "problems": "problems", "next_steps": "next steps"}  # labels.py's words for them


def _take(head: str, value, metric, got: dict, make) -> None:
    """One filled cell's value into `got`; BadInput (without a place) when it cannot be right."""
    if head == "本月数":
        try:
            got["values"][metric.key] = make.figure(value, "本月数", percent=metric.rate,
                                                    unit=metric.unit)  # a rate's `60%`, `15个` as text
        except BadInput as e:
            if e.template in make.SAYS_WHAT_TO_WRITE:  # 1,5 (15 or 1.5?), 十五: what to write, as `log` says
                raise
            if isinstance(value, str) and _WORDS_AND_FIGURE.search(value):  # 已完成9500人: a sentence, not a figure
                raise BadInput("本月数 {value} is words, not a figure: type the figure alone (in {unit}), and the words "
                               "in 进展情况" if metric.unit else "本月数 {value} is words, not a figure: type the "
                               "figure alone, and the words in 进展情况", value=make.quoted(value),
                               unit=metric.unit) from None
            raise BadInput("本月数 {value} is not a number ≥ 0", value=make.quoted(value)) from None
        got["said"].append(f"{metric.name} {_fig(got['values'][metric.key])}{metric.unit}")  # as the form names it
    elif head == "完成百分比":
        try:
            got["percent"] = make.percent(value.rstrip("%") if isinstance(value, str) else value, "完成百分比")
        except BadInput as e:
            if e.template in make.SAYS_WHAT_TO_WRITE:
                raise
            raise BadInput("完成百分比 {value} is not a number from 0 to 100", value=make.quoted(value)) from None
        got["said"].append(f"{_fig(got['percent'])}%")
    elif head == "状态":
        try:
            got["status"] = status = make.status(str(value))  # the words `tracker log --status` takes
        except BadInput:
            raise BadInput("状态 {value} is not one of {words}", value=make.quoted(value),
                           words="、".join(STATUS_WORDS)) from None
        got.setdefault("texts", []).append(status)  # (a code: the summary says it in the run's language)
    else:
        name = _TEXTS[head]
        got[name] = make.note(str(value), name)
        if got[name]:
            got.setdefault("texts", []).append(_SAID[name])


def _entry_id(unit: str, e) -> str:
    """The same form returned twice gives the same ids: it is recorded once."""
    body = json.dumps(["form", unit, e.task, months.fmt(e.month), sorted((k, number(v)) for k, v in e.values.items()),
                       number(e.percent), e.status, e.note, e.problems, e.next_steps, e.by],
                      ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode()).hexdigest()[:32]


def _letter(col: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(col)


def _fig(x) -> str:
    from tracker.render.terminal import fig

    return fig(x)
