"""Neutral rows: standings and entries turned into the data every renderer is given.

The JSON shapes of SPEC.md are built here, so every format shows the same
figures, rounded the same way.
"""

from operator import attrgetter
from typing import NamedTuple

from tracker.core import months
from tracker.core.evaluate import Standing
from tracker.core.model import Plan, number, percent_text, share  # noqa: F401 (share: this module's API too)


def standing_json(s: Standing) -> dict:
    # flags and warnings as the tuples they are (JSON arrays either way): a province writes this 30,000 times
    t, fmt = s.task, months.fmt
    return {
        "id": t.id, "title": t.title, "unit": t.unit, "category": t.category,
        "start": t.start.isoformat(), "due": t.due.isoformat(),
        "status": s.status, "flags": s.flags,
        "completion": share(s.completion), "measured": s.measured, "expected": share(s.expected),
        "last_month": fmt(s.last_month), "forecast": fmt(s.forecast),
        "forecast_late": s.forecast_late, "warnings": s.warnings,
        "metrics": [
            {"key": metric.key, "name": metric.name, "unit": metric.unit,
             "target": number(metric.target), "baseline": number(metric.baseline),
             "mode": metric.mode, "value": number(value), "ratio": share(ratio),
             "expected": share(expected)}
            for metric, value, ratio, expected in s.metrics
        ],
    }


def standing_texts(plan: Plan) -> list[str]:
    """Every user text standing_json() can write: the plan's ids, titles, units, categories and metrics'
    keys, names and units (the rest are tracker's own codes, numbers and dates); the repeated ones once."""
    tasks = plan.tasks
    metrics = [m for t in tasks for m in t.metrics]
    shared = {*map(attrgetter("unit"), tasks), *map(attrgetter("category"), tasks), *map(attrgetter("key"), metrics),
              *map(attrgetter("name"), metrics), *map(attrgetter("unit"), metrics)}
    shared.discard(None)
    return [*map(attrgetter("id"), tasks), *map(attrgetter("title"), tasks), *shared]


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


class Marked(NamedTuple):
    """An entry of a history with what became of it: `role` is "in_force", "corrected" (a later entry of its
    month counts instead), "voided", "void" or "not_counted" (a void of an entry of another task)."""

    entry: object
    role: str
    voided_by: object = None   # the void entry that voided it
    corrected_by: str | None = None
    still: tuple[str, ...] = ()  # of a corrected entry, what no later one of its month gives: metric keys, "note"…


def voiders(entries) -> dict[tuple[str, str], object]:
    """(task, id) of each entry that a void of the same task names → that void entry (among these entries)."""
    return {(e.task, e.voids): e for e in entries if e.voids is not None}


def marked_history(entries) -> list[Marked]:
    """A task's entries (log order) each with its role: which counts, which a later one corrected, which are voided."""
    voider = voiders(entries)
    ids = {e.id for e in entries}
    counted = [e for e in entries if e.voids is None and (e.task, e.id) not in voider]
    latest: dict[int, str] = {}
    giver: dict[tuple[int, str], str] = {}  # (month, part) → the latest entry that gives it: what is in force
    for e in counted:
        latest[e.month] = e.id
        for part in _parts(e):
            giver[e.month, part] = e.id
    out = []
    for e in entries:
        if e.voids is not None:
            out.append(Marked(e, "void" if e.voids in ids else "not_counted"))
        elif (e.task, e.id) in voider:
            out.append(Marked(e, "voided", voider[e.task, e.id]))
        elif latest[e.month] == e.id:
            out.append(Marked(e, "in_force"))
        else:
            still = tuple(part for part in _parts(e) if giver[e.month, part] == e.id)
            out.append(Marked(e, "corrected", None, latest[e.month], still))
    return out


def _parts(e) -> list[str]:
    """What an entry gives, each part in force until a later entry of its month gives it (SPEC: metric by metric;
    the note, percent and status, as the problems and next steps, each from the latest entry that gives one)."""
    return [*e.values, *(part for part, given in (("percent", e.percent), ("status", e.status), ("note", e.note),
                                                    ("problems", e.problems), ("next_steps", e.next_steps))
                         if given is not None)]


def history_json(task_id: str, entries) -> dict:
    """`history --format json`: every entry, with `voids` and `voided_by`."""
    rows = []
    for m in marked_history(entries):
        row = m.entry.to_json()
        row["voided_by"] = m.voided_by.id if m.voided_by is not None else None
        rows.append(row)
    return {"task": task_id, "entries": rows}


