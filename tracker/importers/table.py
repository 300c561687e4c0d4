"""Import a monthly progress table (序号 | ID.TITLE | PROGRESS |): new tasks into tasks.toml, notes and figures into the log.

Reading is pure (`parse_table`, `plan_import`); only `import_table` touches
files. Every row is read and checked before anything is written; tasks.toml
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
import re
from dataclasses import dataclass, field

from tracker import months
from tracker.errors import BadInput
from tracker.model import Plan, Task, number

_PIPE = re.compile(r"(?<!\\)\|")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_SEPARATOR_CELL = re.compile(r"^:?-+:?$")
_ROW_START = re.compile(r"^\s*\|?\s*\d+\s*\|")
_NO_HEADS = {"序号", "no.", "no", "#"}
_HEAD_MONTH_ZH = re.compile(r"(\d{1,2})\s*月")
_MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december")
# Between a task's number and its title: the contract's `.`, and what Chinese documents also use.
_ID_CELL = re.compile(r"^\s*(\d+)\s*[.．、]\s*(.*)$", re.DOTALL)


@dataclass(frozen=True, slots=True)
class TableRow:
    line: int           # where the row starts in the file
    no: int
    task_cell: str      # ID.TITLE, as written (line breaks kept)
    progress: str       # the progress cell, `\|` and `<br>` read back


@dataclass(frozen=True, slots=True)
class ProgressTable:
    header_line: int
    headers: tuple[str, ...]
    rows: tuple[TableRow, ...]


def _unescape(text: str) -> str:
    return _BREAK.sub("\n", text.replace(r"\|", "|")).strip()


def _split(line: str) -> tuple[list[str], bool] | None:
    """A line's cells and whether it ends with a closing `|`; None when it has no `|` at all."""
    s = line.strip()
    if not _PIPE.search(s):
        return None
    if s.startswith("|"):
        s = s[1:]
    closed = bool(s) and s.endswith("|") and not s.endswith(r"\|")
    parts = _PIPE.split(s)
    if closed:
        parts = parts[:-1]
    return [p.strip() for p in parts], closed


def parse_table(text: str, path: str) -> ProgressTable:
    """The table's rows; BadInput `PATH:LINE: message` for the first malformed one."""
    lines = text.splitlines()
    head = None
    for i, line in enumerate(lines):
        split = _split(line)
        if split and len(split[0]) >= 3 and split[0][0].strip().lower() in _NO_HEADS:
            head = i
            break
    if head is None:
        raise BadInput(f"{path}: no progress table found (expected a header row such as "
                       f"`序号 | 目标任务 | 总体工作进展及8月份进展 |`)")
    headers, closed = _split(lines[head])
    ncols = len(headers)
    i = head + 1
    if i < len(lines):
        sep = _split(lines[i])
        if sep and all(_SEPARATOR_CELL.match(c.replace(" ", "")) for c in sep[0]):
            i += 1
    rows: list[TableRow] = []
    ended = None
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if ended is not None or not _PIPE.search(line):
            # Text after the table (a note, a signature) is fine; a row after it is not.
            if ended is None:
                ended = i + 1
            elif _ROW_START.match(line):
                raise BadInput(f"{path}:{ended}: a line inside the table that is not a row "
                               f"(the table goes on at line {i + 1})")
            i += 1
            continue
        start = i
        body = line.strip()
        if body.startswith("|"):
            body = body[1:]
        if closed:
            # A row runs over as many lines as it takes to close its last cell.
            while len(_PIPE.findall(body)) < ncols:
                i += 1
                if i >= len(lines):
                    raise BadInput(f"{path}:{start + 1}: the row has no closing `|` (the file ends first)")
                if _ROW_START.match(lines[i]):
                    raise BadInput(f"{path}:{start + 1}: the row is not closed before the next row starts "
                                   f"at line {i + 1} (a cell is missing its `|`)")
                body += "\n" + lines[i]
            parts = _PIPE.split(body)
            cells, rest = parts[:ncols], "|".join(parts[ncols:]).strip()
            if rest:
                raise BadInput(f"{path}:{start + 1}: the row has more cells than the header's {ncols}")
        else:
            cells = _PIPE.split(body.rstrip())
            if body.rstrip().endswith("|") and not body.rstrip().endswith(r"\|"):
                cells = cells[:-1]
            if len(cells) != ncols:
                raise BadInput(f"{path}:{start + 1}: the row has {len(cells)} cells, the header {ncols}")
        no = cells[0].strip()
        if not no.isdigit() or not no.isascii():
            raise BadInput(f"{path}:{start + 1}: 序号 {no!r} is not a number (a row is `序号 | ID.TITLE | PROGRESS |`)")
        task_cell = _BREAK.sub("\n", cells[1].replace(r"\|", "|")).strip()
        rows.append(TableRow(start + 1, int(no), task_cell, _unescape(cells[2])))
        i += 1
    if not rows:
        raise BadInput(f"{path}:{head + 1}: the progress table has no rows")
    return ProgressTable(head + 1, tuple(headers), tuple(rows))


def header_month(headers: tuple[str, ...]) -> int | None:
    """The month of the year the progress column's header names (8月份, August), if it names one."""
    text = headers[2] if len(headers) > 2 else ""
    found = _HEAD_MONTH_ZH.search(text)
    if found and 1 <= int(found[1]) <= 12:
        return int(found[1])
    lower = text.lower()
    named = [n for n, name in enumerate(_MONTHS_EN, 1) if re.search(rf"\b{name}\b", lower)]
    return named[0] if len(named) == 1 else None


