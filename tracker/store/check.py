"""The SQL behind `validate` and `backup`: the log exactly as stored, its chain heads, the
derived tables' agreement with it, SQLite's own integrity check, and online copies.

These run seldom, over the whole log, and never on a command's hot path.
"""

import os
import sqlite3
from functools import partial
from typing import NamedTuple

from tracker.errors import BadInput
from tracker.store import (_COUNTED, _SPLIT_SQL, _begin, entry_sql, failure, figures_of, open_read, rollback, snapshot,
                           tables, version)
from tracker.store.chain import stored_hash, values_text


class StoredEntry(NamedTuple):
    """An entry exactly as the database holds it (nothing parsed), for checking; its fields in the order of
    store.entry_sql()'s columns, so that a row is one without being taken apart."""

    seq: int
    id: str
    task: str
    month: str
    recorded_at: str
    by: str | None
    percent: object
    status: str | None
    note: str | None
    hash: str
    figures: object  # the values' text as stored (chain.values_text() when untouched)
    problems: str | None = None
    next_steps: str | None = None
    voids: str | None = None

    def rehash(self, prev: str) -> str:
        try:
            return stored_hash(prev, self.id, self.task, self.month, _text(self.figures), self.percent, self.status,
                              self.note, self.by, self.recorded_at, self.problems, self.next_steps, self.voids)
        except (TypeError, ValueError):  # a field edited into what no entry holds (a BLOB, say)
            return "(fields unreadable)"  # matches no hash: the entry is reported as changed

    def values(self) -> dict | None:
        """The entry's values ({metric: number}); None when the stored text no longer reads as values."""
        try:
            return figures_of(_text(self.figures))
        except (TypeError, ValueError):
            return None


# A row as a StoredEntry, without _make()'s Python-level check of its length (a province's log has 650,000 rows;
# entry_sql() gives the fields, in order, that the class declares).
_stored = partial(tuple.__new__, StoredEntry)


def _text(figures) -> str:
    if not isinstance(figures, str):
        raise TypeError("not text")
    return figures


def chain_rows(conn: sqlite3.Connection):
    """Every entry as stored, in append order, for checking the hash chain (streamed: any size of log)."""
    with snapshot(conn):
        if version(conn) >= 5:
            cursor = conn.execute(f"{entry_sql(conn)} ORDER BY e.seq")
            while rows := cursor.fetchmany(1000):
                yield from map(_stored, rows)
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
            yield StoredEntry(seq, eid, task, month, at, by, pct, st, note, stored, figures)


def heads(conn: sqlite3.Connection) -> list[tuple[int, int, str, str]]:
    """The recorded heads of the chain, (seq, upto, hash, at) in order; [] before schema 2."""
    if "chain_heads" not in tables(conn):
        return []
    return conn.execute("SELECT seq, upto, hash, at FROM chain_heads ORDER BY seq").fetchall()


def recomputed_series(conn: sqlite3.Connection) -> list | None:
    """The series as the log gives them now (series.compute), or None when an entry is edited past reading
    (the hash chain's check names it)."""
    import struct

    from tracker.store import series

    if version(conn) < 5:  # an older schema is looked at as it is: its entries are read one by one
        return None
    try:
        return series.compute(conn)
    except (BadInput, ValueError, TypeError, struct.error):
        return None


def derived_problems(conn: sqlite3.Connection, db_path: str, computed: list | None) -> list[str]:
    """Whether the series (what status reads) still follow the log, recomputed (`computed`): they are
    derived, never the record. An older schema's derived tables are not looked at: upgrading rebuilds them.
    """
    if version(conn) < 9 or computed is None:  # 9: the series' form of today
        return []
    from tracker.store import series

    found = series.disagreements(conn, computed)
    return [BadInput("{what} (run `tracker validate --repair`)", place=db_path, what=d) for d in found]


def metric_names(computed: list, conn: sqlite3.Connection) -> set[tuple[str, str]]:
    """Every (task, metric) the log's entries name: the counted ones' from the recomputed series (a task's
    row lists its metrics' keys), the voided ones' read from them (few)."""
    import json

    names = {(row[0], key) for row in computed for key in json.loads(row[2])}
    if version(conn) >= 8:
        for task, figures in conn.execute(
                "SELECT task, figures FROM entries WHERE id IN (SELECT voids FROM entries WHERE voids IS NOT NULL)"):
            names.update((task, key) for key in (figures_of(figures) or {}))
    return names


