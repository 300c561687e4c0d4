"""Import entries as JSON Lines (the form `tracker export` writes): all or nothing, ids skipped when present.

Two ways through, one answer. Each line is first decoded by msgspec into a
typed record (its types checked in C) and given a few plain checks, first
without the plan (parse), then against it (check): that is the whole cost
of a line in the shape `export` writes. The checks run column by column
(one C-level pass over all the records for each), not record by record:
a province's 650,000 lines are too many for a Python call each.
Whatever that fast way does not take (a blank line, a figure written as
text, a bad line) goes the careful way, the standard json module and
entries.py's checks, which accept the same entries and name the first bad
line as `PATH:LINE: message`.
"""

from __future__ import annotations

import json
import sys
from collections import deque
from collections.abc import Sequence
from itertools import compress, repeat
from operator import attrgetter, itemgetter, le, not_
from typing import Annotated, Literal, NamedTuple

import msgspec

from tracker import entries as make
from tracker import months
from tracker.errors import BadInput
from tracker.model import STATUSES, Plan
from tracker.store import Entry

_Figure = Annotated[float, msgspec.Meta(ge=0)]


class _Record(msgspec.Struct, gc=False):
    """An entry as export writes it: the types msgspec checks in C. Unknown keys are ignored, as json does.

    Its fields are Entry's, in Entry's order: a record's astuple() is its entry's fields.
    """

    id: str
    task: str
    month: str
    recorded_at: str
    by: str | None = None
    values: dict[str, _Figure] | None = None
    percent: Annotated[float, msgspec.Meta(ge=0, le=100)] | None = None
    status: Literal[STATUSES] | None = None
    note: str | None = None


class _Exported(_Record, gc=False):
    """A record whose values are an object or absent, never null: what a whole file is first decoded as."""

    values: dict[str, _Figure] = {}  # msgspec gives each record its own empty dict


_DECODE = msgspec.json.Decoder(_Record).decode
_DECODE_LINES = msgspec.json.Decoder(_Exported).decode_lines
_ID, _MONTH, _AT, _NOTE = (attrgetter(f) for f in ("id", "month", "recorded_at", "note"))
_TASK, _VALUES = itemgetter(1), itemgetter(5)
_TICK = 10000  # check()'s progress: one tick per this many lines
_CHUNK = 1 << 20  # bytes of a file parse() decodes at a time


class Parsed(NamedTuple):
    """A file read without the plan: entries[i] is line i + 1 as an entry, or None where the careful way must look."""

    entries: list
    lines: Sequence  # the lines as text (bytes while every line decoded: then cut only when one is asked for)


def parse(data: bytes | str, path: str) -> Parsed:
    """Decode a file's lines (bytes as read from disk, or text); a file that is not text is refused here.

    Everything but the plan is checked here, so that this can run while the plan is read.
    """
    if isinstance(data, bytes) and not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data:
        entries = _whole(data)
        if entries is not None:
            return Parsed(entries, _Lines(data))
        # UTF-8 needs no decoding to be cut at its newlines; the last one ends the last line.
        lines = (data[:-1] if data.endswith(b"\n") else data).split(b"\n")
        try:
            records = list(map(_DECODE, lines))
        except Exception:  # a blank or bad line, or not UTF-8: the file is looked at as text first
            pass
        else:
            return Parsed(_normal_all(_no_null_values(records)), lines)
    text = data
    if isinstance(text, bytes):
        from tracker import textfile

        text = textfile.decode(text, path)  # names a file that is not text (binary, not UTF-8, …)
    # Lines end at "\n" only: str.splitlines() would also break inside a JSON string
    # at U+2028, U+0085 and the like, which a note may hold.
    lines = text.split("\n")
    records = []
    for line in lines:
        try:
            records.append(_DECODE(line))
        except Exception:  # msgspec's errors, and UnicodeEncodeError for a lone surrogate
            records.append(None)
    made = iter(_normal_all(_no_null_values([r for r in records if r is not None])))
    return Parsed([None if r is None else next(made) for r in records], lines)


def check(parsed: Parsed, path: str, plan: Plan, tick=None) -> list[Entry]:
    """Every entry of the file, checked against the plan; BadInput `PATH:LINE: message` on the first bad line.

    A run of entries that all fit the plan is taken whole (it is the usual case);
    a run with anything else in it is gone through line by line, in order.
    """
    out: list[Entry] = []
    metrics = _metric_sets(plan)
    month_cache: dict[str, int] = {}
    entries = parsed.entries
    start = 0
    # Runs end where the row-by-row reader ticked: before lines 10000, 20000, …
    for stop in [*range(_TICK - 1, len(entries), _TICK), len(entries)]:
        if start and tick:
            tick(_TICK)
        run = entries[start:stop]
        if _fit(run, metrics):
            out += run
        else:
            _check_lines(parsed, path, plan, metrics, month_cache, start, stop, out)
        start = stop
    return out


