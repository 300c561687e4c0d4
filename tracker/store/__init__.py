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
from contextlib import contextmanager

from tracker.core import months

from tracker.errors import BadInput
from tracker.textfile import json_value
from tracker.core.model import Entry, number  # noqa: F401 (Entry: what the store reads and appends)
from tracker.store.base import (BUSY_TIMEOUT_MS, _begin, _check_file, _raw_connect, _record_head, _version, failure, unreadable,  # noqa: F401
                                rollback, snapshot, tables, triggers, version)
from tracker.store.schema import (LOG_TABLES, SCHEMA_VERSION, guards, install_guards, migrate)  # noqa: F401

DatabaseError = sqlite3.Error  # what SQLite raises; the CLI turns it into one line


def append(conn: sqlite3.Connection, entries, stamp=None):
    """Append entries (any iterable) in one transaction (write.py): how many were written and skipped, and the last."""
    from tracker.store.write import append

    return append(conn, entries, stamp)


# An append checks and writes this many entries at a time (its memory is bounded by it, not by its size).
BULK = 5000


def open_read(path: str, upgrade: bool = True) -> sqlite3.Connection | None:
    """A connection for reading, or None when there is no log yet (an empty log).

    An older tracker's database is brought up to date first, unless `upgrade` is false (validate looks
    at it as it is: an upgrade would put back guards whose absence is evidence).
    """
    if not os.path.lexists(path):
        return None
    _check_file(path)
    if os.path.getsize(path) == 0:  # no log (SQLite would make a -wal and -shm beside it to say so)
        return None
    conn = _raw_connect(path, read=True)
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
        from tracker.files import Exists

        try:  # made whole beside it (new_log): a reader never meets an empty or half-made log at `path`
            with new_log(path):
                pass
        except Exists:  # another tracker made it meanwhile: that is the log
            pass
    conn = _raw_connect(path)
    if _version(conn, path) != SCHEMA_VERSION:
        migrate(conn, path)
    _ensure_wal(conn)
    return conn


PAGE_SIZE = 16384  # of a new log (an existing one keeps its own)


@contextmanager
def new_log(path: str):
    """A connection to a new, empty log built beside `path` (files.new_file), which becomes `path` whole when
    the block ends without an error: until then nothing is at `path`, and on any error (or a kill) nothing
    ever is. files.Exists when a log appeared at `path` meanwhile (the new one is then dropped)."""
    from tracker.files import new_file

    folder = os.path.dirname(os.path.abspath(path))
    made = not os.path.isdir(folder)
    try:
        with new_file(path, replace=False) as tmp:
            conn = _raw_connect(tmp)
            try:
                # 16 KiB pages (SQLite's default is 4): a province's 280 MB written in a quarter of the calls, and
                # read back by the series and by status in a quarter of the steps.
                conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
                migrate(conn, tmp)
                # No one else opens this file: its writes need no WAL (which writes everything twice) and no
                # sync of their own; new_file syncs the file whole before it takes its name.
                conn.execute("PRAGMA journal_mode = MEMORY")
                conn.execute("PRAGMA synchronous = OFF")
                yield conn
                conn.execute("PRAGMA journal_mode = WAL")  # as every log is: readers never wait for writers
            finally:
                conn.close()
    except BaseException:
        if made:  # the folder this made for it, left empty
            try:
                os.rmdir(folder)
            except OSError:
                pass
        raise


def _ensure_wal(conn: sqlite3.Connection) -> None:
    # A database restored from a backup (journal_mode=DELETE) would make readers
    # wait for writers again: the first write puts it back in WAL mode.
    if conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
        return
    try:
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError:
        pass  # busy with readers: it still works in rollback mode; a later write retries


