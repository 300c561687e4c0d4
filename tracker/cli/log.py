"""Commands that write or read the log itself: log, history, export, import, backup."""

import os
from typing import Annotated, List, Optional

import typer

from tracker.cli.project import named
from tracker.cli.root import FormatOpt, LangOpt, MonthOpt, TableFormat, app
from tracker.errors import BadInput


def _task(plan, task_id: str):
    task = plan.task_as_typed(task_id)
    if task is None:
        from tracker.core.entries import quoted

        raise BadInput("unknown task {task} (`tracker tasks` lists the declared ones)", task=quoted(task_id))
    return task


YesOpt = Annotated[bool, typer.Option("--yes", "-y", help="Record without asking when a figure looks like a slip.")]


@app.command()
def log(
    ctx: typer.Context,
    task_id: Annotated[str, typer.Argument(metavar="ID", help="The task's number, as in tasks.toml.")],
    month: MonthOpt = None,
    set_: Annotated[Optional[List[str]], typer.Option("--set", "-s", metavar="KEY=VALUE", help="A metric's figure; repeat for each metric.", show_default=False)] = None,
    percent: Annotated[Optional[str], typer.Option("--percent", metavar="PERCENT", help="0–100 (85 or 85%), for a task without metrics.", show_default=False)] = None,
    status: Annotated[Optional[str], typer.Option("--status", metavar="STATUS", help="ongoing, done or blocked (or 推进中, 已完成, 受阻).", show_default=False)] = None,
    note: Annotated[Optional[str], typer.Option("--note", "-n", metavar="TEXT", help="The progress narrative.", show_default=False)] = None,
    note_file: Annotated[Optional[str], typer.Option("--note-file", metavar="FILE", help="Read the narrative from a file (- for stdin).", show_default=False)] = None,
    problems: Annotated[Optional[str], typer.Option("--problems", metavar="TEXT", help="存在问题: what stands in the way.", show_default=False)] = None,
    next_steps: Annotated[Optional[str], typer.Option("--next", metavar="TEXT", help="下步计划: what comes next.", show_default=False)] = None,
    by: Annotated[Optional[str], typer.Option("--by", metavar="NAME", help="Who reports (default: TRACKER_BY, else your login name).", show_default=False, callback=named)] = None,
    yes: YesOpt = False,
    lang: LangOpt = None,
):
    """Append one report to the log and print what was recorded.

    Figures are as of the month: the running total (截至目前) for a cumulative metric,
    that month's amount for an increment metric. A correction is just a later entry.
    What cannot be right is refused; a figure that looks like a slip (above its target,
    below last month's) is named, and on a terminal you are asked before it is recorded.

    \b
    Example:
      tracker log 195 --month 2024-08 \\
        --set centres=15 --set stations=117 \\
        --note "截至目前,全市新建…"
    """
    from tracker.core import entries as make
    from tracker.labels import lang_of
    from tracker.cli.output import say

    project = ctx.obj
    lg = lang_of(lang and lang.value)
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
            raise BadInput("--set {item}: write it as KEY=VALUE, e.g. --set centres=15", item=make.quoted(item))
        if key.strip() in values:
            raise BadInput("--set {key} is given twice", key=key.strip())
        values[key.strip()] = raw
    values = make.check_values(task, values)
    corrects = False
    if conn is not None:
        from tracker import store

        corrects = (before := store.load_logs(conn, upto=p, tasks=[task.id]).get(task.id)) is not None \
            and before.has_entry(p)
        conn.close()
    written = record(project, task, p, values, make.percent(percent, "--percent"), make.status(status),
                     make.note(note), by, lg, yes, problems=make.note(problems, "problems"),
                     next_steps=make.note(next_steps, "next_steps"))
    say(recorded_text(task, written, lg))
    if corrects:  # a correction, or a report given the wrong month: said, as an import says it
        import sys
        from tracker.core import months
        from tracker.labels import label

        print(label(lg, "note: this corrects task {task}'s report already recorded for {month} (`tracker history "
                        "{task}` shows both)").format(task=task.id, month=months.fmt(p)), file=sys.stderr)


# `log` and `fill` share these: one way to pick a report's month, append it, and say what was recorded.

def reportable_month(project, month: str | None) -> int:
    """The month a report is for: the option, else this month; never a month still to come."""
    return project.month(month, future="month {month} is still in the future; report it when it comes")


def new_entry(task, p: int, values: dict, pct, status, note, by: str | None, voids: str | None = None,
              problems=None, next_steps=None):
    from tracker import store
    from tracker.cli.project import reporter
    from tracker.core import entries as make

    return store.Entry(make.new_id(), task.id, p, "", by or reporter(), values, pct, status, note, problems,
                       next_steps, voids)