def near(typed: str, names: list[str]) -> list[str]:
    """The names a shortened or lengthened one meant: those holding it (民政局 in 市民政局) or held in it, or
    abbreviated as offices say them (市住建局 for 市住房城乡建设局: its characters in order, from the first or, the
    市 left out, the second). Never the closest in spelling: 市财政局 is one character from 市民政局 and another
    department."""
    return [n for n in names if typed and (typed in n or n in typed or _abbreviates(typed, n))][:5]


def _abbreviates(typed: str, name: str) -> bool:
    """市卫健委 of 市卫生健康委员会, 住建局 of 市住房城乡建设局: three characters or more, in the name's order."""
    if len(typed) < 3 or typed[0] not in name[:2]:
        return False
    rest = iter(name)
    return all(ch in rest for ch in typed)


def check_filters(plan: Plan, unit: str | None = None, category: str | None = None, co_unit: str | None = None,
                  shared: bool = False) -> None:
    """A --unit, --co-unit or --category that names no task is bad input; the message lists the known ones.
    `shared`: the command has --co-unit, to which a --unit that only shares tasks is pointed."""
    from tracker.errors import BadInput

    if co_unit is not None and all(co_unit not in t.co_units for t in plan.tasks):
        shared = list(dict.fromkeys(c for t in plan.tasks for c in t.co_units))
        close = near(co_unit, shared)
        if close:
            raise BadInput("--co-unit {unit}: no task has this co-unit; did you mean {close}?", unit=co_unit,
                           close="、".join(close))
        raise BadInput("--co-unit {unit}: no task has this co-unit (co-units: {known})", unit=co_unit,
                       known="、".join(shared) or "—")

    if unit is not None and all(t.unit != unit for t in plan.tasks):
        if shared and any(unit in t.co_units for t in plan.tasks):  # one that only shares tasks: --co-unit's
            raise BadInput("--unit {unit}: no task has this lead unit; it shares tasks as a co-unit (--co-unit {unit})",
                           unit=unit)
        units = list(dict.fromkeys(t.unit for t in plan.tasks))
        close = near(unit, units)
        if close:  # 民政局 for 市民政局: the name the clerk meant, not thirty to read through
            raise BadInput("--unit {unit}: no task has this lead unit; did you mean {close}?", unit=unit,
                           close="、".join(close))
        raise BadInput("--unit {unit}: no task has this lead unit (units: {known})", unit=unit,
                       known="、".join(units) or "—")
    if category is not None and all(t.category != category for t in plan.tasks):
        categories = list(dict.fromkeys(t.category for t in plan.tasks if t.category))
        close = near(category, categories)
        if close:  # 民生 for 民生保障, as for a unit
            raise BadInput("--category {category}: no task is in this category; did you mean {close}?",
                           category=category, close="、".join(close))
        raise BadInput("--category {category}: no task is in this category (categories: {known})",
                       category=category, known="、".join(categories) or "—")


def search_words(text: str | None) -> tuple[str, ...]:
    """--search's words (separated by spaces, a full-width one too), as they are compared: case ignored."""
    return tuple(w.casefold() for w in (text or "").split())


def filter_standings(standings: list[Standing], unit=None, category=None, only=None, co_unit=None,
                     words: tuple[str, ...] = ()) -> list[Standing]:
    """--unit, --co-unit, --category, --search (every word in the title) and --only (statuses or flags, any of
    them) as one filter."""
    if not (unit or category or only or co_unit or words):
        return standings
    out = []
    for s in standings:
        if unit and s.task.unit != unit:
            continue
        if co_unit and co_unit not in s.task.co_units:
            continue
        if words and not all(w in s.task.title.casefold() for w in words):
            continue
        if category and s.task.category != category:
            continue
        if only and s.status not in only and not (set(s.flags) & only):
            continue
        out.append(s)
    return out


# --- the monthly progress table (`tracker report`) --------------------------------

_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
NO_REPORT = "no report this month"
NO_REPORT_DONE = "done; no report this month"  # a task done before: no report is owed, none is missing
NO_REPORT_PENDING = "not started yet; no report owed"  # a task whose start is after the month
NO_NOTE = "reported; no progress note"  # the month's report gave figures, a percent or a status, but no note


class MonthlyRow(NamedTuple):
    no: int
    id: str
    title: str
    progress: str | None          # the month's note; None where no report came in
    completion: float             # 0–1 (0 for an unmeasured task: see standing.measured)
    status: str
    flags: tuple[str, ...]
    warnings: tuple[str, ...]
    standing: Standing
    problems: str | None = None   # 存在问题 of the month
    next_steps: str | None = None  # 下步计划 of the month


