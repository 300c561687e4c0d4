"""The careful way through tasks.toml: pydantic checks each table, and every problem is named.

pydantic checks the shape and types of each table; the rules that span
fields (due after start, unique ids and keys, milestones inside the task's
time) are checked after it. All problems are collected and reported at once,
each as `PATH:LINE: message`. plan.py reads the file and finds the lines,
and comes here only for what its fast way is not sure of: pydantic is
imported only here, so a well-formed plan is read without it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from tracker.core.checks import TITLE_LIMIT
from tracker.model_words import rest, said
from tracker.errors import BadInput, PlanError
from tracker.core.model import Metric, Milestone, Plan, Task, id_number
from tracker.plan import KEY_WORDS, WORD_OF_KEY, line_of

ID_PATTERN = r"^[0-9]+(\.[0-9]+)*$"  # \d would take "１" and "٣", which `tracker log 1` never finds
KEY_PATTERN = r"^[a-z][a-z0-9_]*$"


def _id_text(v: Any) -> Any:
    # `id = 195` is what people write; the contract's ids are strings.
    return str(v) if isinstance(v, int) and not isinstance(v, bool) else v


Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
Text = Annotated[str, Field(min_length=1, strict=True)]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MetricIn(_In):
    key: Annotated[str, Field(pattern=KEY_PATTERN, strict=True)]
    name: Text | None = None
    unit: Annotated[str, Field(strict=True)] = ""
    target: Number
    baseline: Annotated[float, Field(strict=True, allow_inf_nan=False, ge=0)] = 0.0
    mode: Literal["cumulative", "increment"] = "cumulative"


class MilestoneIn(_In):
    due: dt.date
    metric: Annotated[str, Field(strict=True)] | None = None
    target: Number


class TaskIn(_In):
    id: Annotated[str, BeforeValidator(_id_text), Field(pattern=ID_PATTERN, strict=True)]
    title: Annotated[str, Field(min_length=1, max_length=TITLE_LIMIT, strict=True)]
    unit: Text
    co_units: list[Text] = Field(default_factory=list)  # (a default list would be deep-copied for each task)
    category: Text | None = None
    start: dt.date | None = None
    due: dt.date | None = None
    stall_months: Annotated[int, Field(ge=1, le=120, strict=True)] | None = None
    behind_tolerance: Annotated[float, Field(ge=0, lt=1, strict=True)] | None = None
    metric: list[dict] = Field(default_factory=list)
    milestone: list[dict] = Field(default_factory=list)


class PlanIn(_In):
    title: Text | None = None
    year: Annotated[int, Field(ge=1900, le=9999, strict=True)] | None = None
    stall_months: Annotated[int, Field(ge=1, le=120, strict=True)] = 2
    behind_tolerance: Annotated[float, Field(ge=0, lt=1, strict=True)] = 0.10


def _errors(err: ValidationError, prefix: tuple, lines, path: str, who, what: str = "") -> list[BadInput]:
    """pydantic's errors as problems with their lines; `who`: "task 195: " (a phrase), or ""; `what`: "metric."…"""
    out = []
    for e in err.errors(include_url=False):
        loc = prefix + tuple(e["loc"])
        field = what + (".".join(str(p) for p in e["loc"]) or "table")
        kind, ctx = e["type"], e.get("ctx") or {}
        fields = {}
        if kind == "extra_forbidden" and loc[-1] in KEY_WORDS:
            msg, fields = "{who}{field} is not a known key: tasks.toml writes it {key}", {"key": KEY_WORDS[loc[-1]]}
        elif kind == "extra_forbidden" and (near := _near_key(err.title, loc[-1])) is not None:
            msg, fields = "{who}{field} is not a known key (did you mean {key}?)", {"key": near}
        elif kind == "string_pattern_mismatch" and loc[-1] == "id":
            msg = "{who}{field} must be digits 0-9, optionally dotted (\"195\", \"3.2\")"
        elif kind == "string_pattern_mismatch" and loc[-1] == "key":
            msg = "{who}{field} must match [a-z][a-z0-9_]*"
        elif kind == "string_too_long":
            msg, fields = "{who}{field} is {n} characters long; at most {limit} are allowed", {
                "n": f"{len(e['input']):,}", "limit": f"{ctx.get('max_length', TITLE_LIMIT):,}"}
        else:
            msg, fields = said(e)
        out.append(BadInput(msg, place=f"{path}:{line_of(lines, loc)}", who=who, field=_Key(field), **fields))
    return out


