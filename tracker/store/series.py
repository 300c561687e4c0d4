"""Each metric's and each task's figures as of every month, as dense arrays: what `status` reads at a province's size.

inforce.py reduces the log to what each month's entries set.
Judging a task as of month P asks "as of" questions of them: the latest
value at or before P, the sum of an increment up to P, whether P has an
entry. Answered row by row, a province's 30,000 tasks cost a second. Here the
answers for every month are kept ready in one row a task (its metrics' too),
each month an element of an array (packed doubles, bytes), so that reading a
task costs one row and judging it costs index lookups.

Derived, never the record: every tracker write rebuilds the rows of the
tasks it touched in the same transaction and notes the last entry folded in
(`series_state`). A log written by anything else is newer than that mark;
readers then reduce the whole log themselves (store.load_logs: slower, the
same answers) until `tracker validate --repair` rebuilds them.

Arrays run from a task's first month with an entry to its last; before the
first nothing is in force, after the last the last element is. Months are
integers (months.py).
"""

from __future__ import annotations

import json
import math
import sqlite3
import struct
from itertools import accumulate

from tracker.core.model import STATUSES, Metric, Plan, increment_value, same_note

TABLES = """
CREATE TABLE task_series (
  task TEXT NOT NULL PRIMARY KEY, first INTEGER NOT NULL, metrics TEXT NOT NULL, data BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE series_state (id INTEGER PRIMARY KEY CHECK (id = 1), upto INTEGER NOT NULL);
"""
# metric_series: schema 8's table of a row a metric, dropped by the step to 9 (its arrays are in task_series' data)
NAMES = ("metric_series", "task_series", "series_state")
_STATUS_CODE = {s: i + 1 for i, s in enumerate(STATUSES)}  # 0: no status in force
# Little-endian 8-byte doubles and integers, read in place: no array is built for a row that is read once.
_DOUBLE = struct.Struct("<d").unpack_from
_INT = struct.Struct("<q").unpack_from
# A metric's months before its first report, in its arrays of as-of values and sums: nothing in force. A NaN
# of its own: no figure (not even a NaN written behind tracker's back) is stored as these bytes.
_UNSET = struct.pack("<Q", 0x7FF8_0000_0000_0001)


def _pack(values: list, code: str) -> bytes:
    return struct.pack(f"<{len(values)}{code}", *values)


# --- writing ---------------------------------------------------------------------


def create(conn: sqlite3.Connection) -> None:
    """Create the tables (anew: they are derived) and fill them from the log as it stands."""
    drop(conn)
    for statement in TABLES.split(";"):
        if statement.strip():
            conn.execute(statement)
    rebuild(conn, None)


def drop(conn: sqlite3.Connection) -> None:
    for name in NAMES:
        conn.execute(f"DROP TABLE IF EXISTS {name}")


def rebuild(conn: sqlite3.Connection, tasks, computed: list | None = None) -> None:
    """Recompute the rows of these tasks (None: of every task) from the log, and mark them current.

    Called inside the writer's transaction, after its entries are in. `computed`:
    the rows, already made by the writer (from the entries it holds).
    """
    rows = computed if computed is not None else compute(conn, tasks)
    if tasks is None:
        conn.execute("DELETE FROM task_series")
    else:
        keys = json.dumps(list(tasks), ensure_ascii=False)
        conn.execute("DELETE FROM task_series WHERE task IN (SELECT value FROM json_each(?))", (keys,))
    conn.executemany("INSERT INTO task_series VALUES (?, ?, ?, ?)", rows)
    conn.execute("INSERT INTO series_state (id, upto) VALUES (1, (SELECT coalesce(max(seq), 0) FROM entries)) "
                 "ON CONFLICT (id) DO UPDATE SET upto = excluded.upto")


def compute(conn: sqlite3.Connection, tasks=None) -> list[tuple]:
    """The rows of task_series for these tasks (None: all), in key order, from the log.

    The log is read task by task (each in log order), each task folded and packed before the next is read:
    memory holds one task's entries, whatever the log's size."""
    from itertools import groupby
    from operator import itemgetter

    from tracker.core import inforce
    from tracker.store import log_rows

    out = []
    for _task, rows in groupby(log_rows(conn, tasks, "CASE WHEN note IS NOT NULL THEN seq END", by_task=True),
                               key=itemgetter(1)):
        out += arrays(inforce.fold({}, rows))
    return out