def record(project, task, p: int, values: dict, pct, status, note, by: str | None, lang: str = "en",
           yes: bool = False, entry=None, slips=None, problems=None, next_steps=None):
    """Check one report (core/checks.py), ask about its slips where it can, append it and return it as recorded.

    `entry` and `slips`: an entry already made and checked (fill shows it back first)."""
    from tracker import store
    from tracker.core import entries as make
    from tracker.cli.confirm import confirm_slips

    if entry is None:
        entry = new_entry(task, p, values, pct, status, note, by, problems=problems, next_steps=next_steps)
        slips = check_one(project, entry)
        confirm_slips(slips, lang, yes)
    conn = project.write()
    try:
        written = store.append(conn, [entry], stamp=make.now_stamp).last
    finally:
        conn.close()
    return written


def check_one(project, entry) -> list:
    """checks.check on one entry against the log as it stands: raises a refusal, returns the slips."""
    from tracker.cli.confirm import checked

    conn = project.read()
    try:
        return checked(conn, project.plan(conn), [entry])
    finally:
        if conn is not None:
            conn.close()


def recorded_text(task, written, lg: str) -> str:
    from tracker.core import months
    from tracker.labels import label
    from tracker.render.terminal import local_time

    return label(lg, "recorded {task} {month}: {what} (by {by}, {at}, id {id})").format(
        task=task.id, month=months.fmt(written.month), what=entry_parts(task, written, lg), by=written.by or "—",
        at=local_time(written.recorded_at), id=written.id[:8])


def entry_parts(task, written, lg: str, whole_note: bool = False) -> str:
    """What an entry sets, short: each figure against its target, percent, status, the note's beginning."""
    from tracker.labels import label
    from tracker.render.terminal import fig, fig_of

    metric = task.metric

    def figure(k, v) -> str:
        m = metric(k)
        if m is None:
            return f"{k}={fig(v)}"
        if m.mode == "increment":  # the month's amount: "0.5/3.5万人" would read as the total so far
            return f"{k}=" + label(lg, "{value} this month (target {target})").format(
                value=f"{fig(v)}{m.unit}", target=f"{fig(m.target)}{m.unit}")
        return f"{k}={fig_of(v, m.target)}{m.unit}"

    parts = [figure(k, v) for k, v in written.values.items()]
    if written.percent is not None:
        parts.append(f"{fig(written.percent)}%")
    if written.status:
        parts.append(label(lg, written.status))
    for head, text in ((None, written.note), ("Problems", written.problems), ("Next steps", written.next_steps)):
        if text:
            short = text if whole_note or len(text) <= 40 else text[:39] + "…"
            parts.append(f"{label(lg, head) + ('：' if lg == 'zh' else ': ') if head else ''}«{short}»")
    return " ".join(parts)


@app.command()
def void(
    ctx: typer.Context,
    entry_id: Annotated[str, typer.Argument(metavar="ENTRY_ID", help="The entry's id, or its first 8 characters as history shows them.")],
    reason: Annotated[str, typer.Option("--reason", metavar="TEXT", help="Why it no longer counts (kept as the void entry's note).")],
    by: Annotated[Optional[str], typer.Option("--by", metavar="NAME", help="Who voids it (default: TRACKER_BY, else your login name).", show_default=False, callback=named)] = None,
    lang: LangOpt = None,
):
    """Take an entry out of the count (作废): a void entry is appended; the entry stays in history, marked voided.

    For a report in the wrong month or of the wrong task. A correction of the same month is just a new `log`.

    \b
    Example:
      tracker void 3f2a9c1e --reason "填错月份，应为8月"
    """
    from tracker import store
    from tracker.core import entries as make
    from tracker.labels import lang_of
    from tracker.cli.output import say

    project = ctx.obj
    lg = lang_of(lang and lang.value)
    wanted = entry_id.strip()
    conn = project.read()
    try:
        found = store.entries_by_id(conn, wanted) if len(wanted) >= 4 else []
        plan = project.plan(conn)
    finally:
        if conn is not None:
            conn.close()
    if not found:
        raise BadInput("no entry {id} in the log (`tracker history ID` lists a task's entries and their ids)",
                       id=make.quoted(wanted))
    if len(found) > 1:
        raise BadInput("{id} is the beginning of {n} entries' ids; give more of it", id=wanted, n=len(found))
    target = found[0]
    task = _task(plan, target.task)
    entry = new_entry(task, target.month, {}, None, None, make.note(reason), by, voids=target.id)
    written = record(project, task, target.month, {}, None, None, None, by, lg, entry=entry,
                     slips=check_one(project, entry))
    say(voided_text(task, target, written, lg))


def voided_text(task, target, written, lg: str) -> str:
    from tracker.core import months
    from tracker.labels import label

    what = entry_parts(task, target, lg)
    return label(lg, "voided {id} of task {task} {month} ({what}): it no longer counts; void {void}").format(
        id=target.id[:8], task=task.id, month=months.fmt(target.month), what=what, void=written.id[:8])


