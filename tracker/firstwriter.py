"""The writer of a first import in one pass (firstimport.py): a forked process with the log's one transaction.

firstimport's reader decodes the file a megabyte at a time and sends each
megabyte's hash bodies here through a pipe; this process chains their hashes
and inserts the rows while the next megabyte is read, caches the plan, builds
the indexes while the reader folds the series, writes the series and commits.
It answers once. A new database is made and locked here under a temporary
name (firstimport.import_new) and removed here unless it is done.
"""

from __future__ import annotations

import os
import sqlite3
import threading

from tracker import appending, chain, store
from tracker.errors import BadInput


class Decline(Exception):
    """Not the usual case: the import goes the usual way."""


_AHEAD = 64  # messages (a megabyte of lines each) the writer takes ahead of its work at most
_NO_PERCENT = -1.0  # a percent is never negative: appending.insert_bodies() stores it as NULL

# What the reader sends the writer, after the rows: build the indexes; then: the series, and commit;
# and among the rows, once: the plan's cache.
BEGIN, INDEX, FINISH, PLAN = "begin", "index", "finish", "plan"


class Writer:
    """A child process (fork) that writes the log while this one reads the file: one transaction, its own.

    It is sent (BEGIN, whether the import is large), each megabyte's entries (their figures, percents
    and hash bodies, which it chains) and, among them, perhaps (PLAN, the plan's cache), then
    INDEX, then (FINISH, series, count, the plan's cache unless it was sent already),
    by pickle through a pipe, and answers once: ("done", n), ("decline",) or (an error's kind, its message).
    If this process goes away (killed, or close() before FINISH), it reads the pipe's end and rolls back.
    A Python thread would do the same work in half the time and take Python's lock back from the
    reader ~1,000 times a second: measured, no faster than writing after reading.
    """

    def __init__(self, path: str, temp: bool):
        import pickle

        self._pickle = pickle
        to_child, self._out = os.pipe()
        self._in, from_child = os.pipe()
        try:
            import fcntl

            fcntl.fcntl(self._out, fcntl.F_SETPIPE_SZ, 1 << 20)  # Linux: a megabyte's rows in one write
        except (ImportError, AttributeError, OSError):
            pass
        self.pid = os.fork()
        if self.pid == 0:  # the writer
            code = 1
            try:
                os.close(self._out)
                os.close(self._in)
                _write_log(path, temp, os.fdopen(to_child, "rb"), os.fdopen(from_child, "wb"))
                code = 0
            finally:
                os._exit(code)  # nothing of the parent's (atexit, buffers, the CLI) runs twice
        os.close(to_child)
        os.close(from_child)

    def send(self, message) -> None:
        data = self._pickle.dumps(message, protocol=5)
        try:
            os.write(self._out, len(data).to_bytes(8, "little"))
            view = memoryview(data)
            while view:
                view = view[os.write(self._out, view):]
        except BrokenPipeError:  # the writer has answered (declined, or failed) and gone
            self.done()
            raise Decline from None

    def done(self) -> int:
        """The writer's answer: how many entries it committed; Decline, or the error it met, raised."""
        with os.fdopen(os.dup(self._in), "rb") as answers:
            try:
                answer = self._pickle.load(answers)
            except EOFError:
                answer = ("error", "the writing process ended without a word")
        if answer[0] == "done":
            return answer[1]
        if answer[0] == "decline":
            raise Decline
        if answer[0] == "BadInput":
            raise BadInput(answer[1])
        raise BadInput(f"cannot write the import: {answer[1]}")

    def close(self) -> None:
        """Let the writer go (it rolls back unless it committed) and wait for it."""
        for fd in (self._out, self._in):
            try:
                os.close(fd)
            except OSError:
                pass
        os.waitpid(self.pid, 0)


