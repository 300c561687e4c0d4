"""Commands that write or read the log itself: log, history, export, import, backup."""

from __future__ import annotations

import os
from typing import Annotated, List, Optional

import typer

from tracker.cli.root import FormatOpt, LangOpt, MonthOpt, TableFormat, app
from tracker.errors import BadInput


def _task(plan, task_id: str):
    task = plan.task(task_id)
    if task is None:
        raise BadInput(f"unknown task {task_id!r} (`tracker tasks` lists the declared ones)")
    return task


@app.command()
def log(
    ctx: typer.Context,
    task_id: Annotated[str, typer.Argument(metavar="ID", help="The task's number, as in tasks.toml.")],
    month: MonthOpt = None,
    set_: Annotated[Optional[List[str]], typer.Option("--set", "-s", metavar="KEY=VALUE", help="A metric's figure; repeat for each metric.", show_default=False)] = None,
    percent: Annotated[Optional[str], typer.Option("--percent", help="0–100, for a task without metrics.", show_default=False)] = None,
    status: Annotated[Optional[str], typer.Option("--status", help="ongoing, done or blocked.", show_default=False)] = None,
    note: Annotated[Optional[str], typer.Option("--note", "-n", help="The progress narrative.", show_default=False)] = None,
    note_file: Annotated[Optional[str], typer.Option("--note-file", help="Read the narrative from a file (- for stdin).", show_default=False)] = None,
    problems: Annotated[Optional[str], typer.Option("--problems", help="存在问题: what stands in the way.", show_default=False)] = None,
    next_steps: Annotated[Optional[str], typer.Option("--next", help="下步计划: what comes next.", show_default=False)] = None,
    by: Annotated[Optional[str], typer.Option("--by", help="Who reports (default: TRACKER_BY, else your login name).", show_default=False)] = None,
    lang: LangOpt = None,
):
    """Append one report to the log and print what was recorded.

    Figures are as of the month: for a cumulative metric the running total (截至目前),
    for an increment metric that month's amount. A correction is just a later entry.
    Example: tracker log 195 --month 2024-08 --set centres=15 --set stations=117 --note "截至目前,全市新建…"
    """
    from tracker.core import entries as make
    from tracker.labels import lang_of
    from tracker.cli.output import say

    project = ctx.obj
    p = reportable_month(project, month)
    if note is not None and note_file is not None:
        raise BadInput("give --note or --note-file, not both")
    if note_file is not None:
        from tracker import textfile

        note = textfile.read(note_file, "note file")
    conn = project.read()
    task = _task(project.plan(conn), task_id)
    values: dict = {}
    for item in set_ or []:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip():
            raise BadInput(f"--set {item!r}: write it as KEY=VALUE, e.g. --set centres=15")
        if key.strip() in values:
            raise BadInput(f"--set {key.strip()} is given twice")
        values[key.strip()] = raw
    values = make.check_values(task, values)
    pct = make.percent(percent, "--percent")
    if pct is not None and task.metrics:
        raise BadInput(f"task {task.id} is measured by its metrics; give --set instead of --percent")
    if conn is not None:
        conn.close()
    written = record(project, task, p, values, pct, make.status(status), make.note(note), by,
                     make.note(problems, "problems"), make.note(next_steps, "next_steps"))
    say(recorded_text(task, written, lang_of(lang and lang.value)))


# `log` and `fill` share these: one way to pick a report's month, append it, and say what was recorded.

def reportable_month(project, month: str | None) -> int:
    """The month a report is for: the option, else this month; never a month still to come."""
    from tracker.core import months
    from tracker.cli.project import today

    p = project.month(month)
    if p > months.of(today()):
        raise BadInput(f"month {months.fmt(p)} is still in the future; report it when it comes")
    return p


def record(project, task, p: int, values: dict, pct, status, note, by: str | None, problems=None, next_steps=None):
    """Append one report of checked parts (entries.py) and return it as recorded."""
    from tracker import store
    from tracker.cli.project import reporter
    from tracker.core import entries as make

    entry = store.Entry(make.new_id(), task.id, p, "", by or reporter(), values, pct, status, note, problems, next_steps)
    if not (entry.values or entry.percent is not None or entry.status or entry.note or problems or next_steps):
        raise BadInput("nothing to record: give --set, --percent, --status or --note")
    conn = project.write()
    try:
        written = store.append(conn, [entry], stamp=make.now_stamp).last
    finally:
        conn.close()
    return written


def recorded_text(task, written, lg: str) -> str:
    from tracker.core import months
    from tracker.labels import label
    from tracker.render.terminal import fig

    parts = [f"{k}={fig(v)}/{fig(task.metric(k).target)}{task.metric(k).unit}" for k, v in written.values.items()]
    if written.percent is not None:
        parts.append(f"{fig(written.percent)}%")
    if written.status:
        parts.append(label(lg, written.status))
    if written.note:
        short = written.note if len(written.note) <= 40 else written.note[:39] + "…"
        parts.append(f"«{short}»")
    return (f"{label(lg, 'recorded')} {task.id} {months.fmt(written.month)}: {' '.join(parts)} "
            f"(by {written.by or '—'}, {written.recorded_at[:19].replace('T', ' ')} UTC, id {written.id[:8]})")


