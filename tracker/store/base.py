"""The database's ground floor: connections, the write lock, SQLite's errors in words, the chain's head,
one moment of the log to read, and what the file holds (its version, tables, triggers)."""

from __future__ import annotations

import os
import sqlite3
import weakref
from contextlib import contextmanager

from tracker.errors import BadInput, Word

BUSY_TIMEOUT_MS = 60_000


class _Connection(sqlite3.Connection):
    """sqlite3's connection, which can be referred to weakly (the files this process holds open are known)."""


# Each open connection of this process and the file it is to, by (device, inode). Closing any descriptor of a
# file drops every POSIX lock the process holds on it, SQLite's too: while a connection holds a file, its header
# is not read again (it was read before that connection opened it), or another program could switch the
# journal mode under the connection.
_HELD: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _file_id(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _held(path: str) -> bool:
    """Whether a connection of this process is open to the file at path."""
    if not _HELD:
        return False
    key = _file_id(path)
    for conn, held in list(_HELD.items()):
        if held == key:
            try:
                conn.total_changes  # raises once the connection is closed
            except sqlite3.ProgrammingError:
                continue
            return True
    return False


def _check_file(path: str) -> None:
    """Refuse at once, before SQLite opens it, a database path that is no tracker's file to open."""
    from tracker.files import regular_or_absent

    regular_or_absent(path, "tracker database")  # a FIFO, a device: refused at once, never opened
    if _held(path):
        return
    try:
        with open(path, "rb") as f:
            head = f.read(20)
    except IsADirectoryError:
        raise BadInput("{path}: is a directory, not a tracker database", path=path) from None
    except OSError as e:
        raise BadInput("{path}: cannot open the database: {why}", path=path, why=e.strerror) from None
    if head[:16] and head[:16] != b"SQLite format 3\x00":
        raise BadInput("{path}: not a SQLite database (is --db or TRACKER_DB pointing at the right file?)", path=path)
    # Bytes 18 and 19 say 1 in a file not in WAL mode (a backup copied back in): a -wal with frames beside it is
    # another file's, which SQLite would apply to it, mixing the two; it is left as it is, and said.
    if head[18:20] == b"\x01\x01" and os.path.exists(path + "-wal") and os.path.getsize(path + "-wal") > 0:
        raise BadInput("{path}: the {path}-wal beside it is from another copy of the database (a backup restored "
                       "without moving it aside?): nothing was read; move {path}-wal and {path}-shm aside and run "
                       "it again", path=path)


def _raw_connect(path: str, read: bool = False) -> sqlite3.Connection:
    """A connection to the database at path. For a read (`read`), a log on a read-only disk or in a folder
    that cannot be written (a read-only checkout in CI) with no -wal beside it is opened as immutable:
    SQLite could not make the -wal and -shm it keeps even to read, and no one can be writing there."""
    target, uri = path, False
    if read and _folder_read_only(path) and not os.path.lexists(path + "-wal"):
        from urllib.parse import quote

        target, uri = f"file:{quote(os.path.abspath(path))}?mode=ro&immutable=1", True
    try:
        conn = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, uri=uri,
                               check_same_thread=False,  # a bulk append builds its indexes in a thread
                               factory=_Connection)
        _HELD[conn] = _file_id(path)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA synchronous = FULL")
        return conn
    except sqlite3.OperationalError as e:  # the disk, the permissions, a lock: the real reason
        raise failure(e, path) from None
    except sqlite3.DatabaseError as e:
        if (getattr(e, "sqlite_errorname", None) or "").startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
            raise failure(e, path) from None  # damaged (a copy cut short): what to do, in the user's language
        raise BadInput("{path}: cannot open the database: {why}", path=path, why=e) from None


# Called with the database's path when a write has waited WAIT_NOTICE_MS for another tracker's to end and
# waits on: the CLI says so on stderr (a clerk would otherwise see nothing happen for as long as an import runs).
on_wait = None
WAIT_NOTICE_MS = 1_000


def _begin(conn: sqlite3.Connection) -> None:
    """Take the write lock now (not at the first write), waiting up to the busy timeout (saying so through
    on_wait once it has waited WAIT_NOTICE_MS)."""
    try:
        if on_wait is None or BUSY_TIMEOUT_MS <= WAIT_NOTICE_MS:
            conn.execute("BEGIN IMMEDIATE")
            return
        if _try_begin(conn, WAIT_NOTICE_MS):
            return
        on_wait(db_name(conn))
        if _try_begin(conn, BUSY_TIMEOUT_MS - WAIT_NOTICE_MS):
            return
        raise sqlite3.OperationalError("database is locked")  # waited the whole busy timeout
    except sqlite3.OperationalError as e:
        if "locked" not in str(e) and "busy" not in str(e):
            raise
        raise BadInput("{path}: busy: another tracker has been writing for over {seconds} s; try again when it is done", path=db_name(conn), seconds=format(BUSY_TIMEOUT_MS / 1000, 'g')) from None


def _try_begin(conn: sqlite3.Connection, wait_ms: int) -> bool:
    """BEGIN IMMEDIATE, waiting up to wait_ms for the lock; False when another writer still holds it."""
    conn.execute(f"PRAGMA busy_timeout = {wait_ms}")
    try:
        conn.execute("BEGIN IMMEDIATE")
        return True
    except sqlite3.OperationalError as e:
        if "locked" not in str(e) and "busy" not in str(e):
            raise
        return False
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def db_name(conn: sqlite3.Connection) -> str:
    """The database file's path as a message names it: relative to here when it is below here."""
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    here = os.path.relpath(path)
    return path if here.startswith("..") else here


def unreadable(conn: sqlite3.Connection, seq: int, what: str, text) -> BadInput:
    """The problem of an entry whose month or figures no tracker wrote (a row added or edited by hand)."""
    shown = repr(text) if len(repr(text)) <= 40 else repr(text)[:39] + "…"
    return BadInput("{path}: the log's entry #{seq} has {what} tracker cannot read ({text}): written behind its back; "
                    "`tracker validate` checks the log", path=db_name(conn), seq=seq, what=Word(what), text=shown)


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
    "read-only": "the database or its folder is read-only ({code}): nothing was written; check the permissions, "
                 "or whether the disk is mounted read-only",
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
    return _folder_read_only(path) or (os.path.exists(path) and not os.access(path, os.W_OK))


def _folder_read_only(path: str) -> bool:
    """Whether the database's folder cannot be written (permissions, a read-only mount): no -wal can be made
    there, by a reader or a writer of ours. (A database file alone read-only is read as usual: its -wal and -shm
    can be made beside it, and a writer's pages are seen as SQLite sees them.)"""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except OSError:
        pass
    return not os.access(folder, os.W_OK)


def _disk_full(path: str) -> bool:
    try:
        return os.statvfs(os.path.dirname(os.path.abspath(path))).f_bavail == 0
    except OSError:
        return False


# The log (schema 5): an entry a row, its values as their canonical JSON (chain.values_text), its note last.


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


def triggers(conn: sqlite3.Connection) -> dict[str, str]:
    """The database's triggers: name → SQL."""
    return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())


def tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]
