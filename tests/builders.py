"""Building plans' tasks and reduced logs by hand, for the rule tests (test_evaluate, test_trends)."""

from __future__ import annotations

import datetime as dt

from tracker import months
from tracker.model import Metric, Task, TaskLog

D = dt.date
M = months.parse


def task(metrics=(), milestones=(), start=D(2024, 1, 1), due=D(2024, 12, 31), stall=2, tol=0.10, tid="1"):
    return Task(tid, "t", "市民政局", start, due, stall, tol, metrics=tuple(metrics), milestones=tuple(milestones))


def metric(key="a", target=100, baseline=0, mode="cumulative"):
    return Metric(key, key, "个", float(target), float(baseline), mode)


def log(values=None, percent=None, status=None, notes=None, extra_months=()):
    """values: {key: {"2024-03": 10}}; months with any value/percent/status/note count as reported."""
    lg = TaskLog()
    for key, series in (values or {}).items():
        lg.values[key] = {M(m): float(v) for m, v in series.items()}
        lg.months.update(M(m) for m in series)
    for attr, data in (("percent", percent), ("status", status), ("notes", notes)):
        for m, v in (data or {}).items():
            getattr(lg, attr)[M(m)] = v
            lg.months.add(M(m))
    lg.months.update(M(m) for m in extra_months)
    return lg
