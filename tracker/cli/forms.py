"""`tracker forms`: the month's report forms, one .xlsx per lead unit, to send out and import back."""

import os
from typing import Annotated, Optional

import typer

from tracker.cli.root import LangOpt, MonthOpt, app
from tracker.errors import BadInput


@app.command()
def forms(
    ctx: typer.Context,
    output: Annotated[str, typer.Option("--output", "-o", metavar="DIR", help="The folder to write the forms into (made if missing).", show_default=False)],
    month: MonthOpt = None,
    unit: Annotated[Optional[str], typer.Option("--unit", metavar="UNIT", help="Only this lead unit's form.", show_default=False)] = None,
    lang: LangOpt = None,
):
    """One Excel form per lead unit for the month's reports: its started, unfinished tasks, last month's figures
    beside the cells to fill in. Send each to its unit; `tracker import` takes the filled forms back.

    \b
    Example:
      tracker forms --month 2024-08 -o forms/
    """
    from tracker.cli.output import say
    from tracker.cli.status import standings_with_logs
    from tracker.core import months
    from tracker.exchange.forms import file_name, form_rows, form_xlsx
    from tracker.core.rows import check_filters
    from tracker.files import atomic_write
    from tracker.labels import label, lang_of

    lg = lang_of(lang and lang.value)
    project = ctx.obj
    p = project.month(month, future=None)  # a form may go out before its month begins
    if os.path.exists(output) and not os.path.isdir(output):
        raise BadInput("-o {dir}: not a folder (forms are written one file a unit into a folder)", dir=output)
    plan, logs, rows = standings_with_logs(project, p, full=True)
    check_filters(plan, unit)
    open_tasks: dict[str, list] = {}
    for s in rows:
        if unit is None or s.task.unit == unit:
            open_tasks.setdefault(s.task.unit, [])
            if s.status not in ("done", "pending"):
                open_tasks[s.task.unit].append(s.task)
    if not plan.tasks:  # not silence: an emptied or truncated tasks.toml would pass unnoticed
        say(label(lg, "no form written: {path} declares no task").format(path=project.tasks_path))
    written = []
    for name, tasks in open_tasks.items():
        if not tasks:
            say(label(lg, "{unit}: nothing to report for {month} (every task done or not started)").format(
                unit=name, month=months.fmt(p)))
            continue
        path = os.path.join(output, file_name(name, p))
        atomic_write(path, form_xlsx(plan.title, name, p, form_rows(tasks, logs, p)), project.own_files())
        written.append(path)
        say(label(lg, "wrote {file} ({n} task)" if len(tasks) == 1 else "wrote {file} ({n} tasks)").format(
            file=path, n=len(tasks)))
    if written:
        say(label(lg, "{n} form for {month}; import it filled in with: tracker import {dir}/*.xlsx" if len(written) == 1
                  else "{n} forms for {month}; import the filled ones with: tracker import {dir}/*.xlsx").format(
            n=len(written), month=months.fmt(p), dir=output.rstrip("/")))
