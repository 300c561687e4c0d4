"""The log reduced to what is in force, kept by SQLite itself, and the reads behind every report.

For each task, metric and month the value in force is the one from the
latest recorded entry of that month that sets it; likewise a month's percent,
status and note. Triggers on the append-only log keep two derived tables up
to date as entries are appended (`in_force`, `month_state`), so no command
has to reduce 650,000 entries to answer "where does each task stand". They
are derived, never the record: `validate` recomputes them from the log and
says where they differ.

Months here are integers (year * 12 + month - 1), as in months.py.
"""

from __future__ import annotations

import json
import sqlite3

from tracker.model import Plan, TaskLog

# 'YYYY-MM' → the month as an integer, in SQL.
_MONTH = "(CAST(substr({m}, 1, 4) AS INTEGER) * 12 + CAST(substr({m}, 6, 2) AS INTEGER) - 1)"
# Which of two entries is later: recorded_at, then append order.
_RANK = "({e}.recorded_at || printf(' %012d', {e}.seq))"

TABLES = """
CREATE TABLE in_force (
  task TEXT NOT NULL, metric TEXT NOT NULL, month INTEGER NOT NULL,
  value REAL NOT NULL, rank TEXT NOT NULL,
  PRIMARY KEY (task, metric, month)) WITHOUT ROWID;
CREATE TABLE month_state (
  task TEXT NOT NULL, month INTEGER NOT NULL,
  percent REAL, percent_rank TEXT, status TEXT, status_rank TEXT, note_seq INTEGER, note_rank TEXT,
  PRIMARY KEY (task, month)) WITHOUT ROWID;
CREATE INDEX month_state_percent ON month_state (task, month) WHERE percent IS NOT NULL;
CREATE INDEX month_state_status ON month_state (task, month) WHERE status IS NOT NULL;
"""

TRIGGERS = {
    "in_force_values": f"""
CREATE TRIGGER in_force_values AFTER INSERT ON entry_values BEGIN
  INSERT INTO in_force (task, metric, month, value, rank)
  SELECT e.task, NEW.metric, {_MONTH.format(m='e.month')}, NEW.value, {_RANK.format(e='e')}
  FROM entries e WHERE e.seq = NEW.seq
  ON CONFLICT (task, metric, month) DO UPDATE SET value = excluded.value, rank = excluded.rank
  WHERE excluded.rank > in_force.rank;
END""",
    "in_force_entries": f"""
CREATE TRIGGER in_force_entries AFTER INSERT ON entries BEGIN
  INSERT INTO month_state (task, month, percent, percent_rank, status, status_rank)
  VALUES (NEW.task, {_MONTH.format(m='NEW.month')},
          NEW.percent, CASE WHEN NEW.percent IS NOT NULL THEN {_RANK.format(e='NEW')} END,
          NEW.status, CASE WHEN NEW.status IS NOT NULL THEN {_RANK.format(e='NEW')} END)
  ON CONFLICT (task, month) DO UPDATE SET
    percent = CASE WHEN excluded.percent_rank > coalesce(percent_rank, '') THEN excluded.percent ELSE percent END,
    percent_rank = CASE WHEN excluded.percent_rank > coalesce(percent_rank, '') THEN excluded.percent_rank ELSE percent_rank END,
    status = CASE WHEN excluded.status_rank > coalesce(status_rank, '') THEN excluded.status ELSE status END,
    status_rank = CASE WHEN excluded.status_rank > coalesce(status_rank, '') THEN excluded.status_rank ELSE status_rank END;
END""",
    "in_force_notes": f"""
CREATE TRIGGER in_force_notes AFTER INSERT ON notes BEGIN
  UPDATE month_state SET note_seq = NEW.seq,
    note_rank = (SELECT {_RANK.format(e='e')} FROM entries e WHERE e.seq = NEW.seq)
  WHERE (task, month) = (SELECT e.task, {_MONTH.format(m='e.month')} FROM entries e WHERE e.seq = NEW.seq)
    AND coalesce(note_rank, '') < (SELECT {_RANK.format(e='e')} FROM entries e WHERE e.seq = NEW.seq);
END""",
}

