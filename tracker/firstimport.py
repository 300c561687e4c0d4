"""A .jsonl import into an empty log, in one pass over the file: the usual first import of a province.

`tracker import` reads a file whole, checks it against the plan, then
appends it (importers/jsonl.py, appending.py). For the usual case, a file as
`tracker export` writes it imported into a log that holds nothing yet, this
does the same work in one pass, a megabyte of lines at a time, in one
transaction:

- each line is decoded by msgspec with its text fields (id, recorded_at, by,
  note) kept as the JSON they are written in (msgspec.Raw). They never become
  Python strings: a string whose only escapes are \" \\ \n \r \t is
  written by json.dumps exactly as it is read, so its JSON goes into the
  entry's hash body as it is;
- a writer process (a fork) chains each megabyte's hashes and inserts its rows
  while the next is read: SQLite takes the text fields out of the bodies
  itself (appending.insert_bodies);
- the plan is read meanwhile (context.PlanJob) and checked after the last
  line, against the series (a row for each task and each metric given);
- after the last line, the writer builds the indexes while this process folds
  the series (numpy); then the writer writes them and commits. A new database
  is built under a temporary name and given its name when done (import_new).

Whatever is not the usual case anywhere in the file (an escape in a string, a
blank line, a time in another form, a note with spaces to strip, an unknown
task, an id given twice, …) makes it decline: the transaction is rolled back,
nothing is written, and the import goes the usual way, which accepts the same
entries, writes the same rows and names the first bad line.
tests/test_firstimport.py holds the two ways' databases equal.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from itertools import chain as _concat
from itertools import repeat
from operator import attrgetter, ne
from typing import Annotated, Literal

import msgspec

from tracker import appending, chain, months, store
from tracker.errors import BadInput
from tracker.importers import jsonl
from tracker.model import STATUSES

_Raw = msgspec.Raw
_NULL = _Raw(b"null")


class _Line(msgspec.Struct, gc=False):
    """A line as export writes it, its text fields left as their JSON. Unknown keys are ignored, as json does."""

    id: msgspec.Raw
    task: str
    month: str
    recorded_at: msgspec.Raw
    by: msgspec.Raw = _NULL
    values: dict[str, jsonl._Figure] = {}  # msgspec gives each line its own empty dict
    percent: Annotated[float, msgspec.Meta(ge=0, le=100)] | None = None
    status: Literal[STATUSES] | None = None
    note: msgspec.Raw = _NULL


_DECODE_LINES = msgspec.json.Decoder(_Line).decode_lines
_COLUMNS = [attrgetter(f) for f in ("id", "task", "month", "recorded_at", "by", "values", "percent", "status", "note")]

# JSON strings (one a line, among nulls, decoded from UTF-8) that begin or end with a space or an escaped
# one, or that are empty: each found by the newline and quote before or after it (scanned for the way a
# string is). str's \s is what str.isspace() takes, what strip() strips (tests/test_firstimport.py).
_BEGINS_PADDED = re.compile(r'\n"(?:\s|\\[nrt]|")')
_ENDS_PADDED = re.compile(r'"\n(?:(?<=\s"\n)|(?<=\\[nrt]"\n))')  # maybe an escaped \ and an n: declining is safe
# What follows each backslash, left to right (an escaped backslash is one escape): those json.dumps
# writes that SQLite's json_extract() reads back exactly. Any other (\u…, \/, \b, \f) declines.
_ESCAPE = re.compile(rb"\\(.)", re.DOTALL)
_PLAIN_ESCAPES = {b'"', b"\\", b"n", b"r", b"t"}
# A JSON value (one a line) that is not a string, or neither a string nor null: found by its newline (a fast scan).
_NOT_STRING = re.compile(rb'\n[^"]')
_NOT_TEXT = re.compile(rb'\n[^"n]')
_STAMP_WIDTH = 29  # "2024-08-05T09:30:00.000000Z", its quotes included
_PLAIN_STAMP = b'"' + jsonl._PLAIN_STAMP + b'"'


class _Decline(Exception):
    """Not the usual case: the import goes the usual way."""


def import_file(path: str, data: bytes, plan, tick=None) -> int | None:
    """Append every line of `data` to the log at `path`, if it holds no entry yet; how many, or None (nothing
    written): the log is not empty, or the file is not all the usual case. No connection to it may be open.

    plan: a context.PlanJob. Its metric_sets() are asked for after the last line is read (what they raise
    is raised, nothing written); its `cached` plan (digest, text), if any, is cached in the same
    transaction, sent to the writer while the file is read as soon as poll() says it is there.
    tick(n): n more bytes read (tick.describe(text): the reading is done).
    """
    if not _may_be_usual(data):
        return None
    _remove_stale(os.path.dirname(os.path.abspath(path)))
    return _import(path, data, plan, tick, temp=False)


def _import(path: str, data: bytes, plan, tick, temp: bool, publish=None) -> int | None:
    """import_file(); temp: `path` is import_new()'s file, which the writer makes and removes.
    publish(): give the committed file its name, before the writer is let go; whether it could."""
    writer = _Writer(path, temp)  # first: the writer opens the database while the first lines are read
    try:
        try:
            writer.send((_BEGIN, _many_lines(data)))
            columns, stamps, cache_sent = _read(data, writer, tick, plan)
            n = columns.n
            if tick:
                tick.describe(f"writing {n:,} entries")
            writer.send(_INDEX)
            computed = columns.fold(range(1, n + 1), _order(stamps))
            del columns, stamps
            if not _fit(computed, plan.metric_sets()):
                raise _Decline
            writer.send((_FINISH, computed, n, None if cache_sent else plan.cached))
            written = writer.done()
            return written if publish is None or publish() else None
        except _Decline:
            return None
    finally:
        writer.close()


def _fit(computed: tuple, metrics: dict) -> bool:
    """Whether each entry is for a task of the plan (metrics: each task's metric keys), its values among the
    task's metrics: asked of the series (series.arrays()), which hold a row for each task with an entry and
    for each metric it gave."""
    metric_rows, task_rows = computed
    return all(row[0] in metrics for row in task_rows) and all(row[1] in metrics[row[0]] for row in metric_rows)


def import_new(path: str, data: bytes, plan, tick=None) -> int | None:
    """import_file() into a database that does not exist yet: built whole under a temporary name beside
    `path` (.tracker-….tmp), then given its name (never replacing a file), so that nothing is at `path`
    unless it is done. The writer makes the file (and the folder), and removes the temporary name.

    None (nothing written): the file is not all the usual case, or another tracker made the database
    meanwhile; the usual way then appends to it.
    """
    from tracker import files

    if not _may_be_usual(data):
        return None
    folder = os.path.dirname(os.path.abspath(path))
    _remove_stale(folder)  # what an import killed outright left
    temp = os.path.join(folder, f".tracker-{os.urandom(6).hex()}.tmp")
    try:
        return _import(temp, data, plan, tick, temp=True, publish=lambda: files.link_new(temp, path))
    finally:
        _remove(temp)  # the writer's work, unless it could not (killed)


def _remove(path: str, folder: bool = False) -> None:
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


def _may_be_usual(data) -> bool:
    """Whether a file may be the usual case at all (UTF-8 without a BOM or \\r, its lines JSON objects),
    on a system that can fork the writer (not Windows)."""
    return (isinstance(data, bytes) and data.startswith(b"{") and data.endswith((b"}", b"}\n"))
            and b"\r" not in data and hasattr(os, "fork"))


def _many_lines(data: bytes, many: int | None = None) -> bool:
    """Whether a file has `many` lines or more (store.BULK: a large import, appending._write_directly()),
    found without a pass over all of it."""
    at = -1
    for _ in range((many or store.BULK) - 1):  # as many newlines before the end, the last line after them
        at = data.find(b"\n", at + 1)
        if at < 0 or at == len(data) - 1:
            return False
    return True


def _read(data: bytes, writer: _Writer, tick, plan) -> tuple:
    """Every line decoded, checked, made its hash body and handed to the writer; the columns the series
    and the plan's checks need (seriesfold's, gathered a megabyte at a time), the times joined, and
    whether the plan's cache went to the writer (as soon as the plan's child has answered: the writer
    stores it meanwhile, not after the last line)."""
    from tracker import seriesfold

    view, end = memoryview(data), len(data)
    # as many entries as lines, or the import declines: numpy's fold for MIN_ENTRIES or more
    columns = seriesfold.gather(seriesfold.MIN_ENTRIES if _many_lines(data, seriesfold.MIN_ENTRIES) else 0)
    stamps: list = []
    cache_sent = False
    month_of: dict = {}
    month_text: dict = {}
    start = 0
    while start < end:
        stop = data.find(b"\n", start + jsonl._CHUNK) + 1 or end  # just past a newline, or the end
        try:
            lines = _DECODE_LINES(view[start:stop])
        except Exception:  # msgspec's errors, and whatever a hostile file brings
            raise _Decline from None
        # A blank line, two records on one, one on two lines, …: asked of each megabyte as it is read (in the
        # CPU's cache: 0.1 s in all, against 0.23 s over the whole file after the read, on the critical path)
        if not jsonl.one_a_line(data, start, stop, len(lines)):
            raise _Decline
        # a column at a time: 2.3 times as fast as zip(*) of the records' tuples
        ids, run_tasks, texts, ats, bys, vals, pcts, stats, notes = [list(map(get, lines)) for get in _COLUMNS]
        del lines
        run_noted, run_stamps = _check(ids, ats, bys, notes, vals, pcts, stats)
        for text in set(texts) - month_of.keys():
            month_of[text], month_text[text] = _month(text)
        figures = list(_concat.from_iterable(map(dict.values, vals)))  # each a dict (_Line.values)
        made = chain.encode_joined(ids, run_tasks, list(map(month_text.__getitem__, texts)), vals, pcts, stats,
                                   notes, bys, ats, figures)
        if made is None:
            raise _Decline
        bodies, pairs = made
        writer.send((pairs, pcts, bodies))  # the writer chains their hashes: it has time to spare
        if not cache_sent and plan.poll():
            cache_sent = True
            if plan.cached is not None:
                writer.send((_PLAN, plan.cached))
        columns.add(run_tasks, list(map(month_of.__getitem__, texts)), vals, pcts, stats, run_noted, figures)
        stamps.append(run_stamps)
        if tick:
            tick(stop - start)
        start = stop
    return columns, b"".join(stamps), cache_sent


def _check(ids, ats, bys, notes, vals, pcts, stats) -> tuple[list, bytes]:
    """Decline unless each text field is a JSON string (by, note: or null) as json.dumps writes it, each id
    and note as the usual way keeps it (no space to strip), each time in the log's form and each entry
    records something. (Whether each has a note, the times joined.)"""
    n = len(ids)
    # A JSON value in one line holds no newline.
    id_text, by_text, note_text = b"\n".join(ids), b"\n".join(bys), b"\n".join(notes)
    for part in (id_text, by_text, note_text):
        if b"\\" in part and not set(_ESCAPE.findall(part)) <= _PLAIN_ESCAPES:
            raise _Decline
    try:  # UTF-8: msgspec leaves a Raw's bytes as they are
        id_str, note_str = id_text.decode(), note_text.decode()
        by_text.decode()
    except UnicodeDecodeError:
        raise _Decline from None
    # Each id a string, each by and note a string or null (the one JSON value that begins with n)
    if not (id_text.startswith(b'"') and by_text.startswith((b'"', b"n")) and note_text.startswith((b'"', b"n"))):
        raise _Decline
    if _NOT_STRING.search(id_text) or _NOT_TEXT.search(by_text) or _NOT_TEXT.search(note_text):
        raise _Decline
    if _padded(id_str) or _padded(note_str):
        raise _Decline
    stamps = b"".join(ats)
    if len(stamps) != _STAMP_WIDTH * n or stamps.translate(jsonl._DIGITS_TO_0).count(_PLAIN_STAMP) != n:
        raise _Decline
    noted = list(map(ne, notes, repeat(_NULL)))
    if not all(noted):  # an entry without a note must record something else
        for i in [i for i, has in enumerate(noted) if not has]:
            if not (vals[i] or pcts[i] is not None or stats[i]):
                raise _Decline
    return noted, stamps


def _padded(text: str) -> bool:
    """Whether a JSON string among these (one a line, each a string or null) is empty, or begins or ends with a space."""
    return _BEGINS_PADDED.search("\n" + text) is not None or _ENDS_PADDED.search(text + "\n") is not None


def _month(text: str) -> tuple[int, msgspec.Raw]:
    """A month as an integer and as the JSON text of its canonical form."""
    try:
        m = months.parse(text)
    except BadInput:
        raise _Decline from None
    return m, _Raw(b'"' + months.fmt(m).encode() + b'"')


def _order(stamps: bytes):
    """The entries' indices in recorded_at order (append order among equal times): a range when they are in it."""
    from tracker.seriesfold import numpy

    np = numpy()
    at = np.frombuffer(stamps, f"S{_STAMP_WIDTH}")
    if len(at) < 2 or bool((at[1:] >= at[:-1]).all()):
        return range(len(at))
    return np.argsort(at, kind="stable").tolist()