def read_entries(text: bytes | str, path: str, plan: Plan, tick=None) -> list[Entry]:
    """parse() then check(): the whole import read in one call."""
    return check(parse(text, path), path, plan, tick)


def _whole(data: bytes) -> list | None:
    """The entries of a file's lines, decoded a megabyte at a time, or None unless each line is exactly one record.

    msgspec's decode_lines() takes values separated by any whitespace: a blank
    line, two objects on one line or one spread over two would shift the lines'
    numbers, and the last two are errors line by line. A newline between "}" and
    "{" can only part two values (inside one, "}" is followed by "," "]" or "}",
    and a JSON string holds no raw newline): when each newline inside a chunk
    is one, its lines hold a record or more each, and as many records as lines
    are one a line. A megabyte's records are made entries at once, while they
    are still in the CPU's cache.
    """
    if not (data.startswith(b"{") and data.endswith((b"}", b"}\n"))):  # not worth a try
        return None
    view, end = memoryview(data), len(data)
    out: list = []
    start = 0
    while start < end:
        stop = data.find(b"\n", start + _CHUNK) + 1 or end  # just past a newline, or the end
        try:
            records = _DECODE_LINES(view[start:stop])
        except Exception:  # msgspec's errors (and whatever a hostile file brings): line by line, then
            return None
        if not one_a_line(data, start, stop, len(records)):
            return None
        out += _normal_all(records)
        start = stop
    return out


def one_a_line(data: bytes, start: int, stop: int, records: int) -> bool:
    """Whether the lines of data[start:stop] (a chunk that ends just past a newline, or at the end) are
    exactly these many records, one a line (_whole() says why)."""
    newlines = data.count(b"\n", start, stop) - (data[stop - 1] == 10)  # but the one ending the chunk
    return newlines == records - 1 and data.count(b"}\n{", start, stop) == newlines


class _Lines:
    """A file's lines, cut at its newlines only when one is asked for: an import whose lines all fit never asks."""

    __slots__ = ("_data", "_lines")

    def __init__(self, data: bytes):
        self._data, self._lines = data, None

    def _cut(self) -> list:
        if self._lines is None:
            data = self._data
            self._lines = (data[:-1] if data.endswith(b"\n") else data).split(b"\n")
        return self._lines

    def __getitem__(self, i):
        return self._cut()[i]

    def __len__(self) -> int:
        return len(self._cut())

    def __iter__(self):
        return iter(self._cut())


def _no_null_values(records: list) -> list:
    """The records, "values": null read as no values (as _normal() reads it)."""
    for r in records:
        if r.values is None:
            r.values = {}
    return records


_PLAIN_STAMP = b"0000-00-00T00:00:00.000000Z"
_DIGITS_TO_0 = bytes.maketrans(b"123456789", b"000000000")


def _normal_all(records: list) -> list:
    """_normal() of each record (none None, values never None), its checks made column by column: [Entry | None].

    A record that any check does not pass outright (a blank id, a month or a time
    in another form, a note to strip, a record with nothing in it) is left to
    _normal() itself; the rest are made entries by their astuple().
    """
    n = len(records)
    odd: set[int] = set()
    texts = list(map(_MONTH, records))
    month_of: dict[str, int | None] = {}
    for text in set(texts):
        try:
            month_of[text] = months.parse(text)
        except BadInput:
            month_of[text] = None
    if None in month_of.values():
        odd.update(i for i, text in enumerate(texts) if month_of[text] is None)
    ids = list(map(_ID, records))
    if not all(map(str.strip, ids)):
        odd.update(i for i, eid in enumerate(ids) if not eid.strip())
    stamps = list(map(_AT, records))
    if not _plain_stamps(stamps):
        odd.update(i for i, at in enumerate(stamps) if not make.STAMP.match(at))
    notes = list(map(_NOTE, records))
    written = list(filter(None, notes))
    if list(map(str.strip, written)) != written:
        odd.update(i for i, note in enumerate(notes) if note and note.strip() is not note)
    if len(written) < n:  # a note "" or none: the entry must record something else
        for i in compress(range(n), map(not_, notes)):
            r = records[i]
            if r.note is not None or not (r.values or r.percent is not None or r.status):
                odd.add(i)
    cache: dict[str, int] = {}
    fixed = [(i, _normal(records[i], cache)) for i in odd]  # before their months are replaced
    deque(map(setattr, records, repeat("month"), map(month_of.__getitem__, texts)), maxlen=0)
    # Gone before the entries are made: with the collector on, each of its full passes would walk them too.
    del texts, ids, stamps, notes, written
    out = list(map(tuple.__new__, repeat(Entry), map(msgspec.structs.astuple, records)))
    for i, entry in fixed:
        out[i] = entry
    return out