@app.command()
def history(
    ctx: typer.Context,
    task_id: Annotated[str, typer.Argument(metavar="ID", help="The task's number.")],
    fmt: FormatOpt = TableFormat.table,
    lang: LangOpt = None,
):
    """Every entry of one task, oldest first, corrections included.

    \b
    Example:
      tracker history 195 --format json
    """
    from tracker import store

    project = ctx.obj
    conn = project.read()
    plan = project.plan(conn)
    found = store.entries_of_task(conn, task_id)
    task = plan.task(task_id)
    if task is None and not found:
        task = _task(plan, task_id)  # `05` for task 5
        task_id = task.id
        found = store.entries_of_task(conn, task_id)
    if fmt == TableFormat.json:
        from tracker.cli.output import print_json
        from tracker.core.rows import history_json

        print_json(history_json(task_id, found))
        return
    from tracker.labels import label, lang_of
    from tracker.cli.output import console, say
    from tracker.render.terminal import history_table

    lg = lang_of(lang and lang.value)
    if not found:  # a line, not an empty table
        from tracker.textfile import visible

        say(visible(f"{task_id}. {task.title if task else '(not in tasks.toml)'}") + f"\n{label(lg, 'no entries')}")
        return
    out = console()
    out.print(history_table(task_id, task.title if task else "(not in tasks.toml)", found, lg, out.width), crop=False)


@app.command()
def export(
    ctx: typer.Context,
    output: Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE", help="Write to this file instead of stdout.", show_default=False)] = None,
    lang: LangOpt = None,  # the entries carry no labels to translate; the line -o says is in this language
):
    """Every entry ever recorded, as JSON Lines (full history, re-importable with `tracker import`).

    \b
    Example:
      tracker export -o log-2024.jsonl
    """
    import sys

    from tracker import store
    from tracker.cli.output import file_or_stdout, say
    from tracker.exchange.jsonl import export_lines

    output = file_or_stdout(output)
    if output is not None:
        from tracker.files import check_target

        check_target(output, ctx.obj.own_files())
    entries = store.entries_voided_by(ctx.obj.read(upgrade=False))  # with no log there, says so (a mistyped --db)
    if output is None:
        sys.stdout.flush()
        for chunk in export_lines(entries):
            sys.stdout.buffer.write(chunk)
        sys.stdout.buffer.flush()
        return
    from tracker.files import atomic_write
    from tracker.labels import label, lang_of

    n = 0  # the entries as they went by, counted for the line that says what was written

    def counted(entries):
        nonlocal n
        for n, e in enumerate(entries, 1):
            yield e

    atomic_write(output, export_lines(counted(entries)), ctx.obj.own_files())
    say(label(lang_of(lang and lang.value), "wrote {file} ({n} entry)" if n == 1 else "wrote {file} ({n} entries)")
        .format(file=output, n=n))


@app.command(name="import")
def import_(
    ctx: typer.Context,
    files: Annotated[List[str], typer.Argument(metavar="FILE...", help="Progress tables (.md, .txt, .csv, .docx, .xlsx), returned forms (.xlsx) or entries (.jsonl).")],
    month: Annotated[Optional[str], typer.Option("--month", "-m", metavar="MONTH", help="The month a progress table reports: 2024-08, 2024年8月 or 8月 (required for a table; a form and a .jsonl carry their own).", show_default=False)] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", metavar="UNIT", help="Lead unit for tasks a table adds to tasks.toml (when it has no 牵头单位 column).", show_default=False)] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Say what would be recorded, and the checks' warnings; write nothing.")] = False,
    lang: LangOpt = None,
):
    """Import progress tables, returned forms or exported entries: all the files or nothing, never twice.

    Prints what it read, task by task: each figure with the words it was read from, and the figures left unset.

    \b
    Example:
      tracker import 民政局-8月.docx 卫健委-8月.xlsx \\
        --month 2024-08 --dry-run
    """
    from tracker.labels import lang_of

    lg = lang_of(lang and lang.value)
    jsonl = [f for f in files if os.path.splitext(f)[1].lower() == ".jsonl"]
    if jsonl:
        if len(files) > 1:
            raise BadInput("import a .jsonl file of entries on its own, not with other files")
        if month or unit:
            raise BadInput("--month and --unit apply to progress tables, not to .jsonl entries")
        from tracker.cli.jsonl_import import import_jsonl

        import_jsonl(ctx.obj, files[0], lg, dry_run)
        return
    from tracker.cli.imports import import_files

    import_files(ctx.obj, files, month, unit, dry_run, lg)


@app.command()
def backup(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(metavar="FILE", help="Where to write the copy (must not exist yet).")],
    lang: LangOpt = None,
):
    """A consistent copy of the database, safe while others write (SQLite's online backup).

    To restore, with no tracker running: move data/tracker.db and its -wal and -shm files aside (SQLite
    would apply a stale -wal to the copy), copy FILE to data/tracker.db, run tracker validate.

    \b
    Example:
      tracker backup backups/tracker-2024-08.db
    """
    from tracker.store import check as storecheck
    from tracker.cli.output import say

    from tracker.labels import label, lang_of

    count = storecheck.backup(ctx.obj.db_path, file, ctx.obj.own_files())
    say(label(lang_of(lang and lang.value), "backed up {n} entries to {file}").format(n=count, file=file))