def arrays(logs: dict) -> list[tuple]:
    """The rows of task_series of logs folded with each note as its entry's seq, in key order.

    A row is (task, first month, its metrics' keys as a JSON list, data): one blob of n months (first … the
    last with an entry) holding, in turn, whether each month has an entry (n bytes), the status in force
    (n bytes, _STATUS_CODE), the percent in force (n doubles, NaN: none), each month's note as its entry's
    seq (n integers, 0: none), then for each metric in the keys' order its value in force, its running sum
    (n doubles each, _UNSET before its first report) and whether the month reported it (n bytes). One row
    a task: reading a row costs SQLite and Python far more than its bytes do.
    Takes the logs out of `logs` as it packs them: a province's folded logs are ten times its packed rows."""
    rows = []
    for task in sorted(logs):
        log = logs.pop(task)
        percent, status, notes = log.percent, log.status, log.notes
        first, entries, percents, statuses, note_seqs = _task_arrays(
            [(m, percent.get(m), status.get(m), notes.get(m)) for m in sorted(log.months)])
        n, keys = len(entries), sorted(log.values)
        parts = [entries, statuses, percents, note_seqs]
        for key in keys:
            parts += _aligned(sorted(log.values[key].items()), first, n)
        rows.append((task, first, json.dumps(keys, ensure_ascii=False), b"".join(parts)))
    return rows


def _aligned(points: list[tuple[int, float]], first: int, n: int) -> tuple:
    """A metric's arrays over its task's n months from `first`: unset before its first report, its last
    month's figures after its last."""
    start, asof, total, reported = _metric_arrays(points)
    before, after = start - first, n - (start - first) - len(reported)
    return (_UNSET * before + asof + asof[-8:] * after, _UNSET * before + total + total[-8:] * after,
            bytes(before) + reported + bytes(after))


def _metric_arrays(points: list[tuple[int, float]]) -> tuple:
    first = points[0][0]
    n = points[-1][0] - first + 1
    if len(points) == n:  # a report every month, as most metrics have: no gap to fill
        values = [v for _, v in points]
        return first, _pack(values, "d"), _pack(list(accumulate(values)), "d"), b"\x01" * n
    asof, total, reported = [0.0] * n, [0.0] * n, bytearray(n)
    value, running = None, 0.0
    it = iter(points)
    month, v = next(it)
    for i in range(n):
        if month == first + i:
            value, running = v, running + v
            reported[i] = 1
            month, v = next(it, (None, None))
        asof[i], total[i] = value, running
    return first, _pack(asof, "d"), _pack(total, "d"), bytes(reported)


def _task_arrays(points: list[tuple]) -> tuple:
    first = points[0][0]
    n = points[-1][0] - first + 1
    if len(points) == n and not any(p is not None or s is not None for _, p, s, _ in points):
        # an entry every month, none giving a percent or a status (a task measured by its metrics)
        return (first, b"\x01" * n, _pack([math.nan] * n, "d"), bytes(n),
                _pack([note or 0 for _, _, _, note in points], "q"))
    entries, status = bytearray(n), bytearray(n)
    percent, notes = [math.nan] * n, [0] * n
    pct, code = math.nan, 0
    it = iter(points)
    month, p, s, note = next(it)
    for i in range(n):
        if month == first + i:
            entries[i] = 1
            if p is not None:
                pct = p
            if s is not None:
                code = _STATUS_CODE.get(s, 0)
            notes[i] = note or 0
            month, p, s, note = next(it, (None, None, None, None))
        percent[i], status[i] = pct, code
    return first, bytes(entries), _pack(percent, "d"), bytes(status), _pack(notes, "q")


def names(conn) -> set[tuple[str, str | None]]:
    """The tasks, and (task, metric) pairs, that the counted log names: read from the series (small), not the log."""
    try:
        rows = conn.execute("SELECT task, metrics FROM task_series").fetchall()
    except sqlite3.OperationalError:  # no series (a database tracker did not finish making): nothing to say
        return set()
    return {(task, None) for task, _ in rows} | {(task, key) for task, keys in rows for key in json.loads(keys)}


