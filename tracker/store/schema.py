"""The schema: its tables (made by sqlite-utils), each older version's step up to the current one, and the
append-only triggers that make SQLite itself refuse UPDATE and DELETE on the log."""

from __future__ import annotations

import sqlite3

from tracker.errors import BadInput
from tracker.store.base import _begin, _record_head, _version, rollback, triggers

SCHEMA_VERSION = 9
# The append-only tables, by schema version (3 and 4 added derived tables, which are not the log;
# 5 holds each entry in one row: its values' JSON and its note beside its figures; 6 adds the record
# of reminders sent; 7 adds each entry's problems and next steps, 存在问题 and 下步计划; 8 adds `voids`;
# 9 holds the derived series in one row a task).
_SPLIT = ("entries", "entry_values", "notes")
LOG_TABLES = {1: _SPLIT, 2: (*_SPLIT, "chain_heads"), 3: (*_SPLIT, "chain_heads"), 4: (*_SPLIT, "chain_heads"),
              5: ("entries", "chain_heads"), 6: ("entries", "chain_heads", "reminders"),
              7: ("entries", "chain_heads", "reminders"), 8: ("entries", "chain_heads", "reminders"),
              9: ("entries", "chain_heads", "reminders")}


def migrate(conn: sqlite3.Connection, path: str) -> None:
    """Create or upgrade the schema in one transaction (sqlite-utils makes every table), then (re)install
    the guards. Each step brings a database of an older schema one version further."""
    import sqlite_utils

    conn.execute("PRAGMA journal_mode = WAL")
    _begin(conn)
    try:
        # Read again under the lock: another process may have created it meanwhile.
        version = _version(conn, path)
        if version > SCHEMA_VERSION:
            raise BadInput("{path}: written by a newer tracker (schema {version}); upgrade tracker", path=path, version=version)
        db = sqlite_utils.Database(conn)
        if version == 0:  # a new database: the log of schema 5, then the steps after it
            _create_entries(db, "entries")
            for sql in ENTRY_INDEXES:
                conn.execute(sql)
            db["plan_cache"].create(PLAN_CACHE, pk="path")
            db["chain_heads"].create(CHAIN_HEADS, pk="seq", not_null=CHAIN_HEADS_NOT_NULL)
        if version == 1:
            db["chain_heads"].create(CHAIN_HEADS, pk="seq", not_null=CHAIN_HEADS_NOT_NULL)
            _record_head(conn)  # an older log's head as it stands now: removals from here on show
        if 1 <= version < 5:
            _one_row_an_entry(conn, db)
        if version < 9:  # 5 made the series; 9 holds a task's in one row (the step rebuilds them from the log)
            from tracker.store import series

            series.create(conn)
        if version < 6:
            db["reminders"].create(REMINDERS, pk="seq", not_null=REMINDERS_NOT_NULL)
            conn.execute(REMINDERS_INDEX)
        if version < 7:
            _problems_and_next_steps(conn)
        if version < 8:
            conn.execute(ADD_VOIDS)
            conn.execute(VOIDS_INDEX)
        # sqlite-utils' transform() drops triggers: install them after any migration.
        install_guards(conn)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        rollback(conn)
        raise


ENTRIES = {"seq": int, "id": str, "task": str, "month": str, "percent": float, "status": str, "by": str,
           "recorded_at": str, "hash": str, "figures": str, "note": str}
ENTRIES_NOT_NULL = {"id", "task", "month", "recorded_at", "hash", "figures"}
PLAN_CACHE = {"path": str, "digest": str, "data": str}
CHAIN_HEADS = {"seq": int, "upto": int, "hash": str, "at": str}
CHAIN_HEADS_NOT_NULL = {"upto", "hash", "at"}
# Reminders sent (schema 6): one row a delivery or failure, append-only like the log; `tasks` is a JSON list.
REMINDERS = {"seq": int, "at": str, "month": str, "unit": str, "channel": str, "target": str,
             "delivered": int, "reason": str, "tasks": str}
REMINDERS_NOT_NULL = {"at", "month", "unit", "channel", "target", "delivered", "tasks"}
REMINDERS_INDEX = 'CREATE INDEX "idx_reminders_month" ON "reminders" ("month", "unit")'


def _create_entries(db, name: str) -> None:
    db[name].create(ENTRIES, pk="seq", not_null=ENTRIES_NOT_NULL)


ENTRY_INDEXES = ('CREATE UNIQUE INDEX "idx_entries_id" ON "entries" ("id")',
                 'CREATE INDEX "idx_entries_task_month" ON "entries" ("task", "month")')


def _one_row_an_entry(conn: sqlite3.Connection, db) -> None:
    """Schema 1–4 → 5: the three tables of the log become one, every entry and its hash as they were.

    The derived tables of schemas 3 and 4 go too (series.py rebuilds what status reads).
    """
    for name in ("in_force", "month_state", "entries_5"):
        conn.execute(f"DROP TABLE IF EXISTS {name}")
    _create_entries(db, "entries_5")
    from tracker.store.check import chain_rows

    rows = ((e.seq, e.id, e.task, e.month, e.percent, e.status, e.by, e.recorded_at, e.hash,
             e.figures, e.note) for e in chain_rows(conn))
    conn.executemany("INSERT INTO entries_5 VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
    for name in _SPLIT:
        conn.execute(f"DROP TABLE {name}")  # its triggers and indexes go with it
    conn.execute("ALTER TABLE entries_5 RENAME TO entries")
    for sql in ENTRY_INDEXES:
        conn.execute(sql)


def _problems_and_next_steps(conn: sqlite3.Connection) -> None:
    """Schema 6 → 7: two nullable columns at the end of entries; every stored entry and hash stays as it was."""
    for column in ("problems", "next_steps"):
        conn.execute(f'ALTER TABLE entries ADD COLUMN "{column}" TEXT')


# Schema 7 → 8: a void entry's target. A new nullable column: every entry as it was, its hash unchanged.
ADD_VOIDS = 'ALTER TABLE "entries" ADD COLUMN "voids" TEXT'
# The few void entries, found at once: every read of the log leaves out what they void (log_rows).
VOIDS_INDEX = 'CREATE INDEX "idx_entries_voids" ON "entries" ("voids") WHERE "voids" IS NOT NULL'


def guards(version: int = SCHEMA_VERSION) -> dict[str, str]:
    """The append-only triggers a database of this schema version has: name → SQL."""
    return {
        f"{table}_no_{action.lower()}": (
            f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, 'the progress log is append-only'); END"
        )
        for table in LOG_TABLES[min(version, SCHEMA_VERSION)] for action in ("UPDATE", "DELETE")
    }


def install_guards(conn: sqlite3.Connection) -> None:
    present = triggers(conn)
    for name, sql in guards().items():
        if name not in present:
            conn.execute(sql)
