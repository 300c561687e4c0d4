"""Import entries as JSON Lines (the form `tracker export` writes): all or nothing, ids skipped when present.

Two ways through, one answer. Each line is first decoded by msgspec into a
typed record (its types checked in C) and given a few plain checks, first
without the plan (parse), then against it (check): that is the whole cost
of a line in the shape `export` writes.
Whatever that fast way does not take (a blank line, a figure written as
text, a bad line) goes the careful way, the standard json module and
entries.py's checks, which accept the same entries and name the first bad
line as `PATH:LINE: message`.
"""

from __future__ import annotations

import json
from typing import Annotated, Literal, NamedTuple

import msgspec

from tracker import entries as make
from tracker import months
from tracker.errors import BadInput
from tracker.model import STATUSES, Plan
from tracker.store import Entry

_Figure = Annotated[float, msgspec.Meta(ge=0)]


class _Record(msgspec.Struct, gc=False):
    """An entry as export writes it: the types msgspec checks in C. Unknown keys are ignored, as json does."""

    id: str
    task: str
    month: str
    recorded_at: str
    by: str | None = None
    values: dict[str, _Figure] | None = None
    percent: Annotated[float, msgspec.Meta(ge=0, le=100)] | None = None
    status: Literal[STATUSES] | None = None
    note: str | None = None


_DECODE = msgspec.json.Decoder(_Record).decode


class Parsed(NamedTuple):
    """A file read without the plan: entries[i] is line i + 1 as an entry, or None where the careful way must look."""

    entries: list
    lines: list  # the lines as text (bytes while every line decoded)


def parse(data: bytes | str, path: str) -> Parsed:
    """Decode a file's lines (bytes as read from disk, or text); a file that is not text is refused here.

    Everything but the plan is checked here, so that this can run while the plan is read.
    """
    records = None
    if isinstance(data, bytes) and not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data:
        # UTF-8 needs no decoding to be cut at its newlines; the last one ends the last line.
        lines = (data[:-1] if data.endswith(b"\n") else data).split(b"\n")
        try:
            records = [_DECODE(line) for line in lines]
        except Exception:  # a blank or bad line, or not UTF-8: the file is looked at as text first
            pass
    if records is None:
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
    month_cache: dict[str, int] = {}
    return Parsed([None if raw is None else _normal(raw, month_cache) for raw in records], lines)


def check(parsed: Parsed, path: str, plan: Plan, tick=None) -> list[Entry]:
    """Every entry of the file, checked against the plan; BadInput `PATH:LINE: message` on the first bad line."""
    out: list[Entry] = []
    append = out.append
    metrics = {t.id: frozenset(m.key for m in t.metrics) for t in plan.tasks}
    month_cache: dict[str, int] = {}
    lines = parsed.lines
    for n, entry in enumerate(parsed.entries, 1):
        if tick and n % 10000 == 0:
            tick(10000)
        if entry is not None:
            keys = metrics.get(entry.task)
            if keys is not None and (not entry.values or keys.issuperset(entry.values)):
                append(entry)
                continue
        line = lines[n - 1]
        if isinstance(line, bytes):
            line = line.decode("utf-8")  # every line decoded as JSON, so this one is UTF-8
        if not line.strip():
            continue
        try:
            append(_entry(line, plan, month_cache))
        except BadInput as e:
            raise BadInput(f"{path}:{n}: {e}") from None
    return out


def read_entries(text: bytes | str, path: str, plan: Plan, tick=None) -> list[Entry]:
    """parse() then check(): the whole import read in one call."""
    return check(parse(text, path), path, plan, tick)


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
