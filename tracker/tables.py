"""Neutral rows: standings and entries turned into the data every renderer is given.

The JSON shapes of SPEC.md are built here, so every format shows the same
figures, rounded the same way.
"""

from __future__ import annotations

from tracker import months
from tracker.evaluate import Standing
from tracker.model import Plan, number


def share(x: float | None) -> float | None:
    """A fraction as printed in JSON: four decimals are exact enough for a percentage."""
    return None if x is None else round(x, 4)


def standing_json(s: Standing) -> dict:
    t = s.task
    return {
        "id": t.id, "title": t.title, "unit": t.unit, "category": t.category,
        "start": t.start.isoformat(), "due": t.due.isoformat(),
        "status": s.status, "flags": list(s.flags),
        "completion": share(s.completion), "measured": s.measured, "expected": share(s.expected),
        "last_month": months.fmt(s.last_month), "forecast": months.fmt(s.forecast),
        "forecast_late": s.forecast_late, "warnings": list(s.warnings),
        "metrics": [
            {"key": m.metric.key, "name": m.metric.name, "unit": m.metric.unit,
             "target": number(m.metric.target), "baseline": number(m.metric.baseline),
             "mode": m.metric.mode, "value": number(m.value), "ratio": share(m.ratio),
             "expected": share(m.expected)}
            for m in s.metrics
        ],
    }


def status_json(standings: list[Standing], p: int) -> dict:
    return {"as_of": months.fmt(p), "tasks": [standing_json(s) for s in standings]}


def tasks_json(plan: Plan) -> dict:
    return {
        "title": plan.title,
        "tasks": [
            {"id": t.id, "title": t.title, "unit": t.unit, "co_units": list(t.co_units),
             "category": t.category, "start": t.start.isoformat(), "due": t.due.isoformat(),
             "stall_months": t.stall_months, "behind_tolerance": t.behind_tolerance,
             "metrics": [{"key": m.key, "name": m.name, "unit": m.unit, "target": number(m.target),
                          "baseline": number(m.baseline), "mode": m.mode} for m in t.metrics],
             "milestones": [{"due": s.due.isoformat(), "metric": s.metric, "target": number(s.target)}
                            for s in t.milestones]}
            for t in plan.tasks
        ],
    }


def history_json(task_id: str, entries) -> dict:
    return {"task": task_id, "entries": [e.to_json() for e in entries]}


def filter_standings(standings: list[Standing], unit=None, category=None, only=None) -> list[Standing]:
    """--unit, --category and --only (statuses or flags, any of them) as one filter."""
    out = []
    for s in standings:
        if unit and s.task.unit != unit:
            continue
        if category and s.task.category != category:
            continue
        if only and s.status not in only and not (set(s.flags) & only):
            continue
        out.append(s)
    return out