def _near_key(model: str, key) -> str | None:
    """The key of the table (`model`: the pydantic model's name) that a misspelt one most likely means (tittle: title,
    units: unit, metrics: metric), or None."""
    import difflib

    known = {m.__name__: m for m in (PlanIn, TaskIn, MetricIn, MilestoneIn)}.get(model)
    if known is None or not isinstance(key, str):
        return None
    near = difflib.get_close_matches(key, list(known.model_fields), n=1, cutoff=0.7)
    return near[0] if near else None


class _Key(BadInput):
    """A key of tasks.toml named in a message: in Chinese with the word an office uses beside it (target（目标值）)."""

    def message(self, lang: str = "en") -> str:
        word = WORD_OF_KEY.get(self.template) or WORD_OF_KEY.get(self.template.rpartition(".")[2])
        return f"{self.template}（{word}）" if lang == "zh" and word else self.template


def _shown_key(raw: dict, j: int) -> str:
    """A metric's key as the file gives it, when it is not a valid key; with none, its place (#2: the second)."""
    key = raw.get("key")
    return f"#{j + 1}" if key is None else key if isinstance(key, str) else str(key)


def _at(path: str, line: int, template: str, **fields) -> BadInput:
    return BadInput(template, place=f"{path}:{line}", **fields)


def validate(data: dict, lines: dict, path: str) -> Plan:
    """The plan in tomli's data, or PlanError with every problem; lines: key_lines() of its text."""
    problems: list[BadInput] = []
    unknown = sorted(set(data) - {"plan", "task"})
    for key in unknown:
        problems.append(_at(path, line_of(lines, (key,)), "unknown table or key {key} (expected [plan] and [[task]])",
                            key=repr(key)))
    plan_in = PlanIn()
    raw_plan = data.get("plan", {})
    if not isinstance(raw_plan, dict):
        problems.append(_at(path, line_of(lines, ("plan",)), "plan must be a table"))
    else:
        try:
            plan_in = PlanIn.model_validate(raw_plan)
        except ValidationError as err:
            problems += _errors(err, ("plan",), lines, path, "", "plan.")
            plan_in = rest(PlanIn, raw_plan, err) or PlanIn()  # the keys that are right, to check the tasks against
    raw_tasks = data.get("task", [])
    if not isinstance(raw_tasks, list):
        problems.append(_at(path, line_of(lines, ("task",)), "task must be an array of tables ([[task]])"))
        raw_tasks = []

    tasks: list[Task] = []
    first_line: dict[str, int] = {}
    first_number: dict[tuple[int, ...], tuple[str, int]] = {}
    for i, raw in enumerate(raw_tasks):
        here = ("task", i)
        line = line_of(lines, here)
        raw_id = _id_text(raw.get("id")) if isinstance(raw, dict) else None
        same = id_number(raw_id) if isinstance(raw_id, str) else None
        if isinstance(raw_id, str) and raw_id in first_line:
            # and the task is checked all the same: its other problems are said now, not after the id is fixed
            problems.append(_at(path, line, "duplicate task id {id} (first declared at line {first})", id=raw_id,
                                first=first_line[raw_id]))
        elif same in first_number:
            # 5 and 05 are one number to the people who say and type it (`tracker log 5`, a table's 05.): never two tasks
            problems.append(_at(path, line, "task id {id} is task {other} written another way (declared at line "
                                "{first}): give it a number of its own", id=raw_id, other=first_number[same][0],
                                first=first_number[same][1]))
        elif isinstance(raw_id, str):
            first_line[raw_id] = line
            if same is not None:
                first_number[same] = (raw_id, line)
        try:
            t = TaskIn.model_validate(raw)
        except ValidationError as err:
            who = BadInput("task {id}: ", id=raw_id) if raw_id is not None else BadInput("task #{n}: ", n=i + 1)
            problems += _errors(err, here, lines, path, who)
            t = _rest_of_task(raw, err) if isinstance(raw_id, str) and re.match(ID_PATTERN, raw_id) else None
            if t is not None:  # its metrics and milestones are checked all the same; the task is not kept
                problems += _build_task(t, i, plan_in, lines, path, line)[1]
            continue
        task, task_problems = _build_task(t, i, plan_in, lines, path, line)
        problems += task_problems
        if task:
            tasks.append(task)
    if problems:
        raise PlanError(sorted(problems, key=_line_number))
    return Plan(tuple(tasks), plan_in.title, plan_in.year, plan_in.stall_months,
                plan_in.behind_tolerance, path)


def _rest_of_task(raw: dict, err: ValidationError) -> TaskIn | None:
    """A task whose title, unit or other keys are wrong, with stand-ins for them, so that its metrics and
    milestones are still checked; with a wrong start or due, its milestones wait (they are checked against
    those dates)."""
    bad = {e["loc"][0] for e in err.errors(include_url=False) if e["loc"]}
    t = rest(TaskIn, raw, err, fill={"title": "x", "unit": "x"})
    if t is not None and bad & {"start", "due"}:
        t = t.model_copy(update={"start": None, "due": dt.date(9999, 12, 31), "milestone": []})
    return t


