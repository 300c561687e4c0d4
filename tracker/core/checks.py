"""Checks before recording: the one function every write path (log, fill, each import) runs on its entries.

Given the plan, the entries about to be written (each with its place, for
the message), what is in force before them (store.load_logs) and the
current month, `check` returns what must be refused (BadInput, each with its
place: nothing may be written when there is one) and what is probably a slip
(Slip: a value above its target, a cumulative value below last month's, a
percent lower than before), for the CLI to ask about or print. Pure: the
current month and time are parameters.

Warnings compare an entry with the log as it stands before the write, not
with the other entries of the same write.
"""

from typing import NamedTuple

from tracker.core import months
from tracker.core.entries import quoted
from tracker.core.model import STATUSES, Plan, TaskLog, number
from tracker.errors import BadInput, Problems, Word, Words

TEXT_LIMIT = 20_000   # characters of a note, problems or next_steps
TITLE_LIMIT = 1_000   # characters of a task's title
TEXTS = ("note", "problems", "next_steps")
_EMPTY = TaskLog()


class Slip(NamedTuple):
    """A figure that is probably a slip: task, month, what (a metric key or "percent"), the figure, what it is compared with."""

    code: str          # "above_target", "below_last_month", "percent_lower", "done_below_full", "done_below_target"
    task: str
    month: int
    what: str
    value: float
    against: float
    unit: str = ""
    name: str = ""     # the metric's name, where `what` is its key (m1 says nothing to a clerk; 口袋公园 does)
    entry: str = ""    # the id of the entry it is about


class Checked(NamedTuple):
    problems: list[BadInput]
    slips: list[Slip]


def refuse(problems: list[BadInput]) -> None:
    """Raise the problems found (one: itself; several: all of them)."""
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise Problems(problems, limit=20)


def check(plan: Plan, entries, logs: dict, now: int, places=None, stamp_now: str | None = None) -> Checked:
    """Refusals and slips of these entries; `places[i]` names where entry i came from (file:line, or a table
    row's places by field: _place), or None.

    `now` is the current month; `stamp_now` the current time as the log writes it (entries carrying a
    recorded_at, as an import's do, may not be later).
    """
    problems: list[BadInput] = []
    slips: list[Slip] = []
    task_of = plan.by_id.get
    starts: dict = {}  # a task's start date -> its month (a province's 30,000 tasks have a few dozen)
    for i, e in enumerate(entries):
        task = task_of(e.task)
        if task is not None:
            start = starts.get(task.start)
            if start is None:
                start = starts[task.start] = months.of(task.start)
        found = _refusals(task, e, now, stamp_now, start if task is not None else 0)
        if found:
            where = places[i] if places else None
            problems += [BadInput(p.template, place=_place(where, p), **p.fields) for p in found]
        elif e.voids is None:
            found = _slips(task, e, logs.get(e.task) or _EMPTY)
            if found:
                slips += found
    return Checked(problems, slips)


def _place(where, problem: BadInput):
    """Where a refusal is: the entry's place, or, given a table row's places by field ({"": the row's, "note":
    its progress cell's, …}), the cell of the text a refusal is about (a sheet names a cell, not its row)."""
    if isinstance(where, dict):
        return where.get(problem.fields.get("field"), where[""])
    return where