def current(conn: sqlite3.Connection) -> bool:
    """Whether the series hold every entry of the log (no writer but tracker since the last rebuild)."""
    return mark(conn) is not None


def mark(conn: sqlite3.Connection) -> int | None:
    """The last entry the series hold, when they hold every entry of the log; else None.

    The log only grows, and every tracker write rebuilds the series in the same
    transaction: two readers that see the same mark see the same data.
    """
    try:
        row = conn.execute("SELECT (SELECT upto FROM series_state WHERE id = 1), "
                           "(SELECT coalesce(max(seq), 0) FROM entries)").fetchone()
    except sqlite3.OperationalError:  # an older schema, read without upgrading
        return None
    if conn.execute("PRAGMA user_version").fetchone()[0] < 9:  # series of schema 8's form, read without upgrading
        return None
    return row[0] if row[0] is not None and row[0] == row[1] else None


def disagreements(conn: sqlite3.Connection, computed: list | None = None) -> list:
    """Where the series differ from the log (edited, or written behind tracker's back): a message each.
    `computed`: compute()'s rows, when the caller has them."""
    from tracker.errors import BadInput

    rows = computed if computed is not None else compute(conn)
    out = []
    stored = conn.execute("SELECT * FROM task_series ORDER BY 1").fetchall()
    if stored != rows:
        have, want = {r[0]: r for r in stored}, {r[0]: r for r in rows}
        differ = sum(1 for k in have.keys() | want.keys() if have.get(k) != want.get(k))
        out.append(BadInput("table {table} disagrees with the log ({n} rows differ)" if differ != 1 else
                            "table {table} disagrees with the log ({n} row differs)", table="task_series", n=differ))
    if not current(conn):
        out.append(BadInput("table series_state does not mark the last entry of the log"))
    return out


# --- reading ---------------------------------------------------------------------

class SeriesLog:
    """A task's log as its row's dense arrays (arrays()), with the methods evaluate() asks of a log
    (model.TaskLog's).

    Built by load() for one month P: the notes it holds are P's and the one
    before it, all that judging P asks of them.
    """

    __slots__ = ("first", "n", "data", "percented", "metrics", "texts", "noted", "seq", "earlier", "earlier_seq")
    complete = True  # every month's figures are here (as in a TaskLog from store.load_logs)

    def __init__(self, first: int, n: int, data: bytes, percented: bool):
        self.first, self.n, self.data, self.percented = first, n, data, percented  # percented: percent read
        self.metrics: dict = {}  # key -> (offset of its figures in data: as of, or sums; offset of reported)
        self.texts: dict | None = None  # entry seq -> note: the texts load() read, shared by every task's log
        self.noted: int | None = None  # P, when P has a note: its entry is `seq`
        self.seq = 0
        self.earlier: int | None = None  # the month of the note before P's (when P has one): its entry is earlier_seq
        self.earlier_seq = 0

    def value(self, metric: Metric, p: int) -> float:
        return self.values_at((metric,), p)[0]

    def values_at(self, metrics, p: int) -> list[float]:
        """The metrics' values as of month p (evaluate asks for a task's metrics at once)."""
        get, data, n = self.metrics.get, self.data, self.n
        i = p - self.first
        at = (i if i < n else n - 1) << 3  # after the last month, the last one's figures stay
        out = []
        for metric in metrics:
            offsets = get(metric.key)
            if offsets is None or i < 0:
                out.append(metric.baseline)
                continue
            x = _DOUBLE(data, offsets[0] + at)[0]
            if x != x and data[offsets[0] + at:offsets[0] + at + 8] == _UNSET:  # before its first report
                out.append(metric.baseline)
            else:
                out.append(increment_value(metric, x) if metric.mode == "increment" else x)
        return out

    def reported(self, key: str, p: int) -> bool:
        offsets = self.metrics.get(key)
        i = p - self.first
        return offsets is not None and 0 <= i < self.n and self.data[offsets[1] + i] == 1

    def percent_at(self, p: int):
        i, n = p - self.first, self.n  # a double a month after the statuses, read only where no metric measures
        if i < 0 or not self.percented:
            return None
        x = _DOUBLE(self.data, (n << 1) + ((i if i < n else n - 1) << 3))[0]
        return None if x != x else x  # NaN: no percent in force

    def status_at(self, p: int):
        n, i = self.n, p - self.first  # after the last month, the last one's status stays
        code = self.data[n + (i if i < n else n - 1)] if i >= 0 else 0
        return STATUSES[code - 1] if code else None

    @property
    def months(self) -> set[int]:
        """The months with an entry (model.TaskLog's), those after P too."""
        return {self.first + i for i, flag in enumerate(self.data[:self.n]) if flag}

    def has_entry(self, p: int) -> bool:
        i = p - self.first
        return 0 <= i < self.n and self.data[i] == 1

    def any_entry(self, first: int, last: int) -> bool:
        lo, hi = max(first - self.first, 0), min(last - self.first + 1, self.n)
        return hi > lo and self.data.find(1, lo, hi) >= 0

    def last_month(self, p: int) -> int | None:
        hi = min(p - self.first + 1, self.n)
        if hi <= 0:
            return None
        i = self.data.rfind(1, 0, hi)
        return None if i < 0 else self.first + i

    def note(self, p: int) -> str | None:
        if p == self.noted:
            return self.texts.get(self.seq)
        if p == self.earlier:
            return self.texts.get(self.earlier_seq)
        return None

    def earlier_note_month(self, p: int) -> int | None:
        return self.earlier  # set when P has a note

    def repeats_note(self, p: int) -> bool:
        note = self.note(p)
        if not note or self.earlier is None:
            return False
        earlier = self.note(self.earlier)
        return earlier is not None and same_note(note, earlier)