@app.command()
def history(
    ctx: typer.Context,
    task_id: Annotated[str, typer.Argument(metavar="ID", help="The task's number.")],
    fmt: FormatOpt = TableFormat.table,
    lang: LangOpt = None,
):
    """Every entry of one task, oldest first, corrections included.

    Example: tracker history 195 --format json
    """
    from tracker import store

    project = ctx.obj
    conn = project.read()
    plan = project.plan(conn)
    found = store.entries_of_task(conn, task_id)
    task = plan.task(task_id)
    if task is None and not found:
        _task(plan, task_id)
    if fmt == TableFormat.json:
        from tracker.cli.output import print_json
        from tracker.core.rows import history_json

        print_json(history_json(task_id, found))
        return
    from tracker.labels import lang_of
    from tracker.cli.output import show
    from tracker.render.terminal import history_table

    show(history_table(task_id, task.title if task else "(not in tasks.toml)", found, lang_of(lang and lang.value)))


@app.command()
def export(
    ctx: typer.Context,
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Write to this file instead of stdout.", show_default=False)] = None,
    lang: LangOpt = None,  # accepted like everywhere; the entries carry no labels to translate
):
    """Every entry ever recorded, as JSON Lines (full history, re-importable with `tracker import`).

    Example: tracker export -o log-2024.jsonl
    """
    import sys

    from tracker import store
    from tracker.exchange.jsonl import export_lines

    if output is not None:
        from tracker.files import check_target

        check_target(output, ctx.obj.own_files())
    chunks = export_lines(store.iter_entries(store.open_read(ctx.obj.db_path, upgrade=False)))
    if output is None:
        sys.stdout.flush()
        for chunk in chunks:
            sys.stdout.buffer.write(chunk)
        sys.stdout.buffer.flush()
        return
    from tracker.files import atomic_write

    atomic_write(output, chunks, ctx.obj.own_files())


@app.command(name="import")
def import_(
    ctx: typer.Context,
    files: Annotated[List[str], typer.Argument(metavar="FILE...", help="Progress tables (.md, .txt, .csv, .docx, .xlsx), returned forms (.xlsx) or entries (.jsonl).")],
    month: MonthOpt = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Lead unit for tasks a table adds to tasks.toml (when it has no 牵头单位 column).", show_default=False)] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would be recorded; write nothing.")] = False,
    lang: LangOpt = None,
):
    """Import progress tables, returned forms or exported entries: all the files or nothing, never twice.

    Prints what it read, task by task: each figure with the words it was read from, and the figures left unset.
    Example: tracker import 民政局-8月.docx 卫健委-8月.xlsx --month 2024-08 --dry-run
    """
    from tracker.labels import lang_of

    lg = lang_of(lang and lang.value)
    jsonl = [f for f in files if os.path.splitext(f)[1].lower() == ".jsonl"]
    if jsonl:
        if len(files) > 1:
            raise BadInput("import a .jsonl file of entries on its own, not with other files")
        if month or unit:
            raise BadInput("--month and --unit apply to progress tables, not to .jsonl entries")
        if dry_run:
            raise BadInput("--dry-run applies to progress tables and forms; `tracker validate` checks entries")
        _import_jsonl(ctx.obj, files[0], lg)
        return
    from tracker.cli.imports import import_files

    import_files(ctx.obj, files, month, unit, dry_run, lg)


def _import_jsonl(project, file: str, lang: str):
    from tracker import store, textfile
    from tracker.exchange import jsonl
    from tracker.cli.output import busy

    textfile.opened(file, "file to import").close()  # a file that cannot be read: said before anything is made

    def write(conn):
        # the plan read through this database's cache (and cached in it: a new one's next command starts fast)
        return store.append(conn, jsonl.FileEntries(file, project.plan(conn)))

    # ~300 bytes a line: a spinner for a file of 20,000 lines or so
    with busy(f"importing {os.path.basename(file)} into {project.db_path}", os.path.getsize(file) // 300):
        done = None if os.path.exists(project.db_path) else store.make_new(project.db_path, write)
        if done is None:
            conn = project.write()
            try:
                done = write(conn)
            finally:
                conn.close()
    _say_imported(lang, file, done.written, done.skipped)


def _say_imported(lang: str, file: str, n: int, skipped: int) -> None:
    from tracker.labels import label
    from tracker.cli.output import say

    say(label(lang, "imported {n} entries from {file} ({m} already in the log)").format(n=n, file=file, m=skipped))


@app.command()
def backup(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(metavar="FILE", help="Where to write the copy (must not exist yet).")],
    lang: LangOpt = None,
):
    """A consistent copy of the database, safe while others write (SQLite's online backup).

    Restore by copying FILE over data/tracker.db while no one writes.
    Example: tracker backup backups/tracker-2024-08.db
    """
    from tracker.store import check as storecheck
    from tracker.cli.output import say

    from tracker.labels import label, lang_of

    count = storecheck.backup(ctx.obj.db_path, file, ctx.obj.own_files())
    say(label(lang_of(lang and lang.value), "backed up {n} entries to {file}").format(n=count, file=file))