class MonthlyTable(NamedTuple):
    """The monthly progress table as data: every format of `tracker report` renders this."""

    title: str | None             # plan.title
    month: int
    lang: str
    heading: str                  # plan.title and the month, in the table's language
    headers: tuple[str, ...]      # 序号 | 目标任务 | 总体工作进展及8月份进展 [| 存在问题 | 下步计划] [| 完成率 | 状态]
    rows: tuple[MonthlyRow, ...]
    with_status: bool
    no_report: str                # the progress cell's text where no report came in
    with_texts: bool = False      # the 存在问题 and 下步计划 columns: some row has either


def monthly_table(plan: Plan, standings: list[Standing], p: int, lang: str, with_status: bool = False,
                  texts: dict | None = None, scope: tuple[str, ...] = ()) -> MonthlyTable:
    """Tasks in declaration order, numbered 1…n, with the month's note as their progress;
    texts: each task's (problems, next steps) of the month (store.month_texts); scope: what the tasks were
    chosen by (a lead unit, a category, flags), named in the heading after the month."""
    from tracker.labels import label

    year, month = months.year_of(p), months.month_of_year(p)
    if lang == "zh":
        progress_head = f"总体工作进展及{month}月份进展"
        heading = f"{plan.title or '重点目标任务进展情况'}（{'，'.join((f'{year}年{month}月', *scope))}）"
    else:
        progress_head = f"Progress overall and in {_MONTH_NAMES[month - 1]}"
        heading = " — ".join((plan.title or "Progress of the target tasks", f"{_MONTH_NAMES[month - 1]} {year}", *scope))
    texts = texts or {}
    rows = tuple(
        MonthlyRow(n, s.task.id, s.task.title, s.note, s.completion, s.status, s.flags, s.warnings, s,
                   *texts.get(s.task.id, (None, None)))
        for n, s in enumerate(standings, 1)
    )
    with_texts = any(r.problems is not None or r.next_steps is not None for r in rows)
    headers = [label(lang, "No."), label(lang, "Task"), progress_head]
    if with_texts:
        headers += [label(lang, "Problems"), label(lang, "Next steps")]
    if with_status:
        headers += [label(lang, "Completion"), label(lang, "Status")]
    return MonthlyTable(plan.title, p, lang, heading, tuple(headers), rows, with_status, label(lang, NO_REPORT),
                        with_texts)


def monthly_cells(table: MonthlyTable, row: MonthlyRow) -> list[str]:
    """A row's cells as text, the same in every text format: 序号, ID.TITLE, progress [, problems, next steps]
    [, completion, status]."""
    from tracker.textfile import visible  # ESC and other controls shown, in every format and on `cat`

    from tracker.labels import label

    # a report without a note is a report: never "no report this month" beside a task that is not missing
    progress = row.progress.replace("\r\n", "\n") if row.progress is not None else \
        label(table.lang, NO_NOTE) if row.standing.last_month == table.month else \
        label(table.lang, NO_REPORT_DONE) if row.status == "done" else \
        label(table.lang, NO_REPORT_PENDING) if row.status == "pending" else table.no_report
    cells = [str(row.no), visible(f"{row.id}.{row.title}"), visible(progress)]
    if table.with_texts:
        cells += [visible((t or "").replace("\r\n", "\n")) for t in (row.problems, row.next_steps)]
    if table.with_status:
        cells += [completion_text(table, row), status_text(table, row)]
    return cells


def completion_text(table: MonthlyTable, row: MonthlyRow) -> str:
    from tracker.labels import label

    if not row.standing.measured:  # "—" where the status beside it already says 未量化
        return "—" if shown_status(row) == "unmeasured" else label(table.lang, "unmeasured")
    return percent_text(row.completion)


def shown_status(row: MonthlyRow) -> str:
    """The status a row shows: `unmeasured` for a task that is on track only because nothing measures it."""
    return "unmeasured" if row.status == "on_track" and not row.standing.measured else row.status


def status_text(table: MonthlyTable, row: MonthlyRow) -> str:
    """The status in words, then any other flag and warning (未报送, 进展雷同) the office should see."""
    from tracker.labels import label

    extra = [c for c in row.flags + row.warnings if c != row.status]
    return " · ".join(label(table.lang, c) for c in (shown_status(row), *extra))


def monthly_json(table: MonthlyTable) -> dict:
    return {
        "as_of": months.fmt(table.month), "title": table.title,
        "rows": [
            {"no": r.no, "id": r.id, "title": r.title, "progress": r.progress,
             "problems": r.problems, "next_steps": r.next_steps,
             "completion": share(r.completion), "measured": r.standing.measured,
             "status": r.status, "flags": list(r.flags), "warnings": list(r.warnings)}
            for r in table.rows
        ],
    }
