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
- a writer process (a fork: firstwriter.py) chains each megabyte's hashes and
  inserts its rows while the next is read: SQLite takes the text fields out of the bodies
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
from itertools import chain as _concat
from itertools import repeat
from operator import attrgetter, ne
from typing import Annotated, Literal

import msgspec

from tracker import chain, months, store
from tracker.errors import BadInput
from tracker.firstwriter import (
    BEGIN,
    FINISH,
    INDEX,
    PLAN,
    Decline,
    Writer,
    remove,
    remove_stale,
)
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
    remove_stale(os.path.dirname(os.path.abspath(path)))
    return _import(path, data, plan, tick, temp=False)


def _import(path: str, data: bytes, plan, tick, temp: bool, publish=None) -> int | None:
    """import_file(); temp: `path` is import_new()'s file, which the writer makes and removes.
    publish(): give the committed file its name, before the writer is let go; whether it could."""
    writer = Writer(path, temp)  # first: the writer opens the database while the first lines are read
    try:
        try:
            writer.send((BEGIN, _many_lines(data)))
            columns, stamps, cache_sent = _read(data, writer, tick, plan)
            n = columns.n
            if tick:
                tick.describe(f"writing {n:,} entries")
            writer.send(INDEX)
            computed = columns.fold(range(1, n + 1), _order(stamps))
            del columns, stamps
            if not _fit(computed, plan.metric_sets()):
                raise Decline
            writer.send((FINISH, computed, n, None if cache_sent else plan.cached))
            written = writer.done()
            return written if publish is None or publish() else None
        except Decline:
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
    remove_stale(folder)  # what an import killed outright left
    temp = os.path.join(folder, f".tracker-{os.urandom(6).hex()}.tmp")
    try:
        return _import(temp, data, plan, tick, temp=True, publish=lambda: files.link_new(temp, path))
    finally:
        remove(temp)  # the writer's work, unless it could not (killed)


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


def _read(data: bytes, writer: Writer, tick, plan) -> tuple:
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
            raise Decline from None
        # A blank line, two records on one, one on two lines, …: asked of each megabyte as it is read (in the
        # CPU's cache: 0.1 s in all, against 0.23 s over the whole file after the read, on the critical path)
        if not jsonl.one_a_line(data, start, stop, len(lines)):
            raise Decline
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
            raise Decline
        bodies, pairs = made
        writer.send((pairs, pcts, bodies))  # the writer chains their hashes: it has time to spare
        if not cache_sent and plan.poll():
            cache_sent = True
            if plan.cached is not None:
                writer.send((PLAN, plan.cached))
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
            raise Decline
    try:  # UTF-8: msgspec leaves a Raw's bytes as they are
        id_str, note_str = id_text.decode(), note_text.decode()
        by_text.decode()
    except UnicodeDecodeError:
        raise Decline from None
    # Each id a string, each by and note a string or null (the one JSON value that begins with n)
    if not (id_text.startswith(b'"') and by_text.startswith((b'"', b"n")) and note_text.startswith((b'"', b"n"))):
        raise Decline
    if _NOT_STRING.search(id_text) or _NOT_TEXT.search(by_text) or _NOT_TEXT.search(note_text):
        raise Decline
    if _padded(id_str) or _padded(note_str):
        raise Decline
    stamps = b"".join(ats)
    if len(stamps) != _STAMP_WIDTH * n or stamps.translate(jsonl._DIGITS_TO_0).count(_PLAIN_STAMP) != n:
        raise Decline
    noted = list(map(ne, notes, repeat(_NULL)))
    if not all(noted):  # an entry without a note must record something else
        for i in [i for i, has in enumerate(noted) if not has]:
            if not (vals[i] or pcts[i] is not None or stats[i]):
                raise Decline
    return noted, stamps


def _padded(text: str) -> bool:
    """Whether a JSON string among these (one a line, each a string or null) is empty, or begins or ends with a space."""
    return _BEGINS_PADDED.search("\n" + text) is not None or _ENDS_PADDED.search(text + "\n") is not None


def _month(text: str) -> tuple[int, msgspec.Raw]:
    """A month as an integer and as the JSON text of its canonical form."""
    try:
        m = months.parse(text)
    except BadInput:
        raise Decline from None
    return m, _Raw(b'"' + months.fmt(m).encode() + b'"')


def _order(stamps: bytes):
    """The entries' indices in recorded_at order (append order among equal times): a range when they are in it."""
    from tracker.seriesfold import numpy

    np = numpy()
    at = np.frombuffer(stamps, f"S{_STAMP_WIDTH}")
    if len(at) < 2 or bool((at[1:] >= at[:-1]).all()):
        return range(len(at))
    return np.argsort(at, kind="stable").tolist()