def task_names(conn: sqlite3.Connection) -> set:
    """Every task the log's entries name, voided or not (from the task index: no entry read)."""
    return {task for (task,) in conn.execute("SELECT DISTINCT task FROM entries")}


def entries_of_tasks(conn: sqlite3.Connection, tasks) -> list[StoredEntry]:
    """The entries of these tasks (as task_names() gives them, whatever their type), in log order."""
    found = {}
    for task in tasks:
        for row in conn.execute(f"{entry_sql(conn)} WHERE e.task IS ?", (task,)):
            found[row[0]] = row
    return [StoredEntry._make(found[seq]) for seq in sorted(found)]


def entries_before(conn: sqlite3.Connection, task: str, month: str) -> list[tuple[str, str]]:
    """(id, month) of the counted entries of `task` for months before `month` ("YYYY-MM"), in log order."""
    counted = f" AND {_COUNTED}" if version(conn) >= 8 else ""
    return conn.execute(f"SELECT id, month FROM entries WHERE task = ? AND month < ?{counted} ORDER BY seq",
                        (task, month)).fetchall()


def entries_naming(conn: sqlite3.Connection, task: str, key: str) -> list[str]:
    """The ids of the entries of `task` that give a figure for `key` (stored as [[key, value], …]), in log order."""
    return [i for (i,) in conn.execute(
        "SELECT e.id FROM entries e, json_each(CASE WHEN json_valid(e.figures) THEN e.figures ELSE '[]' END) j "
        "WHERE e.task = ? AND json_extract(j.value, '$[0]') = ? ORDER BY e.seq", (task, key))]


def repair_derived(conn: sqlite3.Connection) -> None:
    """Recompute the series from the log; the log is untouched."""
    from tracker.store import series

    _begin(conn)
    try:
        series.create(conn)
        conn.execute("COMMIT")
    except BaseException:
        rollback(conn)
        raise


# --- the schema: nothing in the database that tracker did not put there ------------------


def _schema(conn: sqlite3.Connection) -> dict[tuple[str, str], str | None]:
    """Every object of the schema, (type, name) → its SQL with white space made single."""
    return {(kind, name): " ".join(sql.split()) if sql else sql
            for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master")}


def expected_schema() -> dict[tuple[str, str], str | None]:
    """What tracker creates: a new database made in memory by migrate() itself."""
    from tracker.store import migrate

    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn, ":memory:")
        return _schema(conn)
    finally:
        conn.close()


def schema_problems(conn: sqlite3.Connection, db_path: str) -> list[str]:
    """Each table, index, trigger or view that tracker did not create, or that differs from what it created.

    A trigger can drop or change what is appended and a view or index can stand in for what is read: none
    of them is harmless. The append-only triggers themselves, and the table of chain heads, are
    reported by audit.py in their own words.
    """
    from tracker.store import LOG_TABLES, SCHEMA_VERSION, guards

    have = _schema(conn)
    v = version(conn)
    if v != SCHEMA_VERSION:  # an older schema, looked at as it is: only what no tracker ever made
        own = set(guards(v))
        return [_foreign(db_path, kind, name) for kind, name in sorted(have)
                if (kind == "trigger" and name not in own) or kind == "view"]
    want = expected_schema()
    out = [_foreign(db_path, kind, name) for kind, name in sorted(have.keys() - want.keys())]
    for kind, name in sorted(want.keys() - have.keys()):
        if kind != "trigger" and name not in LOG_TABLES[v]:
            out.append(BadInput("{kind} {name} is missing (run `tracker validate --repair` for a derived table)",
                                place=db_path, kind=kind, name=name))
    for key in sorted(have.keys() & want.keys()):
        if key[0] != "trigger" and have[key] != want[key]:
            out.append(BadInput("{kind} {name} is not as tracker made it: {sql}", place=db_path, kind=key[0], name=key[1],
                                sql=have[key]))
    return out


