"""The log reduced to what is in force, month by month: the one reduction behind the series and every history.

For each task, metric and month the value in force is the one from the
latest recorded entry of that month that sets it (latest: recorded_at, then
append order); likewise a month's percent, status and note. Entries folded
in that order simply overwrite what an earlier one set.

series.py keeps this reduction as dense arrays (what `status` reads); the
readers of whole histories (show, trend, report, `status` when the series are
behind the log) get it here as model.TaskLog, straight from the log.

Months here are integers (year * 12 + month - 1), as in months.py.
"""

from __future__ import annotations

import json
import sqlite3

from tracker.core import months
from tracker.core.model import TaskLog

# The log's rows in the order of the reduction, and each row's month as text (parsed once per distinct text).
_ROWS = "SELECT seq, task, month, percent, status, figures, {note} FROM entries{where} ORDER BY recorded_at, seq"


def fold(logs: dict[str, TaskLog], rows) -> dict[str, TaskLog]:
    """Fold rows (seq, task, month, percent, status, values, note) given in log order into each task's TaskLog.

    `note` is whatever the caller wants kept of the note in force (its text, its seq); None: no note.
    The rows are first grouped by task, then each task's folded at once: a province's 30,000 logs are
    too many to keep at hand (in the processor's caches), one task's few dicts are not.
    """
    groups: dict[str, list] = {}
    for row in rows:
        group = groups.get(row[1])
        if group is None:
            groups[row[1]] = [row]
        else:
            group.append(row)
    for task, group in groups.items():
        log = logs.get(task)
        if log is None:
            log = logs[task] = TaskLog()
        in_months, into, percents, statuses, notes = log.months, log.values, log.percent, log.status, log.notes
        for _seq, _task, m, percent, status, values, note in group:
            in_months.add(m)
            if values:
                for k, v in values.items():
                    series = into.get(k)
                    if series is None:
                        into[k] = {m: v}
                    else:
                        series[m] = v
            if percent is not None:
                percents[m] = percent
            if status is not None:
                statuses[m] = status
            if note is not None:
                notes[m] = note
    return logs


def rows(conn: sqlite3.Connection, tasks=None, note: str = "note", upto: int | None = None):
    """The log's rows for fold(), read from the database: every task's, or these tasks' (index seeks)."""
    from tracker.store import figures_reader

    figures_of = figures_reader(tasks is None or len(tasks) > 100)
    where, args = "", ()
    if tasks is not None:
        where, args = " WHERE task IN (SELECT value FROM json_each(?))", (json.dumps(list(tasks), ensure_ascii=False),)
    parsed: dict[str, int] = {}
    for seq, task, month, percent, status, figures, kept in conn.execute(
            _ROWS.format(note=note, where=where), args):
        m = parsed.get(month)
        if m is None:
            m = parsed[month] = months.parse(month)
        if upto is not None and m > upto:
            continue
        yield seq, task, m, percent, status, figures_of(figures), kept


def by_month(logs: dict[str, TaskLog]) -> dict[str, TaskLog]:
    """Each series of each log in month order (fold() keeps the order entries came in)."""
    for log in logs.values():
        for k, series in log.values.items():
            log.values[k] = _sorted(series)
        log.percent, log.status, log.notes = _sorted(log.percent), _sorted(log.status), _sorted(log.notes)
    return logs


def _sorted(series: dict) -> dict:
    keys = list(series)
    if all(a < b for a, b in zip(keys, keys[1:])):
        return series
    return {m: series[m] for m in sorted(keys)}


def load_full(conn: sqlite3.Connection | None, upto: int, tasks=None) -> dict[str, TaskLog]:
    """Each task's whole log as of `upto`: every month's values, percent, status and note (as text)."""
    if conn is None:
        return {}
    return by_month(fold({}, rows(conn, tasks, "note", upto)))