def _line_number(problem: BadInput) -> int:
    found = re.search(r":(\d+)$", problem.place or "")
    return int(found[1]) if found else 0


def _build_task(t: TaskIn, i: int, plan: PlanIn, lines, path: str, line: int):
    problems: list[BadInput] = []
    here = ("task", i)
    due = t.due
    if due is None:
        if plan.year is None:
            problems.append(_at(path, line, "task {id}: due is required (or set plan.year)", id=t.id))
            return None, problems
        due = dt.date(plan.year, 12, 31)
    start = t.start or dt.date(plan.year if plan.year is not None else due.year, 1, 1)
    if due <= start:
        where = line_of(lines, here + ("due",))
        problems.append(_at(path, where, "task {id}: due {due} must be after start {start}", id=t.id, due=due, start=start))
    metrics: list[Metric] = []
    for j, raw in enumerate(t.metric):
        mloc = here + ("metric", j)
        whole = True
        try:
            m = MetricIn.model_validate(raw)
        except ValidationError as err:
            problems += _errors(err, mloc, lines, path, BadInput("task {id}: ", id=t.id), "metric.")
            # its keys that are right are checked further all the same (a target below its baseline beside a
            # misspelt mode): every problem is said at once
            m, whole = rest(MetricIn, raw, err, fill={"key": "x"}), False
            if m is None:
                continue
        mline = line_of(lines, mloc)
        if whole and any(x.key == m.key for x in metrics):
            problems.append(_at(path, mline, "task {id}: duplicate metric key {key}", id=t.id, key=repr(m.key)))
            continue
        if m.target <= m.baseline:
            where = line_of(lines, mloc + ("target",))
            problems.append(_at(path, where, "task {id}: metric {key}: target {target} must be greater than baseline {baseline}",
                                id=t.id, key=m.key if whole else _shown_key(raw, j), target=f"{m.target:g}", baseline=f"{m.baseline:g}"))
            continue
        if whole:
            metrics.append(Metric(m.key, m.name or m.key, m.unit, float(m.target), float(m.baseline), m.mode, mline))
    stones: list[Milestone] = []
    for j, raw in enumerate(t.milestone):
        sloc = here + ("milestone", j)
        sline = line_of(lines, sloc)
        try:
            s = MilestoneIn.model_validate(raw)
        except ValidationError as err:
            problems += _errors(err, sloc, lines, path, BadInput("task {id}: ", id=t.id), "milestone.")
            continue
        key = s.metric
        if not t.metric:  # `metric =` would not help: a milestone is a checkpoint of a metric's figure
            problems.append(_at(path, sline, "task {id}: a milestone is a checkpoint of a metric, and the task has none",
                                id=t.id))
            continue
        if key is None:
            if len(t.metric) != 1:
                problems.append(_at(path, sline, "task {id}: milestone needs `metric =` (the task has {n} metrics)",
                                    id=t.id, n=len(t.metric)))
                continue
            key = metrics[0].key if metrics else None
            if key is None:
                continue
        metric = next((m for m in metrics if m.key == key), None)
        if metric is None:
            problems.append(_at(path, line_of(lines, sloc + ("metric",)), "task {id}: milestone names unknown metric {key}",
                                id=t.id, key=repr(key)))
            continue
        if not start < s.due < due:
            problems.append(_at(path, line_of(lines, sloc + ("due",)),
                                "task {id}: milestone due {when} must fall between start {start} and due {due}",
                                id=t.id, when=s.due, start=start, due=due))
            continue
        if not metric.baseline <= s.target <= metric.target:
            problems.append(_at(path, line_of(lines, sloc + ("target",)),
                                "task {id}: milestone target {value} must lie between baseline {baseline} and target {target}",
                                id=t.id, value=f"{s.target:g}", baseline=f"{metric.baseline:g}", target=f"{metric.target:g}"))
            continue
        stones.append(Milestone(s.due, key, float(s.target), sline))
    stones.sort(key=lambda s: (s.metric, s.due))
    task = Task(
        id=t.id, title=t.title, unit=t.unit, start=start, due=due,
        stall_months=t.stall_months or plan.stall_months,
        behind_tolerance=t.behind_tolerance if t.behind_tolerance is not None else plan.behind_tolerance,
        co_units=tuple(t.co_units), category=t.category, metrics=tuple(metrics),
        milestones=tuple(stones), line=line,
    )
    return (None if problems else task), problems
