"""Building plans' tasks and reduced logs by hand, for the rule tests (test_evaluate, test_trends)."""

from __future__ import annotations

import datetime as dt

from tracker.core import months
from tracker.core.model import Metric, Task, TaskLog
from tracker.store import schema

D = dt.date
M = months.parse


def task(metrics=(), milestones=(), start=D(2024, 1, 1), due=D(2024, 12, 31), stall=2, tol=0.10, tid="1"):
    return Task(tid, "t", "市民政局", start, due, stall, tol, metrics=tuple(metrics), milestones=tuple(milestones))


def metric(key="a", target=100, baseline=0, mode="cumulative"):
    return Metric(key, key, "个", float(target), float(baseline), mode)


def log(values=None, percent=None, status=None, notes=None, extra_months=()):
    """values: {key: {"2024-03": 10}}; months with any value/percent/status/note count as reported."""
    lg = TaskLog()
    for key, series in (values or {}).items():
        lg.values[key] = {M(m): float(v) for m, v in series.items()}
        lg.months.update(M(m) for m in series)
    for attr, data in (("percent", percent), ("status", status), ("notes", notes)):
        for m, v in (data or {}).items():
            getattr(lg, attr)[M(m)] = v
            lg.months.add(M(m))
    lg.months.update(M(m) for m in extra_months)
    return lg


# --- databases of an older schema ----------------------------------------------------------


def split_log(db_path, version: int) -> None:
    """Turn a database tracker wrote (schema 5: an entry a row) into one of an older schema (1–4), as that
    tracker wrote it: the log in three tables (entries, entry_values, notes), the same entries and hashes;
    chain_heads from schema 2, the derived tables of schemas 3 and 4 (left empty: an upgrade drops them)."""
    import sqlite3

    from tracker import store

    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("BEGIN")
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("ALTER TABLE entries RENAME TO entries_5")
    conn.execute("DROP INDEX idx_entries_id")
    conn.execute("DROP INDEX idx_entries_task_month")
    conn.execute("CREATE TABLE entries (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, task TEXT NOT NULL, "
                 "month TEXT NOT NULL, percent FLOAT, status TEXT, by TEXT, recorded_at TEXT NOT NULL, "
                 "hash TEXT NOT NULL)")
    conn.execute("CREATE UNIQUE INDEX idx_entries_id ON entries (id)")
    conn.execute("CREATE INDEX idx_entries_task_month ON entries (task, month)")
    conn.execute("CREATE TABLE entry_values (seq INTEGER REFERENCES entries(seq), metric TEXT, "
                 "value FLOAT NOT NULL, PRIMARY KEY (seq, metric))")
    conn.execute("CREATE TABLE notes (seq INTEGER PRIMARY KEY REFERENCES entries(seq), note TEXT NOT NULL)")
    conn.execute("INSERT INTO entries SELECT seq, id, task, month, percent, status, by, recorded_at, hash "
                 "FROM entries_5")
    conn.executemany("INSERT INTO entry_values VALUES (?, ?, ?)",
                     [(seq, k, v) for seq, figures in conn.execute("SELECT seq, figures FROM entries_5").fetchall()
                      for k, v in store.figures_of(figures).items()])
    conn.execute("INSERT INTO notes SELECT seq, note FROM entries_5 WHERE note IS NOT NULL")
    conn.execute("DROP TABLE entries_5")
    conn.execute("DROP TABLE reminders")  # schema 6's
    for name in ("task_series", "series_state"):
        if version < 4:
            conn.execute(f"DROP TABLE {name}")
    if version < 2:
        conn.execute("DROP TABLE chain_heads")
    if version >= 3:
        conn.execute("CREATE TABLE in_force (task TEXT, metric TEXT, month INTEGER, value REAL, rank TEXT)")
        conn.execute("CREATE TABLE month_state (task TEXT, month INTEGER, percent REAL)")
    for sql in store.guards(version).values():
        conn.execute(sql)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("COMMIT")
    conn.close()


def schema_6(db_path) -> None:
    """Turn a database tracker wrote into one of schema 6, as that tracker wrote it: entries without the
    problems and next_steps columns (every entry in it must have neither), the same entries and hashes."""
    import sqlite3

    import sqlite_utils

    from tracker import store

    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("BEGIN")
    assert conn.execute("SELECT count(*) FROM entries WHERE problems IS NOT NULL OR next_steps IS NOT NULL"
                        ).fetchone()[0] == 0
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("ALTER TABLE entries RENAME TO entries_7")
    conn.execute("DROP INDEX idx_entries_id")
    conn.execute("DROP INDEX idx_entries_task_month")
    schema._create_entries(sqlite_utils.Database(conn), "entries")
    for sql in schema.ENTRY_INDEXES:
        conn.execute(sql)
    conn.execute("INSERT INTO entries SELECT seq, id, task, month, percent, status, by, recorded_at, hash, figures, "
                 "note FROM entries_7")
    conn.execute("DROP TABLE entries_7")
    for sql in store.guards(6).values():
        conn.execute(sql)
    conn.execute("PRAGMA user_version = 6")
    conn.execute("COMMIT")
    conn.close()
