"""Where tasks stand: status and overdue."""

from typing import Annotated, Optional

import typer

from tracker.cli.root import CoUnitOpt, FormatOpt, LangOpt, MonthOpt, SearchOpt, TableFormat, app


def standings(project, p: int):
    """The plan and every task's standing as of month p (the pipeline every report starts from)."""
    plan, _logs, rows = standings_with_logs(project, p)
    return plan, rows


def standings_with_logs(project, p: int, full: bool = False, history_for: str | None = None):
    """standings(), with the reduced logs they came from (for the figures behind a flag: check, fill).

    The logs hold only the last months a standing needs unless `full`; with
    `history_for` (a flag), the tasks that have it get their whole history.
    """
    from tracker import store
    from tracker.cli.project import keep
    from tracker.core.evaluate import evaluate

    if not full and not history_for:
        plan, logs = recent_logs(project, p)
        rows = evaluate(plan, logs, p)
        keep(rows)
        return plan, logs, rows
    conn = project.read()
    try:
        if full:
            plan = project.plan(conn)
            logs = store.load_logs(conn, upto=p)
        else:
            plan, logs = recent_logs(project, p, conn=conn)
        rows = evaluate(plan, logs, p)
        if history_for and not full:
            ids = [s.task.id for s in rows
                   if history_for in s.flags and not getattr(logs.get(s.task.id), "complete", False)]
            if ids:
                logs.update(store.load_logs(conn, upto=p, tasks=ids))
    finally:
        if conn is not None:
            conn.close()
    return plan, logs, rows


def recent_logs(project, p: int, notes: bool = True, conn=None):
    """The plan and each task's log with what judging month p needs (store.load_recent), saying on stderr
    when the log names tasks or metrics the plan no longer has (from the names the reading met)."""
    from tracker import store
    from tracker.cli.project import keep, stale_notice

    own = conn is None
    if own:
        conn = project.read()
    try:
        plan = project.plan(conn, notice=False)
        names: list = []
        logs = store.load_recent(conn, plan, p, notes, names)
        keep(plan, logs)
        if conn is not None:
            stale_notice(plan, conn, names)
    finally:
        if own and conn is not None:
            conn.close()
    return plan, logs


def parse_only(text: str | None) -> set | None:
    """--only: statuses or flags, by their codes or their Chinese labels."""
    if not text:
        return None
    from tracker.core.evaluate import FLAGS, STATUSES
    from tracker.core.review import codes_of

    return codes_of(text, STATUSES + tuple(f for f in FLAGS if f not in STATUSES), "--only")


@app.command()
def status(
    ctx: typer.Context,
    month: MonthOpt = None,
    unit: Annotated[Optional[str], typer.Option("--unit", metavar="UNIT", help="Only this lead unit's tasks.", show_default=False)] = None,
    category: Annotated[Optional[str], typer.Option("--category", metavar="CATEGORY", help="Only this category.", show_default=False)] = None,
    co_unit: CoUnitOpt = None,
    search: SearchOpt = None,
    only: Annotated[Optional[str], typer.Option("--only", metavar="FLAG,...", help="Only tasks with any of these statuses or flags (behind,stalled,missing…).", show_default=False)] = None,
    fmt: FormatOpt = TableFormat.table,
    lang: LangOpt = None,
):
    """Every task: progress against the time elapsed (序时进度), status, flags, last report, figures.

    \b
    Example:
      tracker status --month 2024-08 --only behind,stalled
      tracker status --search 养老 --lang zh
    """
    project = ctx.obj
    p = project.month(month)
    wanted = parse_only(only)
    plan, rows = standings(project, p)
    if unit is not None or category is not None or co_unit is not None or wanted or search is not None:
        from tracker.core.rows import check_filters, filter_standings, search_words  # only when it filters

        words = search_words(search)
        check_filters(plan, unit, category, co_unit, shared=True)
        rows = filter_standings(rows, unit, category, wanted, co_unit, words)
    if fmt == TableFormat.json:
        import sys

        from tracker.cli.output import print_json
        from tracker.render.jsontext import JsonList, json_chunks, json_encoder
        from tracker.core.rows import standing_json, standing_texts, status_json

        if sys.stdout.isatty():  # indented, for a person
            print_json(status_json(rows, p))
            return
        out = JsonList({"as_of": _fmt(p)}, "tasks")  # streamed: a province's status is 18 MB of JSON
        for chunk in json_chunks(map(standing_json, rows), json_encoder(), texts=standing_texts(plan)):
            out.write(chunk)
        out.close()
        return
    from tracker.labels import lang_of
    from tracker.cli.output import console
    from tracker.render.terminal import status_table

    lg = lang_of(lang and lang.value)
    out = console()
    # crop=False: the table cuts its own lines (render/table.py), the console need not measure them again
    out.print(status_table(rows, p, lg, plan.title, out.width), crop=False)
    if not rows and (wanted or unit or category or co_unit or search):  # the header stays; say that nothing matched
        from tracker.cli.output import say
        from tracker.labels import label

        say(label(lg, "no task matches these filters as of {month}").format(month=_fmt(p)))


@app.command()
def overdue(ctx: typer.Context, month: MonthOpt = None, fmt: FormatOpt = TableFormat.table, lang: LangOpt = None):
    """Tasks past their due date and not done, most days overdue first.

    \b
    Example:
      tracker overdue --format json
    """
    from tracker.cli.project import today
    from tracker.core.evaluate import days_overdue

    project = ctx.obj
    p = project.month(month)
    plan, rows = standings(project, p)
    on = today()
    late = sorted(((s, days_overdue(s, on)) for s in rows if "overdue" in s.flags), key=lambda r: (-r[1], r[0].task.due))
    if fmt == TableFormat.json:
        from tracker.cli.output import print_json
        from tracker.core.rows import standing_json

        print_json({"as_of": _fmt(p), "tasks": [dict(standing_json(s), days_overdue=d) for s, d in late]})
        return
    from tracker.labels import label, lang_of
    from tracker.cli.output import say
    from tracker.render.terminal import overdue_table

    lg = lang_of(lang and lang.value)
    if not late:
        open_, close = ("（", "）") if lg == "zh" else (" (", ")")  # a Chinese sentence's own brackets
        say(f"{label(lg, 'no overdue tasks')}{open_}{label(lg, 'as of')} {_fmt(p)}{close}")
        return
    from tracker.cli.output import console

    out = console()
    out.print(overdue_table(late, p, lg, plan.title, out.width), crop=False)


def _fmt(p: int) -> str:
    from tracker.core import months

    return months.fmt(p)
