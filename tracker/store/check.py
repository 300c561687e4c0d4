"""The SQL behind `validate` and `backup`: the log exactly as stored, its chain heads, the
derived tables' agreement with it, SQLite's own integrity check, and online copies.

Kept apart from store.py (opening, migrating, appending, reading): these run
seldom, over the whole log, and never on a command's hot path.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from itertools import islice, pairwise

from tracker.errors import BadInput
from tracker.store import (_ENTRY_SQL, _SPLIT_SQL, _begin, _hash, _raw_connect, figures_reader, open_read, snapshot,
                           tables, version)

# Entries a run of chain_runs(): a run's columns and hash bodies (a few megabytes) stay in the CPU's cache.
RUN = 1 << 12


@dataclass(frozen=True, slots=True)
class StoredEntry:
    """An entry exactly as the database holds it (nothing parsed), for checking."""

    seq: int
    id: str
    task: str
    month: str
    recorded_at: str
    by: str | None
    values: dict | None  # None: the stored text of the values no longer reads as values
    percent: object
    status: str | None
    note: str | None
    hash: str

    def rehash(self, prev: str) -> str:
        if self.values is None:
            return "(values unreadable)"  # matches no hash: the entry is reported as changed
        try:
            return _hash(prev, self.id, self.task, self.month, self.values, self.percent, self.status,
                         self.note, self.by, self.recorded_at)
        except (TypeError, ValueError):  # a field edited into what no entry holds (a BLOB, say): the same
            return "(fields unreadable)"


def chain_rows(conn: sqlite3.Connection):
    """Every entry as stored, in append order, for checking the hash chain (streamed: any size of log)."""
    with snapshot(conn):
        if version(conn) >= 5:
            figures_of = figures_reader(True)
            for seq, eid, task, month, at, by, pct, st, note, stored, figures in conn.execute(
                    f"{_ENTRY_SQL} ORDER BY e.seq"):
                yield StoredEntry(seq, eid, task, month, at, by, _read(figures_of, figures), pct, st, note, stored)
            return
        values = conn.execute("SELECT seq, metric, value FROM entry_values ORDER BY seq, metric")
        pending = next(values, None)
        for seq, eid, task, month, at, by, pct, st, note, stored in conn.execute(f"{_SPLIT_SQL} ORDER BY e.seq"):
            mine = {}
            while pending is not None and pending[0] <= seq:  # a merge join; values of no entry are passed over
                if pending[0] == seq:
                    mine[pending[1]] = pending[2]
                pending = next(values, None)
            yield StoredEntry(seq, eid, task, month, at, by, mine, pct, st, note, stored)


def _read(figures_of, text) -> dict | None:
    try:
        return figures_of(text)
    except (ValueError, TypeError):  # text edited behind tracker's back: its hash no longer matches
        return None


def chain_runs(conn: sqlite3.Connection):
    """chain_rows() a run of entries at a time, as columns: (seqs, ids, tasks, months, recorded_ats, bys,
    percents, statuses, notes, hashes, values), each a tuple; values as StoredEntry.values."""
    with snapshot(conn):
        if version(conn) >= 5:
            figures_of = figures_reader(True)
            cursor = conn.execute(f"{_ENTRY_SQL} ORDER BY e.seq")
            while rows := cursor.fetchmany(RUN):
                *columns, texts = zip(*rows)
                try:
                    values = tuple(map(figures_of, texts))
                except (ValueError, TypeError):  # one past reading: each read on its own
                    values = tuple(_read(figures_of, text) for text in texts)
                yield (*columns, values)
            return
        entries = chain_rows(conn)
        while run := list(islice(entries, RUN)):
            yield tuple(zip(*((e.seq, e.id, e.task, e.month, e.recorded_at, e.by, e.percent, e.status, e.note,
                               e.hash, e.values) for e in run)))


def entry(run, i: int) -> StoredEntry:
    """The i-th entry of a run of chain_runs()."""
    seq, eid, task, month, at, by, pct, st, note, stored, values = (column[i] for column in run)
    return StoredEntry(seq, eid, task, month, at, by, values, pct, st, note, stored)


def rehash_run(prev: str, run) -> list[str]:
    """StoredEntry.rehash() of each entry of a run (chain_runs()) after the stored hash of the one before it
    (prev: the hash before the run's first).

    Made in bulk (chain.encode_joined: json.dumps and a sha256 call per entry
    were most of validate's time) when every field is of the kind it takes;
    otherwise (an entry edited into something unusual) entry by entry, by rehash() itself.
    """
    from tracker.store import chain

    _seqs, ids, tasks, months, ats, bys, pcts, stats, notes, hashes, values = run
    prevs = (prev, *hashes[:-1])
    if None not in values and _texts(prevs, ids, tasks, months, ats, bys, stats, notes):
        made = chain.encode_joined(ids, tasks, months, values, pcts, stats, notes, bys, ats)
        if made is not None:
            return chain.follow(prevs, made[0].split(b"\n"))
    return [entry(run, i).rehash(p) for i, p in enumerate(prevs)]


_TEXT_TYPES: list = []


def _texts(*columns) -> bool:
    """Whether the first five columns hold only str, the last three str or None: the text encode_joined() takes
    (msgspec would write bytes, a BLOB edited in, as base64, where _hash() raises)."""
    import msgspec

    if not _TEXT_TYPES:
        text, maybe = tuple[str, ...], tuple[str | None, ...]
        _TEXT_TYPES.append(tuple[text, text, text, text, text, maybe, maybe, maybe])
    try:
        msgspec.convert(columns, _TEXT_TYPES[0])
    except msgspec.ValidationError:
        return False
    return True


def heads(conn: sqlite3.Connection) -> list[tuple[int, int, str, str]]:
    """The recorded heads of the chain, (seq, upto, hash, at) in order; [] before schema 2."""
    if "chain_heads" not in tables(conn):
        return []
    return conn.execute("SELECT seq, upto, hash, at FROM chain_heads ORDER BY seq").fetchall()


def derived_problems(conn: sqlite3.Connection, db_path: str, fold=None) -> tuple[list[str], str | None]:
    """Whether the series (what status reads) still follow the log: they are derived, never the record.
    (Their problems; why they could not be compared, if they could not.)

    An older schema's derived tables are not looked at: upgrading rebuilds them.
    fold: a function that makes series.compute()'s rows (Derived's), instead of reading the log again.
    """
    if version(conn) < 5:
        return [], None
    import struct

    from tracker.store import series

    try:
        found = series.disagreements(conn, fold() if fold is not None else None)
    except _UNREADABLE + (struct.error,) as e:
        return [], f"{type(e).__name__}: {e}"  # an entry edited past reading: the hash chain's check names it
    return [f"{db_path}: {d} (run `tracker validate --repair`)" for d in found], None


# What reading or folding an entry edited past reading raises (the series cannot be computed).
_UNREADABLE = (BadInput, ValueError, TypeError)


class Derived:
    """derived_problems(), the series of a large log gathered from the runs validate reads anyway
    (chain_runs(): the log is read once) rather than by series.compute() reading it again.

    The same columns go to the same fold (seriesfold.Columns) in the same order
    (recorded_at, then seq) as series.compute() gives them, so the answer is
    the same; a log under seriesfold.MIN_ENTRIES, which compute() folds in
    Python, or of an older schema, is left to derived_problems() as it is.
    """

    def __init__(self, conn: sqlite3.Connection):
        from tracker.store import seriesfold

        self.conn = conn
        self.columns = None
        if version(conn) >= 5 and conn.execute("SELECT count(*) FROM entries").fetchone()[0] >= seriesfold.MIN_ENTRIES:
            self.columns = seriesfold.Columns()
        self.unreadable = False
        self.unchecked: str | None = None  # why the series could not be compared with the log, if they could not
        self.seqs: list = []
        self.months: dict = {}  # month text → month, parsed once each (as inforce.rows does)
        self.in_order = True  # whether recorded_at never decreases along seq: the fold's order is seq's
        self.last_at = ""

    def add(self, run) -> None:
        """A run of chain_runs(), the next in seq order."""
        if self.columns is None:
            return
        from tracker.core import months

        seqs, _ids, tasks, texts, ats, _bys, pcts, stats, notes, _hashes, values = run
        try:
            if None in values:  # as series.compute() meets it: figures_of raises
                raise ValueError("an entry's values no longer read")
            for text in set(texts) - self.months.keys():
                self.months[text] = months.parse(text)
            self.columns.add(tasks, list(map(self.months.__getitem__, texts)), values, pcts, stats,
                             [n is not None for n in notes])
        except _UNREADABLE as e:
            self.columns, self.unreadable = None, True
            self.unchecked = f"{type(e).__name__}: {e}"
            return
        self.seqs.append(seqs)
        if self.in_order:
            # str (as SQLite compares them) and never decreasing; anything else is left to SQLite to order
            self.in_order = {str}.issuperset(map(type, ats)) and self.last_at <= ats[0] and \
                all(a <= b for a, b in pairwise(ats))
            self.last_at = ats[-1]

    def problems(self, db_path: str) -> list[str]:
        """derived_problems()'s problems; `unchecked` says why, when the series could not be compared."""
        if self.unreadable:
            return []  # as derived_problems() answers when compute() raises: the hash chain's check names it
        found, self.unchecked = derived_problems(self.conn, db_path, None if self.columns is None else self._fold)
        return found

    def _fold(self):
        from itertools import chain

        seqs = list(chain.from_iterable(self.seqs))
        order = None
        if not self.in_order:  # SQLite's own order, as series.compute() reads the log in
            position = {seq: i for i, seq in enumerate(seqs)}
            order = [position[seq] for (seq,) in self.conn.execute(_FOLD_ORDER)]
        return self.columns.fold(seqs, order)


_FOLD_ORDER = "SELECT seq FROM entries ORDER BY recorded_at, seq"  # inforce._ROWS' order


def repair_derived(conn: sqlite3.Connection) -> None:
    """Recompute the series from the log; the log is untouched."""
    from tracker.store import series

    _begin(conn)
    try:
        series.create(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def integrity(conn: sqlite3.Connection) -> str:
    rows = conn.execute("PRAGMA integrity_check").fetchall()
    return "; ".join(r[0] for r in rows)


class Integrity:
    """integrity() of the database conn reads, begun now on a connection of its own in a thread: SQLite checks
    without Python's lock, so the 2 s it takes over a province's file pass while validate reads the log.

    wait() gives the answer (or raises what it raised); failed() says early whether it has found the file
    damaged. A database with no file of its own (in memory) is checked on conn itself, at wait().
    """

    def __init__(self, conn: sqlite3.Connection):
        from tracker.store.write import Background

        self.conn, self.result = conn, None
        path = conn.execute("PRAGMA database_list").fetchone()[2]
        self._work = Background(lambda: self._check(path), "tracker-integrity") if path else None

    def _check(self, path: str) -> None:
        try:
            own = _raw_connect(path)
        except BadInput:  # it opened once but not twice: wait() checks on conn itself
            return
        try:
            self.result = integrity(own)
        finally:
            own.close()

    def failed(self) -> bool:
        result = self.result
        return result is not None and result != "ok"

    def wait(self) -> str:
        if self._work is not None:
            self._work.join()
            self._work = None
        if self.result is None:
            self.result = integrity(self.conn)
        return self.result


def backup(db_path: str, dest: str) -> int:
    """Copy the database with SQLite's online backup API into a new file; the number of entries copied."""
    if os.path.exists(dest):
        raise BadInput(f"{dest}: already exists; choose a new file for the backup")
    src = open_read(db_path)
    if src is None:
        raise BadInput(f"{db_path}: no database to back up yet")
    folder = os.path.dirname(os.path.abspath(dest))
    tmp = os.path.join(folder, f".{os.path.basename(dest)}.partial")
    try:
        os.makedirs(folder, exist_ok=True)
        target = sqlite3.connect(tmp)
    except (OSError, sqlite3.Error) as e:
        raise BadInput(f"{dest}: cannot write the backup: {e}") from None
    try:
        # One step: the copy is the database as of one moment, whatever writers do meanwhile.
        src.backup(target)
        # A single self-contained file (no -wal beside it), which is what a restore copies back.
        target.execute("PRAGMA journal_mode = DELETE")
        check = target.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise BadInput(f"{db_path}: the database is damaged ({check}); no backup written. "
                           "Keep the file and its -wal as they are and restore from an earlier backup")
        count = target.execute("SELECT count(*) FROM entries").fetchone()[0]
        target.close()
        os.replace(tmp, dest)
    except BaseException:
        target.close()
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    finally:
        src.close()
    return count
