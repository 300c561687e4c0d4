"""Checks before recording, at the CLI's edge: refusals raised, slips said on stderr and, on a terminal, asked about.

core/checks.py decides; here its answer meets the user. Every write path
(log, fill, each import) calls `checked` before it appends.
"""

from __future__ import annotations

import sys

import typer

from tracker.core import months
from tracker.core.checks import Slip, check, refuse

_SLIP_TEXT = {
    "above_target": "warning: task {task} {month}: {what} {value}{unit} is above its target {against}{unit}",
    "below_last_month": "warning: task {task} {month}: {what} {value}{unit} is below last month's {against}{unit}",
    "percent_lower": "warning: task {task} {month}: percent {value}% is lower than the {against}% in force before",
    "done_below_full": "warning: task {task} {month}: status done, but percent {value}% is below 100%",
    "done_below_target": "warning: task {task} {month}: status done, but {what} {value}{unit} is below its target "
                         "{against}{unit} (a task is done when its figures reach their targets)",
}


def checked(conn, plan, entries, places=None, stamp_now: str | None = None, before: int | None = None) -> list[Slip]:
    """Run the checks on entries about to be written (against the log read through `conn`; `before`: as it
    stood up to that seq): raise what must be refused, all of it at once; return the slips."""
    from tracker import store
    from tracker.cli.project import today

    logs = {}
    if conn is not None:
        tasks = {e.task for e in entries if plan.task(e.task) is not None}
        if tasks:
            logs = store.load_logs(conn, tasks=tasks, before=before)
    found = check(plan, entries, logs, months.of(today()), places, stamp_now)
    refuse(found.problems)
    return found.slips


def slip_line(s: Slip, lang: str) -> str:
    """A slip as one line naming the task, the figure and what it is compared with."""
    from tracker.labels import label
    from tracker.render.terminal import figs

    what = s.what if not s.name or s.name == s.what else f"{s.what} {s.name}"  # as import shows a metric
    value, against = figs(s.value, s.against)  # both grouped or neither: 8,153 below 11,339
    return label(lang, _SLIP_TEXT[s.code]).format(task=s.task, month=months.fmt(s.month), what=what,
                                                  value=value, against=against, unit=s.unit)


SHOWN_SLIPS = 20  # an import's warnings on stderr; its --dry-run lists them all


def warn(slips: list[Slip], lang: str, limit: int | None = None) -> None:
    """Each slip as a line on stderr; with `limit`, that many and a line counting the rest (a province's
    import may have a hundred thousand)."""
    from tracker.labels import label
    from tracker.textfile import visible

    shown = slips if limit is None else slips[:limit]
    for s in shown:
        print(visible(slip_line(s, lang)), file=sys.stderr)
    if len(slips) > len(shown):
        print(label(lang, "… and {n} more warnings (--dry-run lists them all)").format(n=len(slips) - len(shown)),
              file=sys.stderr)


def on_terminal() -> bool:
    return sys.stdin.isatty()


def ask_yes(question: str, lang: str, default: bool = False, ask=input, say=None) -> bool:
    """A yes/no question; Enter gives the default. y/yes/是/好 are yes, n/no/否/不 are no; anything else is explained
    (by `say`, else on stderr) and asked again."""
    from tracker.labels import label

    hint = "[Y/n]" if default else "[y/N]"
    while True:
        answer = ask(f"{label(lang, question)} {hint} ").strip().lower()
        if not answer:
            return default
        if answer in ("y", "yes", "是", "好", "确认", "ｙ"):
            return True
        if answer in ("n", "no", "否", "不", "不是", "ｎ"):
            return False
        said = label(lang, "answer y (yes) or n (no); Enter is {default}").format(
            default=label(lang, "yes" if default else "no"))
        (say or (lambda text: print(text, file=sys.stderr)))(said)


def confirm_slips(slips: list[Slip], lang: str, yes: bool) -> None:
    """Say the slips; on a terminal, without --yes, ask before recording (default no: exit 1, nothing written)."""
    if not slips:
        return
    warn(slips, lang)
    if yes or not on_terminal():
        return
    if not ask_yes("Record it anyway?", lang, default=False, ask=_ask_on_stderr):
        from tracker.labels import label

        print(label(lang, "not recorded"), file=sys.stderr)
        raise typer.Exit(1)


def _ask_on_stderr(prompt: str) -> str:
    sys.stderr.write(prompt)
    sys.stderr.flush()
    return input()
