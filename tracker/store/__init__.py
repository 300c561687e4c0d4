"""The progress log in SQLite: opening, schema and migrations, reading; the package that alone speaks SQL.

Hot paths (reading the log, appending one entry) use the standard sqlite3
module; sqlite-utils is imported only to create or migrate the schema, which
keeps `status` and `log` fast to start. The log is append-only: triggers make
SQLite itself refuse UPDATE and DELETE, and each entry's hash chains it to
the one before, so an edit behind the tool's back shows in `validate`. Every
append also records the head of the chain (last entry and its hash) in
`chain_heads`, append-only too, so that removing the latest entries shows.

Writers take the write lock up front (BEGIN IMMEDIATE) and wait for it up to
BUSY_TIMEOUT_MS; readers never wait (WAL). synchronous=FULL: a report is on
disk before `tracker log` says it was recorded.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
from collections.abc import Mapping
from contextlib import contextmanager
from types import MappingProxyType
from typing import NamedTuple

from tracker.core import months

from tracker.errors import BadInput
from tracker.core.model import number

DatabaseError = sqlite3.Error  # what SQLite raises; the CLI turns it into one line

SCHEMA_VERSION = 8
# The append-only tables, by schema version (3 and 4 added derived tables, which are not the log;
# 5 holds each entry in one row: its values' JSON and its note beside its figures; 6 adds the record
# of reminders sent; 7 adds each entry's problems and next steps, 存在问题 and 下步计划; 8 adds `voids`).
_SPLIT = ("entries", "entry_values", "notes")
LOG_TABLES = {1: _SPLIT, 2: (*_SPLIT, "chain_heads"), 3: (*_SPLIT, "chain_heads"), 4: (*_SPLIT, "chain_heads"),
              5: ("entries", "chain_heads"), 6: ("entries", "chain_heads", "reminders"),
              7: ("entries", "chain_heads", "reminders"), 8: ("entries", "chain_heads", "reminders")}
BUSY_TIMEOUT_MS = 60_000


def append(conn: sqlite3.Connection, entries, stamp=None):
    """Append entries (any iterable) in one transaction (write.py): how many were written and skipped, and the last."""
    from tracker.store.write import append

    return append(conn, entries, stamp)


# An append checks and writes this many entries at a time (its memory is bounded by it, not by its size).
BULK = 5000


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


# --- opening ---------------------------------------------------------------------


def _check_file(path: str) -> None:
    from tracker.files import regular_or_absent

    regular_or_absent(path, "tracker database")  # a FIFO, a device: refused at once, never opened
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except IsADirectoryError:
        raise BadInput("{path}: is a directory, not a tracker database", path=path) from None
    except OSError as e:
        raise BadInput("{path}: cannot open the database: {why}", path=path, why=e.strerror) from None
    if head and head != b"SQLite format 3\x00":
        raise BadInput("{path}: not a SQLite database (is --db or TRACKER_DB pointing at the right file?)", path=path)


def _raw_connect(path: str) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)  # a bulk append builds its indexes in a thread
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA synchronous = FULL")
        return conn
    except sqlite3.OperationalError as e:  # the disk, the permissions, a lock: the real reason
        raise failure(e, path) from None
    except sqlite3.DatabaseError as e:
        raise BadInput("{path}: cannot open the database: {why}", path=path, why=e) from None


def open_read(path: str, upgrade: bool = True) -> sqlite3.Connection | None:
    """A connection for reading, or None when there is no log yet (an empty log).

    An older tracker's database is brought up to date first, unless `upgrade`
    is false (validate looks at it as it is: an upgrade would put back guards
    whose absence is evidence).
    """
    if not os.path.lexists(path):
        return None
    _check_file(path)
    conn = _raw_connect(path)
    version = _version(conn, path)
    if version == 0:
        conn.close()
        return None
    if version > SCHEMA_VERSION:
        raise BadInput("{path}: written by a newer tracker (schema {version}); upgrade tracker", path=path, version=version)
    if version < SCHEMA_VERSION and upgrade:
        migrate(conn, path)  # an older tracker's database: brought up to date once, by whoever reads first
    return conn


def open_write(path: str) -> sqlite3.Connection:
    """A connection for appending; creates the database (and its folder) on first write."""
    if os.path.lexists(path):
        _check_file(path)
    else:
        folder = os.path.dirname(path)
        if folder:
            try:
                os.makedirs(folder, exist_ok=True)
            except OSError as e:
                raise BadInput("{path}: cannot create the database folder: {why}", path=path, why=e.strerror) from None
    conn = _raw_connect(path)
    if _version(conn, path) != SCHEMA_VERSION:
        migrate(conn, path)
    _ensure_wal(conn)
    return conn


def _ensure_wal(conn: sqlite3.Connection) -> None:
    # A database restored from a backup (journal_mode=DELETE) would make readers
    # wait for writers again: the first write puts it back in WAL mode.
    if conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
        return
    try:
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError:
        pass  # busy with readers: it still works in rollback mode; a later write retries


def _begin(conn: sqlite3.Connection) -> None:
    """Take the write lock now (not at the first write), waiting up to the busy timeout."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as e:
        if "locked" not in str(e) and "busy" not in str(e):
            raise
        path = conn.execute("PRAGMA database_list").fetchone()[2]
        here = os.path.relpath(path)
        path = path if here.startswith("..") else here
        raise BadInput("{path}: busy: another tracker has been writing for over {seconds} s; try again when it is done", path=path, seconds=format(BUSY_TIMEOUT_MS / 1000, 'g')) from None


