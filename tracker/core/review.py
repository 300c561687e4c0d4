"""The office's month as data: the CI check (what fails, and the figures behind each flag) and the ranking of units.

Pure builders: they take standings (and each task's reduced log, for the
figures behind a flag), the month and today, and return values. The rules
themselves are evaluate.py's; here they are only read back and explained.
"""

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from tracker.core import months
from tracker.errors import BadInput, Words
from tracker.core.evaluate import FLAGS, Standing, completion, days_overdue, risen
from tracker.core.model import TaskLog, share, shown_percent

DEFAULT_FAIL_ON = ("overdue", "stalled")
# `check --format github`: these flags make an ::error, the others a ::warning.
ERRORS = ("overdue", "stalled")
UNIT_COUNTS = ("done", "pending", "on_track", "behind", "blocked", "stalled", "overdue")


def parse_fail_on(text: str | None, option: str = "--fail-on") -> tuple[str, ...]:
    """`--fail-on overdue,stalled` → the flags, in the order of FLAGS; unknown ones are an error naming `option`."""
    if text is None:
        return DEFAULT_FAIL_ON
    codes = codes_of(text, FLAGS, option)
    return tuple(f for f in FLAGS if f in codes)


def codes_of(text: str, known: tuple[str, ...], option: str) -> set[str]:
    """Flags or statuses given by their codes or their Chinese labels (滞后, 未报送, 受阻), comma-separated
    (、 and ， too); unknown ones are an error naming the known ones."""
    from tracker.labels import code_of

    words = [w.strip() for w in text.replace("，", ",").replace("、", ",").split(",") if w.strip()]
    if not words:
        raise BadInput("{option}: give one or more of {known}", option=option, known=Words(known))
    codes = {w: code_of(w) for w in words}
    unknown = sorted(w for w, c in codes.items() if c not in known)
    if unknown:
        raise BadInput("{option}: unknown {words} (use any of {known})", option=option, words=", ".join(unknown),
                       known=Words(known))
    return set(codes.values())


# --- check --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Figure:
    """One metric's value against its target, as of the month (name is None for a task's only metric)."""

    name: str | None
    value: float
    target: float
    unit: str


@dataclass(frozen=True, slots=True)
class Reason:
    """One flag or warning of a task with the figures behind it; fields unused by a code stay None."""

    code: str
    completion: float | None = None
    expected: float | None = None
    figures: tuple[Figure, ...] = ()
    since: int | None = None          # stalled: the month since which completion has not grown
    last_month: int | None = None     # stalled (unmeasured), missing: the latest month with a report
    due: dt.date | None = None        # overdue
    days: int | None = None           # overdue
    before: tuple[Figure, ...] = ()   # regressed: the metrics' values as of the month before
    earlier: int | None = None        # repeated_note: the month whose note was repeated
    text_only: int | None = None      # stalled: the latest report's month, when it came after `since` with no figure


@dataclass(frozen=True, slots=True)
class Finding:
    standing: Standing
    failing: tuple[str, ...]          # the task's flags that are in --fail-on
    reasons: tuple[Reason, ...]       # every flag of the task, explained

    @property
    def error(self) -> bool:
        return any(f in ERRORS for f in self.standing.flags)


@dataclass(frozen=True, slots=True)
class CheckResult:
    month: int
    fail_on: tuple[str, ...]
    total: int
    findings: tuple[Finding, ...]                           # failing tasks, in declaration order
    notes: tuple[tuple[Standing, tuple[Reason, ...]], ...]  # tasks with warnings (they do not fail)

    @property
    def ok(self) -> bool:
        return not self.findings


def check(standings: list[Standing], logs: dict, p: int, fail_on: tuple[str, ...], today: dt.date) -> CheckResult:
    """The tasks that fail (any flag in fail_on) as of month p, each flag explained, and every warning as a note."""
    findings, notes = [], []
    for s in standings:
        failing = tuple(f for f in s.flags if f in fail_on)
        log = logs.get(s.task.id) or TaskLog()
        if failing:
            findings.append(Finding(s, failing, tuple(explain(s, log, f, today) for f in s.flags)))
        if s.warnings:
            notes.append((s, tuple(explain(s, log, w, today) for w in s.warnings)))
    return CheckResult(p, tuple(fail_on), len(standings), tuple(findings), tuple(notes))


def metric_figures(s: Standing) -> tuple[Figure, ...]:
    named = len(s.metrics) > 1
    return tuple(Figure(m.metric.name if named else None, m.value, m.metric.target, m.metric.unit) for m in s.metrics)