_AHEAD = 64  # messages (a megabyte of lines each) the writer takes ahead of its work at most
_NO_PERCENT = -1.0  # a percent is never negative: appending.insert_bodies() stores it as NULL

# What the reader sends the writer, after the rows: build the indexes; then: the series, and commit;
# and among the rows, once: the plan's cache.
_BEGIN, _INDEX, _FINISH, _PLAN = "begin", "index", "finish", "plan"


class _Writer:
    """A child process (fork) that writes the log while this one reads the file: one transaction, its own.

    It is sent (_BEGIN, whether the import is large), each megabyte's entries (their figures, percents
    and hash bodies, which it chains) and, among them, perhaps (_PLAN, the plan's cache), then
    _INDEX, then (_FINISH, series, count, the plan's cache unless it was sent already),
    by pickle through a pipe, and answers once: ("done", n), ("decline",) or (an error's kind, its message).
    If this process goes away (killed, or close() before _FINISH), it reads the pipe's end and rolls back.
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
            raise _Decline from None

    def done(self) -> int:
        """The writer's answer: how many entries it committed; _Decline, or the error it met, raised."""
        with os.fdopen(os.dup(self._in), "rb") as answers:
            try:
                answer = self._pickle.load(answers)
            except EOFError:
                answer = ("error", "the writing process ended without a word")
        if answer[0] == "done":
            return answer[1]
        if answer[0] == "decline":
            raise _Decline
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
    """The writer (_Writer): append what it is sent to an empty log, in one transaction; answer once."""
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
    held = None  # import_new()'s file, made and locked here while this process lives (_remove_stale())
    signal.signal(signal.SIGTERM, _terminated)
    signal.signal(signal.SIGHUP, _terminated)
    try:
        try:
            if temp:
                held = _hold_new(path)
            conn = store.open_write(path)
            begin = receive()  # (_BEGIN, bulk), once the reader has looked at the file; None: it went no further
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
            _remove(path, made)
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
                _remove(path, made)
    finally:
        if held is not None:  # only now: closing a file drops this process's fcntl locks on it, SQLite's too
            os.close(held)


