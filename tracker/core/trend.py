"""One task's trajectory, month by month: what `show` tabulates and what the charts draw.

Pure, like evaluate.py, whose rules it applies to every month up to P: it
takes a task and its whole reduced log (store.load_logs(conn, upto=P))
and returns values. The chart data is here too, so the
terminal chart and the SVG of the html report draw the same points.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker.core import months
from tracker.core.evaluate import Standing, completion, expected, expected_ratio, rate, ratio, stand, value_as_of
from tracker.core.model import Milestone, Task, TaskLog, number


@dataclass(frozen=True, slots=True)
class MetricPoint:
    key: str
    value: float            # as of the month
    change: float           # value − value as of the month before
    ratio: float
    expected: float
    reported: float | None  # the figure in force among that month's own reports


@dataclass(frozen=True, slots=True)
class MonthPoint:
    month: int
    completion: float
    measured: bool
    expected: float
    reported: bool          # any entry for the month
    percent: float | None   # given in that month (qualitative tasks)
    status: str | None
    note: str | None
    metrics: tuple[MetricPoint, ...]


@dataclass(frozen=True, slots=True)
class MilestonePoint:
    milestone: Milestone
    month: int
    expected: float          # the task's expected completion on the milestone's day
    value: float | None      # the metric's value as of the milestone's month, once it has come
    met: bool | None


@dataclass(frozen=True, slots=True)
class Chart:
    """Actual against expected, as fractions of the task, at the end of each month (x = month)."""

    origin: int                          # the month before the start: (origin, 0) is where expected begins
    actual: tuple[tuple[int, float], ...]
    expected: tuple[tuple[int, float], ...]
    milestones: tuple[tuple[int, float], ...]
    due: int
    as_of: int
    forecast: int | None
    forecast_late: bool
    measured: bool
    reported_from: int | None = None     # the first month up to as_of with a report: the actual line's real start

    @property
    def reported(self) -> tuple[tuple[int, float], ...]:
        """The actual line as drawn: from the first report (the months before it had none to draw)."""
        start = self.reported_from
        return () if start is None else tuple(pt for pt in self.actual if pt[0] >= start)


@dataclass(frozen=True, slots=True)
class Trajectory:
    standing: Standing
    rate: float | None
    months: tuple[MonthPoint, ...]
    milestones: tuple[MilestonePoint, ...]
    chart: Chart


def trajectory(task: Task, log: TaskLog | None, p: int) -> Trajectory:
    """The task as of p with every month from its start (or its first report, if earlier) to p."""
    log = log or TaskLog()
    standing = stand(task, log, p)
    first = _first(task, log, p)
    points = tuple(_month(task, log, m) for m in range(first, p + 1))
    stones = tuple(_milestone(task, log, s, p) for s in task.milestones)
    return Trajectory(
        standing=standing,
        rate=rate(task, log, p) if standing.measured else None,
        months=points,
        milestones=stones,
        chart=_chart(task, log, standing, [(pt.month, pt.completion, pt.measured) for pt in points],
                     [(st.month, st.expected) for st in stones], first),
    )


def chart(task: Task, log: TaskLog | None, p: int, standing: Standing | None = None) -> Chart:
    """trajectory(task, log, p).chart, without the months' metric points the chart does not draw (the
    html report draws a chart a row). log: a TaskLog of the months up to p, or a series.SeriesLog;
    standing: stand(task, log, p), where the caller has it already."""
    log = log or TaskLog()
    first = _first(task, log, p)
    points = [(m, *completion(task, log, m)) for m in range(first, p + 1)]
    stones = [(months.of(s.due), _on(task, s.due)) for s in task.milestones]
    return _chart(task, log, standing or stand(task, log, p), points, stones, first)


def _first(task: Task, log, p: int) -> int:
    """The trajectory's first month: the task's start, or its first report up to p if earlier."""
    return min([months.of(task.start), *(m for m in log.months if m <= p)])


def charts(tasks, logs: dict, p: int, standings: dict | None = None) -> dict:
    """Each task's chart as of p, by task id (the html report draws one per row); standings: the tasks'
    as of p by id, where the caller has judged them already."""
    judged = standings or {}
    return {t.id: chart(t, logs.get(t.id), p, judged.get(t.id)) for t in tasks}


def _month(task: Task, log: TaskLog, m: int) -> MonthPoint:
    comp, measured = completion(task, log, m)
    day = months.last_day(m)
    rows = []
    for metric in task.metrics:
        series = log.values.get(metric.key, {})
        value = value_as_of(metric, series, m)
        # rounded: 12.3 − 10.1 should read 2.2, not 2.2000000000000011
        rows.append(MetricPoint(metric.key, value, round(value - value_as_of(metric, series, m - 1), 9),
                                ratio(metric, value), expected_ratio(task, day, metric), series.get(m)))
    return MonthPoint(m, comp, measured, expected(task, m), m in log.months, log.percent.get(m),
                      log.status.get(m), log.notes.get(m), tuple(rows))


def _on(task: Task, day: dt.date) -> float:
    """The task's expected completion on a day (the mean over its metrics, as in evaluate.expected)."""
    if not task.metrics:
        return expected_ratio(task, day)
    return sum(expected_ratio(task, day, m) for m in task.metrics) / len(task.metrics)


