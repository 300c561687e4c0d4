"""Import a monthly progress table (序号 | ID.TITLE | PROGRESS |): new tasks into tasks.toml, notes and figures into the log.

The table's text is read by progress_table.py; what to add and record is
worked out here without touching a file, and only `import_table` writes. Every row is read and checked before anything is written; tasks.toml
is then written whole (appended to, so people's comments stay) and the
entries appended in one transaction; if that fails, tasks.toml is put back.
Entry ids are a hash of task, month and the row's content, so importing the
same table again adds nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field

from tracker.core import months
from tracker.errors import BadInput
from tracker.labels import label
from tracker.exchange.progress_table import ProgressTable, TableRow, header_month, parse_table, split_task_cell
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
    from tracker.labels import label
    from tracker.core.rows import NO_REPORT

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
            raise BadInput(f"{path}:{row.line}: the task cell must be the task's number, a dot and its title "
                           f"(`195.新建…`), not {_short(row.task_cell)!r}")
        tid, title = split
        if tid in seen:
            raise BadInput(f"{path}:{row.line}: task {tid} appears twice (first at line {seen[tid]})")
        seen[tid] = row.line
        read = Read(row, tid, title)
        if tid not in known:
            if not unit:
                raise BadInput(f"{path}:{row.line}: task {tid} is not in tasks.toml: give --unit (its lead unit) to add it")
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


# --- the import itself -------------------------------------------------------------------


def import_table(project, file: str, month_text: str | None, unit: str | None, lang: str = "en") -> None:
    from tracker import store, textfile
    from tracker import plan as planfile
    from tracker.cli.project import today
    from tracker.cli.output import say

    table = parse_table(textfile.read(file, "progress table"), file)
    if not month_text:
        raise BadInput(f"{file}: give --month (e.g. --month 2020-08): a progress table names the month, not the year")
    p = months.parse(month_text)
    named = header_month(table.headers)
    if named is not None and named != months.month_of_year(p):
        raise BadInput(f"{file}:{table.header_line}: the table's header names month {named} "
                       f"({table.headers[2]}), but --month is {months.fmt(p)}")
    if p > months.of(today()):
        raise BadInput(f"month {months.fmt(p)} is still in the future; import its table when it comes")

    path = project.tasks_path
    old_bytes = _read_bytes(path)
    conn = project.read()
    try:
        plan = project.plan(conn) if old_bytes is not None else None
        reads, adding = read_rows(table, file, plan, unit)
        year = plan.year if plan else months.year_of(p)
        added = [new_task_toml(tid, title, unit, p, year) for tid, title in adding]
        new_bytes = plan_bytes(old_bytes, added, file, p)
        if added:
            try:
                plan = planfile.parse(textfile.decode(new_bytes, path), path)
            except BadInput as e:
                first = str(e).splitlines()[0]
                raise BadInput(f"{file}: the tasks it adds would make {path} invalid ({first})") from None
        entries = make_entries(reads, plan, p, store.load_logs(conn, upto=p), _reporter())
        present = _present(conn, [e.id for e in entries])
    finally:
        if conn is not None:
            conn.close()
    for read in reads:
        if any(e.id in present for e in entries if e.task == read.task_id):
            read.new = False
    entries = [e for e in entries if e.id not in present]

    if entries or new_bytes is not None:
        _write(project, path, old_bytes, new_bytes, entries)
    for read in reads:
        say(_describe(read, lang))
    if lang == "zh":
        parts = [label(lang, "{n} entries recorded for {month}").format(n=len(entries), month=months.fmt(p))]
    else:
        parts = [f"{len(entries)} {'entry' if len(entries) == 1 else 'entries'} recorded for {months.fmt(p)}"]
    if adding:
        if lang == "zh":
            parts.append(label(lang, "{n} tasks added to {path} (unit {unit})").format(n=len(adding), path=path, unit=unit))
        else:
            parts.append(f"{len(adding)} {'task' if len(adding) == 1 else 'tasks'} added to {path} (unit {unit})")
    unchanged = sum(1 for r in reads if not r.new and (r.note or any(v is not None for _, v, _ in r.figures)))
    if unchanged:
        parts.append(label(lang, "{n} already in the log").format(n=unchanged))
    separator = "；" if lang == "zh" else "; "
    say(label(lang, "{file}: {n} rows").format(file=file, n=len(reads)) + separator + separator.join(parts))


def _write(project, path: str, old_bytes: bytes | None, new_bytes: bytes | None, entries: list) -> None:
    """tasks.toml, then the entries in one transaction; if the entries fail, tasks.toml is put back."""
    from tracker.core import entries as make
    from tracker import store
    from tracker.files import atomic_write

    conn = project.write() if entries else None
    try:
        if new_bytes is not None:
            atomic_write(path, new_bytes)
        try:
            if entries:
                store.append(conn, entries, stamp=make.now_stamp)
        except BaseException:
            if new_bytes is not None:
                if old_bytes is None:
                    os.unlink(path)
                else:
                    atomic_write(path, old_bytes)
            raise
    finally:
        if conn is not None:
            conn.close()


def _describe(read: Read, lang: str = "en") -> str:
    """What was read for one row: the task, then each metric's figure on a line of its own."""
    head = f"  {read.task_id} {_short(read.title, 24)}"
    if read.added:
        head += label(lang, " [added]")
    seen = label(lang, " (already in the log)") if not read.new and read.note is not None else ""
    if not read.figures:
        return f"{head}: {label(lang, 'note, no metric' if read.note else 'no progress text')}{seen}"
    lines = [f"{head}{': ' + label(lang, 'no progress text') if read.note is None else ''}{seen}"]
    for metric, value, why in read.figures:
        shown = f"{_fig(value)}/{_fig(metric.target)}{metric.unit}" if value is not None else label(lang, why)
        lines.append(f"      {metric.key} {metric.name}: {shown}")
    return "\n".join(lines)


def _fig(x) -> str:
    from tracker.render.terminal import fig

    return fig(x)


def _present(conn, ids: list[str]) -> set[str]:
    from tracker import store

    found: set[str] = set()
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        found |= {e.id for e in store.read_entries(conn, f"e.id IN ({','.join('?' * len(chunk))})", chunk)}
    return found


def _read_bytes(path: str) -> bytes | None:
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise BadInput(f"{path}: is a directory, not a plan file") from None
    except OSError as e:
        raise BadInput(f"{path}: cannot read: {e.strerror}") from None


def _reporter() -> str | None:
    from tracker.cli.log import _reporter as reporter

    return reporter()
