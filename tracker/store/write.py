"""Appending entries to the log: one transaction, the hash chain extended, the series kept current.

An entry whose id is already in the log is skipped (the same content) or
refused (other content).
"""

from __future__ import annotations

import sqlite3
from operator import itemgetter

from tracker.core import months
from tracker.errors import BadInput, Word
from tracker.store import BULK, Entry, _begin, _record_head, read_entries, rollback
from tracker.store.chain import stored_hash, values_text


def append(conn: sqlite3.Connection, entries: list[Entry], stamp=None) -> list[Entry]:
    """Append entries in one transaction, chaining their hashes; skip ids already present.

    `stamp`, when given, is called inside the write lock to give each new entry
    its recorded_at, so that clock order and append order agree across writers.
    Returns the entries written. An id already present with other content is an error.
    """
    _begin(conn)
    try:
        written = _append_locked(conn, entries, stamp)
        conn.execute("COMMIT")
    except BaseException as e:
        rollback(conn)
        if isinstance(e, UnicodeEncodeError):
            raise _unstorable(entries) from None
        raise
    return written


def _unstorable(entries: list[Entry]) -> BadInput:
    """Name the text that SQLite and the hash could not take: bytes that were not
    UTF-8 in argv or TRACKER_BY reach Python as lone surrogates (JSON can spell one too)."""
    for e in entries:
        for what, value in (("id", e.id), ("task", e.task), ("by", e.by), ("note", e.note),
                            ("problems", e.problems), ("next_steps", e.next_steps),
                            ("status", e.status), *((f"metric {k!r}", k) for k in e.values)):
            try:
                if value is not None:
                    value.encode("utf-8")
            except UnicodeEncodeError:
                return BadInput("entry for task {task}: {what} is not valid text (not UTF-8)", task=repr(e.task), what=Word(what))
    return BadInput("an entry holds text that is not valid UTF-8")


def _append_locked(conn, entries, stamp):
    from tracker.store import series

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
    if any(e.voids is not None for e in written):
        _check_voids(conn, written)
    month_text = {m: months.fmt(m) for m in {e.month for e in written}}

    def rows():  # made as they are inserted: a large import's rows are never all held at once
        nonlocal seq, prev
        for eid, task, m, at, by, values, pct, st, note, problems, steps, voids in written:
            figures = values_text(values)
            prev = stored_hash(prev, eid, task, month_text[m], figures, pct, st, note, by, at, problems, steps, voids)
            seq += 1
            yield seq, eid, task, month_text[m], pct, st, by, at, prev, figures, note, problems, steps, voids

    if len(written) >= BULK and len(written) > before:
        # An append that outnumbers the log: its indexes built once from the whole table (a sort)
        # instead of entry by entry (random seeks, most of the insert's cost); the same indexes after.
        indexes = _drop_indexes(conn, "entries")
        conn.executemany(_INSERT, rows())
        for sql in indexes:
            conn.execute(sql)
    else:
        conn.executemany(_INSERT, rows())
    # What SQLite kept, counted: a trigger that tracker did not make could drop (RAISE(IGNORE)) or add rows,
    # and an entry acknowledged as recorded must be there.
    if conn.execute("SELECT count(*) FROM entries WHERE seq > ?", (before,)).fetchone()[0] != len(written):
        raise BadInput("the database did not keep the entries as appended (a trigger that tracker did not make "
                       "drops or adds rows): nothing was recorded; run `tracker validate`")
    touched = {e.task for e in written}
    series.rebuild(conn, None if len(touched) > 1000 else touched)
    _record_head(conn, seq, prev)
    return written


def _check_voids(conn, written: list[Entry]) -> None:
    """Under the write lock: each void names an earlier entry of its task that is not a void and not voided yet."""
    order = {e.id: i for i, e in enumerate(written)}
    for e in written:
        if e.voids is None:
            continue
        target = written[order[e.voids]] if order.get(e.voids, len(written)) < order[e.id] else None
        if target is None:
            found = read_entries(conn, "e.id = ?", (e.voids,))
            target = found[0] if found else None
        if target is None:
            raise BadInput("entry {id} is not in the log", id=e.voids)
        if target.task != e.task:
            raise BadInput("entry {id} is of task {other}, not {task}: a void names an entry of its own task",
                           id=e.voids, other=target.task, task=e.task)
        if target.voids is not None:
            raise BadInput("entry {id} is itself a void and cannot be voided; log the figures again instead", id=e.voids)
        others = [x for x in written if x.voids == e.voids and x.id != e.id]
        if others or read_entries(conn, "e.voids = ?", (e.voids,)):
            raise BadInput("entry {id} is already voided", id=e.voids)


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
                    raise BadInput("entry {id} is already in the log with other content", id=e.id)
                continue
        first = seen.get(e.id)
        if first is not None:
            if first != e:
                raise BadInput("entry {id} is given twice, with different content", id=e.id)
            continue
        seen[e.id] = e
        written.append(e if stamp is None else e._replace(recorded_at=stamp()))
    return written


_INSERT = "INSERT INTO entries (seq, id, task, month, percent, status, by, recorded_at, hash, figures, note, " \
          "problems, next_steps, voids) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"


def _drop_indexes(conn, table: str) -> list[str]:
    """Drop a table's own indexes (not those of its PRIMARY KEY or UNIQUE constraints); return their SQL."""
    found = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                         "AND sql IS NOT NULL", (table,)).fetchall()
    for name, _sql in found:
        conn.execute(f'DROP INDEX "{name}"')
    return [sql for _name, sql in found]