def load(conn: sqlite3.Connection, plan: Plan, p: int, notes: bool = True,
         unplaced: list | None = None) -> dict[str, SeriesLog]:
    """Every task's SeriesLog for judging month p.

    Only what the plan's tasks ask for is looked up: a metric's sums or its
    values as of each month (by its mode), a qualitative task's percent,
    every task's status. With `notes`, the texts of p's note and the one
    before it (repeated_note, and the monthly table prints p's). `unplaced`
    receives the names the plan has no place for, as names() gives them:
    (task, None) for a task it does not have, (task, metric) for a metric
    its task does not have.
    """
    logs: dict[str, SeriesLog] = {}
    by_id = plan.by_id
    skipped = unplaced if unplaced is not None else []
    noted: list[SeriesLog] = []
    lists: dict = {}  # the metrics' keys as the rows write them -> the keys: a province's tasks share 160 sets
    for task, first, keys, data in conn.execute("SELECT task, first, metrics, data FROM task_series"):
        t = by_id.get(task)
        if t is None:
            skipped.append((task, None))
            continue
        text, keys = keys, lists.get(keys)
        if keys is None:
            keys = lists[text] = json.loads(text)
        if not keys:
            n = len(data) // 18
            # a status in force (blocked) counts for every task, a percent only where no metric measures it
            log = logs[task] = SeriesLog(first, n, data, not t.metrics)
        else:
            n = len(data) // (18 + 17 * len(keys))
            log = logs[task] = SeriesLog(first, n, data, not t.metrics)
            into, at = log.metrics, 18 * n
            for key in keys:
                for m in t.metrics:
                    if m.key == key:
                        into[key] = (at + 8 * n if m.mode == "increment" else at, at + 16 * n)
                        break
                else:
                    skipped.append((task, key))
                at += 17 * n
        if notes:
            i = p - first
            seqs = 10 * n  # the notes' seqs, after the entries, statuses and percents
            seq = _INT(data, seqs + (i << 3))[0] if 0 <= i < n else 0
            if seq:
                log.noted, log.seq = p, seq
                noted.append(log)
                for j in range(i - 1, -1, -1):
                    earlier = _INT(data, seqs + (j << 3))[0]
                    if earlier:
                        log.earlier, log.earlier_seq = first + j, earlier
                        break
    if noted:
        texts = _texts(conn, [s for log in noted for s in (log.seq, log.earlier_seq) if s])
        for log in noted:
            log.texts = texts
    return logs


def _texts(conn: sqlite3.Connection, seqs: list[int]) -> dict[int, str]:
    """These entries' notes, by their seq (in seq order: the index's order, the table's pages in turn)."""
    seqs.sort()
    return dict(conn.execute("SELECT seq, note FROM entries WHERE seq IN (SELECT value FROM json_each(?))",
                             (json.dumps(seqs),)))