def _write_log(path: str, temp: bool, messages, answers) -> None:
    """The writer (Writer): append what it is sent to an empty log, in one transaction; answer once."""
    import pickle
    import queue
    import signal

    # A thread takes the messages off the pipe as they come (reading leaves Python's lock), so that
    # the reader never waits on a full pipe (a megabyte) while this one is busy with a run.
    inbox: queue.Queue = queue.Queue(_AHEAD)

    def take():
        while True:
            size = messages.read(8)
            data = messages.read(int.from_bytes(size, "little")) if len(size) == 8 else None
            inbox.put(data)
            if data is None:  # the reader went away (roll back), or is done
                return

    threading.Thread(target=take, name="tracker-inbox", daemon=True).start()

    def receive():
        data = inbox.get()
        return None if data is None else pickle.loads(data)

    folder = os.path.dirname(os.path.abspath(path))
    made = temp and not os.path.isdir(folder)  # a folder made for a database that is never done goes too
    held = None  # import_new()'s file, made and locked here while this process lives (remove_stale())
    signal.signal(signal.SIGTERM, _terminated)
    signal.signal(signal.SIGHUP, _terminated)
    try:
        try:
            if temp:
                held = _hold_new(path)
            conn = store.open_write(path)
            begin = receive()  # (BEGIN, bulk), once the reader has looked at the file; None: it went no further
            if begin is None:
                conn.close()
                answer = ("gone",)
            else:
                answer = _append(conn, begin[1], receive, path)
        except BadInput as e:
            answer = ("BadInput", str(e))
        except sqlite3.IntegrityError:  # an id given twice: the unique index cannot be built
            answer = ("decline",)
        except BaseException as e:  # sqlite3's (a full disk, …), a signal to end: said by the reader
            answer = (type(e).__name__, str(e))
        if temp and answer[0] != "done":
            remove(path, made)
        try:
            pickle.dump(answer, answers)
            answers.flush()
        except BrokenPipeError:
            pass
        if temp and answer[0] == "done":
            # The reader gives the database its name, then lets this process go; the temporary name goes
            # then, whether the reader got that far or was killed first (then nothing was said imported).
            try:
                while inbox.get() is not None:
                    pass
            finally:  # a signal meanwhile (_terminated()) too
                remove(path, made)
    finally:
        if held is not None:  # only now: closing a file drops this process's fcntl locks on it, SQLite's too
            os.close(held)


def _terminated(signum, frame) -> None:
    """SIGTERM or SIGHUP to the writer (to the whole process group, say): roll back and remove the
    temporary file, as when the reader goes away. (SIGKILL leaves it: remove_stale().)"""
    raise SystemExit(128 + signum)


def _hold_new(path: str) -> int:
    """Make import_new()'s temporary file (empty: SQLite takes it for a new database) and lock it (flock)
    for as long as the returned descriptor is open, which an import's remove_stale() respects."""
    import fcntl

    folder = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as e:
        raise BadInput(f"{path}: cannot create the database folder: {e.strerror}") from None
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as e:
        raise BadInput(f"{path}: cannot create the database: {e.strerror}") from None
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


_STALE_SECONDS = 60  # a temporary file unlocked and untouched this long is an import's that was killed


def remove_stale(folder: str) -> None:
    """Remove the temporary files of imports killed outright (SIGKILL: no code of theirs ran), in the
    database's folder: those no writer holds locked, untouched for a minute (a writer locks its file the
    moment it makes it)."""
    import fcntl
    import time

    try:
        names = [n for n in os.listdir(folder) if n.startswith(".tracker-") and n.endswith(".tmp")]
    except OSError:
        return
    for name in names:
        path = os.path.join(folder, name)
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            if time.time() - os.fstat(fd).st_mtime < _STALE_SECONDS:
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:  # a writer at work
                continue
            remove(path)
        finally:
            os.close(fd)


