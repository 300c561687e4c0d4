"""催报: `tracker remind` sends each lead unit with flagged tasks one message through its channels."""

import os
from typing import Annotated, Optional

import typer

from tracker.cli.root import LangOpt, MonthOpt, app
from tracker.errors import BadInput


@app.command()
def remind(
    ctx: typer.Context,
    month: MonthOpt = None,
    only: Annotated[Optional[str], typer.Option("--only", metavar="FLAG,...", help="Remind about tasks with any of these flags (default: missing; e.g. overdue,stalled,blocked for a 督办 notice).", show_default=False)] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", metavar="UNIT", help="Only this lead unit.", show_default=False)] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print each message and where it would go; send and record nothing.")] = False,
    lang: LangOpt = None,
):
    """Send each lead unit with flagged tasks one message (催报) through its channels in contacts.toml.

    DingTalk, WeCom and Feishu group robots and mail; every delivery and failure is recorded.
    Exit 0 when every message went, 1 when one did not (each named), 2 for an invalid contacts.toml.

    \b
    Example:
      tracker remind --month 2024-08 --dry-run --lang zh
    """
    from tracker.cli.output import say
    from tracker.cli.status import standings_with_logs
    from tracker.core import review
    from tracker.core.rows import check_filters
    from tracker.labels import label, lang_of

    lg = lang_of(lang and lang.value)
    project = ctx.obj
    p = project.month(month, future="month {month} is still to come: nothing is reported for it yet, nor chased "
                      "(this month is {now})")
    flags = review.parse_fail_on(only if only is not None else "missing", "--only")
    plan, logs, rows = standings_with_logs(project, p, history_for="stalled")  # stalled since when, as check says
    check_filters(plan, unit)
    notices = _notices(plan, rows, logs, p, flags, unit, lg)
    unset: list[str] | None = [] if dry_run else None
    if not dry_run and not os.path.lexists(project.db_path):
        # every task would look unreported, every unit chased: a mistyped --db, most likely
        raise BadInput("no log at {path}: nothing is recorded there, so every unit would be chased (is --db or "
                       "TRACKER_DB right? `--dry-run` shows what would go)", path=project.db_path)
    contacts = _contacts(project.contacts_path, unset, project.contacts_given)
    if unset:  # a clerk may preview the messages on a PC that does not hold the robots' secrets
        import sys

        print(label(lg, "note: not set in the environment: {names}; the dry run goes on without them, sending needs them").format(
            names=("、" if lg == "zh" else ", ").join(unset)), file=sys.stderr)
    _warn_strangers(contacts, list(dict.fromkeys(t.unit for t in plan.tasks)), lg)
    _warn_readable(contacts, lg)
    if not notices:
        say(label(lg, "nothing to remind: no task is {flags} for {month}").format(
            flags="/".join(label(lg, f) for f in flags), month=_fmt(p)))
        return
    from tracker.notify import send

    if dry_run:
        say(send.dry_run_text(send.plan_dry_run(notices, contacts, lg), lg))
        return
    from tracker.files import held_alone

    # Two runs at once (cron's and a clerk's) would each chase every unit, neither counting the other's.
    with held_alone(project.db_path, BadInput("another `tracker remind` is sending with the log {path} now: let it "
                                              "end, then see `tracker units` (two at once would chase every unit "
                                              "twice)", path=project.db_path)):
        before = project.reminded(p)  # before this run: a second run, a cron's retry
        deliveries: list = []
        try:
            _deliver(notices, contacts, lg, project, p, deliveries)
        finally:  # interrupted (Ctrl-C), what went is said as it is recorded: a second run would chase again
            failed = _report(deliveries, lg, before, p)
    if failed:
        raise typer.Exit(1)


def _warn_readable(contacts, lang: str) -> None:
    """contacts.toml with its secrets in it, readable by every user of the computer: said on stderr, as ssh does."""
    import stat
    import sys

    try:
        mode = os.stat(contacts.path).st_mode
    except OSError:
        return
    if contacts.written_in and mode & (stat.S_IRGRP | stat.S_IROTH):
        print(BadInput("warning: {path} holds secrets and other users of this computer can read it: chmod 600 "
                       "{path}, or write the secrets as env:NAME", path=contacts.path).message(lang), file=sys.stderr)


def _warn_strangers(contacts, units: list, lang: str) -> None:
    """A unit of contacts.toml that leads no task is most likely a typo of one that does (市住建局 written for
    市住房和城乡建设局, which is then to be phoned): said on stderr, naming the unit meant where it is plain."""
    import sys

    from tracker.core.rows import near
    from tracker.errors import BadInput

    for name in contacts.units:
        if name not in units:
            place = f"{contacts.path}:{contacts.lines[name]}" if name in contacts.lines else contacts.path
            close = [u for u in near(name, units) if u not in contacts.units]
            if close:
                warning = BadInput("warning: unit {unit} leads no task in the plan; did you mean {close}? (the name "
                                   "must be the plan's)", place=place, unit=name, close="、".join(close))
            else:
                warning = BadInput("warning: unit {unit} leads no task in the plan (a typo of one that does?)",
                                   place=place, unit=name)
            print(warning.message(lang), file=sys.stderr)


