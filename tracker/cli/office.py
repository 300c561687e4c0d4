"""The office's month: check (the CI gate and the chase list), units (the ranking), fill (a clerk's entry)."""

from enum import Enum
from typing import Annotated, Optional

import typer

from tracker.cli.project import named
from tracker.cli.root import FormatOpt, LangOpt, MonthOpt, TableFormat, app
from tracker.errors import BadInput


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


@app.command()
def check(
    ctx: typer.Context,
    month: MonthOpt = None,
    fail_on: Annotated[Optional[str], typer.Option("--fail-on", metavar="FLAG,...", help="Fail on any of overdue,blocked,stalled,behind,missing (default: overdue,stalled).", show_default=False)] = None,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="text (people), json (scripts) or github (annotations in GitHub Actions).")] = CheckFormat.text,
    lang: LangOpt = None,
):
    """For CI: the tasks with any flag in --fail-on, grouped by lead unit with the figures behind each flag.

    Exit 0 when none is flagged (one summary line), 1 when any is, 2 when the plan or the log is invalid.
    Regressed figures and repeated notes are shown as notes; they do not fail the check.

    \b
    Example:
      tracker check --fail-on overdue,stalled,missing \\
        --format github
    """
    from tracker.core import review as office
    from tracker.cli.status import standings_with_logs
    from tracker.cli.project import today
    from tracker.labels import lang_of

    project = ctx.obj
    flags = office.parse_fail_on(fail_on)
    p = project.month(month)
    if fmt == CheckFormat.json:  # the failing tasks, not the figures behind each flag: no notes, no history
        from tracker.core.evaluate import verdicts
        from tracker.cli.output import print_json
        from tracker.cli.project import keep
        from tracker.cli.status import recent_logs

        plan, logs = recent_logs(project, p, notes=False)
        _warn_if_empty(plan, project)
        judged = verdicts(plan.tasks, logs, p)
        keep(judged)
        failing = office.failing_tasks(judged, flags)
        print_json(office.check_document(p, flags, failing))
        if failing:
            raise typer.Exit(1)
        return
    plan, logs, rows = standings_with_logs(project, p, history_for="stalled")  # stalled since when
    _warn_if_empty(plan, project)
    result = office.check(rows, logs, p, flags, today())
    lg = lang_of(lang and lang.value)
    if fmt == CheckFormat.github:
        import sys

        from tracker.render.review import check_github

        sys.stdout.writelines(line + "\n" for line in check_github(result, lg))
    else:
        from tracker.cli.output import console
        from tracker.render.review import check_lines

        from tracker.render.safe import Text

        out = console()
        # one print of all the lines: a province's 100,000 lines, printed one by one, took 15 s
        out.print(Text("\n").join(check_lines(result, lg, out.width)), soft_wrap=True)
    if not result.ok:
        raise typer.Exit(1)


def _warn_if_empty(plan, project) -> None:
    """A plan of no task checks nothing: said on stderr, so that a CI job reading a truncated or emptied tasks.toml
    does not pass unnoticed (the exit code stays the check's own: nothing is flagged)."""
    import sys

    from tracker.cli.project import run_lang

    if not plan.tasks:
        print(BadInput("warning: {path} declares no task: nothing was checked", path=project.tasks_path).message(run_lang()),
              file=sys.stderr)


@app.command()
def units(ctx: typer.Context, month: MonthOpt = None, fmt: FormatOpt = TableFormat.table, lang: LangOpt = None):
    """One row per lead unit: its tasks by status, missing reports and mean completion, ranked best first (排名).

    Completion is the mean over the unit's started tasks; units with none started come last.

    \b
    Example:
      tracker units --month 2024-08 --lang zh
    """
    from tracker.core import review as office
    from tracker.cli.status import standings

    project = ctx.obj
    p = project.month(month)
    plan, rows = standings(project, p)
    ranked = office.units(rows)
    reminded = project.reminded(p)
    if fmt == TableFormat.json:
        from tracker.cli.output import print_json

        print_json(office.units_json(ranked, p, reminded))
        return
    from tracker.labels import lang_of
    from tracker.cli.output import console
    from tracker.render.review import units_table

    out = console()
    table = units_table(ranked, p, lang_of(lang and lang.value), plan.title, out.width, reminded)
    out.print(table, crop=False)  # the table cuts its own lines




