"""Import a monthly progress table (序号 | ID.TITLE | PROGRESS |): new tasks into tasks.toml, notes and figures into the log.

The table's text is read by progress_table.py; what to add and record is
worked out here without touching a file (the CLI's import writes and says
what was read). Entry ids are a hash of task, month and the row's content,
so importing the same table again adds nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field

from tracker.core import months
from tracker.errors import BadInput
from tracker.exchange.progress_table import ProgressTable, TableRow, split_task_cell
from tracker.core.model import Plan, Task, number

# --- from rows to what will be written -------------------------------------------------


@dataclass
class Read:
    """What import read for one row, to show the person who runs it."""

    row: TableRow
    task_id: str
    title: str
    added: bool = False
    figures: list = field(default_factory=list)     # (metric, value or None, why not)
    note: str | None = None
    new: bool = True                                # False: already in the log


def entry_id(task_id: str, month: int, note: str | None, values: dict) -> str:
    """The same row of the same table for the same month always gives the same id."""
    body = json.dumps(["table", task_id, months.fmt(month), note, sorted((k, number(v)) for k, v in values.items())],
                      ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode()).hexdigest()[:32]


def placeholders() -> set[str]:
    """The progress text `report` writes where no report came in: read back as no note."""
    from tracker.core.rows import NO_REPORT
    from tracker.labels import label

    return {label(lang, NO_REPORT) for lang in ("en", "zh")}


def new_task_toml(task_id: str, title: str, unit: str, p: int, plan_year: int | None) -> str:
    """A [[task]] table (with its [[task.metric]] tables) for a task the table adds, written by tomli-w."""
    import tomli_w

    from tracker.core.figures import targets_from_title

    year = months.year_of(p)
    task = {"id": task_id, "title": title, "unit": unit}
    if plan_year is not None and plan_year != year:
        task["start"] = dt.date(year, 1, 1)
    task["due"] = dt.date(year, 12, 31)
    out = "[[task]]\n" + tomli_w.dumps(task)
    for n, t in enumerate((t for t in targets_from_title(title) if t.target > 0), 1):
        metric = {"key": f"m{n}", "name": t.name, "unit": t.unit, "target": number(t.target)}
        out += "\n[[task.metric]]\n" + tomli_w.dumps(metric)
    return out


def plan_bytes(old: bytes | None, added: list[str], source: str, p: int) -> bytes | None:
    """tasks.toml with the new tasks appended, or None when nothing is added.

    The new tables go after the file's own bytes, which stay exactly as they
    were (comments, line endings); only a UTF-16/32 file is rewritten, as UTF-8.
    A missing file starts with [plan] year.
    """
    if not added:
        return None
    if old is None:
        old = f"[plan]\nyear = {months.year_of(p)}\n".encode()
    elif not _is_utf8(old):
        from tracker import textfile

        old = textfile.decode(old, "tasks.toml").encode("utf-8")
    newline = b"\r\n" if b"\r\n" in old else b"\n"
    block = f"# Added by `tracker import {os.path.basename(source)} --month {months.fmt(p)}`\n\n" + "\n".join(added)
    return old.rstrip(b"\r\n") + newline * 2 + block.encode("utf-8").replace(b"\n", newline)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def read_rows(table: ProgressTable, path: str, plan: Plan | None, unit: str | None) -> tuple[list[Read], list[tuple]]:
    """Each row's task (known or to be added), checked; and the (id, title) of the tasks to add."""
    known = set(plan.by_id) if plan else set()
    seen: dict[str, int] = {}
    reads, adding = [], []
    for row in table.rows:
        split = split_task_cell(row.task_cell, known)
        if split is None:
            raise BadInput("{path}:{line}: the task cell must be the task's number, a dot and its title (`195.新建…`), not {cell}", path=path, line=row.line, cell=repr(_short(row.task_cell)))
        tid, title = split
        if tid in seen:
            raise BadInput("{path}:{line}: task {tid} appears twice (first at line {first})", path=path, line=row.line, tid=tid, first=seen[tid])
        seen[tid] = row.line
        read = Read(row, tid, title)
        if tid not in known:
            if not unit:
                raise BadInput("{path}:{line}: task {tid} is not in tasks.toml: give --unit (its lead unit) to add it", path=path, line=row.line, tid=tid)
            read.added = True
            adding.append((tid, title))
        reads.append(read)
    return reads, adding


def make_entries(reads: list[Read], plan: Plan, p: int, logs: dict, by: str | None) -> list:
    """One entry per row that says something new for the month: its note and the figures read from it."""
    from tracker.core import entries as make
    from tracker.core.figures import value_for
    from tracker.store import Entry

    empty = placeholders()
    out = []
    for read in reads:
        task: Task = plan.task(read.task_id)
        note = make.note(read.row.progress)
        read.note = None if note in empty else note
        values = {}
        for metric in task.metrics:
            # a cumulative metric wants the running total (累计), an increment metric the month's amount
            value = value_for(read.note, metric.name, metric.unit, mode=metric.mode) if read.note else None
            read.figures.append((metric, value, None if value is not None else "no figure"))
            if value is not None:
                values[metric.key] = value
        values = make.check_values(task, values)
        if read.note is None and not values:
            read.new = False
            continue
        log = logs.get(task.id)
        if log is not None and log.notes.get(p) == read.note and all(
                log.values.get(k, {}).get(p) == v for k, v in values.items()):
            read.new = False        # the log already says this for the month (a table printed by `report`)
            continue
        out.append(Entry(entry_id(task.id, p, read.note, values), task.id, p, "", by, values, None, None, read.note))
    return out


def _short(text: str, n: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