def _milestone(task: Task, log: TaskLog, s: Milestone, p: int) -> MilestonePoint:
    month = months.of(s.due)
    metric = task.metric(s.metric)
    value = met = None
    if month <= p and metric is not None:
        value = value_as_of(metric, log.values.get(metric.key, {}), month)
        met = value >= s.target
    return MilestonePoint(s, month, _on(task, s.due), value, met)


def _chart(task, log, standing, points, stones, first) -> Chart:
    """points: (month, completion, measured) from the first month; stones: (month, expected) a milestone."""
    origin = months.of(task.start) - 1
    due = months.of(task.due)
    before = (first - 1, *completion(task, log, first - 1))
    # a qualitative task's line begins at its first percent or status: before that nothing was measured
    actual = tuple((m, c) for m, c, measured in [before, *points]
                   if (measured or task.metrics) and m <= standing.month)
    return Chart(
        origin=origin,
        actual=actual,
        expected=((origin, 0.0),) + tuple((m, expected(task, m)) for m in range(origin + 1, max(due, standing.month) + 1)),
        milestones=tuple(stones),
        due=due,
        as_of=standing.month,
        forecast=standing.forecast,
        forecast_late=standing.forecast_late,
        measured=standing.measured,
        reported_from=min((m for m in log.months if m <= standing.month), default=None),
    )


# --- JSON --------------------------------------------------------------------------


def to_json(tr: Trajectory, entries) -> dict:
    """`show --format json`: the task as in `status`, its rate, milestones, months and reports."""
    from tracker.core.rows import share, standing_json

    s = tr.standing
    task = dict(standing_json(s), co_units=list(s.task.co_units), rate=share(tr.rate))
    return {
        "as_of": months.fmt(s.month),
        "task": task,
        "milestones": [
            {"due": st.milestone.due.isoformat(), "metric": st.milestone.metric,
             "target": number(st.milestone.target), "expected": share(st.expected),
             "value": number(st.value), "met": st.met}
            for st in tr.milestones
        ],
        "months": [
            {"month": months.fmt(pt.month), "completion": share(pt.completion), "measured": pt.measured,
             "expected": share(pt.expected), "reported": pt.reported, "percent": number(pt.percent),
             "status": pt.status, "note": pt.note,
             "metrics": [{"key": mp.key, "value": number(mp.value), "change": number(mp.change),
                          "ratio": share(mp.ratio), "expected": share(mp.expected),
                          "reported": number(mp.reported)} for mp in pt.metrics]}
            for pt in tr.months
        ],
        "entries": [e.to_json() for e in entries],
    }
