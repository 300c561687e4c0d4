"""The log reduced to what is in force, month by month: the one reduction behind the series and every history.

For each task, metric and month the value in force is the one from the
latest recorded entry of that month that sets it (latest: recorded_at, then
append order); likewise a month's percent, status and note. Entries folded
in that order simply overwrite what an earlier one set.

store/series.py keeps this reduction as dense arrays (what `status` reads);
the readers of whole histories (show, trend, report, `status` when the
series are behind the log) get it as model.TaskLog (store.load_logs).

Months here are integers (year * 12 + month - 1), as in months.py.
"""

from __future__ import annotations

from tracker.core.model import TaskLog


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