def _append(conn, bulk: bool, receive, path: str) -> tuple:
    # (A file no one else knows of might go without a journal and sync only when named: measured, its
    # commit and the sync before the name took 0.84 s against 0.25 s written directly, as here.)
    direct = bulk and appending._write_directly(conn)
    try:
        store._begin(conn)
        try:
            answer = _append_locked(conn, receive, path if direct else None)
            conn.execute("COMMIT" if answer[0] == "done" else "ROLLBACK")
            return answer
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        if direct:
            conn.execute("PRAGMA synchronous = FULL")
            store._ensure_wal(conn)
        conn.close()


def _sync_file(path: str) -> None:
    """Have the file's data written to disk now (only sooner: the commit syncs it anyway)."""
    try:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fdatasync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass


def _append_locked(conn, receive, direct: str | None) -> tuple:
    """direct: the database's file, when its pages are written there directly (no WAL)."""
    from tracker.context import remember_plan

    if conn.execute("SELECT 1 FROM entries LIMIT 1").fetchone() is not None:
        return ("decline",)
    unindexed = appending.Unindexed(conn)
    indexing = None  # the thread building the indexes, until joined
    rest: list = []
    prev, seq = "", 0  # the chain's end: an empty log's
    try:
        while (message := receive()) is not None:
            if message == INDEX:
                appending.insert_rest(conn, rest)
                indexing = unindexed.rebuild()  # a thread, while the reader folds the series
                if direct:
                    # The rows' pages go to disk meanwhile, while it is idle: the commit's sync then
                    # waits for the indexes' and the series' alone (0.19 s → 0.06 s at a province's size).
                    threading.Thread(target=_sync_file, args=(direct,), name="tracker-sync", daemon=True).start()
            elif message[0] == PLAN:  # the plan's cache (digest, text): stored now, between two runs
                remember_plan(conn, message[1])
            elif message[0] == FINISH:
                from tracker import series

                _, (metric_rows, task_rows), n, plan_cache = message
                if n != seq:
                    raise AssertionError(f"{n} entries read, {seq} written")
                # Their arrays as bytearrays (bound as they are, see below), made while the indexes are built
                computed = ([(*row[:3], *map(bytearray, row[3:])) for row in metric_rows],
                            [(*row[:2], *map(bytearray, row[2:])) for row in task_rows])
                building, indexing = indexing, None
                building.join()
                series.rebuild(conn, None, computed)
                store._record_head(conn, seq, prev)
                if plan_cache is not None:
                    remember_plan(conn, plan_cache)
                return ("done", seq)
            else:  # a run of entries: (figures joined by newlines, percents, bodies joined by newlines)
                pairs, percents, bodies = message
                # bytearrays, and no None: sqlite3 binds them as they are (bytes and None it first offers to adapters)
                bodies = bytearray(bodies).split(b"\n")
                percents = [_NO_PERCENT if p is None else p for p in percents]
                hashes = chain.link(prev, bodies)
                prev = hashes[-1]
                n, width = len(bodies), appending.BODY_WIDTH
                values = rest + [None] * (n * width)  # the rows' values, flat (appending.insert_bodies())
                at = len(rest)
                values[at::width] = range(seq + 1, seq + n + 1)
                values[at + 1::width] = hashes
                values[at + 2::width] = pairs.decode().split("\n")
                values[at + 3::width] = percents
                values[at + 4::width] = bodies
                seq += n
                rest = appending.insert_bodies(conn, values)
        return ("gone",)
    finally:
        if indexing is not None:  # gone or failed while the indexes were built: the connection is the thread's till then
            try:
                indexing.join()
            except BaseException:  # noqa: BLE001 - the transaction is rolled back anyway
                pass


def remove(path: str, folder: bool = False) -> None:
    """Remove a database that was never done (import_new()'s), its journals, and its folder if asked and empty."""
    for leftover in (path, path + "-journal", path + "-wal", path + "-shm"):
        try:
            os.unlink(leftover)
        except FileNotFoundError:
            pass
    if folder:
        try:
            os.rmdir(os.path.dirname(os.path.abspath(path)))
        except OSError:  # not empty (the database it was made for is there), or gone
            pass