# The same reduction computed from the log alone: to fill the tables once, and to check them.
_FROM_LOG_VALUES = f"""
SELECT task, metric, {_MONTH.format(m='month')}, value, rank FROM (
  SELECT e.task, v.metric, e.month, v.value, {_RANK.format(e='e')} AS rank,
         row_number() OVER (PARTITION BY e.task, v.metric, e.month ORDER BY e.recorded_at DESC, e.seq DESC) AS r
  FROM entry_values v JOIN entries e ON e.seq = v.seq)
WHERE r = 1
"""
# For each task and month: the latest entry giving a percent, a status, a note (window functions, one pass each).
_LATEST_OF = "row_number() OVER (PARTITION BY e.task, e.month ORDER BY {col} IS NULL, e.recorded_at DESC, e.seq DESC)"
_FROM_LOG_STATE = f"""
SELECT task, month,
  max(CASE WHEN pr = 1 THEN percent END), max(CASE WHEN pr = 1 AND percent IS NOT NULL THEN rank END),
  max(CASE WHEN sr = 1 THEN status END), max(CASE WHEN sr = 1 AND status IS NOT NULL THEN rank END),
  max(CASE WHEN nr = 1 THEN note_seq END), max(CASE WHEN nr = 1 AND note_seq IS NOT NULL THEN rank END)
FROM (SELECT e.task, {_MONTH.format(m='e.month')} AS month, e.percent, e.status, n.seq AS note_seq,
             {_RANK.format(e='e')} AS rank,
             {_LATEST_OF.format(col='e.percent')} AS pr,
             {_LATEST_OF.format(col='e.status')} AS sr,
             {_LATEST_OF.format(col='n.seq')} AS nr
      FROM entries e LEFT JOIN notes n ON n.seq = e.seq WHERE e.seq > :seq)
GROUP BY task, month
"""
_STATE_COLUMNS = "task, month, percent, percent_rank, status, status_rank, note_seq, note_rank"


def create(conn: sqlite3.Connection) -> None:
    """Create the derived tables and their triggers, and fill them from the log as it stands."""
    for statement in TABLES.split(";"):  # not executescript(): it would commit the migration half-way
        if statement.strip():
            conn.execute(statement)
    conn.execute(f"INSERT INTO in_force (task, metric, month, value, rank) {_FROM_LOG_VALUES}")
    conn.execute(f"INSERT INTO month_state ({_STATE_COLUMNS}) {_FROM_LOG_STATE}", {"seq": 0})
    install(conn)


def without_triggers(conn: sqlite3.Connection):
    """For a bulk append inside one transaction: drop the row triggers; give them back with refresh_since()."""
    for name in TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")


def refresh_since(conn: sqlite3.Connection, seq: int) -> None:
    """Fold the entries after `seq` into the derived tables in two set-wise statements, then put the triggers back.

    Row triggers cost a large import four times its inserts. Here each table
    takes one INSERT … SELECT of every new entry with the triggers' own rule
    as its upsert: a row replaces the one in force when its rank (recorded_at,
    then append order) is higher. Rows are fed to in_force in its key's order
    (a sort, then appends to the B-tree); month_state's rows come as they lie,
    which measured faster than sorting them (nearly one row per key).
    """
    conn.execute(f"""
        INSERT INTO in_force (task, metric, month, value, rank)
        SELECT e.task, v.metric, {_MONTH.format(m='e.month')}, v.value, {_RANK.format(e='e')}
        FROM entry_values v JOIN entries e ON e.seq = v.seq WHERE v.seq > ?
        ORDER BY e.task, v.metric, e.month
        ON CONFLICT (task, metric, month) DO UPDATE SET value = excluded.value, rank = excluded.rank
        WHERE excluded.rank > in_force.rank""", (seq,))
    newer = "CASE WHEN excluded.{c}_rank > coalesce({c}_rank, '') THEN excluded.{v} ELSE {v} END"
    sets = ", ".join(f"{v} = {newer.format(c=c, v=v)}" for c, v in (
        ("percent", "percent"), ("percent", "percent_rank"), ("status", "status"), ("status", "status_rank"),
        ("note", "note_seq"), ("note", "note_rank")))
    rank = _RANK.format(e="e")
    conn.execute(f"""
        INSERT INTO month_state ({_STATE_COLUMNS})
        SELECT e.task, {_MONTH.format(m='e.month')},
               e.percent, CASE WHEN e.percent IS NOT NULL THEN {rank} END,
               e.status, CASE WHEN e.status IS NOT NULL THEN {rank} END,
               n.seq, CASE WHEN n.seq IS NOT NULL THEN {rank} END
        FROM entries e LEFT JOIN notes n ON n.seq = e.seq WHERE e.seq > ?
        ON CONFLICT (task, month) DO UPDATE SET {sets}""", (seq,))
    install(conn)