def _foreign(db_path: str, kind: str, name: str) -> str:
    return BadInput("{kind} {name} was not put there by tracker (it can change what is recorded or shown); look at it "
                    "with the sqlite3 shell, then DROP {upper} \"{name}\"", place=db_path, kind=kind, name=name,
                    upper=kind.upper())


def plan_cache_problems(conn: sqlite3.Connection, db_path: str, digest: str, data: str | None) -> list[str]:
    """Whether the cached plan of tasks.toml as it is now (its digest) is what parsing it gives (data; None:
    the plan was taken from that very row, its seal intact, and there is nothing to compare).

    A cached plan of another content of tasks.toml is never used for this one, and is left alone.
    """
    import json

    if "plan_cache" not in tables(conn):
        return []
    want = None
    if data is not None:
        want = json.loads(data)
        want.pop("path", None)  # where the file was when it was cached: the same plan from another clone
    out = []
    for key, dg, stored in conn.execute("SELECT path, digest, data FROM plan_cache ORDER BY path"):
        if key != "plan":
            out.append(BadInput("plan_cache holds a row tracker never writes ({key})", place=db_path, key=repr(key)))
            continue
        if data is None or str(dg).split(" ")[0] != digest:
            continue
        try:
            have = json.loads(stored)
            have.pop("path", None)
        except (TypeError, ValueError, AttributeError):
            have = None
        if have != want:
            out.append(BadInput("the cached plan differs from what tasks.toml says: titles, units or targets shown "
                                "would not be tasks.toml's (run `tracker validate --repair`)", place=db_path))
    return out


def repair_plan_cache(conn: sqlite3.Connection) -> None:
    """Forget the cached plans: the next command parses tasks.toml again."""
    _begin(conn)
    try:
        conn.execute("DELETE FROM plan_cache")
        conn.execute("COMMIT")
    except BaseException:
        rollback(conn)
        raise


def integrity(conn: sqlite3.Connection) -> str:
    """SQLite's quick_check: every page, b-tree and record of the file well formed, NOT NULL and CHECK
    constraints held. integrity_check also looks up every row in every index and checks UNIQUE, which
    takes three to five times as long at a province's size (1.5–3.8 s of 650,000 entries); what it alone
    would see is an index that no longer lists rows of its table (a lost write), which the sqlite3 shell's
    `PRAGMA integrity_check` finds and `REINDEX` mends. The log itself is read whole from its table for
    the hash chain, never through an index."""
    rows = conn.execute("PRAGMA quick_check").fetchall()
    # Its findings come as rows of lines ("*** in database main ***" first): one line, for validate's one line
    return "; ".join(line for (text,) in rows for line in str(text).splitlines() if not line.startswith("***"))


def backup(db_path: str, dest: str, protected=()) -> int:
    """Copy the database with SQLite's online backup API into a new file (files.new_file: never over
    one that exists, nor over `protected`); the number of entries copied."""
    from tracker.files import check_target, new_file

    check_target(dest, protected)
    if os.path.lexists(dest):
        raise BadInput("{path}: already exists; choose a new file for the backup", path=dest)
    src = open_read(db_path)
    if src is None:
        raise BadInput("{path}: no database to back up yet", path=db_path)
    try:
        with new_file(dest, protected, replace=False) as tmp:
            target = sqlite3.connect(tmp, isolation_level=None)
            try:
                # One step: the copy is the database as of one moment, whatever writers do meanwhile.
                src.backup(target)
                # A single self-contained file (no -wal beside it), which is what a restore copies back.
                target.execute("PRAGMA journal_mode = DELETE")
                try:
                    check = target.execute("PRAGMA quick_check").fetchone()[0]
                except sqlite3.DatabaseError as e:  # a page too damaged to check: copied from the database
                    if "CORRUPT" not in (getattr(e, "sqlite_errorname", None) or ""):
                        raise
                    check = e.sqlite_errorname
                if check != "ok":
                    raise BadInput("{db}: the database is damaged ({check}); no backup written. Keep the file "
                                   "and its -wal as they are and restore from an earlier backup", db=db_path, check=check)
                count = target.execute("SELECT count(*) FROM entries").fetchone()[0]
            except sqlite3.Error as e:  # the copy's side, as a rule (a full disk): named as the backup's
                raise failure(e, dest) from None
            finally:
                target.close()
    finally:
        src.close()
    return count
