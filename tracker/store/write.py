"""Appending entries to the log: one transaction, the hash chain extended, the derived tables kept current.

A part of the store (store.py opens, migrates and reads; the SQL of an
append is here). An entry whose id is already in the log is skipped (the same
content) or refused (other content); a large append fills the derived tables
set-wise instead of by row triggers.
"""

from __future__ import annotations

import sqlite3
from itertools import chain, islice
from operator import itemgetter

from tracker import store
from tracker.core import months
from tracker.errors import BadInput
from tracker.store import Entry, _begin, _record_head, read_entries


def append(conn: sqlite3.Connection, entries: list[Entry], stamp=None, bodies: dict | None = None) -> list[Entry]:
    """Append entries in one transaction, chaining their hashes; skip ids already present.

    `stamp`, when given, is called inside the write lock to give each new entry
    its recorded_at, so that clock order and append order agree across writers.
    Returns the entries written. An id already present with other content is an error.
    `bodies`: chain.hash_bodies() of (some of) the entries, made ahead of time.
    """
    direct = len(entries) >= store.BULK and _write_directly(conn)
    try:
        _begin(conn)
        try:
            written = _append_locked(conn, entries, stamp, bodies or {})
            conn.execute("COMMIT")
        except BaseException as e:
            conn.execute("ROLLBACK")
            if isinstance(e, UnicodeEncodeError):
                raise _unstorable(entries) from None
            raise
    finally:
        if direct:
            conn.execute("PRAGMA synchronous = FULL")
            store._ensure_wal(conn)
    return written


def _write_directly(conn: sqlite3.Connection) -> bool:
    """For a large first append into an empty log: leave WAL mode for a rollback journal, if no one else
    has the database open; whether it did.

    In WAL mode every page is written twice, to the WAL and then into the database. With a rollback
    journal, a database that holds no entries yet has almost nothing to journal (a crash rolls it back
    to empty), and its pages are written once. synchronous = EXTRA: the journal's removal, which commits,
    is on disk too. Readers wait for such an import (the busy timeout) instead of seeing an empty log;
    the database is back in WAL mode when it is done.
    """
    if store.size(conn) != 0:
        return False
    try:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.OperationalError:  # others have it open
        return False
    if mode != "delete":
        return False
    conn.execute("PRAGMA synchronous = EXTRA")
    return True


def _unstorable(entries: list[Entry]) -> BadInput:
    """Name the text that SQLite and the hash could not take: bytes that were not
    UTF-8 in argv or TRACKER_BY reach Python as lone surrogates (JSON can spell one too)."""
    for e in entries:
        for what, value in (("id", e.id), ("task", e.task), ("by", e.by), ("note", e.note),
                            ("status", e.status), *((f"metric {k!r}", k) for k in e.values)):
            try:
                if value is not None:
                    value.encode("utf-8")
            except UnicodeEncodeError:
                return BadInput(f"entry for task {e.task!r}: {what} is not valid text (not UTF-8)")
    return BadInput("an entry holds text that is not valid UTF-8")


