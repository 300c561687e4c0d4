"""The plan as the rest of the pipeline sees it: immutable named tuples.

The plan loader validates tasks.toml (with pydantic) into these; the plan
cache rebuilds them from JSON without importing pydantic at all, which keeps
every command that only reads fast to start. Named tuples rather than frozen
dataclasses: a frozen dataclass is ten times slower to build, and a
province's plan builds 30,000 tasks on every command.
"""

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Mapping
from functools import partial
from itertools import accumulate
from operator import itemgetter
from types import MappingProxyType
from typing import NamedTuple

from tracker.core import months

MODES = ("cumulative", "increment")
STATUSES = ("ongoing", "done", "blocked")


class Milestone(NamedTuple):
    due: dt.date
    metric: str
    target: float
    line: int = 0


class Metric(NamedTuple):
    key: str
    name: str
    unit: str
    target: float
    baseline: float = 0.0
    mode: str = "cumulative"
    line: int = 0

    @property
    def rate(self) -> bool:
        """A rate in % (覆盖率 95%): its figure is the level reached, never summed, and may be typed with its sign."""
        return self.unit in ("%", "％")


class Task(NamedTuple):
    id: str
    title: str
    unit: str
    start: dt.date
    due: dt.date
    stall_months: int = 2
    behind_tolerance: float = 0.10
    co_units: tuple[str, ...] = ()
    category: str | None = None
    metrics: tuple[Metric, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    line: int = 0

    def metric(self, key: str) -> Metric | None:
        for m in self.metrics:
            if m.key == key:
                return m
        return None


class _PlanFields(NamedTuple):
    tasks: tuple[Task, ...]
    title: str | None = None
    year: int | None = None
    stall_months: int = 2
    behind_tolerance: float = 0.10
    path: str = "tasks.toml"
    by_id: dict | None = None


class Plan(_PlanFields):
    """The validated plan: its tasks in declaration order, and each task by its id (by_id)."""

    __slots__ = ()

    def __new__(cls, tasks, title=None, year=None, stall_months=2, behind_tolerance=0.10, path="tasks.toml",
                by_id=None):
        return super().__new__(cls, tasks, title, year, stall_months, behind_tolerance, path,
                               by_id if by_id else {t.id: t for t in tasks})

    def task(self, task_id: str) -> Task | None:
        return self.by_id.get(task_id)

    def task_as_typed(self, task_id: str) -> Task | None:
        """The task a user or a table means by `task_id`: its id, or its number written another way (`05` for
        task 5, `3.02` for 3.2: one number to the people who type it, and tasks.toml never declares both), or
        inside the marks offices write around it (`195.`, `１９５．`, `195、`, `第195项`: id_as_written).
        What is recorded is always the task's own id."""
        found = self.by_id.get(task_id)
        if found is None and (written := id_as_written(task_id)) != task_id:
            found = self.by_id.get(written)
            task_id = written
        if found is None and (number := id_number(task_id)) is not None:
            found = next((t for t in self.tasks if id_number(t.id) == number), None)
        return found


# A task's number as offices write it around the number: 195., 195、, （195）, 第195项, 195号 (after NFKC: full-width
# digits and marks too, １９５．), in a table's 编号 cell as on a command line.
_ID_WRITTEN = re.compile(r"^(?:第\s*(?P<a>[\d.]*\d)\s*[项条号]?|\((?P<b>[\d.]*\d)\)|(?P<c>[\d.]*\d)\s*[.、号]?)$")


def id_as_written(written: str) -> str:
    """The task id inside the marks offices write around it, else `written` with its spaces and full-width forms
    made plain (then no task number when it is none, e.g. a sub-item's 50-1)."""
    flat = re.sub(r"\s+", "", unicodedata.normalize("NFKC", written))
    found = _ID_WRITTEN.match(flat)
    return next(g for g in found.groups() if g) if found else flat


def id_number(task_id: str) -> tuple[int, ...] | None:
    """The numbers an id is made of (05 and 5 alike, 3.02 and 3.2), or None for an id that is no such number."""
    parts = task_id.split(".")
    return tuple(map(int, parts)) if all(p.isascii() and p.isdigit() for p in parts) else None


class TaskLog:
    """One task's log reduced to what is in force, month by month (months as ints).

    evaluate() asks a log only through the methods below, so that a log kept
    in another form (series.SeriesLog: dense arrays read straight from the
    database) judges a task by the same code. A plain class, not a dataclass:
    every command imports this module, and a dataclass costs a millisecond to define.
    """

    __slots__ = ("months", "values", "percent", "status", "notes")

    def __init__(self, months=None, values=None, percent=None, status=None, notes=None):
        self.months: set = set() if months is None else months            # months with any entry
        self.values: dict = {} if values is None else values              # metric key -> {month: value in force}
        self.percent: dict = {} if percent is None else percent           # month -> percent in force
        self.status: dict = {} if status is None else status              # month -> status in force
        self.notes: dict = {} if notes is None else notes                 # month -> note in force

    def __repr__(self) -> str:
        return (f"TaskLog(months={self.months!r}, values={self.values!r}, percent={self.percent!r}, "
                f"status={self.status!r}, notes={self.notes!r})")

    def value(self, metric: Metric, p: int) -> float:
        """The metric's value as of month p."""
        return value_as_of(metric, self.values.get(metric.key, _NONE), p)

    def values_at(self, metrics, p: int) -> list[float]:
        """The metrics' values as of month p."""
        return [self.value(m, p) for m in metrics]

    def reported(self, key: str, p: int) -> bool:
        """Whether an entry of month p set this metric."""
        series = self.values.get(key)
        return series is not None and p in series

    def percent_at(self, p: int):
        return in_force(self.percent, p)

    def status_at(self, p: int):
        return in_force(self.status, p)

    def has_entry(self, p: int) -> bool:
        return p in self.months

    def any_entry(self, first: int, last: int) -> bool:
        """Whether any month first … last has an entry."""
        return any(m in self.months for m in range(first, last + 1))

    def last_month(self, p: int) -> int | None:
        """The latest month ≤ p with an entry."""
        return max((m for m in self.months if m <= p), default=None)

    def note(self, p: int) -> str | None:
        return self.notes.get(p)

    def earlier_note_month(self, p: int) -> int | None:
        """The latest month before p that has a note."""
        return max((m for m in self.notes if m < p), default=None)

    def repeats_note(self, p: int) -> bool:
        """Whether p's note is the note of the latest earlier month that has one, again."""
        note = self.notes.get(p)
        if not note:
            return False
        earlier = self.earlier_note_month(p)
        return earlier is not None and same_note(note, self.notes[earlier])


def same_note(a: str, b: str) -> bool:
    """Two notes alike once white space is removed (SPEC: repeated_note)."""
    return "".join(a.split()) == "".join(b.split())


_NONE: dict = {}


def value_as_of(metric: Metric, series: dict, p: int) -> float:
    """A metric's value as of month p, from its values in force month by month."""
    if metric.mode == "increment":
        total = 0.0
        for m, v in series.items():
            if m <= p:
                total += v
        return increment_value(metric, total)
    latest, value = -1, metric.baseline
    for m, v in series.items():
        if latest < m <= p:
            latest, value = m, v
    return value


def increment_value(metric: Metric, total: float) -> float:
    """An increment metric's value: its baseline plus the amounts so far, rounded to 9 decimals.

    Sums of decimal amounts carry binary noise (334.30000000000007), and its
    last digits depend on the order of adding; the rounding makes the value
    the one a person adding the figures gets, whichever way the log was read.
    """
    value = metric.baseline + total
    return value if value.is_integer() else round(value, 9)  # a whole number is its own rounding; round() is slow


def in_force(series: dict, p: int):
    """The value of the latest month ≤ p in a {month: value} series, or None."""
    latest, value = -1, None
    for m, v in series.items():
        if latest < m <= p:
            latest, value = m, v
    return value


# A completion at or above this is done: a ratio computed in floating point may fall short of 1 by a hair.
DONE = 1.0 - 1e-9


def shown_percent(share: float) -> int:
    """A share as the whole percent every output prints, rounded half up as offices round (四舍五入: 14.5 % is
    15 %, where Python's round() would give 14); short of done it never prints 100 (61.4 of 61.7 is 99 %, not
    100 % beside a task that is not done)."""
    n = math.floor(round(share * 100, 9) + 0.5)  # round(…, 9) first: 0.145 * 100 is 14.499999999999998
    return 99 if n >= 100 and share < DONE else n


def share(x: float | None) -> float | None:
    """A fraction as JSON writes it: four decimals, and, as shown_percent, never 1.0 short of done (99,999 of
    100,000 is 0.9999: a script that finds done tasks by completion 1 must not find this one)."""
    if x is None:
        return None
    r = round(x, 4)
    return 0.9999 if r >= 1.0 > x + 1e-9 else r


def percent_text(share: float | None) -> str:
    return "—" if share is None else f"{shown_percent(share)}%"


def number(x: float | int | None):
    """A figure as users wrote it: 100 rather than 100.0."""
    if isinstance(x, float) and x.is_integer():
        return int(x)
    return x


# --- the plan cache's form ---------------------------------------------------------
# Column by column (every task's id, every task's title, …): JSON parses a list of
# 30,000 strings much faster than 30,000 small lists, and building the named tuples
# is then one zip() a table. Units, categories, metric keys, names and modes repeat
# across thousands of tasks, and dates across hundreds: each is stored once, in
# `texts` and `dates`, and the columns hold its index there (a number parses faster
# than a string, and the plan in memory keeps one copy). Milestones and co-units
# are rare: by task index.


def plan_to_data(plan: Plan) -> dict:
    """The plan as plain JSON data, column by column, for the plan cache. What repeats is written once and
    referred to by its place: texts, dates, a metric's key, name, unit and mode ("kinds": a province's 40,000
    metrics have a hundred), a task's start, due, stall months and tolerance ("terms"). Every number costs
    json.loads a conversion: these take 200,000 of them out of a province's cache."""
    tasks = plan.tasks
    metrics = [m for t in tasks for m in t.metrics]
    texts: dict = {}
    dates: dict = {}
    kinds: dict = {}
    terms: dict = {}

    def text(x) -> int:
        return texts.setdefault(x, len(texts))

    def date(d: dt.date) -> int:
        return dates.setdefault(d.toordinal(), len(dates))

    def kind(m: Metric) -> int:
        return kinds.setdefault((text(m.key), text(m.name), text(m.unit), text(m.mode)), len(kinds))

    def term(t: Task) -> int:
        fields = (date(t.start), date(t.due), t.stall_months, t.behind_tolerance)
        return terms.setdefault(repr(fields), (len(terms), fields))[0]  # repr: 0.0 and -0.0 kept apart

    data = {
        "title": plan.title, "year": plan.year, "stall_months": plan.stall_months,
        "behind_tolerance": plan.behind_tolerance, "path": plan.path,
        "id": [t.id for t in tasks], "task_title": [t.title for t in tasks], "unit": [text(t.unit) for t in tasks],
        "term": [term(t) for t in tasks], "category": [text(t.category) for t in tasks], "line": [t.line for t in tasks],
        "co_units": {str(i): list(t.co_units) for i, t in enumerate(tasks) if t.co_units},
        "milestones": {str(i): [[s.due.toordinal(), s.metric, s.target, s.line] for s in t.milestones]
                       for i, t in enumerate(tasks) if t.milestones},
        "metric_count": [len(t.metrics) for t in tasks],
        "metric": [[kind(m) for m in metrics], [m.target for m in metrics], [m.baseline for m in metrics],
                   [m.line for m in metrics]],
    }
    data["texts"], data["dates"] = list(texts), list(dates)
    data["kinds"], data["terms"] = list(kinds), [fields for _, fields in terms.values()]
    return data


def plan_from_data(data: dict) -> Plan:
    """The plan from plan_to_data()'s form."""
    text = data["texts"].__getitem__
    date = [dt.date.fromordinal(n) for n in data["dates"]].__getitem__
    first, second, third, fourth = (itemgetter(i) for i in range(4))
    kinds = [tuple(map(text, k)) for k in data["kinds"]]  # key, name, unit, mode
    kind_ids, targets, baselines, lines = data["metric"]
    each = list(map(kinds.__getitem__, kind_ids))
    metrics = tuple(map(partial(tuple.__new__, Metric), zip(map(first, each), map(second, each), map(third, each),
                                                          targets, baselines, map(fourth, each), lines)))
    ends = list(accumulate(data["metric_count"]))
    grouped = list(map(metrics.__getitem__, map(slice, [0, *ends], ends)))  # a task's metrics: a slice, () if none
    n = len(data["id"])
    co_units, milestones = [()] * n, [()] * n
    for k, v in data["co_units"].items():
        co_units[int(k)] = tuple(v)
    for k, v in data["milestones"].items():
        milestones[int(k)] = tuple(Milestone(dt.date.fromordinal(d), metric, target, line)
                                   for d, metric, target, line in v)
    terms = [(date(start), date(due), stall, tolerance) for start, due, stall, tolerance in data["terms"]]
    each = list(map(terms.__getitem__, data["term"]))  # start, due, stall months, tolerance
    tasks = tuple(map(partial(tuple.__new__, Task), zip(
        data["id"], data["task_title"], map(text, data["unit"]), map(first, each), map(second, each),
        map(third, each), map(fourth, each), co_units, map(text, data["category"]), grouped, milestones,
        data["line"])))
    return Plan(tasks, data["title"], data["year"], data["stall_months"], data["behind_tolerance"], data["path"])


_NO_VALUES = MappingProxyType({})


class Entry(NamedTuple):
    """One report as recorded (or about to be). A named tuple: an import builds 650,000 of them."""

    id: str
    task: str
    month: int
    recorded_at: str
    by: str | None = None
    values: Mapping = _NO_VALUES
    percent: float | None = None
    status: str | None = None
    note: str | None = None
    problems: str | None = None     # 存在问题
    next_steps: str | None = None   # 下步计划
    voids: str | None = None        # a void entry (作废): the id of the entry of the same task it takes out of the count

    def to_json(self, with_task: bool = False) -> dict:
        out = {"id": self.id}
        if with_task:
            out["task"] = self.task
        out.update({
            "month": months.fmt(self.month), "recorded_at": self.recorded_at, "by": self.by,
            "values": {k: number(v) for k, v in self.values.items()},
            "percent": number(self.percent), "status": self.status, "note": self.note,
            "problems": self.problems, "next_steps": self.next_steps, "voids": self.voids,
        })
        return out
