"""Appending entries to the log: one transaction, the hash chain extended, the series kept current.

Entries come as any iterable and are written BATCH at a time, so that an
import's memory stays bounded whatever its size; the transaction spans them
all (all or nothing: an error raised by the entries' iterator, such as a
bad line found late in a file, rolls every batch back). An entry whose id is
already in the log, or earlier in the same append, is skipped (the same
content) or refused (other content).

An append into an empty log, of entries that can be iterated again (a list,
or a file's entries read afresh), takes the first-import way: no index while
the rows go in (each index is then built once, a sort, instead of row by
row). Repeated ids are what its unique index, built last, finds; then the
append starts again the careful way, looking up each batch's ids as it goes.
The series are then computed from the log as written, task by task
(series.compute): folding them from the entries as they pass would be
faster, but would hold every task's folded log at once (220 MB at a
province's size), where this holds one task's.
"""

import sqlite3
from itertools import islice
from operator import itemgetter
from collections.abc import Iterable
from typing import NamedTuple

from tracker.core import months
from tracker.errors import BadInput, Word
from tracker.store import Entry, _begin, _record_head, read_entries, rollback
from tracker.store.chain import stored_hash, values_text


class Appended(NamedTuple):
    written: int
    skipped: int  # already in the log (or earlier in the append) with the same content
    last: Entry | None  # the last entry written, as recorded (stamped)


def append(conn: sqlite3.Connection, entries: Iterable[Entry], stamp=None) -> Appended:
    """Append entries in one transaction, chaining their hashes; skip ids already present.

    `stamp`, when given, is called inside the write lock to give each new entry
    its recorded_at, so that clock order and append order agree across writers.
    An id already present with other content is an error.
    """
    _begin(conn)
    try:
        done = None
        if conn.execute("SELECT NOT EXISTS (SELECT 1 FROM entries)").fetchone()[0] and iter(entries) is not entries:
            done = _first(conn, entries, stamp)
        if done is None:
            done = _careful(conn, entries, stamp)
        conn.execute("COMMIT")
    except BaseException:
        rollback(conn)
        raise
    return done


def _batches(entries: Iterable[Entry]):
    from tracker import store

    it = iter(entries)
    while batch := list(islice(it, store.BULK)):
        yield batch


class _Chain:
    """The log's tail as rows are added: the last seq and hash, and the month texts met."""

    def __init__(self, seq: int, prev: str):
        self.seq, self.prev = seq, prev
        self.month_text: dict[int, str] = {}

    def rows(self, batch: list[Entry]) -> list[tuple]:
        """The rows of these entries, hashed in order after the chain's tail."""
        month_text, seq, prev = self.month_text, self.seq, self.prev
        rows = []
        try:
            for eid, task, m, at, by, values, pct, st, note, problems, steps, voids in batch:
                month = month_text.get(m)
                if month is None:
                    month = month_text[m] = months.fmt(m)
                figures = values_text(values)
                prev = stored_hash(prev, eid, task, month, figures, pct, st, note, by, at, problems, steps, voids)
                seq += 1
                rows.append((seq, eid, task, month, pct, st, by, at, prev, figures, note, problems, steps, voids))
        except UnicodeEncodeError:
            raise _unstorable(batch) from None
        self.seq, self.prev = seq, prev
        return rows


def _first(conn, entries, stamp) -> Appended | None:
    """The first import into an empty log; None when its ids repeat (nothing written: take the careful way)."""
    from tracker.store import series

    conn.execute("SAVEPOINT first_import")
    indexes = _drop_indexes(conn, "entries")
    chain = _Chain(0, "")
    last = None
    for batch in _batches(entries):
        if stamp is not None:
            batch = [e._replace(recorded_at=stamp()) for e in batch]
        _check_voids(conn, batch)
        conn.executemany(_INSERT, chain.rows(batch))
        last = batch[-1]
    try:
        for sql in indexes:
            conn.execute(sql)
    except sqlite3.IntegrityError:  # an id given twice: which copies to skip is the careful way's to decide
        conn.execute("ROLLBACK TO first_import")
        conn.execute("RELEASE first_import")
        return None
    conn.execute("RELEASE first_import")
    _kept(conn, 0, chain.seq)
    if chain.seq:
        series.rebuild(conn, None)  # read back task by task: memory holds one task's entries at a time
        _record_head(conn, chain.seq, chain.prev)
    return Appended(chain.seq, 0, last)