# --- appending (write.py does the work) ------------------------------------------


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

    Python's json reads a float's repr back exactly; SQLite's JSON functions are never asked
    (textfile.json_value: json's C scanner, as a province's 650,000 of them ask).
    """
    if text == "[]":
        return {}
    out = {}
    try:
        for k, v in json_value(text):
            if type(k) is not str or type(v) not in (int, float) or not math.isfinite(v):
                raise ValueError(f"{k!r}: {v!r}")
            out[k] = float(v)
    except (TypeError, ValueError, OverflowError) as e:
        raise ValueError(f"not the values of an entry: {e}") from None
    return out



def entries_voided_by(conn: sqlite3.Connection | None):
    """Every entry in log order with the id of the void entry that voided it, or None (what `export` writes:
    history's entries, `voided_by` included), as of one moment of the log."""
    from tracker.core.rows import voiders

    if conn is None:
        return
    with snapshot(conn):
        voided = voiders(read_entries(conn, "e.voids IS NOT NULL")) if version(conn) >= 8 else {}
        for e in iter_entries(conn):
            void = voided.get((e.task, e.id))
            yield e, None if void is None else void.id


def read_entries(conn: sqlite3.Connection | None, where: str = "1", params=()) -> list[Entry]:
    """Entries in log order (recorded_at, then append order)."""
    return list(iter_entries(conn, where, params))


def present_ids(conn: sqlite3.Connection | None, ids: list[str], before: int | None = None) -> set[str]:
    """Which of these entry ids the log holds (`before`: its entries up to that seq, the log as it stood
    before an append that is under way through the same connection)."""
    found: set[str] = set()
    if conn is None:
        return found
    upto = "" if before is None else f" AND seq <= {int(before)}"
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        found |= {r[0] for r in conn.execute(
            f"SELECT id FROM entries WHERE id IN ({','.join('?' * len(chunk))}){upto}", chunk)}
    return found


def void_target(conn: sqlite3.Connection | None, eid: str) -> tuple[Entry | None, bool]:
    """What a void naming `eid` must find in the log: that entry (None if absent), and whether a void there names it."""
    found = read_entries(conn, "e.id = ?", (eid,)) if conn is not None else []
    return (found[0] if found else None), bool(conn is not None and read_entries(conn, "e.voids = ?", (eid,)))


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
                for seq, eid, task, month, at, by, pct, st, note, _hash, figures, problems, steps, voids in rows:
                    try:
                        m = parse(month)
                    except (BadInput, TypeError):
                        raise unreadable(conn, seq, "a month", month) from None
                    try:
                        values = figures_of(figures)
                    except ValueError:
                        raise unreadable(conn, seq, "figures", figures) from None
                    yield Entry(eid, task, m, at, by, values, pct, st, note, problems, steps, voids)
            return
        values: dict[int, dict] = {}
        for seq, metric, value in conn.execute(f"{_VALUES_SQL} WHERE {where} ORDER BY v.seq, v.metric", params):
            values.setdefault(seq, {})[metric] = value
        for seq, eid, task, month, at, by, pct, st, note, _hash in conn.execute(
                f"{_SPLIT_SQL} WHERE {where} ORDER BY e.recorded_at, e.seq", params):
            yield Entry(eid, task, months.parse(month), at, by, values.get(seq, {}), pct, st, note)


def load_logs(conn: sqlite3.Connection | None, upto: int | None = None, tasks=None, before: int | None = None) -> dict:
    """Each task's whole log reduced to what is in force month by month (months ≤ upto; core/inforce.py):
    every month's values, percent, status and note (as text). `before`: the log as it stood up to that seq
    (what an append under way through the same connection is checked against)."""
    from tracker.core import inforce

    if conn is None:
        return {}
    with snapshot(conn):
        return inforce.by_month(inforce.fold({}, log_rows(conn, tasks, "note", upto, before=before)))


# The log's rows in the order of the reduction (recorded_at, then append order), or task by task in that order.
# The one place where void entries and the entries they void leave the count: every fold and every series
# reads the log through here.
_ROWS = "SELECT seq, task, month, percent, status, figures, {note} FROM entries{table}{where} ORDER BY {order}recorded_at, seq"
_COUNTED = "voids IS NULL AND id NOT IN (SELECT voids FROM entries WHERE voids IS NOT NULL)"


def log_rows(conn: sqlite3.Connection, tasks=None, note: str = "note", upto: int | None = None, by_task: bool = False,
             before: int | None = None):
    """The log's rows for inforce.fold(): (seq, task, month, percent, status, values, note), every task's or
    these tasks' (index seeks), in log order (`by_task`: grouped by task, each in log order); `note` is the
    SQL of what is kept of each note; `before`: only the entries up to that seq (and the voids among them)."""
    where, args = [], ()
    if tasks is not None:
        where, args = ["task IN (SELECT value FROM json_each(?))"], (json.dumps(list(tasks), ensure_ascii=False),)
    counted = _COUNTED
    if before is not None:
        where.append(f"seq <= {int(before)}")
        counted = f"{_COUNTED[:-1]} AND seq <= {int(before)})"  # a void appended since does not count yet
    if version(conn) >= 8:
        where.append(counted)
    where = " WHERE " + " AND ".join(where) if where else ""
    # The whole log grouped by task: one pass through the table and SQLite's sorter take half the time of a
    # walk down the task index, which visits the table's pages in no order.
    table = " NOT INDEXED" if by_task and tasks is None else ""
    parsed: dict[str, int] = {}
    for seq, task, month, percent, status, figures, kept in conn.execute(
            _ROWS.format(note=note, where=where, order="task, " if by_task else "", table=table), args):
        m = parsed.get(month)
        if m is None:
            try:
                m = parsed[month] = months.parse(month)
            except (BadInput, TypeError):
                raise unreadable(conn, seq, "a month", month) from None
        if upto is not None and m > upto:
            continue
        try:
            values = figures_of(figures)
        except ValueError:
            raise unreadable(conn, seq, "figures", figures) from None
        yield seq, task, m, percent, status, values, kept


def unrecorded(conn: sqlite3.Connection | None) -> tuple[int, int] | None:
    """(first, last) seq of the entries after the last one an append of tracker's recorded in chain_heads:
    rows added to the log behind tracker's back; None when there are none (or no append was recorded)."""
    if conn is None or version(conn) < 2:
        return None
    try:
        head, last = conn.execute("SELECT (SELECT max(upto) FROM chain_heads), (SELECT max(seq) FROM entries)").fetchone()
    except sqlite3.OperationalError:  # no table of heads: validate says so
        return None
    return (head + 1, last) if head is not None and last is not None and last > head else None


def load_recent(conn: sqlite3.Connection | None, plan, upto: int, notes: bool = True,
                names: list | None = None) -> dict:
    """Each task's log with just what judging it as of `upto` needs (series.load); when the series are
    behind the log (a write by anything but tracker), the whole log reduced (inforce.py: the same answers).

    `names` receives the (task, metric or None) names of the log among which are those the plan no
    longer has (series.names(), or only those series.load found no place for: it reads every name anyway).
    """
    from tracker.store import series

    if conn is None:
        return {}
    with snapshot(conn):
        if series.current(conn):
            return series.load(conn, plan, upto, notes, names)
        if names is not None:
            names.extend(series.names(conn))
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


def cached_plan(conn: sqlite3.Connection | None, path: str, digest: str) -> tuple[bytes, str] | None:
    """The cached plan of tasks.toml's content `digest`: (its data as UTF-8, the key it is stored under). The key
    is the digest, a space and the seal made with it (cli/project.py). The data comes as the bytes SQLite holds:
    the seal is made over them, and a province's 4 MB are decoded once, not decoded and encoded again."""
    if conn is None:
        return None
    try:
        row = conn.execute("SELECT CAST(data AS BLOB), digest FROM plan_cache WHERE path = ? AND substr(digest, 1, ?) = ?",
                           (path, len(digest) + 1, digest + " ")).fetchone()
    except sqlite3.OperationalError:  # an older schema, looked at as it is (validate): no cache to use
        return None
    return (row[0], row[1]) if row else None


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


def size(conn: sqlite3.Connection | None) -> int:
    """How many entries the log holds (its last sequence number), at once."""
    if conn is None:
        return 0
    try:
        return conn.execute("SELECT coalesce(max(seq), 0) FROM entries").fetchone()[0]
    except sqlite3.OperationalError:  # not tracker's tables: validate says so
        return 0
