"""Commands about the plan itself: init, validate, tasks."""

import os
from typing import Annotated, Optional

import typer

from tracker.cli.root import FormatOpt, LangOpt, TableFormat, app
from tracker.errors import BadInput, PlanError, Word
from tracker.plan.starter import starter



@app.command()
def init(
    ctx: typer.Context,
    directory: Annotated[Optional[str], typer.Argument(metavar="DIR", help="Folder for the new project (default: here).", show_default=False)] = None,
    year: Annotated[Optional[int], typer.Option("--year", metavar="YEAR", help="The plan's year (default: this year; in December, next year's plan is `--year` the next).", show_default=False, min=1900, max=9999)] = None,
    lang: LangOpt = None,
):
    """Start a project: a starter tasks.toml and an empty data/tracker.db. Never overwrites.

    \b
    Example:
      tracker init my-plan
      tracker init --year 2027 plan-2027    # next year's plan
    """
    from tracker import store
    from tracker.cli.project import today
    from tracker.cli.output import say
    from tracker.labels import label, lang_of

    project = ctx.obj
    tasks_path = os.path.join(directory, "tasks.toml") if directory else project.tasks_path
    db_path = os.path.join(directory, "data", "tracker.db") if directory else project.db_path
    for path in (tasks_path, db_path):
        if os.path.lexists(path):
            raise BadInput("{path}: already exists; tracker init never overwrites", path=path)
    folder = os.path.dirname(tasks_path)
    try:
        if folder:
            os.makedirs(folder, exist_ok=True)
        with open(tasks_path, "x", encoding="utf-8") as f:
            f.write(starter(year or today().year, lang_of(lang and lang.value)))
    except OSError as e:
        raise BadInput("{path}: cannot create the project: {reason}", path=e.filename or tasks_path,
                       reason=e.strerror or str(e)) from None
    _ignore_contacts(os.path.join(folder, ".gitignore") if folder else ".gitignore", lang_of(lang and lang.value))
    store.open_write(db_path).close()

    import shlex

    # from the folder it was made in (`tracker init my-plan`), the next command is run inside the new one
    then = f"cd {shlex.quote(directory)} && tracker status" if directory else "tracker status"
    say(label(lang_of(lang and lang.value), "wrote {tasks} and {db}; edit the plan, then: {then}")
        .format(tasks=tasks_path, db=db_path, then=then))


def _ignore_contacts(path: str, lang: str) -> None:
    """contacts.toml holds webhook keys and secrets: a .gitignore keeps it out of git (added to one there is)."""
    from tracker.labels import label

    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except FileNotFoundError:
        lines = []
    if "contacts.toml" in (line.strip().lstrip("/") for line in lines):
        return
    with open(path, "a", encoding="utf-8") as f:
        if lines and lines[-1] != "":
            f.write("\n")
        f.write(f"# {label(lang, 'webhook keys and secrets of reminders (tracker remind)')}\ncontacts.toml\n")


@app.command()
def validate(
    ctx: typer.Context,
    repair: Annotated[bool, typer.Option("--repair", help="First recompute the derived tables of figures in force from the log (the log itself is never changed).")] = False,
    lang: LangOpt = None,
):
    """Check tasks.toml and the log: integrity, append-only guards, hash chain and its heads, known tasks and metrics.

    Silent but for one summary line when all is well; one line per problem and exit 2 otherwise.

    \b
    Example:
      tracker validate
    """
    from tracker import store
    from tracker.store.audit import check_log
    from tracker.cli.output import busy, say

    from tracker.cli.project import checked_plan
    from tracker.store import check as storecheck

    project = ctx.obj
    conn = project.read(upgrade=repair)  # as it is: an upgrade would put back guards whose absence is evidence
    # tasks.toml itself, or its cached plan when the cache's seal shows tracker wrote it for these very
    # bytes (--repair forgets the cache: the file is parsed)
    plan, digest, want = checked_plan(project.tasks_path, None if repair else conn)
    if conn is None:
        why = Word("the file is empty" if os.path.lexists(project.db_path) else "no such file")
        raise BadInput("no database at {path} ({why}): nothing to check (is --db or TRACKER_DB right?)",
                       path=project.db_path, why=why)
    # A province's log takes seconds to check: a spinner on a terminal meanwhile.
    with busy(f"checking {project.db_path}", store.size(conn)):
        if repair:
            first = check_log(plan, conn, project.db_path, (digest, want))
            if not first.intact:
                # rebuilt from a log that fails its chain, the derived tables would carry what was forged into
                # every status and report
                raise PlanError([BadInput("--repair rebuilds the derived tables from the log only when the log "
                                          "itself is intact, and it is not (below): nothing was repaired; restore "
                                          "the log from a backup", place=project.db_path), *first.problems])
            storecheck.repair_derived(conn)
            storecheck.repair_plan_cache(conn)
            repaired = first.problems
        audit = check_log(plan, conn, project.db_path, (digest, want))
    from tracker.labels import label, lang_of

    lg = lang_of(lang and lang.value)
    left = {p.message(lg) for p in audit.problems}  # (the plan's names a repair leaves: said below)
    for problem in repaired if repair else ():  # what --repair rebuilt, as validate had found it
        if problem.message(lg) not in left:
            say(label(lg, "repaired: {problem}").format(problem=problem.message(lg).removesuffix(
                label(lg, " (run `tracker validate --repair`)"))))
    if audit.problems:
        raise PlanError(audit.problems)
    head = label(lg, ", head {head}").format(head=audit.head[:16]) if audit.head else ""
    say(label(lg, "ok: {tasks} ({n} tasks), {db} ({m} entries, hash chain intact{head})").format(
        tasks=project.tasks_path, n=len(plan.tasks), db=project.db_path, m=audit.entries, head=head))


@app.command()
def tasks(ctx: typer.Context, fmt: FormatOpt = TableFormat.table, lang: LangOpt = None):
    """List the declared tasks with their metrics, milestones and dues.

    \b
    Example:
      tracker tasks --format json
    """
    from tracker.labels import lang_of

    plan = ctx.obj.plan(ctx.obj.read())
    if fmt == TableFormat.json:
        from tracker.cli.output import print_json
        from tracker.core.rows import tasks_json

        print_json(tasks_json(plan))
        return
    from tracker.cli.output import console
    from tracker.render.terminal import tasks_table

    out = console()
    out.print(tasks_table(plan, lang_of(lang and lang.value), out.width), crop=False)  # it cuts its own lines