def _careful(conn, entries, stamp) -> Appended:
    """Batch by batch, each batch's ids looked up in the log (which holds the batches before it)."""
    from tracker.store import series

    row = conn.execute("SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1").fetchone()
    chain = _Chain(*(row or (0, "")))
    skipped, last = 0, None
    touched: set[str] = set()
    for batch in _batches(entries):
        existing = _existing(conn, batch) if chain.seq else {}
        ours = _ours(conn, existing, row[0] if row else 0)
        written = _new_entries(batch, existing, stamp, ours)
        skipped += len(batch) - len(written)
        if written:
            _check_voids(conn, written)
            conn.executemany(_INSERT, chain.rows(written))
            touched.update(e.task for e in written)
            last = written[-1]
    _kept(conn, row[0] if row else 0, chain.seq - (row[0] if row else 0))
    if touched:
        series.rebuild(conn, None if len(touched) > 1000 else touched)
        _record_head(conn, chain.seq, chain.prev)
    written_count = chain.seq - (row[0] if row else 0)
    return Appended(written_count, skipped, last)


def _existing(conn, batch: list[Entry]) -> dict[str, Entry]:
    """The entries of the log that have these entries' ids."""
    found = {}
    ids = [e.id for e in batch]
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for e in read_entries(conn, f"e.id IN ({','.join('?' * len(chunk))})", chunk):
            found[e.id] = e
    return found


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


def _check_voids(conn, written: list[Entry]) -> None:
    """Under the write lock: each void names an earlier entry of its task that is not a void and not voided yet
    (checks.void_refusal), looked for among these entries before it, then in the log."""
    from tracker.core.checks import void_refusal
    from tracker.store import void_target

    if all(e.voids is None for e in written):
        return
    order = {e.id: i for i, e in enumerate(written)}
    for e in written:
        if e.voids is None:
            continue
        logged, voided = void_target(conn, e.voids)
        target = written[order[e.voids]] if order.get(e.voids, len(written)) < order[e.id] else logged
        others = voided or any(x.voids == e.voids and x.id != e.id for x in written)
        if (problem := void_refusal(e, target, others)) is not None:
            raise problem


_ID = itemgetter(0)


def _ours(conn, existing: dict, before: int) -> set[str]:
    """Which of these ids this append wrote (an earlier batch of the same file), not the log before it."""
    if not existing:
        return set()
    ids, found = list(existing), set()
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        found.update(r[0] for r in conn.execute(
            f"SELECT id FROM entries WHERE seq > ? AND id IN ({','.join('?' * len(chunk))})", (before, *chunk)))
    return found


def _new_entries(entries: list[Entry], existing: dict, stamp, ours: set = frozenset()) -> list[Entry]:
    """The entries to write: those not in the log yet, each id once (stamped when `stamp` is given).

    An id already in the log, or given twice, with other content is an error.
    """
    if not existing and stamp is None and len(set(map(_ID, entries))) == len(entries):
        return entries  # every id new and given once (the usual case, decided in C)
    written = []
    seen: dict[str, Entry] = {}
    for e in entries:
        if existing:
            old = existing.get(e.id)
            if old is not None:
                # A stamped entry is the same report when all but the time of recording agree:
                # two offices importing one table at once record it once, without an error.
                if old != (e if stamp is None else e._replace(recorded_at=old.recorded_at)):
                    if e.id in ours:
                        raise BadInput("entry {id} is given twice, with different content", id=e.id)
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


def _kept(conn, before: int, written: int) -> None:
    """What SQLite kept, counted: a trigger that tracker did not make could drop (RAISE(IGNORE)) or add rows,
    and an entry acknowledged as recorded must be there."""
    if conn.execute("SELECT count(*) FROM entries WHERE seq > ?", (before,)).fetchone()[0] != written:
        raise BadInput("the database did not keep the entries as appended (a trigger that tracker did not make "
                       "drops or adds rows): nothing was recorded; run `tracker validate`")


def _drop_indexes(conn, table: str) -> list[str]:
    """Drop a table's own indexes (not those of its PRIMARY KEY or UNIQUE constraints); return their SQL."""
    found = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                         "AND sql IS NOT NULL", (table,)).fetchall()
    for name, _sql in found:
        conn.execute(f'DROP INDEX "{name}"')
    return [sql for _name, sql in found]
