"""`tracker import` of a progress table: new tasks into tasks.toml, notes and figures into the log.

exchange/table.py works out what to add and record; here it is written (tasks.toml
appended to, so people's comments stay, then the entries in one transaction; if
that fails, tasks.toml is put back) and what was read is said, row by row.
"""

from __future__ import annotations

import os

from tracker.core import months
from tracker.errors import BadInput
from tracker.exchange.progress_table import header_month, parse_table
from tracker.exchange.table import Read, _short, make_entries, new_task_toml, plan_bytes, read_rows
from tracker.labels import label


def import_table(project, file: str, month_text: str | None, unit: str | None, lang: str = "en") -> None:
    from tracker import store, textfile
    from tracker import plan as planfile
    from tracker.cli.output import say
    from tracker.cli.project import reporter, today

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
        entries = make_entries(reads, plan, p, store.load_logs(conn, upto=p), reporter())
        present = store.present_ids(conn, [e.id for e in entries])
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
            atomic_write(os.path.realpath(path), new_bytes)  # a linked tasks.toml stays linked
        try:
            if entries:
                store.append(conn, entries, stamp=make.now_stamp)
        except BaseException:
            if new_bytes is not None:
                if old_bytes is None:
                    os.unlink(path)
                else:
                    atomic_write(os.path.realpath(path), old_bytes)
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