@app.command()
def fill(
    ctx: typer.Context,
    unit: Annotated[Optional[str], typer.Option("--unit", metavar="UNIT", help="Only this lead unit's tasks.", show_default=False)] = None,
    month: MonthOpt = None,
    by: Annotated[Optional[str], typer.Option("--by", metavar="NAME", help="Who reports (default: TRACKER_BY, else your login name).", show_default=False, callback=named)] = None,
    lang: LangOpt = None,
):
    """Enter the month's missing reports at the terminal, task after task; each is recorded as soon as it is complete.

    Shows each task, its targets and last report, then asks for each figure (or percent and
    status) and the note; Enter on the first question skips the task, a wrong answer is asked
    again. Needs a terminal: from a script, use `tracker log`.

    \b
    Example:
      tracker fill --unit 市民政局 --month 2024-08
    """
    import sys

    if not sys.stdin.isatty():
        raise BadInput("tracker fill asks questions and needs a terminal on stdin; from a script, use `tracker log`")
    from tracker.render.safe import Text

    from tracker.core import months
    from tracker.cli.log import check_one, entry_parts, new_entry, record, recorded_text, reportable_month
    from tracker.cli.status import standings_with_logs
    from tracker.cli.fill import Session, card
    from tracker.labels import label, lang_of
    from tracker.core.model import TaskLog
    from tracker.cli.output import console

    project = ctx.obj
    p = reportable_month(project, month)
    plan, logs, rows = standings_with_logs(project, p, full=True)  # the cards show last month's report
    from tracker.core.rows import check_filters

    check_filters(plan, unit)
    todo = [s for s in rows if "missing" in s.flags and (unit is None or s.task.unit == unit)]
    lg = lang_of(lang and lang.value)
    out = console()
    where = f"{unit} · " if unit else ""
    if not todo:
        out.print(label(lg, "nothing to fill: every started task has a report for {month}").format(month=f"{where}{months.fmt(p)}"))
        return
    out.print(Text(f"{where}{label(lg, 'missing reports for {month}: {n}').format(n=len(todo), month=months.fmt(p))}", style="bold"))
    out.print(Text(label(lg, "Enter on a task's first question skips it, on the others leaves the answer empty; "
                           "Ctrl-C stops, and what was recorded stays."), style="dim"))

    def prepare(task, values, pct, status, note):
        from tracker.cli.confirm import slip_line

        entry = new_entry(task, p, values, pct, status, note, by)
        slips = check_one(project, entry)
        summary = f"{task.id} {months.fmt(p)}: {entry_parts(task, entry, lg, whole_note=True) or '—'}"
        return entry, slips, summary, [slip_line(s, lg) for s in slips]

    written = []  # the ids of the entries handed to the log

    def write(task, entry, slips):
        written.append(entry.id)
        return recorded_text(task, record(project, task, p, {}, None, None, None, by, lg, entry=entry, slips=slips), lg)

    session = Session(_asker(), out.print, prepare, write, lg)
    recorded = skipped = 0
    try:
        for n, s in enumerate(todo, 1):
            out.print()
            out.print(card(s, logs.get(s.task.id) or TaskLog(), lg, n, len(todo)))
            if session.task(s):
                recorded += 1
            else:
                skipped += 1
    except (KeyboardInterrupt, EOFError) as e:
        out.print()
        # what the log holds, not what was counted: a Ctrl-C the moment a write commits stops the count short
        out.print(label(lg, "stopped: recorded {n}; run tracker fill again for the rest").format(
            n=_recorded(project, written)))
        if isinstance(e, KeyboardInterrupt):
            raise typer.Exit(130)
        return
    out.print()
    out.print(label(lg, "recorded {n}, skipped {m}").format(n=recorded, m=skipped))


def _recorded(project, ids: list[str]) -> int:
    """How many of these entries the log holds."""
    from tracker import store

    conn = project.read()
    try:
        return len(store.present_ids(conn, ids))
    finally:
        if conn is not None:
            conn.close()


def _asker():
    """input() with line editing where readline exists (the prompt is plain text: no colour codes to miscount)."""
    try:
        import readline  # noqa: F401  (gives input() line editing and history)
    except ImportError:  # not on every platform; plain input still works
        pass
    return input