def _append_locked(conn, entries, stamp, bodies):
    from tracker.store.chain import link_entries

    row = conn.execute("SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (row[0], row[1]) if row else (0, "")
    before = seq
    existing = {}
    if seq and entries:
        ids = [e.id for e in entries]
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for found in read_entries(conn, f"e.id IN ({marks})", chunk):
                existing[found.id] = found
    written = _new_entries(entries, existing, stamp)
    if not written:
        return written

    hashes, figures = link_entries(prev, written, bodies or None)
    month_text = {m: months.fmt(m) for m in {e.month for e in written}}
    # made as they are inserted: 650,000 rows held at once would be 90 MB more of fresh memory
    rows = ((n, eid, task, month_text[m], pct, st, by, at, h, f, note)
            for n, (eid, task, m, at, by, _values, pct, st, note), h, f
            in zip(range(seq + 1, seq + len(written) + 1), written, hashes, figures))
    seq, prev = seq + len(written), hashes[-1]
    from tracker.store import series

    computed = None
    if len(written) >= store.BULK and len(written) > before:
        indexing = _insert_bulk(conn, rows, len(written))
        try:
            if before == 0:
                # The whole log is these entries: their series are folded from memory, not read back,
                # while SQLite builds the indexes (without the GIL) in another thread.
                computed = _series_of(written, before + 1)
        finally:
            indexing.join()
    else:
        _insert(conn, rows)
    touched = None if computed is not None else {e.task for e in written}
    series.rebuild(conn, None if touched is None or len(touched) > 1000 else touched, computed)
    _record_head(conn, seq, prev)
    return written


_ID = itemgetter(0)


def _new_entries(entries: list[Entry], existing: dict, stamp) -> list[Entry]:
    """The entries to write: those not in the log yet, each id once (stamped when `stamp` is given).

    An id already in the log, or given twice, with other content is an error.
    """
    if not existing and stamp is None and len(set(map(_ID, entries))) == len(entries):
        return list(entries)  # a first import: every id new and given once (the usual case, decided in C)
    written = []
    seen: dict[str, Entry] = {}
    for e in entries:
        if existing:
            old = existing.get(e.id)
            if old is not None:
                # A stamped entry is the same report when all but the time of recording agree:
                # two offices importing one table at once record it once, without an error.
                if old != (e if stamp is None else e._replace(recorded_at=old.recorded_at)):
                    raise BadInput(f"entry {e.id} is already in the log with other content")
                continue
        first = seen.get(e.id)
        if first is not None:
            if first != e:
                raise BadInput(f"entry {e.id} is given twice, with different content")
            continue
        seen[e.id] = e
        written.append(e if stamp is None else e._replace(recorded_at=stamp()))
    return written


def _series_of(written: list[Entry], first_seq: int) -> tuple:
    """series.arrays() of a log that holds just these entries, numbered from first_seq."""
    _id, tasks, ms, stamps, _by, values, percents, statuses, notes = zip(*written)
    order = range(len(written))
    if any(a > b for a, b in zip(stamps, stamps[1:])):
        order = sorted(order, key=stamps.__getitem__)  # stable: append order among equal stamps
    return series_of(tasks, ms, values, percents, statuses, [note is not None for note in notes], order, first_seq)


def series_of(tasks, ms, values, percents, statuses, noted, order, first_seq: int) -> tuple:
    """series.arrays() of a log that holds just these entries (given as columns, in append order), numbered
    from first_seq; `order`: the entries' indices in the fold's order (recorded_at, then append order)."""
    from tracker.store import seriesfold

    columns = seriesfold.gather(len(tasks))
    columns.add(tasks, ms, values, percents, statuses, noted)
    return columns.fold(range(first_seq, first_seq + len(tasks)), order)


_INSERT = "INSERT INTO entries (seq, id, task, month, percent, status, by, recorded_at, hash, figures, note) " \
          "VALUES (?,?,?,?,?,?,?,?,?,?,?)"


def _insert(conn, rows) -> None:
    conn.executemany(_INSERT, rows)


_BATCH = 32  # rows one INSERT of a bulk append writes: a statement's step (and Python's call) for 32 rows, not for each


def _batched(sql: str, n: int) -> str:
    """An INSERT … VALUES (?, …) of one row made one of n rows."""
    at = sql.index("VALUES") + len("VALUES ")
    row = sql[at:sql.index(")", at) + 1]
    return sql[:at] + ",".join([row] * n) + sql[at + len(row):]


_INSERT_BATCH = _batched(_INSERT, _BATCH)


def _insert_batched(conn, rows, n: int, sql: str = _INSERT, batch: str = _INSERT_BATCH, size: int = _BATCH) -> None:
    """_insert() of n rows, `size` at a time (~10% faster at a province's size), the last few one by one."""
    width = sql.count("?")
    flat = chain.from_iterable(rows)
    conn.executemany(batch, (tuple(islice(flat, width * size)) for _ in range(n // size)))
    conn.executemany(sql, zip(*[flat] * width))


# Rows made by SQLite from each entry's hash body (UTF-8, chain.hash_body(): [id, task, month, pairs,
# percent, status, note, by, recorded_at]) beside its seq, hash, figures and percent (bound as the
# number Python holds, -1 for none: SQLite's own reading of a decimal is not always the nearest double).
# The text fields never become Python strings.
_FROM_BODY = ("INSERT INTO entries (seq, id, task, month, percent, status, by, recorded_at, hash, figures, note) "
              "SELECT column1, json_extract(b, '$[0]'), json_extract(b, '$[1]'), json_extract(b, '$[2]'), "
              "nullif(column4, -1.0), "
              "json_extract(b, '$[5]'), json_extract(b, '$[7]'), json_extract(b, '$[8]'), column2, column3, "
              "json_extract(b, '$[6]') FROM (SELECT *, CAST(column5 AS TEXT) AS b FROM (VALUES (?,?,?,?,?)))")
_BODY_BATCH = 1024  # rows a statement: one Python call binds 5,120 values, then SQLite steps through them
_FROM_BODIES = _batched(_FROM_BODY, _BODY_BATCH)


BODY_WIDTH = _FROM_BODY.count("?")  # values a row: seq, hash, figures, percent, body


def insert_bodies(conn, values: list) -> list:
    """Insert rows (seq, hash, figures, percent or -1, body) of entries whose bodies hold no escape but \\" \\\\ \\n \\r \\t,
    given as one flat list of their values, row after row; whole statements of _BODY_BATCH rows. The values
    of the rows left over (fewer) are returned: more rows come, or insert_rest() them (firstimport's writer
    does, in one statement at the end). Flat: slices of one list, not a tuple made for each row (0.12 s
    of a province's import)."""
    size = BODY_WIDTH * _BODY_BATCH
    whole = len(values) - len(values) % size
    conn.executemany(_FROM_BODIES, [values[i:i + size] for i in range(0, whole, size)])
    return values[whole:]


def insert_rest(conn, values: list) -> None:
    """insert_bodies() of fewer rows than a batch, in one statement."""
    if values:
        conn.execute(_batched(_FROM_BODY, len(values) // BODY_WIDTH), values)


def _insert_bulk(conn, rows, n: int) -> Background:
    """An append that outnumbers the log, still inside the caller's one transaction: the entries' indexes
    built once from the whole table (a sort) instead of entry by entry (random seeks, most of the insert's
    cost). The schema afterwards is exactly as before: the same indexes, the same SQL.

    The indexes are built in a thread (SQLite sorts without Python's lock): join() the answer before
    the connection is used again. The page cache stays at its default size: the table only grows
    at its end, and a larger cache measured slower (more memory to fault in, on a VM dearly).
    """
    unindexed = Unindexed(conn)
    _insert_batched(conn, rows, n)
    return unindexed.rebuild()


class Unindexed:
    """The entries' own indexes, dropped inside the caller's transaction until rebuild() builds them again.

    CREATE INDEX sorts in SQLite's temporary files (its default, temp_store = FILE; SQLITE_TMPDIR or TMPDIR
    says where, ~50 MB at a province's size): measured twice as fast as sorting in memory (temp_store =
    MEMORY: 1.45 s for a province's two indexes, 0.8 s in files), whose in-memory files grow a little at a time.
    """

    def __init__(self, conn):
        self.conn = conn
        self.indexes = _drop_indexes(conn, "entries")

    def rebuild(self) -> Background:
        """Build the indexes again in a thread; join() it before the connection is used again."""
        def build():
            for sql in self.indexes:
                self.conn.execute(sql)
        return Background(build)


class Background:
    """work() run in a thread (SQLite's long calls leave Python's lock: the index builds, validate's integrity
    check); join() waits for it and raises what it raised."""

    def __init__(self, work, name: str = "tracker-indexes"):
        import threading

        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(work,), name=name, daemon=True)
        self._thread.start()

    def _run(self, work) -> None:
        try:
            work()
        except BaseException as e:  # handed to join()
            self._error = e

    def join(self) -> None:
        self._thread.join()
        if self._error is not None:
            raise self._error


def _drop_indexes(conn, table: str) -> list[str]:
    """Drop a table's own indexes (not those of its PRIMARY KEY or UNIQUE constraints); return their SQL."""
    found = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                         "AND sql IS NOT NULL", (table,)).fetchall()
    for name, _sql in found:
        conn.execute(f'DROP INDEX "{name}"')
    return [sql for _name, sql in found]