def _refusals(task, e, now: int, stamp_now: str | None, start: int) -> list[BadInput]:
    """What refuses entry `e` of `task` (None: a task the plan does not have), whose start is month `start`.
    check() looks each entry's task up once, for this and for _slips."""
    if task is None:
        return [BadInput("unknown task {task} (`tracker tasks` lists the declared ones)", task=_shown(e.task))]
    out = []
    _id, _task, month, at, _by, values, pct, st, note, problems, steps, voids = e
    if month < start and voids is None:  # a void is of its entry's month, which a start may have moved past
        out.append(BadInput("task {task} starts in {start}: no report can be for {month}",
                            task=task.id, start=months.fmt(start), month=months.fmt(month)))
    elif month > now:
        out.append(BadInput("month {month} is still in the future; report it when it comes", month=months.fmt(month)))
    if stamp_now is not None and at and at > stamp_now:
        out.append(BadInput("recorded_at {at} is later than now", at=at))
    if (note is not None and len(note) > TEXT_LIMIT or problems is not None and len(problems) > TEXT_LIMIT
            or steps is not None and len(steps) > TEXT_LIMIT):
        for what, text in zip(TEXTS, (note, problems, steps)):
            if text is not None and len(text) > TEXT_LIMIT:
                out.append(BadInput("{field} is {n} characters long; at most {limit} are allowed",
                                    field=Word(what), n=f"{len(text):,}", limit=f"{TEXT_LIMIT:,}"))
    if voids is not None:
        if values or pct is not None or st is not None or problems or steps:
            out.append(BadInput("a void entry sets nothing: only the entry it voids and the reason"))
        if not note:
            out.append(BadInput("a void entry needs its reason (--reason)"))
        return out
    metrics = task.metrics
    for key, value in values.items():
        if task.metric(key) is None:
            known = Words(f"{m.key} {m.name}" if m.name and m.name != m.key else m.key for m in metrics)  # the name a clerk reads
            if known:
                out.append(BadInput("task {task} has no metric {key} (its metrics: {known})", task=task.id,
                                    key=_shown(key), known=known))
            else:
                out.append(BadInput("task {task} has no metric {key}: it has none; report a percent or a status",
                                    task=task.id, key=_shown(key)))
        elif isinstance(value, str) and _is_number(_as_number(value)):
            # "centres": "10" in a .jsonl: a number written as text, which a script can fix at once
            out.append(BadInput("{task}.{key}: {value} is text; write the number without quotes", task=task.id,
                                key=key, value=_shown(value)))
        elif not _is_number(value):
            out.append(BadInput("{task}.{key}: {value} is not a number ≥ 0", task=task.id, key=key, value=_shown(value)))
    if pct is not None:
        if metrics:
            out.append(BadInput("task {task} is measured by its metrics; give their figures, not a percent", task=task.id))
        elif isinstance(pct, str) and _is_number(_as_number(pct)):
            out.append(BadInput("percent {value} is text; write the number without quotes", value=_shown(pct)))
        elif not _is_number(pct):
            out.append(BadInput("percent {value} is not a number ≥ 0", value=_shown(pct)))
        elif pct > 100:
            out.append(BadInput("percent {value} is outside 0–100", value=_shown(pct)))
    if st is not None and st not in STATUSES:
        out.append(BadInput("status {value} is not one of {known}", value=_shown(st), known=", ".join(STATUSES)))
    if not (values or pct is not None or st or note or problems or steps):
        out.append(BadInput("nothing to record: the entry gives no figure, percent, status or note"))
    return out


_NUMBERS = (int, float)
_INF = float("inf")


def _as_number(text: str):
    try:
        return float(text) if text.strip() == text and text else None
    except ValueError:
        return None


def _is_number(value) -> bool:
    """A number as JSON and the parsers give one (never text, never a bool), finite and ≥ 0."""
    return type(value) in _NUMBERS and 0 <= value < _INF


def _shown(value) -> str:
    """A figure as the log keeps it (15, not 15.0); anything else as a message quotes it."""
    return quoted(number(value) if type(value) in (int, float) else value)


def _slips(task, e, log) -> list[Slip]:
    out = []
    eid, _task, month, _at, _by, values, pct, st, _note, _problems, _steps, _voids = e
    for key, value in values.items():
        metric = task.metric(key)
        if value > metric.target:
            out.append(Slip("above_target", task.id, month, key, value, metric.target, metric.unit, metric.name, eid))
        if metric.mode == "cumulative":
            before = log.value(metric, month - 1)
            if value < before:
                out.append(Slip("below_last_month", task.id, month, key, value, before, metric.unit, metric.name, eid))
    if pct is not None:
        before = log.percent_at(month - 1)
        if before is not None and pct < before:
            out.append(Slip("percent_lower", task.id, month, "percent", pct, before, "%", entry=eid))
        if st == "done" and pct < 100:
            out.append(Slip("done_below_full", task.id, month, "percent", pct, 100, "%", entry=eid))
    if st == "done":  # a task measured by its metrics is done when they reach their targets, whatever its status says
        for metric in task.metrics:
            if metric.key not in values:
                value = log.value(metric, month)
            elif metric.mode == "increment":
                value = log.value(metric, month - 1) + values[metric.key]
            else:
                value = values[metric.key]
            if value < metric.target:
                out.append(Slip("done_below_target", task.id, month, metric.key, value, metric.target, metric.unit,
                                metric.name, eid))
    return out


def void_refusal(void, target, voided_already: bool) -> BadInput | None:
    """Why a void (an entry whose `voids` names another) cannot be recorded, or None: it names an entry recorded
    before it (`target`, None when there is none), of its own task, no void itself, and not voided already (by an
    entry in the log or another of the same write). `entry` is the void's own id (its line in an imported file),
    `id` the entry it names."""
    if target is None:
        return BadInput("entry {id} is not in the log", id=void.voids, entry=void.id)
    if target.task != void.task:
        return BadInput("entry {id} is of task {other}, not {task}: a void names an entry of its own task",
                        id=void.voids, other=target.task, task=void.task, entry=void.id)
    if target.voids is not None:
        return BadInput("entry {id} is itself a void and cannot be voided; log the figures again instead",
                        id=void.voids, entry=void.id)
    if voided_already:
        return BadInput("entry {id} is already voided", id=void.voids, entry=void.id)
    return None