def explain(s: Standing, log: TaskLog, code: str, today: dt.date) -> Reason:
    """The figures behind one flag or warning of a task."""
    task, p = s.task, s.month
    if code == "overdue":
        return Reason(code, completion=s.completion, due=task.due, days=days_overdue(s, today))
    if code == "behind":
        return Reason(code, completion=s.completion, expected=s.expected)
    if code in ("missing", "blocked"):
        return Reason(code, last_month=s.last_month)
    if code == "stalled":
        if not s.measured:
            return Reason(code, last_month=s.last_month)
        since = stalled_since(s, log)
        # a report without a figure (one the import could not read, or text alone) moves no metric: said, lest
        # the department seem not to have reported
        last = log.last_month(p)
        text_only = last if s.metrics and last is not None and last > since and \
            not any(log.reported(x.metric.key, last) for x in s.metrics) else None
        return Reason(code, completion=s.completion, figures=metric_figures(s), since=since, text_only=text_only)
    if code == "regressed":
        now, before = [], []
        for m in s.metrics:
            if m.metric.mode == "cumulative" and log.reported(m.metric.key, p):
                old = log.value(m.metric, p - 1)
                if m.value < old:
                    now.append(Figure(m.metric.name, m.value, m.metric.target, m.metric.unit))
                    before.append(Figure(m.metric.name, old, m.metric.target, m.metric.unit))
        return Reason(code, figures=tuple(now), before=tuple(before))
    if code == "repeated_note":
        return Reason(code, earlier=log.earlier_note_month(p))
    raise ValueError(f"no explanation for {code!r}")


def stalled_since(s: Standing, log: TaskLog) -> int:
    """The earliest month whose completion nothing after it (up to the standing's month) has exceeded.

    For figures 5, 12, 12, 12 from May that is June: "no increase since June".
    """
    start, p = months.of(s.task.start), s.month
    since, best = p, completion(s.task, log, p)[0]
    for m in range(p - 1, start - 1, -1):
        c = completion(s.task, log, m)[0]
        if not risen(c, best):
            since = m
        best = max(best, c)
    return since


def check_document(p: int, fail_on: tuple[str, ...], tasks: list[dict]) -> dict:
    """`check --format json`, from the failing tasks' failing_json()."""
    return {"as_of": months.fmt(p), "ok": not tasks, "fail_on": list(fail_on), "tasks": tasks}


def failing_json(s) -> dict:
    """A failing task in `check --format json`, from its Standing or its Verdict."""
    return {"id": s.task.id, "unit": s.task.unit, "status": s.status, "flags": list(s.flags)}


def failing_tasks(judged, fail_on: tuple[str, ...]) -> list[dict]:
    """failing_json() of the standings or verdicts with a flag in fail_on, in order (without office.check)."""
    wanted = frozenset(fail_on)
    return [failing_json(s) for s in judged if not wanted.isdisjoint(s.flags)]


def by_unit(findings) -> list[tuple[str, list[Finding]]]:
    """Findings grouped by lead unit (the people to call), units in the order they first appear."""
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.standing.task.unit, []).append(f)
    return list(groups.items())


# --- units --------------------------------------------------------------------------


class UnitRow(NamedTuple):
    unit: str
    tasks: int
    counts: dict          # status -> number of tasks (UNIT_COUNTS)
    missing: int
    measured: int         # started tasks that are measured (metrics, or a reported percent or status)
    completion: float | None   # the mean over those
    rank: int | None = None    # shared by units whose completion prints the same (a whole percent)



def units(standings: list[Standing]) -> list[UnitRow]:
    """One row per lead unit, ranked by mean completion over its measured tasks, best first; units with
    none last, ties by name (SPEC: units). Units whose means print the same whole percent share a rank."""
    grouped: dict[str, list[Standing]] = {}
    for s in standings:
        grouped.setdefault(s.task.unit, []).append(s)
    rows = []
    for unit, tasks in grouped.items():
        counts = {code: sum(1 for s in tasks if s.status == code) for code in UNIT_COUNTS}
        measured = [s.completion for s in tasks if s.status != "pending" and s.measured]
        rows.append(UnitRow(unit, len(tasks), counts, sum(1 for s in tasks if "missing" in s.flags), len(measured),
                            sum(measured) / len(measured) if measured else None))
    # the exact mean orders (rounded to 9 places: equal means reached by different sums are a tie, by name);
    # the printed percent only decides who shares a rank, and its order follows the mean's
    rows.sort(key=lambda r: (r.completion is None, -round(r.completion or 0.0, 9), r.unit))
    ranked, rank, previous = [], None, object()
    for i, r in enumerate(rows, 1):
        key = None if r.completion is None else shown_percent(r.completion)
        if key != previous:
            rank, previous = i, key
        ranked.append(r._replace(rank=None if key is None else rank))
    return ranked


def units_json(rows: list[UnitRow], p: int, reminded: dict[str, int] | None = None) -> dict:
    """`units --format json`; reminded: the reminders delivered to each unit for the month."""
    reminded = reminded or {}
    return {
        "as_of": months.fmt(p),
        "units": [dict({"unit": r.unit, "tasks": r.tasks}, **r.counts, missing=r.missing, measured=r.measured,
                       completion=share(r.completion), rank=r.rank,
                       reminded=reminded.get(r.unit, 0)) for r in rows],
    }
