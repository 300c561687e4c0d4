"""Appending entries to the log: one transaction, the hash chain extended, the derived tables kept current.

A part of the store (store.py opens, migrates and reads; the SQL of an
append is here). An entry whose id is already in the log is skipped (the same
content) or refused (other content); a large append fills the derived tables
set-wise instead of by row triggers.
"""

from __future__ import annotations

import sqlite3

from tracker import months, store
from tracker.errors import BadInput
from tracker.store import Entry, _begin, _record_head, read_entries


def append(conn: sqlite3.Connection, entries: list[Entry], stamp=None, bodies: dict | None = None) -> list[Entry]:
    """Append entries in one transaction, chaining their hashes; skip ids already present.

    `stamp`, when given, is called inside the write lock to give each new entry
    its recorded_at, so that clock order and append order agree across writers.
    Returns the entries written. An id already present with other content is an error.
    `bodies`: hash_bodies() of (some of) the entries, made ahead of time.
    """
    _begin(conn)
    try:
        written = _append_locked(conn, entries, stamp, bodies or {})
        conn.execute("COMMIT")
    except BaseException as e:
        conn.execute("ROLLBACK")
        if isinstance(e, UnicodeEncodeError):
            raise _unstorable(entries) from None
        raise
    return written


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
    from hashlib import sha256

    from tracker.chain import _quick_hash

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
    rows, vals, notes, written = [], [], [], []
    seen: dict[str, Entry] = {}
    month_text: dict[int, str] = {}
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
        if stamp is not None:
            e = e._replace(recorded_at=stamp())
        eid, task, m, at, by, values, percent, status, note = e
        month = month_text.get(m)
        if month is None:
            month = month_text[m] = months.fmt(m)
        seq += 1
        made = bodies.get(eid)
        if made is not None and made[0] is e and made[1] is not None:
            prev = sha256((prev + "\n" + made[1]).encode()).hexdigest()  # _quick_hash(), its body made ahead
        else:
            prev = _quick_hash(prev, eid, task, month, values, percent, status, note, by, at)
        rows.append((seq, eid, task, month, percent, status, by, at, prev))
        if values:
            for k, v in values.items():
                vals.append((seq, k, v))
        if note:
            notes.append((seq, note))
        written.append(e)
    if len(rows) >= store.BULK:
        _insert_bulk(conn, rows, vals, notes, before)
    else:
        _insert(conn, rows, vals, notes)  # the row triggers keep the figures in force
    if rows:
        from tracker import series

        touched = {r[2] for r in rows}
        series.rebuild(conn, None if len(touched) > 1000 else touched)
        _record_head(conn, seq, prev)
    return written


def _insert(conn, rows, vals, notes) -> None:
    conn.executemany("INSERT INTO entries (seq, id, task, month, percent, status, by, recorded_at, hash) "
                     "VALUES (?,?,?,?,?,?,?,?,?)", rows)
    conn.executemany("INSERT INTO entry_values (seq, metric, value) VALUES (?,?,?)", vals)
    conn.executemany("INSERT INTO notes (seq, note) VALUES (?,?)", notes)


# A bulk append's page cache (KiB), for the B-trees it updates in no particular order
# (month_state; the indexes when they are kept). A province's import ran as fast with
# 64 MiB as with 512 MiB, which held the whole 400 MB database and 270 MB more RSS.
BULK_CACHE_KIB = 128 * 1024


def _insert_bulk(conn, rows, vals, notes, before: int) -> None:
    """A large append, still inside the caller's one transaction: the figures in force folded set-wise
    afterwards, not by row triggers; and when the new entries outnumber the log, the entries' indexes
    built once from the whole table (a sort) instead of entry by entry (random seeks, most of the
    insert's cost). The schema afterwards is exactly as before: the same indexes, the same SQL."""
    from tracker import inforce

    cache, temp = conn.execute("PRAGMA cache_size").fetchone()[0], conn.execute("PRAGMA temp_store").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    conn.execute("PRAGMA temp_store = MEMORY")  # the sorts of CREATE INDEX and of in_force's rows
    try:
        inforce.without_triggers(conn)
        rebuild = len(rows) > before
        indexes = _drop_indexes(conn, "entries") if rebuild else []
        _insert(conn, rows, vals, notes)
        for sql in indexes:
            conn.execute(sql)
        inforce.refresh_since(conn, before)
    finally:
        conn.execute(f"PRAGMA cache_size = {cache}")
        conn.execute(f"PRAGMA temp_store = {temp}")


def _drop_indexes(conn, table: str) -> list[str]:
    """Drop a table's own indexes (not those of its PRIMARY KEY or UNIQUE constraints); return their SQL."""
    found = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                         "AND sql IS NOT NULL", (table,)).fetchall()
    for name, _sql in found:
        conn.execute(f'DROP INDEX "{name}"')
    return [sql for _name, sql in found]