def install(conn: sqlite3.Connection) -> None:
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    for name, sql in TRIGGERS.items():
        if name not in present:
            conn.execute(sql)


def disagreements(conn: sqlite3.Connection) -> list[str]:
    """Where the derived tables differ from the log (they were edited, or a trigger was dropped)."""
    out = []
    for table, columns, query in (("in_force", "task, metric, month, value, rank", _FROM_LOG_VALUES),
                                  ("month_state", _STATE_COLUMNS, _FROM_LOG_STATE)):
        # The reduction computed once (a temporary table: the database itself is not written),
        # then held against the table both ways.
        conn.execute("DROP TABLE IF EXISTS temp.expected")
        conn.execute(f"CREATE TEMP TABLE expected AS {query}", {"seq": 0})
        extra = conn.execute(f"SELECT count(*) FROM (SELECT {columns} FROM {table} EXCEPT "
                             "SELECT * FROM temp.expected)").fetchone()[0]
        missing = conn.execute(f"SELECT count(*) FROM (SELECT * FROM temp.expected EXCEPT "
                               f"SELECT {columns} FROM {table})").fetchone()[0]
        conn.execute("DROP TABLE temp.expected")
        if extra or missing:
            out.append(f"table {table} disagrees with the log ({extra} rows not in it, {missing} missing)")
    return out


# --- reading ---------------------------------------------------------------------


def _task_filter(tasks) -> tuple[str, tuple]:
    if tasks is None:
        return "", ()
    return " AND task IN (SELECT value FROM json_each(?))", (json.dumps(list(tasks)),)


def load_full(conn: sqlite3.Connection | None, upto: int, tasks=None) -> dict[str, TaskLog]:
    """Each task's whole log as of `upto`: every month's values, percent, status and note."""
    logs: dict[str, TaskLog] = {}
    if conn is None:
        return logs
    where, args = _task_filter(tasks)
    for task, month, percent, status, note in conn.execute(
            "SELECT s.task, s.month, s.percent, s.status, n.note FROM month_state s "
            f"LEFT JOIN notes n ON n.seq = s.note_seq WHERE s.month <= ?{where.replace('task', 's.task')}",
            (upto, *args)):
        log = _month(_log_of(logs, task), month, percent, status)
        if note is not None:
            log.notes[month] = note
    for task, metric, month, value in conn.execute(
            f"SELECT task, metric, month, value FROM in_force WHERE month <= ?{where}", (upto, *args)):
        _log_of(logs, task).values.setdefault(metric, {})[month] = value
    return logs


def _log_of(logs: dict, task: str) -> TaskLog:
    log = logs.get(task)
    if log is None:
        log = logs[task] = TaskLog()
    return log


def _month(log: TaskLog, month: int, percent, status) -> TaskLog:
    """A month with an entry, and the percent and status in force in it."""
    log.months.add(month)
    if percent is not None:
        log.percent[month] = percent
    if status is not None:
        log.status[month] = status
    return log


