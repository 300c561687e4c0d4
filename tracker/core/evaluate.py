"""How a task stands as of a month: the rules of SPEC.md and nothing else.

Pure: every function takes the plan's tasks, their reduced logs and the
month, and returns values. Nothing here reads a clock or a file.
"""

import datetime as dt
import math
from functools import partial
from typing import NamedTuple

from tracker.core import months
from tracker.core.model import DONE, Metric, Plan, Task, TaskLog, value_as_of  # noqa: F401 (value_as_of: part of this module's API)

# In the order in which a flag becomes the status (missing never does).
FLAGS = ("overdue", "blocked", "stalled", "behind", "missing")
STATUSES = ("done", "pending", "overdue", "blocked", "stalled", "behind", "on_track")
WARNINGS = ("regressed", "repeated_note")
_EMPTY = TaskLog()


class MetricStanding(NamedTuple):
    metric: Metric
    value: float
    ratio: float
    expected: float


class Standing(NamedTuple):
    task: Task
    month: int
    status: str
    flags: tuple[str, ...]
    completion: float
    measured: bool
    expected: float
    last_month: int | None
    forecast: int | None
    forecast_late: bool
    warnings: tuple[str, ...]
    metrics: tuple[MetricStanding, ...]
    note: str | None

    @property
    def done(self) -> bool:
        return self.status == "done"


# The named tuples made from a tuple of their fields, without the Python-level __new__ of each.
_metric_standing = partial(tuple.__new__, MetricStanding)
_standing = partial(tuple.__new__, Standing)


# --- figures -----------------------------------------------------------------------


def ratio(metric: Metric, value: float) -> float:
    return max(0.0, (value - metric.baseline) / (metric.target - metric.baseline))


def _mean_ratio(metrics: tuple[Metric, ...], values) -> float:
    """Mean over the metrics of min(ratio, 1) (plain arithmetic: this runs for every metric of a province)."""
    total = 0.0
    for metric, value in zip(metrics, values):
        baseline = metric.baseline
        r = (value - baseline) / (metric.target - baseline)
        total += 1.0 if r > 1.0 else (r if r > 0.0 else 0.0)
    return total / len(metrics)


def completion(task: Task, log, p: int) -> tuple[float, bool]:
    """(completion as of p, whether it is measured at all)."""
    if task.metrics:
        return _mean_ratio(task.metrics, [log.value(m, p) for m in task.metrics]), True
    status = log.status_at(p)
    if status == "done":
        return 1.0, True
    percent = log.percent_at(p)
    if percent is not None:
        return min(percent, 100.0) / 100.0, True
    return 0.0, status is not None


def _days(a: dt.date, b: dt.date) -> int:
    return (b - a).days


def expected_ratio(task: Task, day: dt.date, metric: Metric | None = None) -> float:
    """Share of the target due by `day`: linear from start to due, through the metric's milestones."""
    start, due = task.start, task.due
    if day <= start:
        return 0.0
    if day >= due:
        return 1.0
    if metric is None or not task.milestones:  # the straight line: what the loop below makes of two points
        return (day - start).days / (due - start).days
    span = metric.target - metric.baseline
    points = [(start, 0.0), *[(s.due, (s.target - metric.baseline) / span) for s in task.milestones
                              if s.metric == metric.key], (due, 1.0)]
    for (d0, r0), (d1, r1) in zip(points, points[1:]):
        if d0 <= day <= d1:
            return min(1.0, max(0.0, r0 + (r1 - r0) * _days(d0, day) / _days(d0, d1)))
    return 1.0


def expected(task: Task, p: int) -> float:
    day = months.last_day(p)
    if not task.metrics:
        return expected_ratio(task, day)
    return sum(expected_ratio(task, day, m) for m in task.metrics) / len(task.metrics)


# --- standing ----------------------------------------------------------------------


def below(a: float, b: float) -> bool:
    """round(a, 9) < round(b, 9): `behind`'s comparison, blind to binary noise past the ninth decimal.

    Figures more than 1e-8 apart compare the same rounded or not (each rounding moves a figure by at most
    0.5e-9), so only closer ones are rounded: round() converts to decimal and back, and a province asks this
    of 20,000 tasks a run."""
    gap = b - a
    if gap > 1e-8:
        return True
    if gap < -1e-8:
        return False
    return round(a, 9) < round(b, 9)


def risen(before: float, after: float) -> bool:
    """Whether completion rose from `before` to `after`: `stalled` is no rise over stall_months, and check's
    "no increase since" month is found by the same comparison (core/review.py)."""
    return after > before + 1e-12


def stand(task: Task, log, p: int) -> Standing:
    return _stand(task, log or _EMPTY, p, months.last_day(p), {})


class Verdict(NamedTuple):
    """A task's status and flags, without the rest of its standing (what `check --format json` lists)."""

    task: Task
    status: str
    flags: tuple[str, ...]


_verdict = partial(tuple.__new__, Verdict)


