"""The plan half of bench/generate.py: tasks drawn at random, each with the
completion it is to reach month by month, and their tasks.toml text."""

from __future__ import annotations

import calendar
import json
import random
from dataclasses import dataclass, field
from datetime import date

from vocabulary import KINDS_BY_KEY, QUALITATIVE_TITLES, REPORTERS, UNIT_NAMES, UNITS, MetricKind

PLAN_YEAR = 2024

PROFILES = ["done", "on_track", "behind", "stalled", "overdue"]
PROFILE_WEIGHTS = [25, 37, 20, 12, 6]


def month_str(index: int) -> str:
    """The month `index` months after January of the plan year, as YYYY-MM."""
    year, month = divmod(index, 12)
    return f"{PLAN_YEAR + year:04d}-{month + 1:02d}"


def month_end(index: int) -> date:
    year, month = divmod(index, 12)
    year += PLAN_YEAR
    return date(year, month + 1, calendar.monthrange(year, month + 1)[1])


def month_start(index: int) -> date:
    year, month = divmod(index, 12)
    return date(PLAN_YEAR + year, month + 1, 1)


def month_index(day: date) -> int:
    return (day.year - PLAN_YEAR) * 12 + day.month - 1


def toml_str(text: str) -> str:
    # A JSON string (non-ASCII kept) is a valid TOML basic string.
    return json.dumps(text, ensure_ascii=False)


def fmt_number(value: float, decimals: int) -> int | float:
    return int(round(value)) if decimals == 0 else round(value, decimals)


@dataclass
class Metric:
    kind: MetricKind
    key: str
    target: int | float
    baseline: int | float
    increment: bool
    spread: float  # how far this metric runs ahead of or behind the task's path
    explicit_mode: bool


@dataclass
class Milestone:
    due: date
    metric: str | None
    target: int | float


@dataclass
class Task:
    id: str
    title: str
    unit: str
    co_units: list[str]
    category: str | None
    start_index: int
    start_written: bool
    due: date
    due_written: bool
    stall_months: int | None
    metrics: list[Metric]
    milestones: list[Milestone]
    profile: str
    measured: bool  # a qualitative task that gives percent or status
    reporter: str
    path: list[float] = field(default_factory=list)  # completion by month index
    done_index: int | None = None
    stall_from: int | None = None


def expected_at(task: Task, index: int) -> float:
    start = month_start(task.start_index)
    span = (task.due - start).days
    if span <= 0:
        return 1.0
    return min(1.0, max(0.0, (month_end(index) - start).days / span))


def choose_due(rng: random.Random, profile: str, start_index: int, last: int) -> date:
    """A due date that makes `profile` possible as of the last month."""
    last_year = PLAN_YEAR + last // 12
    if profile == "overdue":
        # Quarter ends after the start and before the last month.
        ends = [i for i in range(start_index + 2, last) if i % 3 == 2]
        if ends:
            return month_end(rng.choice(ends))
    if profile == "done":
        ends = sorted({date(PLAN_YEAR, 12, 31), date(last_year, 12, 31), date(last_year + 1, 6, 30)})
        return rng.choice(ends)
    # Not overdue as of the last month: due on or after its end.
    choices = [date(last_year + 1, 6, 30), date(last_year + 1, 12, 31)]
    if month_index(date(last_year, 12, 31)) >= last:
        choices += [date(last_year, 12, 31)] * 2
    return rng.choice(choices)