def _plain_stamps(stamps: list) -> bool:
    """Whether every time is already in the log's form (entries.STAMP), asked of all of them at once.

    All 27 characters long and joined, their digits made 0: n times the pattern, side by side.
    """
    if set(map(len, stamps)) - {27}:
        return False
    try:
        joined = "".join(stamps).encode("ascii")
    except UnicodeEncodeError:  # \d is any Unicode digit: STAMP.match() judges each
        return False
    return joined.translate(_DIGITS_TO_0).count(_PLAIN_STAMP) == len(stamps)


def _metric_sets(plan: Plan) -> dict[str, frozenset]:
    """Each task's metric keys."""
    return metric_sets((t.id, [m.key for m in t.metrics]) for t in plan.tasks)


def metric_sets(tasks) -> dict[str, frozenset]:
    """Each task's metric keys, from (task id, its keys) pairs. Tasks with the same keys share one set, of
    interned keys: a province's 30,000 tasks have some 160 sets of some 40 keys, which stay in the CPU's
    cache while 650,000 lines are checked."""
    same: dict[frozenset, frozenset] = {}
    return {task: same.setdefault(keys, keys) for task, given in tasks
            for keys in (frozenset(map(sys.intern, given)),)}


def _fit(run: list, metrics: dict) -> bool:
    """Whether every entry of a run was made by parse() for a task of the plan, its values among the task's metrics."""
    try:
        keys = list(map(metrics.get, map(_TASK, run)))
        # keys() <= a set looks each key up; set.issuperset(a dict) would first copy the dict into a set
        return all(map(le, map(dict.keys, map(_VALUES, run)), keys))
    except TypeError:  # a None entry (a line the careful way must look at), a None set (an unknown task)
        return False


def _check_lines(parsed: Parsed, path: str, plan: Plan, metrics: dict, month_cache: dict,
                 start: int, stop: int, out: list) -> None:
    """check() line by line over lines start + 1 … stop: the plan's checks, the careful way where they fail."""
    entries, lines = parsed.entries, parsed.lines
    for n in range(start + 1, stop + 1):
        entry = entries[n - 1]
        if entry is not None:
            keys = metrics.get(entry.task)
            if keys is not None and (not entry.values or keys.issuperset(entry.values)):
                out.append(entry)
                continue
        line = lines[n - 1]
        if isinstance(line, bytes):
            line = line.decode("utf-8")  # every line decoded as JSON, so this one is UTF-8
        if not line.strip():
            continue
        try:
            out.append(_entry(line, plan, month_cache))
        except BadInput as e:
            raise BadInput(f"{path}:{n}: {e}") from None


def _normal(raw: _Record, month_cache: dict) -> Entry | None:
    """The entry of a well-formed record, as the careful way would make it (but for the plan's checks),
    or None when the careful way must judge it (and maybe refuse it)."""
    eid = raw.id
    if not eid.strip():
        return None
    m = month_cache.get(raw.month)
    if m is None:
        try:
            m = month_cache[raw.month] = months.parse(raw.month)
        except BadInput:
            return None
    at = raw.recorded_at
    if not make.STAMP.match(at):
        try:
            at = make.stamp_of(at)
        except BadInput:
            return None
    values = raw.values or {}
    note = raw.note
    if note is not None:
        note = note.strip() or None
    percent, status = raw.percent, raw.status
    if not (values or percent is not None or status or note):
        return None
    return Entry(eid, raw.task, m, at, raw.by, values, percent, status, note)


def _entry(line: str, plan: Plan, month_cache: dict) -> Entry:
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError) as e:  # ValueError: also a number of over 4300 digits
        raise BadInput(f"not a JSON object: {getattr(e, 'msg', e)}") from None
    if not isinstance(obj, dict):
        raise BadInput("not a JSON object")
    eid, task_id, month = obj.get("id"), obj.get("task"), obj.get("month")
    if not isinstance(eid, str) or not eid.strip():
        raise BadInput("id is required (a string)")
    make.text(eid, "id")
    if not isinstance(task_id, str):
        raise BadInput("task is required (a string such as \"195\")")
    task = plan.task(task_id)
    if task is None:
        raise BadInput(f"unknown task {make.quoted(task_id)} (not in tasks.toml)")
    if not isinstance(month, str):
        raise BadInput("month is required (\"2024-08\")")
    m = month_cache.get(month)
    if m is None:
        m = month_cache[month] = months.parse(month)
    values = obj.get("values") or {}
    if not isinstance(values, dict):
        raise BadInput("values must be an object {metric: number}")
    by = obj.get("by")
    if by is not None and not isinstance(by, str):
        raise BadInput("by must be text or null")
    if by is not None:
        make.text(by, "by")
    entry = Entry(
        eid, task_id, m, make.stamp_of(obj.get("recorded_at")), by, make.check_values(task, values),
        make.percent(obj.get("percent")), make.status(obj.get("status")), make.note(obj.get("note")),
    )
    if not (entry.values or entry.percent is not None or entry.status or entry.note):
        raise BadInput("the entry records nothing (no values, percent, status or note)")
    return entry
