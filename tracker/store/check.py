"""The SQL behind `validate` and `backup`: the log exactly as stored, its chain heads, the
derived tables' agreement with it, SQLite's own integrity check, and online copies.

These run seldom, over the whole log, and never on a command's hot path.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass

from tracker.errors import BadInput
from tracker.store import _ENTRY_SQL, _SPLIT_SQL, _begin, figures_of, open_read, snapshot, tables, version
from tracker.store.chain import stored_hash, values_text


@dataclass(frozen=True, slots=True)
class StoredEntry:
    """An entry exactly as the database holds it (nothing parsed), for checking."""

    seq: int
    id: str
    task: str
    month: str
    recorded_at: str
    by: str | None
    figures: object  # the values' text as stored (chain.values_text() when untouched)
    percent: object
    status: str | None
    note: str | None
    hash: str

    def rehash(self, prev: str) -> str:
        try:
            return stored_hash(prev, self.id, self.task, self.month, _text(self.figures), self.percent, self.status,
                              self.note, self.by, self.recorded_at)
        except (TypeError, ValueError):  # a field edited into what no entry holds (a BLOB, say)
            return "(fields unreadable)"  # matches no hash: the entry is reported as changed

    def values(self) -> dict | None:
        """The entry's values {metric: float}; None when the stored text no longer reads as values."""
        try:
            return figures_of(_text(self.figures))
        except (TypeError, ValueError):
            return None


def _text(figures) -> str:
    if not isinstance(figures, str):
        raise TypeError("not text")
    return figures


def chain_rows(conn: sqlite3.Connection):
    """Every entry as stored, in append order, for checking the hash chain (streamed: any size of log)."""
    with snapshot(conn):
        if version(conn) >= 5:
            for seq, eid, task, month, at, by, pct, st, note, stored, figures in conn.execute(
                    f"{_ENTRY_SQL} ORDER BY e.seq"):
                yield StoredEntry(seq, eid, task, month, at, by, figures, pct, st, note, stored)
            return
        values = conn.execute("SELECT seq, metric, value FROM entry_values ORDER BY seq, metric")
        pending = next(values, None)
        for seq, eid, task, month, at, by, pct, st, note, stored in conn.execute(f"{_SPLIT_SQL} ORDER BY e.seq"):
            mine = {}
            while pending is not None and pending[0] <= seq:  # a merge join; values of no entry are passed over
                if pending[0] == seq:
                    mine[pending[1]] = pending[2]
                pending = next(values, None)
            try:
                figures = values_text(mine)
            except (TypeError, ValueError):
                figures = None
            yield StoredEntry(seq, eid, task, month, at, by, figures, pct, st, note, stored)


def heads(conn: sqlite3.Connection) -> list[tuple[int, int, str, str]]:
    """The recorded heads of the chain, (seq, upto, hash, at) in order; [] before schema 2."""
    if "chain_heads" not in tables(conn):
        return []
    return conn.execute("SELECT seq, upto, hash, at FROM chain_heads ORDER BY seq").fetchall()


def derived_problems(conn: sqlite3.Connection, db_path: str, computed=None) -> list[str]:
    """Whether the series (what status reads) still follow the log: they are derived, never the record.

    computed: a function giving the series' rows as the log makes them, or None when it cannot
    (then series.compute() reads them from the log).
    An older schema's derived tables are not looked at: upgrading rebuilds them.
    """
    if version(conn) < 5:
        return []
    import struct

    from tracker.store import series

    try:
        found = series.disagreements(conn, computed() if computed is not None else None)
    except (BadInput, ValueError, TypeError, struct.error):
        return []  # an entry edited past reading: the hash chain's check names it
    return [f"{db_path}: {d} (run `tracker validate --repair`)" for d in found]


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
