"""One task in full: tracker show."""

from typing import Annotated

import typer

from tracker.cli.root import FormatOpt, LangOpt, MonthOpt, TableFormat, app
from tracker.errors import BadInput


@app.command()
def show(
    ctx: typer.Context,
    task_id: Annotated[str, typer.Argument(metavar="ID", help="The task's number, as in tasks.toml.")],
    month: MonthOpt = None,
    fmt: FormatOpt = TableFormat.table,
    lang: LangOpt = None,
):
    """One task in full: a chart of its progress against the expected line, its forecast, each metric month by month, and every report.

    \b
    Example:
      tracker show 195 --month 2024-08
    """
    from tracker import store
    from tracker.core.trend import trajectory

    project = ctx.obj
    p = project.month(month)
    conn = project.read()
    plan = project.plan(conn)
    task = plan.task_as_typed(task_id)
    if task is None:
        raise BadInput("unknown task {task} (`tracker tasks` lists the declared ones)", task=repr(task_id))
    log = store.load_logs(conn, upto=p, tasks=[task.id]).get(task.id)
    entries = [e for e in store.entries_of_task(conn, task.id) if e.month <= p]
    from tracker.store import reminders

    sent = [r for r in reminders.about_task(conn, task.id) if r.month <= p]
    if conn is not None:
        conn.close()
    tr = trajectory(task, log, p)
    if fmt == TableFormat.json:
        from tracker.cli.output import print_json
        from tracker.core.trend import to_json

        print_json(dict(to_json(tr, entries), reminders=[_reminder_json(r) for r in sent]))
        return
    from tracker.labels import lang_of
    from tracker.cli.output import console
    from tracker.render.show import show_view

    out = console()
    out.print(show_view(tr, entries, lang_of(lang and lang.value), out.width, sent))


def _reminder_json(r) -> dict:
    from tracker.core import months

    return {"at": r.at, "month": months.fmt(r.month), "unit": r.unit, "channel": r.channel, "to": r.target,
            "delivered": r.delivered, "reason": r.reason}