def build_path(rng: random.Random, task: Task, last: int) -> None:
    """Set the task's completion month by month, shaped by its profile."""
    s = task.start_index
    n = last - s + 1
    if n <= 0:
        return
    profile = task.profile
    steps = [0.5 + rng.random() for _ in range(n)]
    if profile == "done":
        latest = min(last, month_index(task.due))
        earliest = min(latest, s + (latest - s) // 2)
        done = rng.randint(earliest, latest)
        task.done_index = done
        k = done - s + 1
        total = sum(steps[:k])
        acc = 0.0
        for i in range(n):
            if i < k - 1:
                acc += steps[i]
                task.path.append(acc / total)
            else:
                task.path.append(1.0)
        return
    if profile == "stalled" and n >= 5:
        flat = rng.randint(4, min(7, n - 1))
        task.stall_from = last - flat + 1
        grow = n - flat
        final = min(0.9, max(0.1, expected_at(task, last - flat) * rng.uniform(0.5, 0.9)))
    else:
        grow = n
        expected = expected_at(task, last)
        if profile == "on_track":
            final = expected * rng.uniform(0.97, 1.08)
            final = min(0.97, max(final, expected - 0.07, 0.03))
        elif profile == "behind":
            final = max(0.02, min(expected - 0.15, expected * rng.uniform(0.3, 0.7)))
        elif profile == "overdue":
            final = rng.uniform(0.4, 0.9)
        else:  # stalled, but too young to stall: behave as behind
            final = max(0.02, expected * 0.5)
    total = sum(steps[:grow])
    acc = 0.0
    for i in range(n):
        if i < grow:
            acc += steps[i]
        task.path.append(final * acc / total)


def make_metrics(rng: random.Random, keys: list[str]) -> list[Metric]:
    count = rng.choices([1, 2, 3], weights=[60, 30, 10])[0]
    kinds = [KINDS_BY_KEY[key] for key in rng.sample(keys, min(count, len(keys)))]
    metrics = []
    for kind in kinds:
        if kind.rate:
            target = fmt_number(rng.uniform(kind.low, kind.high), kind.decimals)
            baseline = fmt_number(target - rng.uniform(8, 30), kind.decimals)
            increment = False
        else:
            target = fmt_number(rng.uniform(kind.low, kind.high), kind.decimals)
            if kind.decimals == 0 and target >= 100:
                target = int(round(target, -1))
            baseline = 0 if rng.random() < 0.8 else fmt_number(target * rng.uniform(0.1, 0.3), kind.decimals)
            increment = rng.random() < 0.3
        metrics.append(Metric(kind, kind.key, target, baseline, increment,
                              rng.uniform(0.9, 1.1), increment or rng.random() < 0.5))
    return metrics


def make_task(rng: random.Random, number: int, last: int) -> Task:
    unit = rng.choice(UNIT_NAMES)
    categories, keys = UNITS[unit]
    co_units = rng.sample([u for u in UNIT_NAMES if u != unit], rng.randint(1, 2)) if rng.random() < 0.3 else []
    category = rng.choice(categories) if rng.random() < 0.85 else None
    qualitative = rng.random() < 0.10
    metrics = [] if qualitative else make_metrics(rng, keys)
    latest_start = min(last, 9)
    start_index = 0
    if latest_start > 0 and rng.random() < 0.2:
        start_index = rng.randint(1, latest_start)
    profile = rng.choices(PROFILES, weights=PROFILE_WEIGHTS)[0]
    due = choose_due(rng, profile, start_index, last)
    if profile == "overdue" and due >= month_end(last):
        profile = "behind"  # too few months for this one to fall overdue
    if metrics:
        title = ",".join(
            f"{m.kind.name}达到{m.target}{m.kind.unit}" if m.kind.rate
            else f"{m.kind.verb}{m.kind.name}{m.target}{m.kind.unit}"
            for m in metrics) + "。"
    else:
        title = rng.choice(QUALITATIVE_TITLES) + "。"
    task = Task(
        id=str(number), title=title, unit=unit, co_units=co_units, category=category,
        start_index=start_index, start_written=start_index > 0 or rng.random() < 0.1,
        due=due, due_written=due != date(PLAN_YEAR, 12, 31) or rng.random() < 0.5,
        stall_months=3 if rng.random() < 0.05 else None,
        metrics=metrics, milestones=[], profile=profile,
        measured=bool(metrics) or rng.random() < 0.8,
        reporter=rng.choice(REPORTERS),
    )
    if metrics and rng.random() < 0.15:
        metric = rng.choice(metrics)
        start, span = month_start(start_index), month_index(due) - start_index
        if span >= 4:
            for q in sorted(rng.sample(range(1, span), min(2, span - 1))):
                if (q + start_index) % 3 != 2:
                    continue
                when = month_end(start_index + q)
                share = (when - start).days / (due - start).days
                value = metric.baseline + share * (metric.target - metric.baseline)
                key = None if len(metrics) == 1 and rng.random() < 0.5 else metric.key
                task.milestones.append(Milestone(when, key, fmt_number(value, metric.kind.decimals)))
    build_path(rng, task, last)
    return task


def task_toml(task: Task) -> str:
    lines = ["[[task]]", f'id = "{task.id}"', f"title = {toml_str(task.title)}",
             f"unit = {toml_str(task.unit)}"]
    if task.co_units:
        lines.append("co_units = [" + ", ".join(toml_str(u) for u in task.co_units) + "]")
    if task.category:
        lines.append(f"category = {toml_str(task.category)}")
    if task.start_written:
        lines.append(f"start = {month_start(task.start_index).isoformat()}")
    if task.due_written:
        lines.append(f"due = {task.due.isoformat()}")
    if task.stall_months:
        lines.append(f"stall_months = {task.stall_months}")
    for m in task.metrics:
        lines += ["", "[[task.metric]]", f'key = "{m.key}"', f"name = {toml_str(m.kind.name)}",
                  f"unit = {toml_str(m.kind.unit)}", f"target = {m.target}", f"baseline = {m.baseline}"]
        if m.explicit_mode:
            lines.append(f'mode = "{"increment" if m.increment else "cumulative"}"')
    for ms in task.milestones:
        lines += ["", "[[task.milestone]]", f"due = {ms.due.isoformat()}"]
        if ms.metric:
            lines.append(f'metric = "{ms.metric}"')
        lines.append(f"target = {ms.target}")
    return "\n".join(lines) + "\n"


def plan_toml(tasks: list[Task], months: int) -> str:
    head = (
        "# Generated by bench/generate.py: a benchmark plan, not real data.\n"
        "[plan]\n"
        f'title = "{PLAN_YEAR}年全市重点目标任务(基准测试,{len(tasks)}项,{months}个月)"\n'
        f"year = {PLAN_YEAR}\n"
        "stall_months = 2\n"
        "behind_tolerance = 0.10\n"
    )
    return head + "".join("\n" + task_toml(t) for t in tasks)