def load_recent(conn: sqlite3.Connection | None, plan: Plan, upto: int, depth: int) -> dict[str, TaskLog]:
    """Each task's log, enough to judge it as of `upto` looking back `depth` months, and no more.

    The months upto-depth … upto come whole. Before them, only what is still
    in force, and only where the window does not already settle it: a
    cumulative metric's latest value (when it has none in the window's first
    month), an increment metric's sum (as one figure the month before the
    window), a qualitative task's latest percent and status, the latest month
    reported (when none is in the window). Notes: that of `upto` and the one
    before it. evaluate() gives the same answer from this as from the whole
    log for any month in the window (tests/test_inforce.py holds it to that).

    Each "latest before the window" is one index seek per key, never a scan
    of the history: at a province's size the history is 30 times the window.
    """
    logs: dict[str, TaskLog] = {}
    if conn is None:
        return logs
    lo = upto - depth

    first_month: dict[tuple[str, str], int] = {}
    for task, metric, month, value in conn.execute(
            "SELECT task, metric, month, value FROM in_force WHERE month BETWEEN ? AND ?", (lo, upto)):
        log = logs.get(task)
        if log is None:
            log = logs[task] = TaskLog()
        series = log.values.get(metric)
        if series is None:
            series = log.values[metric] = {}
            first_month[(task, metric)] = month
        elif month < first_month[(task, metric)]:
            first_month[(task, metric)] = month
        series[month] = value

    cumulative, increments = [], []
    for t in plan.tasks:
        for m in t.metrics:
            if m.mode == "increment":
                increments.append((t.id, m.key))
            elif first_month.get((t.id, m.key), upto + 1) > lo:
                cumulative.append((t.id, m.key))
    for task, metric, month, value in _seek(conn, cumulative, """
            SELECT k.task, k.metric, i.month, i.value FROM keys k JOIN in_force i
              ON i.task = k.task AND i.metric = k.metric AND i.month = (
                SELECT max(month) FROM in_force j WHERE j.task = k.task AND j.metric = k.metric AND j.month < :lo)""",
                                           lo):
        _log_of(logs, task).values.setdefault(metric, {})[month] = value
    for task, metric, total in _seek(conn, increments, """
            SELECT k.task, k.metric, (SELECT sum(value) FROM in_force j
              WHERE j.task = k.task AND j.metric = k.metric AND j.month < :lo) AS total
            FROM keys k WHERE total IS NOT NULL""", lo):
        _log_of(logs, task).values.setdefault(metric, {})[lo - 1] = total

    note_of: dict[int, tuple[str, int]] = {}
    for task, month, percent, status, note_seq in conn.execute(
            "SELECT task, month, percent, status, note_seq FROM month_state WHERE month BETWEEN ? AND ?", (lo, upto)):
        log = logs.get(task)
        if log is None:
            log = logs[task] = TaskLog()
        log.months.add(month)
        if percent is not None:
            log.percent[month] = percent
        if status is not None:
            log.status[month] = status
        if note_seq is not None:
            note_of[note_seq] = (task, month)

    quiet = [(t.id,) for t in plan.tasks if t.id not in logs or not logs[t.id].months]
    for task, month in _seek(conn, quiet, """
            SELECT k.task, (SELECT max(month) FROM month_state s WHERE s.task = k.task AND s.month < :lo) AS m
            FROM keys k WHERE m IS NOT NULL""", lo, ("task",)):
        _log_of(logs, task).months.add(month)
    qualitative = [(t.id,) for t in plan.tasks if not t.metrics]
    for column in ("percent", "status"):
        for task, month, value in _seek(conn, qualitative, f"""
                SELECT k.task, s.month, s.{column} FROM keys k JOIN month_state s ON s.task = k.task AND s.month = (
                  SELECT max(month) FROM month_state t WHERE t.task = k.task AND t.month < :lo
                  AND t.{column} IS NOT NULL)""", lo, ("task",)):
            getattr(_log_of(logs, task), column)[month] = value

    # Notes: the month's own, and the latest before it (for repeated_note), nothing more.
    wanted: dict[int, tuple[str, int]] = {}
    months_of: dict[str, list[int]] = {}
    by_month = {}
    for seq, (task, month) in note_of.items():
        months_of.setdefault(task, []).append(month)
        by_month[(task, month)] = seq
    lookup = []
    for task, seen in months_of.items():
        if upto not in seen:
            continue
        wanted[by_month[(task, upto)]] = (task, upto)
        earlier = [m for m in seen if m < upto]
        if earlier:
            m = max(earlier)
            wanted[by_month[(task, m)]] = (task, m)
        else:
            lookup.append((task,))
    for task, seq, month in _seek(conn, lookup, """
            SELECT k.task, s.note_seq, s.month FROM keys k JOIN month_state s ON s.task = k.task AND s.month = (
              SELECT max(month) FROM month_state t WHERE t.task = k.task AND t.month < :lo
              AND t.note_seq IS NOT NULL)""", lo, ("task",)):
        wanted[seq] = (task, month)
    if wanted:
        for seq, note in conn.execute("SELECT seq, note FROM notes WHERE seq IN (SELECT value FROM json_each(?))",
                                      (json.dumps(list(wanted)),)):
            task, month = wanted[seq]
            _log_of(logs, task).notes[month] = note
    return logs


def _seek(conn: sqlite3.Connection, keys: list[tuple], query: str, lo: int, names=("task", "metric")):
    """Run `query` for each key in `keys` (a CTE named keys), one index seek each."""
    if not keys:
        return ()
    columns = ", ".join(f"value ->> {i} AS {name}" for i, name in enumerate(names))
    return conn.execute(f"WITH keys AS (SELECT {columns} FROM json_each(:keys)) {query}",
                        {"keys": json.dumps(keys, ensure_ascii=False), "lo": lo})