def _fmt(p: int) -> str:
    from tracker.core import months

    return months.fmt(p)


def _notices(plan, rows, logs: dict, p: int, flags: tuple[str, ...], unit: str | None, lang: str) -> list:
    """One Notice a lead unit that has a task with any of the flags, in the plan's order of units; beside each
    flag but missing, the figures behind it as `check` words them (督办: how late, how far done)."""
    from tracker.cli.project import today
    from tracker.core.model import TaskLog
    from tracker.core.review import explain
    from tracker.notify.message import FlaggedTask, Notice, wanted_for
    from tracker.render.review import reason_text

    by_unit: dict[str, list] = {}
    for s in rows:
        if unit is not None and s.task.unit != unit:
            continue
        mine = tuple(f for f in s.flags if f in flags)
        if not mine:
            continue
        wanted = wanted_for(s.task.metrics, lang) if "missing" in mine else None
        log = logs.get(s.task.id) or TaskLog()
        why = tuple("" if f == "missing" else reason_text(explain(s, log, f, today()), lang) for f in mine)
        by_unit.setdefault(s.task.unit, []).append(FlaggedTask(s.task.id, s.task.title, mine, wanted, why))
    return [Notice(u, _fmt(p), plan.title, tuple(tasks)) for u, tasks in by_unit.items()]


def _contacts(path: str, unset_secrets: list | None = None, given: bool = False):
    """contacts.toml, or none at all (every unit is then listed to phone) when there is no such file beside
    tasks.toml; one named by --contacts or TRACKER_CONTACTS must exist (`unset_secrets`: see load_contacts)."""
    from tracker.files import regular_or_absent
    from tracker.notify.contacts import Contacts, load_contacts

    if not regular_or_absent(path, "contacts file"):  # a FIFO or device is refused, never waited on
        if given:
            raise BadInput("{path}: no such contacts file (given by --contacts or TRACKER_CONTACTS)", path=path)
        return Contacts(path, {})
    return load_contacts(path, unset_secrets)


def _deliver(notices: list, contacts, lang: str, project, p: int, deliveries: list) -> None:
    """Send the notices, recording each delivery or failure as soon as its message has gone or failed (the
    units that have no channel are not recorded: nothing was sent); `deliveries` gathers them all."""
    from tracker.cli.output import progress
    from tracker.notify import send
    from tracker.store import reminders

    def sent(d) -> None:
        deliveries.append(d)  # said even when its record fails (a full disk): it went
        reminders.record(conn, [reminders.Reminder(d.at.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), p, d.unit, d.channel,
                                                   d.where, d.delivered, d.reason, d.tasks)])

    conn = project.write()  # before anything is sent: a log that cannot be written stops the run at once
    try:
        with progress(len(notices), "催报" if lang == "zh" else "reminding", threshold=2) as tick:
            for d in send.deliver(notices, contacts, lang, done=lambda _notice: tick(1), sent=sent):
                if d.channel is None:
                    deliveries.append(d)
    finally:
        conn.close()


def _report(deliveries: list, lang: str, before: dict[str, int], p: int) -> int:
    """Say what went and what did not; the number of failures. Failures and units to phone go to stderr.
    `before`: each unit's reminders delivered for the month before this run, said beside what went."""
    import sys

    from tracker.cli.output import say
    from tracker.labels import label, reason
    from tracker.textfile import visible

    failed = 0
    phone = []
    for d in deliveries:
        if d.channel is None:
            phone.append(d.unit)
        elif d.delivered and before.get(d.unit):
            say(label(lang, "sent to {unit} by {where} ({n} task; {earlier} delivered to it for {month} before)"
                      if len(d.tasks) == 1 else
                      "sent to {unit} by {where} ({n} tasks; {earlier} delivered to it for {month} before)").format(
                unit=d.unit, where=d.where, n=len(d.tasks), earlier=before[d.unit], month=_fmt(p)))
        elif d.delivered:
            say(label(lang, "sent to {unit} by {where} ({n} task)" if len(d.tasks) == 1 else
                      "sent to {unit} by {where} ({n} tasks)").format(unit=d.unit, where=d.where, n=len(d.tasks)))
        else:
            failed += 1
            print(visible(label(lang, "not delivered to {unit}: {reason}").format(unit=d.unit, reason=reason(lang, d.reason))),
                  file=sys.stderr)
    if phone:
        say(label(lang, "no channel in contacts.toml, to phone: {units}").format(units="、".join(phone)))
    return failed