def _version(conn: sqlite3.Connection, path: str) -> int:
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version < 0:
            raise BadInput("{path}: a SQLite database, but not tracker's (schema version {version})",
                           path=path, version=version)
        if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise BadInput("{path}: a SQLite database, but not tracker's (it has other tables)", path=path)
        return version
    except sqlite3.OperationalError as e:
        raise failure(e, path) from None
    except sqlite3.DatabaseError as e:
        raise BadInput("{path}: not a usable SQLite database: {why}", path=path, why=e) from None


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
        if version < 5:
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


def rollback(conn: sqlite3.Connection) -> None:
    """End a failed write transaction, unless SQLite already has (it does when a COMMIT fails on a full
    disk): the rollback's own error ("no transaction is active") must never hide the one that caused it."""
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass


# SQLite's primary result codes, in the user's terms (sqlite3.Error.sqlite_errorname, e.g. SQLITE_IOERR_WRITE).
_REASONS = {
    "SQLITE_FULL": "the disk is full ({code}): nothing was written; free some space and run it again",
    "SQLITE_READONLY": "the database cannot be written ({code}): check the permissions of the file and of its "
                       "folder; nothing was written",
    "SQLITE_BUSY": "the database is locked by another program ({code}); run it again when that is done",
    "SQLITE_LOCKED": "the database is locked by another program ({code}); run it again when that is done",
    "SQLITE_CANTOPEN": "cannot open the database or the files SQLite keeps beside it ({code}): check that its "
                       "folder exists and can be written",
    "SQLITE_IOERR": "the disk failed to read or write ({code}): nothing was written; check the disk",
    "SQLITE_CORRUPT": "the database is damaged ({code}): keep the file and its -wal as they are, run "
                      "`tracker validate`, restore from a backup",
    "SQLITE_NOTADB": "not a SQLite database ({code})",
    "SQLITE_PERM": "the database cannot be written ({code}): access denied",
    "read-only": "the database or its folder is read-only ({code}): tracker writes beside the database even to "
                 "read it (its -wal and -shm files); check the permissions, or whether the disk is mounted read-only",
}


def failure(e: sqlite3.Error, path: str) -> BadInput:
    """The one line a failed SQLite call becomes: the real reason, in words, with SQLite's code."""
    name = getattr(e, "sqlite_errorname", None) or ""
    primary = "_".join(name.split("_")[:2])
    if primary in ("SQLITE_IOERR", "SQLITE_CANTOPEN") and _disk_full(path):
        primary = "SQLITE_FULL"  # SQLite says "disk I/O error" when it cannot even grow its shared memory file
    elif primary in ("SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_READONLY") and _read_only(path):
        primary = "read-only"
    template = _REASONS.get(primary)
    if template is None:
        return BadInput("{path}: database error: {reason}", path=path, reason=str(e) or type(e).__name__)
    return BadInput("{path}: {reason}", path=path, reason=BadInput(template, code=name))


def _read_only(path: str) -> bool:
    """Whether the database or its folder cannot be written (permissions, a read-only mount)."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except OSError:
        pass
    return not os.access(folder, os.W_OK) or (os.path.exists(path) and not os.access(path, os.W_OK))


def _disk_full(path: str) -> bool:
    try:
        return os.statvfs(os.path.dirname(os.path.abspath(path))).f_bavail == 0
    except OSError:
        return False


# The log (schema 5): an entry a row, its values as their canonical JSON (chain.values_text), its note last.
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


# --- appending (write.py does the work) ------------------------------------------


def _record_head(conn, upto: int | None = None, hash_: str | None = None) -> None:
    """Note the chain's head (last entry and its hash): what `validate` holds the log to."""
    if upto is None:
        row = conn.execute("SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1").fetchone()
        if row is None:
            return
        upto, hash_ = row
    import datetime as dt

    at = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    conn.execute("INSERT INTO chain_heads (upto, hash, at) VALUES (?, ?, ?)", (upto, hash_, at))


# --- reading ---------------------------------------------------------------------