def split_task_cell(cell: str, known_ids) -> tuple[str, str] | None:
    """ID.TITLE → (id, title): a declared dotted id (3.2) first, else the number before the first dot."""
    flat = _one_line(cell)
    for tid in sorted((t for t in known_ids if "." in t), key=len, reverse=True):
        if flat.startswith(tid + "."):
            return tid, flat[len(tid) + 1:].strip()
    found = _ID_CELL.match(flat)
    if not found or not found[2].strip():
        return None
    return found[1], found[2].strip()


def _one_line(text: str) -> str:
    # A title broken over lines: no space where Chinese meets Chinese, one where words meet.
    def join(m):
        a, b = m.string[m.start() - 1:m.start()], m.string[m.end():m.end() + 1]
        return " " if a.isascii() and b.isascii() and a.isalnum() and b.isalnum() else ""

    return re.sub(r"\s*\n\s*", join, text.strip())


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
    from tracker.tables import NO_REPORT

    return {label(lang, NO_REPORT) for lang in ("en", "zh")}


def new_task_toml(task_id: str, title: str, unit: str, p: int, plan_year: int | None) -> str:
    """A [[task]] table (with its [[task.metric]] tables) for a task the table adds, written by tomli-w."""
    import tomli_w

    from tracker.figures import targets_from_title

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


def plan_text(old: str | None, added: list[str], source: str, p: int) -> str:
    """tasks.toml with the new tasks appended (a new file with [plan] year when there was none)."""
    newline = "\r\n" if old and "\r\n" in old else "\n"
    text = old if old is not None else f"[plan]\nyear = {months.year_of(p)}\n"
    if not added:
        return text
    block = f"# Added by `tracker import {os.path.basename(source)} --month {months.fmt(p)}`\n\n" + "\n".join(added)
    if newline != "\n":
        block = block.replace("\n", newline)
    return text.rstrip("\r\n") + newline * 2 + block


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
    from tracker import entries as make
    from tracker.figures import value_for
    from tracker.store import Entry

    empty = placeholders()
    out = []
    for read in reads:
        task: Task = plan.task(read.task_id)
        note = make.note(read.row.progress)
        read.note = None if note in empty else note
        values = {}
        for metric in task.metrics:
            if metric.mode != "cumulative":
                # The reader prefers running totals; an increment metric wants the month's amount.
                read.figures.append((metric, None, "increment metric: not read"))
                continue
            value = value_for(read.note, metric.name, metric.unit) if read.note else None
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


def import_table(project, file: str, month_text: str | None, unit: str | None) -> None:
    from tracker import store, textfile
    from tracker import plan as planfile
    from tracker.context import today
    from tracker.output import say

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
        old_text = textfile.decode(old_bytes, path) if old_bytes is not None else None
        year = plan.year if plan else months.year_of(p)
        added = [new_task_toml(tid, title, unit, p, year) for tid, title in adding]
        new_text = plan_text(old_text, added, file, p)
        if added:
            try:
                plan = planfile.parse(new_text, path)
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

    if entries or new_text != old_text:
        _write(project, path, old_bytes, new_text if new_text != old_text else None, entries)
    for read in reads:
        say(_describe(read))
    parts = [f"{len(entries)} {'entry' if len(entries) == 1 else 'entries'} recorded for {months.fmt(p)}"]
    if adding:
        parts.append(f"{len(adding)} {'task' if len(adding) == 1 else 'tasks'} added to {path} (unit {unit})")
    unchanged = sum(1 for r in reads if not r.new and (r.note or any(v is not None for _, v, _ in r.figures)))
    if unchanged:
        parts.append(f"{unchanged} already in the log")
    say(f"{file}: {len(reads)} rows; " + "; ".join(parts))


def _write(project, path: str, old_bytes: bytes | None, new_text: str | None, entries: list) -> None:
    """tasks.toml, then the entries in one transaction; if the entries fail, tasks.toml is put back."""
    from tracker import entries as make
    from tracker import store
    from tracker.files import atomic_write

    conn = project.write() if entries else None
    try:
        if new_text is not None:
            atomic_write(path, new_text.encode("utf-8"))
        try:
            if entries:
                store.append(conn, entries, stamp=make.now_stamp)
        except BaseException:
            if new_text is not None:
                if old_bytes is None:
                    os.unlink(path)
                else:
                    atomic_write(path, old_bytes)
            raise
    finally:
        if conn is not None:
            conn.close()


def _describe(read: Read) -> str:
    """What was read for one row: the task, then each metric's figure on a line of its own."""
    head = f"  {read.task_id} {_short(read.title, 24)}"
    if read.added:
        head += " [added]"
    seen = " (already in the log)" if not read.new and read.note is not None else ""
    if not read.figures:
        return f"{head}: {'note, no metric' if read.note else 'no progress text'}{seen}"
    lines = [f"{head}{': no progress text' if read.note is None else ''}{seen}"]
    for metric, value, why in read.figures:
        shown = f"{_fig(value)}/{_fig(metric.target)}{metric.unit}" if value is not None else why
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
    from tracker.commands.log_cmds import _reporter as reporter

    return reporter()