def verdicts(tasks, logs: dict, p: int) -> list[Verdict]:
    """These tasks' status and flags as of month p, in their order: stand()'s, without forecasts and warnings."""
    day, get, terms = months.last_day(p), logs.get, {}
    out = []
    for task in tasks:
        _values, _each, _comp, _measured, _exp, status, flags = _judge(task, get(task.id) or _EMPTY, p, day, terms)
        out.append(_verdict((task, status, tuple(flags))))
    return out


def _judge(task: Task, log, p: int, day: dt.date, terms: dict) -> tuple:
    """(values as of p, expected share of each metric, completion, measured, expected, status, flags).

    `terms`: what a task's dates and stall months decide as of p, by those fields: the caller's dict, shared
    by its tasks (a province's 30,000 have 139)."""
    # Written for speed as much as for reading: a province judges 30,000 tasks a command.
    key = (task.start, task.due, task.stall_months)
    term = terms.get(key)
    if term is None:
        start_month = task.start.year * 12 + task.start.month - 1  # months.of(), inline
        term = terms[key] = (start_month <= p, start_month <= p - task.stall_months, day > task.due,
                             expected_ratio(task, day))
    started, stall_span, overdue, straight = term
    metrics = task.metrics
    if metrics:
        values = log.values_at(metrics, p)
        comp, measured = _mean_ratio(metrics, values), True
        if task.milestones:
            each = [expected_ratio(task, day, m) for m in metrics]
        else:
            each = [straight] * len(metrics)
        exp = sum(each) / len(each)  # the mean, with milestones or without: the same arithmetic
    else:
        values, each = [], []
        comp, measured = completion(task, log, p)
        exp = straight
    flags = []
    if comp >= DONE:
        status = "done"
    else:
        if overdue:
            flags.append("overdue")
        if log.status_at(p) == "blocked":
            flags.append("blocked")  # 受阻: the department cannot go on without help
        if stall_span:
            s = task.stall_months
            if measured:
                before = _mean_ratio(metrics, log.values_at(metrics, p - s)) if metrics else \
                    completion(task, log, p - s)[0]
                if not risen(before, comp):
                    flags.append("stalled")
            elif not log.any_entry(p - s + 1, p):
                flags.append("stalled")
        if measured and below(comp, exp - task.behind_tolerance):
            flags.append("behind")
        if started and not log.has_entry(p):
            flags.append("missing")
        if not started:
            status = "pending"
        elif flags and flags[0] != "missing":
            status = flags[0]  # flags are in the order overdue, blocked, stalled, behind: the first that applies
        else:
            status = "on_track"
    return values, each, comp, measured, exp, status, flags


def _stand(task: Task, log, p: int, day: dt.date, terms: dict) -> Standing:
    values, each, comp, measured, exp, status, flags = _judge(task, log, p, day, terms)
    metrics = task.metrics
    done, started = status == "done", status != "pending"

    forecast = None
    forecast_late = False
    if measured and not done:
        before = _mean_ratio(metrics, log.values_at(metrics, p - 3)) if metrics else \
            completion(task, log, p - 3)[0]
        per_month = (comp - before) / 3  # rate(), with completion(p) known
        if per_month > 1e-12:
            forecast = p + math.ceil(round((1.0 - comp) / per_month, 9))
        forecast_late = started and (forecast is None or forecast > task.due.year * 12 + task.due.month - 1)

    metric_rows = tuple([_metric_standing((metric, v, ratio(metric, v), share))
                         for metric, v, share in zip(metrics, values, each)])
    # Standing's field order (task, month, status, flags, completion, measured, expected, last_month,
    # forecast, forecast_late, warnings, metrics, note), built as a tuple: a province builds 30,000.
    return _standing((task, p, status, tuple(flags), comp, measured, exp, log.last_month(p), forecast,
                      forecast_late, tuple(warnings(task, log, p, values)), metric_rows, log.note(p)))


def rate(task: Task, log, p: int) -> float:
    """Completion gained per month over the three months to p (SPEC: Trends)."""
    return (completion(task, log, p)[0] - completion(task, log, p - 3)[0]) / 3


def warnings(task: Task, log, p: int, values=None) -> list[str]:
    """`values`: the metrics' values as of p, when the caller has them."""
    out = []
    metrics, before = task.metrics, None
    for i, metric in enumerate(metrics):
        if metric.mode == "cumulative" and log.reported(metric.key, p):
            now = values[i] if values is not None else log.value(metric, p)
            if before is None:
                before = log.values_at(metrics, p - 1)
            if now < before[i]:
                out.append("regressed")
                break
    if log.repeats_note(p):
        out.append("repeated_note")
    return out


def evaluate(plan: Plan, logs: dict, p: int) -> list[Standing]:
    """Every task's standing as of month p, in declaration order."""
    return evaluate_tasks(plan.tasks, logs, p)


def evaluate_tasks(tasks, logs: dict, p: int) -> list[Standing]:
    """These tasks' standings as of month p, in their order."""
    day, get, terms = months.last_day(p), logs.get, {}
    return [_stand(task, get(task.id) or _EMPTY, p, day, terms) for task in tasks]


def days_overdue(standing: Standing, today: dt.date) -> int:
    """Days past due, counted to the end of the month or today, whichever is first."""
    return max(0, (min(months.last_day(standing.month), today) - standing.task.due).days)