# Schema 8: an entry a row (schemas 5–7, read by validate as they are, have no problems or next steps
# before 7, no voids before 8). Schemas 1–4, read by validate and export as they are: _SPLIT_SQL.
_ENTRY_SQL = "SELECT e.seq, e.id, e.task, e.month, e.recorded_at, e.by, e.percent, e.status, e.note, e.hash, " \
             "e.figures, e.problems, e.next_steps, e.voids FROM entries e"
_ENTRY_7_SQL = _ENTRY_SQL.replace("e.voids", "NULL")
_ENTRY_5_SQL = _ENTRY_7_SQL.replace("e.problems, e.next_steps", "NULL, NULL")


def entry_sql(conn: sqlite3.Connection) -> str:
    """The SELECT of whole entries for a database of schema 5 or later."""
    v = version(conn)
    return _ENTRY_SQL if v >= 8 else _ENTRY_7_SQL if v >= 7 else _ENTRY_5_SQL
_SPLIT_SQL = """
SELECT e.seq, e.id, e.task, e.month, e.recorded_at, e.by, e.percent, e.status, n.note, e.hash
FROM entries e LEFT JOIN notes n ON n.seq = e.seq
"""
# Values are read as stored (REAL), never through SQLite's JSON functions, which
# print 15 significant digits: 100000000000000.5 would come back as ...001.
_VALUES_SQL = "SELECT v.seq, v.metric, v.value FROM entry_values v JOIN entries e ON e.seq = v.seq"


def figures_of(text: str) -> dict:
    """An entry's values from their stored JSON (chain.values_text): {metric: float}; ValueError if it is not that.

    Python's json reads a float's repr back exactly; SQLite's JSON functions are never asked.
    """
    if text == "[]":
        return {}
    out = {}
    try:
        for k, v in json.loads(text):
            if type(k) is not str or type(v) not in (int, float) or not math.isfinite(v):
                raise ValueError(f"{k!r}: {v!r}")
            out[k] = float(v)
    except (TypeError, ValueError, OverflowError) as e:
        raise ValueError(f"not the values of an entry: {e}") from None
    return out


def read_entries(conn: sqlite3.Connection | None, where: str = "1", params=()) -> list[Entry]:
    """Entries in log order (recorded_at, then append order)."""
    return list(iter_entries(conn, where, params))


def present_ids(conn: sqlite3.Connection | None, ids: list[str]) -> set[str]:
    """Which of these entry ids the log holds."""
    found: set[str] = set()
    if conn is None:
        return found
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        found |= {r[0] for r in conn.execute(f"SELECT id FROM entries WHERE id IN ({','.join('?' * len(chunk))})", chunk)}
    return found


def entries_by_id(conn: sqlite3.Connection | None, prefix: str) -> list[Entry]:
    """The entries whose id is `prefix` or begins with it (history shows ids' first 8 characters)."""
    if conn is None or not prefix:
        return []
    return read_entries(conn, "substr(e.id, 1, ?) = ?", (len(prefix), prefix))


def entries_of_task(conn: sqlite3.Connection | None, task: str) -> list[Entry]:
    """One task's entries in log order."""
    return read_entries(conn, "e.task = ?", (task,))


def iter_entries(conn: sqlite3.Connection | None, where: str = "1", params=()):
    """Entries in log order, streamed (any size of log), as of one moment of the log."""
    if conn is None:
        return
    with snapshot(conn):  # two queries, one moment: no entry without the values a writer committed meanwhile
        if version(conn) >= 5:
            parse = months.parse
            cursor = conn.execute(f"{entry_sql(conn)} WHERE {where} ORDER BY e.recorded_at, e.seq", params)
            while rows := cursor.fetchmany(1000):
                for _seq, eid, task, month, at, by, pct, st, note, _hash, figures, problems, steps, voids in rows:
                    yield Entry(eid, task, parse(month), at, by, figures_of(figures), pct, st, note, problems, steps,
                                voids)
            return
        values: dict[int, dict] = {}
        for seq, metric, value in conn.execute(f"{_VALUES_SQL} WHERE {where} ORDER BY v.seq, v.metric", params):
            values.setdefault(seq, {})[metric] = value
        for seq, eid, task, month, at, by, pct, st, note, _hash in conn.execute(
                f"{_SPLIT_SQL} WHERE {where} ORDER BY e.recorded_at, e.seq", params):
            yield Entry(eid, task, months.parse(month), at, by, values.get(seq, {}), pct, st, note)


@contextmanager
def snapshot(conn: sqlite3.Connection):
    """Every query inside sees the database as of one moment (a WAL read transaction), whatever writers do."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")  # ends the read; there is nothing to commit


def load_logs(conn: sqlite3.Connection | None, upto: int | None = None, tasks=None) -> dict:
    """Each task's whole log reduced to what is in force month by month (months ≤ upto; core/inforce.py):
    every month's values, percent, status and note (as text)."""
    from tracker.core import inforce

    if conn is None:
        return {}
    with snapshot(conn):
        return inforce.by_month(inforce.fold({}, log_rows(conn, tasks, "note", upto)))