def _terminated(signum, frame) -> None:
    """SIGTERM or SIGHUP to the writer (to the whole process group, say): roll back and remove the
    temporary file, as when the reader goes away. (SIGKILL leaves it: _remove_stale().)"""
    raise SystemExit(128 + signum)


def _hold_new(path: str) -> int:
    """Make import_new()'s temporary file (empty: SQLite takes it for a new database) and lock it (flock)
    for as long as the returned descriptor is open, which an import's _remove_stale() respects."""
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


def _remove_stale(folder: str) -> None:
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
            _remove(path)
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
            if message == _INDEX:
                appending.insert_rest(conn, rest)
                indexing = unindexed.rebuild()  # a thread, while the reader folds the series
                if direct:
                    # The rows' pages go to disk meanwhile, while it is idle: the commit's sync then
                    # waits for the indexes' and the series' alone (0.19 s → 0.06 s at a province's size).
                    threading.Thread(target=_sync_file, args=(direct,), name="tracker-sync", daemon=True).start()
            elif message[0] == _PLAN:  # the plan's cache (digest, text): stored now, between two runs
                remember_plan(conn, message[1])
            elif message[0] == _FINISH:
                from tracker import series

                _, computed, n, plan_cache = message
                if n != seq:
                    raise AssertionError(f"{n} entries read, {seq} written")
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