# The log's rows in the order of the reduction (recorded_at, then append order), or task by task in that order.
# The one place where void entries and the entries they void leave the count: every fold and every series
# reads the log through here.
_ROWS = "SELECT seq, task, month, percent, status, figures, {note} FROM entries{where} ORDER BY {order}recorded_at, seq"
_COUNTED = "voids IS NULL AND id NOT IN (SELECT voids FROM entries WHERE voids IS NOT NULL)"


def log_rows(conn: sqlite3.Connection, tasks=None, note: str = "note", upto: int | None = None, by_task: bool = False):
    """The log's rows for inforce.fold(): (seq, task, month, percent, status, values, note), every task's or
    these tasks' (index seeks), in log order (`by_task`: grouped by task, each in log order); `note` is the
    SQL of what is kept of each note."""
    where, args = [], ()
    if tasks is not None:
        where, args = ["task IN (SELECT value FROM json_each(?))"], (json.dumps(list(tasks), ensure_ascii=False),)
    if version(conn) >= 8:
        where.append(_COUNTED)
    where = " WHERE " + " AND ".join(where) if where else ""
    parsed: dict[str, int] = {}
    for seq, task, month, percent, status, figures, kept in conn.execute(
            _ROWS.format(note=note, where=where, order="task, " if by_task else ""), args):
        m = parsed.get(month)
        if m is None:
            m = parsed[month] = months.parse(month)
        if upto is not None and m > upto:
            continue
        yield seq, task, m, percent, status, figures_of(figures), kept


def load_recent(conn: sqlite3.Connection | None, plan, upto: int, notes: bool = True) -> dict:
    """Each task's log with just what judging it as of `upto` needs (series.load); when the series are
    behind the log (a write by anything but tracker), the whole log reduced (inforce.py: the same answers)."""
    from tracker.store import series

    if conn is None:
        return {}
    with snapshot(conn):
        if series.current(conn):
            return series.load(conn, plan, upto, notes)
        return load_logs(conn, upto)


def month_texts(conn: sqlite3.Connection | None, p: int) -> dict[str, tuple[str | None, str | None]]:
    """Each task's problems and next steps in force for month p: those of the latest entry of p that gives each."""
    if conn is None or version(conn) < 7:
        return {}
    out: dict[str, list] = {}
    counted = f" AND {_COUNTED}" if version(conn) >= 8 else ""
    for task, problems, steps in conn.execute(
            "SELECT task, problems, next_steps FROM entries WHERE month = ? AND (problems IS NOT NULL OR "
            f"next_steps IS NOT NULL){counted} ORDER BY recorded_at, seq", (months.fmt(p),)):
        got = out.setdefault(task, [None, None])
        if problems is not None:
            got[0] = problems
        if steps is not None:
            got[1] = steps
    return {task: (a, b) for task, (a, b) in out.items()}


# --- plan cache ------------------------------------------------------------------


def cached_plan(conn: sqlite3.Connection | None, path: str, digest: str) -> str | None:
    if conn is None:
        return None
    row = conn.execute("SELECT data FROM plan_cache WHERE path = ? AND digest = ?", (path, digest)).fetchone()
    return row[0] if row else None


def cache_plan(conn: sqlite3.Connection | None, path: str, digest: str, data: str) -> None:
    if conn is None:
        return
    # Reading commands write this too: never wait for a writer (a long import)
    # for the sake of a shortcut.
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        conn.execute("INSERT OR REPLACE INTO plan_cache (path, digest, data) VALUES (?, ?, ?)", (path, digest, data))
    except sqlite3.OperationalError:
        pass  # a read-only database or a busy one: the cache is only a shortcut
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


# --- checks ----------------------------------------------------------------------


def triggers(conn: sqlite3.Connection) -> dict[str, str]:
    """The database's triggers: name → SQL."""
    return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())


def tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def last_hash(conn: sqlite3.Connection | None) -> str:
    """The hash the log ends with ("" for an empty log): what the next entry's hash follows."""
    if conn is None:
        return ""
    try:
        row = conn.execute("SELECT hash FROM entries ORDER BY seq DESC LIMIT 1").fetchone()
    except sqlite3.OperationalError:  # not tracker's tables: the append says so
        return ""
    return row[0] if row else ""


def size(conn: sqlite3.Connection | None) -> int:
    """How many entries the log holds (its last sequence number), at once."""
    if conn is None:
        return 0
    try:
        return conn.execute("SELECT coalesce(max(seq), 0) FROM entries").fetchone()[0]
    except sqlite3.OperationalError:  # not tracker's tables: validate says so
        return 0


def version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]
